package interchange

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists is returned by WriteFileAtomic when the file is there and
// overwriting was not allowed.
var ErrExists = errors.New("file exists")

// WriteFileAtomic renders into a temporary file next to path, syncs it and
// renames it over path, so readers see the old file or the whole new one,
// never half of it. Unless overwrite is set an existing path is left alone
// and ErrExists returned. An existing file keeps its permissions. The
// temporary file never outlives a failure. It refuses to replace protect
// (the open map file: exporting over it would destroy every map).
func WriteFileAtomic(path, protect string, overwrite bool, render func(io.Writer) error) (err error) {
	fail := func(err error) error {
		// The path is in our prefix already; keep only the reason.
		if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("write %s: %w", path, err)
	}
	if protect != "" && SameFile(path, protect) {
		return fmt.Errorf("write %s: that is the map file itself; refusing to overwrite it", path)
	}
	mode := fs.FileMode(0o644)
	fi, err := os.Stat(path)
	switch {
	case err == nil:
		if !fi.Mode().IsRegular() {
			return fail(errors.New("not a regular file"))
		}
		if !overwrite {
			return ErrExists
		}
		mode = fi.Mode().Perm()
	case !errors.Is(err, fs.ErrNotExist):
		return fail(err)
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fail(err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	bw := bufio.NewWriter(f)
	if err := render(bw); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for _, step := range []func() error{bw.Flush, func() error { return f.Chmod(mode) }, f.Sync, f.Close} {
		if err := step(); err != nil {
			return fail(err)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		return fail(err)
	}
	// Make the rename itself durable; not every file system supports it, and
	// a failure here does not undo the completed write.
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// SameFile reports whether a and b name the same existing file.
func SameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

// AtomicWriter returns WriteFileAtomic bound to protect, in the shape the
// export dialog takes: an existing file without overwrite is reported as
// exists rather than as an error.
func AtomicWriter(protect string) func(path string, overwrite bool, render func(io.Writer) error) (exists bool, err error) {
	return func(path string, overwrite bool, render func(io.Writer) error) (bool, error) {
		err := WriteFileAtomic(path, protect, overwrite, render)
		if errors.Is(err, ErrExists) {
			return true, nil
		}
		return false, err
	}
}

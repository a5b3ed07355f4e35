package exportdlg

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// resolve makes p absolute: "~/" is the home directory, other relative paths
// are relative to dir (or the working directory when dir is empty).
func resolve(dir, p string) (string, error) {
	if p == "~" || strings.HasPrefix(p, "~/") {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("no home directory for %q", p)
		}
		p = filepath.Join(home, strings.TrimPrefix(p, "~"))
	}
	if !filepath.IsAbs(p) && dir != "" {
		p = filepath.Join(dir, p)
	}
	return filepath.Abs(p)
}

// writeAtomic renders into a temp file next to path, syncs it and renames it
// over path, so readers see the old file or the whole new one, never half.
// Unless overwrite is set, an existing path is left alone and reported with
// exists == true. The temp file never outlives a failure.
func writeAtomic(path string, overwrite bool, render func(io.Writer) error) (exists bool, err error) {
	mode := fs.FileMode(0o644)
	fi, err := os.Stat(path)
	switch {
	case err == nil:
		if fi.IsDir() {
			return false, fmt.Errorf("%s is a directory", path)
		}
		if !overwrite {
			return true, nil
		}
		mode = fi.Mode().Perm()
	case !errors.Is(err, fs.ErrNotExist):
		return false, err
	}

	dir, base := filepath.Split(path)
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return false, err
	}
	tmpName := tmp.Name()
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmpName)
		}
	}()
	bw := bufio.NewWriter(tmp)
	if err = render(bw); err != nil {
		return false, fmt.Errorf("export: %w", err)
	}
	if err = bw.Flush(); err != nil {
		return false, err
	}
	if err = tmp.Chmod(mode); err != nil {
		return false, err
	}
	if err = tmp.Sync(); err != nil {
		return false, err
	}
	if err = tmp.Close(); err != nil {
		return false, err
	}
	if err = os.Rename(tmpName, path); err != nil {
		return false, err
	}
	syncDir(dir)
	return false, nil
}

// syncDir makes the rename itself durable where the platform allows it; a
// failure here does not undo a completed write, so it is ignored.
func syncDir(dir string) {
	if dir == "" {
		dir = "."
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

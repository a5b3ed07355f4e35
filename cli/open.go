package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"journeymap/interchange"
	"journeymap/model"
	"journeymap/storage"
	"journeymap/ui"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
)

// interactive opens FILE (or the default file) and runs the interactive
// screen on it.
func (c *cli) interactive(file string) error {
	// Check before opening: without a terminal the screen cannot start, and
	// FILE (or the default file) must not be created for nothing.
	if err := haveTerminal(); err != nil {
		return err
	}
	st, err := c.open(file, false)
	if err != nil {
		return err
	}
	defer st.Close()
	ts, tplErrs := interchange.Templates(interchange.UserTemplateDirEnv(c.env))
	return runUI(st, ts, tplErrs, c.stderr)
}

// haveTerminal reports, as an error, that there is no terminal for the
// interactive screen: Bubble Tea uses the controlling terminal (/dev/tty)
// when standard input is not one. A variable so tests can play either case.
var haveTerminal = func() error {
	if runtime.GOOS == "windows" {
		return nil // the console is found differently; let Bubble Tea try
	}
	f, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return errors.New("the interactive screen needs a terminal; for scripts use list, export, import or new (see 'journeymap --help')")
	}
	f.Close()
	return nil
}

// uiGCPercent is the collector's target for the interactive screen.
const uiGCPercent = 35

// runUI runs the interactive screen; a variable so tests can replace it.
var runUI = func(st *storage.Store, ts []interchange.Template, tplErrs []error, stderr io.Writer) error {
	uts := make([]ui.Template, len(ts))
	for i, t := range ts {
		uts[i] = ui.Template{Name: t.Name, Description: t.Description, Map: t.Map}
	}
	// The screen holds a whole map and its search index for as long as it
	// is open, and allocates little per key: a tighter collector keeps the
	// heap near what is in use. After a minute's work on the dense
	// 10,000-touchpoint map the screen sat at 47–49 MB at 35 against 53–55
	// at 50, for about 20 more collections a minute (a few milliseconds
	// each); 25 gained nothing more.
	debug.SetGCPercent(uiGCPercent)
	return ui.Run(st, ui.Options{Templates: uts, TemplateErrors: tplErrs, Warning: st.Warning(), ExportFunc: exportWith(st.Path()), WriteFile: interchange.AtomicWriter(st.Path())})
}

// exportWith returns what the export dialog renders with: the format's own
// writer, with a deck's pictures written beside the file as `export -o`
// does (never over protect, the open map file).
func exportWith(protect string) func(w io.Writer, m *model.Map, f interchange.Format, path string) error {
	return func(w io.Writer, m *model.Map, f interchange.Format, path string) error {
		var opts interchange.Options
		if path != "" {
			opts.Assets = interchange.DirAssets(path, protect)
		}
		return f.Write(w, m, opts)
	}
}

// open opens FILE, or the default file when FILE is "". With readOnly (list
// and export) the file must exist and is only read: nothing is created,
// set up, migrated or written. Otherwise a missing FILE is created, and the
// default file is created with the sample map on first use; a damaged file
// opens read-only.
func (c *cli) open(file string, readOnly bool) (*storage.Store, error) {
	if readOnly {
		if file == "" {
			path, err := defaultFile(c.env)
			if err != nil {
				return nil, err
			}
			file = path
		}
		return storage.OpenReadOnly(file)
	}
	var st *storage.Store
	var err error
	if file == "" {
		st, err = c.openDefault()
	} else {
		st, err = storage.Open(file)
	}
	// A damaged file opens read-only: a writing command then fails on its
	// first write with one line that says "damaged" and what to do, and the
	// interactive screen shows st.Warning in its status bar.
	return st, err
}

func (c *cli) openDefault() (*storage.Store, error) {
	path, err := defaultFile(c.env)
	if err != nil {
		return nil, err
	}
	_, statErr := os.Stat(path)
	fresh := errors.Is(statErr, fs.ErrNotExist)
	st, err := storage.Open(path)
	if err != nil {
		return nil, err
	}
	if !fresh {
		return st, nil
	}
	if _, err := st.CreateMap(interchange.SampleMap()); err != nil {
		st.Close()
		// Leave no half-made default file behind: the next run tries again.
		for _, p := range []string{path, path + "-wal", path + "-shm"} {
			os.Remove(p)
		}
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	fmt.Fprintf(c.stderr, "journeymap: created %s with a sample map\n", oneLine(path))
	return st, nil
}

// defaultFile is $XDG_DATA_HOME/journeymap/journeymap.db, falling back to
// ~/.local/share as the XDG spec says (relative values are ignored).
func defaultFile(env func(string) string) (string, error) {
	if d := env("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "journeymap", "journeymap.db"), nil
	}
	if h := env("HOME"); h != "" {
		return filepath.Join(h, ".local", "share", "journeymap", "journeymap.db"), nil
	}
	return "", errors.New("no default file: neither XDG_DATA_HOME nor HOME is set; name a FILE")
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

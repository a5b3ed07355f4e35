package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"text/tabwriter"

	"journeymap/model"
	"journeymap/storage"
	"journeymap/ui"
)

// version is what --version prints.
const version = "0.1.0"

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1 // the command failed
	exitUsage = 2 // the command line was wrong
)

// maxImportSize caps how much of an import file is read; real maps are far
// smaller, and ParseJSON would reject a bigger one anyway (text limits).
const maxImportSize = 256 << 20

// errHelp reports that help was asked for and printed: exit 0, no message.
var errHelp = errors.New("help shown")

// usageError is a wrong command line: exit status 2. Cmd is the subcommand
// whose help to point at, if any.
type usageError struct{ cmd, msg string }

func (e *usageError) Error() string { return e.msg }

func (e *usageError) hint() string {
	if e.cmd == "" {
		return "journeymap --help"
	}
	return "journeymap " + e.cmd + " -h"
}

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// cmdUsagef is a usage error in subcommand cmd; the message starts with cmd.
func cmdUsagef(cmd, format string, args ...any) error {
	return &usageError{cmd: cmd, msg: cmd + ": " + fmt.Sprintf(format, args...)}
}

// cli is one invocation: its streams and environment, so tests can run the
// whole program in-process.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	env            func(string) string
}

// run is the whole program: it parses args (without the program name), does
// the work and returns the exit status. Data goes to stdout, messages to
// stderr, and a failure prints exactly one line.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, env func(string) string) int {
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr, env: env}
	err := c.dispatch(args)
	var ue *usageError
	switch {
	case err == nil, errors.Is(err, errHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "journeymap: %s (see '%s')\n", oneLine(err.Error()), ue.hint())
		return exitUsage
	default:
		fmt.Fprintf(stderr, "journeymap: %s\n", oneLine(err.Error()))
		return exitError
	}
}

func (c *cli) dispatch(args []string) error {
	if len(args) == 0 {
		return c.interactive("")
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "-h", "-help", "--help", "help":
		c.usage(c.stdout)
		return nil
	case "-version", "--version", "version":
		fmt.Fprintf(c.stdout, "journeymap %s (%s)\n", version, runtime.Version())
		return nil
	case "list":
		return c.list(rest)
	case "export":
		return c.export(rest)
	case "import":
		return c.importMap(rest)
	case "new":
		return c.newMap(rest)
	case "templates":
		return c.templates(rest)
	case "--":
		if len(rest) != 1 {
			return usagef("expected one FILE after --")
		}
		return c.interactive(rest[0])
	default:
		if strings.HasPrefix(cmd, "-") {
			return usagef("unknown flag %s", cmd)
		}
		if len(rest) > 0 {
			return usagef("unknown command %q, or too many arguments for opening FILE", cmd)
		}
		return c.interactive(cmd)
	}
}

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
	ts, tplErrs := storage.Templates(storage.UserTemplateDirEnv(c.env))
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

// runUI runs the interactive screen; a variable so tests can replace it.
var runUI = func(st *storage.Store, ts []storage.Template, tplErrs []error, stderr io.Writer) error {
	uts := make([]ui.Template, len(ts))
	for i, t := range ts {
		uts[i] = ui.Template{Name: t.Name, Description: t.Description, Map: t.Map}
	}
	return ui.Run(st, ui.Options{Templates: uts, TemplateErrors: tplErrs, ExportFunc: exportByName, WriteFile: storage.AtomicWriter(st.Path())})
}

// exportByName is storage.Export with the format given by name, the shape
// the export dialog asks for.
func exportByName(w io.Writer, m *model.Map, format string) error {
	f, err := storage.ParseFormat(format)
	if err != nil {
		return err
	}
	return storage.Export(w, m, f)
}

func (c *cli) list(args []string) error {
	flags := c.flagSet("list", "[FILE]", "Print one line per map in FILE: id, title, phases, touchpoints.")
	pos, err := parseArgs(flags, args)
	if err != nil {
		return err
	}
	file, err := optionalFile(pos, "list")
	if err != nil {
		return err
	}
	st, err := c.open(file, true)
	if err != nil {
		return err
	}
	defer st.Close()
	maps, err := st.ListMaps()
	if err != nil {
		return err
	}
	if len(maps) == 0 {
		fmt.Fprintf(c.stderr, "journeymap: %s holds no maps\n", oneLine(st.Path()))
		return nil
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	for _, m := range maps {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", m.ID, oneLine(m.Title), plural(m.Phases, "phase"), plural(m.Touchpoints, "touchpoint"))
	}
	return tw.Flush()
}

func (c *cli) export(args []string) error {
	flags := c.flagSet("export", "[FILE] [--map ID|TITLE] [--format md|json|mermaid|csv] [-o OUT]",
		"Write one map to standard output or OUT. --map may be left out when FILE holds one map;\n"+
			"without --format the format follows OUT's extension (.md .json .mmd .csv), else md.")
	ref := flags.String("map", "", "the map's `ID or title` (case-insensitive)")
	formatName := flags.String("format", "", "output `format`: md, json, mermaid or csv")
	var out string
	flags.StringVar(&out, "o", "", "write to `OUT` (atomically) instead of standard output")
	flags.StringVar(&out, "output", "", "same as -o `OUT`")
	pos, err := parseArgs(flags, args)
	if err != nil {
		return err
	}
	file, err := optionalFile(pos, "export")
	if err != nil {
		return err
	}
	format, err := exportFormat(*formatName, out)
	if err != nil {
		return err
	}
	st, err := c.open(file, true)
	if err != nil {
		return err
	}
	defer st.Close()
	id, err := st.FindMap(*ref)
	if err != nil {
		return err
	}
	m, err := st.LoadMap(id)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := storage.Export(&buf, m, format); err != nil {
		return fmt.Errorf("export map %d: %w", id, err)
	}
	if out == "" || out == "-" {
		_, err := c.stdout.Write(buf.Bytes())
		return err
	}
	return storage.WriteFileAtomic(out, st.Path(), true, func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	})
}

// exportFormat picks the format from --format, else from OUT's extension,
// else Markdown.
func exportFormat(name, out string) (storage.Format, error) {
	if name != "" {
		f, err := storage.ParseFormat(name)
		if err != nil {
			return "", &usageError{cmd: "export", msg: "export: " + err.Error()}
		}
		return f, nil
	}
	ext := strings.ToLower(filepath.Ext(out))
	for _, f := range []storage.Format{storage.FormatMarkdown, storage.FormatJSON, storage.FormatMermaid, storage.FormatCSV} {
		if ext != "" && ext == f.Ext() {
			return f, nil
		}
	}
	if ext == ".markdown" || ext == ".mermaid" {
		return storage.ParseFormat(ext[1:])
	}
	return storage.FormatMarkdown, nil
}

func (c *cli) importMap(args []string) error {
	flags := c.flagSet("import", "[FILE] IN.json",
		"Add the map in IN.json (- reads standard input) to FILE and print its id.\n"+
			"Nothing is written when IN.json is not a valid Journeymap document.")
	pos, err := parseArgs(flags, args)
	if err != nil {
		return err
	}
	var file, in string
	switch len(pos) {
	case 1:
		in = pos[0]
	case 2:
		file, in = pos[0], pos[1]
	case 0:
		return cmdUsagef("import", "missing IN.json")
	default:
		return cmdUsagef("import", "too many arguments")
	}
	data, err := c.readInput(in)
	if err != nil {
		return err
	}
	if bytes.HasPrefix(data, []byte("SQLite format 3\x00")) {
		// "journeymap import maps.db" without IN.json reads maps.db as the
		// document; say what went wrong rather than "invalid character".
		return cmdUsagef("import", "%s is a map file, not a JSON document: give the map file first, then IN.json", in)
	}
	m, err := storage.ParseJSON(data)
	if err != nil {
		return fmt.Errorf("import %s: %w", in, err)
	}
	st, err := c.open(file, false)
	if err != nil {
		return err
	}
	defer st.Close()
	id, err := st.CreateMap(m)
	if err != nil {
		return fmt.Errorf("import %s: %w", in, err)
	}
	fmt.Fprintln(c.stdout, id)
	return nil
}

func (c *cli) readInput(name string) ([]byte, error) {
	r := c.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	} else if r == nil {
		r = strings.NewReader("")
	}
	data, err := io.ReadAll(io.LimitReader(r, maxImportSize+1))
	if err != nil {
		// The *PathError already names the file; say it once.
		return nil, fmt.Errorf("read %s: %w", name, unwrapPathError(err))
	}
	if len(data) > maxImportSize {
		return nil, fmt.Errorf("import %s: larger than %d MB", name, maxImportSize>>20)
	}
	return data, nil
}

func (c *cli) newMap(args []string) error {
	flags := c.flagSet("new", "[FILE] [--template NAME] [--title T]",
		"Add a map made from a template to FILE and print its id. The title defaults to the\n"+
			"template's name; 'journeymap templates' lists the templates.")
	tplName := flags.String("template", "Blank", "the template's `NAME` (case-insensitive)")
	title := flags.String("title", "", "the new map's `title`")
	pos, err := parseArgs(flags, args)
	if err != nil {
		return err
	}
	file, err := optionalFile(pos, "new")
	if err != nil {
		return err
	}
	ts, tplErrs := storage.Templates(storage.UserTemplateDirEnv(c.env))
	tpl, ok := storage.FindTemplate(ts, *tplName)
	if !ok {
		names := make([]string, len(ts))
		for i, t := range ts {
			names[i] = oneLine(t.Name)
		}
		msg := fmt.Sprintf("no template %q; templates: %s", oneLine(*tplName), strings.Join(names, ", "))
		if len(tplErrs) > 0 {
			msg += fmt.Sprintf(" (%s skipped, see 'journeymap templates')", plural(len(tplErrs), "bad user template"))
		}
		return errors.New(msg)
	}
	m := tpl.Map
	if isSet(flags, "title") {
		m.Title = *title
	}
	if err := m.MapInfo.Validate(); err != nil {
		return fmt.Errorf("new: %w", err)
	}
	st, err := c.open(file, false)
	if err != nil {
		return err
	}
	defer st.Close()
	id, err := st.CreateMap(m)
	if err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, id)
	return nil
}

func (c *cli) templates(args []string) error {
	dir := storage.UserTemplateDirEnv(c.env)
	flags := c.flagSet("templates", "",
		"List the templates 'journeymap new' and the home screen offer: the built-in ones,\n"+
			"then your own *.json files from "+displayDir(dir)+".")
	pos, err := parseArgs(flags, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return cmdUsagef("templates", "unexpected argument %q", pos[0])
	}
	ts, errs := storage.Templates(dir)
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	for _, t := range ts {
		source := "built-in"
		if !t.Builtin {
			source = "user"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", oneLine(t.Name), source, oneLine(t.Description))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, err := range errs {
		fmt.Fprintf(c.stderr, "journeymap: skipped %s\n", oneLine(err.Error()))
	}
	return nil
}

// open opens FILE, or the default file when FILE is "". An existing file is
// required when mustExist (list and export never create one), except that the
// default file is always created, with the sample map, on first use.
func (c *cli) open(file string, mustExist bool) (*storage.Store, error) {
	if file == "" {
		return c.openDefault()
	}
	if mustExist {
		if _, err := os.Stat(file); err != nil {
			return nil, fmt.Errorf("open %s: %w", file, unwrapPathError(err))
		}
	}
	return storage.Open(file)
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
	if _, err := st.CreateMap(storage.SampleMap()); err != nil {
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

// command is a subcommand's flags and its help text.
type command struct {
	*flag.FlagSet
	help func()
}

// flagSet returns a quiet FlagSet for a subcommand: parse errors come back
// as usage errors and -h prints the subcommand's help to stdout.
func (c *cli) flagSet(name, synopsis, about string) *command {
	flags := flag.NewFlagSet("journeymap "+name, flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	flags.Usage = func() {} // the flag package calls it on every error too
	help := func() {
		fmt.Fprintf(c.stdout, "Usage: journeymap %s %s\n\n%s\n", name, synopsis, about)
		var hasFlags bool
		flags.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintln(c.stdout, "\nFlags:")
			flags.SetOutput(c.stdout)
			flags.PrintDefaults()
			flags.SetOutput(io.Discard)
		}
	}
	return &command{flags, help}
}

// parseArgs parses flags wherever they appear among the positional
// arguments ("export x.db --format md"), which the flag package alone stops
// at. Everything after "--" is positional.
func parseArgs(flags *command, args []string) ([]string, error) {
	var pos []string
	for {
		if err := flags.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				flags.help()
				return nil, errHelp
			}
			return nil, cmdUsagef(strings.TrimPrefix(flags.Name(), "journeymap "), "%v", err)
		}
		rest := flags.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" && endsFlags(flags, args[:used]) {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// endsFlags reports whether the last of consumed, which the flag package
// has just parsed, is the "--" that ends the flags rather than a flag's value
// ("--map --"). It walks consumed as the flag package does.
func endsFlags(flags *command, consumed []string) bool {
	for i := 0; i < len(consumed); i++ {
		a := consumed[i]
		if a == "--" {
			return i == len(consumed)-1
		}
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := flags.Lookup(name); f != nil {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !b.IsBoolFlag() {
				i++ // the flag's value
			}
		}
	}
	return false
}

// isSet reports whether the flag called name was given on the command line.
func isSet(flags *command, name string) bool {
	found := false
	flags.Visit(func(f *flag.Flag) { found = found || f.Name == name })
	return found
}

func optionalFile(pos []string, cmd string) (string, error) {
	switch len(pos) {
	case 0:
		return "", nil
	case 1:
		if pos[0] == "" {
			return "", cmdUsagef(cmd, "FILE must not be empty")
		}
		return pos[0], nil
	default:
		return "", cmdUsagef(cmd, "too many arguments: %s", strings.Join(pos[1:], " "))
	}
}

func (c *cli) usage(w io.Writer) {
	data, err := defaultFile(c.env)
	if err != nil {
		data = "$XDG_DATA_HOME/journeymap/journeymap.db"
	}
	fmt.Fprintf(w, `Journeymap designs customer journey maps in the terminal and keeps them in a
local SQLite file; every edit is saved at once.

Usage:
  journeymap [FILE]                    open the interactive screen on FILE
  journeymap list [FILE]               one line per map: id, title, phases, touchpoints
  journeymap export [FILE] [--map ID|TITLE] [--format md|json|mermaid|csv] [-o OUT]
                                       write one map to standard output or OUT
  journeymap import [FILE] IN.json     add the map in IN.json (- for stdin); prints its id
  journeymap new [FILE] [--template NAME] [--title T]
                                       add a map made from a template; prints its id
  journeymap templates                 list the built-in and your own templates
  journeymap --help | --version

FILE defaults to %s,
created with a sample map on first use. list and export never create a file.
Your own templates are the *.json files in %s.
'journeymap COMMAND -h' shows a command's flags. Exit status: 0 success,
1 failure, 2 wrong usage.
`, data, displayDir(storage.UserTemplateDirEnv(c.env)))
}

func displayDir(dir string) string {
	if dir == "" {
		return "$XDG_CONFIG_HOME/journeymap/templates"
	}
	return dir
}

// oneLine makes text safe and single-line for the terminal: control
// characters (including the ESC that starts terminal escape sequences, and
// line breaks) become spaces, and very long text is cut.
func oneLine(s string) string {
	const most = 500
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == most {
			b.WriteString("…")
			break
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			r = ' '
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

package cli

import (
	"bufio"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"journeymap/interchange"
)

func (c *cli) export(args []string) error {
	// An export holds the whole map once and writes it out: a tighter GC
	// target keeps the process near the map's own size (on the dense
	// 10,000-touchpoint map, max RSS 29.5 MB instead of 30.2 MB for md)
	// for a few milliseconds of collection.
	defer debug.SetGCPercent(debug.SetGCPercent(50))
	var exts []string
	for _, f := range interchange.Formats() {
		exts = append(exts, f.Extensions...)
	}
	flags := c.flagSet("export", "[FILE] [--map ID|TITLE] [--format "+formatList("|")+"] [-o OUT]",
		"Write one map to standard output or OUT. --map may be left out when FILE holds one map;\n"+
			"without --format the format follows OUT's extension ("+strings.Join(exts, " ")+"),\n"+
			"and standard output gets md.")
	ref := flags.String("map", "", "the map's `ID or title` (case-insensitive)")
	formatName := flags.String("format", "", "output `format`: "+interchange.FormatNames())
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
	render := func(w io.Writer) error {
		if err := format.Write(w, m, interchange.Options{}); err != nil {
			return fmt.Errorf("export map %d: %w", id, err)
		}
		return nil
	}
	if out == "" || out == "-" {
		// Streamed: the document is never held whole in memory.
		bw := bufio.NewWriterSize(c.stdout, 64<<10)
		if err := render(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	return interchange.WriteFileAtomic(out, st.Path(), true, func(w io.Writer) error {
		return format.Write(w, m, interchange.Options{})
	})
}

// exportFormat picks the format from --format, else from OUT's extension;
// standard output gets Markdown. An OUT whose extension names no format is
// a wrong command line, never a silent Markdown file.
func exportFormat(name, out string) (interchange.Format, error) {
	if name != "" {
		f, err := interchange.FormatByName(name)
		if err != nil {
			return f, &usageError{cmd: "export", msg: "export: " + err.Error()}
		}
		return f, nil
	}
	if out == "" || out == "-" {
		return interchange.FormatByName("md")
	}
	f, ok := interchange.FormatForPath(out)
	if !ok {
		var known []string
		for _, f := range interchange.Formats() {
			known = append(known, f.Name+" ("+strings.Join(f.Extensions, " ")+")")
		}
		return f, cmdUsagef("export", "cannot tell the format of %q from its extension; name one with --format: %s",
			out, strings.Join(known, ", "))
	}
	return f, nil
}

package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"journeymap/interchange"
	"journeymap/storage"
	"journeymap/ui/exportdlg"
)

func (c *cli) export(args []string) error {
	var exts []string
	for _, f := range interchange.Formats() {
		exts = append(exts, f.Extensions...)
	}
	flags := c.flagSet("export", "[FILE] [--map ID|TITLE | --all] [--format "+formatList("|")+"] [--picture map|curve] [--phase N|NAME] [-o OUT]",
		"Write one map to standard output or OUT. --map may be left out when FILE holds one map;\n"+
			"without --format the format follows OUT's extension ("+strings.Join(exts, " ")+"),\n"+
			"and standard output gets md. --all -o DIR writes every map into DIR, one file each,\n"+
			"named by its title. A deck (marp, slides) written to OUT puts its pictures in\n"+
			"a folder beside OUT named after it (deck.marp.md: deck.marp-assets/); on standard output they are embedded.")
	ref := flags.String("map", "", "the map's `ID or title` (case-insensitive)")
	all := flags.Bool("all", false, "write every map of FILE into the directory -o names")
	formatName := flags.String("format", "", "output `format`: "+interchange.FormatNames())
	pic := flags.String("picture", "", "what svg, png and html draw: `map` (the default) or curve")
	phase := flags.String("phase", "", "highlight phase `N|NAME` (counted from 1) in the picture; pdf details only it")
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
	opts := interchange.Options{Picture: *pic}
	if *pic != "" {
		if err := interchange.CheckPicture(*pic); err != nil {
			return cmdUsagef("export", "--picture: %v", err)
		}
	}
	if *all {
		return c.exportAll(file, *ref, *formatName, *phase, out, opts)
	}
	format, err := exportFormat(*formatName, out)
	if err != nil {
		return err
	}
	format.Prepare()
	defer debug.SetGCPercent(debug.SetGCPercent(gcPercent(format)))
	if format.Draws() {
		// The collection a picture's loose target saves must not cost the
		// 100 MB a large map's poster or deck may use: past this the
		// collector works harder again.
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(drawLimit))
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
	return c.exportMap(st, id, format, *phase, out, opts)
}

// exportMap writes map id in format to out, atomically (a deck's pictures
// go beside it), or to standard output for "" or "-". A format that can
// is streamed from the file (Format.Stream), so the map is never held
// whole; the others load it. The document is never held whole either way.
func (c *cli) exportMap(st *storage.Store, id int64, format interchange.Format, phase, out string, opts interchange.Options) error {
	write := func(w io.Writer) error {
		m, err := st.LoadMap(id)
		if err != nil {
			return err
		}
		if opts.Phase, err = interchange.ResolvePhase(m, phase); err != nil {
			return &usageError{cmd: "export", msg: "export: " + err.Error()}
		}
		return format.Write(w, m, opts)
	}
	if format.Stream != nil {
		write = func(w io.Writer) error {
			need := storage.ReadNeeds{Outline: format.Outline, MostMetrics: format.MostMetrics}
			return st.ReadMap(id, need, func(r *storage.MapReader) error {
				if _, err := interchange.ResolvePhase(r.Head, phase); err != nil {
					return &usageError{cmd: "export", msg: "export: " + err.Error()}
				}
				return format.Stream(w, interchange.Source{Head: r.Head, Outline: r.Outline, MostMetrics: r.MostMetrics, Phases: r.Phases})
			})
		}
	}
	if out == "" || out == "-" {
		bw := bufio.NewWriterSize(c.stdout, 64<<10)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	opts.Assets = interchange.DirAssets(out, st.Path())
	return interchange.WriteFileAtomic(out, st.Path(), true, write)
}

// exportAll writes every map of file into the directory dir, one file
// each, named by its title; titles that make the same name get "-2", "-3".
func (c *cli) exportAll(file, ref, formatName, phase, dir string, opts interchange.Options) error {
	switch {
	case ref != "":
		return cmdUsagef("export", "--all writes every map; leave out --map")
	case phase != "":
		return cmdUsagef("export", "--phase names a phase of one map; leave it out with --all")
	case dir == "" || dir == "-":
		return cmdUsagef("export", "--all needs -o DIR, the directory to write the maps into")
	}
	format, err := interchange.FormatByName("md")
	if formatName != "" {
		if format, err = interchange.FormatByName(formatName); err != nil {
			return &usageError{cmd: "export", msg: "export: " + err.Error()}
		}
	}
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return cmdUsagef("export", "--all -o %s: not a directory", dir)
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
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	used := map[string]bool{}
	for _, sum := range maps {
		stem := exportdlg.Slug(sum.Title)
		name := stem + format.Ext()
		for n := 2; used[strings.ToLower(name)]; n++ {
			name = fmt.Sprintf("%s-%d%s", stem, n, format.Ext())
		}
		used[strings.ToLower(name)] = true
		path := filepath.Join(dir, name)
		if err := c.exportMap(st, sum.ID, format, "", path, opts); err != nil {
			return fmt.Errorf("export map %d: %w", sum.ID, err)
		}
		fmt.Fprintln(c.stdout, path)
	}
	if len(maps) == 0 {
		fmt.Fprintf(c.stderr, "journeymap: %s holds no maps\n", oneLine(st.Path()))
	}
	return nil
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

// gcPercent is the GC target for an export in format f. A text export holds
// the whole map once and writes it out: a tighter target keeps the process
// near the map's own size (dense 10,000-touchpoint map, md: max RSS 29.5 MB
// instead of 30.2 MB) for a few milliseconds of collection. A picture is
// tens of megabytes of pixels made once: collecting while they are drawn
// only costs time (sample map PNG: 121 ms against 141 ms at 50).
// drawLimit is the soft memory limit while a picture is drawn.
const drawLimit = 72 << 20

func gcPercent(f interchange.Format) int {
	if f.Draws() {
		return 400
	}
	return 50
}

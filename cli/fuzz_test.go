package cli

import (
	"bytes"
	"strings"
	"testing"

	"journeymap/interchange"
)

// FuzzCommandLine feeds arbitrary argument lists (split at NUL) to the
// command-line parser with export's flags, and the format names to
// exportFormat: no panic, flags found wherever they stand, errors one line
// once printed, and a format picked only from a name or extension that
// means one.
func FuzzCommandLine(f *testing.F) {
	for _, s := range []string{
		"maps.db\x00--format\x00md",
		"--map=2\x00-o\x00out.json\x00maps.db",
		"a\x00--\x00--format\x00x",
		"-\x00--format=csv\x00-h",
		"--map\x00--\x00maps.db",
		"--format\x00",
		"---x\x00-=\x00--output=.MMD",
		"\x00\x00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		var args []string
		if line != "" {
			args = strings.Split(line, "\x00")
		}
		c := &cli{stdout: new(bytes.Buffer), stderr: new(bytes.Buffer)}
		flags := c.flagSet("export", "", "")
		ref := flags.String("map", "", "")
		name := flags.String("format", "", "")
		var out string
		flags.StringVar(&out, "o", "", "")
		flags.StringVar(&out, "output", "", "")
		pos, err := parseArgs(flags, args)
		if err != nil {
			if msg := oneLine(err.Error()); strings.ContainsAny(msg, "\n\r\x1b") {
				t.Fatalf("error not one clean line: %q", msg)
			}
			return
		}
		if len(pos) > len(args) {
			t.Fatalf("%d positionals from %d arguments", len(pos), len(args))
		}
		// A positional that looks like a flag must have come after "--".
		dashdash := false
		for _, a := range args {
			dashdash = dashdash || a == "--"
		}
		for _, p := range pos {
			if len(p) > 1 && p[0] == '-' && !dashdash {
				t.Fatalf("flag %q taken as a positional in %q", p, args)
			}
		}
		_ = *ref
		format, err := exportFormat(*name, out)
		if err != nil {
			return
		}
		if format.Write == nil {
			t.Fatalf("exportFormat(%q, %q) = %q, not a format", *name, out, format.Name)
		}
		if *name != "" {
			if want, err := interchange.FormatByName(*name); err != nil || want.Name != format.Name {
				t.Fatalf("--format %q gave %q", *name, format.Name)
			}
		} else if out != "" && out != "-" {
			if want, ok := interchange.FormatForPath(out); !ok || want.Name != format.Name {
				t.Fatalf("-o %q gave %q", out, format.Name)
			}
		}
	})
}

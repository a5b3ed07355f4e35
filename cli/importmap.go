package cli

import (
	"bytes"
	"fmt"
	"io"
	"journeymap/interchange"
	"os"
	"strings"
)

// maxImportSize caps how much of an import file is read; real maps are far
// smaller, and ParseJSON would reject a bigger one anyway (text limits).
const maxImportSize = 256 << 20

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
	m, err := interchange.ParseJSON(data)
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

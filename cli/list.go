package cli

import (
	"fmt"
	"text/tabwriter"

	"journeymap/model"
)

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
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", m.ID, oneLine(m.Title), model.Plural(m.Phases, "phase"), model.Plural(m.Touchpoints, "touchpoint"))
	}
	return tw.Flush()
}

package cli

import (
	"fmt"
	"journeymap/interchange"
	"text/tabwriter"
)

func (c *cli) templates(args []string) error {
	dir := interchange.UserTemplateDirEnv(c.env)
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
	ts, errs := interchange.Templates(dir)
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

func displayDir(dir string) string {
	if dir == "" {
		return "$XDG_CONFIG_HOME/journeymap/templates"
	}
	return dir
}

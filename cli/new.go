package cli

import (
	"errors"
	"fmt"
	"strings"

	"journeymap/interchange"
	"journeymap/model"
)

func (c *cli) newMap(args []string) error {
	flags := c.flagSet("new", "[FILE] [--template NAME] [--title T] [--structure-only]",
		"Add a map made from a template to FILE and print its id. The title defaults to the\n"+
			"template's name; 'journeymap templates' lists the templates. With --structure-only\n"+
			"the map takes the template's phases and their descriptions only: no touchpoints,\n"+
			"no persona, goal or notes.")
	tplName := flags.String("template", "Blank", "the template's `NAME` (case-insensitive)")
	title := flags.String("title", "", "the new map's `title`")
	structure := flags.Bool("structure-only", false, "take the phases and their descriptions only, no one's story")
	pos, err := parseArgs(flags, args)
	if err != nil {
		return err
	}
	file, err := optionalFile(pos, "new")
	if err != nil {
		return err
	}
	ts, tplErrs := interchange.Templates(interchange.UserTemplateDirEnv(c.env))
	tpl, ok := interchange.FindTemplate(ts, *tplName)
	if !ok {
		names := make([]string, len(ts))
		for i, t := range ts {
			names[i] = oneLine(t.Name)
		}
		msg := fmt.Sprintf("no template %q; templates: %s", oneLine(*tplName), strings.Join(names, ", "))
		if len(tplErrs) > 0 {
			msg += fmt.Sprintf(" (%s skipped, see 'journeymap templates')", model.Plural(len(tplErrs), "bad user template"))
		}
		return errors.New(msg)
	}
	m := tpl.Map
	if *structure {
		m = m.Clone()
		m.Persona, m.Goal, m.Notes = model.Persona{}, "", ""
		for i := range m.Phases {
			m.Phases[i].Touchpoints = nil
		}
	}
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

package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"journeymap/model"
	"journeymap/ui/editor"
	"journeymap/ui/home"
	"journeymap/ui/theme"
)

// The home screen's glue: what the root does with home's messages.

// homeKeys is home's key map as the help shows it: on a read-only file the
// keys that would change it say why they do nothing (pressing one says so
// in the status bar, through refuseEdit).
func (r *Root) homeKeys(k home.KeyMap) home.KeyMap {
	if r.st.ReadOnly() {
		for _, b := range []*key.Binding{&k.New, &k.Duplicate, &k.Delete} {
			h := b.Help()
			b.SetHelp(h.Key, h.Desc+" ("+readOnlyReason+")")
		}
	}
	return k
}
func (r *Root) updateHome(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && !r.home.Filtering() {
		if r.keys.Help.matches(k) {
			r.openHelp()
			return nil
		}
	}
	switch msg := msg.(type) {
	case home.OpenMsg:
		return r.loadMap(msg.ID, loadOpen, 0)
	case home.NewMsg:
		if r.refuseEdit() {
			return nil
		}
		names := make([]string, 0, len(r.opts.Templates))
		for _, t := range r.opts.Templates {
			names = append(names, t.Name)
		}
		if len(names) == 0 {
			names = []string{"Blank"}
		}
		r.push(r.newEditor(editNewMap, editor.NewMap(model.MapInfo{}, names, r.styles.sub.Editor), target{}, nil))
		return nil
	case home.EditMsg:
		return r.loadMap(msg.ID, loadForEdit, 0)
	case home.DuplicateMsg:
		s, ok := r.summary(msg.ID)
		if !ok || r.refuseEdit() {
			return nil
		}
		st := r.st
		return func() tea.Msg {
			id, err := st.DuplicateMap(s.ID, s.Title+" (copy)")
			return mapActionMsg{note: "duplicated " + s.Title, err: err, selectID: id}
		}
	case home.DeleteMsg:
		s, ok := r.summary(msg.ID)
		if !ok {
			return nil
		}
		if r.refuseEdit() {
			return nil
		}
		q := fmt.Sprintf("Delete map %s with %s and %s? y/n", theme.Clean(s.Title),
			model.Plural(s.Phases, "phase"), model.Plural(s.Touchpoints, "touchpoint"))
		r.openConfirm(q, func(r *Root) tea.Cmd {
			st := r.st
			if r.histMapID == s.ID {
				r.hist.reset()
			}
			return func() tea.Msg {
				return mapActionMsg{note: "deleted " + s.Title, err: st.DeleteMap(s.ID)}
			}
		})
		return nil
	case home.SearchAllMsg:
		return r.loadAllMaps()
	case home.QuitMsg:
		return r.quit(false)
	}
	var cmd tea.Cmd
	r.home, cmd = r.home.Update(msg)
	return cmd
}

func (r *Root) summary(id int64) (model.MapSummary, bool) {
	for _, s := range r.maps {
		if s.ID == id {
			return s, true
		}
	}
	return model.MapSummary{}, false
}

// createMap starts a new map from the chosen template with the typed info.
//
// With structureOnly it takes the template's phases and their descriptions
// only: no touchpoints, and nothing of its story, so a goal or notes left
// blank in the form stay blank. The whole template is one example story, so
// there a blank goal or notes keeps the template's text (the form says so).
// A persona is never taken: the person on the map is the one the user
// typed, or nobody yet, never someone else's.
func (r *Root) createMap(info model.MapInfo, template string, structureOnly bool) tea.Cmd {
	m := &model.Map{}
	for _, t := range r.opts.Templates {
		if strings.EqualFold(t.Name, template) && t.Map != nil {
			m = t.Map.Clone()
		}
	}
	m.ID = 0
	if structureOnly {
		for pi := range m.Phases {
			m.Phases[pi].Touchpoints = nil
		}
	} else {
		if info.Goal == "" {
			info.Goal = m.Goal
		}
		if info.Notes == "" {
			info.Notes = m.Notes
		}
	}
	m.MapInfo = info
	for pi := range m.Phases {
		m.Phases[pi].ID = 0
		for ti := range m.Phases[pi].Touchpoints {
			m.Phases[pi].Touchpoints[ti].ID = 0
		}
	}
	st := r.st
	return func() tea.Msg {
		id, err := st.CreateMap(m)
		return mapCreatedMsg{id: id, err: err}
	}
}

package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"journeymap/model"
	"journeymap/ui/exportdlg"
)

// exportOverlay is the export dialog: a format, a path, a write.
type exportOverlay struct {
	m  exportdlg.Model
	st *Styles
}

func (o *exportOverlay) restyle() { o.m.SetStyles(o.st.sub.Export) }

func (o *exportOverlay) Update(r *Root, msg tea.Msg) (bool, tea.Cmd) {
	switch msg := msg.(type) {
	case exportdlg.ClosedMsg:
		return true, nil
	case exportdlg.DoneMsg:
		r.setNote("exported to "+msg.Path, false)
	}
	var cmd tea.Cmd
	o.m, cmd = o.m.Update(msg)
	return false, cmd
}

func (o *exportOverlay) View(w, h int, _ func(int, int) string) string { return o.m.View(w, h) }

func (o *exportOverlay) Help() help.KeyMap { return o.m.Help() }

// followMap keeps the export on the map as the file holds it now.
func (o *exportOverlay) followMap(m *model.Map) { o.m.SetMap(m) }

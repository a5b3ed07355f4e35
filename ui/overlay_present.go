package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"journeymap/model"
	"journeymap/ui/board"
	"journeymap/ui/present"
)

// presentOverlay is presentation mode: slides on the whole window. Leaving
// it selects the phase it ended on; the projector theme is kept with the map.
type presentOverlay struct {
	m  present.Model
	st *Styles
}

// newPresentOverlay starts the presentation at the phase selected on the
// board, or at the title slide from the first phase (where a talk starts),
// in the theme kept for the map.
func newPresentOverlay(r *Root, m *model.Map, phase int) *presentOverlay {
	if phase <= 0 {
		phase = -1
	}
	pm := present.New(m, phase, r.styles.sub.Present)
	pm.SetProjector(r.view.Projector)
	return &presentOverlay{m: pm, st: r.styles}
}

func (o *presentOverlay) fullScreen() {}

func (o *presentOverlay) restyle() { o.m.SetStyles(o.st.sub.Present) }

func (o *presentOverlay) followMap(m *model.Map) { o.m.SetMap(m) }

func (o *presentOverlay) Update(r *Root, msg tea.Msg) (bool, tea.Cmd) {
	if msg, ok := msg.(present.ProjectorMsg); ok {
		r.view.Projector = msg.On
		return false, r.saveView()
	}
	if msg, ok := msg.(present.ClosedMsg); ok {
		if msg.Phase != r.board.Selection().Phase {
			r.selectCell(board.Selection{Phase: msg.Phase, Index: -1})
		}
		return true, nil
	}
	var cmd tea.Cmd
	o.m, cmd = o.m.Update(msg)
	return false, cmd
}

func (o *presentOverlay) View(w, h int, _ func(int, int) string) string { return o.m.View(w, h) }

// Help is empty: the presentation draws its own hints.
func (o *presentOverlay) Help() help.KeyMap { return simpleHelp{} }

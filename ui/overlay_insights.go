package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"journeymap/model"
	"journeymap/ui/board"
	"journeymap/ui/insights"
)

// insightsOverlay is the panel of what the map lacks and where it hurts; a
// jump selects the touchpoint on the board.
type insightsOverlay struct {
	m    insights.Model
	st   *Styles
	keys *KeyMap
}

func (o *insightsOverlay) restyle() { o.m.SetStyles(o.st.sub.Insights) }

func (o *insightsOverlay) followMap(m *model.Map) {
	o.m = insights.New(model.Insights(m), m, o.st.sub.Insights)
}

func (o *insightsOverlay) Update(r *Root, msg tea.Msg) (bool, tea.Cmd) {
	switch msg := msg.(type) {
	case insights.ClosedMsg:
		return true, nil
	case insights.JumpMsg:
		r.selectCell(board.Selection{Phase: msg.Ref.Phase, Index: msg.Ref.Index})
		return true, nil
	case tea.KeyPressMsg:
		if o.keys.Help.matches(msg) {
			r.openHelp() // over the panel: closing the help comes back here
			return false, nil
		}
	}
	var cmd tea.Cmd
	o.m, cmd = o.m.Update(msg)
	return false, cmd
}

func (o *insightsOverlay) View(w, h int, _ func(int, int) string) string { return o.m.View(w, h) }

func (o *insightsOverlay) Help() help.KeyMap { return insights.DefaultKeyMap() }

package ui

import (
	"fmt"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"journeymap/model"
	"journeymap/ui/board"
	"journeymap/ui/present"
	"journeymap/ui/theme"
)

// Follow me: a facilitator presses F and presents the open map; every
// participant's screen shows the same slide until the facilitator presses F
// again (or leaves the presentation), or the participant presses esc.

// leadOverlay is the facilitator's presentation while the room follows.
type leadOverlay struct {
	m     present.Model
	mapID int64
	phase int
	st    *Styles
}

func (r *Root) newLead() *leadOverlay {
	phase := max(0, r.board.Selection().Phase)
	o := &leadOverlay{m: present.New(r.mp, phase, r.styles.sub.Present), mapID: r.mp.ID, st: r.styles}
	o.phase = o.m.Phase()
	r.session().Room.Lead(o.mapID, o.phase, true)
	r.setNote("the room follows your presentation: F or esc stops", false)
	return o
}

func (o *leadOverlay) fullScreen() {}

func (o *leadOverlay) restyle() { o.m.SetStyles(o.st.sub.Present) }

func (o *leadOverlay) followMap(m *model.Map) { o.m.SetMap(m) }

func (o *leadOverlay) Update(r *Root, msg tea.Msg) (bool, tea.Cmd) {
	room := r.session().Room
	switch msg := msg.(type) {
	case present.ClosedMsg:
		room.Lead(o.mapID, o.phase, false)
		r.setNote("follow mode ended", false)
		if msg.Phase != r.board.Selection().Phase {
			r.board.Select(board.Selection{Phase: msg.Phase, Index: -1})
		}
		return true, nil
	case tea.KeyPressMsg:
		if key.Matches(msg, workshopKeys.Follow) {
			room.Lead(o.mapID, o.phase, false)
			r.setNote("follow mode ended", false)
			return true, nil
		}
	}
	var cmd tea.Cmd
	o.m, cmd = o.m.Update(msg)
	if p := o.m.Phase(); p != o.phase {
		o.phase = p
		room.Lead(o.mapID, p, true)
	}
	return false, cmd
}

func (o *leadOverlay) View(w, h int, _ func(int, int) string) string {
	foot := o.st.Note.Render(theme.Fit("● leading: the room follows your slides · F or esc stops", w))
	return fitBlock(o.m.View(w, max(0, h-1)), w, max(0, h-1)) + "\n" + foot
}

func (o *leadOverlay) Help() help.KeyMap { return simpleHelp{} }

// followOverlay is a participant's screen while following: the
// facilitator's slide, on the map they present.
type followOverlay struct {
	round  int
	mapID  int64
	phase  int
	leader string
	mp     *model.Map
	m      present.Model
	st     *Styles
}

func (o *followOverlay) fullScreen() {}

func (o *followOverlay) restyle() {
	if o.mp != nil {
		o.m.SetStyles(o.st.sub.Present)
	}
}

// load reads the presented map.
func (o *followOverlay) load(r *Root) tea.Cmd {
	st, id, round := r.st, o.mapID, o.round
	return func() tea.Msg {
		m, err := st.LoadMap(id)
		return followMapMsg{m: m, err: err, round: round}
	}
}

func (o *followOverlay) setMap(m *model.Map, r *Root) {
	if o.mp == nil {
		o.mp = m
		o.m = present.New(m, o.phase, r.styles.sub.Present)
		return
	}
	o.mp = m
	o.m.SetMap(m)
}

func (o *followOverlay) goTo(phase int, r *Root) {
	o.phase = phase
	if o.mp != nil && o.m.Phase() != phase {
		o.m = present.New(o.mp, phase, r.styles.sub.Present)
	}
}

func (o *followOverlay) Update(r *Root, msg tea.Msg) (bool, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && r.keys.Back.matches(k) {
		r.ws.dismissed, r.ws.follow = o.round, nil
		r.setNote("stopped following "+theme.Clean(o.leader), false)
		return true, nil
	}
	// Everything else waits: the facilitator drives.
	return false, nil
}

func (o *followOverlay) View(w, h int, _ func(int, int) string) string {
	foot := o.st.Note.Render(theme.Fit(fmt.Sprintf("● following %s · esc stops following", theme.Clean(o.leader)), w))
	if o.mp == nil {
		return fitBlock("Following "+theme.Clean(o.leader)+"…", w, max(0, h-1)) + "\n" + foot
	}
	return fitBlock(o.m.View(w, max(0, h-1)), w, max(0, h-1)) + "\n" + foot
}

func (o *followOverlay) Help() help.KeyMap { return simpleHelp{} }

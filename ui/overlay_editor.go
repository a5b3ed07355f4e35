package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"journeymap/model"
	"journeymap/ui/editor"
)

// editTarget says what the open editor form will change when saved.
type editTarget int

const (
	editTouchpoint editTarget = iota
	editPhase
	editNewMap
	editMapInfo
)

// editorOverlay is the form for a touchpoint, a phase or a map's info, and
// what its saved values become: an edit of the item it was opened on.
type editorOverlay struct {
	m      editor.Model
	target editTarget
	ref    target     // the phase or touchpoint it saves to
	mp     *model.Map // the map whose info is edited from home; nil: the open map
	st     *Styles
}

func (r *Root) newEditor(t editTarget, ed editor.Model, ref target, mp *model.Map) *editorOverlay {
	return &editorOverlay{m: ed, target: t, ref: ref, mp: mp, st: r.styles}
}

func (o *editorOverlay) unsaved() bool { return o.m.Dirty() }

func (o *editorOverlay) restyle() { o.m.SetStyles(o.st.sub.Editor) }

func (o *editorOverlay) Update(r *Root, msg tea.Msg) (bool, tea.Cmd) {
	switch msg := msg.(type) {
	case editor.CancelledMsg:
		return true, nil
	case editor.SavedTouchpointMsg:
		return o.save(r, &model.UpdateTouchpoint{ID: o.ref.id, Rev: o.ref.rev, Touchpoint: msg.Touchpoint})
	case editor.SavedPhaseMsg:
		return o.save(r, &model.UpdatePhase{ID: o.ref.id, Rev: o.ref.rev, Name: msg.Name, Description: msg.Description})
	case editor.SavedMapMsg:
		switch {
		case o.target == editNewMap:
			return true, r.createMap(msg.Info, msg.Template, msg.StructureOnly)
		case o.mp == nil: // from the board: an undoable edit like any other
			return o.save(r, &model.UpdateMap{Rev: o.ref.rev, Info: msg.Info})
		default:
			return true, r.doOutside(o.mp, &model.UpdateMap{Rev: o.mp.Rev, Info: msg.Info})
		}
	}
	var cmd tea.Cmd
	o.m, cmd = o.m.Update(msg)
	return false, cmd
}

// save applies mine unless the item changed or went since the form opened
// (the map under the form keeps refreshing); then it asks what to do, with
// the form kept below so esc goes back to it.
func (o *editorOverlay) save(r *Root, mine model.Edit) (bool, tea.Cmd) {
	var err error
	switch e := mine.(type) {
	case *model.UpdateMap:
		if r.mp != nil && r.mp.Rev != e.Rev {
			err = &model.Conflict{What: "map"}
		}
	default:
		_, rev, ok := r.resolve(o.ref)
		switch {
		case !ok:
			err = &model.Conflict{Gone: true}
		case rev != o.ref.rev:
			err = &model.Conflict{}
		}
	}
	if err != nil {
		if d := r.conflictDialogFor(mine, err); d != nil {
			d.form = o
			r.push(d)
			return false, nil
		}
	}
	return true, r.do(mine)
}

func (o *editorOverlay) View(w, h int, _ func(int, int) string) string { return o.m.View(w, h) }

func (o *editorOverlay) Help() help.KeyMap { return o.m.Help() }

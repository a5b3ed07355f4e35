package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"journeymap/model"
	"journeymap/ui/theme"
)

// conflictDialog appears when a save meets a change made elsewhere: the
// touchpoint, phase or map info was changed in another window since the
// form opened, or deleted. It never decides for the person. The choices:
// keep theirs (drop mine and show the file), overwrite with mine, or keep
// both by saving mine as a new touchpoint. esc goes back to the form when
// there is one below, else it keeps theirs.
type conflictDialog struct {
	what string         // "Checkout", for the question
	gone bool           // deleted elsewhere, not changed
	mine model.Edit     // what the person saved (an Update* edit)
	form *editorOverlay // the form below, if the dialog opened on saving
	st   *Styles
	keys *KeyMap
}

// conflictDialogFor returns the dialog for a save the file refused, or nil
// when the refused edit was no save of a form (a move, a delete: the status
// bar says enough).
func (r *Root) conflictDialogFor(e model.Edit, err error) *conflictDialog {
	c, ok := model.ConflictOf(err)
	if !ok {
		return nil
	}
	d := &conflictDialog{gone: c.Gone, mine: e, st: r.styles, keys: &r.keys}
	switch e := e.(type) {
	case *model.UpdateTouchpoint:
		d.what = e.Touchpoint.Name
	case *model.UpdatePhase:
		d.what = e.Name
	case *model.UpdateMap:
		d.what = e.Info.Title
	default:
		return nil
	}
	return d
}

// asNew reports whether "save mine as new" makes sense: for a touchpoint.
func (d *conflictDialog) asNew() bool {
	_, ok := d.mine.(*model.UpdateTouchpoint)
	return ok
}

func (d *conflictDialog) overwrite() bool { return !d.gone }

func (d *conflictDialog) Update(r *Root, msg tea.Msg) (bool, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false, nil
	}
	switch {
	case d.keys.KeepTheirs.matches(k):
		r.setNote("kept the other window's version; yours was dropped", false)
		return true, d.closeForm(r)
	case d.keys.Overwrite.matches(k) && d.overwrite():
		cmd := r.overwrite(d.mine)
		return true, tea.Batch(cmd, d.closeForm(r))
	case d.keys.SaveAsNew.matches(k) && d.asNew():
		cmd := r.saveAsNew(d.mine.(*model.UpdateTouchpoint))
		return true, tea.Batch(cmd, d.closeForm(r))
	case d.keys.Back.matches(k):
		if d.form != nil {
			return true, nil // back to the form, as it was
		}
		r.setNote("kept the other window's version; yours was dropped", false)
		return true, nil
	}
	return false, nil
}

// closeForm takes the form below off the stack once a choice is made.
func (d *conflictDialog) closeForm(r *Root) tea.Cmd {
	if d.form == nil {
		return nil
	}
	return r.remove(d.form)
}

// overwrite saves mine over whatever the file holds now: the same edit at
// the item's current revision.
func (r *Root) overwrite(mine model.Edit) tea.Cmd {
	switch e := mine.(type) {
	case *model.UpdateTouchpoint:
		return r.doAt(target{id: e.ID}, func(_ model.Ref, rev int64) model.Edit {
			return &model.UpdateTouchpoint{ID: e.ID, Rev: rev, Touchpoint: e.Touchpoint}
		})
	case *model.UpdatePhase:
		return r.doAt(target{id: e.ID, isPhase: true}, func(_ model.Ref, rev int64) model.Edit {
			return &model.UpdatePhase{ID: e.ID, Rev: rev, Name: e.Name, Description: e.Description}
		})
	case *model.UpdateMap:
		if r.mp == nil {
			return nil
		}
		return r.do(&model.UpdateMap{Rev: r.mp.Rev, Info: e.Info})
	}
	return nil
}

// saveAsNew adds mine as a new touchpoint right after the one it was meant
// for, or at the end of the selected phase when that one is gone.
func (r *Root) saveAsNew(mine *model.UpdateTouchpoint) tea.Cmd {
	if r.mp == nil || len(r.mp.Phases) == 0 {
		r.setNote("no phase to add it to", true)
		return nil
	}
	t := mine.Touchpoint.Clone()
	t.ID, t.Rev = model.NewID(), 0
	phase, index := r.mp.Phases[max(0, min(r.board.Selection().Phase, len(r.mp.Phases)-1))].ID, -1
	if ref, ok := r.mp.Find(mine.ID); ok {
		phase, index = r.mp.Phases[ref.Phase].ID, ref.Index+1
	}
	return r.do(&model.InsertTouchpoint{Phase: phase, Index: index, Touchpoint: t})
}

func (d *conflictDialog) Help() help.KeyMap {
	keys := []key.Binding{d.keys.KeepTheirs.shown()}
	if d.overwrite() {
		keys = append(keys, d.keys.Overwrite.shown())
	}
	if d.asNew() {
		keys = append(keys, d.keys.SaveAsNew.shown())
	}
	return simpleHelp(append(keys, d.keys.Back.shown()))
}

func (d *conflictDialog) question() string {
	name := theme.Fit(theme.Clean(d.what), 40)
	kind := "touchpoint"
	switch d.mine.(type) {
	case *model.UpdatePhase:
		kind = "phase"
	case *model.UpdateMap:
		kind = "map"
	}
	lines := []string{}
	if d.gone {
		lines = append(lines, "The "+kind+" "+name+" was deleted in another window while you edited it.")
	} else {
		lines = append(lines, "The "+kind+" "+name+" was changed in another window while you edited it.")
	}
	lines = append(lines, "", "t  keep theirs: drop your changes")
	if d.overwrite() {
		lines = append(lines, "o  overwrite theirs with yours")
	}
	if d.asNew() {
		lines = append(lines, "n  keep both: save yours as a new touchpoint")
	}
	if d.form != nil {
		lines = append(lines, "esc  back to your changes")
	}
	return strings.Join(lines, "\n")
}

// View centres the question over what is below.
func (d *conflictDialog) View(w, h int, below func(int, int) string) string {
	st := d.st
	inner := max(1, min(64, w-st.Dialog.GetHorizontalFrameSize()))
	box := st.Dialog.Render(lipgloss.NewStyle().Width(inner).Render(d.question()))
	bw, bh := lipgloss.Width(box), lipgloss.Height(box)
	x, y := max(0, (w-bw)/2), max(0, (h-bh)/2)
	body := fitBlock(below(w, h), w, h)
	return lipgloss.NewCompositor(lipgloss.NewLayer(body), lipgloss.NewLayer(box).X(x).Y(y).Z(1)).Render()
}

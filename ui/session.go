package ui

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"

	"journeymap/model"
	"journeymap/ui/board"
	"journeymap/ui/theme"
)

// The editing session: every change to the open map goes through do (or
// undo/redo), which applies it to the map on screen, records it for undo
// (undo.go) and queues it for the file (autosave.go); writeDone takes the
// file's answer.

// target names the phase or touchpoint a form or a confirmation is about,
// by ID, with the revision it had when the dialog opened. Positions shift
// under an open dialog whenever another window moves something; an ID never
// names another item.
type target struct {
	id      int64 // touchpoint ID, or phase ID when isPhase
	rev     int64 // its revision when the dialog opened
	isPhase bool
}

func (r *Root) targetAt(sel board.Selection) target {
	if sel.Index < 0 {
		if sel.Phase >= 0 && sel.Phase < len(r.mp.Phases) {
			p := r.mp.Phases[sel.Phase]
			return target{id: p.ID, rev: p.Rev, isPhase: true}
		}
		return target{isPhase: true}
	}
	if tp, ok := r.mp.Touchpoint(model.Ref{Phase: sel.Phase, Index: sel.Index}); ok {
		return target{id: tp.ID, rev: tp.Rev}
	}
	return target{}
}

// resolve finds where t is now: its position (Index -1 for a phase) and its
// current revision, or says it is gone.
func (r *Root) resolve(t target) (model.Ref, int64, bool) {
	if r.mp == nil || t.id == 0 {
		return model.Ref{}, 0, false
	}
	if t.isPhase {
		i, ok := r.mp.PhaseIndex(t.id)
		if !ok {
			return model.Ref{}, 0, false
		}
		return model.Ref{Phase: i, Index: -1}, r.mp.Phases[i].Rev, true
	}
	ref, ok := r.mp.Find(t.id)
	if !ok {
		return model.Ref{}, 0, false
	}
	tp, _ := r.mp.Touchpoint(ref)
	return ref, tp.Rev, true
}

// selectID puts the selection on the touchpoint (or, with isPhase, the
// phase) with id, if it is there.
func (r *Root) selectID(id int64, isPhase bool) bool {
	ref, _, ok := r.resolve(target{id: id, isPhase: isPhase})
	if ok {
		r.selectCell(board.Selection{Phase: ref.Phase, Index: ref.Index})
	}
	return ok
}

// doAt builds an edit for t as it is now and applies it; if t is gone the
// change is refused with a note rather than landing on anything else.
func (r *Root) doAt(t target, build func(ref model.Ref, rev int64) model.Edit) tea.Cmd {
	ref, rev, ok := r.resolve(t)
	if !ok {
		r.setNote("it is no longer in the map (deleted in another window): nothing changed", true)
		return nil
	}
	return r.do(build(ref, rev))
}

// refuseEdit says why no edit can be made now, if one can't.
func (r *Root) refuseEdit() bool {
	switch {
	case r.st.ReadOnly():
		r.setNote(readOnlyNote, true)
	case r.resyncing:
		// Positions in the screen's map may name rows the file doesn't have
		// until the reload after a failed write lands.
		r.setNote("reloading the file after a failed save: try again in a moment", true)
	default:
		return false
	}
	return true
}

// do applies a fresh edit to the open map, records it for undo and queues
// it for the file.
func (r *Root) do(e model.Edit) tea.Cmd {
	if r.mp == nil || r.refuseEdit() || r.refuseRole(e) {
		return nil
	}
	r.stampAuthor(e)
	if err := e.Apply(r.mp); err != nil {
		r.setNote(firstLine(err.Error()), true)
		return nil
	}
	r.hist.push(e)
	r.histMapID = r.mp.ID
	r.setNote("", false)
	if what, ok := strings.CutPrefix(e.Describe(), "delete "); ok {
		// A room deletes in a hurry: say what went and how to get it back.
		r.setNote("deleted "+theme.Fit(what, 48)+" · u undoes", false)
	}
	return r.commit(e)
}

// commit shows an applied edit and queues it for the file.
func (r *Root) commit(e model.Edit) tea.Cmd {
	r.gen++
	r.showMap(r.mp)
	r.followSearch()
	if s, ok := selectionAfter(e, r.mp); ok {
		r.selectCell(s)
	}
	return r.queue.enqueue(r.st, r.mp.ID, e)
}

func (r *Root) undo() tea.Cmd { return r.replay(r.hist.undoTo, "undid: ") }

func (r *Root) redo() tea.Cmd { return r.replay(r.hist.redoTo, "redid: ") }

// replay applies the next undo or redo step and queues it like any edit.
func (r *Root) replay(step func(*model.Map) (model.Edit, string, error), verb string) tea.Cmd {
	if r.mp == nil || r.refuseEdit() {
		return nil
	}
	e, what, err := step(r.mp)
	if err != nil {
		r.setNote(firstLine(err.Error()), true)
		return nil
	}
	r.setNote(verb+what, false)
	return r.commit(e)
}

// selectionAfter says where the selection belongs once e was applied, so
// undo and redo show what they changed.
func selectionAfter(e model.Edit, m *model.Map) (board.Selection, bool) {
	tp := func(id int64) (board.Selection, bool) {
		ref, ok := m.Find(id)
		return board.Selection{Phase: ref.Phase, Index: ref.Index}, ok
	}
	phase := func(id int64) (board.Selection, bool) {
		i, ok := m.PhaseIndex(id)
		return board.Selection{Phase: i, Index: -1}, ok
	}
	switch e := e.(type) {
	case *model.InsertTouchpoint:
		return tp(e.Touchpoint.ID)
	case *model.UpdateTouchpoint:
		return tp(e.ID)
	case *model.MoveTouchpoint:
		return tp(e.ID)
	case *model.DeleteTouchpoint:
		// The neighbour that took its place, or the phase when it was the last.
		if inv, ok := e.Inverse().(*model.InsertTouchpoint); ok {
			if i, ok := m.PhaseIndex(inv.Phase); ok {
				n := len(m.Phases[i].Touchpoints)
				if n == 0 {
					return board.Selection{Phase: i, Index: -1}, true
				}
				return board.Selection{Phase: i, Index: min(inv.Index, n-1)}, true
			}
		}
	case *model.InsertPhase:
		return phase(e.Phase.ID)
	case *model.UpdatePhase:
		return phase(e.ID)
	case *model.MovePhase:
		return phase(e.ID)
	case *model.DeletePhase:
		if inv, ok := e.Inverse().(*model.InsertPhase); ok {
			return board.Selection{Phase: min(inv.Index, max(0, len(m.Phases)-1)), Index: -1}, true
		}
	}
	return board.Selection{}, false
}

// writeDone takes the result of the write in flight.
func (r *Root) writeDone(msg writeDoneMsg) tea.Cmd {
	next := r.queue.done(r.st, msg)
	switch {
	case fileBusy(msg.err):
		// Another program holds the file: the edit waits at the head of the
		// queue and is tried again; the status bar says so.
		return next
	case errors.Is(msg.err, model.ErrRefused):
		return r.refused(msg, next) // a workshop guest's role (workshop.go)
	case errors.Is(msg.err, model.ErrConflict):
		// The item was changed or deleted elsewhere: this edit alone is
		// refused. It leaves the history (undoing it would undo nothing),
		// the person is told, and the map is read again from the file.
		r.hist.forget(msg.edit)
		r.quitting = false
		r.conflictNote(msg.edit, msg.err)
		cmds := []tea.Cmd{next}
		if o := r.conflictDialogFor(msg.edit, msg.err); o != nil {
			r.push(o)
		}
		if !r.queue.busy() {
			cmds = append(cmds, r.reloadOpen())
		}
		return tea.Batch(cmds...)
	case msg.err != nil:
		r.writeErr = "not saved: " + firstLine(msg.err.Error())
		r.setNote("", false)
		r.hist.reset()
		// Stay open so the user sees what was not saved; a second ctrl+c
		// still leaves at once.
		r.quitting = false
		// Whatever was queued after the failed edit was built on it; the file
		// is the truth now, so show exactly what it holds, and take no edits
		// until it is back.
		if r.screen == screenBoard && r.mp != nil && r.mp.ID == msg.mapID {
			r.resyncing = true
			return r.loadMap(msg.mapID, loadReset, 0)
		}
		return r.listMaps()
	}
	r.writeErr = ""
	if next != nil {
		return next
	}
	if r.quitting {
		return tea.Quit
	}
	// Drained. The map on screen is what the file holds: every edit carried
	// its own IDs and the file took it as it was. A change another process
	// made meanwhile was noticed by the refresh tick and waits for this
	// moment; without one there is nothing to read (a 10,000-touchpoint map
	// is 20 MB to load). The list of maps on home shows counts and times
	// that did change.
	if r.live.deferred {
		return r.reloadOpen()
	}
	return r.listMaps()
}

// reloadOpen re-reads the list of maps and the open map, if any.
func (r *Root) reloadOpen() tea.Cmd {
	r.live.deferred = false
	if r.screen == screenBoard && r.mp != nil {
		return tea.Batch(r.listMaps(), r.loadMap(r.mp.ID, loadOutside, 0))
	}
	return r.listMaps()
}

// conflictNote puts a refused edit in the status bar, in words.
func (r *Root) conflictNote(e model.Edit, err error) {
	what := "it"
	if c, ok := model.ConflictOf(err); ok {
		what = c.Error()
	}
	r.setNote("not saved: "+theme.Fit(what, 60)+" · nothing of theirs was overwritten", true)
	_ = e
}

// readOnlyNote is what the status bar says when an edit meets a read-only file.
const readOnlyNote = "the file is read-only: nothing can be changed"

// doOutside applies e to m, a map that is not on the board (its info edited
// from home): recorded for undo like any edit, and queued for the file.
func (r *Root) doOutside(m *model.Map, e model.Edit) tea.Cmd {
	if err := e.Apply(m); err != nil {
		r.setNote(firstLine(err.Error()), true)
		return nil
	}
	if r.histMapID != m.ID {
		r.hist.reset()
		r.histMapID = m.ID
	}
	r.hist.push(e)
	r.gen++
	return r.queue.enqueue(r.st, m.ID, e)
}

package ui

import (
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

// target remembers the phase or touchpoint a form or a confirmation is about.
// Positions can shift under an open dialog (a reload after a failed write
// replaces the map), so it is found again by ID when it has one; an item
// not yet saved (ID 0) keeps its position only while the map was not
// replaced.
type target struct {
	ref     model.Ref // Index -1: the phase itself
	id      int64     // touchpoint ID, or phase ID when ref.Index is -1
	mapSeq  int       // r.mapSeq when the target was taken
	isPhase bool
}

func (r *Root) targetAt(sel board.Selection) target {
	t := target{ref: model.Ref{Phase: sel.Phase, Index: sel.Index}, mapSeq: r.mapSeq, isPhase: sel.Index < 0}
	if t.isPhase {
		if sel.Phase >= 0 && sel.Phase < len(r.mp.Phases) {
			t.id = r.mp.Phases[sel.Phase].ID
		}
	} else if tp, ok := r.mp.Touchpoint(t.ref); ok {
		t.id = tp.ID
	}
	return t
}

// resolve finds where t is now, or says it is gone.
func (r *Root) resolve(t target) (model.Ref, bool) {
	if t.id == 0 || t.mapSeq == r.mapSeq {
		return t.ref, t.mapSeq == r.mapSeq
	}
	for pi, p := range r.mp.Phases {
		if t.isPhase {
			if p.ID == t.id {
				return model.Ref{Phase: pi, Index: -1}, true
			}
			continue
		}
		for ti, tp := range p.Touchpoints {
			if tp.ID == t.id {
				return model.Ref{Phase: pi, Index: ti}, true
			}
		}
	}
	return model.Ref{}, false
}

// doAt builds an edit for wherever t is now and applies it; if t is gone the
// change is refused rather than landing on whatever took its place.
func (r *Root) doAt(t target, build func(model.Ref) model.Edit) tea.Cmd {
	ref, ok := r.resolve(t)
	if !ok {
		r.setNote("it changed meanwhile (the map was reloaded): nothing saved", true)
		return nil
	}
	return r.do(build(ref))
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
	if r.mp == nil || r.refuseEdit() {
		return nil
	}
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
	r.board.SetMap(r.mp)
	if s, ok := selectionAfter(e, r.mp); ok {
		r.board.Select(s)
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
	clampTP := func(p, i int) board.Selection {
		if p < 0 || p >= len(m.Phases) {
			return board.Selection{Phase: max(0, len(m.Phases)-1), Index: -1}
		}
		n := len(m.Phases[p].Touchpoints)
		if n == 0 {
			return board.Selection{Phase: p, Index: -1}
		}
		return board.Selection{Phase: p, Index: min(max(i, 0), n-1)}
	}
	switch e := e.(type) {
	case *model.InsertTouchpoint:
		return board.Selection{Phase: e.Phase, Index: e.Index}, true
	case *model.UpdateTouchpoint:
		return board.Selection{Phase: e.Phase, Index: e.Index}, true
	case *model.DeleteTouchpoint:
		return clampTP(e.Phase, e.Index), true
	case *model.MoveTouchpoint:
		return board.Selection{Phase: e.To.Phase, Index: e.To.Index}, true
	case *model.InsertPhase:
		return board.Selection{Phase: e.Index, Index: -1}, true
	case *model.UpdatePhase:
		return board.Selection{Phase: e.Index, Index: -1}, true
	case *model.DeletePhase:
		return board.Selection{Phase: min(e.Index, max(0, len(m.Phases)-1)), Index: -1}, true
	case *model.MovePhase:
		return board.Selection{Phase: e.To, Index: -1}, true
	}
	return board.Selection{}, false
}

// writeDone takes the result of the write in flight.
func (r *Root) writeDone(msg writeDoneMsg) tea.Cmd {
	next := r.queue.done(r.st, msg)
	if msg.err != nil {
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
			return r.loadMap(msg.mapID, loadReset, nil)
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
	// Drained: pick up the IDs storage assigned and anything deferred.
	r.live.deferred = false
	if r.screen == screenBoard && r.mp != nil {
		// loadOutside, not loadRefresh: a change another process made while
		// our writes were queued arrives with this load and must clear the
		// positional undo history.
		return tea.Batch(r.listMaps(), r.loadMap(r.mp.ID, loadOutside, nil))
	}
	return r.listMaps()
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

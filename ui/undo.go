package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"journeymap/model"
)

// maxHistory bounds the undo stack so a long workshop cannot grow it forever.
const maxHistory = 1000

// history holds the session's applied edits. Both stacks hold edits that
// have been applied to the map, so undoing one means applying its Inverse and
// the applied inverse is what redo later inverts again. No snapshots: the
// model's edits carry what they need to be reversed.
type history struct {
	undo []model.Edit
	redo []model.Edit
}

// push records a fresh edit; a new change makes the redo stack meaningless.
func (h *history) push(e model.Edit) {
	h.undo = append(h.undo, e)
	if len(h.undo) > maxHistory {
		h.undo = append([]model.Edit(nil), h.undo[len(h.undo)-maxHistory:]...)
	}
	h.redo = nil
}

// reset forgets everything, as when another map is opened or the map was
// reloaded from the file and positions may no longer line up.
func (h *history) reset() { h.undo, h.redo = nil, nil }

func (h *history) canUndo() bool { return len(h.undo) > 0 }
func (h *history) canRedo() bool { return len(h.redo) > 0 }

// undoTo applies the inverse of the last edit to m. It returns the applied
// inverse and the description of what was undone.
func (h *history) undoTo(m *model.Map) (applied model.Edit, what string, err error) {
	if len(h.undo) == 0 {
		return nil, "", errNothing("undo")
	}
	last := h.undo[len(h.undo)-1]
	inv := last.Inverse()
	rebase(last, inv, m)
	if err := inv.Apply(m); err != nil {
		if errors.Is(err, model.ErrConflict) {
			// Its item changed or went elsewhere: this step can never be
			// undone without clobbering that, so it leaves the history and
			// the one before it is next.
			h.undo = h.undo[:len(h.undo)-1]
			return nil, "", fmt.Errorf("cannot undo %s: %w", last.Describe(), err)
		}
		return nil, "", err
	}
	h.undo = h.undo[:len(h.undo)-1]
	h.redo = append(h.redo, inv)
	return inv, last.Describe(), nil
}

// redoTo re-applies the last undone edit to m.
func (h *history) redoTo(m *model.Map) (applied model.Edit, what string, err error) {
	if len(h.redo) == 0 {
		return nil, "", errNothing("redo")
	}
	last := h.redo[len(h.redo)-1]
	again := last.Inverse()
	rebase(last, again, m)
	if err := again.Apply(m); err != nil {
		if errors.Is(err, model.ErrConflict) {
			h.redo = h.redo[:len(h.redo)-1]
			return nil, "", fmt.Errorf("cannot redo %s: %w", again.Describe(), err)
		}
		return nil, "", err
	}
	h.redo = h.redo[:len(h.redo)-1]
	h.undo = append(h.undo, again)
	return again, again.Describe(), nil
}

// forget takes e out of the history: the file refused it, so there is
// nothing to undo or redo.
func (h *history) forget(e model.Edit) {
	drop := func(s []model.Edit) []model.Edit {
		for i := len(s) - 1; i >= 0; i-- {
			if s[i] == e {
				return append(s[:i:i], s[i+1:]...)
			}
		}
		return s
	}
	h.undo, h.redo = drop(h.undo), drop(h.redo)
}

type errNothing string

func (e errNothing) Error() string { return "nothing to " + string(e) }

// rebase lets a step of the history that changes a touchpoint's fields
// follow the revisions our own undos and redos gave it: undoing two score
// changes of one card in a row finds it one revision on from what the
// older edit saw, with exactly the fields that edit left. When the
// touchpoint holds exactly what last left it with, next names its current
// revision; anything else (another window changed it) keeps the old one
// and is refused as a conflict, here and in the file's transaction.
func rebase(last, next model.Edit, m *model.Map) {
	l, ok1 := last.(*model.UpdateTouchpoint)
	n, ok2 := next.(*model.UpdateTouchpoint)
	if !ok1 || !ok2 || m == nil {
		return
	}
	ref, ok := m.Find(n.ID)
	if !ok {
		return
	}
	cur, _ := m.Touchpoint(ref)
	if cur.Rev != n.Rev && sameFields(*cur, l.Touchpoint) {
		n.Rev = cur.Rev
	}
}

// sameFields compares two touchpoints' fields, not their ID or revision;
// lists compare by their items.
func sameFields(a, b model.Touchpoint) bool {
	return fieldsKey(a) == fieldsKey(b)
}

func fieldsKey(t model.Touchpoint) string {
	var b strings.Builder
	w := func(s string) { b.WriteString(strconv.Quote(s)); b.WriteByte(',') }
	w(t.Name)
	w(t.Description)
	w(t.Channel)
	w(string(t.Kind))
	w(t.Owner)
	w(strconv.Itoa(t.Emotion.Score))
	w(t.Notes)
	for _, l := range []model.List{t.Emotion.Labels, t.Motivations, t.Thoughts, t.PainPoints, t.Opportunities, t.Backstage} {
		b.WriteByte('[')
		for _, s := range l.All() {
			w(s)
		}
		b.WriteByte(']')
	}
	f := func(p *float64) {
		if p == nil {
			w("nil")
			return
		}
		w(strconv.FormatFloat(*p, 'g', -1, 64))
	}
	for _, mt := range t.Metrics {
		w(mt.Name)
		w(mt.Unit)
		f(mt.Target)
		f(mt.Current)
		w(string(mt.Direction))
	}
	return b.String()
}

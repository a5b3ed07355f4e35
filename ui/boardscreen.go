package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"journeymap/model"
	"journeymap/ui/board"
	"journeymap/ui/editor"
	"journeymap/ui/exportdlg"
	"journeymap/ui/finder"
	"journeymap/ui/insights"
	"journeymap/ui/theme"
)

// The board's glue: the root's keys on the board (edits, overlays), the
// rest to the board itself.
func (r *Root) updateBoard(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return r.boardKey(msg)
	}
	// The board and the lanes start at the screen's top row, so mouse
	// positions need no translation.
	return r.navigate(msg)
}

// navigate hands navigation (keys the root did not take, the mouse) to
// the view on screen; the lanes view's selection is mirrored on the board.
func (r *Root) navigate(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	if r.lanesOn() {
		before := r.lanes.ColumnWidth()
		r.lanes, cmd = r.lanes.Update(msg)
		r.syncFromLanes()
		if r.lanes.ColumnWidth() != before {
			return tea.Batch(cmd, r.saveView())
		}
		return cmd
	}
	r.board, cmd = r.board.Update(msg)
	return cmd
}

// boardKeys is the key map as the board uses it now: on a read-only file
// the keys that would change it are switched off, and say why.
func (r *Root) boardKeys() KeyMap {
	if r.st.ReadOnly() {
		return r.keys.disabled(readOnlyReason)
	}
	return r.keys
}

func (r *Root) boardKey(k tea.KeyPressMsg) tea.Cmd {
	km := r.boardKeys()
	sel := r.board.Selection()
	m := r.mp
	hasPhase := sel.Phase >= 0 && sel.Phase < len(m.Phases)
	tp, hasTP := m.Touchpoint(model.Ref{Phase: sel.Phase, Index: sel.Index})
	if _, off := km.refused(k); off {
		// Say so before the user types into a prompt or answers a question
		// whose answer could never be saved. The editor still opens: it is
		// also the only place to read every field.
		r.setNote(readOnlyNote, true)
		return nil
	}
	if (km.Capture.matches(k) || km.NewPhase.matches(k) || km.Delete.matches(k) || km.Score.matches(k)) && r.refuseEdit() {
		return nil // reloading after a failed write
	}
	if cmd, ok := r.workshopKey(k); ok {
		return cmd
	}
	if r.lanesOn() {
		if cmd, ok := r.lanesKey(k, km); ok {
			return cmd
		}
	}
	switch {
	case km.ToggleView.matches(k):
		return r.toggleView()
	case km.ChooseLanes.matches(k):
		if !r.lanesOn() {
			r.view.Lanes = true
			r.selectCell(sel)
		}
		r.openLaneChooser()
		return nil
	case km.Score.matches(k):
		return r.setScore(k)
	case km.Help.matches(k):
		r.openHelp()
		return nil
	case km.Quit.matches(k), km.Back.matches(k):
		r.screen = screenHome
		r.setNote("", false)
		r.home.Select(m.ID)
		return r.listMaps()
	case km.Undo.matches(k):
		return r.undo()
	case km.Redo.matches(k):
		return r.redo()
	case km.Capture.matches(k):
		if !hasPhase {
			r.setNote("add a phase first (p)", true)
			return nil
		}
		title := "Add touchpoints to " + theme.Clean(m.Phases[sel.Phase].Name)
		return r.openPrompt(promptCapture, title, "touchpoint name")
	case km.NewPhase.matches(k):
		return r.openPrompt(promptPhase, "New phase", "phase name")
	case km.Edit.matches(k):
		switch {
		case hasTP:
			ed := editor.NewTouchpoint(tp.Clone(), suggestions(m, r.vocab), r.styles.sub.Editor)
			r.push(r.newEditor(editTouchpoint, ed, r.targetAt(sel), nil))
		case hasPhase:
			ed := editor.NewPhase(m.Phases[sel.Phase].Clone(), r.styles.sub.Editor)
			r.push(r.newEditor(editPhase, ed, r.targetAt(board.Selection{Phase: sel.Phase, Index: -1}), nil))
		}
		return nil
	case km.EditMap.matches(k):
		r.push(r.newEditor(editMapInfo, editor.NewMap(m.MapInfo, nil, r.styles.sub.Editor), target{id: m.ID, rev: m.Rev}, nil))
		return nil
	case km.Delete.matches(k):
		switch {
		case hasTP:
			at := r.targetAt(sel)
			r.openConfirm(fmt.Sprintf("Delete touchpoint %s? y/n", theme.Clean(tp.Name)), func(r *Root) tea.Cmd {
				return r.doAt(at, func(_ model.Ref, rev int64) model.Edit {
					return &model.DeleteTouchpoint{ID: at.id, Rev: rev}
				})
			})
		case hasPhase:
			p := m.Phases[sel.Phase]
			at := r.targetAt(board.Selection{Phase: sel.Phase, Index: -1})
			r.openConfirm(fmt.Sprintf("Delete phase %s and its %s? y/n", theme.Clean(p.Name),
				model.Plural(len(p.Touchpoints), "touchpoint")), func(r *Root) tea.Cmd {
				return r.doAt(at, func(_ model.Ref, rev int64) model.Edit { return &model.DeletePhase{ID: at.id, Rev: rev} })
			})
		}
		return nil
	case km.MoveLeft.matches(k), km.MoveRight.matches(k), km.MoveUp.matches(k), km.MoveDown.matches(k):
		return r.move(k, sel, hasPhase, hasTP)
	case km.Search.matches(k):
		r.push(&finderOverlay{m: finder.NewFromIndex("Search "+theme.Clean(m.Title), r.searchIndex(), r.styles.sub.Finder), st: r.styles, onMap: true})
		return nil
	case km.Insights.matches(k):
		r.push(&insightsOverlay{m: insights.New(model.Insights(m), m, r.styles.sub.Insights), st: r.styles, keys: &r.keys})
		return nil
	case km.Present.matches(k):
		r.push(newPresentOverlay(r, m, sel.Phase))
		return nil
	case km.Export.matches(k):
		if r.opts.ExportFunc == nil || r.opts.WriteFile == nil {
			r.setNote("export is not available", true)
			return nil
		}
		r.push(&exportOverlay{m: exportdlg.New(m, r.dir, r.opts.ExportFunc, r.opts.WriteFile, r.styles.sub.Export), st: r.styles})
		return nil
	}
	return r.navigate(k)
}

// move turns H/L/K/J into a move edit: a touchpoint across phases (H/L) or
// within its phase (K/J); a selected phase among the phases.
func (r *Root) move(k tea.KeyPressMsg, sel board.Selection, hasPhase, hasTP bool) tea.Cmd {
	km, m := r.keys, r.mp
	switch {
	case hasTP:
		from := model.Ref{Phase: sel.Phase, Index: sel.Index}
		tp, _ := m.Touchpoint(from)
		to := from
		switch {
		case km.MoveLeft.matches(k), km.MoveRight.matches(k):
			d := -1
			if km.MoveRight.matches(k) {
				d = 1
			}
			to.Phase += d
			if to.Phase < 0 || to.Phase >= len(m.Phases) {
				return nil
			}
			// Along the journey: the end of the previous phase, the
			// start of the next, so the order of moments is kept.
			to.Index = 0
			if d < 0 {
				to.Index = len(m.Phases[to.Phase].Touchpoints)
			}
		case km.MoveUp.matches(k):
			to.Index--
		default:
			to.Index++
		}
		if to.Index < 0 || (to.Phase == from.Phase && to.Index >= len(m.Phases[from.Phase].Touchpoints)) {
			return nil
		}
		return r.do(&model.MoveTouchpoint{ID: tp.ID, Phase: m.Phases[to.Phase].ID, Index: to.Index})
	case hasPhase:
		to := sel.Phase + 1
		if km.MoveLeft.matches(k) || km.MoveUp.matches(k) {
			to = sel.Phase - 1
		}
		if to < 0 || to >= len(m.Phases) {
			return nil
		}
		return r.do(&model.MovePhase{ID: m.Phases[sel.Phase].ID, To: to})
	}
	return nil
}

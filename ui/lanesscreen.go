package ui

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"journeymap/model"
	"journeymap/ui/board"
	"journeymap/ui/editor"
	"journeymap/ui/lanes"
	"journeymap/ui/theme"
)

// The lanes view's glue. The board (cards) and the lanes grid show the same
// map and share one selection: the board's Selection is the touchpoint (or
// phase) every edit key acts on, and the lanes view adds the lane and item
// within it. Which of the two is on screen, the hidden lanes and the column
// width are kept per map in the file (Store.SaveView).

// laneItemHelp lists what the edit keys do in a lane, for the help screen.
var laneItemHelp = []key.Binding{
	key.NewBinding(key.WithHelp("a", "add to the lane")),
	key.NewBinding(key.WithHelp("e", "edit the item")),
	key.NewBinding(key.WithHelp("d", "delete the item")),
	key.NewBinding(key.WithHelp("K/J", "move the item")),
}

// lanesHelp lists the lanes view's own keys (arrows, pages and g/G work as
// on the board) and what the edit keys do in a lane.
func lanesHelp() []key.Binding {
	k := lanes.DefaultKeyMap()
	return append([]key.Binding{k.NextItem, k.PrevItem, k.PrevPhase, k.NextPhase, k.Wider, k.Narrower}, laneItemHelp...)
}

// viewSavedMsg is the answer of a SaveView.
type viewSavedMsg struct{ err error }

// lanesOn reports whether the board shows lanes rather than cards.
func (r *Root) lanesOn() bool { return r.view.Lanes }

// showMap hands the map to both views.
func (r *Root) showMap(m *model.Map) {
	r.board.SetMap(m)
	r.lanes.SetMap(m)
	r.searchStale = true // the search index catches up when / next opens
	if r.searchIdx != nil && !r.searchIdx.Of(m) {
		// It can only be built again from scratch, and meanwhile it
		// would keep the map it reads alive beside this one.
		r.searchIdx = nil
	}
}

// selectCell selects a touchpoint (or, with Index -1, a phase) in both
// views; the lanes view keeps its lane.
func (r *Root) selectCell(s board.Selection) {
	r.board.Select(s)
	ls := r.lanes.Selection()
	r.lanes.Select(lanes.Selection{Phase: s.Phase, Index: s.Index, Lane: ls.Lane, Item: ls.Item})
}

// syncFromLanes makes the board's selection follow the lanes view's.
func (r *Root) syncFromLanes() {
	ls := r.lanes.Selection()
	r.board.Select(board.Selection{Phase: ls.Phase, Index: ls.Index})
}

// applyView puts stored view settings on the lanes view.
func (r *Root) applyView(v model.ViewPrefs) {
	r.view = v
	var hidden []lanes.Lane
	for _, k := range v.HiddenLanes {
		if l, ok := lanes.ParseLane(k); ok {
			hidden = append(hidden, l)
		}
	}
	r.lanes.SetHiddenLanes(hidden)
	r.lanes.SetColumnWidth(v.ColumnWidth)
}

// saveView stores the open map's view settings. On a read-only file they
// hold for this window only.
func (r *Root) saveView() tea.Cmd {
	if r.mp == nil || r.st.ReadOnly() {
		return nil
	}
	v := r.view
	v.HiddenLanes = nil
	for _, l := range r.lanes.Hidden() {
		v.HiddenLanes = append(v.HiddenLanes, l.Key())
	}
	v.ColumnWidth = r.lanes.ColumnWidth()
	r.view = v
	st, id := r.st, r.mp.ID
	return func() tea.Msg { return viewSavedMsg{err: st.SaveView(id, v)} }
}

// toggleView switches between cards and lanes, carrying the selection.
func (r *Root) toggleView() tea.Cmd {
	r.view.Lanes = !r.view.Lanes
	sel := r.board.Selection()
	if r.view.Lanes {
		r.selectCell(sel)
		r.setNote("lanes: c hides lanes · v back to cards", false)
	} else {
		r.setNote("", false)
	}
	return r.saveView()
}

// setScore sets the selected touchpoint's emotion score from a digit key:
// one edit, saved and undoable like any other.
func (r *Root) setScore(k tea.KeyPressMsg) tea.Cmd {
	sel := r.board.Selection()
	tp, ok := r.mp.Touchpoint(model.Ref{Phase: sel.Phase, Index: sel.Index})
	if !ok || len(k.Text) != 1 {
		r.setNote("select a touchpoint to score it", true)
		return nil
	}
	score := int(k.Text[0] - '0')
	if tp.Emotion.Score == score {
		return nil
	}
	at := target{id: tp.ID, rev: tp.Rev}
	cmd := r.doAt(at, func(_ model.Ref, rev int64) model.Edit {
		next := tp.Clone()
		next.Emotion.Score = score
		return &model.UpdateTouchpoint{ID: at.id, Rev: rev, Touchpoint: next}
	})
	if r.note == "" {
		r.setNote(fmt.Sprintf("%s: %d %s %s · u undoes", theme.Fit(theme.Clean(tp.Name), 40), score,
			theme.Face(score), model.ScoreWord(score)), false)
	}
	return cmd
}

// laneName is a lane's name in a sentence ("pain point").
func laneItemName(l lanes.Lane) string {
	switch l {
	case lanes.LaneEmotion:
		return "emotion label"
	case lanes.LaneMotivations:
		return "motivation"
	case lanes.LaneThoughts:
		return "thought"
	case lanes.LanePainPoints:
		return "pain point"
	case lanes.LaneOpportunities:
		return "opportunity"
	case lanes.LaneBackstage:
		return "backstage step"
	case lanes.LaneMetrics:
		return "metric"
	}
	return "touchpoint"
}

// laneList returns the list of texts lane l edits in t: the list lanes,
// and the emotion labels for the emotion lane; nil for the others.
func laneList(l lanes.Lane, t *model.Touchpoint) *model.List {
	if l == lanes.LaneEmotion {
		return &t.Emotion.Labels
	}
	return l.List(t)
}

// lanesKey handles the keys that mean something else in a lane than on a
// card: a, e, d and K/J on an item. It reports whether it took the key.
func (r *Root) lanesKey(k tea.KeyPressMsg, km KeyMap) (tea.Cmd, bool) {
	ls := r.lanes.Selection()
	tp, hasTP := r.mp.Touchpoint(model.Ref{Phase: ls.Phase, Index: ls.Index})
	if !hasTP || ls.Lane == lanes.LaneTouchpoint {
		return nil, false // as on the cards
	}
	itemLane := ls.Lane.IsList() || ls.Lane == lanes.LaneEmotion
	switch {
	case km.Capture.matches(k) && itemLane:
		if r.refuseEdit() {
			return nil, true
		}
		return r.openItemPrompt(tp, ls.Lane, -1), true
	case km.Edit.matches(k) && ls.Lane != lanes.LaneEmotion:
		if ls.Lane == lanes.LaneMetrics || ls.Item < 0 {
			// The form, on this lane's field: every item of the cell.
			return r.openEditorOn(tp, ls), true
		}
		return r.openItemPrompt(tp, ls.Lane, ls.Item), true
	case km.Delete.matches(k) && ls.Lane.IsList() && ls.Item >= 0 && ls.Item < ls.Lane.ItemCount(tp):
		if r.refuseEdit() {
			return nil, true
		}
		at, lane, item := target{id: tp.ID, rev: tp.Rev}, ls.Lane, ls.Item
		what := ""
		if lane == lanes.LaneMetrics {
			what = tp.Metrics[item].Name
		} else {
			what = lane.List(tp).At(item)
		}
		r.openConfirm(fmt.Sprintf("Delete %s %q from %s? y/n", laneItemName(lane), theme.Fit(theme.Clean(what), 40),
			theme.Fit(theme.Clean(tp.Name), 30)), func(r *Root) tea.Cmd {
			return r.editItems(at, lane, func(t *model.Touchpoint) bool {
				if lane == lanes.LaneMetrics {
					if item >= len(t.Metrics) {
						return false
					}
					t.Metrics = slices.Delete(t.Metrics, item, item+1)
					return true
				}
				l := lane.List(t)
				if item >= l.Len() {
					return false
				}
				*l = model.ListOf(slices.Delete(l.Items(), item, item+1)...)
				return true
			}, item-1)
		})
		return nil, true
	case (km.MoveUp.matches(k) || km.MoveDown.matches(k)) && ls.Lane.IsList() && ls.Item >= 0:
		d := 1
		if km.MoveUp.matches(k) {
			d = -1
		}
		n := ls.Lane.ItemCount(tp)
		to := ls.Item + d
		if to < 0 || to >= n {
			return nil, true
		}
		from, lane := ls.Item, ls.Lane
		return r.editItems(target{id: tp.ID, rev: tp.Rev}, lane, func(t *model.Touchpoint) bool {
			if lane == lanes.LaneMetrics {
				t.Metrics[from], t.Metrics[to] = t.Metrics[to], t.Metrics[from]
				return true
			}
			l := lane.List(t)
			items := l.Items()
			items[from], items[to] = items[to], items[from]
			*l = model.ListOf(items...)
			return true
		}, to), true
	}
	return nil, false
}

// editItems changes one lane of the touchpoint at t through an
// UpdateTouchpoint carrying the revision seen, and selects item sel of the
// lane afterwards.
func (r *Root) editItems(t target, lane lanes.Lane, change func(*model.Touchpoint) bool, sel int) tea.Cmd {
	var changed bool
	cmd := r.doAt(t, func(ref model.Ref, rev int64) model.Edit {
		cur, _ := r.mp.Touchpoint(ref)
		next := cur.Clone()
		changed = change(&next)
		return &model.UpdateTouchpoint{ID: t.id, Rev: rev, Touchpoint: next}
	})
	_ = changed
	ls := r.lanes.Selection()
	ls.Lane, ls.Item = lane, max(sel, 0)
	r.lanes.Select(ls)
	return cmd
}

// openEditorOn opens the touchpoint form on the field of the selected lane.
func (r *Root) openEditorOn(tp *model.Touchpoint, ls lanes.Selection) tea.Cmd {
	ed := editor.NewTouchpoint(tp.Clone(), suggestions(r.mp, r.vocab), r.styles.sub.Editor)
	ed.FocusItem(laneField(ls.Lane), ls.Item)
	r.push(r.newEditor(editTouchpoint, ed, target{id: tp.ID, rev: tp.Rev}, nil))
	return nil
}

// laneField is the editor's field for a lane.
func laneField(l lanes.Lane) string {
	switch l {
	case lanes.LaneEmotion:
		return "emotion.score"
	case lanes.LaneTouchpoint:
		return "name"
	}
	return l.Key()
}

// openItemPrompt opens the one-line prompt that adds items to a lane of a
// touchpoint (item < 0: one per enter, and a pasted list adds one per line)
// or changes item item.
func (r *Root) openItemPrompt(tp *model.Touchpoint, lane lanes.Lane, item int) tea.Cmd {
	title := fmt.Sprintf("Add %ss to %s", laneItemName(lane), theme.Clean(tp.Name))
	placeholder := laneItemName(lane)
	value := ""
	if item >= 0 {
		title = fmt.Sprintf("Edit %s of %s", laneItemName(lane), theme.Clean(tp.Name))
		if lane == lanes.LaneMetrics {
			value = tp.Metrics[item].Name
		} else if l := laneList(lane, tp); l != nil && item < l.Len() {
			value = l.At(item)
		}
	}
	p, cmd := newPrompt(promptItem, title, placeholder, r.styles.Input)
	p.input.CharLimit = 2000
	if value != "" {
		p.input.SetValue(value)
		p.input.CursorEnd()
	}
	r.push(&promptOverlay{p: p, st: r.styles, keys: &r.keys, tp: tp.ID, lane: lane, item: item})
	return cmd
}

// submitItem adds text to (or, editing, replaces the item in) the prompt's
// lane of its touchpoint, found by ID.
func (o *promptOverlay) submitItem(r *Root, text string) (done bool, cmd tea.Cmd) {
	_, rev, ok := r.resolve(target{id: o.tp})
	if !ok {
		r.setNote("the touchpoint is no longer in the map (deleted in another window): nothing added", true)
		return true, nil
	}
	lane, item := o.lane, o.item
	sel := item
	cmd = r.editItems(target{id: o.tp, rev: rev}, lane, func(t *model.Touchpoint) bool {
		if lane == lanes.LaneMetrics {
			if item >= 0 && item < len(t.Metrics) {
				t.Metrics[item].Name = text
				return true
			}
			t.Metrics = append(t.Metrics, model.Metric{Name: text, Direction: model.Up})
			sel = len(t.Metrics) - 1
			return true
		}
		l := laneList(lane, t)
		if item >= 0 && item < l.Len() {
			items := l.Items()
			items[item] = text
			*l = model.ListOf(items...)
			return true
		}
		*l = l.Append(text)
		sel = l.Len() - 1
		return true
	}, 0)
	ls := r.lanes.Selection()
	ls.Item = sel
	r.lanes.Select(ls)
	if item >= 0 {
		return true, cmd // an edit closes; adding stays open for the next
	}
	o.p.added = append(o.p.added, text)
	return false, cmd
}

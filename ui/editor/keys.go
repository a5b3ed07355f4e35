package editor

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
)

// KeyMap holds the editor's keys. Text fields take every other key as typing.
type KeyMap struct {
	Next       key.Binding // next field (or metric cell)
	Prev       key.Binding // previous field (or metric cell)
	Save       key.Binding
	Cancel     key.Binding
	Change     key.Binding // cycle a choice, change the score, flip a metric's direction
	Pick       key.Binding // move in a suggestion dropdown or a list
	Accept     key.Binding // take the highlighted suggestion
	TakeFirst  key.Binding // take the first suggestion while none is highlighted (Next)
	Add        key.Binding // add a list item / edit the item under the cursor
	Delete     key.Binding // delete a list item or metric row
	MoveUp     key.Binding // move a list item up
	MoveDown   key.Binding // move a list item down
	AddMetric  key.Binding // add a metric row
	ConfirmYes key.Binding // discard changes
	ConfirmNo  key.Binding // keep editing

	// The bindings below are the finer keys behind the ones above: each
	// shows in the help under the same words as the one it refines, so
	// the help lists the idea once.
	Up            key.Binding // up a line, item or row (Pick)
	Down          key.Binding // down a line, item or row (Pick)
	Forward       key.Binding // a plain field's next: tab, enter or down (Next)
	Backward      key.Binding // a plain field's previous: shift+tab or up (Prev)
	SuggestNext   key.Binding // down in a suggestion dropdown (Pick)
	SuggestPrev   key.Binding // up in a suggestion dropdown (Pick)
	ChoiceNext    key.Binding // the next option of a choice (Change)
	ChoicePrev    key.Binding // the previous option of a choice (Change)
	ScoreUp       key.Binding // (Change)
	ScoreDown     key.Binding // (Change)
	ScoreSet      key.Binding // a digit sets the score (Change)
	FlipDirection key.Binding // a metric's direction (Change)
	DirectionUp   key.Binding // (Change)
	DirectionDown key.Binding // (Change)
	AddRow        key.Binding // on the "add metric" line (AddMetric)
	DeleteRow     key.Binding // a metric row: ctrl+d only, delete edits the cell (Delete)
}

// DefaultKeyMap returns the editor's default keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Next:       key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		Prev:       key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous field")),
		Save:       key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Cancel:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Change:     key.NewBinding(key.WithKeys("left", "right", "space"), key.WithHelp("←/→", "change choice/score")),
		Pick:       key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "pick suggestion/item")),
		Accept:     key.NewBinding(key.WithKeys("enter", "tab"), key.WithHelp("enter", "accept suggestion")),
		TakeFirst:  key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "take the first suggestion")),
		Add:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "add/edit item")),
		Delete:     key.NewBinding(key.WithKeys("ctrl+d", "delete"), key.WithHelp("ctrl+d", "delete item/row")),
		MoveUp:     key.NewBinding(key.WithKeys("shift+up", "alt+up", "ctrl+up"), key.WithHelp("shift+↑", "move item up")),
		MoveDown:   key.NewBinding(key.WithKeys("shift+down", "alt+down", "ctrl+down"), key.WithHelp("shift+↓", "move item down")),
		AddMetric:  key.NewBinding(key.WithKeys("ctrl+n"), key.WithHelp("ctrl+n", "add metric")),
		ConfirmYes: key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "discard")),
		ConfirmNo:  key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n", "keep editing")),

		Up:            key.NewBinding(key.WithKeys("up"), key.WithHelp(pick.Key, pick.Desc)),
		Down:          key.NewBinding(key.WithKeys("down"), key.WithHelp(pick.Key, pick.Desc)),
		Forward:       key.NewBinding(key.WithKeys("tab", "enter", "down"), key.WithHelp("tab", "next field")),
		Backward:      key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("shift+tab", "previous field")),
		SuggestNext:   key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp(pick.Key, pick.Desc)),
		SuggestPrev:   key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp(pick.Key, pick.Desc)),
		ChoiceNext:    key.NewBinding(key.WithKeys("right", "space", "l"), key.WithHelp(change.Key, change.Desc)),
		ChoicePrev:    key.NewBinding(key.WithKeys("left", "h"), key.WithHelp(change.Key, change.Desc)),
		ScoreUp:       key.NewBinding(key.WithKeys("right", "l", "+"), key.WithHelp(change.Key, change.Desc)),
		ScoreDown:     key.NewBinding(key.WithKeys("left", "h", "-"), key.WithHelp(change.Key, change.Desc)),
		ScoreSet:      key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp(change.Key, change.Desc)),
		FlipDirection: key.NewBinding(key.WithKeys("left", "right", "space", "h", "l"), key.WithHelp(change.Key, change.Desc)),
		DirectionUp:   key.NewBinding(key.WithKeys("u", "+"), key.WithHelp(change.Key, change.Desc)),
		DirectionDown: key.NewBinding(key.WithKeys("d", "-"), key.WithHelp(change.Key, change.Desc)),
		AddRow:        key.NewBinding(key.WithKeys("enter", "ctrl+n"), key.WithHelp("ctrl+n", "add metric")),
		DeleteRow:     key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "delete item/row")),
	}
}

// The help of the bindings that refine Pick and Change.
var (
	pick   = key.Help{Key: "↑/↓", Desc: "pick suggestion/item"}
	change = key.Help{Key: "←/→", Desc: "change choice/score"}
)

// ShortHelp lists the keys for the one-line help.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.Prev, k.Save, k.Cancel}
}

// FullHelp lists every key of the editor, grouped.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Next, k.Prev, k.Save, k.Cancel},
		{k.Change, k.Pick, k.Accept},
		{k.Add, k.Delete, k.MoveUp, k.MoveDown, k.AddMetric},
		{k.Up, k.Down, k.Forward, k.Backward, k.SuggestNext, k.SuggestPrev, k.ChoiceNext, k.ChoicePrev,
			k.ScoreUp, k.ScoreDown, k.ScoreSet, k.FlipDirection, k.DirectionUp, k.DirectionDown, k.AddRow, k.DeleteRow},
	}
}

// Help returns the keys for the one-line help under the form: the discard
// question's answers while it asks, otherwise the keys of the focused field
// first (the form takes every letter as typing, so ? cannot show them),
// then moving, saving and cancelling.
func (m Model) Help() help.KeyMap {
	k := m.keys
	if m.confirm {
		return formHelp{short: []key.Binding{k.ConfirmYes, k.ConfirmNo}, all: k}
	}
	var short []key.Binding
	if m.focus >= 0 && m.focus < len(m.fields) {
		switch m.fields[m.focus].kind {
		case kindChoice, kindScore:
			short = append(short, k.Change)
		case kindList:
			short = append(short, k.Add, k.Delete, k.MoveUp)
		case kindMetrics:
			short = append(short, k.AddMetric, k.Delete)
		}
	}
	short = append(short, k.Next)
	if len(short) == 1 {
		short = append(short, k.Prev) // room for it beside a plain text field
	}
	return formHelp{short: append(short, k.Save, k.Cancel), all: k}
}

type formHelp struct {
	short []key.Binding
	all   KeyMap
}

func (h formHelp) ShortHelp() []key.Binding  { return h.short }
func (h formHelp) FullHelp() [][]key.Binding { return h.all.FullHelp() }

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
	Add        key.Binding // add a list item / edit the item under the cursor
	Delete     key.Binding // delete a list item or metric row
	MoveUp     key.Binding // move a list item up
	MoveDown   key.Binding // move a list item down
	AddMetric  key.Binding // add a metric row
	ConfirmYes key.Binding // discard changes
	ConfirmNo  key.Binding // keep editing
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
		Add:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "add/edit item")),
		Delete:     key.NewBinding(key.WithKeys("ctrl+d", "delete"), key.WithHelp("ctrl+d", "delete item/row")),
		MoveUp:     key.NewBinding(key.WithKeys("shift+up", "alt+up"), key.WithHelp("shift+↑", "move item up")),
		MoveDown:   key.NewBinding(key.WithKeys("shift+down", "alt+down"), key.WithHelp("shift+↓", "move item down")),
		AddMetric:  key.NewBinding(key.WithKeys("ctrl+n"), key.WithHelp("ctrl+n", "add metric")),
		ConfirmYes: key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "discard")),
		ConfirmNo:  key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n", "keep editing")),
	}
}

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

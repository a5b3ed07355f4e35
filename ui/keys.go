package ui

import "charm.land/bubbles/v2/key"

// KeyMap holds the keys the root handles itself: screen changes, edits and
// overlays. Navigation inside a screen belongs to that screen's own key map.
type KeyMap struct {
	Help      key.Binding
	Quit      key.Binding
	Back      key.Binding
	ForceQuit key.Binding

	Edit      key.Binding
	EditMap   key.Binding
	Capture   key.Binding
	NewPhase  key.Binding
	Delete    key.Binding
	MoveLeft  key.Binding
	MoveRight key.Binding
	MoveUp    key.Binding
	MoveDown  key.Binding
	Undo      key.Binding
	Redo      key.Binding
	Search    key.Binding
	Insights  key.Binding
	Present   key.Binding
	Export    key.Binding
}

// DefaultKeyMap returns the keys of DESIGN.md.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		Help:      b([]string{"?"}, "?", "all keys"),
		Quit:      b([]string{"q"}, "q", "back to maps"),
		Back:      b([]string{"esc"}, "esc", "back / cancel"),
		ForceQuit: b([]string{"ctrl+c"}, "ctrl+c", "quit"),

		Edit:      b([]string{"enter", "e"}, "e/enter", "edit"),
		EditMap:   b([]string{"E"}, "E", "edit map info"),
		Capture:   b([]string{"a"}, "a", "add touchpoints"),
		NewPhase:  b([]string{"p"}, "p", "new phase"),
		Delete:    b([]string{"d"}, "d", "delete"),
		MoveLeft:  b([]string{"H"}, "H", "move left"),
		MoveRight: b([]string{"L"}, "L", "move right"),
		MoveUp:    b([]string{"K"}, "K", "move up"),
		MoveDown:  b([]string{"J"}, "J", "move down"),
		Undo:      b([]string{"u"}, "u", "undo"),
		Redo:      b([]string{"ctrl+r"}, "ctrl+r", "redo"),
		Search:    b([]string{"/"}, "/", "search"),
		Insights:  b([]string{"i"}, "i", "insights"),
		Present:   b([]string{"s"}, "s", "present"),
		Export:    b([]string{"x"}, "x", "export"),
	}
}

// boardHelp is the short and full help of the board: the root's edit keys
// around the board's own navigation keys.
type boardHelp struct {
	k   KeyMap
	nav interface {
		ShortHelp() []key.Binding
		FullHelp() [][]key.Binding
	}
}

// ShortHelp puts "? all keys" first: the line is cut at the window's edge,
// and the way to every other key must never be what gets cut.
func (h boardHelp) ShortHelp() []key.Binding {
	out := []key.Binding{h.k.Help}
	if h.nav != nil {
		out = append(out, h.nav.ShortHelp()...)
	}
	return append(out, h.k.Capture, h.k.Edit, h.k.NewPhase, h.k.Delete, h.k.Undo,
		h.k.Search, h.k.Insights, h.k.Present, h.k.Export, h.k.Quit)
}

func (h boardHelp) FullHelp() [][]key.Binding {
	groups := [][]key.Binding{
		{h.k.Edit, h.k.EditMap, h.k.Capture, h.k.NewPhase, h.k.Delete, h.k.Undo, h.k.Redo},
		{h.k.MoveLeft, h.k.MoveRight, h.k.MoveUp, h.k.MoveDown},
		{h.k.Search, h.k.Insights, h.k.Present, h.k.Export, h.k.Help, h.k.Quit, h.k.Back, h.k.ForceQuit},
	}
	if h.nav != nil {
		groups = append(h.nav.FullHelp(), groups...)
	}
	return groups
}

// simpleHelp turns a fixed list of bindings into a help.KeyMap.
type simpleHelp []key.Binding

func (s simpleHelp) ShortHelp() []key.Binding  { return s }
func (s simpleHelp) FullHelp() [][]key.Binding { return [][]key.Binding{s} }

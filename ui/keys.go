package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Binding is one key the root or its overlays act on. A binding that would
// change the file is switched off, while that is impossible, with a reason:
// the help still lists it, marked with the reason (the way lazygit does),
// and pressing it shows why in the status bar instead of acting.
type Binding struct {
	key.Binding
	// Writes marks a key that changes the file.
	Writes bool
	// DisabledReason, when set, says why the key does nothing now.
	DisabledReason string
}

func bind(keys []string, k, desc string) Binding {
	return Binding{Binding: key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))}
}

// matches reports whether k is this binding, enabled or not.
func (b Binding) matches(k tea.KeyPressMsg) bool { return key.Matches(k, b.Binding) }

// shown is the binding as the help lists it: with the reason it is off.
func (b Binding) shown() key.Binding {
	if b.DisabledReason == "" {
		return b.Binding
	}
	h := b.Help()
	out := b.Binding
	out.SetHelp(h.Key, h.Desc+" ("+b.DisabledReason+")")
	return out
}

// shownAll lists bindings as the help shows them.
func shownAll(bs ...Binding) []key.Binding {
	out := make([]key.Binding, len(bs))
	for i, b := range bs {
		out[i] = b.shown()
	}
	return out
}

// KeyMap is the one place every key of the root and its own overlays is
// defined (screens and forms in sub-packages keep their own key maps, which
// the help lists from the same values). Navigation inside a screen belongs to
// that screen's key map.
type KeyMap struct {
	Help      Binding
	Quit      Binding
	Back      Binding
	ForceQuit Binding

	Edit      Binding
	EditMap   Binding
	Capture   Binding
	NewPhase  Binding
	Delete    Binding
	MoveLeft  Binding
	MoveRight Binding
	MoveUp    Binding
	MoveDown  Binding
	Undo      Binding
	Redo      Binding
	Search    Binding
	Insights  Binding
	Present   Binding
	Export    Binding
	// Score sets the selected touchpoint's emotion score (1–5) at once.
	Score Binding
	// ToggleView switches the board between cards and lanes.
	ToggleView Binding
	// ChooseLanes opens the list of lanes to hide or show.
	ChooseLanes Binding

	// The confirm dialog.
	Yes Binding
	No  Binding
	// Quick capture and the new-phase prompt.
	Submit Binding
	// The conflict dialog: an edit met a change made elsewhere.
	KeepTheirs Binding
	Overwrite  Binding
	SaveAsNew  Binding
	// The full help screen.
	HelpClose Binding
	HelpNext  Binding
	HelpPrev  Binding
}

// DefaultKeyMap returns the keys the README lists.
func DefaultKeyMap() KeyMap {
	b := bind
	w := func(keys []string, k, desc string) Binding {
		x := bind(keys, k, desc)
		x.Writes = true
		return x
	}
	return KeyMap{
		Help:      b([]string{"?"}, "?", "all keys"),
		Quit:      b([]string{"q"}, "q", "back to maps"),
		Back:      b([]string{"esc"}, "esc", "back / cancel"),
		ForceQuit: b([]string{"ctrl+c"}, "ctrl+c", "quit"),

		Edit:      b([]string{"enter", "e"}, "e/enter", "edit"),
		EditMap:   b([]string{"E"}, "E", "edit map info"),
		Capture:   w([]string{"a"}, "a", "add touchpoints"),
		NewPhase:  w([]string{"p"}, "p", "new phase"),
		Delete:    w([]string{"d"}, "d", "delete"),
		MoveLeft:  w([]string{"H"}, "H", "move left"),
		MoveRight: w([]string{"L"}, "L", "move right"),
		MoveUp:    w([]string{"K"}, "K", "move up"),
		MoveDown:  w([]string{"J"}, "J", "move down"),
		Undo:      w([]string{"u"}, "u", "undo"),
		Redo:      w([]string{"ctrl+r"}, "ctrl+r", "redo"),
		Search:    b([]string{"/"}, "/", "search"),
		Insights:  b([]string{"i"}, "i", "insights"),
		Present:   b([]string{"s"}, "s", "present"),
		Export:    b([]string{"x"}, "x", "export"),
		Score:     w([]string{"1", "2", "3", "4", "5"}, "1–5", "score"),

		ToggleView:  b([]string{"v"}, "v", "cards/lanes"),
		ChooseLanes: b([]string{"c"}, "c", "hide/show lanes"),

		Yes:    b([]string{"y", "Y", "enter"}, "y", "yes"),
		No:     b([]string{"n", "N", "esc", "q", "Q"}, "n/esc", "no"),
		Submit: b([]string{"enter"}, "enter", "add"),

		KeepTheirs: b([]string{"t"}, "t", "keep theirs"),
		Overwrite:  b([]string{"o"}, "o", "overwrite with mine"),
		SaveAsNew:  b([]string{"n"}, "n", "save mine as new"),

		HelpClose: b([]string{"esc", "?", "q", "enter"}, "esc", "back / cancel"),
		HelpNext:  b([]string{"right", "l", "pgdown", "space", "j", "down"}, "→", "more keys"),
		HelpPrev:  b([]string{"left", "h", "pgup", "k", "up"}, "←", "previous keys"),
	}
}

// readOnlyReason is what the help says beside a key that would write.
const readOnlyReason = "read-only file"

// writeKeys lists the bindings that change the file.
func (k *KeyMap) writeKeys() []*Binding {
	return []*Binding{&k.Capture, &k.NewPhase, &k.Delete, &k.MoveLeft, &k.MoveRight, &k.MoveUp,
		&k.MoveDown, &k.Undo, &k.Redo, &k.Score}
}

// disabled returns the key map with every key that would change the file
// switched off for reason ("" switches them back on).
func (k KeyMap) disabled(reason string) KeyMap {
	for _, b := range k.writeKeys() {
		if b.Writes {
			b.DisabledReason = reason
		}
	}
	return k
}

// refused finds the pressed key among the switched-off ones.
func (k *KeyMap) refused(msg tea.KeyPressMsg) (Binding, bool) {
	for _, b := range k.writeKeys() {
		if b.DisabledReason != "" && b.matches(msg) {
			return *b, true
		}
	}
	return Binding{}, false
}

// boardHelp is the short and full help of the board: the root's edit keys
// around the board's own navigation keys.
type boardHelp struct {
	k     KeyMap
	lanes bool // the lanes view: its item keys
	nav   interface {
		ShortHelp() []key.Binding
		FullHelp() [][]key.Binding
	}
}

// ShortHelp puts "? all keys" first: the line is cut at the window's edge,
// and the way to every other key must never be what gets cut.
func (h boardHelp) ShortHelp() []key.Binding {
	out := []key.Binding{h.k.Help.shown()}
	if h.nav != nil {
		out = append(out, h.nav.ShortHelp()...)
	}
	if h.lanes {
		return append(out, shownAll(h.k.Capture, h.k.Edit, h.k.Delete, h.k.Score, h.k.ToggleView, h.k.ChooseLanes,
			h.k.Undo, h.k.Search, h.k.Present, h.k.Quit)...)
	}
	return append(out, shownAll(h.k.Capture, h.k.Edit, h.k.NewPhase, h.k.Delete, h.k.Score, h.k.ToggleView, h.k.Undo,
		h.k.Search, h.k.Insights, h.k.Present, h.k.Export, h.k.Quit)...)
}

func (h boardHelp) FullHelp() [][]key.Binding {
	groups := [][]key.Binding{
		shownAll(h.k.Edit, h.k.EditMap, h.k.Capture, h.k.NewPhase, h.k.Delete, h.k.Score, h.k.Undo, h.k.Redo),
		shownAll(h.k.MoveLeft, h.k.MoveRight, h.k.MoveUp, h.k.MoveDown, h.k.ToggleView, h.k.ChooseLanes),
		shownAll(h.k.Search, h.k.Insights, h.k.Present, h.k.Export, h.k.Help, h.k.Quit, h.k.Back, h.k.ForceQuit),
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

// The board's mouse actions, listed with the keys; they bind no key.
var (
	clickHelp = key.NewBinding(key.WithHelp("click", "select a card or phase"))
	wheelHelp = key.NewBinding(key.WithHelp("wheel", "scroll (shift: sideways)"))
)

package lanes

import "charm.land/bubbles/v2/key"

// KeyMap holds the lanes view's navigation keys. Editing keys (a, e, d,
// H/L/K/J…) and v (cards/lanes) belong to the root, which owns the map.
type KeyMap struct {
	Up        key.Binding // previous lane
	Down      key.Binding // next lane
	Left      key.Binding // previous touchpoint
	Right     key.Binding // next touchpoint
	NextItem  key.Binding // next item in the cell
	PrevItem  key.Binding // previous item in the cell
	PageLeft  key.Binding // a screenful of touchpoints left
	PageRight key.Binding // a screenful of touchpoints right
	PrevPhase key.Binding // first touchpoint of the previous phase (or of this one)
	NextPhase key.Binding // first touchpoint of the next phase
	First     key.Binding // first touchpoint of the map
	Last      key.Binding // last touchpoint of the map
	Wider     key.Binding // wider columns
	Narrower  key.Binding // narrower columns
}

// DefaultKeyMap returns the lanes view's default keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous lane")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next lane")),
		Left:      key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "previous touchpoint")),
		Right:     key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "next touchpoint")),
		NextItem:  key.NewBinding(key.WithKeys("tab", "]"), key.WithHelp("tab/]", "next item")),
		PrevItem:  key.NewBinding(key.WithKeys("shift+tab", "["), key.WithHelp("S-tab/[", "previous item")),
		PageLeft:  key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page left")),
		PageRight: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page right")),
		PrevPhase: key.NewBinding(key.WithKeys("{", "0"), key.WithHelp("{", "previous phase")),
		NextPhase: key.NewBinding(key.WithKeys("}"), key.WithHelp("}", "next phase")),
		First:     key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "first touchpoint")),
		Last:      key.NewBinding(key.WithKeys("end", "G", "$"), key.WithHelp("G/end", "last touchpoint")),
		Wider:     key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", "wider columns")),
		Narrower:  key.NewBinding(key.WithKeys("-"), key.WithHelp("-", "narrower columns")),
	}
}

// ShortHelp returns the keys for the one-line help.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("up", "down", "left", "right"), key.WithHelp("←↓↑→/hjkl", "move")),
		k.NextItem,
	}
}

// FullHelp returns every key of the view, grouped for the help screen.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Left, k.Right, k.NextItem, k.PrevItem},
		{k.PageLeft, k.PageRight, k.PrevPhase, k.NextPhase, k.First, k.Last, k.Wider, k.Narrower},
	}
}

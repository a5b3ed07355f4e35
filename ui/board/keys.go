package board

import "charm.land/bubbles/v2/key"

// KeyMap holds the board's navigation keys. Editing keys (a, e, d, H/L/K/J…)
// belong to the root, which owns the map.
type KeyMap struct {
	Up         key.Binding
	Down       key.Binding
	Left       key.Binding
	Right      key.Binding
	PageUp     key.Binding
	PageDown   key.Binding
	Top        key.Binding // first touchpoint of the phase, then its header
	Bottom     key.Binding // last touchpoint of the phase
	FirstPhase key.Binding
	LastPhase  key.Binding
}

// DefaultKeyMap returns the board's default keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:         key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:       key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Left:       key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "previous phase")),
		Right:      key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "next phase")),
		PageUp:     key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown:   key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Top:        key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "top of phase")),
		Bottom:     key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "bottom of phase")),
		FirstPhase: key.NewBinding(key.WithKeys("ctrl+home", "0"), key.WithHelp("0", "first phase")),
		LastPhase:  key.NewBinding(key.WithKeys("ctrl+end", "$"), key.WithHelp("$", "last phase")),
	}
}

// ShortHelp returns the keys for the one-line help.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("up", "down", "left", "right"), key.WithHelp("←↓↑→/hjkl", "move")),
	}
}

// FullHelp returns every board key, grouped for the help screen.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Left, k.Right},
		{k.PageUp, k.PageDown, k.Top, k.Bottom, k.FirstPhase, k.LastPhase},
	}
}

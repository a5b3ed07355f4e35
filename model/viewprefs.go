package model

// ViewPrefs is how one map is looked at in the terminal interface, kept per
// map in the file beside it. It is not part of the map's content: it has no
// revision, no edit and no undo, and no export carries it.
type ViewPrefs struct {
	// Lanes: the board shows the lanes grid rather than cards.
	Lanes bool
	// HiddenLanes lists the lanes not shown, by their stable keys
	// ("pain_points", "backstage").
	HiddenLanes []string
	// ColumnWidth fixes the width of a lanes column in cells; 0 chooses
	// one from the window.
	ColumnWidth int
	// Projector: presentation mode uses its high-contrast theme.
	Projector bool
}

// Package deps pins the modules the project uses before every one of them is
// imported by real code, so go.mod stays tidy while packages are being written.
// Delete it once each import below appears elsewhere.
package deps

import (
	_ "charm.land/bubbles/v2/help"
	_ "charm.land/bubbles/v2/key"
	_ "charm.land/bubbles/v2/textarea"
	_ "charm.land/bubbles/v2/textinput"
	_ "charm.land/bubbles/v2/viewport"
	_ "charm.land/bubbletea/v2"
	_ "charm.land/lipgloss/v2"
	_ "github.com/charmbracelet/x/ansi"
	_ "github.com/charmbracelet/x/exp/teatest/v2"
	_ "github.com/mattn/go-sqlite3"
	_ "github.com/sahilm/fuzzy"
)

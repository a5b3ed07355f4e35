package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"journeymap/ui/theme"
)

// confirmDialog asks a yes/no question before something destructive. The
// action runs only on y (or enter); n and esc cancel.
type confirmDialog struct {
	question string
	yes      func(r *Root) tea.Cmd
}

// confirmAnswer reports the answer; the root runs the action on yes.
type confirmAnswer struct{ yes bool }

func (c confirmDialog) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch strings.ToLower(k.String()) {
	case "y", "enter":
		return func() tea.Msg { return confirmAnswer{yes: true} }
	case "n", "esc", "q":
		return func() tea.Msg { return confirmAnswer{yes: false} }
	}
	return nil
}

// View draws the question in a bordered box at most width wide, wrapping
// long names rather than cutting the part that says what will be deleted.
func (c confirmDialog) View(width int, st Styles) string {
	text := theme.Clean(c.question)
	inner := max(1, min(60, width-st.Dialog.GetHorizontalFrameSize(), lipgloss.Width(text)))
	q := lipgloss.NewStyle().Width(inner).Render(text)
	lines := strings.Split(q, "\n")
	if len(lines) > 6 {
		lines = append(lines[:5], "…")
	}
	return st.Dialog.Render(strings.Join(lines, "\n"))
}

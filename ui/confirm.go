package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"journeymap/ui/theme"
)

// confirmDialog asks a yes/no question before something destructive, over
// whatever is below it. The action runs only on yes; no cancels.
type confirmDialog struct {
	question string
	yes      func(r *Root) tea.Cmd
	st       *Styles
	keys     *KeyMap
}

func (r *Root) openConfirm(q string, yes func(r *Root) tea.Cmd) {
	r.push(&confirmDialog{question: q, yes: yes, st: r.styles, keys: &r.keys})
}

func (c *confirmDialog) Update(r *Root, msg tea.Msg) (bool, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false, nil
	}
	switch {
	case c.keys.Yes.matches(k):
		if c.yes == nil {
			return true, nil
		}
		return true, c.yes(r)
	case c.keys.No.matches(k):
		return true, nil
	}
	return false, nil
}

func (c *confirmDialog) Help() help.KeyMap { return simpleHelp{c.keys.Yes.shown(), c.keys.No.shown()} }

// View centres the question over what is below.
func (c *confirmDialog) View(w, h int, below func(int, int) string) string {
	d := c.box(w)
	dw, dh := lipgloss.Width(d), lipgloss.Height(d)
	x, y := max(0, (w-dw)/2), max(0, (h-dh)/2)
	body := fitBlock(below(w, h), w, h)
	return lipgloss.NewCompositor(lipgloss.NewLayer(body), lipgloss.NewLayer(d).X(x).Y(y).Z(1)).Render()
}

// box draws the question in a bordered box at most width wide, wrapping
// long names rather than cutting the part that says what will be deleted.
func (c *confirmDialog) box(width int) string {
	st := c.st
	text := theme.Clean(c.question)
	inner := max(1, min(60, width-st.Dialog.GetHorizontalFrameSize(), lipgloss.Width(text)))
	q := lipgloss.NewStyle().Width(inner).Render(text)
	lines := strings.Split(q, "\n")
	if len(lines) > 6 {
		lines = append(lines[:5], "…")
	}
	return st.Dialog.Render(strings.Join(lines, "\n"))
}

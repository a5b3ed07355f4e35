package editor

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"journeymap/model"
	"journeymap/ui/theme"
)

func keyRune(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Text: string(r)} }

var (
	tab      = tea.KeyPressMsg{Code: tea.KeyTab}
	shiftTab = tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	enter    = tea.KeyPressMsg{Code: tea.KeyEnter}
	esc      = tea.KeyPressMsg{Code: tea.KeyEscape}
	up       = tea.KeyPressMsg{Code: tea.KeyUp}
	down     = tea.KeyPressMsg{Code: tea.KeyDown}
	left     = tea.KeyPressMsg{Code: tea.KeyLeft}
	right    = tea.KeyPressMsg{Code: tea.KeyRight}
	shiftUp  = tea.KeyPressMsg{Code: tea.KeyUp, Mod: tea.ModShift}
	ctrlS    = tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	ctrlD    = tea.KeyPressMsg{Code: 'd', Mod: tea.ModCtrl}
	ctrlN    = tea.KeyPressMsg{Code: 'n', Mod: tea.ModCtrl}
)

func testStyles() *Styles { return DefaultStyles(theme.New(true)) }

func testSuggestions() Suggestions {
	return Suggestions{
		Channels:    append([]string{"kiosk"}, model.Channels...),
		Labels:      model.EmotionLabels,
		MetricNames: model.MetricNames,
	}
}

// press sends keys (or any messages) to m and returns the model and the
// last non-nil command.
func press(t *testing.T, m Model, msgs ...tea.Msg) (Model, tea.Cmd) {
	t.Helper()
	var last tea.Cmd
	for _, msg := range msgs {
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		if cmd != nil {
			last = cmd
		}
	}
	return m, last
}

// typeText types s one key at a time, as a terminal would send it.
func typeText(t *testing.T, m Model, s string) Model {
	t.Helper()
	for _, r := range s {
		k := tea.KeyPressMsg{Code: r, Text: string(r)}
		if r == ' ' {
			k = tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
		}
		m, _ = m.Update(k)
	}
	return m
}

// tabTo presses tab until the field with the given path has focus.
func tabTo(t *testing.T, m Model, path string) Model {
	t.Helper()
	for range 200 {
		if m.fields[m.focus].path == path {
			return m
		}
		m, _ = m.Update(tab)
	}
	t.Fatalf("tab never reached field %q", path)
	return m
}

func focused(m Model) string { return m.fields[m.focus].path }

// screen renders m and strips the styling.
func screen(m Model, w, h int) string { return ansi.Strip(m.View(w, h)) }

// lineWith returns the index of the first screen line containing s, or -1.
func lineWith(scr, s string) int {
	for i, l := range strings.Split(scr, "\n") {
		if strings.Contains(l, s) {
			return i
		}
	}
	return -1
}

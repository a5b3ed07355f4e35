package lanes

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"journeymap/interchange"
	"journeymap/model"
	"journeymap/ui/theme"
)

// sampleMap loads the sample map (Fresh Ground coffee subscription) from
// the built-in template file.
func sampleMap(tb testing.TB) *model.Map {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "interchange", "templates", "customer-lifecycle.json"))
	if err != nil {
		tb.Fatal(err)
	}
	mp, err := interchange.ParseJSON(data)
	if err != nil {
		tb.Fatal(err)
	}
	return mp
}

func newLanes(mp *model.Map, w, h int) Model {
	m := New(DefaultStyles(theme.New(true)))
	m.SetSize(w, h)
	m.SetMap(mp)
	return m
}

var specialKeys = map[string]tea.KeyPressMsg{
	"up": {Code: tea.KeyUp}, "down": {Code: tea.KeyDown}, "left": {Code: tea.KeyLeft}, "right": {Code: tea.KeyRight},
	"pgup": {Code: tea.KeyPgUp}, "pgdown": {Code: tea.KeyPgDown}, "home": {Code: tea.KeyHome}, "end": {Code: tea.KeyEnd},
	"tab": {Code: tea.KeyTab}, "shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
}

func keyMsg(k string) tea.KeyPressMsg {
	if c, ok := specialKeys[k]; ok {
		return c
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

func press(m Model, keys ...string) Model {
	for _, k := range keys {
		m, _ = m.Update(keyMsg(k))
	}
	return m
}

func plain(m Model) string { return ansi.Strip(m.View()) }

// checkFrame fails when the frame is not exactly w×h cells.
func checkFrame(t *testing.T, s string, w, h int) {
	t.Helper()
	lines := strings.Split(s, "\n")
	if s == "" {
		lines = nil
	}
	if w > 0 && h > 0 && len(lines) != h {
		t.Errorf("%d×%d: %d lines, want %d", w, h, len(lines), h)
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got != w {
			t.Errorf("%d×%d: line %d is %d cells wide, want %d: %q", w, h, i, got, w, ansi.Strip(l))
			return
		}
	}
}

// TestPreview prints a frame for looking at: LANES_PREVIEW=120x35 go test -run Preview -v
func TestPreview(t *testing.T) {
	size := os.Getenv("LANES_PREVIEW")
	if size == "" {
		t.Skip("set LANES_PREVIEW=WxH")
	}
	var w, h int
	fmt.Sscanf(size, "%dx%d", &w, &h)
	m := newLanes(sampleMap(t), w, h)
	if k := os.Getenv("LANES_KEYS"); k != "" {
		m = press(m, strings.Split(k, ",")...)
	}
	out := m.View()
	if os.Getenv("LANES_PLAIN") != "" {
		out = ansi.Strip(out)
	}
	fmt.Println(out)
}

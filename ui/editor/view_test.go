package editor

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"journeymap/model"
)

var nasty = []string{
	strings.Repeat("long名前", 1250), // 10,000 characters, half of them wide
	"👩‍👩‍👧‍👦 family 🇸🇪 flag ❤️ heart",
	"日本語のテキスト、とても長い説明がここに入ります。顧客体験",
	"\x1b[31mred\x1b[0m \x1b]0;title\x07 bell\x07 tab\there",
	"e\u0301\u0301 combining ‮rtl override",
}

func nastyTouchpoint() model.Touchpoint {
	return model.Touchpoint{
		ID: 1, Name: nasty[0], Description: strings.Join(nasty, "\n"), Channel: nasty[1], Kind: model.KindDigital,
		Owner: nasty[2], Emotion: model.Emotion{Score: 5, Labels: model.ListOf(nasty...)},
		Motivations: model.ListOf(nasty...), Thoughts: model.ListOf(nasty...), PainPoints: model.ListOf(nasty...), Opportunities: model.ListOf(nasty...), Backstage: model.ListOf(nasty...),
		Metrics: []model.Metric{
			{Name: nasty[0], Unit: nasty[1], Target: model.Float(1e300), Current: model.Float(-0.000001), Direction: model.Up},
			{Name: nasty[2], Unit: nasty[3], Direction: model.Down},
		},
		Notes: strings.Repeat(nasty[2]+"\n", 50),
	}
}

var sizes = [][2]int{{0, 0}, {1, 1}, {0, 5}, {5, 0}, {20, 6}, {21, 7}, {35, 10}, {36, 6}, {40, 12}, {55, 9},
	{80, 24}, {120, 35}, {160, 45}, {300, 80}}

// checkSize fails unless v is exactly w×h cells (empty when either is 0).
func checkSize(t *testing.T, v string, w, h int, where string) {
	t.Helper()
	if w <= 0 || h <= 0 {
		if v != "" {
			t.Errorf("%s at %dx%d: want empty, got %q", where, w, h, v)
		}
		return
	}
	lines := strings.Split(v, "\n")
	if len(lines) != h {
		t.Errorf("%s at %dx%d: %d lines", where, w, h, len(lines))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw != w {
			t.Errorf("%s at %dx%d: line %d is %d cells: %q", where, w, h, i, lw, ansi.Strip(l))
			return
		}
		if strings.Contains(ansi.Strip(l), "\x1b") || strings.ContainsAny(ansi.Strip(l), "\x07\t\r") {
			t.Errorf("%s at %dx%d: line %d leaks control characters: %q", where, w, h, i, l)
		}
	}
}

// TestViewFitsEverySize walks focus through every field of forms full of
// hostile text and checks each frame at many sizes.
func TestViewFitsEverySize(t *testing.T) {
	forms := map[string]Model{
		"touchpoint": NewTouchpoint(nastyTouchpoint(), Suggestions{Channels: nasty, Labels: nasty, MetricNames: nasty}, testStyles()),
		"blank":      NewTouchpoint(model.Touchpoint{}, Suggestions{}, testStyles()),
		"phase":      NewPhase(model.Phase{Name: nasty[0], Description: nasty[1]}, testStyles()),
		"map": NewMap(model.MapInfo{Title: nasty[1], Persona: model.Persona{Name: nasty[2], Description: nasty[0]},
			Goal: nasty[3], Notes: nasty[4]}, nasty, testStyles()),
	}
	for name, m := range forms {
		for step := 0; step < 40; step++ {
			for _, s := range sizes {
				checkSize(t, m.View(s[0], s[1]), s[0], s[1], name)
			}
			// Open dropdowns and item edits on the way.
			switch step % 4 {
			case 1:
				m = typeText(t, m, "日")
			case 2:
				m, _ = press(t, m, tea.PasteMsg{Content: nasty[1]})
			case 3:
				m, _ = press(t, m, up, enter)
			}
			m, _ = press(t, m, tab)
		}
		m, _ = press(t, m, ctrlS)
		m, _ = press(t, m, esc)
		for _, s := range sizes {
			checkSize(t, m.View(s[0], s[1]), s[0], s[1], name+" after save/esc")
		}
	}
}

// TestFocusedFieldStaysVisible: at a small height the form scrolls so the
// focused field's label is on screen.
func TestFocusedFieldStaysVisible(t *testing.T) {
	m := NewTouchpoint(fullTouchpoint(), testSuggestions(), testStyles())
	for _, s := range [][2]int{{80, 6}, {30, 8}, {20, 6}} {
		m := m
		for range 40 {
			if scr := screen(m, s[0], s[1]); !strings.Contains(scr, "▶") {
				t.Fatalf("focus marker scrolled off at %dx%d on %q:\n%s", s[0], s[1], focused(m), scr)
			}
			m, _ = press(t, m, tab)
		}
	}
}

// TestPasteIntoEveryTextField pastes into each text-bearing field kind.
func TestPasteIntoEveryTextField(t *testing.T) {
	m := NewTouchpoint(model.NewTouchpoint(""), testSuggestions(), testStyles())
	m, _ = press(t, m, tea.PasteMsg{Content: "Pasted\nname"})
	m = tabTo(t, m, "description")
	m, _ = press(t, m, tea.PasteMsg{Content: "two\nlines"})
	m = tabTo(t, m, "thoughts")
	m, _ = press(t, m, tea.PasteMsg{Content: "我想喝咖啡 ☕"})
	_, cmd := press(t, m, ctrlS)
	if cmd == nil {
		t.Fatal("nothing saved")
	}
	got := cmd().(SavedTouchpointMsg).Touchpoint
	if got.Name != "Pasted name" || got.Description != "two\nlines" || got.Thoughts.Len() != 1 || got.Thoughts.At(0) != "我想喝咖啡 ☕" {
		t.Errorf("pasted values = %q %q %q", got.Name, got.Description, got.Thoughts)
	}
}

func TestHelpListsKeys(t *testing.T) {
	k := DefaultKeyMap()
	if len(k.ShortHelp()) == 0 {
		t.Fatal("no short help")
	}
	seen := map[string]bool{}
	for _, g := range k.FullHelp() {
		for _, b := range g {
			seen[b.Help().Key] = true
		}
	}
	for _, want := range []string{"tab", "shift+tab", "ctrl+s", "esc", "ctrl+d", "ctrl+n", "enter"} {
		if !seen[want] {
			t.Errorf("full help lacks %q", want)
		}
	}
}

// The template choice of a new map lists six names, wider than the value
// column of a 120-cell window: they wrap instead of running off the edge, so
// the last one (Blank) can be seen and chosen.
func TestChoiceWrapsToShowEveryOption(t *testing.T) {
	templates := []string{"Customer lifecycle", "Before / During / After", "SaaS onboarding",
		"E-commerce order", "Service visit", "Blank"}
	for _, w := range []int{40, 80, 120} {
		m := NewMap(model.MapInfo{}, templates, testStyles())
		for range 5 {
			m, _ = press(t, m, tab)
		}
		m, _ = press(t, m, left) // wraps round to the last option, Blank
		v := m.View(w, 24)
		checkSize(t, v, w, 24, "map form")
		plain := ansi.Strip(v)
		for _, name := range templates {
			if w >= 80 && !strings.Contains(plain, name) {
				t.Errorf("at width %d the template %q is not shown:\n%s", w, name, plain)
			}
		}
		if !strings.Contains(plain, "[Blank]") {
			t.Errorf("at width %d the chosen template is not marked:\n%s", w, plain)
		}
	}
}

// The one-line help follows the form: the focused field's own keys first
// (a list's enter and ctrl+d, the metrics table's ctrl+n), and y/n while it
// asks whether to discard changes.
func TestHelpFollowsFocusAndConfirm(t *testing.T) {
	short := func(m Model) string {
		var parts []string
		for _, b := range m.Help().ShortHelp() {
			parts = append(parts, b.Help().Key)
		}
		return strings.Join(parts, " ")
	}
	tp := model.NewTouchpoint("Counter")
	m := NewTouchpoint(tp, testSuggestions(), testStyles())
	if got := short(m); got != "tab shift+tab ctrl+s esc" {
		t.Errorf("name field: %q", got)
	}
	seen := map[string]bool{}
	for range 20 {
		seen[short(m)] = true
		m, _ = press(t, m, tab)
	}
	for _, want := range []string{
		"←/→ tab ctrl+s esc",                  // kind, score
		"enter ctrl+d shift+↑ tab ctrl+s esc", // a list
		"ctrl+n ctrl+d tab ctrl+s esc",        // metrics
	} {
		if !seen[want] {
			t.Errorf("no field shows %q; saw %v", want, seen)
		}
	}
	m, _ = press(t, m, keyRune('x'), esc) // notes changed, then esc asks
	if !m.Confirming() {
		t.Fatal("esc after a change did not ask")
	}
	if got := short(m); got != "y n" {
		t.Errorf("asking to discard: %q", got)
	}
}

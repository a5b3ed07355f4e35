package home

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"journeymap/model"
	"journeymap/ui/theme"
)

var now = time.Date(2026, 11, 24, 15, 0, 0, 0, time.UTC)

func newHome(maps []model.MapSummary) Model {
	m := New(DefaultStyles(theme.New(true)))
	m.Now = func() time.Time { return now }
	m.SetMaps(maps)
	return m
}

func sampleMaps() []model.MapSummary {
	return []model.MapSummary{
		{ID: 1, Title: "Coffee shop", Persona: "Maya", Phases: 4, Touchpoints: 12, UpdatedAt: now.Add(-2 * time.Minute)},
		{ID: 2, Title: "SaaS onboarding", Persona: "Chris the admin", Phases: 5, Touchpoints: 30, UpdatedAt: now.Add(-26 * time.Hour)},
		{ID: 3, Title: "Hotel stay", Persona: "Oskar", Phases: 3, Touchpoints: 7, UpdatedAt: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)},
	}
}

func press(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

func typeText(m Model, s string) Model {
	for _, r := range s {
		m, _ = m.Update(press(string(r)))
	}
	return m
}

func run(cmd tea.Cmd) tea.Msg {
	if cmd == nil {
		return nil
	}
	return cmd()
}

func TestListShowsEveryMapsFields(t *testing.T) {
	v := ansi.Strip(newHome(sampleMaps()).View(80, 24))
	for _, want := range []string{
		"Title", "Persona", "Phases", "Touchpoints", "Changed", "3 maps",
		"▶ Coffee shop", "Maya", "2 min ago",
		"SaaS onboarding", "Chris the admin", "30", "yesterday",
		"Hotel stay", "Oskar", "2 Mar 2026",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("home view lacks %q:\n%s", want, v)
		}
	}
	lines := strings.Split(v, "\n")
	if !strings.Contains(lines[3], "SaaS onboarding") || !strings.Contains(lines[3], " 5 ") {
		t.Errorf("row 2 = %q", lines[3])
	}
}

func TestEmptyFile(t *testing.T) {
	m := newHome(nil)
	v := ansi.Strip(m.View(60, 10))
	if !strings.Contains(v, "No maps yet — press n to create one") {
		t.Errorf("empty view:\n%s", v)
	}
	for _, k := range []string{"enter", "e", "c", "d"} {
		if _, cmd := m.Update(press(k)); cmd != nil {
			t.Errorf("%s with no maps emitted %#v", k, run(cmd))
		}
	}
	if _, cmd := m.Update(press("n")); run(cmd) != (NewMsg{}) {
		t.Errorf("n emitted %#v", run(cmd))
	}
}

func TestCommandKeys(t *testing.T) {
	m := newHome(sampleMaps())
	m, _ = m.Update(press("down")) // SaaS onboarding, ID 2
	tests := []struct {
		key  string
		want tea.Msg
	}{
		{"enter", OpenMsg{2}},
		{"e", EditMsg{2}},
		{"c", DuplicateMsg{2}},
		{"d", DeleteMsg{2}},
		{"n", NewMsg{}},
		{"/", SearchAllMsg{}},
		{"q", QuitMsg{}},
	}
	for _, tt := range tests {
		if _, cmd := m.Update(press(tt.key)); run(cmd) != tt.want {
			t.Errorf("%s emitted %#v, want %#v", tt.key, run(cmd), tt.want)
		}
	}
	// j/k move too, and stop at the ends
	m2 := typeText(m, "jjjjk")
	if id, _ := m2.SelectedID(); id != 2 {
		t.Errorf("after jjjjk selected %d, want 2", id)
	}
	if m.Filtering() {
		t.Error("command keys must not start filtering")
	}
}

func TestFilterNarrowsAndHighlights(t *testing.T) {
	m := newHome(sampleMaps())
	m, _ = m.Update(press("f"))
	if !m.Filtering() {
		t.Fatal("f did not focus the filter")
	}
	// command letters are text while filtering: "c", "d", "e" and "q" included
	m = typeText(m, "cde")
	if m.FilterValue() != "cde" {
		t.Fatalf("filter = %q", m.FilterValue())
	}
	for range 3 {
		m, _ = m.Update(press("backspace"))
	}
	m = typeText(m, "oskar")
	raw := m.View(80, 10)
	v := ansi.Strip(raw)
	if !strings.Contains(v, "Filter: oskar") || !strings.Contains(v, "1 of 3") {
		t.Errorf("filter line missing:\n%s", v)
	}
	if !strings.Contains(v, "▶ Hotel stay") || strings.Contains(v, "Coffee shop") || strings.Contains(v, "SaaS") {
		t.Errorf("filter did not narrow to Hotel stay:\n%s", v)
	}
	// the persona's letters are highlighted: underlined, not just coloured
	if !strings.Contains(raw, ";4m") && !strings.Contains(raw, "[4m") && !strings.Contains(raw, ";4;") {
		t.Errorf("no underline in highlighted view: %q", raw)
	}
	// enter opens the match and leaves the filter, which stays visible
	m2, cmd := m.Update(press("enter"))
	if run(cmd) != (OpenMsg{3}) {
		t.Errorf("enter emitted %#v", run(cmd))
	}
	if m2.Filtering() || !strings.Contains(ansi.Strip(m2.View(80, 10)), "Filter: oskar") {
		t.Error("after enter the filter should be kept but not focused")
	}
	// tab leaves the filter: letters are commands again, on the narrowed list
	m3, _ := m.Update(press("tab"))
	if m3.Filtering() {
		t.Fatal("tab did not leave the filter")
	}
	if _, cmd := m3.Update(press("d")); run(cmd) != (DeleteMsg{3}) {
		t.Errorf("d after tab emitted %#v", run(cmd))
	}
	// esc clears: every map is back and the selection stays on Hotel stay
	m4, _ := m3.Update(press("esc"))
	v4 := ansi.Strip(m4.View(80, 10))
	if m4.FilterValue() != "" || !strings.Contains(v4, "Coffee shop") || !strings.Contains(v4, "▶ Hotel stay") {
		t.Errorf("after esc:\n%s", v4)
	}
}

func TestFilterRanksAndReportsNoMatch(t *testing.T) {
	m := newHome(sampleMaps())
	m, _ = m.Update(press("tab"))
	m = typeText(m, "sh")
	v := ansi.Strip(m.View(80, 10))
	lines := strings.Split(v, "\n")
	if !strings.Contains(lines[2], "▶ Coffee shop") {
		t.Errorf("best match for \"sh\" should be first:\n%s", v)
	}
	m = typeText(m, "zzz")
	v = ansi.Strip(m.View(80, 10))
	if !strings.Contains(v, "No map matches “shzzz”") {
		t.Errorf("no-match message missing:\n%s", v)
	}
	if _, cmd := m.Update(press("enter")); cmd != nil {
		t.Errorf("enter with no match emitted %#v", run(cmd))
	}
	// esc while filtering clears and leaves
	m, _ = m.Update(press("esc"))
	if m.Filtering() || m.FilterValue() != "" || !strings.Contains(ansi.Strip(m.View(80, 10)), "SaaS onboarding") {
		t.Error("esc did not clear the filter")
	}
}

func TestSetMapsKeepsSelection(t *testing.T) {
	m := newHome(sampleMaps())
	m, _ = m.Update(press("down"))
	m, _ = m.Update(press("down")) // Hotel stay, ID 3
	maps := sampleMaps()
	maps = append([]model.MapSummary{{ID: 9, Title: "Bakery"}}, maps...)
	m.SetMaps(maps)
	if id, _ := m.SelectedID(); id != 3 {
		t.Errorf("selection moved to %d after SetMaps", id)
	}
	m.SetMaps(maps[:1]) // the selected map was deleted
	if id, ok := m.SelectedID(); !ok || id != 9 {
		t.Errorf("selection after delete = %d, %v", id, ok)
	}
}

func TestAgo(t *testing.T) {
	loc := time.FixedZone("X", 3600)
	now := time.Date(2026, 11, 24, 9, 30, 0, 0, loc)
	tests := []struct {
		t    time.Time
		want string
	}{
		{time.Time{}, "—"},
		{now.Add(10 * time.Second), "just now"}, // clock skew
		{now.Add(-30 * time.Second), "just now"},
		{now.Add(-time.Minute), "1 min ago"},
		{now.Add(-59 * time.Minute), "59 min ago"},
		{now.Add(-90 * time.Minute), "1 hour ago"},
		{now.Add(-9 * time.Hour), "9 hours ago"},
		{now.Add(-10 * time.Hour), "yesterday"}, // 23:30 the day before
		{now.Add(-33 * time.Hour), "yesterday"},
		{now.Add(-34 * time.Hour), "2 days ago"},
		{now.Add(-6 * 24 * time.Hour), "6 days ago"},
		{now.Add(-7 * 24 * time.Hour), "17 Nov 2026"},
		{time.Date(2025, 1, 5, 0, 0, 0, 0, time.UTC), "5 Jan 2025"},
	}
	for _, tt := range tests {
		if got := Ago(tt.t, now); got != tt.want {
			t.Errorf("Ago(%v) = %q, want %q", tt.t, got, tt.want)
		}
	}
	// just after midnight, late last night is hours, not "yesterday"
	midnight := time.Date(2026, 11, 24, 0, 30, 0, 0, loc)
	for _, tt := range []struct {
		t    time.Time
		want string
	}{
		{midnight.Add(-90 * time.Minute), "1 hour ago"},
		{midnight.Add(-5 * time.Hour), "5 hours ago"},
		{midnight.Add(-7 * time.Hour), "yesterday"},
	} {
		if got := Ago(tt.t, midnight); got != tt.want {
			t.Errorf("Ago(%v) at 00:30 = %q, want %q", tt.t, got, tt.want)
		}
	}
}

func TestScrollsLongLists(t *testing.T) {
	var maps []model.MapSummary
	for i := range 200 {
		maps = append(maps, model.MapSummary{ID: int64(i + 1), Title: fmt.Sprintf("Map %03d", i+1), UpdatedAt: now})
	}
	m := newHome(maps)
	_ = m.View(80, 12)
	for range 150 {
		m, _ = m.Update(press("j"))
	}
	if v := ansi.Strip(m.View(80, 12)); !strings.Contains(v, "▶ Map 151") {
		t.Fatalf("selection scrolled out of view:\n%s", v)
	}
	m, _ = m.Update(press("G"))
	if v := ansi.Strip(m.View(80, 12)); !strings.Contains(v, "▶ Map 200") {
		t.Fatalf("G: \n%s", v)
	}
	m, _ = m.Update(press("g"))
	if v := ansi.Strip(m.View(80, 12)); !strings.Contains(v, "▶ Map 001") {
		t.Fatalf("g: \n%s", v)
	}
}

func nastyMaps() []model.MapSummary {
	long := strings.Repeat("Très long titre 🧑‍💻 ", 600)
	return []model.MapSummary{
		{ID: 1, Title: long, Persona: long, Phases: 40, Touchpoints: 10000, UpdatedAt: now},
		{ID: 2, Title: "日本語の地図", Persona: "田中さん", Phases: 4, Touchpoints: 12},
		{ID: 3, Title: "emoji 👩‍👩‍👧‍👦 ☕️", Persona: "🎉", UpdatedAt: now.Add(-time.Hour)},
		{ID: 4, Title: "evil \x1b[31mred\x1b[0m\a\nline", Persona: "\x1b]0;pwned\x07"},
		{ID: 5, Title: "", Persona: ""},
	}
}

func TestViewFitsEverySize(t *testing.T) {
	sizes := [][2]int{{0, 0}, {1, 1}, {5, 2}, {20, 6}, {39, 8}, {40, 12}, {80, 24}, {160, 45}}
	for _, filter := range []string{"", "日", "e", "zz"} {
		for _, maps := range [][]model.MapSummary{nil, nastyMaps()} {
			m := newHome(maps)
			if filter != "" {
				m, _ = m.Update(press("f"))
				m = typeText(m, filter)
			}
			for _, sz := range sizes {
				w, h := sz[0], sz[1]
				v := m.View(w, h)
				if s := ansi.Strip(v); strings.ContainsAny(s, "\x1b\x07\r") {
					t.Fatalf("%dx%d filter %q: control characters leak: %q", w, h, filter, s)
				}
				if w == 0 || h == 0 {
					if v != "" {
						t.Errorf("%dx%d: want nothing, got %q", w, h, v)
					}
					continue
				}
				lines := strings.Split(v, "\n")
				if len(lines) != h {
					t.Errorf("%dx%d filter %q: %d lines", w, h, filter, len(lines))
				}
				for i, l := range lines {
					if lw := ansi.StringWidth(l); lw != w {
						t.Errorf("%dx%d filter %q: line %d is %d wide: %q", w, h, filter, i, lw, ansi.Strip(l))
					}
				}
			}
		}
	}
}

func TestPasteIntoFilter(t *testing.T) {
	m := newHome(sampleMaps())
	if m2, _ := m.Update(tea.PasteMsg{Content: "hotel"}); m2.FilterValue() != "" {
		t.Error("paste outside the filter must be ignored")
	}
	m, _ = m.Update(press("f"))
	m, _ = m.Update(tea.PasteMsg{Content: "hotel"})
	if v := ansi.Strip(m.View(80, 10)); !strings.Contains(v, "▶ Hotel stay") || strings.Contains(v, "Coffee") {
		t.Errorf("pasted filter did not narrow:\n%s", v)
	}
	// a pasted line break never reaches the screen
	m, _ = m.Update(tea.PasteMsg{Content: "\nx\x1b[2J"})
	if v := ansi.Strip(m.View(80, 10)); strings.ContainsAny(v, "\x1b") || len(strings.Split(v, "\n")) != 10 {
		t.Errorf("paste with control characters broke the view:\n%q", v)
	}
}

func TestMouse(t *testing.T) {
	m := newHome(sampleMaps())
	_ = m.View(80, 10) // filter line, header, then rows from y=2
	m, _ = m.Update(tea.MouseClickMsg{X: 5, Y: 4, Button: tea.MouseLeft})
	if id, _ := m.SelectedID(); id != 3 {
		t.Errorf("click on the third row selected %d", id)
	}
	m, _ = m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if id, _ := m.SelectedID(); id != 2 {
		t.Errorf("wheel up selected %d", id)
	}
	m, _ = m.Update(tea.MouseClickMsg{X: 5, Y: 9, Button: tea.MouseLeft}) // below the last map
	if id, _ := m.SelectedID(); id != 2 {
		t.Errorf("click below the list selected %d", id)
	}
}

// A filter longer than its line scrolls so the end being typed stays in
// sight (the input learns its width from View and scrolls in Update).
func TestLongFilterShowsWhatIsTyped(t *testing.T) {
	m := newHome(sampleMaps())
	m.View(80, 24)
	m, _ = m.Update(press("f"))
	m.View(80, 24)
	m = typeText(m, strings.Repeat("word ", 20)+"END")
	if v := ansi.Strip(m.View(80, 24)); !strings.Contains(v, "END") {
		t.Fatalf("the end of the filter is not shown:\n%s", v)
	}
}

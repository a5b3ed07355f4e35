package insights

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"journeymap/internal/testmap"
	"journeymap/model"
	"journeymap/ui/theme"
)

// testMap's figures, worked out by hand:
//
//	scores in journey order: Ad 4, Friend tip 5 | Queue 1, Card payment 4, App scan 2 | (Loyalty empty) | Survey e-mail 3
//	drops: Friend tip → Queue −4, App scan ← Card payment −2
//	phase means: Discovery 4.5, Purchase 2.3, Loyalty —, Aftercare 3.0
//	without metrics: Friend tip, Queue; off target: CTR (Ad), NPS (App scan)
//	channels: store 2, the rest 1; kinds: digital 3, physical 2, hybrid 1
func testMap() *model.Map {
	tp := func(name, channel string, kind model.Kind, score int, metrics ...model.Metric) model.Touchpoint {
		return model.Touchpoint{Name: name, Channel: channel, Kind: kind,
			Emotion: model.Emotion{Score: score}, Metrics: metrics}
	}
	return &model.Map{
		MapInfo: model.MapInfo{Title: "Coffee shop"},
		Phases: []model.Phase{
			{Name: "Discovery", Touchpoints: []model.Touchpoint{
				tp("Ad", "social media", model.KindDigital, 4,
					model.Metric{Name: "CTR", Unit: "%", Target: model.Float(2), Current: model.Float(1.5), Direction: model.Up}),
				tp("Friend tip", "word of mouth", model.KindPhysical, 5),
			}},
			{Name: "Purchase", Touchpoints: []model.Touchpoint{
				tp("Queue", "store", model.KindPhysical, 1),
				tp("Card payment", "store", model.KindHybrid, 4,
					model.Metric{Name: "wait time", Unit: "s", Target: model.Float(60), Current: model.Float(30), Direction: model.Down}),
				tp("App scan", "app", model.KindDigital, 2,
					model.Metric{Name: "NPS", Target: model.Float(40), Current: model.Float(20), Direction: model.Up}),
			}},
			{Name: "Loyalty"},
			{Name: "Aftercare", Touchpoints: []model.Touchpoint{
				tp("Survey e-mail", "e-mail", model.KindDigital, 3,
					model.Metric{Name: "response rate", Unit: "%", Direction: model.Up}),
			}},
		},
	}
}

func newPanel(mp *model.Map) Model {
	return New(model.Insights(mp), mp, DefaultStyles(theme.New(false)))
}

func press(s string) tea.KeyPressMsg {
	switch s {
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	}
	return tea.KeyPressMsg{Code: []rune(s)[0], Text: s}
}

// selectedLine returns the rendered row marked ▶.
func selectedLine(m Model, w, h int) string {
	for _, l := range strings.Split(ansi.Strip(m.View(w, h)), "\n") {
		if strings.HasPrefix(l, "▶ ") {
			return l
		}
	}
	return ""
}

// section returns the plain lines of the section titled title.
func section(view, title string) []string {
	var out []string
	in := false
	for _, l := range strings.Split(view, "\n") {
		switch {
		case strings.HasPrefix(l, title):
			in = true
		case in && (l == "" || !strings.HasPrefix(l, "  ") && !strings.HasPrefix(l, "▶")):
			return out
		case in:
			out = append(out, strings.TrimSpace(strings.TrimPrefix(l, "▶")))
		}
	}
	return out
}

func TestFigures(t *testing.T) {
	view := ansi.Strip(newPanel(testMap()).View(100, 80))
	checkFits(t, "figures", newPanel(testMap()).View(100, 80), 100, 80)
	if !strings.Contains(view, "Insights · Coffee shop") {
		t.Errorf("no title:\n%s", view)
	}
	if !strings.Contains(view, "6 touchpoints in 4 phases · mean emotion 3.2 :|") {
		t.Errorf("summary wrong:\n%s", view)
	}
	if !strings.Contains(view, "4 metrics: 1 on target, 2 off target, 1 without data") {
		t.Errorf("metric summary wrong:\n%s", view)
	}
	tests := []struct {
		title string
		rows  []string // each row must contain these, in this order of rows; fields separated by |
	}{
		{"Moments that hurt", []string{
			// only scores below neutral hurt
			":((|Queue · Purchase|1", ":(|App scan · Purchase|2"}},
		{"Steepest drops", []string{
			"Friend tip → Queue · Discovery → Purchase|−4", "Card payment → App scan · Purchase|−2"}},
		{"Mean emotion per phase", []string{
			":D|Discovery · 2 touchpoints|█|4.5", ":(|Purchase · 3 touchpoints|█|2.3",
			"Loyalty · no touchpoints|—", ":||Aftercare · 1 touchpoint|█|3.0"}},
		{"Touchpoints without metrics (2)", []string{"Friend tip · Discovery", "Queue · Purchase"}},
		{"Metrics off target (2)", []string{"CTR · Ad · Discovery|1.5 % vs ≥ 2 %", "NPS · App scan · Purchase|20 vs ≥ 40"}},
		{"Phases without touchpoints (1)", []string{"Loyalty"}},
		{"Channel mix", []string{"store · 33%|█|2", "app · 17%|1", "e-mail|1", "social media|1", "word of mouth|1"}},
		{"Kind mix", []string{"digital · 50%|█|3", "physical · 33%|2", "hybrid · 17%|1"}},
	}
	for _, tt := range tests {
		got := section(view, tt.title)
		if len(got) != len(tt.rows) {
			t.Errorf("section %q has %d rows, want %d:\n%s", tt.title, len(got), len(tt.rows), strings.Join(got, "\n"))
			continue
		}
		for i, want := range tt.rows {
			rest := got[i]
			for _, part := range strings.Split(want, "|") {
				k := strings.Index(rest, part)
				if k < 0 {
					t.Errorf("section %q row %d = %q, want %q in order", tt.title, i, got[i], strings.ReplaceAll(want, "|", " … "))
					break
				}
				rest = rest[k+len(part):]
			}
		}
	}
}

func TestEmptySectionsSayNone(t *testing.T) {
	mp := &model.Map{MapInfo: model.MapInfo{Title: "Smooth"}, Phases: []model.Phase{{Name: "Only", Touchpoints: []model.Touchpoint{
		{Name: "Fine", Kind: model.KindDigital, Emotion: model.Emotion{Score: 3},
			Metrics: []model.Metric{{Name: "m", Target: model.Float(1), Current: model.Float(2), Direction: model.Up}}},
	}}}}
	view := ansi.Strip(newPanel(mp).View(80, 60))
	// One of each is counted in the singular.
	if !strings.Contains(view, "1 touchpoint in 1 phase") || !strings.Contains(view, "1 metric: 1 on target") {
		t.Errorf("summary not in the singular:\n%s", view)
	}
	for _, title := range []string{"Steepest drops", "Touchpoints without metrics (0)", "Metrics off target (0)", "Phases without touchpoints (0)"} {
		if got := section(view, title); len(got) != 1 || got[0] != "none" {
			t.Errorf("section %q = %q, want [none]", title, got)
		}
	}
}

func TestEnterJumps(t *testing.T) {
	tests := []struct {
		row  string // text of the row to select
		want model.Ref
	}{
		{"Queue · Purchase", model.Ref{Phase: 1, Index: 0}},          // lowest score
		{"App scan · Purchase", model.Ref{Phase: 1, Index: 2}},       // second lowest
		{"Card payment → App scan", model.Ref{Phase: 1, Index: 2}},   // a drop jumps to where it lands
		{"Friend tip · Discovery", model.Ref{Phase: 0, Index: 1}},    // without metrics
		{"CTR · Ad", model.Ref{Phase: 0, Index: 0}},                  // off target
		{"Aftercare · 1 touchpoint", model.Ref{Phase: 3, Index: -1}}, // a phase mean: the phase header
		{"Loyalty · no touchpoints", model.Ref{Phase: 2, Index: -1}}, // phase mean of the empty phase
		{"NPS · App scan · Purchase", model.Ref{Phase: 1, Index: 2}}, // off target
	}
	for _, tt := range tests {
		t.Run(tt.row, func(t *testing.T) {
			m := newPanel(testMap())
			found := false
			for range 100 {
				if strings.Contains(selectedLine(m, 100, 30), tt.row) {
					found = true
					break
				}
				m, _ = m.Update(press("down"))
			}
			if !found {
				t.Fatalf("never selected a row with %q", tt.row)
			}
			_, cmd := m.Update(press("enter"))
			if cmd == nil {
				t.Fatal("enter returned no command")
			}
			if got := cmd(); got != (JumpMsg{Ref: tt.want}) {
				t.Errorf("enter emitted %#v, want JumpMsg{%v}", got, tt.want)
			}
		})
	}
}

func TestCountRowsDoNotJump(t *testing.T) {
	m := newPanel(testMap())
	for range 200 {
		m, _ = m.Update(press("down"))
	}
	if l := selectedLine(m, 100, 30); !strings.Contains(l, "hybrid") {
		t.Fatalf("down did not end on the last row: %q", l)
	}
	if _, cmd := m.Update(press("enter")); cmd != nil {
		t.Errorf("enter on a kind row emitted %#v", cmd())
	}
	// And the top is still reachable and the selection never lands on a title.
	for range 200 {
		m, _ = m.Update(press("up"))
		if l := selectedLine(m, 100, 30); l == "" {
			t.Fatal("selection left the rows")
		}
	}
	if l := selectedLine(m, 100, 30); !strings.Contains(l, "Queue") {
		t.Errorf("up did not return to the first row: %q", l)
	}
}

func TestSections(t *testing.T) {
	m := newPanel(testMap())
	want := []string{"Friend tip → Queue", "Discovery", "Friend tip", "CTR", "Loyalty", "store", "digital", "digital"}
	for i, w := range want {
		m, _ = m.Update(press("tab"))
		if l := selectedLine(m, 100, 30); !strings.Contains(l, w) {
			t.Errorf("tab %d selected %q, want a row with %q", i+1, l, w)
		}
	}
}

func TestEsc(t *testing.T) {
	_, cmd := newPanel(testMap()).Update(press("esc"))
	if cmd == nil || cmd() != (ClosedMsg{}) {
		t.Fatal("esc did not emit ClosedMsg")
	}
}

func TestScrollKeepsSelectionVisible(t *testing.T) {
	m := newPanel(testmap.Generate(40, 10000))
	for range 300 {
		m, _ = m.Update(press("down"))
		if selectedLine(m, 80, 24) == "" {
			t.Fatal("the selected row scrolled out of view")
		}
	}
	m, _ = m.Update(press("G"))
	if selectedLine(m, 80, 24) == "" {
		t.Fatal("the last row is not visible after G")
	}
}

func TestEmptyMap(t *testing.T) {
	for _, mp := range []*model.Map{{}, nil} {
		var r model.Report
		if mp != nil {
			r = model.Insights(mp)
		}
		m := New(r, mp, DefaultStyles(theme.New(true)))
		for _, k := range []string{"down", "up", "tab", "G", "enter", "pgdown"} {
			var cmd tea.Cmd
			m, cmd = m.Update(press(k))
			if k == "enter" && cmd != nil {
				if msg := cmd(); msg != nil {
					t.Errorf("enter on an empty report emitted %#v", msg)
				}
			}
		}
		for _, sz := range [][2]int{{0, 0}, {20, 6}, {80, 24}} {
			checkFits(t, "empty", m.View(sz[0], sz[1]), sz[0], sz[1])
		}
	}
}

func TestViewFitsNastyText(t *testing.T) {
	nasty := []string{
		"☕ Café 👩‍👩‍👧 journey 🎉",
		"咖啡店顧客旅程咖啡店顧客旅程咖啡店顧客旅程咖啡店",
		strings.Repeat("x", 10000),
		"evil\x1b[2J\x1b]0;pwned\x07name\nwith lines",
		"",
	}
	sizes := [][2]int{{0, 0}, {1, 1}, {3, 2}, {20, 6}, {33, 9}, {40, 12}, {80, 24}, {200, 50}}
	for _, s := range nasty {
		mp := &model.Map{MapInfo: model.MapInfo{Title: s}}
		for p := range 3 {
			ph := model.Phase{Name: s}
			for i := range 3 {
				ph.Touchpoints = append(ph.Touchpoints, model.Touchpoint{Name: s, Channel: s, Kind: model.Kind(s),
					Emotion: model.Emotion{Score: (p*3+i)%5 + 1},
					Metrics: []model.Metric{{Name: s, Unit: s, Target: model.Float(1e300), Current: model.Float(-1e-300), Direction: model.Up}}})
			}
			mp.Phases = append(mp.Phases, ph, model.Phase{Name: s})
		}
		m := newPanel(mp)
		for step := range 4 {
			for _, sz := range sizes {
				v := m.View(sz[0], sz[1])
				checkFits(t, fmt.Sprintf("%q step %d", ansi.Truncate(s, 10, "…"), step), v, sz[0], sz[1])
				if strings.Contains(v, "\x1b[2J") || strings.Contains(v, "\x1b]0;") || strings.Contains(v, "\x07") {
					t.Fatal("escape sequence from user text reached the view")
				}
			}
			m, _ = m.Update(press("tab"))
		}
	}
}

func TestBar(t *testing.T) {
	tests := []struct {
		fill float64
		w    int
		want string
	}{
		{0, 4, "    "},
		{1, 4, "████"},
		{0.5, 4, "██  "},
		{0.5625, 4, "██▎ "},
		{2, 3, "███"},
		{-1, 3, "   "},
		{0.5, 0, ""},
	}
	for _, tt := range tests {
		if got := bar(tt.fill, tt.w); got != tt.want {
			t.Errorf("bar(%v, %d) = %q, want %q", tt.fill, tt.w, got, tt.want)
		}
	}
}

func checkFits(t *testing.T, name, v string, w, h int) {
	t.Helper()
	if v == "" {
		return
	}
	lines := strings.Split(v, "\n")
	if len(lines) > h {
		t.Errorf("%s at %dx%d: %d lines", name, w, h, len(lines))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%s at %dx%d: line %d is %d cells: %q", name, w, h, i, lw, ansi.Strip(l))
		}
	}
}

func BenchmarkView(b *testing.B) {
	mp := testmap.Generate(40, 10000)
	m := newPanel(mp)
	for range 500 {
		m, _ = m.Update(press("down"))
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View(200, 50)
	}
}

func BenchmarkNew(b *testing.B) {
	mp := testmap.Generate(40, 10000)
	r := model.Insights(mp)
	st := DefaultStyles(theme.New(true))
	b.ReportAllocs()
	for b.Loop() {
		_ = New(r, mp, st)
	}
}

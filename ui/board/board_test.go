package board

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"journeymap/internal/testmap"
	"journeymap/model"
	"journeymap/ui/internal/screentest"
	"journeymap/ui/theme"
)

func newBoard(mp *model.Map) Model {
	m := New(DefaultStyles(theme.New(true)))
	m.SetMap(mp)
	return m
}

var specialKeys = map[string]rune{
	"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
	"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
}

func keyMsg(k string) tea.KeyPressMsg {
	if c, ok := specialKeys[k]; ok {
		return tea.KeyPressMsg{Code: c}
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

func plain(m Model, w, h int) string { return ansi.Strip(m.View(w, h)) }

func TestNavigation(t *testing.T) {
	cases := []struct {
		name string
		keys []string
		want Selection
	}{
		{"starts on the first header", nil, Selection{0, -1}},
		{"down enters the cards", []string{"down"}, Selection{0, 0}},
		{"j is down", []string{"j", "j"}, Selection{0, 1}},
		{"down clamps at the last card", []string{"j", "j", "j", "j", "j"}, Selection{0, 1}},
		{"up from the first card selects the header", []string{"j", "k"}, Selection{0, -1}},
		{"up from the header stays", []string{"up", "up"}, Selection{0, -1}},
		{"right keeps the row", []string{"j", "j", "l"}, Selection{1, 1}},
		{"right from a header lands on a header", []string{"right"}, Selection{1, -1}},
		{"right into an empty phase selects its header", []string{"j", "l", "l"}, Selection{2, -1}},
		{"left clamps at the first phase", []string{"h", "left"}, Selection{0, -1}},
		{"right clamps at the last phase", []string{"l", "l", "l", "l", "l", "l"}, Selection{3, -1}},
		{"row clamps to a shorter column", []string{"l", "G", "h"}, Selection{0, 1}},
		{"G goes to the last card", []string{"l", "G"}, Selection{1, 2}},
		{"end goes to the last card", []string{"l", "end"}, Selection{1, 2}},
		{"g goes to the first card", []string{"l", "G", "g"}, Selection{1, 0}},
		{"g on the first card goes to the header", []string{"l", "G", "g", "home"}, Selection{1, -1}},
		{"g on the header stays there", []string{"l", "G", "g", "g", "g"}, Selection{1, -1}},
		{"pgdown clamps", []string{"l", "pgdown", "pgdown", "pgdown"}, Selection{1, 2}},
		{"pgup reaches the header", []string{"l", "G", "pgup", "pgup", "pgup", "pgup"}, Selection{1, -1}},
		{"$ goes to the last phase", []string{"$"}, Selection{3, -1}},
		{"0 goes to the first phase", []string{"$", "j", "0"}, Selection{0, 0}},
		{"other keys are ignored", []string{"x", "enter", "q"}, Selection{0, -1}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := press(newBoard(sampleMap()), c.keys...)
			if got := m.Selection(); got != c.want {
				t.Errorf("keys %v: selection %+v, want %+v", c.keys, got, c.want)
			}
		})
	}
}

func TestSelectAndSetMapClamp(t *testing.T) {
	m := newBoard(sampleMap())
	m.Select(Selection{9, 9})
	if got := m.Selection(); got != (Selection{3, 0}) {
		t.Errorf("Select out of range = %+v, want {3 0}", got)
	}
	m.Select(Selection{-4, -7})
	if got := m.Selection(); got != (Selection{0, -1}) {
		t.Errorf("Select negative = %+v, want {0 -1}", got)
	}
	m.Select(Selection{1, 2})
	mp := sampleMap()
	mp.Phases[1].Touchpoints = mp.Phases[1].Touchpoints[:1]
	m.SetMap(mp)
	if got := m.Selection(); got != (Selection{1, 0}) {
		t.Errorf("after the selected touchpoint went away: %+v, want {1 0}", got)
	}
	m.SetMap(&model.Map{})
	if got := m.Selection(); got != (Selection{0, -1}) {
		t.Errorf("empty map: %+v", got)
	}
	m = press(m, "j", "l", "G")
	if got := m.Selection(); got != (Selection{0, -1}) {
		t.Errorf("keys on an empty map moved the selection: %+v", got)
	}
	if ref, ok := (Selection{2, 1}).Ref(); !ok || ref != (model.Ref{Phase: 2, Index: 1}) {
		t.Errorf("Ref() = %v, %v", ref, ok)
	}
	if _, ok := (Selection{2, -1}).Ref(); ok {
		t.Error("a header selection has a touchpoint Ref")
	}
}

// bigMap has 40 phases of 3 touchpoints, except phase 5 with 500.
func bigMap() *model.Map {
	mp := &model.Map{MapInfo: model.MapInfo{Title: "Big"}}
	for p := 0; p < 40; p++ {
		ph := model.Phase{Name: fmt.Sprintf("Phase %d", p)}
		n := 3
		if p == 5 {
			n = 500
		}
		for i := 0; i < n; i++ {
			ph.Touchpoints = append(ph.Touchpoints, tp(fmt.Sprintf("Card %d-%d", p, i), "app", model.KindDigital, 1+(p+i)%5))
		}
		mp.Phases = append(mp.Phases, ph)
	}
	return mp
}

func selectedName(m Model) string {
	s := m.Selection()
	if s.Index < 0 {
		return m.Map().Phases[s.Phase].Name
	}
	return m.Map().Phases[s.Phase].Touchpoints[s.Index].Name
}

// TestScrollKeepsSelectionVisible walks a 40-phase map with a 500-card
// phase in both directions and checks after every step that the selected
// card or header is on screen and marked.
func TestScrollKeepsSelectionVisible(t *testing.T) {
	for _, size := range [][2]int{{80, 21}, {160, 42}, {40, 9}} {
		w, h := size[0], size[1]
		m := newBoard(bigMap())
		m.View(w, h)
		check := func(step string) {
			t.Helper()
			v := plain(m, w, h)
			name := selectedName(m)
			if w < 60 {
				name = name[:min(len(name), 6)] // compact cards may cut the name
			}
			marked := false
			for _, l := range strings.Split(v, "\n") {
				if i := strings.Index(l, "▶"); i >= 0 && strings.Contains(l[i:], name) {
					marked = true
				}
			}
			if !marked {
				t.Fatalf("%dx%d after %s: selection %+v (%q) not visible:\n%s", w, h, step, m.Selection(), name, v)
			}
		}
		for i := 0; i < 39; i++ {
			m = press(m, "l")
			check(fmt.Sprintf("l #%d", i+1))
		}
		if m.Selection().Phase != 39 {
			t.Fatalf("after 39 × l: %+v", m.Selection())
		}
		if v := plain(m, w, h); h >= 8 && !strings.Contains(v, "◀") {
			t.Errorf("%dx%d: no ◀ hint with 39 phases to the left:\n%s", w, h, v)
		}
		m = press(m, "0")
		for i := 0; i < 5; i++ {
			m = press(m, "l")
		}
		for i := 0; i < 500; i += 7 {
			m = press(m, "j", "j", "j", "j", "j", "j", "j")
			check(fmt.Sprintf("j #%d", i+7))
		}
		if m.Selection() != (Selection{5, 499}) {
			t.Fatalf("after walking down: %+v", m.Selection())
		}
		if v := plain(m, w, h); h > 20 && !strings.Contains(v, "▲ 49") {
			t.Errorf("%dx%d: no ▲ hint at the bottom of 500 cards:\n%s", w, h, v)
		}
		m = press(m, "l")
		check("l from the bottom")
		m = press(m, "h")
		check("h back")
		for i := 0; i < 500 && m.Selection().Index >= 0; i++ {
			m = press(m, "pgup")
		}
		check("pgup")
		if m.Selection() != (Selection{5, -1}) {
			t.Errorf("pgup ended on %+v, want the header", m.Selection())
		}
		m = press(m, "pgdown", "pgdown")
		check("pgdown")
	}
}

func TestScrollHints(t *testing.T) {
	m := newBoard(bigMap())
	m.View(80, 21)
	m = press(m, "l", "l", "l", "l", "l", "j")
	v := plain(m, 80, 21)
	if got := m.firstCol(m.geometry()); got != 3 {
		t.Errorf("%d phases to the left, want 3", got)
	}
	for _, want := range []string{"▼ 498 more", "◀ ", " ▶"} {
		if !strings.Contains(v, want) {
			t.Errorf("missing %q:\n%s", want, v)
		}
	}
	m = press(m, "G")
	if v := plain(m, 80, 21); !strings.Contains(v, "▲ 498 above") {
		t.Errorf("missing ▲ 498 above:\n%s", v)
	}
}

func TestViewContent(t *testing.T) {
	m := newBoard(sampleMap())
	m.Select(Selection{1, 1})
	v := plain(m, 160, 40)
	for _, want := range []string{
		"Discovery", "Purchase", "Experience", "Loyalty",
		"3 touchpoints · ø 3.0 :|", // count and mean of Purchase
		"1 touchpoint · ø 5.0 :D",
		"Order at the counter", "queue grows", // wrapped onto two lines
		"▶Order", // the selection marker, visible without colour
		"╔", "╝", // and a double border
		"✗1 off",                              // the off-target metric
		"!2 pain", "▲2 metrics", "no metrics", // counts
		"P store", "2 :(", "H app",
		"No touchpoints — press a to",
		"Emotional curve", "5┤", "1┤", "◆",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	if n := strings.Count(v, "▶"); n != 1 {
		t.Errorf("%d ▶ markers, want exactly 1:\n%s", n, v)
	}

	m.Select(Selection{1, -1})
	v = plain(m, 160, 40)
	if !strings.Contains(v, "▶ Purchase") || !strings.Contains(v, "═══") {
		t.Errorf("selected header not marked without colour:\n%s", v)
	}

	if v := plain(newBoard(&model.Map{}), 80, 20); !strings.Contains(v, noPhasesText) {
		t.Errorf("empty map lacks %q:\n%s", noPhasesText, v)
	}
}

func TestLongNamesAreTruncated(t *testing.T) {
	mp := sampleMap()
	mp.Phases[0].Touchpoints[0].Name = strings.Repeat("word ", 2000)
	m := newBoard(mp)
	v := plain(m, 80, 24)
	if !strings.Contains(v, "word word") || !strings.Contains(v, "…") {
		t.Errorf("long name not wrapped and cut with …:\n%s", v)
	}
}

// nastyMap holds text that breaks naive layouts: emoji with joiners, wide
// CJK, combining marks, control characters and escape sequences, very long
// names and phases without touchpoints.
func nastyMap() *model.Map {
	names := []string{
		"👩‍👩‍👧‍👦 family checkout 👨🏽‍💻",
		"支払い画面で長く待たされる顧客の体験についての説明",
		"e\u0301e\u0301 cafe\u0301 combining",
		"evil \x1b[31mred\x1b[0m \x1b]0;title\a bell \r\n tab\t",
		strings.Repeat("x", 10000),
		strings.Repeat("🎉", 5000),
		strings.Repeat("長", 10000),
		"",
		" ",
	}
	mp := &model.Map{MapInfo: model.MapInfo{Title: "Nasty"}}
	for i, n := range names {
		ph := model.Phase{Name: n}
		if i%3 != 2 {
			for j, tn := range names {
				t := tp(tn, names[(j+i)%len(names)], model.Kinds[j%3], j%7-1)
				t.Metrics = []model.Metric{{Name: n, Target: model.Float(1), Current: model.Float(0), Direction: model.Up}}
				t.PainPoints = model.ListOf(n)
				ph.Touchpoints = append(ph.Touchpoints, t)
			}
		}
		mp.Phases = append(mp.Phases, ph)
	}
	return mp
}

func TestViewFitsEverySize(t *testing.T) {
	maps := map[string]*model.Map{
		"sample":   sampleMap(),
		"empty":    {},
		"nil":      nil,
		"nasty":    nastyMap(),
		"big":      bigMap(),
		"one":      {Phases: []model.Phase{{Name: "Only"}}},
		"generate": testmap.Generate(40, 2000),
	}
	sizes := [][2]int{{0, 0}, {1, 1}, {0, 10}, {10, 0}, {2, 2}, {3, 5}, {20, 6}, {25, 7}, {26, 8}, {30, 12}, {40, 12},
		{51, 19}, {52, 20}, {80, 24}, {120, 35}, {160, 45}, {300, 80}}
	for name, mp := range maps {
		for _, sel := range []Selection{{0, -1}, {1, 3}, {4, 2}, {5, 400}} {
			m := newBoard(mp)
			m.Select(sel)
			for _, size := range sizes {
				w, h := size[0], size[1]
				v := m.View(w, h)
				if strings.Contains(ansi.Strip(v), "\x1b") || strings.ContainsAny(ansi.Strip(v), "\a\r\t") {
					t.Fatalf("%s %dx%d: control characters reach the screen", name, w, h)
				}
				if w <= 0 || h <= 0 {
					continue
				}
				screentest.Fits(t, fmt.Sprintf("%s sel %+v", name, sel), v, w, h)
				// Navigation must not panic at any size either.
				m.View(w, h)
				m = press(m, "j", "l", "G", "pgdown", "h", "k", "g")
			}
		}
	}
}

func TestMouseClickSelects(t *testing.T) {
	m := newBoard(sampleMap())
	const w, h = 80, 21
	m.View(w, h)
	// Columns start after the 2-cell gutter and are 25 cells wide with a
	// 1-cell gap; cards start under the 3-row header and are 6 rows tall.
	cases := []struct {
		x, y int
		want Selection
	}{
		{5, 4, Selection{0, 0}},
		{20, 10, Selection{0, 1}},
		{30, 1, Selection{1, -1}},
		{30, 3, Selection{1, 0}},
		{60, 0, Selection{2, -1}},
		{0, 5, Selection{2, -1}},  // the gutter: nothing changes
		{27, 5, Selection{2, -1}}, // the gap between columns: nothing changes
		{70, 12, Selection{2, -1}},
	}
	for _, c := range cases {
		m, _ = m.Update(tea.MouseClickMsg{X: c.x, Y: c.y, Button: tea.MouseLeft})
		if got := m.Selection(); got != c.want {
			t.Errorf("click at %d,%d: %+v, want %+v", c.x, c.y, got, c.want)
		}
		m.View(w, h)
	}
	// A click on the curve picks the touchpoint drawn there: the Purchase
	// column's second third holds its second touchpoint.
	m, _ = m.Update(tea.MouseClickMsg{X: gutter + 26 + 12, Y: h - 2, Button: tea.MouseLeft})
	if got := m.Selection(); got != (Selection{1, 1}) {
		t.Errorf("click on the curve: %+v, want {1 1}", got)
	}
	// Clicking a card that only shows after scrolling.
	m = newBoard(bigMap())
	m.View(w, h)
	m = press(m, "l", "l", "l", "l", "l", "j")
	m.View(w, h)
	v := strings.Split(plain(m, w, h), "\n")
	// Phase 5 is the 3rd visible column (phases 3, 4, 5): x from 2+2*26.
	x := gutter + 2*26 + 3
	m, _ = m.Update(tea.MouseClickMsg{X: x, Y: 3, Button: tea.MouseLeft})
	if got := m.Selection(); got != (Selection{5, 0}) {
		t.Errorf("click on the first card of a long column: %+v\n%s", got, strings.Join(v, "\n"))
	}
}

func TestMouseWheelScrolls(t *testing.T) {
	const w, h = 80, 21
	m := newBoard(bigMap())
	m.View(w, h)
	m = press(m, "l", "l", "l", "l", "l", "j") // phase 5, first card; columns 3–5 visible
	m.View(w, h)
	col := gutter + 2*26 + 3
	for i := 0; i < 4; i++ {
		m, _ = m.Update(tea.MouseWheelMsg{X: col, Y: 8, Button: tea.MouseWheelDown})
		m.View(w, h)
	}
	if got := m.Selection(); got.Phase != 5 || got.Index < 12 {
		t.Errorf("wheel down over the column: selection %+v should have been dragged along", got)
	}
	if v := plain(m, w, h); !strings.Contains(v, "▲ 12 above") || !strings.Contains(v, selectedName(m)) {
		t.Errorf("wheel did not scroll the column by 12 cards:\n%s", v)
	}
	// Wheel over another column scrolls it without moving the selection.
	sel := m.Selection()
	m, _ = m.Update(tea.MouseWheelMsg{X: gutter + 3, Y: 8, Button: tea.MouseWheelDown})
	if m.Selection() != sel {
		t.Errorf("wheel over another column moved the selection to %+v", m.Selection())
	}
	// Shift+wheel scrolls the columns sideways; the selection follows once
	// its phase leaves the screen.
	for i := 0; i < 3; i++ {
		m, _ = m.Update(tea.MouseWheelMsg{X: col, Y: 8, Button: tea.MouseWheelDown, Mod: tea.ModShift})
		m.View(w, h)
	}
	if got := m.Selection(); got.Phase != 6 {
		t.Errorf("after scrolling 3 phases right the selection is %+v, want phase 6", got)
	}
	if v := plain(m, w, h); !strings.Contains(v, "◀ ") || m.firstCol(m.geometry()) != 6 {
		t.Errorf("sideways scroll not shown:\n%s", v)
	}
	m, _ = m.Update(tea.MouseWheelMsg{X: col, Y: 8, Button: tea.MouseWheelLeft})
	if v := plain(m, w, h); !strings.Contains(v, "◀ ") || m.firstCol(m.geometry()) != 5 {
		t.Errorf("horizontal wheel did not scroll back:\n%s", v)
	}
}

func TestKeyMapHelp(t *testing.T) {
	k := DefaultKeyMap()
	if len(k.ShortHelp()) == 0 || len(k.FullHelp()) == 0 {
		t.Fatal("empty help")
	}
	for _, group := range k.FullHelp() {
		for _, b := range group {
			if b.Help().Key == "" || b.Help().Desc == "" {
				t.Errorf("binding %v has no help", b.Keys())
			}
		}
	}
}

func TestWheelOverCurveScrollsSideways(t *testing.T) {
	const w, h = 80, 21
	m := newBoard(bigMap())
	m.View(w, h)
	m, _ = m.Update(tea.MouseWheelMsg{X: 10, Y: h - 2, Button: tea.MouseWheelDown})
	m.View(w, h)
	if v := plain(m, w, h); !strings.Contains(v, "◀ ") || m.firstCol(m.geometry()) != 1 {
		t.Errorf("wheel over the curve did not scroll sideways:\n%s", v)
	}
	if m.Selection().Phase != 1 {
		t.Errorf("selection %+v did not follow the scroll", m.Selection())
	}
}

func TestZeroModelWorks(t *testing.T) {
	var m Model
	if v := m.View(20, 6); v == "" {
		t.Error("zero model renders nothing")
	}
	m.SetMap(sampleMap())
	m = press(m, "j", "l")
	if got := m.Selection(); got != (Selection{1, 0}) {
		t.Errorf("zero model navigation: %+v", got)
	}
}

func TestMapShrunkWithoutSetMapDoesNotPanic(t *testing.T) {
	mp := sampleMap()
	m := newBoard(mp)
	m.Select(Selection{1, 2})
	mp.Phases[1].Touchpoints = nil
	mp.Phases = mp.Phases[:1]
	for _, size := range [][2]int{{80, 24}, {30, 8}} {
		if v := m.View(size[0], size[1]); v == "" {
			t.Error("empty view")
		}
	}
}

func TestClickOnScrollHintPages(t *testing.T) {
	const w, h = 80, 21 // two cards per column
	m := newBoard(bigMap())
	m.View(w, h)
	m = press(m, "l", "l", "l", "l", "l") // phase 5 in the third visible column
	m.View(w, h)
	x := gutter + 2*26 + hintLead // where the hint text starts
	click := func(x int) {
		m, _ = m.Update(tea.MouseClickMsg{X: x, Y: headerRows - 1, Button: tea.MouseLeft})
		m.View(w, h)
	}
	click(x + 1) // "▼ 498 more"
	if got := m.Selection(); got != (Selection{5, 2}) {
		t.Fatalf("click on ▼: %+v, want {5 2}\n%s", got, plain(m, w, h))
	}
	click(x + 1) // now "▲ 2 above  ▼ 496 more": the ▲ part
	if got := m.Selection(); got != (Selection{5, 0}) {
		t.Fatalf("click on ▲: %+v, want {5 0}\n%s", got, plain(m, w, h))
	}
	click(x + 1)
	click(x + 13) // the ▼ part
	if got := m.Selection(); got != (Selection{5, 4}) {
		t.Fatalf("click on ▼ after ▲: %+v, want {5 4}\n%s", got, plain(m, w, h))
	}
	click(x + 22) // the rule beyond the text: the header
	if got := m.Selection(); got != (Selection{5, -1}) {
		t.Fatalf("click on the rule: %+v, want the header\n%s", got, plain(m, w, h))
	}
}

func TestEmptyMapMessageOnShortScreens(t *testing.T) {
	for _, h := range []int{1, 2, 3, 6} {
		if v := plain(newBoard(&model.Map{}), 60, h); !strings.Contains(v, "No phases yet") {
			t.Errorf("height %d: %q", h, v)
		}
	}
}

// Bubble Tea lays out cells by wcwidth on terminals without grapheme
// clustering (tmux among them), while the board measures graphemes. Names
// with joined emoji must come out the same width either way, or the
// columns come apart on such terminals.
func TestEmojiNamesMeasureTheSameForTheRenderer(t *testing.T) {
	mp := sampleMap()
	mp.Phases[0].Name = "Family 👨‍👩‍👧‍👦 visit"
	mp.Phases[0].Touchpoints[0].Name = "☕️ Café 咖啡店 👩‍👩‍👧‍👦 family table ❤️ 👍🏽 1️⃣"
	mp.Phases[0].Touchpoints[0].Channel = "✔️ app"
	m := New(DefaultStyles(theme.New(true)))
	m.SetMap(mp)
	for _, size := range [][2]int{{120, 35}, {80, 24}, {40, 12}} {
		for i, l := range strings.Split(m.View(size[0], size[1]), "\n") {
			if g, wc := ansi.StringWidth(l), ansi.StringWidthWc(l); g != wc || g != size[0] {
				t.Errorf("%dx%d line %d: %d cells by graphemes, %d by wcwidth: %q", size[0], size[1], i, g, wc, ansi.Strip(l))
			}
		}
	}
}

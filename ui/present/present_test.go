package present

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"journeymap/internal/testmap"
	"journeymap/model"
	"journeymap/ui/internal/screentest"
	"journeymap/ui/theme"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func newModel(mp *model.Map, phase int) Model {
	return New(mp, phase, DefaultStyles(theme.New(true)))
}

func press(s string) tea.KeyPressMsg {
	switch s {
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	}
	return tea.KeyPressMsg{Code: []rune(s)[0], Text: s}
}

// curveRow matches a row of the curve ("3┤ …"); goldens mask them because
// the board package owns how the curve is drawn.
var curveRow = regexp.MustCompile(`^([1-5]┤| │).*$`)

func maskCurve(frame string) string {
	lines := strings.Split(frame, "\n")
	for i, l := range lines {
		if curveRow.MatchString(l) {
			lines[i] = l[:len("1┤")] + " <curve>"
		}
	}
	return strings.Join(lines, "\n")
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from %s (go test -update rewrites it)\ngot:\n%s\nwant:\n%s", name, path, got, want)
	}
}

func TestRenderSizes(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {200, 50}} {
		w, h := sz[0], sz[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			m := newModel(testMap(), 1)
			view := m.View(w, h)
			checkFits(t, "view", view, w, h)
			plain := ansi.Strip(view)
			lines := strings.Split(plain, "\n")
			if len(lines) != h {
				t.Errorf("view has %d lines, want the full %d", len(lines), h)
			}
			for _, want := range []string{
				"Coffee shop", "Phase 2 of 4", "Ordering at the counter",
				"Queue", "Card payment", "Loyalty app scan",
				":(( 1 very negative", ":) 4 positive", ":( 2 negative",
				"impatient, annoyed", "→ get coffee fast", "→ pay without cash",
				"◀ ▶ slides · c projector · esc back",
			} {
				if !strings.Contains(plain, want) {
					t.Errorf("view lacks %q", want)
				}
			}
			// The phase name is a block-letter banner on both sizes.
			if !strings.Contains(plain, "█") {
				t.Errorf("no block-letter banner")
			}
			// The curve: five rows with the axis, the current phase between
			// heavy separators and marked ▲ in the labels under it.
			rows := 0
			for _, l := range lines {
				if curveRow.MatchString(l) {
					rows++
				}
			}
			if want := 4*curveStep(h) + 1; rows != want {
				t.Errorf("curve has %d rows, want %d", rows, want)
			}
			if !strings.Contains(plain, "┃") || !strings.Contains(plain, "▲ Purchase") {
				t.Errorf("current phase not highlighted on the curve")
			}
			for _, other := range []string{"Discovery", "Loyalty", "Farewell"} {
				if !strings.Contains(plain, other) {
					t.Errorf("curve labels lack phase %q", other)
				}
			}
			if w >= 200 && !strings.Contains(plain, "“Why is only one barista working?”") {
				t.Errorf("thought not shown on a big screen")
			}
			golden(t, fmt.Sprintf("purchase_%dx%d", w, h), maskCurve(plain))
		})
	}
}

func TestStepping(t *testing.T) {
	m := newModel(testMap(), 0)
	steps := []struct {
		key   string
		phase int
		name  string
	}{
		{"right", 1, "Purchase"},
		{"l", 2, "Loyalty"},
		{"space", 3, "Farewell"},
		{"right", -2, ""}, // the closing slide
		{"right", -2, ""}, // stays on it
		{"pgup", 3, "Farewell"},
		{"h", 2, "Loyalty"},
		{"left", 1, "Purchase"},
		{"left", 0, "Discovery"},
		{"left", -1, ""}, // the title slide
		{"left", -1, ""}, // stays on it
		{"pgdown", 0, "Discovery"},
		{"G", -2, ""},
		{"g", -1, ""},
	}
	for i, s := range steps {
		m, _ = m.Update(press(s.key))
		switch s.phase {
		case -1:
			if plain := ansi.Strip(m.View(80, 24)); m.Slide() != 0 || !strings.Contains(plain, "PERSONA") {
				t.Fatalf("step %d (%s): slide %d, want the title:\n%s", i, s.key, m.Slide(), plain)
			}
			continue
		case -2:
			if plain := ansi.Strip(m.View(80, 24)); m.Slide() != 5 || !strings.Contains(plain, "MOMENTS THAT HURT") {
				t.Fatalf("step %d (%s): slide %d, want the closing one:\n%s", i, s.key, m.Slide(), plain)
			}
			continue
		}
		if m.Phase() != s.phase {
			t.Fatalf("step %d (%s): phase %d, want %d", i, s.key, m.Phase(), s.phase)
		}
		plain := ansi.Strip(m.View(80, 24))
		if want := fmt.Sprintf("Phase %d of 4", s.phase+1); !strings.Contains(plain, want) {
			t.Errorf("step %d: view lacks %q", i, want)
		}
		if !strings.Contains(plain, "▲ "+s.name) {
			t.Errorf("step %d: curve does not mark %s", i, s.name)
		}
	}
	// The phase without touchpoints says so.
	m, _ = m.Update(press("G"))
	m, _ = m.Update(press("left"))
	if plain := ansi.Strip(m.View(80, 24)); !strings.Contains(plain, "No touchpoints in this phase.") {
		t.Errorf("empty phase not explained:\n%s", plain)
	}
}

func TestEscReportsPhase(t *testing.T) {
	m := newModel(testMap(), 0)
	m, _ = m.Update(press("right"))
	m, _ = m.Update(press("right"))
	_, cmd := m.Update(press("esc"))
	if cmd == nil {
		t.Fatal("esc returned no command")
	}
	if got := cmd(); got != (ClosedMsg{Phase: 2}) {
		t.Fatalf("esc emitted %#v, want ClosedMsg{Phase: 2}", got)
	}
}

func TestNewClampsAndSetMap(t *testing.T) {
	if got := newModel(testMap(), 99).Phase(); got != 3 {
		t.Errorf("New(…, 99) shows phase %d, want 3", got)
	}
	if got := newModel(testMap(), -5).Phase(); got != 0 {
		t.Errorf("New(…, -5) shows phase %d, want 0", got)
	}
	m := newModel(testMap(), 3)
	smaller := testMap()
	smaller.Phases = smaller.Phases[:2]
	m.SetMap(smaller)
	if m.Phase() != 1 {
		t.Errorf("after the map lost phases, showing %d, want 1", m.Phase())
	}
}

func TestNoPhases(t *testing.T) {
	m := newModel(&model.Map{MapInfo: model.MapInfo{Title: "Empty"}}, 0)
	for _, k := range []string{"right", "left", "G", "down"} {
		m, _ = m.Update(press(k))
	}
	for _, sz := range [][2]int{{0, 0}, {1, 1}, {20, 6}, {80, 24}} {
		v := m.View(sz[0], sz[1])
		checkFits(t, "no phases", v, sz[0], sz[1])
	}
	if plain := ansi.Strip(m.View(80, 24)); !strings.Contains(plain, "This map has no phases yet.") {
		t.Errorf("empty map not explained:\n%s", plain)
	}
	_, cmd := m.Update(press("esc"))
	if got := cmd(); got != (ClosedMsg{Phase: 0}) {
		t.Errorf("esc emitted %#v", got)
	}
	// A nil map behaves like an empty one.
	checkFits(t, "nil map", newModel(nil, 0).View(40, 10), 40, 10)
}

func TestBannerFallback(t *testing.T) {
	mp := testMap()
	mp.Phases[1].Name = "咖啡店 Purchase"
	plain := ansi.Strip(newModel(mp, 1).View(80, 24))
	if strings.Contains(plain, "█") {
		t.Errorf("banner drawn for a name outside the font")
	}
	if !strings.Contains(plain, "咖啡店 PURCHASE") {
		t.Errorf("plain uppercase fallback missing:\n%s", plain)
	}
	// A name too long for the width falls back too.
	mp.Phases[1].Name = "Consideration and comparison"
	plain = ansi.Strip(newModel(mp, 1).View(80, 24))
	if strings.Contains(plain, "█") || !strings.Contains(plain, "CONSIDERATION AND COMPARISON") {
		t.Errorf("long name not shown as plain text:\n%s", plain)
	}
}

func TestBanner(t *testing.T) {
	got := Banner("Hi!", 1, 80)
	want := []string{
		"#   # ### #",
		"#   #  #  #",
		"#####  #  #",
		"#   #  #",
		"#   # ### #",
	}
	for i := range want {
		want[i] = strings.ReplaceAll(want[i], "#", "█")
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Banner(Hi!) =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if Banner("Hi!", 2, 80)[0] != "██      ██  ██████  ██" {
		t.Errorf("double width row = %q", Banner("Hi!", 2, 80)[0])
	}
	if Banner("Hi!", 1, 10) != nil {
		t.Errorf("banner wider than the limit not refused")
	}
	if Banner(strings.Repeat("A", 10000), 1, 200) != nil {
		t.Errorf("10,000-letter banner not refused")
	}
	for r := 'A'; r <= 'Z'; r++ {
		if Banner(string(r), 1, 10) == nil {
			t.Errorf("font lacks %c", r)
		}
	}
	for r := '0'; r <= '9'; r++ {
		if Banner(string(r), 1, 10) == nil {
			t.Errorf("font lacks %c", r)
		}
	}
}

func TestScrollTouchpoints(t *testing.T) {
	mp := testMap()
	var many []model.Touchpoint
	for i := range 20 {
		many = append(many, model.Touchpoint{Name: fmt.Sprintf("Step %02d", i), Kind: model.KindDigital,
			Emotion: model.Emotion{Score: i%5 + 1}})
	}
	mp.Phases[0].Touchpoints = many
	m := newModel(mp, 0)
	plain := ansi.Strip(m.View(80, 24))
	if !strings.Contains(plain, "Step 00") || strings.Contains(plain, "Step 19") {
		t.Fatalf("first screen should show the first steps only:\n%s", plain)
	}
	if !strings.Contains(plain, "more") || !strings.Contains(plain, "↑↓ more") {
		t.Errorf("no hint that more touchpoints follow:\n%s", plain)
	}
	for range 30 {
		m, _ = m.Update(press("down"))
	}
	plain = ansi.Strip(m.View(80, 24))
	if !strings.Contains(plain, "Step 19") {
		t.Errorf("scrolling down never reaches the last touchpoint:\n%s", plain)
	}
	if !strings.Contains(plain, "more above") {
		t.Errorf("no hint of touchpoints above:\n%s", plain)
	}
	// Down past the end must not pile up presses that up then has to undo:
	// one up from the bottom moves the view at once.
	bottom := plain
	m, _ = m.Update(press("up"))
	if plain = ansi.Strip(m.View(80, 24)); plain == bottom {
		t.Errorf("up after scrolling past the end did not move the view")
	}
	m, _ = m.Update(press("right"))
	m, _ = m.Update(press("left"))
	if plain = ansi.Strip(m.View(80, 24)); !strings.Contains(plain, "Step 00") {
		t.Errorf("changing phase did not scroll back to the top")
	}
}

func TestViewFitsNastyText(t *testing.T) {
	long := strings.Repeat("x", 10000)
	nasty := []string{
		"☕ Café 👩‍👩‍👧 journey 🎉",
		"咖啡店顧客旅程咖啡店顧客旅程咖啡店顧客旅程咖啡店",
		long,
		"evil\x1b[2J\x1b]0;pwned\x07name\nwith lines\ttabs",
		"",
	}
	sizes := [][2]int{{0, 0}, {1, 1}, {2, 2}, {5, 3}, {20, 6}, {33, 11}, {40, 12}, {80, 24}, {120, 40}, {200, 50}}
	for _, s := range nasty {
		mp := &model.Map{MapInfo: model.MapInfo{Title: s}}
		for p := range 3 {
			ph := model.Phase{Name: s, Description: s}
			for i := range 4 {
				ph.Touchpoints = append(ph.Touchpoints, model.Touchpoint{
					Name: s, Channel: s, Kind: model.KindHybrid,
					Emotion:     model.Emotion{Score: (p+i)%7 - 1, Labels: model.ListOf(s, s)}, // out-of-range scores too
					Motivations: model.ListOf(s, s, s),
				})
			}
			mp.Phases = append(mp.Phases, ph)
		}
		for ph := range 3 {
			m := newModel(mp, ph)
			for _, sz := range sizes {
				v := m.View(sz[0], sz[1])
				checkFits(t, fmt.Sprintf("%q", ansi.Truncate(s, 12, "…")), v, sz[0], sz[1])
				if strings.Contains(v, "\x1b[2J") || strings.Contains(v, "\x1b]0;") || strings.Contains(v, "\x07") {
					t.Fatalf("escape sequence from user text reached the view")
				}
			}
		}
	}
}

func TestManyPhases(t *testing.T) {
	mp := testmap.Generate(40, 10000)
	for _, ph := range []int{0, 20, 39} {
		m := newModel(mp, ph)
		for _, sz := range [][2]int{{20, 6}, {80, 24}, {200, 50}} {
			v := m.View(sz[0], sz[1])
			checkFits(t, "generated", v, sz[0], sz[1])
		}
	}
}

func checkFits(t *testing.T, name, v string, w, h int) {
	t.Helper()
	screentest.Fits(t, name, v, w, h)
}

func BenchmarkView(b *testing.B) {
	m := newModel(testmap.Generate(40, 10000), 20)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View(200, 50)
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		in    string
		width int
		n     int
		want  []string
	}{
		{"short", 10, 2, []string{"short"}},
		{"get coffee fast and catch the train", 16, 2, []string{"get coffee fast", "and catch the …"}},
		{"get coffee fast", 10, 3, []string{"get coffee", "fast"}},
		{"get coffee fast", 10, 1, []string{"get coffe…"}},
		{"咖啡店顧客旅程", 5, 2, []string{"咖啡", "店顧…"}},
		{"anything", 0, 2, nil},
		{"anything", 5, 0, nil},
	}
	for _, tt := range tests {
		got := wrap(tt.in, tt.width, tt.n)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrap(%q, %d, %d) = %q, want %q", tt.in, tt.width, tt.n, got, tt.want)
		}
		for _, l := range got {
			if ansi.StringWidth(l) > tt.width {
				t.Errorf("wrap(%q, %d, %d): line %q too wide", tt.in, tt.width, tt.n, l)
			}
		}
	}
}

func TestShortScreenListsTouchpoints(t *testing.T) {
	m := newModel(testMap(), 1)
	plain := ansi.Strip(m.View(40, 8))
	for _, want := range []string{"PURCHASE", "Phase 2 of 4", ":(( Queue", ":)  Card payment", ":(  Loyalty app scan", "◀ ▶ slides · c projector · esc back"} {
		if !strings.Contains(plain, want) {
			t.Errorf("40x8 view lacks %q:\n%s", want, plain)
		}
	}
	checkFits(t, "short", m.View(40, 8), 40, 8)
}

func TestCurveCacheFollowsPhaseAndWidth(t *testing.T) {
	m := newModel(testMap(), 0)
	_ = m.View(80, 24)
	m, _ = m.Update(press("right"))
	if plain := ansi.Strip(m.View(80, 24)); !strings.Contains(plain, "▲ Purchase") {
		t.Errorf("curve kept the old phase's highlight")
	}
	if plain := ansi.Strip(m.View(120, 30)); !strings.Contains(plain, "▲ Purchase") {
		t.Errorf("curve missing after a resize")
	}
	checkFits(t, "resized", m.View(120, 30), 120, 30)
	checkFits(t, "resized back", m.View(80, 24), 80, 24)
	// A new map brings a new curve.
	mp := testMap()
	mp.Phases[1].Name = "Checkout"
	m.SetMap(mp)
	if plain := ansi.Strip(m.View(80, 24)); !strings.Contains(plain, "▲ Checkout") {
		t.Errorf("curve not redrawn for the new map")
	}
}

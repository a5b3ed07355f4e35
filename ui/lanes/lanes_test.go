package lanes

import (
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"journeymap/model"
	"journeymap/ui/theme"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden compares the plain text of the sample map's lanes (colours
// stripped, which is also what a NO_COLOR terminal shows) with
// testdata/*.golden. Run `go test ./ui/lanes -update` after an intended
// change of looks.
func TestGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 35}, {200, 50}} {
		w, h := size[0], size[1]
		m := newLanes(sampleMap(t), w, h)
		m.Select(Selection{Phase: 2, Index: 0, Lane: LanePainPoints, Item: 1})
		out := m.View()
		checkFrame(t, out, w, h)
		got := ansi.Strip(out) + "\n"
		path := filepath.Join("testdata", fmt.Sprintf("lanes_%dx%d.golden", w, h))
		if *update {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if string(want) != got {
			t.Errorf("%s differs; got:\n%s\nwant:\n%s", path, got, want)
		}
	}
}

// At 120×35 the sample map shows its four phases side by side, each with
// the text of a pain point (the real text, not a count).
func TestFourPhasesWithPainPoints(t *testing.T) {
	mp := sampleMap(t)
	m := newLanes(mp, 120, 35)
	out := plain(m)
	for _, ph := range mp.Phases {
		if !strings.Contains(out, ph.Name[:3]) {
			t.Errorf("phase %q not on screen:\n%s", ph.Name, out)
		}
	}
	g := m.layout()
	phases := map[int]bool{}
	for k := 0; k < g.cols; k++ {
		phases[m.cols[g.first+k].phase] = true
	}
	if len(phases) < 4 {
		t.Errorf("%d phases visible, want 4", len(phases))
	}
	pain := lineOf(out, "Pain")
	if pain < 0 {
		t.Fatalf("no pain points lane:\n%s", out)
	}
	for _, want := range []string{"Nothing", "Every", "Surprise", "The swap"} {
		if !strings.Contains(strings.Join(strings.Split(out, "\n")[pain:pain+3], "\n"), want) {
			t.Errorf("pain point text %q not in the pain lane:\n%s", want, out)
		}
	}
	if !strings.Contains(out, "▼ lowest") || !strings.Contains(out, "▼First") {
		t.Errorf("the lowest point is not marked:\n%s", out)
	}
}

func lineOf(s, prefix string) int {
	for i, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, " ▶"), prefix) {
			return i
		}
	}
	return -1
}

func TestNavigation(t *testing.T) {
	cases := []struct {
		name string
		keys []string
		want Selection
	}{
		{"starts on the first touchpoint", nil, Selection{0, 0, LaneTouchpoint, -1}},
		{"right moves along the touchpoints", []string{"l", "right"}, Selection{0, 2, LaneTouchpoint, -1}},
		{"right crosses into the next phase", []string{"l", "l", "l"}, Selection{1, 0, LaneTouchpoint, -1}},
		{"left clamps", []string{"h", "left"}, Selection{0, 0, LaneTouchpoint, -1}},
		{"down moves to the emotion lane", []string{"j"}, Selection{0, 0, LaneEmotion, -1}},
		{"down into a list selects its first item", []string{"j", "j"}, Selection{0, 0, LaneMotivations, 0}},
		{"down clamps at metrics", []string{"j", "j", "j", "j", "j", "j", "j", "j", "j"}, Selection{0, 0, LaneMetrics, 0}},
		{"up clamps at the touchpoint lane", []string{"k", "up"}, Selection{0, 0, LaneTouchpoint, -1}},
		{"tab moves to the next item", []string{"l", "l", "j", "j", "tab"}, Selection{0, 2, LaneMotivations, 1}},
		{"] moves to the next item and clamps", []string{"l", "l", "j", "j", "]", "]", "]"}, Selection{0, 2, LaneMotivations, 1}},
		{"shift+tab goes back", []string{"l", "l", "j", "j", "tab", "shift+tab"}, Selection{0, 2, LaneMotivations, 0}},
		{"[ clamps at the first item", []string{"j", "j", "[", "["}, Selection{0, 0, LaneMotivations, 0}},
		{"a new cell starts at its first item", []string{"l", "l", "j", "j", "tab", "h"}, Selection{0, 1, LaneMotivations, 0}},
		{"G goes to the last touchpoint", []string{"G"}, Selection{3, 3, LaneTouchpoint, -1}},
		{"end too", []string{"end"}, Selection{3, 3, LaneTouchpoint, -1}},
		{"g goes back to the first", []string{"G", "g"}, Selection{0, 0, LaneTouchpoint, -1}},
		{"} goes to the next phase", []string{"}", "}"}, Selection{2, 0, LaneTouchpoint, -1}},
		{"{ goes to the phase's start, then the previous", []string{"}", "l", "{", "{"}, Selection{0, 0, LaneTouchpoint, -1}},
		{"pgdown pages right", []string{"pgdown"}, Selection{3, 1, LaneTouchpoint, -1}},
		{"pgup pages back", []string{"pgdown", "pgup"}, Selection{0, 0, LaneTouchpoint, -1}},
		{"other keys are ignored", []string{"x", "enter", "q"}, Selection{0, 0, LaneTouchpoint, -1}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := press(newLanes(sampleMap(t), 120, 35), c.keys...)
			if got := m.Selection(); got != c.want {
				t.Errorf("keys %v: selection %+v, want %+v", c.keys, got, c.want)
			}
		})
	}
}

// The selection shows without colour: a ▶ in the cell and before the lane.
func TestSelectionShowsWithoutColour(t *testing.T) {
	m := newLanes(sampleMap(t), 120, 35)
	m.Select(Selection{Phase: 2, Index: 0, Lane: LanePainPoints, Item: 1})
	out := plain(m)
	if !strings.Contains(out, "▶Account") {
		t.Errorf("selected item not marked:\n%s", out)
	}
	if !strings.Contains(out, "▶Pain") {
		t.Errorf("selected lane not marked:\n%s", out)
	}
	if !strings.Contains(out, "Pain points 2/2  Account creation is mandatory") {
		t.Errorf("detail line does not show the item in full:\n%s", out)
	}
	if n := strings.Count(out, "▶"); n != 3 { // lane, cell, detail line
		t.Errorf("%d ▶ marks, want 3:\n%s", n, out)
	}
}

func TestHideLanes(t *testing.T) {
	m := newLanes(sampleMap(t), 120, 35)
	m.Select(Selection{Lane: LanePainPoints, Item: 0})
	m.SetHidden(LanePainPoints, true)
	m.SetHidden(LaneBackstage, true)
	if got := m.Hidden(); len(got) != 2 || got[0] != LanePainPoints || got[1] != LaneBackstage {
		t.Errorf("Hidden() = %v", got)
	}
	if s := m.Selection(); s.Lane != LaneOpportunities {
		t.Errorf("selection on %v after hiding its lane, want opportunities", s.Lane)
	}
	out := plain(m)
	if strings.Contains(out, "Pain") || strings.Contains(out, "Back-") {
		t.Errorf("hidden lanes still drawn:\n%s", out)
	}
	m = press(m, "k", "k")
	if s := m.Selection(); s.Lane != LaneMotivations {
		t.Errorf("up skipped to %v, want thoughts then motivations", s.Lane)
	}
	m.SetHiddenLanes(nil)
	if len(m.Hidden()) != 0 || !strings.Contains(plain(m), "Pain") {
		t.Error("lanes not shown again")
	}
	for _, l := range Lanes {
		m.SetHidden(l, true)
	}
	checkFrame(t, m.View(), 120, 35)
	if !strings.Contains(plain(m), allHidden) {
		t.Errorf("no message with every lane hidden:\n%s", plain(m))
	}
	for _, l := range Lanes {
		if k, ok := ParseLane(l.Key()); !ok || k != l {
			t.Errorf("ParseLane(%q) = %v, %v", l.Key(), k, ok)
		}
	}
}

// Scrolling either way keeps the phase header and the lane names in place.
func TestScrollKeepsHeaders(t *testing.T) {
	mp := denseMap(8, 60)
	m := newLanes(mp, 80, 24)
	m = press(m, "G")
	for range 8 {
		m = press(m, "j")
	}
	out := plain(m)
	lines := strings.Split(out, "\n")
	if !strings.HasPrefix(lines[0], "◂ ") || !strings.Contains(lines[0], "┃ Phase 8") {
		t.Errorf("header row lost after scrolling right: %q", lines[0])
	}
	if !strings.Contains(lines[1], "▲ more") {
		t.Errorf("no ▲ hint after scrolling down: %q", lines[1])
	}
	if !strings.Contains(out, "▶Metrics") {
		t.Errorf("lane names lost after scrolling down:\n%s", out)
	}
	if !strings.Contains(out, "━ 60 ━") {
		t.Errorf("the last column's number is not on screen:\n%s", out)
	}
	if strings.Contains(out, "Touch-") {
		t.Errorf("the touchpoint lane should have scrolled away:\n%s", out)
	}
	checkFrame(t, m.View(), 80, 24)
}

func TestMouse(t *testing.T) {
	m := newLanes(sampleMap(t), 120, 35)
	out := plain(m)
	y := lineOf(out, "Pain")
	line := []rune(strings.Split(out, "\n")[y])
	x := -1
	for i := range line {
		if strings.HasPrefix(string(line[i:]), "•Surprise") {
			x = i
		}
	}
	m, _ = m.Update(tea.MouseClickMsg{X: x + 2, Y: y + 2, Button: tea.MouseLeft})
	if s := m.Selection(); s != (Selection{2, 0, LanePainPoints, 0}) {
		t.Errorf("click selected %+v", s)
	}
	m, _ = m.Update(tea.MouseWheelMsg{X: 50, Y: 10, Button: tea.MouseWheelDown})
	checkFrame(t, m.View(), 120, 35)
}

func TestEmptyAndTiny(t *testing.T) {
	for _, mp := range []*model.Map{nil, {}, {Phases: []model.Phase{{Name: "Only"}}}} {
		m := newLanes(mp, 60, 20)
		m = press(m, "j", "l", "tab", "G")
		checkFrame(t, m.View(), 60, 20)
		if mp != nil && len(mp.Phases) == 1 {
			if s := m.Selection(); s.Index != -1 {
				t.Errorf("empty phase: selection %+v", s)
			}
			if !strings.Contains(plain(m), "no touchpoints yet") {
				t.Errorf("empty phase not explained:\n%s", plain(m))
			}
		}
	}
	m := newLanes(sampleMap(t), 10, 3)
	checkFrame(t, m.View(), 10, 3)
}

var nasty = []string{
	"", " ", "\x1b[31mred\x1b[0m", "tab\there\nnewline", strings.Repeat("x", 10000),
	strings.Repeat("👩‍👩‍👧‍👦", 300), "漢字かな交じり文のテキストがとても長い場合", "e\u0301\u0301\u0301",
	"\u200b\u200b", "☕️🇩🇪🏴󠁧󠁢󠁳󠁣󠁴󠁿", strings.Repeat("word ", 2000), "\x00\x07\x7f", "‮RTL override",
}

func nastyMap(rng *rand.Rand) *model.Map {
	pick := func() string { return nasty[rng.Intn(len(nasty))] }
	list := func() []string {
		out := make([]string, rng.Intn(4))
		for i := range out {
			out[i] = pick()
		}
		return out
	}
	mp := &model.Map{MapInfo: model.MapInfo{Title: pick()}}
	for p := 0; p < 1+rng.Intn(5); p++ {
		ph := model.Phase{Name: pick()}
		for t := 0; t < rng.Intn(5); t++ {
			tp := model.NewTouchpoint(pick())
			tp.Channel, tp.Owner, tp.Description = pick(), pick(), pick()
			tp.Emotion.Score = rng.Intn(9) - 2
			tp.Emotion.Labels = model.ListOf(list()...)
			tp.Motivations, tp.Thoughts, tp.PainPoints = model.ListOf(list()...), model.ListOf(list()...), model.ListOf(list()...)
			tp.Opportunities, tp.Backstage = model.ListOf(list()...), model.ListOf(list()...)
			for range rng.Intn(3) {
				tp.Metrics = append(tp.Metrics, model.Metric{Name: pick(), Unit: pick(),
					Target: model.Float(rng.NormFloat64() * 1e12), Current: model.Float(rng.Float64()), Direction: model.Down})
			}
			ph.Touchpoints = append(ph.Touchpoints, tp)
		}
		mp.Phases = append(mp.Phases, ph)
	}
	return mp
}

// No size from 0×0 to 250×80, no text and no key sequence panics or draws
// a line wider than the window.
func TestRandomSizesAndNastyText(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	keys := []string{"up", "down", "left", "right", "tab", "shift+tab", "pgup", "pgdown", "g", "G", "{", "}", "+", "-"}
	sample := sampleMap(t)
	for i := 0; i < 300; i++ {
		w, h := rng.Intn(251), rng.Intn(81)
		if i < 30 {
			w, h = i, i/3
		}
		mp := sample
		if i%2 == 1 {
			mp = nastyMap(rng)
		}
		m := newLanes(mp, w, h)
		for _, l := range Lanes {
			if rng.Intn(4) == 0 {
				m.SetHidden(l, true)
			}
		}
		for range 12 {
			m = press(m, keys[rng.Intn(len(keys))])
			m, _ = m.Update(tea.MouseClickMsg{X: rng.Intn(w + 1), Y: rng.Intn(h + 1), Button: tea.MouseLeft})
		}
		out := m.View()
		if w > 0 && h > 0 {
			checkFrame(t, out, w, h)
		}
		if strings.Contains(ansi.Strip(out), "\x1b") || strings.ContainsAny(ansi.Strip(out), "\x00\x07\t") {
			t.Fatalf("%d×%d: control characters reached the screen", w, h)
		}
		if t.Failed() {
			t.Fatalf("failed at %d×%d (iteration %d)", w, h, i)
		}
	}
}

func TestLaneList(t *testing.T) {
	tp := model.NewTouchpoint("x")
	tp.PainPoints = model.ListOf("a", "b")
	if p := LanePainPoints.List(&tp); p == nil || p.Len() != 2 {
		t.Fatal("List(pain points)")
	}
	if LaneEmotion.List(&tp) != nil || LaneMetrics.List(&tp) != nil {
		t.Error("List of a lane without text items")
	}
	if LanePainPoints.ItemCount(&tp) != 2 || LaneTouchpoint.ItemCount(&tp) != 0 {
		t.Error("ItemCount")
	}
	_ = theme.Clean
}

package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"journeymap/interchange"
	"journeymap/model"
	"journeymap/ui/board"
	"journeymap/ui/lanes"
)

// openSample opens the sample map (the customer-lifecycle template, with
// its story) on a fake store.
func openSample(t *testing.T, w, h int) (*harness, *fakeStore, int64) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "interchange", "templates", "customer-lifecycle.json"))
	if err != nil {
		t.Fatal(err)
	}
	mp, err := interchange.ParseJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	st := newFakeStore()
	id, err := st.CreateMap(mp)
	if err != nil {
		t.Fatal(err)
	}
	hs := newHarness(t, st, Options{}, w, h)
	hs.key("enter")
	if hs.r.mp == nil {
		t.Fatal("the map did not open")
	}
	return hs, st, id
}

// The lanes view through the real root: v toggles it and the choice is
// kept for the map in the file, at three sizes (golden screens).
func TestLanesViewGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 35}, {200, 50}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			hs, st, id := openSample(t, size[0], size[1])
			hs.key("v")
			if !hs.r.lanesOn() || !st.views[id].Lanes {
				t.Fatalf("v did not switch to lanes and keep it: %+v", st.views[id])
			}
			hs.r.selectCell(board.Selection{Phase: 2, Index: 0})
			hs.key("j", "j", "j", "j") // down to the pain points
			hs.contains("Pain points", "Discovery", "Consideration")
			hs.golden(fmt.Sprintf("lanes_%dx%d", size[0], size[1]))
		})
	}
}

// At 120×35 four phases show side by side with the text of their pain
// points.
func TestLanesFourPhasesAt120(t *testing.T) {
	hs, _, _ := openSample(t, 120, 35)
	hs.key("v")
	s := hs.screen()
	for _, want := range []string{"Discovery", "Consideration", "Purchase", "Loy", "Nothing", "Every", "The swap"} {
		if !strings.Contains(s, want) {
			t.Errorf("lanes at 120×35 lack %q:\n%s", want, s)
		}
	}
}

// The view is kept per map: reopening the map shows lanes again, with
// the same hidden lanes.
func TestLanesKeptPerMap(t *testing.T) {
	hs, st, id := openSample(t, 120, 35)
	hs.key("v", "c")
	if !topIs[*laneChooser](hs.r) {
		t.Fatal("c did not open the lane chooser")
	}
	hs.contains("Lanes shown", "[x] Backstage")
	hs.key("7", "4", "esc") // hide backstage and thoughts
	if got := st.views[id].HiddenLanes; !reflect.DeepEqual(got, []string{"thoughts", "backstage"}) {
		t.Fatalf("hidden lanes kept: %q", got)
	}
	hs.lacks("Back-", "Thoughts")
	hs.contains("Pain", "Motiva")
	hs.key("q") // home
	hs.r.view = model.ViewPrefs{}
	hs.key("enter")
	if !hs.r.lanesOn() || !hs.r.lanes.IsHidden(lanes.LaneBackstage) || hs.r.lanes.IsHidden(lanes.LanePainPoints) {
		t.Fatalf("reopened map lost its view: %+v", hs.r.view)
	}
	hs.lacks("Back-")
	hs.key("v")
	if st.views[id].Lanes {
		t.Fatal("back to cards was not kept")
	}
	hs.contains("Colleague's") // a card
	hs.lacks("Motiva")
}

// In a lane, a adds items to that lane of that touchpoint (one per enter,
// a pasted list one per line without bullets), e edits the selected item,
// K/J move it, d deletes it (asks), and u undoes each step.
func TestLaneItems(t *testing.T) {
	hs, st, id := openCoffee(t, 160, 45)
	hs.key("v")
	hs.r.selectCell(board.Selection{Phase: 1, Index: 0}) // Queue
	hs.key("j", "j", "j", "j")                           // touchpoint → emotion → motivations → thoughts → pain points
	if l := hs.r.lanes.Selection().Lane; l != lanes.LanePainPoints {
		t.Fatalf("lane = %v", l)
	}
	queue := func() model.Touchpoint {
		m := stored(t, st, id)
		return m.Phases[1].Touchpoints[0]
	}
	hs.key("a")
	hs.contains("Add pain points to Queue")
	hs.typ("Line out the door")
	hs.key("enter")
	hs.send(tea.PasteMsg{Content: "- No seats\n* Music too loud\n• Menu hard to read\n1. Card machine slow\n2) Nowhere to put the bag\n"})
	hs.key("esc")
	want := []string{"Line out the door", "No seats", "Music too loud", "Menu hard to read", "Card machine slow", "Nowhere to put the bag"}
	if got := queue().PainPoints.Items(); !reflect.DeepEqual(got, want) {
		t.Fatalf("pain points = %q, want %q", got, want)
	}
	hs.contains("Line out")
	// The last added is selected; edit it.
	if it := hs.r.lanes.Selection().Item; it != 5 {
		t.Fatalf("selected item %d, want the last added", it)
	}
	hs.key("e")
	hs.contains("Edit pain point of Queue")
	for range len("Nowhere to put the bag") {
		hs.key("backspace")
	}
	hs.typ("No hooks for bags")
	hs.key("enter")
	if got := queue().PainPoints.At(5); got != "No hooks for bags" {
		t.Fatalf("edited item = %q", got)
	}
	hs.key("K") // move it up
	if got := queue().PainPoints.At(4); got != "No hooks for bags" {
		t.Fatalf("K did not move the item up: %q", queue().PainPoints)
	}
	hs.key("d")
	hs.contains("Delete pain point")
	hs.key("y")
	if got := queue().PainPoints; got.Len() != 5 || contains(strings.Join(got.Items(), "|"), "hooks") {
		t.Fatalf("d did not delete the item: %q", got)
	}
	// Undo walks it all back: delete, move, edit, six adds.
	for range 9 {
		hs.key("u")
	}
	if got := queue().PainPoints; got.Len() != 0 {
		t.Fatalf("undo left %q", got)
	}
	// e on an empty metrics cell opens the form on the metrics.
	hs.key("j", "j", "j")
	if l := hs.r.lanes.Selection().Lane; l != lanes.LaneMetrics {
		t.Fatalf("lane = %v", l)
	}
	hs.key("e")
	if !topIs[*editorOverlay](hs.r) {
		t.Fatal("e on the metrics lane did not open the form")
	}
}

// 1–5 set the score at once, in the cards and in the lanes: saved, shown
// and undoable.
func TestScoreKeys(t *testing.T) {
	hs, st, id := openCoffee(t, 160, 45)
	hs.r.selectCell(board.Selection{Phase: 1, Index: 0})
	score := func() int { return stored(t, st, id).Phases[1].Touchpoints[0].Emotion.Score }
	before := score()
	hs.key("1")
	if score() != 1 {
		t.Fatalf("1 on a card: score %d", score())
	}
	hs.contains("Queue: 1")
	hs.key("v", "5")
	if score() != 5 {
		t.Fatalf("5 in the lanes: score %d", score())
	}
	hs.key("u")
	if score() != 1 {
		t.Fatalf("undo: score %d", score())
	}
	hs.key("u")
	if score() != before {
		t.Fatalf("second undo: score %d, want %d", score(), before)
	}
}

// A list pasted into a list field of the editor becomes one item per
// line, without bullets.
func TestEditorPastedList(t *testing.T) {
	hs, st, id := openCoffee(t, 160, 45)
	hs.r.selectCell(board.Selection{Phase: 1, Index: 0})
	hs.key("v", "j", "j", "j", "j", "j") // opportunities
	hs.key("e")                          // empty cell: the form, on the opportunities
	hs.send(tea.PasteMsg{Content: "• Mobile pre-order\n• Loyalty app\n3. Second till\n"})
	hs.key("ctrl+s")
	got := stored(t, st, id).Phases[1].Touchpoints[0].Opportunities.Items()
	if want := []string{"Mobile pre-order", "Loyalty app", "Second till"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("opportunities = %q, want %q\n%s", got, want, hs.screen())
	}
}

// The search ranking case through the root: a word in a single pain
// point puts that touchpoint first, and the result says where it matched.
func TestSearchFindsPainPointWord(t *testing.T) {
	hs, _, _ := openSample(t, 120, 35)
	hs.key("/")
	hs.typ("grind")
	s := hs.screen()
	lines := strings.Split(s, "\n")
	first := ""
	for _, l := range lines {
		if strings.Contains(l, "▶") {
			first = l
			break
		}
	}
	if !strings.Contains(first, "Taste quiz") || !strings.Contains(first, "pain point: ") {
		t.Fatalf("first result %q:\n%s", first, s)
	}
	hs.key("enter")
	if tp, _ := hs.r.mp.Touchpoint(model.Ref{Phase: hs.r.board.Selection().Phase, Index: hs.r.board.Selection().Index}); tp == nil || tp.Name != "Taste quiz" {
		t.Fatalf("enter did not jump to it")
	}
	// The index is kept: opening again reuses it.
	idx := hs.r.searchIdx
	hs.key("/")
	if hs.r.searchIdx != idx || idx == nil {
		t.Fatal("the search index was built again")
	}
}

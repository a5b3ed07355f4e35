package ui

import (
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"journeymap/model"
	"journeymap/ui/board"
)

func TestSearchJumpsAndEscReturns(t *testing.T) {
	hs, _, _ := openCoffee(t, 160, 45)
	hs.r.board.Select(board.Selection{Phase: 2, Index: 0})
	hs.key("/")
	if !topIs[*finderOverlay](hs.r) {
		t.Fatalf("/ did not open the finder:\n%s", hs.screen())
	}
	hs.typ("wait")
	hs.contains("Wait for drink", "Purchase")
	hs.key("enter")
	if s := hs.r.board.Selection(); s != (board.Selection{Phase: 1, Index: 3}) {
		t.Fatalf("enter did not jump to Wait for drink: %+v", s)
	}
	// esc leaves the selection where it was.
	hs.key("/")
	hs.typ("stamp")
	hs.key("esc")
	if hs.r.top() != nil {
		t.Fatal("esc did not close the finder")
	}
	if s := hs.r.board.Selection(); s != (board.Selection{Phase: 1, Index: 3}) {
		t.Fatalf("esc moved the selection: %+v", s)
	}
}

func TestSearchAcrossMapsOpensThePick(t *testing.T) {
	st := newFakeStore()
	if _, err := st.CreateMap(coffeeShop()); err != nil {
		t.Fatal(err)
	}
	other := coffeeShop()
	other.Title = "Tea room"
	other.Phases[2].Touchpoints[0].Name = "Teapot refill"
	otherID, err := st.CreateMap(other)
	if err != nil {
		t.Fatal(err)
	}
	hs := newHarness(t, st, Options{}, 160, 45)
	hs.send(homeSearchAll())
	if !topIs[*finderOverlay](hs.r) {
		t.Fatalf("search across maps did not open the finder:\n%s", hs.screen())
	}
	hs.typ("teapot")
	hs.contains("Teapot refill", "Tea room")
	hs.key("enter")
	if hs.r.screen != screenBoard || hs.r.mp == nil || hs.r.mp.ID != otherID {
		t.Fatalf("the pick's map did not open:\n%s", hs.screen())
	}
	if s := hs.r.board.Selection(); s != (board.Selection{Phase: 2, Index: 0}) {
		t.Fatalf("the pick is not selected: %+v", s)
	}
}

func TestInsightsJump(t *testing.T) {
	hs, _, _ := openCoffee(t, 160, 45)
	hs.key("i")
	if !topIs[*insightsOverlay](hs.r) {
		t.Fatalf("i did not open insights:\n%s", hs.screen())
	}
	hs.contains("Wait for drink")
	hs.key("enter") // the first row: the lowest-scored touchpoint
	if hs.r.top() != nil {
		t.Fatal("enter did not close insights")
	}
	if s := hs.r.board.Selection(); s != (board.Selection{Phase: 1, Index: 3}) {
		t.Fatalf("jumped to %+v, want Wait for drink", s)
	}
	hs.key("i", "esc")
	if hs.r.top() != nil {
		t.Fatal("esc did not close insights")
	}
}

func TestPresentationTwoSizes(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {200, 50}} {
		hs, _, _ := openCoffee(t, size[0], size[1])
		hs.r.board.Select(board.Selection{Phase: 1, Index: 0})
		hs.key("s")
		if !topIs[*presentOverlay](hs.r) {
			t.Fatalf("s did not start the presentation")
		}
		s := hs.screen()
		if n := len(strings.Split(s, "\n")); n > size[1] {
			t.Fatalf("%dx%d: %d lines", size[0], size[1], n)
		}
		hs.contains("Queue")
		hs.key("right")
		hs.contains("Stamp card")
		hs.key("esc")
		if hs.r.top() != nil {
			t.Fatal("esc did not end the presentation")
		}
		if s := hs.r.board.Selection(); s.Phase != 2 {
			t.Fatalf("the board did not follow the presented phase: %+v", s)
		}
	}
}

func TestExportDialogWritesAndAsksBeforeOverwrite(t *testing.T) {
	hs, _, _ := openCoffee(t, 160, 45)
	hs.r.opts = realOptions(t)
	dir := t.TempDir()
	hs.r.dir = dir
	hs.key("x")
	if !topIs[*exportOverlay](hs.r) {
		t.Fatalf("x did not open the export dialog:\n%s", hs.screen())
	}
	hs.key("enter")
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	if len(files) != 1 {
		t.Fatalf("exported files: %v\n%s", files, hs.screen())
	}
	data, err := os.ReadFile(files[0])
	if err != nil || !strings.Contains(string(data), "Wait for drink") {
		t.Fatalf("export content: %v %q", err, data)
	}
	hs.contains("exported to " + files[0])
	hs.key("esc")
	if hs.r.top() != nil {
		t.Fatalf("the dialog stays open:\n%s", hs.screen())
	}
	// Again: the file exists, so it asks.
	hs.key("x", "enter")
	hs.contains("Overwrite")
	hs.key("y")
	hs.contains("exported to")
}

func TestMouseClickSelectsCard(t *testing.T) {
	hs, _, _ := openCoffee(t, 160, 45)
	lines := strings.Split(hs.screen(), "\n")
	x, y := -1, -1
	for i, l := range lines {
		if j := strings.Index(l, "Order at counter"); j >= 0 {
			x, y = ansi.StringWidth(l[:j]), i
			break
		}
	}
	if y < 0 {
		t.Fatalf("card not on screen:\n%s", hs.screen())
	}
	hs.send(tea.MouseClickMsg{X: x + 2, Y: y, Button: tea.MouseLeft})
	if s := hs.r.board.Selection(); s != (board.Selection{Phase: 1, Index: 1}) {
		t.Fatalf("click at %d,%d selected %+v", x+2, y, s)
	}
	hs.send(tea.MouseWheelMsg{X: x, Y: y, Button: tea.MouseWheelDown}) // must not panic
}

func TestHomeRefreshShowsMapFromOtherProcess(t *testing.T) {
	st := newFakeStore()
	hs := newHarness(t, st, Options{}, 160, 45)
	hs.contains("0 maps")
	if _, err := st.CreateMap(coffeeShop()); err != nil {
		t.Fatal(err)
	}
	st.version++
	hs.send(refreshTickMsg{})
	hs.contains("Coffee shop", "1 map")
}

// TestPresentationFollowsLiveChanges: the projector shows what the laptop
// typed without a key press.
func TestPresentationFollowsLiveChanges(t *testing.T) {
	hs, st, id := openCoffee(t, 120, 35)
	hs.r.board.Select(board.Selection{Phase: 2, Index: 0})
	hs.key("s")
	hs.contains("Stamp card")
	tp := model.NewTouchpoint("Birthday treat")
	if err := st.external(id, insTP(st.stored(id), 2, 1, tp)); err != nil {
		t.Fatal(err)
	}
	hs.send(refreshTickMsg{})
	if !topIs[*presentOverlay](hs.r) {
		t.Fatal("the refresh closed the presentation")
	}
	hs.contains("Birthday treat")
}

func TestLightBackgroundRestyles(t *testing.T) {
	hs, _, _ := openCoffee(t, 120, 35)
	hs.send(tea.BackgroundColorMsg{Color: color.White})
	hs.contains("Instagram post")
	hs.key("e")
	hs.send(tea.BackgroundColorMsg{Color: color.Black})
	hs.contains("Edit touchpoint")
}

// An edit made while the search is open (by a dialog over it) reaches the
// search: its index reads the touchpoints, which the edit changed in place.
func TestSearchFollowsAnEditUnderIt(t *testing.T) {
	hs, _, _ := openSample(t, 120, 35)
	hs.key("/")
	hs.typ("grind")
	hs.contains("Taste quiz")
	var tp model.Touchpoint
	for _, p := range hs.r.mp.Phases {
		for _, t := range p.Touchpoints {
			if t.Name == "Taste quiz" {
				tp = t
			}
		}
	}
	edited := tp
	edited.Name = "Quiz renamed meanwhile"
	hs.run(hs.r.do(&model.UpdateTouchpoint{ID: tp.ID, Rev: tp.Rev, Touchpoint: edited}))
	hs.contains("Quiz renamed meanwhile", "pain point: ")
	hs.lacks("Taste quiz")
	// What it shows, highlights included, is what a fresh search shows.
	got := hs.r.View().Content
	hs.key("esc", "/")
	hs.typ("grind")
	if want := hs.r.View().Content; got != want {
		t.Fatalf("the search after the edit shows\n%q\na fresh one\n%q", got, want)
	}
	hs.key("enter")
	if got, _ := hs.r.mp.Touchpoint(model.Ref{Phase: hs.r.board.Selection().Phase, Index: hs.r.board.Selection().Index}); got == nil || got.ID != tp.ID {
		t.Fatalf("enter selected %v, want the edited card", got)
	}
}

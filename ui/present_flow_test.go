package ui

import (
	"fmt"
	"testing"
	"time"

	"journeymap/ui/board"
)

// TestPresentationSlides drives presentation mode through the root model at
// a laptop's and a projector's size: the title slide (title, persona,
// goal), a phase slide and the closing slide, each kept as a golden screen.
func TestPresentationSlides(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {200, 50}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			st := newFakeStore()
			st.stamp = time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)
			if _, err := st.CreateMap(coffeeShop()); err != nil {
				t.Fatal(err)
			}
			hs := newHarness(t, st, Options{}, w, h)
			hs.key("enter")
			hs.key("s") // from the first phase: the title slide
			if !topIs[*presentOverlay](hs.r) {
				t.Fatal("s did not start the presentation")
			}
			hs.contains("Coffee shop", "PERSONA", "GOAL", "5┤")
			hs.golden(fmt.Sprintf("present_title_%dx%d", w, h))
			hs.key("right", "right") // Discovery, then Purchase
			hs.contains("Phase 2 of 3", "Queue", "▲ Purchase")
			hs.golden(fmt.Sprintf("present_phase_%dx%d", w, h))
			hs.key("G")
			hs.contains("Summary", "MOMENTS THAT HURT", "METRICS OFF TARGET", "OPPORTUNITIES")
			hs.golden(fmt.Sprintf("present_closing_%dx%d", w, h))
			hs.key("esc")
			if hs.r.top() != nil {
				t.Fatal("esc did not end the presentation")
			}
			if s := hs.r.board.Selection(); s.Phase != 2 {
				t.Fatalf("the board did not follow the last slide's phase: %+v", s)
			}
		})
	}
}

// TestProjectorThemeKeptPerMap: c in presentation mode turns the projector
// theme on, the file keeps it with the map, and the next presentation of
// that map starts in it.
func TestProjectorThemeKeptPerMap(t *testing.T) {
	hs, st, id := openCoffee(t, 80, 24)
	hs.r.board.Select(board.Selection{Phase: 1, Index: 0})
	hs.key("s")
	plain := hs.screen()
	hs.key("c")
	if !st.views[id].Projector || !hs.r.view.Projector {
		t.Fatalf("c did not keep the projector theme: %+v", st.views[id])
	}
	o, ok := hs.r.top().(*presentOverlay)
	if !ok || !o.m.Projector() {
		t.Fatal("the presentation did not switch to the projector theme")
	}
	if hs.screen() != plain {
		t.Error("the projector theme changed the text, not only its looks")
	}
	hs.key("esc", "q") // back to the board, then to the maps
	hs.key("enter")    // the map again, its view read from the file
	hs.key("s")
	if o, ok := hs.r.top().(*presentOverlay); !ok || !o.m.Projector() {
		t.Fatal("the projector theme was not kept for the map")
	}
	hs.key("c")
	if st.views[id].Projector {
		t.Fatal("c did not turn the projector theme off in the file")
	}
}

package ui

import (
	"fmt"
	"testing"
	"time"

	"journeymap/ui/board"
)

// TestGoldenScreens keeps a plain-text picture of every screen at 80x24 and
// 160x45 in testdata (regenerate with `go test ./ui -run Golden -update`).
func TestGoldenScreens(t *testing.T) {
	screens := []struct {
		name string
		keys func(hs *harness)
	}{
		{"home", func(hs *harness) { hs.key("esc") }},
		{"board", func(hs *harness) {}},
		{"capture", func(hs *harness) {
			hs.key("a")
			hs.typ("Loyalty card")
			hs.key("enter")
			hs.typ("Free refill")
		}},
		{"confirm", func(hs *harness) {
			hs.r.board.Select(board.Selection{Phase: 1, Index: -1})
			hs.key("d")
		}},
		{"editor", func(hs *harness) { hs.key("e") }},
		{"help", func(hs *harness) { hs.key("?") }},
		{"search", func(hs *harness) {
			hs.key("/")
			hs.typ("st")
		}},
		{"insights", func(hs *harness) { hs.key("i") }},
		{"present", func(hs *harness) { hs.key("s") }},
		{"export", func(hs *harness) { hs.key("x") }},
	}
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		for _, sc := range screens {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				st := newFakeStore()
				st.stamp = time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)
				if _, err := st.CreateMap(coffeeShop()); err != nil {
					t.Fatal(err)
				}
				hs := newHarness(t, st, Options{ExportFunc: realOptions(t).ExportFunc, WriteFile: realOptions(t).WriteFile}, size[0], size[1])
				hs.r.dir = "/home/ana/exports"
				hs.key("enter")
				sc.keys(hs)
				hs.golden(fmt.Sprintf("%s_%dx%d", sc.name, size[0], size[1]))
			})
		}
	}
	t.Run("too_small_30x10", func(t *testing.T) {
		hs := newHarness(t, newFakeStore(), Options{}, 30, 10)
		hs.golden("too_small_30x10")
	})
}

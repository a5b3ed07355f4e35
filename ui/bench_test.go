package ui

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"journeymap/internal/testmap"
)

// BenchmarkRootView measures one whole frame (board, status bar, help line)
// at 160x45: the cost must follow what is on screen, not the map's size.
func BenchmarkRootView(b *testing.B) {
	for _, size := range []struct{ phases, touchpoints int }{{5, 100}, {40, 10000}} {
		b.Run(fmt.Sprintf("%d", size.touchpoints), func(b *testing.B) {
			st := newFakeStore()
			id, err := st.CreateMap(testmap.Generate(size.phases, size.touchpoints))
			if err != nil {
				b.Fatal(err)
			}
			r := New(st, Options{})
			r.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
			msg := r.loadMap(id, loadOpen, 0)()
			r.Update(msg)
			if r.mp == nil {
				b.Fatal("map not open")
			}
			r.Update(keyMsg("l")) // move once so the frame is not the first
			b.ResetTimer()
			for b.Loop() {
				_ = r.View()
			}
		})
	}
}

// BenchmarkRootKeyAndView is a navigation key plus the frame it causes.
func BenchmarkRootKeyAndView(b *testing.B) {
	st := newFakeStore()
	id, err := st.CreateMap(testmap.Generate(40, 10000))
	if err != nil {
		b.Fatal(err)
	}
	r := New(st, Options{})
	r.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	r.Update(r.loadMap(id, loadOpen, 0)())
	keys := []tea.KeyPressMsg{keyMsg("j"), keyMsg("l"), keyMsg("k"), keyMsg("h")}
	i := 0
	for b.Loop() {
		r.Update(keys[i%len(keys)])
		_ = r.View()
		i++
	}
}

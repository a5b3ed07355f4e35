package editor

import (
	"testing"

	"journeymap/model"
)

func BenchmarkViewTouchpoint(b *testing.B) {
	m := NewTouchpoint(fullTouchpoint(), testSuggestions(), testStyles())
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View(120, 35)
	}
}

// BenchmarkViewHostile draws a form whose texts are 10,000 characters long,
// with the long name focused.
func BenchmarkViewHostile(b *testing.B) {
	m := NewTouchpoint(nastyTouchpoint(), Suggestions{}, testStyles())
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View(120, 35)
	}
}

func BenchmarkTypeWithSuggestions(b *testing.B) {
	big := make([]string, 0, 10000)
	for i := range 10000 {
		big = append(big, model.Channels[i%len(model.Channels)]+string(rune('a'+i%26))+string(rune('a'+i/26%26)))
	}
	m := NewTouchpoint(model.NewTouchpoint("x"), Suggestions{Channels: big}, testStyles())
	m = tabToB(m, "channel")
	b.ReportAllocs()
	for b.Loop() {
		m2, _ := m.Update(keyRune('w'))
		_ = m2.View(120, 35)
	}
}

func tabToB(m Model, path string) Model {
	for m.fields[m.focus].path != path {
		m, _ = m.Update(tab)
	}
	return m
}

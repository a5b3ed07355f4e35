package finder

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"journeymap/model"
	"journeymap/ui/theme"
)

// keyPress builds the message a terminal sends for a printable character.
func keyPress(r rune) tea.KeyPressMsg {
	return tea.KeyPressMsg{Code: r, Text: string(r)}
}

// BenchmarkKeystroke measures one search keystroke over 10,000 touchpoints:
// the query is typed one key at a time through Update and each keystroke
// includes drawing the frame. ns/op is per keystroke.
func BenchmarkKeystroke(b *testing.B) {
	items := TouchpointItems(model.Generate(40, 10000))
	st := DefaultStyles(theme.New(true))
	queries := []string{"touchpoint 42", "steps", "conversion", "anxious save"}
	keys := 0
	for _, q := range queries {
		keys += len([]rune(q))
	}
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for n < b.N {
		b.StopTimer()
		m := New("Search touchpoints", items, st)
		b.StartTimer()
		for _, q := range queries {
			for _, r := range q {
				m, _ = m.Update(keyPress(r))
				_ = m.View(100, 30)
				n++
			}
			// clear the query with backspaces: each is a keystroke too
			for range q {
				m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
				_ = m.View(100, 30)
				n++
			}
		}
	}
}

func BenchmarkFullSearch(b *testing.B) {
	items := TouchpointItems(model.Generate(40, 10000))
	m := New("x", items, DefaultStyles(theme.New(true)))
	b.Logf("text len example: %d %q", len(items[0].Text), items[0].Text)
	for b.Loop() {
		m.results = m.match("t", nil)
	}
}

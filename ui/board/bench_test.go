package board

import (
	"fmt"
	"testing"

	"journeymap/internal/testmap"
	"journeymap/ui/theme"
)

// BenchmarkView builds one 160×45 frame per iteration while the selection
// walks through the map (down a phase, then on to the next), so the card
// cache keeps meeting cards it has not drawn and the figure is what a user
// moving around pays, not a replay of one cached frame. The 100-touchpoint
// map comes twice: in 4 phases (4 columns on screen) and in 10 (as many
// columns as the big map shows), so the size comparison can be made with
// the same amount on screen.
func BenchmarkView(b *testing.B) {
	for _, size := range []struct{ phases, touchpoints int }{{4, 100}, {10, 100}, {40, 10000}} {
		b.Run(fmt.Sprintf("phases=%d/touchpoints=%d", size.phases, size.touchpoints), func(b *testing.B) {
			m := New(DefaultStyles(theme.New(true)))
			mp := testmap.Generate(size.phases, size.touchpoints)
			m.SetMap(mp)
			refs := mp.Refs()
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				r := refs[i%len(refs)]
				m.Select(Selection{r.Phase, r.Index})
				_ = m.View(160, 45)
			}
		})
	}
}

// BenchmarkSetMap is the once-per-change cost: per-phase counts, means and
// curve scores for 10,000 touchpoints.
func BenchmarkSetMap(b *testing.B) {
	m := New(DefaultStyles(theme.New(true)))
	mp := testmap.Generate(40, 10000)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		m.SetMap(mp)
	}
}

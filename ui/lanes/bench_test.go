package lanes

import (
	"fmt"
	"testing"

	"journeymap/model"
	"journeymap/ui/theme"
)

// denseMap builds n touchpoints in p phases with every list holding 2–3
// items and three metrics each: the worst case for a frame.
func denseMap(p, n int) *model.Map {
	mp := &model.Map{MapInfo: model.MapInfo{Title: "Dense"}}
	words := []string{"checkout", "parcel", "delivery", "support", "refund", "price", "quiz", "coffee", "beans", "roast"}
	text := func(i, j int) string {
		return fmt.Sprintf("%s %s number %d is slower than the %s and nobody knows why", words[i%10], words[(i+j)%10], i, words[(i*7+j)%10])
	}
	list := func(i, salt int) []string {
		out := make([]string, 2+(i+salt)%2)
		for j := range out {
			out[j] = text(i+salt, j)
		}
		return out
	}
	for ph := 0; ph < p; ph++ {
		phase := model.Phase{Name: fmt.Sprintf("Phase %d", ph+1)}
		for i := ph * n / p; i < (ph+1)*n/p; i++ {
			t := model.NewTouchpoint(fmt.Sprintf("Touchpoint %d %s", i+1, words[i%10]))
			t.Channel, t.Kind, t.Owner = words[(i+3)%10], model.Kinds[i%3], "Team"
			t.Emotion = model.Emotion{Score: 1 + (i*7)%5, Labels: model.ListOf("curious", "anxious")}
			t.Motivations, t.Thoughts, t.PainPoints = model.ListOf(list(i, 1)...), model.ListOf(list(i, 2)...), model.ListOf(list(i, 3)...)
			t.Opportunities, t.Backstage = model.ListOf(list(i, 4)...), model.ListOf(list(i, 5)...)
			for k := 0; k < 3; k++ {
				t.Metrics = append(t.Metrics, model.Metric{Name: "metric " + words[k], Unit: "%",
					Target: model.Float(50), Current: model.Float(float64((i * 13 * (k + 1)) % 100)), Direction: model.Up})
			}
			phase.Touchpoints = append(phase.Touchpoints, t)
		}
		mp.Phases = append(mp.Phases, phase)
	}
	return mp
}

// BenchmarkLanesFrame builds one 160×45 frame per iteration while the
// selection walks right through the map (and down a lane every so often),
// so the cell cache keeps meeting columns it has not wrapped yet: what a
// user moving around pays, not a replay of one cached frame.
func BenchmarkLanesFrame(b *testing.B) {
	for _, size := range []struct{ phases, touchpoints int }{{4, 100}, {40, 10000}} {
		b.Run(fmt.Sprintf("touchpoints=%d", size.touchpoints), func(b *testing.B) {
			m := New(DefaultStyles(theme.New(true)))
			m.SetSize(160, 45)
			m.SetMap(denseMap(size.phases, size.touchpoints))
			right, down := keyMsg("right"), keyMsg("down")
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if i%97 == 96 {
					m, _ = m.Update(down)
				}
				m, _ = m.Update(right)
				_ = m.View()
			}
		})
	}
}

// BenchmarkSetMap is the once-per-change cost of indexing 10,000 touchpoints.
func BenchmarkSetMap(b *testing.B) {
	m := New(DefaultStyles(theme.New(true)))
	m.SetSize(160, 45)
	mp := denseMap(40, 10000)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		m.SetMap(mp)
	}
}

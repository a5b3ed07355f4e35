package finder

import (
	"runtime"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"journeymap/internal/testmap"
	"journeymap/model"
	"journeymap/ui/theme"
)

// keyPress builds the message a terminal sends for a printable character.
func keyPress(r rune) tea.KeyPressMsg {
	return tea.KeyPressMsg{Code: r, Text: string(r)}
}

// cpuTime is the CPU time the process has used, all threads together: on a
// shared machine it shows the work done regardless of waiting for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchItems is the benchmark's map: 10,000 touchpoints in 40 phases.
func benchItems() []Item { return TouchpointItems(testmap.Generate(40, 10000)) }

// BenchmarkKeystroke measures one search keystroke over 10,000 touchpoints:
// queries are typed one key at a time through Update and erased with
// backspace, and every keystroke includes drawing a 100x30 frame. ns/op is
// wall time per keystroke; cpu-ns/key is CPU time per keystroke summed over
// all threads (the search uses every CPU).
func BenchmarkKeystroke(b *testing.B) {
	benchKeystroke(b, NewIndex(benchItems()))
}

// BenchmarkKeystrokeMapIndex is BenchmarkKeystroke over the index the
// board's search uses (NewMapIndex), whose entries read a touchpoint's
// fields from the map.
func BenchmarkKeystrokeMapIndex(b *testing.B) {
	benchKeystroke(b, benchMapIndex().Index)
}

func benchMapIndex() *MapIndex {
	return NewMapIndex(testmap.Generate(40, 10000), nil, func(t *model.Touchpoint) any { return t.ID })
}

func benchKeystroke(b *testing.B, x *Index) {
	// a name most items share, a pain point every item has, a metric name
	// some have, and a query spread over a label and a motivation
	benchKeystrokeQueries(b, x, []string{"touchpoint 42", "steps", "conversion", "anxious save"})
}

func benchKeystrokeQueries(b *testing.B, x *Index, queries []string) {
	st := DefaultStyles(theme.New(true))
	b.ReportAllocs()
	var cpu time.Duration
	n := 0
	for n < b.N {
		b.StopTimer()
		m := NewFromIndex("Search touchpoints", x, st)
		runtime.GC() // New's garbage is not the keystroke's
		c0 := cpuTime()
		b.StartTimer()
		for _, q := range queries {
			for _, r := range q {
				m, _ = m.Update(keyPress(r))
				_ = m.View(100, 30)
				n++
			}
			for range q {
				m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
				_ = m.View(100, 30)
				n++
			}
		}
		b.StopTimer()
		cpu += cpuTime() - c0
		b.StartTimer()
	}
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(n), "cpu-ns/key")
}

// BenchmarkFirstKeystroke is the costliest keystroke: the first character of
// a query, which every one of the 10,000 touchpoints matches, so nothing is
// narrowed or cached.
func BenchmarkFirstKeystroke(b *testing.B) {
	benchFirstKeystroke(b, NewIndex(benchItems()))
}

// BenchmarkFirstKeystrokeMapIndex is BenchmarkFirstKeystroke over the
// board's index.
func BenchmarkFirstKeystrokeMapIndex(b *testing.B) {
	benchFirstKeystroke(b, benchMapIndex().Index)
}

func benchFirstKeystroke(b *testing.B, x *Index) {
	st := DefaultStyles(theme.New(true))
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		m := NewFromIndex("Search touchpoints", x, st)
		runtime.GC() // New's garbage is not the keystroke's
		c0 := cpuTime()
		b.StartTimer()
		m, _ = m.Update(keyPress('t'))
		_ = m.View(100, 30)
		b.StopTimer()
		cpu += cpuTime() - c0
		b.StartTimer()
	}
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/key")
}

// BenchmarkOpenFromIndex is opening the search on a 10,000-touchpoint map
// whose index the root already built for this load of the map (budget:
// 20 ms), with the first frame drawn.
func BenchmarkOpenFromIndex(b *testing.B) {
	x := NewIndex(benchItems())
	st := DefaultStyles(theme.New(true))
	for b.Loop() {
		m := NewFromIndex("Search touchpoints", x, st)
		_ = m.View(100, 30)
	}
}

// BenchmarkBuildIndex is what the first / after a map loads costs: every
// touchpoint's fields listed and prepared.
func BenchmarkBuildIndex(b *testing.B) {
	mp := testmap.Generate(40, 10000)
	for b.Loop() {
		_ = NewIndex(TouchpointItems(mp))
	}
}

// BenchmarkBuildMapIndex is the board's first / after a map loads.
func BenchmarkBuildMapIndex(b *testing.B) {
	mp := testmap.Generate(40, 10000)
	ref := func(t *model.Touchpoint) any { return t.ID }
	for b.Loop() {
		_ = NewMapIndex(mp, nil, ref)
	}
}

// The dense map (testmap.Dense: every list two or three items long, three
// metrics, descriptions of a sentence or two) is what the budgets are set
// on; the benchmarks above use the sparser generated map.

func denseMapIndex() *MapIndex {
	return NewMapIndex(testmap.Dense(40, 10000), nil, func(t *model.Touchpoint) any { return t.ID })
}

// BenchmarkOpenDense is the board's first / after the dense map loads:
// building its index and drawing the first frame (budget: 20 ms).
func BenchmarkOpenDense(b *testing.B) {
	mp := testmap.Dense(40, 10000)
	st := DefaultStyles(theme.New(true))
	for b.Loop() {
		x := NewMapIndex(mp, nil, func(t *model.Touchpoint) any { return t.ID })
		m := NewFromIndex("Search touchpoints", x.Index, st)
		_ = m.View(100, 30)
	}
}

// BenchmarkKeystrokeDense types queries into the board's search of the
// dense map, as BenchmarkKeystroke does: a touchpoint's name, a pain
// point, a word in a description, and one spread over two fields.
func BenchmarkKeystrokeDense(b *testing.B) {
	benchKeystrokeQueries(b, denseMapIndex().Index, []string{"touchpoint 42", "vague", "courier", "save tracking"})
}

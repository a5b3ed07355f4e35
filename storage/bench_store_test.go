package storage

import (
	"fmt"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"journeymap/internal/testmap"
	"journeymap/model"
)

// benchMap is the size that must stay fluid: 10,000 touchpoints in
// 40 phases, each with 3 metrics and 2 motivations.
func benchMap() *model.Map { return testmap.Generate(40, 10000) }

// BenchmarkCreateMap measures an import: the whole map inserted in one
// transaction (including the fsync of the commit).
func BenchmarkCreateMap(b *testing.B) {
	s := openTemp(b)
	m := benchMap()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		c := m.Clone()
		if _, err := s.CreateMap(c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadMap measures reading the whole large map back; the budget is
// 50 ms.
func BenchmarkLoadMap(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "big.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	id, err := s.CreateMap(benchMap())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		m, err := s.LoadMap(id)
		if err != nil {
			b.Fatal(err)
		}
		if m.TouchpointCount() != 10000 {
			b.Fatalf("loaded %d touchpoints", m.TouchpointCount())
		}
	}
	reportCPU(b, cpu)
}

// cpuTime returns the CPU time the process has used. The machine that
// checks the budget is shared, so besides wall time (ns/op) the benchmarks
// report CPU time per operation (cpu-ns/op), which other processes'
// load does not inflate.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// BenchmarkListMaps measures the home screen's query on a file holding the
// large map.
func BenchmarkListMaps(b *testing.B) {
	s := openTemp(b)
	if _, err := s.CreateMap(benchMap()); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.ListMaps(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUpdateTouchpoint measures one edit in the middle of the large map,
// the cost of an autosave.
func BenchmarkUpdateTouchpoint(b *testing.B) {
	s := openTemp(b)
	m := benchMap()
	id, err := s.CreateMap(m)
	if err != nil {
		b.Fatal(err)
	}
	t := m.Phases[20].Touchpoints[100]
	b.ResetTimer()
	for b.Loop() {
		t.Emotion.Score = t.Emotion.Score%5 + 1
		if err := s.UpdateTouchpoint(id, 20, 100, t); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadMapDense loads a map as dense as a real one: every list 2–3
// items long, 3 metrics, descriptions of a sentence or two.
func BenchmarkLoadMapDense(b *testing.B) {
	s, id := denseStore(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.LoadMap(id); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadMapDense reads the dense map the way an export streams it
// (ReadMap with the outline, every phase handed over once): the time to set
// against BenchmarkLoadMapDense, and the peak of what is live at once
// (peak-live-MB, sampled after every phase) against the whole map's.
func BenchmarkReadMapDense(b *testing.B) {
	for _, o := range []bool{false, true} {
		b.Run(fmt.Sprintf("outline=%v", o), func(b *testing.B) { benchReadMapDense(b, o) })
	}
}

func benchReadMapDense(b *testing.B, outlined bool) {
	s, id := denseStore(b)
	var peak uint64
	var ms runtime.MemStats
	first := true
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		sample := first
		first = false
		err := s.ReadMap(id, ReadNeeds{Outline: outlined}, func(r *MapReader) error {
			return r.Phases(func(pi int, p *model.Phase) error {
				if sample && pi%4 == 3 {
					runtime.GC()
					runtime.ReadMemStats(&ms)
					peak = max(peak, ms.HeapAlloc)
				}
				return nil
			})
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	if peak > 0 {
		b.ReportMetric(float64(peak)/(1<<20), "peak-live-MB")
	}
}

// BenchmarkLoadMapSpread is the dense map after a workshop added a few
// touchpoints: their IDs (model.NewID) spread the map over the ID range, so
// items and metrics are picked by map rather than by a narrow range.
func BenchmarkLoadMapSpread(b *testing.B) {
	s, id := denseStore(b)
	m, _ := s.LoadMap(id)
	for i := 0; i < 5; i++ {
		e := &model.InsertTouchpoint{Phase: m.Phases[i].ID, Index: -1, Touchpoint: model.NewTouchpoint("added in the room")}
		if err := e.Apply(m); err != nil {
			b.Fatal(err)
		}
		if err := s.Apply(id, e); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.LoadMap(id); err != nil {
			b.Fatal(err)
		}
	}
}

// denseStore is a store in a temp dir holding the dense benchmark map
// (testmap.Dense(40, 10000)), and the map's ID.
func denseStore(b *testing.B) (*Store, int64) {
	s, err := Open(filepath.Join(b.TempDir(), "dense.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	id, err := s.CreateMap(testmap.Dense(40, 10000))
	if err != nil {
		b.Fatal(err)
	}
	return s, id
}

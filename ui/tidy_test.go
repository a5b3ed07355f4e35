package ui

import (
	"io"
	"math"
	"runtime/debug"
	"testing"

	tea "charm.land/bubbletea/v2"

	"journeymap/interchange"
	"journeymap/model"
)

// TestTidyAfterAPause: activity schedules a tidy, only the last burst's
// tidy runs, it runs once however long the pause, and a root without Tidy
// (tests, workshop sessions) schedules nothing.
func TestTidyAfterAPause(t *testing.T) {
	off := newTidy(false)
	if off.after(tea.KeyPressMsg{Code: 'j'}) != nil {
		t.Fatal("a root without Tidy scheduled a tidy")
	}
	tt := newTidy(true)
	if tt.after(tea.KeyPressMsg{Code: 'j'}) == nil {
		t.Fatal("a key scheduled no tidy")
	}
	first := tt.gen
	if tt.after(tea.PasteMsg{Content: "x"}) == nil {
		t.Fatal("a paste scheduled no tidy")
	}
	if tt.after(tidyMsg{gen: first}) != nil {
		t.Error("the tidy of an earlier burst ran while the person was still busy")
	}
	if tt.after(tidyMsg{gen: tt.gen}) == nil {
		t.Fatal("the last burst's tidy did not run")
	}
	if tt.after(tidyMsg{gen: tt.gen}) != nil {
		t.Error("a second tidy ran with nothing done in between")
	}
	if tt.after(refreshTickMsg{}) != nil {
		t.Error("the refresh ticker counted as activity: an idle screen would tidy every 500 ms")
	}
}

// TestRoom: a tidy sets a soft memory limit above what the program holds;
// reading a map and exporting lift it while they run, and a tidy in the
// middle of such work leaves it lifted.
func TestRoom(t *testing.T) {
	limit := func() int64 { return debug.SetMemoryLimit(-1) }
	was := limit()
	t.Cleanup(func() { debug.SetMemoryLimit(was) })

	rm := &room{}
	rm.settle()
	if l := limit(); l == math.MaxInt64 || l < held() {
		t.Fatalf("after a tidy the limit is %d, holding %d", l, held())
	}

	done := rm.lift()
	if limit() != math.MaxInt64 {
		t.Fatal("heavy work did not lift the limit")
	}
	rm.settle()
	if limit() != math.MaxInt64 {
		t.Fatal("a tidy during heavy work put the limit back")
	}
	done()
	rm.settle()
	if limit() == math.MaxInt64 {
		t.Fatal("a tidy after the heavy work left the limit off")
	}

	// The root wraps the store and the exporter of a program that tidies,
	// and nothing else.
	var during []int64
	st := newFakeStore()
	id, err := st.CreateMap(&model.Map{MapInfo: model.MapInfo{Title: "m"}})
	if err != nil {
		t.Fatal(err)
	}
	export := func(io.Writer, *model.Map, interchange.Format, string) error {
		during = append(during, limit())
		return nil
	}
	r := New(&spyStore{Store: st, seen: func() { during = append(during, limit()) }}, Options{Tidy: true, ExportFunc: export})
	if _, err := r.st.LoadMap(id); err != nil {
		t.Fatal(err)
	}
	if err := r.opts.ExportFunc(io.Discard, &model.Map{}, interchange.Format{}, ""); err != nil {
		t.Fatal(err)
	}
	if len(during) != 2 || during[0] != math.MaxInt64 || during[1] != math.MaxInt64 {
		t.Errorf("limits seen while reading and exporting: %v, want both lifted", during)
	}
	if _, ok := New(st, Options{}).st.(roomyStore); ok {
		t.Error("a root that does not tidy (a workshop session, a test) lifts the limit too")
	}
}

// spyStore calls seen on every LoadMap.
type spyStore struct {
	Store
	seen func()
}

func (s *spyStore) LoadMap(id int64) (*model.Map, error) {
	s.seen()
	return s.Store.LoadMap(id)
}

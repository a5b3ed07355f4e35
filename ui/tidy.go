package ui

import (
	"io"
	"math"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"journeymap/interchange"
	"journeymap/model"
	"journeymap/ui/exportdlg"
)

// The Go runtime keeps the heap a burst of work freed (a search over a
// 10,000-touchpoint map allocates megabytes a keystroke) for reuse, and
// hands it back to the system only slowly: such a map sat at 70 MB after a
// minute's work with 24 MB in use. Once the person has paused for
// tidyAfter, the root hands it back at once, in a command, so no key waits
// for it. Only the local program tidies (Options.Tidy): a workshop
// server's sessions share one heap.
//
// The tidy also sets a soft memory limit a little above what the program
// holds once tidied (room.settle), so that during the next burst of keys
// the runtime collects and returns memory before it grows past that, not
// only at the next pause. Work that needs more for a while, reading a map
// while the old one is still shown or writing a picture or a deck, lifts
// the limit until the next tidy (room.lift): under a limit it could not
// meet, the collector would run back to back.
const tidyAfter = 2 * time.Second

// tidyMsg fires tidyAfter after a burst of activity; gen tells the last
// burst's from earlier ones.
type tidyMsg struct{ gen int }

type tidy struct {
	on    bool
	gen   int
	dirty bool // activity since the last tidy
	room  *room
}

func newTidy(on bool) tidy { return tidy{on: on, room: &room{}} }

// after notes activity and, once it has paused, returns the memory: it
// returns the command for msg, or nil.
func (t *tidy) after(msg tea.Msg) tea.Cmd {
	if !t.on {
		return nil
	}
	switch msg := msg.(type) {
	case tidyMsg:
		if msg.gen != t.gen || !t.dirty {
			return nil
		}
		t.dirty = false
		rm := t.room
		return func() tea.Msg { debug.FreeOSMemory(); rm.settle(); return nil }
	case tea.KeyPressMsg, tea.MouseClickMsg, tea.MouseWheelMsg, tea.PasteMsg, mapLoadedMsg, exportdlg.DoneMsg:
		t.gen++
		t.dirty = true
		gen := t.gen
		return tea.Tick(tidyAfter, func(time.Time) tea.Msg { return tidyMsg{gen} })
	}
	return nil
}

// Headroom above what the program holds once tidied: at least
// minHeadroom, or a quarter of it on a map so large that a quarter is more.
// On the dense 10,000-touchpoint map a minute of moving, searching and
// editing then ended at 47 MB instead of 49-51 (8 MiB: 49), collecting
// about 2.4 times a second instead of once, a few milliseconds each.
const minHeadroom = 6 << 20

// room keeps the soft memory limit: set by a tidy, lifted while heavy work
// runs. heavy counts that work, so a tidy that lands in the middle of it
// leaves the limit off.
type room struct {
	mu    sync.Mutex
	heavy int
}

// lift takes the limit off for heavy work; the returned func marks it done.
func (rm *room) lift() (done func()) {
	rm.mu.Lock()
	rm.heavy++
	debug.SetMemoryLimit(math.MaxInt64)
	rm.mu.Unlock()
	return func() {
		rm.mu.Lock()
		rm.heavy--
		rm.mu.Unlock()
	}
}

// settle sets the limit above what the program holds now, unless heavy
// work is running.
func (rm *room) settle() {
	rm.mu.Lock()
	defer rm.mu.Unlock()
	if rm.heavy > 0 {
		return
	}
	h := held()
	debug.SetMemoryLimit(h + max(minHeadroom, h/4))
}

// held is the memory the runtime counts against its limit: everything it
// has mapped, less what it has handed back.
func held() int64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64() - s[1].Value.Uint64())
}

// roomyStore lifts the limit while a map is read: the old one stays on
// screen until the new one has arrived.
type roomyStore struct {
	Store
	room *room
}

func (s roomyStore) LoadMap(id int64) (*model.Map, error) {
	defer s.room.lift()()
	return s.Store.LoadMap(id)
}

// roomyExport lifts the limit while the export dialog writes: a picture or
// a deck of a large map needs tens of megabytes for a moment.
func roomyExport(f exportdlg.ExportFunc, rm *room) exportdlg.ExportFunc {
	if f == nil {
		return nil
	}
	return func(w io.Writer, m *model.Map, format interchange.Format, path string) error {
		defer rm.lift()()
		return f(w, m, format, path)
	}
}

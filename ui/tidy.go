package ui

import (
	"runtime/debug"
	"time"

	tea "charm.land/bubbletea/v2"
)

// The Go runtime keeps the heap a burst of work freed (a search over a
// 10,000-touchpoint map allocates megabytes a keystroke) for reuse, and
// hands it back to the system only slowly: such a map sat at 70 MB after a
// minute's work with 24 MB in use. Once the person has paused for
// tidyAfter, the root hands it back at once, in a command, so no key waits
// for it. Only the local program tidies (Options.Tidy): a workshop
// server's sessions share one heap.
const tidyAfter = 2 * time.Second

// tidyMsg fires tidyAfter after a burst of activity; gen tells the last
// burst's from earlier ones.
type tidyMsg struct{ gen int }

type tidy struct {
	on    bool
	gen   int
	dirty bool // activity since the last tidy
}

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
		return func() tea.Msg { debug.FreeOSMemory(); return nil }
	case tea.KeyPressMsg, tea.MouseClickMsg, tea.MouseWheelMsg, tea.PasteMsg, mapLoadedMsg:
		t.gen++
		t.dirty = true
		gen := t.gen
		return tea.Tick(tidyAfter, func(time.Time) tea.Msg { return tidyMsg{gen} })
	}
	return nil
}

package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// refreshEvery is how often the root asks the file whether another process
// committed. Asking is one cheap PRAGMA; reloading happens only on a change.
const refreshEvery = 500 * time.Millisecond

// refreshTickMsg fires every refreshEvery.
type refreshTickMsg struct{}

// dataVersionMsg carries the file's data version.
type dataVersionMsg struct {
	version int64
	err     error
}

func refreshTick() tea.Cmd {
	return tea.Tick(refreshEvery, func(time.Time) tea.Msg { return refreshTickMsg{} })
}

func dataVersionCmd(st Store) tea.Cmd {
	return func() tea.Msg {
		v, err := st.DataVersion()
		return dataVersionMsg{version: v, err: err}
	}
}

// liveRefresh tracks what the file looked like when this process last read
// it, and whether a change arrived while the user was busy typing.
type liveRefresh struct {
	known    bool
	version  int64
	deferred bool // a change arrived while a form or writes were pending
	asking   bool // a DataVersion call is in flight
}

// changed records v and reports whether it differs from the last one seen.
func (l *liveRefresh) changed(v int64) bool {
	if !l.known {
		l.known, l.version = true, v
		return false
	}
	if v == l.version {
		return false
	}
	l.version = v
	return true
}

package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"journeymap/model"
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

// sameContent reports whether a and b hold the same things a user can see
// or undo, leaving out what storage assigns (IDs, revisions, UpdatedAt) and
// the difference between a nil and an empty list, so a reload can tell
// whether another process really changed the map. It compares in place and
// allocates nothing: it runs on every reload of maps of 10,000 touchpoints.
func sameContent(a, b *model.Map) bool {
	if a.MapInfo != b.MapInfo || len(a.Phases) != len(b.Phases) {
		return false
	}
	for pi := range a.Phases {
		p, q := &a.Phases[pi], &b.Phases[pi]
		if p.Name != q.Name || p.Description != q.Description || len(p.Touchpoints) != len(q.Touchpoints) {
			return false
		}
		for ti := range p.Touchpoints {
			if !sameTouchpoint(&p.Touchpoints[ti], &q.Touchpoints[ti]) {
				return false
			}
		}
	}
	return true
}

func sameTouchpoint(t, u *model.Touchpoint) bool {
	if t.Name != u.Name || t.Description != u.Description || t.Channel != u.Channel || t.Kind != u.Kind ||
		t.Owner != u.Owner || t.Notes != u.Notes || t.Emotion.Score != u.Emotion.Score ||
		t.Emotion.Labels != u.Emotion.Labels || t.Motivations != u.Motivations ||
		t.Thoughts != u.Thoughts || t.PainPoints != u.PainPoints ||
		t.Opportunities != u.Opportunities || t.Backstage != u.Backstage ||
		len(t.Metrics) != len(u.Metrics) {
		return false
	}
	for i := range t.Metrics {
		m, n := t.Metrics[i], u.Metrics[i]
		if m.Name != n.Name || m.Unit != n.Unit || m.Direction != n.Direction ||
			!sameValue(m.Target, n.Target) || !sameValue(m.Current, n.Current) {
			return false
		}
	}
	return true
}

func sameValue(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

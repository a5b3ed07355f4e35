package ui

import (
	"strconv"
	"strings"
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

// fingerprint writes everything a user can see or undo in m, leaving out
// what storage assigns (IDs, UpdatedAt) and the difference between a nil
// and an empty list, so a reload can tell whether another process really
// changed the map.
func fingerprint(m *model.Map) string {
	var b strings.Builder
	sep := func() { b.WriteByte(0) }
	list := func(xs []string) {
		b.WriteString(strconv.Itoa(len(xs)))
		for _, x := range xs {
			sep()
			b.WriteString(x)
		}
		sep()
	}
	num := func(f *float64) {
		if f == nil {
			b.WriteString("-")
		} else {
			b.WriteString(strconv.FormatFloat(*f, 'g', -1, 64))
		}
		sep()
	}
	for _, s := range []string{m.Title, m.Persona.Name, m.Persona.Description, m.Goal, m.Notes} {
		b.WriteString(s)
		sep()
	}
	for _, p := range m.Phases {
		b.WriteString("\x01" + p.Name)
		sep()
		b.WriteString(p.Description)
		sep()
		for _, t := range p.Touchpoints {
			b.WriteString("\x02")
			for _, s := range []string{t.Name, t.Description, t.Channel, string(t.Kind), t.Owner, t.Notes, strconv.Itoa(t.Emotion.Score)} {
				b.WriteString(s)
				sep()
			}
			for _, l := range [][]string{t.Emotion.Labels, t.Motivations, t.Thoughts, t.PainPoints, t.Opportunities, t.Backstage} {
				list(l)
			}
			for _, mt := range t.Metrics {
				b.WriteString(mt.Name + "\x00" + mt.Unit + "\x00" + string(mt.Direction))
				sep()
				num(mt.Target)
				num(mt.Current)
			}
		}
	}
	return b.String()
}

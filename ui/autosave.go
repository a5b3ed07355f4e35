package ui

import (
	tea "charm.land/bubbletea/v2"

	"journeymap/model"
)

// pendingWrite is one edit waiting for its turn to reach the file.
type pendingWrite struct {
	mapID int64
	edit  model.Edit
}

// writeDoneMsg reports that the write in flight finished.
type writeDoneMsg struct {
	mapID int64
	edit  model.Edit
	err   error
}

// saveQueue sends edits to the store one at a time, in order. Edits address
// rows by position, so two writes in flight could land in the wrong order;
// the queue therefore dispatches the next write only when the previous
// result has arrived. Nothing here blocks Update: writes run in tea.Cmds.
type saveQueue struct {
	waiting  []pendingWrite
	inFlight bool
	// committed counts successful writes, so the status bar can tell "saved"
	// (something reached the file) from a freshly opened map.
	committed int
}

// busy reports whether any write is queued or running.
func (q *saveQueue) busy() bool { return q.inFlight || len(q.waiting) > 0 }

// enqueue adds e and returns the write to start, if none is running.
func (q *saveQueue) enqueue(st Store, mapID int64, e model.Edit) tea.Cmd {
	q.waiting = append(q.waiting, pendingWrite{mapID, e})
	return q.next(st)
}

func (q *saveQueue) next(st Store) tea.Cmd {
	if q.inFlight || len(q.waiting) == 0 {
		return nil
	}
	w := q.waiting[0]
	q.waiting = q.waiting[1:]
	q.inFlight = true
	return func() tea.Msg {
		return writeDoneMsg{mapID: w.mapID, edit: w.edit, err: st.Apply(w.mapID, w.edit)}
	}
}

// done records the result of the write in flight and returns the next one.
// After a failure the rest of the queue is dropped: those edits were made on
// top of one the file never got, so the caller reloads the map instead.
func (q *saveQueue) done(st Store, msg writeDoneMsg) tea.Cmd {
	q.inFlight = false
	if msg.err != nil {
		q.waiting = nil
		return nil
	}
	q.committed++
	return q.next(st)
}

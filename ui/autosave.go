package ui

import (
	"errors"
	"time"

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

// saveQueue sends edits to the store one at a time, in the order they were
// made, so an edit and the ones built on it (an add, then a move of what was
// added) reach the file in that order. Nothing here blocks Update: writes
// run in tea.Cmds.
type saveQueue struct {
	waiting  []pendingWrite
	inFlight bool
	// waitingForFile is set while another process holds the file's lock
	// past the busy timeout: the edit at the head is tried again shortly.
	waitingForFile bool
	// committed counts successful writes, so the status bar can tell "saved"
	// (something reached the file) from a freshly opened map.
	committed int
}

// retryAfter is how long a write waits before it tries a busy file again
// (on top of the store's own busy timeout).
var retryAfter = 300 * time.Millisecond

// retryWriteMsg asks the queue to try the edit at its head again.
type retryWriteMsg struct{}

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

// fileBusy reports whether err says another process held the file's lock
// too long: nothing was written and the same edit may be tried again.
func fileBusy(err error) bool {
	var b interface{ Busy() bool }
	return errors.As(err, &b) && b.Busy()
}

// done records the result of the write in flight and returns what to do
// next. A busy file keeps the edit at the head and tries again after a
// pause: nothing typed is dropped. A conflict drops only that edit (the
// others name their own items by ID). Any other failure drops the rest of
// the queue, and the caller reloads the map from the file.
func (q *saveQueue) done(st Store, msg writeDoneMsg) tea.Cmd {
	q.inFlight = false
	switch {
	case fileBusy(msg.err):
		q.waiting = append([]pendingWrite{{msg.mapID, msg.edit}}, q.waiting...)
		q.waitingForFile = true
		return tea.Tick(retryAfter, func(time.Time) tea.Msg { return retryWriteMsg{} })
	case errors.Is(msg.err, model.ErrConflict):
		q.waitingForFile = false
		return q.next(st)
	case msg.err != nil:
		q.waitingForFile = false
		q.waiting = nil
		return nil
	}
	q.waitingForFile = false
	q.committed++
	return q.next(st)
}

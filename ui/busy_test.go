package ui

import (
	"testing"

	"journeymap/ui/board"
)

// busyErr is what a store says when another process held the file's lock
// past the busy timeout.
type busyErr struct{}

func (busyErr) Error() string { return "file is busy" }
func (busyErr) Busy() bool    { return true }

// TestBusyFileDelaysButKeepsEdits: the first write meets a busy file; it and
// the edits queued behind it wait ("waiting for the file…"), then all land,
// in order, and only then does the status bar say saved.
func TestBusyFileDelaysButKeepsEdits(t *testing.T) {
	hs, st, id := openCoffee(t, 160, 45)
	hs.r.board.Select(board.Selection{Phase: 2, Index: 0})
	st.mu.Lock()
	st.locked = true
	st.mu.Unlock()
	hs.key("a")
	hs.typ("First")
	hs.key("enter")
	hs.typ("Second")
	hs.key("enter", "esc")
	hs.contains("waiting for the file…")
	hs.lacks("saved")
	if got := names(st.stored(id)); got != "Discovery: Instagram post, Street sign | Purchase: Queue, Order at counter, Pay, Wait for drink | Loyalty: Stamp card" {
		t.Fatalf("written while the file was busy: %s", got)
	}
	hs.send(retryWriteMsg{}) // the retry timer fires; still locked
	hs.contains("waiting for the file…")
	st.mu.Lock()
	st.locked = false
	st.mu.Unlock()
	hs.send(retryWriteMsg{}) // the lock is gone
	want := "Discovery: Instagram post, Street sign | Purchase: Queue, Order at counter, Pay, Wait for drink | Loyalty: Stamp card, First, Second"
	if got := names(st.stored(id)); got != want {
		t.Fatalf("after the retry: %s\nwant %s", got, want)
	}
	hs.contains("saved")
	hs.lacks("waiting for the file")
}

// TestCtrlCAsksBeforeDroppingTypedWork: ctrl+c in a form with changes asks;
// a second ctrl+c quits. With nothing typed, one ctrl+c quits.
func TestCtrlCAsksBeforeDroppingTypedWork(t *testing.T) {
	hs, _, _ := openCoffee(t, 160, 45)
	hs.r.board.Select(board.Selection{Phase: 1, Index: 0})
	hs.key("e")
	hs.typ("x") // the name field changes
	if o, ok := hs.r.top().(*editorOverlay); !ok || !o.m.Dirty() {
		t.Fatal("the form did not change")
	}
	hs.key("ctrl+c")
	if hs.quit {
		t.Fatal("ctrl+c threw away the typed change without asking")
	}
	hs.contains("Quit and lose what you typed?")
	hs.key("ctrl+c")
	if !hs.quit {
		t.Fatal("a second ctrl+c did not quit")
	}

	hs2, _, _ := openCoffee(t, 160, 45)
	hs2.key("a")
	hs2.typ("Half a name")
	hs2.key("ctrl+c")
	hs2.contains("Quit and lose what you typed?")
	hs2.key("n")
	hs2.contains("Half a name")

	hs3, _, _ := openCoffee(t, 160, 45)
	hs3.key("ctrl+c")
	if !hs3.quit {
		t.Fatal("ctrl+c with nothing typed did not quit")
	}
}

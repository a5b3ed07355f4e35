package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"journeymap/model"
	"journeymap/ui/board"
)

// openDirect opens the coffee shop map on a root without running any
// command, so a test can hold writes in flight.
func openDirect(t *testing.T) (*Root, *fakeStore, int64) {
	t.Helper()
	st := newFakeStore()
	id, err := st.CreateMap(coffeeShop())
	if err != nil {
		t.Fatal(err)
	}
	r := New(st, Options{})
	r.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	r.Update(r.loadMap(id, loadOpen, 0)())
	if r.mp == nil {
		t.Fatal("map not open")
	}
	return r, st, id
}

// TestOneWriteInFlight checks edits reach the store one at a time and in
// order, and that the status bar says saving… until the last one lands.
func TestOneWriteInFlight(t *testing.T) {
	r, st, id := openDirect(t)
	var cmds []tea.Cmd
	for _, name := range []string{"One", "Two", "Three"} {
		cmds = append(cmds, r.do(insTP(r.mp, 2, 1, model.NewTouchpoint(name))))
	}
	if cmds[0] == nil || cmds[1] != nil || cmds[2] != nil {
		t.Fatalf("want exactly one write started, got %v", cmds)
	}
	if got := ansiStrip(r.statusView(120)); !contains(got, "saving…") || contains(got, "saved") {
		t.Fatalf("status while writing: %q", got)
	}
	cmd := cmds[0]
	for i := 0; i < 3; i++ {
		msg, ok := cmd().(writeDoneMsg)
		if !ok || msg.err != nil {
			t.Fatalf("write %d: %+v", i, msg)
		}
		if len(st.applied) != i+1 {
			t.Fatalf("after write %d the store has %d", i, len(st.applied))
		}
		_, cmd = r.Update(msg)
		if i < 2 && !r.queue.inFlight {
			t.Fatalf("the next write was not started after write %d", i)
		}
	}
	// The last result asks for a background reload (IDs); no write is left.
	if r.queue.busy() {
		t.Fatal("queue still busy")
	}
	if got := names(stored(t, st, id)); got != names(r.mp) {
		t.Fatalf("file %s\nscreen %s", got, names(r.mp))
	}
	if got := ansiStrip(r.statusView(120)); !contains(got, "saved") {
		t.Fatalf("status after the writes: %q", got)
	}
}

// TestStaleReloadIsDropped: a background reload asked for before a new
// edit must not overwrite that edit when it arrives.
func TestStaleReloadIsDropped(t *testing.T) {
	r, _, id := openDirect(t)
	stale := r.loadMap(id, loadRefresh, 0)() // the file as it is now
	r.do(delTP(r.mp, 0, 0))
	r.Update(stale)
	if r.mp.TouchpointCount() != 6 {
		t.Fatal("a stale reload brought back a deleted touchpoint")
	}
}

// TestQuitWaitsForWrites: q on home with a write in flight quits only once
// the write has landed.
func TestQuitWaitsForWrites(t *testing.T) {
	r, st, _ := openDirect(t)
	write := r.do(updPhase(r.mp, 0, "Awareness"))
	r.Update(keyMsg("q"))           // board -> home
	_, cmd := r.Update(keyMsg("q")) // home says QuitMsg
	if cmd == nil {
		t.Fatal("q on home did nothing")
	}
	if _, cmd = r.Update(cmd()); cmd != nil {
		if _, ok := cmd().(tea.QuitMsg); ok {
			t.Fatal("quit before the write landed")
		}
	}
	_, cmd = r.Update(write())
	if cmd == nil {
		t.Fatal("no quit after the write landed")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("the landed write did not quit")
	}
	if len(st.applied) != 1 {
		t.Fatal("the write did not reach the store")
	}
}

// TestSelectionAfterUndo puts the selection on what undo changed.
func TestSelectionAfterUndo(t *testing.T) {
	r, _, _ := openDirect(t)
	r.board.Select(board.Selection{Phase: 1, Index: 2})
	r.do(delTP(r.mp, 1, 2))
	r.board.Select(board.Selection{Phase: 0, Index: 0})
	r.undo()
	if s := r.board.Selection(); s != (board.Selection{Phase: 1, Index: 2}) {
		t.Fatalf("after undo: %+v", s)
	}
}

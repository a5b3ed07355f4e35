package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"journeymap/model"
	"journeymap/ui/board"
	"journeymap/ui/editor"
)

// Found in review: positional edits must never land on rows other than the
// ones the user meant, whatever order loads and writes arrive in.

// An outside change noticed while our own write is in flight arrives with
// the reload after the queue drains. The history survives it, and undo
// moves back the card it moved, by ID, wherever the outside change put it.
func TestOutsideChangeDuringWritesKeepsHistory(t *testing.T) {
	hs, st, id := openCoffee(t, 160, 45)
	hs.r.board.Select(board.Selection{Phase: 0, Index: 0})
	_, cmd := hs.r.Update(keyMsg("J")) // move Instagram post down: write in flight
	if cmd == nil {
		t.Fatal("no write")
	}
	done := cmd() // the write lands in the store
	if err := st.external(id, insTP(st.stored(id), 0, 0, model.NewTouchpoint("EXT"))); err != nil {
		t.Fatal(err)
	}
	v, _ := st.DataVersion()
	hs.send(dataVersionMsg{version: v}) // busy: deferred
	hs.send(done)                       // drained: loadRefresh
	if !hs.r.hist.canUndo() {
		t.Fatalf("another window's edit wiped the history: %s", names(hs.r.mp))
	}
	if got := names(hs.r.mp); got != "Discovery: EXT, Street sign, Instagram post | Purchase: Queue, Order at counter, Pay, Wait for drink | Loyalty: Stamp card" {
		t.Fatalf("after the outside change: %s", got)
	}
	hs.key("u")
	want := "Discovery: Instagram post, EXT, Street sign | Purchase: Queue, Order at counter, Pay, Wait for drink | Loyalty: Stamp card"
	if got := names(hs.r.mp); got != want {
		t.Errorf("undo on screen: %s, want %s", got, want)
	}
	if got := names(st.stored(id)); got != want {
		t.Errorf("undo in the file: %s, want %s", got, want)
	}
}

// An edit made after a write failed, before the reload lands, would be
// written at positions of a map the file never had: it is refused.
func TestNoEditsBetweenFailedWriteAndReload(t *testing.T) {
	hs, st, _ := openCoffee(t, 160, 45)
	hs.r.board.Select(board.Selection{Phase: 0, Index: 0})
	st.failNext = testErr("disk full")
	cmd := hs.r.do(insTP(hs.r.mp, 0, 0, model.NewTouchpoint("NEW")))
	_, reload := hs.r.Update(cmd())                        // failure: returns the loadReset command, not yet run
	hs.r.board.Select(board.Selection{Phase: 0, Index: 0}) // NEW, only in memory
	_, wcmd := hs.r.Update(keyMsg("d"))
	hs.run(wcmd)
	hs.key("y")
	hs.run(reload)
	if hs.r.mp.Phases[0].Touchpoints[0].Name != "Instagram post" {
		t.Errorf("deleting the unsaved NEW deleted a saved touchpoint: %s", names(hs.r.mp))
	}
}

func TestEditorSavesToItsTouchpointAfterReload(t *testing.T) {
	hs, st, _ := openCoffee(t, 160, 45)
	st.failNext = testErr("disk full")
	w := hs.r.do(insTP(hs.r.mp, 0, 0, model.NewTouchpoint("NEW")))
	hs.r.board.Select(board.Selection{Phase: 0, Index: 1}) // Instagram post
	hs.key("e")
	if !topIs[*editorOverlay](hs.r) {
		t.Fatal("no editor")
	}
	hs.send(w()) // the write fails; loadReset lands while the form is open
	saved := model.NewTouchpoint("Instagram post (edited)")
	hs.send(editor.SavedTouchpointMsg{Touchpoint: saved})
	if hs.r.mp.Phases[0].Touchpoints[0].Name != "Instagram post (edited)" {
		t.Errorf("the form's save went to another touchpoint: %s", names(hs.r.mp))
	}
}

type testErr string

func (e testErr) Error() string { return string(e) }

// Keys typed faster than commands run: the name submitted by enter must be
// kept even though esc arrives before any command has finished.
func TestQuickCaptureEnterThenEscKeepsTheName(t *testing.T) {
	hs, st, id := openCoffee(t, 160, 45)
	hs.key("a")
	var cmds []tea.Cmd
	for _, k := range []string{"O", "k", "enter", "esc"} {
		_, cmd := hs.r.Update(keyMsg(k))
		cmds = append(cmds, cmd)
	}
	for i := len(cmds) - 1; i >= 0; i-- { // the worst order: last key's work first
		hs.run(cmds[i])
	}
	if hs.r.top() != nil {
		t.Errorf("the prompt is still open after esc")
	}
	m, err := st.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(names(m), "Ok") {
		t.Errorf("the captured name was lost: %s", names(m))
	}
}

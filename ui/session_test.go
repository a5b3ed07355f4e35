package ui

import (
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"journeymap/ui/board"
)

// TestHistoryPushClearsRedo: once an undone edit is followed by a new one,
// the undone edit can no longer be redone.
func TestHistoryPushClearsRedo(t *testing.T) {
	m := coffeeShop()
	for i := range m.Phases {
		m.Phases[i].ID = int64(i + 1)
	}
	var h history
	first := updPhase(m, 0, "Seeing it")
	if err := first.Apply(m); err != nil {
		t.Fatal(err)
	}
	h.push(first)
	if _, _, err := h.undoTo(m); err != nil {
		t.Fatal(err)
	}
	if !h.canRedo() {
		t.Fatal("an undone edit cannot be redone")
	}
	second := updPhase(m, 1, "Buying")
	if err := second.Apply(m); err != nil {
		t.Fatal(err)
	}
	h.push(second)
	if h.canRedo() {
		t.Fatal("a new edit left the undone one on the redo stack")
	}
	if _, _, err := h.redoTo(m); err == nil {
		t.Fatal("redo after a new edit did something")
	}
}

// TestNewEditClearsRedo is the same through the keys: undo, a new edit,
// then ctrl+r changes nothing, on screen or in the file.
func TestNewEditClearsRedo(t *testing.T) {
	hs, st, id := openCoffee(t, 120, 35)
	hs.r.board.Select(board.Selection{Phase: 1, Index: 0}) // Queue
	hs.key("J")                                            // Queue below Order at counter
	hs.key("u")
	if got := stored(t, st, id).Phases[1].Touchpoints[0].Name; got != "Queue" {
		t.Fatalf("undo did not move Queue back: %s", got)
	}
	hs.key("p")
	hs.typ("Afterwards")
	hs.key("enter")
	before := stored(t, st, id)
	hs.key("ctrl+r")
	hs.contains("nothing to redo")
	if !sameContent(stored(t, st, id), before) || !sameContent(hs.r.mp, before) {
		t.Fatalf("ctrl+r after a new edit changed the map: %s", names(hs.r.mp))
	}
}

// TestLightTerminalChangesColours: the same screen renders in other
// colours on a light background than on a dark one, with the same text,
// and back again; an open overlay follows too.
func TestLightTerminalChangesColours(t *testing.T) {
	hs, _, _ := openCoffee(t, 120, 35)
	// The body only: the status bar and help line would differ even if
	// the screen or overlay kept its old styles.
	frame := func(bg color.Color) string {
		hs.send(tea.BackgroundColorMsg{Color: bg})
		lines := strings.Split(hs.r.View().Content, "\n")
		return strings.Join(lines[:len(lines)-2], "\n")
	}
	for _, open := range []string{"", "e", "i", "/"} {
		if open != "" {
			hs.key(open)
		}
		dark := frame(color.Black)
		light := frame(color.White)
		if dark == light {
			t.Fatalf("after %q: a light background renders the same colours as a dark one", open)
		}
		if ansi.Strip(dark) != ansi.Strip(light) {
			t.Fatalf("after %q: the background changed the text, not just its colours", open)
		}
		if again := frame(color.Black); again != dark {
			t.Fatalf("after %q: back on dark, the colours differ from the first dark frame", open)
		}
		if open != "" {
			hs.key("esc")
		}
	}
}

// TestReadOnlyKeysSayWhy: on a read-only file the keys that would change it
// stay in the help, marked with the reason, and pressing one shows it.
func TestReadOnlyKeysSayWhy(t *testing.T) {
	hs, st, _ := openCoffee(t, 200, 45)
	hs.contains("a add touchpoints")
	hs.lacks("(read-only file)")
	st.readOnly = true
	hs.send(refreshTickMsg{})
	hs.contains("a add touchpoints (read-only file)")
	hs.key("?")
	hs.contains("add touchpoints (read-only file)", "undo (read-only file)", "move left (read-only file)")
	hs.lacks("edit (read-only file)", "search (read-only file)")
	hs.key("esc")
	for _, k := range []string{"a", "p", "d", "H", "J", "u", "ctrl+r"} {
		hs.r.setNote("", false)
		hs.key(k)
		if hs.r.top() != nil {
			t.Fatalf("%s opened %T on a read-only file", k, hs.r.top())
		}
		hs.contains("the file is read-only")
	}
	st.readOnly = false
	hs.send(refreshTickMsg{})
	hs.lacks("(read-only file)")
}

// TestReadOnlyHomeKeysSayWhy: home marks its writing keys too, and
// pressing one says why in the status bar.
func TestReadOnlyHomeKeysSayWhy(t *testing.T) {
	st := newFakeStore()
	if _, err := st.CreateMap(coffeeShop()); err != nil {
		t.Fatal(err)
	}
	st.readOnly = true
	hs := newHarness(t, st, Options{}, 200, 40)
	hs.contains("n new map (read-only file)")
	hs.key("?")
	hs.contains("duplicate (read-only file)")
	hs.key("esc")
	hs.key("c")
	hs.contains("the file is read-only")
}

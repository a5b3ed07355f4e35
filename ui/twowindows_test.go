package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"journeymap/model"
	"journeymap/storage"
	"journeymap/ui/board"
	"journeymap/ui/editor"
)

// twoWindows opens one file twice, as two terminals would, each with the
// real store and the real root model, both on the coffee shop map.
func twoWindows(t *testing.T) (a, b *harness, st *storage.Store, id int64) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "shared.db")
	sa := openReal(t, path)
	id, err := sa.CreateMap(coffeeShop())
	if err != nil {
		t.Fatal(err)
	}
	sb := openReal(t, path)
	a = newHarness(t, sa, Options{}, 160, 45)
	b = newHarness(t, sb, Options{}, 160, 45)
	a.key("enter")
	b.key("enter")
	return a, b, sa, id
}

// at selects the card at phase/index in a window.
func (hs *harness) at(phase, index int) *harness {
	hs.r.board.Select(board.Selection{Phase: phase, Index: index})
	return hs
}

func fileNames(t *testing.T, st *storage.Store, id int64) string {
	t.Helper()
	m, err := st.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	return names(m)
}

// The editor in B stays open while A moves its card; B's save lands on the
// card it was opened on, and B's screen followed the move meanwhile.
func TestTwoWindowsEditorSaveAfterMove(t *testing.T) {
	a, b, st, id := twoWindows(t)
	b.at(1, 0).key("e") // Queue
	a.at(1, 0).key("J") // A moves Queue below Order at counter
	b.send(refreshTickMsg{})
	if got := names(b.r.mp); got != fileNames(t, st, id) {
		t.Fatalf("B did not refresh under its editor: %s", got)
	}
	tp := b.r.mp.Phases[1].Touchpoints[1].Clone() // Queue, where it is now
	tp.Name = "Queue at the till"
	b.send(editor.SavedTouchpointMsg{Touchpoint: tp})
	want := "Discovery: Instagram post, Street sign | Purchase: Order at counter, Queue at the till, Pay, Wait for drink | Loyalty: Stamp card"
	if got := fileNames(t, st, id); got != want {
		t.Fatalf("file: %s\nwant %s", got, want)
	}
	b.contains("Queue at the till", "saved")
}

// B asks to delete a card; A moves that card before B answers; B's yes
// deletes exactly that card.
func TestTwoWindowsDeleteAfterMove(t *testing.T) {
	a, b, st, id := twoWindows(t)
	b.at(1, 1).key("d") // Order at counter
	b.contains("Delete touchpoint Order at counter?")
	a.at(1, 1).key("K") // A moves it to the top of Purchase
	b.send(refreshTickMsg{})
	b.key("y")
	want := "Discovery: Instagram post, Street sign | Purchase: Queue, Pay, Wait for drink | Loyalty: Stamp card"
	if got := fileNames(t, st, id); got != want {
		t.Fatalf("file: %s\nwant %s", got, want)
	}
}

// A deletes the card B is asked about: B's yes says it is already gone.
func TestTwoWindowsDeleteOfDeleted(t *testing.T) {
	a, b, st, id := twoWindows(t)
	b.at(1, 1).key("d")
	a.at(1, 1).key("d", "y")
	b.send(refreshTickMsg{})
	b.key("y")
	b.contains("no longer in the map")
	want := "Discovery: Instagram post, Street sign | Purchase: Queue, Pay, Wait for drink | Loyalty: Stamp card"
	if got := fileNames(t, st, id); got != want {
		t.Fatalf("file: %s\nwant %s", got, want)
	}
}

// B's quick capture names Purchase; A moves the phases; B's names still
// go into Purchase.
func TestTwoWindowsCaptureAfterPhaseMoves(t *testing.T) {
	a, b, st, id := twoWindows(t)
	b.at(1, 3).key("a") // after Wait for drink, in Purchase
	b.contains("Add touchpoints to Purchase")
	a.at(0, -1).key("L", "L") // Discovery goes last
	b.send(refreshTickMsg{})
	b.typ("Pickup shelf")
	b.key("enter")
	b.typ("Sleeve")
	b.key("enter", "esc")
	want := "Purchase: Queue, Order at counter, Pay, Wait for drink, Pickup shelf, Sleeve | Loyalty: Stamp card | Discovery: Instagram post, Street sign"
	if got := fileNames(t, st, id); got != want {
		t.Fatalf("file: %s\nwant %s", got, want)
	}
}

// Both windows edit the same card. The second save says so and offers the
// three choices; each does what it says.
func TestTwoWindowsConflictChoices(t *testing.T) {
	for _, tt := range []struct {
		key  string
		want string
	}{
		{"t", "Purchase: A's queue, Order at counter"},
		{"o", "Purchase: B's queue, Order at counter"},
		{"n", "Purchase: A's queue, B's queue, Order at counter"},
	} {
		t.Run(tt.key, func(t *testing.T) {
			a, b, st, id := twoWindows(t)
			b.at(1, 0).key("e")
			a.at(1, 0).key("e")
			mine := a.r.mp.Phases[1].Touchpoints[0].Clone()
			mine.Name = "A's queue"
			a.send(editor.SavedTouchpointMsg{Touchpoint: mine})
			b.send(refreshTickMsg{})
			theirs := b.r.mp.Phases[1].Touchpoints[0].Clone()
			theirs.Name = "B's queue"
			b.send(editor.SavedTouchpointMsg{Touchpoint: theirs})
			b.contains("was changed in another window", "keep theirs", "overwrite", "save yours as a new touchpoint")
			b.key(tt.key)
			got := fileNames(t, st, id)
			if !strings.Contains(got, tt.want) {
				t.Fatalf("file after %q: %s\nwant it to hold %s", tt.key, got, tt.want)
			}
			b.send(refreshTickMsg{})
			if names(b.r.mp) != got {
				t.Errorf("B shows %s, the file holds %s", names(b.r.mp), got)
			}
		})
	}
}

// esc in the conflict question goes back to the form, with B's changes.
func TestTwoWindowsConflictEscBackToForm(t *testing.T) {
	a, b, _, _ := twoWindows(t)
	b.at(1, 0).key("e")
	a.at(1, 0).key("d", "y")
	b.send(refreshTickMsg{})
	tp := model.NewTouchpoint("B's queue")
	b.send(editor.SavedTouchpointMsg{Touchpoint: tp})
	b.contains("was deleted in another window", "keep both")
	b.lacks("overwrite")
	b.key("esc")
	if !topIs[*editorOverlay](b.r) {
		t.Fatal("esc did not go back to the form")
	}
}

// Another window's edit leaves B's history, and B's undo reverts B's own
// edit by ID; an undo whose card A changed since says so and changes
// nothing.
func TestTwoWindowsUndo(t *testing.T) {
	a, b, st, id := twoWindows(t)
	b.at(0, 0).key("J") // B moves Instagram post down
	a.at(1, 0).key("d", "y")
	b.send(refreshTickMsg{})
	b.key("u")
	want := "Discovery: Instagram post, Street sign | Purchase: Order at counter, Pay, Wait for drink | Loyalty: Stamp card"
	if got := fileNames(t, st, id); got != want {
		t.Fatalf("after B's undo: %s\nwant %s", got, want)
	}

	// B renames Pay; A renames it again; B's undo must not clobber A's.
	b.at(1, 1)
	b.key("e")
	tp := b.r.mp.Phases[1].Touchpoints[1].Clone()
	tp.Name = "Pay by card"
	b.send(editor.SavedTouchpointMsg{Touchpoint: tp})
	a.send(refreshTickMsg{})
	a.at(1, 1).key("e")
	tp2 := a.r.mp.Phases[1].Touchpoints[1].Clone()
	tp2.Name = "Pay by phone"
	a.send(editor.SavedTouchpointMsg{Touchpoint: tp2})
	b.send(refreshTickMsg{})
	b.key("u")
	b.contains("cannot undo", "changed elsewhere")
	if got := fileNames(t, st, id); !strings.Contains(got, "Pay by phone") {
		t.Fatalf("B's undo clobbered A's edit: %s", got)
	}
}

package ui

import (
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"journeymap/interchange"
	"journeymap/model"
	"journeymap/storage"
	"journeymap/ui/board"
)

// realOptions wires the real templates and exporters the way main does.
func realOptions(t *testing.T) Options {
	t.Helper()
	ts, errs := interchange.Templates(t.TempDir())
	if len(errs) > 0 {
		t.Fatalf("built-in templates: %v", errs)
	}
	opts := Options{TemplateErrors: errs}
	for _, tpl := range ts {
		opts.Templates = append(opts.Templates, Template{Name: tpl.Name, Description: tpl.Description, Map: tpl.Map})
	}
	opts.ExportFunc = func(w io.Writer, m *model.Map, f interchange.Format, _ string) error {
		return f.Write(w, m, interchange.Options{})
	}
	opts.WriteFile = interchange.AtomicWriter("")
	return opts
}

func openReal(t *testing.T, path string) *storage.Store {
	t.Helper()
	st, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// comparable strips what storage numbers or stamps, so a map on screen and
// the same map read back from the file compare equal. (The screen's
// UpdatedAt is the one it was loaded with: the board never shows it, and
// reading the whole map again after every save only to learn it is not
// worth it; home's list reads it fresh.)
func comparable(m *model.Map) *model.Map {
	c := m.Clone()
	c.ID, c.UpdatedAt = 0, time.Time{}
	for pi := range c.Phases {
		c.Phases[pi].ID = 0
		for ti := range c.Phases[pi].Touchpoints {
			c.Phases[pi].Touchpoints[ti].ID = 0
		}
	}
	return c
}

// TestSessionOnRealFileSurvivesReopen runs a workshop session against a real
// SQLite file, then opens the file again as a new process would and checks
// every change is there.
func TestSessionOnRealFileSurvivesReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workshop.db")
	st := openReal(t, path)
	opts := realOptions(t)
	hs := newHarness(t, st, opts, 120, 35)

	// New map from the Customer lifecycle template.
	hs.key("n")
	hs.typ("Coffee shop")
	hs.key("tab")
	hs.typ("Ana")
	hs.key("tab", "tab", "tab", "tab")
	for i, tpl := range opts.Templates {
		if tpl.Name == "Customer lifecycle" {
			for ; i > 0; i-- {
				hs.key("right")
			}
		}
	}
	hs.key("ctrl+s")
	if hs.r.mp == nil {
		t.Fatalf("map not created:\n%s", hs.screen())
	}
	hs.contains("Coffee shop", "Discovery", "Consideration", "Purchase", "Loyalty")
	id := hs.r.mp.ID

	// Quick capture into the first phase, edit one, move one, delete a phase
	// and undo that, and edit the map's info from the board.
	hs.r.board.Select(board.Selection{Phase: 0, Index: -1})
	hs.key("a")
	hs.typ("Friend recommends")
	hs.key("enter")
	hs.typ("Google Maps pin")
	hs.key("enter", "esc")
	hs.key("e", "tab", "tab", "ctrl+u")
	hs.typ("maps")
	hs.key("tab", "tab", "tab", "5", "ctrl+s")
	hs.key("L")
	hs.r.board.Select(board.Selection{Phase: 3, Index: -1})
	hs.key("d", "y", "u")
	hs.contains("undid: delete phase Loyalty")
	hs.key("E", "ctrl+u")
	hs.typ("Coffee shop journey")
	hs.key("ctrl+s")
	hs.contains("Coffee shop journey", "saved")
	if hs.r.queue.busy() {
		t.Fatal("writes still queued after the commands settled")
	}
	onScreen := comparable(hs.r.mp)

	// Reopen the file as a new process would.
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st2 := openReal(t, path)
	back, err := st2.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(comparable(back), onScreen) {
		t.Fatalf("the file differs from the screen:\nfile   %s\nscreen %s", names(back), names(onScreen))
	}
	if back.Title != "Coffee shop journey" || len(back.Phases) != 4 {
		t.Fatalf("reopened: %q with %d phases", back.Title, len(back.Phases))
	}
	var moved *model.Touchpoint
	for i, tp := range back.Phases[1].Touchpoints {
		if tp.Name == "Google Maps pin" {
			moved = &back.Phases[1].Touchpoints[i]
		}
	}
	if moved == nil || moved.Name != "Google Maps pin" || moved.Channel != "maps" || moved.Emotion.Score != 5 {
		t.Fatalf("the edited and moved touchpoint: %+v", moved)
	}
	hs2 := newHarness(t, st2, opts, 120, 35)
	hs2.contains("Coffee shop journey")
	hs2.key("enter")
	hs2.contains("Friend recommends", "Google Maps pin", "Loyalty")
}

// TestLiveRefreshTwoStores puts two stores on one file, as two processes
// would: a change through the first appears in a root on the second after
// one refresh tick, with the selection kept on the same touchpoint.
func TestLiveRefreshTwoStores(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	first := openReal(t, path)
	id, err := first.CreateMap(coffeeShop())
	if err != nil {
		t.Fatal(err)
	}
	second := openReal(t, path)
	hs := newHarness(t, second, Options{}, 160, 45)
	hs.key("enter")
	hs.r.board.Select(board.Selection{Phase: 1, Index: 1}) // Order at counter
	hs.lacks("Pastry display")

	tp := model.NewTouchpoint("Pastry display")
	if err := first.Apply(id, insTP(loaded(t, first, id), 1, 0, tp)); err != nil {
		t.Fatal(err)
	}
	hs.send(refreshTickMsg{})
	hs.contains("Pastry display", "8 touchpoints")
	if s := hs.r.board.Selection(); s != (board.Selection{Phase: 1, Index: 2}) {
		t.Fatalf("selection did not stay on Order at counter: %+v", s)
	}
	// Our own writes do not count as outside changes, and a quiet tick
	// reloads nothing.
	before := hs.r.mp
	hs.send(refreshTickMsg{})
	if hs.r.mp != before {
		t.Fatal("a tick without an outside change reloaded the map")
	}
	// A map deleted elsewhere sends the board back home.
	if err := first.DeleteMap(id); err != nil {
		t.Fatal(err)
	}
	hs.send(refreshTickMsg{})
	if hs.r.screen != screenHome {
		t.Fatalf("still on the board of a deleted map:\n%s", hs.screen())
	}
	hs.contains("no longer in the file")
}

// TestFailingRealWriteReloads makes a real write fail and checks the error
// shows and the screen goes back to what the file holds.
func TestFailingRealWriteReloads(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.db")
	st := openReal(t, path)
	id, err := st.CreateMap(coffeeShop())
	if err != nil {
		t.Fatal(err)
	}
	hs := newHarness(t, st, Options{}, 160, 45)
	hs.key("enter")
	// Another process deletes the phase we are about to add to; our write
	// then addresses a position that is gone and storage refuses it.
	other := openReal(t, path)
	if err := other.Apply(id, delPhase(loaded(t, other, id), 2)); err != nil {
		t.Fatal(err)
	}
	hs.r.board.Select(board.Selection{Phase: 2, Index: 0})
	hs.key("a")
	hs.typ("Ghost")
	hs.key("enter", "esc")
	hs.contains("not saved")
	if strings.Contains(names(hs.r.mp), "Ghost") || len(hs.r.mp.Phases) != 2 {
		t.Fatalf("screen after the failed write: %s", names(hs.r.mp))
	}
}

// TestReadOnlyRealFile opens a read-only file: the board shows, edits are
// refused with a message, and the file is untouched.
func TestReadOnlyRealFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.db")
	st := openReal(t, path)
	id, err := st.CreateMap(coffeeShop())
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	ro, err := storage.Open(path)
	if err == nil && !ro.ReadOnly() {
		// Running as root, the mode bits do not stop writes; ask for a
		// read-only store explicitly as main does for such files.
		ro.Close()
		ro, err = storage.OpenReadOnly(path)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	if !ro.ReadOnly() {
		t.Fatal("OpenReadOnly gave a writable store")
	}
	hs := newHarness(t, ro, Options{}, 160, 45)
	hs.contains("(read-only)")
	hs.key("enter", "d", "y")
	hs.contains("read-only")
	if m, _ := ro.LoadMap(id); m.TouchpointCount() != 7 {
		t.Fatal("a read-only file changed")
	}
}

// loaded reads map id through st, for building an edit on it.
func loaded(t *testing.T, st interface {
	LoadMap(int64) (*model.Map, error)
}, id int64) *model.Map {
	t.Helper()
	m, err := st.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

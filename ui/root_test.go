package ui

import (
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"journeymap/model"
	"journeymap/ui/board"
	"journeymap/ui/editor"
)

// openCoffee starts a root on a fake store holding the coffee shop map and
// opens the map from the home screen.
func openCoffee(t *testing.T, w, h int) (*harness, *fakeStore, int64) {
	t.Helper()
	st := newFakeStore()
	id, err := st.CreateMap(coffeeShop())
	if err != nil {
		t.Fatal(err)
	}
	hs := newHarness(t, st, Options{}, w, h)
	hs.contains("Coffee shop")
	hs.key("enter")
	if hs.r.screen != screenBoard || hs.r.mp == nil {
		t.Fatalf("enter on home did not open the map:\n%s", hs.screen())
	}
	return hs, st, id
}

func stored(t *testing.T, st Store, id int64) *model.Map {
	t.Helper()
	m, err := st.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestBoardShowsMapAndStatus(t *testing.T) {
	hs, _, _ := openCoffee(t, 160, 45)
	hs.contains("Discovery", "Purchase", "Loyalty", "Instagram post", "Wait for drink",
		"journeys.db", "Coffee shop", "3 phases", "7 touchpoints")
	hs.lacks("saved") // nothing was written yet
}

func TestQuickCaptureThreeTouchpoints(t *testing.T) {
	hs, st, id := openCoffee(t, 160, 45)
	// Select the Loyalty phase's card, then capture three in a row.
	hs.r.board.Select(board.Selection{Phase: 2, Index: 0})
	hs.key("a")
	hs.contains("Add touchpoints to Loyalty")
	for _, name := range []string{"Birthday e-mail", "App reward", "Refer a friend"} {
		hs.typ(name)
		hs.key("enter")
	}
	// Still open for the next one; letters were text, not commands.
	if !topIs[*promptOverlay](hs.r) {
		t.Fatal("quick capture closed after enter")
	}
	hs.contains("added Refer a friend and 2 more")
	hs.key("esc")
	if hs.r.top() != nil {
		t.Fatal("esc did not close quick capture")
	}
	want := "Loyalty: Stamp card, Birthday e-mail, App reward, Refer a friend"
	if got := names(stored(t, st, id)); !strings.Contains(got, want) {
		t.Fatalf("stored map: %s\nwant %s", got, want)
	}
	hs.contains("Birthday e-mail", "App reward", "Refer a friend", "10 touchpoints", "saved")
}

func TestNewPhasePrompt(t *testing.T) {
	hs, st, id := openCoffee(t, 160, 45)
	hs.key("p")
	hs.typ("Consideration")
	hs.key("enter")
	if hs.r.top() != nil {
		t.Fatal("the phase prompt stays open after enter")
	}
	got := stored(t, st, id)
	if got.Phases[1].Name != "Consideration" {
		t.Fatalf("phase not inserted after the current one: %s", names(got))
	}
	hs.contains("Consideration", "4 phases")
}

func TestMoveTouchpointToAnotherPhase(t *testing.T) {
	hs, st, id := openCoffee(t, 160, 45)
	hs.r.board.Select(board.Selection{Phase: 0, Index: 1}) // Street sign
	hs.key("L")
	got := names(stored(t, st, id))
	// L puts it at the start of the next phase: the journey's order holds.
	if !strings.Contains(got, "Purchase: Street sign, Queue, Order at counter") {
		t.Fatalf("after L: %s", got)
	}
	if s := hs.r.board.Selection(); s != (board.Selection{Phase: 1, Index: 0}) {
		t.Fatalf("selection did not follow the card: %+v", s)
	}
	hs.key("J", "J", "J")
	got = names(stored(t, st, id))
	if !strings.Contains(got, "Purchase: Queue, Order at counter, Pay, Street sign, Wait") {
		t.Fatalf("after J J: %s", got)
	}
	hs.key("K", "H")
	got = names(stored(t, st, id))
	// H puts it at the end of the previous phase.
	if !strings.Contains(got, "Discovery: Instagram post, Street sign |") {
		t.Fatalf("after K H: %s", got)
	}
	hs.r.selectCell(board.Selection{Phase: 1, Index: 2}) // Pay
	hs.key("H")
	if got = names(stored(t, st, id)); !strings.Contains(got, "Discovery: Instagram post, Street sign, Pay |") {
		t.Fatalf("H from the middle of a phase: %s", got)
	}
	hs.key("L")
	if got = names(stored(t, st, id)); !strings.Contains(got, "Purchase: Pay, Queue") {
		t.Fatalf("L from the end of a phase: %s", got)
	}
	hs.key("u", "u")
	// A selected phase moves among phases.
	hs.r.board.Select(board.Selection{Phase: 2, Index: -1})
	hs.key("H")
	if got := names(stored(t, st, id)); !strings.HasPrefix(got, "Discovery") || !strings.Contains(got, "| Loyalty: Stamp card | Purchase") {
		t.Fatalf("phase move: %s", got)
	}
}

func TestDeleteWithConfirmation(t *testing.T) {
	hs, st, id := openCoffee(t, 160, 45)
	hs.r.board.Select(board.Selection{Phase: 1, Index: -1})
	hs.key("d")
	hs.contains("Delete phase Purchase and its 4 touchpoints? y/n")
	hs.key("n")
	if len(stored(t, st, id).Phases) != 3 {
		t.Fatal("n deleted the phase")
	}
	hs.lacks("Delete phase")
	hs.key("d", "y")
	got := stored(t, st, id)
	if len(got.Phases) != 2 || got.TouchpointCount() != 3 {
		t.Fatalf("after y: %s", names(got))
	}
	hs.contains("2 phases", "3 touchpoints", "saved", "deleted phase Purchase · u undoes")
	// A touchpoint asks too.
	hs.r.board.Select(board.Selection{Phase: 0, Index: 0})
	hs.key("d")
	hs.contains("Delete touchpoint Instagram post? y/n")
	hs.key("y")
	if got := names(stored(t, st, id)); strings.Contains(got, "Instagram") {
		t.Fatalf("touchpoint not deleted: %s", got)
	}
	hs.contains("deleted touchpoint Instagram post · u undoes")
	hs.key("u")
	hs.contains("undid: delete touchpoint Instagram post")
}

// TestUndoRedoEveryKind performs every kind of change, then undoes all of
// them back to the original map and redoes them to the final one, checking
// the file after each step.
func TestUndoRedoEveryKind(t *testing.T) {
	hs, st, id := openCoffee(t, 160, 45)
	original := names(stored(t, st, id))

	var states []string
	step := func(what string, do func()) {
		t.Helper()
		do()
		states = append(states, names(stored(t, st, id)))
		if len(hs.r.hist.undo) != len(states) {
			t.Fatalf("%s: %d edits on the undo stack, want %d", what, len(hs.r.hist.undo), len(states))
		}
	}
	step("add touchpoint", func() {
		hs.r.board.Select(board.Selection{Phase: 0, Index: 1})
		hs.key("a")
		hs.typ("Flyer")
		hs.key("enter", "esc")
	})
	step("add phase", func() {
		hs.key("p")
		hs.typ("Consideration")
		hs.key("enter")
	})
	step("move touchpoint", func() {
		hs.r.board.Select(board.Selection{Phase: 2, Index: 0})
		hs.key("J")
	})
	step("move phase", func() {
		hs.r.board.Select(board.Selection{Phase: 3, Index: -1})
		hs.key("H")
	})
	step("edit touchpoint", func() {
		tp := hs.r.mp.Phases[0].Touchpoints[0].Clone()
		tp.Name = "Instagram story"
		tp.Emotion.Score = 5
		hs.r.board.Select(board.Selection{Phase: 0, Index: 0})
		hs.send(savedTouchpoint(hs, tp))
	})
	step("delete touchpoint", func() {
		hs.r.board.Select(board.Selection{Phase: 0, Index: 1})
		hs.key("d", "y")
	})
	step("delete phase", func() {
		hs.r.board.Select(board.Selection{Phase: 3, Index: -1})
		hs.contains("Purchase")
		hs.key("d", "y")
	})
	if strings.Contains(states[len(states)-1], "Purchase") {
		t.Fatalf("phase not deleted: %s", states[len(states)-1])
	}

	// Undo the phase delete first: it comes back with its touchpoints in order.
	hs.key("u")
	hs.contains("undid: delete phase Purchase")
	if got := names(stored(t, st, id)); got != states[len(states)-2] {
		t.Fatalf("undo of the phase delete:\n got %s\nwant %s", got, states[len(states)-2])
	}
	hs.contains("Queue", "Order at counter", "Pay", "Wait for drink")
	for i := len(states) - 3; i >= -1; i-- {
		hs.key("u")
		want := original
		if i >= 0 {
			want = states[i]
		}
		if got := names(stored(t, st, id)); got != want {
			t.Fatalf("undo back to step %d:\n got %s\nwant %s", i, got, want)
		}
	}
	hs.key("u")
	hs.contains("nothing to undo")
	for i := range states {
		hs.key("ctrl+r")
		if got := names(stored(t, st, id)); got != states[i] {
			t.Fatalf("redo step %d:\n got %s\nwant %s", i, got, states[i])
		}
	}
	hs.contains("redid: delete phase Purchase", "saved")
	// The in-memory map and the file agree.
	if got, want := names(hs.r.mp), names(stored(t, st, id)); got != want {
		t.Fatalf("screen and file disagree:\n%s\n%s", got, want)
	}
}

func TestFailingWriteShowsErrorAndReloads(t *testing.T) {
	hs, st, id := openCoffee(t, 160, 45)
	st.failNext = errors.New("disk full")
	hs.r.board.Select(board.Selection{Phase: 2, Index: 0})
	hs.key("a")
	hs.typ("Lost card")
	hs.key("enter", "esc")
	hs.contains("not saved: disk full")
	hs.lacks("Lost card")
	if got := names(hs.r.mp); got != names(stored(t, st, id)) {
		t.Fatalf("screen does not match the file after a failed write:\n%s", got)
	}
	// The next write succeeds and clears the error.
	hs.key("a")
	hs.typ("Found card")
	hs.key("enter", "esc")
	hs.lacks("disk full")
	hs.contains("Found card", "saved")
}

func TestReadOnlyRefusesEdits(t *testing.T) {
	hs, st, id := openCoffee(t, 160, 45)
	st.readOnly = true
	hs.r.board.Select(board.Selection{Phase: 0, Index: 0})
	hs.key("d", "y")
	hs.contains("read-only")
	if stored(t, st, id).TouchpointCount() != 7 {
		t.Fatal("a read-only file was changed")
	}
	// Quick capture and a new phase say so at once instead of opening a
	// prompt whose "added …" would be untrue.
	for _, k := range []string{"a", "p", "d"} {
		hs.key(k)
		if hs.r.top() != nil {
			t.Fatalf("%s opened %T on a read-only file:\n%s", k, hs.r.top(), hs.screen())
		}
		hs.contains("the file is read-only")
	}
	// Should the file turn read-only while quick capture is open, the prompt
	// does not claim the refused touchpoint was added.
	st.readOnly = false
	hs.key("a")
	st.readOnly = true
	hs.typ("Never stored")
	hs.key("enter")
	hs.lacks("added Never stored")
	hs.contains("the file is read-only")
}

func TestTinyTerminal(t *testing.T) {
	hs, _, _ := openCoffee(t, 160, 45)
	for _, size := range [][2]int{{39, 12}, {40, 11}, {20, 6}, {10, 3}, {1, 1}, {0, 0}} {
		hs.send(windowSize(size[0], size[1]))
		s := hs.screen()
		if size[0] > 0 && size[1] > 0 && len(strings.Split(s, "\n")) > size[1] {
			t.Errorf("%dx%d: %d lines", size[0], size[1], len(strings.Split(s, "\n")))
		}
		if size[0] >= 20 && !strings.Contains(strings.ReplaceAll(s, "\n", " "), "make the window larger") {
			t.Errorf("%dx%d: no size message:\n%s", size[0], size[1], s)
		}
		hs.key("j", "a", "?", "esc") // keys at a tiny size must not panic
	}
	hs.send(windowSize(20, 6))
	hs.contains("need 40×12", "have 20×6")
	hs.send(windowSize(40, 12))
	hs.lacks("make the window larger")
	hs.contains("Coffee shop")
}

func TestHelpListsEveryContext(t *testing.T) {
	hs, _, _ := openCoffee(t, 160, 45)
	hs.key("?")
	hs.contains("Keys", "Board", "Home", "Editor", "Search", "Insights", "Presentation", "Export",
		"undo", "redo", "add touchpoints", "new phase", "back / cancel",
		"click   select a card or phase", "wheel   scroll")
	hs.key("esc")
	if hs.r.top() != nil {
		t.Fatal("esc did not close help")
	}
	// The short help line is always there.
	last := hs.screen()[strings.LastIndex(hs.screen(), "\n")+1:]
	if !strings.Contains(last, "add touchpoints") {
		t.Fatalf("short help line: %q", last)
	}
}

func TestLiveRefreshKeepsSelection(t *testing.T) {
	hs, st, id := openCoffee(t, 160, 45)
	hs.r.board.Select(board.Selection{Phase: 1, Index: 2}) // Pay
	// Another process inserts a touchpoint before Pay.
	tp := model.NewTouchpoint("Loyalty app scan")
	if err := st.external(id, insTP(st.stored(id), 1, 0, tp)); err != nil {
		t.Fatal(err)
	}
	hs.send(refreshTickMsg{})
	hs.contains("Loyalty app scan", "8 touchpoints")
	if s := hs.r.board.Selection(); s != (board.Selection{Phase: 1, Index: 3}) {
		t.Fatalf("selection did not stay on Pay: %+v", s)
	}
	// While a prompt is open the map under it still refreshes.
	hs.key("a")
	if err := st.external(id, updPhase(st.stored(id), 0, "Awareness")); err != nil {
		t.Fatal(err)
	}
	hs.send(refreshTickMsg{})
	if hs.r.mp.Phases[0].Name != "Awareness" {
		t.Fatal("no reload under an open prompt")
	}
	hs.contains("Awareness", "Add touchpoints to Purchase")
	hs.key("esc")
	hs.contains("Awareness")
}

// savedTouchpoint opens the editor on the selection and returns what the
// editor sends when saved with tp.
func savedTouchpoint(hs *harness, tp model.Touchpoint) editor.SavedTouchpointMsg {
	hs.key("e")
	return editor.SavedTouchpointMsg{Touchpoint: tp}
}

func TestQuickCapturePasteAddsOneTouchpointPerLine(t *testing.T) {
	hs, st, id := openCoffee(t, 160, 45)
	hs.r.board.Select(board.Selection{Phase: 2, Index: 0})
	hs.key("a")
	hs.send(tea.PasteMsg{Content: "Birthday coupon\r\n\n  Barista knows my name \nFree refill\x1b[31m"})
	hs.key("esc")
	got := names(stored(t, st, id))
	if !strings.Contains(got, "Loyalty: Stamp card, Birthday coupon, Barista knows my name, Free refill") {
		t.Fatalf("after paste: %s", got)
	}
	if strings.Contains(hs.r.View().Content, "\x1b[31m") {
		t.Fatal("pasted escape sequence reached the screen")
	}
}

func TestHostileTextNeverBreaksTheFrame(t *testing.T) {
	st := newFakeStore()
	m := coffeeShop()
	m.Title = strings.Repeat("長い名前🙂", 2000)
	m.Phases[0].Name = "\x1b]0;pwned\x07Discovery\x1b[2J"
	m.Phases[0].Touchpoints[0].Name = strings.Repeat("x", 10000)
	if _, err := st.CreateMap(m); err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int{{40, 12}, {80, 24}, {160, 45}} {
		hs := newHarness(t, st, Options{}, size[0], size[1])
		hs.key("enter")
		for _, k := range []string{"", "d", "esc", "?", "esc", "/", "esc", "i", "esc", "s", "esc"} {
			if k != "" {
				hs.key(k)
			}
			v := hs.r.View().Content
			if strings.Contains(v, "\x1b]0;") || strings.Contains(v, "\x1b[2J") {
				t.Fatalf("%dx%d after %q: an escape sequence from the map reached the screen", size[0], size[1], k)
			}
			lines := strings.Split(ansi.Strip(v), "\n")
			if len(lines) > size[1] {
				t.Fatalf("%dx%d after %q: %d lines", size[0], size[1], k, len(lines))
			}
			for i, l := range lines {
				if w := ansi.StringWidth(l); w > size[0] {
					t.Fatalf("%dx%d after %q: line %d is %d wide", size[0], size[1], k, i, w)
				}
			}
		}
	}
}

// TestOutsideChangeKeepsHistory: undo addresses items by ID, so another
// process's change leaves the history, and undo moves the same card back.
func TestOutsideChangeKeepsHistory(t *testing.T) {
	hs, st, id := openCoffee(t, 160, 45)
	hs.r.board.Select(board.Selection{Phase: 0, Index: 0})
	hs.key("J") // an undoable move
	hs.send(refreshTickMsg{})
	if !hs.r.hist.canUndo() {
		t.Fatal("a quiet tick cleared the history")
	}
	if err := st.external(id, insPhase(0, "Before")); err != nil {
		t.Fatal(err)
	}
	hs.send(refreshTickMsg{})
	hs.contains("Before", "updated from another window")
	hs.key("u")
	hs.contains("undid: move touchpoint Instagram post")
	if got := names(stored(t, st, id)); got != "Before:  | Discovery: Instagram post, Street sign | Purchase: Queue, Order at counter, Pay, Wait for drink | Loyalty: Stamp card" {
		t.Fatalf("undo in the file: %s", got)
	}
}

func TestHelpScrollsAtSmallSizes(t *testing.T) {
	hs, _, _ := openCoffee(t, 80, 24)
	hs.key("?")
	hs.contains("more (columns 1–2 of")
	seen := map[string]bool{}
	for i := 0; i < 10; i++ {
		for _, s := range []string{"Home", "Editor", "Search", "Insights", "Presentation", "Export", "Confirm"} {
			if strings.Contains(hs.screen(), s) {
				seen[s] = true
			}
		}
		hs.key("right")
	}
	if len(seen) != 7 {
		t.Fatalf("scrolling the help showed only %v", seen)
	}
}

// Typing a name longer than the quick-capture line scrolls the line so the
// end being typed stays in sight.
func TestQuickCaptureLongNameShowsWhatIsTyped(t *testing.T) {
	hs, _, _ := openCoffee(t, 80, 24)
	hs.key("a")
	hs.typ(strings.Repeat("word ", 30) + "END")
	hs.contains("END")
	hs.key("enter")
	hs.contains("added word word")
}

// On terminals without grapheme clustering Bubble Tea lays cells out by
// wcwidth; every screen must measure the same that way as lipgloss does, or
// joined emoji in a name push the frame apart.
func TestJoinedEmojiKeepEveryScreenAligned(t *testing.T) {
	st := newFakeStore()
	m := coffeeShop()
	m.Title = "Family 👨‍👩‍👧‍👦 café ☕️"
	m.Phases[0].Name = "Discovery ❤️"
	m.Phases[0].Touchpoints[0].Name = "☕️ Café 咖啡店 👩‍👩‍👧‍👦 family table 👍🏽 1️⃣"
	m.Phases[0].Touchpoints[0].Channel = "✔️ app"
	m.Phases[0].Touchpoints[0].Motivations = model.ListOf("Bring the 👨‍👩‍👧 along")
	if _, err := st.CreateMap(m); err != nil {
		t.Fatal(err)
	}
	hs := newHarness(t, st, Options{}, 120, 35)
	check := func(where string) {
		t.Helper()
		for i, l := range strings.Split(hs.r.View().Content, "\n") {
			if g, wc := ansi.StringWidth(l), ansi.StringWidthWc(l); g != wc {
				t.Errorf("%s line %d: %d cells by graphemes, %d by wcwidth: %q", where, i, g, wc, ansi.Strip(l))
			}
		}
	}
	check("home")
	hs.key("enter")
	check("board")
	for _, k := range []string{"/", "i", "s", "?"} {
		hs.key(k)
		check(k)
		hs.key("esc")
	}
	hs.key("/")
	hs.typ("fam")
	check("search results")
	hs.key("esc", "a")
	check("quick capture")
	hs.key("esc", "e")
	check("editor")
}

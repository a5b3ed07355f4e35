package server

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"journeymap/model"
	"journeymap/storage"
)

func names(m *model.Map) map[string]string {
	out := map[string]string{}
	for _, p := range m.Phases {
		for _, t := range p.Touchpoints {
			out[t.Name] = t.AddedBy
		}
	}
	return out
}

func TestRolesEnforced(t *testing.T) {
	tr := startRoom(t, nil)
	fac := tr.join(t, "ana", keyAuth(tr.fac), 100, 30)
	tom := tr.join(t, "tom", codeAuth(testCode), 100, 30)
	fac.openMap()
	tom.openMap()

	// A participant may not delete what someone else added: the status
	// bar says why, before any question.
	tom.Mark()
	tom.typ("d")
	tom.must("only a facilitator can delete this touchpoint")
	// Nor a phase (the empty phase Order is selected after l).
	tom.Mark()
	tom.typ("l", "d")
	tom.must("only a facilitator can delete a phase")
	// Nor run votes or follow mode.
	tom.Mark()
	tom.typ("V")
	tom.sees("only a facilitator can start or close a vote")
	tom.typ("F")
	tom.sees("only a facilitator can lead follow mode")

	// What they added they may delete.
	tom.Mark()
	tom.typ("a", "Tq9 mine", enter, esc)
	tom.must("Tq9 mine")
	waitFile(t, tr, func(m *model.Map) bool { return names(m)["Tq9 mine"] == "tom" })
	tom.Mark()
	tom.typ("d", "y")
	tom.must("deleted")
	waitFile(t, tr, func(m *model.Map) bool { _, ok := names(m)["Tq9 mine"]; return !ok })

	// The facilitator may delete anything.
	fac.Mark()
	fac.typ("d", "y")
	fac.must("deleted")
	waitFile(t, tr, func(m *model.Map) bool { _, ok := names(m)["Door sign"]; return !ok })
}

// The server checks roles itself too, whatever a session sends.
func TestRolesEnforcedByTheServer(t *testing.T) {
	tr := startRoom(t, nil)
	h := tr.srv.hub
	tom, _ := h.join("tom", false)
	ana, _ := h.join("ana", true)
	defer h.leave(tom)
	defer h.leave(ana)
	asTom := sessionStore{Store: tr.st, h: h, m: tom}
	asAna := sessionStore{Store: tr.st, h: h, m: ana}
	m, _ := tr.st.LoadMap(tr.mapID)
	door := m.Phases[0].Touchpoints[0]

	if err := asTom.Apply(tr.mapID, &model.DeletePhase{ID: m.Phases[1].ID, Rev: m.Phases[1].Rev}); !errors.Is(err, model.ErrRefused) {
		t.Errorf("a participant deleting a phase: %v", err)
	}
	if err := asTom.DeleteMap(tr.mapID); !errors.Is(err, model.ErrRefused) {
		t.Errorf("a participant deleting a map: %v", err)
	}
	if err := asTom.Apply(tr.mapID, &model.DeleteTouchpoint{ID: door.ID, Rev: door.Rev}); !errors.Is(err, model.ErrRefused) {
		t.Errorf("a participant deleting another's touchpoint: %v", err)
	}
	// Lane items: ana adds a pain point, tom adds one; tom may edit ana's
	// text but not delete it, and may delete his own.
	edit := func(as sessionStore, change func(*model.Touchpoint)) error {
		m, _ := tr.st.LoadMap(tr.mapID)
		tp := m.Phases[0].Touchpoints[0].Clone()
		change(&tp)
		return as.Apply(tr.mapID, &model.UpdateTouchpoint{ID: tp.ID, Rev: tp.Rev, Touchpoint: tp})
	}
	if err := edit(asAna, func(t *model.Touchpoint) { t.PainPoints = t.PainPoints.Append("queue") }); err != nil {
		t.Fatal(err)
	}
	if err := edit(asTom, func(t *model.Touchpoint) { t.PainPoints = t.PainPoints.Append("no seats") }); err != nil {
		t.Fatal(err)
	}
	if err := edit(asTom, func(t *model.Touchpoint) {
		t.PainPoints = model.ListOf(append([]string{"long queue"}, t.PainPoints.Items()[1:]...)...)
	}); err != nil {
		t.Errorf("a participant editing another's item: %v", err)
	}
	if err := edit(asTom, func(t *model.Touchpoint) { t.PainPoints = model.ListOf(t.PainPoints.Items()[1:]...) }); !errors.Is(err, model.ErrRefused) {
		t.Errorf("a participant deleting another's item: %v", err)
	}
	if err := edit(asTom, func(t *model.Touchpoint) { t.PainPoints = model.ListOf(t.PainPoints.Items()[:1]...) }); err != nil {
		t.Errorf("a participant deleting their own item: %v", err)
	}
	authors, _ := tr.st.ItemAuthors(door.ID)
	if got := authors["pain_point"]; len(got) != 1 || got[0] != "ana" {
		t.Errorf("pain point authors %q, want [ana]", got)
	}
	m, _ = tr.st.LoadMap(tr.mapID)
	if got := m.Phases[0].Touchpoints[0].PainPoints; got.Len() != 1 || got.At(0) != "long queue" {
		t.Errorf("pain points %q", got)
	}
	if err := asAna.Apply(tr.mapID, &model.DeleteTouchpoint{ID: door.ID, Rev: m.Phases[0].Touchpoints[0].Rev}); err != nil {
		t.Errorf("a facilitator deleting: %v", err)
	}
}

func waitFile(t *testing.T, tr *testRoom, ok func(*model.Map) bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		m, err := tr.st.LoadMap(tr.mapID)
		if err == nil && ok(m) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the file never got there: %v", names(m))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestFullVote(t *testing.T) {
	tr := startRoom(t, nil)
	fac := tr.join(t, "ana", keyAuth(tr.fac), 100, 30)
	tom := tr.join(t, "tom", codeAuth(testCode), 100, 30)
	eve := tr.join(t, "eve", codeAuth(testCode), 100, 30)
	for _, s := range []*screen{fac, tom, eve} {
		s.openMap()
	}
	// A second touchpoint to vote on.
	fac.typ("a", "Menu board", enter, esc)
	tom.must("Menu board")
	eve.must("Menu board")

	fac.Mark()
	fac.typ("V")
	fac.must("Start a vote")
	fac.typ("What hurts most", enter)
	fac.must("vote open")
	tom.sees("vote: 3 of 3 dots left")
	eve.sees("vote: 3 of 3 dots left")

	// tom: two dots on Door sign, one on Menu board, then a fourth is refused.
	tom.typ(".")
	tom.sees("dot placed on Door sign · 2 left")
	tom.typ(".")
	tom.sees("dot placed on Door sign · 1 left")
	tom.sees("vote: 1 of 3 dots left (2 here)")
	tom.typ("j", ".")
	tom.sees("dot placed on Menu board · 0 left")
	tom.typ(".")
	tom.sees("no dots left")
	// eve: one on Menu board, takes it back, puts it on Door sign.
	eve.typ("j", ".", ",")
	eve.sees("dot taken back from Menu board")
	eve.typ("k", ".")
	eve.sees("dot placed on Door sign")
	// The tally stays hidden while open.
	if tom.waitFor("Vote results", 200*time.Millisecond) {
		t.Fatal("results showed while the vote was open")
	}

	for _, s := range []*screen{fac, tom, eve} {
		s.Mark()
	}
	fac.typ("V")
	for _, s := range []*screen{fac, tom, eve} {
		s.must("Vote results: What hurts most")
		s.must("3  Door sign")
	}
	m, err := tr.st.LoadMap(tr.mapID)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Votes) != 1 || m.Votes[0].Voters != 2 || len(m.Votes[0].Results) != 2 ||
		m.Votes[0].Results[0].Name != "Door sign" || m.Votes[0].Results[0].Dots != 3 || m.Votes[0].Results[1].Dots != 1 {
		t.Errorf("votes in the file: %+v", m.Votes)
	}
}

func TestVoteTimerClosesIt(t *testing.T) {
	tr := startRoom(t, nil)
	tom := tr.join(t, "tom", codeAuth(testCode), 100, 30)
	tom.openMap()
	ana, _ := tr.srv.hub.join("ana", true)
	defer tr.srv.hub.leave(ana)
	if err := (room{h: tr.srv.hub, m: ana}).StartVote(tr.mapID, model.Vote{Question: "Quick one", DotsPerPerson: 1, ClosesAt: time.Now().Add(500 * time.Millisecond)}); err != nil {
		t.Fatal(err)
	}
	tom.sees("vote: 1 of 1 dots left")
	tom.Mark()
	tom.typ(".")
	tom.sees("0 left")
	tom.must("Vote results: Quick one")
}

func TestFollowMode(t *testing.T) {
	tr := startRoom(t, nil)
	fac := tr.join(t, "ana", keyAuth(tr.fac), 100, 30)
	tom := tr.join(t, "tom", codeAuth(testCode), 100, 30)
	eve := tr.join(t, "eve", codeAuth(testCode), 100, 30)
	fac.openMap()
	tom.must("Coffee run") // tom stays on the home screen
	eve.openMap()

	for _, s := range []*screen{tom, eve} {
		s.Mark()
	}
	fac.typ("F")
	for _, s := range []*screen{tom, eve} {
		s.must("following ana")
		s.must("Phase 1 of 2")
		s.Mark()
	}
	fac.typ("l")
	tom.must("No touchpoints in this phase")
	eve.must("No touchpoints in this phase")

	// eve leaves with esc; tom keeps following.
	eve.Mark()
	eve.typ(esc)
	eve.must("stopped following ana")
	tom.Mark()
	eve.Mark()
	fac.typ("h")
	tom.must("Door sign")
	if eve.waitFor("Door sign", 300*time.Millisecond) {
		t.Error("eve still follows after esc")
	}
	// F again ends it for everyone.
	tom.Mark()
	fac.typ("F")
	tom.must("Coffee run")
	if tr.srv.hub.following().On {
		t.Error("follow mode still on")
	}
}

// Another process opening and closing the file, while the server runs and
// this process opens the file a second time, leaves every session's edits
// landing: the server's store is the only holder of the file here, and a
// second Open skips the plain file calls that would drop its locks.
func TestOtherProcessOpeningTheFile(t *testing.T) {
	tr := startRoom(t, nil)
	ss := []*screen{
		tr.join(t, "ana", keyAuth(tr.fac), 100, 30),
		tr.join(t, "tom", codeAuth(testCode), 100, 30),
		tr.join(t, "eve", codeAuth(testCode), 100, 30),
	}
	for _, s := range ss {
		s.openMap()
	}
	stop := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		n := 0
		for {
			select {
			case <-stop:
				done <- nil
				return
			default:
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestHelperOtherProcess$")
			cmd.Env = append(os.Environ(), "JOURNEYMAP_OTHER_PROCESS="+tr.path)
			if out, err := cmd.CombinedOutput(); err != nil {
				done <- errors.New(string(out))
				return
			}
			// And this process opens the file again, as a careless
			// per-guest Open would.
			if st, err := storage.Open(tr.path); err == nil {
				st.Close()
			}
			n++
		}
	}()
	want := map[string]string{}
	for round := 0; round < 3; round++ {
		for i, s := range ss {
			name := []string{"ana", "tom", "eve"}[i] + " note " + string(rune('A'+round))
			want[name] = []string{"ana", "tom", "eve"}[i]
			s.typ("a", name, enter, esc)
		}
	}
	waitFile(t, tr, func(m *model.Map) bool {
		got := names(m)
		for n := range want {
			if _, ok := got[n]; !ok {
				return false
			}
		}
		return true
	})
	close(stop)
	if err := <-done; err != nil {
		t.Fatalf("the other process: %v", err)
	}
	// What a fresh process reads after the server is gone.
	tr.srv.Close()
	tr.st.Close()
	st, err := storage.OpenReadOnly(tr.path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m, err := st.LoadMap(tr.mapID)
	if err != nil {
		t.Fatal(err)
	}
	got := names(m)
	for n, by := range want {
		if got[n] != by {
			t.Errorf("%q: added by %q in the file, want %q", n, got[n], by)
		}
	}
}

// TestHelperOtherProcess is the other process: it opens the file with
// plain file calls and with SQLite, reads, and closes.
func TestHelperOtherProcess(t *testing.T) {
	path := os.Getenv("JOURNEYMAP_OTHER_PROCESS")
	if path == "" {
		t.Skip("only run by TestOtherProcessOpeningTheFile")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	st, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.ListMaps(); err != nil {
		t.Fatal(err)
	}
	st.Close()
	_ = filepath.Base(path)
}

// TestVoteCountdown: a vote with a timer shows how long it has left, and
// the countdown moves on its own, with nobody typing; a guest who opens the
// map after the vote started sees it too.
func TestVoteCountdown(t *testing.T) {
	tr := startRoom(t, nil)
	tom := tr.join(t, "tom", codeAuth(testCode), 110, 30)
	tom.openMap()
	ana, _ := tr.srv.hub.join("ana", true)
	defer tr.srv.hub.leave(ana)
	if err := (room{h: tr.srv.hub, m: ana}).StartVote(tr.mapID, model.Vote{Question: "Slow one", DotsPerPerson: 2, ClosesAt: time.Now().Add(2*time.Minute + 30*time.Second)}); err != nil {
		t.Fatal(err)
	}
	tom.sees("closes in 2:30")
	// Nobody types: only the countdown can send anything (the renderer
	// sends just the cells that change, so "2:28" arrives as a lone "8").
	tom.Mark()
	time.Sleep(2500 * time.Millisecond)
	tom.mu.Lock()
	from := tom.mark
	tom.mu.Unlock()
	if got := strings.TrimSpace(tom.text(from)); got == "" {
		t.Fatal("the countdown did not move while nobody typed")
	}
	tom.sees("closes in 2:2")
	late := tr.join(t, "maya", codeAuth(testCode), 110, 30)
	late.openMap()
	late.sees("closes in 2:2")
}

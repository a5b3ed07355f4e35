package storage

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"journeymap/model"
)

// assertDense checks that positions within every parent run 0..n-1.
func assertDense(t testing.TB, s *Store, mapID int64) {
	t.Helper()
	for _, q := range []string{
		`SELECT count(*) FROM (SELECT map_id AS parent, count(*) AS n, min(position) AS lo, max(position) AS hi, count(DISTINCT position) AS d FROM phases WHERE map_id = ?1 GROUP BY map_id) WHERE lo <> 0 OR hi <> n - 1 OR d <> n`,
		`SELECT count(*) FROM (SELECT phase_id, count(*) AS n, min(t.position) AS lo, max(t.position) AS hi, count(DISTINCT t.position) AS d FROM touchpoints t JOIN phases p ON p.id = t.phase_id WHERE p.map_id = ?1 GROUP BY phase_id) WHERE lo <> 0 OR hi <> n - 1 OR d <> n`,
		`SELECT count(*) FROM (SELECT touchpoint_id, list, count(*) AS n, min(position) AS lo, max(position) AS hi FROM items GROUP BY touchpoint_id, list) WHERE lo <> 0 OR hi <> n - 1`,
		`SELECT count(*) FROM (SELECT touchpoint_id, count(*) AS n, min(position) AS lo, max(position) AS hi FROM metrics GROUP BY touchpoint_id) WHERE lo <> 0 OR hi <> n - 1`,
	} {
		var bad int
		if err := s.db.QueryRow(q, mapID).Scan(&bad); err != nil {
			t.Fatal(err)
		}
		if bad != 0 {
			t.Fatalf("positions are not dense: %s", q)
		}
	}
}

func tp(name string, score int, extra ...string) model.Touchpoint {
	t := model.NewTouchpoint(name)
	t.Emotion.Score = score
	t.Motivations = extra
	return t
}

// edits lists one or more cases of every edit type, including the edges:
// first and last positions, moves within and across phases, into an empty
// phase.
func edits() map[string]model.Edit {
	rich := tp("Rich", 5, "m1", "m2")
	rich.Channel, rich.Kind, rich.Owner, rich.Notes = "phone", model.KindHybrid, "Support", "notes"
	rich.Emotion.Labels = []string{"relieved"}
	rich.Thoughts, rich.PainPoints, rich.Opportunities, rich.Backstage = []string{"t"}, []string{"p"}, []string{"o"}, []string{"b"}
	rich.Metrics = []model.Metric{{Name: "CSAT", Unit: "pts", Target: model.Float(4.5), Direction: model.Up}}
	return map[string]model.Edit{
		"update map":                         &model.UpdateMap{Info: model.MapInfo{Title: "Tea", Persona: model.Persona{Name: "Bo", Description: "d"}, Goal: "g", Notes: "n"}},
		"insert phase first":                 &model.InsertPhase{Index: 0, Phase: model.Phase{Name: "Before", Touchpoints: []model.Touchpoint{rich, tp("Ad", 2)}}},
		"insert phase middle":                &model.InsertPhase{Index: 1, Phase: model.Phase{Name: "Middle", Description: "d"}},
		"insert phase last":                  &model.InsertPhase{Index: 3, Phase: model.Phase{Name: "After", Touchpoints: []model.Touchpoint{tp("Survey", 3)}}},
		"delete phase first":                 &model.DeletePhase{Index: 0},
		"delete phase middle":                &model.DeletePhase{Index: 1},
		"delete phase last":                  &model.DeletePhase{Index: 2},
		"update phase":                       &model.UpdatePhase{Index: 1, Name: "Ordering", Description: "at the counter"},
		"move phase first to last":           &model.MovePhase{From: 0, To: 2},
		"move phase last to first":           &model.MovePhase{From: 2, To: 0},
		"move phase one right":               &model.MovePhase{From: 0, To: 1},
		"move phase in place":                &model.MovePhase{From: 1, To: 1},
		"insert touchpoint first":            &model.InsertTouchpoint{Phase: 1, Index: 0, Touchpoint: rich},
		"insert touchpoint last":             &model.InsertTouchpoint{Phase: 1, Index: 3, Touchpoint: tp("Tip", 4)},
		"insert touchpoint into empty phase": &model.InsertTouchpoint{Phase: 2, Index: 0, Touchpoint: tp("Sip", 5, "taste")},
		"delete touchpoint first":            &model.DeleteTouchpoint{Phase: 1, Index: 0},
		"delete touchpoint last":             &model.DeleteTouchpoint{Phase: 1, Index: 2},
		"delete only-but-one touchpoint":     &model.DeleteTouchpoint{Phase: 0, Index: 1},
		"update touchpoint":                  &model.UpdateTouchpoint{Phase: 1, Index: 0, Touchpoint: rich},
		"update touchpoint clearing lists":   &model.UpdateTouchpoint{Phase: 0, Index: 0, Touchpoint: tp("Bare", 1)},
		"move touchpoint down within phase":  &model.MoveTouchpoint{From: model.Ref{Phase: 1, Index: 0}, To: model.Ref{Phase: 1, Index: 2}},
		"move touchpoint up within phase":    &model.MoveTouchpoint{From: model.Ref{Phase: 1, Index: 2}, To: model.Ref{Phase: 1, Index: 0}},
		"move touchpoint one down":           &model.MoveTouchpoint{From: model.Ref{Phase: 1, Index: 1}, To: model.Ref{Phase: 1, Index: 2}},
		"move touchpoint in place":           &model.MoveTouchpoint{From: model.Ref{Phase: 1, Index: 1}, To: model.Ref{Phase: 1, Index: 1}},
		"move touchpoint to next phase":      &model.MoveTouchpoint{From: model.Ref{Phase: 0, Index: 1}, To: model.Ref{Phase: 1, Index: 0}},
		"move touchpoint to previous end":    &model.MoveTouchpoint{From: model.Ref{Phase: 1, Index: 0}, To: model.Ref{Phase: 0, Index: 2}},
		"move touchpoint into empty phase":   &model.MoveTouchpoint{From: model.Ref{Phase: 1, Index: 2}, To: model.Ref{Phase: 2, Index: 0}},
		"move last touchpoint out of phase":  &model.MoveTouchpoint{From: model.Ref{Phase: 0, Index: 0}, To: model.Ref{Phase: 2, Index: 0}},
	}
}

// TestApplyMatchesModel applies every edit to a map in memory and to the
// store, then its inverse to both: the loaded map must equal the one in
// memory each time, and end where it started.
func TestApplyMatchesModel(t *testing.T) {
	for name, e := range edits() {
		t.Run(name, func(t *testing.T) {
			s := openTemp(t)
			id, err := s.CreateMap(sampleMap())
			if err != nil {
				t.Fatal(err)
			}
			mem := sampleMap()
			before, _ := s.LoadMap(id)
			step := func(e model.Edit) {
				t.Helper()
				if err := e.Apply(mem); err != nil {
					t.Fatalf("model: %v", err)
				}
				if err := s.Apply(id, e); err != nil {
					t.Fatalf("store: %v", err)
				}
				got, err := s.LoadMap(id)
				if err != nil {
					t.Fatal(err)
				}
				assertSameMap(t, got, mem)
				assertDense(t, s, id)
				if !got.UpdatedAt.After(before.UpdatedAt) {
					t.Errorf("UpdatedAt did not move forward (%v -> %v)", before.UpdatedAt, got.UpdatedAt)
				}
				before = got
			}
			step(e)
			step(e.Inverse()) // meaningful now that e has been applied
			assertSameMap(t, mem, sampleMap())
		})
	}
}

// TestApplyRandomEdits runs a long random sequence of edits against the
// store and the model side by side.
func TestApplyRandomEdits(t *testing.T) {
	s := openTemp(t)
	id, err := s.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	mem := sampleMap()
	r := rand.New(rand.NewPCG(7, 11))
	var undo []model.Edit
	for step := 0; step < 300; step++ {
		e := randomEdit(r, mem, step)
		if r.IntN(5) == 0 && len(undo) > 0 {
			e, undo = undo[len(undo)-1], undo[:len(undo)-1]
		}
		memErr := e.Apply(mem)
		storeErr := s.Apply(id, e)
		if (memErr == nil) != (storeErr == nil) {
			t.Fatalf("step %d %T %+v: model says %v, store says %v", step, e, e, memErr, storeErr)
		}
		if memErr == nil {
			undo = append(undo, e.Inverse())
		}
		got, err := s.LoadMap(id)
		if err != nil {
			t.Fatal(err)
		}
		assertSameMap(t, got, mem)
	}
	assertDense(t, s, id)
}

func randomEdit(r *rand.Rand, m *model.Map, step int) model.Edit {
	np := len(m.Phases)
	phase := func() int { return r.IntN(np+1) - r.IntN(2) } // sometimes out of range
	name := fmt.Sprintf("n%d", step)
	switch r.IntN(9) {
	case 0:
		return &model.UpdateMap{Info: model.MapInfo{Title: name, Goal: name}}
	case 1:
		return &model.InsertPhase{Index: r.IntN(np + 1), Phase: model.Phase{Name: name, Touchpoints: []model.Touchpoint{tp(name, 1+r.IntN(5), name)}}}
	case 2:
		if np < 3 {
			return &model.InsertPhase{Index: np, Phase: model.Phase{Name: name}}
		}
		return &model.DeletePhase{Index: phase()}
	case 3:
		return &model.UpdatePhase{Index: phase(), Name: name, Description: name}
	case 4:
		return &model.MovePhase{From: phase(), To: phase()}
	case 5, 6:
		p := r.IntN(max(np, 1))
		n := 0
		if p < np {
			n = len(m.Phases[p].Touchpoints)
		}
		return &model.InsertTouchpoint{Phase: p, Index: r.IntN(n + 1), Touchpoint: tp(name, 1+r.IntN(5), name, "x")}
	case 7:
		p := phase()
		return &model.UpdateTouchpoint{Phase: p, Index: r.IntN(3), Touchpoint: tp(name, 1+r.IntN(5))}
	default:
		from := model.Ref{Phase: phase(), Index: r.IntN(4)}
		to := model.Ref{Phase: phase(), Index: r.IntN(5) - r.IntN(2)}
		if r.IntN(4) == 0 {
			return &model.DeleteTouchpoint{Phase: from.Phase, Index: from.Index}
		}
		return &model.MoveTouchpoint{From: from, To: to}
	}
}

// TestApplyRefusesWithoutWriting checks out-of-range and invalid edits: the
// store refuses what the model refuses, with the model's error, and the
// file is untouched.
func TestApplyRefusesWithoutWriting(t *testing.T) {
	invalidTP := tp("", 3)
	badScore := tp("Bad", 0)
	badMetric := tp("Bad metric", 3)
	badMetric.Metrics = []model.Metric{{Name: "m", Direction: "sideways"}}
	cases := []struct {
		name     string
		edit     model.Edit
		outRange bool
		path     string // the field a validation error names
	}{
		{"update map empty title", &model.UpdateMap{Info: model.MapInfo{Title: " "}}, false, "title"},
		{"insert phase before start", &model.InsertPhase{Index: -1, Phase: model.Phase{Name: "x"}}, true, ""},
		{"insert phase past end", &model.InsertPhase{Index: 4, Phase: model.Phase{Name: "x"}}, true, ""},
		{"insert invalid phase", &model.InsertPhase{Index: 0, Phase: model.Phase{Name: "x", Touchpoints: []model.Touchpoint{badScore}}}, false, "touchpoints[0].emotion.score"},
		{"delete phase past end", &model.DeletePhase{Index: 3}, true, ""},
		{"delete phase negative", &model.DeletePhase{Index: -1}, true, ""},
		{"update phase past end", &model.UpdatePhase{Index: 3, Name: "x"}, true, ""},
		{"update phase empty name", &model.UpdatePhase{Index: 0, Name: ""}, false, "name"},
		{"move phase from past end", &model.MovePhase{From: 3, To: 0}, true, ""},
		{"move phase to past end", &model.MovePhase{From: 0, To: 3}, true, ""},
		{"move phase to negative", &model.MovePhase{From: 0, To: -1}, true, ""},
		{"insert touchpoint past end", &model.InsertTouchpoint{Phase: 1, Index: 4, Touchpoint: tp("x", 3)}, true, ""},
		{"insert touchpoint in missing phase", &model.InsertTouchpoint{Phase: 3, Index: 0, Touchpoint: tp("x", 3)}, true, ""},
		{"insert invalid touchpoint", &model.InsertTouchpoint{Phase: 1, Index: 0, Touchpoint: invalidTP}, false, "name"},
		{"insert touchpoint with bad metric", &model.InsertTouchpoint{Phase: 1, Index: 0, Touchpoint: badMetric}, false, "metrics[0].direction"},
		{"delete touchpoint past end", &model.DeleteTouchpoint{Phase: 1, Index: 3}, true, ""},
		{"delete touchpoint in empty phase", &model.DeleteTouchpoint{Phase: 2, Index: 0}, true, ""},
		{"update touchpoint past end", &model.UpdateTouchpoint{Phase: 0, Index: 2, Touchpoint: tp("x", 3)}, true, ""},
		{"update touchpoint invalid", &model.UpdateTouchpoint{Phase: 0, Index: 0, Touchpoint: badScore}, false, "emotion.score"},
		{"move touchpoint from past end", &model.MoveTouchpoint{From: model.Ref{Phase: 0, Index: 2}, To: model.Ref{Phase: 1, Index: 0}}, true, ""},
		{"move touchpoint to past end", &model.MoveTouchpoint{From: model.Ref{Phase: 0, Index: 0}, To: model.Ref{Phase: 1, Index: 4}}, true, ""},
		{"move touchpoint past end within phase", &model.MoveTouchpoint{From: model.Ref{Phase: 1, Index: 0}, To: model.Ref{Phase: 1, Index: 3}}, true, ""},
		{"move touchpoint to missing phase", &model.MoveTouchpoint{From: model.Ref{Phase: 0, Index: 0}, To: model.Ref{Phase: 3, Index: 0}}, true, ""},
		{"move touchpoint to negative index", &model.MoveTouchpoint{From: model.Ref{Phase: 0, Index: 0}, To: model.Ref{Phase: 1, Index: -1}}, true, ""},
	}
	s := openTemp(t)
	id, err := s.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := c.edit.Apply(sampleMap()); err == nil {
				t.Fatal("the model accepts this edit; the case is wrong")
			}
			before, _ := s.LoadMap(id)
			counts := rowCounts(t, s)
			err := s.Apply(id, c.edit)
			if err == nil {
				t.Fatal("store accepted the edit")
			}
			var oor model.ErrOutOfRange
			if c.outRange != errors.As(err, &oor) {
				t.Errorf("error %v: out of range = %v, want %v", err, !c.outRange, c.outRange)
			}
			if c.path != "" {
				if fe, ok := model.FirstFieldError(err); !ok || fe.Path != c.path {
					t.Errorf("error %v should name field %q", err, c.path)
				}
			}
			if !strings.Contains(err.Error(), s.Path()) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q should be one line naming the file", err)
			}
			after, _ := s.LoadMap(id)
			assertSameMap(t, after, before)
			if !after.UpdatedAt.Equal(before.UpdatedAt) {
				t.Error("a refused edit bumped UpdatedAt")
			}
			if got := rowCounts(t, s); fmt.Sprint(got) != fmt.Sprint(counts) {
				t.Errorf("rows changed: %v -> %v", counts, got)
			}
		})
	}
}

// fakeEdit is an edit type the store does not know.
type fakeEdit struct{}

func (fakeEdit) Apply(*model.Map) error { return nil }
func (fakeEdit) Inverse() model.Edit    { return fakeEdit{} }
func (fakeEdit) Describe() string       { return "fake" }

func TestApplyUnknownEdit(t *testing.T) {
	s := openTemp(t)
	id, _ := s.CreateMap(sampleMap())
	if err := s.Apply(id, fakeEdit{}); err == nil || !strings.Contains(err.Error(), "unsupported edit") {
		t.Errorf("unknown edit: %v", err)
	}
	if err := s.Apply(id, nil); err == nil {
		t.Error("nil edit accepted")
	}
}

// TestCRUDSetsIDsAndKeepsThem covers the direct methods' promises about IDs:
// inserts set them, updates and moves keep them.
func TestCRUDSetsIDsAndKeepsThem(t *testing.T) {
	s := openTemp(t)
	m := sampleMap()
	id, _ := s.CreateMap(m)

	p := model.Phase{Name: "New", Touchpoints: []model.Touchpoint{tp("A", 3), tp("B", 4)}}
	if err := s.InsertPhase(id, 1, &p); err != nil {
		t.Fatal(err)
	}
	if p.ID == 0 || p.Touchpoints[0].ID == 0 || p.Touchpoints[1].ID == 0 {
		t.Fatalf("InsertPhase did not set IDs: %+v", p)
	}
	nt := tp("C", 2)
	if err := s.InsertTouchpoint(id, 1, 1, &nt); err != nil {
		t.Fatal(err)
	}
	if nt.ID == 0 {
		t.Fatal("InsertTouchpoint did not set the ID")
	}
	moving := m.Phases[0].Touchpoints[0].ID
	if err := s.MoveTouchpoint(id, model.Ref{Phase: 0, Index: 0}, model.Ref{Phase: 1, Index: 3}); err != nil {
		t.Fatal(err)
	}
	upd := tp("Renamed", 5)
	upd.ID = 999999 // ignored: the stored touchpoint keeps its ID
	if err := s.UpdateTouchpoint(id, 1, 3, upd); err != nil {
		t.Fatal(err)
	}
	if err := s.MovePhase(id, 1, 0); err != nil {
		t.Fatal(err)
	}
	got, err := s.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Phases[0].ID != p.ID {
		t.Errorf("moved phase has ID %d, want %d", got.Phases[0].ID, p.ID)
	}
	names := []string{}
	for _, t := range got.Phases[0].Touchpoints {
		names = append(names, t.Name)
	}
	if strings.Join(names, ",") != "A,C,B,Renamed" {
		t.Errorf("touchpoints %v", names)
	}
	if got.Phases[0].Touchpoints[1].ID != nt.ID || got.Phases[0].Touchpoints[3].ID != moving {
		t.Errorf("IDs changed on update/move: %+v", got.Phases[0].Touchpoints)
	}
	assertDense(t, s, id)
}

func TestUpdatedAtChanges(t *testing.T) {
	s := openTemp(t)
	id, _ := s.CreateMap(sampleMap())
	last, _ := s.LoadMap(id)
	nt := tp("x", 3)
	np := model.Phase{Name: "x"}
	steps := []struct {
		name string
		do   func() error
	}{
		{"UpdateMapInfo", func() error { return s.UpdateMapInfo(id, model.MapInfo{Title: "T"}) }},
		{"InsertPhase", func() error { return s.InsertPhase(id, 0, &np) }},
		{"UpdatePhase", func() error { return s.UpdatePhase(id, 0, "y", "") }},
		{"MovePhase", func() error { return s.MovePhase(id, 0, 1) }},
		{"DeletePhase", func() error { return s.DeletePhase(id, 1) }},
		{"InsertTouchpoint", func() error { return s.InsertTouchpoint(id, 0, 0, &nt) }},
		{"UpdateTouchpoint", func() error { return s.UpdateTouchpoint(id, 0, 0, tp("z", 1)) }},
		{"MoveTouchpoint", func() error { return s.MoveTouchpoint(id, model.Ref{}, model.Ref{Phase: 1}) }},
		{"DeleteTouchpoint", func() error { return s.DeleteTouchpoint(id, 1, 0) }},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		got, _ := s.LoadMap(id)
		if !got.UpdatedAt.After(last.UpdatedAt) {
			t.Errorf("%s: UpdatedAt %v did not move past %v", st.name, got.UpdatedAt, last.UpdatedAt)
		}
		if d := time.Since(got.UpdatedAt); d < 0 || d > time.Minute {
			t.Errorf("%s: UpdatedAt %v is not about now", st.name, got.UpdatedAt)
		}
		last = got
	}
	ms, _ := s.ListMaps()
	if !ms[0].UpdatedAt.Equal(last.UpdatedAt) {
		t.Errorf("ListMaps UpdatedAt %v, LoadMap %v", ms[0].UpdatedAt, last.UpdatedAt)
	}
}

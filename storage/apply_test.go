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
	t.Motivations = model.ListOf(extra...)
	return t
}

// at names items of a loaded map by position, for building edits in tests:
// edits themselves name items by ID.
type at struct{ m *model.Map }

func (a at) phase(i int) int64 {
	if i < 0 || i >= len(a.m.Phases) {
		return 424242 // an ID no phase has
	}
	return a.m.Phases[i].ID
}

func (a at) tp(p, i int) int64 {
	if t, ok := a.m.Touchpoint(model.Ref{Phase: p, Index: i}); ok {
		return t.ID
	}
	return 434343
}

func (a at) tpRev(p, i int) int64 {
	if t, ok := a.m.Touchpoint(model.Ref{Phase: p, Index: i}); ok {
		return t.Rev
	}
	return 0
}

// edits lists one or more cases of every edit type, including the edges:
// first and last positions, moves within and across phases, into an empty
// phase, and positions past the end (clamped).
func edits() map[string]func(a at) model.Edit {
	rich := tp("Rich", 5, "m1", "m2")
	rich.Channel, rich.Kind, rich.Owner, rich.Notes = "phone", model.KindHybrid, "Support", "notes"
	rich.Emotion.Labels = model.ListOf("relieved")
	rich.Thoughts, rich.PainPoints, rich.Opportunities, rich.Backstage = model.ListOf("t"), model.ListOf("p"), model.ListOf("o"), model.ListOf("b")
	rich.Metrics = []model.Metric{{Name: "CSAT", Unit: "pts", Target: model.Float(4.5), Direction: model.Up}}
	withID := func(t model.Touchpoint, id int64) model.Touchpoint { t.ID = id; return t }
	return map[string]func(a at) model.Edit{
		"update map": func(a at) model.Edit {
			return &model.UpdateMap{Info: model.MapInfo{Title: "Tea", Persona: model.Persona{Name: "Bo", Description: "d"}, Goal: "g", Notes: "n"}}
		},
		"insert phase first": func(a at) model.Edit {
			return &model.InsertPhase{Index: 0, Phase: model.Phase{ID: 1 << 41, Name: "Before", Touchpoints: []model.Touchpoint{withID(rich, 1<<42), withID(tp("Ad", 2), 1<<42+1)}}}
		},
		"insert phase middle": func(a at) model.Edit {
			return &model.InsertPhase{Index: 1, Phase: model.Phase{ID: 1 << 41, Name: "Middle", Description: "d"}}
		},
		"insert phase last": func(a at) model.Edit {
			return &model.InsertPhase{Index: 3, Phase: model.Phase{ID: 1 << 41, Name: "After", Touchpoints: []model.Touchpoint{withID(tp("Survey", 3), 1<<42)}}}
		},
		"insert phase past the end": func(a at) model.Edit {
			return &model.InsertPhase{Index: 9, Phase: model.Phase{ID: 1 << 41, Name: "After"}}
		},
		"insert phase without an ID": func(a at) model.Edit {
			return &model.InsertPhase{Index: 1, Phase: model.Phase{Name: "Storage numbers it"}}
		},
		"delete phase first":  func(a at) model.Edit { return &model.DeletePhase{ID: a.phase(0)} },
		"delete phase middle": func(a at) model.Edit { return &model.DeletePhase{ID: a.phase(1)} },
		"delete phase last":   func(a at) model.Edit { return &model.DeletePhase{ID: a.phase(2)} },
		"update phase": func(a at) model.Edit {
			return &model.UpdatePhase{ID: a.phase(1), Name: "Ordering", Description: "at the counter"}
		},
		"move phase first to last": func(a at) model.Edit { return &model.MovePhase{ID: a.phase(0), To: 2} },
		"move phase last to first": func(a at) model.Edit { return &model.MovePhase{ID: a.phase(2), To: 0} },
		"move phase one right":     func(a at) model.Edit { return &model.MovePhase{ID: a.phase(0), To: 1} },
		"move phase in place":      func(a at) model.Edit { return &model.MovePhase{ID: a.phase(1), To: 1} },
		"move phase past the end":  func(a at) model.Edit { return &model.MovePhase{ID: a.phase(0), To: 8} },
		"insert touchpoint first": func(a at) model.Edit {
			return &model.InsertTouchpoint{Phase: a.phase(1), Index: 0, Touchpoint: withID(rich, 1<<42)}
		},
		"insert touchpoint last": func(a at) model.Edit {
			return &model.InsertTouchpoint{Phase: a.phase(1), Index: 3, Touchpoint: withID(tp("Tip", 4), 1<<42)}
		},
		"insert touchpoint at the end": func(a at) model.Edit {
			return &model.InsertTouchpoint{Phase: a.phase(1), Index: -1, Touchpoint: withID(tp("Tip", 4), 1<<42)}
		},
		"insert touchpoint into empty phase": func(a at) model.Edit {
			return &model.InsertTouchpoint{Phase: a.phase(2), Index: 0, Touchpoint: withID(tp("Sip", 5, "taste"), 1<<42)}
		},
		"delete touchpoint first":        func(a at) model.Edit { return &model.DeleteTouchpoint{ID: a.tp(1, 0)} },
		"delete touchpoint last":         func(a at) model.Edit { return &model.DeleteTouchpoint{ID: a.tp(1, 2)} },
		"delete only-but-one touchpoint": func(a at) model.Edit { return &model.DeleteTouchpoint{ID: a.tp(0, 1)} },
		"update touchpoint": func(a at) model.Edit {
			return &model.UpdateTouchpoint{ID: a.tp(1, 0), Touchpoint: rich}
		},
		"update touchpoint clearing lists": func(a at) model.Edit {
			return &model.UpdateTouchpoint{ID: a.tp(0, 0), Touchpoint: tp("Bare", 1)}
		},
		"move touchpoint down within phase": func(a at) model.Edit {
			return &model.MoveTouchpoint{ID: a.tp(1, 0), Phase: a.phase(1), Index: 2}
		},
		"move touchpoint up within phase": func(a at) model.Edit {
			return &model.MoveTouchpoint{ID: a.tp(1, 2), Phase: a.phase(1), Index: 0}
		},
		"move touchpoint one down": func(a at) model.Edit {
			return &model.MoveTouchpoint{ID: a.tp(1, 1), Phase: a.phase(1), Index: 2}
		},
		"move touchpoint in place": func(a at) model.Edit {
			return &model.MoveTouchpoint{ID: a.tp(1, 1), Phase: a.phase(1), Index: 1}
		},
		"move touchpoint to next phase": func(a at) model.Edit {
			return &model.MoveTouchpoint{ID: a.tp(0, 1), Phase: a.phase(1), Index: 0}
		},
		"move touchpoint to previous end": func(a at) model.Edit {
			return &model.MoveTouchpoint{ID: a.tp(1, 0), Phase: a.phase(0), Index: 2}
		},
		"move touchpoint past the end": func(a at) model.Edit {
			return &model.MoveTouchpoint{ID: a.tp(1, 0), Phase: a.phase(0), Index: 7}
		},
		"move touchpoint into empty phase": func(a at) model.Edit {
			return &model.MoveTouchpoint{ID: a.tp(1, 2), Phase: a.phase(2), Index: 0}
		},
		"move last touchpoint out of phase": func(a at) model.Edit {
			return &model.MoveTouchpoint{ID: a.tp(0, 0), Phase: a.phase(2), Index: 0}
		},
	}
}

// assertSameIDs fails unless got and want have the same phases and
// touchpoints, by ID, in the same order.
func assertSameIDs(t testing.TB, got, want *model.Map) {
	t.Helper()
	ids := func(m *model.Map) string {
		var b strings.Builder
		for _, p := range m.Phases {
			fmt.Fprintf(&b, "[%d@%d", p.ID, p.Rev)
			for _, tp := range p.Touchpoints {
				fmt.Fprintf(&b, " %d@%d", tp.ID, tp.Rev)
			}
			b.WriteString("]")
		}
		return b.String()
	}
	if g, w := ids(got), ids(want); g != w {
		t.Fatalf("IDs differ:\n got %s\nwant %s", g, w)
	}
}

// TestApplyMatchesModel applies every edit to a map in memory and to the
// store, then its inverse to both: the loaded map must equal the one in
// memory each time, IDs and revisions included, and end where it started.
func TestApplyMatchesModel(t *testing.T) {
	for name, build := range edits() {
		t.Run(name, func(t *testing.T) {
			s := openTemp(t)
			id, err := s.CreateMap(sampleMap())
			if err != nil {
				t.Fatal(err)
			}
			before, _ := s.LoadMap(id)
			mem := before.Clone()
			start := before.Clone()
			e := build(at{mem})
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
				if mem.Rev != got.Rev {
					t.Errorf("map rev %d in memory, %d in the file", mem.Rev, got.Rev)
				}
				assertSameMap(t, got, mem)
				if name != "insert phase without an ID" {
					assertSameIDs(t, got, mem)
				}
				assertDense(t, s, id)
				if !got.UpdatedAt.After(before.UpdatedAt) {
					t.Errorf("UpdatedAt did not move forward (%v -> %v)", before.UpdatedAt, got.UpdatedAt)
				}
				before = got
				mem = got.Clone() // storage numbers an item without an ID
			}
			step(e)
			step(e.Inverse()) // meaningful now that e has been applied
			assertSameMap(t, withoutRevs(mem), withoutRevs(start))
		})
	}
}

func withoutRevs(m *model.Map) *model.Map {
	c := m.Clone()
	c.Rev = 0
	for pi := range c.Phases {
		c.Phases[pi].Rev = 0
		for ti := range c.Phases[pi].Touchpoints {
			c.Phases[pi].Touchpoints[ti].Rev = 0
		}
	}
	return c
}

// TestApplyRandomEdits runs a long random sequence of edits, with undos,
// against the store and the model side by side.
func TestApplyRandomEdits(t *testing.T) {
	s := openTemp(t)
	id, err := s.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	mem, _ := s.LoadMap(id)
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
		assertSameIDs(t, got, mem)
	}
	assertDense(t, s, id)
}

func randomEdit(r *rand.Rand, m *model.Map, step int) model.Edit {
	a := at{m}
	np := len(m.Phases)
	phase := func() int { return r.IntN(np+1) - r.IntN(2) } // sometimes gone
	name := fmt.Sprintf("n%d", step)
	newTP := func() model.Touchpoint {
		t := tp(name, 1+r.IntN(5), name, "x")
		t.ID = model.NewID()
		return t
	}
	switch r.IntN(9) {
	case 0:
		return &model.UpdateMap{Rev: m.Rev - int64(r.IntN(2)), Info: model.MapInfo{Title: name, Goal: name}}
	case 1:
		return &model.InsertPhase{Index: r.IntN(np + 2), Phase: model.Phase{ID: model.NewID(), Name: name, Touchpoints: []model.Touchpoint{newTP()}}}
	case 2:
		if np < 3 {
			return &model.InsertPhase{Index: np, Phase: model.Phase{ID: model.NewID(), Name: name}}
		}
		p := phase()
		return &model.DeletePhase{ID: a.phase(p)}
	case 3:
		p := phase()
		var rev int64
		if p >= 0 && p < np {
			rev = m.Phases[p].Rev - int64(r.IntN(2)) // sometimes stale
		}
		return &model.UpdatePhase{ID: a.phase(p), Rev: rev, Name: name, Description: name}
	case 4:
		return &model.MovePhase{ID: a.phase(phase()), To: phase()}
	case 5, 6:
		return &model.InsertTouchpoint{Phase: a.phase(phase()), Index: r.IntN(5) - 1, Touchpoint: newTP()}
	case 7:
		p, i := phase(), r.IntN(3)
		return &model.UpdateTouchpoint{ID: a.tp(p, i), Rev: a.tpRev(p, i) - int64(r.IntN(2)), Touchpoint: tp(name, 1+r.IntN(5))}
	default:
		p, i := phase(), r.IntN(4)
		if r.IntN(4) == 0 {
			return &model.DeleteTouchpoint{ID: a.tp(p, i), Rev: a.tpRev(p, i)}
		}
		return &model.MoveTouchpoint{ID: a.tp(p, i), Phase: a.phase(phase()), Index: r.IntN(5) - r.IntN(2)}
	}
}

// TestApplyRefusesWithoutWriting checks conflicting and invalid edits: the
// store refuses what the model refuses, with a conflict or the model's
// validation error, and the file is untouched.
func TestApplyRefusesWithoutWriting(t *testing.T) {
	invalidTP := tp("", 3)
	badScore := tp("Bad", 0)
	badMetric := tp("Bad metric", 3)
	badMetric.Metrics = []model.Metric{{Name: "m", Direction: "sideways"}}
	s := openTemp(t)
	id, err := s.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	base, _ := s.LoadMap(id)
	a := at{base}
	const goneID = 987654
	cases := []struct {
		name     string
		edit     model.Edit
		conflict string // the conflict's text, or "" for a validation error
		path     string // the field a validation error names
	}{
		{"update map empty title", &model.UpdateMap{Info: model.MapInfo{Title: " "}}, "", "title"},
		{"update map stale", &model.UpdateMap{Rev: 3, Info: model.MapInfo{Title: "x"}}, `map "Coffee" was changed elsewhere`, ""},
		{"insert invalid phase", &model.InsertPhase{Index: 0, Phase: model.Phase{Name: "x", Touchpoints: []model.Touchpoint{badScore}}}, "", "touchpoints[0].emotion.score"},
		{"insert a phase that is there", &model.InsertPhase{Index: 0, Phase: model.Phase{ID: a.phase(1), Name: "x"}}, `phase "x" (already there) was changed elsewhere`, ""},
		{"insert a phase with a touchpoint that is there", &model.InsertPhase{Index: 0, Phase: model.Phase{ID: 5 << 40, Name: "x", Touchpoints: []model.Touchpoint{{ID: a.tp(0, 0), Name: "y", Kind: model.KindDigital, Emotion: model.Emotion{Score: 2}}}}}, `touchpoint "y" (already there) was changed elsewhere`, ""},
		{"delete phase gone", &model.DeletePhase{ID: goneID}, "phase 987654 is no longer in the map", ""},
		{"delete phase stale", &model.DeletePhase{ID: a.phase(0), Rev: 1}, `phase "Discover" was changed elsewhere`, ""},
		{"update phase gone", &model.UpdatePhase{ID: goneID, Name: "x"}, "phase 987654 is no longer in the map", ""},
		{"update phase stale", &model.UpdatePhase{ID: a.phase(0), Rev: 2, Name: "x"}, `phase "Discover" was changed elsewhere`, ""},
		{"update phase empty name", &model.UpdatePhase{ID: a.phase(0), Name: ""}, "", "name"},
		{"move phase gone", &model.MovePhase{ID: goneID, To: 0}, "phase 987654 is no longer in the map", ""},
		{"insert touchpoint in gone phase", &model.InsertTouchpoint{Phase: goneID, Index: 0, Touchpoint: tp("x", 3)}, "phase 987654 is no longer in the map", ""},
		{"insert touchpoint that is there", &model.InsertTouchpoint{Phase: a.phase(2), Index: 0, Touchpoint: model.Touchpoint{ID: a.tp(1, 1), Name: "x", Kind: model.KindDigital, Emotion: model.Emotion{Score: 3}}}, `touchpoint "x" (already there) was changed elsewhere`, ""},
		{"insert invalid touchpoint", &model.InsertTouchpoint{Phase: a.phase(1), Index: 0, Touchpoint: invalidTP}, "", "name"},
		{"insert touchpoint with bad metric", &model.InsertTouchpoint{Phase: a.phase(1), Index: 0, Touchpoint: badMetric}, "", "metrics[0].direction"},
		{"delete touchpoint gone", &model.DeleteTouchpoint{ID: goneID}, "touchpoint 987654 is no longer in the map", ""},
		{"delete touchpoint stale", &model.DeleteTouchpoint{ID: a.tp(1, 0), Rev: 5}, `touchpoint "Queue" was changed elsewhere`, ""},
		{"update touchpoint gone", &model.UpdateTouchpoint{ID: goneID, Touchpoint: tp("x", 3)}, "touchpoint 987654 is no longer in the map", ""},
		{"update touchpoint stale", &model.UpdateTouchpoint{ID: a.tp(0, 0), Rev: 1, Touchpoint: tp("x", 3)}, `touchpoint "Sign" was changed elsewhere`, ""},
		{"update touchpoint invalid", &model.UpdateTouchpoint{ID: a.tp(0, 0), Touchpoint: badScore}, "", "emotion.score"},
		{"move touchpoint gone", &model.MoveTouchpoint{ID: goneID, Phase: a.phase(1)}, "touchpoint 987654 is no longer in the map", ""},
		{"move touchpoint to gone phase", &model.MoveTouchpoint{ID: a.tp(0, 0), Phase: goneID}, "phase 987654 is no longer in the map", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := c.edit.Apply(base.Clone()); err == nil {
				t.Fatal("the model accepts this edit; the case is wrong")
			}
			before, _ := s.LoadMap(id)
			counts := rowCounts(t, s)
			err := s.Apply(id, c.edit)
			if err == nil {
				t.Fatal("store accepted the edit")
			}
			if c.conflict != "" {
				cf, ok := model.ConflictOf(err)
				if !ok || !errors.Is(err, model.ErrConflict) || cf.Error() != c.conflict {
					t.Errorf("error %v: want the conflict %q", err, c.conflict)
				}
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

// An edit for another map's item is refused as gone: IDs are checked
// against the map the edit is for.
func TestApplyRefusesAnotherMapsItems(t *testing.T) {
	s := openTemp(t)
	one, _ := s.CreateMap(sampleMap())
	two, _ := s.CreateMap(sampleMap())
	other, _ := s.LoadMap(two)
	err := s.Apply(one, &model.DeleteTouchpoint{ID: other.Phases[0].Touchpoints[0].ID})
	if c, ok := model.ConflictOf(err); !ok || !c.Gone {
		t.Fatalf("delete of another map's touchpoint: %v", err)
	}
	if got, _ := s.LoadMap(two); got.TouchpointCount() != other.TouchpointCount() {
		t.Error("the other map lost a touchpoint")
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

func TestUpdatedAtChanges(t *testing.T) {
	s := openTemp(t)
	id, _ := s.CreateMap(sampleMap())
	last, _ := s.LoadMap(id)
	mem := last.Clone()
	a := at{mem}
	pid := model.NewID()
	nt := tp("x", 3)
	nt.ID = model.NewID()
	steps := []model.Edit{
		&model.UpdateMap{Info: model.MapInfo{Title: "T"}},
		&model.InsertPhase{Index: 0, Phase: model.Phase{ID: pid, Name: "x"}},
		&model.UpdatePhase{ID: pid, Name: "y"},
		&model.MovePhase{ID: pid, To: 1},
		&model.DeletePhase{ID: pid, Rev: 1},
		&model.InsertTouchpoint{Phase: a.phase(0), Index: 0, Touchpoint: nt},
		&model.UpdateTouchpoint{ID: nt.ID, Touchpoint: tp("z", 1)},
		&model.MoveTouchpoint{ID: nt.ID, Phase: a.phase(1)},
		&model.DeleteTouchpoint{ID: nt.ID, Rev: 1},
	}
	for _, e := range steps {
		if err := e.Apply(mem); err != nil {
			t.Fatalf("%T in memory: %v", e, err)
		}
		if err := s.Apply(id, e); err != nil {
			t.Fatalf("%T: %v", e, err)
		}
		got, _ := s.LoadMap(id)
		if !got.UpdatedAt.After(last.UpdatedAt) {
			t.Errorf("%T: UpdatedAt %v did not move past %v", e, got.UpdatedAt, last.UpdatedAt)
		}
		if d := time.Since(got.UpdatedAt); d < 0 || d > time.Minute {
			t.Errorf("%T: UpdatedAt %v is not about now", e, got.UpdatedAt)
		}
		last = got
	}
	ms, _ := s.ListMaps()
	if !ms[0].UpdatedAt.Equal(last.UpdatedAt) {
		t.Errorf("ListMaps UpdatedAt %v, LoadMap %v", ms[0].UpdatedAt, last.UpdatedAt)
	}
}

package storage

import (
	"path/filepath"
	"testing"

	"journeymap/model"
)

// TestStaleWindows replays the two-windows cases that once lost work: window
// B builds an edit on what it read, window A reorders the map first, and B's
// edit must land on the item it names, and only on it.
func TestStaleWindows(t *testing.T) {
	tests := []struct {
		name string
		// byA is what the other window does first, on its own fresh view.
		byA func(a at) model.Edit
		// byB is built on B's stale view.
		byB func(b at) model.Edit
		// want applies, to the map A left, what B meant.
		want func(m *model.Map, b at)
	}{
		{
			name: "an editor save after the card moved",
			byA:  func(a at) model.Edit { return &model.MoveTouchpoint{ID: a.tp(1, 0), Phase: a.phase(1), Index: 1} },
			byB: func(b at) model.Edit {
				t := b.m.Phases[1].Touchpoints[0].Clone()
				t.Notes = "B's note"
				return &model.UpdateTouchpoint{ID: t.ID, Rev: t.Rev, Touchpoint: t}
			},
			want: func(m *model.Map, b at) {
				ref, _ := m.Find(b.tp(1, 0))
				m.Phases[ref.Phase].Touchpoints[ref.Index].Notes = "B's note"
				m.Phases[ref.Phase].Touchpoints[ref.Index].Rev++
			},
		},
		{
			name: "a delete after the card moved",
			byA:  func(a at) model.Edit { return &model.MoveTouchpoint{ID: a.tp(1, 1), Phase: a.phase(1), Index: 2} },
			byB:  func(b at) model.Edit { return &model.DeleteTouchpoint{ID: b.tp(1, 1), Rev: b.tpRev(1, 1)} },
			want: func(m *model.Map, b at) {
				ref, _ := m.Find(b.tp(1, 1))
				p := &m.Phases[ref.Phase]
				p.Touchpoints = append(p.Touchpoints[:ref.Index:ref.Index], p.Touchpoints[ref.Index+1:]...)
			},
		},
		{
			name: "a move after the card moved",
			byA:  func(a at) model.Edit { return &model.MoveTouchpoint{ID: a.tp(0, 0), Phase: a.phase(0), Index: 1} },
			byB:  func(b at) model.Edit { return &model.MoveTouchpoint{ID: b.tp(0, 0), Phase: b.phase(2), Index: 0} },
			want: func(m *model.Map, b at) {
				ref, _ := m.Find(b.tp(0, 0))
				moved := m.Phases[ref.Phase].Touchpoints[ref.Index]
				p := &m.Phases[ref.Phase]
				p.Touchpoints = append(p.Touchpoints[:ref.Index:ref.Index], p.Touchpoints[ref.Index+1:]...)
				pi, _ := m.PhaseIndex(b.phase(2))
				m.Phases[pi].Touchpoints = append([]model.Touchpoint{moved}, m.Phases[pi].Touchpoints...)
			},
		},
		{
			name: "quick capture after the phases moved",
			byA:  func(a at) model.Edit { return &model.MovePhase{ID: a.phase(1), To: 2} },
			byB: func(b at) model.Edit {
				t := model.NewTouchpoint("Captured by B")
				t.ID = 77 << 40
				return &model.InsertTouchpoint{Phase: b.phase(1), Index: -1, Touchpoint: t}
			},
			want: func(m *model.Map, b at) {
				pi, _ := m.PhaseIndex(b.phase(1))
				t := model.NewTouchpoint("Captured by B")
				t.ID = 77 << 40
				m.Phases[pi].Touchpoints = append(m.Phases[pi].Touchpoints, t)
			},
		},
		{
			name: "a phase move after the phases moved",
			byA:  func(a at) model.Edit { return &model.MovePhase{ID: a.phase(0), To: 2} },
			byB:  func(b at) model.Edit { return &model.MovePhase{ID: b.phase(2), To: 0} },
			want: func(m *model.Map, b at) {
				pi, _ := m.PhaseIndex(b.phase(2))
				m.Phases = model.Move(m.Phases, pi, 0)
			},
		},
		{
			name: "a phase rename after the phases moved",
			byA:  func(a at) model.Edit { return &model.MovePhase{ID: a.phase(0), To: 1} },
			byB: func(b at) model.Edit {
				return &model.UpdatePhase{ID: b.phase(0), Rev: b.m.Phases[0].Rev, Name: "Renamed by B", Description: b.m.Phases[0].Description}
			},
			want: func(m *model.Map, b at) {
				pi, _ := m.PhaseIndex(b.phase(0))
				m.Phases[pi].Name = "Renamed by B"
				m.Phases[pi].Rev++
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "shared.db")
			a, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer a.Close()
			b, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			id, err := a.CreateMap(sampleMap())
			if err != nil {
				t.Fatal(err)
			}
			bView, _ := b.LoadMap(id)
			aView, _ := a.LoadMap(id)
			if err := a.Apply(id, tt.byA(at{aView})); err != nil {
				t.Fatalf("A: %v", err)
			}
			afterA, _ := a.LoadMap(id)
			if err := b.Apply(id, tt.byB(at{bView})); err != nil {
				t.Fatalf("B: %v", err)
			}
			got, _ := a.LoadMap(id)
			want := afterA.Clone()
			tt.want(want, at{bView})
			assertSameMap(t, got, want)
			assertSameIDs(t, got, want)
			assertDense(t, a, id)
		})
	}
}

// TestStaleWindowConflicts covers the edits that must be refused once
// another window changed or removed their item: nothing is written and the
// error says which it was.
func TestStaleWindowConflicts(t *testing.T) {
	tests := []struct {
		name string
		byA  func(a at) model.Edit
		byB  func(b at) model.Edit
		gone bool
	}{
		{"two editors on one card",
			func(a at) model.Edit {
				t := a.m.Phases[1].Touchpoints[0].Clone()
				t.Name = "A's name"
				return &model.UpdateTouchpoint{ID: t.ID, Rev: t.Rev, Touchpoint: t}
			},
			func(b at) model.Edit {
				t := b.m.Phases[1].Touchpoints[0].Clone()
				t.Name = "B's name"
				return &model.UpdateTouchpoint{ID: t.ID, Rev: t.Rev, Touchpoint: t}
			}, false},
		{"an edit of a deleted card",
			func(a at) model.Edit { return &model.DeleteTouchpoint{ID: a.tp(1, 0), Rev: a.tpRev(1, 0)} },
			func(b at) model.Edit {
				t := b.m.Phases[1].Touchpoints[0].Clone()
				return &model.UpdateTouchpoint{ID: t.ID, Rev: t.Rev, Touchpoint: t}
			}, true},
		{"a delete of an edited card",
			func(a at) model.Edit {
				t := a.m.Phases[0].Touchpoints[0].Clone()
				t.Emotion.Score = 1
				return &model.UpdateTouchpoint{ID: t.ID, Rev: t.Rev, Touchpoint: t}
			},
			func(b at) model.Edit { return &model.DeleteTouchpoint{ID: b.tp(0, 0), Rev: b.tpRev(0, 0)} }, false},
		{"a delete of a deleted card",
			func(a at) model.Edit { return &model.DeleteTouchpoint{ID: a.tp(0, 1), Rev: a.tpRev(0, 1)} },
			func(b at) model.Edit { return &model.DeleteTouchpoint{ID: b.tp(0, 1), Rev: b.tpRev(0, 1)} }, true},
		{"quick capture into a deleted phase",
			func(a at) model.Edit { return &model.DeletePhase{ID: a.phase(2), Rev: a.m.Phases[2].Rev} },
			func(b at) model.Edit {
				return &model.InsertTouchpoint{Phase: b.phase(2), Index: -1, Touchpoint: model.NewTouchpoint("x")}
			}, true},
		{"a phase delete after a card was added to it",
			func(a at) model.Edit {
				return &model.InsertTouchpoint{Phase: a.phase(2), Index: -1, Touchpoint: model.Touchpoint{ID: 1 << 45, Name: "new", Kind: model.KindDigital, Emotion: model.Emotion{Score: 3}}}
			},
			func(b at) model.Edit {
				e := &model.DeletePhase{ID: b.phase(2), Rev: b.m.Phases[2].Rev}
				if err := e.Apply(b.m.Clone()); err != nil { // as the window does first
					panic(err)
				}
				return e
			}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "shared.db")
			a, _ := Open(path)
			defer a.Close()
			b, _ := Open(path)
			defer b.Close()
			id, _ := a.CreateMap(sampleMap())
			bView, _ := b.LoadMap(id)
			aView, _ := a.LoadMap(id)
			if err := a.Apply(id, tt.byA(at{aView})); err != nil {
				t.Fatalf("A: %v", err)
			}
			afterA, _ := a.LoadMap(id)
			err := b.Apply(id, tt.byB(at{bView}))
			c, ok := model.ConflictOf(err)
			if !ok || c.Gone != tt.gone {
				t.Fatalf("B: %v, want a conflict (gone %v)", err, tt.gone)
			}
			got, _ := a.LoadMap(id)
			assertSameMap(t, got, afterA)
			if !got.UpdatedAt.Equal(afterA.UpdatedAt) {
				t.Error("a refused edit touched the map")
			}
		})
	}
}

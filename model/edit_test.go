package model

import (
	"errors"
	"reflect"
	"testing"
)

func TestMove(t *testing.T) {
	tests := []struct {
		from, to int
		want     []int
	}{
		{1, 3, []int{0, 2, 3, 1, 4}},
		{3, 1, []int{0, 3, 1, 2, 4}},
		{0, 4, []int{1, 2, 3, 4, 0}},
		{4, 0, []int{4, 0, 1, 2, 3}},
		{2, 2, []int{0, 1, 2, 3, 4}},
		{3, 4, []int{0, 1, 2, 4, 3}},
	}
	for _, tt := range tests {
		got := Move([]int{0, 1, 2, 3, 4}, tt.from, tt.to)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Move(%d, %d) = %v, want %v", tt.from, tt.to, got, tt.want)
		}
	}
}

func names(m *Map) [][]string {
	var out [][]string
	for _, p := range m.Phases {
		row := []string{p.Name}
		for _, tp := range p.Touchpoints {
			row = append(row, tp.Name)
		}
		out = append(out, row)
	}
	return out
}

// TestEditsAndInverses applies each edit, checks the result, applies its
// inverse and checks the map is exactly as before, then redoes it.
func TestEditsAndInverses(t *testing.T) {
	newTP := Touchpoint{Name: "Email", Kind: KindDigital, Emotion: Emotion{Score: 3}, Motivations: []string{"know"}}
	tests := []struct {
		name     string
		edit     Edit
		want     [][]string // phase and touchpoint names after Apply
		describe string
		check    func(t *testing.T, m *Map)
	}{
		{"update map", &UpdateMap{Info: MapInfo{Title: "Cars", Goal: "drive"}},
			[][]string{{"Discover", "Ad", "Search"}, {"Buy", "Counter"}, {"Use"}}, "edit map Cars",
			func(t *testing.T, m *Map) {
				if m.Title != "Cars" || m.Goal != "drive" || m.Persona.Name != "" || m.ID != 1 {
					t.Errorf("map info = %+v id %d", m.MapInfo, m.ID)
				}
			}},
		{"insert phase first", &InsertPhase{Index: 0, Phase: Phase{Name: "Plan", Touchpoints: []Touchpoint{newTP}}},
			[][]string{{"Plan", "Email"}, {"Discover", "Ad", "Search"}, {"Buy", "Counter"}, {"Use"}}, "add phase Plan", nil},
		{"insert phase last", &InsertPhase{Index: 3, Phase: Phase{Name: "Leave"}},
			[][]string{{"Discover", "Ad", "Search"}, {"Buy", "Counter"}, {"Use"}, {"Leave"}}, "add phase Leave", nil},
		{"delete phase with touchpoints", &DeletePhase{Index: 0},
			[][]string{{"Buy", "Counter"}, {"Use"}}, "delete phase Discover", nil},
		{"delete middle phase", &DeletePhase{Index: 1},
			[][]string{{"Discover", "Ad", "Search"}, {"Use"}}, "delete phase Buy", nil},
		{"update phase", &UpdatePhase{Index: 1, Name: "Purchase", Description: "pay"},
			[][]string{{"Discover", "Ad", "Search"}, {"Purchase", "Counter"}, {"Use"}}, "edit phase Purchase",
			func(t *testing.T, m *Map) {
				if m.Phases[1].Description != "pay" || m.Phases[1].ID != 11 {
					t.Errorf("phase = %+v", m.Phases[1])
				}
			}},
		{"move phase right", &MovePhase{From: 0, To: 2},
			[][]string{{"Buy", "Counter"}, {"Use"}, {"Discover", "Ad", "Search"}}, "move phase Discover", nil},
		{"move phase left", &MovePhase{From: 2, To: 0},
			[][]string{{"Use"}, {"Discover", "Ad", "Search"}, {"Buy", "Counter"}}, "move phase Use", nil},
		{"insert touchpoint middle", &InsertTouchpoint{Phase: 0, Index: 1, Touchpoint: newTP},
			[][]string{{"Discover", "Ad", "Email", "Search"}, {"Buy", "Counter"}, {"Use"}}, "add touchpoint Email", nil},
		{"insert touchpoint into empty phase", &InsertTouchpoint{Phase: 2, Index: 0, Touchpoint: newTP},
			[][]string{{"Discover", "Ad", "Search"}, {"Buy", "Counter"}, {"Use", "Email"}}, "add touchpoint Email", nil},
		{"delete touchpoint", &DeleteTouchpoint{Phase: 0, Index: 0},
			[][]string{{"Discover", "Search"}, {"Buy", "Counter"}, {"Use"}}, "delete touchpoint Ad", nil},
		{"update touchpoint keeps id", &UpdateTouchpoint{Phase: 1, Index: 0, Touchpoint: Touchpoint{ID: 999, Name: "Till", Kind: KindHybrid, Emotion: Emotion{Score: 1}}},
			[][]string{{"Discover", "Ad", "Search"}, {"Buy", "Till"}, {"Use"}}, "edit touchpoint Till",
			func(t *testing.T, m *Map) {
				tp := m.Phases[1].Touchpoints[0]
				if tp.ID != 102 || tp.Kind != KindHybrid || tp.Metrics != nil {
					t.Errorf("touchpoint = %+v", tp)
				}
			}},
		{"move touchpoint within phase down", &MoveTouchpoint{From: Ref{0, 0}, To: Ref{0, 1}},
			[][]string{{"Discover", "Search", "Ad"}, {"Buy", "Counter"}, {"Use"}}, "move touchpoint Ad", nil},
		{"move touchpoint within phase up", &MoveTouchpoint{From: Ref{0, 1}, To: Ref{0, 0}},
			[][]string{{"Discover", "Search", "Ad"}, {"Buy", "Counter"}, {"Use"}}, "move touchpoint Search", nil},
		{"move touchpoint to another phase's end", &MoveTouchpoint{From: Ref{0, 0}, To: Ref{1, 1}},
			[][]string{{"Discover", "Search"}, {"Buy", "Counter", "Ad"}, {"Use"}}, "move touchpoint Ad", nil},
		{"move touchpoint to an empty phase", &MoveTouchpoint{From: Ref{1, 0}, To: Ref{2, 0}},
			[][]string{{"Discover", "Ad", "Search"}, {"Buy"}, {"Use", "Counter"}}, "move touchpoint Counter", nil},
		{"move touchpoint back a phase", &MoveTouchpoint{From: Ref{1, 0}, To: Ref{0, 0}},
			[][]string{{"Discover", "Counter", "Ad", "Search"}, {"Buy"}, {"Use"}}, "move touchpoint Counter", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := sampleMap()
			before := m.Clone()
			if err := tt.edit.Apply(m); err != nil {
				t.Fatalf("Apply: %v", err)
			}
			if got := names(m); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("after Apply: %v, want %v", got, tt.want)
			}
			if got := tt.edit.Describe(); got != tt.describe {
				t.Errorf("Describe = %q, want %q", got, tt.describe)
			}
			if tt.check != nil {
				tt.check(t, m)
			}
			after := m.Clone()
			inv := tt.edit.Inverse()
			if err := inv.Apply(m); err != nil {
				t.Fatalf("Inverse Apply: %v", err)
			}
			if !reflect.DeepEqual(m, before) {
				t.Errorf("undo did not restore the map:\n got %+v\nwant %+v", m, before)
			}
			if err := inv.Inverse().Apply(m); err != nil {
				t.Fatalf("redo: %v", err)
			}
			if !reflect.DeepEqual(m, after) {
				t.Errorf("redo did not give the edited map:\n got %+v\nwant %+v", m, after)
			}
		})
	}
}

// Edits copy what they insert, so later changes to the edit's values (or to
// the map) cannot leak into each other.
func TestEditsDoNotAlias(t *testing.T) {
	m := sampleMap()
	tp := Touchpoint{Name: "x", Kind: KindDigital, Emotion: Emotion{Score: 3}, Motivations: []string{"a"}}
	e := &InsertTouchpoint{Phase: 2, Index: 0, Touchpoint: tp}
	if err := e.Apply(m); err != nil {
		t.Fatal(err)
	}
	e.Touchpoint.Motivations[0] = "changed"
	if m.Phases[2].Touchpoints[0].Motivations[0] != "a" {
		t.Error("the map shares a list with the edit")
	}
	d := &DeletePhase{Index: 0}
	if err := d.Apply(m); err != nil {
		t.Fatal(err)
	}
	inv := d.Inverse()
	if err := inv.Apply(m); err != nil {
		t.Fatal(err)
	}
	m.Phases[0].Touchpoints[0].Motivations[0] = "changed"
	if err := inv.Inverse().Apply(m); err != nil { // delete again
		t.Fatal(err)
	}
	if err := inv.Apply(m); err != nil { // and restore from the edit's own copy
		t.Fatal(err)
	}
	if m.Phases[0].Touchpoints[0].Motivations[0] != "find" {
		t.Error("the undo record shares a list with the map")
	}
}

func TestEditErrors(t *testing.T) {
	bad := Touchpoint{Name: "x", Kind: KindDigital, Emotion: Emotion{Score: 7}}
	tests := []struct {
		name string
		edit Edit
		want string // "" = a validation error
	}{
		{"insert phase past end", &InsertPhase{Index: 4, Phase: Phase{Name: "p"}}, "phase 4 is out of range"},
		{"insert phase negative", &InsertPhase{Index: -1, Phase: Phase{Name: "p"}}, "phase -1 is out of range"},
		{"delete phase", &DeletePhase{Index: 3}, "phase 3 is out of range"},
		{"update phase", &UpdatePhase{Index: -1, Name: "x"}, "phase -1 is out of range"},
		{"move phase from", &MovePhase{From: 5, To: 0}, "phase 5 is out of range"},
		{"move phase to", &MovePhase{From: 0, To: 3}, "phase 3 is out of range"},
		{"insert touchpoint phase", &InsertTouchpoint{Phase: 3, Index: 0, Touchpoint: NewTouchpoint("x")}, "phase 3 is out of range"},
		{"insert touchpoint index", &InsertTouchpoint{Phase: 0, Index: 3, Touchpoint: NewTouchpoint("x")}, "touchpoint 3 of phase 0 is out of range"},
		{"delete touchpoint", &DeleteTouchpoint{Phase: 2, Index: 0}, "touchpoint 0 of phase 2 is out of range"},
		{"update touchpoint", &UpdateTouchpoint{Phase: 0, Index: 2, Touchpoint: NewTouchpoint("x")}, "touchpoint 2 of phase 0 is out of range"},
		{"move touchpoint from", &MoveTouchpoint{From: Ref{1, 1}, To: Ref{0, 0}}, "touchpoint 1 of phase 1 is out of range"},
		{"move touchpoint to phase", &MoveTouchpoint{From: Ref{0, 0}, To: Ref{3, 0}}, "phase 3 is out of range"},
		{"move touchpoint past end in same phase", &MoveTouchpoint{From: Ref{0, 0}, To: Ref{0, 2}}, "touchpoint 2 of phase 0 is out of range"},
		{"move touchpoint past end of other phase", &MoveTouchpoint{From: Ref{0, 0}, To: Ref{1, 2}}, "touchpoint 2 of phase 1 is out of range"},
		{"update map invalid", &UpdateMap{Info: MapInfo{}}, ""},
		{"insert phase invalid", &InsertPhase{Index: 0, Phase: Phase{Name: ""}}, ""},
		{"update phase invalid", &UpdatePhase{Index: 0, Name: " "}, ""},
		{"insert touchpoint invalid", &InsertTouchpoint{Phase: 0, Index: 0, Touchpoint: bad}, ""},
		{"update touchpoint invalid", &UpdateTouchpoint{Phase: 0, Index: 0, Touchpoint: bad}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := sampleMap()
			err := tt.edit.Apply(m)
			if err == nil {
				t.Fatal("want an error")
			}
			if tt.want == "" {
				var ve ValidationErrors
				if !errors.As(err, &ve) {
					t.Errorf("want a validation error, got %T %v", err, err)
				}
			} else {
				var oor ErrOutOfRange
				if !errors.As(err, &oor) || err.Error() != tt.want {
					t.Errorf("err = %v (%T), want ErrOutOfRange %q", err, err, tt.want)
				}
			}
			if !reflect.DeepEqual(m, sampleMap()) {
				t.Error("a failed edit changed the map")
			}
		})
	}
}

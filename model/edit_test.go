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

// withoutRevs returns a copy of m with every revision zeroed: an undo gives
// back the same content at a newer revision.
func withoutRevs(m *Map) *Map {
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

// TestEditsAndInverses applies each edit, checks the result, applies its
// inverse and checks the map is exactly as before, then redoes it.
func TestEditsAndInverses(t *testing.T) {
	newTP := Touchpoint{ID: 500, Name: "Email", Kind: KindDigital, Emotion: Emotion{Score: 3}, Motivations: ListOf("know")}
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
				if m.Title != "Cars" || m.Goal != "drive" || m.Persona.Name != "" || m.ID != 1 || m.Rev != 1 {
					t.Errorf("map info = %+v id %d rev %d", m.MapInfo, m.ID, m.Rev)
				}
			}},
		{"insert phase first", &InsertPhase{Index: 0, Phase: Phase{ID: 50, Name: "Plan", Touchpoints: []Touchpoint{newTP}}},
			[][]string{{"Plan", "Email"}, {"Discover", "Ad", "Search"}, {"Buy", "Counter"}, {"Use"}}, "add phase Plan", nil},
		{"insert phase last", &InsertPhase{Index: 3, Phase: Phase{ID: 50, Name: "Leave"}},
			[][]string{{"Discover", "Ad", "Search"}, {"Buy", "Counter"}, {"Use"}, {"Leave"}}, "add phase Leave", nil},
		{"insert phase past the end appends", &InsertPhase{Index: 9, Phase: Phase{ID: 50, Name: "Leave"}},
			[][]string{{"Discover", "Ad", "Search"}, {"Buy", "Counter"}, {"Use"}, {"Leave"}}, "add phase Leave", nil},
		{"delete phase with touchpoints", &DeletePhase{ID: 10},
			[][]string{{"Buy", "Counter"}, {"Use"}}, "delete phase Discover", nil},
		{"delete middle phase", &DeletePhase{ID: 11},
			[][]string{{"Discover", "Ad", "Search"}, {"Use"}}, "delete phase Buy", nil},
		{"update phase", &UpdatePhase{ID: 11, Name: "Purchase", Description: "pay"},
			[][]string{{"Discover", "Ad", "Search"}, {"Purchase", "Counter"}, {"Use"}}, "edit phase Purchase",
			func(t *testing.T, m *Map) {
				if m.Phases[1].Description != "pay" || m.Phases[1].ID != 11 || m.Phases[1].Rev != 1 {
					t.Errorf("phase = %+v", m.Phases[1])
				}
			}},
		{"move phase right", &MovePhase{ID: 10, To: 2},
			[][]string{{"Buy", "Counter"}, {"Use"}, {"Discover", "Ad", "Search"}}, "move phase Discover", nil},
		{"move phase left", &MovePhase{ID: 12, To: 0},
			[][]string{{"Use"}, {"Discover", "Ad", "Search"}, {"Buy", "Counter"}}, "move phase Use", nil},
		{"move phase past the end clamps", &MovePhase{ID: 10, To: 7},
			[][]string{{"Buy", "Counter"}, {"Use"}, {"Discover", "Ad", "Search"}}, "move phase Discover", nil},
		{"insert touchpoint middle", &InsertTouchpoint{Phase: 10, Index: 1, Touchpoint: newTP},
			[][]string{{"Discover", "Ad", "Email", "Search"}, {"Buy", "Counter"}, {"Use"}}, "add touchpoint Email", nil},
		{"insert touchpoint at the end", &InsertTouchpoint{Phase: 10, Index: -1, Touchpoint: newTP},
			[][]string{{"Discover", "Ad", "Search", "Email"}, {"Buy", "Counter"}, {"Use"}}, "add touchpoint Email", nil},
		{"insert touchpoint into empty phase", &InsertTouchpoint{Phase: 12, Index: 0, Touchpoint: newTP},
			[][]string{{"Discover", "Ad", "Search"}, {"Buy", "Counter"}, {"Use", "Email"}}, "add touchpoint Email", nil},
		{"delete touchpoint", &DeleteTouchpoint{ID: 100},
			[][]string{{"Discover", "Search"}, {"Buy", "Counter"}, {"Use"}}, "delete touchpoint Ad", nil},
		{"update touchpoint keeps id", &UpdateTouchpoint{ID: 102, Touchpoint: Touchpoint{ID: 999, Name: "Till", Kind: KindHybrid, Emotion: Emotion{Score: 1}}},
			[][]string{{"Discover", "Ad", "Search"}, {"Buy", "Till"}, {"Use"}}, "edit touchpoint Till",
			func(t *testing.T, m *Map) {
				tp := m.Phases[1].Touchpoints[0]
				if tp.ID != 102 || tp.Rev != 1 || tp.Kind != KindHybrid || tp.Metrics != nil {
					t.Errorf("touchpoint = %+v", tp)
				}
			}},
		{"move touchpoint within phase down", &MoveTouchpoint{ID: 100, Phase: 10, Index: 1},
			[][]string{{"Discover", "Search", "Ad"}, {"Buy", "Counter"}, {"Use"}}, "move touchpoint Ad", nil},
		{"move touchpoint within phase up", &MoveTouchpoint{ID: 101, Phase: 10, Index: 0},
			[][]string{{"Discover", "Search", "Ad"}, {"Buy", "Counter"}, {"Use"}}, "move touchpoint Search", nil},
		{"move touchpoint to another phase's end", &MoveTouchpoint{ID: 100, Phase: 11, Index: 1},
			[][]string{{"Discover", "Search"}, {"Buy", "Counter", "Ad"}, {"Use"}}, "move touchpoint Ad", nil},
		{"move touchpoint past the end clamps", &MoveTouchpoint{ID: 100, Phase: 11, Index: 9},
			[][]string{{"Discover", "Search"}, {"Buy", "Counter", "Ad"}, {"Use"}}, "move touchpoint Ad", nil},
		{"move touchpoint to an empty phase", &MoveTouchpoint{ID: 102, Phase: 12, Index: 0},
			[][]string{{"Discover", "Ad", "Search"}, {"Buy"}, {"Use", "Counter"}}, "move touchpoint Counter", nil},
		{"move touchpoint back a phase", &MoveTouchpoint{ID: 102, Phase: 10, Index: 0},
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
			if !reflect.DeepEqual(withoutRevs(m), withoutRevs(before)) {
				t.Errorf("undo did not restore the map:\n got %+v\nwant %+v", m, before)
			}
			if err := inv.Inverse().Apply(m); err != nil {
				t.Fatalf("redo: %v", err)
			}
			if !reflect.DeepEqual(withoutRevs(m), withoutRevs(after)) {
				t.Errorf("redo did not give the edited map:\n got %+v\nwant %+v", m, after)
			}
		})
	}
}

// Edits copy what they insert, so later changes to the edit's values (or to
// the map) cannot leak into each other.
func TestEditsDoNotAlias(t *testing.T) {
	m := sampleMap()
	tp := Touchpoint{ID: 500, Name: "x", Kind: KindDigital, Emotion: Emotion{Score: 3}, Motivations: ListOf("a")}
	e := &InsertTouchpoint{Phase: 12, Index: 0, Touchpoint: tp}
	if err := e.Apply(m); err != nil {
		t.Fatal(err)
	}
	e.Touchpoint.Motivations = ListOf("changed")
	if m.Phases[2].Touchpoints[0].Motivations.At(0) != "a" {
		t.Error("the map shares a list with the edit")
	}
	d := &DeletePhase{ID: 10}
	if err := d.Apply(m); err != nil {
		t.Fatal(err)
	}
	inv := d.Inverse()
	if err := inv.Apply(m); err != nil {
		t.Fatal(err)
	}
	m.Phases[0].Touchpoints[0].Motivations = ListOf("changed")
	if err := inv.Inverse().Apply(m); err != nil { // delete again
		t.Fatal(err)
	}
	if err := inv.Apply(m); err != nil { // and restore from the edit's own copy
		t.Fatal(err)
	}
	if m.Phases[0].Touchpoints[0].Motivations.At(0) != "find" {
		t.Error("the undo record shares a list with the map")
	}
}

// TestEditsFollowIDs is the two-windows case in memory: a window builds an
// edit on its view, another window reorders the map first, and the edit
// still lands on the item it names.
func TestEditsFollowIDs(t *testing.T) {
	reorder := func(m *Map) {
		m.Phases = Move(m.Phases, 0, 2)                               // Buy, Use, Discover
		m.Phases[2].Touchpoints = Move(m.Phases[2].Touchpoints, 0, 1) // Search, Ad
	}
	tests := []struct {
		name string
		edit Edit
		want [][]string
	}{
		{"update", &UpdateTouchpoint{ID: 100, Touchpoint: Touchpoint{Name: "Banner", Kind: KindDigital, Emotion: Emotion{Score: 3}}},
			[][]string{{"Buy", "Counter"}, {"Use"}, {"Discover", "Search", "Banner"}}},
		{"delete", &DeleteTouchpoint{ID: 100},
			[][]string{{"Buy", "Counter"}, {"Use"}, {"Discover", "Search"}}},
		{"move", &MoveTouchpoint{ID: 100, Phase: 12, Index: 0},
			[][]string{{"Buy", "Counter"}, {"Use", "Ad"}, {"Discover", "Search"}}},
		{"add to a moved phase", &InsertTouchpoint{Phase: 10, Index: -1, Touchpoint: Touchpoint{ID: 7, Name: "New", Kind: KindDigital, Emotion: Emotion{Score: 3}}},
			[][]string{{"Buy", "Counter"}, {"Use"}, {"Discover", "Search", "Ad", "New"}}},
		{"move phase", &MovePhase{ID: 12, To: 0},
			[][]string{{"Use"}, {"Buy", "Counter"}, {"Discover", "Search", "Ad"}}},
		{"rename phase", &UpdatePhase{ID: 10, Name: "Find"},
			[][]string{{"Buy", "Counter"}, {"Use"}, {"Find", "Search", "Ad"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := sampleMap()
			reorder(m)
			if err := tt.edit.Apply(m); err != nil {
				t.Fatal(err)
			}
			if got := names(m); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestEditErrors(t *testing.T) {
	bad := Touchpoint{Name: "x", Kind: KindDigital, Emotion: Emotion{Score: 7}}
	tests := []struct {
		name string
		edit Edit
		want string // "" = a validation error
	}{
		{"insert phase twice", &InsertPhase{Index: 0, Phase: Phase{ID: 10, Name: "p"}}, `phase "p" (already there) was changed elsewhere`},
		{"delete phase gone", &DeletePhase{ID: 3}, "phase 3 is no longer in the map"},
		{"delete phase changed", &DeletePhase{ID: 10, Rev: 4}, `phase "Discover" was changed elsewhere`},
		{"update phase gone", &UpdatePhase{ID: 99, Name: "x"}, `phase "x" is no longer in the map`},
		{"update phase changed", &UpdatePhase{ID: 10, Rev: 2, Name: "x"}, `phase "Discover" was changed elsewhere`},
		{"move phase gone", &MovePhase{ID: 5, To: 0}, "phase 5 is no longer in the map"},
		{"insert touchpoint phase gone", &InsertTouchpoint{Phase: 3, Index: 0, Touchpoint: NewTouchpoint("x")}, "phase 3 is no longer in the map"},
		{"insert touchpoint twice", &InsertTouchpoint{Phase: 10, Index: 0, Touchpoint: Touchpoint{ID: 101, Name: "x", Kind: KindDigital, Emotion: Emotion{Score: 3}}}, `touchpoint "x" (already there) was changed elsewhere`},
		{"delete touchpoint gone", &DeleteTouchpoint{ID: 7}, "touchpoint 7 is no longer in the map"},
		{"delete touchpoint changed", &DeleteTouchpoint{ID: 100, Rev: 3}, `touchpoint "Ad" was changed elsewhere`},
		{"update touchpoint gone", &UpdateTouchpoint{ID: 7, Touchpoint: NewTouchpoint("x")}, `touchpoint "x" is no longer in the map`},
		{"update touchpoint changed", &UpdateTouchpoint{ID: 100, Rev: 1, Touchpoint: NewTouchpoint("x")}, `touchpoint "Ad" was changed elsewhere`},
		{"update map changed", &UpdateMap{Rev: 1, Info: MapInfo{Title: "x"}}, `map "Bikes" was changed elsewhere`},
		{"move touchpoint gone", &MoveTouchpoint{ID: 9, Phase: 10}, "touchpoint 9 is no longer in the map"},
		{"move touchpoint to a gone phase", &MoveTouchpoint{ID: 100, Phase: 3}, "phase 3 is no longer in the map"},
		{"update map invalid", &UpdateMap{Info: MapInfo{}}, ""},
		{"insert phase invalid", &InsertPhase{Index: 0, Phase: Phase{Name: ""}}, ""},
		{"update phase invalid", &UpdatePhase{ID: 10, Name: " "}, ""},
		{"insert touchpoint invalid", &InsertTouchpoint{Phase: 10, Index: 0, Touchpoint: bad}, ""},
		{"update touchpoint invalid", &UpdateTouchpoint{ID: 100, Touchpoint: bad}, ""},
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
			} else if !errors.Is(err, ErrConflict) || err.Error() != tt.want {
				t.Errorf("err = %v (%T), want a conflict %q", err, err, tt.want)
			}
			if !reflect.DeepEqual(m, sampleMap()) {
				t.Error("a failed edit changed the map")
			}
		})
	}
}

func TestNewIDRange(t *testing.T) {
	seen := map[int64]bool{}
	for range 1000 {
		id := NewID()
		if id < 1<<40 || id >= 1<<52 || seen[id] {
			t.Fatalf("NewID() = %d", id)
		}
		seen[id] = true
	}
}

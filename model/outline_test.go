package model

import (
	"reflect"
	"testing"
)

func outlineMap() *Map {
	m := &Map{Phases: []Phase{
		{Name: "Before", Touchpoints: []Touchpoint{{ID: 11, Name: "Ad", Emotion: Emotion{Score: 4}}, {ID: 12, Name: "Site", Emotion: Emotion{Score: 2}}}},
		{Name: "Empty"},
		{Name: "After", Touchpoints: []Touchpoint{{ID: 31, Name: "Mail", Emotion: Emotion{Score: 5}}}},
	}}
	return m
}

func TestOutlineOf(t *testing.T) {
	m := outlineMap()
	o := OutlineOf(m)
	if o.TouchpointCount() != m.TouchpointCount() || len(o.Phases) != len(m.Phases) {
		t.Fatalf("outline holds %d touchpoints in %d phases", o.TouchpointCount(), len(o.Phases))
	}
	for pi, p := range m.Phases {
		if o.Phases[pi].Name != p.Name || len(o.Phases[pi].Touchpoints) != len(p.Touchpoints) {
			t.Fatalf("phase %d: %+v", pi, o.Phases[pi])
		}
		for ti, tp := range p.Touchpoints {
			if got := o.Phases[pi].Touchpoints[ti]; got != (OutlineTouchpoint{ID: tp.ID, Name: tp.Name, Score: tp.Emotion.Score}) {
				t.Errorf("%d.%d: %+v", pi, ti, got)
			}
		}
	}
	// Appending to one phase's run never runs into the next phase's.
	o.Phases[0].Touchpoints = append(o.Phases[0].Touchpoints, OutlineTouchpoint{Name: "x"})
	if o.Phases[2].Touchpoints[0].Name != "Mail" {
		t.Error("phases share their touchpoints' backing array")
	}
}

// TestOutlinePlacesAgreeWithMap: Find and Named answer as the map does,
// so Rank ranks the same against either.
func TestOutlinePlacesAgreeWithMap(t *testing.T) {
	m := outlineMap()
	o := OutlineOf(m)
	for _, id := range []int64{11, 12, 31, 99} {
		r1, ok1 := m.Find(id)
		r2, ok2 := o.Find(id)
		if r1 != r2 || ok1 != ok2 {
			t.Errorf("Find(%d): map %v %v, outline %v %v", id, r1, ok1, r2, ok2)
		}
	}
	for _, r := range []Ref{{0, 0}, {0, 1}, {1, 0}, {2, 0}, {2, 1}, {-1, 0}, {3, 0}} {
		a1, b1, c1, d1 := m.Named(r)
		a2, b2, c2, d2 := o.Named(r)
		if a1 != a2 || b1 != b2 || c1 != c2 || d1 != d2 {
			t.Errorf("Named(%v): map %v %q %q %v, outline %v %q %q %v", r, a1, b1, c1, d1, a2, b2, c2, d2)
		}
	}
	res := []VoteResult{{Touchpoint: 12, Dots: 2}, {At: Ref{2, 0}, Dots: 2}, {Touchpoint: 11, Dots: 5}, {Touchpoint: 99, Dots: 9}, {At: Ref{1, 0}, Dots: 1}}
	if a, b := Rank(m, res), Rank(o, res); !reflect.DeepEqual(a, b) {
		t.Errorf("Rank against the map %+v, against the outline %+v", a, b)
	}
}

package model

import (
	"math"
	"reflect"
	"testing"
)

func TestMetricStatus(t *testing.T) {
	tests := []struct {
		name            string
		target, current *float64
		dir             Direction
		want            MetricStatus
	}{
		{"no values", nil, nil, Up, NoData},
		{"no target", nil, Float(3), Up, NoData},
		{"no current", Float(3), nil, Down, NoData},
		{"up above", Float(10), Float(11), Up, OnTarget},
		{"up equal", Float(10), Float(10), Up, OnTarget},
		{"up below", Float(10), Float(9.999), Up, OffTarget},
		{"down below", Float(5), Float(4), Down, OnTarget},
		{"down equal", Float(5), Float(5), Down, OnTarget},
		{"down above", Float(5), Float(5.001), Down, OffTarget},
		{"negative up", Float(-2), Float(-3), Up, OffTarget},
		{"negative down", Float(-2), Float(-3), Down, OnTarget},
		{"zero and minus zero", Float(0), Float(math.Copysign(0, -1)), Up, OnTarget},
		{"unknown direction counts as up", Float(1), Float(0), Direction("sideways"), OffTarget},
	}
	for _, tt := range tests {
		m := Metric{Name: "m", Target: tt.target, Current: tt.current, Direction: tt.dir}
		if got := m.Status(); got != tt.want {
			t.Errorf("%s: Status = %v, want %v", tt.name, got, tt.want)
		}
	}
	for s, want := range map[MetricStatus]string{NoData: "no data", OnTarget: "on target", OffTarget: "off target"} {
		if s.String() != want {
			t.Errorf("%d.String() = %q, want %q", s, s.String(), want)
		}
	}
}

func TestValidVocabulary(t *testing.T) {
	for _, k := range Kinds {
		if !k.Valid() {
			t.Errorf("%q should be valid", k)
		}
	}
	for _, k := range []Kind{"", "Digital", "virtual"} {
		if k.Valid() {
			t.Errorf("kind %q should be invalid", k)
		}
	}
	if !Up.Valid() || !Down.Valid() || Direction("").Valid() || Direction("UP").Valid() {
		t.Error("Direction.Valid is wrong")
	}
}

func TestNewTouchpoint(t *testing.T) {
	tp := NewTouchpoint("Counter")
	if tp.Name != "Counter" || tp.Kind != KindDigital || tp.Emotion.Score != NeutralScore {
		t.Errorf("NewTouchpoint = %+v", tp)
	}
	if err := tp.Validate(); err != nil {
		t.Errorf("a new touchpoint should be valid: %v", err)
	}
}

func sampleMap() *Map {
	return &Map{ID: 1, MapInfo: MapInfo{Title: "Bikes", Persona: Persona{Name: "Sam"}}, Phases: []Phase{
		{ID: 10, Name: "Discover", Touchpoints: []Touchpoint{
			{ID: 100, Name: "Ad", Kind: KindDigital, Emotion: Emotion{Score: 4, Labels: ListOf("curious")},
				Motivations: ListOf("find"), Metrics: []Metric{{Name: "ctr", Target: Float(2), Current: Float(1), Direction: Up}}},
			{ID: 101, Name: "Search", Kind: KindDigital, Emotion: Emotion{Score: 2}},
		}},
		{ID: 11, Name: "Buy", Touchpoints: []Touchpoint{
			{ID: 102, Name: "Counter", Kind: KindPhysical, Emotion: Emotion{Score: 5},
				Metrics: []Metric{{Name: "wait", Target: Float(5), Current: Float(9), Direction: Down}, {Name: "x", Direction: Up}}},
		}},
		{ID: 12, Name: "Use"},
	}}
}

func TestCloneIsDeep(t *testing.T) {
	m := sampleMap()
	c := m.Clone()
	if !reflect.DeepEqual(m, c) {
		t.Fatal("clone differs")
	}
	c.Title = "changed"
	c.Phases[0].Name = "changed"
	c.Phases[0].Touchpoints[0].Emotion.Labels = ListOf("changed")
	c.Phases[0].Touchpoints[0].Motivations = ListOf("changed")
	*c.Phases[0].Touchpoints[0].Metrics[0].Target = 99
	c.Phases[1].Touchpoints[0].Metrics[0].Name = "changed"
	c.Phases = append(c.Phases[:1], c.Phases[2:]...)
	if !reflect.DeepEqual(m, sampleMap()) {
		t.Error("changing the clone changed the original")
	}
	if (Touchpoint{}).Clone().Metrics != nil || (Phase{}).Clone().Touchpoints != nil || (&Map{}).Clone().Phases != nil {
		t.Error("clones of empty values should keep nil lists nil")
	}
}

func TestCountsAndRefs(t *testing.T) {
	m := sampleMap()
	if n := m.TouchpointCount(); n != 3 {
		t.Errorf("TouchpointCount = %d", n)
	}
	if mean, ok := m.Phases[0].MeanEmotion(); !ok || mean != 3 {
		t.Errorf("MeanEmotion = %v %v", mean, ok)
	}
	if _, ok := m.Phases[2].MeanEmotion(); ok {
		t.Error("an empty phase has no mean")
	}
	if n := m.Phases[1].Touchpoints[0].OffTargetCount(); n != 1 {
		t.Errorf("OffTargetCount = %d", n)
	}
	want := []Ref{{0, 0}, {0, 1}, {1, 0}}
	if got := m.Refs(); !reflect.DeepEqual(got, want) {
		t.Errorf("Refs = %v", got)
	}
	if tp, ok := m.Touchpoint(Ref{1, 0}); !ok || tp.Name != "Counter" {
		t.Errorf("Touchpoint(1,0) = %v %v", tp, ok)
	}
	tp, _ := m.Touchpoint(Ref{0, 1})
	tp.Name = "renamed"
	if m.Phases[0].Touchpoints[1].Name != "renamed" {
		t.Error("Touchpoint should point into the map")
	}
	for _, r := range []Ref{{-1, 0}, {3, 0}, {2, 0}, {0, 2}, {0, -1}} {
		if _, ok := m.Touchpoint(r); ok {
			t.Errorf("Touchpoint(%v) should be out of range", r)
		}
	}
}

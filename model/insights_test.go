package model

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

func tp(name, channel string, kind Kind, score int, metrics ...Metric) Touchpoint {
	return Touchpoint{Name: name, Channel: channel, Kind: kind, Emotion: Emotion{Score: score}, Metrics: metrics}
}

func insightsMap() *Map {
	on := Metric{Name: "on", Target: Float(5), Current: Float(6), Direction: Up}
	off := Metric{Name: "off", Target: Float(5), Current: Float(9), Direction: Down}
	none := Metric{Name: "none", Direction: Up}
	return &Map{MapInfo: MapInfo{Title: "m"}, Phases: []Phase{
		{Name: "A", Touchpoints: []Touchpoint{
			tp("a1", "web", KindDigital, 5, on),
			tp("a2", "web", KindDigital, 2),         // drop 3
			tp("a3", "store", KindPhysical, 4, off), // rise
		}},
		{Name: "Empty"},
		{Name: "B", Touchpoints: []Touchpoint{
			tp("b1", "phone", KindHybrid, 1, none, off), // drop 3 across the phase gap
			tp("b2", "", KindDigital, 1),
			tp("b3", "store", KindPhysical, 3, on),
			tp("b4", "web", KindDigital, 2), // drop 1
		}},
	}}
}

func TestInsights(t *testing.T) {
	m := insightsMap()
	r := Insights(m)
	row := func(p, i int) TouchpointRow {
		tp, _ := m.Touchpoint(Ref{p, i})
		return TouchpointRow{Ref: Ref{p, i}, Phase: m.Phases[p].Name, Name: tp.Name, Score: tp.Emotion.Score}
	}
	if r.Phases != 3 || r.Touchpoints != 7 || r.Metrics != 5 || r.OnTarget != 2 || r.OffTargets != 2 || r.NoData != 1 {
		t.Errorf("counts = %d phases %d touchpoints %d metrics %d on %d off %d no data",
			r.Phases, r.Touchpoints, r.Metrics, r.OnTarget, r.OffTargets, r.NoData)
	}
	if !r.HasMean || r.MeanEmotion != 18.0/7 {
		t.Errorf("mean = %v %v, want 18/7", r.MeanEmotion, r.HasMean)
	}
	// Only scores below neutral hurt: b3 (3), a3 (4) and a1 (5) are not listed.
	wantLowest := []TouchpointRow{row(2, 0), row(2, 1), row(0, 1), row(2, 3)}
	if !reflect.DeepEqual(r.Lowest, wantLowest) {
		t.Errorf("Lowest = %+v\nwant %+v", r.Lowest, wantLowest)
	}
	wantDrops := []Drop{
		{From: row(0, 0), To: row(0, 1), Size: 3},
		{From: row(0, 2), To: row(2, 0), Size: 3},
		{From: row(2, 2), To: row(2, 3), Size: 1},
	}
	if !reflect.DeepEqual(r.Drops, wantDrops) {
		t.Errorf("Drops = %+v\nwant %+v", r.Drops, wantDrops)
	}
	wantMeans := []PhaseMean{
		{Phase: 0, Name: "A", Touchpoints: 3, Mean: 11.0 / 3, HasMean: true},
		{Phase: 1, Name: "Empty"},
		{Phase: 2, Name: "B", Touchpoints: 4, Mean: 7.0 / 4, HasMean: true},
	}
	if !reflect.DeepEqual(r.PhaseMeans, wantMeans) {
		t.Errorf("PhaseMeans = %+v\nwant %+v", r.PhaseMeans, wantMeans)
	}
	if want := []TouchpointRow{row(0, 1), row(2, 1), row(2, 3)}; !reflect.DeepEqual(r.WithoutMetrics, want) {
		t.Errorf("WithoutMetrics = %+v\nwant %+v", r.WithoutMetrics, want)
	}
	if len(r.OffTarget) != 2 || r.OffTarget[0].Touchpoint != row(0, 2) || r.OffTarget[0].Index != 0 ||
		r.OffTarget[1].Touchpoint != row(2, 0) || r.OffTarget[1].Index != 1 || r.OffTarget[1].Metric.Name != "off" {
		t.Errorf("OffTarget = %+v", r.OffTarget)
	}
	if want := []PhaseRow{{1, "Empty"}}; !reflect.DeepEqual(r.EmptyPhases, want) {
		t.Errorf("EmptyPhases = %+v", r.EmptyPhases)
	}
	if want := []Count{{"web", 3}, {"store", 2}, {"", 1}, {"phone", 1}}; !reflect.DeepEqual(r.Channels, want) {
		t.Errorf("Channels = %+v, want %+v", r.Channels, want)
	}
	if want := []Count{{"digital", 4}, {"physical", 2}, {"hybrid", 1}}; !reflect.DeepEqual(r.Kinds, want) {
		t.Errorf("Kinds = %+v, want %+v", r.Kinds, want)
	}
}

func TestInsightsOffTargetIsACopy(t *testing.T) {
	m := insightsMap()
	r := Insights(m)
	*r.OffTarget[0].Metric.Current = 0
	if *m.Phases[0].Touchpoints[2].Metrics[0].Current != 9 {
		t.Error("the report shares metric values with the map")
	}
}

// TestInsightsOwnTheirStrings: a phase streamed from the file has its texts
// cut from a few large strings; the Report must hold copies, or every row
// it keeps would keep such a string alive to the end of the export.
func TestInsightsOwnTheirStrings(t *testing.T) {
	m := insightsMap()
	var big strings.Builder
	cut := func(s string) string { // s, as a slice of big's text
		big.WriteString(s)
		return s
	}
	for pi := range m.Phases {
		p := &m.Phases[pi]
		cut(p.Name)
		for ti := range p.Touchpoints {
			tp := &p.Touchpoints[ti]
			cut(tp.Name)
			for mi := range tp.Metrics {
				cut(tp.Metrics[mi].Name)
				cut(tp.Metrics[mi].Unit)
			}
		}
	}
	text := big.String()
	at := 0
	from := func(s string) string {
		s = text[at : at+len(s)]
		at += len(s)
		return s
	}
	for pi := range m.Phases {
		p := &m.Phases[pi]
		p.Name = from(p.Name)
		for ti := range p.Touchpoints {
			tp := &p.Touchpoints[ti]
			tp.Name = from(tp.Name)
			tp.Metrics = slices.Clone(tp.Metrics)
			for mi := range tp.Metrics {
				tp.Metrics[mi].Name = from(tp.Metrics[mi].Name)
				tp.Metrics[mi].Unit = from(tp.Metrics[mi].Unit)
			}
		}
	}
	lo := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	inside := func(s string) bool {
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		return s != "" && p >= lo && p < lo+uintptr(len(text))
	}
	r := Insights(m)
	var kept []string
	row := func(rs ...TouchpointRow) {
		for _, x := range rs {
			kept = append(kept, x.Phase, x.Name)
		}
	}
	row(r.Lowest...)
	row(r.WithoutMetrics...)
	for _, d := range r.Drops {
		row(d.From, d.To)
	}
	for _, o := range r.OffTarget {
		row(o.Touchpoint)
		kept = append(kept, o.Metric.Name, o.Metric.Unit)
	}
	for _, pm := range r.PhaseMeans {
		kept = append(kept, pm.Name)
	}
	for _, e := range r.EmptyPhases {
		kept = append(kept, e.Name)
	}
	if len(r.Lowest) == 0 || len(r.Drops) == 0 || len(r.OffTarget) == 0 || len(r.WithoutMetrics) == 0 || len(r.EmptyPhases) == 0 {
		t.Fatalf("the map no longer exercises every list: %+v", r)
	}
	for _, s := range kept {
		if inside(s) {
			t.Errorf("the report keeps %q inside the phase's text", s)
		}
	}
}

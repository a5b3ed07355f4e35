package model

import (
	"reflect"
	"slices"
	"testing"
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

func TestInsightsEmptyAndTop(t *testing.T) {
	r := Insights(&Map{})
	if r.HasMean || r.Touchpoints != 0 || len(r.Lowest) != 0 || len(r.Drops) != 0 || len(r.Channels) != 0 {
		t.Errorf("empty map report = %+v", r)
	}
	if want := []Count{{"digital", 0}, {"physical", 0}, {"hybrid", 0}}; !reflect.DeepEqual(r.Kinds, want) {
		t.Errorf("Kinds = %+v", r.Kinds)
	}
	big := Generate(4, 500)
	r = Insights(big)
	if len(r.Lowest) != InsightsTop || len(r.Drops) != InsightsTop {
		t.Errorf("ranked lists = %d lowest, %d drops, want %d", len(r.Lowest), len(r.Drops), InsightsTop)
	}
	for i := 1; i < len(r.Lowest); i++ {
		a, b := r.Lowest[i-1], r.Lowest[i]
		if a.Score > b.Score || a.Score == b.Score && (a.Ref.Phase > b.Ref.Phase || a.Ref.Phase == b.Ref.Phase && a.Ref.Index > b.Ref.Index) {
			t.Fatalf("Lowest out of order at %d: %+v then %+v", i, a, b)
		}
	}
	if r.Drops[0].Size != 4 {
		t.Errorf("steepest drop in a random 500-touchpoint map should be 4, got %d", r.Drops[0].Size)
	}
	total := 0
	for _, c := range r.Channels {
		total += c.Count
	}
	if total != 500 {
		t.Errorf("channel counts add to %d", total)
	}
	if r.OnTarget+r.OffTargets+r.NoData != r.Metrics {
		t.Error("metric counts do not add up")
	}
}

func TestInsightsDeterministic(t *testing.T) {
	m := Generate(8, 2000)
	a, b := Insights(m), Insights(m)
	if !reflect.DeepEqual(a, b) {
		t.Error("two runs differ")
	}
}

// The ranked lists equal what a full stable sort gives.
func TestInsightsRankingMatchesSort(t *testing.T) {
	m := Generate(13, 3000)
	r := Insights(m)
	var rows []TouchpointRow
	var drops []Drop
	for _, ref := range m.Refs() {
		tp, _ := m.Touchpoint(ref)
		row := TouchpointRow{Ref: ref, Phase: m.Phases[ref.Phase].Name, Name: tp.Name, Score: tp.Emotion.Score}
		if n := len(rows); n > 0 && rows[n-1].Score > row.Score {
			drops = append(drops, Drop{From: rows[n-1], To: row, Size: rows[n-1].Score - row.Score})
		}
		rows = append(rows, row)
	}
	slices.SortStableFunc(rows, func(a, b TouchpointRow) int { return a.Score - b.Score })
	slices.SortStableFunc(drops, func(a, b Drop) int { return b.Size - a.Size })
	if !reflect.DeepEqual(r.Lowest, rows[:InsightsTop]) {
		t.Errorf("Lowest = %+v\nwant %+v", r.Lowest, rows[:InsightsTop])
	}
	if !reflect.DeepEqual(r.Drops, drops[:InsightsTop]) {
		t.Errorf("Drops = %+v\nwant %+v", r.Drops, drops[:InsightsTop])
	}
}

package model_test

import (
	"reflect"
	"slices"
	"testing"

	"journeymap/internal/testmap"
	"journeymap/model"
)

// These tests run Insights over generated maps; they live outside package
// model because testmap imports model.

func TestInsightsEmptyAndTop(t *testing.T) {
	r := model.Insights(&model.Map{})
	if r.HasMean || r.Touchpoints != 0 || len(r.Lowest) != 0 || len(r.Drops) != 0 || len(r.Channels) != 0 {
		t.Errorf("empty map report = %+v", r)
	}
	if want := []model.Count{{Name: "digital"}, {Name: "physical"}, {Name: "hybrid"}}; !reflect.DeepEqual(r.Kinds, want) {
		t.Errorf("Kinds = %+v", r.Kinds)
	}
	big := testmap.Generate(4, 500)
	r = model.Insights(big)
	if len(r.Lowest) != model.InsightsTop || len(r.Drops) != model.InsightsTop {
		t.Errorf("ranked lists = %d lowest, %d drops, want %d", len(r.Lowest), len(r.Drops), model.InsightsTop)
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
	m := testmap.Generate(8, 2000)
	a, b := model.Insights(m), model.Insights(m)
	if !reflect.DeepEqual(a, b) {
		t.Error("two runs differ")
	}
}

// The ranked lists equal what a full stable sort gives.
func TestInsightsRankingMatchesSort(t *testing.T) {
	m := testmap.Generate(13, 3000)
	r := model.Insights(m)
	var rows []model.TouchpointRow
	var drops []model.Drop
	for _, ref := range m.Refs() {
		tp, _ := m.Touchpoint(ref)
		row := model.TouchpointRow{Ref: ref, Phase: m.Phases[ref.Phase].Name, Name: tp.Name, Score: tp.Emotion.Score}
		if n := len(rows); n > 0 && rows[n-1].Score > row.Score {
			drops = append(drops, model.Drop{From: rows[n-1], To: row, Size: rows[n-1].Score - row.Score})
		}
		rows = append(rows, row)
	}
	slices.SortStableFunc(rows, func(a, b model.TouchpointRow) int { return a.Score - b.Score })
	slices.SortStableFunc(drops, func(a, b model.Drop) int { return b.Size - a.Size })
	if !reflect.DeepEqual(r.Lowest, rows[:model.InsightsTop]) {
		t.Errorf("Lowest = %+v\nwant %+v", r.Lowest, rows[:model.InsightsTop])
	}
	if !reflect.DeepEqual(r.Drops, drops[:model.InsightsTop]) {
		t.Errorf("Drops = %+v\nwant %+v", r.Drops, drops[:model.InsightsTop])
	}
}

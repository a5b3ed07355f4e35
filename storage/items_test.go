package storage

import (
	"slices"
	"testing"
	"unsafe"

	"journeymap/model"
)

// TestItemsInPlace feeds itemsInPlace packed item rows as the fast form of
// the items query returns them: it cuts each list out of the text column
// when every list's rows are consecutive and in position order, and leaves
// the rows to the joining path otherwise.
func TestItemsInPlace(t *testing.T) {
	type want struct {
		tp          int
		labels      []string
		motivations []string
		thoughts    []string
	}
	tests := []struct {
		name                   string
		ids, lists, pos, texts string
		inPlace                bool
		want                   []want
	}{
		{name: "no rows", inPlace: true, want: []want{{tp: 10}, {tp: 11}}},
		{name: "one empty item", ids: "10", lists: "m", pos: "0", texts: "", inPlace: true,
			want: []want{{tp: 10, motivations: []string{""}}, {tp: 11}}},
		{name: "primary key order", ids: "10 10 10 11 11", lists: "lmmmt", pos: "0 0 1 0 3", texts: "calm\x1fa\x1f\x1fc\x1fd", inPlace: true,
			want: []want{{tp: 10, labels: []string{"calm"}, motivations: []string{"a", ""}}, {tp: 11, motivations: []string{"c"}, thoughts: []string{"d"}}}},
		{name: "another map's rows between", ids: "10 10 99 99 11", lists: "mmmmm", pos: "0 1 0 1 0", texts: "a\x1fb\x1fx\x1fy\x1fc", inPlace: true,
			want: []want{{tp: 10, motivations: []string{"a", "b"}}, {tp: 11, motivations: []string{"c"}}}},
		{name: "positions out of order", ids: "10 10", lists: "mm", pos: "1 0", texts: "b\x1fa"},
		{name: "a list in two runs", ids: "10 11 10", lists: "mmm", pos: "0 0 1", texts: "a\x1fc\x1fb"},
		{name: "another map's row inside a list", ids: "10 99 10", lists: "mmm", pos: "0 0 1", texts: "a\x1fx\x1fb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tps := []model.Touchpoint{{ID: 10}, {ID: 11}}
			ld := chunkLoader{tps: tps, byID: newTouchpointIndex(tps, 10, 11)}
			ld.pk = packed{cols: []string{tt.ids, tt.lists, tt.pos, tt.texts}, sep: true}
			ok, err := ld.itemsInPlace()
			if err != nil {
				t.Fatal(err)
			}
			if ok != tt.inPlace {
				t.Fatalf("in place = %v, want %v", ok, tt.inPlace)
			}
			if !ok {
				return
			}
			for i, w := range tt.want {
				tp := tps[i]
				for _, l := range []struct {
					name string
					got  model.List
					want []string
				}{{"labels", tp.Emotion.Labels, w.labels}, {"motivations", tp.Motivations, w.motivations}, {"thoughts", tp.Thoughts, w.thoughts}} {
					if got := l.got.Items(); !slices.Equal(got, l.want) {
						t.Errorf("touchpoint %d %s = %q, want %q", w.tp, l.name, got, l.want)
					}
				}
			}
		})
	}
}

// TestItemsInPlaceShareTheColumn checks that a list not at the start of
// the column is a substring of it: no copy.
func TestItemsInPlaceShareTheColumn(t *testing.T) {
	tps := []model.Touchpoint{{ID: 10}, {ID: 11}}
	col := "a\x1fb\x1fc\x1fd"
	ld := chunkLoader{tps: tps, byID: newTouchpointIndex(tps, 10, 11)}
	ld.pk = packed{cols: []string{"10 11 11 11", "mmmm", "0 0 1 2", col}, sep: true}
	if ok, err := ld.itemsInPlace(); !ok || err != nil {
		t.Fatalf("in place = %v, %v", ok, err)
	}
	got := tps[1].Motivations
	if got != model.ListOf("b", "c", "d") {
		t.Fatalf("motivations = %q", got.Items())
	}
	if unsafe.StringData(got.At(0)) != unsafe.StringData(col[2:]) {
		t.Error("the list is a copy, not a substring of the packed column")
	}
}

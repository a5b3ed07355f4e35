package cli

import (
	"bytes"
	"path/filepath"
	"strconv"
	"testing"

	"journeymap/interchange"
	"journeymap/internal/testmap"
	"journeymap/model"
	"journeymap/storage"
)

// TestStreamedExportsMatchWholeMap: an export the command line streams
// from the file (Format.Stream, phases read a few hundred touchpoints at a
// time) is byte for byte what the format writes from the map loaded whole,
// the way the golden files in interchange pin it: for every template, the
// awkward maps, closed votes, empty phases, an empty map, and a dense map
// read in several chunks.
func TestStreamedExportsMatchWholeMap(t *testing.T) {
	db := filepath.Join(t.TempDir(), "maps.db")
	st, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ts, errs := interchange.Templates("")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	maps := []*model.Map{testmap.Rich(), testmap.Nasty(), testmap.Dense(7, 1500), {MapInfo: model.MapInfo{Title: "Nothing yet"}}}
	for _, tpl := range ts {
		maps = append(maps, tpl.Map)
	}
	voted := testmap.Rich()
	voted.Phases = append(voted.Phases, model.Phase{Name: "Empty at the end"})
	voted.Votes = []model.Vote{{Question: "Which moments hurt most?", DotsPerPerson: 3, Results: model.Rank(voted, []model.VoteResult{
		{At: model.Ref{Phase: 0, Index: 0}, Dots: 2}, {At: model.Ref{Phase: 1, Index: 0}, Dots: 5},
	})}}
	maps = append(maps, voted)
	var ids []int64
	for _, m := range maps {
		id, err := st.CreateMap(m.Clone())
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	e := newEnv(t)
	streamed := 0
	for _, id := range ids {
		whole, err := st.LoadMap(id)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range interchange.Formats() {
			if f.Stream == nil {
				continue
			}
			streamed++
			var want bytes.Buffer
			if err := f.Write(&want, whole, interchange.Options{}); err != nil {
				t.Fatal(err)
			}
			got := e.ok(t, "export", db, "--map", strconv.FormatInt(id, 10), "--format", f.Name).stdout
			if got != want.String() {
				t.Errorf("map %q, %s: the streamed export differs from the whole map's (%d bytes, want %d)", whole.Title, f.Name, len(got), want.Len())
			}
		}
	}
	if streamed == 0 {
		t.Fatal("no format streams")
	}
	st.Close()
}

package storage

import (
	"bytes"
	"errors"
	"math"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"journeymap/interchange"
	"journeymap/internal/testmap"
	"journeymap/model"
)

// rejectedDocs are documents an import must refuse, at parse time or in
// the store.
var rejectedDocs = []string{
	`{"format":"journeymap","version":1,"map":{"title":"T","phases":[{"name":"P","touchpoints":[{"name":"A","emotion":{"score":7}}]}]}}`,
	`{"format":"journeymap","version":1,"map":{"title":"T","phases":[{"name":"P","touchpoints":[{"name":"A","metrics":[{"name":"m","target":1e999}]}]}]}}`,
	`{"format":"journeymap","version":1,"map":{"title":"T","phases":[{"name":"P","touchpoints":[{"name":"A","pain-points":[]}]}]}}`,
	`{"format":"journeymap","version":2,"map":{}}`,
	`{"format":"trello","version":1,"map":{}}`,
	`{"format":"journeymap","version":1,"map":{"title":"T"}} trailing`,
	`{"format":"journeymap","version":1,"map":{"title":"T","phases":{"x":1}}}`,
	`{"format":"journeymap","version":1,"map":{"title":"T","phases":[null,{"name":"P","touchpoints":[null]}]}}`,
	`[]`, `null`, `"x"`, `{`, "",
}

// Import is ParseJSON then Store.CreateMap. A document that either step
// rejects must leave the file exactly as it was: no map, no phase, no
// touchpoint of it may be written.
func TestRejectedImportLeavesStoreUnchanged(t *testing.T) {
	st, err := Open(filepath.Join(t.TempDir(), "maps.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.CreateMap(testmap.Rich()); err != nil {
		t.Fatal(err)
	}
	snapshot := func() ([]model.MapSummary, [][]byte) {
		maps, err := st.ListMaps()
		if err != nil {
			t.Fatal(err)
		}
		var docs [][]byte
		for _, s := range maps {
			m, err := st.LoadMap(s.ID)
			if err != nil {
				t.Fatal(err)
			}
			b, err := interchange.MarshalJSON(m)
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, b)
		}
		return maps, docs
	}
	wantMaps, wantDocs := snapshot()

	importDoc := func(data []byte) error {
		m, err := interchange.ParseJSON(data)
		if err != nil {
			return err
		}
		_, err = st.CreateMap(m)
		return err
	}
	for _, s := range rejectedDocs {
		if err := importDoc([]byte(s)); err == nil {
			t.Fatalf("import of %.40q succeeded", s)
		}
	}
	// A map that only the store sees is invalid deep inside: the store must
	// not have written its first phases before noticing.
	deep := testmap.Rich()
	deep.Phases[1].Touchpoints[1].Emotion.Score = 9
	if _, err := st.CreateMap(deep); err == nil {
		t.Fatal("CreateMap accepted an invalid map")
	}
	gotMaps, gotDocs := snapshot()
	if !reflect.DeepEqual(gotMaps, wantMaps) || !reflect.DeepEqual(gotDocs, wantDocs) {
		t.Errorf("rejected imports changed the store:\n got %+v\nwant %+v", gotMaps, wantMaps)
	}
}

// An imported document comes back out of the store byte for byte.
func TestImportExportThroughStore(t *testing.T) {
	st, err := Open(filepath.Join(t.TempDir(), "maps.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for name, m := range map[string]*model.Map{"rich": testmap.Rich(), "nasty": testmap.Nasty()} {
		doc, err := interchange.MarshalJSON(m)
		if err != nil {
			t.Fatal(err)
		}
		in, err := interchange.ParseJSON(doc)
		if err != nil {
			t.Fatal(err)
		}
		id, err := st.CreateMap(in)
		if err != nil {
			t.Fatalf("%s: CreateMap: %v", name, err)
		}
		out, err := st.LoadMap(id)
		if err != nil {
			t.Fatal(err)
		}
		again, err := interchange.MarshalJSON(out)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(doc, again) {
			t.Errorf("%s: JSON → store → JSON changed the document", name)
		}
	}
}

// FuzzLoadMap plays a Journeymap file edited by hand or by another program:
// whatever the schema lets a row hold (any text, a score or metric value of
// any type that passes the CHECKs), LoadMap must not panic, and a map it
// returns must hold exactly the texts stored and only finite numbers.
func FuzzLoadMap(f *testing.F) {
	f.Add("name", "channel", "3", "1.5")
	f.Add("a\x1fb", " x y ", "2.5", "nan")
	f.Add("", "\x00", "5", "1 2")
	f.Add("ünï ☕", "\xff\xfe", "4.0", "inf")
	f.Add("l5:x", "3 4", "1", "-0")
	s, err := Open(filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	f.Fuzz(func(t *testing.T, name, channel, score, value string) {
		id, err := s.CreateMap(sampleMap())
		if err != nil {
			t.Fatal(err)
		}
		defer s.DeleteMap(id)
		// The second touchpoint of the first phase, which has a metric.
		var tpID int64
		if err := s.db.QueryRow(`SELECT t.id FROM touchpoints t JOIN phases p ON p.id = t.phase_id
			WHERE p.map_id = ? AND p.position = 0 AND t.position = 1`, id).Scan(&tpID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.db.Exec(`UPDATE touchpoints SET name = ?, channel = ? WHERE id = ?`, name, channel, tpID); err != nil {
			t.Fatal(err)
		}
		// Text into INTEGER and REAL columns: SQLite converts what looks
		// like a number and keeps the rest as text, as a careless writer
		// would leave it. A CHECK may refuse the score; that is fine.
		s.db.Exec(`UPDATE touchpoints SET score = ? WHERE id = ?`, score, tpID)
		if _, err := s.db.Exec(`UPDATE metrics SET target = ? WHERE touchpoint_id = ?`, value, tpID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.db.Exec(`INSERT INTO items (touchpoint_id, list, position, text) VALUES (?, 'thought', 7, ?)`, tpID, name+channel); err != nil {
			t.Fatal(err)
		}
		m, err := s.LoadMap(id)
		oracle, oerr := loadMapRows(s.db, id)
		if err != nil {
			if oerr == nil && !errors.Is(err, ErrDamaged) {
				t.Fatalf("the packed loader failed (%v) where the row loader read the map", err)
			}
			return
		}
		if oerr == nil && !reflect.DeepEqual(normalizeLists(m), normalizeLists(oracle)) {
			t.Fatalf("the packed loader and the row loader disagree:\n got %s\nwant %s", dumpMap(m), dumpMap(oracle))
		}
		assertReadAgrees(t, s, id)
		tp := m.Phases[0].Touchpoints[1]
		if tp.Name != name || tp.Channel != channel {
			t.Fatalf("texts misread: %q %q, stored %q %q", tp.Name, tp.Channel, name, channel)
		}
		// A list item cannot hold U+001F (model.ListOf drops it), so the
		// item reads back as stored without it.
		if got, want := tp.Thoughts.At(tp.Thoughts.Len()-1), strings.ReplaceAll(name+channel, "\x1f", ""); got != want {
			t.Fatalf("item misread: %q, stored %q", got, name+channel)
		}
		if m.TouchpointCount() != sampleMap().TouchpointCount() {
			t.Fatalf("%d touchpoints loaded", m.TouchpointCount())
		}
		// Nothing but the edited touchpoint may change: a damaged value
		// must not shift its neighbours' values.
		want := normalize(sampleMap())
		got := normalize(m)
		got.Phases[0].Touchpoints[1] = want.Phases[0].Touchpoints[1]
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("other touchpoints changed (stored score %q, target %q)", score, value)
		}
		for _, p := range m.Phases {
			for _, tp := range p.Touchpoints {
				if tp.Emotion.Score < model.MinScore || tp.Emotion.Score > model.MaxScore {
					t.Fatalf("score %d loaded", tp.Emotion.Score)
				}
				for _, mt := range tp.Metrics {
					for _, v := range []*float64{mt.Target, mt.Current} {
						if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0)) {
							t.Fatalf("non-finite value %v loaded (stored %q)", *v, value)
						}
					}
				}
			}
		}
	})
}

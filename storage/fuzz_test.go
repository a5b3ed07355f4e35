package storage

import (
	"bytes"
	"math"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"journeymap/model"
)

// fuzzSeeds are documents that reach every branch of ParseJSON: valid ones,
// every kind of invalid one, and text with control characters.
func fuzzSeeds(t testing.TB) [][]byte {
	rich, err := MarshalJSON(richMap())
	if err != nil {
		t.Fatal(err)
	}
	nasty, err := MarshalJSON(nastyMap())
	if err != nil {
		t.Fatal(err)
	}
	random, err := MarshalJSON(randomNastyMap(5))
	if err != nil {
		t.Fatal(err)
	}
	seeds := [][]byte{rich, nasty, random}
	for _, s := range []string{
		`{"format":"journeymap","version":1,"map":{"title":"T","phases":[{"name":"P","touchpoints":[{"name":"A"}]}]}}`,
		`{"format":"journeymap","version":1,"map":{"title":"T","phases":[{"name":"P","touchpoints":[{"name":"A","emotion":{"score":7}}]}]}}`,
		`{"format":"journeymap","version":1,"map":{"title":"T","phases":[{"name":"P","touchpoints":[{"name":"A","metrics":[{"name":"m","target":1e999}]}]}]}}`,
		`{"format":"journeymap","version":1,"map":{"title":"T","phases":[{"name":"P","touchpoints":[{"name":"A","pain-points":[]}]}]}}`,
		`{"format":"journeymap","version":2,"map":{}}`,
		`{"format":"trello","version":1,"map":{}}`,
		`{"format":"journeymap","version":1,"map":{"title":"\u001b[2J\u009b31m\r\n"}}`,
		`{"format":"journeymap","version":1,"map":{"title":"T"}} trailing`,
		`{"format":"journeymap","version":1,"map":{"title":"T","phases":{"x":1}}}`,
		`{"format":"journeymap","version":1.5}`,
		`{"format":"journeymap","version":1,"map":{"title":"T","Title":"U"}}`,
		`{"FORMAT":"journeymap","Version":1,"map":{"title":"\ud83d\ude00 \ud800 \u00e9\"\\\/\b\f\n\r\t","phases":null}}`,
		`{"format":"journeymap","version":1,"map":{"title":"T","phases":[null,{"name":"P","touchpoints":[null]}]}}`,
		`[]`, `null`, `"x"`, `{`, "\ufeff{}", "", `{"a":[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]}`,
	} {
		seeds = append(seeds, []byte(s))
	}
	return seeds
}

// FuzzParseJSON checks that no input panics ParseJSON, that what it accepts
// is valid and stable under export → import, and that its errors are one
// printable line.
func FuzzParseJSON(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ParseJSON(data)
		// ParseJSON's own parser must accept what encoding/json accepts and
		// read it the same, except that it refuses repeated keys.
		ref, refErr := referenceParseJSON(data)
		switch {
		case err == nil && refErr != nil:
			t.Fatalf("accepted what encoding/json refuses (%v)", refErr)
		case err != nil && refErr == nil && !strings.Contains(err.Error(), "duplicate key"):
			t.Fatalf("refused what encoding/json accepts: %v", err)
		case err == nil && !reflect.DeepEqual(m, ref):
			t.Fatalf("reads differently from encoding/json:\n%+v\n%+v", m, ref)
		}
		if err != nil {
			if m != nil {
				t.Fatal("a map and an error")
			}
			msg := err.Error()
			if msg == "" || strings.ContainsAny(msg, "\n\r\x1b\u009b") || !isCleanText(msg) {
				t.Fatalf("error is not one clean line: %q", msg)
			}
			return
		}
		if err := m.Validate(); err != nil {
			t.Fatalf("accepted an invalid map: %v", err)
		}
		first, err := MarshalJSON(m)
		if err != nil {
			t.Fatal(err)
		}
		if ref := referenceJSON(t, m); !bytes.Equal(first, ref) {
			t.Fatalf("MarshalJSON differs from encoding/json:\n%s\n%s", first, ref)
		}
		back, err := ParseJSON(first)
		if err != nil {
			t.Fatalf("own export rejected: %v\n%s", err, first)
		}
		if !reflect.DeepEqual(back, m) {
			t.Fatalf("export → import changed the map:\n%+v\n%+v", m, back)
		}
		second, err := MarshalJSON(back)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, second) {
			t.Fatalf("export → import → export not stable:\n%s\n%s", first, second)
		}
		// The other exports must cope with anything ParseJSON accepts.
		for _, f := range Formats {
			if err := Export(&bytes.Buffer{}, m, f); err != nil {
				t.Fatalf("export %s: %v", f, err)
			}
		}
	})
}

// TestFuzzSeeds runs the seeds as a plain test, so `go test` checks them
// without -fuzz.
func TestParseJSONSeedsNeverPanic(t *testing.T) {
	for _, s := range fuzzSeeds(t) {
		m, err := ParseJSON(s)
		if (m == nil) == (err == nil) {
			t.Errorf("ParseJSON(%.40q) = %v, %v: want exactly one of map and error", s, m, err)
		}
	}
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
	if _, err := st.CreateMap(richMap()); err != nil {
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
			b, err := MarshalJSON(m)
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, b)
		}
		return maps, docs
	}
	wantMaps, wantDocs := snapshot()

	importDoc := func(data []byte) error {
		m, err := ParseJSON(data)
		if err != nil {
			return err
		}
		_, err = st.CreateMap(m)
		return err
	}
	for _, s := range fuzzSeeds(t) {
		if _, err := ParseJSON(s); err == nil {
			continue // only the rejected seeds here
		}
		if err := importDoc(s); err == nil {
			t.Fatalf("import of %.40q succeeded", s)
		}
	}
	// A map that only the store sees is invalid deep inside: the store must
	// not have written its first phases before noticing.
	deep := richMap()
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
	for name, m := range map[string]*model.Map{"rich": richMap(), "nasty": nastyMap()} {
		doc, err := MarshalJSON(m)
		if err != nil {
			t.Fatal(err)
		}
		in, err := ParseJSON(doc)
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
		again, err := MarshalJSON(out)
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
		if err != nil {
			return
		}
		tp := m.Phases[0].Touchpoints[1]
		if tp.Name != name || tp.Channel != channel {
			t.Fatalf("texts misread: %q %q, stored %q %q", tp.Name, tp.Channel, name, channel)
		}
		if got := tp.Thoughts[len(tp.Thoughts)-1]; got != name+channel {
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

// FuzzParseFormat: a format name as typed is a format with an extension and
// a display name, or a one-line error.
func FuzzParseFormat(f *testing.F) {
	for _, s := range []string{"md", " Markdown ", "JSON", "mmd", "csv", "pdf", "", "m\x00d", "\x1b[31m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		format, err := ParseFormat(s)
		if err != nil {
			if format != "" || strings.ContainsAny(err.Error(), "\n\r\x1b") {
				t.Fatalf("ParseFormat(%q) = %q, %q", s, format, err)
			}
			return
		}
		if format.Ext() == "" || format.Name() == string(format) {
			t.Fatalf("ParseFormat(%q) = %q: no extension or name", s, format)
		}
		if err := Export(&bytes.Buffer{}, sampleMap(), format); err != nil {
			t.Fatalf("export %s: %v", format, err)
		}
	})
}

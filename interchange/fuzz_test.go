package interchange

import (
	"bytes"
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
			if msg == "" || strings.ContainsAny(msg, "\n\r\x1b\u009b") || model.CleanText(msg) != msg {
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
		for _, f := range Formats() {
			if err := f.Write(&bytes.Buffer{}, m, Options{}); err != nil {
				t.Fatalf("export %s: %v", f.Name, err)
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

// FuzzFormatByName: a format name as typed is a format with an extension
// and a label, or a one-line error.
func FuzzFormatByName(f *testing.F) {
	for _, s := range []string{"md", " Markdown ", "JSON", "mmd", "csv", "pdf", "", "m\x00d", "\x1b[31m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		format, err := FormatByName(s)
		if err != nil {
			if format.Write != nil || strings.ContainsAny(err.Error(), "\n\r\x1b") {
				t.Fatalf("FormatByName(%q) = %q, %q", s, format.Name, err)
			}
			return
		}
		if format.Ext() == "" || format.Label == "" {
			t.Fatalf("FormatByName(%q) = %q: no extension or label", s, format.Name)
		}
		if err := format.Write(&bytes.Buffer{}, richMap(), Options{}); err != nil {
			t.Fatalf("export %s: %v", format.Name, err)
		}
	})
}

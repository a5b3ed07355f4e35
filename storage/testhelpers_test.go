package storage

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"journeymap/model"
)

// openTemp opens a new store in a fresh temporary directory and closes it
// when the test ends.
func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "maps.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// sampleMap is a small map that uses every field, including empty and nil
// lists, NULL and non-NULL metric values.
func sampleMap() *model.Map {
	return &model.Map{
		MapInfo: model.MapInfo{
			Title:   "Coffee",
			Persona: model.Persona{Name: "Ana", Description: "Commuter"},
			Goal:    "Get a coffee fast",
			Notes:   "From the workshop",
		},
		Phases: []model.Phase{
			{Name: "Discover", Description: "Finds the shop", Touchpoints: []model.Touchpoint{
				{Name: "Sign", Channel: "store", Kind: model.KindPhysical, Owner: "Shop", Emotion: model.Emotion{Score: 4, Labels: model.ListOf("curious")},
					Motivations: model.ListOf("Coffee", "Warmth"), Thoughts: model.ListOf("Is it open?")},
				{Name: "Map app", Channel: "app", Kind: model.KindDigital, Emotion: model.Emotion{Score: 3},
					Metrics: []model.Metric{{Name: "CTR", Unit: "%", Target: model.Float(5), Current: model.Float(3.5), Direction: model.Up}}},
			}},
			{Name: "Order", Touchpoints: []model.Touchpoint{
				{Name: "Queue", Kind: model.KindPhysical, Emotion: model.Emotion{Score: 1, Labels: model.ListOf("impatient", "annoyed")},
					PainPoints: model.ListOf("Long wait"), Opportunities: model.ListOf("Order ahead"), Backstage: model.ListOf("Barista rota"),
					Metrics: []model.Metric{{Name: "wait time", Unit: "min", Target: model.Float(3), Direction: model.Down}, {Name: "NPS", Direction: model.Up}}},
				{Name: "Pay", Kind: model.KindHybrid, Emotion: model.Emotion{Score: 3}, Notes: "card or cash"},
				{Name: "Receipt", Kind: model.KindDigital, Emotion: model.Emotion{Score: 2}},
			}},
			{Name: "Empty phase", Description: "nothing yet"},
		},
	}
}

// normalize returns a copy of m without storage-assigned fields (IDs,
// UpdatedAt) and with every empty list nil, so a map built in memory and one
// loaded from the store compare equal.
func normalize(m *model.Map) *model.Map {
	c := m.Clone()
	c.ID, c.UpdatedAt = 0, time.Time{}
	if len(c.Phases) == 0 {
		c.Phases = nil
	}
	for pi := range c.Phases {
		p := &c.Phases[pi]
		p.ID = 0
		if len(p.Touchpoints) == 0 {
			p.Touchpoints = nil
		}
		for ti := range p.Touchpoints {
			tp := &p.Touchpoints[ti]
			tp.ID = 0
			if len(tp.Metrics) == 0 {
				tp.Metrics = nil
			}
		}
	}
	return c
}

// assertSameMap fails unless got and want are equal apart from IDs and
// UpdatedAt.
func assertSameMap(t testing.TB, got, want *model.Map) {
	t.Helper()
	g, w := normalize(got), normalize(want)
	if !reflect.DeepEqual(g, w) {
		t.Fatalf("maps differ:\n got %s\nwant %s", dumpMap(g), dumpMap(w))
	}
}

// dumpMap prints a map with its values behind pointers, to spot a difference.
func dumpMap(m *model.Map) string {
	b, err := json.Marshal(m)
	if err != nil {
		return err.Error()
	}
	return string(b)
}

// fileState is everything a refused Open must leave untouched: the file's
// bytes and modification time and which sidecar files exist.
type fileState struct {
	data     []byte
	mtime    time.Time
	sidecars map[string]bool
}

func stateOf(t testing.TB, path string) fileState {
	t.Helper()
	st := fileState{sidecars: map[string]bool{}}
	if fi, err := os.Stat(path); err == nil {
		st.mtime = fi.ModTime()
		if st.data, err = os.ReadFile(path); err != nil {
			t.Fatal(err)
		}
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(path + suffix); err == nil {
			st.sidecars[suffix] = true
		}
	}
	return st
}

func assertUnchanged(t testing.TB, path string, before fileState) {
	t.Helper()
	after := stateOf(t, path)
	if !bytes.Equal(after.data, before.data) {
		t.Errorf("%s: bytes changed", path)
	}
	if !after.mtime.Equal(before.mtime) {
		t.Errorf("%s: mtime changed from %v to %v", path, before.mtime, after.mtime)
	}
	if !reflect.DeepEqual(after.sidecars, before.sidecars) {
		t.Errorf("%s: sidecar files were %v, now %v", path, before.sidecars, after.sidecars)
	}
}

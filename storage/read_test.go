package storage

import (
	"reflect"
	"testing"

	"journeymap/model"
)

// assertReadAgrees reads id through ReadMap, with and without the outline,
// and fails unless the head, the phases put back together, the outline and
// MostMetrics are what LoadMap reads.
func assertReadAgrees(t testing.TB, s *Store, id int64) {
	t.Helper()
	want, err := s.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	most := 0
	for _, p := range want.Phases {
		for _, tp := range p.Touchpoints {
			most = max(most, len(tp.Metrics))
		}
	}
	for _, need := range []ReadNeeds{{}, {Outline: true}, {MostMetrics: true}, {Outline: true, MostMetrics: true}} {
		outline := need.Outline
		var got *model.Map
		err := s.ReadMap(id, need, func(r *MapReader) error {
			got = r.Head.Clone()
			for i := range got.Phases {
				if got.Phases[i].Touchpoints != nil {
					t.Errorf("the head's phase %d has touchpoints", i)
				}
			}
			if need.MostMetrics && r.MostMetrics != most {
				t.Errorf("MostMetrics %d, want %d", r.MostMetrics, most)
			}
			if (r.Outline != nil) != outline {
				t.Errorf("outline asked %v, got %v", outline, r.Outline != nil)
			}
			if r.Outline != nil {
				for pi, p := range want.Phases {
					o := r.Outline.Phases[pi]
					if len(o.Touchpoints) != len(p.Touchpoints) {
						t.Fatalf("outline phase %d: %d touchpoints, want %d", pi, len(o.Touchpoints), len(p.Touchpoints))
					}
					for ti, tp := range p.Touchpoints {
						ot := o.Touchpoints[ti]
						if ot.ID != tp.ID || ot.Name != tp.Name || ot.Score != tp.Emotion.Score {
							t.Fatalf("outline %d.%d: %d %q %d, want %d %q %d", pi, ti, ot.ID, ot.Name, ot.Score, tp.ID, tp.Name, tp.Emotion.Score)
						}
					}
				}
			}
			next := 0
			return r.Phases(func(pi int, p *model.Phase) error {
				if pi != next {
					t.Fatalf("phase %d handed over after %d", pi, next-1)
				}
				next++
				got.Phases[pi] = p.Clone()
				return nil
			})
		})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(normalizeLists(got), normalizeLists(want)) {
			t.Fatalf("ReadMap (%+v) and LoadMap disagree:\n got %s\nwant %s", need, dumpMap(got), dumpMap(want))
		}
	}
}

func TestReadMapOnce(t *testing.T) {
	s := openTemp(t)
	id, err := s.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	err = s.ReadMap(id, ReadNeeds{}, func(r *MapReader) error {
		if err := r.Phases(func(int, *model.Phase) error { return nil }); err != nil {
			return err
		}
		if r.Phases(func(int, *model.Phase) error { return nil }) == nil {
			t.Error("the phases were read twice")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.ReadMap(id+100, ReadNeeds{}, func(*MapReader) error { return nil }); err == nil {
		t.Error("a missing map was read")
	}
}

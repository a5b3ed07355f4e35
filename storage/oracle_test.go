package storage

import (
	"database/sql"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"testing"

	"journeymap/internal/testmap"
	"journeymap/model"
)

// loadMapRows is the plain loader kept as a test oracle: one row at a time,
// every list ordered by SQL, none of the packing LoadMap does for speed.
// Where it and LoadMap both succeed they must agree exactly.
func loadMapRows(db *sql.DB, id int64) (*model.Map, error) {
	m := &model.Map{ID: id}
	var updated int64
	if err := db.QueryRow(`SELECT rev, title, persona_name, persona_description, goal, notes, updated_at FROM maps WHERE id = ?`, id).
		Scan(&m.Rev, &m.Title, &m.Persona.Name, &m.Persona.Description, &m.Goal, &m.Notes, &updated); err != nil {
		return nil, err
	}
	m.UpdatedAt = fromStamp(updated)
	rows, err := db.Query(`SELECT id, rev, name, description FROM phases WHERE map_id = ? ORDER BY position, id`, id)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var p model.Phase
		if err := rows.Scan(&p.ID, &p.Rev, &p.Name, &p.Description); err != nil {
			rows.Close()
			return nil, err
		}
		m.Phases = append(m.Phases, p)
	}
	rows.Close()
	for pi := range m.Phases {
		p := &m.Phases[pi]
		rows, err := db.Query(`SELECT id, rev, name, description, channel, kind, owner, score, notes FROM touchpoints WHERE phase_id = ? ORDER BY position, id`, p.ID)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var t model.Touchpoint
			var kind string
			var score float64
			if err := rows.Scan(&t.ID, &t.Rev, &t.Name, &t.Description, &t.Channel, &kind, &t.Owner, &score, &t.Notes); err != nil {
				rows.Close()
				return nil, err
			}
			if score != math.Trunc(score) || score < 1 || score > 5 {
				rows.Close()
				return nil, fmt.Errorf("score %v: %w", score, errPacked)
			}
			t.Kind, t.Emotion.Score = model.Kind(kind), int(score)
			p.Touchpoints = append(p.Touchpoints, t)
		}
		rows.Close()
		for ti := range p.Touchpoints {
			t := &p.Touchpoints[ti]
			items, err := db.Query(`SELECT list, text FROM items WHERE touchpoint_id = ? ORDER BY list, position`, t.ID)
			if err != nil {
				return nil, err
			}
			for items.Next() {
				var list, text string
				if err := items.Scan(&list, &text); err != nil {
					items.Close()
					return nil, err
				}
				l := itemList(t, list[0])
				*l = l.Append(text)
			}
			items.Close()
			mrows, err := db.Query(`SELECT name, unit, target, current, direction FROM metrics WHERE touchpoint_id = ? ORDER BY position`, t.ID)
			if err != nil {
				return nil, err
			}
			for mrows.Next() {
				var mt model.Metric
				var target, current sql.NullFloat64
				var dir string
				if err := mrows.Scan(&mt.Name, &mt.Unit, &target, &current, &dir); err != nil {
					mrows.Close()
					return nil, err
				}
				if target.Valid {
					mt.Target = model.Float(target.Float64)
				}
				if current.Valid {
					mt.Current = model.Float(current.Float64)
				}
				mt.Direction = model.Direction(dir)
				t.Metrics = append(t.Metrics, mt)
			}
			mrows.Close()
		}
	}
	return m, nil
}

// assertLoadersAgree loads id both ways and fails unless they agree.
func assertLoadersAgree(t testing.TB, s *Store, id int64) {
	t.Helper()
	got, err := s.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	want, err := loadMapRows(s.db, id)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(normalizeLists(got), normalizeLists(want)) {
		t.Fatalf("the packed loader and the row loader disagree:\n got %s\nwant %s", dumpMap(got), dumpMap(want))
	}
	assertReadAgrees(t, s, id)
}

// normalizeLists makes empty touchpoint and metric slices nil, as both
// loaders mean them (an empty model.List is always the zero value).
func normalizeLists(m *model.Map) *model.Map {
	c := m.Clone()
	for pi := range c.Phases {
		p := &c.Phases[pi]
		if len(p.Touchpoints) == 0 {
			p.Touchpoints = nil
		}
		for ti := range p.Touchpoints {
			tp := &p.Touchpoints[ti]
			if len(tp.Metrics) == 0 {
				tp.Metrics = nil
			}
		}
	}
	return c
}

// TestLoadersAgree compares the packed loader with the oracle on maps with
// dense and with spread-out IDs, with scans reversed, and with positions a
// careless writer left with gaps.
func TestLoadersAgree(t *testing.T) {
	s := openTemp(t)
	dense, err := s.CreateMap(testmap.Dense(6, 300))
	if err != nil {
		t.Fatal(err)
	}
	other, _ := s.CreateMap(sampleMap())
	assertLoadersAgree(t, s, dense)
	assertLoadersAgree(t, s, other)

	// IDs chosen by edits spread a map over the whole ID range.
	m, _ := s.LoadMap(other)
	for i := 0; i < 20; i++ {
		tp := model.NewTouchpoint(fmt.Sprintf("spread %d", i))
		tp.Motivations, tp.Metrics = model.ListOf("m"), []model.Metric{{Name: "x", Direction: model.Up, Target: model.Float(1)}}
		e := &model.InsertTouchpoint{Phase: m.Phases[i%3].ID, Index: i % 2, Touchpoint: tp}
		if err := e.Apply(m); err != nil {
			t.Fatal(err)
		}
		if err := s.Apply(other, e); err != nil {
			t.Fatal(err)
		}
	}
	assertLoadersAgree(t, s, other)
	assertLoadersAgree(t, s, dense)

	if _, err := s.db.Exec(`PRAGMA reverse_unordered_selects = ON`); err != nil {
		t.Fatal(err)
	}
	assertLoadersAgree(t, s, dense)
	assertLoadersAgree(t, s, other)

	// Gaps in positions, as a hand-edited file may have.
	if _, err := s.db.Exec(`UPDATE items SET position = position + 1000000; UPDATE items SET position = (position - 1000000) * 3 + 1`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`UPDATE touchpoints SET position = position * 2 + 5`); err != nil {
		t.Fatal(err)
	}
	assertLoadersAgree(t, s, dense)
	assertLoadersAgree(t, s, other)
}

func TestLoadersAgreeOnABigMap(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	s, err := Open(filepath.Join(t.TempDir(), "big.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id, err := s.CreateMap(testmap.Dense(40, 2000))
	if err != nil {
		t.Fatal(err)
	}
	assertLoadersAgree(t, s, id)
}

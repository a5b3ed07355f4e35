package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"journeymap/model"
)

// The lists of short texts a touchpoint holds, by their name in the items
// table.
var itemLists = []struct {
	name string
	of   func(t *model.Touchpoint) *[]string
}{
	{"label", func(t *model.Touchpoint) *[]string { return &t.Emotion.Labels }},
	{"motivation", func(t *model.Touchpoint) *[]string { return &t.Motivations }},
	{"thought", func(t *model.Touchpoint) *[]string { return &t.Thoughts }},
	{"pain_point", func(t *model.Touchpoint) *[]string { return &t.PainPoints }},
	{"opportunity", func(t *model.Touchpoint) *[]string { return &t.Opportunities }},
	{"backstage", func(t *model.Touchpoint) *[]string { return &t.Backstage }},
}

var ctxBG = context.Background()

// inserter writes phases and touchpoints with statements prepared once per
// transaction, which is what makes importing 10,000 touchpoints cheap.
type inserter struct {
	phase, tp, item, metr *sql.Stmt
}

func newInserter(q querier) (*inserter, error) {
	in := &inserter{}
	for _, p := range []struct {
		stmt **sql.Stmt
		sql  string
	}{
		{&in.phase, `INSERT INTO phases (map_id, position, name, description) VALUES (?, ?, ?, ?)`},
		{&in.tp, `INSERT INTO touchpoints (phase_id, position, name, description, channel, kind, owner, score, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&in.item, `INSERT INTO items (touchpoint_id, list, position, text) VALUES (?, ?, ?, ?)`},
		{&in.metr, `INSERT INTO metrics (touchpoint_id, position, name, unit, target, current, direction) VALUES (?, ?, ?, ?, ?, ?, ?)`},
	} {
		st, err := q.PrepareContext(ctxBG, p.sql)
		if err != nil {
			in.close()
			return nil, err
		}
		*p.stmt = st
	}
	return in, nil
}

func (in *inserter) close() {
	for _, st := range []*sql.Stmt{in.phase, in.tp, in.item, in.metr} {
		if st != nil {
			st.Close()
		}
	}
}

// rowIDs records the IDs given to a phase's rows, to be copied into the
// caller's values only once the transaction has committed.
type rowIDs struct {
	phase int64
	tps   []int64
}

func (in *inserter) insertPhase(mapID int64, pos int, p *model.Phase) (rowIDs, error) {
	res, err := in.phase.ExecContext(ctxBG, mapID, pos, p.Name, p.Description)
	if err != nil {
		return rowIDs{}, err
	}
	got := rowIDs{tps: make([]int64, len(p.Touchpoints))}
	if got.phase, err = res.LastInsertId(); err != nil {
		return rowIDs{}, err
	}
	for i := range p.Touchpoints {
		if got.tps[i], err = in.insertTouchpoint(got.phase, i, &p.Touchpoints[i]); err != nil {
			return rowIDs{}, err
		}
	}
	return got, nil
}

func (in *inserter) insertTouchpoint(phaseID int64, pos int, t *model.Touchpoint) (int64, error) {
	res, err := in.tp.ExecContext(ctxBG, phaseID, pos, t.Name, t.Description, t.Channel, string(t.Kind), t.Owner, t.Emotion.Score, t.Notes)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	return id, in.insertDetails(id, t)
}

// insertDetails writes the touchpoint's lists and metrics.
func (in *inserter) insertDetails(id int64, t *model.Touchpoint) error {
	for _, l := range itemLists {
		for i, text := range *l.of(t) {
			if _, err := in.item.ExecContext(ctxBG, id, l.name, i, text); err != nil {
				return err
			}
		}
	}
	for i, mt := range t.Metrics {
		if _, err := in.metr.ExecContext(ctxBG, id, i, mt.Name, mt.Unit, nullFloat(mt.Target), nullFloat(mt.Current), string(mt.Direction)); err != nil {
			return err
		}
	}
	return nil
}

func nullFloat(f *float64) sql.NullFloat64 {
	if f == nil {
		return sql.NullFloat64{}
	}
	// SQLite keeps no negative zero; store 0 so that what was written is
	// exactly what loads.
	return sql.NullFloat64{Float64: *f + 0, Valid: true}
}

func (g rowIDs) assign(p *model.Phase) {
	p.ID = g.phase
	for i := range p.Touchpoints {
		p.Touchpoints[i].ID = g.tps[i]
	}
}

// CreateMap validates m and stores it, with all its phases and touchpoints,
// in one transaction. On success it sets m.ID, m.UpdatedAt and every phase's
// and touchpoint's ID; on failure m is left as it was.
func (s *Store) CreateMap(m *model.Map) (int64, error) {
	if err := m.Validate(); err != nil {
		return 0, fmt.Errorf("create map in %s: %w", s.path, err)
	}
	var id, at int64
	var phaseIDs []rowIDs
	err := s.write("create map", 0, func(q querier) error {
		var err error
		id, at, phaseIDs, err = insertMap(q, m)
		return err
	})
	if err != nil {
		return 0, err
	}
	m.ID, m.UpdatedAt = id, fromStamp(at)
	for i := range m.Phases {
		phaseIDs[i].assign(&m.Phases[i])
	}
	return id, nil
}

func insertMap(q querier, m *model.Map) (id, at int64, phaseIDs []rowIDs, err error) {
	at = nowStamp()
	res, err := q.ExecContext(ctxBG, `INSERT INTO maps (title, persona_name, persona_description, goal, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		m.Title, m.Persona.Name, m.Persona.Description, m.Goal, m.Notes, at, at)
	if err != nil {
		return 0, 0, nil, err
	}
	if id, err = res.LastInsertId(); err != nil {
		return 0, 0, nil, err
	}
	in, err := newInserter(q)
	if err != nil {
		return 0, 0, nil, err
	}
	defer in.close()
	phaseIDs = make([]rowIDs, len(m.Phases))
	for i := range m.Phases {
		if phaseIDs[i], err = in.insertPhase(id, i, &m.Phases[i]); err != nil {
			return 0, 0, nil, err
		}
	}
	return id, at, phaseIDs, nil
}

// DuplicateMap copies the map with the given ID, everything in it, under a
// new title (the old title plus " (copy)" when title is empty), and returns
// the copy's ID.
func (s *Store) DuplicateMap(id int64, title string) (int64, error) {
	var newID int64
	err := s.write("duplicate map", 0, func(q querier) error {
		m, err := loadMap(q, id)
		if err != nil {
			return fmt.Errorf("map %d: %w", id, err)
		}
		if strings.TrimSpace(title) == "" {
			title = m.Title + " (copy)"
		}
		m.Title = title
		if err := m.Validate(); err != nil {
			return err
		}
		newID, _, _, err = insertMap(q, m)
		return err
	})
	if err != nil {
		return 0, err
	}
	return newID, nil
}

// DeleteMap removes the map and, by cascade, everything in it.
func (s *Store) DeleteMap(id int64) error {
	return s.write("delete map", 0, func(q querier) error {
		res, err := q.ExecContext(ctxBG, `DELETE FROM maps WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("map %d: %w", id, ErrNotFound)
		}
		return nil
	})
}

// UpdateMapInfo replaces the map's title, persona, goal and notes.
func (s *Store) UpdateMapInfo(mapID int64, info model.MapInfo) error {
	if err := info.Validate(); err != nil {
		return fmt.Errorf("edit map in %s: %w", s.path, err)
	}
	return s.write("edit map", mapID, func(q querier) error {
		_, err := q.ExecContext(ctxBG, `UPDATE maps SET title = ?, persona_name = ?, persona_description = ?, goal = ?, notes = ? WHERE id = ?`,
			info.Title, info.Persona.Name, info.Persona.Description, info.Goal, info.Notes, mapID)
		return err
	})
}

// phaseCount returns how many phases the map has.
func phaseCount(q querier, mapID int64) (int, error) {
	var n int
	err := q.QueryRowContext(ctxBG, `SELECT count(*) FROM phases WHERE map_id = ?`, mapID).Scan(&n)
	return n, err
}

// phaseID returns the ID of the phase at index, or model.ErrOutOfRange.
func phaseID(q querier, mapID int64, index int) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctxBG, `SELECT id FROM phases WHERE map_id = ? AND position = ?`, mapID, index).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, model.ErrOutOfRange{What: fmt.Sprintf("phase %d", index)}
	}
	return id, err
}

// touchpointCount returns how many touchpoints the phase has.
func touchpointCount(q querier, phaseID int64) (int, error) {
	var n int
	err := q.QueryRowContext(ctxBG, `SELECT count(*) FROM touchpoints WHERE phase_id = ?`, phaseID).Scan(&n)
	return n, err
}

// touchpointID returns the ID of the touchpoint at index of the phase at
// phase, or model.ErrOutOfRange.
func touchpointID(q querier, mapID int64, phase, index int) (int64, error) {
	pid, err := phaseID(q, mapID, phase)
	if err != nil {
		return 0, err
	}
	var id int64
	err = q.QueryRowContext(ctxBG, `SELECT id FROM touchpoints WHERE phase_id = ? AND position = ?`, pid, index).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, model.ErrOutOfRange{What: fmt.Sprintf("touchpoint %d of phase %d", index, phase)}
	}
	return id, err
}

// InsertPhase puts p, with its touchpoints, at index (0..number of phases)
// and sets the IDs in p.
func (s *Store) InsertPhase(mapID int64, index int, p *model.Phase) error {
	if err := p.Validate(); err != nil {
		return fmt.Errorf("add phase in %s: %w", s.path, err)
	}
	var got rowIDs
	err := s.write("add phase", mapID, func(q querier) error {
		n, err := phaseCount(q, mapID)
		if err != nil {
			return err
		}
		if index < 0 || index > n {
			return model.ErrOutOfRange{What: fmt.Sprintf("phase %d", index)}
		}
		if _, err := q.ExecContext(ctxBG, `UPDATE phases SET position = position + 1 WHERE map_id = ? AND position >= ?`, mapID, index); err != nil {
			return err
		}
		in, err := newInserter(q)
		if err != nil {
			return err
		}
		defer in.close()
		got, err = in.insertPhase(mapID, index, p)
		return err
	})
	if err != nil {
		return err
	}
	got.assign(p)
	return nil
}

// UpdatePhase replaces the name and description of the phase at index.
func (s *Store) UpdatePhase(mapID int64, index int, name, description string) error {
	if err := (model.Phase{Name: name, Description: description}).Validate(); err != nil {
		return fmt.Errorf("edit phase in %s: %w", s.path, err)
	}
	return s.write("edit phase", mapID, func(q querier) error {
		id, err := phaseID(q, mapID, index)
		if err != nil {
			return err
		}
		_, err = q.ExecContext(ctxBG, `UPDATE phases SET name = ?, description = ? WHERE id = ?`, name, description, id)
		return err
	})
}

// DeletePhase removes the phase at index with all its touchpoints.
func (s *Store) DeletePhase(mapID int64, index int) error {
	return s.write("delete phase", mapID, func(q querier) error {
		id, err := phaseID(q, mapID, index)
		if err != nil {
			return err
		}
		if _, err := q.ExecContext(ctxBG, `DELETE FROM phases WHERE id = ?`, id); err != nil {
			return err
		}
		_, err = q.ExecContext(ctxBG, `UPDATE phases SET position = position - 1 WHERE map_id = ? AND position > ?`, mapID, index)
		return err
	})
}

// MovePhase moves the phase at from so that it ends up at index to.
func (s *Store) MovePhase(mapID int64, from, to int) error {
	return s.write("move phase", mapID, func(q querier) error {
		id, err := phaseID(q, mapID, from)
		if err != nil {
			return err
		}
		n, err := phaseCount(q, mapID)
		if err != nil {
			return err
		}
		if to < 0 || to >= n {
			return model.ErrOutOfRange{What: fmt.Sprintf("phase %d", to)}
		}
		// Close the gap the phase leaves, open one where it lands; the
		// moving row itself is left out of both shifts.
		if _, err := q.ExecContext(ctxBG, `UPDATE phases SET position = position - 1 WHERE map_id = ? AND position > ? AND id <> ?`, mapID, from, id); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctxBG, `UPDATE phases SET position = position + 1 WHERE map_id = ? AND position >= ? AND id <> ?`, mapID, to, id); err != nil {
			return err
		}
		_, err = q.ExecContext(ctxBG, `UPDATE phases SET position = ? WHERE id = ?`, to, id)
		return err
	})
}

// InsertTouchpoint puts t at index (0..number of touchpoints) of the phase
// at phase and sets t.ID.
func (s *Store) InsertTouchpoint(mapID int64, phase, index int, t *model.Touchpoint) error {
	if err := t.Validate(); err != nil {
		return fmt.Errorf("add touchpoint in %s: %w", s.path, err)
	}
	var id int64
	err := s.write("add touchpoint", mapID, func(q querier) error {
		pid, err := phaseID(q, mapID, phase)
		if err != nil {
			return err
		}
		n, err := touchpointCount(q, pid)
		if err != nil {
			return err
		}
		if index < 0 || index > n {
			return model.ErrOutOfRange{What: fmt.Sprintf("touchpoint %d of phase %d", index, phase)}
		}
		if _, err := q.ExecContext(ctxBG, `UPDATE touchpoints SET position = position + 1 WHERE phase_id = ? AND position >= ?`, pid, index); err != nil {
			return err
		}
		in, err := newInserter(q)
		if err != nil {
			return err
		}
		defer in.close()
		id, err = in.insertTouchpoint(pid, index, t)
		return err
	})
	if err != nil {
		return err
	}
	t.ID = id
	return nil
}

// UpdateTouchpoint replaces every field of the touchpoint at index of the
// phase at phase with t's; the stored touchpoint keeps its ID.
func (s *Store) UpdateTouchpoint(mapID int64, phase, index int, t model.Touchpoint) error {
	if err := t.Validate(); err != nil {
		return fmt.Errorf("edit touchpoint in %s: %w", s.path, err)
	}
	return s.write("edit touchpoint", mapID, func(q querier) error {
		id, err := touchpointID(q, mapID, phase, index)
		if err != nil {
			return err
		}
		if _, err := q.ExecContext(ctxBG, `UPDATE touchpoints SET name = ?, description = ?, channel = ?, kind = ?, owner = ?, score = ?, notes = ? WHERE id = ?`,
			t.Name, t.Description, t.Channel, string(t.Kind), t.Owner, t.Emotion.Score, t.Notes, id); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctxBG, `DELETE FROM items WHERE touchpoint_id = ?`, id); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctxBG, `DELETE FROM metrics WHERE touchpoint_id = ?`, id); err != nil {
			return err
		}
		in, err := newInserter(q)
		if err != nil {
			return err
		}
		defer in.close()
		return in.insertDetails(id, &t)
	})
}

// DeleteTouchpoint removes the touchpoint at index of the phase at phase.
func (s *Store) DeleteTouchpoint(mapID int64, phase, index int) error {
	return s.write("delete touchpoint", mapID, func(q querier) error {
		id, err := touchpointID(q, mapID, phase, index)
		if err != nil {
			return err
		}
		var pid int64
		if err := q.QueryRowContext(ctxBG, `DELETE FROM touchpoints WHERE id = ? RETURNING phase_id`, id).Scan(&pid); err != nil {
			return err
		}
		_, err = q.ExecContext(ctxBG, `UPDATE touchpoints SET position = position - 1 WHERE phase_id = ? AND position > ?`, pid, index)
		return err
	})
}

// MoveTouchpoint takes the touchpoint at from and puts it at to, within its
// phase or into another; to.Index is its index after the move, as in
// model.MoveTouchpoint.
func (s *Store) MoveTouchpoint(mapID int64, from, to model.Ref) error {
	return s.write("move touchpoint", mapID, func(q querier) error {
		id, err := touchpointID(q, mapID, from.Phase, from.Index)
		if err != nil {
			return err
		}
		src, err := phaseID(q, mapID, from.Phase)
		if err != nil {
			return err
		}
		dst, err := phaseID(q, mapID, to.Phase)
		if err != nil {
			return err
		}
		limit, err := touchpointCount(q, dst)
		if err != nil {
			return err
		}
		if dst == src {
			limit-- // the touchpoint leaves before it lands
		}
		if to.Index < 0 || to.Index > limit {
			return model.ErrOutOfRange{What: fmt.Sprintf("touchpoint %d of phase %d", to.Index, to.Phase)}
		}
		if _, err := q.ExecContext(ctxBG, `UPDATE touchpoints SET position = position - 1 WHERE phase_id = ? AND position > ? AND id <> ?`, src, from.Index, id); err != nil {
			return err
		}
		if _, err := q.ExecContext(ctxBG, `UPDATE touchpoints SET position = position + 1 WHERE phase_id = ? AND position >= ? AND id <> ?`, dst, to.Index, id); err != nil {
			return err
		}
		_, err = q.ExecContext(ctxBG, `UPDATE touchpoints SET phase_id = ?, position = ? WHERE id = ?`, dst, to.Index, id)
		return err
	})
}

// Apply stores one model edit; it does to the file what e.Apply does to a
// map in memory. The edit itself is not changed: Apply works on copies of
// the phase or touchpoint it carries.
func (s *Store) Apply(mapID int64, e model.Edit) error {
	switch e := e.(type) {
	case *model.UpdateMap:
		return s.UpdateMapInfo(mapID, e.Info)
	case *model.InsertPhase:
		p := e.Phase.Clone()
		return s.InsertPhase(mapID, e.Index, &p)
	case *model.DeletePhase:
		return s.DeletePhase(mapID, e.Index)
	case *model.UpdatePhase:
		return s.UpdatePhase(mapID, e.Index, e.Name, e.Description)
	case *model.MovePhase:
		return s.MovePhase(mapID, e.From, e.To)
	case *model.InsertTouchpoint:
		t := e.Touchpoint.Clone()
		return s.InsertTouchpoint(mapID, e.Phase, e.Index, &t)
	case *model.DeleteTouchpoint:
		return s.DeleteTouchpoint(mapID, e.Phase, e.Index)
	case *model.UpdateTouchpoint:
		return s.UpdateTouchpoint(mapID, e.Phase, e.Index, e.Touchpoint)
	case *model.MoveTouchpoint:
		return s.MoveTouchpoint(mapID, e.From, e.To)
	case nil:
		return fmt.Errorf("apply to %s: no edit", s.path)
	default:
		return fmt.Errorf("apply to %s: unsupported edit %T", s.path, e)
	}
}

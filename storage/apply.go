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
	of   func(t *model.Touchpoint) *model.List
}{
	{"label", func(t *model.Touchpoint) *model.List { return &t.Emotion.Labels }},
	{"motivation", func(t *model.Touchpoint) *model.List { return &t.Motivations }},
	{"thought", func(t *model.Touchpoint) *model.List { return &t.Thoughts }},
	{"pain_point", func(t *model.Touchpoint) *model.List { return &t.PainPoints }},
	{"opportunity", func(t *model.Touchpoint) *model.List { return &t.Opportunities }},
	{"backstage", func(t *model.Touchpoint) *model.List { return &t.Backstage }},
}

var ctxBG = context.Background()

// inserter writes phases and touchpoints with statements prepared once per
// transaction, which is what makes importing 10,000 touchpoints cheap.
type inserter struct {
	phase, tp, item, metr *sql.Stmt
	// keepIDs writes the IDs and revisions the values carry (an edit's new
	// item, or an undo bringing one back); otherwise SQLite numbers the rows
	// and revisions start at 0 (a new or copied map).
	keepIDs bool
	// by is recorded as who added the touchpoints and items written
	// (authors.go); a touchpoint that names its adder keeps it, and items
	// that were there before an edit keep theirs (kept).
	by   string
	kept keptAuthors
}

func newInserter(q querier) (*inserter, error) {
	in := &inserter{}
	for _, p := range []struct {
		stmt **sql.Stmt
		sql  string
	}{
		{&in.phase, `INSERT INTO phases (id, rev, map_id, position, name, description) VALUES (?, ?, ?, ?, ?, ?)`},
		{&in.tp, `INSERT INTO touchpoints (id, rev, phase_id, position, name, description, channel, kind, owner, score, notes, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&in.item, `INSERT INTO items (touchpoint_id, list, position, text, added_by) VALUES (?, ?, ?, ?, ?)`},
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
	id, rev := in.idRev(p.ID, p.Rev)
	res, err := in.phase.ExecContext(ctxBG, id, rev, mapID, pos, p.Name, p.Description)
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
	tid, rev := in.idRev(t.ID, t.Rev)
	by := t.AddedBy
	if by == "" {
		by = in.by
	}
	res, err := in.tp.ExecContext(ctxBG, tid, rev, phaseID, pos, t.Name, t.Description, t.Channel, string(t.Kind), t.Owner, t.Emotion.Score, t.Notes, by)
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
		for i, text := range l.of(t).All() {
			if _, err := in.item.ExecContext(ctxBG, id, l.name, i, text, in.kept.take(l.name, text, in.by)); err != nil {
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

// idRev returns the ID (NULL: SQLite picks one) and revision to write.
func (in *inserter) idRev(id, rev int64) (sql.NullInt64, int64) {
	if !in.keepIDs || id == 0 {
		return sql.NullInt64{}, 0
	}
	return sql.NullInt64{Int64: id, Valid: true}, rev
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
	p.ID, p.Rev = g.phase, 0
	for i := range p.Touchpoints {
		p.Touchpoints[i].ID, p.Touchpoints[i].Rev = g.tps[i], 0
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
	m.ID, m.Rev, m.UpdatedAt = id, 0, fromStamp(at)
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
	if err := insertVotes(q, id, m, phaseIDs); err != nil {
		return 0, 0, nil, err
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

// apply stores one model edit (see Apply) made by by: it does to the file what e.Apply does to a
// map in memory, in one write transaction. The edit names its items by ID;
// the transaction checks that they are still in the map and, for a change of
// fields, still at the revision the edit saw. Otherwise it writes nothing and
// returns a *model.Conflict (errors.Is(err, model.ErrConflict)). Positions an
// edit asks for (where an item goes) are clamped to what the file holds.
// The edit itself is not changed.
func (s *Store) apply(by Author, mapID int64, e model.Edit) error {
	if e == nil {
		return fmt.Errorf("apply to %s: no edit", s.path)
	}
	var fn func(q querier) error
	var op string
	switch e := e.(type) {
	case *model.UpdateMap:
		op = "edit map"
		if err := e.Info.Validate(); err != nil {
			return fmt.Errorf("edit map in %s: %w", s.path, err)
		}
		fn = func(q querier) error { return updateMap(q, mapID, e) }
	case *model.InsertPhase:
		op = "add phase"
		if err := e.Phase.Validate(); err != nil {
			return fmt.Errorf("add phase in %s: %w", s.path, err)
		}
		fn = func(q querier) error { return insertPhase(q, mapID, e, by) }
	case *model.DeletePhase:
		op = "delete phase"
		fn = func(q querier) error { return deletePhase(q, mapID, e) }
	case *model.UpdatePhase:
		op = "edit phase"
		if err := (model.Phase{Name: e.Name, Description: e.Description}).Validate(); err != nil {
			return fmt.Errorf("edit phase in %s: %w", s.path, err)
		}
		fn = func(q querier) error { return updatePhase(q, mapID, e) }
	case *model.MovePhase:
		op = "move phase"
		fn = func(q querier) error { return movePhase(q, mapID, e) }
	case *model.InsertTouchpoint:
		op = "add touchpoint"
		if err := e.Touchpoint.Validate(); err != nil {
			return fmt.Errorf("add touchpoint in %s: %w", s.path, err)
		}
		fn = func(q querier) error { return insertTouchpoint(q, mapID, e, by) }
	case *model.DeleteTouchpoint:
		op = "delete touchpoint"
		fn = func(q querier) error { return deleteTouchpoint(q, mapID, e, by) }
	case *model.UpdateTouchpoint:
		op = "edit touchpoint"
		if err := e.Touchpoint.Validate(); err != nil {
			return fmt.Errorf("edit touchpoint in %s: %w", s.path, err)
		}
		fn = func(q querier) error { return updateTouchpoint(q, mapID, e, by) }
	case *model.MoveTouchpoint:
		op = "move touchpoint"
		fn = func(q querier) error { return moveTouchpoint(q, mapID, e) }
	default:
		return fmt.Errorf("apply to %s: unsupported edit %T", s.path, e)
	}
	return s.write(op, mapID, fn)
}

func conflict(kind string, id int64, name string, isGone bool) error {
	what := fmt.Sprintf("%s %d", kind, id)
	if name != "" {
		what = fmt.Sprintf("%s %q", kind, name)
	}
	return &model.Conflict{What: what, Gone: isGone}
}

// phaseRow is where a phase of the map is in the file.
type phaseRow struct {
	pos  int
	rev  int64
	name string
}

// findPhase returns the phase with id if it belongs to mapID.
func findPhase(q querier, mapID, id int64) (phaseRow, error) {
	var p phaseRow
	err := q.QueryRowContext(ctxBG, `SELECT position, rev, name FROM phases WHERE id = ? AND map_id = ?`, id, mapID).Scan(&p.pos, &p.rev, &p.name)
	if err == sql.ErrNoRows {
		return p, conflict("phase", id, "", true)
	}
	return p, err
}

// findPhaseAt is findPhase for a change of the phase's own fields: it must
// still be at revision rev, or the change is a conflict.
func findPhaseAt(q querier, mapID, id, rev int64) (phaseRow, error) {
	p, err := findPhase(q, mapID, id)
	if err == nil && p.rev != rev {
		err = conflict("phase", id, p.name, false)
	}
	return p, err
}

// touchpointRow is where a touchpoint of the map is in the file.
type touchpointRow struct {
	phase int64
	pos   int
	rev   int64
	name  string
}

// findTouchpoint returns the touchpoint with id if it belongs to mapID.
func findTouchpoint(q querier, mapID, id int64) (touchpointRow, error) {
	var t touchpointRow
	err := q.QueryRowContext(ctxBG, `SELECT t.phase_id, t.position, t.rev, t.name FROM touchpoints t JOIN phases p ON p.id = t.phase_id WHERE t.id = ? AND p.map_id = ?`, id, mapID).
		Scan(&t.phase, &t.pos, &t.rev, &t.name)
	if err == sql.ErrNoRows {
		return t, conflict("touchpoint", id, "", true)
	}
	return t, err
}

// findTouchpointAt is findTouchpoint for a change of the touchpoint: it must
// still be at revision rev, or the change is a conflict.
func findTouchpointAt(q querier, mapID, id, rev int64) (touchpointRow, error) {
	t, err := findTouchpoint(q, mapID, id)
	if err == nil && t.rev != rev {
		err = conflict("touchpoint", id, t.name, false)
	}
	return t, err
}

func count(q querier, query string, arg int64) (int, error) {
	var n int
	err := q.QueryRowContext(ctxBG, query, arg).Scan(&n)
	return n, err
}

// refuseTaken refuses to insert a phase or touchpoint whose ID is taken: the
// item an undo brings back is already there (another window undid first).
func refuseTaken(q querier, table string, id int64, kind, name string) error {
	if id == 0 {
		return nil
	}
	var one int
	err := q.QueryRowContext(ctxBG, `SELECT 1 FROM `+table+` WHERE id = ?`, id).Scan(&one)
	switch {
	case err == sql.ErrNoRows:
		return nil
	case err != nil:
		return err
	}
	return &model.Conflict{What: fmt.Sprintf("%s %q (already there)", kind, name)}
}

func updateMap(q querier, mapID int64, e *model.UpdateMap) error {
	var rev int64
	var title string
	if err := q.QueryRowContext(ctxBG, `SELECT rev, title FROM maps WHERE id = ?`, mapID).Scan(&rev, &title); err != nil {
		return err
	}
	if rev != e.Rev {
		return conflict("map", mapID, title, false)
	}
	info := e.Info
	_, err := q.ExecContext(ctxBG, `UPDATE maps SET title = ?, persona_name = ?, persona_description = ?, goal = ?, notes = ?, rev = rev + 1 WHERE id = ?`,
		info.Title, info.Persona.Name, info.Persona.Description, info.Goal, info.Notes, mapID)
	return err
}

func insertPhase(q querier, mapID int64, e *model.InsertPhase, by Author) error {
	if err := refuseTaken(q, "phases", e.Phase.ID, "phase", e.Phase.Name); err != nil {
		return err
	}
	for _, t := range e.Phase.Touchpoints {
		if err := refuseTaken(q, "touchpoints", t.ID, "touchpoint", t.Name); err != nil {
			return err
		}
	}
	n, err := count(q, `SELECT count(*) FROM phases WHERE map_id = ?`, mapID)
	if err != nil {
		return err
	}
	index := e.Index
	if index < 0 || index > n {
		index = n
	}
	if _, err := q.ExecContext(ctxBG, `UPDATE phases SET position = position + 1 WHERE map_id = ? AND position >= ?`, mapID, index); err != nil {
		return err
	}
	in, err := newInserter(q)
	if err != nil {
		return err
	}
	defer in.close()
	in.keepIDs, in.by = true, by.Name
	_, err = in.insertPhase(mapID, index, &e.Phase)
	return err
}

func updatePhase(q querier, mapID int64, e *model.UpdatePhase) error {
	_, err := findPhaseAt(q, mapID, e.ID, e.Rev)
	if err != nil {
		return err
	}
	_, err = q.ExecContext(ctxBG, `UPDATE phases SET name = ?, description = ?, rev = rev + 1 WHERE id = ?`, e.Name, e.Description, e.ID)
	return err
}

func deletePhase(q querier, mapID int64, e *model.DeletePhase) error {
	p, err := findPhaseAt(q, mapID, e.ID, e.Rev)
	if err != nil {
		return err
	}
	// The touchpoints go with the phase, and an undo brings back the ones
	// its author saw: so they must be exactly those, at those revisions.
	if seen := e.Removed(); seen.ID == e.ID {
		if err := sameTouchpoints(q, e.ID, seen); err != nil {
			return err
		}
	}
	if _, err := q.ExecContext(ctxBG, `DELETE FROM phases WHERE id = ?`, e.ID); err != nil {
		return err
	}
	_, err = q.ExecContext(ctxBG, `UPDATE phases SET position = position - 1 WHERE map_id = ? AND position > ?`, mapID, p.pos)
	return err
}

// sameTouchpoints checks that the phase holds exactly the touchpoints seen,
// at the revisions seen.
func sameTouchpoints(q querier, phaseID int64, seen model.Phase) error {
	want := make(map[int64]int64, len(seen.Touchpoints))
	for _, t := range seen.Touchpoints {
		want[t.ID] = t.Rev
	}
	rows, err := q.QueryContext(ctxBG, `SELECT id, rev FROM touchpoints WHERE phase_id = ?`, phaseID)
	if err != nil {
		return err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var id, rev int64
		if err := rows.Scan(&id, &rev); err != nil {
			return err
		}
		if r, ok := want[id]; !ok || r != rev {
			return &model.Conflict{What: fmt.Sprintf("phase %q (its touchpoints)", seen.Name)}
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if n != len(want) {
		return &model.Conflict{What: fmt.Sprintf("phase %q (its touchpoints)", seen.Name)}
	}
	return nil
}

func movePhase(q querier, mapID int64, e *model.MovePhase) error {
	p, err := findPhase(q, mapID, e.ID)
	if err != nil {
		return err
	}
	n, err := count(q, `SELECT count(*) FROM phases WHERE map_id = ?`, mapID)
	if err != nil {
		return err
	}
	to := min(max(e.To, 0), n-1)
	// Close the gap the phase leaves, open one where it lands; the moving
	// row itself is left out of both shifts.
	if _, err := q.ExecContext(ctxBG, `UPDATE phases SET position = position - 1 WHERE map_id = ? AND position > ? AND id <> ?`, mapID, p.pos, e.ID); err != nil {
		return err
	}
	if _, err := q.ExecContext(ctxBG, `UPDATE phases SET position = position + 1 WHERE map_id = ? AND position >= ? AND id <> ?`, mapID, to, e.ID); err != nil {
		return err
	}
	_, err = q.ExecContext(ctxBG, `UPDATE phases SET position = ? WHERE id = ?`, to, e.ID)
	return err
}

func insertTouchpoint(q querier, mapID int64, e *model.InsertTouchpoint, by Author) error {
	if _, err := findPhase(q, mapID, e.Phase); err != nil {
		return err
	}
	if err := refuseTaken(q, "touchpoints", e.Touchpoint.ID, "touchpoint", e.Touchpoint.Name); err != nil {
		return err
	}
	n, err := count(q, `SELECT count(*) FROM touchpoints WHERE phase_id = ?`, e.Phase)
	if err != nil {
		return err
	}
	index := e.Index
	if index < 0 || index > n {
		index = n
	}
	if _, err := q.ExecContext(ctxBG, `UPDATE touchpoints SET position = position + 1 WHERE phase_id = ? AND position >= ?`, e.Phase, index); err != nil {
		return err
	}
	in, err := newInserter(q)
	if err != nil {
		return err
	}
	defer in.close()
	in.keepIDs, in.by = true, by.Name
	_, err = in.insertTouchpoint(e.Phase, index, &e.Touchpoint)
	return err
}

func updateTouchpoint(q querier, mapID int64, e *model.UpdateTouchpoint, by Author) error {
	_, err := findTouchpointAt(q, mapID, e.ID, e.Rev)
	if err != nil {
		return err
	}
	n := e.Touchpoint
	kept, err := keepAuthors(q, e.ID, &n, by)
	if err != nil {
		return err
	}
	if _, err := q.ExecContext(ctxBG, `UPDATE touchpoints SET name = ?, description = ?, channel = ?, kind = ?, owner = ?, score = ?, notes = ?, rev = rev + 1 WHERE id = ?`,
		n.Name, n.Description, n.Channel, string(n.Kind), n.Owner, n.Emotion.Score, n.Notes, e.ID); err != nil {
		return err
	}
	if _, err := q.ExecContext(ctxBG, `DELETE FROM items WHERE touchpoint_id = ?`, e.ID); err != nil {
		return err
	}
	if _, err := q.ExecContext(ctxBG, `DELETE FROM metrics WHERE touchpoint_id = ?`, e.ID); err != nil {
		return err
	}
	in, err := newInserter(q)
	if err != nil {
		return err
	}
	defer in.close()
	in.by, in.kept = by.Name, kept
	return in.insertDetails(e.ID, &n)
}

func deleteTouchpoint(q querier, mapID int64, e *model.DeleteTouchpoint, by Author) error {
	t, err := findTouchpointAt(q, mapID, e.ID, e.Rev)
	if err != nil {
		return err
	}
	if err := mayDeleteTouchpoint(q, e.ID, t.name, by); err != nil {
		return err
	}
	if _, err := q.ExecContext(ctxBG, `DELETE FROM touchpoints WHERE id = ?`, e.ID); err != nil {
		return err
	}
	_, err = q.ExecContext(ctxBG, `UPDATE touchpoints SET position = position - 1 WHERE phase_id = ? AND position > ?`, t.phase, t.pos)
	return err
}

func moveTouchpoint(q querier, mapID int64, e *model.MoveTouchpoint) error {
	t, err := findTouchpoint(q, mapID, e.ID)
	if err != nil {
		return err
	}
	if _, err := findPhase(q, mapID, e.Phase); err != nil {
		return err
	}
	limit, err := count(q, `SELECT count(*) FROM touchpoints WHERE phase_id = ?`, e.Phase)
	if err != nil {
		return err
	}
	if e.Phase == t.phase {
		limit-- // the touchpoint leaves before it lands
	}
	to := min(max(e.Index, 0), limit)
	if _, err := q.ExecContext(ctxBG, `UPDATE touchpoints SET position = position - 1 WHERE phase_id = ? AND position > ? AND id <> ?`, t.phase, t.pos, e.ID); err != nil {
		return err
	}
	if _, err := q.ExecContext(ctxBG, `UPDATE touchpoints SET position = position + 1 WHERE phase_id = ? AND position >= ? AND id <> ?`, e.Phase, to, e.ID); err != nil {
		return err
	}
	_, err = q.ExecContext(ctxBG, `UPDATE touchpoints SET phase_id = ?, position = ? WHERE id = ?`, e.Phase, to, e.ID)
	return err
}

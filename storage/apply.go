package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strconv"
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

// LoadMap reads the map with the given ID: its phases, touchpoints, list
// items and metrics, with IDs and UpdatedAt filled in. It runs five queries
// (map, phases, touchpoints, items, metrics) in one read transaction,
// whatever the map's size. Every empty list (phases, touchpoints, labels, motivations, ...,
// metrics) is nil, never an empty slice, so loaded maps compare equal with
// reflect.DeepEqual.
func (s *Store) LoadMap(id int64) (*model.Map, error) {
	var m *model.Map
	err := s.inTx(false, func(q querier) error {
		var err error
		m, err = loadMap(q, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("load map %d from %s: %w", id, s.path, err)
	}
	return m, nil
}

// Loading a large map is dominated by the cost of each row crossing from C
// to Go (about nine rows per touchpoint in a typical large map), so the
// touchpoints, their list items and their metrics each come back as ONE row
// per map: every column is aggregated with group_concat (numbers separated
// by spaces, one-letter codes run together, texts separated by the unit
// separator U+001F) and loadMap takes the row apart with the packed type.
// A text that itself holds U+001F would make the cut ambiguous; the packed
// type notices (the separators outnumber the rows) and runs the query again
// with each text column sent as byte lengths plus the texts run together,
// which any byte survives. Each inner ORDER BY makes the aggregates see
// rows in journey/list order; for items and metrics it follows the primary
// key, so SQLite walks it without sorting.
var (
	loadTouchpoints = newAggQuery(`(SELECT t.* FROM phases p JOIN touchpoints t ON t.phase_id = p.id
	WHERE p.map_id = ? ORDER BY p.position, p.id, t.position)`,
		"i:phase_id", "i:id", "c:score", "c:substr(kind, 1, 1)", "t:name", "t:description", "t:channel", "t:owner", "t:notes")

	// A map's touchpoint IDs usually form one narrow range (a map is
	// mostly created at once), so items and metrics are read by a range
	// scan of their primary key; rows of other maps' touchpoints that fall
	// in the range are skipped in Go.
	loadItems = newAggQuery(`(SELECT * FROM items WHERE touchpoint_id BETWEEN ? AND ? ORDER BY touchpoint_id, list, position)`,
		"i:touchpoint_id", "c:substr(list, 1, 1)", "t:text")

	// Whole numbers print as integers, which is cheaper than SQLite's
	// float formatting; other values print as REAL, whose text reads
	// back as the same float64 (TestStoreTextAndNumbersRoundTrip). NULL
	// prints as an empty field.
	loadMetrics = newAggQuery(`(SELECT * FROM metrics WHERE touchpoint_id BETWEEN ? AND ? ORDER BY touchpoint_id, position)`,
		"i:touchpoint_id", "t:name", "t:unit",
		"i:ifnull(iif(target = CAST(target AS INTEGER), CAST(target AS INTEGER), CAST(target AS TEXT)), '')",
		"i:ifnull(iif(current = CAST(current AS INTEGER), CAST(current AS INTEGER), CAST(current AS TEXT)), '')",
		"c:substr(direction, 1, 1)")
)

// textSep separates texts in the packed columns.
const textSep = '\x1f'

// aggQuery is a load query in its two forms: texts separated by textSep
// (fast), and texts as lengths plus contents (safe for any text).
type aggQuery struct {
	kinds      string // per column: 'i' numbers, 'c' one-byte codes, 't' text
	fast, safe string
}

// newAggQuery builds the query aggregating cols ("kind:expression") over the
// rows of from.
func newAggQuery(from string, cols ...string) aggQuery {
	var a aggQuery
	var fast, safe []string
	agg := func(expr, sep string) string { return fmt.Sprintf("ifnull(group_concat(%s, '%s'), '')", expr, sep) }
	for _, c := range cols {
		kind, expr, _ := strings.Cut(c, ":")
		a.kinds += kind
		switch kind {
		case "i":
			fast = append(fast, agg(expr, " "))
			safe = append(safe, agg(expr, " "))
		case "c":
			fast = append(fast, agg(expr, ""))
			safe = append(safe, agg(expr, ""))
		case "t":
			fast = append(fast, agg(expr, string(textSep)))
			safe = append(safe, agg("octet_length("+expr+")", " "), agg(expr, ""))
		}
	}
	a.fast = "SELECT " + strings.Join(fast, ", ") + " FROM " + from
	a.safe = "SELECT " + strings.Join(safe, ", ") + " FROM " + from
	return a
}

func loadMap(q querier, id int64) (*model.Map, error) {
	m := &model.Map{ID: id}
	var updated int64
	err := q.QueryRowContext(ctxBG, `SELECT title, persona_name, persona_description, goal, notes, updated_at FROM maps WHERE id = ?`, id).
		Scan(&m.Title, &m.Persona.Name, &m.Persona.Description, &m.Goal, &m.Notes, &updated)
	if err == sql.ErrNoRows {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	m.UpdatedAt = fromStamp(updated)

	// Phases and touchpoints arrive in journey order; positions are dense,
	// so appending in that order rebuilds the slices.
	phaseAt := map[int64]int{}
	rows, err := q.QueryContext(ctxBG, `SELECT id, name, description FROM phases WHERE map_id = ? ORDER BY position`, id)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var p model.Phase
		if err := rows.Scan(&p.ID, &p.Name, &p.Description); err != nil {
			rows.Close()
			return nil, err
		}
		phaseAt[p.ID] = len(m.Phases)
		m.Phases = append(m.Phases, p)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	if len(m.Phases) == 0 {
		return m, nil
	}

	var pk packed
	if err := pk.query(q, loadTouchpoints, id); err != nil {
		return nil, err
	}
	phaseIDs, ids, scores, kinds := pk.ints(), pk.ints(), pk.chars(), pk.chars()
	names, descs, channels, owners, notes := pk.texts(), pk.texts(), pk.texts(), pk.texts(), pk.texts()
	// Touchpoints arrive phase by phase, so each phase's list is a run of
	// one shared slice, capped like the item lists below.
	tps := make([]model.Touchpoint, 0, ids.count())
	minID, maxID := int64(math.MaxInt64), int64(math.MinInt64)
	cur, start := -1, 0
	for !ids.done() {
		pi, ok := phaseAt[phaseIDs.next()]
		score := scores.next()
		t := model.Touchpoint{
			ID: ids.next(), Kind: kindOf(kinds.next()), Emotion: model.Emotion{Score: int(score) - '0'},
			Name: names.next(), Description: descs.next(), Channel: channels.next(), Owner: owners.next(), Notes: notes.next(),
		}
		if pk.err != nil || !ok || pi < cur {
			return nil, fmt.Errorf("touchpoints: %w", errPacked)
		}
		if pi != cur {
			if cur >= 0 {
				m.Phases[cur].Touchpoints = tps[start:len(tps):len(tps)]
			}
			cur, start = pi, len(tps)
		}
		minID, maxID = min(minID, t.ID), max(maxID, t.ID)
		tps = append(tps, t)
	}
	n := len(tps)
	if n == 0 {
		return m, nil
	}
	m.Phases[cur].Touchpoints = tps[start:len(tps):len(tps)]

	byID := newTouchpointIndex(m, n, minID, maxID)

	// Items arrive grouped by touchpoint and list, in order, so each list
	// is a run of one shared slice; cutting runs with a capped capacity
	// lets a later append copy instead of clobbering the next run. That is
	// one allocation for all the map's items instead of one per list.
	if err := pk.query(q, loadItems, minID, maxID); err != nil {
		return nil, err
	}
	tpIDs, lists, texts := pk.ints(), pk.chars(), pk.texts()
	all := make([]string, 0, tpIDs.count())
	var run *[]string // the list being filled, from all[start:]
	start = 0
	for !tpIDs.done() {
		t, list, text := byID.get(tpIDs.next()), lists.next(), texts.next()
		if pk.err != nil {
			return nil, fmt.Errorf("list items: %w", pk.err)
		}
		if t == nil {
			continue // another map's
		}
		l := itemList(t, list)
		if l == nil {
			return nil, fmt.Errorf("list items: %w", errPacked)
		}
		if l != run {
			if run != nil {
				*run = all[start:len(all):len(all)]
			}
			run, start = l, len(all)
		}
		all = append(all, text)
	}
	if run != nil {
		*run = all[start:len(all):len(all)]
	}

	// Metrics, likewise, share one slice, and their values one array.
	if err := pk.query(q, loadMetrics, minID, maxID); err != nil {
		return nil, err
	}
	tpIDs, mnames, units, targets, currents, dirs := pk.ints(), pk.texts(), pk.texts(), pk.floats(), pk.floats(), pk.chars()
	nm := tpIDs.count()
	metrics := make([]model.Metric, 0, nm)
	values := make([]float64, 0, 2*nm)
	var owner *model.Touchpoint
	start = 0
	for !tpIDs.done() {
		t := byID.get(tpIDs.next())
		mt := model.Metric{Name: mnames.next(), Unit: units.next(), Direction: directionOf(dirs.next())}
		mt.Target, values = targets.next(values)
		mt.Current, values = currents.next(values)
		if pk.err != nil {
			return nil, fmt.Errorf("metrics: %w", pk.err)
		}
		if t == nil {
			continue
		}
		if t != owner {
			if owner != nil {
				owner.Metrics = metrics[start:len(metrics):len(metrics)]
			}
			owner, start = t, len(metrics)
		}
		metrics = append(metrics, mt)
	}
	if owner != nil {
		owner.Metrics = metrics[start:len(metrics):len(metrics)]
	}
	return m, nil
}

// touchpointIndex finds a loaded touchpoint by ID. A map's IDs are usually
// dense, so a slice indexed from the smallest ID does; a map stands in when
// they are spread too thin.
type touchpointIndex struct {
	lo     int64
	dense  []*model.Touchpoint
	sparse map[int64]*model.Touchpoint
}

func newTouchpointIndex(m *model.Map, n int, lo, hi int64) touchpointIndex {
	x := touchpointIndex{lo: lo}
	if span := hi - lo + 1; span <= int64(4*n+64) {
		x.dense = make([]*model.Touchpoint, span)
	} else {
		x.sparse = make(map[int64]*model.Touchpoint, n)
	}
	for pi := range m.Phases {
		tps := m.Phases[pi].Touchpoints
		for ti := range tps {
			if x.dense != nil {
				x.dense[tps[ti].ID-lo] = &tps[ti]
			} else {
				x.sparse[tps[ti].ID] = &tps[ti]
			}
		}
	}
	return x
}

func (x touchpointIndex) get(id int64) *model.Touchpoint {
	if x.dense == nil {
		return x.sparse[id]
	}
	if i := id - x.lo; i >= 0 && i < int64(len(x.dense)) {
		return x.dense[i]
	}
	return nil
}

var errPacked = errors.New("damaged data")

// packed is one row of aggregated columns, as the load queries return them;
// its readers take the columns in order. They share err: the first
// malformed field sets it and later reads return zero values.
type packed struct {
	cols []string
	next int
	sep  bool // texts are separated by textSep, not length-prefixed
	err  error
}

// query runs a's fast form, and its safe form when a text holds textSep.
func (pk *packed) query(q querier, a aggQuery, args ...any) error {
	if err := pk.run(q, a.fast, len(a.kinds), args); err != nil {
		return err
	}
	pk.sep = true
	rows := 0
	if pk.cols[0] != "" {
		rows = strings.Count(pk.cols[0], " ") + 1
	}
	for i, k := range a.kinds {
		if k == 't' && rows > 0 && strings.Count(pk.cols[i], string(textSep)) != rows-1 {
			pk.sep = false
			return pk.run(q, a.safe, len(a.kinds)+strings.Count(a.kinds, "t"), args)
		}
	}
	return nil
}

func (pk *packed) run(q querier, query string, ncol int, args []any) error {
	pk.cols, pk.next, pk.err = make([]string, ncol), 0, nil
	dest := make([]any, ncol)
	for i := range dest {
		dest[i] = &pk.cols[i]
	}
	return q.QueryRowContext(ctxBG, query, args...).Scan(dest...)
}

func (pk *packed) fail() { pk.err = errPacked }

func (pk *packed) col() string {
	if pk.next >= len(pk.cols) {
		pk.fail()
		return ""
	}
	pk.next++
	return pk.cols[pk.next-1]
}

// ints reads the next column: integers separated by spaces.
func (pk *packed) ints() *intCol { return &intCol{s: pk.col(), pk: pk} }

// chars reads the next column: one byte per row.
func (pk *packed) chars() *charCol { return &charCol{s: pk.col(), pk: pk} }

// texts reads the next text column (two columns in the safe form: byte
// lengths, then the texts run together).
func (pk *packed) texts() *textCol {
	if pk.sep {
		return &textCol{s: pk.col(), sep: true, lens: intCol{pk: pk}}
	}
	return &textCol{lens: intCol{s: pk.col(), pk: pk}, s: pk.col()}
}

// floats reads the next column: numbers separated by spaces, an empty one
// NULL.
func (pk *packed) floats() *floatCol { return &floatCol{s: pk.col(), pk: pk} }

// field cuts the next space-separated field off *s.
func field(s *string) string {
	i := strings.IndexByte(*s, ' ')
	if i < 0 {
		f := *s
		*s = ""
		return f
	}
	f := (*s)[:i]
	*s = (*s)[i+1:]
	return f
}

type intCol struct {
	s  string
	pk *packed
}

// count returns how many numbers are left, to size slices.
func (c *intCol) count() int {
	if c.s == "" {
		return 0
	}
	return strings.Count(c.s, " ") + 1
}

func (c *intCol) done() bool { return c.s == "" || c.pk.err != nil }

func (c *intCol) next() int64 {
	if c.s == "" {
		c.pk.fail()
		return 0
	}
	n, err := strconv.ParseInt(field(&c.s), 10, 64)
	if err != nil {
		c.pk.fail()
	}
	return n
}

type charCol struct {
	s  string
	pk *packed
}

func (c *charCol) next() byte {
	if c.s == "" {
		c.pk.fail()
		return 0
	}
	b := c.s[0]
	c.s = c.s[1:]
	return b
}

type textCol struct {
	lens intCol
	s    string
	sep  bool
}

// next returns the next text; it shares memory with the packed column
// instead of copying it.
func (c *textCol) next() string {
	if c.sep {
		i := strings.IndexByte(c.s, textSep)
		if i < 0 {
			t := c.s
			c.s = ""
			return t
		}
		t := c.s[:i]
		c.s = c.s[i+1:]
		return t
	}
	n := c.lens.next()
	if n < 0 || n > int64(len(c.s)) {
		c.lens.pk.fail()
		return ""
	}
	t := c.s[:n]
	c.s = c.s[n:]
	return t
}

type floatCol struct {
	s    string
	pk   *packed
	more bool // a field (perhaps empty) is still to come
}

// next reads the next value into a slot appended to values (so the map's
// values share one array) and returns a pointer to it, or nil for NULL.
func (c *floatCol) next(values []float64) (*float64, []float64) {
	if c.s == "" && !c.more {
		// The first field of an all-NULL column is "", like no field
		// at all: only the ids column tells how many rows there are.
		return nil, values
	}
	c.more = strings.IndexByte(c.s, ' ') >= 0
	f := field(&c.s)
	if f == "" {
		return nil, values
	}
	v, err := strconv.ParseFloat(f, 64)
	if err != nil {
		c.pk.fail()
		return nil, values
	}
	if len(values) == cap(values) {
		// Never move the array: earlier pointers point into it.
		values = make([]float64, 0, 64)
	}
	values = append(values, v)
	return &values[len(values)-1], values
}

// itemList returns the list of t whose initial in the items table is c.
func itemList(t *model.Touchpoint, c byte) *[]string {
	switch c {
	case 'l':
		return &t.Emotion.Labels
	case 'm':
		return &t.Motivations
	case 't':
		return &t.Thoughts
	case 'p':
		return &t.PainPoints
	case 'o':
		return &t.Opportunities
	case 'b':
		return &t.Backstage
	}
	return nil
}

// kindOf and directionOf read the initials the load queries pack.
func kindOf(c byte) model.Kind {
	switch c {
	case 'd':
		return model.KindDigital
	case 'p':
		return model.KindPhysical
	case 'h':
		return model.KindHybrid
	}
	return model.Kind(string(c))
}

func directionOf(c byte) model.Direction {
	switch c {
	case 'u':
		return model.Up
	case 'd':
		return model.Down
	}
	return model.Direction(string(c))
}

func closeRows(rows *sql.Rows) error {
	err := rows.Err()
	if cerr := rows.Close(); err == nil {
		err = cerr
	}
	return err
}

// inserter writes phases and touchpoints with statements prepared once per
// transaction, which is what makes importing 10,000 touchpoints cheap.
type inserter struct {
	q                     querier
	phase, tp, item, metr *sql.Stmt
}

func newInserter(q querier) (*inserter, error) {
	in := &inserter{q: q}
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
	return sql.NullFloat64{Float64: *f, Valid: true}
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

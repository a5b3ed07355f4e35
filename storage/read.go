package storage

import (
	"fmt"
	"strings"

	"journeymap/model"
)

// MapReader is a map read for a writer that goes through it once, in
// journey order, without holding it whole: an export of a large map then
// costs the memory of a few hundred touchpoints, not of the map (see
// ReadMap).
type MapReader struct {
	// Head is the map's own fields, its phases without their touchpoints,
	// and its closed votes, as LoadMap has them.
	Head *model.Map
	// Outline, when ReadMap was asked for it, is every touchpoint's ID,
	// name and emotion score: what a document needs before the phases (a
	// curve) or after them.
	Outline *model.Outline
	// MostMetrics, when ReadMap was asked for it, is the most metrics any
	// one touchpoint has.
	MostMetrics int

	q       querier
	s       *Store
	counts  []int // touchpoints per phase of Head
	reading bool
}

// readChunk is about how many touchpoints MapReader.Phases reads at once
// (whole phases, so a larger phase is read whole).
const readChunk = 500

// ReadNeeds says what a reader of ReadMap needs besides the head and the
// phases: each costs a query.
type ReadNeeds struct {
	Outline     bool // MapReader.Outline
	MostMetrics bool // MapReader.MostMetrics
}

// ReadMap reads map id for read, in one read transaction, so everything
// read sees one state of the file: the head (and what need asks for) at
// once, the phases as read asks for them (MapReader.Phases). What read
// returns comes back as it is; the file's own errors name the map and the
// file.
func (s *Store) ReadMap(id int64, need ReadNeeds, read func(r *MapReader) error) error {
	var fromRead error
	err := s.inTx(false, func(q querier) error {
		head, phaseAt, err := loadHead(q, id)
		if err != nil {
			return err
		}
		r := &MapReader{Head: head, q: q, s: s, counts: make([]int, len(head.Phases))}
		rows, err := q.QueryContext(ctxBG, `SELECT p.id, count(*) FROM phases p JOIN touchpoints t ON t.phase_id = p.id
			WHERE p.map_id = ? GROUP BY p.id`, id)
		if err != nil {
			return err
		}
		for rows.Next() {
			var phase int64
			var n int
			if err := rows.Scan(&phase, &n); err != nil {
				rows.Close()
				return err
			}
			r.counts[phaseAt[phase]] = n
		}
		if err := closeRows(rows); err != nil {
			return err
		}
		if need.MostMetrics {
			if err := q.QueryRowContext(ctxBG, `SELECT ifnull(max((SELECT count(*) FROM metrics m WHERE m.touchpoint_id = t.id)), 0)
				FROM phases p JOIN touchpoints t ON t.phase_id = p.id WHERE p.map_id = ?`, id).Scan(&r.MostMetrics); err != nil {
				return err
			}
		}
		var votes bool
		if err := q.QueryRowContext(ctxBG, `SELECT EXISTS (SELECT 1 FROM votes WHERE map_id = ? AND closed_at IS NOT NULL)`, id).Scan(&votes); err != nil {
			return err
		}
		if need.Outline || votes {
			if r.Outline, err = loadOutline(q, head, phaseAt); err != nil {
				return err
			}
			// Ranking a vote's results needs each touchpoint's place and
			// name; the outline has them.
			if head.Votes, err = loadVotes(q, id, r.Outline); err != nil {
				return err
			}
			if !need.Outline {
				r.Outline = nil
			}
		}
		fromRead = read(r)
		return fromRead
	})
	if fromRead != nil {
		return fromRead
	}
	if err != nil {
		return s.loadErr(id, err)
	}
	return nil
}

func (s *Store) loadErr(id int64, err error) error {
	return fmt.Errorf("load map %d from %s: %w", id, s.path, readErr(err))
}

// Phases hands each phase of Head, complete as LoadMap reads it, to fn in
// journey order, reading whole phases about readChunk touchpoints at a
// time. fn may keep nothing of a phase it is handed: the memory is the
// next chunk's. Phases may be called once.
func (r *MapReader) Phases(fn func(pi int, p *model.Phase) error) error {
	if r.reading {
		return fmt.Errorf("map %d: its phases were already read", r.Head.ID)
	}
	r.reading = true
	for lo := 0; lo < len(r.Head.Phases); {
		hi, n := lo, 0
		for hi < len(r.Head.Phases) && (hi == lo || n+r.counts[hi] <= readChunk) {
			n += r.counts[hi]
			hi++
		}
		run := &model.Map{ID: r.Head.ID, Phases: make([]model.Phase, hi-lo)}
		copy(run.Phases, r.Head.Phases[lo:hi])
		if n > 0 {
			phaseAt := make(map[int64]int, hi-lo)
			args := make([]any, hi-lo)
			for i := range run.Phases {
				phaseAt[run.Phases[i].ID] = i
				args[i] = run.Phases[i].ID
			}
			a := newAggQuery(`(SELECT t.*, p.position AS phase_pos FROM phases p JOIN touchpoints t ON t.phase_id = p.id
	WHERE p.id IN (`+strings.Repeat("?, ", len(args)-1)+`?))`, loadTouchpoints.cols...)
			if err := fillTouchpoints(r.q, run, phaseAt, a, args...); err != nil {
				return r.s.loadErr(r.Head.ID, err)
			}
		}
		for i := range run.Phases {
			if err := fn(lo+i, &run.Phases[i]); err != nil {
				return err
			}
		}
		lo = hi
	}
	return nil
}

// loadOutline reads every touchpoint's ID, name and score, phase by phase
// of head: one packed row, placed and ordered as fillTouchpoints places
// touchpoints.
func loadOutline(q querier, head *model.Map, phaseAt map[int64]int) (*model.Outline, error) {
	o := &model.Outline{Phases: make([]model.OutlinePhase, len(head.Phases))}
	for i := range head.Phases {
		o.Phases[i].Name = head.Phases[i].Name
	}
	var pk packed
	if err := pk.query(q, outlineQuery, head.ID); err != nil {
		return nil, err
	}
	runs, ok := newPhaseRuns[model.OutlineTouchpoint](len(o.Phases), pk.ints(), phaseAt)
	if !ok || pk.err != nil {
		return nil, fmt.Errorf("touchpoints: %w", errPacked)
	}
	pk.rewind()
	phaseIDs, positions, ids, scores, names := pk.ints(), pk.ints(), pk.ints(), pk.chars(), pk.texts()
	for !phaseIDs.done() {
		pi := phaseAt[phaseIDs.next()]
		p, id, score, name := positions.next(), ids.next(), scores.next(), names.next()
		t := model.OutlineTouchpoint{ID: id, Name: name, Score: int(score) - '0'}
		if pk.err != nil || score < '1' || score > '5' || !runs.place(pi, t, p) {
			return nil, fmt.Errorf("touchpoints: %w", errPacked)
		}
	}
	if positions.s != "" || ids.s != "" || scores.s != "" {
		return nil, fmt.Errorf("touchpoints: %w", errPacked) // more values than rows, as fillTouchpoints refuses
	}
	runs.each(func(t *model.OutlineTouchpoint) int64 { return t.ID }, func(pi int, run []model.OutlineTouchpoint) {
		o.Phases[pi].Touchpoints = run
	})
	return o, nil
}

var outlineQuery = newAggQuery(`(SELECT t.phase_id, t.position, t.id, t.score, t.name FROM phases p JOIN touchpoints t ON t.phase_id = p.id
	WHERE p.map_id = ?)`, "i:phase_id", "i:position", "i:id", "c:score", "t:name")

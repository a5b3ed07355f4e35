package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"journeymap/model"
)

// Dot-voting rounds (model.Vote) live in the votes table, each voter's dots
// in dots. Every dot placed or taken back is its own transaction, so a guest
// who drops loses nothing already placed.

// ErrNoVote is returned for a dot when no vote is open.
var ErrNoVote = errors.New("no vote is open")

// StartVote opens a vote on the map and returns its ID. A map has at most
// one open vote.
func (s *Store) StartVote(mapID int64, v model.Vote) (int64, error) {
	if err := v.Validate(); err != nil {
		return 0, fmt.Errorf("start vote in %s: %w", s.path, err)
	}
	var id int64
	err := s.write("start vote", mapID, func(q querier) error {
		var n int
		if err := q.QueryRowContext(ctxBG, `SELECT count(*) FROM votes WHERE map_id = ? AND closed_at IS NULL`, mapID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return model.Refuse("a vote is already open on this map")
		}
		var closes sql.NullInt64
		if !v.ClosesAt.IsZero() {
			closes = sql.NullInt64{Int64: v.ClosesAt.UnixNano(), Valid: true}
		}
		res, err := q.ExecContext(ctxBG, `INSERT INTO votes (map_id, question, dots_per_person, opened_at, closes_at) VALUES (?, ?, ?, ?, ?)`,
			mapID, strings.TrimSpace(v.Question), v.DotsPerPerson, nowStamp(), closes)
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	return id, err
}

// CloseVote closes the vote; closing a closed vote changes nothing.
func (s *Store) CloseVote(mapID, voteID int64) error {
	return s.write("close vote", mapID, func(q querier) error {
		_, err := q.ExecContext(ctxBG, `UPDATE votes SET closed_at = ? WHERE id = ? AND map_id = ? AND closed_at IS NULL`, nowStamp(), voteID, mapID)
		return err
	})
}

// PlaceDot puts one of voter's dots on the touchpoint, if the vote is open,
// the touchpoint is on the vote's map and the voter has a dot left. It
// returns how many dots the voter has left.
func (s *Store) PlaceDot(mapID, voteID int64, voter string, touchpointID int64) (int, error) {
	return s.dot(mapID, voteID, voter, touchpointID, +1)
}

// TakeDot takes back one of voter's dots from the touchpoint and returns
// how many the voter has left.
func (s *Store) TakeDot(mapID, voteID int64, voter string, touchpointID int64) (int, error) {
	return s.dot(mapID, voteID, voter, touchpointID, -1)
}

func (s *Store) dot(mapID, voteID int64, voter string, tpID int64, d int) (int, error) {
	left := 0
	err := s.write("vote", mapID, func(q querier) error {
		var per int
		var closed sql.NullInt64
		err := q.QueryRowContext(ctxBG, `SELECT dots_per_person, closed_at FROM votes WHERE id = ? AND map_id = ?`, voteID, mapID).Scan(&per, &closed)
		if err == sql.ErrNoRows || (err == nil && closed.Valid) {
			return ErrNoVote
		}
		if err != nil {
			return err
		}
		if _, err := findTouchpoint(q, mapID, tpID); err != nil {
			return err
		}
		var used, here int
		if err := q.QueryRowContext(ctxBG, `SELECT ifnull(sum(count), 0), ifnull(sum(iif(touchpoint_id = ?, count, 0)), 0) FROM dots WHERE vote_id = ? AND voter = ?`,
			tpID, voteID, voter).Scan(&used, &here); err != nil {
			return err
		}
		switch {
		case d > 0 && used >= per:
			return model.Refuse("no dots left: take one back with , first")
		case d < 0 && here == 0:
			return model.Refuse("none of your dots is on this touchpoint")
		case d > 0:
			_, err = q.ExecContext(ctxBG, `INSERT INTO dots (vote_id, voter, touchpoint_id, count) VALUES (?, ?, ?, 1)
				ON CONFLICT (vote_id, voter, touchpoint_id) DO UPDATE SET count = count + 1`, voteID, voter, tpID)
		case here == 1:
			_, err = q.ExecContext(ctxBG, `DELETE FROM dots WHERE vote_id = ? AND voter = ? AND touchpoint_id = ?`, voteID, voter, tpID)
		default:
			_, err = q.ExecContext(ctxBG, `UPDATE dots SET count = count - 1 WHERE vote_id = ? AND voter = ? AND touchpoint_id = ?`, voteID, voter, tpID)
		}
		left = per - used - d
		return err
	})
	return left, err
}

// VoterDots returns the voter's dots in the vote, by touchpoint ID.
func (s *Store) VoterDots(voteID int64, voter string) (map[int64]int, error) {
	out := map[int64]int{}
	rows, err := s.db.Query(`SELECT touchpoint_id, count FROM dots WHERE vote_id = ? AND voter = ?`, voteID, voter)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}

// OpenVotes returns every vote still open, with its map, oldest first: a
// server that stopped mid-vote takes them up again.
func (s *Store) OpenVotes() (map[int64]model.Vote, error) {
	out := map[int64]model.Vote{}
	rows, err := s.db.Query(`SELECT id, map_id, question, dots_per_person, opened_at, closes_at FROM votes WHERE closed_at IS NULL ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var v model.Vote
		var mapID, opened int64
		var closes sql.NullInt64
		if err := rows.Scan(&v.ID, &mapID, &v.Question, &v.DotsPerPerson, &opened, &closes); err != nil {
			return nil, err
		}
		v.Open, v.OpenedAt = true, fromStamp(opened)
		if closes.Valid {
			v.ClosesAt = fromStamp(closes.Int64)
		}
		out[mapID] = v
	}
	return out, rows.Err()
}

// loadVotes reads the map's closed votes, oldest first, each with its tally
// ranked against m.
func loadVotes(q querier, mapID int64, places model.Places) ([]model.Vote, error) {
	rows, err := q.QueryContext(ctxBG, `SELECT v.id, v.question, v.dots_per_person, v.opened_at, v.closes_at,
		(SELECT count(DISTINCT voter) FROM dots d WHERE d.vote_id = v.id)
		FROM votes v WHERE v.map_id = ? AND v.closed_at IS NOT NULL ORDER BY v.id`, mapID)
	if err != nil {
		return nil, err
	}
	var votes []model.Vote
	for rows.Next() {
		var v model.Vote
		var opened int64
		var closes sql.NullInt64
		if err := rows.Scan(&v.ID, &v.Question, &v.DotsPerPerson, &opened, &closes, &v.Voters); err != nil {
			rows.Close()
			return nil, err
		}
		v.OpenedAt = fromStamp(opened)
		if closes.Valid {
			v.ClosesAt = fromStamp(closes.Int64)
		}
		votes = append(votes, v)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	for i := range votes {
		if votes[i].Results, err = tally(q, places, votes[i].ID); err != nil {
			return nil, err
		}
	}
	return votes, nil
}

// Tally returns the vote's results so far, ranked against m, and how many
// people voted.
func (s *Store) Tally(m *model.Map, voteID int64) ([]model.VoteResult, int, error) {
	var res []model.VoteResult
	var voters int
	err := s.inTx(false, func(q querier) error {
		var err error
		if res, err = tally(q, m, voteID); err != nil {
			return err
		}
		return q.QueryRowContext(ctxBG, `SELECT count(DISTINCT voter) FROM dots WHERE vote_id = ?`, voteID).Scan(&voters)
	})
	return res, voters, err
}

func tally(q querier, places model.Places, voteID int64) ([]model.VoteResult, error) {
	rows, err := q.QueryContext(ctxBG, `SELECT touchpoint_id, sum(count) FROM dots WHERE vote_id = ? GROUP BY touchpoint_id`, voteID)
	if err != nil {
		return nil, err
	}
	var res []model.VoteResult
	for rows.Next() {
		var r model.VoteResult
		if err := rows.Scan(&r.Touchpoint, &r.Dots); err != nil {
			rows.Close()
			return nil, err
		}
		res = append(res, r)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	return model.Rank(places, res), nil
}

// insertVotes writes the closed votes of a map being created (an import):
// each result names its touchpoint by place in the map, which now has the
// IDs the insert gave it. The tallies are kept as dots of an unnamed voter.
func insertVotes(q querier, mapID int64, m *model.Map, phaseIDs []rowIDs) error {
	for _, v := range m.Votes {
		if err := v.Validate(); err != nil {
			return err
		}
		var closes sql.NullInt64
		if !v.ClosesAt.IsZero() {
			closes = sql.NullInt64{Int64: v.ClosesAt.UnixNano(), Valid: true}
		}
		opened := v.OpenedAt.UnixNano()
		if v.OpenedAt.IsZero() {
			opened = nowStamp()
		}
		res, err := q.ExecContext(ctxBG, `INSERT INTO votes (map_id, question, dots_per_person, opened_at, closes_at, closed_at) VALUES (?, ?, ?, ?, ?, ?)`,
			mapID, v.Question, v.DotsPerPerson, opened, closes, nowStamp())
		if err != nil {
			return err
		}
		voteID, err := res.LastInsertId()
		if err != nil {
			return err
		}
		for _, r := range v.Results {
			if r.At.Phase < 0 || r.At.Phase >= len(phaseIDs) || r.At.Index < 0 || r.At.Index >= len(phaseIDs[r.At.Phase].tps) {
				return fmt.Errorf("vote %q: a result names no touchpoint of the map", v.Question)
			}
			tp := phaseIDs[r.At.Phase].tps[r.At.Index]
			if _, err := q.ExecContext(ctxBG, `INSERT INTO dots (vote_id, voter, touchpoint_id, count) VALUES (?, '', ?, ?)
				ON CONFLICT (vote_id, voter, touchpoint_id) DO UPDATE SET count = count + excluded.count`, voteID, tp, r.Dots); err != nil {
				return err
			}
		}
	}
	return nil
}

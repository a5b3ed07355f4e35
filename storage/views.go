package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"journeymap/model"
)

// LoadView returns how map id is viewed; a map never viewed (or a file
// opened read-only before the table existed) gets the zero ViewPrefs:
// cards, every lane shown.
func (s *Store) LoadView(id int64) (model.ViewPrefs, error) {
	var v model.ViewPrefs
	var mode, hidden string
	var projector int
	err := s.db.QueryRowContext(ctxBG,
		`SELECT mode, hidden_lanes, column_width, projector FROM map_views WHERE map_id = ?`, id).
		Scan(&mode, &hidden, &v.ColumnWidth, &projector)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return model.ViewPrefs{}, nil
	case err != nil:
		if strings.Contains(err.Error(), "no such table") {
			return model.ViewPrefs{}, nil // a read-only file of an older schema
		}
		return model.ViewPrefs{}, readErr(err)
	}
	v.Lanes = mode == "lanes"
	v.Projector = projector != 0
	for _, k := range strings.Split(hidden, ",") {
		if k = strings.TrimSpace(k); k != "" {
			v.HiddenLanes = append(v.HiddenLanes, k)
		}
	}
	return v, nil
}

// SaveView stores how map id is viewed, in one transaction. It changes no
// revision and no updated_at: the map itself is unchanged.
func (s *Store) SaveView(id int64, v model.ViewPrefs) error {
	mode := "cards"
	if v.Lanes {
		mode = "lanes"
	}
	var keys []string
	for _, k := range v.HiddenLanes {
		if k = strings.TrimSpace(k); k != "" && !strings.Contains(k, ",") {
			keys = append(keys, k)
		}
	}
	projector := 0
	if v.Projector {
		projector = 1
	}
	return s.write("save the view", 0, func(q querier) error {
		res, err := q.ExecContext(ctxBG, `INSERT INTO map_views (map_id, mode, hidden_lanes, column_width, projector)
SELECT id, ?, ?, ?, ? FROM maps WHERE id = ?
ON CONFLICT (map_id) DO UPDATE SET mode = excluded.mode, hidden_lanes = excluded.hidden_lanes,
	column_width = excluded.column_width, projector = excluded.projector`,
			mode, strings.Join(keys, ","), max(v.ColumnWidth, 0), projector, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("map %d: %w", id, ErrNotFound)
		}
		return nil
	})
}

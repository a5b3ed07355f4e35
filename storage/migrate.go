package storage

import (
	"context"
	"fmt"
)

// A migration moves the schema from one version to the next. The schema
// version is PRAGMA user_version: the number of migrations applied.
type migration struct {
	name string
	sql  string
}

// migrations lists every schema change ever made, oldest first. Never edit
// or reorder a released entry; append a new one instead.
var migrations = []migration{
	{"maps, phases, touchpoints, list items and metrics", schemaV1},
	{"revisions of maps, phases and touchpoints", schemaV2},
	{"how each map is viewed (cards or lanes, hidden lanes, projector)", schemaV3},
	{"who added touchpoints and list items; dot-voting rounds", schemaV4},
}

func latestVersion() int { return len(migrations) }

// Positions are dense 0..n-1 within their parent; the code keeps them so
// (no UNIQUE constraint, which would trip over the row-by-row shifts of a
// reorder). Time stamps are Unix nanoseconds.
const schemaV1 = `
CREATE TABLE maps (
	id                  INTEGER PRIMARY KEY,
	title               TEXT NOT NULL,
	persona_name        TEXT NOT NULL DEFAULT '',
	persona_description TEXT NOT NULL DEFAULT '',
	goal                TEXT NOT NULL DEFAULT '',
	notes               TEXT NOT NULL DEFAULT '',
	created_at          INTEGER NOT NULL,
	updated_at          INTEGER NOT NULL
);
CREATE TABLE phases (
	id          INTEGER PRIMARY KEY,
	map_id      INTEGER NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
	position    INTEGER NOT NULL CHECK (position >= 0),
	name        TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT ''
);
CREATE INDEX phases_map ON phases(map_id, position);
CREATE TABLE touchpoints (
	id          INTEGER PRIMARY KEY,
	phase_id    INTEGER NOT NULL REFERENCES phases(id) ON DELETE CASCADE,
	position    INTEGER NOT NULL CHECK (position >= 0),
	name        TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	channel     TEXT NOT NULL DEFAULT '',
	kind        TEXT NOT NULL CHECK (kind IN ('digital', 'physical', 'hybrid')),
	owner       TEXT NOT NULL DEFAULT '',
	score       INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
	notes       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX touchpoints_phase ON touchpoints(phase_id, position);
CREATE TABLE items (
	touchpoint_id INTEGER NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
	list          TEXT NOT NULL CHECK (list IN ('label', 'motivation', 'thought', 'pain_point', 'opportunity', 'backstage')),
	position      INTEGER NOT NULL CHECK (position >= 0),
	text          TEXT NOT NULL,
	PRIMARY KEY (touchpoint_id, list, position)
) WITHOUT ROWID;
CREATE TABLE metrics (
	touchpoint_id INTEGER NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
	position      INTEGER NOT NULL CHECK (position >= 0),
	name          TEXT NOT NULL,
	unit          TEXT NOT NULL DEFAULT '',
	target        REAL,
	current       REAL,
	direction     TEXT NOT NULL CHECK (direction IN ('up', 'down')),
	PRIMARY KEY (touchpoint_id, position)
) WITHOUT ROWID;
`

// Every map, phase and touchpoint carries a revision, bumped by each change
// of its own fields (not by a move, nor by a change of what it holds). An
// edit names the revision it saw, and the write transaction refuses it when
// the row has moved on: two windows never overwrite each other unseen.
const schemaV2 = `
ALTER TABLE maps ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
ALTER TABLE phases ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
ALTER TABLE touchpoints ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
`

// How each map is looked at (storage/views.go): cards or lanes, the hidden
// lanes as comma-separated lane keys, a fixed lanes column width (0 chooses
// one) and presentation's projector theme. A view is not content: writing it
// bumps no revision and no updated_at.
const schemaV3 = `
CREATE TABLE map_views (
	map_id       INTEGER PRIMARY KEY REFERENCES maps(id) ON DELETE CASCADE,
	mode         TEXT NOT NULL DEFAULT 'cards' CHECK (mode IN ('cards', 'lanes')),
	hidden_lanes TEXT NOT NULL DEFAULT '',
	column_width INTEGER NOT NULL DEFAULT 0 CHECK (column_width >= 0),
	projector    INTEGER NOT NULL DEFAULT 0 CHECK (projector IN (0, 1))
);
`

// A workshop over SSH records who added each touchpoint and list item (the
// guest's SSH user name; empty for everything added locally or before), and
// keeps its dot-voting rounds: a vote per question, and each voter's dots on
// each touchpoint. A dot goes with its touchpoint; a vote with its map.
const schemaV4 = `
ALTER TABLE touchpoints ADD COLUMN added_by TEXT NOT NULL DEFAULT '';
ALTER TABLE items ADD COLUMN added_by TEXT NOT NULL DEFAULT '';
CREATE TABLE votes (
	id              INTEGER PRIMARY KEY,
	map_id          INTEGER NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
	question        TEXT NOT NULL,
	dots_per_person INTEGER NOT NULL CHECK (dots_per_person >= 1),
	opened_at       INTEGER NOT NULL,
	closes_at       INTEGER,
	closed_at       INTEGER
);
CREATE INDEX votes_map ON votes(map_id, id);
CREATE TABLE dots (
	vote_id       INTEGER NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
	voter         TEXT NOT NULL,
	touchpoint_id INTEGER NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE,
	count         INTEGER NOT NULL CHECK (count >= 1),
	PRIMARY KEY (vote_id, voter, touchpoint_id)
) WITHOUT ROWID;
CREATE INDEX dots_touchpoint ON dots(touchpoint_id);
`

// migrate brings the schema to the latest version in one transaction, so a
// failed migration leaves the file as it was. The version is read again
// inside the transaction: another process may have migrated meanwhile.
func (s *Store) migrate() error {
	return s.inTx(true, func(q querier) error {
		ctx := context.Background()
		var version, appID int
		if err := q.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
			return err
		}
		if err := q.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&appID); err != nil {
			return err
		}
		switch {
		case appID != 0 && appID != applicationID, appID == 0 && version != 0:
			return ErrNotJourneymap
		case version > latestVersion():
			return fmt.Errorf("%w (schema %d, this binary knows %d)", ErrTooNew, version, latestVersion())
		case version == latestVersion():
			return nil
		}
		for v := version; v < latestVersion(); v++ {
			if _, err := q.ExecContext(ctx, migrations[v].sql); err != nil {
				return fmt.Errorf("migrate schema to %d (%s): %w", v+1, migrations[v].name, err)
			}
		}
		// PRAGMA takes no parameters; both values are our own integers.
		if _, err := q.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d; PRAGMA application_id = %d`, latestVersion(), applicationID)); err != nil {
			return err
		}
		return nil
	})
}

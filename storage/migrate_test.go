package storage

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

func pragmaInt(t *testing.T, s *Store, name string) int {
	t.Helper()
	var v int
	if err := s.db.QueryRow("PRAGMA " + name).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestMigrateNewFileToLatest(t *testing.T) {
	s := openTemp(t)
	if v := pragmaInt(t, s, "user_version"); v != latestVersion() || v < 1 {
		t.Errorf("user_version = %d, want %d", v, latestVersion())
	}
	if id := pragmaInt(t, s, "application_id"); id != applicationID {
		t.Errorf("application_id = %#x, want %#x", id, applicationID)
	}
	for _, table := range []string{"maps", "phases", "touchpoints", "items", "metrics"} {
		var n int
		if err := s.db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, table).Scan(&n); err != nil || n != 1 {
			t.Errorf("table %s: %d, %v", table, n, err)
		}
	}
	var fk int
	if err := s.db.QueryRow(`SELECT count(*) FROM pragma_foreign_key_check`).Scan(&fk); err != nil || fk != 0 {
		t.Errorf("foreign key check: %d, %v", fk, err)
	}
}

func TestMigrateReopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := s.CreateMap(sampleMap())
	s.Close()
	for i := 0; i < 2; i++ {
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.LoadMap(id)
		if err != nil {
			t.Fatal(err)
		}
		assertSameMap(t, got, sampleMap())
		if v := pragmaInt(t, s, "user_version"); v != latestVersion() {
			t.Errorf("user_version = %d after reopening", v)
		}
		s.Close()
	}
}

// withMigrations swaps in a migration list for one test.
func withMigrations(t *testing.T, ms []migration) {
	saved := migrations
	migrations = ms
	t.Cleanup(func() { migrations = saved })
}

func TestMigrateForwardFromOlderSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := s.CreateMap(sampleMap())
	s.Close()

	next := append(append([]migration(nil), migrations...),
		migration{"tags", `CREATE TABLE tags (touchpoint_id INTEGER NOT NULL REFERENCES touchpoints(id) ON DELETE CASCADE, tag TEXT NOT NULL)`},
		migration{"map colour", `ALTER TABLE maps ADD COLUMN colour TEXT NOT NULL DEFAULT ''`})
	withMigrations(t, next)
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v := pragmaInt(t, s, "user_version"); v != len(next) {
		t.Errorf("user_version = %d, want %d", v, len(next))
	}
	got, err := s.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	assertSameMap(t, got, sampleMap())
	if _, err := s.db.Exec(`INSERT INTO tags VALUES (?, 'x')`, got.Phases[0].Touchpoints[0].ID); err != nil {
		t.Errorf("the new table is missing: %v", err)
	}
}

// TestMigrateFailureChangesNothing runs a migration that fails half way: the
// statements before the failure must be rolled back with it.
func TestMigrateFailureChangesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := s.CreateMap(sampleMap())
	s.Close()

	withMigrations(t, append(append([]migration(nil), migrations...),
		migration{"broken", `CREATE TABLE half (x); DELETE FROM maps; INSERT INTO no_such_table VALUES (1)`}))
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), "broken") || !strings.Contains(err.Error(), path) {
		t.Fatalf("a broken migration should fail naming itself and the file: %v", err)
	}
	migrations = migrations[:len(migrations)-1]
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v := pragmaInt(t, s, "user_version"); v != latestVersion() {
		t.Errorf("user_version = %d after a failed migration", v)
	}
	var n int
	s.db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'half'`).Scan(&n)
	if n != 0 {
		t.Error("the failed migration's first statement was kept")
	}
	if _, err := s.LoadMap(id); err != nil {
		t.Errorf("the failed migration's delete was kept: %v", err)
	}
}

func TestMigrateRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	// An older binary knows fewer migrations than the file has applied.
	applied := latestVersion()
	withMigrations(t, nil)
	before := stateOf(t, path)
	_, err = Open(path)
	if !errors.Is(err, ErrTooNew) || !strings.Contains(err.Error(), fmt.Sprintf("schema %d, this binary knows 0", applied)) {
		t.Errorf("error %v should wrap ErrTooNew and give both versions", err)
	}
	assertUnchanged(t, path, before)
}

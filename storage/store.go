// Package storage keeps Journeymap maps in a SQLite file and moves them in
// and out of the interchange formats.
package storage

import (
	"bytes"
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/mattn/go-sqlite3"

	"journeymap/model"
)

// Errors that Open and the store's methods wrap, so callers can tell them
// apart with errors.Is. Every returned error also names the file.
var (
	ErrNotSQLite     = errors.New("not a SQLite file")
	ErrNotJourneymap = errors.New("a SQLite file, but not a Journeymap file")
	ErrTooNew        = errors.New("written by a newer Journeymap")
	ErrReadOnly      = errors.New("file is read-only")
	ErrNotFound      = errors.New("no such map")
)

// sqliteHeader starts every SQLite 3 database file.
const sqliteHeader = "SQLite format 3\x00"

// Store is one open Journeymap file. It holds a single connection, so its
// writes serialize and DataVersion reports other connections' commits only.
// A Store is safe for concurrent use.
type Store struct {
	db       *sql.DB
	path     string
	readOnly bool
}

// canWrite reports whether the file at path (which exists) and its directory
// can be written. WAL needs the directory too, for the -wal and -shm files.
// It is a variable so tests can play a read-only file while running as root,
// whom permission bits do not stop.
var canWrite = func(path string) bool {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false
	}
	f.Close()
	return syscall.Access(filepath.Dir(path), 0x2 /* W_OK */) == nil
}

// Open opens the Journeymap file at path, creating it and its parent
// directories if missing, and migrates its schema forward. A file this
// process may not write opens read-only (see ReadOnly). Open refuses, without
// writing anything, a file that is not SQLite (ErrNotSQLite), a SQLite file
// that belongs to another program (ErrNotJourneymap) and one written by a
// newer Journeymap (ErrTooNew).
func Open(path string) (*Store, error) {
	return openStore(path, false)
}

// OpenReadOnly opens an existing Journeymap file for reading only: every
// write returns an error wrapping ErrReadOnly and nothing is written to the
// file or next to it.
func OpenReadOnly(path string) (*Store, error) {
	return openStore(path, true)
}

func openStore(path string, readOnly bool) (*Store, error) {
	fail := func(err error) (*Store, error) { return nil, fmt.Errorf("open %s: %w", path, err) }
	abs, err := filepath.Abs(path)
	if err != nil {
		return fail(err)
	}
	fi, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist) && !readOnly:
		if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
			return fail(err)
		}
	case err != nil:
		return fail(err)
	case fi.IsDir():
		return fail(errors.New("is a directory"))
	default:
		if err := checkHeader(abs, fi.Size()); err != nil {
			return fail(err)
		}
		if !readOnly && !canWrite(abs) {
			readOnly = true
		}
	}
	exists := err == nil && fi.Size() > 0

	version := 0
	if exists {
		if version, err = inspectFile(abs); err != nil {
			return fail(err)
		}
	}
	if readOnly {
		if version == 0 {
			return fail(fmt.Errorf("%w and empty, so it cannot be set up", ErrReadOnly))
		}
		if version < latestVersion() {
			return fail(fmt.Errorf("%w and needs an upgrade (schema %d to %d)", ErrReadOnly, version, latestVersion()))
		}
		return openReadOnly(path, abs)
	}

	db, err := sql.Open("sqlite3", dsn(abs, url.Values{
		"_journal_mode": {"WAL"},
		"_foreign_keys": {"1"},
		"_busy_timeout": {"5000"},
		"_synchronous":  {"FULL"},
	}))
	if err != nil {
		return fail(err)
	}
	configurePool(db)
	s := &Store{db: db, path: path}
	if err := s.migrate(); err != nil {
		db.Close()
		return fail(err)
	}
	return s, nil
}

func openReadOnly(path, abs string) (*Store, error) {
	params := url.Values{
		"mode":          {"ro"},
		"_query_only":   {"1"},
		"_foreign_keys": {"1"},
		"_busy_timeout": {"5000"},
	}
	// A WAL database without a -wal file was closed cleanly: read it as
	// immutable so SQLite creates no -wal/-shm files (it cannot, in a
	// read-only directory). A live -wal means a writer may be at work, so
	// read it properly and see its commits.
	if _, err := os.Stat(abs + "-wal"); err != nil {
		params.Set("immutable", "1")
	}
	db, err := sql.Open("sqlite3", dsn(abs, params))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	configurePool(db)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return &Store{db: db, path: path, readOnly: true}, nil
}

// configurePool keeps exactly one connection alive for the store's life:
// PRAGMA data_version is per connection, and one connection serializes
// writes within the process.
func configurePool(db *sql.DB) {
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
}

// dsn builds a SQLite URI for an absolute path; the path is escaped so that
// '?', '#' and '%' in file names survive.
func dsn(abs string, params url.Values) string {
	return "file:" + (&url.URL{Path: filepath.ToSlash(abs)}).EscapedPath() + "?" + params.Encode()
}

// checkHeader refuses a non-empty file that does not start with SQLite's
// magic string, before SQLite gets to touch it.
func checkHeader(abs string, size int64) error {
	if size == 0 {
		return nil // an empty file is a new database
	}
	f, err := os.Open(abs)
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, []byte(sqliteHeader)) {
		return ErrNotSQLite
	}
	return nil
}

// applicationID marks a SQLite file as Journeymap's ("JMAP").
const applicationID = 0x4a4d4150

// inspectFile reads an existing SQLite file through a read-only connection that
// writes nothing, and returns its schema version or why it is not ours.
func inspectFile(abs string) (int, error) {
	params := url.Values{"mode": {"ro"}}
	if _, err := os.Stat(abs + "-wal"); err != nil {
		// Nothing to recover from a WAL: immutable keeps SQLite from
		// creating -wal/-shm files next to a file we may refuse.
		params.Set("immutable", "1")
	}
	db, err := sql.Open("sqlite3", dsn(abs, params))
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var appID, version, tables int
	err = db.QueryRow(`PRAGMA application_id`).Scan(&appID)
	if err == nil {
		err = db.QueryRow(`PRAGMA user_version`).Scan(&version)
	}
	if err == nil {
		err = db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'`).Scan(&tables)
	}
	if err != nil {
		if sqliteCode(err) == sqlite3.ErrNotADB {
			return 0, ErrNotSQLite
		}
		return 0, err
	}
	switch {
	case appID == 0 && tables == 0 && version == 0:
		return 0, nil // an empty SQLite database: ours to set up
	case appID != applicationID:
		return 0, ErrNotJourneymap
	case version > latestVersion():
		return 0, fmt.Errorf("%w (schema %d, this binary knows %d)", ErrTooNew, version, latestVersion())
	}
	return version, nil
}

// Path returns the path the store was opened with.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether writes are refused.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Close closes the file. The last connection to close checkpoints the WAL
// and removes the -wal and -shm files.
func (s *Store) Close() error { return s.db.Close() }

// DataVersion returns SQLite's data_version for the store's connection. It
// changes when another connection (another Store or process) commits, not
// on this store's own writes, so a caller can poll it to notice outside
// changes and reload.
func (s *Store) DataVersion() (int64, error) {
	var v int64
	if err := s.db.QueryRow(`PRAGMA data_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("%s: %w", s.path, err)
	}
	return v, nil
}

// querier is what both a connection in a transaction and a plain pool offer.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// inTx runs fn in one transaction on the store's connection and commits it
// when fn returns nil. Write transactions start with BEGIN IMMEDIATE so they
// wait (busy timeout) for another process's writer instead of failing half
// way; read transactions give fn one consistent snapshot.
func (s *Store) inTx(write bool, fn func(q querier) error) (err error) {
	ctx := context.Background()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	begin := "BEGIN"
	if write {
		begin = "BEGIN IMMEDIATE"
	}
	if _, err := conn.ExecContext(ctx, begin); err != nil {
		return err
	}
	done := false
	defer func() {
		if done {
			return
		}
		if _, rerr := conn.ExecContext(ctx, "ROLLBACK"); rerr != nil {
			// A connection stuck in a transaction must not go back
			// to the pool.
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	if err := fn(conn); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		return err
	}
	done = true
	return nil
}

// write runs a mutation named op in one write transaction, refusing it on a
// read-only store. When mapID is not 0, the map must exist (ErrNotFound)
// and its updated_at is bumped once fn has succeeded. Callers validate the
// values they write before calling write; fn checks positions against the
// file, and any error rolls everything back.
func (s *Store) write(op string, mapID int64, fn func(q querier) error) error {
	if s.readOnly {
		return fmt.Errorf("%s in %s: %w", op, s.path, ErrReadOnly)
	}
	err := s.inTx(true, func(q querier) error {
		if mapID != 0 {
			var one int
			err := q.QueryRowContext(ctxBG, `SELECT 1 FROM maps WHERE id = ?`, mapID).Scan(&one)
			if err == sql.ErrNoRows {
				return fmt.Errorf("map %d: %w", mapID, ErrNotFound)
			}
			if err != nil {
				return err
			}
		}
		if err := fn(q); err != nil {
			return err
		}
		if mapID != 0 {
			return touch(q, mapID)
		}
		return nil
	})
	if err == nil {
		return nil
	}
	if sqliteCode(err) == sqlite3.ErrReadonly {
		err = fmt.Errorf("%w (%v)", ErrReadOnly, err)
	}
	return fmt.Errorf("%s in %s: %w", op, s.path, err)
}

// touch bumps the map's updated_at. The stamp always moves forward, even
// when two edits share a clock tick.
func touch(q querier, mapID int64) error {
	_, err := q.ExecContext(ctxBG, `UPDATE maps SET updated_at = max(?, updated_at + 1) WHERE id = ?`, nowStamp(), mapID)
	return err
}

// sqliteCode returns the primary result code of a SQLite error, or 0.
func sqliteCode(err error) sqlite3.ErrNo {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.Code
	}
	return 0
}

// nowStamp is the time stamp stored in created_at/updated_at: Unix nanoseconds.
func nowStamp() int64 { return time.Now().UnixNano() }

func fromStamp(ns int64) time.Time { return time.Unix(0, ns).UTC() }

// ListMaps returns a summary of every map in the file, ordered by ID.
func (s *Store) ListMaps() ([]model.MapSummary, error) {
	rows, err := s.db.Query(`
		SELECT m.id, m.title, m.persona_name, m.updated_at,
			(SELECT count(*) FROM phases p WHERE p.map_id = m.id),
			(SELECT count(*) FROM phases p JOIN touchpoints t ON t.phase_id = p.id WHERE p.map_id = m.id)
		FROM maps m ORDER BY m.id`)
	if err != nil {
		return nil, fmt.Errorf("list maps in %s: %w", s.path, err)
	}
	defer rows.Close()
	var out []model.MapSummary
	for rows.Next() {
		var ms model.MapSummary
		var updated int64
		if err := rows.Scan(&ms.ID, &ms.Title, &ms.Persona, &updated, &ms.Phases, &ms.Touchpoints); err != nil {
			return nil, fmt.Errorf("list maps in %s: %w", s.path, err)
		}
		ms.UpdatedAt = fromStamp(updated)
		out = append(out, ms)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list maps in %s: %w", s.path, err)
	}
	return out, nil
}

// FindMap resolves what a user typed to pick a map: a numeric ID, or a
// title compared case-insensitively. An empty ref picks the file's only map.
// Errors name the candidates so the user can pick one.
func (s *Store) FindMap(ref string) (int64, error) {
	maps, err := s.ListMaps()
	if err != nil {
		return 0, err
	}
	ref = strings.TrimSpace(ref)
	if ref == "" {
		switch len(maps) {
		case 1:
			return maps[0].ID, nil
		case 0:
			return 0, fmt.Errorf("no maps in %s: %w", s.path, ErrNotFound)
		default:
			return 0, fmt.Errorf("%d maps in %s: %s; pick one with --map", len(maps), s.path, mapCandidates(maps))
		}
	}
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		for _, m := range maps {
			if m.ID == id {
				return id, nil
			}
		}
	}
	var hits []model.MapSummary
	for _, m := range maps {
		if strings.EqualFold(strings.TrimSpace(m.Title), ref) {
			hits = append(hits, m)
		}
	}
	switch len(hits) {
	case 1:
		return hits[0].ID, nil
	case 0:
		if len(maps) == 0 {
			return 0, fmt.Errorf("map %q in %s: %w (the file holds no maps)", errText(ref), s.path, ErrNotFound)
		}
		return 0, fmt.Errorf("map %q in %s: %w; maps: %s", errText(ref), s.path, ErrNotFound, mapCandidates(maps))
	default:
		return 0, fmt.Errorf("%d maps titled %q in %s: %s; pick one by ID with --map", len(hits), errText(ref), s.path, mapCandidates(hits))
	}
}

// mapCandidates lists maps as "1 Coffee, 2 Hotel" for error messages, cleaned of
// control characters and shortened so the message stays one line.
func mapCandidates(maps []model.MapSummary) string {
	const most = 10
	parts := make([]string, 0, min(len(maps), most)+1)
	for i, m := range maps {
		if i == most {
			parts = append(parts, fmt.Sprintf("and %d more", len(maps)-most))
			break
		}
		parts = append(parts, fmt.Sprintf("%d %s", m.ID, errText(m.Title)))
	}
	return strings.Join(parts, ", ")
}

// errText makes untrusted text safe for a one-line error: control characters
// become spaces and long text is cut.
func errText(s string) string {
	const most = 60
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == most {
			b.WriteString("…")
			break
		}
		if r < 0x20 || (r >= 0x7f && r < 0xa0) {
			r = ' '
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

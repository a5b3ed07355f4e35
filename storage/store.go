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
	"math"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
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
	ErrDamaged       = errors.New("file is damaged")
)

// ErrBusy is returned when another process held the file's lock past the
// busy timeout. Nothing was written; the same edit may be tried again, which
// callers can tell without importing storage: it has a Busy method.
var ErrBusy error = busyError{}

type busyError struct{}

func (busyError) Error() string { return "file is busy" }

// Busy reports that the write may simply be tried again.
func (busyError) Busy() bool { return true }

// busyTimeout is how long a write waits for another process's lock before
// it gives up with ErrBusy. A variable so tests need not wait 5 s.
var busyTimeout = 5 * time.Second

// damagedAdvice is what a person should do about a damaged file.
const damagedAdvice = "it opens read-only: export what can be read (journeymap export FILE --all -o DIR), then restore a copy"

// sqliteHeader starts every SQLite 3 database file.
const sqliteHeader = "SQLite format 3\x00"

// Store is one open Journeymap file. It holds a single connection, so its
// writes serialize and DataVersion reports other connections' commits only.
// A Store is safe for concurrent use.
type Store struct {
	db       *sql.DB
	path     string
	readOnly bool
	damaged  bool   // PRAGMA quick_check failed when it was opened for writing
	release  func() // forgets that this process holds the file (held.go)
}

// canWrite reports whether the file at path (which exists) and its directory
// can be written. WAL needs the directory too, for the -wal and -shm files.
// A file or directory without any write permission bit counts as read-only
// even for root, whom the kernel would let write: "chmod a-w" is how a user
// says "do not change this", and it must hold however the app is run.
// It is a variable so tests can play other read-only cases.
var canWrite = func(path string) bool {
	for _, p := range []string{path, filepath.Dir(path)} {
		if fi, err := os.Stat(p); err != nil || fi.Mode().Perm()&0o222 == 0 {
			return false
		}
	}
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
// file or next to it. Open falls back to the same when the file or its
// directory is not writable, or has no write permission bit at all (which
// holds for root too). A file that no one has open (no -wal file) is read as
// immutable, which creates no -wal/-shm files even in a read-only directory
// but does not see later writes by others; a file with a live writer is read
// normally, and DataVersion reports the writer's commits.
func OpenReadOnly(path string) (*Store, error) {
	return openStore(path, true)
}

func openStore(path string, readOnly bool) (*Store, error) {
	fail := func(err error) (*Store, error) { return nil, fmt.Errorf("open %s: %w", path, pathless(err)) }
	asked := readOnly // only reading was asked for, by list or export
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
	case !fi.Mode().IsRegular():
		// Opening a FIFO would block and a device is never ours.
		return fail(errors.New("not a regular file"))
	case heldHere(abs):
		// Another store of this process has it open, checked: plain file
		// calls on it now would drop that store's locks (held.go).
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
	damaged := false
	if exists && !readOnly {
		// A damaged file is never written to: every write would build on
		// pages SQLite cannot trust.
		if damaged, err = quickCheckFails(abs); err != nil {
			return fail(err)
		}
		readOnly = damaged
	}
	if readOnly {
		if version == 0 && !asked {
			return fail(fmt.Errorf("%w and empty, so it cannot be set up", ErrReadOnly))
		}
		if version == 0 {
			if !exists {
				return fail(errors.New("an empty file, not a Journeymap file yet (open it without list or export to set it up)"))
			}
			return fail(errors.New("an empty SQLite file, not a Journeymap file yet (open it without list or export to set it up)"))
		}
		if version < latestVersion() && damaged {
			return fail(fmt.Errorf("%w and written by an older Journeymap, so it cannot be read here (%s)", ErrDamaged, damagedAdvice))
		}
		if version < latestVersion() {
			return fail(fmt.Errorf("%w and needs an upgrade (schema %d to %d)", ErrReadOnly, version, latestVersion()))
		}
		st, err := openReadOnly(path, abs)
		if st != nil {
			st.damaged = damaged
		}
		return st, err
	}

	db, err := sql.Open("sqlite3", dsn(abs, url.Values{
		"_journal_mode": {"WAL"},
		"_foreign_keys": {"1"},
		"_busy_timeout": {strconv.Itoa(int(busyTimeout.Milliseconds()))},
		"_synchronous":  {"FULL"},
	}))
	if err != nil {
		return fail(err)
	}
	configurePool(db)
	s := &Store{db: db, path: path}
	if version < latestVersion() {
		// A write transaction only when there is something to migrate:
		// opening a current file never waits for another writer.
		if err := s.migrate(); err != nil {
			s.Close()
			return fail(err)
		}
	} else if err := db.Ping(); err != nil {
		s.Close()
		return fail(err)
	}
	s.release = hold(abs) // the file exists now
	return s, nil
}

func openReadOnly(path, abs string) (*Store, error) {
	params := url.Values{
		"mode":          {"ro"},
		"_query_only":   {"1"},
		"_cache_size":   {"-256"},
		"_foreign_keys": {"1"},
		"_busy_timeout": {strconv.Itoa(int(busyTimeout.Milliseconds()))},
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
	return &Store{db: db, path: path, readOnly: true, release: hold(abs)}, nil
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
		switch sqliteCode(err) {
		case sqlite3.ErrNotADB:
			return 0, ErrNotSQLite
		case sqlite3.ErrCorrupt:
			return 0, fmt.Errorf("%w: SQLite cannot read its schema; restore a copy", ErrDamaged)
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

// quickCheckFails runs PRAGMA quick_check through a read-only connection
// and reports whether the file is damaged. It reads every page once
// (measured in the package's benchmarks) and writes nothing.
func quickCheckFails(abs string) (bool, error) {
	params := url.Values{"mode": {"ro"}, "_busy_timeout": {strconv.Itoa(int(busyTimeout.Milliseconds()))}}
	if _, err := os.Stat(abs + "-wal"); err != nil {
		params.Set("immutable", "1")
	}
	db, err := sql.Open("sqlite3", dsn(abs, params))
	if err != nil {
		return false, err
	}
	defer db.Close()
	rows, err := db.Query(`PRAGMA quick_check(1)`)
	if err != nil {
		if c := sqliteCode(err); c == sqlite3.ErrCorrupt || c == sqlite3.ErrNotADB {
			return true, nil
		}
		return false, err
	}
	defer rows.Close()
	var verdict string
	for rows.Next() {
		if err := rows.Scan(&verdict); err != nil {
			return true, nil
		}
	}
	if err := rows.Err(); err != nil {
		if c := sqliteCode(err); c == sqlite3.ErrCorrupt || c == sqlite3.ErrNotADB {
			return true, nil
		}
		return false, err
	}
	return verdict != "ok", nil
}

// readErr turns what a damaged file makes the driver say (SQLITE_CORRUPT,
// "sql: Scan error on column index 1 …", a packed row that does not add up)
// into ErrDamaged, so no message shows driver internals.
func readErr(err error) error {
	if errors.Is(err, ErrNotFound) || errors.Is(err, ErrDamaged) {
		return err
	}
	switch c := sqliteCode(err); {
	case c == sqlite3.ErrCorrupt || c == sqlite3.ErrNotADB || errors.Is(err, errPacked) || strings.Contains(err.Error(), "sql: Scan error"):
		return fmt.Errorf("%w: %s", ErrDamaged, "some of it cannot be read; restore a copy")
	}
	return err
}

// pathless drops the path an os error repeats, so a message names the file
// once: "open X: permission denied", not "open X: open X: permission denied".
func pathless(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Damaged reports whether the file failed its check when opened for
// writing; such a store is read-only.
func (s *Store) Damaged() bool { return s.damaged }

// Warning is the one line a person should see on opening the file, or "".
func (s *Store) Warning() string {
	if s.damaged {
		return fmt.Sprintf("%s is damaged: %s", s.path, damagedAdvice)
	}
	return ""
}

// Path returns the path the store was opened with.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether writes are refused.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Close closes the file. The last connection to close checkpoints the WAL
// and removes the -wal and -shm files.
func (s *Store) Close() error {
	err := s.db.Close()
	if s.release != nil {
		s.release()
	}
	return err
}

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
	if s.damaged {
		return fmt.Errorf("%s in %s: %w; nothing was written (%s)", op, s.path, ErrDamaged, damagedAdvice)
	}
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
	switch sqliteCode(err) {
	case sqlite3.ErrReadonly:
		err = fmt.Errorf("%w (%v)", ErrReadOnly, err)
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		// Another process held the lock past the busy timeout: nothing
		// was written, and the same edit may simply be tried again.
		err = fmt.Errorf("%w: another program is writing to it", ErrBusy)
	case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
		err = fmt.Errorf("%w; nothing was written (%s)", ErrDamaged, damagedAdvice)
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
		return nil, fmt.Errorf("list maps in %s: %w", s.path, readErr(err))
	}
	defer rows.Close()
	var out []model.MapSummary
	for rows.Next() {
		var ms model.MapSummary
		var updated int64
		if err := rows.Scan(&ms.ID, &ms.Title, &ms.Persona, &updated, &ms.Phases, &ms.Touchpoints); err != nil {
			return nil, fmt.Errorf("list maps in %s: %w", s.path, readErr(err))
		}
		ms.UpdatedAt = fromStamp(updated)
		out = append(out, ms)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list maps in %s: %w", s.path, readErr(err))
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

// errText makes untrusted text safe for a one-line error (model.OneLine):
// control characters become spaces and text past 60 characters is cut.
func errText(s string) string { return model.OneLine(s, 60) }

// LoadMap reads the map with the given ID: its phases, touchpoints, list
// items and metrics, with IDs and UpdatedAt filled in. It runs five queries
// (map, phases, touchpoints, items, metrics) in one read transaction,
// whatever the map's size. Every empty slice (phases, touchpoints, metrics)
// is nil, and every empty list (labels, motivations, ...) the zero
// model.List, so loaded maps compare equal with reflect.DeepEqual.
func (s *Store) LoadMap(id int64) (*model.Map, error) {
	var m *model.Map
	err := s.inTx(false, func(q querier) error {
		var err error
		if m, err = loadMap(q, id); err != nil {
			return err
		}
		m.Votes, err = loadVotes(q, m.ID, m)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("load map %d from %s: %w", id, s.path, readErr(err))
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
// which any byte survives.
var (
	loadTouchpoints = newAggQuery(`(SELECT t.*, p.position AS phase_pos FROM phases p JOIN touchpoints t ON t.phase_id = p.id
	WHERE p.map_id = ?)`,
		"i:phase_id", "i:position", "i:id", "i:rev", "c:score", "c:substr(kind, 1, 1)", "t:name", "t:description", "t:channel", "t:owner", "t:notes", "t:added_by")

	// A map's touchpoint IDs usually form one narrow range (a map is
	// mostly created at once), so items and metrics are read by a range
	// scan of their primary key; rows of other maps' touchpoints that fall
	// in the range are skipped in Go.
	loadItems = newAggQuery(`items WHERE touchpoint_id BETWEEN ? AND ?`,
		"i:touchpoint_id", "c:substr(list, 1, 1)", "i:position", "t:text")

	// Whole numbers print as integers, which is cheaper than SQLite's
	// float formatting; other values print as REAL, whose text reads
	// back as the same float64 (TestStoreTextAndNumbersRoundTrip). NULL
	// prints as an empty field.
	loadMetrics = newAggQuery(`metrics WHERE touchpoint_id BETWEEN ? AND ?`,
		"i:touchpoint_id", "i:position", "t:name", "t:unit",
		"i:ifnull(iif(target = CAST(target AS INTEGER), CAST(target AS INTEGER), CAST(target AS TEXT)), '')",
		"i:ifnull(iif(current = CAST(current AS INTEGER), CAST(current AS INTEGER), CAST(current AS TEXT)), '')",
		"c:substr(direction, 1, 1)")
)

// chunkQueries returns the items and metrics queries for exactly the
// touchpoints ids (which lie too far apart for a range), and their arguments.
func chunkQueries(ids []int64) (items, metrics aggQuery, args []any) {
	marks := strings.Repeat("?, ", len(ids)-1) + "?"
	args = make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return newAggQuery(`items WHERE touchpoint_id IN (`+marks+`)`, loadItems.cols...),
		newAggQuery(`metrics WHERE touchpoint_id IN (`+marks+`)`, loadMetrics.cols...), args
}

// textSep separates texts in the packed columns.
const textSep = '\x1f'

// aggQuery is a load query in two forms: texts separated by textSep, or
// sent as lengths plus contents (safe for any text).
type aggQuery struct {
	kinds string    // per column: 'i' numbers, 'c' one-byte codes, 't' text
	forms [2]string // [safe]
	cols  []string  // as given to newAggQuery
}

// newAggQuery builds the query aggregating cols ("kind:expression") over the
// rows of from.
func newAggQuery(from string, cols ...string) aggQuery {
	a := aggQuery{cols: cols}
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
	a.forms[0] = "SELECT " + strings.Join(fast, ", ") + " FROM " + from
	a.forms[1] = "SELECT " + strings.Join(safe, ", ") + " FROM " + from
	return a
}

func loadMap(q querier, id int64) (*model.Map, error) {
	m, phaseAt, err := loadHead(q, id)
	if err != nil {
		return nil, err
	}
	if len(m.Phases) == 0 {
		return m, nil
	}
	if err := fillTouchpoints(q, m, phaseAt, loadTouchpoints, id); err != nil {
		return nil, err
	}
	return m, nil
}

// loadHead reads a map's own fields and its phases, without touchpoints,
// and returns where each phase (by ID) sits in m.Phases.
func loadHead(q querier, id int64) (*model.Map, map[int64]int, error) {
	m := &model.Map{ID: id}
	var updated int64
	err := q.QueryRowContext(ctxBG, `SELECT rev, title, persona_name, persona_description, goal, notes, updated_at FROM maps WHERE id = ?`, id).
		Scan(&m.Rev, &m.Title, &m.Persona.Name, &m.Persona.Description, &m.Goal, &m.Notes, &updated)
	if err == sql.ErrNoRows {
		return nil, nil, ErrNotFound
	}
	if err != nil {
		return nil, nil, err
	}
	m.UpdatedAt = fromStamp(updated)

	// Phases arrive in journey order; positions are dense, so appending in
	// that order rebuilds the slice.
	phaseAt := map[int64]int{}
	rows, err := q.QueryContext(ctxBG, `SELECT id, rev, name, description FROM phases WHERE map_id = ? ORDER BY position`, id)
	if err != nil {
		return nil, nil, err
	}
	for rows.Next() {
		var p model.Phase
		if err := rows.Scan(&p.ID, &p.Rev, &p.Name, &p.Description); err != nil {
			rows.Close()
			return nil, nil, err
		}
		phaseAt[p.ID] = len(m.Phases)
		m.Phases = append(m.Phases, p)
	}
	if err := closeRows(rows); err != nil {
		return nil, nil, err
	}
	return m, phaseAt, nil
}

// fillTouchpoints reads the touchpoints the query a selects (with args),
// with their list items and metrics, into the phases of m that phaseAt
// names; a touchpoint of any other phase makes the file unreadable.
func fillTouchpoints(q querier, m *model.Map, phaseAt map[int64]int, a aggQuery, args ...any) error {
	// Rows come back in whatever order SQLite scans them; each carries its
	// keys (phase, position; touchpoint, list, position), goes into its
	// parent's run of one shared slice, and each run is put in position
	// order, so nothing depends on the order of a scan or a subquery.
	// (Runs usually arrive in order: checking costs one pass, sorting only
	// happens when they did not.)
	var pk packed
	if err := pk.query(q, a, args...); err != nil {
		return err
	}
	runs, ok := newPhaseRuns[model.Touchpoint](len(m.Phases), pk.ints(), phaseAt)
	if !ok || pk.err != nil {
		return fmt.Errorf("touchpoints: %w", errPacked)
	}
	nt := len(runs.all)
	pk.rewind()
	phaseIDs, positions := pk.ints(), pk.ints()
	ids, revs, scores, kinds := pk.ints(), pk.ints(), pk.chars(), pk.chars()
	names, descs, channels, owners, notes := pk.texts(), pk.texts(), pk.texts(), pk.texts(), pk.texts()
	addedBy := pk.texts()
	minID, maxID := int64(math.MaxInt64), int64(math.MinInt64)
	for !ids.done() {
		pi := phaseAt[phaseIDs.next()]
		pos := positions.next()
		score := scores.next()
		t := model.Touchpoint{
			ID: ids.next(), Rev: revs.next(), Kind: kindOf(kinds.next()), Emotion: model.Emotion{Score: int(score) - '0'},
			Name: names.next(), Description: descs.next(), Channel: channels.next(), Owner: owners.next(), Notes: notes.next(),
			AddedBy: addedBy.next(),
		}
		// A score is one digit 1–5; anything else (a REAL 2.5 that a
		// hand-edited file slipped past the CHECK) would shift every later
		// score, so refuse the file rather than misread it.
		if pk.err != nil || score < '1' || score > '5' || !runs.place(pi, t, pos) {
			return fmt.Errorf("touchpoints: %w", errPacked)
		}
		minID, maxID = min(minID, t.ID), max(maxID, t.ID)
	}
	if scores.s != "" || kinds.s != "" || positions.s != "" {
		return fmt.Errorf("touchpoints: %w", errPacked)
	}
	if nt == 0 {
		return nil
	}
	runs.each(func(t *model.Touchpoint) int64 { return t.ID }, func(pi int, run []model.Touchpoint) {
		m.Phases[pi].Touchpoints = run
	})
	tps := runs.all

	byID := newTouchpointIndex(tps, minID, maxID)

	// Items and metrics are read in chunks of touchpoints (by ID range), so
	// no single aggregated string grows past a few hundred kilobytes: on
	// the dense 10,000-touchpoint map one items string was 3.5 MB, held
	// twice in C while SQLite grew it and once more in Go.
	sortedIDs := make([]int64, nt)
	for i := range tps {
		sortedIDs[i] = tps[i].ID
	}
	slices.Sort(sortedIDs)
	ld := chunkLoader{tps: tps, byID: byID,
		itemCounts: make([]int32, nt*numLists), itemOffsets: make([]int32, nt*numLists),
		metricCounts: make([]int32, nt), metricOffsets: make([]int32, nt)}
	for start := 0; start < nt; start += loadChunk {
		chunk := sortedIDs[start:min(start+loadChunk, nt)]
		lo, hi := chunk[0], chunk[len(chunk)-1]
		items, metricsQ, args := loadItems, loadMetrics, []any{lo, hi}
		if hi-lo > int64(4*len(chunk)+64) {
			// IDs that edits chose (model.NewID) lie far apart; a range
			// over them would sweep up other maps' rows, so this chunk
			// names its touchpoints one by one.
			items, metricsQ, args = chunkQueries(chunk)
		}
		if err := ld.items(q, items, args); err != nil {
			return err
		}
		if err := ld.metrics(q, metricsQ, args); err != nil {
			return err
		}
	}
	return nil
}

// phaseRuns lays out rows that belong to phases (touchpoints, or an
// outline's) in one slice, each phase's rows a run in the order of the
// phases: count each phase's rows first, then place every row, then put
// each run in position order, so nothing depends on the order SQLite
// scanned them.
type phaseRuns[T any] struct {
	all                     []T
	pos                     []int64
	counts, offsets, filled []int
}

// newPhaseRuns counts the rows of each of phases phases from the packed
// column of their phase IDs, read to its end; false when a row names a
// phase phaseAt does not hold.
func newPhaseRuns[T any](phases int, phaseIDs *intCol, phaseAt map[int64]int) (*phaseRuns[T], bool) {
	n := phaseIDs.count()
	r := &phaseRuns[T]{counts: make([]int, phases), offsets: make([]int, phases), filled: make([]int, phases)}
	for !phaseIDs.done() {
		pi, ok := phaseAt[phaseIDs.next()]
		if !ok {
			return nil, false
		}
		r.counts[pi]++
	}
	for pi := 1; pi < phases; pi++ {
		r.offsets[pi] = r.offsets[pi-1] + r.counts[pi-1]
	}
	r.all, r.pos = make([]T, n), make([]int64, n)
	return r, true
}

// place puts row t, at position pos in phase pi, in its run; false when
// the run is already full (the columns disagree).
func (r *phaseRuns[T]) place(pi int, t T, pos int64) bool {
	if r.filled[pi] >= r.counts[pi] {
		return false
	}
	k := r.offsets[pi] + r.filled[pi]
	r.all[k], r.pos[k] = t, pos
	r.filled[pi]++
	return true
}

// each puts every run in position order (ties by id) and hands it to set,
// capped so a later append copies instead of running into the next run.
func (r *phaseRuns[T]) each(id func(*T) int64, set func(pi int, run []T)) {
	for pi, c := range r.counts {
		if c > 0 {
			o := r.offsets[pi]
			run := r.all[o : o+c : o+c]
			inOrder(run, r.pos[o:o+c], func(i int) int64 { return id(&run[i]) })
			set(pi, run)
		}
	}
}

// loadChunk is how many touchpoints' items and metrics one query reads
// (measured on the dense map: max RSS of an md export 29.1 MB at 250,
// 29.9 MB at 1,000, 31.7 MB at 2,500; time the same).
const loadChunk = 250

// chunkLoader reads the items and metrics of the loaded touchpoints, a
// chunk (an ID range) at a time. The counts and offsets are indexed by
// touchpoint (and list); a touchpoint belongs to one chunk, so chunks never
// share an entry.
type chunkLoader struct {
	tps                         []model.Touchpoint
	byID                        touchpointIndex
	pk                          packed
	itemCounts, itemOffsets     []int32
	metricCounts, metricOffsets []int32
}

// items reads one chunk's list items. Each list is cut out of the packed
// text column where it can be (itemsInPlace); otherwise the items are
// placed in one slice shared by the chunk's lists (count first, then
// place), each run put in position order and joined into its list.
func (ld *chunkLoader) items(q querier, a aggQuery, args []any) error {
	pk := &ld.pk
	if err := pk.query(q, a, args...); err != nil {
		return err
	}
	if pk.sep {
		if ok, err := ld.itemsInPlace(); ok || err != nil {
			return err
		}
		pk.rewind()
	}
	var touched []int32 // touchpoints of this chunk that have items
	tpIDs, lists := pk.ints(), pk.chars()
	for !tpIDs.done() {
		ti, li := ld.byID.get(tpIDs.next()), listIndex(lists.next())
		if pk.err != nil || li < 0 {
			return fmt.Errorf("list items: %w", errPacked)
		}
		if ti < 0 {
			continue // another map's
		}
		k := ti*numLists + li
		if ld.itemCounts[k] == 0 && (len(touched) == 0 || touched[len(touched)-1] != int32(ti)) {
			touched = append(touched, int32(ti))
		}
		ld.itemCounts[k]++
	}
	slices.Sort(touched)
	touched = slices.Compact(touched)
	var total int32
	for _, ti := range touched {
		for li := 0; li < numLists; li++ {
			k := int(ti)*numLists + li
			ld.itemOffsets[k] = total
			total += ld.itemCounts[k]
		}
	}
	all := make([]string, total)
	pos := make([]int32, total)
	filled := make([]int32, total) // per run start: how many placed
	pk.rewind()
	tpIDs, lists = pk.ints(), pk.chars()
	itemPos, texts := pk.ints(), pk.texts()
	for !tpIDs.done() {
		ti, li, p, text := ld.byID.get(tpIDs.next()), listIndex(lists.next()), itemPos.next(), texts.next()
		if pk.err != nil {
			return fmt.Errorf("list items: %w", pk.err)
		}
		if ti < 0 {
			continue
		}
		k := ti*numLists + li
		o := ld.itemOffsets[k]
		if filled[o] >= ld.itemCounts[k] {
			return fmt.Errorf("list items: %w", errPacked)
		}
		at := o + filled[o]
		all[at], pos[at] = text, int32(min(max(p, math.MinInt32), math.MaxInt32))
		filled[o]++
	}
	for _, ti := range touched {
		for li := 0; li < numLists; li++ {
			k := int(ti)*numLists + li
			if c := ld.itemCounts[k]; c > 0 {
				o := ld.itemOffsets[k]
				run := all[o : o+c]
				inOrder(run, pos[o:o+c], nil)
				*itemList(&ld.tps[ti], listCodes[li]) = model.ListOf(run...)
			}
		}
	}
	return nil
}

// itemsInPlace sets each list of the chunk to a substring of the packed
// text column, with no copy and no string per item. The fast form separates
// texts by textSep, which is also what precedes each item of a model.List,
// so when a list's items arrive as consecutive rows in position order (a
// scan of the items table's primary key, (touchpoint_id, list, position),
// returns them so) the column holds the list as "a\x1fb\x1fc", and with the
// separator before its first item that is the List's encoding. It returns
// false when some list's rows are not so arranged (the caller then reads
// the rows again and joins each list); the lists it set then are all set
// again, as every list of the chunk with items is.
func (ld *chunkLoader) itemsInPlace() (bool, error) {
	pk := &ld.pk
	tpIDs, lists, itemPos := pk.ints(), pk.chars(), pk.ints()
	col := pk.col()
	// The run of consecutive rows of one list being read: the list's key
	// (-1 for another map's rows), where its texts start and end in col,
	// and the position of its last item.
	k, start, end, last := -1, 0, 0, int64(0)
	finish := func() bool {
		if k < 0 {
			return true
		}
		l := itemList(&ld.tps[k/numLists], listCodes[k%numLists])
		if *l != (model.List{}) {
			return false // the list's rows came in two runs
		}
		var ok bool
		if start == 0 {
			// The column's first text has no separator before it.
			*l, ok = model.ListFromEncoded(string(textSep) + col[:end])
		} else {
			*l, ok = model.ListFromEncoded(col[start-1 : end])
		}
		return ok
	}
	next := 0 // where the next text starts in col
	for !tpIDs.done() {
		ti, li, p := ld.byID.get(tpIDs.next()), listIndex(lists.next()), itemPos.next()
		if pk.err != nil || li < 0 {
			return false, fmt.Errorf("list items: %w", errPacked)
		}
		if next > len(col) {
			return false, fmt.Errorf("list items: %w", errPacked)
		}
		from := next
		to := strings.IndexByte(col[from:], textSep)
		if to < 0 {
			to = len(col)
		} else {
			to += from
		}
		next = to + 1
		key := -1
		if ti >= 0 {
			key = ti*numLists + li
		}
		if key == k && (key < 0 || p > last) {
			end, last = to, p
			continue
		}
		if !finish() {
			return false, nil
		}
		k, start, end, last = key, from, to, p
	}
	if pk.err != nil {
		return false, fmt.Errorf("list items: %w", pk.err)
	}
	return finish(), nil
}

// metrics reads one chunk's metrics: one slice shared by the chunk's
// touchpoints, and their values one array.
func (ld *chunkLoader) metrics(q querier, a aggQuery, args []any) error {
	pk := &ld.pk
	if err := pk.query(q, a, args...); err != nil {
		return err
	}
	var touched []int32
	tpIDs := pk.ints()
	nm := tpIDs.count()
	for !tpIDs.done() {
		if ti := ld.byID.get(tpIDs.next()); ti >= 0 {
			if ld.metricCounts[ti] == 0 {
				touched = append(touched, int32(ti))
			}
			ld.metricCounts[ti]++
		}
	}
	if pk.err != nil {
		return fmt.Errorf("metrics: %w", pk.err)
	}
	var total int32
	for _, ti := range touched {
		ld.metricOffsets[ti] = total
		total += ld.metricCounts[ti]
	}
	metrics := make([]model.Metric, total)
	pos := make([]int32, total)
	filled := make([]int32, total)
	values := make([]float64, 0, 2*nm)
	pk.rewind()
	tpIDs, metricPos := pk.ints(), pk.ints()
	mnames, units, targets, currents, dirs := pk.texts(), pk.texts(), pk.floats(), pk.floats(), pk.chars()
	for !tpIDs.done() {
		ti, p := ld.byID.get(tpIDs.next()), metricPos.next()
		mt := model.Metric{Name: mnames.next(), Unit: units.next(), Direction: directionOf(dirs.next())}
		mt.Target, values = targets.next(values)
		mt.Current, values = currents.next(values)
		if pk.err != nil {
			return fmt.Errorf("metrics: %w", pk.err)
		}
		if ti < 0 {
			continue
		}
		o := ld.metricOffsets[ti]
		if filled[o] >= ld.metricCounts[ti] {
			return fmt.Errorf("metrics: %w", errPacked)
		}
		at := o + filled[o]
		metrics[at], pos[at] = mt, int32(min(max(p, math.MinInt32), math.MaxInt32))
		filled[o]++
	}
	for _, ti := range touched {
		c, o := ld.metricCounts[ti], ld.metricOffsets[ti]
		run := metrics[o : o+c : o+c]
		inOrder(run, pos[o:o+c], nil)
		ld.tps[ti].Metrics = run
	}
	return nil
}

// inOrder sorts run by pos (ties by id, when given), unless it already is:
// positions are dense in a file Journeymap wrote, but a hand-edited one may
// have gaps or, for touchpoints, repeats, and still loads in a stable order.
func inOrder[T any, P int32 | int64](run []T, pos []P, id func(i int) int64) {
	less := func(i, j int) bool {
		if pos[i] != pos[j] || id == nil {
			return pos[i] < pos[j]
		}
		return id(i) < id(j)
	}
	sorted := true
	for i := 1; i < len(run); i++ {
		if less(i, i-1) || (pos[i] == pos[i-1] && id == nil) {
			sorted = false
			break
		}
	}
	if sorted {
		return
	}
	idx := make([]int, len(run))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return less(idx[a], idx[b]) })
	tmp := make([]T, len(run))
	tmpPos := make([]P, len(run))
	for i, j := range idx {
		tmp[i], tmpPos[i] = run[j], pos[j]
	}
	copy(run, tmp)
	copy(pos, tmpPos)
}

// The lists of a touchpoint as the items table codes them (the first letter
// of the list's name), in the order they are read and written.
const numLists = 6

var listCodes = [numLists]byte{'l', 'm', 't', 'p', 'o', 'b'}

func listIndex(c byte) int {
	for i, l := range listCodes {
		if l == c {
			return i
		}
	}
	return -1
}

// touchpointIndex finds a loaded touchpoint's index by ID. A map's IDs are
// usually dense, so a slice indexed from the smallest ID does; a map stands
// in when they are spread too thin.
type touchpointIndex struct {
	lo     int64
	dense  []int32
	sparse map[int64]int32
}

func newTouchpointIndex(tps []model.Touchpoint, lo, hi int64) touchpointIndex {
	x := touchpointIndex{lo: lo}
	n := len(tps)
	if span := hi - lo + 1; span <= int64(4*n+64) {
		x.dense = make([]int32, span)
		for i := range x.dense {
			x.dense[i] = -1
		}
	} else {
		x.sparse = make(map[int64]int32, n)
	}
	for i := range tps {
		if x.dense != nil {
			x.dense[tps[i].ID-lo] = int32(i)
		} else {
			x.sparse[tps[i].ID] = int32(i)
		}
	}
	return x
}

// get returns the index of the touchpoint with id, or -1 (another map's).
func (x touchpointIndex) get(id int64) int {
	if x.dense == nil {
		if i, ok := x.sparse[id]; ok {
			return int(i)
		}
		return -1
	}
	if i := id - x.lo; i >= 0 && i < int64(len(x.dense)) {
		return int(x.dense[i])
	}
	return -1
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
	if err := pk.run(q, a.forms[0], len(a.kinds), args); err != nil {
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
			if err := pk.run(q, a.forms[1], len(a.kinds)+strings.Count(a.kinds, "t"), args); err != nil {
				return err
			}
			break
		}
	}
	return pk.checkShape(a.kinds, rows)
}

// checkShape makes sure every number and code column holds exactly one
// field per row. Our own writes always do; a hand-edited file can hold text
// with spaces in a REAL column, or a REAL score, which would shift every
// later value onto the wrong row, so such a file is refused as damaged
// rather than misread.
func (pk *packed) checkShape(kinds string, rows int) error {
	col := 0
	for _, k := range kinds {
		c := pk.cols[col]
		switch {
		case k == 'c' && len(c) != rows,
			k == 'i' && rows > 0 && strings.Count(c, " ") != rows-1,
			k == 'i' && rows == 0 && c != "":
			return errPacked
		}
		col++
		if k == 't' && !pk.sep {
			col++ // lengths, then the texts
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

// rewind lets the readers take the row's columns again from the first, for a
// second pass over the same rows.
func (pk *packed) rewind() { pk.next = 0 }

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
	s  string
	pk *packed
}

// next reads the next value into a slot appended to values (so the map's
// values share one array) and returns a pointer to it, or nil for NULL (an
// empty field; a column of one NULL is just "", so running out of fields
// also reads as NULL and the ID column alone tells how many rows there are).
func (c *floatCol) next(values []float64) (*float64, []float64) {
	f := field(&c.s)
	if f == "" {
		return nil, values
	}
	// Journeymap never stores NaN or an infinity (validation refuses them),
	// and ParseFloat would read the text "nan" or "inf" that a hand-edited
	// file may hold in a REAL column: both are damage.
	v, err := strconv.ParseFloat(f, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
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
func itemList(t *model.Touchpoint, c byte) *model.List {
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

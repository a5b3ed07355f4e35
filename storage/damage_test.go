package storage

import (
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"journeymap/internal/testmap"
	"journeymap/model"
)

// damagedFile writes a Journeymap file big enough to span many pages, then
// damages it with how.
func damagedFile(t *testing.T, how func(t *testing.T, path string)) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "damaged.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateMap(testmap.Generate(6, 400)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	how(t, path)
	return path
}

func truncateInLastPage(t *testing.T, path string) {
	fi, _ := os.Stat(path)
	if err := os.Truncate(path, fi.Size()-1000); err != nil {
		t.Fatal(err)
	}
}

func flipMiddleBytes(t *testing.T, path string) {
	data, _ := os.ReadFile(path)
	// From the page boundary nearest the middle: the page's header is what
	// quick_check reads (flipped bytes inside a text are only another text).
	mid := len(data) / 2 &^ 4095
	for i := mid; i < mid+600; i++ {
		data[i] ^= 0x5a
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestDamagedFileIsNeverWritten opens damaged files for writing: each opens
// read-only with a warning that says what to do, every write is refused
// with a one-line "damaged" error, and the bytes stay as they were.
func TestDamagedFileIsNeverWritten(t *testing.T) {
	for name, how := range map[string]func(*testing.T, string){
		"truncated inside its last page": truncateInLastPage,
		"bytes flipped in the middle":    flipMiddleBytes,
	} {
		t.Run(name, func(t *testing.T) {
			path := damagedFile(t, how)
			before := stateOf(t, path)
			s, err := Open(path)
			if err != nil {
				// Too damaged to open at all: the error must still say so
				// in one line, without driver internals.
				assertDamagedMessage(t, err)
				assertUnchanged(t, path, before)
				return
			}
			defer s.Close()
			if !s.Damaged() || !s.ReadOnly() {
				t.Fatalf("damaged %v, read-only %v; want both", s.Damaged(), s.ReadOnly())
			}
			if w := s.Warning(); !strings.Contains(w, "damaged") || !strings.Contains(w, "export") || strings.Contains(w, "\n") {
				t.Errorf("warning %q should say damaged and what to do, in one line", w)
			}
			tp := model.NewTouchpoint("x")
			for name, err := range map[string]error{
				"CreateMap": func() error { _, err := s.CreateMap(sampleMap()); return err }(),
				"DeleteMap": s.DeleteMap(1),
				"Apply":     s.Apply(1, &model.InsertTouchpoint{Phase: 1, Touchpoint: tp}),
			} {
				if !errors.Is(err, ErrDamaged) {
					t.Errorf("%s: %v, want ErrDamaged", name, err)
				}
				assertDamagedMessage(t, err)
			}
			// Reading what can be read gives clean errors too.
			if _, err := s.LoadMap(1); err != nil {
				assertDamagedMessage(t, err)
			}
			s.Close()
			assertUnchanged(t, path, before)
		})
	}
}

func assertDamagedMessage(t *testing.T, err error) {
	t.Helper()
	msg := err.Error()
	if !strings.Contains(msg, "damaged") || strings.Contains(msg, "\n") || strings.Contains(msg, "sql:") || strings.Contains(msg, "Scan error") {
		t.Errorf("error %q should say damaged in one line, without driver internals", msg)
	}
}

// TestReadOnlyOpenWritesNothing covers what list and export open: a
// zero-byte file and an empty SQLite file are refused as not (yet)
// Journeymap files and stay as they were; a missing file is not created.
func TestReadOnlyOpenWritesNothing(t *testing.T) {
	dir := t.TempDir()
	zero := filepath.Join(dir, "zero.db")
	os.WriteFile(zero, nil, 0o644)
	emptySQL := filepath.Join(dir, "empty.db")
	db, err := sql.Open("sqlite3", emptySQL)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE x (a); DROP TABLE x`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	missing := filepath.Join(dir, "missing.db")
	for _, path := range []string{zero, emptySQL, missing} {
		before := stateOf(t, path)
		_, err := OpenReadOnly(path)
		if err == nil {
			t.Fatalf("%s: opened", path)
		}
		if strings.Count(err.Error(), path) != 1 {
			t.Errorf("error %q should name the path once", err)
		}
		assertUnchanged(t, path, before)
	}
	if _, err := os.Stat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Error("a read-only open created the file")
	}
}

func TestOpenRefusesFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.db")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	for _, open := range []func(string) (*Store, error){Open, OpenReadOnly} {
		_, err := open(fifo)
		if err == nil || !strings.Contains(err.Error(), "not a regular file") || strings.Count(err.Error(), fifo) != 1 {
			t.Errorf("FIFO: %v", err)
		}
	}
	if _, err := Open("/dev/null"); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("/dev/null: %v", err)
	}
}

func TestOpenNamesThePathOnce(t *testing.T) {
	dir := t.TempDir()
	locked := filepath.Join(dir, "locked")
	os.Mkdir(locked, 0o755)
	path := filepath.Join(locked, "x.db")
	os.WriteFile(path, nil, 0o644)
	os.Chmod(locked, 0o000)
	defer os.Chmod(locked, 0o755)
	if _, err := os.Stat(path); err == nil {
		t.Skip("running with permissions that ignore the mode bits")
	}
	_, err := OpenReadOnly(path)
	if err == nil || strings.Count(err.Error(), path) != 1 || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("error %v should name %s once and say permission denied", err, path)
	}
}

// TestBusyFileIsTypedAndRetryable holds the write lock from a second
// connection past the busy timeout: the write fails with ErrBusy, writes
// nothing, and the same edit lands once the lock is gone.
func TestBusyFileIsTypedAndRetryable(t *testing.T) {
	old := busyTimeout
	busyTimeout = 100 * time.Millisecond
	defer func() { busyTimeout = old }()
	path := filepath.Join(t.TempDir(), "busy.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id, _ := s.CreateMap(sampleMap())
	m, _ := s.LoadMap(id)

	other, err := sql.Open("sqlite3", dsn(path, nil))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.SetMaxOpenConns(1)
	tx, err := other.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`UPDATE maps SET notes = notes`); err != nil { // takes the write lock
		t.Fatal(err)
	}
	e := &model.UpdatePhase{ID: m.Phases[0].ID, Name: "Waited"}
	err = s.Apply(id, e)
	if !errors.Is(err, ErrBusy) || strings.Contains(err.Error(), "\n") {
		t.Fatalf("write under a held lock: %v, want ErrBusy", err)
	}
	tx.Rollback()
	if err := s.Apply(id, e); err != nil {
		t.Fatalf("retry: %v", err)
	}
	got, _ := s.LoadMap(id)
	if got.Phases[0].Name != "Waited" || got.Phases[0].Rev != 1 {
		t.Errorf("phase %+v after the retry", got.Phases[0])
	}
}

// BenchmarkQuickCheck measures the check every open for writing pays, on
// the 10,000-touchpoint map.
func BenchmarkQuickCheck(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.db")
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.CreateMap(benchMap()); err != nil {
		b.Fatal(err)
	}
	s.Close()
	abs, _ := filepath.Abs(path)
	b.ResetTimer()
	for b.Loop() {
		if bad, err := quickCheckFails(abs); err != nil || bad {
			b.Fatal(bad, err)
		}
	}
}

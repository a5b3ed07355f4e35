package storage

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"journeymap/interchange"
	"journeymap/model"
)

func TestStoreCreateAndLoadRoundTrip(t *testing.T) {
	s := openTemp(t)
	m := sampleMap()
	id, err := s.CreateMap(m)
	if err != nil {
		t.Fatal(err)
	}
	if id == 0 || m.ID != id || m.Phases[0].ID == 0 || m.Phases[1].Touchpoints[2].ID == 0 || m.UpdatedAt.IsZero() {
		t.Fatalf("IDs not set: %+v", m)
	}
	got, err := s.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	assertSameMap(t, got, sampleMap())
	for pi, p := range got.Phases {
		if p.ID != m.Phases[pi].ID {
			t.Errorf("phase %d: loaded ID %d, CreateMap set %d", pi, p.ID, m.Phases[pi].ID)
		}
		for ti, tp := range p.Touchpoints {
			if tp.ID != m.Phases[pi].Touchpoints[ti].ID {
				t.Errorf("touchpoint %d/%d: loaded ID %d, CreateMap set %d", pi, ti, tp.ID, m.Phases[pi].Touchpoints[ti].ID)
			}
		}
	}
	if !got.UpdatedAt.Equal(m.UpdatedAt) {
		t.Errorf("UpdatedAt: loaded %v, CreateMap set %v", got.UpdatedAt, m.UpdatedAt)
	}
}

// TestStoreNilForEmptyLists pins the documented convention: LoadMap returns
// nil, never an empty slice, for every empty list.
func TestStoreNilForEmptyLists(t *testing.T) {
	s := openTemp(t)
	m := &model.Map{MapInfo: model.MapInfo{Title: "Empty lists"}, Phases: []model.Phase{
		{Name: "P", Touchpoints: []model.Touchpoint{{Name: "T", Kind: model.KindDigital, Emotion: model.Emotion{Score: 3, Labels: model.ListOf()},
			Motivations: model.ListOf(), Metrics: []model.Metric{}}}},
		{Name: "No touchpoints", Touchpoints: []model.Touchpoint{}},
	}}
	id, err := s.CreateMap(m)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	tp := got.Phases[0].Touchpoints[0]
	if tp.Emotion.Labels != (model.List{}) || tp.Motivations != (model.List{}) || tp.Thoughts != (model.List{}) || tp.PainPoints != (model.List{}) ||
		tp.Opportunities != (model.List{}) || tp.Backstage != (model.List{}) || tp.Metrics != nil || got.Phases[1].Touchpoints != nil {
		t.Errorf("empty lists should load as nil: %+v", got)
	}
	empty, err := s.CreateMap(&model.Map{MapInfo: model.MapInfo{Title: "No phases"}, Phases: []model.Phase{}})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.LoadMap(empty); err != nil || got.Phases != nil {
		t.Errorf("map without phases: %+v, %v", got, err)
	}
}

// TestStoreTextAndNumbersRoundTrip feeds the packed load format texts that
// look like its own separators and numbers that are hard to print exactly.
// A unit separator (U+001F) in a text sends the load down its safe path.
func TestStoreTextAndNumbersRoundTrip(t *testing.T) {
	t.Run("fast", func(t *testing.T) { roundTripAwkward(t, "plain") })
	t.Run("unit separator", func(t *testing.T) { roundTripAwkward(t, "unit\x1fseparator") })
}

func roundTripAwkward(t *testing.T, extra string) {
	s := openTemp(t)
	awkward := []string{extra, "3:abc", "12 34", " x ", ";", "1;2;", "l5:x", "ünïcødé ☕ 漢字", "tab\there", "new\nline", "\x1b[31mred\x1b[0m",
		"nul\x00byte", strings.Repeat("long ", 2000), "0", "-1", ":"}
	var metrics []model.Metric
	values := []float64{0, 1, -1, 0.1, 1.0 / 3, 2.5, 1e-300, 5e-324, math.MaxFloat64, -math.MaxFloat64, 1e15 + 0.5,
		9007199254740993, 1 << 62, 1e19, -1e19, 123456789.123456789, math.Nextafter(1, 2)}
	for i, v := range values {
		metrics = append(metrics, model.Metric{Name: awkward[i%len(awkward)], Unit: awkward[(i+3)%len(awkward)],
			Target: model.Float(v), Current: model.Float(-v / 7), Direction: model.Down})
	}
	metrics = append(metrics, model.Metric{Name: "none", Direction: model.Up}, model.Metric{Name: "target only", Target: model.Float(3), Direction: model.Up})
	m := &model.Map{MapInfo: model.MapInfo{Title: awkward[0], Persona: model.Persona{Name: awkward[1], Description: awkward[4]}, Goal: awkward[9], Notes: awkward[10]}}
	for pi := 0; pi < 3; pi++ {
		p := model.Phase{Name: awkward[pi+5], Description: awkward[pi]}
		for ti := 0; ti < 4; ti++ {
			tp := model.Touchpoint{Name: awkward[(pi+ti)%len(awkward)], Description: awkward[(pi+ti+1)%len(awkward)],
				Channel: awkward[(ti+2)%len(awkward)], Owner: awkward[(ti+4)%len(awkward)], Notes: awkward[(ti+6)%len(awkward)],
				Kind: model.Kinds[ti%3], Emotion: model.Emotion{Score: 1 + ti, Labels: model.ListOf(awkward[ti : ti+2]...)},
				Motivations: model.ListOf(awkward[2:5]...), Thoughts: model.ListOf(awkward[8:]...), PainPoints: model.ListOf(awkward[:1]...), Opportunities: model.ListOf(awkward[4:6]...), Backstage: model.ListOf(awkward[10:12]...)}
			if ti == 1 {
				tp.Metrics = metrics
			}
			p.Touchpoints = append(p.Touchpoints, tp)
		}
		m.Phases = append(m.Phases, p)
	}
	want := m.Clone()
	id, err := s.CreateMap(m)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	assertSameMap(t, got, want)
	for i, mt := range got.Phases[0].Touchpoints[1].Metrics[:len(values)] {
		if *mt.Target != values[i] || *mt.Current != -values[i]/7 {
			t.Errorf("metric %d: got %v/%v, want %v/%v", i, *mt.Target, *mt.Current, values[i], -values[i]/7)
		}
	}
}

// TestStoreLoadSkipsOtherMapsInIDRange interleaves two maps' touchpoint IDs,
// so the range scans of LoadMap meet rows that are not the map's own.
func TestStoreLoadSkipsOtherMapsInIDRange(t *testing.T) {
	s := openTemp(t)
	a, b := sampleMap(), sampleMap()
	b.Title = "Hotel"
	idA, err := s.CreateMap(a)
	if err != nil {
		t.Fatal(err)
	}
	idB, err := s.CreateMap(b)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		tp := model.Touchpoint{Name: fmt.Sprintf("A%d", i), Kind: model.KindDigital, Emotion: model.Emotion{Score: 2}, Motivations: model.ListOf("a"),
			Metrics: []model.Metric{{Name: "a", Direction: model.Up}}}
		if err := s.InsertTouchpoint(idA, 0, 0, &tp); err != nil {
			t.Fatal(err)
		}
		a.Phases[0].Touchpoints = append([]model.Touchpoint{tp}, a.Phases[0].Touchpoints...)
		tp.Name = fmt.Sprintf("B%d", i)
		if err := s.InsertTouchpoint(idB, 2, 0, &tp); err != nil {
			t.Fatal(err)
		}
		b.Phases[2].Touchpoints = append([]model.Touchpoint{tp}, b.Phases[2].Touchpoints...)
	}
	for id, want := range map[int64]*model.Map{idA: a, idB: b} {
		got, err := s.LoadMap(id)
		if err != nil {
			t.Fatal(err)
		}
		assertSameMap(t, got, want)
	}
}

func TestStoreOpenCreatesFileAndParents(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "maps.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Path() != path || s.ReadOnly() {
		t.Errorf("Path() = %q, ReadOnly() = %v", s.Path(), s.ReadOnly())
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		pragma string
		want   string
	}{
		{"journal_mode", "wal"},
		{"foreign_keys", "1"},
		{"busy_timeout", "5000"},
		{"synchronous", "2"}, // FULL
		{"application_id", fmt.Sprint(applicationID)},
		{"user_version", fmt.Sprint(latestVersion())},
	} {
		var got string
		if err := s.db.QueryRow("PRAGMA " + c.pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("PRAGMA %s = %s, want %s", c.pragma, got, c.want)
		}
	}
	if n := s.db.Stats().MaxOpenConnections; n != 1 {
		t.Errorf("MaxOpenConnections = %d, want 1", n)
	}
}

func TestStoreOpenEmptyFileAsNew(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if ms, err := s.ListMaps(); err != nil || len(ms) != 0 {
		t.Fatalf("ListMaps on a new file = %v, %v", ms, err)
	}
}

func TestStoreOpenOddPaths(t *testing.T) {
	for _, name := range []string{"with space.db", "q?mark.db", "hash#.db", "per%20cent.db", "ünï.db"} {
		path := filepath.Join(t.TempDir(), name)
		s, err := Open(path)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := s.CreateMap(sampleMap()); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		s.Close()
		if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
			t.Errorf("%s: the data did not land in the named file: %v", name, err)
		}
	}
	if _, err := Open(t.TempDir()); err == nil {
		t.Error("Open on a directory should fail")
	}
}

// rawSQLite writes a SQLite file with another program's schema.
func rawSQLite(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, st := range stmts {
		if _, err := db.Exec(st); err != nil {
			t.Fatal(err)
		}
	}
}

func TestStoreRefusesForeignFiles(t *testing.T) {
	cases := []struct {
		name  string
		setup func(t *testing.T, path string)
		want  error
		msg   string
	}{
		{"text file", func(t *testing.T, path string) {
			os.WriteFile(path, []byte("# My notes\nnot a database at all, but long enough to have a header\n"), 0o644)
		}, ErrNotSQLite, "not a SQLite file"},
		{"short file", func(t *testing.T, path string) { os.WriteFile(path, []byte("SQLite"), 0o644) }, ErrNotSQLite, "not a SQLite file"},
		{"header only", func(t *testing.T, path string) {
			os.WriteFile(path, []byte(sqliteHeader+strings.Repeat("\xff", 200)), 0o644)
		}, ErrNotSQLite, ""},
		{"another program's database", func(t *testing.T, path string) {
			rawSQLite(t, path, `CREATE TABLE contacts (name TEXT)`, `INSERT INTO contacts VALUES ('Ada')`)
		}, ErrNotJourneymap, "not a Journeymap file"},
		{"another program's WAL database", func(t *testing.T, path string) {
			rawSQLite(t, path, `PRAGMA journal_mode = WAL`, `CREATE TABLE contacts (name TEXT)`, `INSERT INTO contacts VALUES ('Ada')`)
		}, ErrNotJourneymap, "not a Journeymap file"},
		{"versioned but no tables", func(t *testing.T, path string) { rawSQLite(t, path, `PRAGMA user_version = 7`) }, ErrNotJourneymap, ""},
		{"another application id", func(t *testing.T, path string) {
			rawSQLite(t, path, `PRAGMA application_id = 1234`, `CREATE TABLE maps (id INTEGER PRIMARY KEY)`)
		}, ErrNotJourneymap, ""},
		{"newer Journeymap", func(t *testing.T, path string) {
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			s.CreateMap(sampleMap())
			s.Close()
			rawSQLite(t, path, fmt.Sprintf(`PRAGMA user_version = %d`, latestVersion()+1))
		}, ErrTooNew, fmt.Sprintf("written by a newer Journeymap (schema %d, this binary knows %d)", latestVersion()+1, latestVersion())},
	}
	for _, c := range cases {
		for _, readOnly := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/readonly=%v", c.name, readOnly), func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "x.db")
				c.setup(t, path)
				before := stateOf(t, path)
				if before.sidecars["-wal"] || before.sidecars["-shm"] {
					t.Fatalf("setup left sidecar files: %v", before.sidecars)
				}
				open := Open
				if readOnly {
					open = OpenReadOnly
				}
				s, err := open(path)
				if err == nil {
					s.Close()
					t.Fatal("opened a file that should be refused")
				}
				if !errors.Is(err, c.want) {
					t.Errorf("error %q does not wrap %q", err, c.want)
				}
				if msg := err.Error(); !strings.HasPrefix(msg, "open "+path+": ") || !strings.Contains(msg, c.msg) || strings.Contains(msg, "\n") {
					t.Errorf("error %q should be one line naming %s and saying %q", msg, path, c.msg)
				}
				assertUnchanged(t, path, before)
			})
		}
	}
}

func TestStoreOpenReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.db")
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	id, err := w.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	before := stateOf(t, path)

	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	assertReadOnlyStore(t, s, id)
	s.Close()
	assertUnchanged(t, path, before)
}

// TestStoreOpenFallsBackToReadOnly plays a file this process may not write
// by replacing the access check; TestStoreChmodReadOnly covers real
// permission bits.
func TestStoreOpenFallsBackToReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.db")
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	id, err := w.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	before := stateOf(t, path)

	saved := canWrite
	canWrite = func(string) bool { return false }
	defer func() { canWrite = saved }()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	assertReadOnlyStore(t, s, id)
	s.Close()
	assertUnchanged(t, path, before)

	empty := filepath.Join(t.TempDir(), "empty.db")
	os.WriteFile(empty, nil, 0o444)
	if _, err := Open(empty); !errors.Is(err, ErrReadOnly) {
		t.Errorf("an empty read-only file cannot be set up; got %v", err)
	}
}

// TestStoreChmodReadOnly checks real permission bits. It runs as root too:
// a file or directory with no write bit opens read-only whoever runs it.
func TestStoreChmodReadOnly(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ro.db")
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	id, err := w.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	w.Close()

	t.Run("file", func(t *testing.T) {
		os.Chmod(path, 0o444)
		defer os.Chmod(path, 0o644)
		before := stateOf(t, path)
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		assertReadOnlyStore(t, s, id)
		s.Close()
		assertUnchanged(t, path, before)
	})
	t.Run("directory", func(t *testing.T) {
		os.Chmod(dir, 0o555)
		defer os.Chmod(dir, 0o755)
		before := stateOf(t, path)
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		assertReadOnlyStore(t, s, id)
		s.Close()
		assertUnchanged(t, path, before)
	})
}

// assertReadOnlyStore checks that s reads map id and refuses every write
// with ErrReadOnly.
func assertReadOnlyStore(t *testing.T, s *Store, id int64) {
	t.Helper()
	if !s.ReadOnly() {
		t.Fatal("ReadOnly() = false")
	}
	got, err := s.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	assertSameMap(t, got, sampleMap())
	if ms, err := s.ListMaps(); err != nil || len(ms) != 1 {
		t.Errorf("ListMaps = %v, %v", ms, err)
	}
	if _, err := s.DataVersion(); err != nil {
		t.Error(err)
	}
	tp := model.NewTouchpoint("New")
	p := model.Phase{Name: "New"}
	writes := map[string]func() error{
		"CreateMap":        func() error { _, err := s.CreateMap(sampleMap()); return err },
		"DuplicateMap":     func() error { _, err := s.DuplicateMap(id, "Copy"); return err },
		"DeleteMap":        func() error { return s.DeleteMap(id) },
		"UpdateMapInfo":    func() error { return s.UpdateMapInfo(id, model.MapInfo{Title: "New"}) },
		"InsertPhase":      func() error { return s.InsertPhase(id, 0, &p) },
		"UpdatePhase":      func() error { return s.UpdatePhase(id, 0, "New", "") },
		"DeletePhase":      func() error { return s.DeletePhase(id, 0) },
		"MovePhase":        func() error { return s.MovePhase(id, 0, 1) },
		"InsertTouchpoint": func() error { return s.InsertTouchpoint(id, 0, 0, &tp) },
		"UpdateTouchpoint": func() error { return s.UpdateTouchpoint(id, 0, 0, tp) },
		"DeleteTouchpoint": func() error { return s.DeleteTouchpoint(id, 0, 0) },
		"MoveTouchpoint":   func() error { return s.MoveTouchpoint(id, model.Ref{}, model.Ref{Phase: 1}) },
		"Apply":            func() error { return s.Apply(id, &model.UpdatePhase{ID: got.Phases[0].ID, Name: "New"}) },
	}
	for name, write := range writes {
		err := write()
		if !errors.Is(err, ErrReadOnly) {
			t.Errorf("%s: error %v does not wrap ErrReadOnly", name, err)
		} else if !strings.Contains(err.Error(), s.Path()) || !strings.Contains(err.Error(), "file is read-only") {
			t.Errorf("%s: error %q should name the file and say it is read-only", name, err)
		}
	}
	got, err = s.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	assertSameMap(t, got, sampleMap())
}

// TestStoreDataVersion opens one file twice, as two processes would.
func TestStoreDataVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	id, err := a.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}

	va, _ := a.DataVersion()
	vb, err := b.DataVersion()
	if err != nil {
		t.Fatal(err)
	}
	if err := a.UpdatePhase(id, 0, "Renamed by A", ""); err != nil {
		t.Fatal(err)
	}
	if v, _ := b.DataVersion(); v == vb {
		t.Error("B's DataVersion did not change after A committed")
	}
	if v, _ := a.DataVersion(); v != va {
		t.Error("A's DataVersion changed after its own commit")
	}
	got, err := b.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Phases[0].Name != "Renamed by A" {
		t.Errorf("B loads phase %q, want A's change", got.Phases[0].Name)
	}

	// A reader that opens while a writer is live sees the writer's commits.
	r, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	vr, _ := r.DataVersion()
	if err := b.UpdatePhase(id, 0, "Renamed by B", ""); err != nil {
		t.Fatal(err)
	}
	if v, _ := r.DataVersion(); v == vr {
		t.Error("the read-only store's DataVersion did not change after B committed")
	}
	if got, err := r.LoadMap(id); err != nil || got.Phases[0].Name != "Renamed by B" {
		t.Errorf("read-only store loads %v, %v; want B's change", got, err)
	}
	// A failed write commits nothing, so others see no change.
	vb, _ = b.DataVersion()
	if err := a.UpdatePhase(id, 0, "", ""); err == nil {
		t.Fatal("an empty phase name should be refused")
	}
	if v, _ := b.DataVersion(); v != vb {
		t.Error("a refused write changed B's DataVersion")
	}
}

func TestStoreListMaps(t *testing.T) {
	s := openTemp(t)
	if ms, err := s.ListMaps(); err != nil || ms != nil {
		t.Fatalf("ListMaps on an empty file = %v, %v", ms, err)
	}
	a := sampleMap()
	idA, _ := s.CreateMap(a)
	idB, _ := s.CreateMap(&model.Map{MapInfo: model.MapInfo{Title: "Hotel", Persona: model.Persona{Name: "Bo"}}})
	ms, err := s.ListMaps()
	if err != nil {
		t.Fatal(err)
	}
	want := []model.MapSummary{
		{ID: idA, Title: "Coffee", Persona: "Ana", Phases: 3, Touchpoints: 5},
		{ID: idB, Title: "Hotel", Persona: "Bo"},
	}
	if len(ms) != len(want) {
		t.Fatalf("got %d maps, want %d", len(ms), len(want))
	}
	for i := range want {
		if ms[i].UpdatedAt.IsZero() {
			t.Errorf("map %d: no UpdatedAt", i)
		}
		ms[i].UpdatedAt = want[i].UpdatedAt
		if ms[i] != want[i] {
			t.Errorf("map %d: got %+v, want %+v", i, ms[i], want[i])
		}
	}
}

func TestStoreFindMap(t *testing.T) {
	s := openTemp(t)
	if _, err := s.FindMap(""); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), s.Path()) {
		t.Errorf("FindMap on an empty file: %v", err)
	}
	coffee, _ := s.CreateMap(sampleMap())
	if id, err := s.FindMap(""); err != nil || id != coffee {
		t.Errorf("FindMap(\"\") with one map = %d, %v", id, err)
	}
	hotel, _ := s.CreateMap(&model.Map{MapInfo: model.MapInfo{Title: "Hotel"}})
	year, _ := s.CreateMap(&model.Map{MapInfo: model.MapInfo{Title: "1"}})
	twin1, _ := s.CreateMap(&model.Map{MapInfo: model.MapInfo{Title: "Twin"}})
	twin2, _ := s.CreateMap(&model.Map{MapInfo: model.MapInfo{Title: "twin"}})
	evil, _ := s.CreateMap(&model.Map{MapInfo: model.MapInfo{Title: "Evil\x1b[2J\nmap"}})
	cases := []struct {
		ref     string
		want    int64
		err     error
		mention []string
	}{
		{ref: fmt.Sprint(hotel), want: hotel},
		{ref: "hotel", want: hotel},
		{ref: "  HOTEL ", want: hotel},
		{ref: "COFFEE", want: coffee},
		{ref: "1", want: coffee}, // an ID wins over a title
		{ref: fmt.Sprint(year + 100), err: ErrNotFound, mention: []string{"no such map", fmt.Sprintf("%d Hotel", hotel)}},
		{ref: "Spa", err: ErrNotFound, mention: []string{`"Spa"`, fmt.Sprintf("%d Coffee, %d Hotel", coffee, hotel)}},
		{ref: "twin", mention: []string{"2 maps titled", fmt.Sprintf("%d Twin, %d twin", twin1, twin2)}},
		{ref: "", mention: []string{"6 maps in " + s.Path(), fmt.Sprintf("%d Coffee, %d Hotel", coffee, hotel), "pick one with --map"}},
		{ref: "Evil", err: ErrNotFound, mention: []string{fmt.Sprintf("%d Evil [2J map", evil)}},
	}
	for _, c := range cases {
		id, err := s.FindMap(c.ref)
		if c.mention == nil {
			if err != nil || id != c.want {
				t.Errorf("FindMap(%q) = %d, %v; want %d", c.ref, id, err, c.want)
			}
			continue
		}
		if err == nil {
			t.Errorf("FindMap(%q) = %d, want an error", c.ref, id)
			continue
		}
		if c.err != nil && !errors.Is(err, c.err) {
			t.Errorf("FindMap(%q): %v does not wrap %v", c.ref, err, c.err)
		}
		for _, m := range c.mention {
			if !strings.Contains(err.Error(), m) {
				t.Errorf("FindMap(%q): %q does not mention %q", c.ref, err, m)
			}
		}
		if strings.ContainsAny(err.Error(), "\n\x1b") {
			t.Errorf("FindMap(%q): error is not one clean line: %q", c.ref, err)
		}
	}
}

// rowCounts counts the rows in every table.
func rowCounts(t *testing.T, s *Store) map[string]int {
	t.Helper()
	n := map[string]int{}
	for _, table := range []string{"maps", "phases", "touchpoints", "items", "metrics"} {
		var c int
		if err := s.db.QueryRow("SELECT count(*) FROM " + table).Scan(&c); err != nil {
			t.Fatal(err)
		}
		n[table] = c
	}
	return n
}

func TestStoreDeleteMapCascades(t *testing.T) {
	s := openTemp(t)
	keep, _ := s.CreateMap(sampleMap())
	only := rowCounts(t, s)
	gone, _ := s.CreateMap(sampleMap())
	if err := s.DeleteMap(gone); err != nil {
		t.Fatal(err)
	}
	if got := rowCounts(t, s); fmt.Sprint(got) != fmt.Sprint(only) {
		t.Errorf("after delete: %v rows, want %v (the other map's)", got, only)
	}
	if _, err := s.LoadMap(gone); !errors.Is(err, ErrNotFound) {
		t.Errorf("LoadMap of a deleted map: %v", err)
	}
	if err := s.DeleteMap(gone); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting twice: %v", err)
	}
	got, err := s.LoadMap(keep)
	if err != nil {
		t.Fatal(err)
	}
	assertSameMap(t, got, sampleMap())
	if err := s.DeleteMap(keep); err != nil {
		t.Fatal(err)
	}
	for table, n := range rowCounts(t, s) {
		if n != 0 {
			t.Errorf("%s still has %d rows", table, n)
		}
	}
}

func TestStoreDuplicateMap(t *testing.T) {
	s := openTemp(t)
	orig := sampleMap()
	id, _ := s.CreateMap(orig)
	cases := []struct{ title, want string }{{"Coffee v2", "Coffee v2"}, {"", "Coffee (copy)"}, {"  ", "Coffee (copy)"}}
	for _, c := range cases {
		dup, err := s.DuplicateMap(id, c.title)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.LoadMap(dup)
		if err != nil {
			t.Fatal(err)
		}
		if got.Title != c.want {
			t.Errorf("title %q, want %q", got.Title, c.want)
		}
		want := sampleMap()
		want.Title = c.want
		assertSameMap(t, got, want)
		// A deep copy: fresh rows everywhere, and editing it leaves the
		// original alone.
		for pi, p := range got.Phases {
			if p.ID == orig.Phases[pi].ID {
				t.Errorf("phase %d shares its row with the original", pi)
			}
			for ti, tp := range p.Touchpoints {
				if tp.ID == orig.Phases[pi].Touchpoints[ti].ID {
					t.Errorf("touchpoint %d/%d shares its row with the original", pi, ti)
				}
			}
		}
		if err := s.DeletePhase(dup, 1); err != nil {
			t.Fatal(err)
		}
		o, _ := s.LoadMap(id)
		assertSameMap(t, o, sampleMap())
	}
	if _, err := s.DuplicateMap(id+100, "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("duplicating a missing map: %v", err)
	}
	long := strings.Repeat("x", model.MaxNameLen+1)
	if _, err := s.DuplicateMap(id, long); err == nil {
		t.Error("an over-long title should be refused")
	}
}

func TestStoreMutationsOnMissingMap(t *testing.T) {
	s := openTemp(t)
	tp := model.NewTouchpoint("T")
	for name, err := range map[string]error{
		"UpdateMapInfo":    s.UpdateMapInfo(42, model.MapInfo{Title: "x"}),
		"InsertPhase":      s.InsertPhase(42, 0, &model.Phase{Name: "x"}),
		"DeletePhase":      s.DeletePhase(42, 0),
		"InsertTouchpoint": s.InsertTouchpoint(42, 0, 0, &tp),
		"Apply":            s.Apply(42, &model.MovePhase{}),
	} {
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("%s on a missing map: %v", name, err)
		}
	}
	if _, err := s.LoadMap(42); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), s.Path()) {
		t.Errorf("LoadMap of a missing map: %v", err)
	}
}

// TestStoreConcurrentUse runs reads and writes from several goroutines, as
// the UI's autosave queue and refresh timer do; run it with -race.
func TestStoreConcurrentUse(t *testing.T) {
	s := openTemp(t)
	id, _ := s.CreateMap(sampleMap())
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				tp := model.NewTouchpoint(fmt.Sprintf("g%d-%d", g, i))
				if err := s.InsertTouchpoint(id, g%3, 0, &tp); err != nil {
					t.Error(err)
					return
				}
				if _, err := s.LoadMap(id); err != nil {
					t.Error(err)
					return
				}
				if _, err := s.DataVersion(); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	m, err := s.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	if n := m.TouchpointCount(); n != 5+80 {
		t.Errorf("%d touchpoints, want 85", n)
	}
	assertDense(t, s, id)
}

func TestStoreCreateMapInvalid(t *testing.T) {
	s := openTemp(t)
	m := sampleMap()
	m.Phases[1].Touchpoints[0].Emotion.Score = 7
	_, err := s.CreateMap(m)
	fe, ok := model.FirstFieldError(err)
	if !ok || fe.Path != "phases[1].touchpoints[0].emotion.score" {
		t.Fatalf("error %v should carry the field path", err)
	}
	if m.ID != 0 || m.Phases[0].ID != 0 {
		t.Error("a refused CreateMap set IDs")
	}
	for table, n := range rowCounts(t, s) {
		if n != 0 {
			t.Errorf("%s has %d rows after a refused CreateMap", table, n)
		}
	}
}

// TestStoreLoadWithReversedScans makes SQLite return unordered scans
// backwards: LoadMap must notice and read items and metrics in order anyway.
func TestStoreLoadWithReversedScans(t *testing.T) {
	s := openTemp(t)
	id, err := s.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`PRAGMA reverse_unordered_selects = ON`); err != nil {
		t.Fatal(err)
	}
	got, err := s.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	assertSameMap(t, got, sampleMap())
}

// TestStoreLoadRefusesDamagedScores plays a hand-edited file whose score is
// a REAL that slips past the CHECK: LoadMap must refuse it, not shift every
// later touchpoint's score.
func TestStoreLoadRefusesDamagedScores(t *testing.T) {
	for _, which := range []string{"MIN", "MAX"} {
		t.Run(which, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "maps.db")
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			id, err := s.CreateMap(sampleMap())
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			rawSQLite(t, path, `UPDATE touchpoints SET score = 2.5 WHERE id = (SELECT `+which+`(id) FROM touchpoints)`)
			s, err = Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if m, err := s.LoadMap(id); !errors.Is(err, ErrDamaged) || strings.Contains(err.Error(), "sql:") {
				t.Fatalf("LoadMap = %v, %v; want damaged data", m, err)
			}
		})
	}
}

// TestStoreNegativeZero: SQLite has no negative zero, so the store writes 0
// and what loads is what was written.
func TestStoreNegativeZero(t *testing.T) {
	s := openTemp(t)
	m := sampleMap()
	negZero := math.Copysign(0, -1)
	m.Phases[0].Touchpoints[1].Metrics[0].Target = &negZero
	id, err := s.CreateMap(m)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	want, err := interchange.MarshalJSON(m)
	if err != nil {
		t.Fatal(err)
	}
	want = bytes.Replace(want, []byte(`"target": -0,`), []byte(`"target": 0,`), 1)
	if back, _ := interchange.MarshalJSON(got); !bytes.Equal(back, want) {
		t.Errorf("-0 did not load as 0:\n%s", back)
	}
}

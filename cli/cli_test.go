package cli

import (
	"database/sql"

	"bytes"
	"encoding/json"
	"errors"
	_ "github.com/mattn/go-sqlite3"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"journeymap/interchange"
	"journeymap/storage"
)

// result is what one run of the program produced.
type result struct {
	code           int
	stdout, stderr string
}

// testEnv is an environment with a private HOME, so no test can touch the
// real user's files.
type testEnv map[string]string

func newEnv(t *testing.T) testEnv {
	return testEnv{"HOME": t.TempDir()}
}

func (e testEnv) get(k string) string { return e[k] }

func (e testEnv) run(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, strings.NewReader(stdin), &out, &errb, e.get)
	return result{code, out.String(), errb.String()}
}

// ok runs args and fails the test unless they succeed.
func (e testEnv) ok(t *testing.T, args ...string) result {
	t.Helper()
	r := e.run(t, "", args...)
	if r.code != 0 {
		t.Fatalf("journeymap %s: exit %d, stderr %q", strings.Join(args, " "), r.code, r.stderr)
	}
	return r
}

// fails runs args, expects exit status code and exactly one line on stderr.
func (e testEnv) fails(t *testing.T, code int, args ...string) string {
	t.Helper()
	r := e.run(t, "", args...)
	if r.code != code {
		t.Fatalf("journeymap %s: exit %d, want %d (stderr %q)", strings.Join(args, " "), r.code, code, r.stderr)
	}
	if !strings.HasPrefix(r.stderr, "journeymap: ") || strings.Count(r.stderr, "\n") != 1 || !strings.HasSuffix(r.stderr, "\n") {
		t.Errorf("journeymap %s: stderr is not one 'journeymap: ' line: %q", strings.Join(args, " "), r.stderr)
	}
	if r.stdout != "" {
		t.Errorf("journeymap %s: failed but wrote to stdout: %q", strings.Join(args, " "), r.stdout)
	}
	return r.stderr
}

// newFile makes a map file in a temp dir holding the given templates' maps
// (titled after them) and returns its path.
func (e testEnv) newFile(t *testing.T, templates ...string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "maps.db")
	for _, name := range templates {
		e.ok(t, "new", db, "--template", name)
	}
	return db
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestHelpAndVersion(t *testing.T) {
	e := newEnv(t)
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		r := e.ok(t, args...)
		for _, want := range []string{"Usage:", "journeymap list", "journeymap export", "journeymap import", "journeymap new", "journeymap templates", "--version"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("%v: help lacks %q", args, want)
			}
		}
		if r.stderr != "" {
			t.Errorf("%v: stderr %q", args, r.stderr)
		}
	}
	r := e.ok(t, "--version")
	if !regexp.MustCompile(`^journeymap \d+\.\d+\.\d+ \(go[^)]*\)\n$`).MatchString(r.stdout) {
		t.Errorf("--version printed %q", r.stdout)
	}
	r = e.ok(t, "export", "-h")
	if !strings.Contains(r.stdout, "-format") || !strings.Contains(r.stdout, "-map") {
		t.Errorf("export -h: %q", r.stdout)
	}
	// Help must not create the default file.
	if _, err := os.Stat(filepath.Join(e["HOME"], ".local")); err == nil {
		t.Error("--help created files")
	}
}

func TestUsageErrors(t *testing.T) {
	e := newEnv(t)
	db := e.newFile(t, "Blank")
	tests := [][]string{
		{"--bogus"},
		{"export", db, "--bogus"},
		{"export", db, "--format", "pptx"},
		{"list", db, "extra"},
		{"import"},
		{"import", db, "a.json", "b.json"},
		{"templates", "x"},
		{"notacommand", "x"},
	}
	for _, args := range tests {
		msg := e.fails(t, 2, args...)
		if !strings.Contains(msg, "(see 'journeymap ") {
			t.Errorf("%v: %q", args, msg)
		}
	}
}

func TestList(t *testing.T) {
	e := newEnv(t)
	db := e.newFile(t, "Customer lifecycle", "Blank")
	r := e.ok(t, "list", db)
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("list printed %q", r.stdout)
	}
	if !regexp.MustCompile(`^1\s+Customer lifecycle\s+4 phases\s+14 touchpoints$`).MatchString(lines[0]) {
		t.Errorf("line 1 = %q", lines[0])
	}
	if !regexp.MustCompile(`^2\s+Blank\s+0 phases\s+0 touchpoints$`).MatchString(lines[1]) {
		t.Errorf("line 2 = %q", lines[1])
	}
	// Flags and a file in either order, and an empty file says so on stderr.
	empty := filepath.Join(t.TempDir(), "empty.db")
	st, err := storage.Open(empty)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	r = e.ok(t, "list", empty)
	if r.stdout != "" || !strings.Contains(r.stderr, "holds no maps") {
		t.Errorf("empty file: %+v", r)
	}
}

func TestListMissingFileIsNotCreated(t *testing.T) {
	e := newEnv(t)
	missing := filepath.Join(t.TempDir(), "sub", "missing.db")
	for _, cmd := range []string{"list", "export"} {
		msg := e.fails(t, 1, cmd, missing)
		if !strings.Contains(msg, missing) {
			t.Errorf("%s: %q does not name the file", cmd, msg)
		}
		if _, err := os.Stat(missing); err == nil {
			t.Fatalf("%s created %s", cmd, missing)
		}
		if _, err := os.Stat(filepath.Dir(missing)); err == nil {
			t.Fatalf("%s created the directory", cmd)
		}
	}
}

func TestExportFormats(t *testing.T) {
	e := newEnv(t)
	db := e.newFile(t, "Customer lifecycle")
	checks := map[string]func(string) bool{
		"md": func(s string) bool { return strings.HasPrefix(s, "# ") && strings.Contains(s, "Discovery") },
		"json": func(s string) bool {
			return json.Valid([]byte(s)) && strings.HasPrefix(s, "{\n  \"format\": \"journeymap\"")
		},
		"mermaid": func(s string) bool { return strings.Contains(s, "journey") && strings.Contains(s, "section Discovery") },
		"csv": func(s string) bool {
			return strings.Count(s, "\n") >= 14 && strings.Contains(s, "Colleague's recommendation")
		},
	}
	for format, check := range checks {
		t.Run(format, func(t *testing.T) {
			// The flag after the file, as people type it.
			r := e.ok(t, "export", db, "--format", format)
			if !check(r.stdout) {
				t.Errorf("stdout does not look like %s:\n%.300s", format, r.stdout)
			}
			// -o writes the same bytes to a file, and nothing to stdout.
			out := filepath.Join(t.TempDir(), "out."+format)
			r2 := e.ok(t, "export", "--format", format, "-o", out, db)
			if r2.stdout != "" {
				t.Errorf("-o also wrote to stdout")
			}
			if got := string(readFile(t, out)); got != r.stdout {
				t.Errorf("-o wrote different bytes than stdout")
			}
			// Without --format, OUT's extension decides.
			ext := map[string]string{"md": ".md", "json": ".json", "mermaid": ".mmd", "csv": ".csv"}[format]
			out2 := filepath.Join(t.TempDir(), "map"+ext)
			e.ok(t, "export", db, "-o", out2)
			if got := string(readFile(t, out2)); got != r.stdout {
				t.Errorf("format from extension %s differs", ext)
			}
		})
	}
	// No --format and no OUT: Markdown.
	if r := e.ok(t, "export", db); !checks["md"](r.stdout) {
		t.Errorf("default format is not Markdown: %.100q", r.stdout)
	}
}

func TestExportOutputIsAtomic(t *testing.T) {
	e := newEnv(t)
	db := e.newFile(t, "Service visit")
	dir := t.TempDir()
	out := filepath.Join(dir, "map.md")
	if err := os.WriteFile(out, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	e.ok(t, "export", db, "-o", out)
	if got := readFile(t, out); !bytes.HasPrefix(got, []byte("# ")) {
		t.Errorf("out = %.40q", got)
	}
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want the old file's 0640", fi.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
	// A failed write leaves nothing behind either.
	e.fails(t, 1, "export", db, "-o", filepath.Join(dir, "no", "such", "dir.md"))
	// The map file itself is never an export target.
	before := readFile(t, db)
	msg := e.fails(t, 1, "export", db, "--format", "md", "-o", db)
	if !strings.Contains(msg, "refusing") || !bytes.Equal(before, readFile(t, db)) {
		t.Errorf("export over the map file: %q", msg)
	}
	// Without --format, ".db" names no format: a wrong command line.
	e.fails(t, 2, "export", db, "-o", db)
	if !bytes.Equal(before, readFile(t, db)) {
		t.Error("export -o FILE changed the map file")
	}
}

func TestExportPicksMap(t *testing.T) {
	e := newEnv(t)
	db := e.newFile(t, "SaaS onboarding", "E-commerce order", "Blank")
	e.ok(t, "new", db, "--template", "Blank") // a second map titled Blank

	byID := e.ok(t, "export", db, "--map", "2", "--format", "mermaid")
	if !strings.Contains(byID.stdout, "title E-commerce order") {
		t.Errorf("--map 2: %.80q", byID.stdout)
	}
	byTitle := e.ok(t, "export", db, "--map", "saas ONBOARDING", "--format", "mermaid")
	if !strings.Contains(byTitle.stdout, "title SaaS onboarding") {
		t.Errorf("--map title: %.80q", byTitle.stdout)
	}
	if msg := e.fails(t, 1, "export", db, "--map", "blank"); !strings.Contains(msg, "pick one") {
		t.Errorf("ambiguous title: %q", msg)
	}
	if msg := e.fails(t, 1, "export", db); !strings.Contains(msg, "--map") {
		t.Errorf("no --map with four maps: %q", msg)
	}
	if msg := e.fails(t, 1, "export", db, "--map", "Nope"); !strings.Contains(msg, "no such map") {
		t.Errorf("unknown map: %q", msg)
	}
	// One map: --map may be left out.
	one := e.newFile(t, "Blank")
	e.ok(t, "export", one)
}

func TestImport(t *testing.T) {
	e := newEnv(t)
	src := e.newFile(t, "Customer lifecycle")
	doc := e.ok(t, "export", src, "--format", "json").stdout
	in := filepath.Join(t.TempDir(), "in.json")
	if err := os.WriteFile(in, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}

	// Into a new file, which import creates; the id goes to stdout.
	dst := filepath.Join(t.TempDir(), "dst.db")
	if r := e.ok(t, "import", dst, in); r.stdout != "1\n" {
		t.Errorf("import printed %q, want the id", r.stdout)
	}
	// From stdin, the flag-free way scripts pipe.
	r := e.run(t, doc, "import", dst, "-")
	if r.code != 0 || r.stdout != "2\n" {
		t.Errorf("import from stdin: %+v", r)
	}
	// Export, import, export gives the same bytes.
	if again := e.ok(t, "export", dst, "--map", "2", "--format", "json").stdout; again != doc {
		t.Errorf("round trip changed the document")
	}
}

func TestImportRejectedWritesNothing(t *testing.T) {
	e := newEnv(t)
	db := e.newFile(t, "Blank")
	before := readFile(t, db)
	dir := t.TempDir()
	bad := map[string]struct{ body, want string }{
		"score.json": {`{"format": "journeymap", "version": 1, "map": {"title": "T", "phases": [{"name": "P", "touchpoints": [
			{"name": "ok", "kind": "digital", "emotion": {"score": 3}},
			{"name": "bad", "kind": "digital", "emotion": {"score": 7}}]}]}}`, "map.phases[0].touchpoints[1].emotion.score"},
		"syntax.json":  {`{"format": "journeymap", "version": 1, "map": {"title": "T",`, "in"},
		"title.json":   {`{"format": "journeymap", "version": 1, "map": {"title": " "}}`, "map.title"},
		"version.json": {`{"format": "journeymap", "version": 99, "map": {"title": "T"}}`, "version"},
	}
	for name, tt := range bad {
		in := filepath.Join(dir, name)
		if err := os.WriteFile(in, []byte(tt.body), 0o644); err != nil {
			t.Fatal(err)
		}
		msg := e.fails(t, 1, "import", db, in)
		if !strings.Contains(msg, tt.want) || !strings.Contains(msg, in) {
			t.Errorf("%s: message %q should name %s and %q", name, msg, in, tt.want)
		}
		if !bytes.Equal(before, readFile(t, db)) {
			t.Fatalf("%s: the map file changed", name)
		}
		// A rejected import into a missing file does not create it.
		missing := filepath.Join(dir, "new.db")
		e.fails(t, 1, "import", missing, in)
		if _, err := os.Stat(missing); err == nil {
			t.Fatalf("%s: created %s", name, missing)
		}
	}
	if r := e.ok(t, "list", db); strings.Count(r.stdout, "\n") != 1 {
		t.Errorf("maps after rejected imports: %q", r.stdout)
	}
	e.fails(t, 1, "import", db, filepath.Join(dir, "absent.json"))
	// The map file given where the document belongs is a usage error that
	// says so.
	if msg := e.fails(t, 2, "import", db); !strings.Contains(msg, "is a map file, not a JSON document") {
		t.Errorf("import with only the map file: %q", msg)
	}
	// A directory is named once, not twice.
	if msg := e.fails(t, 1, "import", db, dir); strings.Count(msg, dir) != 1 || !strings.Contains(msg, "is a directory") {
		t.Errorf("importing a directory: %q", msg)
	}
	if !bytes.Equal(before, readFile(t, db)) {
		t.Fatal("the map file changed")
	}
}

func TestDefaultFileGetsSampleOnce(t *testing.T) {
	data := t.TempDir()
	e := newEnv(t)
	e["XDG_DATA_HOME"] = data
	def := filepath.Join(data, "journeymap", "journeymap.db")

	// Reading commands never create the file, not even the default one.
	if msg := e.fails(t, 1, "list"); strings.Count(msg, def) != 1 || !strings.Contains(msg, "no such file") {
		t.Errorf("list before the default file exists: %q", msg)
	}
	if _, err := os.Stat(def); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("list created the default file")
	}
	// The first writing command creates it, with the sample map.
	r := e.ok(t, "new", "--template", "Blank", "--title", "Mine")
	if r.stdout != "2\n" {
		t.Errorf("new in the default file printed %q", r.stdout)
	}
	if !strings.Contains(r.stderr, "created "+def) {
		t.Errorf("no notice of the new file: %q", r.stderr)
	}
	// Later runs find it and add nothing.
	r = e.ok(t, "list")
	if !strings.Contains(r.stdout, interchange.SampleTitle) || strings.Count(r.stdout, "\n") != 2 || r.stderr != "" {
		t.Errorf("list: %+v", r)
	}
	if md := e.ok(t, "export", "--map", "1").stdout; !strings.Contains(md, "Maya Okafor") {
		t.Errorf("sample export lacks the persona")
	}
}

func TestDefaultFileFallbackAndExisting(t *testing.T) {
	// XDG_DATA_HOME unset or relative: ~/.local/share.
	e := newEnv(t)
	e["XDG_DATA_HOME"] = "relative/dir"
	e.ok(t, "new", "--title", "Fallback")
	if _, err := os.Stat(filepath.Join(e["HOME"], ".local", "share", "journeymap", "journeymap.db")); err != nil {
		t.Errorf("fallback file: %v", err)
	}

	// An existing default file never gets a sample added.
	e2 := newEnv(t)
	def := filepath.Join(e2["HOME"], ".local", "share", "journeymap", "journeymap.db")
	st, err := storage.Open(def)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	r := e2.ok(t, "list")
	if r.stdout != "" || !strings.Contains(r.stderr, "holds no maps") {
		t.Errorf("existing default file: %+v", r)
	}

	// No HOME at all: a clear error, not a file in the working directory.
	e3 := testEnv{}
	if msg := e3.fails(t, 1, "list"); !strings.Contains(msg, "HOME") {
		t.Errorf("no HOME: %q", msg)
	}
}

func TestNewFromTemplate(t *testing.T) {
	e := newEnv(t)
	db := filepath.Join(t.TempDir(), "w.db")
	if r := e.ok(t, "new", db, "--template", "e-commerce ORDER", "--title", "Shoe shop"); r.stdout != "1\n" {
		t.Errorf("new printed %q", r.stdout)
	}
	if r := e.ok(t, "new", "--title", "Untitled", db); r.stdout != "2\n" { // Blank by default
		t.Errorf("new printed %q", r.stdout)
	}
	r := e.ok(t, "list", db)
	if !regexp.MustCompile(`(?m)^1\s+Shoe shop\s+4 phases\s+12 touchpoints$`).MatchString(r.stdout) ||
		!regexp.MustCompile(`(?m)^2\s+Untitled\s+0 phases`).MatchString(r.stdout) {
		t.Errorf("list: %q", r.stdout)
	}
	if msg := e.fails(t, 1, "new", db, "--template", "Nope"); !strings.Contains(msg, "Customer lifecycle") {
		t.Errorf("unknown template should list the known ones: %q", msg)
	}
	if msg := e.fails(t, 1, "new", db, "--title", "  "); !strings.Contains(msg, "title") {
		t.Errorf("empty title: %q", msg)
	}

	// A user template, found by name.
	cfg := t.TempDir()
	e["XDG_CONFIG_HOME"] = cfg
	dir := filepath.Join(cfg, "journeymap", "templates")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	tpl := `{"format": "journeymap", "version": 1, "map": {"title": "Clinic visit", "phases": [{"name": "Waiting room"}]}}`
	if err := os.WriteFile(filepath.Join(dir, "clinic.json"), []byte(tpl), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := e.ok(t, "new", db, "--template", "clinic visit"); r.stdout != "3\n" {
		t.Errorf("new from user template printed %q", r.stdout)
	}
}

func TestTemplatesListing(t *testing.T) {
	e := newEnv(t)
	cfg := t.TempDir()
	e["XDG_CONFIG_HOME"] = cfg
	dir := filepath.Join(cfg, "journeymap", "templates")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"good.json":   `{"format": "journeymap", "version": 1, "map": {"title": "Workshop kit", "goal": "Run a workshop"}}`,
		"broken.json": `{"format": "journeymap", "version": 1, "map": {"title": "Broken", "phases": [{"name": "P", "touchpoints": [{"name": "T", "kind": "digital", "emotion": {"score": 0}}]}]}}`,
		"escape.json": "{\"format\": \"journeymap\", \"version\": 1, \"map\": {\"title\": \"Ev\\u001b[31mil\"}}",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := e.ok(t, "templates")
	for _, want := range []string{"Customer lifecycle", "Before / During / After", "SaaS onboarding", "E-commerce order", "Service visit", "Blank"} {
		if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(want) + `\s+built-in\s+\S`).MatchString(r.stdout) {
			t.Errorf("listing lacks built-in %q:\n%s", want, r.stdout)
		}
	}
	if !regexp.MustCompile(`(?m)^Workshop kit\s+user\s+Run a workshop$`).MatchString(r.stdout) {
		t.Errorf("listing lacks the user template:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout, "Broken") {
		t.Errorf("broken template listed")
	}
	if !strings.Contains(r.stderr, filepath.Join(dir, "broken.json")) || !strings.Contains(r.stderr, "emotion.score") {
		t.Errorf("stderr does not report the broken template: %q", r.stderr)
	}
	if strings.ContainsRune(r.stdout+r.stderr, 0x1b) {
		t.Errorf("an escape sequence reached the terminal")
	}
}

func TestNotSQLiteRefused(t *testing.T) {
	// Play a terminal so the interactive case reaches the file check.
	saved, savedUI := haveTerminal, runUI
	defer func() { haveTerminal, runUI = saved, savedUI }()
	haveTerminal = func() error { return nil }
	runUI = func(*storage.Store, []interchange.Template, []error, io.Writer) error {
		t.Fatal("the screen was started on a refused file")
		return nil
	}
	e := newEnv(t)
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.txt")
	content := []byte("Shopping list\n- milk\n- coffee beans\n")
	if err := os.WriteFile(notes, content, 0o644); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(t.TempDir(), "in.json")
	if err := os.WriteFile(in, []byte(`{"format": "journeymap", "version": 1, "map": {"title": "T"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{notes},
		{"list", notes},
		{"export", notes},
		{"import", notes, in},
		{"new", notes, "--template", "Blank"},
	} {
		msg := e.fails(t, 1, args...)
		if want := "journeymap: open " + notes + ": not a SQLite file\n"; msg != want {
			t.Errorf("%v: %q, want %q", args, msg, want)
		}
		if !bytes.Equal(readFile(t, notes), content) {
			t.Fatalf("%v changed the file", args)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Fatalf("%v left files next to it: %v", args, entries)
		}
	}
}

func TestUntrustedTitleCannotDriveTheTerminal(t *testing.T) {
	e := newEnv(t)
	db := filepath.Join(t.TempDir(), "x.db")
	st, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	m := interchange.SampleMap()
	m.Title = "Evil\x1b]0;pwned\x07\x1b[2J title\nsecond line"
	if _, err := st.CreateMap(m); err != nil {
		st.Close()
		t.Fatalf("the store must keep a title as given (screens clean it on display): %v", err)
	}
	st.Close()
	r := e.ok(t, "list", db)
	if strings.ContainsAny(r.stdout, "\x1b\x07") || strings.Count(r.stdout, "\n") != 1 {
		t.Errorf("list printed %q", r.stdout)
	}
	msg := e.fails(t, 1, "export", db, "--map", "no\x1b[31mmap")
	if strings.ContainsRune(msg, 0x1b) {
		t.Errorf("error printed %q", msg)
	}
}

func TestParseArgs(t *testing.T) {
	tests := []struct {
		args []string
		pos  []string
		f    string
	}{
		{[]string{"a", "--format", "md", "b"}, []string{"a", "b"}, "md"},
		{[]string{"--format=json", "a"}, []string{"a"}, "json"},
		{[]string{"a", "--", "--format", "x"}, []string{"a", "--format", "x"}, ""},
		{[]string{"-", "--format", "csv"}, []string{"-"}, "csv"},
		// "--" as a flag's value does not end the flags.
		{[]string{"--map", "--", "a", "--format", "md"}, []string{"a"}, "md"},
		{[]string{"--map=x", "--", "a", "--format", "md"}, []string{"a", "--format", "md"}, ""},
		{[]string{"--map", "x", "--", "--format"}, []string{"--format"}, ""},
		{[]string{"--format", "--map", "--", "a", "--map"}, []string{"a", "--map"}, "--map"},
		{nil, nil, ""},
	}
	for _, tt := range tests {
		c := &cli{stdout: new(bytes.Buffer)}
		flags := c.flagSet("x", "", "")
		f := flags.String("format", "", "")
		flags.String("map", "", "")
		pos, err := parseArgs(flags, tt.args)
		if err != nil {
			t.Errorf("%v: %v", tt.args, err)
			continue
		}
		if strings.Join(pos, "|") != strings.Join(tt.pos, "|") || *f != tt.f {
			t.Errorf("%v: pos %q format %q, want %q %q", tt.args, pos, *f, tt.pos, tt.f)
		}
	}
}

// TestExportFormatFromExtension: without --format, OUT's extension decides;
// an extension that names no format (or none at all) is a wrong command
// line that names the formats and makes no file.
func TestExportFormatFromExtension(t *testing.T) {
	e := newEnv(t)
	db := e.newFile(t, "Customer lifecycle")
	md := e.ok(t, "export", db).stdout
	dir := t.TempDir()
	for _, name := range []string{"map.MD", "map.markdown"} {
		out := filepath.Join(dir, name)
		e.ok(t, "export", db, "-o", out)
		if string(readFile(t, out)) != md {
			t.Errorf("%s is not the Markdown export", name)
		}
	}
	for _, name := range []string{"map.txt", "map", "map.pptx"} {
		out := filepath.Join(dir, name)
		msg := e.fails(t, 2, "export", db, "-o", out)
		for _, want := range []string{"md (.md .markdown)", "json (.json)", "mermaid (.mmd .mermaid)", "csv (.csv)", "--format"} {
			if !strings.Contains(msg, want) {
				t.Errorf("%s: message %q lacks %q", name, msg, want)
			}
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%s was made", name)
		}
	}
	// --format wins over the extension.
	out := filepath.Join(dir, "notes.txt")
	e.ok(t, "export", db, "--format", "json", "-o", out)
	if !json.Valid(readFile(t, out)) {
		t.Error("--format json with a .txt OUT did not write JSON")
	}
	// The dialog's writer is the format's own.
	var a, b bytes.Buffer
	m := interchange.SampleMap()
	f, err := interchange.FormatByName("markdown")
	if err != nil {
		t.Fatal(err)
	}
	if err := exportWith("")(&a, m, f, ""); err != nil {
		t.Fatal(err)
	}
	if err := interchange.WriteMarkdown(&b, m); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Error("exportWith differs from WriteMarkdown")
	}
	// A deck written from the dialog gets its pictures beside it, like
	// export -o, and refers to them instead of embedding them.
	marp, err := interchange.FormatByName("marp")
	if err != nil {
		t.Fatal(err)
	}
	deck := filepath.Join(dir, "talk.marp.md")
	var d bytes.Buffer
	if err := exportWith(db)(&d, m, marp, deck); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "talk.marp-assets", "curve.png")); err != nil {
		t.Errorf("no pictures beside the dialog's deck: %v", err)
	}
	if !strings.Contains(d.String(), "(talk.marp-assets/curve.png)") || strings.Contains(d.String(), "data:image/png") {
		t.Error("the dialog's deck does not refer to its pictures beside it")
	}
}

// TestReadOnlyFile: a file with no write permission bit can be listed and
// exported, and every write is refused in one line without touching it,
// whoever runs the program (root included).
func TestReadOnlyFile(t *testing.T) {
	e := newEnv(t)
	db := e.newFile(t, "Customer lifecycle")
	in := filepath.Join(t.TempDir(), "in.json")
	if err := os.WriteFile(in, []byte(e.ok(t, "export", db, "--format", "json").stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(db, 0o444); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(db, 0o644)
	before := readFile(t, db)
	e.ok(t, "list", db)
	e.ok(t, "export", db, "--format", "md")
	for _, args := range [][]string{{"import", db, in}, {"new", db, "--title", "X"}} {
		if msg := e.fails(t, 1, args...); !strings.Contains(msg, "read-only") {
			t.Errorf("%v: %q should say the file is read-only", args, msg)
		}
	}
	if !bytes.Equal(before, readFile(t, db)) {
		t.Fatal("the read-only file changed")
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(db + suffix); err == nil {
			t.Errorf("%s%s left next to a read-only file", db, suffix)
		}
	}
}

// TestInteractiveNeedsATerminal: without a terminal the screen cannot start,
// and neither the named file nor the default file is created for nothing.
func TestInteractiveNeedsATerminal(t *testing.T) {
	saved, savedUI := haveTerminal, runUI
	defer func() { haveTerminal, runUI = saved, savedUI }()
	haveTerminal = func() error { return errors.New("no terminal here") }
	runUI = func(*storage.Store, []interchange.Template, []error, io.Writer) error {
		t.Fatal("the screen was started without a terminal")
		return nil
	}
	e := newEnv(t)
	db := filepath.Join(t.TempDir(), "list")
	for _, args := range [][]string{{"./" + db}, {"--", db}, {db}, nil} {
		if msg := e.fails(t, 1, args...); !strings.Contains(msg, "no terminal") {
			t.Errorf("%q: %q", args, msg)
		}
	}
	for _, p := range []string{db, filepath.Join(e["HOME"], ".local", "share", "journeymap", "journeymap.db")} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s was created", p)
		}
	}

	// With a terminal, the screen gets the opened file.
	haveTerminal = func() error { return nil }
	var opened string
	runUI = func(st *storage.Store, ts []interchange.Template, _ []error, _ io.Writer) error {
		opened = st.Path()
		if len(ts) == 0 {
			t.Error("no templates passed to the screen")
		}
		return nil
	}
	e.ok(t, db)
	if opened != db {
		t.Errorf("screen opened %q, want %q", opened, db)
	}
}

// TestDamagedFileRefusesWrites: new and import on a damaged file fail with
// exit 1 and one line saying "damaged", and the bytes stay as they were.
func TestDamagedFileRefusesWrites(t *testing.T) {
	for name, damage := range map[string]func(path string){
		"truncated inside its last page": func(path string) {
			fi, _ := os.Stat(path)
			os.Truncate(path, fi.Size()-1000)
		},
		"bytes flipped in the middle": func(path string) {
			data, _ := os.ReadFile(path)
			// From the page boundary nearest the middle: the page's header is
			// what quick_check reads (flipped bytes inside a text are only
			// a different text).
			mid := len(data) / 2 &^ 4095
			for i := mid; i < mid+600; i++ {
				data[i] ^= 0x5a
			}
			os.WriteFile(path, data, 0o644)
		},
	} {
		t.Run(name, func(t *testing.T) {
			e := newEnv(t)
			db := e.newFile(t, "Customer lifecycle", "SaaS onboarding", "E-commerce order", "Customer lifecycle", "SaaS onboarding")
			in := filepath.Join(t.TempDir(), "in.json")
			e.ok(t, "export", db, "--map", "1", "--format", "json", "-o", in)
			damage(db)
			before := readFile(t, db)
			for _, args := range [][]string{
				{"new", db, "--title", "More"},
				{"import", db, in},
			} {
				msg := e.fails(t, 1, args...)
				if !strings.Contains(msg, "damaged") || strings.Contains(msg, "sql:") {
					t.Errorf("%v: %q should say damaged, without driver internals", args, msg)
				}
				if !bytes.Equal(before, readFile(t, db)) {
					t.Fatalf("%v changed the damaged file", args)
				}
			}
		})
	}
}

// TestReadingCommandsNeverSetUpAFile: list and export on a zero-byte file
// and on an empty SQLite file fail and leave them exactly as they were.
func TestReadingCommandsNeverSetUpAFile(t *testing.T) {
	e := newEnv(t)
	dir := t.TempDir()
	zero := filepath.Join(dir, "zero.db")
	os.WriteFile(zero, nil, 0o644)
	empty := filepath.Join(dir, "empty.db")
	// An empty SQLite database: a valid file with no tables in it.
	db, err := sql.Open("sqlite3", empty)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE x (a); DROP TABLE x`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if fi, err := os.Stat(empty); err != nil || fi.Size() == 0 {
		t.Fatalf("the empty SQLite file was not made: %v", err)
	}
	for _, path := range []string{zero, empty} {
		before := readFile(t, path)
		for _, args := range [][]string{{"list", path}, {"export", path, "--format", "json"}} {
			msg := e.fails(t, 1, args...)
			if strings.Count(msg, path) != 1 {
				t.Errorf("%v: %q should name the file once", args, msg)
			}
			if !bytes.Equal(before, readFile(t, path)) {
				t.Fatalf("%v changed %s", args, path)
			}
			if _, err := os.Stat(path + "-wal"); err == nil {
				t.Fatalf("%v left a -wal file", args)
			}
		}
	}
}

func TestNewStructureOnly(t *testing.T) {
	e := newEnv(t)
	db := filepath.Join(t.TempDir(), "w.db")
	e.ok(t, "new", db, "--template", "E-commerce order", "--title", "Ours", "--structure-only")
	r := e.ok(t, "list", db)
	if !regexp.MustCompile(`(?m)^1\s+Ours\s+4 phases\s+0 touchpoints$`).MatchString(r.stdout) {
		t.Errorf("list: %q", r.stdout)
	}
	out := e.ok(t, "export", db, "--format", "json").stdout
	for _, gone := range []string{"Tom Becker", "running shoes", "Stride"} {
		if strings.Contains(out, gone) {
			t.Errorf("the template's story (%q) came along:\n%s", gone, out)
		}
	}
	if !strings.Contains(out, `"name": "After delivery"`) || !strings.Contains(out, `"description": "`) {
		t.Errorf("phases or their descriptions missing:\n%s", out)
	}
	if h := e.ok(t, "new", "--help"); !strings.Contains(h.stdout+h.stderr, "--structure-only") {
		t.Errorf("--help does not mention --structure-only")
	}
}

// TestServeRefusesABadCommandLine: serve's wrong flags and unreadable key
// files fail with one line before anything is listened on or opened, and
// no file is created.
func TestServeRefusesABadCommandLine(t *testing.T) {
	e := newEnv(t)
	db := filepath.Join(t.TempDir(), "room.db")
	for _, tc := range []struct {
		code int
		args []string
		want string
	}{
		{2, []string{"serve", db, "--max", "0"}, "--max must be at least 1"},
		{2, []string{"serve", db, "--idle", "-1s"}, "--idle must be positive"},
		{2, []string{"serve", db, "--bogus"}, "bogus"},
		{1, []string{"serve", db, "--allow", filepath.Join(t.TempDir(), "missing")}, "--allow"},
		{1, []string{"serve", db, "--facilitators", filepath.Join(t.TempDir(), "missing")}, "--facilitators"},
		{1, []string{"serve", db, "--listen", "256.0.0.1:99999"}, "listen on"},
	} {
		msg := e.fails(t, tc.code, tc.args...)
		if !strings.Contains(msg, tc.want) {
			t.Errorf("%v: %q should mention %q", tc.args, msg, tc.want)
		}
		if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("%v created the file", tc.args)
		}
	}
}

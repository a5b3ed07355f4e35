package exportdlg

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"journeymap/ui/internal/screentest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"journeymap/interchange"
	"journeymap/model"
	"journeymap/ui/theme"
)

// fakeExport writes a small, format-dependent document so tests can tell
// which format reached the file.
func fakeExport(w io.Writer, mp *model.Map, f interchange.Format, _ string) error {
	format := f.Name
	_, err := fmt.Fprintf(w, "format=%s title=%s phases=%d\n", format, mp.Title, len(mp.Phases))
	return err
}

func expected(t *testing.T, mp *model.Map, format string) []byte {
	t.Helper()
	var b bytes.Buffer
	f, err := interchange.FormatByName(format)
	if err != nil {
		t.Fatal(err)
	}
	if err := fakeExport(&b, mp, f, ""); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func coffee() *model.Map {
	return &model.Map{MapInfo: model.MapInfo{Title: "Coffee shop"}, Phases: []model.Phase{{Name: "Visit"}}}
}

func newDialog(t *testing.T, mp *model.Map, dir string, export ExportFunc) Model {
	t.Helper()
	return New(mp, dir, export, interchange.AtomicWriter(""), DefaultStyles(theme.New(true)))
}

// TestDialogOffersEveryFormat: the dialog lists the registry's formats as
// they are, without trying any of them first (opening it must cost what
// is on screen, not a drawing of every picture format).
func TestDialogOffersEveryFormat(t *testing.T) {
	m := New(coffee(), t.TempDir(), nil, interchange.AtomicWriter(""), DefaultStyles(theme.New(true)))
	if got, want := len(m.formats), len(interchange.Formats()); got != want {
		t.Fatalf("%d formats offered, the registry has %d", got, want)
	}
}

func press(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

// send delivers msg and then runs every command the dialog returns, feeding
// its results back in, until a message leaves the dialog (DoneMsg,
// ClosedMsg) or nothing is left to run. It returns the escaping messages.
func send(t *testing.T, m Model, msg tea.Msg) (Model, []tea.Msg) {
	t.Helper()
	var out []tea.Msg
	queue := []tea.Msg{msg}
	for len(queue) > 0 {
		next := queue[0]
		queue = queue[1:]
		var cmd tea.Cmd
		m, cmd = m.Update(next)
		if cmd == nil {
			continue
		}
		res := runCmd(cmd)
		switch res.(type) {
		case resultMsg:
			queue = append(queue, res)
		case nil:
		default:
			out = append(out, res)
		}
	}
	return m, out
}

// runCmd runs cmd, giving up on commands that wait (the text input's cursor
// blink ticks), which are never the dialog's own.
func runCmd(cmd tea.Cmd) tea.Msg {
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	select {
	case msg := <-ch:
		return msg
	case <-time.After(2 * time.Second):
		return nil
	}
}

// typeText types s into the dialog, dropping the commands keystrokes return
// (cursor blinks only).
func typeText(t *testing.T, m Model, s string) Model {
	t.Helper()
	for _, r := range s {
		m, _ = m.Update(press(string(r)))
	}
	return m
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Coffee shop", "coffee-shop"},
		{"  Coffee   shop!!  ", "coffee-shop"},
		{"SaaS onboarding: v2.0", "saas-onboarding-v2-0"},
		{"../../etc/passwd", "etc-passwd"},
		{"咖啡店 顧客", "咖啡店-顧客"},
		{"Café Crème", "café-crème"},
		{"☕🎉!!", "journey-map"},
		{"", "journey-map"},
		{"a/b\\c\x1b[31m", "a-b-c-31m"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	long := Slug(strings.Repeat("長", 10000))
	if n := len([]rune(long)); n > maxSlug {
		t.Errorf("slug of a long title has %d runes, want at most %d", n, maxSlug)
	}
}

func TestDefaultPathAndFormatSwitch(t *testing.T) {
	dir := t.TempDir()
	m := newDialog(t, coffee(), dir, fakeExport)
	if got, want := m.Path(), filepath.Join(dir, "coffee-shop.md"); got != want {
		t.Fatalf("default path = %q, want %q", got, want)
	}
	if got := m.Format().Label; got != "Markdown" {
		t.Fatalf("default format = %q, want Markdown", got)
	}
	steps := []struct {
		key, wantExt, wantLabel string
	}{
		{"right", ".json", "JSON"},
		{"right", ".mmd", "Mermaid"},
		{"right", ".csv", "CSV"},
		{"right", ".svg", "SVG"},
		{"left", ".csv", "CSV"},
		{"1", ".md", "Markdown"},
		{"left", interchange.Formats()[len(interchange.Formats())-1].Ext(), interchange.Formats()[len(interchange.Formats())-1].Label}, // wraps around
		{"2", ".json", "JSON"},
	}
	for _, s := range steps {
		m, _ = send(t, m, press(s.key))
		if got := m.Format().Label; got != s.wantLabel {
			t.Errorf("after %s: format %q, want %q", s.key, got, s.wantLabel)
		}
		if want := filepath.Join(dir, "coffee-shop"+s.wantExt); m.Path() != want {
			t.Errorf("after %s: path %q, want %q", s.key, m.Path(), want)
		}
	}
}

func TestWriteNewFile(t *testing.T) {
	dir := t.TempDir()
	mp := coffee()
	m := newDialog(t, mp, dir, fakeExport)
	m, _ = send(t, m, press("right")) // JSON
	m, out := send(t, m, press("enter"))
	want := filepath.Join(dir, "coffee-shop.json")
	if len(out) != 1 || out[0] != (DoneMsg{Path: want}) {
		t.Fatalf("messages = %#v, want DoneMsg{%q}", out, want)
	}
	got, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, expected(t, mp, "json")) {
		t.Errorf("file = %q, want export output %q", got, expected(t, mp, "json"))
	}
	if v := ansi.Strip(m.View(120, 12)); !strings.Contains(v, "Exported to "+want) {
		t.Errorf("view does not say where the file went:\n%s", v)
	}
	assertOnly(t, dir, "coffee-shop.json")
	// Any key closes the finished dialog.
	if _, out := send(t, m, press("q")); len(out) != 1 || out[0] != (ClosedMsg{}) {
		t.Errorf("key after done: %#v, want ClosedMsg", out)
	}
}

func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("directory holds %v, want exactly %v (no temp files)", got, names)
	}
}

func TestOverwritePrompt(t *testing.T) {
	for _, accept := range []bool{false, true} {
		t.Run(fmt.Sprintf("accept=%v", accept), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "coffee-shop.md")
			old := []byte("precious notes\n")
			if err := os.WriteFile(path, old, 0o600); err != nil {
				t.Fatal(err)
			}
			mp := coffee()
			m := newDialog(t, mp, dir, fakeExport)
			m, out := send(t, m, press("enter"))
			if len(out) != 0 {
				t.Fatalf("wrote without asking: %#v", out)
			}
			v := ansi.Strip(m.View(80, 12))
			if !strings.Contains(v, "Overwrite coffee-shop.md? y/n") {
				t.Fatalf("no overwrite prompt:\n%s", v)
			}
			if accept {
				m, out = send(t, m, press("y"))
				if len(out) != 1 || out[0] != (DoneMsg{Path: path}) {
					t.Fatalf("messages = %#v, want DoneMsg", out)
				}
			} else {
				m, out = send(t, m, press("n"))
				if len(out) != 0 {
					t.Fatalf("declining emitted %#v", out)
				}
				if v := ansi.Strip(m.View(80, 12)); strings.Contains(v, "Overwrite coffee") {
					t.Errorf("prompt still shown after declining:\n%s", v)
				}
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			want := old
			if accept {
				want = expected(t, mp, "md")
			}
			if !bytes.Equal(got, want) {
				t.Errorf("file = %q, want %q", got, want)
			}
			if accept {
				fi, err := os.Stat(path)
				if err != nil {
					t.Fatal(err)
				}
				if fi.Mode().Perm() != 0o600 {
					t.Errorf("overwrite changed the mode to %v, want 0600 kept", fi.Mode().Perm())
				}
			}
			assertOnly(t, dir, "coffee-shop.md")
		})
	}
}

func TestTypedPath(t *testing.T) {
	dir := t.TempDir()
	mp := coffee()
	m := newDialog(t, mp, dir, fakeExport)
	m, _ = m.Update(press("tab"))
	if !m.Editing() {
		t.Fatal("tab did not focus the path")
	}
	for range len(m.Path()) {
		m, _ = m.Update(press("backspace"))
	}
	if m.Path() != "" {
		t.Fatalf("path not cleared: %q", m.Path())
	}
	m = typeText(t, m, "sub.md")
	m, out := send(t, m, press("enter"))
	want := filepath.Join(dir, "sub.md") // relative paths resolve against dir
	if len(out) != 1 || out[0] != (DoneMsg{Path: want}) {
		t.Fatalf("messages = %#v, want DoneMsg{%q}", out, want)
	}
	if got, _ := os.ReadFile(want); !bytes.Equal(got, expected(t, mp, "md")) {
		t.Errorf("file = %q", got)
	}
}

func TestWriteErrors(t *testing.T) {
	t.Run("missing directory", func(t *testing.T) {
		dir := t.TempDir()
		m := newDialog(t, coffee(), filepath.Join(dir, "nope", "deeper"), fakeExport)
		m, out := send(t, m, press("enter"))
		if len(out) != 0 {
			t.Fatalf("emitted %#v on failure", out)
		}
		v := ansi.Strip(m.View(200, 12))
		if !strings.Contains(v, "no such file or directory") {
			t.Errorf("error not shown:\n%s", v)
		}
		assertOnly(t, dir)
	})
	t.Run("export fails", func(t *testing.T) {
		dir := t.TempDir()
		failing := func(w io.Writer, mp *model.Map, format interchange.Format, _ string) error {
			io.WriteString(w, "half a docu")
			return errors.New("disk on fire\nsecond line")
		}
		m := newDialog(t, coffee(), dir, failing)
		m, out := send(t, m, press("enter"))
		if len(out) != 0 {
			t.Fatalf("emitted %#v on failure", out)
		}
		v := ansi.Strip(m.View(80, 12))
		if !strings.Contains(v, "export: disk on fire second line") {
			t.Errorf("error not shown on one line:\n%s", v)
		}
		assertOnly(t, dir) // temp file removed, nothing half-written
	})
	t.Run("path is a directory", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.Mkdir(filepath.Join(dir, "coffee-shop.md"), 0o755); err != nil {
			t.Fatal(err)
		}
		m := newDialog(t, coffee(), dir, fakeExport)
		m, _ = send(t, m, press("enter"))
		if v := ansi.Strip(m.View(200, 12)); !strings.Contains(v, "not a regular file") {
			t.Errorf("error not shown:\n%s", v)
		}
	})
}

func TestEscCloses(t *testing.T) {
	m := newDialog(t, coffee(), t.TempDir(), fakeExport)
	_, out := send(t, m, press("esc"))
	if len(out) != 1 || out[0] != (ClosedMsg{}) {
		t.Fatalf("esc: %#v, want ClosedMsg", out)
	}
}

func TestStaleResultIgnored(t *testing.T) {
	dir := t.TempDir()
	m := newDialog(t, coffee(), dir, fakeExport)
	m, cmd := m.Update(press("enter"))
	m, _ = m.Update(press("esc")) // cancel while writing
	res := cmd()
	m, next := m.Update(res)
	if next != nil {
		t.Errorf("stale result produced a command")
	}
	if m.state == done {
		t.Errorf("stale result marked the dialog done")
	}
}

func TestViewFits(t *testing.T) {
	titles := []string{
		"Coffee shop",
		"☕ Café 👩‍👩‍👧 journey 🎉",
		"咖啡店顧客旅程咖啡店顧客旅程咖啡店顧客旅程",
		strings.Repeat("x", 10000),
		"evil\x1b[2J\x1b]0;title\x07name",
	}
	sizes := [][2]int{{0, 0}, {1, 1}, {20, 6}, {23, 7}, {24, 8}, {40, 10}, {80, 24}, {200, 50}}
	for _, title := range titles {
		mp := &model.Map{MapInfo: model.MapInfo{Title: title}}
		m := newDialog(t, mp, t.TempDir(), fakeExport)
		states := []Model{m}
		m2, _ := m.Update(press("tab"))
		m2 = typeText(t, m2, "长长的路径名")
		states = append(states, m2)
		m3 := m
		m3.state, m3.target = confirming, "/tmp/"+title
		m4 := m
		m4.state, m4.target = done, "/tmp/"+title
		m5 := m
		m5.errText = "open " + title + ": permission denied"
		m6 := m
		m6.input.SetValue(strings.Repeat("長/", 5000))
		m6.focus = pathField
		m6.input.Focus()
		states = append(states, m3, m4, m5, m6)
		for i, s := range states {
			for _, sz := range sizes {
				v := s.View(sz[0], sz[1])
				checkFits(t, fmt.Sprintf("state %d %q", i, trim(title)), v, sz[0], sz[1])
				if strings.Contains(v, "\x1b[2J") || strings.Contains(v, "\x1b]0;") {
					t.Errorf("escape sequence from the title reached the view")
				}
			}
		}
	}
}

func trim(s string) string { return ansi.Truncate(s, 20, "…") }

func checkFits(t *testing.T, name, v string, w, h int) {
	t.Helper()
	screentest.Fits(t, name, v, w, h)
}

func TestHomePathAndLettersInPath(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	mp := coffee()
	m := newDialog(t, mp, t.TempDir(), fakeExport)
	m, _ = m.Update(press("tab"))
	for range len(m.Path()) {
		m, _ = m.Update(press("backspace"))
	}
	// h, l and digits are format keys on the format row only; in the path
	// they are just letters.
	m = typeText(t, m, "~/hl2.md")
	if m.Path() != "~/hl2.md" || m.Format().Label != "Markdown" {
		t.Fatalf("path %q format %q after typing", m.Path(), m.Format().Label)
	}
	_, out := send(t, m, press("enter"))
	want := filepath.Join(home, "hl2.md")
	if len(out) != 1 || out[0] != (DoneMsg{Path: want}) {
		t.Fatalf("messages = %#v, want DoneMsg{%q}", out, want)
	}
	if got, _ := os.ReadFile(want); !bytes.Equal(got, expected(t, mp, "md")) {
		t.Errorf("file = %q", got)
	}
}

func TestEmptyPathRefused(t *testing.T) {
	m := newDialog(t, coffee(), t.TempDir(), fakeExport)
	m, _ = m.Update(press("tab"))
	for range len(m.Path()) {
		m, _ = m.Update(press("backspace"))
	}
	m, out := send(t, m, press("enter"))
	if len(out) != 0 {
		t.Fatalf("emitted %#v for an empty path", out)
	}
	if v := ansi.Strip(m.View(80, 12)); !strings.Contains(v, "type a path to export to") {
		t.Errorf("no hint for the empty path:\n%s", v)
	}
	// Switching format on an empty path brings the default name back.
	m, _ = m.Update(press("tab"))
	m, _ = m.Update(press("right"))
	if !strings.HasSuffix(m.Path(), "coffee-shop.json") {
		t.Errorf("path after format switch = %q", m.Path())
	}
}

// The one-line help under the dialog follows its state: the format and path
// keys while editing, y/n while it asks to overwrite, any key once written.
func TestHelpFollowsState(t *testing.T) {
	short := func(m Model) string {
		var parts []string
		for _, b := range m.Help().ShortHelp() {
			parts = append(parts, b.Help().Key+" "+b.Help().Desc)
		}
		return strings.Join(parts, " · ")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "coffee-shop.md"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := newDialog(t, coffee(), dir, fakeExport)
	if got := short(m); !strings.Contains(got, "enter write") {
		t.Errorf("editing: help %q", got)
	}
	m, _ = send(t, m, press("enter"))
	if got := short(m); got != "y overwrite · n keep" {
		t.Errorf("asking to overwrite: help %q", got)
	}
	m, _ = send(t, m, press("y"))
	if got := short(m); got != "any key closes" {
		t.Errorf("written: help %q", got)
	}
}

// A path longer than its line scrolls so the end being typed stays in
// sight (the input learns its width from View and scrolls in Update).
func TestLongPathShowsWhatIsTyped(t *testing.T) {
	m := newDialog(t, coffee(), t.TempDir(), fakeExport)
	m.View(80, 12)
	m, _ = send(t, m, press("tab"))
	m = typeText(t, m, strings.Repeat("dir/", 30)+"END.md")
	if v := ansi.Strip(m.View(80, 12)); !strings.Contains(v, "END.md") {
		t.Fatalf("the end of the path is not shown:\n%s", v)
	}
}

// allFormats accepts every format of the registry, as main's export does.
func allFormats(w io.Writer, mp *model.Map, f interchange.Format, _ string) error {
	_, err := fmt.Fprintf(w, "format=%s\n", f.Name)
	return err
}

// TestEveryFormatVisibleAt80x24: at 80×24 the formats wrap and every one
// of them shows; in a window too short to wrap, the one row scrolls with
// the choice so each format in turn is on screen, with ‹ › saying more.
func TestEveryFormatVisibleAt80x24(t *testing.T) {
	m := newDialog(t, coffee(), t.TempDir(), allFormats)
	if len(m.formats) != len(interchange.Formats()) {
		t.Fatalf("dialog offers %d formats, the registry has %d", len(m.formats), len(interchange.Formats()))
	}
	v := m.View(80, 24)
	screentest.Fits(t, "export dialog", v, 80, 24)
	plain := ansi.Strip(v)
	for _, f := range m.formats {
		if !strings.Contains(plain, f.Label) {
			t.Errorf("format %s not visible at 80x24:\n%s", f.Label, plain)
		}
	}
	// The tenth is picked with 0.
	m2, _ := m.Update(press("0"))
	if got := m2.Format().Name; got != m.formats[9].Name {
		t.Errorf("0 picked %s, want %s", got, m.formats[9].Name)
	}
	for _, sz := range [][2]int{{80, 9}, {40, 10}, {30, 9}} {
		cur := m
		for i := range m.formats {
			v := cur.View(sz[0], sz[1])
			screentest.Fits(t, fmt.Sprintf("format %d", i), v, sz[0], sz[1])
			if plain := ansi.Strip(v); !strings.Contains(plain, "["+strconv.Itoa((i+1)%10)+" "+m.formats[i].Label+"]") {
				t.Errorf("at %dx%d the chosen format %s is not shown:\n%s", sz[0], sz[1], m.formats[i].Label, plain)
			}
			cur, _ = cur.Update(press("right"))
		}
	}
}

// TestExportGetsThePath: the export function is told the absolute path it
// writes to, so a deck can put its pictures beside it.
func TestExportGetsThePath(t *testing.T) {
	dir := t.TempDir()
	var got string
	export := func(w io.Writer, mp *model.Map, f interchange.Format, path string) error {
		if path != "" {
			got = path
		}
		return allFormats(w, mp, f, path)
	}
	m := newDialog(t, coffee(), dir, export)
	m, _ = m.Update(press("tab"))
	m.input.SetValue("talk/deck.marp.md")
	os.Mkdir(filepath.Join(dir, "talk"), 0o755)
	send(t, m, press("enter"))
	if want := filepath.Join(dir, "talk", "deck.marp.md"); got != want {
		t.Errorf("export was given path %q, want %q", got, want)
	}
}

package ui

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// harness drives the real root model: messages go through Update and the
// returned commands run synchronously until nothing is left, except timers
// (the refresh tick, cursor blinks), which would only wait.
type harness struct {
	t    *testing.T
	r    *Root
	quit bool
}

func newHarness(t *testing.T, st Store, opts Options, w, h int) *harness {
	t.Helper()
	r := New(st, opts)
	hs := &harness{t: t, r: r}
	hs.run(r.Init())
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	return hs
}

var cmdType = reflect.TypeOf(tea.Cmd(nil))

// isTimer reports whether cmd only waits for a timer to fire.
func isTimer(cmd tea.Cmd) bool {
	name := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name()
	return strings.Contains(name, "bubbletea/v2.Tick") || strings.Contains(name, "bubbletea/v2.Every") ||
		strings.Contains(name, "cursor.(*Model).Blink")
}

func (hs *harness) run(cmd tea.Cmd) {
	hs.t.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			hs.t.Fatal("commands never settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil || isTimer(c) {
			continue
		}
		done := make(chan tea.Msg, 1)
		go func() { done <- c() }()
		var msg tea.Msg
		select {
		case msg = <-done:
		case <-time.After(5 * time.Second):
			// A command that blocks would freeze nothing in the real
			// program but is still a bug (a store call that hangs).
			hs.t.Fatalf("a command did not return within 5s: %s",
				runtime.FuncForPC(reflect.ValueOf(c).Pointer()).Name())
		}
		if msg == nil {
			continue
		}
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == cmdType {
			for i := 0; i < v.Len(); i++ {
				queue = append(queue, v.Index(i).Interface().(tea.Cmd))
			}
			continue
		}
		if _, ok := msg.(tea.QuitMsg); ok {
			hs.quit = true
			continue
		}
		_, next := hs.r.Update(msg)
		queue = append(queue, next)
	}
}

func (hs *harness) send(msg tea.Msg) {
	hs.t.Helper()
	_, cmd := hs.r.Update(msg)
	hs.run(cmd)
}

// key sends one key press named as bubbletea names it: "enter", "ctrl+r",
// "H", "a".
func (hs *harness) key(names ...string) {
	hs.t.Helper()
	for _, n := range names {
		hs.send(keyMsg(n))
	}
}

// typ types text one character at a time.
func (hs *harness) typ(s string) {
	hs.t.Helper()
	for _, r := range s {
		hs.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func keyMsg(n string) tea.KeyPressMsg {
	special := map[string]rune{
		"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "backspace": tea.KeyBackspace,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"space": tea.KeySpace, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "home": tea.KeyHome, "end": tea.KeyEnd,
	}
	var mod tea.KeyMod
	base := n
	for {
		switch {
		case strings.HasPrefix(base, "ctrl+"):
			mod |= tea.ModCtrl
			base = base[5:]
			continue
		case strings.HasPrefix(base, "shift+"):
			mod |= tea.ModShift
			base = base[6:]
			continue
		case strings.HasPrefix(base, "alt+"):
			mod |= tea.ModAlt
			base = base[4:]
			continue
		}
		break
	}
	if c, ok := special[base]; ok {
		return tea.KeyPressMsg{Code: c, Mod: mod}
	}
	r := []rune(base)[0]
	if mod != 0 {
		return tea.KeyPressMsg{Code: r, Mod: mod}
	}
	if r >= 'A' && r <= 'Z' {
		return tea.KeyPressMsg{Code: r + ('a' - 'A'), ShiftedCode: r, Text: base, Mod: tea.ModShift}
	}
	return tea.KeyPressMsg{Code: r, Text: base}
}

// screen is the current frame without colours or styles.
func (hs *harness) screen() string {
	return ansi.Strip(hs.r.View().Content)
}

func (hs *harness) contains(parts ...string) {
	hs.t.Helper()
	s := hs.screen()
	for _, p := range parts {
		if !strings.Contains(s, p) {
			hs.t.Fatalf("screen lacks %q:\n%s", p, s)
		}
	}
}

func (hs *harness) lacks(parts ...string) {
	hs.t.Helper()
	s := hs.screen()
	for _, p := range parts {
		if strings.Contains(s, p) {
			hs.t.Fatalf("screen still shows %q:\n%s", p, s)
		}
	}
}

// golden compares the screen with testdata/<name>.golden (or rewrites it
// with -update). Lines are right-trimmed so editors cannot break them.
func (hs *harness) golden(name string) {
	hs.t.Helper()
	var b strings.Builder
	for _, l := range strings.Split(hs.screen(), "\n") {
		b.WriteString(strings.TrimRight(l, " ") + "\n")
	}
	got := b.String()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			hs.t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			hs.t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		hs.t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) != got {
		hs.t.Errorf("screen differs from %s (run with -update after checking):\n--- got\n%s--- want\n%s", path, got, want)
	}
}

func windowSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

func ansiStrip(s string) string   { return ansi.Strip(s) }
func contains(s, sub string) bool { return strings.Contains(s, sub) }

// topIs reports whether the overlay on top of r's stack is a T.
func topIs[T overlay](r *Root) bool {
	_, ok := r.top().(T)
	return ok
}

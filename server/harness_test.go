package server

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"journeymap/model"
	"journeymap/storage"
)

const testCode = "abc-def"

// room is a server under test on a loopback port, with its store.
type testRoom struct {
	srv   *Server
	addr  string
	st    *storage.Store
	path  string
	mapID int64
	fac   gossh.Signer // a facilitator's key
	guest gossh.Signer // a key in --allow
}

func newSigner(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// startRoom starts a server on 127.0.0.1:0 on a fresh file holding one
// map with two phases; change adjusts the config first.
func startRoom(t testing.TB, change func(*Config)) *testRoom {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "room.db")
	st, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	m := &model.Map{MapInfo: model.MapInfo{Title: "Coffee run"}, Phases: []model.Phase{
		{Name: "Arrive", Touchpoints: []model.Touchpoint{model.NewTouchpoint("Door sign")}},
		{Name: "Order"},
	}}
	id, err := st.CreateMap(m)
	if err != nil {
		t.Fatal(err)
	}
	tr := &testRoom{st: st, path: path, mapID: id, fac: newSigner(t), guest: newSigner(t)}
	cfg := Config{
		Store:        st,
		HostKeyPath:  filepath.Join(dir, "host_ed25519"),
		Code:         testCode,
		Facilitators: Keys{string(tr.fac.PublicKey().Marshal()): true},
		Allow:        Keys{string(tr.guest.PublicKey().Marshal()): true},
	}
	if change != nil {
		change(&cfg)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	tr.srv, tr.addr = srv, l.Addr().String()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(l) }()
	t.Cleanup(func() {
		srv.Close()
		<-done
		st.Close()
	})
	return tr
}

func codeAuth(code string) []gossh.AuthMethod {
	return []gossh.AuthMethod{gossh.KeyboardInteractive(func(_, _ string, qs []string, _ []bool) ([]string, error) {
		out := make([]string, len(qs))
		for i := range qs {
			out[i] = code
		}
		return out, nil
	})}
}

func keyAuth(s gossh.Signer) []gossh.AuthMethod {
	return []gossh.AuthMethod{gossh.PublicKeys(s)}
}

func (tr *testRoom) dial(user string, auth []gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", tr.addr, &gossh.ClientConfig{
		User: user, Auth: auth, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second,
	})
}

// screen is one guest's terminal: a PTY session whose output is kept.
type screen struct {
	t    testing.TB
	c    *gossh.Client
	sess *gossh.Session
	in   interface{ Write([]byte) (int, error) }
	mu   sync.Mutex
	out  bytes.Buffer
	// mark is where waitFor starts looking, so a wait sees only what
	// arrived after the last Mark.
	mark  int
	kick  chan struct{}
	ended chan struct{}
	w, h  int
	odd   bool
}

// sees waits until the screen shows want, making it redraw everything
// (a resize) each time it looks: the renderer otherwise sends only the
// cells that change, so "1 left" after "2 left" arrives as a lone "1".
func (s *screen) sees(want string) {
	s.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		s.Mark()
		s.odd = !s.odd
		w := s.w
		if s.odd {
			w++
		}
		if err := s.sess.WindowChange(s.h, w); err != nil {
			s.t.Fatal(err)
		}
		if s.waitFor(want, 400*time.Millisecond) {
			return
		}
	}
	s.must(want) // fails with the screen
}

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	s.out.Write(p)
	s.mu.Unlock()
	select {
	case s.kick <- struct{}{}:
	default:
	}
	return len(p), nil
}

// join connects as user with auth and starts the interface in a w×h PTY.
func (tr *testRoom) join(t testing.TB, user string, auth []gossh.AuthMethod, w, h int) *screen {
	t.Helper()
	c, err := tr.dial(user, auth)
	if err != nil {
		t.Fatalf("%s: %v", user, err)
	}
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	s := &screen{t: t, c: c, sess: sess, w: w, h: h, kick: make(chan struct{}, 1), ended: make(chan struct{})}
	sess.Stdout = s
	sess.Stderr = s
	in, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	s.in = in
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() { sess.Wait(); close(s.ended) }()
	t.Cleanup(func() { sess.Close(); c.Close() })
	return s
}

// text is everything the screen received, escape sequences removed.
func (s *screen) text(from int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.out.Bytes()
	if from > len(b) {
		from = len(b)
	}
	return ansi.Strip(string(b[from:]))
}

// Mark makes later waits look only at what arrives from now on.
func (s *screen) Mark() {
	s.mu.Lock()
	s.mark = s.out.Len()
	s.mu.Unlock()
}

// waitFor waits until what arrived since the last Mark contains want.
func (s *screen) waitFor(want string, within time.Duration) bool {
	deadline := time.After(within)
	for {
		s.mu.Lock()
		from := s.mark
		s.mu.Unlock()
		if strings.Contains(s.text(from), want) {
			return true
		}
		select {
		case <-s.kick:
		case <-deadline:
			return false
		case <-s.ended:
			return strings.Contains(s.text(from), want)
		}
	}
}

// mustEver is must over everything the screen received, not only since
// the last Mark: the renderer redraws only cells that change, so text that
// stays on screen is sent once.
func (s *screen) mustEver(want string) {
	s.t.Helper()
	s.mu.Lock()
	mark := s.mark
	s.mark = 0
	s.mu.Unlock()
	defer func() { s.mu.Lock(); s.mark = mark; s.mu.Unlock() }()
	s.must(want)
}

func (s *screen) must(want string) {
	s.t.Helper()
	if !s.waitFor(want, 5*time.Second) {
		tail := s.text(0)
		if len(tail) > 3000 {
			tail = tail[len(tail)-3000:]
		}
		s.t.Fatalf("never saw %q; the screen got:\n%s", want, tail)
	}
}

// typ sends keys as a terminal would, with a pause so each arrives as its
// own event (a lone esc is told from an escape sequence by a pause).
func (s *screen) typ(keys ...string) {
	s.t.Helper()
	for _, k := range keys {
		if _, err := s.in.Write([]byte(k)); err != nil {
			s.t.Fatal(err)
		}
		time.Sleep(60 * time.Millisecond)
		if k == esc {
			time.Sleep(150 * time.Millisecond) // not alt+ the next key
		}
	}
}

const (
	esc   = "\x1b"
	enter = "\r"
)

// openMap opens the first map from home and waits for the board.
func (s *screen) openMap() {
	s.t.Helper()
	s.must("Coffee run")
	s.Mark()
	s.typ(enter)
	s.must("Arrive")
}

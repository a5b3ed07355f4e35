package server

import (
	"bytes"
	"journeymap/model"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
)

func TestAccess(t *testing.T) {
	tr := startRoom(t, nil)
	ok := map[string][]gossh.AuthMethod{
		"the room code":           codeAuth(testCode),
		"the code, typed loosely": codeAuth(" ABC def "),
		"the code as a password":  {gossh.Password(testCode)},
		"a key in --allow":        keyAuth(tr.guest),
		"a facilitator's key":     keyAuth(tr.fac),
	}
	for name, auth := range ok {
		c, err := tr.dial("maya", auth)
		if err != nil {
			t.Errorf("%s refused: %v", name, err)
			continue
		}
		c.Close()
	}
	bad := map[string][]gossh.AuthMethod{
		"a wrong code":     codeAuth("abc-xyz"),
		"a wrong password": {gossh.Password("hunter2")},
		"an unknown key":   keyAuth(newSigner(t)),
	}
	for name, auth := range bad {
		if c, err := tr.dial("mallory", auth); err == nil {
			c.Close()
			t.Errorf("%s accepted", name)
		}
	}
}

func TestAllowAloneMeansKeysOnly(t *testing.T) {
	tr := startRoom(t, func(c *Config) { c.Code = "" })
	if c, err := tr.dial("maya", codeAuth(testCode)); err == nil {
		c.Close()
		t.Error("a code was accepted with --allow alone")
	}
	c, err := tr.dial("maya", keyAuth(tr.guest))
	if err != nil {
		t.Fatalf("a key in --allow was refused: %v", err)
	}
	c.Close()
}

func TestFailedAttemptsAreLimited(t *testing.T) {
	tr := startRoom(t, func(c *Config) { c.MaxFailures = 3 })
	for i := 0; i < 3; i++ {
		if c, err := tr.dial("mallory", codeAuth("nope-"+string(rune('a'+i)))); err == nil {
			c.Close()
		}
	}
	// Now even the right code is refused from this address for a while.
	if c, err := tr.dial("maya", codeAuth(testCode)); err == nil {
		c.Close()
		t.Fatal("the right code got in after the failures ran out")
	}
}

func TestCommandsShellsAndForwardingRefused(t *testing.T) {
	tr := startRoom(t, nil)
	c, err := tr.dial("maya", codeAuth(testCode))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()

	// exec: one line saying why, and a non-zero exit.
	sess, _ := c.NewSession()
	var out lockedBuffer
	sess.Stdout, sess.Stderr = &out, &out
	err = sess.Run("cat /etc/passwd")
	var exit *gossh.ExitError
	if !asExit(err, &exit) || exit.ExitStatus() == 0 {
		t.Errorf("exec: err %v, want a non-zero exit", err)
	}
	if !strings.Contains(out.String(), "workshop only") || strings.Contains(out.String(), "root:") {
		t.Errorf("exec printed %q", out.String())
	}
	sess.Close()

	// A shell without a terminal: refused too.
	sess, _ = c.NewSession()
	out.Reset()
	sess.Stdout, sess.Stderr = &out, &out
	err = sess.Run("")
	if !asExit(err, &exit) || exit.ExitStatus() == 0 || !strings.Contains(out.String(), "needs a terminal") {
		t.Errorf("shell without a PTY: err %v, output %q", err, out.String())
	}
	sess.Close()

	// Subsystems (SFTP).
	sess, _ = c.NewSession()
	if err := sess.RequestSubsystem("sftp"); err == nil {
		t.Error("the sftp subsystem was accepted")
	}
	sess.Close()

	// Agent forwarding.
	sess, _ = c.NewSession()
	if err := agent.RequestAgentForwarding(sess); err == nil {
		t.Error("agent forwarding was accepted")
	}
	sess.Close()

	// Local and remote port forwarding.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if conn, err := c.Dial("tcp", l.Addr().String()); err == nil {
		conn.Close()
		t.Error("local port forwarding (direct-tcpip) was accepted")
	}
	if rl, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		rl.Close()
		t.Error("remote port forwarding (tcpip-forward) was accepted")
	}
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func (l *lockedBuffer) Reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.b.Reset()
}

func asExit(err error, exit **gossh.ExitError) bool {
	e, ok := err.(*gossh.ExitError)
	if ok {
		*exit = e
	}
	return ok
}

func TestEditSeenBySecondSession(t *testing.T) {
	tr := startRoom(t, nil)
	maya := tr.join(t, "maya", codeAuth(testCode), 100, 30)
	tom := tr.join(t, "tom", codeAuth(testCode), 90, 28)
	maya.openMap()
	tom.openMap()
	// Each sees who is here, and their own name first.
	maya.mustEver("2 here: maya, tom")
	tom.mustEver("2 here: tom, maya")

	tom.Mark()
	start := time.Now()
	maya.typ("a", "Qz7 kiosk", enter, esc)
	tom.must("Qz7 kiosk")
	t.Logf("the other session saw the edit %v after the first key", time.Since(start))

	// The file records who added it.
	m, err := tr.st.LoadMap(tr.mapID)
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, tp := range m.Phases[0].Touchpoints {
		if tp.Name == "Qz7 kiosk" {
			found = true
			if tp.AddedBy != "maya" {
				t.Errorf("added by %q, want maya", tp.AddedBy)
			}
		}
	}
	if !found {
		t.Error("the touchpoint is not in the file")
	}
}

func TestSameNameGetsANumber(t *testing.T) {
	tr := startRoom(t, nil)
	a := tr.join(t, "sam", codeAuth(testCode), 100, 30)
	tr.join(t, "sam", codeAuth(testCode), 100, 30)
	a.mustEver("sam-2")
}

func TestBeyondMaxOneLine(t *testing.T) {
	tr := startRoom(t, func(c *Config) { c.Max = 1 })
	first := tr.join(t, "maya", codeAuth(testCode), 100, 30)
	first.must("Coffee run")
	c, err := tr.dial("tom", codeAuth(testCode))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sess, _ := c.NewSession()
	var out, stdout bytes.Buffer
	sess.Stdout, sess.Stderr = &stdout, &out
	sess.RequestPty("xterm", 30, 100, gossh.TerminalModes{})
	sess.Shell()
	err = sess.Wait()
	if err == nil || !strings.Contains(out.String(), "the room is full") || strings.Count(strings.TrimSpace(out.String()), "\n") > 0 {
		t.Errorf("beyond --max: err %v, output %q", err, out.String())
	}
}

// TestGuestDroppingMidEdit: a guest who saved a touchpoint, then drops
// with a form half-typed, loses nothing saved; the server and the other
// guest go on, and the room no longer counts them.
func TestGuestDroppingMidEdit(t *testing.T) {
	tr := startRoom(t, nil)
	maya := tr.join(t, "maya", codeAuth(testCode), 100, 30)
	tom := tr.join(t, "tom", codeAuth(testCode), 100, 30)
	maya.openMap()
	tom.openMap()
	tom.mustEver("2 here: tom, maya")

	maya.typ("a", "Wx4 saved card", enter, esc)
	waitFile(t, tr, func(m *model.Map) bool { _, ok := names(m)["Wx4 saved card"]; return ok })
	maya.typ("e", "half-typed")
	maya.c.Close() // the guest's laptop lid closes

	deadline := time.Now().Add(5 * time.Second)
	for tr.srv.Sessions() != 1 {
		if time.Now().After(deadline) {
			t.Fatalf("%d sessions after one guest dropped", tr.srv.Sessions())
		}
		time.Sleep(20 * time.Millisecond)
	}
	tom.mustEver("1 here: tom")
	tom.Mark()
	tom.typ("a", "Wx5 after the drop", enter, esc)
	waitFile(t, tr, func(m *model.Map) bool {
		n := names(m)
		_, a := n["Wx4 saved card"]
		_, b := n["Wx5 after the drop"]
		return a && b
	})
}

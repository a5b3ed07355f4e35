package server

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"crypto/subtle"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// codeAlphabet leaves out letters and digits that read alike (0/o, 1/l/i).
const codeAlphabet = "abcdefghjkmnpqrstuvwxyz23456789"

// NewCode returns a fresh room code like "k7q-m2x": six characters, about
// 30 bits, which the failure limit makes impractical to guess.
func NewCode() (string, error) {
	var b strings.Builder
	for i := 0; i < 6; i++ {
		if i == 3 {
			b.WriteByte('-')
		}
		n, err := rand.Int(rand.Reader, big.NewInt(int64(len(codeAlphabet))))
		if err != nil {
			return "", err
		}
		b.WriteByte(codeAlphabet[n.Int64()])
	}
	return b.String(), nil
}

// normCode makes what a guest typed comparable: case, spaces and dashes
// do not matter.
func normCode(s string) string {
	s = strings.ToLower(s)
	return strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' || r == '\t' {
			return -1
		}
		return r
	}, s)
}

// Keys is a set of public keys, compared by their wire form.
type Keys map[string]bool

func (k Keys) has(key gossh.PublicKey) bool { return key != nil && k[string(key.Marshal())] }

// readKeys reads an authorized_keys file (or a .pub file): one key a line,
// comments and blank lines skipped. A line that is not a key is an error,
// so a typo never silently locks someone out.
func readKeys(path string, into Keys) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, _, _, _, err := gossh.ParseAuthorizedKey([]byte(line))
		if err != nil {
			return fmt.Errorf("%s line %d: not a public key", path, n)
		}
		into[string(key.Marshal())] = true
	}
	return sc.Err()
}

// DefaultFacilitatorKeys reads the public keys in ~/.ssh/*.pub of the user
// who starts the server; files that do not parse are skipped. It returns
// the keys and the files read.
func DefaultFacilitatorKeys(home string) (Keys, []string) {
	keys := Keys{}
	var used []string
	files, _ := filepath.Glob(filepath.Join(home, ".ssh", "*.pub"))
	for _, f := range files {
		if readKeys(f, keys) == nil {
			used = append(used, f)
		}
	}
	return keys, used
}

// failures limits failed sign-ins per source address: after max failures
// within window, every attempt from that address is refused until the
// oldest failure ages out, and each failure costs the guest delay.
type failures struct {
	mu     sync.Mutex
	max    int
	window time.Duration
	delay  time.Duration
	seen   map[string][]time.Time
}

func newFailures(max int, window, delay time.Duration) *failures {
	return &failures{max: max, window: window, delay: delay, seen: map[string][]time.Time{}}
}

func hostOf(addr net.Addr) string {
	if addr == nil {
		return ""
	}
	h, _, err := net.SplitHostPort(addr.String())
	if err != nil {
		return addr.String()
	}
	return h
}

// blocked reports whether the address has used up its failures.
func (f *failures) blocked(host string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.prune(host, time.Now())
	return len(f.seen[host]) >= f.max
}

func (f *failures) fail(host string) {
	f.mu.Lock()
	now := time.Now()
	f.prune(host, now)
	f.seen[host] = append(f.seen[host], now)
	f.mu.Unlock()
	if f.delay > 0 {
		time.Sleep(f.delay)
	}
}

func (f *failures) prune(host string, now time.Time) {
	ts := f.seen[host]
	i := 0
	for i < len(ts) && now.Sub(ts[i]) > f.window {
		i++
	}
	if i == len(ts) {
		delete(f.seen, host)
		return
	}
	f.seen[host] = ts[i:]
}

// auth decides who may join.
type auth struct {
	code         string // "" when only keys may join
	allow        Keys   // participants' keys (--allow)
	facilitators Keys
	limit        *failures
}

func (a *auth) codeOK(ctx ssh.Context, typed string) bool {
	host := hostOf(ctx.RemoteAddr())
	if a.code == "" || a.limit.blocked(host) {
		return false
	}
	if subtle.ConstantTimeCompare([]byte(normCode(typed)), []byte(normCode(a.code))) == 1 {
		return true
	}
	a.limit.fail(host)
	return false
}

func (a *auth) keyOK(ctx ssh.Context, key ssh.PublicKey) bool {
	host := hostOf(ctx.RemoteAddr())
	if a.limit.blocked(host) {
		return false
	}
	// An unknown key is not a failure: ssh offers every key it has before
	// it asks for the code.
	return a.facilitators.has(key) || a.allow.has(key)
}

func (a *auth) keyboard(ctx ssh.Context, ch gossh.KeyboardInteractiveChallenge) bool {
	answers, err := ch("", "Journeymap workshop: type the room code the facilitator shows.", []string{"Room code: "}, []bool{true})
	if err != nil || len(answers) != 1 {
		return false
	}
	return a.codeOK(ctx, answers[0])
}

// isFacilitator tells from the key a session signed in with (nil for the
// room code) whether it is a facilitator's.
func (a *auth) isFacilitator(key ssh.PublicKey) bool { return a.facilitators.has(key) }

// ReadKeys reads an authorized_keys file.
func ReadKeys(path string) (Keys, error) {
	k := Keys{}
	return k, readKeys(path, k)
}

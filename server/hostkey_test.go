package server

import (
	"bytes"
	"net"
	"path/filepath"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"journeymap/model"
	"journeymap/storage"
)

// TestHostKeyKeptAcrossRestarts: the host key is made on the first start
// and used again on the next, so a guest's known_hosts entry stays valid.
func TestHostKeyKeptAcrossRestarts(t *testing.T) {
	dir := t.TempDir()
	st, err := storage.Open(filepath.Join(dir, "room.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.CreateMap(&model.Map{MapInfo: model.MapInfo{Title: "Keys"}}); err != nil {
		t.Fatal(err)
	}
	keyPath := filepath.Join(dir, "host_ed25519")
	hostKey := func() []byte {
		t.Helper()
		srv, err := New(Config{Store: st, HostKeyPath: keyPath, Code: testCode})
		if err != nil {
			t.Fatal(err)
		}
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- srv.Serve(l) }()
		defer func() { srv.Close(); <-done }()
		var seen []byte
		c, err := gossh.Dial("tcp", l.Addr().String(), &gossh.ClientConfig{
			User: "maya", Auth: codeAuth(testCode), Timeout: 10 * time.Second,
			HostKeyCallback: func(_ string, _ net.Addr, k gossh.PublicKey) error {
				seen = k.Marshal()
				return nil
			},
		})
		if err != nil {
			t.Fatal(err)
		}
		c.Close()
		return seen
	}
	first := hostKey()
	second := hostKey()
	if len(first) == 0 || !bytes.Equal(first, second) {
		t.Fatalf("the host key changed across a restart")
	}
	if k, err := gossh.ParsePublicKey(first); err != nil || k.Type() != gossh.KeyAlgoED25519 {
		t.Errorf("host key %v (%v), want ed25519", k, err)
	}
}

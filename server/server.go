// Package server serves the Journeymap interface to a room over SSH
// (journeymap serve): every guest gets the full interface on one shared
// store, with roles, follow mode and dot-voting. It is built on
// charm.land/wish/v2 and its Bubble Tea middleware.
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	bm "charm.land/wish/v2/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"journeymap/storage"
	"journeymap/ui"
)

// Config is how a server runs.
type Config struct {
	// Store is the one store every session shares. The server never opens
	// the file itself: one holder per process keeps SQLite's POSIX locks
	// (storage/held.go).
	Store *storage.Store
	// HostKeyPath is the server's ed25519 key, created on first start.
	HostKeyPath string
	// Code is the room code; "" lets only keys in (Allow, Facilitators).
	Code string
	// Allow are participants' keys (--allow); Facilitators facilitators'.
	Allow, Facilitators Keys
	// Max is how many sessions may be open at once.
	Max int
	// IdleTimeout ends a connection nobody has used for that long.
	IdleTimeout time.Duration
	// FailDelay is what each failed sign-in costs; MaxFailures within
	// FailWindow blocks an address.
	FailDelay   time.Duration
	MaxFailures int
	FailWindow  time.Duration
	// UI builds the interface options every session starts from.
	UI ui.Options
	// FPS caps how often a session redraws (0: 30).
	FPS int
	// Log gets one line per join, leave and refusal; nil discards.
	Log io.Writer
}

// Server is a running workshop.
type Server struct {
	cfg  Config
	srv  *ssh.Server
	hub  *hub
	auth *auth
	log  *log.Logger

	stopPoll  chan struct{}
	closeOnce sync.Once
}

// New builds a server; Serve starts it.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("no store")
	}
	if cfg.Max <= 0 {
		cfg.Max = 50
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = 2 * time.Hour
	}
	if cfg.MaxFailures <= 0 {
		cfg.MaxFailures = 10
	}
	if cfg.FailWindow <= 0 {
		cfg.FailWindow = time.Minute
	}
	if cfg.FPS <= 0 {
		cfg.FPS = 30
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	if cfg.Allow == nil {
		cfg.Allow = Keys{}
	}
	if cfg.Facilitators == nil {
		cfg.Facilitators = Keys{}
	}
	s := &Server{
		cfg:      cfg,
		hub:      newHub(cfg.Store, cfg.Max),
		auth:     &auth{code: cfg.Code, allow: cfg.Allow, facilitators: cfg.Facilitators, limit: newFailures(cfg.MaxFailures, cfg.FailWindow, cfg.FailDelay)},
		log:      log.New(cfg.Log, "", log.LstdFlags),
		stopPoll: make(chan struct{}),
	}
	if err := s.hub.resume(); err != nil {
		return nil, err
	}
	opts := []ssh.Option{
		wish.WithHostKeyPath(cfg.HostKeyPath),
		wish.WithIdleTimeout(cfg.IdleTimeout),
		wish.WithPublicKeyAuth(s.auth.keyOK),
		wish.WithMiddleware(
			bm.MiddlewareWithProgramHandler(s.program),
			s.gate, // runs first
		),
		func(srv *ssh.Server) error {
			// Only sessions, and no agent forwarding in them; no port
			// forwarding (no handlers, no callbacks), no subsystems.
			srv.ChannelHandlers = map[string]ssh.ChannelHandler{"session": refuseAgent}
			srv.RequestHandlers = map[string]ssh.RequestHandler{}
			srv.SubsystemHandlers = map[string]ssh.SubsystemHandler{}
			srv.LocalPortForwardingCallback = func(ssh.Context, string, uint32) bool { return false }
			srv.ReversePortForwardingCallback = func(ssh.Context, string, uint32) bool { return false }
			srv.HandshakeTimeout = 30 * time.Second
			return nil
		},
	}
	if cfg.HostKeyPath == "" {
		opts = opts[1:]
	}
	if cfg.Code != "" {
		opts = append(opts,
			wish.WithKeyboardInteractiveAuth(s.auth.keyboard),
			wish.WithPasswordAuth(s.auth.codeOK))
	}
	srv, err := wish.NewServer(opts...)
	if err != nil {
		return nil, err
	}
	s.srv = srv
	return s, nil
}

// Serve accepts guests on l until Close.
func (s *Server) Serve(l net.Listener) error {
	go s.poll()
	err := s.srv.Serve(l)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Sessions returns how many guests are connected.
func (s *Server) Sessions() int { return s.hub.count() }

// Close ends the workshop cleanly: every session finishes its writes and
// quits, restoring the guest's terminal, then the connections close. The
// store stays open; its owner closes it.
func (s *Server) Close() error {
	var err error
	s.closeOnce.Do(func() {
		close(s.stopPoll)
		s.hub.closeAll(3 * time.Second)
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		if e := s.srv.Shutdown(ctx); e != nil {
			err = s.srv.Close()
		}
	})
	return err
}

// poll notices commits by other processes (the CLI, a local window) once
// for the whole room: PRAGMA data_version on the shared connection changes
// only for other connections' commits.
func (s *Server) poll() {
	t := time.NewTicker(500 * time.Millisecond)
	defer t.Stop()
	last, err := s.cfg.Store.DataVersion()
	known := err == nil
	for {
		select {
		case <-s.stopPoll:
			return
		case <-t.C:
		}
		if s.hub.count() == 0 {
			continue
		}
		v, err := s.cfg.Store.DataVersion()
		if err != nil {
			continue
		}
		if known && v != last {
			s.hub.changed(0)
		}
		last, known = v, true
	}
}

type ctxKey struct{ name string }

var memberKey = &ctxKey{"member"}

// gate runs before the interface: it refuses, with one line and exit
// status 1, what a workshop does not offer (a command, no terminal, a full
// room), admits the guest to the room and lets them go when they leave.
func (s *Server) gate(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		who := fmt.Sprintf("%s from %s", cleanName(sess.User()), hostOf(sess.RemoteAddr()))
		if len(sess.Command()) > 0 || sess.Subsystem() != "" {
			s.log.Printf("refused %s: a command (%q)", who, sess.RawCommand())
			wish.Fatalln(sess, "journeymap: this server runs the workshop only; connect without a command (ssh -t HOST -p PORT)")
			return
		}
		if _, _, ok := sess.Pty(); !ok {
			s.log.Printf("refused %s: no terminal", who)
			wish.Fatalln(sess, "journeymap: the workshop needs a terminal; connect with ssh -t")
			return
		}
		fac := s.auth.isFacilitator(sess.PublicKey())
		m, err := s.hub.join(sess.User(), fac)
		switch {
		case errors.Is(err, errFull):
			s.log.Printf("refused %s: the room is full", who)
			wish.Fatalln(sess, fmt.Sprintf("journeymap: the room is full (%d sessions); ask the facilitator to raise --max", s.cfg.Max))
			return
		case err != nil:
			wish.Fatalln(sess, "journeymap: the workshop is ending")
			return
		}
		role := "participant"
		if fac {
			role = "facilitator"
		}
		s.log.Printf("joined: %s as %s %q (%d here)", who, role, m.name, s.hub.count())
		sess.Context().SetValue(memberKey, m)
		defer func() {
			if m.pace != nil {
				m.pace.end()
			}
			s.hub.leave(m)
			s.log.Printf("left: %q (%d here)", m.name, s.hub.count())
		}()
		next(sess)
	}
}

// program builds the guest's interface: the full root model on the shared
// store, sized and coloured for their terminal (MakeOptions), as them.
func (s *Server) program(sess ssh.Session) *tea.Program {
	m, _ := sess.Context().Value(memberKey).(*member)
	if m == nil {
		return nil
	}
	opts := s.cfg.UI
	if !m.facilitator {
		// Exports write files on the server's machine: the facilitator's.
		opts.ExportFunc, opts.WriteFile = nil, nil
	}
	opts.Session = &ui.Session{User: m.name, Facilitator: m.facilitator, Room: room{h: s.hub, m: m}}
	root := ui.New(sessionStore{Store: s.cfg.Store, h: s.hub, m: m}, opts)
	m.pace = newPacer(s.cfg.FPS)
	paced := pacedModel{Model: root, pc: m.pace, prog: m.prog.Load}
	p := tea.NewProgram(paced, append(bm.MakeOptions(sess), tea.WithoutSignalHandler(), tea.WithFPS(s.cfg.FPS))...)
	m.prog.Store(p)
	return p
}

// refuseAgent is the session channel handler with agent forwarding (and
// X11) refused: the request is answered no instead of yes.
func refuseAgent(srv *ssh.Server, conn *gossh.ServerConn, newChan gossh.NewChannel, ctx ssh.Context) {
	ssh.DefaultSessionHandler(srv, conn, filteredChannel{newChan}, ctx)
}

type filteredChannel struct{ gossh.NewChannel }

func (c filteredChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := c.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go func() {
		defer close(out)
		for r := range reqs {
			switch r.Type {
			case "auth-agent-req@openssh.com", "x11-req":
				if r.WantReply {
					_ = r.Reply(false, nil)
				}
				continue
			}
			out <- r
		}
	}()
	return ch, out, nil
}

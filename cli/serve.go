package cli

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"journeymap/interchange"
	"journeymap/model"
	"journeymap/server"
	"journeymap/ui"
)

// serve runs a workshop: the interface served over SSH to everyone in the
// room, on one shared file, until ctrl+c.
func (c *cli) serve(args []string) error {
	flags := c.flagSet("serve", "[FILE] [--listen ADDR] [--allow AUTHORIZED_KEYS] [--facilitators AUTHORIZED_KEYS] [--max N]",
		`Run a workshop: everyone in the room joins FILE with plain ssh, using the room
code printed at start (or a key in --allow). Facilitators (the keys in
--facilitators, by default your own ~/.ssh/*.pub) run votes and follow mode and
may delete phases and maps. Stops, closing every session, on ctrl+c.`)
	listen := flags.String("listen", ":2222", "address to listen on; 127.0.0.1:2222 keeps it to this machine")
	allow := flags.String("allow", "", "authorized_keys file of participants' keys; given, only keys may join (no room code)")
	facs := flags.String("facilitators", "", "authorized_keys file of facilitators' keys (default: ~/.ssh/*.pub)")
	maxN := flags.Int("max", 50, "most sessions at once")
	idle := flags.Duration("idle", 2*time.Hour, "end a session idle this long")
	pos, err := parseArgs(flags, args)
	if err != nil {
		return err
	}
	file, err := optionalFile(pos, "serve")
	if err != nil {
		return err
	}
	if *maxN < 1 {
		return cmdUsagef("serve", "--max must be at least 1")
	}
	if *idle <= 0 {
		return cmdUsagef("serve", "--idle must be positive")
	}
	cfg := server.Config{Max: *maxN, IdleTimeout: *idle, FailDelay: 500 * time.Millisecond, Log: c.stderr}

	// Who may join, before anything is opened or created.
	facFrom := ""
	if *facs != "" {
		if cfg.Facilitators, err = server.ReadKeys(*facs); err != nil {
			return fmt.Errorf("--facilitators: %w", unwrapPathError(err))
		}
		facFrom = *facs
	} else {
		var used []string
		cfg.Facilitators, used = server.DefaultFacilitatorKeys(c.env("HOME"))
		facFrom = strings.Join(used, ", ")
	}
	if *allow != "" {
		if cfg.Allow, err = server.ReadKeys(*allow); err != nil {
			return fmt.Errorf("--allow: %w", unwrapPathError(err))
		}
	} else if cfg.Code, err = server.NewCode(); err != nil {
		return err
	}
	dataDir, err := dataDir(c.env)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return err
	}
	cfg.HostKeyPath = filepath.Join(dataDir, "ssh_host_ed25519")

	l, err := net.Listen("tcp", *listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *listen, err)
	}
	defer l.Close()

	// The one store of the whole server: every session shares it, and
	// nothing else in this process opens the file.
	st, err := c.open(file, false)
	if err != nil {
		return err
	}
	defer st.Close()
	if st.ReadOnly() {
		return fmt.Errorf("%s is read-only; a workshop needs to write to it", st.Path())
	}
	ts, tplErrs := interchange.Templates(interchange.UserTemplateDirEnv(c.env))
	uts := make([]ui.Template, len(ts))
	for i, t := range ts {
		uts[i] = ui.Template{Name: t.Name, Description: t.Description, Map: t.Map}
	}
	cfg.Store = st
	cfg.UI = ui.Options{Templates: uts, TemplateErrors: tplErrs, ExportFunc: exportWith(st.Path()), WriteFile: interchange.AtomicWriter(st.Path())}
	srv, err := server.New(cfg)
	if err != nil {
		return err
	}

	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	fmt.Fprintf(c.stdout, "Journeymap workshop on %s\n", oneLine(st.Path()))
	for _, h := range joinHosts(*listen) {
		fmt.Fprintf(c.stdout, "  join:       ssh -p %s YOURNAME@%s\n", port, h)
	}
	if cfg.Code != "" {
		fmt.Fprintf(c.stdout, "  room code:  %s\n", cfg.Code)
	} else {
		fmt.Fprintf(c.stdout, "  room code:  none: only the keys in %s (and facilitators) may join\n", oneLine(*allow))
	}
	if len(cfg.Facilitators) == 0 {
		fmt.Fprintln(c.stdout, "  facilitators: none (no ~/.ssh/*.pub; name keys with --facilitators)")
	} else {
		fmt.Fprintf(c.stdout, "  facilitators: %s from %s\n", model.Plural(len(cfg.Facilitators), "key"), oneLine(facFrom))
	}
	fmt.Fprintf(c.stdout, "  anyone who can reach port %s and has the code can join; ctrl+c ends the workshop\n", port)

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(stop)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(l) }()
	select {
	case err := <-served:
		srv.Close()
		return err
	case <-stop:
	}
	fmt.Fprintf(c.stderr, "journeymap: ending the workshop (%s)…\n", model.Plural(srv.Sessions(), "session"))
	err = srv.Close()
	if e := <-served; err == nil && e != nil && !errors.Is(e, net.ErrClosed) {
		err = e
	}
	return err
}

// dataDir is where the server keeps its host key: the user data directory.
func dataDir(env func(string) string) (string, error) {
	f, err := defaultFile(env)
	if err != nil {
		return "", err
	}
	return filepath.Dir(f), nil
}

// joinHosts are the addresses guests can type: the listen host, or this
// machine's LAN addresses when it listens on all of them.
func joinHosts(listen string) []string {
	host, _, err := net.SplitHostPort(listen)
	if err == nil && host != "" && host != "0.0.0.0" && host != "::" {
		return []string{host}
	}
	var out []string
	if addrs, err := net.InterfaceAddrs(); err == nil {
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil && !n.IP.IsLoopback() && !n.IP.IsLinkLocalUnicast() {
				out = append(out, n.IP.String())
			}
		}
	}
	if name, err := os.Hostname(); err == nil && name != "" {
		out = append(out, name+".local")
	}
	if len(out) == 0 {
		out = []string{"localhost"}
	}
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}

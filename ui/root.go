package ui

import (
	"fmt"
	"os"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"journeymap/model"
	"journeymap/ui/board"
	"journeymap/ui/finder"
	"journeymap/ui/home"
	"journeymap/ui/lanes"
)

// Below this size the board cannot be drawn usefully.
const (
	minWidth  = 40
	minHeight = 12
)

type screen int

const (
	screenHome screen = iota
	screenBoard
)

// Root is the one model of the interface. It routes every message: the
// messages of its own commands (loads, writes, the refresh tick) it handles
// itself; input goes to the top overlay if there is one, else to the
// screen. The rest lives beside it: loading maps (load.go), the editing
// session with undo and autosave (session.go), the screens' glue
// (homescreen.go, boardscreen.go), the overlays (overlay.go and overlay_*.go)
// and the frame (frame.go).
type Root struct {
	st     Store
	opts   Options
	keys   KeyMap
	styles *Styles // one set, shared by pointer with every overlay
	dir    string  // where exports go by default

	width, height int

	screen screen
	stack  []overlay // what covers the screen; the last one gets input

	home  home.Model
	board board.Model
	lanes lanes.Model
	// view is how the open map is viewed (cards or lanes…), kept per map.
	view model.ViewPrefs
	// searchIdx is the open map's search index, built when / first opens
	// and kept until the map changes.
	searchIdx *finder.MapIndex
	// searchStale says the map changed since searchIdx was built.
	searchStale bool
	tidy        tidy // hands freed memory back once the person pauses (tidy.go)
	maps        []model.MapSummary
	mp          *model.Map // the map on the board
	// resyncing is set from a failed write until the reload that follows it.
	resyncing bool

	shortHelp help.Model

	queue     saveQueue
	hist      history
	histMapID int64  // the map hist belongs to
	gen       uint64 // bumped by every local edit; stale loads compare it
	live      liveRefresh
	// selectNext is the map home selects when the list next arrives: the
	// copy just made, which is the one the user wants to rename or open.
	selectNext int64
	// vocab is what the file's other maps use (channels, labels, metric
	// names), loaded once when a map opens, so the editor suggests them too.
	vocab model.Vocabulary

	writeErr string // the last failed write, until a write succeeds
	note     string // what just happened ("undid: …")
	noteErr  bool
	quitting bool

	cache frameCache
	ws    workshop // a workshop guest's state (workshop.go)
}

// New returns the root model on st. Run uses it; tests drive it directly.
func New(st Store, opts Options) *Root {
	r := &Root{st: st, opts: opts, keys: DefaultKeyMap(), styles: &Styles{}, tidy: newTidy(opts.Tidy)}
	if opts.Tidy {
		r.st = roomyStore{Store: st, room: r.tidy.room}
		r.opts.ExportFunc = roomyExport(opts.ExportFunc, r.tidy.room)
	}
	r.dir, _ = os.Getwd()
	r.shortHelp = help.New()
	r.setStyles(DefaultStyles(true))
	r.home = home.New(r.styles.sub.Home)
	r.board = board.New(r.styles.sub.Board)
	r.lanes = lanes.New(r.styles.sub.Lanes)
	if opts.Warning != "" {
		r.setNote(opts.Warning, true)
	} else if len(opts.TemplateErrors) > 0 {
		r.setNote(fmt.Sprintf("%d template(s) skipped: %s", len(opts.TemplateErrors),
			firstLine(opts.TemplateErrors[0].Error())), true)
	}
	return r
}

// setStyles replaces the shared styles in place, so every overlay holding
// the pointer draws with the new ones, and hands the screens their part.
func (r *Root) setStyles(s Styles) {
	*r.styles = s
	r.cache = frameCache{}
	r.shortHelp.Styles = s.Help
	r.board.SetStyles(s.sub.Board)
	r.lanes.SetStyles(s.sub.Lanes)
	r.home.SetStyles(s.sub.Home)
	r.restyleOverlays()
}

func (r *Root) setNote(s string, isErr bool) { r.note, r.noteErr = s, isErr }

// Init asks for the background colour, the list of maps and the file's data
// version, and starts the refresh ticker.
func (r *Root) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, r.listMaps(), dataVersionCmd(r.st), r.liveTick())
}

// Update routes a message: first the messages the root always handles
// itself, then input to the top overlay, or to the screen when none is open.
func (r *Root) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := r.route(msg)
	if t := r.tidy.after(msg); t != nil {
		cmd = tea.Batch(cmd, t)
	}
	return r, cmd
}

func (r *Root) route(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		r.width, r.height = msg.Width, msg.Height
		r.shortHelp.SetWidth(max(0, msg.Width))
		r.lanes.SetSize(msg.Width, max(0, msg.Height-2))
		return nil
	case tea.BackgroundColorMsg:
		r.setStyles(DefaultStyles(msg.IsDark()))
		return nil
	case tea.KeyPressMsg:
		if r.keys.ForceQuit.matches(msg) {
			return r.quit(true)
		}
	case viewSavedMsg:
		if msg.err != nil {
			r.setNote("the view was not kept: "+firstLine(msg.err.Error()), true)
		}
		return nil
	case writeDoneMsg:
		return r.writeDone(msg)
	case retryWriteMsg:
		return r.queue.next(r.st)
	case refreshTickMsg:
		cmds := []tea.Cmd{refreshTick()}
		if !r.live.asking {
			r.live.asking = true
			cmds = append(cmds, dataVersionCmd(r.st))
		}
		return tea.Batch(cmds...)
	case dataVersionMsg:
		r.live.asking = false
		if msg.err != nil || !r.live.changed(msg.version) {
			return nil
		}
		if r.busy() {
			r.live.deferred = true
			return nil
		}
		return r.reload()
	case mapsLoadedMsg, mapLoadedMsg, vocabMsg, mapCreatedMsg, mapActionMsg, allMapsMsg:
		return r.loaded(msg)
	case roomMsg:
		return r.roomUpdate(msg)
	}

	if r.width < minWidth || r.height < minHeight {
		// Nothing is drawn that could be clicked or typed into, so input
		// is dropped; results of commands still in flight are not.
		switch msg := msg.(type) {
		case tea.KeyPressMsg:
			if r.keys.Quit.matches(msg) && r.top() == nil && r.screen == screenHome {
				return r.quit(false)
			}
			return nil
		case tea.MouseMsg, tea.PasteMsg:
			return nil
		}
	}

	if o := r.top(); o != nil {
		return r.updateOverlay(o, msg)
	}
	if r.screen == screenHome {
		return r.updateHome(msg)
	}
	return r.updateBoard(msg)
}

// busy reports whether a reload must wait: our own writes are still on
// their way, and the file does not hold them yet. Open dialogs never hold a
// reload back: each follows its item by ID.
func (r *Root) busy() bool { return r.queue.busy() }

// reload re-reads what is on screen after another process changed the file.
func (r *Root) reload() tea.Cmd {
	r.live.deferred = false
	if r.screen == screenBoard && r.mp != nil {
		return tea.Batch(r.listMaps(), r.loadMap(r.mp.ID, loadOutside, 0))
	}
	return r.listMaps()
}

func (r *Root) quit(force bool) tea.Cmd {
	if r.quitting && force {
		return tea.Quit // second ctrl+c: the user really means it
	}
	if force && r.unsavedInput() {
		// Something typed but not saved: ask, and let a second ctrl+c
		// mean yes.
		r.quitting = true
		r.openConfirm("Quit and lose what you typed? y/n (ctrl+c again quits)", func(r *Root) tea.Cmd { return tea.Quit })
		return nil
	}
	r.quitting = true
	if r.queue.busy() {
		r.setNote("saving before quitting…", false)
		return nil
	}
	return tea.Quit
}

package ui

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"journeymap/model"
	"journeymap/ui/board"
	"journeymap/ui/editor"
	"journeymap/ui/exportdlg"
	"journeymap/ui/finder"
	"journeymap/ui/home"
	"journeymap/ui/insights"
	"journeymap/ui/present"
	"journeymap/ui/theme"
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

// overlay is what covers the current screen, if anything. One at a time.
type overlay int

const (
	overNone overlay = iota
	overPrompt
	overEditor
	overConfirm
	overFinder
	overInsights
	overPresent
	overExport
	overHelp
)

// editTarget says what the open editor form will change when saved.
type editTarget int

const (
	editTouchpoint editTarget = iota
	editPhase
	editNewMap
	editMapInfo
)

// loadPurpose says what to do with a map once it is loaded.
type loadPurpose int

const (
	loadOpen    loadPurpose = iota // open it on the board, fresh history
	loadRefresh                    // replace the open map, keep selection and history
	loadOutside                    // like loadRefresh, after another process changed the file
	loadReset                      // replace after a failed write: history no longer lines up
	loadForEdit                    // open the map-info editor from home
)

// Messages from the root's own commands.
type (
	mapsLoadedMsg struct {
		maps []model.MapSummary
		err  error
	}
	mapLoadedMsg struct {
		m       *model.Map
		id      int64
		err     error
		purpose loadPurpose
		gen     uint64
		sel     *model.Ref // select this touchpoint once open
	}
	mapCreatedMsg struct {
		id  int64
		err error
	}
	// vocabMsg carries what the file's other maps use, for suggestions.
	vocabMsg struct {
		mapID int64
		vocab fileVocab
	}
	mapActionMsg struct {
		note     string
		err      error
		selectID int64 // the map to select once the list is back (a new copy)
	}
	allMapsMsg struct {
		maps []*model.Map
		err  error
	}
)

// mapRef addresses a touchpoint in any map of the file (search across maps).
type mapRef struct {
	MapID int64
	Ref   model.Ref
}

// Root is the one model of the interface. It owns every screen and overlay,
// the undo history, the autosave queue and the live refresh.
type Root struct {
	st     Store
	opts   Options
	keys   KeyMap
	styles Styles
	dir    string // where exports go by default

	width, height int

	screen  screen
	overlay overlay

	home  home.Model
	board board.Model
	maps  []model.MapSummary
	mp    *model.Map // the map on the board
	// mapSeq counts replacements of mp by a load, so a dialog can tell
	// whether positions it remembered still mean the same rows.
	mapSeq int
	// resyncing is set from a failed write until the reload that follows it.
	resyncing bool

	prompt     prompt
	editor     editor.Model
	editTarget editTarget
	editRef    target     // what the open editor saves to
	editMap    *model.Map // the map whose info is edited from home
	confirm    confirmDialog
	finder     finder.Model
	insights   insights.Model
	present    present.Model
	export     exportdlg.Model
	fullHelp   fullHelp
	shortHelp  help.Model

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
	vocab fileVocab

	writeErr string // the last failed write, until a write succeeds
	note     string // what just happened ("undid: …")
	noteErr  bool
	quitting bool

	cache frameCache
}

// New returns the root model on st. Run uses it; tests drive it directly.
func New(st Store, opts Options) *Root {
	r := &Root{st: st, opts: opts, keys: DefaultKeyMap()}
	r.dir, _ = os.Getwd()
	r.shortHelp = help.New()
	r.setStyles(DefaultStyles(true))
	r.home = home.New(r.styles.sub.Home)
	r.board = board.New(r.styles.sub.Board)
	if len(opts.TemplateErrors) > 0 {
		r.setNote(fmt.Sprintf("%d template(s) skipped: %s", len(opts.TemplateErrors),
			firstLine(opts.TemplateErrors[0].Error())), true)
	}
	return r
}

func (r *Root) setStyles(s Styles) {
	r.styles = s
	r.cache = frameCache{}
	r.shortHelp.Styles = s.Help
	r.board.SetStyles(s.sub.Board)
	r.home.SetStyles(s.sub.Home)
}

func (r *Root) setNote(s string, isErr bool) { r.note, r.noteErr = s, isErr }

// Init asks for the background colour, the list of maps and the file's data
// version, and starts the refresh ticker.
func (r *Root) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, r.listMaps(), dataVersionCmd(r.st), refreshTick())
}

// Update routes a message to whatever has the focus, after the messages the
// root always handles itself.
func (r *Root) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		r.width, r.height = msg.Width, msg.Height
		r.shortHelp.SetWidth(max(0, msg.Width))
		return r, nil
	case tea.BackgroundColorMsg:
		r.setStyles(DefaultStyles(msg.IsDark()))
		r.restyleOverlays()
		return r, nil
	case tea.KeyPressMsg:
		if key.Matches(msg, r.keys.ForceQuit) {
			return r, r.quit(true)
		}
	case writeDoneMsg:
		return r, r.writeDone(msg)
	case refreshTickMsg:
		cmds := []tea.Cmd{refreshTick()}
		if !r.live.asking {
			r.live.asking = true
			cmds = append(cmds, dataVersionCmd(r.st))
		}
		return r, tea.Batch(cmds...)
	case dataVersionMsg:
		r.live.asking = false
		if msg.err != nil || !r.live.changed(msg.version) {
			return r, nil
		}
		if r.busy() {
			r.live.deferred = true
			return r, nil
		}
		return r, r.reload()
	case mapsLoadedMsg:
		if msg.err != nil {
			r.setNote("could not list maps: "+firstLine(msg.err.Error()), true)
			return r, nil
		}
		r.maps = msg.maps
		r.home.SetMaps(msg.maps)
		switch {
		case r.selectNext != 0:
			r.home.Select(r.selectNext)
			r.selectNext = 0
		case r.mp != nil:
			r.home.Select(r.mp.ID)
		}
		return r, nil
	case mapLoadedMsg:
		return r, r.mapLoaded(msg)
	case vocabMsg:
		if r.mp != nil && r.mp.ID == msg.mapID {
			r.vocab = msg.vocab
		}
		return r, nil
	case mapCreatedMsg:
		if msg.err != nil {
			r.setNote("could not create the map: "+firstLine(msg.err.Error()), true)
			return r, r.listMaps()
		}
		r.queue.committed++
		return r, tea.Batch(r.listMaps(), r.loadMap(msg.id, loadOpen, nil))
	case mapActionMsg:
		if msg.err != nil {
			r.setNote(firstLine(msg.err.Error()), true)
		} else {
			r.queue.committed++
			r.setNote(msg.note, false)
			r.selectNext = msg.selectID
		}
		return r, r.listMaps()
	case allMapsMsg:
		if !r.atRestOnHome() {
			return r, nil // the user moved on while the maps loaded
		}
		if msg.err != nil {
			r.setNote("could not search: "+firstLine(msg.err.Error()), true)
			return r, nil
		}
		r.openFinder("Search all maps", allMapItems(msg.maps))
		return r, nil
	}

	if r.width < minWidth || r.height < minHeight {
		// Nothing is drawn that could be clicked or typed into, so input
		// is dropped; results of commands still in flight are not.
		switch msg := msg.(type) {
		case tea.KeyPressMsg:
			if msg.String() == "q" && r.overlay == overNone && r.screen == screenHome {
				return r, r.quit(false)
			}
			return r, nil
		case tea.MouseMsg, tea.PasteMsg:
			return r, nil
		}
	}

	switch r.overlay {
	case overPrompt:
		return r, r.updatePrompt(msg)
	case overEditor:
		return r, r.updateEditor(msg)
	case overConfirm:
		return r, r.updateConfirm(msg)
	case overFinder:
		return r, r.updateFinder(msg)
	case overInsights:
		return r, r.updateInsights(msg)
	case overPresent:
		return r, r.updatePresent(msg)
	case overExport:
		return r, r.updateExport(msg)
	case overHelp:
		if _, ok := msg.(tea.KeyPressMsg); ok {
			var done bool
			r.fullHelp, done = r.fullHelp.Update(msg)
			if done {
				r.overlay = overNone
			}
		}
		return r, nil
	}
	if r.screen == screenHome {
		return r, r.updateHome(msg)
	}
	return r, r.updateBoard(msg)
}

// busy reports whether a reload now would pull the ground from under the
// user: a form or prompt is open, or our own writes are still pending.
func (r *Root) busy() bool {
	switch r.overlay {
	case overPrompt, overEditor, overConfirm, overExport, overFinder:
		return true
	}
	return r.queue.busy()
}

// reload re-reads what is on screen after another process changed the file.
func (r *Root) reload() tea.Cmd {
	r.live.deferred = false
	if r.screen == screenBoard && r.mp != nil {
		return tea.Batch(r.listMaps(), r.loadMap(r.mp.ID, loadOutside, nil))
	}
	return r.listMaps()
}

// closeOverlay returns to the screen below and catches up on a change that
// arrived meanwhile.
func (r *Root) closeOverlay() tea.Cmd {
	r.overlay = overNone
	if r.live.deferred && !r.busy() {
		return r.reload()
	}
	return nil
}

func (r *Root) quit(force bool) tea.Cmd {
	if r.quitting && force {
		return tea.Quit // second ctrl+c: the user really means it
	}
	r.quitting = true
	if r.queue.busy() {
		r.setNote("saving before quitting…", false)
		return nil
	}
	return tea.Quit
}

// ---- loading ----

func (r *Root) listMaps() tea.Cmd {
	st := r.st
	return func() tea.Msg {
		ms, err := st.ListMaps()
		return mapsLoadedMsg{maps: ms, err: err}
	}
}

func (r *Root) loadMap(id int64, purpose loadPurpose, sel *model.Ref) tea.Cmd {
	st, gen := r.st, r.gen
	return func() tea.Msg {
		m, err := st.LoadMap(id)
		return mapLoadedMsg{m: m, id: id, err: err, purpose: purpose, gen: gen, sel: sel}
	}
}

func (r *Root) mapLoaded(msg mapLoadedMsg) tea.Cmd {
	if msg.purpose == loadReset {
		r.resyncing = false
	}
	if msg.err != nil {
		switch msg.purpose {
		case loadRefresh, loadOutside, loadReset:
			if r.screen == screenBoard && r.mp != nil && r.mp.ID == msg.id {
				// The map went away under us (deleted elsewhere).
				r.screen, r.overlay, r.mp = screenHome, overNone, nil
				r.hist.reset()
				r.setNote("the map is no longer in the file", true)
			}
		default:
			r.setNote("could not open the map: "+firstLine(msg.err.Error()), true)
		}
		return r.listMaps()
	}
	if (msg.purpose == loadOpen || msg.purpose == loadForEdit) && !r.atRestOnHome() {
		return nil // the user moved on while the map loaded
	}
	switch msg.purpose {
	case loadOpen:
		if r.histMapID != msg.m.ID {
			r.hist.reset()
			r.histMapID = msg.m.ID
		}
		r.mp = msg.m
		r.mapSeq++
		r.screen, r.overlay = screenBoard, overNone
		r.board.SetMap(r.mp)
		r.board.Select(board.Selection{Phase: 0, Index: -1})
		if len(r.mp.Phases) > 0 && len(r.mp.Phases[0].Touchpoints) > 0 {
			r.board.Select(board.Selection{Phase: 0, Index: 0})
		}
		if msg.sel != nil {
			r.board.Select(board.Selection{Phase: msg.sel.Phase, Index: msg.sel.Index})
		}
		r.setNote("", false)
		r.vocab = fileVocab{}
		return r.loadVocab(msg.m.ID)
	case loadRefresh, loadOutside:
		if r.screen != screenBoard || r.mp == nil || r.mp.ID != msg.id || msg.gen != r.gen {
			return nil // stale: the user changed something since it was asked for
		}
		if msg.purpose == loadOutside && (r.hist.canUndo() || r.hist.canRedo()) {
			// Undo addresses rows by position; after someone else's change
			// those positions may name other rows, so the history goes.
			if fingerprint(msg.m) != fingerprint(r.mp) {
				r.hist.reset()
				r.setNote("updated from another window", false)
			}
		}
		r.replaceMap(msg.m)
	case loadReset:
		if r.mp == nil || r.mp.ID != msg.id {
			return nil
		}
		r.hist.reset()
		r.replaceMap(msg.m)
	case loadForEdit:
		r.editMap = msg.m
		r.openEditor(editMapInfo, editor.NewMap(msg.m.MapInfo, nil, r.styles.sub.Editor))
	}
	return nil
}

// replaceMap swaps in a freshly loaded copy of the open map and keeps the
// selection on the same phase or touchpoint, found by ID, when it still
// exists; otherwise the board clamps the old position.
func (r *Root) replaceMap(m *model.Map) {
	sel := r.board.Selection()
	var tpID, phID int64
	if sel.Phase >= 0 && sel.Phase < len(r.mp.Phases) {
		phID = r.mp.Phases[sel.Phase].ID
		if t, ok := r.mp.Touchpoint(model.Ref{Phase: sel.Phase, Index: sel.Index}); ok {
			tpID = t.ID
		}
	}
	if fingerprint(m) != fingerprint(r.mp) {
		r.mapSeq++ // positions may now name other rows
	}
	r.mp = m
	r.board.SetMap(m)
	next := sel
	if tpID != 0 {
		for pi, p := range m.Phases {
			for ti, t := range p.Touchpoints {
				if t.ID == tpID {
					next = board.Selection{Phase: pi, Index: ti}
				}
			}
		}
	} else if phID != 0 && sel.Index < 0 {
		for pi, p := range m.Phases {
			if p.ID == phID {
				next = board.Selection{Phase: pi, Index: -1}
			}
		}
	}
	r.board.Select(next)
	// A projector in presentation mode or an insights panel follows along.
	switch r.overlay {
	case overPresent:
		r.present.SetMap(m)
	case overInsights:
		r.insights = insights.New(model.Insights(m), m, r.styles.sub.Insights)
	}
}

// atRestOnHome reports whether the home screen shows with nothing over it:
// the only state in which a map opened from home may take over the screen.
func (r *Root) atRestOnHome() bool { return r.screen == screenHome && r.overlay == overNone }

// ---- edits ----

// target remembers the phase or touchpoint a form or a confirmation is about.
// Positions can shift under an open dialog (a reload after a failed write
// replaces the map), so it is found again by ID when it has one; an item
// not yet saved (ID 0) keeps its position only while the map was not
// replaced.
type target struct {
	ref     model.Ref // Index -1: the phase itself
	id      int64     // touchpoint ID, or phase ID when ref.Index is -1
	mapSeq  int       // r.mapSeq when the target was taken
	isPhase bool
}

func (r *Root) targetAt(sel board.Selection) target {
	t := target{ref: model.Ref{Phase: sel.Phase, Index: sel.Index}, mapSeq: r.mapSeq, isPhase: sel.Index < 0}
	if t.isPhase {
		if sel.Phase >= 0 && sel.Phase < len(r.mp.Phases) {
			t.id = r.mp.Phases[sel.Phase].ID
		}
	} else if tp, ok := r.mp.Touchpoint(t.ref); ok {
		t.id = tp.ID
	}
	return t
}

// resolve finds where t is now, or says it is gone.
func (r *Root) resolve(t target) (model.Ref, bool) {
	if t.id == 0 || t.mapSeq == r.mapSeq {
		return t.ref, t.mapSeq == r.mapSeq
	}
	for pi, p := range r.mp.Phases {
		if t.isPhase {
			if p.ID == t.id {
				return model.Ref{Phase: pi, Index: -1}, true
			}
			continue
		}
		for ti, tp := range p.Touchpoints {
			if tp.ID == t.id {
				return model.Ref{Phase: pi, Index: ti}, true
			}
		}
	}
	return model.Ref{}, false
}

// doAt builds an edit for wherever t is now and applies it; if t is gone the
// change is refused rather than landing on whatever took its place.
func (r *Root) doAt(t target, build func(model.Ref) model.Edit) tea.Cmd {
	ref, ok := r.resolve(t)
	if !ok {
		r.setNote("it changed meanwhile (the map was reloaded): nothing saved", true)
		return nil
	}
	return r.do(build(ref))
}

// refuseEdit says why no edit can be made now, if one can't.
func (r *Root) refuseEdit() bool {
	switch {
	case r.st.ReadOnly():
		r.setNote("the file is read-only: nothing can be changed", true)
	case r.resyncing:
		// Positions in the screen's map may name rows the file doesn't have
		// until the reload after a failed write lands.
		r.setNote("reloading the file after a failed save: try again in a moment", true)
	default:
		return false
	}
	return true
}

// do applies a fresh edit to the open map, records it for undo and queues
// it for the file.
func (r *Root) do(e model.Edit) tea.Cmd {
	if r.mp == nil || r.refuseEdit() {
		return nil
	}
	if err := e.Apply(r.mp); err != nil {
		r.setNote(firstLine(err.Error()), true)
		return nil
	}
	r.hist.push(e)
	r.histMapID = r.mp.ID
	r.setNote("", false)
	if what, ok := strings.CutPrefix(e.Describe(), "delete "); ok {
		// A room deletes in a hurry: say what went and how to get it back.
		r.setNote("deleted "+theme.Fit(what, 48)+" · u undoes", false)
	}
	return r.commit(e)
}

// commit shows an applied edit and queues it for the file.
func (r *Root) commit(e model.Edit) tea.Cmd {
	r.gen++
	r.board.SetMap(r.mp)
	if s, ok := selectionAfter(e, r.mp); ok {
		r.board.Select(s)
	}
	return r.queue.enqueue(r.st, r.mp.ID, e)
}

func (r *Root) undo() tea.Cmd { return r.replay(r.hist.undoTo, "undid: ") }

func (r *Root) redo() tea.Cmd { return r.replay(r.hist.redoTo, "redid: ") }

// replay applies the next undo or redo step and queues it like any edit.
func (r *Root) replay(step func(*model.Map) (model.Edit, string, error), verb string) tea.Cmd {
	if r.mp == nil || r.refuseEdit() {
		return nil
	}
	e, what, err := step(r.mp)
	if err != nil {
		r.setNote(firstLine(err.Error()), true)
		return nil
	}
	r.setNote(verb+what, false)
	return r.commit(e)
}

// selectionAfter says where the selection belongs once e was applied, so
// undo and redo show what they changed.
func selectionAfter(e model.Edit, m *model.Map) (board.Selection, bool) {
	clampTP := func(p, i int) board.Selection {
		if p < 0 || p >= len(m.Phases) {
			return board.Selection{Phase: max(0, len(m.Phases)-1), Index: -1}
		}
		n := len(m.Phases[p].Touchpoints)
		if n == 0 {
			return board.Selection{Phase: p, Index: -1}
		}
		return board.Selection{Phase: p, Index: min(max(i, 0), n-1)}
	}
	switch e := e.(type) {
	case *model.InsertTouchpoint:
		return board.Selection{Phase: e.Phase, Index: e.Index}, true
	case *model.UpdateTouchpoint:
		return board.Selection{Phase: e.Phase, Index: e.Index}, true
	case *model.DeleteTouchpoint:
		return clampTP(e.Phase, e.Index), true
	case *model.MoveTouchpoint:
		return board.Selection{Phase: e.To.Phase, Index: e.To.Index}, true
	case *model.InsertPhase:
		return board.Selection{Phase: e.Index, Index: -1}, true
	case *model.UpdatePhase:
		return board.Selection{Phase: e.Index, Index: -1}, true
	case *model.DeletePhase:
		return board.Selection{Phase: min(e.Index, max(0, len(m.Phases)-1)), Index: -1}, true
	case *model.MovePhase:
		return board.Selection{Phase: e.To, Index: -1}, true
	}
	return board.Selection{}, false
}

// writeDone takes the result of the write in flight.
func (r *Root) writeDone(msg writeDoneMsg) tea.Cmd {
	next := r.queue.done(r.st, msg)
	if msg.err != nil {
		r.writeErr = "not saved: " + firstLine(msg.err.Error())
		r.setNote("", false)
		r.hist.reset()
		// Stay open so the user sees what was not saved; a second ctrl+c
		// still leaves at once.
		r.quitting = false
		// Whatever was queued after the failed edit was built on it; the file
		// is the truth now, so show exactly what it holds, and take no edits
		// until it is back.
		if r.screen == screenBoard && r.mp != nil && r.mp.ID == msg.mapID {
			r.resyncing = true
			return r.loadMap(msg.mapID, loadReset, nil)
		}
		return r.listMaps()
	}
	r.writeErr = ""
	if next != nil {
		return next
	}
	if r.quitting {
		return tea.Quit
	}
	// Drained: pick up the IDs storage assigned and anything deferred.
	r.live.deferred = false
	if r.screen == screenBoard && r.mp != nil {
		// loadOutside, not loadRefresh: a change another process made while
		// our writes were queued arrives with this load and must clear the
		// positional undo history.
		return tea.Batch(r.listMaps(), r.loadMap(r.mp.ID, loadOutside, nil))
	}
	return r.listMaps()
}

// ---- home ----

func (r *Root) updateHome(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && !r.home.Filtering() {
		if key.Matches(k, r.keys.Help) {
			r.openHelp()
			return nil
		}
	}
	switch msg := msg.(type) {
	case home.OpenMsg:
		return r.loadMap(msg.ID, loadOpen, nil)
	case home.NewMsg:
		if r.refuseEdit() {
			return nil
		}
		names := make([]string, 0, len(r.opts.Templates))
		for _, t := range r.opts.Templates {
			names = append(names, t.Name)
		}
		if len(names) == 0 {
			names = []string{"Blank"}
		}
		r.openEditor(editNewMap, editor.NewMap(model.MapInfo{}, names, r.styles.sub.Editor))
		return nil
	case home.EditMsg:
		return r.loadMap(msg.ID, loadForEdit, nil)
	case home.DuplicateMsg:
		s, ok := r.summary(msg.ID)
		if !ok || r.refuseEdit() {
			return nil
		}
		st := r.st
		return func() tea.Msg {
			id, err := st.DuplicateMap(s.ID, s.Title+" (copy)")
			return mapActionMsg{note: "duplicated " + s.Title, err: err, selectID: id}
		}
	case home.DeleteMsg:
		s, ok := r.summary(msg.ID)
		if !ok {
			return nil
		}
		if r.refuseEdit() {
			return nil
		}
		q := fmt.Sprintf("Delete map %s with %s and %s? y/n", theme.Clean(s.Title),
			plural(s.Phases, "phase", "phases"), plural(s.Touchpoints, "touchpoint", "touchpoints"))
		r.openConfirm(q, func(r *Root) tea.Cmd {
			st := r.st
			if r.histMapID == s.ID {
				r.hist.reset()
			}
			return func() tea.Msg {
				return mapActionMsg{note: "deleted " + s.Title, err: st.DeleteMap(s.ID)}
			}
		})
		return nil
	case home.SearchAllMsg:
		st := r.st
		return func() tea.Msg {
			list, err := st.ListMaps()
			if err != nil {
				return allMapsMsg{err: err}
			}
			var maps []*model.Map
			for _, s := range list {
				m, err := st.LoadMap(s.ID)
				if err != nil {
					return allMapsMsg{err: err}
				}
				maps = append(maps, m)
			}
			return allMapsMsg{maps: maps}
		}
	case home.QuitMsg:
		return r.quit(false)
	}
	var cmd tea.Cmd
	r.home, cmd = r.home.Update(msg)
	return cmd
}

func (r *Root) summary(id int64) (model.MapSummary, bool) {
	for _, s := range r.maps {
		if s.ID == id {
			return s, true
		}
	}
	return model.MapSummary{}, false
}

// createMap starts a new map from the chosen template with the typed info.
func (r *Root) createMap(info model.MapInfo, template string) tea.Cmd {
	m := &model.Map{}
	for _, t := range r.opts.Templates {
		if strings.EqualFold(t.Name, template) && t.Map != nil {
			m = t.Map.Clone()
		}
	}
	m.ID = 0
	// What the user left blank keeps the template's text: its example
	// touchpoints speak of its persona and goal.
	if info.Persona.Name == "" && info.Persona.Description == "" {
		info.Persona = m.Persona
	}
	if info.Goal == "" {
		info.Goal = m.Goal
	}
	if info.Notes == "" {
		info.Notes = m.Notes
	}
	m.MapInfo = info
	for pi := range m.Phases {
		m.Phases[pi].ID = 0
		for ti := range m.Phases[pi].Touchpoints {
			m.Phases[pi].Touchpoints[ti].ID = 0
		}
	}
	st := r.st
	return func() tea.Msg {
		id, err := st.CreateMap(m)
		return mapCreatedMsg{id: id, err: err}
	}
}

// ---- board ----

func (r *Root) updateBoard(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return r.boardKey(msg)
	}
	// The board starts at the screen's top row, so mouse positions need no
	// translation.
	var cmd tea.Cmd
	r.board, cmd = r.board.Update(msg)
	return cmd
}

func (r *Root) boardKey(k tea.KeyPressMsg) tea.Cmd {
	km := r.keys
	sel := r.board.Selection()
	m := r.mp
	hasPhase := sel.Phase >= 0 && sel.Phase < len(m.Phases)
	tp, hasTP := m.Touchpoint(model.Ref{Phase: sel.Phase, Index: sel.Index})
	if key.Matches(k, km.Capture, km.NewPhase, km.Delete) && r.refuseEdit() {
		// Say so before the user types into a prompt or answers a question
		// whose answer could never be saved. The editor still opens: it is
		// also the only place to read every field.
		return nil
	}
	switch {
	case key.Matches(k, km.Help):
		r.openHelp()
		return nil
	case key.Matches(k, km.Quit), key.Matches(k, km.Back):
		r.screen = screenHome
		r.setNote("", false)
		r.home.Select(m.ID)
		return r.listMaps()
	case key.Matches(k, km.Undo):
		return r.undo()
	case key.Matches(k, km.Redo):
		return r.redo()
	case key.Matches(k, km.Capture):
		if !hasPhase {
			r.setNote("add a phase first (p)", true)
			return nil
		}
		title := "Add touchpoints to " + theme.Clean(m.Phases[sel.Phase].Name)
		var cmd tea.Cmd
		r.prompt, cmd = newPrompt(promptCapture, title, "touchpoint name", r.styles.Input)
		r.overlay = overPrompt
		return cmd
	case key.Matches(k, km.NewPhase):
		var cmd tea.Cmd
		r.prompt, cmd = newPrompt(promptPhase, "New phase", "phase name", r.styles.Input)
		r.overlay = overPrompt
		return cmd
	case key.Matches(k, km.Edit):
		switch {
		case hasTP:
			r.editRef = r.targetAt(sel)
			r.openEditor(editTouchpoint, editor.NewTouchpoint(tp.Clone(), suggestions(m, r.vocab), r.styles.sub.Editor))
		case hasPhase:
			r.editRef = r.targetAt(board.Selection{Phase: sel.Phase, Index: -1})
			r.openEditor(editPhase, editor.NewPhase(m.Phases[sel.Phase].Clone(), r.styles.sub.Editor))
		}
		return nil
	case key.Matches(k, km.EditMap):
		r.editMap = nil
		r.openEditor(editMapInfo, editor.NewMap(m.MapInfo, nil, r.styles.sub.Editor))
		return nil
	case key.Matches(k, km.Delete):
		switch {
		case hasTP:
			at := r.targetAt(sel)
			r.openConfirm(fmt.Sprintf("Delete touchpoint %s? y/n", theme.Clean(tp.Name)), func(r *Root) tea.Cmd {
				return r.doAt(at, func(ref model.Ref) model.Edit {
					return &model.DeleteTouchpoint{Phase: ref.Phase, Index: ref.Index}
				})
			})
		case hasPhase:
			p := m.Phases[sel.Phase]
			at := r.targetAt(board.Selection{Phase: sel.Phase, Index: -1})
			r.openConfirm(fmt.Sprintf("Delete phase %s and its %s? y/n", theme.Clean(p.Name),
				plural(len(p.Touchpoints), "touchpoint", "touchpoints")), func(r *Root) tea.Cmd {
				return r.doAt(at, func(ref model.Ref) model.Edit { return &model.DeletePhase{Index: ref.Phase} })
			})
		}
		return nil
	case key.Matches(k, km.MoveLeft), key.Matches(k, km.MoveRight),
		key.Matches(k, km.MoveUp), key.Matches(k, km.MoveDown):
		return r.move(k, sel, hasPhase, hasTP)
	case key.Matches(k, km.Search):
		r.openFinder("Search "+theme.Clean(m.Title), finder.TouchpointItems(m))
		return nil
	case key.Matches(k, km.Insights):
		r.insights = insights.New(model.Insights(m), m, r.styles.sub.Insights)
		r.overlay = overInsights
		return nil
	case key.Matches(k, km.Present):
		r.present = present.New(m, max(0, sel.Phase), r.styles.sub.Present)
		r.overlay = overPresent
		return nil
	case key.Matches(k, km.Export):
		if r.opts.ExportFunc == nil || r.opts.WriteFile == nil {
			r.setNote("export is not available", true)
			return nil
		}
		r.export = exportdlg.New(m, r.dir, r.opts.ExportFunc, r.opts.WriteFile, r.styles.sub.Export)
		r.overlay = overExport
		return nil
	}
	var cmd tea.Cmd
	r.board, cmd = r.board.Update(k)
	return cmd
}

// move turns H/L/K/J into a move edit: a touchpoint across phases (H/L) or
// within its phase (K/J); a selected phase among the phases.
func (r *Root) move(k tea.KeyPressMsg, sel board.Selection, hasPhase, hasTP bool) tea.Cmd {
	km, m := r.keys, r.mp
	switch {
	case hasTP:
		from := model.Ref{Phase: sel.Phase, Index: sel.Index}
		to := from
		switch {
		case key.Matches(k, km.MoveLeft), key.Matches(k, km.MoveRight):
			d := -1
			if key.Matches(k, km.MoveRight) {
				d = 1
			}
			to.Phase += d
			if to.Phase < 0 || to.Phase >= len(m.Phases) {
				return nil
			}
			to.Index = min(from.Index, len(m.Phases[to.Phase].Touchpoints))
		case key.Matches(k, km.MoveUp):
			to.Index--
		default:
			to.Index++
		}
		if to.Index < 0 || (to.Phase == from.Phase && to.Index >= len(m.Phases[from.Phase].Touchpoints)) {
			return nil
		}
		return r.do(&model.MoveTouchpoint{From: from, To: to})
	case hasPhase:
		to := sel.Phase + 1
		if key.Matches(k, km.MoveLeft) || key.Matches(k, km.MoveUp) {
			to = sel.Phase - 1
		}
		if to < 0 || to >= len(m.Phases) {
			return nil
		}
		return r.do(&model.MovePhase{From: sel.Phase, To: to})
	}
	return nil
}

// fileVocab is what a set of maps uses, each list most used first.
type fileVocab struct{ channels, labels, metrics []string }

// vocabOf counts the channels, emotion labels and metric names maps use.
func vocabOf(maps ...*model.Map) fileVocab {
	count := func(collect func(add func(string))) []string {
		n := map[string]int{}
		var order []string
		collect(func(s string) {
			s = strings.TrimSpace(s)
			if s == "" {
				return
			}
			if n[s] == 0 {
				order = append(order, s)
			}
			n[s]++
		})
		// Stable sort by use, most used first.
		sort.SliceStable(order, func(i, j int) bool { return n[order[i]] > n[order[j]] })
		return order
	}
	each := func(f func(t *model.Touchpoint)) {
		for _, m := range maps {
			for pi := range m.Phases {
				for ti := range m.Phases[pi].Touchpoints {
					f(&m.Phases[pi].Touchpoints[ti])
				}
			}
		}
	}
	return fileVocab{
		channels: count(func(add func(string)) { each(func(t *model.Touchpoint) { add(t.Channel) }) }),
		labels: count(func(add func(string)) {
			each(func(t *model.Touchpoint) {
				for _, l := range t.Emotion.Labels {
					add(l)
				}
			})
		}),
		metrics: count(func(add func(string)) {
			each(func(t *model.Touchpoint) {
				for _, x := range t.Metrics {
					add(x.Name)
				}
			})
		}),
	}
}

// loadVocab reads the file's other maps in the background for what they
// use; the open map's own words are counted when the editor opens.
func (r *Root) loadVocab(openID int64) tea.Cmd {
	st := r.st
	return func() tea.Msg {
		list, err := st.ListMaps()
		if err != nil {
			return nil // suggestions then come from this map and the built-in lists
		}
		var maps []*model.Map
		for _, s := range list {
			if s.ID == openID {
				continue
			}
			if m, err := st.LoadMap(s.ID); err == nil {
				maps = append(maps, m)
			}
		}
		return vocabMsg{mapID: openID, vocab: vocabOf(maps...)}
	}
}

// suggestions lists the channels, labels and metric names the open map
// uses (most used first), then those the file's other maps use, then the
// built-in ones.
func suggestions(m *model.Map, file fileVocab) editor.Suggestions {
	own := vocabOf(m)
	merge := func(lists ...[]string) []string {
		seen := map[string]bool{}
		var out []string
		for _, l := range lists {
			for _, s := range l {
				if k := strings.ToLower(s); !seen[k] {
					seen[k] = true
					out = append(out, s)
				}
			}
		}
		return out
	}
	return editor.Suggestions{
		Channels:    merge(own.channels, file.channels, model.Channels),
		Labels:      merge(own.labels, file.labels, model.EmotionLabels),
		MetricNames: merge(own.metrics, file.metrics, model.MetricNames),
	}
}

// ---- overlays ----

func (r *Root) openHelp() {
	r.fullHelp = fullHelp{sections: r.helpSections()}
	r.overlay = overHelp
}

func (r *Root) openEditor(t editTarget, ed editor.Model) {
	r.editTarget = t
	r.editor = ed
	r.overlay = overEditor
}

func (r *Root) openConfirm(q string, yes func(r *Root) tea.Cmd) {
	r.confirm = confirmDialog{question: q, yes: yes}
	r.overlay = overConfirm
}

func (r *Root) openFinder(title string, items []finder.Item) {
	r.finder = finder.New(title, items, r.styles.sub.Finder)
	r.overlay = overFinder
}

func (r *Root) updatePrompt(msg tea.Msg) tea.Cmd {
	if msg, ok := msg.(tea.PasteMsg); ok && r.prompt.kind == promptCapture && strings.ContainsAny(msg.Content, "\r\n") {
		// Pasting several lines into quick capture (notes from a chat, a
		// list from a sticky-note app) adds one touchpoint per line.
		var cmds []tea.Cmd
		for _, line := range strings.FieldsFunc(msg.Content, func(c rune) bool { return c == '\n' || c == '\r' }) {
			if line = strings.TrimSpace(line); line != "" {
				cmds = append(cmds, r.submitPrompt(line))
			}
		}
		return tea.Batch(cmds...)
	}
	var cmd tea.Cmd
	var res promptResult
	r.prompt.setWidth(r.width, r.styles)
	r.prompt, cmd, res = r.prompt.Update(msg)
	if res.submitted != "" {
		cmd = tea.Batch(cmd, r.submitPrompt(res.submitted))
	}
	if res.closed {
		cmd = tea.Batch(cmd, r.closeOverlay())
	}
	return cmd
}

// submitPrompt adds what was typed: a phase after the current one (and the
// prompt closes), or a touchpoint after the selection (and quick capture
// stays open for the next).
func (r *Root) submitPrompt(text string) tea.Cmd {
	sel := r.board.Selection()
	if r.prompt.kind == promptPhase {
		at := 0
		if len(r.mp.Phases) > 0 {
			at = min(sel.Phase+1, len(r.mp.Phases))
		}
		cmd := r.do(&model.InsertPhase{Index: at, Phase: model.Phase{Name: text}})
		return tea.Batch(cmd, r.closeOverlay())
	}
	if sel.Phase < 0 || sel.Phase >= len(r.mp.Phases) {
		return r.closeOverlay()
	}
	at := len(r.mp.Phases[sel.Phase].Touchpoints)
	if sel.Index >= 0 {
		at = min(sel.Index+1, at)
	}
	before := r.mp.TouchpointCount()
	cmd := r.do(&model.InsertTouchpoint{Phase: sel.Phase, Index: at, Touchpoint: model.NewTouchpoint(text)})
	if r.mp.TouchpointCount() > before { // not refused
		r.prompt.added = append(r.prompt.added, text)
	}
	return cmd
}

func (r *Root) updateEditor(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case editor.CancelledMsg:
		r.editMap = nil
		return r.closeOverlay()
	case editor.SavedTouchpointMsg:
		cmd := r.doAt(r.editRef, func(at model.Ref) model.Edit {
			return &model.UpdateTouchpoint{Phase: at.Phase, Index: at.Index, Touchpoint: msg.Touchpoint}
		})
		return tea.Batch(cmd, r.closeOverlay())
	case editor.SavedPhaseMsg:
		cmd := r.doAt(r.editRef, func(at model.Ref) model.Edit {
			return &model.UpdatePhase{Index: at.Phase, Name: msg.Name, Description: msg.Description}
		})
		return tea.Batch(cmd, r.closeOverlay())
	case editor.SavedMapMsg:
		switch r.editTarget {
		case editNewMap:
			r.overlay = overNone
			return r.createMap(msg.Info, msg.Template)
		case editMapInfo:
			if r.editMap == nil { // from the board: an undoable edit like any other
				cmd := r.do(&model.UpdateMap{Info: msg.Info})
				return tea.Batch(cmd, r.closeOverlay())
			}
			m := r.editMap
			r.editMap = nil
			e := &model.UpdateMap{Info: msg.Info}
			if err := e.Apply(m); err != nil {
				r.setNote(firstLine(err.Error()), true)
				return r.closeOverlay()
			}
			if r.histMapID != m.ID {
				r.hist.reset()
				r.histMapID = m.ID
			}
			r.hist.push(e)
			r.gen++
			return tea.Batch(r.queue.enqueue(r.st, m.ID, e), r.closeOverlay())
		}
	}
	var cmd tea.Cmd
	r.editor, cmd = r.editor.Update(msg)
	return cmd
}

func (r *Root) updateConfirm(msg tea.Msg) tea.Cmd {
	if a, ok := msg.(confirmAnswer); ok {
		r.overlay = overNone
		var cmd tea.Cmd
		if a.yes && r.confirm.yes != nil {
			cmd = r.confirm.yes(r)
		}
		r.confirm = confirmDialog{}
		return tea.Batch(cmd, r.closeOverlay())
	}
	return r.confirm.Update(msg)
}

func (r *Root) updateFinder(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case finder.ClosedMsg:
		return r.closeOverlay()
	case finder.ChosenMsg:
		cmd := r.closeOverlay()
		switch ref := msg.Ref.(type) {
		case model.Ref:
			r.board.Select(board.Selection{Phase: ref.Phase, Index: ref.Index})
		case mapRef:
			sel := ref.Ref
			return tea.Batch(cmd, r.loadMap(ref.MapID, loadOpen, &sel))
		}
		return cmd
	}
	var cmd tea.Cmd
	r.finder, cmd = r.finder.Update(msg)
	return cmd
}

func (r *Root) updateInsights(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case insights.ClosedMsg:
		return r.closeOverlay()
	case insights.JumpMsg:
		r.board.Select(board.Selection{Phase: msg.Ref.Phase, Index: msg.Ref.Index})
		return r.closeOverlay()
	case tea.KeyPressMsg:
		if key.Matches(msg, r.keys.Help) {
			r.openHelp()
			return nil
		}
	}
	var cmd tea.Cmd
	r.insights, cmd = r.insights.Update(msg)
	return cmd
}

func (r *Root) updatePresent(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case present.ClosedMsg:
		if msg.Phase != r.board.Selection().Phase {
			r.board.Select(board.Selection{Phase: msg.Phase, Index: -1})
		}
		return r.closeOverlay()
	}
	var cmd tea.Cmd
	r.present, cmd = r.present.Update(msg)
	return cmd
}

func (r *Root) updateExport(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case exportdlg.ClosedMsg:
		return r.closeOverlay()
	case exportdlg.DoneMsg:
		r.setNote("exported to "+msg.Path, false)
	}
	var cmd tea.Cmd
	r.export, cmd = r.export.Update(msg)
	return cmd
}

// restyleOverlays hands new styles to whatever is open.
func (r *Root) restyleOverlays() {
	r.editor.SetStyles(r.styles.sub.Editor)
	r.prompt.input.SetStyles(r.styles.Input)
	r.finder.SetStyles(r.styles.sub.Finder)
	r.insights.SetStyles(r.styles.sub.Insights)
	r.present.SetStyles(r.styles.sub.Present)
	r.export.SetStyles(r.styles.sub.Export)
}

// allMapItems lists every touchpoint of every map for the search across maps.
func allMapItems(maps []*model.Map) []finder.Item {
	var out []finder.Item
	for _, m := range maps {
		for _, it := range finder.TouchpointItems(m) {
			if ref, ok := it.Ref.(model.Ref); ok {
				it.Ref = mapRef{MapID: m.ID, Ref: ref}
			}
			it.Detail = theme.Clean(m.Title) + " · " + it.Detail
			out = append(out, it)
		}
	}
	return out
}

// ---- view ----

// View draws the whole screen: the current screen or overlay, the status bar
// and one line of help.
func (r *Root) View() tea.View {
	v := tea.NewView(r.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "Journeymap"
	if r.screen == screenBoard && r.mp != nil {
		v.WindowTitle = theme.Fit(r.mp.Title, 60) + " · Journeymap"
	}
	return v
}

func (r *Root) render() string {
	w, h := r.width, r.height
	if w <= 0 || h <= 0 {
		return ""
	}
	if w < minWidth || h < minHeight {
		return tooSmall(w, h)
	}
	bodyH := h - 2
	var body string
	var keys help.KeyMap
	switch r.overlay {
	case overHelp:
		body = r.fullHelp.View(w, bodyH, r.styles)
		keys = simpleHelp{r.keys.Back}
	case overEditor:
		body = r.editor.View(w, bodyH)
		keys = r.editor.Help()
	case overFinder:
		body = r.finder.View(w, bodyH)
		keys = finder.DefaultKeyMap()
	case overInsights:
		body = r.insights.View(w, bodyH)
		keys = insights.DefaultKeyMap()
	case overPresent:
		// Presentation takes the whole screen: the wall needs every row.
		return fitBlock(r.present.View(w, h), w, h)
	case overExport:
		body = r.export.View(w, bodyH)
		keys = r.export.Help()
	default:
		body, keys = r.screenView(w, bodyH)
	}
	return r.cache.body(body, w, bodyH) + "\n" + r.statusView(w) + "\n" + r.cache.help(r.shortHelp, keys.ShortHelp(), w)
}

// frameCache remembers the last fitted body, status bar and help line.
// Children cache their own rendering, so a frame usually repeats most of
// the previous one; comparing strings is far cheaper than measuring them.
type frameCache struct {
	bodyIn, bodyOut string
	bodyW, bodyH    int
	lines           map[string]string // line -> fitted line, from the last frame
	statusKey       string
	statusOut       string
	helpKey         string
	helpOut         string
}

func (c *frameCache) body(s string, w, h int) string {
	if s == c.bodyIn && w == c.bodyW && h == c.bodyH && c.bodyOut != "" {
		return c.bodyOut
	}
	if w != c.bodyW {
		c.lines = nil
	}
	c.bodyIn, c.bodyW, c.bodyH = s, w, h
	// Measuring a line's width means walking its grapheme clusters; most
	// lines repeat from the previous frame, so keep their fitted form.
	next := make(map[string]string, h)
	lines := strings.SplitN(s, "\n", h+1)
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		f, ok := c.lines[l]
		if !ok {
			f = ansiFit(l, w)
		}
		next[l] = f
		lines[i] = f
	}
	c.lines = next
	for len(lines) < h {
		lines = append(lines, "")
	}
	c.bodyOut = strings.Join(lines, "\n")
	return c.bodyOut
}

func (c *frameCache) help(h help.Model, keys []key.Binding, w int) string {
	var b strings.Builder
	b.WriteString(itoa(w))
	for _, k := range keys {
		if !k.Enabled() {
			continue
		}
		hb := k.Help()
		b.WriteString("\x00" + hb.Key + "\x01" + hb.Desc)
	}
	if k := b.String(); k != c.helpKey || c.helpOut == "" {
		c.helpKey = k
		c.helpOut = ansiFit(h.ShortHelpView(keys), w)
	}
	return c.helpOut
}

// screenView draws home or the board, with a prompt or dialog over it.
func (r *Root) screenView(w, h int) (string, help.KeyMap) {
	if r.screen == screenHome || r.mp == nil {
		body := r.home.View(w, h)
		if r.overlay == overConfirm {
			body = r.overlayDialog(body, w, h)
			return body, simpleHelp{yesKey, noKey}
		}
		return body, r.home.Keys()
	}
	bh := boardHelp{k: r.keys, nav: board.DefaultKeyMap()}
	switch r.overlay {
	case overPrompt:
		ph := r.prompt.height()
		b := fitBlock(r.board.View(w, max(0, h-ph)), w, max(0, h-ph))
		return b + "\n" + r.prompt.View(w, r.styles), simpleHelp{enterKey, r.keys.Back}
	case overConfirm:
		return r.overlayDialog(fitBlock(r.board.View(w, h), w, h), w, h), simpleHelp{yesKey, noKey}
	}
	return r.board.View(w, h), bh
}

var (
	yesKey   = key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes"))
	noKey    = key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", "no"))
	enterKey = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "add"))
	// The board's mouse actions, listed with the keys; they bind no key.
	clickHelp = key.NewBinding(key.WithHelp("click", "select a card or phase"))
	wheelHelp = key.NewBinding(key.WithHelp("wheel", "scroll (shift: sideways)"))
)

// overlayDialog centres the confirm dialog over body.
func (r *Root) overlayDialog(body string, w, h int) string {
	d := r.confirm.View(w, r.styles)
	dw, dh := lipgloss.Width(d), lipgloss.Height(d)
	x, y := max(0, (w-dw)/2), max(0, (h-dh)/2)
	return lipgloss.NewCompositor(lipgloss.NewLayer(body), lipgloss.NewLayer(d).X(x).Y(y).Z(1)).Render()
}

// fitBlock makes s exactly h lines of at most w cells, so a child that
// misjudges its size cannot push the status bar off screen.
func fitBlock(s string, w, h int) string {
	if h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = ansiFit(l, w)
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// tooSmall is the whole screen below minWidth x minHeight.
func tooSmall(w, h int) string {
	msg := fmt.Sprintf("make the window larger (need %d×%d, have %d×%d)", minWidth, minHeight, w, h)
	words := strings.Fields(msg)
	var lines []string
	cur := ""
	for _, wd := range words {
		switch {
		case cur == "":
			cur = wd
		case ansiWidth(cur)+1+ansiWidth(wd) <= w:
			cur += " " + wd
		default:
			lines = append(lines, cur)
			cur = wd
		}
	}
	lines = append(lines, cur)
	return fitBlock(strings.Join(lines, "\n"), w, h)
}

func ansiWidth(s string) int { return lipgloss.Width(s) }

// helpSections lists every key of every context for the `?` screen.
func (r *Root) helpSections() []helpSection {
	k := r.keys
	return []helpSection{
		{"Board", flatten(boardHelp{k: r.keys}.FullHelp())},
		{"Board navigation", append(flatten(board.DefaultKeyMap().FullHelp()), clickHelp, wheelHelp)},
		{"Home", flatten(home.DefaultKeyMap().FullHelp())},
		{"Quick capture / new phase", []key.Binding{enterKey, k.Back}},
		{"Editor", flatten(editor.DefaultKeyMap().FullHelp())},
		{"Search", flatten(finder.DefaultKeyMap().FullHelp())},
		{"Insights", flatten(insights.DefaultKeyMap().FullHelp())},
		{"Presentation", flatten(present.DefaultKeyMap().FullHelp())},
		{"Export", flatten(exportdlg.DefaultKeyMap().FullHelp())},
		{"Confirm", []key.Binding{yesKey, noKey}},
		{"Anywhere", []key.Binding{k.ForceQuit}},
	}
}

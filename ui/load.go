package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"journeymap/model"
	"journeymap/ui/board"
	"journeymap/ui/editor"
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
		sel     int64 // select this touchpoint (by ID) once open
		view    model.ViewPrefs
	}
	mapCreatedMsg struct {
		id  int64
		err error
	}
	// vocabMsg carries what the file's other maps use, for suggestions.
	vocabMsg struct {
		mapID int64
		vocab model.Vocabulary
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
	ID    int64 // the touchpoint's
}

// loaded takes the result of a load or of a change to the list of maps.
func (r *Root) loaded(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case mapsLoadedMsg:
		if msg.err != nil {
			r.setNote("could not list maps: "+firstLine(msg.err.Error()), true)
			return nil
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
	case mapLoadedMsg:
		return r.mapLoaded(msg)
	case vocabMsg:
		if r.mp != nil && r.mp.ID == msg.mapID {
			r.vocab = msg.vocab
		}
	case mapCreatedMsg:
		if msg.err != nil {
			r.setNote("could not create the map: "+firstLine(msg.err.Error()), true)
			return r.listMaps()
		}
		r.queue.committed++
		return tea.Batch(r.listMaps(), r.loadMap(msg.id, loadOpen, 0))
	case mapActionMsg:
		if msg.err != nil {
			r.setNote(firstLine(msg.err.Error()), true)
		} else {
			r.queue.committed++
			r.setNote(msg.note, false)
			r.selectNext = msg.selectID
		}
		return r.listMaps()
	case allMapsMsg:
		if !r.atRestOnHome() {
			return nil // the user moved on while the maps loaded
		}
		if msg.err != nil {
			r.setNote("could not search: "+firstLine(msg.err.Error()), true)
			return nil
		}
		r.openFinder("Search all maps", allMapItems(msg.maps))
	}
	return nil
}

func (r *Root) listMaps() tea.Cmd {
	st := r.st
	return func() tea.Msg {
		ms, err := st.ListMaps()
		return mapsLoadedMsg{maps: ms, err: err}
	}
}

func (r *Root) loadMap(id int64, purpose loadPurpose, sel int64) tea.Cmd {
	st, gen := r.st, r.gen
	return func() tea.Msg {
		m, err := st.LoadMap(id)
		var v model.ViewPrefs
		if err == nil && purpose == loadOpen {
			// How the map was last viewed; without it, cards.
			v, _ = st.LoadView(id)
		}
		return mapLoadedMsg{m: m, id: id, err: err, purpose: purpose, gen: gen, sel: sel, view: v}
	}
}

// loadAllMaps reads every map of the file, for the search across maps.
func (r *Root) loadAllMaps() tea.Cmd {
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
				r.screen, r.mp = screenHome, nil
				r.clearOverlays()
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
		r.screen = screenBoard
		r.clearOverlays()
		r.showMap(r.mp)
		r.applyView(msg.view)
		r.selectCell(board.Selection{Phase: 0, Index: -1})
		if len(r.mp.Phases) > 0 && len(r.mp.Phases[0].Touchpoints) > 0 {
			r.selectCell(board.Selection{Phase: 0, Index: 0})
		}
		if msg.sel != 0 {
			r.selectID(msg.sel, false)
		}
		r.setNote("", false)
		r.vocab = model.Vocabulary{}
		// A timed vote may already be running on this map in the room.
		return tea.Batch(r.loadVocab(msg.m.ID), r.countDown())
	case loadRefresh, loadOutside:
		if r.screen != screenBoard || r.mp == nil || r.mp.ID != msg.id || msg.gen != r.gen {
			return nil // stale: the user changed something since it was asked for
		}
		if msg.purpose == loadOutside && !sameContent(msg.m, r.mp) && r.note == "" {
			// The history stays: edits name their items by ID, and an undo
			// whose item changed meanwhile is refused, not misapplied.
			r.setNote("updated from another window", false)
		}
		r.replaceMap(msg.m)
	case loadReset:
		if r.mp == nil || r.mp.ID != msg.id {
			return nil
		}
		r.hist.reset()
		r.replaceMap(msg.m)
	case loadForEdit:
		r.push(r.newEditor(editMapInfo, editor.NewMap(msg.m.MapInfo, nil, r.styles.sub.Editor), target{id: msg.m.ID, rev: msg.m.Rev}, msg.m))
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
	r.mp = m
	r.showMap(m)
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
	r.selectCell(next)
	// A projector in presentation mode or an insights panel follows along.
	r.overlaysFollow(m)
}

// atRestOnHome reports whether the home screen shows with nothing over it:
// the only state in which a map opened from home may take over the screen.
func (r *Root) atRestOnHome() bool { return r.screen == screenHome && r.top() == nil }

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
		return vocabMsg{mapID: openID, vocab: model.VocabularyOf(maps...)}
	}
}

// suggestions lists the channels, labels and metric names the open map
// uses (most used first), then those the file's other maps use, then the
// built-in ones.
func suggestions(m *model.Map, file model.Vocabulary) editor.Suggestions {
	own := model.VocabularyOf(m)
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
		Channels:    merge(own.Channels, file.Channels, model.Channels),
		Labels:      merge(own.Labels, file.Labels, model.EmotionLabels),
		MetricNames: merge(own.MetricNames, file.MetricNames, model.MetricNames),
	}
}

package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"journeymap/model"
	"journeymap/ui/finder"
	"journeymap/ui/theme"
)

// finderOverlay is the fuzzy search over the open map's touchpoints, or
// over every map's from home; a pick selects the card (opening its map).
type finderOverlay struct {
	m  finder.Model
	st *Styles
	// onMap says it searches the open map through r.searchIdx, whose
	// entries read the map's touchpoints (followSearch).
	onMap bool
}

// searchIndex returns the open map's search index, built again only when
// the map changed since, and then only for the touchpoints that changed.
func (r *Root) searchIndex() *finder.Index {
	if r.searchStale || r.searchIdx == nil {
		r.searchIdx = finder.NewMapIndex(r.mp, r.searchIdx, func(t *model.Touchpoint) any { return tpRef(t.ID) })
		r.searchStale = false
	}
	return r.searchIdx.Index
}

// followSearch hands the open map's search, when a dialog over it edited
// the map (a conflict's "save mine as new"), an index of the map as it is
// now: the entries of the one it has read touchpoints the edit changed in
// place.
func (r *Root) followSearch() {
	for _, o := range r.stack {
		if f, ok := o.(*finderOverlay); ok && f.onMap {
			f.m.SetIndex(r.searchIndex())
		}
	}
}

// tpRef names a touchpoint of the open map by ID: the search keeps
// answering while another window moves cards around.
type tpRef int64

func (r *Root) openFinder(title string, items []finder.Item) {
	r.push(&finderOverlay{m: finder.New(title, items, r.styles.sub.Finder), st: r.styles})
}

func (o *finderOverlay) restyle() { o.m.SetStyles(o.st.sub.Finder) }

func (o *finderOverlay) Update(r *Root, msg tea.Msg) (bool, tea.Cmd) {
	switch msg := msg.(type) {
	case finder.ClosedMsg:
		return true, nil
	case finder.ChosenMsg:
		switch ref := msg.Ref.(type) {
		case tpRef:
			if !r.selectID(int64(ref), false) {
				r.setNote("it is no longer in the map (deleted in another window)", true)
			}
		case mapRef:
			// The load lands once this finder is off the stack.
			return true, r.loadMap(ref.MapID, loadOpen, ref.ID)
		}
		return true, nil
	}
	var cmd tea.Cmd
	o.m, cmd = o.m.Update(msg)
	return false, cmd
}

func (o *finderOverlay) View(w, h int, _ func(int, int) string) string { return o.m.View(w, h) }

func (o *finderOverlay) Help() help.KeyMap { return finder.DefaultKeyMap() }

// allMapItems lists every touchpoint of every map for the search across maps.
func allMapItems(maps []*model.Map) []finder.Item {
	var out []finder.Item
	for _, m := range maps {
		for _, it := range finder.TouchpointItems(m) {
			if ref, ok := it.Ref.(model.Ref); ok {
				if t, ok := m.Touchpoint(ref); ok {
					it.Ref = mapRef{MapID: m.ID, ID: t.ID}
				}
			}
			it.Detail = theme.Clean(m.Title) + " · " + it.Detail
			out = append(out, it)
		}
	}
	return out
}

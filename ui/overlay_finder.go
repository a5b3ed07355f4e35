package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"journeymap/model"
	"journeymap/ui/board"
	"journeymap/ui/finder"
	"journeymap/ui/theme"
)

// finderOverlay is the fuzzy search over the open map's touchpoints, or
// over every map's from home; a pick selects the card (opening its map).
type finderOverlay struct {
	m  finder.Model
	st *Styles
}

func (r *Root) openFinder(title string, items []finder.Item) {
	r.push(&finderOverlay{m: finder.New(title, items, r.styles.sub.Finder), st: r.styles})
}

func (o *finderOverlay) holdsInput() {}

func (o *finderOverlay) restyle() { o.m.SetStyles(o.st.sub.Finder) }

func (o *finderOverlay) Update(r *Root, msg tea.Msg) (bool, tea.Cmd) {
	switch msg := msg.(type) {
	case finder.ClosedMsg:
		return true, nil
	case finder.ChosenMsg:
		switch ref := msg.Ref.(type) {
		case model.Ref:
			r.board.Select(board.Selection{Phase: ref.Phase, Index: ref.Index})
		case mapRef:
			sel := ref.Ref
			// The load lands once this finder is off the stack.
			return true, r.loadMap(ref.MapID, loadOpen, &sel)
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
				it.Ref = mapRef{MapID: m.ID, Ref: ref}
			}
			it.Detail = theme.Clean(m.Title) + " · " + it.Detail
			out = append(out, it)
		}
	}
	return out
}

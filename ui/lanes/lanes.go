// Package lanes draws a journey map as the classic journey-map grid: phases
// across the top, each touchpoint its own column under its phase, and the
// lanes (touchpoint, emotion, motivations, thoughts, pain points,
// opportunities, backstage, metrics) down the side. The emotional curve runs
// through the emotion lane. The phase headers and the lane names stay put
// while the grid scrolls both ways.
//
// Like ui/board it handles navigation only; the root owns the map and every
// edit, and calls SetMap after each change.
package lanes

import (
	"slices"

	"journeymap/model"
)

// Lane is a row of the grid.
type Lane int

// The lanes, in the order the grid shows them.
const (
	LaneTouchpoint Lane = iota
	LaneEmotion
	LaneMotivations
	LaneThoughts
	LanePainPoints
	LaneOpportunities
	LaneBackstage
	LaneMetrics
	laneCount
)

// Lanes lists every lane in display order.
var Lanes = []Lane{
	LaneTouchpoint, LaneEmotion, LaneMotivations, LaneThoughts,
	LanePainPoints, LaneOpportunities, LaneBackstage, LaneMetrics,
}

var laneNames = [laneCount]string{
	"Touchpoint", "Emotion", "Motivations", "Thoughts",
	"Pain points", "Opportunities", "Backstage", "Metrics",
}

// laneKeys are stable identifiers for persistence (the JSON keys of the
// interchange format where there is one).
var laneKeys = [laneCount]string{
	"touchpoint", "emotion", "motivations", "thoughts",
	"pain_points", "opportunities", "backstage", "metrics",
}

// laneShort are the lane names broken over two lines for the narrow lane
// column of screens under wideLabels cells.
var laneShort = [laneCount][2]string{
	{"Touch-", "point"}, {"Emotion", ""}, {"Motiva-", "tions"}, {"Thoughts", ""},
	{"Pain", "points"}, {"Opportu-", "nities"}, {"Back-", "stage"}, {"Metrics", ""},
}

// String returns the lane's name as the grid shows it ("Pain points").
func (l Lane) String() string {
	if l < 0 || l >= laneCount {
		return "?"
	}
	return laneNames[l]
}

// Key returns a stable identifier for storing the lane ("pain_points").
func (l Lane) Key() string {
	if l < 0 || l >= laneCount {
		return ""
	}
	return laneKeys[l]
}

// ParseLane returns the lane with the given Key and false for an unknown one.
func ParseLane(key string) (Lane, bool) {
	for i, k := range laneKeys {
		if k == key {
			return Lane(i), true
		}
	}
	return 0, false
}

// Valid reports whether l is one of Lanes.
func (l Lane) Valid() bool { return l >= 0 && l < laneCount }

// IsList reports whether the lane holds a list of items (every lane but the
// touchpoint and emotion lanes): the lanes where Selection.Item counts.
func (l Lane) IsList() bool { return l >= LaneMotivations && l < laneCount }

// List returns the touchpoint's text list for a text lane (motivations,
// thoughts, pain points, opportunities, backstage) and nil for the others,
// so the root can add, edit or delete "the selected item" in place.
func (l Lane) List(t *model.Touchpoint) *model.List {
	if t == nil {
		return nil
	}
	switch l {
	case LaneMotivations:
		return &t.Motivations
	case LaneThoughts:
		return &t.Thoughts
	case LanePainPoints:
		return &t.PainPoints
	case LaneOpportunities:
		return &t.Opportunities
	case LaneBackstage:
		return &t.Backstage
	}
	return nil
}

// ItemCount returns how many items the touchpoint has in lane l (0 for the
// touchpoint and emotion lanes).
func (l Lane) ItemCount(t *model.Touchpoint) int {
	if t == nil {
		return 0
	}
	if l == LaneMetrics {
		return len(t.Metrics)
	}
	if p := l.List(t); p != nil {
		return p.Len()
	}
	return 0
}

// Selection is the selected cell: one touchpoint (Phase, Index) in one Lane,
// and within a list lane the selected item (-1 when the cell is empty or the
// lane has no items). Index is -1 on the placeholder column of a phase
// without touchpoints.
type Selection struct {
	Phase, Index int
	Lane         Lane
	Item         int
}

// Ref returns the selected touchpoint's position and false on a phase
// without touchpoints.
func (s Selection) Ref() (model.Ref, bool) {
	return model.Ref{Phase: s.Phase, Index: s.Index}, s.Index >= 0
}

// column is one column of the grid: a touchpoint, or the placeholder of a
// phase without touchpoints (index -1).
type column struct {
	phase, index int
	num          int // journey number of the touchpoint, 1-based; 0 for a placeholder
	score        int // 0 for a placeholder
}

// Model is the lanes view. Copies share their render cache (behind a pointer).
type Model struct {
	keys   KeyMap
	mp     *model.Map
	cols   []column
	starts []int     // per phase, index of its first column
	lowest int       // the lowest score of the map, 0 without touchpoints
	means  []float64 // per phase, the mean score (0 without touchpoints)

	width, height int
	hidden        [laneCount]bool
	zoom          int // fixed column width; 0 chooses one from the screen

	sel    int  // selected column
	lane   Lane // selected lane
	item   int  // selected item in a list lane
	colOff int  // first visible column
	rowOff int  // first visible body row

	r *renderer
}

// New returns an empty lanes view drawn with st.
func New(st *Styles) Model {
	return Model{keys: DefaultKeyMap(), r: newRenderer(st), item: -1}
}

// SetStyles changes the styles (after a background colour change, say).
func (m *Model) SetStyles(st *Styles) { m.r = newRenderer(st) }

// Keys returns the view's key map.
func (m Model) Keys() KeyMap { return m.keys }

// Map returns the map shown.
func (m Model) Map() *model.Map { return m.mp }

// SetMap shows mp; call it after every change to the map. It indexes the
// columns once (the only step that costs in proportion to the map), drops
// cached cells and keeps the selection on the same position, clamped.
func (m *Model) SetMap(mp *model.Map) {
	if m.r == nil {
		m.r = newRenderer(&Styles{})
		m.keys = DefaultKeyMap()
	}
	old := m.Selection()
	m.mp = mp
	m.cols = m.cols[:0]
	m.starts = m.starts[:0]
	m.lowest = 0
	m.means = m.means[:0]
	if mp != nil {
		num := 0
		for pi, p := range mp.Phases {
			m.starts = append(m.starts, len(m.cols))
			mean, _ := p.MeanEmotion()
			m.means = append(m.means, mean)
			if len(p.Touchpoints) == 0 {
				m.cols = append(m.cols, column{phase: pi, index: -1})
				continue
			}
			for ti, t := range p.Touchpoints {
				num++
				sc := model.ClampScore(t.Emotion.Score)
				m.cols = append(m.cols, column{phase: pi, index: ti, num: num, score: sc})
				if m.lowest == 0 || sc < m.lowest {
					m.lowest = sc
				}
			}
		}
	}
	m.r.reset()
	m.Select(old)
}

// SetSize sets the size View draws in.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = max(width, 0), max(height, 0)
	m.scrollToSelection()
}

// Size returns the size set by SetSize.
func (m Model) Size() (width, height int) { return m.width, m.height }

// SetHidden hides or shows a lane. The selection moves to the nearest shown
// lane when its lane is hidden.
func (m *Model) SetHidden(l Lane, hidden bool) {
	if !l.Valid() {
		return
	}
	m.hidden[l] = hidden
	m.Select(m.Selection())
}

// Hidden returns the hidden lanes in display order (nil when none is).
func (m Model) Hidden() []Lane {
	var out []Lane
	for _, l := range Lanes {
		if m.hidden[l] {
			out = append(out, l)
		}
	}
	return out
}

// SetHiddenLanes hides exactly the given lanes (as stored per map by the root).
func (m *Model) SetHiddenLanes(ls []Lane) {
	for _, l := range Lanes {
		m.hidden[l] = slices.Contains(ls, l)
	}
	m.Select(m.Selection())
}

// IsHidden reports whether lane l is hidden.
func (m Model) IsHidden(l Lane) bool { return l.Valid() && m.hidden[l] }

// shownLanes returns the lanes not hidden, in display order.
func (m *Model) shownLanes() []Lane {
	out := make([]Lane, 0, laneCount)
	for _, l := range Lanes {
		if !m.hidden[l] {
			out = append(out, l)
		}
	}
	return out
}

// SetColumnWidth fixes the width of a touchpoint column in cells (at least
// minZoom); 0 lets the view choose from the screen width. The root may keep
// it per map; the Wider and Narrower keys change it too.
func (m *Model) SetColumnWidth(w int) {
	if w > 0 {
		w = min(max(w, minZoom), maxZoom)
	}
	m.zoom = max(w, 0)
	m.scrollToSelection()
}

// ColumnWidth returns the fixed column width, 0 when the view chooses.
func (m Model) ColumnWidth() int { return m.zoom }

// Selection returns the selected cell.
func (m Model) Selection() Selection {
	if len(m.cols) == 0 {
		return Selection{Index: -1, Lane: m.lane, Item: -1}
	}
	c := m.cols[m.sel]
	return Selection{Phase: c.phase, Index: c.index, Lane: m.lane, Item: m.item}
}

// Select selects s, clamped to what exists (a hidden lane gives way to the
// nearest shown one), and scrolls so it is visible.
func (m *Model) Select(s Selection) {
	if len(m.cols) == 0 {
		m.sel, m.item = 0, -1
		m.lane = m.nearestLane(s.Lane)
		m.colOff, m.rowOff = 0, 0
		return
	}
	p := min(max(s.Phase, 0), len(m.starts)-1)
	first := m.starts[p]
	last := len(m.cols) - 1
	if p+1 < len(m.starts) {
		last = m.starts[p+1] - 1
	}
	m.sel = min(max(first+max(s.Index, 0), first), last)
	m.lane = m.nearestLane(s.Lane)
	m.item = s.Item
	m.clampItem()
	m.scrollToSelection()
}

// nearestLane returns l if it is shown, or else the next shown lane below
// it, or else above it; l itself when every lane is hidden.
func (m *Model) nearestLane(l Lane) Lane {
	l = Lane(min(max(int(l), 0), int(laneCount)-1))
	for d := 0; d < int(laneCount); d++ {
		if x := l + Lane(d); x < laneCount && !m.hidden[x] {
			return x
		}
		if x := l - Lane(d); x >= 0 && !m.hidden[x] {
			return x
		}
	}
	return l
}

// touchpoint returns the touchpoint of column c, or nil for a placeholder
// (or a map that shrank without SetMap).
func (m *Model) touchpoint(c int) *model.Touchpoint {
	if m.mp == nil || c < 0 || c >= len(m.cols) || m.cols[c].index < 0 {
		return nil
	}
	t, _ := m.mp.Touchpoint(model.Ref{Phase: m.cols[c].phase, Index: m.cols[c].index})
	return t
}

// clampItem keeps the item index inside the selected cell's list: -1 for a
// lane without items or an empty cell, else 0..n-1.
func (m *Model) clampItem() {
	n := m.lane.ItemCount(m.touchpoint(m.sel))
	if !m.lane.IsList() || n == 0 {
		m.item = -1
		return
	}
	m.item = min(max(m.item, 0), n-1)
}

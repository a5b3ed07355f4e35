// Package board draws a journey map as a board: phases as columns, their
// touchpoints as cards, and the emotional curve as a lane underneath. It
// handles navigation only; the root owns the map and every edit.
package board

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"journeymap/ui/theme"

	"journeymap/model"
)

// Selection is what the board has selected: a touchpoint, or with Index -1
// the header of the phase.
type Selection struct{ Phase, Index int }

// Ref returns the selected touchpoint's position and false when a header (or
// nothing) is selected.
func (s Selection) Ref() (model.Ref, bool) {
	return model.Ref{Phase: s.Phase, Index: s.Index}, s.Index >= 0
}

// phaseStat is what the board shows about a phase, computed once per SetMap.
type phaseStat struct {
	count int
	mean  float64
}

// Model is the board. Copies share their render caches and the geometry of
// the last View, which Update needs to map mouse positions and page sizes.
type Model struct {
	keys   KeyMap
	mp     *model.Map
	stats  []phaseStat
	scores [][]int // per phase, the curve's scores in journey order
	before []int   // per phase, how many touchpoints come before it (for the curve's numbers)
	lowest int     // the lowest score of the map, 0 without touchpoints

	sel    Selection
	colOff int   // first visible phase
	rowOff []int // per phase, first visible touchpoint

	r *renderer
}

// New returns an empty board drawn with st.
func New(st *Styles) Model {
	m := Model{keys: DefaultKeyMap(), sel: Selection{0, -1}}
	m.r = newRenderer(st)
	return m
}

// SetMap shows mp (call it after every change to the map). It recomputes the
// per-phase figures once, drops cached cards and keeps the selection in range.
func (m *Model) SetMap(mp *model.Map) {
	if m.r == nil { // a zero Model rather than one from New
		m.r = newRenderer(&Styles{})
		m.keys = DefaultKeyMap()
		m.sel = Selection{0, -1}
	}
	m.mp = mp
	var phases []model.Phase
	if mp != nil {
		phases = mp.Phases
	}
	m.stats = make([]phaseStat, len(phases))
	m.scores = make([][]int, len(phases))
	m.before = make([]int, len(phases))
	m.lowest = 0
	total := 0
	for i, p := range phases {
		m.before[i] = total
		total += len(p.Touchpoints)
		sc := make([]int, len(p.Touchpoints))
		sum := 0
		for j, t := range p.Touchpoints {
			sc[j] = t.Emotion.Score
			sum += t.Emotion.Score
			if c := model.ClampScore(t.Emotion.Score); m.lowest == 0 || c < m.lowest {
				m.lowest = c
			}
		}
		m.scores[i] = sc
		m.stats[i].count = len(sc)
		if len(sc) > 0 {
			m.stats[i].mean = float64(sum) / float64(len(sc))
		}
	}
	if len(m.rowOff) != len(phases) {
		off := make([]int, len(phases))
		copy(off, m.rowOff)
		m.rowOff = off
	}
	m.r.reset()
	m.Select(m.sel)
}

// Map returns the map the board shows.
func (m Model) Map() *model.Map { return m.mp }

// Selection returns what is selected.
func (m Model) Selection() Selection { return m.sel }

// Select selects s, clamped to what exists, and scrolls so it is visible.
func (m *Model) Select(s Selection) {
	m.sel = m.clamp(s)
	m.scrollToSelection(m.geometry())
}

// SetStyles changes the styles (after a background colour change, say).
func (m *Model) SetStyles(st *Styles) {
	last := m.r
	m.r = newRenderer(st)
	if last != nil {
		m.r.last = last.last
	}
}

// Keys returns the board's key map.
func (m Model) Keys() KeyMap { return m.keys }

func (m *Model) phaseCount() int { return len(m.stats) }

func (m *Model) clamp(s Selection) Selection {
	if m.phaseCount() == 0 {
		return Selection{0, -1}
	}
	s.Phase = min(max(s.Phase, 0), m.phaseCount()-1)
	s.Index = min(max(s.Index, -1), m.stats[s.Phase].count-1)
	return s
}

// geometry returns the layout of the last View, or a typical one before the
// first View so that scrolling still behaves.
func (m *Model) geometry() geometry {
	if m.r != nil && m.r.last.valid && m.r.last.phases == m.phaseCount() {
		return m.r.last.geo
	}
	return newGeometry(80, 24, m.phaseCount())
}

// scrollToSelection moves the offsets just enough to show the selection.
func (m *Model) scrollToSelection(g geometry) {
	if m.phaseCount() == 0 {
		m.colOff = 0
		return
	}
	m.colOff = m.firstCol(g)
	m.rowOff[m.sel.Phase] = m.firstRow(m.sel.Phase, g)
}

// firstCol returns the first visible phase for geometry g: the stored
// offset, moved just enough to show the selected phase. View and Update both
// go through it, so the offsets stay right across resizes.
func (m *Model) firstCol(g geometry) int {
	return clampOffset(m.colOff, m.phaseCount(), g.cols, m.sel.Phase)
}

// firstRow returns the first visible touchpoint of phase p for geometry g,
// moved just enough to show the selection when it is in p.
func (m *Model) firstRow(p int, g geometry) int {
	n := m.stats[p].count
	sel := -1
	if p == m.sel.Phase {
		sel = m.sel.Index
	}
	return clampOffset(m.rowOff[p], n, g.column(n).k, sel)
}

// Update moves the selection on navigation keys and mouse events; anything
// else is ignored.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if m.phaseCount() == 0 {
		return m, nil
	}
	g := m.geometry()
	m.scrollToSelection(g) // the size may have changed since the offsets were set
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		m.key(msg, g)
	case tea.MouseClickMsg:
		if msg.Button == tea.MouseLeft {
			m.click(msg.X, msg.Y, g)
		}
	case tea.MouseWheelMsg:
		m.wheel(tea.Mouse(msg), g)
	}
	return m, nil
}

func (m *Model) key(msg tea.KeyPressMsg, g geometry) {
	s := m.sel
	n := m.stats[s.Phase].count
	page := max(g.column(n).k, 1)
	switch {
	case key.Matches(msg, m.keys.Up):
		s.Index--
	case key.Matches(msg, m.keys.Down):
		s.Index++
	case key.Matches(msg, m.keys.Left):
		s = m.besideRow(s.Phase-1, g)
	case key.Matches(msg, m.keys.Right):
		s = m.besideRow(s.Phase+1, g)
	case key.Matches(msg, m.keys.PageUp):
		if s.Index == 0 {
			s.Index = -1
		} else {
			s.Index = max(s.Index-page, 0)
		}
	case key.Matches(msg, m.keys.PageDown):
		s.Index += page
	case key.Matches(msg, m.keys.Top):
		if s.Index <= 0 { // the header is as far up as it goes
			s.Index = -1
		} else {
			s.Index = 0
		}
	case key.Matches(msg, m.keys.Bottom):
		s.Index = n - 1
	case key.Matches(msg, m.keys.FirstPhase):
		s = m.besideRow(0, g)
	case key.Matches(msg, m.keys.LastPhase):
		s = m.besideRow(m.phaseCount()-1, g)
	default:
		return
	}
	m.sel = m.clamp(s)
	m.scrollToSelection(g)
}

// besideRow returns the selection moved to phase p on a similar screen row:
// the same distance below the column's first visible card, so the eye does
// not have to jump. A selected header stays a header.
func (m *Model) besideRow(p int, g geometry) Selection {
	p = min(max(p, 0), m.phaseCount()-1)
	if m.sel.Index < 0 {
		return Selection{p, -1}
	}
	row := m.sel.Index - m.firstRow(m.sel.Phase, g)
	return m.clamp(Selection{p, m.firstRow(p, g) + max(row, 0)})
}

// hit says what lies under a board position.
type hit struct {
	phase int // -1: no column
	index int // -1: header
	ok    bool
	curve bool // the position is on the curve lane
	cell  int  // column of the position inside the phase's width
	page  int  // on a column's scroll hint: -1 "▲ above", +1 "▼ more"
}

func (m *Model) hitTest(x, y int, g geometry) hit {
	h := hit{phase: -1}
	if x < gutter || y < 0 || y >= g.height || g.cols == 0 {
		return h
	}
	cx := x - gutter
	i := cx / (g.colW + 1)
	h.cell = cx % (g.colW + 1)
	if i >= g.cols || h.cell >= g.colW || m.colOff+i >= m.phaseCount() {
		return h
	}
	h.phase = m.colOff + i
	n := m.stats[h.phase].count
	switch {
	case y >= g.curveTop:
		h.curve = true
		if (y == g.curveTop && !g.labels) || (y == g.curveTop && g.title) || n == 0 {
			h.index = -1
			h.ok = y > g.curveTop
			return h
		}
		// The touchpoint drawn nearest this cell (see layoutCurve).
		if n <= g.colW {
			h.index = h.cell * n / g.colW
		} else {
			h.index = (h.cell*n + g.colW - 1) / g.colW
		}
		h.index = min(h.index, n-1)
		h.ok = true
	case y == headerRows-1 && g.column(n).hints:
		// The rule reads "─ ▲ 4 above  ▼ 12 more ───": its ▲ part pages
		// up, its ▼ part pages down, the rest selects the header.
		off := m.firstRow(h.phase, g)
		k := g.column(n).k
		text, upW := hintText(off, n-off-k, g.colW-hintLead-1)
		c := h.cell - hintLead
		switch {
		case c >= 0 && c < upW:
			h.page = -1
		case c >= upW && c < theme.CellWidth(text) && off+k < n:
			h.page = 1
		default:
			h.index, h.ok = -1, true
		}
	case y < headerRows:
		h.index, h.ok = -1, true
	default:
		cv := g.column(n)
		row := y - headerRows
		if row/g.cardH >= cv.k {
			return h
		}
		h.index = m.firstRow(h.phase, g) + row/g.cardH
		h.ok = h.index < n
	}
	return h
}

func (m *Model) click(x, y int, g geometry) {
	h := m.hitTest(x, y, g)
	if h.page != 0 {
		// Page the column and select the first card of the new page.
		n := m.stats[h.phase].count
		k := g.column(n).k
		off := max(min(m.firstRow(h.phase, g)+h.page*k, n-k), 0)
		m.rowOff[h.phase] = off
		m.sel = Selection{h.phase, off}
		m.scrollToSelection(g)
		return
	}
	if !h.ok {
		return
	}
	m.sel = m.clamp(Selection{h.phase, h.index})
	m.scrollToSelection(g)
}

// wheelStep is how many cards one wheel notch scrolls.
const wheelStep = 3

func (m *Model) wheel(ms tea.Mouse, g geometry) {
	dir := 1
	if ms.Button == tea.MouseWheelUp || ms.Button == tea.MouseWheelLeft {
		dir = -1
	}
	h := m.hitTest(ms.X, ms.Y, g)
	sideways := ms.Button == tea.MouseWheelLeft || ms.Button == tea.MouseWheelRight ||
		ms.Mod&tea.ModShift != 0 || h.curve || h.phase < 0
	if sideways {
		m.colOff = max(min(m.colOff+dir, m.phaseCount()-g.cols), 0)
		// The selection follows when its phase scrolls out of sight.
		if m.sel.Phase < m.colOff {
			m.sel = m.besideRow(m.colOff, g)
		} else if g.cols > 0 && m.sel.Phase >= m.colOff+g.cols {
			m.sel = m.besideRow(m.colOff+g.cols-1, g)
		}
		m.rowOff[m.sel.Phase] = m.firstRow(m.sel.Phase, g)
		return
	}
	p := h.phase
	n := m.stats[p].count
	k := g.column(n).k
	off := max(min(m.firstRow(p, g)+dir*wheelStep, n-k), 0)
	m.rowOff[p] = off
	if p == m.sel.Phase && m.sel.Index >= 0 && k > 0 {
		// Keep the selection on screen by dragging it along.
		m.sel.Index = min(max(m.sel.Index, off), off+k-1)
	}
}

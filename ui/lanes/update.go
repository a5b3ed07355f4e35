package lanes

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Update moves the selection on navigation keys and mouse events (with
// coordinates relative to the view's top-left cell: the root subtracts where
// it draws the view); anything else is ignored.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if len(m.cols) == 0 || m.r == nil {
		return m, nil
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		m.key(msg)
	case tea.MouseClickMsg:
		if msg.Button == tea.MouseLeft {
			m.click(msg.X, msg.Y)
		}
	case tea.MouseWheelMsg:
		m.wheel(tea.Mouse(msg))
	}
	return m, nil
}

func (m *Model) key(msg tea.KeyPressMsg) {
	g := m.layout()
	n := len(m.cols)
	page := max(g.cols, 1)
	col, lane, item := m.sel, m.lane, m.item
	switch {
	case key.Matches(msg, m.keys.Up):
		lane = m.stepLane(-1)
		item = 0
	case key.Matches(msg, m.keys.Down):
		lane = m.stepLane(1)
		item = 0
	case key.Matches(msg, m.keys.Left):
		col--
	case key.Matches(msg, m.keys.Right):
		col++
	case key.Matches(msg, m.keys.NextItem):
		item++
	case key.Matches(msg, m.keys.PrevItem):
		item--
	case key.Matches(msg, m.keys.PageLeft):
		col -= page
		m.colOff = max(m.colOff-page, 0)
	case key.Matches(msg, m.keys.PageRight):
		col += page
		m.colOff = min(m.colOff+page, max(n-page, 0))
	case key.Matches(msg, m.keys.First):
		col = 0
	case key.Matches(msg, m.keys.Last):
		col = n - 1
	case key.Matches(msg, m.keys.PrevPhase):
		ph := m.cols[col].phase
		if col == m.starts[ph] && ph > 0 {
			ph--
		}
		col = m.starts[ph]
	case key.Matches(msg, m.keys.NextPhase):
		if ph := m.cols[col].phase; ph+1 < len(m.starts) {
			col = m.starts[ph+1]
		} else {
			col = n - 1
		}
	case key.Matches(msg, m.keys.Wider):
		m.zoom = min(max(m.zoom, g.colW)+2, maxZoom)
	case key.Matches(msg, m.keys.Narrower):
		m.zoom = max(max(m.zoom, g.colW)-2, minZoom)
	default:
		return
	}
	if col != m.sel {
		item = 0 // a new cell starts at its first item
	}
	m.sel = min(max(col, 0), n-1)
	m.lane, m.item = lane, item
	if m.item >= 0 || item == -1 {
		m.clampItem()
	}
	m.scrollToSelection()
}

// stepLane returns the next shown lane above (d < 0) or below the selected
// one, or the selected one at either end.
func (m *Model) stepLane(d int) Lane {
	for l := m.lane + Lane(d); l >= 0 && l < laneCount; l += Lane(d) {
		if !m.hidden[l] {
			return l
		}
	}
	return m.lane
}

// hitTest returns the cell under a view position: column, lane and, in a
// list lane, the item; ok is false outside the grid.
func (m *Model) hitTest(x, y int) (col int, lane Lane, item int, ok bool) {
	g := m.layout()
	if g.tooSmall || g.cols == 0 || y < 0 || x < 0 || x >= g.width {
		return 0, 0, -1, false
	}
	col = m.sel
	if x >= g.labW {
		k := (x - g.labW) / (g.colW + 1)
		if k >= g.cols {
			return 0, 0, -1, false
		}
		col = g.first + k
	}
	lane, item = m.lane, -1
	switch {
	case y < headRows:
		return col, lane, m.item, true // a header picks the column, keeps the lane
	case y >= headRows+g.bodyH:
		return 0, 0, -1, false
	}
	br := y - headRows + g.rowOff
	for _, b := range g.lanes {
		if br >= b.y && br < b.y+b.h {
			lane = b.lane
			if lane.IsList() {
				item = 0
				ct := m.cell(col, lane, g.colW)
				off := 0
				if col == m.sel && lane == m.lane {
					off = m.cellOffset(ct, b.h)
				}
				if i := off + br - b.y; i < len(ct.item) {
					item = ct.item[i]
				} else if len(ct.item) > 0 {
					item = ct.item[len(ct.item)-1]
				}
			}
			return col, lane, item, true
		}
	}
	return 0, 0, -1, false // a rule between lanes
}

// cellOffset is the first line the selected cell shows, moved so that its
// selected item is in view (block uses the same rule).
func (m *Model) cellOffset(ct *cellText, h int) int {
	if m.item < 0 {
		return 0
	}
	fl, ll := -1, -1
	for i, it := range ct.item {
		if it == m.item {
			if fl < 0 {
				fl = i
			}
			ll = i
		}
	}
	switch {
	case fl < 0:
		return 0
	case ll-fl+1 > h:
		return fl
	case ll >= h:
		return ll - h + 1
	}
	return 0
}

func (m *Model) click(x, y int) {
	col, lane, item, ok := m.hitTest(x, y)
	if !ok {
		return
	}
	m.sel, m.lane, m.item = col, lane, item
	m.clampItem()
	m.scrollToSelection()
}

// wheelStep is how many columns or rows one wheel notch scrolls.
const wheelStep = 3

// wheel scrolls the grid without moving the selection further than needed
// to keep it on screen: up and down scroll the lanes when they do not fit
// (the columns otherwise), shift or a sideways wheel scrolls the columns.
func (m *Model) wheel(ms tea.Mouse) {
	g := m.layout()
	dir := 1
	if ms.Button == tea.MouseWheelUp || ms.Button == tea.MouseWheelLeft {
		dir = -1
	}
	sideways := ms.Button == tea.MouseWheelLeft || ms.Button == tea.MouseWheelRight ||
		ms.Mod&tea.ModShift != 0 || g.total <= g.bodyH
	if sideways {
		n := len(m.cols)
		m.colOff = max(min(g.first+dir*wheelStep, n-g.cols), 0)
		if m.sel < m.colOff {
			m.sel = m.colOff
		} else if g.cols > 0 && m.sel >= m.colOff+g.cols {
			m.sel = m.colOff + g.cols - 1
		}
		m.clampItem()
		m.scrollToSelection()
		return
	}
	m.rowOff = max(min(g.rowOff+dir*wheelStep, g.total-g.bodyH), 0)
	// Keep the selected lane in view by moving it along.
	top, bottom := m.rowOff, m.rowOff+g.bodyH
	if b, ok := g.box(m.lane); ok && (b.y+b.h <= top || b.y >= bottom) {
		for _, c := range g.lanes {
			if c.y+c.h > top && c.y < bottom {
				m.lane = c.lane
				if dir < 0 {
					// the lowest lane that is in view
					continue
				}
				break
			}
		}
		m.item = 0
		m.clampItem()
	}
	g2 := m.layout()
	m.rowOff = g2.rowOff
}

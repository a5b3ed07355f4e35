package board

import (
	"journeymap/ui/theme"
	"strconv"
	"strings"

	"journeymap/model"
)

// Messages for an empty map or phase, naming the key that fixes it.
const (
	noPhasesText      = "No phases yet — press p to add one"
	noTouchpointsText = "No touchpoints — press a to capture one"
)

// View renders the board in at most width×height cells: the visible columns
// and, when there is room, the emotional curve lane beneath them. Its cost
// follows what is on screen: only visible columns and cards are drawn, and
// cards come from a cache that SetMap clears.
func (m Model) View(width, height int) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	if m.r == nil {
		m.r = newRenderer(&Styles{})
	}
	g := newGeometry(width, height, m.phaseCount())
	m.r.last.valid, m.r.last.geo, m.r.last.phases = true, g, m.phaseCount()

	lines := make([]string, 0, height)
	if m.phaseCount() == 0 || g.cols == 0 {
		text := noPhasesText
		if m.phaseCount() > 0 {
			text = "" // narrower than the gutter: nothing fits
		}
		if height > 2 {
			lines = append(lines, theme.Spaces(width)) // a blank line above, room allowing
		}
		for _, l := range wrapText(text, width-gutter, height-len(lines)) {
			lines = append(lines, theme.Spaces(min(gutter, width))+m.r.p.empty.On(l))
		}
		for len(lines) < height {
			lines = append(lines, theme.Spaces(width))
		}
		return strings.Join(lines[:height], "\n")
	}

	first := m.firstCol(g)
	cols := make([][]string, g.cols)
	size := 0
	for i := range cols {
		cols[i] = m.column(first+i, g)
		for _, l := range cols[i] {
			size += len(l) + 1
		}
	}
	used := gutter + g.cols*g.colW + g.cols - 1
	right := m.phaseCount() - first - g.cols

	var curve []string
	if g.curve == curveFull || g.curve == curveSpark {
		curve = m.curve(first, g)
	}
	for _, l := range curve {
		size += len(l)
	}
	var b strings.Builder
	b.Grow(size + height*(width-used+gutter+8) + 4*width)
	for y := 0; y < g.colsH; y++ {
		if y > 0 {
			b.WriteByte('\n')
		}
		if y == 0 && first > 0 {
			// Small triangles, so ▶ stays the selection's mark alone.
			b.WriteString(m.r.p.hint.On("◂") + " ")
		} else {
			b.WriteString(theme.Spaces(gutter))
		}
		for i := range cols {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(cols[i][y])
		}
		if y == 0 && right > 0 && used < width {
			b.WriteString(theme.Spaces(width - used - 1))
			b.WriteString(m.r.p.hint.On("▸"))
		} else {
			b.WriteString(theme.Spaces(width - used))
		}
	}
	if g.curve != curveNone && (!g.labels || g.title) {
		b.WriteByte('\n')
		b.WriteString(m.rule(g, first, right))
	}
	if g.labels {
		b.WriteByte('\n')
		b.WriteString(m.labelRow(first, g, !g.title && first > 0))
		if !g.title && right > 0 && used < width {
			b.WriteString(theme.Spaces(width - used - 1))
			b.WriteString(m.r.p.hint.On("▶"))
		} else {
			b.WriteString(theme.Spaces(width - used))
		}
	}
	for _, l := range curve {
		b.WriteByte('\n')
		b.WriteString(l)
		b.WriteString(theme.Spaces(width - used))
	}
	return b.String()
}

// curve draws the curve lane's rows for the visible columns. A phase with
// more touchpoints than its column has cells is first squeezed to one score
// per cell (the lowest, so no dip disappears) and that is cached, so the
// cost follows the screen width rather than the phase's size.
func (m *Model) curve(first int, g geometry) []string {
	scores := make([][]int, g.cols)
	widths := make([]int, g.cols)
	hl, sel, selScore := m.sel.Phase-first, m.sel.Index, 0
	for i := range scores {
		p := first + i
		widths[i] = g.colW
		scores[i] = m.scores[p]
		if n := len(scores[i]); n > g.colW {
			scores[i] = m.r.squeezed(p, m.scores[p], g.colW)
			if i == hl && sel >= 0 {
				selScore = m.scores[p][sel]
				sel = sel * g.colW / n
			}
		}
	}
	if g.curve == curveSpark {
		return []string{sparkLine(scores, widths, hl, sel, selScore, m.lowest, m.r.p.curve)}
	}
	return drawCurve(scores, widths, hl, sel, selScore, m.lowest, 1, m.r.p.curve)
}

// minLabel is the fewest cells a short name takes on the label row ("Ch…"
// reads worse than a number, so narrower shares show numbers).
const minLabel = 5

// labelRow names the curve's points, in the row over it: each touchpoint
// of a visible phase gets the cells of its share of the column (its point
// sits in the middle) for a short name, or its number in the journey when
// the share is too narrow for a name; the numbers count cards left to right
// and top to bottom, as the columns above show them. A touchpoint with the
// map's lowest score is marked ▼, on the row and on the curve; the selected
// one is shown reversed. A phase with more touchpoints than cells names its
// range of numbers.
func (m *Model) labelRow(first int, g geometry, leftHint bool) string {
	p := m.r.p
	var b strings.Builder
	b.Grow(g.cols*(g.colW+16) + 8)
	if leftHint {
		b.WriteString(p.hint.On("◀") + " ")
	} else {
		b.WriteString(theme.Spaces(gutter))
	}
	for i := 0; i < g.cols; i++ {
		ph := first + i
		if i > 0 {
			// the curve's separators carry on down through the labels
			if ph == m.sel.Phase || ph-1 == m.sel.Phase {
				b.WriteString(p.curve.sepActive.On("┃"))
			} else {
				b.WriteString(p.curve.sep.On("┊"))
			}
		}
		w, k := g.colW, m.stats[ph].count
		switch {
		case k == 0:
			b.WriteString(theme.Spaces(w))
		case k > w:
			text := strconv.Itoa(m.before[ph]+1) + "–" + strconv.Itoa(m.before[ph]+k)
			b.WriteString(p.curve.label.On(theme.PadPlain(text, w)))
		default:
			for j := 0; j < k; j++ {
				start, end := j*w/k, (j+1)*w/k
				// one blank cell after each label, so neighbours never touch
				if avail := end - start - 1; avail > 0 {
					b.WriteString(m.label(ph, j, avail))
					b.WriteByte(' ')
				} else {
					b.WriteString(theme.Spaces(end - start))
				}
			}
		}
	}
	return b.String()
}

// label is touchpoint j of phase ph's entry on the label row, exactly w
// cells wide.
func (m *Model) label(ph, j, w int) string {
	if w <= 0 {
		return ""
	}
	p := m.r.p
	low := m.lowest != 0 && model.ClampScore(m.scores[ph][j]) == m.lowest
	mark := ""
	if low {
		mark = "▼"
	}
	var text string
	if w >= minLabel {
		name := ""
		if t, ok := m.touchpoint(ph, j); ok {
			name = t.Name
		}
		text = mark + shortName(name, w-theme.CellWidth(mark))
	} else {
		num := strconv.Itoa(m.before[ph] + j + 1)
		switch {
		case theme.CellWidth(mark+num) <= w:
			text = mark + num
		case theme.CellWidth(num) <= w:
			text = num
		default:
			text = mark
		}
	}
	pad := theme.Spaces(w - theme.CellWidth(text))
	switch {
	case ph == m.sel.Phase && j == m.sel.Index:
		return p.curve.selected.On(text) + pad
	case low:
		return p.curve.lowest.On(text) + pad
	}
	return p.curve.label.On(text) + pad
}

type squeezeKey struct{ phase, width int }

// squeezed returns scores reduced to w cells, each the lowest score of the
// touchpoints that fall into it (the same cells layoutCurve would use).
func (r *renderer) squeezed(p int, scores []int, w int) []int {
	k := squeezeKey{p, w}
	if s, ok := r.squeezes[k]; ok {
		return s
	}
	s := make([]int, w)
	n := len(scores)
	for j, sc := range scores {
		x := j * w / n
		if s[x] == 0 || sc < s[x] {
			s[x] = sc
		}
	}
	r.squeezes[k] = s
	return s
}

type columnKey struct {
	phase, first       int
	colW, colsH, cardH int
}

// column renders phase p as g.colsH lines of g.colW cells. Columns without
// the selection are cached whole: moving the selection changes one or two
// columns and the rest of the frame is reused.
func (m *Model) column(p int, g geometry) []string {
	if p == m.sel.Phase {
		// The selected column changes with nearly every key press, so
		// caching it would only fill the cache; its cards are cached.
		return m.renderColumn(p, g)
	}
	k := columnKey{phase: p, first: m.firstRow(p, g), colW: g.colW, colsH: g.colsH, cardH: g.cardH}
	if c, ok := m.r.columns[k]; ok {
		return c
	}
	if len(m.r.columns) >= maxCached {
		m.r.columns = make(map[columnKey][]string)
	}
	c := m.renderColumn(p, g)
	m.r.columns[k] = c
	return c
}

func (m *Model) renderColumn(p int, g geometry) []string {
	w := g.colW
	lines := make([]string, 0, max(g.colsH, headerRows))
	state := int8(headerRest)
	if p == m.sel.Phase {
		state = headerActive
		if m.sel.Index < 0 {
			state = headerSelected
		}
	}
	lines = append(lines, m.header(p, w, state)...)
	n := m.stats[p].count
	if n == 0 {
		for _, l := range wrapText(noTouchpointsText, w, g.cardsH) {
			lines = append(lines, m.r.p.empty.On(l))
		}
	} else {
		cv := g.column(n)
		off := m.firstRow(p, g)
		compact := g.cardH == 1
		for i := off; i < min(off+cv.k, n); i++ {
			sel := p == m.sel.Phase && i == m.sel.Index
			lines = append(lines, m.card(p, i, w, sel, compact)...)
		}
		if cv.hints && len(lines) >= headerRows {
			lines[headerRows-1] = m.hintRule(state, off, n-off-cv.k, w)
		}
	}
	for len(lines) < g.colsH {
		lines = append(lines, theme.Spaces(w))
	}
	return lines[:g.colsH]
}

// hintText returns "▲ 4 above  ▼ 12 more", or "▲4 ▼12" when that does not
// fit in w cells, with the width of its ▲ part ("" when neither fits).
func hintText(above, below, w int) (text string, upW int) {
	for _, short := range []bool{false, true} {
		var up, down string
		if above > 0 {
			up = "▲ " + strconv.Itoa(above) + " above"
			if short {
				up = "▲" + strconv.Itoa(above)
			}
		}
		if below > 0 {
			down = "▼ " + strconv.Itoa(below) + " more"
			if short {
				down = "▼" + strconv.Itoa(below)
			}
		}
		text = up
		if up != "" && down != "" {
			text += "  "
			if short {
				text = up + " "
			}
		}
		text += down
		if theme.CellWidth(text) <= w {
			return text, theme.CellWidth(up)
		}
	}
	return "", 0
}

// hintRule is the line under a header when its column scrolls: the rule
// with "▲ 4 above  ▼ 12 more" set into it, so the hint costs no card row.
func (m *Model) hintRule(state int8, above, below, w int) string {
	ch, rp := "─", m.r.p.rule
	switch state {
	case headerSelected:
		ch, rp = "═", m.r.p.ruleSelected
	case headerActive:
		ch, rp = "━", m.r.p.ruleSelected
	}
	text, _ := hintText(above, below, w-hintLead-1)
	if text == "" {
		return rp.On(theme.Repeat(ch, w))
	}
	return rp.On(ch+" ") + m.r.p.hint.On(text) + rp.On(" "+theme.Repeat(ch, w-hintLead-1-theme.CellWidth(text)))
}

// hintLead is the number of cells before the hint text in the rule: "─ ".
const hintLead = 2

// rule renders the line over the curve lane: its title and how many phases
// are scrolled off each side.
func (m *Model) rule(g geometry, left, right int) string {
	p := m.r.p
	title := ""
	if g.curve == curveFull || g.curve == curveSpark {
		title = "Emotional curve"
	}
	lh, rh := "", ""
	if left > 0 {
		lh = "◀ " + strconv.Itoa(left) + " more"
	}
	if right > 0 {
		rh = strconv.Itoa(right) + " more ▶"
	}
	avail := g.width
	fits := func() bool {
		w := theme.CellWidth(lh) + theme.CellWidth(rh) + 4
		if title != "" {
			w += theme.CellWidth(title) + 4
		}
		return w <= avail
	}
	if !fits() {
		title = ""
	}
	if !fits() {
		if left > 0 {
			lh = "◀" + strconv.Itoa(left)
		}
		if right > 0 {
			rh = strconv.Itoa(right) + "▶"
		}
	}
	if !fits() {
		return p.curve.title.On(theme.Repeat("─", avail))
	}
	var b strings.Builder
	used := 0
	if lh != "" {
		b.WriteString(p.hint.On(lh) + " ")
		used += theme.CellWidth(lh) + 1
	}
	if title != "" {
		b.WriteString(p.curve.title.On("── " + title + " "))
		used += theme.CellWidth(title) + 4
	}
	fill := avail - used
	if rh != "" {
		fill -= theme.CellWidth(rh) + 1
	}
	b.WriteString(p.curve.title.On(theme.Repeat("─", fill)))
	if rh != "" {
		b.WriteString(" " + p.hint.On(rh))
	}
	return b.String()
}

// wrapText word-wraps plain text into at most rows lines of exactly w cells.
func wrapText(s string, w, rows int) []string {
	if w <= 0 || rows <= 0 {
		return nil
	}
	lines := wrapLines(s, w, rows)
	for i, l := range lines {
		lines[i] = theme.PadPlain(l, w)
	}
	return lines
}

// shortName fits a name into w cells, cut at w-1 with "…" and no blank
// before the "…" ("Walks…", not "Walks …").
func shortName(name string, w int) string {
	s := strings.TrimRight(fitText(name, w), " ")
	if strings.HasSuffix(s, "…") {
		s = strings.TrimRight(strings.TrimSuffix(s, "…"), " ") + "…"
	}
	return s
}

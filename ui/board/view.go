package board

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
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
		m.r = newRenderer(m.styles)
	}
	g := newGeometry(width, height, m.phaseCount())
	m.r.last.valid, m.r.last.geo, m.r.last.phases = true, g, m.phaseCount()

	lines := make([]string, 0, height)
	if m.phaseCount() == 0 || g.cols == 0 {
		text := noPhasesText
		if m.phaseCount() > 0 {
			text = "" // narrower than the gutter: nothing fits
		}
		lines = append(lines, spaces(width))
		for _, l := range wrapText(text, width-gutter, height-1) {
			lines = append(lines, spaces(min(gutter, width))+m.r.p.empty.on(l))
		}
		for len(lines) < height {
			lines = append(lines, spaces(width))
		}
		return strings.Join(lines[:height], "\n")
	}

	first := m.firstCol(g)
	cols := make([][]string, g.cols)
	for i := range cols {
		cols[i] = m.column(first+i, g)
	}
	used := gutter + g.cols*g.colW + g.cols - 1
	right := m.phaseCount() - first - g.cols
	var b strings.Builder
	for y := 0; y < g.colsH; y++ {
		b.Reset()
		if y == 0 && first > 0 {
			b.WriteString(m.r.p.hint.on("◀") + " ")
		} else {
			b.WriteString(spaces(gutter))
		}
		for i := range cols {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(cols[i][y])
		}
		if y == 0 && right > 0 && used < width {
			b.WriteString(spaces(width - used - 1))
			b.WriteString(m.r.p.hint.on("▶"))
		} else {
			b.WriteString(spaces(width - used))
		}
		lines = append(lines, b.String())
	}
	if g.curve != curveNone {
		lines = append(lines, m.rule(g, first, right))
	}
	if g.curve == curveFull || g.curve == curveSpark {
		widths := make([]int, g.cols)
		for i := range widths {
			widths[i] = g.colW
		}
		scores := m.scores[first : first+g.cols]
		hl, sel := m.sel.Phase-first, m.sel.Index
		pad := spaces(width - used)
		if g.curve == curveFull {
			for _, l := range drawCurve(scores, widths, hl, sel, m.r.p.curve) {
				lines = append(lines, l+pad)
			}
		} else {
			lines = append(lines, sparkLine(scores, widths, hl, sel, m.r.p.curve)+pad)
		}
	}
	return strings.Join(lines, "\n")
}

// column renders phase p as g.colsH lines of g.colW cells.
func (m Model) column(p int, g geometry) []string {
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
			lines = append(lines, m.r.p.empty.on(l))
		}
	} else {
		cv := g.column(n)
		off := m.firstRow(p, g)
		if cv.hints {
			lines = append(lines, m.hint(off, "▲", w))
		}
		compact := g.cardH == 1
		for i := off; i < min(off+cv.k, n); i++ {
			sel := p == m.sel.Phase && i == m.sel.Index
			lines = append(lines, m.card(p, i, w, sel, compact)...)
		}
		if cv.hints {
			for len(lines) < headerRows+1+cv.k*g.cardH {
				lines = append(lines, spaces(w))
			}
			lines = append(lines, m.hint(n-off-cv.k, "▼", w))
		}
	}
	for len(lines) < g.colsH {
		lines = append(lines, spaces(w))
	}
	return lines[:g.colsH]
}

// hint renders "▼ 12 more" in w cells, or blanks when nothing is hidden.
func (m Model) hint(more int, arrow string, w int) string {
	if more <= 0 {
		return spaces(w)
	}
	return m.r.p.hint.on(fitPad(arrow+" "+strconv.Itoa(more)+" more", w))
}

// rule renders the line over the curve lane: its title and how many phases
// are scrolled off each side.
func (m Model) rule(g geometry, left, right int) string {
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
	width := g.width
	fits := func() bool {
		w := ansi.StringWidth(lh) + ansi.StringWidth(rh) + 4
		if title != "" {
			w += ansi.StringWidth(title) + 4
		}
		return w <= width
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
		return p.curve.title.on(repeat("─", width))
	}
	var b strings.Builder
	used := 0
	if lh != "" {
		b.WriteString(p.hint.on(lh) + " ")
		used += ansi.StringWidth(lh) + 1
	}
	if title != "" {
		b.WriteString(p.curve.title.on("── " + title + " "))
		used += ansi.StringWidth(title) + 4
	}
	fill := width - used
	if rh != "" {
		fill -= ansi.StringWidth(rh) + 1
	}
	b.WriteString(p.curve.title.on(repeat("─", fill)))
	if rh != "" {
		b.WriteString(" " + p.hint.on(rh))
	}
	return b.String()
}

// wrapText word-wraps plain text into at most rows lines of exactly w cells.
func wrapText(s string, w, rows int) []string {
	if w <= 0 || rows <= 0 {
		return nil
	}
	lines := strings.Split(ansi.Wrap(s, w, ""), "\n")
	if len(lines) > rows {
		lines = lines[:rows]
	}
	for i, l := range lines {
		lines[i] = fitPad(l, w)
	}
	return lines
}

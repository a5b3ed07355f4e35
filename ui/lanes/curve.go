package lanes

import (
	"strings"
)

// The emotional curve, in ui/board's box-drawing style (╭╮╰╯─│) but laid
// out on the grid: each touchpoint's point sits in the middle of its own
// column and is drawn as its score, so the curve carries its numbers. The
// line enters from the column scrolled off to the left and leaves towards
// the one off to the right, so it reads as one curve across the whole map;
// a phase without touchpoints breaks it.

// Curve glyph codes.
const (
	cBlank = iota
	cHoriz
	cVert
	cUpRight  // ╭
	cDownLeft // ╮
	cUpLeft   // ╰
	cLeftUp   // ╯
	cSep      // │ between touchpoints
	cPhaseSep // ┃ between phases
	cAxis     // ┤
	cDigit    // 1–5: glyph = cDigit + score
)

var curveGlyphs = [...]string{" ", "─", "│", "╭", "╮", "╰", "╯", "│", "┃", "┤", "", "1", "2", "3", "4", "5"}

// Curve style codes: 1–5 are the emotion colours.
const (
	csNone     = 0
	csRule     = 6
	csPhaseSep = 7
	csSelected = 8
	csAxis     = 9
)

// curve draws curveRows lines over the visible columns, each exactly
// g.cols*(g.colW+1) cells: the first cell is the score axis (┤), then the
// columns with their separators.
func (m *Model) curve(g *geometry) []string {
	w := g.colW
	W := g.cols * (w + 1)
	if W <= 0 {
		return make([]string, curveRows)
	}
	v := make([]int8, W)
	pt := make([]int8, W) // score drawn at a point
	selX := -1
	var prev, next int8
	if g.first > 0 {
		prev = int8(m.cols[g.first-1].score)
	}
	if e := g.first + g.cols; e < len(m.cols) {
		next = int8(m.cols[e].score)
	}
	cur := prev
	lastPt := -1
	for k := 0; k < g.cols; k++ {
		x0 := k * (w + 1)
		px := x0 + 1 + w/2
		c := m.cols[g.first+k]
		for x := x0; x < px && x < W; x++ {
			v[x] = cur
		}
		cur = int8(c.score)
		if px < W {
			pt[px] = cur
			if cur != 0 {
				lastPt = px
			}
			if g.first+k == m.sel {
				selX = px
			}
		}
		for x := px; x < x0+w+1 && x < W; x++ {
			v[x] = cur
		}
	}
	if next == 0 { // the line ends at the last point
		for x := max(lastPt+1, 0); x < W; x++ {
			v[x] = 0
		}
	}
	v[0] = 0 // the axis

	glyph := make([]int8, curveRows*W)
	style := make([]int8, curveRows*W)
	set := func(r, x int, gl, st int8) { glyph[r*W+x], style[r*W+x] = gl, st }
	line := func(r, x int, gl int8) { set(r, x, gl, int8(5-r)) }
	for x := 1; x < W; x++ {
		b := int(v[x])
		if b == 0 {
			continue
		}
		a := int(v[x-1])
		if x == 1 {
			a = b
		}
		switch {
		case a == 0 || a == b:
			line(5-b, x, cHoriz)
		case b > a:
			line(5-a, x, cLeftUp)
			line(5-b, x, cUpRight)
			for r := 5 - b + 1; r < 5-a; r++ {
				line(r, x, cVert)
			}
		default:
			line(5-a, x, cDownLeft)
			line(5-b, x, cUpLeft)
			for r := 5 - a + 1; r < 5-b; r++ {
				line(r, x, cVert)
			}
		}
	}
	for x := 0; x < W; x++ {
		if s := pt[x]; s != 0 {
			st := s
			if x == selX {
				st = csSelected
			}
			set(5-int(s), x, cDigit+s, st)
		}
	}
	for k := 0; k < g.cols; k++ {
		x := k * (w + 1)
		gl, st := int8(cSep), int8(csRule)
		switch {
		case k == 0:
			gl, st = cAxis, csAxis
		case m.phaseStart(g.first + k):
			gl, st = cPhaseSep, csPhaseSep
		}
		for r := 0; r < curveRows; r++ {
			if glyph[r*W+x] == cBlank || k == 0 {
				set(r, x, gl, st)
			}
		}
	}
	p := &m.r.p
	var paints [csAxis + 1]paint
	for s := 1; s <= 5; s++ {
		paints[s] = p.emotion[s]
	}
	paints[csRule], paints[csPhaseSep], paints[csSelected], paints[csAxis] = p.rule, p.phaseSep, p.selected, p.axis
	lines := make([]string, curveRows)
	var b strings.Builder
	for r := 0; r < curveRows; r++ {
		b.Reset()
		b.Grow(W*3 + 64)
		writeRuns(&b, glyph[r*W:(r+1)*W], style[r*W:(r+1)*W], &paints)
		lines[r] = b.String()
	}
	return lines
}

// writeRuns writes cells grouped into runs of one style, so a run costs one
// pair of escape sequences rather than one per cell.
func writeRuns(b *strings.Builder, glyph, style []int8, paints *[csAxis + 1]paint) {
	run := int8(-1)
	for x, g := range glyph {
		if g == cBlank {
			b.WriteByte(' ')
			continue
		}
		if s := style[x]; s != run {
			if run >= 0 {
				b.WriteString(paints[run].End())
			}
			b.WriteString(paints[s].Start())
			run = s
		}
		b.WriteString(curveGlyphs[g])
	}
	if run >= 0 {
		b.WriteString(paints[run].End())
	}
}

// phaseStart reports whether column c is the first of its phase.
func (m *Model) phaseStart(c int) bool {
	return c <= 0 || m.cols[c].phase != m.cols[c-1].phase
}

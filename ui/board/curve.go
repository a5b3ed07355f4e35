package board

import (
	"strings"

	"journeymap/model"
)

// CurveAxisWidth is how many cells the score axis ("5┤") takes at the left of
// every line CurveLines returns.
const CurveAxisWidth = 2

// CurveRows is how many lines CurveLines returns: one per score, 5 on top.
const CurveRows = 5

// CurveWidth returns the width in cells of the lines CurveLines draws for
// the given per-phase widths: the axis, every phase's cells and one separator
// cell between neighbouring phases.
func CurveWidth(widths []int) int {
	w := CurveAxisWidth
	for i, pw := range widths {
		if i > 0 {
			w++
		}
		w += max(pw, 0)
	}
	return w
}

// CurveLines draws the emotional curve: phases[i] holds the scores (1–5) of
// phase i's touchpoints in journey order and is drawn into widths[i] cells,
// phases separated by one cell (┊, or ┃ on both sides of highlightPhase), the
// score axis at the left. sel is the index of the selected touchpoint inside
// phases[highlightPhase] and is drawn as ◆; pass -1 for either to mark
// nothing. The lines join the points with box-drawing characters (╭╮╰╯─│),
// so the curve reads without colour; colour only adds the red-to-green scale.
//
// The result has CurveRows lines, each exactly CurveWidth(widths) cells wide.
// Extra phases or widths beyond the shorter of the two slices are ignored.
//
// lowest, when not 0, is a score whose points are drawn as ▼ (pass the
// lowest score of the whole map to mark its lowest moments).
func CurveLines(phases [][]int, widths []int, highlightPhase int, sel int, lowest int, st *Styles) []string {
	return drawCurve(phases, widths, highlightPhase, sel, 0, lowest, 1, newCurvePaints(st))
}

// CurveLinesTall is CurveLines drawn step rows per score step, for big
// screens: 4*step+1 lines, the scores' rows labelled on the axis.
func CurveLinesTall(phases [][]int, widths []int, highlightPhase, sel, lowest, step int, st *Styles) []string {
	return drawCurve(phases, widths, highlightPhase, sel, 0, lowest, max(step, 1), newCurvePaints(st))
}

// Cell glyphs and their styles, kept as small codes while the grid is built.
const (
	gBlank = iota
	gHoriz
	gVert
	gUpRight   // ╭: the line arrives from below and leaves to the right
	gDownLeft  // ╮: arrives from the left and goes down
	gUpLeft    // ╰: arrives from above and leaves to the right
	gLeftUp    // ╯: arrives from the left and goes up
	gPoint     // ●
	gSelected  // ◆
	gSep       // ┊
	gSepActive // ┃
	gLowest    // ▼
)

var glyphs = [...]string{" ", "─", "│", "╭", "╮", "╰", "╯", "●", "◆", "┊", "┃", "▼"}

// Spark blocks by score for the one-row curve used on short screens.
var sparks = [6]string{" ", "▁", "▂", "▄", "▆", "█"}

const (
	sNone     = 0
	sSep      = 6
	sSepAct   = 7
	sSelected = 8
	sLowest   = 9
)

// curveLayout is the curve reduced to cells: the score the line has in each
// cell, where the touchpoints and the separators sit.
type curveLayout struct {
	width    int    // cells, without the axis
	v        []int8 // line's score in each cell, 0 where there is no line
	point    []bool // a touchpoint is drawn as a dot here
	sep      []int8 // 0, sSep or sSepAct
	low      []bool // a point with the lowest score sits here
	selX     int    // cell of the selected touchpoint, -1 for none
	selScore int
}

// layoutCurve places the points. selScore, when not 0, is the score to draw
// the selection at instead of phases[highlight][sel] (the board passes
// squeezed phases, where a cell holds its lowest score, not the selected one).
// Points scoring lowest (when not 0) are marked in low.
func layoutCurve(phases [][]int, widths []int, highlight, sel, selScore, lowest int) curveLayout {
	n := min(len(phases), len(widths))
	total := 0
	for i := 0; i < n; i++ {
		if i > 0 {
			total++
		}
		total += max(widths[i], 0)
	}
	l := curveLayout{
		width: total,
		v:     make([]int8, total),
		point: make([]bool, total),
		sep:   make([]int8, total),
		low:   make([]bool, total),
		selX:  -1,
	}
	pv := make([]int8, total) // the point value of each cell, 0 for none
	x0 := 0
	for i := 0; i < n; i++ {
		if i > 0 {
			if i == highlight || i-1 == highlight {
				l.sep[x0] = sSepAct
			} else {
				l.sep[x0] = sSep
			}
			x0++
		}
		w := max(widths[i], 0)
		scores := phases[i]
		k := len(scores)
		if w > 0 && k > 0 {
			dots := w >= 2*k
			for j, sc := range scores {
				var x int
				if k <= w {
					// Spread the points evenly, each centred in its share.
					x = x0 + (2*j+1)*w/(2*k)
				} else {
					// More touchpoints than cells: several share a cell,
					// which shows the lowest score among them so a dip is
					// never hidden by its neighbours.
					x = x0 + j*w/k
				}
				s := int8(model.ClampScore(sc))
				if pv[x] == 0 || s < pv[x] {
					pv[x] = s
				}
				if dots {
					l.point[x] = true
				}
				if lowest != 0 && int(s) == lowest {
					l.low[x] = true
				}
				if i == highlight && j == sel {
					l.selX, l.selScore = x, int(s)
					if selScore != 0 {
						l.selScore = model.ClampScore(selScore)
					}
				}
			}
		}
		x0 += w
	}
	// Carry the line from point to point. It breaks across a phase without
	// touchpoints (nothing happened there) and ends at the last point.
	last := -1
	for x := total - 1; x >= 0; x-- {
		if pv[x] != 0 {
			last = x
			break
		}
	}
	var cur int8
	x0 = 0
	for i := 0; i < n; i++ {
		if len(phases[i]) == 0 {
			cur = 0
		}
		if i > 0 {
			if x0 <= last {
				l.v[x0] = cur
			}
			x0++
		}
		w := max(widths[i], 0)
		for x := x0; x < x0+w && x <= last; x++ {
			if pv[x] != 0 {
				cur = pv[x]
			}
			l.v[x] = cur
		}
		x0 += w
	}
	return l
}

// drawCurve renders a layout as box-drawn lines, step rows per score step
// (CurveRows lines for step 1).
func drawCurve(phases [][]int, widths []int, highlight, sel, selScore, lowest, step int, p curvePaints) []string {
	l := layoutCurve(phases, widths, highlight, sel, selScore, lowest)
	rows := 4*step + 1
	scoreRow := func(score int) int { return (5 - score) * step }
	glyph := make([][]int8, rows)
	style := make([][]int8, rows)
	cells := make([]int8, 2*rows*l.width)
	for r := range glyph {
		glyph[r] = cells[2*r*l.width : (2*r+1)*l.width]
		style[r] = cells[(2*r+1)*l.width : (2*r+2)*l.width]
	}
	set := func(r, x int, g, s int8) { glyph[r][x], style[r][x] = g, s }
	// A line cell takes the colour of its row's score, so the line shades
	// from red at the bottom to green at the top and each row is a few long
	// runs of one colour rather than a colour change per cell.
	line := func(r, x int, g int8) { set(r, x, g, int8(5-(r+step/2)/step)) }
	for x := 0; x < l.width; x++ {
		b := int(l.v[x])
		if b == 0 {
			continue
		}
		a := 0
		if x > 0 {
			a = int(l.v[x-1])
		}
		switch {
		case a == 0 || a == b:
			line(scoreRow(b), x, gHoriz)
		case b > a:
			line(scoreRow(a), x, gLeftUp)
			line(scoreRow(b), x, gUpRight)
			for r := scoreRow(b) + 1; r < scoreRow(a); r++ {
				line(r, x, gVert)
			}
		default:
			line(scoreRow(a), x, gDownLeft)
			line(scoreRow(b), x, gUpLeft)
			for r := scoreRow(a) + 1; r < scoreRow(b); r++ {
				line(r, x, gVert)
			}
		}
		if l.point[x] {
			line(scoreRow(b), x, gPoint)
		}
		if l.low[x] && l.v[x] != 0 {
			set(scoreRow(b), x, gLowest, sLowest)
		}
	}
	for x := 0; x < l.width; x++ {
		if l.sep[x] == 0 {
			continue
		}
		g := int8(gSep)
		if l.sep[x] == sSepAct {
			g = gSepActive
		}
		for r := 0; r < rows; r++ {
			if glyph[r][x] == gBlank {
				set(r, x, g, l.sep[x])
			}
		}
	}
	if l.selX >= 0 {
		set(scoreRow(l.selScore), l.selX, gSelected, sSelected)
	}
	lines := make([]string, rows)
	var b strings.Builder
	for r := 0; r < rows; r++ {
		b.Reset()
		b.Grow(l.width*3 + 32)
		if r%step == 0 {
			b.WriteString(p.axis.On(string(rune('5'-r/step)) + "┤"))
		} else {
			b.WriteString(p.axis.On(" │"))
		}
		writeRuns(&b, glyph[r], style[r], glyphs[:], p)
		lines[r] = b.String()
	}
	return lines
}

// sparkLine renders the curve as one row of blocks (▁▂▄▆█), for screens too
// short for the five-row curve.
func sparkLine(phases [][]int, widths []int, highlight, sel, selScore, lowest int, p curvePaints) string {
	l := layoutCurve(phases, widths, highlight, sel, selScore, lowest)
	glyph := make([]int8, 2*l.width)
	glyph, style := glyph[:l.width], glyph[l.width:]
	for x := 0; x < l.width; x++ {
		switch {
		case l.sep[x] == sSepAct:
			glyph[x], style[x] = sparkSepActive, sSepAct
		case l.sep[x] != 0:
			glyph[x], style[x] = sparkSep, sSep
		case l.low[x]:
			glyph[x], style[x] = sparkLowest, sLowest
		case l.v[x] != 0:
			glyph[x], style[x] = l.v[x], l.v[x]
		}
	}
	if l.selX >= 0 {
		glyph[l.selX], style[l.selX] = sparkSelected, sSelected
	}
	var b strings.Builder
	b.Grow(4*l.width + 64)
	b.WriteString(p.axis.On("~┤"))
	writeRuns(&b, glyph, style, sparkGlyphs[:], p)
	return b.String()
}

// Spark glyph codes: 1–5 are the blocks by score.
const (
	sparkSep = 6 + iota
	sparkSepActive
	sparkSelected
	sparkLowest
)

var sparkGlyphs = [...]string{" ", "▁", "▂", "▄", "▆", "█", "┊", "┃", "◆", "▼"}

// writeRuns writes cells grouped into runs of one style, so each run costs
// one pair of escape sequences rather than one per cell. Glyph code 0 is a
// blank, which looks the same in any colour and so never breaks a run.
func writeRuns(b *strings.Builder, glyph, style []int8, table []string, p curvePaints) {
	var paints [sLowest + 1]paint
	for s := 1; s <= 5; s++ {
		paints[s] = p.line[s]
	}
	paints[sSep], paints[sSepAct], paints[sSelected], paints[sLowest] = p.sep, p.sepActive, p.selected, p.lowest
	run := int8(-1)
	for x, g := range glyph {
		if g == 0 {
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
		b.WriteString(table[g])
	}
	if run >= 0 {
		b.WriteString(paints[run].End())
	}
}

// scoreRow is the line a score is drawn on in the five-line curve.
func scoreRow(score int) int { return 5 - score }

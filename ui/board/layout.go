package board

// Column widths: as many columns as fit at the minimum, then widened up to
// the maximum so cards stay readable but phases do not sprawl.
const (
	minColWidth = 24
	maxColWidth = 36
	gutter      = CurveAxisWidth // left margin: the curve's axis, ◂ over the columns
	headerRows  = 3              // name, stats, rule
	cardRows    = 6              // border, two name lines, meta, counts, border
)

// Curve lane modes, chosen by the height available.
const (
	curveNone  = iota // too short: columns only
	curveRule         // the rule line alone, carrying the ◀ ▶ hints
	curveSpark        // rule + one row of blocks
	curveFull         // rule + five rows of box drawing
)

// geometry is where everything goes for one board size.
type geometry struct {
	width, height int
	cols          int // visible columns
	colW          int
	colsH         int  // rows for the columns (header + cards)
	cardsH        int  // rows for the cards under the header
	cardH         int  // rows per card: cardRows, or 1 in the compact mode of short screens
	curve         int  // curve lane mode
	curveTop      int  // first row of the curve lane (its rule)
	labels        bool // a row naming the curve's touchpoints over it
	title         bool // with labels: the rule too, above them
}

func newGeometry(width, height, phases int) geometry {
	g := geometry{width: max(width, 0), height: max(height, 0)}
	avail := g.width - gutter
	if avail > 0 && phases > 0 {
		g.cols = min(max(1, (avail+1)/(minColWidth+1)), phases)
		g.colW = min(maxColWidth, (avail-(g.cols-1))/g.cols)
	}
	switch h := g.height; {
	case h >= 20:
		g.curve = curveFull
	case h >= 12:
		g.curve = curveSpark
	case h >= 8:
		g.curve = curveRule
	}
	// The full curve names its touchpoints in the row over it. That row
	// is also the lane's rule when a separate rule ("── Emotional curve ──
	// 3 more ▶") would cost the columns a row of cards.
	g.labels = g.curve == curveFull
	if g.labels {
		with := g.height - (2 + CurveRows) - headerRows
		g.title = with >= 1 && (with/cardRows == (with+1)/cardRows || with+1 < cardRows)
	}
	g.colsH = g.height - g.curveRows()
	g.curveTop = g.colsH
	g.cardsH = max(g.colsH-headerRows, 0)
	g.cardH = cardRows
	if g.cardsH < cardRows {
		g.cardH = 1
	}
	return g
}

func (g geometry) curveRows() int {
	switch g.curve {
	case curveFull:
		if g.title {
			return 2 + CurveRows // rule, the touchpoints' names, the curve
		}
		return 1 + CurveRows // the names (and the scroll hints), the curve
	case curveSpark:
		return 2
	case curveRule:
		return 1
	}
	return 0
}

// colView says how a column of n touchpoints fits the card area: k cards
// are visible and, when not all fit, the rule under the header says how
// many are above and below (so the hint costs no row and cards in
// neighbouring columns stay aligned).
type colView struct {
	k     int
	hints bool
}

func (g geometry) column(n int) colView {
	if n*g.cardH <= g.cardsH {
		return colView{k: n}
	}
	return colView{k: g.cardsH / g.cardH, hints: true}
}

// clampOffset returns the first visible index of a list of n items showing
// k at a time, starting from off and moved just enough to show sel (when
// sel >= 0).
func clampOffset(off, n, k, sel int) int {
	if k <= 0 {
		return max(min(sel, n-1), 0)
	}
	if sel >= 0 {
		if sel < off {
			off = sel
		}
		if sel >= off+k {
			off = sel - k + 1
		}
	}
	return max(min(off, n-k), 0)
}

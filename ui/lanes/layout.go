package lanes

// Layout constants.
const (
	minAutoCol  = 9   // narrowest column the view chooses by itself
	maxAutoCol  = 30  // widest
	minZoom     = 6   // narrowest column Narrower or SetColumnWidth gives
	maxZoom     = 60  // widest
	wideLabels  = 150 // screens at least this wide get one-line lane names
	headRows    = 2   // phase names, then the rule with journey numbers
	detailRows  = 2   // a rule and the selected item in full
	curveRows   = 5   // one per score
	maxListRows = 10  // tallest a list lane grows to fit its text
	minWidth    = 16  // below this (or minHeight) the view only says it is too small
	minHeight   = 4
)

// laneBox is where a lane sits in the body: its first row (rules between
// lanes included in the count) and its height.
type laneBox struct {
	lane Lane
	y, h int
}

// geometry is where everything goes for one frame.
type geometry struct {
	width, height int
	tooSmall      bool
	labT          int // lane-name text width
	labW          int // the whole frozen left column: marker, name, axis digit
	colW          int // a touchpoint column without its separator
	cols          int // visible columns
	first         int // first visible column
	detail        bool
	bodyH         int // rows under the header for the lanes
	lanes         []laneBox
	total         int // body rows of all shown lanes and the rules between them
	rowOff        int
}

// layout computes the geometry for the current size, selection and offsets.
// Only visible columns are looked at, so its cost follows the screen.
func (m *Model) layout() geometry {
	g := geometry{width: m.width, height: m.height}
	n := len(m.cols)
	if g.width < minWidth || g.height < minHeight {
		g.tooSmall = true
		return g
	}
	g.labT = 8
	if g.width >= wideLabels {
		g.labT = 13
	} else if g.width < 40 {
		g.labT = 5
	}
	g.labW = g.labT + 2
	avail := g.width - g.labW
	if n > 0 {
		w := m.zoom
		if w == 0 {
			w = min(max(avail/n-1, minAutoCol), maxAutoCol)
		}
		w = max(min(w, avail-1), 2)
		g.cols = min(avail/(w+1), n)
		if m.zoom == 0 && g.cols < n && g.cols > 0 {
			// Scrolling anyway: share the spare cells out, so the right
			// edge is not a ragged gap.
			w += (avail - g.cols*(w+1)) / g.cols
		}
		g.colW = w
		g.first = clampOffset(m.colOff, n, g.cols, m.sel)
	}
	g.detail = g.height >= 14
	g.bodyH = g.height - headRows
	if g.detail {
		g.bodyH -= detailRows
	}
	m.laneHeights(&g)
	g.rowOff = m.firstRow(&g)
	return g
}

// laneHeights sizes the shown lanes: each as tall as its text needs in the
// visible columns (up to maxListRows), then the tallest are shrunk until
// everything fits the body, down to a floor; what still does not fit scrolls.
func (m *Model) laneHeights(g *geometry) {
	shown := m.shownLanes()
	g.lanes = make([]laneBox, len(shown))
	for i, l := range shown {
		h := 1
		switch l {
		case LaneTouchpoint:
			h = 3
		case LaneEmotion:
			h = curveRows + 1
		default:
			for k := 0; k < g.cols; k++ {
				c := m.cell(g.first+k, l, g.colW)
				h = max(h, len(c.lines))
			}
			h = min(h, maxListRows)
		}
		g.lanes[i] = laneBox{lane: l, h: h}
	}
	need := func() int {
		t := max(len(g.lanes)-1, 0)
		for _, b := range g.lanes {
			t += b.h
		}
		return t
	}
	shrinkLists := func(floor int) {
		for need() > g.bodyH {
			best := -1
			for i, b := range g.lanes {
				if !b.lane.IsList() || b.h <= floor {
					continue
				}
				// The tallest lane gives a row first; between equals, the
				// one that matters least (pain points keep theirs longest).
				if best < 0 || b.h+shrinkBias[b.lane] > g.lanes[best].h+shrinkBias[g.lanes[best].lane] {
					best = i
				}
			}
			if best < 0 {
				return
			}
			g.lanes[best].h--
		}
	}
	shrinkLists(2)
	if g.bodyH < 12 {
		for i, b := range g.lanes {
			if need() > g.bodyH && b.lane == LaneTouchpoint {
				g.lanes[i].h = 2
			}
		}
		// A short window: one row per lane and the curve as scores, rather
		// than a single lane at a time.
		for i, b := range g.lanes {
			if need() > g.bodyH && b.lane == LaneEmotion {
				g.lanes[i].h = 2
			}
		}
		shrinkLists(1)
	}
	y := 0
	for i := range g.lanes {
		g.lanes[i].y = y
		y += g.lanes[i].h + 1
	}
	g.total = need()
}

// box returns the box of lane l and false when it is hidden.
func (g *geometry) box(l Lane) (laneBox, bool) {
	for _, b := range g.lanes {
		if b.lane == l {
			return b, true
		}
	}
	return laneBox{}, false
}

// shrinkBias makes a lane give up rows earlier (positive) or later than
// its height alone says, when the lanes do not fit.
var shrinkBias = [laneCount]int{
	LaneBackstage: 1, LaneMotivations: 1, LaneThoughts: 0, LaneOpportunities: 0,
	LaneMetrics: 0, LanePainPoints: -1,
}

// firstRow returns the first visible body row: the stored offset, moved
// just enough to show the selected lane (its top, when it is taller than
// the body).
func (m *Model) firstRow(g *geometry) int {
	off := m.rowOff
	if b, ok := g.box(m.lane); ok {
		if b.y+b.h > off+g.bodyH {
			off = b.y + b.h - g.bodyH
		}
		if b.y < off {
			off = b.y
		}
	}
	return max(min(off, g.total-g.bodyH), 0)
}

// scrollToSelection stores the offsets that show the selection, so later
// frames scroll from there.
func (m *Model) scrollToSelection() {
	if m.r == nil {
		return
	}
	g := m.layout()
	m.colOff, m.rowOff = g.first, g.rowOff
}

// clampOffset returns the first visible index of a list of n items showing
// k at a time, starting from off and moved just enough to show sel.
func clampOffset(off, n, k, sel int) int {
	if k <= 0 {
		return max(min(sel, n-1), 0)
	}
	if sel < off {
		off = sel
	}
	if sel >= off+k {
		off = sel - k + 1
	}
	return max(min(off, n-k), 0)
}

package lanes

import (
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"journeymap/model"
	"journeymap/ui/theme"
)

// maxCached bounds the cell cache; past it the cache starts over, so a long
// walk through a huge map cannot grow memory without end.
const maxCached = 4096

// maxCellLines bounds the lines one cell keeps, however much text it holds.
const maxCellLines = 40

// Gutter marks: the cell before each line of a cell.
const (
	gutBlank = iota
	gutBullet
	gutOn
	gutOff
	gutNoData
)

// cellText is a cell's text wrapped to its column: plain, cleaned lines of
// at most textW cells (the column less its one-cell gutter), the gutter
// mark and the item of each line. It does not depend on the selection.
type cellText struct {
	lines []string
	gut   []int8
	item  []int // item index per line, -1 for none
	more  bool  // text was left out (the lines ran past maxCellLines)
	// The touchpoint lane: the name in one line for short lanes, and the
	// kind and channel.
	name1 string
	meta  string
	kind  string
}

type cellKey struct {
	col  int
	lane Lane
	w    int
}

// renderer holds what frames share; behind a pointer so copies of Model do.
type renderer struct {
	p     paints
	cells map[cellKey]*cellText
}

func newRenderer(st *Styles) *renderer {
	r := &renderer{p: newPaints(st)}
	r.reset()
	return r
}

func (r *renderer) reset() { r.cells = make(map[cellKey]*cellText) }

// cell returns the wrapped text of column c in lane l at column width w.
func (m *Model) cell(c int, l Lane, w int) *cellText {
	k := cellKey{c, l, w}
	if ct, ok := m.r.cells[k]; ok {
		return ct
	}
	if len(m.r.cells) >= maxCached {
		m.r.reset()
	}
	ct := buildCell(m.touchpoint(c), l, w-1)
	m.r.cells[k] = ct
	return ct
}

func buildCell(t *model.Touchpoint, l Lane, tw int) *cellText {
	ct := &cellText{}
	if t == nil || tw <= 0 {
		return ct
	}
	add := func(text string, gut int8, item int) bool {
		if len(ct.lines) >= maxCellLines {
			ct.more = true
			return false
		}
		ct.lines = append(ct.lines, text)
		ct.gut = append(ct.gut, gut)
		ct.item = append(ct.item, item)
		return true
	}
	switch l {
	case LaneTouchpoint:
		name := strings.TrimSpace(theme.Clean(theme.Head(t.Name, 64*tw+64)))
		if name == "" {
			name = "(untitled)"
		}
		lines := wrapLines(name, tw, 3)
		cut := len(lines) > 2 || len(t.Name) > 64*tw+64
		l1, l2 := lines[0], ""
		if len(lines) > 1 {
			l2 = lines[1]
		}
		ct.name1 = l1
		if len(lines) > 1 {
			ct.name1 = ellipsis(l1, tw)
		}
		if cut {
			l2 = ellipsis(l2, tw)
		}
		add(l1, gutBlank, -1)
		if l2 != "" {
			add(l2, gutBlank, -1)
		}
		ct.kind = theme.KindMark(t.Kind)
		ct.meta = fit(t.Channel, tw-2)
	case LaneEmotion:
		// Drawn per frame by the curve; the legend row's short name:
		ct.name1 = fit(t.Name, tw)
		if strings.TrimSpace(ct.name1) == "" {
			ct.name1 = "(untitled)"
		}
	case LaneMetrics:
		for i, mt := range t.Metrics {
			gut := int8(gutNoData)
			switch mt.Status() {
			case model.OnTarget:
				gut = gutOn
			case model.OffTarget:
				gut = gutOff
			}
			if !addWrapped(ct, metricText(mt), tw, gut, i, add) {
				break
			}
		}
	default:
		if p := l.List(t); p != nil {
			for i, s := range p.All() {
				if !addWrapped(ct, s, tw, gutBullet, i, add) {
					break
				}
			}
		}
	}
	return ct
}

// addWrapped adds one item's text wrapped to tw cells, its first line
// carrying the gutter mark. It reports whether there was room for it all.
func addWrapped(ct *cellText, s string, tw int, gut int8, item int, add func(string, int8, int) bool) bool {
	s = strings.TrimSpace(theme.Clean(theme.Head(s, 32*tw*maxCellLines)))
	if s == "" {
		s = "—"
	}
	for j, line := range wrapLines(s, tw, maxCellLines) {
		g := gut
		if j > 0 {
			g = gutBlank
		}
		if !add(line, g, item) {
			return false
		}
	}
	return true
}

// metricText is a metric as one text: values first, since they are what
// the grid is read for: "18/≥25 % share of sign-ups from referrals".
func metricText(mt model.Metric) string {
	return values(mt) + " " + strings.TrimSpace(theme.Clean(mt.Name))
}

func values(mt model.Metric) string {
	cur := "–"
	if mt.Current != nil {
		cur = number(*mt.Current)
	}
	s := cur
	if mt.Target != nil {
		rel := "≥"
		if mt.Direction == model.Down {
			rel = "≤"
		}
		s += "/" + rel + number(*mt.Target)
	}
	if u := strings.TrimSpace(theme.Clean(mt.Unit)); u != "" {
		s += " " + theme.Head(u, 64)
	}
	return s
}

// number formats a metric value briefly: 18, 1.5, 3100, 1.2e+12.
func number(v float64) string {
	if math.Abs(v) >= 1e9 || (v != 0 && math.Abs(v) < 1e-4) {
		return strconv.FormatFloat(v, 'g', 4, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// metricDetail is a metric in full words for the detail line.
func metricDetail(mt model.Metric) string {
	name := strings.TrimSpace(theme.Clean(mt.Name))
	unit := strings.TrimSpace(theme.Clean(mt.Unit))
	with := func(v float64) string {
		if unit == "" {
			return number(v)
		}
		return number(v) + " " + unit
	}
	var b strings.Builder
	switch mt.Status() {
	case model.OnTarget:
		b.WriteString("✓ on target · ")
	case model.OffTarget:
		b.WriteString("✗ off target · ")
	default:
		b.WriteString("· no data · ")
	}
	b.WriteString(name)
	b.WriteString(": ")
	if mt.Current != nil {
		b.WriteString(with(*mt.Current))
	} else {
		b.WriteString("not measured")
	}
	if mt.Target != nil {
		rel := "≥ "
		if mt.Direction == model.Down {
			rel = "≤ "
		}
		b.WriteString(" (target " + rel + with(*mt.Target) + ")")
	} else {
		b.WriteString(" (no target)")
	}
	return b.String()
}

// fit cleans untrusted text and cuts it to w cells with "…" (not padded).
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return theme.Fit(theme.Head(s, 16*w+64), w)
}

// ellipsis ends line s with "…", cutting it to fit w cells.
func ellipsis(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = strings.TrimRight(s, " ")
	if theme.CellWidth(s)+1 > w {
		s = theme.Truncate(s, w-1, "")
	}
	return s + "…"
}

// wrapLines word-wraps plain text to lines of at most w cells, breaking
// words longer than a line, and stops after limit lines.
func wrapLines(s string, w, limit int) []string {
	if w <= 0 || limit <= 0 {
		return nil
	}
	if !theme.IsPrintableASCII(s) {
		lines := strings.Split(ansi.Wrap(s, w, ""), "\n")
		out := lines[:0]
		for _, l := range lines {
			l = strings.TrimSpace(l)
			if l == "" {
				continue
			}
			if theme.CellWidth(l) > w { // a width disagreement must never widen a cell
				l = theme.Truncate(l, w, "")
			}
			out = append(out, l)
			if len(out) == limit {
				break
			}
		}
		if len(out) == 0 {
			out = append(out, "")
		}
		return out
	}
	var lines []string
	for len(s) > 0 && len(lines) < limit {
		s = strings.TrimLeft(s, " ")
		if len(s) <= w {
			if s != "" {
				lines = append(lines, s)
			}
			break
		}
		cut := strings.LastIndexByte(s[:w+1], ' ')
		if cut <= 0 {
			// One word wider than the column: break after a hyphen in
			// it, or else mark the break with one ("Compari-", "son"),
			// so a narrow column still reads as words.
			if h := strings.LastIndexByte(s[:w], '-'); h > 0 {
				lines = append(lines, s[:h+1])
				s = s[h+1:]
				continue
			}
			if w >= 4 {
				// Leave at least three letters for the next line
				// ("Leftov-", "ers" rather than "Leftove-", "rs").
				word := len(s)
				if sp := strings.IndexByte(s, ' '); sp >= 0 {
					word = sp
				}
				cut := w - 1
				if word-cut < 3 && word-3 >= 3 {
					cut = word - 3
				}
				lines = append(lines, s[:cut]+"-")
				s = s[cut:]
				continue
			}
			cut = w
		}
		lines = append(lines, strings.TrimRight(s[:cut], " "))
		s = s[cut:]
	}
	if len(lines) == 0 {
		lines = append(lines, "")
	}
	return lines
}

package board

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"journeymap/model"
	"journeymap/ui/theme"
)

// maxCached bounds each render cache; past it the cache starts over, so a
// long walk through a huge map cannot grow memory without end.
const maxCached = 1024

type cardKey struct {
	phase, index, width int
	selected, compact   bool
}

type headerKey struct {
	phase, width int
	state        int8
}

// Header states.
const (
	headerRest     = iota
	headerActive   // the selection is a card of this phase
	headerSelected // the header itself is selected
)

// renderer holds what View caches between frames. It sits behind a pointer
// so the copies of Model that Bubble Tea passes around share it.
type renderer struct {
	p        paints
	cards    map[cardKey][]string
	texts    map[cardKey]cardText
	squeezes map[squeezeKey][]int
	columns  map[columnKey][]string
	frames   map[frameKey]cardFrame
	headers  map[headerKey][]string
	last     struct {
		valid  bool
		geo    geometry
		phases int
	}
}

func newRenderer(st *Styles) *renderer {
	r := &renderer{p: newPaints(st)}
	r.reset()
	return r
}

func (r *renderer) reset() {
	r.cards = make(map[cardKey][]string)
	r.texts = make(map[cardKey]cardText)
	r.squeezes = make(map[squeezeKey][]int)
	r.columns = make(map[columnKey][]string)
	r.frames = make(map[frameKey]cardFrame)
	r.headers = make(map[headerKey][]string)
}

// touchpoint returns touchpoint i of phase p. The board's figures come from
// the last SetMap; should the map have shrunk since without one, the board
// draws blanks rather than panic.
func (m *Model) touchpoint(p, i int) (*model.Touchpoint, bool) {
	if m.mp == nil {
		return nil, false
	}
	return m.mp.Touchpoint(model.Ref{Phase: p, Index: i})
}

func blankLines(w, n int) []string {
	lines := make([]string, n)
	for i := range lines {
		lines[i] = theme.Spaces(w)
	}
	return lines
}

// wrapLines word-wraps plain text to lines of at most w cells, breaking
// words longer than a line, and stops after limit lines.
func wrapLines(s string, w, limit int) []string {
	if !theme.IsPrintableASCII(s) {
		lines := strings.Split(ansi.Wrap(s, w, ""), "\n")
		return lines[:min(len(lines), limit)]
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
			cut = w // one word longer than the line: break it
		}
		lines = append(lines, strings.TrimRight(s[:cut], " "))
		s = s[cut:]
	}
	return lines
}

// fitText cleans untrusted text and fits it to w cells with "…" when cut,
// padded to exactly w.
func fitText(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = theme.Head(s, 16*w+64)
	if theme.IsPrintableASCII(s) { // no control characters either, so nothing to clean
		if len(s) <= w {
			return s + theme.Spaces(w-len(s))
		}
		return s[:w-1] + "…"
	}
	return theme.PadPlain(theme.Fit(s, w), w)
}

// wrapName wraps a name onto two lines of w cells, ending the second with
// "…" when more did not fit.
func wrapName(name string, w int) (string, string) {
	if w <= 0 {
		return "", ""
	}
	// Generous: even emoji built from many code points need fewer bytes per
	// cell than this, so the cut never shows.
	cut := theme.Head(name, 64*w+64)
	s := strings.TrimSpace(theme.Clean(cut))
	if s == "" {
		return theme.PadPlain("(untitled)", w), theme.Spaces(w)
	}
	lines := wrapLines(s, w, 3)
	if len(lines) == 0 {
		lines = []string{""}
	}
	l1, l2 := lines[0], ""
	if len(lines) > 1 {
		l2 = lines[1]
	}
	if len(lines) > 2 || len(cut) < len(name) {
		l2 = strings.TrimRight(l2, " ")
		if theme.CellWidth(l2)+1 > w {
			l2 = theme.Truncate(l2, w-1, "")
		}
		l2 += "…"
	}
	return theme.PadPlain(l1, w), theme.PadPlain(l2, w)
}

// seg is a piece of styled text and its width in cells.
type seg struct {
	text string
	w    int
	p    paint
}

// count makes a seg like "▲3 metrics": a one-cell symbol, a number, a suffix.
func count(sym string, n int, suffix string, p paint) seg {
	d := strconv.Itoa(n)
	return seg{text: sym + d + suffix, w: 1 + len(d) + len(suffix), p: p}
}

// countsLine renders the counts line in exactly w cells, choosing the
// wordiest variant that fits. An off-target metric keeps its ✗ in every
// variant, so it shows without colour.
func (r *renderer) countsLine(t *model.Touchpoint, w int) string {
	nm, np, off := len(t.Metrics), t.PainPoints.Len(), t.OffTargetCount()
	p := r.p
	var variants [4][3]seg
	var sizes [4]int
	add := func(v int, s seg) { variants[v][sizes[v]] = s; sizes[v]++ }
	switch nm {
	case 0:
		add(0, seg{"no metrics", 10, p.counts})
	case 1:
		add(0, count("▲", 1, " metric", p.counts))
	default:
		add(0, count("▲", nm, " metrics", p.counts))
	}
	add(1, variants[0][0])
	add(2, count("▲", nm, "", p.counts))
	if off > 0 {
		add(3, count("✗", off, "", p.offTarget))
	}
	add(3, variants[2][0])
	if np > 0 {
		add(0, count("!", np, " pain", p.pain))
		add(1, variants[0][1])
		add(2, count("!", np, "", p.pain))
		add(3, variants[2][1])
	}
	if off > 0 {
		add(0, count("✗", off, " off target", p.offTarget))
		add(1, count("✗", off, " off", p.offTarget))
		add(2, variants[1][sizes[1]-1])
	}
	for v := range variants {
		const sep = 1
		segs := variants[v][:sizes[v]]
		used := 0
		for i, s := range segs {
			if i > 0 {
				used += sep
			}
			used += s.w
		}
		if used > w {
			continue
		}
		var b strings.Builder
		for i, s := range segs {
			if i > 0 {
				b.WriteString(theme.Spaces(sep))
			}
			b.WriteString(s.p.On(s.text))
		}
		b.WriteString(theme.Spaces(w - used))
		return b.String()
	}
	tiny := variants[3][:sizes[3]]
	plain := make([]string, len(tiny))
	for i, s := range tiny {
		plain[i] = s.text
	}
	return tiny[0].p.On(theme.PadPlain(strings.Join(plain, " "), w))
}

// metaLine renders "D website      4 :)" in exactly w cells.
func (r *renderer) metaLine(t *model.Touchpoint, w int) string {
	score := model.ClampScore(t.Emotion.Score)
	emo := strconv.Itoa(score) + " " + theme.Face(score)
	kind := theme.KindMark(t.Kind)
	ew := theme.CellWidth(emo)
	chW := w - 2 - 1 - ew
	if chW < 0 {
		return r.p.emotion[score].On(theme.PadPlain(kind+" "+emo, w))
	}
	return r.p.kind.On(kind) + " " + r.p.channel.On(fitText(t.Channel, chW)) + " " + r.p.emotion[score].On(emo)
}

// card renders touchpoint i of phase p as lines of exactly w cells: a
// bordered card of cardRows lines, or in compact mode a single line.
func (m *Model) card(p, i, w int, selected, compact bool) []string {
	r := m.r
	k := cardKey{phase: p, index: i, width: w, selected: selected, compact: compact}
	if c, ok := r.cards[k]; ok {
		return c
	}
	if len(r.cards) >= maxCached {
		r.cards = make(map[cardKey][]string)
	}
	t, ok := m.touchpoint(p, i)
	if !ok {
		if compact {
			return blankLines(w, 1)
		}
		return blankLines(w, cardRows)
	}
	var lines []string
	if compact {
		lines = []string{r.compactCard(t, w, selected)}
	} else {
		tk := cardKey{phase: p, index: i, width: w}
		c, ok := r.texts[tk]
		if !ok {
			if len(r.texts) >= maxCached {
				r.texts = make(map[cardKey]cardText)
			}
			inner := w - 4
			if inner < 1 {
				inner = w // no room for a border: see fullCard
			}
			c = r.cardText(t, inner)
			r.texts[tk] = c
		}
		lines = r.fullCard(c, w, selected)
	}
	r.cards[k] = lines
	return lines
}

func (r *renderer) compactCard(t *model.Touchpoint, w int, selected bool) string {
	score := model.ClampScore(t.Emotion.Score)
	lead := " "
	if selected {
		lead = "▶"
	}
	prefix := lead + theme.KindMark(t.Kind) + " " + strconv.Itoa(score) + " "
	suffix := ""
	if off := t.OffTargetCount(); off > 0 {
		suffix = " ✗" + strconv.Itoa(off)
	}
	nameW := w - theme.CellWidth(prefix) - theme.CellWidth(suffix)
	if nameW < 1 {
		line := theme.PadPlain(prefix+suffix, w)
		if selected {
			return r.p.headerSelected.On(line)
		}
		return line
	}
	name := fitText(t.Name, nameW)
	if selected {
		// One paint for the whole bar: nested styles would end the reverse early.
		return r.p.headerSelected.On(prefix + name + suffix)
	}
	return lead + r.p.kind.On(theme.KindMark(t.Kind)) + " " + r.p.emotion[score].On(strconv.Itoa(score)) + " " +
		r.p.name.On(name) + r.p.offTarget.On(suffix)
}

// Card borders: rounded at rest, double when selected, so the selection shows
// without colour.
var (
	restBorder     = [6]string{"╭", "─", "╮", "│", "╰", "╯"}
	selectedBorder = [6]string{"╔", "═", "╗", "║", "╚", "╝"}
)

// cardText is a card's inner lines, painted and exactly as wide as the space
// inside the border. It does not depend on the selection, so moving the
// selection only reassembles borders around cached text.
type cardText struct{ name1, name2, meta, counts string }

func (r *renderer) cardText(t *model.Touchpoint, inner int) cardText {
	l1, l2 := wrapName(t.Name, inner)
	return cardText{name1: l1, name2: l2, meta: r.metaLine(t, inner), counts: r.countsLine(t, inner)}
}

func (r *renderer) fullCard(c cardText, w int, selected bool) []string {
	lines := make([]string, cardRows)
	inner := w - 4
	if inner < 1 {
		// Too narrow for a border: the name alone, then blanks.
		lines[0], lines[1] = c.name1, c.name2
		for i := 2; i < cardRows; i++ {
			lines[i] = theme.Spaces(w)
		}
		if selected {
			lines[0] = r.p.headerSelected.On(c.name1)
		}
		return lines
	}
	np := r.p.name
	if selected {
		np = r.p.nameSelected
	}
	f := r.frame(w, selected)
	lines[0] = f.top
	lines[1] = f.lead + np.On(c.name1) + f.right
	lines[2] = f.left + np.On(c.name2) + f.right
	lines[3] = f.left + c.meta + f.right
	lines[4] = f.left + c.counts + f.right
	lines[5] = f.bottom
	return lines
}

// cardFrame is a card's border, painted: the top and bottom lines and what
// goes either side of the inner text.
type cardFrame struct{ top, bottom, left, lead, right string }

type frameKey struct {
	width    int
	selected bool
}

func (r *renderer) frame(w int, selected bool) cardFrame {
	k := frameKey{w, selected}
	if f, ok := r.frames[k]; ok {
		return f
	}
	bd, bp, lead := restBorder, r.p.border, " "
	if selected {
		bd, bp, lead = selectedBorder, r.p.borderSelected, r.p.marker.On("▶")
	}
	side := bp.On(bd[3])
	f := cardFrame{
		top:    bp.On(bd[0] + theme.Repeat(bd[1], w-2) + bd[2]),
		bottom: bp.On(bd[4] + theme.Repeat(bd[1], w-2) + bd[5]),
		left:   side + " ",
		lead:   side + lead,
		right:  " " + side,
	}
	r.frames[k] = f
	return f
}

// header renders the phase's header as headerRows lines of exactly w cells.
func (m *Model) header(p, w int, state int8) []string {
	r := m.r
	k := headerKey{phase: p, width: w, state: state}
	if h, ok := r.headers[k]; ok {
		return h
	}
	if len(r.headers) >= maxCached {
		r.headers = make(map[headerKey][]string)
	}
	if m.mp == nil || p >= len(m.mp.Phases) {
		return blankLines(w, headerRows) // the map changed without SetMap
	}
	ph := &m.mp.Phases[p]
	lines := make([]string, headerRows)
	switch state {
	case headerSelected:
		lines[0] = r.p.headerSelected.On("▶ " + fitText(ph.Name, w-2))
		if w < 2 {
			lines[0] = r.p.headerSelected.On(theme.PadPlain("▶", w))
		}
		lines[2] = r.p.ruleSelected.On(theme.Repeat("═", w))
	case headerActive:
		lines[0] = r.p.headerActive.On(fitText(ph.Name, w))
		lines[2] = r.p.ruleSelected.On(theme.Repeat("━", w))
	default:
		lines[0] = r.p.header.On(fitText(ph.Name, w))
		lines[2] = r.p.rule.On(theme.Repeat("─", w))
	}
	lines[1] = r.statsLine(m.stats[p], w)
	r.headers[k] = lines
	return lines
}

// statsLine renders "4 touchpoints · ø 2.5 :|" (or shorter) in exactly w cells.
func (r *renderer) statsLine(s phaseStat, w int) string {
	count := strconv.Itoa(s.count) + " touchpoints"
	if s.count == 1 {
		count = "1 touchpoint"
	}
	if s.count == 0 {
		return r.p.headerStats.On(theme.PadPlain(count, w))
	}
	score := int(math.Round(s.mean))
	mean := fmt.Sprintf("ø %.1f %s", s.mean, theme.Face(score))
	if theme.CellWidth(count)+3+theme.CellWidth(mean) > w {
		count = strconv.Itoa(s.count)
	}
	used := theme.CellWidth(count) + 3 + theme.CellWidth(mean)
	if used > w {
		return r.p.headerStats.On(theme.PadPlain(count+" · "+mean, w))
	}
	return r.p.headerStats.On(count+" · ") + r.p.emotion[model.ClampScore(score)].On(mean) + theme.Spaces(w-used)
}

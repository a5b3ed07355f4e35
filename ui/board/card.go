package board

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"journeymap/model"
	"journeymap/ui/theme"
)

// maxCached bounds each render cache; past it the cache starts over, so a
// long walk through a huge map cannot grow memory without end.
const maxCached = 4096

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
	p       paints
	cards   map[cardKey][]string
	headers map[headerKey][]string
	last    struct {
		valid  bool
		geo    geometry
		phases int
	}
}

func newRenderer(st Styles) *renderer {
	r := &renderer{p: newPaints(st)}
	r.reset()
	return r
}

func (r *renderer) reset() {
	r.cards = make(map[cardKey][]string)
	r.headers = make(map[headerKey][]string)
}

// spaces returns n blanks.
func spaces(n int) string {
	const blank = "                                                                                                                                "
	if n <= 0 {
		return ""
	}
	if n <= len(blank) {
		return blank[:n]
	}
	return strings.Repeat(" ", n)
}

func repeat(s string, n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(s, n)
}

// head cuts s to at most n bytes on a rune boundary, so that measuring and
// wrapping a 10,000-character name only ever looks at what can be shown.
func head(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// fitPad returns plain text s cut or padded to exactly w cells.
func fitPad(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := ansi.StringWidth(s)
	if sw > w {
		s = ansi.Truncate(s, w, "")
		sw = ansi.StringWidth(s)
	}
	return s + spaces(w-sw)
}

// fitText cleans untrusted text and fits it to w cells with "…" when cut,
// padded to exactly w.
func fitText(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return fitPad(theme.Fit(head(s, 16*w+64), w), w)
}

// wrapName wraps a name onto two lines of w cells, ending the second with
// "…" when more did not fit.
func wrapName(name string, w int) (string, string) {
	if w <= 0 {
		return "", ""
	}
	// Generous: even emoji built from many code points need fewer bytes per
	// cell than this, so the cut never shows.
	cut := head(name, 64*w+64)
	s := strings.TrimSpace(theme.Clean(cut))
	if s == "" {
		return fitPad("(untitled)", w), spaces(w)
	}
	lines := strings.Split(ansi.Wrap(s, w, ""), "\n")
	l1, l2 := lines[0], ""
	if len(lines) > 1 {
		l2 = lines[1]
	}
	if len(lines) > 2 || len(cut) < len(name) {
		l2 = strings.TrimRight(l2, " ")
		if ansi.StringWidth(l2)+1 > w {
			l2 = ansi.Truncate(l2, w-1, "")
		}
		l2 += "…"
	}
	return fitPad(l1, w), fitPad(l2, w)
}

// seg is a piece of styled text.
type seg struct {
	text string
	p    paint
}

func segsWidth(segs []seg, sep int) int {
	w := 0
	for i, s := range segs {
		if i > 0 {
			w += sep
		}
		w += ansi.StringWidth(s.text)
	}
	return w
}

// countVariants returns the counts line from wordy to terse; the card shows
// the first that fits. An off-target metric keeps its ✗ in every variant, so
// it shows without colour.
func (r *renderer) countVariants(t *model.Touchpoint) [][]seg {
	nm, np, off := len(t.Metrics), len(t.PainPoints), t.OffTargetCount()
	p := r.p
	plural := func(n int, one, many string) string {
		if n == 1 {
			return one
		}
		return many
	}
	var long, medium, short, tiny []seg
	if nm == 0 {
		long = append(long, seg{"no metrics", p.counts})
		short = append(short, seg{"▲0", p.counts})
	} else {
		long = append(long, seg{fmt.Sprintf("▲%d %s", nm, plural(nm, "metric", "metrics")), p.counts})
		short = append(short, seg{"▲" + strconv.Itoa(nm), p.counts})
	}
	medium = append(medium, long[0])
	if np > 0 {
		long = append(long, seg{fmt.Sprintf("!%d pain", np), p.pain})
		medium = append(medium, long[len(long)-1])
		short = append(short, seg{"!" + strconv.Itoa(np), p.pain})
	}
	tiny = append(tiny, short...)
	if off > 0 {
		long = append(long, seg{fmt.Sprintf("✗%d off target", off), p.offTarget})
		medium = append(medium, seg{fmt.Sprintf("✗%d off", off), p.offTarget})
		short = append(short, seg{fmt.Sprintf("✗%d off", off), p.offTarget})
		tiny = append([]seg{{"✗" + strconv.Itoa(off), p.offTarget}}, tiny...)
	}
	return [][]seg{long, medium, short, tiny}
}

// countsLine renders the counts line in exactly w cells.
func (r *renderer) countsLine(t *model.Touchpoint, w int) string {
	variants := r.countVariants(t)
	for vi, v := range variants {
		sep := 1
		if vi == 0 {
			sep = 2
		}
		if sw := segsWidth(v, sep); sw <= w {
			var b strings.Builder
			for i, s := range v {
				if i > 0 {
					b.WriteString(spaces(sep))
				}
				b.WriteString(s.p.on(s.text))
			}
			b.WriteString(spaces(w - sw))
			return b.String()
		}
	}
	tiny := variants[len(variants)-1]
	plain := make([]string, len(tiny))
	for i, s := range tiny {
		plain[i] = s.text
	}
	return tiny[0].p.on(fitPad(strings.Join(plain, " "), w))
}

// metaLine renders "D website      4 :)" in exactly w cells.
func (r *renderer) metaLine(t *model.Touchpoint, w int) string {
	score := clampScore(t.Emotion.Score)
	emo := strconv.Itoa(score) + " " + theme.Face(score)
	kind := theme.KindMark(t.Kind)
	ew := ansi.StringWidth(emo)
	chW := w - 2 - 1 - ew
	if chW < 0 {
		return r.p.emotion[score].on(fitPad(kind+" "+emo, w))
	}
	return r.p.kind.on(kind) + " " + r.p.channel.on(fitText(t.Channel, chW)) + " " + r.p.emotion[score].on(emo)
}

// card renders touchpoint i of phase p as lines of exactly w cells: a
// bordered card of cardRows lines, or in compact mode a single line.
func (m Model) card(p, i, w int, selected, compact bool) []string {
	r := m.r
	k := cardKey{phase: p, index: i, width: w, selected: selected, compact: compact}
	if c, ok := r.cards[k]; ok {
		return c
	}
	if len(r.cards) >= maxCached {
		r.cards = make(map[cardKey][]string)
	}
	t := &m.mp.Phases[p].Touchpoints[i]
	var lines []string
	if compact {
		lines = []string{r.compactCard(t, w, selected)}
	} else {
		lines = r.fullCard(t, w, selected)
	}
	r.cards[k] = lines
	return lines
}

func (r *renderer) compactCard(t *model.Touchpoint, w int, selected bool) string {
	score := clampScore(t.Emotion.Score)
	lead := " "
	if selected {
		lead = "▶"
	}
	prefix := lead + theme.KindMark(t.Kind) + " " + strconv.Itoa(score) + " "
	suffix := ""
	if off := t.OffTargetCount(); off > 0 {
		suffix = " ✗" + strconv.Itoa(off)
	}
	nameW := w - ansi.StringWidth(prefix) - ansi.StringWidth(suffix)
	if nameW < 1 {
		line := fitPad(prefix+suffix, w)
		if selected {
			return r.p.headerSelected.on(line)
		}
		return line
	}
	name := fitText(t.Name, nameW)
	if selected {
		// One paint for the whole bar: nested styles would end the reverse early.
		return r.p.headerSelected.on(prefix + name + suffix)
	}
	return lead + r.p.kind.on(theme.KindMark(t.Kind)) + " " + r.p.emotion[score].on(strconv.Itoa(score)) + " " +
		r.p.name.on(name) + r.p.offTarget.on(suffix)
}

// Card borders: rounded at rest, double when selected, so the selection shows
// without colour.
var (
	restBorder     = [6]string{"╭", "─", "╮", "│", "╰", "╯"}
	selectedBorder = [6]string{"╔", "═", "╗", "║", "╚", "╝"}
)

func (r *renderer) fullCard(t *model.Touchpoint, w int, selected bool) []string {
	lines := make([]string, cardRows)
	inner := w - 4
	if inner < 1 {
		// Too narrow for a border: the name alone, then blanks.
		l1, l2 := wrapName(t.Name, w)
		lines[0], lines[1] = l1, l2
		for i := 2; i < cardRows; i++ {
			lines[i] = spaces(w)
		}
		if selected {
			lines[0] = r.p.headerSelected.on(l1)
		}
		return lines
	}
	bd, bp, np, lead := restBorder, r.p.border, r.p.name, " "
	if selected {
		bd, bp, np, lead = selectedBorder, r.p.borderSelected, r.p.nameSelected, r.p.marker.on("▶")
	}
	side := bp.on(bd[3])
	row := func(lead, content string) string { return side + lead + content + " " + side }
	l1, l2 := wrapName(t.Name, inner)
	lines[0] = bp.on(bd[0] + repeat(bd[1], w-2) + bd[2])
	lines[1] = row(lead, np.on(l1))
	lines[2] = row(" ", np.on(l2))
	lines[3] = row(" ", r.metaLine(t, inner))
	lines[4] = row(" ", r.countsLine(t, inner))
	lines[5] = bp.on(bd[4] + repeat(bd[1], w-2) + bd[5])
	return lines
}

// header renders the phase's header as headerRows lines of exactly w cells.
func (m Model) header(p, w int, state int8) []string {
	r := m.r
	k := headerKey{phase: p, width: w, state: state}
	if h, ok := r.headers[k]; ok {
		return h
	}
	if len(r.headers) >= maxCached {
		r.headers = make(map[headerKey][]string)
	}
	ph := &m.mp.Phases[p]
	lines := make([]string, headerRows)
	switch state {
	case headerSelected:
		lines[0] = r.p.headerSelected.on("▶ " + fitText(ph.Name, w-2))
		if w < 2 {
			lines[0] = r.p.headerSelected.on(fitPad("▶", w))
		}
		lines[2] = r.p.ruleSelected.on(repeat("═", w))
	case headerActive:
		lines[0] = r.p.headerActive.on(fitText(ph.Name, w))
		lines[2] = r.p.ruleSelected.on(repeat("━", w))
	default:
		lines[0] = r.p.header.on(fitText(ph.Name, w))
		lines[2] = r.p.rule.on(repeat("─", w))
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
		return r.p.headerStats.on(fitPad(count, w))
	}
	score := int(math.Round(s.mean))
	mean := fmt.Sprintf("ø %.1f %s", s.mean, theme.Face(score))
	if ansi.StringWidth(count)+3+ansi.StringWidth(mean) > w {
		count = strconv.Itoa(s.count)
	}
	used := ansi.StringWidth(count) + 3 + ansi.StringWidth(mean)
	if used > w {
		return r.p.headerStats.on(fitPad(count+" · "+mean, w))
	}
	return r.p.headerStats.on(count+" · ") + r.p.emotion[clampScore(score)].on(mean) + spaces(w-used)
}

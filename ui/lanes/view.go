package lanes

import (
	"fmt"
	"strconv"
	"strings"

	"journeymap/model"
	"journeymap/ui/theme"
)

// Messages for an empty map, a tiny window and a map with every lane hidden.
const (
	noPhasesText = "No phases yet — press p to add one"
	tooSmallText = "Make the window larger to see the lanes"
	allHidden    = "Every lane is hidden"
)

// View renders the lanes in the size given to SetSize: the phase header
// rows and the lane names stay put, the grid scrolls under them. Its cost
// follows what is on screen: only visible columns and rows are drawn, from
// a cache of wrapped cell text that SetMap clears.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.r == nil {
		m.r = newRenderer(&Styles{})
	}
	g := m.layout()
	if g.tooSmall || len(m.cols) == 0 || g.cols == 0 {
		text := tooSmallText
		if !g.tooSmall {
			text = noPhasesText
		}
		return m.message(text)
	}
	out := make([]string, 0, g.height)
	out = append(out, m.headerRow(&g), m.numberRow(&g))
	body := m.body(&g)
	out = append(out, body...)
	if g.detail {
		out = append(out, m.detailRule(&g), m.detailLine(&g))
	}
	var b strings.Builder
	for i, l := range out[:min(len(out), g.height)] {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l)
		b.WriteString(theme.Spaces(g.width - g.labW - g.cols*(g.colW+1)))
	}
	return b.String()
}

// message fills the view with one wrapped message.
func (m *Model) message(text string) string {
	lines := make([]string, m.height)
	wrapped := wrapLines(text, m.width-2, m.height)
	for i := range lines {
		l := ""
		if i > 0 && i-1 < len(wrapped) || m.height == 1 && i < len(wrapped) {
			j := i - 1
			if m.height == 1 {
				j = i
			}
			l = m.r.p.empty.On(theme.PadPlain(wrapped[j], max(m.width-2, 0)))
			lines[i] = theme.Spaces(min(2, m.width)) + l
			continue
		}
		lines[i] = theme.Spaces(m.width)
	}
	return strings.Join(lines, "\n")
}

// headerRow is the first frozen row: the phase names over their columns,
// ◂/▸ and how many touchpoints are scrolled off either side.
func (m *Model) headerRow(g *geometry) string {
	p := &m.r.p
	var b strings.Builder
	corner := ""
	if g.first > 0 {
		corner = "◂ " + strconv.Itoa(g.first)
	}
	b.WriteString(p.hint.On(theme.PadPlain(corner, g.labW)))
	right := len(m.cols) - g.first - g.cols
	rh := ""
	if right > 0 {
		rh = strconv.Itoa(right) + " ▸"
	}
	selPhase := m.cols[m.sel].phase
	for k := 0; k < g.cols; {
		c := m.cols[g.first+k]
		run := 1
		for k+run < g.cols && m.cols[g.first+k+run].phase == c.phase {
			run++
		}
		span := run*(g.colW+1) - 1
		last := k+run == g.cols
		if last && rh != "" {
			span -= theme.CellWidth(rh) + 1
		}
		b.WriteString(p.phaseSep.On("┃"))
		b.WriteString(m.phaseTitle(c.phase, span, c.phase == selPhase))
		if last && rh != "" {
			b.WriteString(" " + p.hint.On(rh))
		}
		k += run
	}
	return b.String()
}

// phaseTitle renders "Discovery  ø 3.0 :|" in exactly w cells.
func (m *Model) phaseTitle(ph, w int, active bool) string {
	if w <= 0 {
		return ""
	}
	p := &m.r.p
	name := ""
	if m.mp != nil && ph < len(m.mp.Phases) {
		name = m.mp.Phases[ph].Name
	}
	np := p.phase
	if active {
		np = p.phaseActive
	}
	stats := ""
	score := 0
	if ph < len(m.means) && m.means[ph] > 0 {
		score = model.ClampScore(int(m.means[ph] + 0.5))
		stats = fmt.Sprintf("ø %.1f %s", m.means[ph], theme.Face(score))
	}
	nm := fit(strings.TrimSpace(name), w-1)
	if nm == "" {
		nm = "(untitled)"
	}
	used := 1 + theme.CellWidth(nm)
	if stats != "" && used+2+theme.CellWidth(stats) <= w {
		return " " + np.On(nm) + "  " + p.emotion[score].On(stats) + theme.Spaces(w-used-2-theme.CellWidth(stats))
	}
	return " " + np.On(theme.PadPlain(nm, w-1))
}

// numberRow is the second frozen row: a rule carrying each touchpoint's
// journey number, heavy over the selected column.
func (m *Model) numberRow(g *geometry) string {
	p := &m.r.p
	var b strings.Builder
	lab := theme.Repeat("─", g.labW)
	if g.rowOff > 0 {
		lab = p.hint.On(theme.PadPlain(" ▲ more", g.labW))
	} else {
		lab = p.rule.On(lab)
	}
	b.WriteString(lab)
	for k := 0; k < g.cols; k++ {
		c := g.first + k
		sep := "┼"
		if m.phaseStart(c) {
			sep = "╂"
		}
		if k == 0 {
			sep = "┼"
			if m.phaseStart(c) {
				sep = "╂"
			}
		}
		ch := "─"
		if c == m.sel {
			ch = "━"
		}
		seg := theme.Repeat(ch, g.colW)
		if n := m.cols[c].num; n > 0 {
			num := strconv.Itoa(n)
			if theme.CellWidth(num)+2 <= g.colW {
				seg = ch + " " + num + " " + theme.Repeat(ch, g.colW-3-len(num))
			}
		}
		if c == m.sel {
			b.WriteString(p.rule.On(sep) + p.marker.On(seg))
		} else {
			b.WriteString(p.rule.On(sep + seg))
		}
	}
	return b.String()
}

// laneRule is the line between two lanes.
func (m *Model) laneRule(g *geometry) string {
	var b strings.Builder
	b.WriteString(theme.Repeat("─", g.labW))
	for k := 0; k < g.cols; k++ {
		if m.phaseStart(g.first + k) {
			b.WriteString("╂")
		} else {
			b.WriteString("┼")
		}
		b.WriteString(theme.Repeat("─", g.colW))
	}
	return m.r.p.rule.On(b.String())
}

// body renders the visible rows of the lanes.
func (m *Model) body(g *geometry) []string {
	lines := make([]string, 0, g.bodyH)
	if len(g.lanes) == 0 {
		for i := 0; i < g.bodyH; i++ {
			t := ""
			if i == 1 {
				t = allHidden
			}
			lines = append(lines, theme.Spaces(g.labW)+m.r.p.empty.On(theme.PadPlain(t, g.cols*(g.colW+1))))
		}
		return lines
	}
	rule := ""
	end := g.rowOff + g.bodyH
	for _, bx := range g.lanes {
		if bx.y+bx.h < g.rowOff {
			continue
		}
		if bx.y >= end {
			break
		}
		if bx.y > 0 && bx.y-1 >= g.rowOff && bx.y-1 < end {
			if rule == "" {
				rule = m.laneRule(g)
			}
			lines = append(lines, rule)
		}
		from, to := max(g.rowOff-bx.y, 0), min(bx.h, end-bx.y)
		if from >= to {
			continue
		}
		lines = append(lines, m.laneRows(g, bx, from, to)...)
	}
	for len(lines) < g.bodyH {
		lines = append(lines, theme.Spaces(g.labW+g.cols*(g.colW+1)))
	}
	return lines[:g.bodyH]
}

// laneRows renders rows from..to-1 of a lane.
func (m *Model) laneRows(g *geometry, bx laneBox, from, to int) []string {
	p := &m.r.p
	w := g.colW
	var curve []string
	full := bx.lane == LaneEmotion && bx.h > curveRows
	if full && from < curveRows {
		curve = m.curve(g)
	}
	blocks := make([][]string, g.cols)
	for k := range blocks {
		blocks[k] = m.block(g.first+k, bx.lane, w, bx.h)
	}
	rows := make([]string, 0, to-from)
	var b strings.Builder
	for r := from; r < to; r++ {
		b.Reset()
		b.WriteString(m.laneLabel(g, bx, r))
		if full && r < curveRows {
			b.WriteString(curve[r])
			rows = append(rows, b.String())
			continue
		}
		for k := 0; k < g.cols; k++ {
			if m.phaseStart(g.first + k) {
				b.WriteString(p.phaseSep.On("┃"))
			} else {
				b.WriteString(p.rule.On("│"))
			}
			b.WriteString(blocks[k][r])
		}
		rows = append(rows, b.String())
	}
	return rows
}

// laneLabel renders row r of a lane's name in the frozen left column:
// marker, name (broken over two lines in the narrow column) and, for the
// curve, the score axis.
func (m *Model) laneLabel(g *geometry, bx laneBox, r int) string {
	p := &m.r.p
	l := bx.lane
	text := ""
	switch {
	case g.labT >= 13 || bx.h == 1:
		if r == 0 {
			text = fit(l.String(), g.labT)
		}
	case r < 2:
		text = laneShort[l][r]
		if r == 0 && laneShort[l][1] == "" {
			text = l.String()
		}
	}
	axis := " "
	if l == LaneEmotion {
		if bx.h > curveRows && r < curveRows {
			axis = strconv.Itoa(5 - r)
		}
		if r == bx.h-1 && m.lowest > 0 && r > 0 {
			return " " + p.lowest.On(theme.PadPlain("▼ lowest", g.labT+1))
		}
	}
	lp, mark := p.lane, " "
	if l == m.lane {
		lp = p.laneActive
		if r == 0 {
			mark = p.marker.On("▶")
		}
	}
	return mark + lp.On(theme.PadPlain(text, g.labT)) + p.axis.On(axis)
}

// block renders the h rows of column c in lane l (the emotion lane's rows
// under the curve), each exactly w cells.
func (m *Model) block(c int, l Lane, w, h int) []string {
	p := &m.r.p
	rows := make([]string, h)
	selected := c == m.sel && l == m.lane
	ct := m.cell(c, l, w)
	tw := w - 1
	placeholder := m.cols[c].index < 0
	switch l {
	case LaneTouchpoint:
		var lines []string
		switch {
		case placeholder:
			lines = wrapLines("no touchpoints", tw, h)
		case h >= 3:
			lines = append(lines, ct.lines...)
			for len(lines) < 2 {
				lines = append(lines, "")
			}
			lines = append(lines[:2], "")
		case h == 2:
			lines = []string{ct.name1, ""}
		default:
			lines = []string{ct.name1}
		}
		for r := range rows {
			text := ""
			if r < len(lines) {
				text = lines[r]
			}
			gut := " "
			if selected && r == 0 {
				gut = "▶"
			}
			meta := !placeholder && r == len(lines)-1 && h >= 2
			switch {
			case selected && meta:
				rows[r] = p.selected.On(gut + theme.PadPlain(ct.kind+" "+ct.meta, tw))
			case selected:
				rows[r] = p.selected.On(gut + theme.PadPlain(text, tw))
			case placeholder:
				rows[r] = gut + p.empty.On(theme.PadPlain(text, tw))
			case meta:
				rows[r] = gut + p.kind.On(ct.kind) + " " + p.channel.On(theme.PadPlain(ct.meta, tw-2))
			default:
				rows[r] = gut + p.name.On(theme.PadPlain(text, tw))
			}
		}
		return rows
	case LaneEmotion:
		t := m.touchpoint(c)
		for r := range rows {
			rows[r] = theme.Spaces(w)
		}
		if t == nil {
			if selected {
				rows[h-1] = p.selected.On(theme.PadPlain("▶", w))
			}
			return rows
		}
		sc := model.ClampScore(t.Emotion.Score)
		if h <= curveRows {
			// No room for the curve: the score in words instead.
			txt := strconv.Itoa(sc) + " " + theme.Face(sc)
			if t.Emotion.Labels.Len() > 0 {
				txt += " " + theme.Clean(theme.Head(t.Emotion.Labels.At(0), 256))
			}
			if selected {
				rows[0] = p.selected.On("▶" + theme.PadPlain(txt, tw))
			} else {
				rows[0] = " " + p.emotion[sc].On(theme.PadPlain(txt, tw))
			}
			if h == 1 {
				return rows
			}
		}
		gut, gp := " ", p.channel
		if sc == m.lowest {
			gut, gp = "▼", p.lowest
		}
		if selected {
			rows[h-1] = p.selected.On("▶" + theme.PadPlain(ct.name1, tw))
		} else {
			rows[h-1] = p.lowest.On(gut) + gp.On(theme.PadPlain(ct.name1, tw))
		}
		return rows
	}
	// List lanes.
	n := len(ct.lines)
	off := 0
	if selected {
		off = m.cellOffset(ct, h)
	}
	for r := range rows {
		i := off + r
		if i >= n {
			rows[r] = theme.Spaces(w)
			if selected && n == 0 && r == 0 {
				rows[r] = p.selected.On("▶" + theme.PadPlain("empty", tw))
			}
			continue
		}
		text := ct.lines[i]
		if r == h-1 && (i < n-1 || ct.more) {
			text = ellipsis(text, tw)
		}
		if selected && ct.item[i] == m.item {
			gut := " "
			if ct.gut[i] != gutBlank {
				gut = "▶"
			}
			rows[r] = p.selected.On(gut + theme.PadPlain(text, tw))
			continue
		}
		var gut string
		switch ct.gut[i] {
		case gutBullet:
			gut = p.bullet.On("•")
		case gutOn:
			gut = p.onTarget.On("✓")
		case gutOff:
			gut = p.offTarget.On("✗")
		case gutNoData:
			gut = p.noData.On("·")
		default:
			gut = " "
		}
		rows[r] = gut + p.text.On(theme.PadPlain(text, tw))
	}
	return rows
}

// detailRule is the line over the detail line; it says when lanes are
// scrolled off below.
func (m *Model) detailRule(g *geometry) string {
	w := g.labW + g.cols*(g.colW+1)
	if g.rowOff+g.bodyH < g.total {
		h := " ▼ more "
		return m.r.p.hint.On(h) + m.r.p.rule.On(theme.Repeat("─", w-theme.CellWidth(h)))
	}
	return m.r.p.rule.On(theme.Repeat("─", w))
}

// detailLine shows the selected item in full (cut to the width): the
// grid's cells only have room for its start.
func (m *Model) detailLine(g *geometry) string {
	p := &m.r.p
	w := g.labW + g.cols*(g.colW+1)
	label, text := m.detail()
	label = fit(label, max(w-2, 0))
	lw := theme.CellWidth(label)
	rest := max(w-1-lw-2, 0)
	line := " " + p.detailLabel.On(label)
	if rest > 0 && text != "" {
		return line + "  " + p.detail.On(theme.PadPlain(fit(text, rest), rest))
	}
	return line + theme.Spaces(w-1-lw)
}

// detail returns what the detail line says about the selection: where it
// is, and the selected item's whole text.
func (m *Model) detail() (label, text string) {
	c := m.cols[m.sel]
	t := m.touchpoint(m.sel)
	if t == nil {
		name := ""
		if m.mp != nil && c.phase < len(m.mp.Phases) {
			name = m.mp.Phases[c.phase].Name
		}
		return "▶ " + strings.TrimSpace(theme.Clean(theme.Head(name, 256))), "no touchpoints yet — press a to capture one"
	}
	name := strings.TrimSpace(theme.Clean(theme.Head(t.Name, 1024)))
	label = "▶ " + strconv.Itoa(c.num) + " " + name + " · " + m.lane.String()
	switch m.lane {
	case LaneTouchpoint:
		parts := []string{kindWord(t.Kind)}
		if ch := strings.TrimSpace(theme.Clean(theme.Head(t.Channel, 256))); ch != "" {
			parts = append(parts, ch)
		}
		if o := strings.TrimSpace(theme.Clean(theme.Head(t.Owner, 256))); o != "" {
			parts = append(parts, "owner "+o)
		}
		if d := strings.TrimSpace(theme.Clean(theme.Head(t.Description, 4096))); d != "" {
			parts = append(parts, d)
		}
		return "▶ " + strconv.Itoa(c.num) + " " + name, strings.Join(parts, " · ")
	case LaneEmotion:
		sc := model.ClampScore(t.Emotion.Score)
		text = strconv.Itoa(sc) + " " + theme.Face(sc) + " " + model.ScoreWord(sc)
		if t.Emotion.Labels.Len() > 0 {
			var ls []string
			for i, l := range t.Emotion.Labels.All() {
				if i == 16 {
					break
				}
				ls = append(ls, theme.Clean(theme.Head(l, 256)))
			}
			text += " · " + strings.Join(ls, ", ")
		}
		if sc == m.lowest {
			text += " · ▼ lowest of the map"
		}
		return label, text
	}
	n := m.lane.ItemCount(t)
	if n == 0 || m.item < 0 {
		return label, "none yet — press a to add one"
	}
	label += " " + strconv.Itoa(m.item+1) + "/" + strconv.Itoa(n)
	if m.lane == LaneMetrics {
		return label, metricDetail(t.Metrics[m.item])
	}
	return label, theme.Clean(theme.Head(m.lane.List(t).At(m.item), 8192))
}

func kindWord(k model.Kind) string {
	switch k {
	case model.KindPhysical:
		return "physical"
	case model.KindHybrid:
		return "hybrid"
	}
	return "digital"
}

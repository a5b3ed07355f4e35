// Package present is presentation mode, slides a room can follow: a title
// slide (the map, its persona and goal), one slide per phase in large type
// (each touchpoint with its emotion, motivations, pain points, opportunities
// and metrics off target, the whole emotional curve below with the phase
// highlighted) and a closing slide (moments that hurt, metrics off target,
// opportunities). A projector theme trades nuance for contrast.
package present

import (
	"fmt"
	"image/color"
	"sort"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"journeymap/model"
	"journeymap/ui/board"
	"journeymap/ui/theme"
)

// ClosedMsg reports that presentation mode was left on Phase, so the board
// can select it.
type ClosedMsg struct{ Phase int }

// ProjectorMsg reports that the projector theme was turned on or off, so
// the choice can be kept with the map.
type ProjectorMsg struct{ On bool }

// Model is presentation mode. Build it with New.
type Model struct {
	mp     *model.Map
	scores [][]int // per phase, for the curve; built once per map
	curves *curveCache
	lowest int // the map's lowest score, marked ▼ on the curve
	// slide is what is on show: 0 the title, 1 to len(Phases) a phase,
	// len(Phases)+1 the closing slide.
	slide     int
	phase     int // the phase of the slide on show (0 on the title, the last on the closing)
	projector bool
	row       int // first row of touchpoint blocks shown, for phases that overflow
	// rows is how many rows of blocks the last frame laid the phase out in
	// (a pointer because View has a value receiver); Down stops at the last.
	rows *int
	st   *Styles
	keys KeyMap
}

// New returns presentation mode on mp, starting at phase's slide (clamped),
// or at the title slide when phase is negative.
func New(mp *model.Map, phase int, st *Styles) Model {
	m := Model{st: st, keys: DefaultKeyMap(), rows: new(int)}
	m.SetMap(mp)
	if phase < 0 {
		m.setSlide(0)
	} else {
		m.setSlide(min(phase, len(m.mp.Phases)-1) + 1)
	}
	return m
}

// SetProjector turns the projector theme on or off.
func (m *Model) SetProjector(on bool) {
	m.projector = on
	m.curves = &curveCache{}
}

// Projector reports whether the projector theme is on.
func (m Model) Projector() bool { return m.projector }

// styles returns the styles in use: the projector's or the usual ones.
func (m Model) styles() *Styles {
	if m.projector && m.st != nil && m.st.Projector != nil {
		return m.st.Projector
	}
	return m.st
}

// SetMap replaces the map, e.g. when another process changed the file while
// the room is watching; the phase on show stays where it was when it still
// exists.
func (m *Model) SetMap(mp *model.Map) {
	if mp == nil {
		mp = &model.Map{}
	}
	m.mp = mp
	m.curves = &curveCache{}
	m.scores = make([][]int, len(mp.Phases))
	m.lowest = 0
	for i, p := range mp.Phases {
		s := make([]int, len(p.Touchpoints))
		for j, t := range p.Touchpoints {
			s[j] = t.Emotion.Score
			if c := model.ClampScore(s[j]); m.lowest == 0 || c < m.lowest {
				m.lowest = c
			}
		}
		m.scores[i] = s
	}
	// The same phase stays on show; the closing slide stays the closing one.
	if m.slide > 0 && m.slide > len(mp.Phases) {
		m.setSlide(len(mp.Phases) + 1)
	} else if m.slide > 0 {
		m.setSlide(m.phase + 1)
	}
}

// SetStyles replaces the styles.
func (m *Model) SetStyles(st *Styles) {
	m.st = st
	m.curves = &curveCache{}
}

// curveCache keeps the last curve drawn: drawing walks every touchpoint of
// the map, while a frame should cost what is on screen. It is shared by the
// copies of a Model (Update returns values) and replaced, never cleared,
// when the map or styles change, so a stale copy cannot see a wrong curve.
type curveCache struct {
	width, highlight, step int
	lines                  []string
}

// Phase returns the index of the phase on show: the first on the title
// slide, the last on the closing slide.
func (m Model) Phase() int { return m.phase }

// Slide returns what is on show: 0 the title, 1 to the number of phases a
// phase, one more the closing slide.
func (m Model) Slide() int { return m.slide }

func (m *Model) setSlide(i int) {
	n := len(m.mp.Phases)
	i = min(max(i, 0), n+1)
	if i != m.slide {
		m.row = 0
	}
	m.slide = i
	m.phase = min(max(i-1, 0), max(n-1, 0))
}

// onPhase reports whether a phase slide is on show.
func (m Model) onPhase() bool { return m.slide >= 1 && m.slide <= len(m.mp.Phases) }

// Init returns nothing; presentation mode needs no start-up work.
func (m Model) Init() tea.Cmd { return nil }

// Update steps through phases and scrolls touchpoints; esc emits ClosedMsg.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	switch {
	case key.Matches(k, m.keys.Close):
		p := m.phase
		return m, func() tea.Msg { return ClosedMsg{Phase: p} }
	case key.Matches(k, m.keys.Projector):
		m.SetProjector(!m.projector)
		on := m.projector
		return m, func() tea.Msg { return ProjectorMsg{On: on} }
	case key.Matches(k, m.keys.Next):
		m.setSlide(m.slide + 1)
	case key.Matches(k, m.keys.Prev):
		m.setSlide(m.slide - 1)
	case key.Matches(k, m.keys.First):
		m.setSlide(0)
	case key.Matches(k, m.keys.Last):
		m.setSlide(len(m.mp.Phases) + 1)
	case key.Matches(k, m.keys.Down):
		last := 0
		if m.onPhase() {
			last = len(m.mp.Phases[m.phase].Touchpoints) - 1
		}
		if m.rows != nil && *m.rows > 0 {
			last = *m.rows - 1
		}
		m.row = min(m.row+1, max(last, 0))
	case key.Matches(k, m.keys.Up):
		m.row = max(m.row-1, 0)
	}
	return m, nil
}

// Layout constants, in cells.
const (
	minColumn  = 24 // narrowest touchpoint block worth a column of its own
	columnGap  = 2
	curveBlock = board.CurveRows + 1 // the curve and its phase labels
)

// View renders the slide on show in at most width x height cells.
func (m Model) View(width, height int) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	if m.rows != nil {
		*m.rows = 0
	}
	n := len(m.mp.Phases)
	if n == 0 {
		st := m.styles()
		top := []string{m.header(width, "no phases")}
		body := []string{"", st.Empty.Render(theme.Fit("This map has no phases yet.", width))}
		return m.compose(width, height, top, body, nil, m.footer(width, false))
	}
	switch {
	case m.slide == 0:
		return m.titleSlide(width, height)
	case m.slide > n:
		return m.closingSlide(width, height)
	}
	return m.phaseSlide(width, height)
}

// footer is the keys line, with what the marks mean when it fits.
func (m Model) footer(width int, more bool) string {
	f := "◀ ▶ slides · c projector · esc back"
	if more {
		f += " · ↑↓ more"
	}
	if m.onPhase() {
		legend := "   → wants  ✗ pain point  + opportunity  ▼ metric off target  ▼ lowest on the curve"
		if ansi.StringWidth(f+legend) <= width {
			f += legend
		}
	}
	return f
}

// curveStep is how many rows the curve draws per score step: taller on big
// screens, where the room reads the shape from afar.
func curveStep(height int) int {
	switch {
	case height >= 48:
		return 3
	case height >= 36:
		return 2
	}
	return 1
}

// bottomCurve is the curve with its phase labels and a blank line above,
// highlighting phase hl (-1 for none), or nothing when the screen is short.
func (m Model) bottomCurve(width, height, hl int) []string {
	if height < 18 || width < 20 {
		return nil
	}
	return append([]string{""}, m.curve(width, hl, curveStep(height))...)
}

// banner draws text in block type when it fits within the width and leaves
// free rows enough, else as bold capitals; it returns the lines.
func (m Model) banner(text string, width, free int) []string {
	st := m.styles()
	if free >= glyphRows+9 {
		for _, sx := range []int{2, 1} {
			if sx == 2 && width < 100 {
				continue
			}
			if b := Banner(text, sx, width); b != nil {
				out := make([]string, len(b))
				for i, l := range b {
					out[i] = st.Banner.Render(l)
				}
				return out
			}
		}
	}
	return []string{st.BannerText.Render(theme.Fit(strings.ToUpper(text), width))}
}

// phaseSlide is one phase: its name in block type, its touchpoints, the
// curve with the phase highlighted.
func (m Model) phaseSlide(width, height int) string {
	st := m.styles()
	n := len(m.mp.Phases)
	p := m.mp.Phases[m.phase]
	top := []string{m.header(width, fmt.Sprintf("Phase %d of %d", m.phase+1, n))}
	if height >= 30 {
		top = append(top, "")
	}
	// Reserve the curve first: it is the map's overview and what the room
	// orients by. Short screens drop it.
	bottom := m.bottomCurve(width, height, m.phase)
	name := theme.Clean(p.Name)
	if name == "" {
		name = "(unnamed phase)"
	}
	free := height - len(top) - len(bottom) - 1 // 1: footer
	banner := m.banner(name, width, free)
	top = append(top, banner...)
	bannerRows := len(banner)
	if bannerRows == 1 {
		bannerRows = 0 // the name in capitals: counted as before the banner
	}
	if d := theme.Clean(p.Description); d != "" && free-bannerRows >= 6 {
		lines := 1
		if height >= 40 {
			lines = 2
		}
		for _, l := range wrap(d, width, lines) {
			top = append(top, st.Description.Render(l))
		}
	}
	top = append(top, "")
	free = height - len(top) - len(bottom) - 1
	body, more := m.touchpoints(p, width, free)
	return m.compose(width, height, top, body, bottom, m.footer(width, more))
}

// titleSlide is the map: its title in block type, who travels, what they
// want to get done, and the whole curve.
func (m Model) titleSlide(width, height int) string {
	st := m.styles()
	top := []string{m.header(width, fmt.Sprintf("%s · %s", model.Plural(len(m.mp.Phases), "phase"), model.Plural(m.mp.TouchpointCount(), "touchpoint")))}
	if height >= 30 {
		top = append(top, "")
	}
	bottom := m.bottomCurve(width, height, -1)
	title := theme.Clean(m.mp.Title)
	if title == "" {
		title = "(untitled map)"
	}
	free := height - len(top) - len(bottom) - 1
	top = append(top, m.banner(title, width, free)...)
	top = append(top, "")
	var body []string
	textW := min(width, max(60, width*3/4))
	section := func(label, head, text string, lines int) {
		if head == "" && text == "" {
			return
		}
		if len(body) > 0 {
			body = append(body, "")
		}
		line := st.Heading.Render(label)
		if head != "" {
			line += "  " + st.Name.Render(theme.Fit(head, max(width-ansi.StringWidth(label)-2, 1)))
		}
		body = append(body, line)
		for _, l := range wrap(text, textW, lines) {
			body = append(body, st.Motivation.Render(l))
		}
	}
	free = height - len(top) - len(bottom) - 1
	lines := max(1, (free-5)/2)
	section("PERSONA", theme.Clean(m.mp.Persona.Name), m.mp.Persona.Description, lines)
	section("GOAL", "", m.mp.Goal, lines)
	if len(body) == 0 {
		body = append(body, st.Empty.Render(theme.Fit("No persona or goal yet.", width)))
	}
	return m.compose(width, height, top, body, bottom, m.footer(width, false))
}

// closingSlide is what the room takes away: the moments that hurt, the
// metrics off target and the opportunities, the hurting touchpoints' first.
func (m Model) closingSlide(width, height int) string {
	st := m.styles()
	top := []string{m.header(width, "Summary")}
	if height >= 30 {
		top = append(top, "")
	}
	bottom := m.bottomCurve(width, height, -1)
	free := height - len(top) - len(bottom) - 1
	top = append(top, m.banner("What we learned", width, free)...)
	top = append(top, "")
	free = height - len(top) - len(bottom) - 1

	r := model.Insights(m.mp)
	type entry struct {
		lead string
		s    lipgloss.Style
		text string
	}
	var hurt, off, opps []entry
	for _, row := range r.Lowest {
		sc := model.ClampScore(row.Score)
		hurt = append(hurt, entry{theme.Face(sc) + " ", st.Emotion[sc], theme.Clean(row.Name) + " (" + theme.Clean(row.Phase) + ")"})
	}
	for _, row := range r.OffTarget {
		off = append(off, entry{"▼ ", st.Pain, theme.Clean(row.Touchpoint.Name) + ": " + offTarget(row.Metric)})
	}
	for _, o := range opportunities(m.mp) {
		opps = append(opps, entry{"+ ", st.Opportunity, o})
	}
	sections := []struct {
		title   string
		entries []entry
		none    string
	}{
		{"MOMENTS THAT HURT", hurt, "none scored below neutral"},
		{"METRICS OFF TARGET", off, "none off target"},
		{"OPPORTUNITIES", opps, "none captured yet"},
	}
	// Three columns side by side when they fit, else one under the other.
	cols := 3
	if width < 3*minColumn+2*columnGap {
		cols = 1
	}
	colW := (width - (cols-1)*columnGap) / cols
	per := free
	if cols == 1 {
		per = max(2, free/3)
	}
	itemLines := 1
	if free >= 12 {
		itemLines = 2
	}
	if free >= 24 && colW < 60 {
		itemLines = 3
	}
	cut := false // some entry did not fit
	render := func(i int) []string {
		sec := sections[i]
		out := []string{st.Heading.Render(theme.Fit(sec.title, colW))}
		if len(sec.entries) == 0 {
			return append(out, st.Empty.Render(theme.Fit(sec.none, colW)))
		}
		skip := min(m.row, len(sec.entries)-1)
		for k := skip; k < len(sec.entries); k++ {
			e := sec.entries[k]
			left := per - len(out)
			if k < len(sec.entries)-1 {
				left-- // room for the "more" line
			}
			if left <= 0 {
				out = append(out, st.Hint.Render(theme.Fit(fmt.Sprintf("▼ %d more", len(sec.entries)-k), colW)))
				cut = true
				break
			}
			lw := ansi.StringWidth(e.lead)
			for j, l := range wrap(e.text, colW-lw, min(itemLines, left)) {
				if j == 0 {
					out = append(out, e.s.Render(e.lead+l))
				} else {
					out = append(out, e.s.Render(strings.Repeat(" ", lw)+l))
				}
			}
		}
		return out
	}
	if m.rows != nil {
		*m.rows = max(len(hurt), len(off), len(opps))
	}
	var body []string
	if cols == 1 {
		for i := range sections {
			if i > 0 && len(body) < free {
				body = append(body, "")
			}
			body = append(body, render(i)...)
		}
	} else {
		body = sideBySide(body, [][]string{render(0), render(1), render(2)}, colW)
	}
	return m.compose(width, height, top, body, bottom, m.footer(width, m.row > 0 || cut))
}

// opportunities lists the map's opportunities, those of the touchpoints
// that hurt most first (lowest score, then journey order), each with its
// touchpoint's name.
func opportunities(mp *model.Map) []string {
	type opp struct {
		score, order int
		text         string
	}
	var all []opp
	order := 0
	for _, p := range mp.Phases {
		for _, t := range p.Touchpoints {
			for _, o := range t.Opportunities.All() {
				if o = theme.Clean(o); o != "" {
					all = append(all, opp{model.ClampScore(t.Emotion.Score), order, o + " (" + theme.Clean(t.Name) + ")"})
				}
				order++
				if len(all) >= 200 {
					break
				}
			}
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].score < all[j].score })
	out := make([]string, len(all))
	for i, o := range all {
		out[i] = o.text
	}
	return out
}

// header is the map title on the left and the phase counter on the right.
func (m Model) header(width int, counter string) string {
	c := m.styles().Counter.Render(theme.Fit(counter, width))
	cw := ansi.StringWidth(c)
	tw := width - cw - 2
	if tw < 4 {
		return c
	}
	t := m.styles().Title.Render(theme.Fit(m.mp.Title, tw))
	gap := width - ansi.StringWidth(t) - cw
	return t + strings.Repeat(" ", max(gap, 1)) + c
}

// compose stacks the parts and trims them to height: the body gives way
// first, then the bottom, so the phase name and footer stay.
func (m Model) compose(width, height int, top, body, bottom []string, footer string) string {
	f := m.styles().Footer.Render(theme.Fit(footer, width))
	if height == 1 {
		return strings.Join(theme.Clip([]string{top[0]}, width, 1), "\n")
	}
	avail := height - 1
	if len(top) > avail {
		top = top[:avail]
	}
	avail -= len(top)
	if len(bottom) > avail {
		bottom = nil
	}
	avail -= len(bottom)
	if len(body) > avail {
		body = body[:avail]
	}
	// Spare lines go a third above the phase name, the rest above the
	// curve, so a big screen looks composed rather than top-heavy.
	pad := height - 1 - len(top) - len(body) - len(bottom)
	lines := make([]string, 0, height)
	lines = append(lines, top[0])
	for range pad / 3 {
		lines = append(lines, "")
	}
	lines = append(lines, top[1:]...)
	lines = append(lines, body...)
	for range pad - pad/3 {
		lines = append(lines, "")
	}
	lines = append(lines, bottom...)
	lines = append(lines, f)
	return strings.Join(theme.Clip(lines, width, height), "\n")
}

// touchpoints lays the phase's touchpoints out as blocks in columns, rows of
// blocks from m.row on, within height lines. It reports whether some did
// not fit. Only the touchpoints on screen are rendered.
func (m Model) touchpoints(p model.Phase, width, height int) ([]string, bool) {
	if height <= 0 {
		return nil, len(p.Touchpoints) > 0
	}
	tps := p.Touchpoints
	if len(tps) == 0 {
		return []string{m.styles().Empty.Render(theme.Fit("No touchpoints in this phase.", width))}, false
	}
	if height < 4 {
		return m.compactTouchpoints(tps, width, height)
	}
	cols := min(len(tps), max(1, (width+columnGap)/(minColumn+columnGap)))
	colW := (width - (cols-1)*columnGap) / cols
	if colW < 1 {
		cols, colW = 1, width
	}
	rows := (len(tps) + cols - 1) / cols
	if m.rows != nil {
		*m.rows = rows
	}
	first := min(m.row, rows-1)
	var out []string
	if first > 0 {
		out = append(out, m.styles().Hint.Render(theme.Fit(fmt.Sprintf("▲ %d more above", first*cols), width)))
	}
	// A block gets the lines it needs up to a cap that shares the height
	// fairly between the rows that can show; one row of blocks gets it all.
	maxBlock := max(9, height/3)
	if rows == 1 {
		maxBlock = height
	}
	i := first * cols
	for i < len(tps) {
		left := height - len(out)
		end := min(i+cols, len(tps))
		hasMore := end < len(tps)
		if hasMore {
			left-- // keep a line for the "more" hint
		}
		if left < 2 {
			break
		}
		blocks := make([][]string, 0, cols)
		for j := i; j < end; j++ {
			blocks = append(blocks, m.block(tps[j], colW, min(maxBlock, left)))
		}
		out = sideBySide(out, blocks, colW)
		i = end
		if i < len(tps) && height-len(out) > 2 {
			out = append(out, "")
		}
	}
	if i < len(tps) {
		out = append(out, m.styles().Hint.Render(theme.Fit(fmt.Sprintf("▼ %d more", len(tps)-i), width)))
		return out, true
	}
	return out, first > 0
}

// compactTouchpoints lists touchpoints one per line, face and name, for
// screens too short for blocks.
func (m Model) compactTouchpoints(tps []model.Touchpoint, width, height int) ([]string, bool) {
	if m.rows != nil {
		*m.rows = len(tps)
	}
	first := min(m.row, len(tps)-1)
	var out []string
	i := first
	for ; i < len(tps); i++ {
		if len(out) == height-1 && i < len(tps)-1 {
			break
		}
		sc := model.ClampScore(tps[i].Emotion.Score)
		face := theme.Face(sc)
		line := m.styles().Emotion[sc].Render(face) + strings.Repeat(" ", 4-len(face))
		out = append(out, line+m.styles().Name.Render(theme.Fit(tps[i].Name, width-4)))
	}
	if i < len(tps) {
		out = append(out, m.styles().Hint.Render(theme.Fit(fmt.Sprintf("▼ %d more", len(tps)-i), width)))
		return out, true
	}
	return out, first > 0
}

// block renders one touchpoint in at most maxLines lines of width cells:
// name, face and score, channel and kind, emotion labels, then motivations
// and, where room is left, thoughts. Long text wraps onto a second line
// rather than being cut short, when the height allows.
func (m Model) block(t model.Touchpoint, width, maxLines int) []string {
	st := m.styles()
	score := model.ClampScore(t.Emotion.Score)
	bar := st.Emotion[score].Render("┃") + " "
	w := width - 2
	if w < 1 {
		return []string{st.Emotion[score].Render(theme.Fit(theme.Face(score), width))}
	}
	name := theme.Clean(t.Name)
	if name == "" {
		name = "(unnamed)"
	}
	var lines []string
	add := func(s lipgloss.Style, text string, n int) {
		for _, l := range wrap(text, w, min(n, maxLines-len(lines))) {
			lines = append(lines, bar+s.Render(l))
		}
	}
	// item adds a list entry after a lead ("→ "), wrapped lines
	// hanging under its text.
	item := func(s lipgloss.Style, lead, text string, n int) {
		lw := ansi.StringWidth(lead)
		if w < lw+4 {
			add(s, lead+text, n)
			return
		}
		for i, l := range wrap(text, w-lw, min(n, maxLines-len(lines))) {
			if i == 0 {
				l = lead + l
			} else {
				l = strings.Repeat(" ", lw) + l
			}
			lines = append(lines, bar+s.Render(l))
		}
	}
	nameLines := 1
	if maxLines >= 7 {
		nameLines = 2
	}
	// How many lines a long item may wrap onto: more when the block has room.
	long := 2
	if maxLines >= 16 {
		long = 3
	}
	// A roomy block (a big screen) also shows the description and the
	// owner, and leaves a blank line between its parts.
	roomy := maxLines >= 20 && w >= 30
	if roomy {
		long = 4
	}
	gap := func() {
		if roomy && len(lines) > 0 && maxLines-len(lines) > 1 {
			lines = append(lines, bar)
		}
	}
	add(st.Name, name, nameLines)
	add(st.Emotion[score], theme.Face(score)+" "+strconv.Itoa(score)+" "+model.ScoreWord(score), 1)
	meta := string(t.Kind)
	if ch := theme.Clean(t.Channel); ch != "" {
		meta = ch + " · " + meta
	}
	if o := theme.Clean(t.Owner); roomy && o != "" {
		meta += " · " + o
	}
	add(st.Meta, meta, 1)
	if t.Emotion.Labels.Len() > 0 {
		add(st.Labels, joinClean(t.Emotion.Labels, ", ", w), 1)
	}
	if d := theme.Clean(t.Description); roomy && d != "" {
		gap()
		add(st.Description, d, 3)
	}
	gap()
	// Each motivation gets two lines while there is room for the rest to
	// show at least one.
	for i, mo := range t.Motivations.All() {
		left := maxLines - len(lines)
		if left <= 0 {
			break
		}
		n := 1
		if left-2 >= t.Motivations.Len()-i-1 {
			n = long
		}
		item(st.Motivation, "→ ", mo, n)
	}
	// What the room came for: what hurts, the numbers that miss their
	// target and what could be better, before the customer's words.
	if t.Motivations.Len() > 0 {
		gap()
	}
	for _, pp := range t.PainPoints.All() {
		if maxLines-len(lines) <= 0 {
			break
		}
		item(st.Pain, "✗ ", pp, long)
	}
	for _, mt := range t.Metrics {
		if maxLines-len(lines) <= 0 {
			break
		}
		if mt.Status() != model.OffTarget {
			continue
		}
		item(st.Pain, "▼ ", offTarget(mt), long-1)
	}
	if t.Opportunities.Len() > 0 && (t.PainPoints.Len() > 0 || t.OffTargetCount() > 0) {
		gap()
	}
	for _, op := range t.Opportunities.All() {
		if maxLines-len(lines) <= 0 {
			break
		}
		item(st.Opportunity, "+ ", op, long)
	}
	if t.Thoughts.Len() > 0 {
		gap()
	}
	for _, th := range t.Thoughts.All() {
		if maxLines-len(lines) <= 0 {
			break
		}
		item(st.Thought, "“", theme.Clean(th)+"”", long)
	}
	for len(lines) > 0 && lines[len(lines)-1] == bar {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// offTarget says a metric that misses its target in words: "NPS 21 (target ≥ 30)".
func offTarget(mt model.Metric) string {
	num := func(p *float64) string {
		if p == nil {
			return "?"
		}
		return strconv.FormatFloat(*p, 'f', -1, 64)
	}
	cmp := "≥"
	if mt.Direction == model.Down {
		cmp = "≤"
	}
	unit := ""
	if u := theme.Clean(mt.Unit); u != "" {
		unit = " " + u
	}
	return theme.Clean(mt.Name) + " " + num(mt.Current) + unit + " (target " + cmp + " " + num(mt.Target) + unit + ")"
}

// wrap cleans s and word-wraps it to width cells in at most n lines, the
// last ending in "…" when text was left over.
func wrap(s string, width, n int) []string {
	if n <= 0 || width <= 0 {
		return nil
	}
	s = theme.Clean(s)
	if ansi.StringWidth(s) <= width {
		return []string{s}
	}
	if n == 1 {
		return []string{theme.Fit(s, width)}
	}
	// Wrapping only what can show keeps a 10,000-character name cheap.
	s = ansi.Truncate(s, width*(n+1), "")
	raw := strings.Split(ansi.Wrap(s, width, ""), "\n")
	out := make([]string, 0, n)
	for _, l := range raw {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	if len(out) > n {
		out = out[:n]
		out[n-1] = theme.Fit(out[n-1]+" …", width)
		if !strings.HasSuffix(out[n-1], "…") {
			out[n-1] = theme.Fit(out[n-1], width-1) + "…"
		}
	}
	for i, l := range out {
		out[i] = theme.Fit(l, width) // a wide rune can overhang a narrow width
	}
	return out
}

// joinClean joins cleaned items until the result is wider than limit, so a
// thousand labels cost no more than a line's worth.
func joinClean(items model.List, sep string, limit int) string {
	var b strings.Builder
	for i, s := range items.All() {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(theme.Clean(s))
		if b.Len() > 4*limit+8 {
			break
		}
	}
	return b.String()
}

// curve draws the whole map's emotional curve with board.CurveLines, the
// phase on show between heavy separators, and under it the phase names with
// the current one marked ▲ and reversed.
func (m Model) curve(width, hl, step int) []string {
	if c := m.curves; c != nil && c.lines != nil && c.width == width && c.highlight == hl && c.step == step {
		return append([]string(nil), c.lines...)
	}
	lines := m.drawCurve(width, hl, step)
	if m.curves != nil {
		m.curves.width, m.curves.highlight, m.curves.step, m.curves.lines = width, hl, step, lines
	}
	return append([]string(nil), lines...)
}

func (m Model) drawCurve(width, hl, step int) []string {
	n := len(m.scores)
	avail := width - board.CurveAxisWidth - (n - 1)
	widths := make([]int, n)
	if avail >= 0 {
		base, extra := avail/n, avail%n
		for i := range widths {
			widths[i] = base
			if i < extra {
				widths[i]++
			}
		}
	} else {
		// More phases than cells: phases share what there is, the one on show first.
		widths[m.phase] = 1
	}
	lines := board.CurveLinesTall(m.scores, widths, hl, -1, m.lowest, step, m.styles().Curve)
	var lb strings.Builder
	lb.WriteString(strings.Repeat(" ", board.CurveAxisWidth))
	for i, w := range widths {
		if i > 0 {
			lb.WriteString(" ")
		}
		if w <= 0 {
			continue
		}
		label := theme.Clean(m.mp.Phases[i].Name)
		if i == hl {
			label = "▲ " + label
			cell := theme.Fit(label, w)
			cell += strings.Repeat(" ", w-ansi.StringWidth(cell))
			lb.WriteString(m.styles().Current.Render(cell))
			continue
		}
		cell := theme.Fit(label, w)
		lb.WriteString(m.styles().PhaseLabel.Render(cell) + strings.Repeat(" ", w-ansi.StringWidth(cell)))
	}
	return append(lines, lb.String())
}

// Styles are the looks of presentation mode. Contrast is deliberately high:
// the text has to read from the back of a room.
type Styles struct {
	Title       lipgloss.Style // the map's title in the header
	Counter     lipgloss.Style // "Phase 2 of 4"
	Banner      lipgloss.Style // the block-letter phase name
	BannerText  lipgloss.Style // the phase name when the banner does not fit
	Description lipgloss.Style
	Name        lipgloss.Style // a touchpoint's name
	Meta        lipgloss.Style // channel and kind
	Labels      lipgloss.Style // emotion labels
	Motivation  lipgloss.Style
	Thought     lipgloss.Style // what the customer thinks, quoted
	Pain        lipgloss.Style // pain points and metrics off target
	Opportunity lipgloss.Style
	Hint        lipgloss.Style // "▼ 3 more"
	Empty       lipgloss.Style
	Footer      lipgloss.Style
	Heading     lipgloss.Style // "PERSONA", "MOMENTS THAT HURT"
	PhaseLabel  lipgloss.Style // phase names under the curve
	Current     lipgloss.Style // the phase on show under the curve: reversed, so it shows without colour
	// Emotion colours a score's bar and face, index 1 to 5 (0 unused).
	Emotion [6]lipgloss.Style
	// Curve styles the emotional curve drawn by the board's renderer.
	Curve *board.Styles
	// Projector is the high-contrast theme a key switches to; nil in the
	// projector styles themselves.
	Projector *Styles
}

// DefaultStyles builds presentation mode's styles from a palette.
func DefaultStyles(p theme.Palette) *Styles {
	s := lipgloss.NewStyle()
	st := Styles{
		Title:       s.Foreground(p.Muted),
		Counter:     s.Bold(true).Foreground(p.Accent),
		Banner:      s.Foreground(p.Fg),
		BannerText:  s.Bold(true).Foreground(p.Fg),
		Description: s.Italic(true).Foreground(p.Fg),
		Name:        s.Bold(true).Foreground(p.Fg),
		Meta:        s.Foreground(p.Muted),
		Labels:      s.Italic(true).Foreground(p.Fg),
		Motivation:  s.Foreground(p.Fg),
		Thought:     s.Italic(true).Foreground(p.Muted),
		Pain:        s.Bold(true).Foreground(p.EmotionColor(1)),
		Opportunity: s.Foreground(p.EmotionColor(5)),
		Hint:        s.Italic(true).Foreground(p.Muted),
		Empty:       s.Italic(true).Foreground(p.Muted),
		Footer:      s.Foreground(p.Muted),
		Heading:     s.Bold(true).Foreground(p.Accent),
		PhaseLabel:  s.Foreground(p.Muted),
		Current:     s.Bold(true).Reverse(true).Foreground(p.Accent),
		Curve:       board.DefaultStyles(p),
	}
	for i := 1; i <= 5; i++ {
		st.Emotion[i] = s.Bold(true).Foreground(p.EmotionColor(i))
	}
	st.Projector = projectorStyles(p.IsDark)
	return &st
}

// ProjectorPalette is the projector theme's palette: the terminal's
// extremes for text (no greys, which a projector washes out) and pure,
// saturated colours for the scale.
func ProjectorPalette(isDark bool) theme.Palette {
	c := lipgloss.Color
	p := theme.New(isDark)
	if isDark {
		p.Fg, p.Muted, p.Accent, p.Warn = c("#ffffff"), c("#ffffff"), c("#ffff00"), c("#ff0000")
		p.Emotion = [6]color.Color{nil, c("#ff0000"), c("#ff8000"), c("#ffff00"), c("#80ff00"), c("#00ff00")}
	} else {
		p.Fg, p.Muted, p.Accent, p.Warn = c("#000000"), c("#000000"), c("#0000c0"), c("#c00000")
		p.Emotion = [6]color.Color{nil, c("#c00000"), c("#b03c00"), c("#806000"), c("#306000"), c("#006000")}
	}
	return p
}

// projectorStyles are the high-contrast looks: every text bold, nothing
// faint, italic or grey.
func projectorStyles(isDark bool) *Styles {
	p := ProjectorPalette(isDark)
	s := lipgloss.NewStyle().Bold(true)
	st := Styles{
		Title:       s.Foreground(p.Fg),
		Counter:     s.Foreground(p.Accent),
		Banner:      s.Foreground(p.Fg),
		BannerText:  s.Foreground(p.Fg),
		Description: s.Foreground(p.Fg),
		Name:        s.Foreground(p.Accent),
		Meta:        s.Foreground(p.Fg),
		Labels:      s.Foreground(p.Fg),
		Motivation:  s.Foreground(p.Fg),
		Thought:     s.Foreground(p.Fg),
		Pain:        s.Foreground(p.EmotionColor(1)),
		Opportunity: s.Foreground(p.EmotionColor(5)),
		Hint:        s.Foreground(p.Fg),
		Empty:       s.Foreground(p.Fg),
		Footer:      s.Foreground(p.Fg),
		Heading:     s.Foreground(p.Accent).Underline(true),
		PhaseLabel:  s.Foreground(p.Fg),
		Current:     s.Reverse(true).Foreground(p.Accent),
		Curve:       board.DefaultStyles(p),
	}
	st.Curve.CurveAxis = s.Foreground(p.Fg)
	st.Curve.CurveSep = s.Foreground(p.Fg)
	st.Curve.CurveLabel = s.Foreground(p.Fg)
	for i := 1; i <= 5; i++ {
		st.Emotion[i] = s.Foreground(p.EmotionColor(i))
	}
	return &st
}

// KeyMap is presentation mode's keys.
type KeyMap struct {
	Next  key.Binding
	Prev  key.Binding
	First key.Binding
	Last  key.Binding
	Down  key.Binding
	Up    key.Binding
	Close key.Binding
	// Projector toggles the high-contrast theme.
	Projector key.Binding
}

// DefaultKeyMap returns presentation mode's keys. Clickers for slides send
// page down/up or space, so those step too.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Next:      key.NewBinding(key.WithKeys("right", "l", "space", "pgdown", "n"), key.WithHelp("→/l/space", "next slide")),
		Prev:      key.NewBinding(key.WithKeys("left", "h", "pgup", "backspace", "p"), key.WithHelp("←/h", "previous slide")),
		First:     key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "title slide")),
		Last:      key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "closing slide")),
		Projector: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "projector theme")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "more touchpoints")),
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "back up")),
		Close:     key.NewBinding(key.WithKeys("esc", "q", "s"), key.WithHelp("esc", "back to the board")),
	}
}

// ShortHelp returns the keys for the one-line help.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Prev, k.Next, k.Close} }

// FullHelp returns the keys for the full help.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Prev, k.Next, k.First, k.Last}, {k.Up, k.Down, k.Projector, k.Close}}
}

// sideBySide appends blocks to out as columns colW cells wide and
// columnGap apart, row by row, as tall as the tallest block.
func sideBySide(out []string, blocks [][]string, colW int) []string {
	tallest := 0
	for _, b := range blocks {
		tallest = max(tallest, len(b))
	}
	for r := 0; r < tallest; r++ {
		var line strings.Builder
		for c, b := range blocks {
			cell := ""
			if r < len(b) {
				cell = b[r]
			}
			if c < len(blocks)-1 {
				cell += strings.Repeat(" ", max(colW-ansi.StringWidth(cell), 0)+columnGap)
			}
			line.WriteString(cell)
		}
		out = append(out, line.String())
	}
	return out
}

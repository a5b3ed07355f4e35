// Package present is presentation mode: one phase at a time in large,
// high-contrast type for a projector, its touchpoints with their emotions and
// motivations, and the whole emotional curve below with the phase on show
// highlighted.
package present

import (
	"fmt"
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

// Model is presentation mode. Build it with New.
type Model struct {
	mp     *model.Map
	scores [][]int // per phase, for the curve; built once per map
	curves *curveCache
	phase  int
	row    int // first row of touchpoint blocks shown, for phases that overflow
	// rows is how many rows of blocks the last frame laid the phase out in
	// (a pointer because View has a value receiver); Down stops at the last.
	rows *int
	st   *Styles
	keys KeyMap
}

// New returns presentation mode on mp, starting at phase (clamped).
func New(mp *model.Map, phase int, st *Styles) Model {
	m := Model{st: st, keys: DefaultKeyMap(), rows: new(int)}
	m.SetMap(mp)
	m.setPhase(phase)
	return m
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
	for i, p := range mp.Phases {
		s := make([]int, len(p.Touchpoints))
		for j, t := range p.Touchpoints {
			s[j] = t.Emotion.Score
		}
		m.scores[i] = s
	}
	m.setPhase(m.phase)
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
	width, phase int
	lines        []string
}

// Phase returns the index of the phase on show.
func (m Model) Phase() int { return m.phase }

func (m *Model) setPhase(i int) {
	n := len(m.mp.Phases)
	i = min(max(i, 0), max(n-1, 0))
	if i != m.phase {
		m.row = 0
	}
	m.phase = i
}

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
	case key.Matches(k, m.keys.Next):
		m.setPhase(m.phase + 1)
	case key.Matches(k, m.keys.Prev):
		m.setPhase(m.phase - 1)
	case key.Matches(k, m.keys.First):
		m.setPhase(0)
	case key.Matches(k, m.keys.Last):
		m.setPhase(len(m.mp.Phases) - 1)
	case key.Matches(k, m.keys.Down):
		if len(m.mp.Phases) > 0 {
			last := len(m.mp.Phases[m.phase].Touchpoints) - 1
			if m.rows != nil && *m.rows > 0 {
				last = *m.rows - 1
			}
			m.row = min(m.row+1, max(last, 0))
		}
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

// View renders the phase on show in at most width x height cells.
func (m Model) View(width, height int) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	st := m.st
	footer := "◀ ▶ phases · esc back"
	var top, body, bottom []string

	n := len(m.mp.Phases)
	if n == 0 {
		top = append(top, m.header(width, "no phases"))
		body = append(body, "", st.Empty.Render(theme.Fit("This map has no phases yet.", width)))
		return m.compose(width, height, top, body, nil, footer)
	}
	p := m.mp.Phases[m.phase]
	top = append(top, m.header(width, fmt.Sprintf("Phase %d of %d", m.phase+1, n)))

	roomy := height >= 30
	if roomy {
		top = append(top, "")
	}
	// Reserve the curve first: it is the map's overview and what the room
	// orients by. Short screens drop it.
	showCurve := height >= 18 && width >= 20
	if showCurve {
		bottom = append(bottom, "")
		bottom = append(bottom, m.curve(width)...)
	}

	name := theme.Clean(p.Name)
	if name == "" {
		name = "(unnamed phase)"
	}
	free := height - len(top) - len(bottom) - 1 // 1: footer
	var banner []string
	// The banner only when it leaves the touchpoints room to be read.
	if free >= glyphRows+9 {
		for _, sx := range []int{2, 1} {
			if sx == 2 && width < 100 {
				continue
			}
			if banner = Banner(name, sx, width); banner != nil {
				break
			}
		}
	}
	if banner != nil {
		for _, l := range banner {
			top = append(top, st.Banner.Render(l))
		}
	} else {
		top = append(top, st.BannerText.Render(theme.Fit(strings.ToUpper(name), width)))
	}
	if d := theme.Clean(p.Description); d != "" && free-len(banner) >= 6 {
		top = append(top, st.Description.Render(theme.Fit(d, width)))
	}
	top = append(top, "")

	free = height - len(top) - len(bottom) - 1
	var more bool
	body, more = m.touchpoints(p, width, free)
	if more {
		footer += " · ↑↓ more"
	}
	return m.compose(width, height, top, body, bottom, footer)
}

// header is the map title on the left and the phase counter on the right.
func (m Model) header(width int, counter string) string {
	c := m.st.Counter.Render(theme.Fit(counter, width))
	cw := ansi.StringWidth(c)
	tw := width - cw - 2
	if tw < 4 {
		return c
	}
	t := m.st.Title.Render(theme.Fit(m.mp.Title, tw))
	gap := width - ansi.StringWidth(t) - cw
	return t + strings.Repeat(" ", max(gap, 1)) + c
}

// compose stacks the parts and trims them to height: the body gives way
// first, then the bottom, so the phase name and footer stay.
func (m Model) compose(width, height int, top, body, bottom []string, footer string) string {
	f := m.st.Footer.Render(theme.Fit(footer, width))
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
		return []string{m.st.Empty.Render(theme.Fit("No touchpoints in this phase.", width))}, false
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
		out = append(out, m.st.Hint.Render(theme.Fit(fmt.Sprintf("▲ %d more above", first*cols), width)))
	}
	// A block gets the lines it needs up to a cap that shares the height
	// fairly between the rows that can show.
	maxBlock := max(9, height/3)
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
		tallest := 0
		for j := i; j < end; j++ {
			b := m.block(tps[j], colW, min(maxBlock, left))
			blocks = append(blocks, b)
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
		i = end
		if i < len(tps) && height-len(out) > 2 {
			out = append(out, "")
		}
	}
	if i < len(tps) {
		out = append(out, m.st.Hint.Render(theme.Fit(fmt.Sprintf("▼ %d more", len(tps)-i), width)))
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
		line := m.st.Emotion[sc].Render(face) + strings.Repeat(" ", 4-len(face))
		out = append(out, line+m.st.Name.Render(theme.Fit(tps[i].Name, width-4)))
	}
	if i < len(tps) {
		out = append(out, m.st.Hint.Render(theme.Fit(fmt.Sprintf("▼ %d more", len(tps)-i), width)))
		return out, true
	}
	return out, first > 0
}

// block renders one touchpoint in at most maxLines lines of width cells:
// name, face and score, channel and kind, emotion labels, then motivations
// and, where room is left, thoughts. Long text wraps onto a second line
// rather than being cut short, when the height allows.
func (m Model) block(t model.Touchpoint, width, maxLines int) []string {
	st := m.st
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
	add(st.Name, name, nameLines)
	add(st.Emotion[score], theme.Face(score)+" "+strconv.Itoa(score)+" "+model.ScoreWord(score), 1)
	meta := string(t.Kind)
	if ch := theme.Clean(t.Channel); ch != "" {
		meta = ch + " · " + meta
	}
	add(st.Meta, meta, 1)
	if len(t.Emotion.Labels) > 0 {
		add(st.Labels, joinClean(t.Emotion.Labels, ", ", w), 1)
	}
	// Each motivation gets two lines while there is room for the rest to
	// show at least one.
	for i, mo := range t.Motivations {
		left := maxLines - len(lines)
		if left <= 0 {
			break
		}
		n := 1
		if left-2 >= len(t.Motivations)-i-1 {
			n = 2
		}
		item(st.Motivation, "→ ", mo, n)
	}
	// What the room came for: what hurts, what could be better, and the
	// numbers that miss their target, before the customer's words.
	for _, pp := range t.PainPoints {
		if maxLines-len(lines) <= 0 {
			break
		}
		item(st.Pain, "✗ ", pp, 2)
	}
	for _, op := range t.Opportunities {
		if maxLines-len(lines) <= 0 {
			break
		}
		item(st.Opportunity, "+ ", op, 2)
	}
	for _, mt := range t.Metrics {
		if maxLines-len(lines) <= 0 {
			break
		}
		if mt.Status() != model.OffTarget {
			continue
		}
		item(st.Pain, "▼ ", offTarget(mt), 1)
	}
	for _, th := range t.Thoughts {
		if maxLines-len(lines) <= 0 {
			break
		}
		item(st.Thought, "“", theme.Clean(th)+"”", 2)
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
func joinClean(items []string, sep string, limit int) string {
	var b strings.Builder
	for i, s := range items {
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
func (m Model) curve(width int) []string {
	if c := m.curves; c != nil && c.lines != nil && c.width == width && c.phase == m.phase {
		return append([]string(nil), c.lines...)
	}
	lines := m.drawCurve(width)
	if m.curves != nil {
		m.curves.width, m.curves.phase, m.curves.lines = width, m.phase, lines
	}
	return append([]string(nil), lines...)
}

func (m Model) drawCurve(width int) []string {
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
	lines := board.CurveLines(m.scores, widths, m.phase, -1, 0, m.st.Curve)
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
		if i == m.phase {
			label = "▲ " + label
			cell := theme.Fit(label, w)
			cell += strings.Repeat(" ", w-ansi.StringWidth(cell))
			lb.WriteString(m.st.Current.Render(cell))
			continue
		}
		cell := theme.Fit(label, w)
		lb.WriteString(m.st.PhaseLabel.Render(cell) + strings.Repeat(" ", w-ansi.StringWidth(cell)))
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
	PhaseLabel  lipgloss.Style // phase names under the curve
	Current     lipgloss.Style // the phase on show under the curve: reversed, so it shows without colour
	// Emotion colours a score's bar and face, index 1 to 5 (0 unused).
	Emotion [6]lipgloss.Style
	// Curve styles the emotional curve drawn by the board's renderer.
	Curve *board.Styles
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
		PhaseLabel:  s.Foreground(p.Muted),
		Current:     s.Bold(true).Reverse(true).Foreground(p.Accent),
		Curve:       board.DefaultStyles(p),
	}
	for i := 1; i <= 5; i++ {
		st.Emotion[i] = s.Bold(true).Foreground(p.EmotionColor(i))
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
}

// DefaultKeyMap returns presentation mode's keys. Clickers for slides send
// page down/up or space, so those step too.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Next:  key.NewBinding(key.WithKeys("right", "l", "space", "pgdown", "n"), key.WithHelp("→/l/space", "next phase")),
		Prev:  key.NewBinding(key.WithKeys("left", "h", "pgup", "backspace", "p"), key.WithHelp("←/h", "previous phase")),
		First: key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "first phase")),
		Last:  key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "last phase")),
		Down:  key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "more touchpoints")),
		Up:    key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "back up")),
		Close: key.NewBinding(key.WithKeys("esc", "q", "s"), key.WithHelp("esc", "back to the board")),
	}
}

// ShortHelp returns the keys for the one-line help.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Prev, k.Next, k.Close} }

// FullHelp returns the keys for the full help.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Prev, k.Next, k.First, k.Last}, {k.Up, k.Down, k.Close}}
}

// Package insights is the insights panel: the figures of model.Insights for
// the open map, in sections, as a scrollable list whose rows jump to the
// touchpoint (or phase) they name.
package insights

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"journeymap/model"
	"journeymap/ui/theme"
)

// JumpMsg asks the board to select Ref. A row naming a phase rather than a
// touchpoint carries Index -1: the phase's header, as in board.Selection.
type JumpMsg struct{ Ref model.Ref }

// ClosedMsg reports that the panel was dismissed.
type ClosedMsg struct{}

type rowKind int

const (
	rowItem   rowKind = iota
	rowHeader         // a section title
	rowNote           // "none", not selectable
	rowSpacer         // blank line between sections
)

// row is one line of the panel, kept as data so it renders to any width and
// only rows on screen are rendered.
type row struct {
	kind   rowKind
	text   string
	text2  string        // joined to text with " · " when rendered
	metric *model.Metric // figure is this metric against its target, when set
	detail string        // muted, after the text
	figure string        // right-aligned
	face   int           // score whose face leads the row; 0 for none
	slot   bool          // keep the face's column even without a face, to align with rows that have one
	bar    float64       // 0..1 filled part of the bar; < 0 for no bar
	barCol int           // score colouring the bar; 0 for the accent colour
	warn   bool          // figure drawn as a warning
	jump   bool
	ref    model.Ref
}

// Model is the insights panel. Build it with New.
type Model struct {
	title   string
	summary []string
	rows    []row
	sel     int // index into rows; always a selectable row, or -1
	st      *Styles
	keys    KeyMap
}

// New builds the panel from r, the report model.Insights made for mp. The
// map only supplies the title; every figure comes from the report.
func New(r model.Report, mp *model.Map, st *Styles) Model {
	m := Model{st: st, keys: DefaultKeyMap(), sel: -1}
	if mp != nil {
		m.title = mp.Title
	}
	m.summary = summary(r)
	m.rows = buildRows(r)
	m.sel = m.next(-1, 1)
	return m
}

// SetStyles replaces the styles.
func (m *Model) SetStyles(st *Styles) { m.st = st }

// Init returns nothing; the panel needs no start-up work.
func (m Model) Init() tea.Cmd { return nil }

func summary(r model.Report) []string {
	s := model.Plural(r.Touchpoints, "touchpoint") + " in " + model.Plural(r.Phases, "phase")
	if r.HasMean {
		s += fmt.Sprintf(" · mean emotion %.1f %s", r.MeanEmotion, theme.Face(int(math.Round(r.MeanEmotion))))
	}
	return []string{s, fmt.Sprintf("%s: %d on target, %d off target, %d without data", model.Plural(r.Metrics, "metric"), r.OnTarget, r.OffTargets, r.NoData)}
}

func tpText(t model.TouchpointRow) string {
	if t.Name == "" {
		return "(unnamed)"
	}
	return t.Name
}

func buildRows(r model.Report) []row {
	var rows []row
	section := func(title string, n int, items []row) {
		if len(rows) > 0 {
			rows = append(rows, row{kind: rowSpacer})
		}
		if n >= 0 {
			title = fmt.Sprintf("%s (%d)", title, n)
		}
		rows = append(rows, row{kind: rowHeader, text: title})
		if len(items) == 0 {
			rows = append(rows, row{kind: rowNote, text: "none"})
		}
		rows = append(rows, items...)
	}

	items := make([]row, 0, len(r.Lowest))
	for _, t := range r.Lowest {
		items = append(items, row{text: tpText(t), detail: t.Phase, face: t.Score,
			figure: strconv.Itoa(t.Score), bar: -1, jump: true, ref: t.Ref})
	}
	section("Moments that hurt: scored below neutral", -1, items)

	items = make([]row, 0, len(r.Drops))
	for _, d := range r.Drops {
		detail := d.From.Phase
		if d.To.Phase != d.From.Phase || d.To.Ref.Phase != d.From.Ref.Phase {
			detail = d.From.Phase + " → " + d.To.Phase
		}
		items = append(items, row{text: tpText(d.From) + " → " + tpText(d.To), detail: detail,
			face: d.To.Score, figure: "−" + strconv.Itoa(d.Size), bar: -1, warn: true, jump: true, ref: d.To.Ref})
	}
	section("Steepest drops", -1, items)

	items = make([]row, 0, len(r.PhaseMeans))
	for _, p := range r.PhaseMeans {
		it := row{text: p.Name, bar: -1, slot: true, jump: true, ref: model.Ref{Phase: p.Phase, Index: -1}}
		if p.HasMean {
			sc := int(math.Round(p.Mean))
			it.face, it.bar, it.barCol = sc, p.Mean/model.MaxScore, sc
			it.figure = strconv.FormatFloat(p.Mean, 'f', 1, 64)
			it.detail = model.Plural(p.Touchpoints, "touchpoint")
		} else {
			it.figure, it.detail = "—", "no touchpoints"
		}
		if it.text == "" {
			it.text = "(unnamed phase)"
		}
		items = append(items, it)
	}
	section("Mean emotion per phase", -1, items)

	items = make([]row, 0, len(r.WithoutMetrics))
	for _, t := range r.WithoutMetrics {
		items = append(items, row{text: tpText(t), detail: t.Phase, bar: -1, jump: true, ref: t.Ref})
	}
	section("Touchpoints without metrics", len(r.WithoutMetrics), items)

	items = make([]row, 0, len(r.OffTarget))
	for i := range r.OffTarget {
		mr := &r.OffTarget[i]
		name := mr.Metric.Name
		if name == "" {
			name = "(unnamed metric)"
		}
		// The figure and the touchpoint's name are joined when the row
		// shows: a big map can have thousands of these.
		items = append(items, row{text: name, text2: tpText(mr.Touchpoint), detail: mr.Touchpoint.Phase,
			metric: &mr.Metric, warn: true, bar: -1, jump: true, ref: mr.Touchpoint.Ref})
	}
	section("Metrics off target", len(r.OffTarget), items)

	items = make([]row, 0, len(r.EmptyPhases))
	for _, p := range r.EmptyPhases {
		name := p.Name
		if name == "" {
			name = "(unnamed phase)"
		}
		items = append(items, row{text: name, bar: -1, jump: true, ref: model.Ref{Phase: p.Phase, Index: -1}})
	}
	section("Phases without touchpoints", len(r.EmptyPhases), items)

	section("Channel mix", -1, countRows(r.Channels, "(no channel)"))
	section("Kind mix", -1, countRows(r.Kinds, "(no kind)"))
	// Dot-voting rounds, newest first: what the room chose.
	for i := len(r.Votes) - 1; i >= 0; i-- {
		v := r.Votes[i]
		items = make([]row, 0, len(v.Results))
		total := max(1, v.TotalDots())
		for _, res := range v.Results {
			items = append(items, row{text: res.Name, detail: res.Phase, figure: model.Plural(res.Dots, "dot"),
				bar: float64(res.Dots) / float64(total), jump: true, ref: res.At})
		}
		section("Vote: "+v.Question, -1, items)
	}
	return rows
}

func countRows(cs []model.Count, blank string) []row {
	most := 0
	total := 0
	for _, c := range cs {
		most = max(most, c.Count)
		total += c.Count
	}
	items := make([]row, 0, len(cs))
	for _, c := range cs {
		name := c.Name
		if name == "" {
			name = blank
		}
		fill := 0.0
		if most > 0 {
			fill = float64(c.Count) / float64(most)
		}
		it := row{text: name, figure: strconv.Itoa(c.Count), bar: fill}
		if total > 0 {
			it.detail = fmt.Sprintf("%d%%", int(math.Round(100*float64(c.Count)/float64(total))))
		}
		items = append(items, it)
	}
	return items
}

// metricFigure reads "20 % vs ≥ 40 %": the current value against the target
// in the direction that counts.
func metricFigure(mt model.Metric) string {
	num := func(p *float64) string {
		if p == nil {
			return "?"
		}
		s := strconv.FormatFloat(*p, 'f', -1, 64)
		if mt.Unit != "" {
			s += " " + mt.Unit
		}
		return s
	}
	op := "≥"
	if mt.Direction == model.Down {
		op = "≤"
	}
	return num(mt.Current) + " vs " + op + " " + num(mt.Target)
}

func selectable(r row) bool { return r.kind == rowItem }

// next returns the first selectable row from i+dir on in direction dir, or
// i when there is none.
func (m Model) next(i, dir int) int {
	for j := i + dir; j >= 0 && j < len(m.rows); j += dir {
		if selectable(m.rows[j]) {
			return j
		}
	}
	return i
}

// Selected returns the Ref of the selected row and whether it can jump.
func (m Model) Selected() (model.Ref, bool) {
	if m.sel < 0 || m.sel >= len(m.rows) {
		return model.Ref{}, false
	}
	r := m.rows[m.sel]
	return r.ref, r.jump
}

// pageRows is how far pgup/pgdown move.
const pageRows = 10

// Update moves the selection; enter on a row that names a touchpoint or
// phase emits JumpMsg, esc emits ClosedMsg.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		switch msg.Mouse().Button {
		case tea.MouseWheelUp:
			m.move(-1, 3)
		case tea.MouseWheelDown:
			m.move(1, 3)
		}
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.keys.Close):
			return m, func() tea.Msg { return ClosedMsg{} }
		case key.Matches(msg, m.keys.Jump):
			if ref, ok := m.Selected(); ok {
				return m, func() tea.Msg { return JumpMsg{Ref: ref} }
			}
		case key.Matches(msg, m.keys.Down):
			m.move(1, 1)
		case key.Matches(msg, m.keys.Up):
			m.move(-1, 1)
		case key.Matches(msg, m.keys.PageDown):
			m.move(1, pageRows)
		case key.Matches(msg, m.keys.PageUp):
			m.move(-1, pageRows)
		case key.Matches(msg, m.keys.Home):
			m.sel = m.next(-1, 1)
		case key.Matches(msg, m.keys.End):
			m.sel = m.next(len(m.rows), -1)
			if m.sel == len(m.rows) {
				m.sel = -1
			}
		case key.Matches(msg, m.keys.NextSection):
			m.jumpSection(1)
		case key.Matches(msg, m.keys.PrevSection):
			m.jumpSection(-1)
		}
	}
	return m, nil
}

func (m *Model) move(dir, steps int) {
	if m.sel < 0 {
		return
	}
	for range steps {
		m.sel = m.next(m.sel, dir)
	}
}

// jumpSection selects the first item of the next (or previous) section
// that has items.
func (m *Model) jumpSection(dir int) {
	if m.sel < 0 {
		return
	}
	h := m.sel
	for h > 0 && m.rows[h].kind != rowHeader {
		h--
	}
	for j := h + dir; j >= 0 && j < len(m.rows); j += dir {
		if m.rows[j].kind == rowHeader && j+1 < len(m.rows) && selectable(m.rows[j+1]) {
			m.sel = j + 1
			return
		}
	}
}

// View renders the panel in at most width x height cells.
func (m Model) View(width, height int) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	st := m.st
	var head []string
	head = append(head, st.Title.Render(theme.Fit("Insights · "+theme.Clean(m.title), width)))
	if height >= 6 {
		for _, s := range m.summary {
			if len(head) < height/4+1 {
				head = append(head, st.Summary.Render(theme.Fit(s, width)))
			}
		}
	}
	if height >= 10 {
		head = append(head, "")
	}
	// No key line of its own: the root's short help sits under the panel.
	listH := height - len(head)
	if listH < 1 {
		return strings.Join(theme.Clip(head, width, height), "\n")
	}

	// Keep the selection a third of the way down so the rows around it
	// (and its section title) stay in view; no scroll state to go stale.
	off := 0
	if m.sel >= 0 {
		off = m.sel - listH/3
	}
	off = max(0, min(off, len(m.rows)-listH))
	end := min(off+listH, len(m.rows))

	lines := head
	barW := min(16, max(4, width/6))
	for i := off; i < end; i++ {
		lines = append(lines, m.renderRow(m.rows[i], i == m.sel, width, barW))
	}
	return strings.Join(theme.Clip(lines, width, height), "\n")
}

func (m Model) renderRow(r row, selected bool, width, barW int) string {
	st := m.st
	switch r.kind {
	case rowSpacer:
		return ""
	case rowHeader:
		return st.Section.Render(theme.Fit(r.text, width))
	}
	var b strings.Builder
	left := 2
	if selected {
		b.WriteString(st.Marker.Render("▶ "))
	} else {
		b.WriteString("  ")
	}
	if r.kind == rowNote {
		b.WriteString(st.Note.Render(theme.Fit(r.text, width-left)))
		return b.String()
	}

	// Right side: bar then figure, when there is room for them.
	var right string
	rightW := 0
	figure := r.figure
	if r.metric != nil {
		figure = metricFigure(*r.metric)
	}
	if figure != "" {
		fig := theme.Fit(figure, max(width/3, 6))
		if w := ansi.StringWidth(fig); w < 3 {
			fig = strings.Repeat(" ", 3-w) + fig // small figures line up on the right
		}
		figStyle := st.Figure
		if r.warn {
			figStyle = st.Warn
		}
		right = figStyle.Render(fig)
		rightW = ansi.StringWidth(fig)
	}
	if r.bar >= 0 && width-left-rightW >= barW+12 {
		bs := st.Bar
		if r.barCol > 0 {
			bs = st.Emotion[min(r.barCol, model.MaxScore)]
		}
		right = bs.Render(bar(r.bar, barW)) + " " + right
		rightW += barW + 1
	}
	if width-left-rightW < 8 {
		right, rightW = "", 0
	}

	avail := width - left - rightW
	if rightW > 0 {
		avail-- // a space before the right side
	}
	var mid strings.Builder
	used := 0
	if (r.face > 0 || r.slot) && avail >= 10 {
		face := ""
		if r.face > 0 {
			sc := model.ClampScore(r.face)
			face = theme.Face(sc)
			mid.WriteString(st.Emotion[sc].Render(face))
		}
		mid.WriteString(strings.Repeat(" ", 4-len(face)))
		used = 4
	}
	text := r.text
	if r.text2 != "" {
		text += " · " + r.text2
	}
	text = theme.Fit(text, avail-used)
	ts := st.Text
	if selected {
		ts = st.Selected
	}
	mid.WriteString(ts.Render(text))
	used += ansi.StringWidth(text)
	if d := theme.Clean(r.detail); d != "" && avail-used >= 6 {
		dt := theme.Fit(" · "+d, avail-used)
		mid.WriteString(st.Detail.Render(dt))
		used += ansi.StringWidth(dt)
	}
	b.WriteString(mid.String())
	if rightW > 0 {
		b.WriteString(strings.Repeat(" ", max(avail-used, 0)+1))
		b.WriteString(right)
	}
	return b.String()
}

// bar draws fill (0..1) of w cells with eighth blocks, padded to w.
func bar(fill float64, w int) string {
	if w <= 0 {
		return ""
	}
	fill = min(max(fill, 0), 1)
	eighths := int(math.Round(fill * float64(w*8)))
	full, part := eighths/8, eighths%8
	s := strings.Repeat("█", full)
	if part > 0 {
		s += string([]rune("▏▎▍▌▋▊▉")[part-1])
		full++
	}
	return s + strings.Repeat(" ", w-full)
}

// Styles are the looks of the insights panel.
type Styles struct {
	Title    lipgloss.Style
	Summary  lipgloss.Style
	Section  lipgloss.Style
	Text     lipgloss.Style
	Selected lipgloss.Style // the selected row's text: reversed, so it shows without colour
	Marker   lipgloss.Style // ▶ before the selected row
	Detail   lipgloss.Style
	Figure   lipgloss.Style
	Warn     lipgloss.Style // drops and off-target figures
	Note     lipgloss.Style // "none"
	Bar      lipgloss.Style // counts' bars
	// Emotion colours faces and mean bars, index 1 to 5 (0 unused).
	Emotion [6]lipgloss.Style
}

// DefaultStyles builds the panel's styles from a palette.
func DefaultStyles(p theme.Palette) *Styles {
	s := lipgloss.NewStyle()
	st := Styles{
		Title:    s.Bold(true).Foreground(p.Accent),
		Summary:  s.Foreground(p.Fg),
		Section:  s.Bold(true).Underline(true).Foreground(p.Fg),
		Text:     s.Foreground(p.Fg),
		Selected: s.Bold(true).Reverse(true).Foreground(p.Accent),
		Marker:   s.Bold(true).Foreground(p.Accent),
		Detail:   s.Foreground(p.Muted),
		Figure:   s.Bold(true).Foreground(p.Fg),
		Warn:     s.Bold(true).Foreground(p.Warn),
		Note:     s.Italic(true).Foreground(p.Muted),
		Bar:      s.Foreground(p.Accent),
	}
	for i := 1; i <= 5; i++ {
		st.Emotion[i] = s.Bold(true).Foreground(p.EmotionColor(i))
	}
	return &st
}

// KeyMap is the panel's keys.
type KeyMap struct {
	Up          key.Binding
	Down        key.Binding
	PageUp      key.Binding
	PageDown    key.Binding
	Home        key.Binding
	End         key.Binding
	NextSection key.Binding
	PrevSection key.Binding
	Jump        key.Binding
	Close       key.Binding
}

// DefaultKeyMap returns the panel's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:      key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown:    key.NewBinding(key.WithKeys("pgdown", "space"), key.WithHelp("pgdn", "page down")),
		Home:        key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g", "top")),
		End:         key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "bottom")),
		NextSection: key.NewBinding(key.WithKeys("tab", "right", "l"), key.WithHelp("tab", "next section")),
		PrevSection: key.NewBinding(key.WithKeys("shift+tab", "left", "h"), key.WithHelp("shift+tab", "previous section")),
		Jump:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "jump to it")),
		Close:       key.NewBinding(key.WithKeys("esc", "q", "i"), key.WithHelp("esc", "back")),
	}
}

// ShortHelp returns the keys for the one-line help.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.NextSection, k.Jump, k.Close}
}

// FullHelp returns the keys for the full help.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{k.NextSection, k.PrevSection, k.Jump, k.Close},
	}
}

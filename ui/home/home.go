// Package home is the home screen: the file's maps as a list with title,
// persona, phase and touchpoint counts and when each last changed, narrowed
// by a fuzzy filter.
//
// Keys. The list starts in command mode, where single letters are commands:
// up/down (k/j), enter opens, n new, e edit, c duplicate, d delete (the root
// asks first), / searches the touchpoints of every map, q quits. Pressing f
// or tab focuses the filter; from then on every printable key (command
// letters included) goes into the filter and the list narrows as you type,
// matched characters highlighted. While filtering, up/down still move and
// enter opens the selected map; tab leaves the filter (keeping it, so
// e/c/d act on the narrowed list); esc clears it. In command mode esc clears
// a filter that was kept. Filtering reports whether the filter has focus, so
// the root sends every key here then instead of treating letters as its own.
package home

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/sahilm/fuzzy"

	"journeymap/model"
	"journeymap/ui/finder"
	"journeymap/ui/theme"
)

// Messages the home screen emits. The root acts on them (and asks before a
// delete).
type (
	// OpenMsg asks to open a map on the board.
	OpenMsg struct{ ID int64 }
	// NewMsg asks for the new-map form.
	NewMsg struct{}
	// EditMsg asks to edit a map's title, persona, goal and notes.
	EditMsg struct{ ID int64 }
	// DuplicateMsg asks to duplicate a map.
	DuplicateMsg struct{ ID int64 }
	// DeleteMsg asks to delete a map, after the root's confirmation.
	DeleteMsg struct{ ID int64 }
	// SearchAllMsg asks for the finder over the touchpoints of every map.
	SearchAllMsg struct{}
	// QuitMsg asks to leave the program.
	QuitMsg struct{}
)

// Styles holds the looks of the home screen.
type Styles struct {
	Header    lipgloss.Style // column titles
	Title     lipgloss.Style // a map's title
	Text      lipgloss.Style // persona, counts, dates
	Muted     lipgloss.Style // hints and the map count
	Selected  lipgloss.Style // added to every part of the selected row
	Marker    lipgloss.Style // the ▶ before the selected row
	Highlight lipgloss.Style // characters matched by the filter
	Prompt    lipgloss.Style // "Filter:"
	Query     lipgloss.Style // the filter text
	Empty     lipgloss.Style // "No maps yet"
}

// DefaultStyles builds the home screen's styles from a palette. Selection and
// matches also show without colour: ▶ and reverse video for the selection,
// underline and bold for matched characters.
func DefaultStyles(p theme.Palette) *Styles {
	s := lipgloss.NewStyle()
	return &Styles{
		Header:    s.Foreground(p.Muted).Bold(true),
		Title:     s.Foreground(p.Fg).Bold(true),
		Text:      s.Foreground(p.Fg),
		Muted:     s.Foreground(p.Muted),
		Selected:  s.Reverse(true),
		Marker:    s.Foreground(p.Accent).Bold(true),
		Highlight: s.Foreground(p.Highlight).Bold(true).Underline(true),
		Prompt:    s.Foreground(p.Accent).Bold(true),
		Query:     s.Foreground(p.Fg),
		Empty:     s.Foreground(p.Muted).Italic(true),
	}
}

// KeyMap holds the home screen's keys.
type KeyMap struct {
	Up        key.Binding
	Down      key.Binding
	PageUp    key.Binding
	PageDown  key.Binding
	Top       key.Binding
	Bottom    key.Binding
	Open      key.Binding
	New       key.Binding
	Edit      key.Binding
	Duplicate key.Binding
	Delete    key.Binding
	Search    key.Binding
	Filter    key.Binding // focus the filter
	Leave     key.Binding // leave the filter, keeping it
	Clear     key.Binding // clear the filter
	Quit      key.Binding
	// While filtering, letters type: only these move the selection. They
	// show in the help as Up and Down.
	FilterUp   key.Binding
	FilterDown key.Binding
}

// DefaultKeyMap returns the home screen's keys.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, help string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, help))
	}
	return KeyMap{
		Up:        b([]string{"up", "k"}, "↑/k", "up"),
		Down:      b([]string{"down", "j"}, "↓/j", "down"),
		PageUp:    b([]string{"pgup"}, "pgup", "page up"),
		PageDown:  b([]string{"pgdown"}, "pgdn", "page down"),
		Top:       b([]string{"home", "g"}, "g", "first"),
		Bottom:    b([]string{"end", "G"}, "G", "last"),
		Open:      b([]string{"enter"}, "enter", "open"),
		New:       b([]string{"n"}, "n", "new map"),
		Edit:      b([]string{"e"}, "e", "edit map"),
		Duplicate: b([]string{"c"}, "c", "duplicate"),
		Delete:    b([]string{"d"}, "d", "delete"),
		Search:    b([]string{"/"}, "/", "search all maps"),
		Filter:    b([]string{"f", "tab"}, "f", "filter"),
		Leave:     b([]string{"tab"}, "tab", "leave filter"),
		Clear:     b([]string{"esc"}, "esc", "clear filter"),
		Quit:      b([]string{"q"}, "q", "quit"),

		FilterUp:   b([]string{"up", "ctrl+p"}, "↑/k", "up"),
		FilterDown: b([]string{"down", "ctrl+n"}, "↓/j", "down"),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.New, k.Filter, k.Search, k.Edit, k.Duplicate, k.Delete, k.Quit}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.FilterUp, k.FilterDown, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Open, k.New, k.Edit, k.Duplicate, k.Delete},
		{k.Filter, k.Leave, k.Clear, k.Search, k.Quit},
	}
}

// row is a map as listed: its index in the maps and the matched characters
// of its filter text.
type row struct {
	i       int
	matched []int
}

// scroll is the first visible row and how many rows were last drawn; it
// lives behind a pointer because View (a value method) knows the height.
type scroll struct {
	offset, rows, top int
	// filterW is the filter input's width at the last View; the input
	// scrolls to its cursor only in Update, so it needs it there.
	filterW int
}

// Model is the home screen. Build it with New.
type Model struct {
	// Now tells the time for "2 min ago"; tests replace it.
	Now func() time.Time

	st        *Styles
	keys      KeyMap
	maps      []model.MapSummary
	texts     []string // per map: title Sep persona, cleaned; what the filter matches
	filter    textinput.Model
	filtering bool
	rows      []row
	cursor    int
	sc        *scroll
}

// New returns an empty home screen.
func New(st *Styles) Model {
	m := Model{Now: time.Now, keys: DefaultKeyMap(), sc: &scroll{}}
	m.filter = textinput.New()
	m.filter.Prompt = "Filter: "
	m.filter.CharLimit = 200
	m.SetStyles(st)
	return m
}

// SetStyles replaces the styles (after a light/dark change).
func (m *Model) SetStyles(st *Styles) {
	m.st = st
	is := m.filter.Styles()
	is.Focused.Prompt = st.Prompt
	is.Focused.Text = st.Query
	is.Focused.Placeholder = st.Muted
	is.Blurred = is.Focused
	is.Blurred.Prompt = st.Muted
	is.Cursor.Blink = false
	m.filter.SetStyles(is)
}

// Keys returns the key map, for help.
func (m Model) Keys() KeyMap { return m.keys }

// SetMaps replaces the list (after loading or any change). The selection
// stays on the same map when it still exists.
func (m *Model) SetMaps(ms []model.MapSummary) {
	id, had := m.SelectedID()
	m.maps = ms
	m.texts = make([]string, len(ms))
	for i, s := range ms {
		m.texts[i] = filterText(s)
	}
	m.refilter()
	if had {
		m.Select(id)
	}
}

// filterText joins title and persona so one fuzzy match covers both.
func filterText(s model.MapSummary) string {
	t := strings.TrimSpace(theme.Clean(s.Title))
	if p := strings.TrimSpace(theme.Clean(s.Persona)); p != "" {
		return t + finder.Sep + p
	}
	return t
}

// Select moves the selection to the map with the given ID, if listed.
func (m *Model) Select(id int64) {
	for k, r := range m.rows {
		if m.maps[r.i].ID == id {
			m.cursor = k
			return
		}
	}
}

// SelectedID returns the selected map's ID, or false when none is listed.
func (m Model) SelectedID() (int64, bool) {
	s, ok := m.Selected()
	return s.ID, ok
}

// Selected returns the selected map, or false when none is listed.
func (m Model) Selected() (model.MapSummary, bool) {
	if m.cursor < 0 || m.cursor >= len(m.rows) {
		return model.MapSummary{}, false
	}
	return m.maps[m.rows[m.cursor].i], true
}

// Filtering reports whether the filter has focus: every key belongs to the
// home screen then, letters included.
func (m Model) Filtering() bool { return m.filtering }

// FilterValue returns the filter text (kept after leaving the filter).
func (m Model) FilterValue() string { return m.filter.Value() }

// refilter rebuilds the listed rows from the filter text: every map in
// order when it is empty, otherwise the fuzzy matches best first.
func (m *Model) refilter() {
	q := m.filter.Value()
	m.rows = m.rows[:0]
	if q == "" {
		for i := range m.maps {
			m.rows = append(m.rows, row{i: i})
		}
	} else {
		for _, fm := range fuzzy.Find(q, m.texts) {
			m.rows = append(m.rows, row{i: fm.Index, matched: fm.MatchedIndexes})
		}
	}
	m.cursor = min(max(m.cursor, 0), max(len(m.rows)-1, 0))
}

// Update handles keys, pasted text and the mouse: the wheel moves the
// selection, a click selects a map (X/Y relative to the list's top-left; the
// root subtracts where it drew it).
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			m.move(-1)
		case tea.MouseWheelDown:
			m.move(1)
		}
	case tea.MouseClickMsg:
		if row := msg.Y - m.sc.top; msg.Button == tea.MouseLeft && row >= 0 && row < m.sc.rows {
			if k := m.sc.offset + row; k < len(m.rows) {
				m.cursor = k
			}
		}
	case tea.KeyPressMsg:
		if m.filtering {
			return m.updateFilter(msg)
		}
		return m.updateCommand(msg)
	case tea.PasteMsg:
		if m.filtering {
			return m.editFilter(msg)
		}
	}
	return m, nil
}

func (m Model) updateCommand(k tea.KeyPressMsg) (Model, tea.Cmd) {
	keys := m.keys
	switch {
	case key.Matches(k, keys.Up):
		m.move(-1)
	case key.Matches(k, keys.Down):
		m.move(1)
	case key.Matches(k, keys.PageUp):
		m.move(-max(1, m.sc.rows))
	case key.Matches(k, keys.PageDown):
		m.move(max(1, m.sc.rows))
	case key.Matches(k, keys.Top):
		m.move(-len(m.rows))
	case key.Matches(k, keys.Bottom):
		m.move(len(m.rows))
	case key.Matches(k, keys.Open):
		return m, m.withSelected(func(id int64) tea.Msg { return OpenMsg{id} })
	case key.Matches(k, keys.Edit):
		return m, m.withSelected(func(id int64) tea.Msg { return EditMsg{id} })
	case key.Matches(k, keys.Duplicate):
		return m, m.withSelected(func(id int64) tea.Msg { return DuplicateMsg{id} })
	case key.Matches(k, keys.Delete):
		return m, m.withSelected(func(id int64) tea.Msg { return DeleteMsg{id} })
	case key.Matches(k, keys.New):
		return m, func() tea.Msg { return NewMsg{} }
	case key.Matches(k, keys.Search):
		return m, func() tea.Msg { return SearchAllMsg{} }
	case key.Matches(k, keys.Quit):
		return m, func() tea.Msg { return QuitMsg{} }
	case key.Matches(k, keys.Filter):
		m.filtering = true
		m.filter.CursorEnd()
		return m, m.filter.Focus()
	case key.Matches(k, keys.Clear):
		m.clearFilter()
	}
	return m, nil
}

func (m Model) updateFilter(k tea.KeyPressMsg) (Model, tea.Cmd) {
	keys := m.keys
	switch {
	case key.Matches(k, keys.Clear):
		m.clearFilter()
		return m, nil
	case key.Matches(k, keys.Leave):
		m.filtering = false
		m.filter.Blur()
		return m, nil
	case key.Matches(k, keys.FilterUp):
		m.move(-1)
		return m, nil
	case key.Matches(k, keys.FilterDown):
		m.move(1)
		return m, nil
	case key.Matches(k, keys.PageUp):
		m.move(-max(1, m.sc.rows))
		return m, nil
	case key.Matches(k, keys.PageDown):
		m.move(max(1, m.sc.rows))
		return m, nil
	case key.Matches(k, keys.Open):
		id, ok := m.SelectedID()
		if !ok {
			return m, nil
		}
		// Opening leaves the filter (kept, visible on return) so the
		// letters work as commands again when the user comes back.
		m.filtering = false
		m.filter.Blur()
		return m, func() tea.Msg { return OpenMsg{id} }
	}
	return m.editFilter(k)
}

// editFilter passes a key or paste to the filter input and re-filters when
// the text changed, keeping the selected map selected if it still matches.
func (m Model) editFilter(msg tea.Msg) (Model, tea.Cmd) {
	before := m.filter.Value()
	var cmd tea.Cmd
	if m.sc != nil && m.sc.filterW > 0 {
		m.filter.SetWidth(m.sc.filterW)
	}
	m.filter, cmd = m.filter.Update(msg)
	if m.filter.Value() != before {
		m.cursor = 0 // the best match, as in any finder
		m.sc.offset = 0
		m.refilter()
	}
	return m, cmd
}

func (m *Model) clearFilter() {
	id, had := m.SelectedID()
	m.filtering = false
	m.filter.Blur()
	if m.filter.Value() == "" {
		return
	}
	m.filter.SetValue("")
	m.refilter()
	if had {
		m.Select(id)
	}
}

func (m Model) now() time.Time {
	if m.Now == nil {
		return time.Now()
	}
	return m.Now()
}

func (m *Model) move(d int) {
	if len(m.rows) == 0 {
		return
	}
	m.cursor = min(max(m.cursor+d, 0), len(m.rows)-1)
}

func (m Model) withSelected(msg func(int64) tea.Msg) tea.Cmd {
	id, ok := m.SelectedID()
	if !ok {
		return nil
	}
	return func() tea.Msg { return msg(id) }
}

// Ago says how long before now t was, the way people say it: "just now",
// "5 min ago", "3 hours ago" (today, or under six hours ago), "yesterday",
// "4 days ago", and the date ("2 Jan 2006") from a week on. The zero time
// reads "—".
func Ago(t, now time.Time) string {
	if t.IsZero() {
		return "—"
	}
	t = t.In(now.Location())
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return strconv.Itoa(int(d/time.Minute)) + " min ago"
	}
	// Within a few hours the hours say more than "yesterday" would.
	days := calendarDays(t, now)
	switch {
	case d < 2*time.Hour:
		return "1 hour ago"
	case days == 0 || d < 6*time.Hour:
		return strconv.Itoa(int(d/time.Hour)) + " hours ago"
	case days == 1:
		return "yesterday"
	case days < 7:
		return strconv.Itoa(days) + " days ago"
	}
	return t.Format("2 Jan 2006")
}

// calendarDays counts midnights between t and now (both in now's zone).
func calendarDays(t, now time.Time) int {
	y1, m1, d1 := t.Date()
	y2, m2, d2 := now.Date()
	a := time.Date(y1, m1, d1, 12, 0, 0, 0, time.UTC)
	b := time.Date(y2, m2, d2, 12, 0, 0, 0, time.UTC)
	return int(b.Sub(a).Hours() / 24)
}

// column is one column of the list: its header, width and alignment.
type column struct {
	head  string
	width int
	right bool
}

// Widths of the fixed columns, wide enough for their headers and values.
const (
	markerWidth  = 2
	gap          = 2
	phasesWidth  = 6  // "Phases"
	tpsWidth     = 11 // "Touchpoints"
	changedWidth = 12 // "3 hours ago", "12 Sep 2026"
	minFlex      = 12 // the narrowest a title column may get before others go
)

// layout decides which columns fit in width: Phases goes first, then
// Touchpoints, then Changed, then Persona, so the title always stays.
func layout(width int) (title, persona int, fixed []column) {
	phases := column{"Phases", phasesWidth, true}
	tps := column{"Touchpoints", tpsWidth, true}
	changed := column{"Changed", changedWidth, false}
	configs := [][]column{{phases, tps, changed}, {tps, changed}, {changed}, nil}
	for _, cols := range configs {
		flex := width - markerWidth - gap // the gap between title and persona
		for _, c := range cols {
			flex -= c.width + gap
		}
		if flex >= 2*minFlex {
			title = flex * 3 / 5
			return title, flex - title, cols
		}
	}
	return max(0, width-markerWidth), 0, nil
}

// View draws the home screen in exactly width × height cells (nothing when
// either is zero). Only visible rows are rendered.
func (m Model) View(width, height int) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	plain := lipgloss.NewStyle()
	var lines []string
	if height >= 2 {
		lines = append(lines, theme.Pad(m.filterLine(width), width, plain))
	}
	titleW, personaW, fixed := layout(width)
	showHeader := height >= 4 && len(m.rows) > 0
	if showHeader {
		lines = append(lines, theme.Pad(m.header(titleW, personaW, fixed), width, plain))
	}
	rowsAt := len(lines)
	n := height - rowsAt
	m.sc.rows = n
	m.sc.top = rowsAt
	switch {
	case len(m.maps) == 0:
		lines = append(lines, theme.Pad(m.st.Empty.Render(theme.Fit("  No maps yet — press n to create one", width)), width, plain))
	case len(m.rows) == 0:
		msg := fmt.Sprintf("  No map matches “%s” — esc clears the filter", m.filter.Value())
		lines = append(lines, theme.Pad(m.st.Empty.Render(theme.Fit(msg, width)), width, plain))
	default:
		off := min(max(m.sc.offset, m.cursor-n+1), m.cursor)
		off = max(0, min(off, len(m.rows)-n))
		m.sc.offset = off
		for k := off; k < min(len(m.rows), off+n); k++ {
			lines = append(lines, m.row(m.rows[k], k == m.cursor, width, titleW, personaW, fixed))
		}
	}
	for len(lines) < height {
		lines = append(lines, strings.Repeat(" ", width))
	}
	return strings.Join(lines[:height], "\n")
}

// filterLine is the filter input while it is used or kept, else a hint,
// with the number of maps listed at the right.
func (m Model) filterLine(width int) string {
	count := fmt.Sprintf("%d maps", len(m.maps))
	if len(m.maps) == 1 {
		count = "1 map"
	}
	if m.filter.Value() != "" {
		count = fmt.Sprintf("%d of %d", len(m.rows), len(m.maps))
	}
	cw := ansi.StringWidth(count)
	left := width
	if width >= cw+20 {
		left = width - cw - 1
	} else {
		count = ""
	}
	var l string
	if m.filtering || m.filter.Value() != "" {
		m.filter.SetWidth(max(1, left-ansi.StringWidth(m.filter.Prompt)-1))
		if m.sc != nil {
			m.sc.filterW = m.filter.Width()
		}
		l = m.filter.View()
		if ansi.StringWidth(l) > left {
			l = theme.Truncate(l, left, "")
		}
	} else {
		l = m.st.Muted.Render(theme.Fit("f filter · / search every map", left))
	}
	if count == "" {
		return l
	}
	return theme.Pad(l, left+1, lipgloss.NewStyle()) + m.st.Muted.Render(count)
}

func (m Model) header(titleW, personaW int, fixed []column) string {
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", markerWidth))
	b.WriteString(m.st.Header.Render(cell("Title", titleW, false)))
	if personaW > 0 {
		b.WriteString(strings.Repeat(" ", gap))
		b.WriteString(m.st.Header.Render(cell("Persona", personaW, false)))
	}
	for _, c := range fixed {
		b.WriteString(strings.Repeat(" ", gap))
		b.WriteString(m.st.Header.Render(cell(c.head, c.width, c.right)))
	}
	return b.String()
}

// cell fits s into exactly w cells, padded on the left when right-aligned.
func cell(s string, w int, right bool) string {
	s = theme.Fit(s, w)
	sp := strings.Repeat(" ", max(0, w-ansi.StringWidth(s)))
	if right {
		return sp + s
	}
	return s + sp
}

// row draws one map. Title and persona carry the filter's highlights: the
// filter text is title + Sep + persona, so matched offsets past the title
// belong to the persona.
func (m Model) row(r row, selected bool, width, titleW, personaW int, fixed []column) string {
	s := m.maps[r.i]
	title, text, hl, space := m.st.Title, m.st.Text, m.st.Highlight, lipgloss.NewStyle()
	marker := "  "
	if selected {
		title = title.Inherit(m.st.Selected)
		text = text.Inherit(m.st.Selected)
		hl = hl.Inherit(m.st.Selected)
		space = m.st.Selected
		marker = "▶ "
	}
	ft := m.texts[r.i]
	tEnd := len(ft)
	if i := strings.Index(ft, finder.Sep); i >= 0 && strings.TrimSpace(theme.Clean(s.Persona)) != "" {
		tEnd = i
	}
	var tm, pm []int
	for _, i := range r.matched {
		switch {
		case i < tEnd:
			tm = append(tm, i)
		case i >= tEnd+len(finder.Sep):
			pm = append(pm, i-tEnd-len(finder.Sep))
		}
	}
	var b strings.Builder
	if selected {
		b.WriteString(m.st.Marker.Inherit(m.st.Selected).Render(marker))
	} else {
		b.WriteString(marker)
	}
	t := ft[:tEnd]
	if t == "" {
		t = "(untitled)"
		tm = nil
	}
	b.WriteString(fill(finder.Highlight(t, tm, titleW, title, hl), titleW, space))
	if personaW > 0 {
		b.WriteString(space.Render(strings.Repeat(" ", gap)))
		p := ""
		if tEnd < len(ft) {
			p = ft[tEnd+len(finder.Sep):]
		}
		b.WriteString(fill(finder.Highlight(p, pm, personaW, text, hl), personaW, space))
	}
	for _, c := range fixed {
		var v string
		switch c.head {
		case "Phases":
			v = strconv.Itoa(s.Phases)
		case "Touchpoints":
			v = strconv.Itoa(s.Touchpoints)
		default:
			v = Ago(s.UpdatedAt, m.now())
		}
		b.WriteString(space.Render(strings.Repeat(" ", gap)))
		b.WriteString(text.Render(cell(v, c.width, c.right)))
	}
	return theme.Pad(b.String(), width, space)
}

// fill pads a rendered cell to w cells with spaces in style st.
func fill(s string, w int, st lipgloss.Style) string {
	if sw := ansi.StringWidth(s); sw < w {
		return s + st.Render(strings.Repeat(" ", w-sw))
	}
	return s
}

// Package exportdlg is the export dialog: pick a format and a path, confirm
// before overwriting, and write the map atomically (temp file, fsync, rename)
// in a tea.Cmd so the screen never waits on the disk.
package exportdlg

import (
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"journeymap/interchange"
	"journeymap/model"
	"journeymap/ui/theme"
)

// ExportFunc renders mp in format f to w. path is the file being written
// (absolute), so a deck can put its pictures beside it as the command line
// does; it is "" when nothing is written (the dialog's probe of which
// formats work). main passes f.Write itself; tests pass fakes.
type ExportFunc func(w io.Writer, mp *model.Map, f interchange.Format, path string) error

// WriteFunc writes path atomically with what render produces. Unless
// overwrite is set it leaves an existing file alone and reports exists. main
// passes storage's writer, which also refuses to replace the open map file.
type WriteFunc func(path string, overwrite bool, render func(io.Writer) error) (exists bool, err error)

// DoneMsg reports that the map was written to Path (absolute).
type DoneMsg struct{ Path string }

// ClosedMsg reports that the dialog was dismissed.
type ClosedMsg struct{}

type state int

const (
	editing    state = iota
	checking         // a write command is running
	confirming       // the file exists: "Overwrite …? y/n"
	done             // written; any key closes
)

type field int

const (
	formatField field = iota
	pathField
)

// Model is the export dialog. Build it with New.
type Model struct {
	mp      *model.Map
	dir     string
	export  ExportFunc
	writeTo WriteFunc
	st      *Styles
	keys    KeyMap
	formats []interchange.Format
	format  int
	focus   field
	input   textinput.Model
	state   state
	errText string
	target  string // absolute path of the pending or finished write
	gen     int    // drops results of writes the user has moved on from
	// pathW is the path input's width at the last View, behind a pointer
	// since View is a value method: the input scrolls to its cursor only
	// in Update, so it needs the width there.
	pathW *int
}

// New returns the dialog for mp. dir is where relative paths resolve and
// where the default file name goes ("" means the current directory).
func New(mp *model.Map, dir string, export ExportFunc, write WriteFunc, st *Styles) Model {
	if mp == nil {
		mp = &model.Map{}
	}
	m := Model{mp: mp, dir: dir, export: export, writeTo: write, st: st, keys: DefaultKeyMap(), pathW: new(int)}
	m.formats = interchange.Formats()
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = 4096
	in.SetStyles(st.Input)
	in.SetValue(DefaultPath(dir, mp.Title, m.formats[0].Ext()))
	in.CursorEnd()
	m.input = in
	return m
}

// DefaultPath is the file name a map's title suggests, in dir, with ext.
func DefaultPath(dir, title, ext string) string {
	name := Slug(title) + ext
	if dir == "" || dir == "." {
		return name
	}
	return filepath.Join(dir, name)
}

// maxSlug keeps file names well below every file system's 255-byte limit,
// counted in runes so multi-byte scripts stay far below it too.
const maxSlug = 60

// Slug turns a title into a safe file name stem: lower case letters and
// digits of any script, runs of anything else collapsed to one "-".
// "Coffee shop" becomes "coffee-shop", "咖啡店" stays "咖啡店", and a title with
// no letters or digits at all becomes "journey-map".
func Slug(title string) string {
	var b strings.Builder
	n := 0
	dash := false
	for _, r := range title {
		if n >= maxSlug {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
				n++
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
			n++
			continue
		}
		dash = true
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		return "journey-map"
	}
	return s
}

// Init implements tea.Model's shape for symmetry; the dialog needs nothing at start.
func (m Model) Init() tea.Cmd { return nil }

// Format returns the chosen format.
func (m Model) Format() interchange.Format { return m.formats[m.format] }

// Path returns the path as typed.
func (m Model) Path() string { return m.input.Value() }

// SetStyles replaces the styles, e.g. after the terminal's background changed.
func (m *Model) SetStyles(st *Styles) {
	m.st = st
	m.input.SetStyles(st.Input)
}

// Editing reports whether the path input has the focus, so the root does not
// treat letters as commands.
func (m Model) Editing() bool { return m.state == editing && m.focus == pathField }

// resultMsg carries the outcome of a write command back to the dialog that
// started it.
type resultMsg struct {
	gen    int
	path   string
	exists bool // not written: the file is there and overwriting was not confirmed
	err    error
}

// Update handles keys and the results of the dialog's own commands.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case resultMsg:
		if msg.gen != m.gen || m.state != checking {
			return m, nil
		}
		m.target = msg.path
		switch {
		case msg.err != nil:
			m.state = editing
			m.errText = msg.err.Error()
		case msg.exists:
			m.state = confirming
		default:
			m.state = done
			p := msg.path
			return m, func() tea.Msg { return DoneMsg{Path: p} }
		}
		return m, nil
	case tea.PasteMsg:
		if m.state == editing && m.focus == pathField {
			var cmd tea.Cmd
			m.input, cmd = m.updateInput(msg)
			return m, cmd
		}
		return m, nil
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	}
	if m.focus == pathField {
		var cmd tea.Cmd
		m.input, cmd = m.updateInput(msg)
		return m, cmd
	}
	return m, nil
}

func closed() tea.Msg { return ClosedMsg{} }

// updateInput passes msg to the path input at the width it is drawn at.
func (m Model) updateInput(msg tea.Msg) (textinput.Model, tea.Cmd) {
	in := m.input
	if m.pathW != nil && *m.pathW > 0 {
		in.SetWidth(*m.pathW)
	}
	return in.Update(msg)
}

func (m Model) handleKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	switch m.state {
	case done:
		return m, closed
	case checking:
		if key.Matches(msg, m.keys.Cancel) {
			m.gen++
			return m, closed
		}
		return m, nil
	case confirming:
		switch {
		case key.Matches(msg, m.keys.Yes):
			return m.write(true)
		case key.Matches(msg, m.keys.No), key.Matches(msg, m.keys.Cancel):
			m.state = editing
			m.errText = ""
		}
		return m, nil
	}
	switch {
	case key.Matches(msg, m.keys.Cancel):
		return m, closed
	case key.Matches(msg, m.keys.Write):
		return m.write(false)
	case key.Matches(msg, m.keys.NextField), key.Matches(msg, m.keys.PrevField):
		return m.setFocus(1 - m.focus)
	case m.focus == formatField && key.Matches(msg, m.keys.Prev):
		m.setFormat(m.format - 1)
		return m, nil
	case m.focus == formatField && key.Matches(msg, m.keys.Next):
		m.setFormat(m.format + 1)
		return m, nil
	case m.focus == formatField && key.Matches(msg, m.keys.Down):
		return m.setFocus(pathField)
	case m.focus == pathField && key.Matches(msg, m.keys.Up):
		return m.setFocus(formatField)
	case m.focus == formatField && key.Matches(msg, m.keys.Pick):
		// The binding's keys are the digits 1–9 and 0 (the tenth),
		// one rune each.
		i := int(msg.Code - '1')
		if msg.Code == '0' {
			i = 9
		}
		if i >= 0 && i < len(m.formats) {
			m.setFormat(i)
		}
		return m, nil
	case m.focus == formatField:
		return m, nil
	}
	m.errText = ""
	var cmd tea.Cmd
	m.input, cmd = m.updateInput(msg)
	return m, cmd
}

func (m Model) setFocus(f field) (Model, tea.Cmd) {
	m.focus = f
	if f == pathField {
		return m, m.input.Focus()
	}
	m.input.Blur()
	return m, nil
}

// setFormat switches the format and keeps the path's extension in step when
// it is empty or one the dialog put there; a custom extension is left alone.
func (m *Model) setFormat(i int) {
	n := len(m.formats)
	i = ((i % n) + n) % n
	if i == m.format {
		return
	}
	m.format = i
	m.errText = ""
	p := m.input.Value()
	switch {
	case strings.TrimSpace(p) == "":
		p = DefaultPath(m.dir, m.mp.Title, m.formats[i].Ext())
	case filepath.Ext(p) == "":
		p += m.formats[i].Ext()
	default:
		// The whole extension the path's format has (".slides.md", not
		// just ".md"), so switching formats never stacks extensions.
		if ext, ok := formatExt(p); ok {
			p = strings.TrimSuffix(p, ext) + m.formats[i].Ext()
		}
	}
	m.input.SetValue(p)
	m.input.CursorEnd()
}

// formatExt returns the extension of one of the formats that path ends in,
// the longest when several match ("deck.slides.md": ".slides.md").
func formatExt(path string) (string, bool) {
	best := ""
	lower := strings.ToLower(path)
	for _, f := range interchange.Formats() {
		for _, e := range f.Extensions {
			if strings.HasSuffix(lower, e) && len(e) > len(best) {
				best = e
			}
		}
	}
	return path[len(path)-len(best):], best != ""
}

// write starts the write command. Nothing is touched on disk here: the
// command checks for an existing file and writes.
func (m Model) write(overwrite bool) (Model, tea.Cmd) {
	p := strings.TrimSpace(m.input.Value())
	if p == "" {
		m.errText = "type a path to export to"
		return m, nil
	}
	if m.export == nil || m.writeTo == nil {
		m.errText = "export is not available"
		return m, nil
	}
	m.gen++
	m.state = checking
	m.errText = ""
	gen, dir, export, write, f := m.gen, m.dir, m.export, m.writeTo, m.formats[m.format]
	mp := m.mp.Clone() // the board may change the map while the disk works
	return m, func() tea.Msg {
		abs, err := resolve(dir, p)
		if err != nil {
			return resultMsg{gen: gen, path: p, err: err}
		}
		exists, err := write(abs, overwrite, func(w io.Writer) error {
			return export(w, mp, f, abs)
		})
		return resultMsg{gen: gen, path: abs, exists: exists, err: err}
	}
}

// View renders the dialog in at most width x height cells.
func (m Model) View(width, height int) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	boxed := width >= 24 && height >= 8
	inner := width
	if boxed {
		inner = width - m.st.Box.GetHorizontalFrameSize()
	}
	maxLines := height
	if boxed {
		maxLines = height - m.st.Box.GetVerticalFrameSize()
	}
	lines := m.lines(inner, maxLines)
	if boxed {
		lines = theme.Clip(lines, inner, maxLines)
		return m.st.Box.Width(width).Render(strings.Join(lines, "\n"))
	}
	return strings.Join(theme.Clip(lines, width, height), "\n")
}

// baseLines is how many lines the dialog has with the formats on one.
const baseLines = 7

func (m Model) lines(w, maxLines int) []string {
	st := m.st
	title := st.Title.Render(theme.Fit("Export “"+theme.Clean(m.mp.Title)+"”", w))
	lines := []string{title, ""}

	label := func(s string, focused bool) string {
		mark := "  "
		if focused {
			mark = "▶ "
		}
		return st.Label.Render(mark + s)
	}
	const labelW = 10 // "▶ Format  "

	rows := m.formatRows(w-labelW, 1+max(0, maxLines-baseLines))
	for i, row := range rows {
		if i == 0 {
			lines = append(lines, label("Format  ", m.focus == formatField && m.state == editing)+row)
		} else {
			lines = append(lines, strings.Repeat(" ", labelW)+row)
		}
	}

	in := m.input
	in.SetWidth(max(1, w-labelW-1))
	if m.pathW != nil {
		*m.pathW = in.Width()
	}
	lines = append(lines, label("Path    ", m.focus == pathField && m.state == editing)+in.View())
	lines = append(lines, "")

	switch m.state {
	case checking:
		lines = append(lines, st.Muted.Render("Writing…"))
	case confirming:
		lines = append(lines, st.Prompt.Render(theme.Fit("Overwrite "+filepath.Base(m.target)+"? y/n", w)))
	case done:
		lines = append(lines, st.Success.Render(theme.Fit("Exported to "+m.target, w)))
	default:
		if m.errText != "" {
			lines = append(lines, st.Error.Render(theme.Fit(m.errText, w)))
		} else {
			lines = append(lines, "")
		}
	}
	var help string
	switch m.state {
	case confirming:
		help = "y overwrite · n keep the file"
	case done:
		help = "any key closes"
	default:
		help = "tab field · ←/→ format · enter write · esc cancel"
	}
	lines = append(lines, st.Help.Render(theme.Fit(help, w)))
	return lines
}

// formatRows lays the formats out in at most maxRows rows of width cells:
// wrapped when they fit so, else one row that scrolls with the chosen
// format, with ‹ and › where more formats are out of view. Every format is
// either shown or reached by ←/→.
func (m Model) formatRows(width, maxRows int) []string {
	st := m.st
	n := len(m.formats)
	opts := make([]string, n)
	widths := make([]int, n)
	for i, f := range m.formats {
		num := strconv.Itoa((i + 1) % 10)
		if i >= 10 {
			num = "·" // no digit picks it; ←/→ still do
		}
		s := num + " " + f.Label
		if i == m.format {
			opts[i] = st.Selected.Render("[" + s + "]")
		} else {
			opts[i] = st.Option.Render(" " + s + " ")
		}
		widths[i] = ansi.StringWidth(s) + 2
	}
	// Wrapped: greedy rows, one space between options.
	var rows []string
	var row []string
	rowW := 0
	for i := range opts {
		if len(row) > 0 && rowW+1+widths[i] > width {
			rows = append(rows, strings.Join(row, " "))
			row, rowW = nil, 0
		}
		if len(row) > 0 {
			rowW++
		}
		row = append(row, opts[i])
		rowW += widths[i]
	}
	rows = append(rows, strings.Join(row, " "))
	fits := true
	for _, w := range widths {
		fits = fits && w <= width
	}
	if len(rows) <= maxRows && fits {
		return rows
	}
	// One row scrolled to the chosen format: widen the window around it,
	// right first, then left, while it fits with room for the markers.
	from, to := m.format, m.format+1
	used := widths[m.format]
	room := func(from, to int) int {
		r := width
		if from > 0 {
			r -= 2 // "‹ "
		}
		if to < n {
			r -= 2 // " ›"
		}
		return r
	}
	for grown := true; grown; {
		grown = false
		if to < n && used+1+widths[to] <= room(from, to+1) {
			used += 1 + widths[to]
			to++
			grown = true
		}
		if from > 0 && used+1+widths[from-1] <= room(from-1, to) {
			from--
			used += 1 + widths[from]
			grown = true
		}
	}
	out := strings.Join(opts[from:to], " ")
	if from > 0 {
		out = st.Muted.Render("‹") + " " + out
	}
	if to < n {
		out += " " + st.Muted.Render("›")
	}
	return []string{out}
}

// Styles are the looks of the dialog.
type Styles struct {
	Box      lipgloss.Style
	Title    lipgloss.Style
	Label    lipgloss.Style
	Option   lipgloss.Style
	Selected lipgloss.Style // the chosen format: reverse and bold, so it shows without colour
	Muted    lipgloss.Style
	Prompt   lipgloss.Style
	Error    lipgloss.Style
	Success  lipgloss.Style
	Help     lipgloss.Style
	Input    textinput.Styles
}

// DefaultStyles builds the dialog's styles from a palette.
func DefaultStyles(p theme.Palette) *Styles {
	s := lipgloss.NewStyle()
	return &Styles{
		Box:      s.Border(lipgloss.RoundedBorder()).BorderForeground(p.Accent).Padding(0, 1),
		Title:    s.Bold(true).Foreground(p.Accent),
		Label:    s.Foreground(p.Fg),
		Option:   s.Foreground(p.Muted),
		Selected: s.Bold(true).Reverse(true).Foreground(p.Accent),
		Muted:    s.Foreground(p.Muted),
		Prompt:   s.Bold(true).Foreground(p.Warn),
		Error:    s.Foreground(p.Error),
		Success:  s.Bold(true).Foreground(p.Success),
		Help:     s.Foreground(p.Muted),
		Input:    textinput.DefaultStyles(p.IsDark),
	}
}

// KeyMap is the dialog's keys.
type KeyMap struct {
	NextField key.Binding
	PrevField key.Binding
	Up        key.Binding
	Down      key.Binding
	Prev      key.Binding
	Next      key.Binding
	Write     key.Binding
	Yes       key.Binding
	No        key.Binding
	Cancel    key.Binding
	// Pick chooses a format by its number in the list (1–9, 0 for the
	// tenth).
	Pick key.Binding
}

// DefaultKeyMap returns the dialog's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		NextField: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next field")),
		PrevField: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous field")),
		Up:        key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "format")),
		Down:      key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "path")),
		Prev:      key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "previous format")),
		Next:      key.NewBinding(key.WithKeys("right", "l", "space"), key.WithHelp("→/l", "next format")),
		Write:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "write")),
		Yes:       key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "overwrite")),
		No:        key.NewBinding(key.WithKeys("n", "N"), key.WithHelp("n", "keep")),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Pick:      key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9", "0"), key.WithHelp("1–9, 0", "pick a format")),
	}
}

// ShortHelp returns the keys for the one-line help.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.NextField, k.Next, k.Write, k.Cancel}
}

// FullHelp returns the keys for the full help.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.NextField, k.PrevField, k.Up, k.Down},
		{k.Prev, k.Next, k.Pick, k.Write},
		{k.Yes, k.No, k.Cancel},
	}
}

// Help returns the keys that work in the dialog's present state, for the
// one-line help under it: y/n while it asks to overwrite, any key once done.
func (m Model) Help() help.KeyMap {
	switch m.state {
	case confirming:
		return stateHelp{short: []key.Binding{m.keys.Yes, m.keys.No}, all: m.keys}
	case done:
		return stateHelp{short: []key.Binding{anyKey}, all: m.keys}
	case checking:
		return stateHelp{short: []key.Binding{m.keys.Cancel}, all: m.keys}
	}
	return m.keys
}

// anyKey is help text only: once the file is written any key closes.
var anyKey = key.NewBinding(key.WithKeys("any"), key.WithHelp("any key", "closes"))

type stateHelp struct {
	short []key.Binding
	all   KeyMap
}

func (s stateHelp) ShortHelp() []key.Binding  { return s.short }
func (s stateHelp) FullHelp() [][]key.Binding { return s.all.FullHelp() }

// SetMap hands the dialog a fresher copy of its map (another window changed
// it meanwhile), so what is written is what the file holds now. The path
// typed so far stays.
func (m *Model) SetMap(mp *model.Map) {
	if mp != nil {
		m.mp = mp
	}
}

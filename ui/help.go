package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"journeymap/ui/board"
	"journeymap/ui/editor"
	"journeymap/ui/exportdlg"
	"journeymap/ui/finder"
	"journeymap/ui/home"
	"journeymap/ui/insights"
	"journeymap/ui/present"
	"journeymap/ui/theme"
)

// helpSection is one context's keys in the full help.
type helpSection struct {
	title string
	keys  []key.Binding
}

// fullHelp is the `?` screen: every key of every context, laid out in as many
// columns as fit, scrollable when even that is not enough.
type fullHelp struct {
	sections []helpSection
	offset   int // first column shown
}

func flatten(groups [][]key.Binding) []key.Binding {
	var out []key.Binding
	seen := map[string]bool{}
	for _, g := range groups {
		for _, b := range g {
			h := b.Help()
			if h.Key == "" || seen[h.Key+h.Desc] {
				continue
			}
			seen[h.Key+h.Desc] = true
			out = append(out, b)
		}
	}
	return out
}

// helpOverlay shows the full help over everything; closing it returns to
// what was below (the board, or the panel it was opened from).
type helpOverlay struct {
	h    fullHelp
	st   *Styles
	keys *KeyMap
}

func (r *Root) openHelp() {
	r.push(&helpOverlay{h: fullHelp{sections: r.helpSections()}, st: r.styles, keys: &r.keys})
}

func (o *helpOverlay) Update(_ *Root, msg tea.Msg) (bool, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false, nil
	}
	switch {
	case o.keys.HelpClose.matches(k):
		return true, nil
	case o.keys.HelpNext.matches(k):
		o.h.offset++
	case o.keys.HelpPrev.matches(k):
		o.h.offset = max(0, o.h.offset-1)
	}
	return false, nil
}

func (o *helpOverlay) View(w, h int, _ func(int, int) string) string { return o.h.View(w, h, o.st) }

func (o *helpOverlay) Help() help.KeyMap { return simpleHelp{o.keys.HelpClose.shown()} }

// blocks renders each section as a title and "key  description" rows.
func (h fullHelp) blocks(st *Styles) [][]string {
	var out [][]string
	for _, s := range h.sections {
		b := []string{st.HelpTitle.Render(s.title)}
		kw := 0
		for _, k := range s.keys {
			kw = max(kw, lipgloss.Width(k.Help().Key))
		}
		for _, k := range s.keys {
			hb := k.Help()
			b = append(b, "  "+st.Key.Render(hb.Key)+spaces(kw-lipgloss.Width(hb.Key)+2)+st.Muted.Render(hb.Desc))
		}
		out = append(out, b)
	}
	return out
}

// columns packs the sections into columns of at most rows lines, starting
// a section in a fresh column when it would not fit whole (a section taller
// than a column is split).
func columns(blocks [][]string, rows int) [][]string {
	var cols [][]string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			cols = append(cols, cur)
			cur = nil
		}
	}
	for _, b := range blocks {
		need := len(b)
		if len(cur) > 0 {
			need++ // a blank line between sections
		}
		if len(cur)+need > rows && len(cur) > 0 {
			flush()
		}
		if len(cur) > 0 {
			cur = append(cur, "")
		}
		for _, l := range b {
			if len(cur) == rows {
				flush()
			}
			cur = append(cur, l)
		}
	}
	flush()
	return cols
}

// View draws the help into width x height, packing the lines into columns.
func (h fullHelp) View(width, height int, st *Styles) string {
	title := st.HelpTitle.Render(theme.Fit("Keys", width))
	rows := max(1, height-3)
	blocks := h.blocks(st)
	colW := 0
	for _, b := range blocks {
		for _, l := range b {
			colW = max(colW, lipgloss.Width(l))
		}
	}
	colW = min(colW+3, max(1, width))
	cols := columns(blocks, rows)
	perScreen := max(1, width/colW)
	off := min(h.offset, max(0, len(cols)-perScreen))
	hintText := "esc or ? closes"
	if len(cols) > perScreen {
		hintText += fmt.Sprintf(" · ←/→ more (columns %d–%d of %d)", off+1, min(len(cols), off+perScreen), len(cols))
	}
	hint := st.Muted.Render(theme.Fit(hintText, width))
	cols = cols[off:min(len(cols), off+perScreen)]
	var b strings.Builder
	b.WriteString(title + "\n")
	for r := 0; r < rows; r++ {
		var line strings.Builder
		for _, c := range cols {
			cell := ""
			if r < len(c) {
				cell = ansiFit(c[r], colW-1)
			}
			line.WriteString(cell + spaces(colW-lipgloss.Width(cell)))
		}
		b.WriteString(strings.TrimRight(ansiFit(line.String(), width), " ") + "\n")
	}
	b.WriteString("\n" + hint)
	return b.String()
}

// helpSections lists every key of every context for the `?` screen.
func (r *Root) helpSections() []helpSection {
	k := r.keys
	return []helpSection{
		{"Board", flatten(boardHelp{k: r.boardKeys()}.FullHelp())},
		{"Board navigation", append(flatten(board.DefaultKeyMap().FullHelp()), clickHelp, wheelHelp)},
		{"Lanes (v)", lanesHelp()},
		{"Home", flatten(r.homeKeys(home.DefaultKeyMap()).FullHelp())},
		{"Quick capture / new phase", []key.Binding{k.Submit.Binding, k.Back.Binding}},
		{"Editor", flatten(editor.DefaultKeyMap().FullHelp())},
		{"Search", flatten(finder.DefaultKeyMap().FullHelp())},
		{"Insights", flatten(insights.DefaultKeyMap().FullHelp())},
		{"Presentation", flatten(present.DefaultKeyMap().FullHelp())},
		{"Export", flatten(exportdlg.DefaultKeyMap().FullHelp())},
		{"Confirm", []key.Binding{k.Yes.Binding, k.No.Binding}},
		{"Workshop (journeymap serve)", []key.Binding{workshopKeys.Dot, workshopKeys.Undot, workshopKeys.Vote, workshopKeys.Follow}},
		{"Anywhere", []key.Binding{k.ForceQuit.Binding}},
	}
}

package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"journeymap/ui/lanes"
)

// laneChooser lists the lanes with a mark for each one shown: space or
// enter hides or shows the lane under the cursor, 1–8 toggle a lane
// directly, esc closes. Every change is kept for the map at once.
type laneChooser struct {
	cursor int
	st     *Styles
	hidden func(lanes.Lane) bool
}

var (
	chooserToggle = key.NewBinding(key.WithKeys("space", "enter", "x"), key.WithHelp("space", "hide/show"))
	chooserMove   = key.NewBinding(key.WithKeys("up", "down", "k", "j"), key.WithHelp("↑/↓", "choose a lane"))
	chooserUp     = key.NewBinding(key.WithKeys("up", "k"))
	chooserDown   = key.NewBinding(key.WithKeys("down", "j"))
	chooserPick   = key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8"), key.WithHelp("1–8", "hide/show that lane"))
	chooserClose  = key.NewBinding(key.WithKeys("esc", "c", "q"), key.WithHelp("esc", "done"))
	chooserAll    = key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "show every lane"))
)

func (r *Root) openLaneChooser() {
	c := &laneChooser{st: r.styles, hidden: func(l lanes.Lane) bool { return r.lanes.IsHidden(l) }}
	c.cursor = max(0, int(r.lanes.Selection().Lane))
	r.push(c)
}

func (c *laneChooser) Update(r *Root, msg tea.Msg) (bool, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false, nil
	}
	n := len(lanes.Lanes)
	switch {
	case key.Matches(k, chooserClose):
		return true, nil
	case key.Matches(k, chooserUp):
		c.cursor = (c.cursor + n - 1) % n
	case key.Matches(k, chooserDown):
		c.cursor = (c.cursor + 1) % n
	case key.Matches(k, chooserAll):
		r.lanes.SetHiddenLanes(nil)
		r.syncFromLanes()
		return false, r.saveView()
	case key.Matches(k, chooserToggle):
		return false, c.toggle(r, lanes.Lanes[c.cursor])
	case key.Matches(k, chooserPick) && int(k.Code-'0') <= n:
		c.cursor = int(k.Code - '1')
		return false, c.toggle(r, lanes.Lanes[c.cursor])
	}
	return false, nil
}

func (c *laneChooser) toggle(r *Root, l lanes.Lane) tea.Cmd {
	r.lanes.SetHidden(l, !r.lanes.IsHidden(l))
	r.syncFromLanes()
	return r.saveView()
}

// View draws the list over the right of the lanes, which stay visible, so
// each change shows at once.
func (c *laneChooser) View(w, h int, below func(int, int) string) string {
	// A compact box: the lanes grid keeps the rest of the screen.
	return overlayBox(below(w, h), c.box(), w, h)
}

func (c *laneChooser) box() []string {
	rows := []string{c.st.PromptTitle.Render("Lanes shown"), ""}
	for i, l := range lanes.Lanes {
		mark := "[x]"
		if c.hidden(l) {
			mark = "[ ]"
		}
		line := " " + itoa(i+1) + " " + mark + " " + l.String()
		if i == c.cursor {
			line = c.st.Key.Render("▶" + line[1:])
		}
		rows = append(rows, line)
	}
	rows = append(rows, "", c.st.Muted.Render("space hides/shows · esc done"))
	return rows
}

func (c *laneChooser) Help() help.KeyMap {
	return simpleHelp{chooserMove, chooserToggle, chooserPick, chooserAll, chooserClose}
}

// overlayBox draws a bordered box of lines at the top right of the screen
// below it.
func overlayBox(below string, box []string, w, h int) string {
	bw := 0
	for _, l := range box {
		bw = max(bw, ansiWidth(l))
	}
	bw += 4
	lines := strings.Split(fitBlock(below, w, h), "\n")
	if bw+2 > w || len(box)+2 > h {
		return strings.Join(lines, "\n")
	}
	x := w - bw - 1
	top := 1
	border := func(l, m, r string) string { return l + strings.Repeat(m, bw-2) + r }
	put := func(y int, s string) {
		if y < 0 || y >= len(lines) {
			return
		}
		lines[y] = ansiFit(ansi.Cut(lines[y], 0, x), x) + s + ansi.Cut(lines[y], x+bw, w)
	}
	put(top, border("╭", "─", "╮"))
	for i, l := range box {
		put(top+1+i, "│ "+l+strings.Repeat(" ", bw-4-ansiWidth(l))+" │")
	}
	put(top+1+len(box), border("╰", "─", "╯"))
	return strings.Join(lines, "\n")
}

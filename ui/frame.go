package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"journeymap/ui/board"
	"journeymap/ui/theme"
)

// View draws the whole screen: the current screen and the overlays over it,
// the status bar and one line of help.
func (r *Root) View() tea.View {
	v := tea.NewView(r.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "Journeymap"
	if r.screen == screenBoard && r.mp != nil {
		v.WindowTitle = theme.Fit(r.mp.Title, 60) + " · Journeymap"
	}
	return v
}

func (r *Root) render() string {
	w, h := r.width, r.height
	if w <= 0 || h <= 0 {
		return ""
	}
	if w < minWidth || h < minHeight {
		return tooSmall(w, h)
	}
	top := r.top()
	if _, ok := top.(fullScreen); ok {
		return fitBlock(top.View(w, h, nil), w, h)
	}
	bodyH := h - 2
	body := r.drawLayer(len(r.stack)-1, w, bodyH)
	var keys help.KeyMap
	if top != nil {
		keys = top.Help()
	} else {
		keys = r.screenHelp()
	}
	return r.cache.body(body, w, bodyH) + "\n" + r.statusView(w) + "\n" + r.cache.help(r.shortHelp, keys.ShortHelp(), w)
}

// screenBody draws home or the board, under whatever overlays there are.
func (r *Root) screenBody(w, h int) string {
	if r.screen == screenHome || r.mp == nil {
		return r.home.View(w, h)
	}
	if r.lanesOn() {
		r.lanes.SetSize(w, h)
		return r.lanes.View()
	}
	return r.board.View(w, h)
}

// screenHelp is the short help of the screen when nothing covers it.
func (r *Root) screenHelp() help.KeyMap {
	if r.screen == screenHome || r.mp == nil {
		return r.homeKeys(r.home.Keys())
	}
	if r.lanesOn() {
		return boardHelp{k: r.boardKeys(), nav: r.lanes.Keys(), lanes: true}
	}
	return boardHelp{k: r.boardKeys(), nav: board.DefaultKeyMap()}
}

// frameCache remembers the last fitted body, status bar and help line.
// Children cache their own rendering, so a frame usually repeats most of
// the previous one; comparing strings is far cheaper than measuring them.
type frameCache struct {
	bodyIn, bodyOut string
	bodyW, bodyH    int
	lines           map[string]string // line -> fitted line, from the last frame
	statusKey       string
	statusOut       string
	helpKey         string
	helpOut         string
}

func (c *frameCache) body(s string, w, h int) string {
	if s == c.bodyIn && w == c.bodyW && h == c.bodyH && c.bodyOut != "" {
		return c.bodyOut
	}
	if w != c.bodyW {
		c.lines = nil
	}
	c.bodyIn, c.bodyW, c.bodyH = s, w, h
	// Measuring a line's width means walking its grapheme clusters; most
	// lines repeat from the previous frame, so keep their fitted form.
	next := make(map[string]string, h)
	lines := strings.SplitN(s, "\n", h+1)
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		f, ok := c.lines[l]
		if !ok {
			f = ansiFit(l, w)
		}
		next[l] = f
		lines[i] = f
	}
	c.lines = next
	for len(lines) < h {
		lines = append(lines, "")
	}
	c.bodyOut = strings.Join(lines, "\n")
	return c.bodyOut
}

func (c *frameCache) help(h help.Model, keys []key.Binding, w int) string {
	var b strings.Builder
	b.WriteString(itoa(w))
	for _, k := range keys {
		if !k.Enabled() {
			continue
		}
		hb := k.Help()
		b.WriteString("\x00" + hb.Key + "\x01" + hb.Desc)
	}
	if k := b.String(); k != c.helpKey || c.helpOut == "" {
		c.helpKey = k
		c.helpOut = ansiFit(h.ShortHelpView(keys), w)
	}
	return c.helpOut
}

// fitBlock makes s exactly h lines of at most w cells, so a child that
// misjudges its size cannot push the status bar off screen.
func fitBlock(s string, w, h int) string {
	if h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = ansiFit(l, w)
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// tooSmall is the whole screen below minWidth x minHeight.
func tooSmall(w, h int) string {
	msg := fmt.Sprintf("make the window larger (need %d×%d, have %d×%d)", minWidth, minHeight, w, h)
	words := strings.Fields(msg)
	var lines []string
	cur := ""
	for _, wd := range words {
		switch {
		case cur == "":
			cur = wd
		case ansiWidth(cur)+1+ansiWidth(wd) <= w:
			cur += " " + wd
		default:
			lines = append(lines, cur)
			cur = wd
		}
	}
	lines = append(lines, cur)
	return fitBlock(strings.Join(lines, "\n"), w, h)
}

func ansiWidth(s string) int { return lipgloss.Width(s) }

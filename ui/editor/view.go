package editor

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"journeymap/model"
	"journeymap/ui/theme"
)

// Layout constants: the label column, and the width below which labels sit
// above their values instead of beside them.
const (
	labelWidth   = 16
	stackedBelow = 36
	areaMaxRows  = 6
	areaRestRows = 3
)

// Metric table column widths (the name column takes what is left).
const (
	unitW    = 6
	numW     = 8
	dirW     = 6
	statusW  = 12
	minNameW = 6
)

// View renders the form in exactly width×height cells (fewer only when either
// is zero). The title line stays on top; the fields scroll so the focused one
// is visible.
func (m Model) View(width, height int) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	stacked := width < stackedBelow
	vw := width - labelWidth
	if stacked {
		vw = width - 2
	}
	vw = max(vw, 1)
	if m.size != nil {
		m.size.valueWidth = vw
	}
	out := make([]string, 0, height)
	out = append(out, fitLine(m.header(), width))
	avail := height - 1
	if avail > 0 && len(m.fields) > 0 {
		body, fs, fe, cur := m.body(vw, stacked, avail)
		off := 0
		if fe-fs <= avail {
			if fe > avail {
				off = fe - avail
			}
			off = min(off, fs)
		} else {
			off = min(max(cur-avail/2, fs), fe-avail)
		}
		off = min(max(off, 0), max(0, len(body)-avail))
		for i := off; i < len(body) && len(out) < height; i++ {
			out = append(out, fitLine(body[i], width))
		}
	}
	blank := strings.Repeat(" ", width)
	for len(out) < height {
		out = append(out, blank)
	}
	return strings.Join(out, "\n")
}

func (m Model) header() string {
	st := m.styles
	if m.confirm {
		return st.Prompt.Render(" Discard changes? y/n ")
	}
	h := st.Title.Render(m.title)
	if m.nErrs > 0 {
		word := "problems"
		if m.nErrs == 1 {
			word = "problem"
		}
		h += "  " + st.Error.Render(fmt.Sprintf("✗ %d %s: fix before saving", m.nErrs, word))
	} else if m.dirty {
		h += st.Placeholder.Render("  (changed · ctrl+s saves)")
	}
	return h
}

// body renders every field and returns the lines, the focused field's line
// range and the line its cursor is on.
func (m Model) body(vw int, stacked bool, avail int) (lines []string, fs, fe, cur int) {
	st := m.styles
	for i := range m.fields {
		f := &m.fields[i]
		focused := i == m.focus
		vals, c := f.render(st, focused, vw, avail)
		if f.err != "" {
			vals = append(vals, st.Error.Render("✗ "+theme.Clean(f.err)))
		}
		if len(vals) == 0 {
			vals = []string{""}
		}
		marker := "  "
		label := st.Label.Render(fit(f.label, labelWidth-3))
		if focused {
			marker = st.Marker.Render("▶ ")
			label = st.FocusLabel.Render(fit(f.label, labelWidth-3))
		}
		if focused {
			fs = len(lines)
		}
		if stacked {
			lines = append(lines, marker+label)
			for _, v := range vals {
				lines = append(lines, "  "+v)
			}
			c++
		} else {
			head := padTo(marker+label, labelWidth)
			indent := strings.Repeat(" ", labelWidth)
			for j, v := range vals {
				if j == 0 {
					lines = append(lines, head+v)
				} else {
					lines = append(lines, indent+v)
				}
			}
		}
		if focused {
			fe = len(lines)
			cur = fs + c
		}
	}
	return lines, fs, fe, cur
}

// render draws a field's value lines and says which one holds the cursor.
func (f *field) render(st *Styles, focused bool, w, avail int) ([]string, int) {
	switch f.kind {
	case kindText:
		lines := []string{renderInput(f.input, w, focused, st)}
		if focused {
			lines = append(lines, renderSuggestions(&f.sug, w, st)...)
		}
		return lines, 0
	case kindArea:
		return f.renderArea(st, focused, w, avail)
	case kindChoice:
		return f.renderChoice(st, focused, w)
	case kindScore:
		return []string{f.renderScore(st, focused)}, 0
	case kindList:
		return f.renderList(st, focused, w)
	case kindMetrics:
		return f.renderMetrics(st, focused, w)
	}
	return nil, 0
}

func (f *field) renderArea(st *Styles, focused bool, w, avail int) ([]string, int) {
	if focused {
		a := f.area
		a.SetWidth(w)
		h := min(areaMaxRows, max(1, avail-1))
		a.SetHeight(h)
		lines := strings.Split(a.View(), "\n")
		// The textarea keeps its cursor row in view; find it for scrolling.
		row := min(max(a.LineInfo().RowOffset, 0), len(lines)-1)
		return lines, row
	}
	v := f.area.Value()
	if strings.TrimSpace(v) == "" {
		return []string{st.Placeholder.Render("—")}, 0
	}
	parts := strings.Split(v, "\n")
	var lines []string
	for i, p := range parts {
		if i == areaRestRows {
			lines[len(lines)-1] = st.Text.Render(fit(parts[i-1], max(0, w-2))) + st.Placeholder.Render(" …")
			break
		}
		lines = append(lines, st.Text.Render(fit(p, w)))
	}
	return lines, 0
}

// renderChoice draws the options side by side, wrapping onto more lines
// when they do not fit in w cells, so every option (and above all the
// chosen one) stays visible. It returns the lines and the one holding the
// chosen option.
func (f *field) renderChoice(st *Styles, focused bool, w int) ([]string, int) {
	if len(f.options) == 0 {
		return []string{st.Placeholder.Render("(none)")}, 0
	}
	lead, tail := "", ""
	if focused {
		lead, tail = "◀ ", " ▶"
	}
	var lines []string
	var b strings.Builder
	used, cur := 0, 0
	b.WriteString(lead)
	used = ansi.StringWidth(lead)
	for i, o := range f.options {
		o = fit(o, max(1, min(40, w-4)))
		var text string
		switch {
		case i == f.choice && focused:
			text = st.Selected.Render("[" + o + "]")
		case i == f.choice:
			text = st.Text.Render("[" + o + "]")
		default:
			text = st.Placeholder.Render(" " + o + " ")
		}
		tw := ansi.StringWidth(o) + 2
		sep := 0
		if i > 0 {
			sep = 1
		}
		need := sep + tw
		if i == len(f.options)-1 {
			need += ansi.StringWidth(tail)
		}
		if i > 0 && used+need > w {
			lines = append(lines, b.String())
			b.Reset()
			b.WriteString(strings.Repeat(" ", ansi.StringWidth(lead)))
			used, sep = ansi.StringWidth(lead), 0
		}
		if sep > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(text)
		used += sep + tw
		if i == f.choice {
			cur = len(lines)
		}
	}
	b.WriteString(tail)
	lines = append(lines, b.String())
	return lines, cur
}

func (f *field) renderScore(st *Styles, focused bool) string {
	s := f.score
	var text string
	if s >= model.MinScore && s <= model.MaxScore {
		bar := strings.Repeat("●", s) + strings.Repeat("○", model.MaxScore-s)
		face := lipgloss.NewStyle().Bold(true).Foreground(st.Palette.EmotionColor(s))
		text = face.Render(fmt.Sprintf("%d %s %s", s, theme.Face(s), model.ScoreWord(s))) + " " + face.Render(bar)
	} else {
		text = st.Error.Render(fmt.Sprintf("%d ?", s))
	}
	if focused {
		return "◀ " + text + " ▶"
	}
	return text
}

func (f *field) renderList(st *Styles, focused bool, w int) ([]string, int) {
	var lines []string
	cur := 0
	iw := max(0, w-2)
	for i, it := range f.items {
		switch {
		case focused && i == f.editing:
			cur = len(lines)
			lines = append(lines, "✎ "+renderInput(f.input, iw, true, st))
			lines = append(lines, renderSuggestions(&f.sug, iw, st)...)
		case focused && i == f.cursor:
			cur = len(lines)
			lines = append(lines, "▸ "+st.Selected.Render(fit(it, iw)))
		default:
			lines = append(lines, "• "+st.Text.Render(fit(it, iw)))
		}
	}
	if focused && f.editing < 0 && f.cursor >= len(f.items) {
		cur = len(lines)
		lines = append(lines, "+ "+renderInput(f.input, iw, true, st))
		lines = append(lines, renderSuggestions(&f.sug, iw, st)...)
	} else if focused && f.editing < 0 {
		lines = append(lines, st.Placeholder.Render("+ "+fit(f.input.Placeholder, iw)))
	}
	if len(lines) == 0 {
		lines = append(lines, st.Placeholder.Render("—"))
	}
	return lines, cur
}

func (f *field) renderMetrics(st *Styles, focused bool, w int) ([]string, int) {
	nameW := max(minNameW, w-(2+unitW+numW+numW+dirW+statusW+5))
	widths := [nCols]int{nameW, unitW, numW, numW, dirW}
	var lines []string
	cur := 0
	if len(f.rows) > 0 {
		h := "  " + padTo("name", nameW) + " " + padTo("unit", unitW) + " " + padTo("target", numW) + " " +
			padTo("current", numW) + " " + padTo("dir", dirW) + " status"
		lines = append(lines, st.Placeholder.Render(h))
	}
	for i := range f.rows {
		r := &f.rows[i]
		rowFocused := focused && i == f.row
		var b strings.Builder
		if rowFocused {
			cur = len(lines)
			b.WriteString("▸ ")
		} else {
			b.WriteString("  ")
		}
		for c := 0; c < nCols; c++ {
			cw := widths[c]
			cellFocused := rowFocused && c == f.col
			var cell string
			if c == colDir {
				d := "↑ up"
				if r.dir == model.Down {
					d = "↓ down"
				}
				if cellFocused {
					cell = st.Selected.Render(padTo(d, cw))
				} else {
					cell = st.Text.Render(padTo(d, cw))
				}
			} else {
				in := r.cells[c]
				cell = padTo(renderInput(in, cw, cellFocused, st), cw)
				if !cellFocused && r.errs[c] != "" {
					cell = st.Error.Render(padTo(fit(in.Value(), cw), cw))
				}
			}
			b.WriteString(cell)
			b.WriteByte(' ')
		}
		switch r.metric().Status() {
		case model.OnTarget:
			b.WriteString(st.Success.Render("✓ on target"))
		case model.OffTarget:
			b.WriteString(st.Warn.Render("✗ off target"))
		default:
			b.WriteString(st.Placeholder.Render("· no data"))
		}
		lines = append(lines, b.String())
		var errs []string
		for c, e := range r.errs {
			if e != "" {
				errs = append(errs, colNames[c]+": "+e)
			}
		}
		if len(errs) > 0 {
			lines = append(lines, st.Error.Render("  ✗ "+theme.Clean(strings.Join(errs, "; "))))
		}
		if rowFocused && f.col == colName {
			for _, s := range renderSuggestions(&f.sug, nameW, st) {
				lines = append(lines, "  "+s)
			}
		}
	}
	add := "+ add metric (enter)"
	switch {
	case focused && f.row >= len(f.rows):
		cur = len(lines)
		lines = append(lines, st.Selected.Render(add))
	case focused:
		lines = append(lines, st.Placeholder.Render("+ add metric (ctrl+n)"))
	case len(f.rows) == 0:
		lines = append(lines, st.Placeholder.Render("—"))
	}
	return lines, cur
}

// renderInput draws a text input w cells wide. A focused input shows its
// cursor as a reverse cell and scrolls sideways so the cursor stays visible;
// the text is measured per rune so wide characters never push it past w.
func renderInput(in textinput.Model, w int, focused bool, st *Styles) string {
	if w <= 0 {
		return ""
	}
	v := in.Value()
	if !focused {
		if v == "" {
			return st.Placeholder.Render("—")
		}
		return st.Text.Render(fit(v, w))
	}
	rs := []rune(v)
	pos := min(max(in.Position(), 0), len(rs))
	// Only runes near the cursor can be on screen: measure just those, so a
	// 10,000-character value costs no more than a short one.
	lo, hi := max(0, pos-2*w-4), min(len(rs), pos+2*w+4)
	rs, pos = rs[lo:hi], pos-lo
	disp := make([]string, len(rs)+1)
	wid := make([]int, len(rs)+1)
	for i, r := range rs {
		disp[i] = theme.Clean(string(r))
		wid[i] = ansi.StringWidth(disp[i])
	}
	disp[len(rs)], wid[len(rs)] = " ", 1
	if wid[pos] == 0 {
		disp[pos], wid[pos] = " ", 1
	}
	if wid[pos] > w {
		return st.Cursor.Render(strings.Repeat(" ", w))
	}
	start, used := pos, wid[pos]
	for start > 0 && used+wid[start-1] <= w {
		start--
		used += wid[start]
	}
	var before, after strings.Builder
	for i := start; i < pos; i++ {
		before.WriteString(disp[i])
	}
	for i := pos + 1; i < len(rs) && used+wid[i] <= w; i++ {
		after.WriteString(disp[i])
		used += wid[i]
	}
	out := st.Text.Render(before.String()) + st.Cursor.Render(disp[pos]) + st.Text.Render(after.String())
	if len(rs) == 0 && in.Placeholder != "" && w > 1 {
		out += st.Placeholder.Render(fit(in.Placeholder, w-1))
	}
	return out
}

// renderSuggestions draws the open dropdown, matched characters marked.
func renderSuggestions(s *suggest, w int, st *Styles) []string {
	if !s.open() || w <= 2 {
		return nil
	}
	lines := make([]string, 0, len(s.matches))
	for i, mt := range s.matches {
		matched := make(map[int]bool, len(mt.MatchedIndexes))
		for _, j := range mt.MatchedIndexes {
			matched[j] = true
		}
		var b strings.Builder
		used := 0
		for j, r := range mt.Str {
			c := theme.Clean(string(r))
			cw := ansi.StringWidth(c)
			if used+cw > w-2 {
				break
			}
			used += cw
			if matched[j] {
				b.WriteString(st.Match.Render(c))
			} else {
				b.WriteString(c)
			}
		}
		if i == s.idx {
			lines = append(lines, st.SuggestSel.Render("▸ "+b.String()))
		} else {
			lines = append(lines, st.Suggestion.Render("  "+b.String()))
		}
	}
	return lines
}

// fit is theme.Fit that first cuts very long text down to what could be
// visible, so drawing a 10,000-character value costs as much as a short one.
func fit(s string, w int) string {
	if limit := 4*w + 8; len(s) > limit {
		n := 0
		for i := range s {
			if n == limit {
				s = s[:i]
				break
			}
			n++
		}
	}
	return theme.Fit(s, w)
}

// padTo truncates or pads s to exactly w cells.
func padTo(s string, w int) string { return theme.Pad(s, w, lipgloss.Style{}) }

// fitLine makes one screen line exactly w cells, closing any style a cut
// left open.
func fitLine(s string, w int) string {
	if ansi.StringWidth(s) > w {
		s = theme.Truncate(s, w, "") + "\x1b[0m"
	}
	return padTo(s, w)
}

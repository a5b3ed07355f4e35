package editor

import (
	"charm.land/bubbles/v2/key"
	"fmt"
	"journeymap/ui/theme"
	"strings"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"journeymap/model"
)

type fieldKind int

const (
	kindText    fieldKind = iota // one line, optional suggestions
	kindArea                     // multi-line
	kindChoice                   // one of a few options
	kindScore                    // emotion score 1–5
	kindList                     // a list of short texts
	kindMetrics                  // the metrics table
)

// move is what a field asks the form to do after a key.
type move int

const (
	stay move = iota
	moveNext
	movePrev
)

// Metric table columns.
const (
	colName = iota
	colUnit
	colTarget
	colCurrent
	colDir
	nCols
)

var colNames = [nCols]string{"name", "unit", "target", "current", "direction"}

// field is one form field. A single struct with a kind keeps the form a plain
// slice the focus can walk.
type field struct {
	kind  fieldKind
	path  string // validation path ("name", "emotion.score", "metrics")
	label string

	input textinput.Model // text fields; a list's add/edit line
	area  textarea.Model

	options []string
	choice  int
	score   int

	items   []string
	cursor  int // list: item under the cursor; len(items) is the add line
	editing int // list: item being edited, -1 while adding

	rows     []metricRow
	row, col int // metrics: focused cell; row == len(rows) is the add line

	sug suggest

	err string
}

type metricRow struct {
	cells [colDir]textinput.Model // name, unit, target, current
	dir   model.Direction
	errs  [nCols]string
}

func newText(key, label, value, placeholder string) field {
	return field{kind: kindText, path: key, label: label, input: newInput(value, placeholder), sug: suggest{idx: -1}}
}

func newArea(key, label, value string) field {
	return field{kind: kindArea, path: key, label: label, area: newAreaModel(value)}
}

func newChoice(key, label string, options []string, choice int) field {
	return field{kind: kindChoice, path: key, label: label, options: options, choice: choice}
}

func newScore(key, label string, score int) field {
	return field{kind: kindScore, path: key, label: label, score: score}
}

func newList(key, label string, items model.List, placeholder string) field {
	return field{kind: kindList, path: key, label: label, items: items.Items(),
		cursor: items.Len(), editing: -1, input: newInput("", placeholder), sug: suggest{idx: -1}}
}

func newMetrics(ms []model.Metric, names []string) field {
	f := field{kind: kindMetrics, path: "metrics", label: "Metrics", sug: suggest{idx: -1, source: names}}
	for _, mt := range ms {
		f.rows = append(f.rows, newMetricRow(mt))
	}
	f.row = len(f.rows)
	return f
}

func newMetricRow(mt model.Metric) metricRow {
	r := metricRow{dir: mt.Direction}
	if !r.dir.Valid() {
		r.dir = model.Up
	}
	r.cells[colName] = newInput(mt.Name, "name")
	r.cells[colUnit] = newInput(mt.Unit, "unit")
	r.cells[colTarget] = newInput(formatNumber(mt.Target), "—")
	r.cells[colCurrent] = newInput(formatNumber(mt.Current), "—")
	return r
}

func (f *field) setStyles(st *Styles) {
	if f.kind == kindArea {
		f.area.SetStyles(st.TextArea)
	}
}

func (f *field) fingerprint(b *strings.Builder) {
	switch f.kind {
	case kindText:
		b.WriteString(f.input.Value())
	case kindArea:
		b.WriteString(f.area.Value())
	case kindChoice:
		fmt.Fprint(b, f.choice)
	case kindScore:
		fmt.Fprint(b, f.score)
	case kindList:
		for _, it := range f.items {
			b.WriteString(it)
			b.WriteByte(1)
		}
		b.WriteByte(2)
		b.WriteString(f.input.Value())
	case kindMetrics:
		for _, r := range f.rows {
			for _, c := range r.cells {
				b.WriteString(c.Value())
				b.WriteByte(1)
			}
			b.WriteString(string(r.dir))
			b.WriteByte(2)
		}
	}
}

func (f *field) focus() {
	switch f.kind {
	case kindText, kindList:
		f.input.Focus()
	case kindArea:
		f.area.Focus()
	case kindMetrics:
		f.focusCell()
	}
}

func (f *field) blur() {
	f.sug.close()
	switch f.kind {
	case kindText:
		f.input.Blur()
	case kindList:
		// What was typed stays visible as an item rather than hiding in
		// an add line nobody sees.
		f.commitPending()
		f.input.Blur()
	case kindArea:
		f.area.Blur()
	case kindMetrics:
		for i := range f.rows {
			for c := range f.rows[i].cells {
				f.rows[i].cells[c].Blur()
			}
		}
	}
}

// enterFrom places the cursor when focus arrives from the field after
// (dir -1) or before (dir 1): coming back up lands on the last row.
func (f *field) enterFrom(dir int) {
	switch f.kind {
	case kindList:
		f.cursor = len(f.items)
	case kindMetrics:
		if dir > 0 {
			f.row, f.col = 0, colName
			if len(f.rows) == 0 {
				f.row = 0
			}
		} else {
			f.row, f.col = len(f.rows), colName
		}
		f.focusCell()
	}
}

func (f *field) focusCell() {
	for i := range f.rows {
		for c := range f.rows[i].cells {
			if i == f.row && c == f.col {
				f.rows[i].cells[c].Focus()
			} else {
				f.rows[i].cells[c].Blur()
			}
		}
	}
	f.sug.close()
}

// escape lets a field use esc first (close a dropdown, drop an item edit);
// it reports whether it did.
func (f *field) escape() bool {
	if f.sug.open() {
		f.sug.close()
		return true
	}
	if f.kind == kindList && f.editing >= 0 {
		f.editing = -1
		f.input.SetValue("")
		return true
	}
	return false
}

// commitPending adds what was typed into a list's add line (or finishes an
// item edit) so ctrl+s never drops it.
func (f *field) commitPending() {
	if f.kind != kindList {
		return
	}
	if f.editing >= 0 {
		f.commitEdit()
		return
	}
	if v := strings.TrimSpace(f.input.Value()); v != "" {
		f.items = append(f.items, v)
		f.input.SetValue("")
		f.cursor = len(f.items)
	}
}

func (f *field) commitEdit() {
	if f.kind != kindList || f.editing < 0 {
		return
	}
	i := f.editing
	f.editing = -1
	v := strings.TrimSpace(f.input.Value())
	f.input.SetValue("")
	if i >= len(f.items) {
		return
	}
	if v == "" {
		f.items = append(f.items[:i], f.items[i+1:]...)
		f.cursor = min(f.cursor, len(f.items))
		return
	}
	f.items[i] = v
}

func (f *field) paste(msg tea.PasteMsg, width int) {
	switch f.kind {
	case kindText:
		f.input, _ = f.input.Update(msg)
		f.sug.refresh(f.input.Value(), nil)
	case kindArea:
		f.area.SetWidth(max(1, width))
		f.area, _ = f.area.Update(msg)
	case kindList:
		f.cursor = max(f.cursor, 0)
		if f.editing < 0 {
			f.cursor = len(f.items)
		}
		if theme.IsMultiLine(msg.Content) {
			// A pasted list: one item per line, without its bullets.
			lines := theme.PastedLines(msg.Content)
			if f.editing >= 0 && len(lines) > 0 {
				f.input.SetValue(lines[0])
				f.commitEdit()
				lines = lines[1:]
			}
			for _, l := range lines {
				if !containsFold(f.items, l) {
					f.items = append(f.items, l)
				}
			}
			f.cursor = len(f.items)
			f.sug.close()
			return
		}
		f.input, _ = f.input.Update(msg)
		f.sug.refresh(f.input.Value(), f.items)
	case kindMetrics:
		if f.row < len(f.rows) && f.col < colDir {
			c := &f.rows[f.row].cells[f.col]
			*c, _ = c.Update(msg)
			if f.col == colName {
				f.sug.refresh(c.Value(), nil)
			}
		}
	}
}

// key handles a key press for the focused field.
func (f *field) key(msg tea.KeyPressMsg, km *KeyMap, width int) move {
	switch f.kind {
	case kindText:
		return f.textKey(msg, km)
	case kindArea:
		return f.areaKey(msg, km, width)
	case kindChoice:
		switch {
		case key.Matches(msg, km.ChoiceNext):
			if len(f.options) > 0 {
				f.choice = (f.choice + 1) % len(f.options)
			}
		case key.Matches(msg, km.ChoicePrev):
			if len(f.options) > 0 {
				f.choice = (f.choice + len(f.options) - 1) % len(f.options)
			}
		}
		return navKey(msg, km)
	case kindScore:
		switch {
		case key.Matches(msg, km.ScoreUp):
			f.score = model.ClampScore(f.score + 1)
		case key.Matches(msg, km.ScoreDown):
			f.score = model.ClampScore(f.score - 1)
		case key.Matches(msg, km.ScoreSet) && len(msg.Text) == 1:
			f.score = int(msg.Text[0] - '0')
		}
		return navKey(msg, km)
	case kindList:
		return f.listKey(msg, km)
	case kindMetrics:
		return f.metricsKey(msg, km)
	}
	return stay
}

// navKey is how fields without in-field navigation move focus.
func navKey(msg tea.KeyPressMsg, km *KeyMap) move {
	switch {
	case key.Matches(msg, km.Forward):
		return moveNext
	case key.Matches(msg, km.Backward):
		return movePrev
	}
	return stay
}

func (f *field) textKey(msg tea.KeyPressMsg, km *KeyMap) move {
	if f.sug.move(msg, km) {
		return stay
	}
	if key.Matches(msg, km.Accept) {
		if s, ok := f.sug.accepted(msg); ok {
			f.input.SetValue(s)
			f.input.CursorEnd()
			f.sug.close()
			return stay
		}
	}
	if mv := navKey(msg, km); mv != stay {
		return mv
	}
	before := f.input.Value()
	f.input, _ = f.input.Update(msg)
	if f.input.Value() != before {
		f.sug.refresh(f.input.Value(), nil)
	}
	return stay
}

func (f *field) areaKey(msg tea.KeyPressMsg, km *KeyMap, width int) move {
	f.area.SetWidth(max(1, width))
	switch {
	case key.Matches(msg, km.Next):
		return moveNext
	case key.Matches(msg, km.Prev):
		return movePrev
	case key.Matches(msg, km.Up):
		if f.area.Line() == 0 && f.area.LineInfo().RowOffset == 0 {
			return movePrev
		}
	case key.Matches(msg, km.Down):
		li := f.area.LineInfo()
		if f.area.Line() >= f.area.LineCount()-1 && li.RowOffset >= li.Height-1 {
			return moveNext
		}
	}
	f.area, _ = f.area.Update(msg)
	return stay
}

func (f *field) listKey(msg tea.KeyPressMsg, km *KeyMap) move {
	onInput := f.editing >= 0 || f.cursor >= len(f.items)
	if onInput {
		if f.sug.move(msg, km) {
			return stay
		}
		if key.Matches(msg, km.Accept) {
			if s, ok := f.sug.accepted(msg); ok {
				f.input.SetValue(s)
				f.sug.close()
				f.commitInput()
				return stay
			}
		}
		switch {
		case key.Matches(msg, km.Add):
			if f.editing < 0 && strings.TrimSpace(f.input.Value()) == "" {
				return moveNext
			}
			f.commitInput()
			return stay
		case key.Matches(msg, km.Next):
			f.commitEdit()
			return moveNext
		case key.Matches(msg, km.Prev):
			f.commitEdit()
			return movePrev
		case key.Matches(msg, km.Up):
			f.commitEdit()
			if f.cursor > 0 {
				f.cursor--
				return stay
			}
			return movePrev
		case key.Matches(msg, km.Down):
			f.commitEdit()
			if f.cursor < len(f.items) {
				f.cursor++
				return stay
			}
			return moveNext
		}
		before := f.input.Value()
		f.input, _ = f.input.Update(msg)
		if f.input.Value() != before {
			f.sug.refresh(f.input.Value(), f.items)
		}
		return stay
	}
	// The cursor is on an item.
	switch {
	case key.Matches(msg, km.Next):
		return moveNext
	case key.Matches(msg, km.Prev):
		return movePrev
	case key.Matches(msg, km.Up):
		if f.cursor == 0 {
			return movePrev
		}
		f.cursor--
	case key.Matches(msg, km.Down):
		f.cursor++
	case key.Matches(msg, km.MoveUp):
		if f.cursor > 0 {
			f.items[f.cursor], f.items[f.cursor-1] = f.items[f.cursor-1], f.items[f.cursor]
			f.cursor--
		}
	case key.Matches(msg, km.MoveDown):
		if f.cursor < len(f.items)-1 {
			f.items[f.cursor], f.items[f.cursor+1] = f.items[f.cursor+1], f.items[f.cursor]
			f.cursor++
		}
	case key.Matches(msg, km.Delete):
		f.items = append(f.items[:f.cursor], f.items[f.cursor+1:]...)
		f.cursor = min(f.cursor, len(f.items))
	case key.Matches(msg, km.Add):
		f.editing = f.cursor
		f.input.SetValue(f.items[f.cursor])
		f.input.CursorEnd()
	default:
		if msg.Text != "" {
			// Typing on an item starts a new one.
			f.cursor = len(f.items)
			f.input, _ = f.input.Update(msg)
			f.sug.refresh(f.input.Value(), f.items)
		}
	}
	return stay
}

// commitInput finishes the add line or the item being edited.
func (f *field) commitInput() {
	if f.editing >= 0 {
		f.commitEdit()
		return
	}
	v := strings.TrimSpace(f.input.Value())
	if v == "" {
		return
	}
	f.items = append(f.items, v)
	f.input.SetValue("")
	f.cursor = len(f.items)
	f.sug.close()
}

func (f *field) metricsKey(msg tea.KeyPressMsg, km *KeyMap) move {
	if f.row >= len(f.rows) {
		// The "add metric" line.
		switch {
		case key.Matches(msg, km.AddRow):
			f.addRow(len(f.rows))
			return stay
		case key.Matches(msg, km.Next), key.Matches(msg, km.Down):
			return moveNext
		case key.Matches(msg, km.Prev):
			if len(f.rows) == 0 {
				return movePrev
			}
			f.row, f.col = len(f.rows)-1, colDir
		case key.Matches(msg, km.Up):
			if len(f.rows) == 0 {
				return movePrev
			}
			f.row = len(f.rows) - 1
		default:
			if msg.Text == "" {
				return stay
			}
			f.addRow(len(f.rows))
			c := &f.rows[f.row].cells[colName]
			*c, _ = c.Update(msg)
			f.sug.refresh(c.Value(), nil)
			return stay
		}
		f.focusCell()
		return stay
	}
	if f.col == colName {
		if f.sug.move(msg, km) {
			return stay
		}
		if key.Matches(msg, km.Accept) {
			if s, ok := f.sug.accepted(msg); ok {
				c := &f.rows[f.row].cells[colName]
				c.SetValue(s)
				c.CursorEnd()
				f.sug.close()
				return stay
			}
		}
	}
	switch {
	case key.Matches(msg, km.Accept):
		if f.col < colDir {
			f.col++
		} else {
			f.row, f.col = f.row+1, colName
		}
	case key.Matches(msg, km.Prev):
		switch {
		case f.col > colName:
			f.col--
		case f.row > 0:
			f.row, f.col = f.row-1, colDir
		default:
			return movePrev
		}
	case key.Matches(msg, km.Up):
		if f.row == 0 {
			return movePrev
		}
		f.row--
	case key.Matches(msg, km.Down):
		f.row++
	case key.Matches(msg, km.AddMetric):
		f.addRow(f.row + 1)
		return stay
	case key.Matches(msg, km.DeleteRow):
		f.rows = append(f.rows[:f.row], f.rows[f.row+1:]...)
		f.row = min(f.row, len(f.rows))
	default:
		if f.col == colDir {
			switch {
			case key.Matches(msg, km.FlipDirection):
				if f.rows[f.row].dir == model.Up {
					f.rows[f.row].dir = model.Down
				} else {
					f.rows[f.row].dir = model.Up
				}
			case key.Matches(msg, km.DirectionUp):
				f.rows[f.row].dir = model.Up
			case key.Matches(msg, km.DirectionDown):
				f.rows[f.row].dir = model.Down
			}
			return stay
		}
		c := &f.rows[f.row].cells[f.col]
		before := c.Value()
		*c, _ = c.Update(msg)
		if f.col == colName && c.Value() != before {
			f.sug.refresh(c.Value(), nil)
		}
		return stay
	}
	f.focusCell()
	return stay
}

func (f *field) addRow(at int) {
	at = min(max(at, 0), len(f.rows))
	r := newMetricRow(model.Metric{Direction: model.Up})
	f.rows = append(f.rows, metricRow{})
	copy(f.rows[at+1:], f.rows[at:])
	f.rows[at] = r
	f.row, f.col = at, colName
	f.focusCell()
}

func (r *metricRow) metric() model.Metric {
	t, _ := parseNumber(r.cells[colTarget].Value())
	c, _ := parseNumber(r.cells[colCurrent].Value())
	return model.Metric{
		Name:      strings.TrimSpace(r.cells[colName].Value()),
		Unit:      strings.TrimSpace(r.cells[colUnit].Value()),
		Target:    t,
		Current:   c,
		Direction: r.dir,
	}
}

// parseMetrics sets the number errors on every row and reports whether all
// numbers parse.
func (f *field) parseMetrics() bool {
	ok := true
	for i := range f.rows {
		r := &f.rows[i]
		for _, c := range []int{colTarget, colCurrent} {
			if _, err := parseNumber(r.cells[c].Value()); err != nil {
				r.errs[c] = err.Error()
				ok = false
			} else if strings.HasPrefix(r.errs[c], "not a number") {
				r.errs[c] = ""
			}
		}
	}
	return ok
}

func (r *metricRow) addErr(sub, msg string) {
	for c, n := range colNames {
		if n == sub {
			if r.errs[c] == "" {
				r.errs[c] = msg
			}
			return
		}
	}
	if r.errs[colName] == "" {
		r.errs[colName] = sub + ": " + msg
	}
}

func (f *field) addErr(msg string) {
	if f.err == "" {
		f.err = msg
	} else if !strings.Contains(f.err, "more") {
		f.err += " (and more)"
	}
}

func (f *field) clearErrors() {
	f.err = ""
	for i := range f.rows {
		f.rows[i].errs = [nCols]string{}
	}
}

func (f *field) errorCount() int {
	n := 0
	if f.err != "" {
		n++
	}
	for _, r := range f.rows {
		for _, e := range r.errs {
			if e != "" {
				n++
			}
		}
	}
	return n
}

// Package editor holds Journeymap's forms: the full touchpoint editor, the
// phase editor and the map form (new or edit). A form renders to any size it
// is given and reports its outcome with a message: SavedTouchpointMsg,
// SavedPhaseMsg, SavedMapMsg or CancelledMsg.
package editor

import (
	"charm.land/bubbles/v2/key"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"journeymap/model"
)

// Suggestions feed the fuzzy dropdowns. The root fills each list with the
// values the file already uses first, then the built-in vocabulary.
type Suggestions struct {
	Channels, Labels, MetricNames []string
}

// SavedTouchpointMsg carries the edited touchpoint; its ID is the one the
// form was opened with.
type SavedTouchpointMsg struct{ Touchpoint model.Touchpoint }

// SavedPhaseMsg carries the edited phase's name and description.
type SavedPhaseMsg struct{ Name, Description string }

// SavedMapMsg carries the map's info and, for a new map, the chosen template
// name ("" when editing an existing map).
type SavedMapMsg struct {
	Info     model.MapInfo
	Template string
	// StructureOnly: take the template's phases and their descriptions
	// only, without its touchpoints, persona, goal or notes.
	StructureOnly bool
}

// Template choices of the new-map form: what to take from the template.
const (
	TakeWhole     = "whole example (goal and notes fill blanks)"
	TakeStructure = "structure only (phases, no one's story)"
)

// CancelledMsg says the form was closed without saving.
type CancelledMsg struct{}

type formKind int

const (
	touchpointForm formKind = iota
	phaseForm
	mapForm
)

// Model is one open form.
type Model struct {
	form      formKind
	title     string
	fields    []field
	focus     int
	keys      KeyMap
	styles    *Styles
	tp        model.Touchpoint // the touchpoint being edited (keeps ID)
	templates bool             // the map form offers a template choice
	initial   string           // fingerprint at open, for Dirty
	tried     bool             // a save was attempted: validate live from now on
	confirm   bool             // asking "Discard changes? y/n"
	dirty     bool             // Dirty() as of the last update, for the title line
	nErrs     int
	size      *sizeHint
}

// sizeHint remembers the last size View drew at, so Update can size the
// textarea (whose cursor movement depends on wrapping) the same way. It is a
// pointer because View has a value receiver.
type sizeHint struct{ valueWidth int }

// NewTouchpoint opens the full editor for t.
func NewTouchpoint(t model.Touchpoint, sug Suggestions, st *Styles) Model {
	m := newModel(touchpointForm, "Edit touchpoint", st)
	if t.ID == 0 {
		m.title = "New touchpoint"
	}
	m.tp = t.Clone()
	channel := newText("channel", "Channel", t.Channel, "website, store, e-mail…")
	channel.sug.source = dedupe(sug.Channels)
	kinds := make([]string, len(model.Kinds))
	ki := 0
	for i, k := range model.Kinds {
		kinds[i] = string(k)
		if k == t.Kind {
			ki = i
		}
	}
	labels := newList("emotion.labels", "Labels", t.Emotion.Labels, "add an emotion label…")
	labels.sug.source = dedupe(sug.Labels)
	metrics := newMetrics(t.Metrics, dedupe(sug.MetricNames))
	m.fields = []field{
		newText("name", "Name", t.Name, "what happens here"),
		newArea("description", "Description", t.Description),
		channel,
		newChoice("kind", "Kind", kinds, ki),
		newText("owner", "Owner", t.Owner, "team or person"),
		newScore("emotion.score", "Emotion", t.Emotion.Score),
		labels,
		newList("motivations", "Motivations", t.Motivations, "add what they want…"),
		newList("thoughts", "Thoughts", t.Thoughts, "add what they think…"),
		newList("pain_points", "Pain points", t.PainPoints, "add a pain point…"),
		newList("opportunities", "Opportunities", t.Opportunities, "add an opportunity…"),
		newList("backstage", "Backstage", t.Backstage, "add backstage work…"),
		metrics,
		newArea("notes", "Notes", t.Notes),
	}
	return m.start()
}

// NewPhase opens the phase editor.
func NewPhase(p model.Phase, st *Styles) Model {
	m := newModel(phaseForm, "Edit phase", st)
	if p.ID == 0 {
		m.title = "New phase"
	}
	m.fields = []field{
		newText("name", "Name", p.Name, "Discovery, Purchase…"),
		newArea("description", "Description", p.Description),
	}
	return m.start()
}

// NewMap opens the map form. With templates != nil it is a "new map" form
// with a template choice (defaulting to the first name); otherwise it edits
// an existing map's info.
func NewMap(info model.MapInfo, templates []string, st *Styles) Model {
	title := "Edit map"
	if templates != nil {
		title = "New map"
	}
	m := newModel(mapForm, title, st)
	m.fields = []field{
		newText("title", "Title", info.Title, "the journey's name"),
		newText("persona.name", "Persona", info.Persona.Name, "who travels"),
		newArea("persona.description", "About them", info.Persona.Description),
		newArea("goal", "Goal", info.Goal),
		newArea("notes", "Notes", info.Notes),
	}
	if templates != nil {
		m.templates = true
		m.fields = append(m.fields, newChoice("template", "Template", append([]string(nil), templates...), 0),
			newChoice("take", "Take", []string{TakeWhole, TakeStructure}, 0))
	}
	return m.start()
}

func newModel(k formKind, title string, st *Styles) Model {
	return Model{form: k, title: title, keys: DefaultKeyMap(), styles: st, size: &sizeHint{valueWidth: 60}}
}

func (m Model) start() Model {
	for i := range m.fields {
		m.fields[i].setStyles(m.styles)
	}
	m.initial = m.fingerprint()
	m.setFocus(0)
	return m
}

// KeyMap returns the editor's keys, for the root's help.
func (m Model) KeyMap() KeyMap { return m.keys }

// SetStyles replaces the styles (after a background colour change).
func (m *Model) SetStyles(st *Styles) {
	m.styles = st
	for i := range m.fields {
		m.fields[i].setStyles(st)
	}
}

// Dirty reports whether anything differs from what the form opened with,
// including text typed into a list's add line but not added yet.
func (m Model) Dirty() bool { return m.fingerprint() != m.initial }

// Confirming reports whether the form is asking whether to discard changes.
func (m Model) Confirming() bool { return m.confirm }

func (m Model) fingerprint() string {
	var b strings.Builder
	for i := range m.fields {
		m.fields[i].fingerprint(&b)
		b.WriteByte(0)
	}
	return b.String()
}

func (m *Model) setFocus(i int) {
	if len(m.fields) == 0 {
		return
	}
	i = min(max(i, 0), len(m.fields)-1)
	m.fields[m.focus].blur()
	m.focus = i
	m.fields[i].focus()
}

func cancelled() tea.Msg { return CancelledMsg{} }

// Update handles keys and pastes; everything else goes to the focused input.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	if len(m.fields) == 0 {
		return m, nil
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.PasteMsg:
		if m.confirm {
			return m, nil
		}
		f := &m.fields[m.focus]
		f.paste(msg, m.size.valueWidth)
		m.refreshErrors()
		m.dirty = m.Dirty()
		return m, nil
	}
	return m, nil
}

func (m Model) key(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	if m.confirm {
		switch {
		case key.Matches(msg, m.keys.ConfirmYes):
			m.confirm = false
			return m, cancelled
		case key.Matches(msg, m.keys.ConfirmNo):
			m.confirm = false
		}
		return m, nil
	}
	switch {
	case key.Matches(msg, m.keys.Save):
		return m.save()
	case key.Matches(msg, m.keys.Cancel):
		if m.fields[m.focus].escape() {
			return m, nil
		}
		if m.Dirty() {
			m.confirm = true
			return m, nil
		}
		return m, cancelled
	}
	switch m.fields[m.focus].key(msg, &m.keys, m.size.valueWidth) {
	case moveNext:
		if m.focus < len(m.fields)-1 {
			m.setFocus(m.focus + 1)
			m.fields[m.focus].enterFrom(1)
		}
	case movePrev:
		if m.focus > 0 {
			m.setFocus(m.focus - 1)
			m.fields[m.focus].enterFrom(-1)
		}
	}
	m.refreshErrors()
	m.dirty = m.Dirty()
	return m, nil
}

// refreshErrors keeps the errors beside the fields current: number and
// score problems always, everything the model checks once a save was tried.
func (m *Model) refreshErrors() {
	if m.tried {
		m.check()
		return
	}
	for i := range m.fields {
		f := &m.fields[i]
		f.err = ""
		if f.kind == kindScore && (f.score < model.MinScore || f.score > model.MaxScore) {
			f.err = fmt.Sprintf("must be 1–5, got %d", f.score)
		}
		if f.kind == kindMetrics {
			f.parseMetrics()
		}
	}
	m.countErrors()
}

func (m *Model) countErrors() {
	m.nErrs = 0
	for i := range m.fields {
		m.nErrs += m.fields[i].errorCount()
	}
}

// check builds the value, validates it and puts every problem beside its
// field. It reports whether the value is valid.
func (m *Model) check() bool {
	for i := range m.fields {
		m.fields[i].clearErrors()
	}
	var err error
	parsed := true
	switch m.form {
	case touchpointForm:
		var t model.Touchpoint
		t, parsed = m.touchpoint()
		err = t.Validate()
	case phaseForm:
		err = model.Phase{Name: m.text("name"), Description: m.text("description")}.Validate()
	case mapForm:
		err = m.info().Validate()
	}
	var ve model.ValidationErrors
	if errors.As(err, &ve) {
		for _, fe := range ve {
			m.place(fe)
		}
	} else if err != nil {
		m.fields[0].err = err.Error()
	}
	m.countErrors()
	return parsed && err == nil
}

// place puts a model.FieldError beside the field its path names.
func (m *Model) place(fe *model.FieldError) {
	for i := range m.fields {
		f := &m.fields[i]
		rest, ok := strings.CutPrefix(fe.Path, f.path)
		if !ok || (rest != "" && rest[0] != '[' && rest[0] != '.') {
			continue
		}
		if rest == "" {
			f.addErr(fe.Msg)
			return
		}
		var n int
		var sub string
		if c, _ := fmt.Sscanf(rest, "[%d]", &n); c == 1 {
			if j := strings.Index(rest, "]."); j >= 0 {
				sub = rest[j+2:]
			}
			if f.kind == kindMetrics && n < len(f.rows) && sub != "" {
				f.rows[n].addErr(sub, fe.Msg)
				return
			}
			f.addErr(fmt.Sprintf("item %d: %s", n+1, fe.Msg))
			return
		}
		f.addErr(strings.TrimPrefix(rest, ".") + ": " + fe.Msg)
		return
	}
	m.fields[0].addErr(fe.Error())
}

func (m Model) save() (Model, tea.Cmd) {
	for i := range m.fields {
		m.fields[i].commitPending()
	}
	m.tried = true
	if !m.check() {
		for i := range m.fields {
			if m.fields[i].errorCount() > 0 {
				m.setFocus(i)
				break
			}
		}
		return m, nil
	}
	switch m.form {
	case touchpointForm:
		t, _ := m.touchpoint()
		return m, func() tea.Msg { return SavedTouchpointMsg{Touchpoint: t} }
	case phaseForm:
		msg := SavedPhaseMsg{Name: m.text("name"), Description: m.text("description")}
		return m, func() tea.Msg { return msg }
	default:
		msg := SavedMapMsg{Info: m.info()}
		if m.templates {
			msg.Template = m.choice("template")
			msg.StructureOnly = m.choice("take") == TakeStructure
		}
		return m, func() tea.Msg { return msg }
	}
}

// FocusItem puts the focus on the field with the given path ("pain_points",
// "metrics", "emotion.score"…) and, in a list or the metrics, on item i
// (the add line when i < 0). It reports whether the form has that field.
func (m *Model) FocusItem(path string, i int) bool {
	for k := range m.fields {
		if m.fields[k].path != path {
			continue
		}
		m.setFocus(k)
		f := &m.fields[k]
		switch f.kind {
		case kindList:
			f.cursor = len(f.items)
			if i >= 0 && i < len(f.items) {
				f.cursor = i
			}
		case kindMetrics:
			f.row, f.col = len(f.rows), colName
			if i >= 0 && i < len(f.rows) {
				f.row = i
			}
			f.focusCell()
		}
		return true
	}
	return false
}

func (m *Model) field(key string) *field {
	for i := range m.fields {
		if m.fields[i].path == key {
			return &m.fields[i]
		}
	}
	return nil
}

// text returns a text or area field's value: single lines trimmed, multi-line
// text without trailing blank space.
func (m *Model) text(key string) string {
	f := m.field(key)
	if f == nil {
		return ""
	}
	if f.kind == kindArea {
		return strings.TrimRight(f.area.Value(), " \t\n")
	}
	return strings.TrimSpace(f.input.Value())
}

func (m *Model) choice(key string) string {
	f := m.field(key)
	if f == nil || f.choice >= len(f.options) {
		return ""
	}
	return f.options[f.choice]
}

func (m *Model) list(key string) model.List {
	f := m.field(key)
	if f == nil {
		return model.List{}
	}
	return model.ListOf(f.items...)
}

func (m *Model) info() model.MapInfo {
	return model.MapInfo{
		Title:   m.text("title"),
		Persona: model.Persona{Name: m.text("persona.name"), Description: m.text("persona.description")},
		Goal:    m.text("goal"),
		Notes:   m.text("notes"),
	}
}

// touchpoint builds the edited touchpoint; ok is false when a metric number
// does not parse (the errors are then set on the metric rows).
func (m *Model) touchpoint() (model.Touchpoint, bool) {
	t := m.tp.Clone()
	t.Name = m.text("name")
	t.Description = m.text("description")
	t.Channel = m.text("channel")
	t.Kind = model.Kind(m.choice("kind"))
	t.Owner = m.text("owner")
	t.Emotion.Score = m.field("emotion.score").score
	t.Emotion.Labels = m.list("emotion.labels")
	t.Motivations = m.list("motivations")
	t.Thoughts = m.list("thoughts")
	t.PainPoints = m.list("pain_points")
	t.Opportunities = m.list("opportunities")
	t.Backstage = m.list("backstage")
	t.Notes = m.text("notes")
	f := m.field("metrics")
	ok := f.parseMetrics()
	t.Metrics = nil
	for _, r := range f.rows {
		t.Metrics = append(t.Metrics, r.metric())
	}
	return t, ok
}

// parseNumber reads an optional metric value: blank is nil.
func parseNumber(s string) (*float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
	if err != nil {
		return nil, fmt.Errorf("not a number: '%s'", s)
	}
	return &v, nil
}

func formatNumber(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

func newInput(value, placeholder string) textinput.Model {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = placeholder
	in.SetValue(value)
	in.CursorEnd()
	return in
}

func newAreaModel(value string) textarea.Model {
	a := textarea.New()
	a.Prompt = ""
	a.ShowLineNumbers = false
	a.MaxHeight = 0
	a.MaxWidth = 0
	a.CharLimit = 0
	a.SetWidth(60)
	a.SetHeight(4)
	a.Placeholder = "enter starts a new line"
	a.SetValue(value)
	return a
}

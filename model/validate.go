package model

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// FieldError is one invalid field. Path names the field from the map down,
// in the JSON interchange spelling ("phases[2].touchpoints[0].emotion.score").
type FieldError struct {
	Path string
	Msg  string
}

func (e *FieldError) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + ": " + e.Msg
}

// Prefix returns a copy of e with prefix put before its path ("map").
func (e *FieldError) Prefix(prefix string) *FieldError {
	if e.Path == "" {
		return &FieldError{Path: prefix, Msg: e.Msg}
	}
	return &FieldError{Path: prefix + "." + e.Path, Msg: e.Msg}
}

// ValidationErrors collects every invalid field of a value.
type ValidationErrors []*FieldError

// Error reports the first problem and how many more there are, so it stays
// one line.
func (v ValidationErrors) Error() string {
	switch len(v) {
	case 0:
		return "valid"
	case 1:
		return v[0].Error()
	default:
		return fmt.Sprintf("%s (and %d more)", v[0].Error(), len(v)-1)
	}
}

type checker struct{ errs ValidationErrors }

func (c *checker) add(path, format string, args ...any) {
	c.errs = append(c.errs, &FieldError{Path: path, Msg: fmt.Sprintf(format, args...)})
}

func (c *checker) text(path, s string, limit int) {
	if n := len([]rune(s)); n > limit {
		c.add(path, "is %d characters long, at most %d allowed", n, limit)
	}
}

func (c *checker) required(path, s string) {
	if strings.TrimSpace(s) == "" {
		c.add(path, "must not be empty")
	}
}

func (c *checker) list(path string, items List) {
	for i, s := range items.All() {
		p := fmt.Sprintf("%s[%d]", path, i)
		c.required(p, s)
		c.text(p, s, MaxNameLen)
	}
}

func (c *checker) result() error {
	if len(c.errs) == 0 {
		return nil
	}
	return c.errs
}

func join(prefix, path string) string {
	if prefix == "" {
		return path
	}
	return prefix + "." + path
}

// Validate checks the map's own fields and every phase and touchpoint in it.
func (m *Map) Validate() error {
	var c checker
	m.MapInfo.check(&c)
	for i := range m.Phases {
		m.Phases[i].check(&c, fmt.Sprintf("phases[%d]", i))
	}
	return c.result()
}

// Validate checks the map's title, persona, goal and notes.
func (mi MapInfo) Validate() error {
	var c checker
	mi.check(&c)
	return c.result()
}

func (mi MapInfo) check(c *checker) {
	c.required("title", mi.Title)
	c.text("title", mi.Title, MaxNameLen)
	c.text("persona.name", mi.Persona.Name, MaxNameLen)
	c.text("persona.description", mi.Persona.Description, MaxTextLen)
	c.text("goal", mi.Goal, MaxTextLen)
	c.text("notes", mi.Notes, MaxTextLen)
}

// Validate checks the phase and its touchpoints.
func (p Phase) Validate() error {
	var c checker
	p.check(&c, "")
	return c.result()
}

func (p Phase) check(c *checker, prefix string) {
	c.required(join(prefix, "name"), p.Name)
	c.text(join(prefix, "name"), p.Name, MaxNameLen)
	c.text(join(prefix, "description"), p.Description, MaxTextLen)
	for i := range p.Touchpoints {
		p.Touchpoints[i].check(c, join(prefix, fmt.Sprintf("touchpoints[%d]", i)))
	}
}

// Validate checks every field of the touchpoint.
func (t Touchpoint) Validate() error {
	var c checker
	t.check(&c, "")
	return c.result()
}

func (t Touchpoint) check(c *checker, prefix string) {
	at := func(path string) string { return join(prefix, path) }
	c.required(at("name"), t.Name)
	c.text(at("name"), t.Name, MaxNameLen)
	c.text(at("description"), t.Description, MaxTextLen)
	c.text(at("channel"), t.Channel, MaxNameLen)
	if !t.Kind.Valid() {
		c.add(at("kind"), "must be digital, physical or hybrid, got %q", string(t.Kind))
	}
	c.text(at("owner"), t.Owner, MaxNameLen)
	if s := t.Emotion.Score; s < MinScore || s > MaxScore {
		c.add(at("emotion.score"), "must be 1–5, got %d", s)
	}
	c.list(at("emotion.labels"), t.Emotion.Labels)
	c.list(at("motivations"), t.Motivations)
	c.list(at("thoughts"), t.Thoughts)
	c.list(at("pain_points"), t.PainPoints)
	c.list(at("opportunities"), t.Opportunities)
	c.list(at("backstage"), t.Backstage)
	for i, m := range t.Metrics {
		m.check(c, at(fmt.Sprintf("metrics[%d]", i)))
	}
	c.text(at("notes"), t.Notes, MaxTextLen)
}

// Validate checks the metric's name, unit, values and direction.
func (m Metric) Validate() error {
	var c checker
	m.check(&c, "")
	return c.result()
}

func (m Metric) check(c *checker, prefix string) {
	at := func(path string) string { return join(prefix, path) }
	c.required(at("name"), m.Name)
	c.text(at("name"), m.Name, MaxNameLen)
	c.text(at("unit"), m.Unit, MaxNameLen)
	for _, v := range []struct {
		name string
		val  *float64
	}{{"target", m.Target}, {"current", m.Current}} {
		if v.val != nil && (math.IsNaN(*v.val) || math.IsInf(*v.val, 0)) {
			c.add(at(v.name), "must be a finite number")
		}
	}
	if !m.Direction.Valid() {
		c.add(at("direction"), "must be up or down, got %q", string(m.Direction))
	}
}

// FirstFieldError returns the first FieldError inside err, if any.
func FirstFieldError(err error) (*FieldError, bool) {
	var ve ValidationErrors
	if errors.As(err, &ve) && len(ve) > 0 {
		return ve[0], true
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		return fe, true
	}
	return nil, false
}

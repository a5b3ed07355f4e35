// Package model is Journeymap's domain: maps, phases, touchpoints and
// metrics, their validation and ordering, and the edits (with inverses) that
// change them. It does no I/O and knows nothing of storage or screens.
package model

import (
	"strings"
	"time"
)

// Kind says whether a touchpoint lives on a screen, in the physical world or both.
type Kind string

// The kinds a touchpoint can have.
const (
	KindDigital  Kind = "digital"
	KindPhysical Kind = "physical"
	KindHybrid   Kind = "hybrid"
)

// Kinds lists every valid Kind in display order.
var Kinds = []Kind{KindDigital, KindPhysical, KindHybrid}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	return k == KindDigital || k == KindPhysical || k == KindHybrid
}

// Direction says which way a metric should move.
type Direction string

// The directions a metric can have.
const (
	Up   Direction = "up"   // higher is better
	Down Direction = "down" // lower is better
)

// Valid reports whether d is Up or Down.
func (d Direction) Valid() bool { return d == Up || d == Down }

// Emotion scores: 1 very negative, 3 neutral, 5 very positive.
const (
	MinScore     = 1
	MaxScore     = 5
	NeutralScore = 3
)

// Persona is who travels the journey.
type Persona struct {
	Name        string
	Description string
}

// MapInfo is the part of a map that is not its phases.
type MapInfo struct {
	Title   string
	Persona Persona
	Goal    string
	Notes   string
}

// Map is one customer journey map.
type Map struct {
	ID  int64 // assigned by storage; 0 until stored
	Rev int64 // revision of MapInfo, bumped by every change of it
	MapInfo
	Phases    []Phase
	UpdatedAt time.Time // last committed change, set by storage
	// Votes are the map's closed dot-voting rounds, oldest first (see
	// vote.go). Edits never change them; storage loads and keeps them.
	Votes []Vote
}

// Phase is an ordered stage of the journey.
type Phase struct {
	ID          int64
	Rev         int64 // revision of Name and Description
	Name        string
	Description string
	Touchpoints []Touchpoint
}

// Emotion is the expected emotion at a touchpoint.
type Emotion struct {
	Score  int
	Labels List
}

// Touchpoint is a moment where customer and business meet.
type Touchpoint struct {
	ID            int64
	Rev           int64 // revision of every field but the position
	Name          string
	Description   string
	Channel       string
	Kind          Kind
	Owner         string
	Emotion       Emotion
	Motivations   List
	Thoughts      List
	PainPoints    List
	Opportunities List
	Backstage     List
	Metrics       []Metric
	Notes         string
	// AddedBy is who added it in a workshop (their SSH user name), or ""
	// (added locally, imported, or from before workshops). It travels with
	// the touchpoint through undo and is not part of the interchange formats.
	AddedBy string
}

// Metric tells whether a touchpoint works.
type Metric struct {
	Name      string
	Unit      string
	Target    *float64 // nil when no target is set
	Current   *float64 // nil when nothing has been measured
	Direction Direction
}

// MetricStatus is the verdict of a metric against its target.
type MetricStatus int

// The verdicts a metric can have.
const (
	NoData MetricStatus = iota
	OnTarget
	OffTarget
)

func (s MetricStatus) String() string {
	switch s {
	case OnTarget:
		return "on target"
	case OffTarget:
		return "off target"
	default:
		return "no data"
	}
}

// Status says whether the metric meets its target. A metric without both a
// target and a current value has no data.
func (m Metric) Status() MetricStatus {
	if m.Target == nil || m.Current == nil {
		return NoData
	}
	t, c := *m.Target, *m.Current
	if m.Direction == Down {
		if c <= t {
			return OnTarget
		}
		return OffTarget
	}
	if c >= t {
		return OnTarget
	}
	return OffTarget
}

// Float returns a pointer to v, for building metrics in code.
func Float(v float64) *float64 { return &v }

// NewTouchpoint returns a touchpoint with the defaults a blank one should have:
// digital and neutral.
func NewTouchpoint(name string) Touchpoint {
	return Touchpoint{Name: name, Kind: KindDigital, Emotion: Emotion{Score: NeutralScore}}
}

// Clone returns a deep copy of t, so edits on it never alias the original's
// metrics (its lists are values and need no copy).
func (t Touchpoint) Clone() Touchpoint {
	c := t
	if t.Metrics != nil {
		c.Metrics = make([]Metric, len(t.Metrics))
		for i, m := range t.Metrics {
			c.Metrics[i] = m.Clone()
		}
	}
	return c
}

// Own returns a deep copy of t that shares no memory with it, text
// included. A loaded map's texts are cut from a few large buffers; a copy
// kept for long (an undo record) owns its text, so it does not keep those
// buffers, and every other text cut from them, alive.
func (t Touchpoint) Own() Touchpoint {
	c := t.Clone()
	c.Name, c.Description, c.Channel = strings.Clone(t.Name), strings.Clone(t.Description), strings.Clone(t.Channel)
	c.Owner, c.Notes = strings.Clone(t.Owner), strings.Clone(t.Notes)
	for _, l := range []*List{&c.Emotion.Labels, &c.Motivations, &c.Thoughts, &c.PainPoints, &c.Opportunities, &c.Backstage} {
		*l = l.Own()
	}
	for i := range c.Metrics {
		c.Metrics[i].Name, c.Metrics[i].Unit = strings.Clone(c.Metrics[i].Name), strings.Clone(c.Metrics[i].Unit)
	}
	return c
}

// Own returns a deep copy of p that shares no memory with it (see
// Touchpoint.Own).
func (p Phase) Own() Phase {
	c := p
	c.Name, c.Description = strings.Clone(p.Name), strings.Clone(p.Description)
	if p.Touchpoints != nil {
		c.Touchpoints = make([]Touchpoint, len(p.Touchpoints))
		for i, t := range p.Touchpoints {
			c.Touchpoints[i] = t.Own()
		}
	}
	return c
}

// Clone returns a deep copy of m.
func (m Metric) Clone() Metric {
	c := m
	if m.Target != nil {
		c.Target = Float(*m.Target)
	}
	if m.Current != nil {
		c.Current = Float(*m.Current)
	}
	return c
}

// Clone returns a deep copy of p with all its touchpoints.
func (p Phase) Clone() Phase {
	c := p
	if p.Touchpoints != nil {
		c.Touchpoints = make([]Touchpoint, len(p.Touchpoints))
		for i, t := range p.Touchpoints {
			c.Touchpoints[i] = t.Clone()
		}
	}
	return c
}

// Clone returns a deep copy of m with all its phases.
func (m *Map) Clone() *Map {
	c := *m
	if m.Phases != nil {
		c.Phases = make([]Phase, len(m.Phases))
		for i, p := range m.Phases {
			c.Phases[i] = p.Clone()
		}
	}
	return &c
}

// TouchpointCount returns how many touchpoints the map holds.
func (m *Map) TouchpointCount() int {
	n := 0
	for _, p := range m.Phases {
		n += len(p.Touchpoints)
	}
	return n
}

// MeanEmotion returns the mean score of the phase's touchpoints and false when
// it has none.
func (p Phase) MeanEmotion() (float64, bool) {
	if len(p.Touchpoints) == 0 {
		return 0, false
	}
	sum := 0
	for _, t := range p.Touchpoints {
		sum += t.Emotion.Score
	}
	return float64(sum) / float64(len(p.Touchpoints)), true
}

// OffTargetCount returns how many of the touchpoint's metrics miss their target.
func (t Touchpoint) OffTargetCount() int {
	n := 0
	for _, m := range t.Metrics {
		if m.Status() == OffTarget {
			n++
		}
	}
	return n
}

// Ref addresses a touchpoint by position: phase index and index within the phase.
type Ref struct {
	Phase int
	Index int
}

// Touchpoint returns the touchpoint at r, or false if r is out of range.
// Named returns the ID and name of the touchpoint at r and its phase's
// name.
func (m *Map) Named(r Ref) (id int64, name, phase string, ok bool) {
	t, ok := m.Touchpoint(r)
	if !ok {
		return 0, "", "", false
	}
	return t.ID, t.Name, m.Phases[r.Phase].Name, true
}

func (m *Map) Touchpoint(r Ref) (*Touchpoint, bool) {
	if r.Phase < 0 || r.Phase >= len(m.Phases) {
		return nil, false
	}
	tps := m.Phases[r.Phase].Touchpoints
	if r.Index < 0 || r.Index >= len(tps) {
		return nil, false
	}
	return &tps[r.Index], true
}

// Refs returns every touchpoint's position in journey order.
func (m *Map) Refs() []Ref {
	refs := make([]Ref, 0, m.TouchpointCount())
	for pi, p := range m.Phases {
		for ti := range p.Touchpoints {
			refs = append(refs, Ref{pi, ti})
		}
	}
	return refs
}

// MapSummary is what a list of maps shows without loading each map.
type MapSummary struct {
	ID          int64
	Title       string
	Persona     string // the persona's name
	Phases      int
	Touchpoints int
	UpdatedAt   time.Time
}

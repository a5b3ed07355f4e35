package model

// Outline is a map's touchpoints by name and score only, phase by phase:
// what a document needs before its phases (the curve) or after them (the
// diagram) when the phases themselves are read once, as they are written.
// Ten thousand touchpoints take about 320 KB here against a few MB as
// Touchpoints.
type Outline struct {
	Phases []OutlinePhase
}

// OutlinePhase is one phase of an Outline.
type OutlinePhase struct {
	Name        string
	Touchpoints []OutlineTouchpoint
}

// OutlineTouchpoint is one touchpoint of an Outline.
type OutlineTouchpoint struct {
	ID    int64
	Name  string
	Score int
}

// OutlineOf returns m's outline.
func OutlineOf(m *Map) *Outline {
	o := &Outline{Phases: make([]OutlinePhase, len(m.Phases))}
	n := m.TouchpointCount()
	all := make([]OutlineTouchpoint, 0, n)
	for pi := range m.Phases {
		p := &m.Phases[pi]
		start := len(all)
		for ti := range p.Touchpoints {
			t := &p.Touchpoints[ti]
			all = append(all, OutlineTouchpoint{ID: t.ID, Name: t.Name, Score: t.Emotion.Score})
		}
		o.Phases[pi] = OutlinePhase{Name: p.Name, Touchpoints: all[start:len(all):len(all)]}
	}
	return o
}

// TouchpointCount returns how many touchpoints the outline holds.
func (o *Outline) TouchpointCount() int {
	n := 0
	for _, p := range o.Phases {
		n += len(p.Touchpoints)
	}
	return n
}

// Find returns where the touchpoint with the given ID sits.
func (o *Outline) Find(id int64) (Ref, bool) {
	for pi, p := range o.Phases {
		for ti, t := range p.Touchpoints {
			if t.ID == id {
				return Ref{Phase: pi, Index: ti}, true
			}
		}
	}
	return Ref{}, false
}

// Named returns the ID and name of the touchpoint at r and its phase's
// name.
func (o *Outline) Named(r Ref) (id int64, name, phase string, ok bool) {
	if r.Phase < 0 || r.Phase >= len(o.Phases) || r.Index < 0 || r.Index >= len(o.Phases[r.Phase].Touchpoints) {
		return 0, "", "", false
	}
	p := &o.Phases[r.Phase]
	t := &p.Touchpoints[r.Index]
	return t.ID, t.Name, p.Name, true
}

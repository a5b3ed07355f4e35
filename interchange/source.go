package interchange

import "journeymap/model"

// Source is a map as the text formats read it: once, in journey order, so
// an export from the file (storage.Store.ReadMap) holds a few hundred
// touchpoints at a time rather than the whole map, and a map held whole
// (FromMap) goes through the very same writer.
type Source struct {
	// Head is the map's own fields, its phases' names and descriptions
	// and its closed votes. A writer does not read its phases'
	// touchpoints: it may have none.
	Head *model.Map
	// Outline holds every touchpoint's ID, name and score; set when the
	// format's Outline says it needs it.
	Outline *model.Outline
	// MostMetrics is the most metrics any one touchpoint has; set when the
	// format's MostMetrics says it needs it.
	MostMetrics int
	// Phases hands every phase, complete, to fn in journey order; fn
	// keeps nothing of a phase. It may be called once.
	Phases func(fn func(pi int, p *model.Phase) error) error
}

// FromMap is the Source of a map held whole. Its Outline is only made
// when outline is true: the formats whose Outline flag is set need it.
func FromMap(m *model.Map, outline bool) Source {
	most := 0
	for pi := range m.Phases {
		for ti := range m.Phases[pi].Touchpoints {
			most = max(most, len(m.Phases[pi].Touchpoints[ti].Metrics))
		}
	}
	var o *model.Outline
	if outline {
		o = model.OutlineOf(m)
	}
	return Source{Head: m, Outline: o, MostMetrics: most, Phases: func(fn func(int, *model.Phase) error) error {
		for pi := range m.Phases {
			if err := fn(pi, &m.Phases[pi]); err != nil {
				return err
			}
		}
		return nil
	}}
}

package ui

import "journeymap/model"

// Edits name items by ID; these build them from positions in a map the
// test holds, as a window does from what it shows.

func insTP(m *model.Map, phase, index int, t model.Touchpoint) *model.InsertTouchpoint {
	t.ID = model.NewID()
	return &model.InsertTouchpoint{Phase: m.Phases[phase].ID, Index: index, Touchpoint: t}
}

func delTP(m *model.Map, phase, index int) *model.DeleteTouchpoint {
	t := m.Phases[phase].Touchpoints[index]
	return &model.DeleteTouchpoint{ID: t.ID, Rev: t.Rev}
}

func updPhase(m *model.Map, index int, name string) *model.UpdatePhase {
	p := m.Phases[index]
	return &model.UpdatePhase{ID: p.ID, Rev: p.Rev, Name: name, Description: p.Description}
}

func delPhase(m *model.Map, index int) *model.DeletePhase {
	p := m.Phases[index]
	return &model.DeletePhase{ID: p.ID, Rev: p.Rev}
}

func insPhase(index int, name string) *model.InsertPhase {
	return &model.InsertPhase{Index: index, Phase: model.Phase{ID: model.NewID(), Name: name}}
}

// stored returns the fake store's copy of a map, to build outside edits on.
func (f *fakeStore) stored(id int64) *model.Map {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.maps[id].Clone()
}

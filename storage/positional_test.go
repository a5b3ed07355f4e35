package storage

import "journeymap/model"

// The positional helpers below let the older tests keep saying "the first
// touchpoint of phase 2": they find that item's ID in the file and apply the
// ID-addressed edit, as a window would after reading the map.

func (s *Store) at(mapID int64) (at, error) {
	m, err := s.LoadMap(mapID)
	if err != nil {
		if s.readOnly {
			return at{&model.Map{}}, nil
		}
		return at{}, err
	}
	return at{m}, nil
}

func (s *Store) UpdateMapInfo(mapID int64, info model.MapInfo) error {
	a, err := s.at(mapID)
	if err != nil {
		return err
	}
	return s.Apply(mapID, &model.UpdateMap{Rev: a.m.Rev, Info: info})
}

func (s *Store) InsertPhase(mapID int64, index int, p *model.Phase) error {
	if _, err := s.at(mapID); err != nil {
		return err
	}
	return s.Apply(mapID, &model.InsertPhase{Index: index, Phase: *p})
}

func (s *Store) UpdatePhase(mapID int64, index int, name, desc string) error {
	a, err := s.at(mapID)
	if err != nil {
		return err
	}
	var rev int64
	if index >= 0 && index < len(a.m.Phases) {
		rev = a.m.Phases[index].Rev
	}
	return s.Apply(mapID, &model.UpdatePhase{ID: a.phase(index), Rev: rev, Name: name, Description: desc})
}

func (s *Store) DeletePhase(mapID int64, index int) error {
	a, err := s.at(mapID)
	if err != nil {
		return err
	}
	var rev int64
	if index >= 0 && index < len(a.m.Phases) {
		rev = a.m.Phases[index].Rev
	}
	return s.Apply(mapID, &model.DeletePhase{ID: a.phase(index), Rev: rev})
}

func (s *Store) MovePhase(mapID int64, from, to int) error {
	a, err := s.at(mapID)
	if err != nil {
		return err
	}
	return s.Apply(mapID, &model.MovePhase{ID: a.phase(from), To: to})
}

func (s *Store) InsertTouchpoint(mapID int64, phase, index int, t *model.Touchpoint) error {
	a, err := s.at(mapID)
	if err != nil {
		return err
	}
	c := *t
	c.ID = model.NewID() // as the old positional API: a fresh row each time
	if err := s.Apply(mapID, &model.InsertTouchpoint{Phase: a.phase(phase), Index: index, Touchpoint: c}); err != nil {
		return err
	}
	t.ID = c.ID
	return nil
}

func (s *Store) UpdateTouchpoint(mapID int64, phase, index int, t model.Touchpoint) error {
	a, err := s.at(mapID)
	if err != nil {
		return err
	}
	return s.Apply(mapID, &model.UpdateTouchpoint{ID: a.tp(phase, index), Rev: a.tpRev(phase, index), Touchpoint: t})
}

func (s *Store) DeleteTouchpoint(mapID int64, phase, index int) error {
	a, err := s.at(mapID)
	if err != nil {
		return err
	}
	return s.Apply(mapID, &model.DeleteTouchpoint{ID: a.tp(phase, index), Rev: a.tpRev(phase, index)})
}

func (s *Store) MoveTouchpoint(mapID int64, from, to model.Ref) error {
	a, err := s.at(mapID)
	if err != nil {
		return err
	}
	return s.Apply(mapID, &model.MoveTouchpoint{ID: a.tp(from.Phase, from.Index), Phase: a.phase(to.Phase), Index: to.Index})
}

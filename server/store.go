package server

import (
	"journeymap/model"
	"journeymap/storage"
	"journeymap/ui"
)

// sessionStore is one guest's view of the shared store: every write is
// checked against the guest's role, recorded under their name, and
// announced to the other sessions at once.
type sessionStore struct {
	*storage.Store
	h *hub
	m *member
}

var _ ui.Store = sessionStore{}

func (s sessionStore) author() storage.Author {
	return storage.Author{Name: s.m.name, OwnOnly: !s.m.facilitator}
}

func (s sessionStore) Apply(mapID int64, e model.Edit) error {
	if _, ok := e.(*model.DeletePhase); ok && !s.m.facilitator {
		return model.Refuse("only a facilitator can delete a phase")
	}
	err := s.Store.ApplyAs(s.author(), mapID, e)
	if err == nil {
		s.h.changed(s.m.id)
	}
	return err
}

func (s sessionStore) CreateMap(m *model.Map) (int64, error) {
	id, err := s.Store.CreateMap(m)
	if err == nil {
		s.h.changed(s.m.id)
	}
	return id, err
}

func (s sessionStore) DuplicateMap(id int64, title string) (int64, error) {
	n, err := s.Store.DuplicateMap(id, title)
	if err == nil {
		s.h.changed(s.m.id)
	}
	return n, err
}

func (s sessionStore) DeleteMap(id int64) error {
	if !s.m.facilitator {
		return model.Refuse("only a facilitator can delete a map")
	}
	err := s.Store.DeleteMap(id)
	if err == nil {
		s.h.changed(s.m.id)
	}
	return err
}

// room is the ui.Room of one session.
type room struct {
	h *hub
	m *member
}

func (r room) People() []string { return r.h.people(r.m) }

func (r room) Lead(mapID int64, phase int, on bool) {
	if r.m.facilitator {
		r.h.lead(r.m, mapID, phase, on)
	}
}

func (r room) Follow() ui.Follow                         { return r.h.following() }
func (r room) Vote(mapID int64) ui.VoteState             { return r.h.voteState(r.m, mapID) }
func (r room) Results() (model.Vote, int64, bool)        { return r.h.lastResults() }
func (r room) StartVote(mapID int64, v model.Vote) error { return r.h.startVote(r.m, mapID, v) }

func (r room) CloseVote(mapID int64) error {
	if !r.m.facilitator {
		return model.Refuse("only a facilitator can close a vote")
	}
	return r.h.closeVote(mapID, 0)
}

func (r room) Dot(mapID, tpID int64, place bool) (int, error) {
	return r.h.dot(r.m, mapID, tpID, place)
}

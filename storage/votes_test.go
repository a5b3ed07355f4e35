package storage

import (
	"bytes"
	"errors"
	"path/filepath"
	"testing"

	"journeymap/interchange"
	"journeymap/model"
)

func TestVoteLifecycleAndJSONRoundTrip(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "v.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m := &model.Map{MapInfo: model.MapInfo{Title: "V"}, Phases: []model.Phase{
		{Name: "A", Touchpoints: []model.Touchpoint{model.NewTouchpoint("a1"), model.NewTouchpoint("a2")}},
		{Name: "B", Touchpoints: []model.Touchpoint{model.NewTouchpoint("b1")}},
	}}
	id, err := s.CreateMap(m)
	if err != nil {
		t.Fatal(err)
	}
	a2, b1 := m.Phases[0].Touchpoints[1].ID, m.Phases[1].Touchpoints[0].ID
	vote, err := s.StartVote(id, model.Vote{Question: "Fix first?", DotsPerPerson: 2})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.StartVote(id, model.Vote{Question: "Again?", DotsPerPerson: 2}); !errors.Is(err, model.ErrRefused) {
		t.Errorf("a second open vote: %v", err)
	}
	for _, d := range []struct {
		voter string
		tp    int64
	}{{"maya", b1}, {"maya", b1}, {"tom", a2}, {"tom", b1}} {
		if _, err := s.PlaceDot(id, vote, d.voter, d.tp); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.PlaceDot(id, vote, "maya", a2); !errors.Is(err, model.ErrRefused) {
		t.Errorf("a third dot of two: %v", err)
	}
	if left, err := s.TakeDot(id, vote, "tom", a2); err != nil || left != 1 {
		t.Errorf("take back: %d, %v", left, err)
	}
	if got, _ := s.LoadMap(id); len(got.Votes) != 0 {
		t.Error("an open vote shows in the map")
	}
	if err := s.CloseVote(id, vote); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PlaceDot(id, vote, "eve", a2); !errors.Is(err, ErrNoVote) {
		t.Errorf("a dot after closing: %v", err)
	}
	got, err := s.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Votes) != 1 || got.Votes[0].Voters != 2 || len(got.Votes[0].Results) != 1 ||
		got.Votes[0].Results[0].Name != "b1" || got.Votes[0].Results[0].Dots != 3 {
		t.Fatalf("votes: %+v", got.Votes)
	}
	assertReadAgrees(t, s, id) // ranked against the outline, as against the map

	// JSON export → import into the file → export: the same bytes.
	first, err := interchange.MarshalJSON(got)
	if err != nil {
		t.Fatal(err)
	}
	in, err := interchange.ParseJSON(first)
	if err != nil {
		t.Fatal(err)
	}
	id2, err := s.CreateMap(in)
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.LoadMap(id2)
	if err != nil {
		t.Fatal(err)
	}
	second, err := interchange.MarshalJSON(again)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Errorf("the round trip through the file changed the JSON:\n%s\n---\n%s", first, second)
	}
}

func TestAuthorsRecordedAndKept(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m := &model.Map{MapInfo: model.MapInfo{Title: "A"}, Phases: []model.Phase{{Name: "P"}}}
	id, _ := s.CreateMap(m)
	tp := model.NewTouchpoint("x")
	tp.ID = model.NewID()
	if err := s.ApplyAs(Author{Name: "maya", OwnOnly: true}, id, &model.InsertTouchpoint{Phase: m.Phases[0].ID, Touchpoint: tp}); err != nil {
		t.Fatal(err)
	}
	if by, _ := s.AddedBy(tp.ID); by != "maya" {
		t.Errorf("added by %q", by)
	}
	if err := s.ApplyAs(Author{Name: "tom", OwnOnly: true}, id, &model.DeleteTouchpoint{ID: tp.ID}); !errors.Is(err, model.ErrRefused) {
		t.Errorf("tom deleting maya's: %v", err)
	}
	got, _ := s.LoadMap(id)
	if got.Phases[0].Touchpoints[0].AddedBy != "maya" {
		t.Errorf("loaded AddedBy %q", got.Phases[0].Touchpoints[0].AddedBy)
	}
	// A local window (no author) may delete it, and undo brings it back
	// with its adder.
	del := &model.DeleteTouchpoint{ID: tp.ID}
	cp := got.Clone()
	if err := del.Apply(cp); err != nil {
		t.Fatal(err)
	}
	if err := s.Apply(id, del); err != nil {
		t.Fatal(err)
	}
	if err := s.Apply(id, del.Inverse()); err != nil {
		t.Fatal(err)
	}
	if by, _ := s.AddedBy(tp.ID); by != "maya" {
		t.Errorf("after undo, added by %q", by)
	}
}

package storage

import (
	"testing"
)

func TestStoreCreateAndLoadRoundTrip(t *testing.T) {
	s := openTemp(t)
	m := sampleMap()
	id, err := s.CreateMap(m)
	if err != nil {
		t.Fatal(err)
	}
	if id == 0 || m.ID != id || m.Phases[0].ID == 0 || m.Phases[1].Touchpoints[2].ID == 0 || m.UpdatedAt.IsZero() {
		t.Fatalf("IDs not set: %+v", m)
	}
	got, err := s.LoadMap(id)
	if err != nil {
		t.Fatal(err)
	}
	assertSameMap(t, got, sampleMap())
	if got.Phases[1].Touchpoints[2].ID != m.Phases[1].Touchpoints[2].ID || got.Phases[2].ID != m.Phases[2].ID {
		t.Error("loaded IDs differ from the ones CreateMap set")
	}
}

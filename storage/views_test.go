package storage

import (
	"errors"
	"reflect"
	"testing"

	"journeymap/model"
)

func TestViewPrefsRoundTrip(t *testing.T) {
	s := openTemp(t)
	id, err := s.CreateMap(sampleMap())
	if err != nil {
		t.Fatal(err)
	}
	before, _ := s.LoadMap(id)
	v, err := s.LoadView(id)
	if err != nil || !reflect.DeepEqual(v, model.ViewPrefs{}) {
		t.Fatalf("a map never viewed: %+v, %v", v, err)
	}
	want := model.ViewPrefs{Lanes: true, HiddenLanes: []string{"thoughts", "backstage"}, ColumnWidth: 14, Projector: true}
	if err := s.SaveView(id, want); err != nil {
		t.Fatal(err)
	}
	if got, err := s.LoadView(id); err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v, %v; want %+v", got, err, want)
	}
	want = model.ViewPrefs{Lanes: false, ColumnWidth: 0}
	if err := s.SaveView(id, want); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.LoadView(id); !reflect.DeepEqual(got, want) {
		t.Fatalf("overwrite: got %+v", got)
	}
	after, _ := s.LoadMap(id)
	if after.Rev != before.Rev || !after.UpdatedAt.Equal(before.UpdatedAt) {
		t.Errorf("saving a view changed the map: rev %d→%d", before.Rev, after.Rev)
	}
	if err := s.SaveView(id+99, want); !errors.Is(err, ErrNotFound) {
		t.Errorf("a view for a missing map: %v", err)
	}
	if err := s.DeleteMap(id); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.LoadView(id); !reflect.DeepEqual(got, model.ViewPrefs{}) {
		t.Errorf("the view outlived its map: %+v", got)
	}
}

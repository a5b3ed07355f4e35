package ui

import (
	"errors"
	"strings"
	"testing"

	"journeymap/model"
	"journeymap/ui/home"
)

func homeStore(t *testing.T) *fakeStore {
	t.Helper()
	st := newFakeStore()
	for _, title := range []string{"Coffee shop", "Tea room", "Bike repair"} {
		m := coffeeShop()
		m.Title = title
		if _, err := st.CreateMap(m); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

func TestHomeListAndFilter(t *testing.T) {
	hs := newHarness(t, homeStore(t), Options{}, 160, 45)
	hs.contains("Coffee shop", "Tea room", "Bike repair", "Ana", "3 maps")
	hs.key("f")
	hs.typ("tea") // letters are filter text, not commands
	if hs.r.screen != screenHome || hs.quit {
		t.Fatal("typing in the filter ran commands")
	}
	hs.contains("Tea room")
	hs.lacks("Bike repair", "Coffee shop")
	hs.typ("q") // "teaq" matches nothing, and q must not quit
	if hs.quit {
		t.Fatal("q in the filter quit")
	}
	hs.key("backspace", "enter")
	if hs.r.mp == nil || hs.r.mp.Title != "Tea room" {
		t.Fatalf("enter did not open the filtered map:\n%s", hs.screen())
	}
	hs.key("q")
	if hs.r.screen != screenHome {
		t.Fatal("q on the board did not go back home")
	}
	hs.key("q")
	if !hs.quit {
		t.Fatal("q on home did not quit")
	}
}

func TestHomeDuplicateAndDeleteMap(t *testing.T) {
	st := homeStore(t)
	hs := newHarness(t, st, Options{}, 160, 45)
	hs.key("c")
	hs.contains("Coffee shop (copy)", "4 maps", "duplicated Coffee shop")
	// The copy is selected: it is the one to rename or open next.
	if s, _ := hs.r.home.Selected(); s.Title != "Coffee shop (copy)" {
		t.Fatalf("after c the selection is on %q", s.Title)
	}
	hs.key("g") // back to the original, first in the list
	hs.key("d")
	hs.contains("Delete map Coffee shop with 3 phases and 7 touchpoints? y/n")
	hs.key("n")
	if list, _ := st.ListMaps(); len(list) != 4 {
		t.Fatal("n deleted a map")
	}
	hs.key("d", "y")
	list, _ := st.ListMaps()
	if len(list) != 3 {
		t.Fatalf("after y: %d maps", len(list))
	}
	for _, s := range list {
		if s.Title == "Coffee shop" {
			t.Fatal("the wrong map was deleted")
		}
	}
	hs.contains("3 maps")
}

func TestHomeEditMapInfo(t *testing.T) {
	st := homeStore(t)
	hs := newHarness(t, st, Options{}, 160, 45)
	hs.key("e")
	hs.contains("Edit map", "Coffee shop")
	hs.key("ctrl+u")
	hs.typ("Espresso bar")
	hs.key("tab", "ctrl+u")
	hs.typ("Bruno")
	hs.key("ctrl+s")
	hs.contains("Espresso bar", "Bruno")
	list, _ := st.ListMaps()
	m := stored(t, st, list[0].ID)
	if m.Title != "Espresso bar" || m.Persona.Name != "Bruno" || len(m.Phases) != 3 {
		t.Fatalf("edited map: %+v", m.MapInfo)
	}
	// Opening it, the map edit can be undone like any other.
	hs.key("enter", "u")
	hs.contains("undid: edit map Espresso bar")
	if got := stored(t, st, list[0].ID).Title; got != "Coffee shop" {
		t.Fatalf("after undo the file says %q", got)
	}
	if !strings.Contains(hs.screen(), "Coffee shop") {
		t.Fatalf("screen:\n%s", hs.screen())
	}
	_ = model.MapInfo{}
}

func TestTemplateErrorsAreReported(t *testing.T) {
	opts := Options{TemplateErrors: []error{errors.New("templates/broken.json: map.title: required")}}
	hs := newHarness(t, newFakeStore(), opts, 120, 30)
	hs.contains("1 template(s) skipped: templates/broken.json")
}

func TestCtrlCQuitsAnywhere(t *testing.T) {
	for _, keys := range [][]string{{}, {"enter"}, {"enter", "a"}, {"enter", "e"}, {"enter", "/"}, {"f"}} {
		hs := newHarness(t, homeStore(t), Options{}, 120, 30)
		hs.key(keys...)
		hs.key("ctrl+c")
		if !hs.quit {
			t.Fatalf("ctrl+c after %v did not quit", keys)
		}
	}
}

// TestResultsArriveWhileTooSmall: a result that lands while the window is
// too small is still applied, so nothing is lost when it grows again.
func TestResultsArriveWhileTooSmall(t *testing.T) {
	st := homeStore(t)
	list, _ := st.ListMaps()
	hs := newHarness(t, st, Options{}, 120, 30)
	hs.send(windowSize(20, 6))
	hs.send(home.OpenMsg{ID: list[1].ID})
	hs.send(windowSize(120, 30))
	if hs.r.mp == nil || hs.r.mp.Title != "Tea room" {
		t.Fatalf("the map opened while small was lost:\n%s", hs.screen())
	}
}

// On a read-only file, n and c on home say so at once rather than after a
// form was filled in or with a storage error.
func TestHomeReadOnlyRefusesNewAndDuplicate(t *testing.T) {
	st := homeStore(t)
	st.readOnly = true
	hs := newHarness(t, st, Options{}, 160, 45)
	for _, k := range []string{"n", "c"} {
		hs.key(k)
		if hs.r.top() != nil {
			t.Fatalf("%s opened %T:\n%s", k, hs.r.top(), hs.screen())
		}
		hs.contains("the file is read-only: nothing can be changed")
	}
	if list, _ := st.ListMaps(); len(list) != 3 {
		t.Fatalf("%d maps on a read-only file", len(list))
	}
}

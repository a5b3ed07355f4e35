package ui

import (
	"reflect"
	"strings"
	"testing"

	"journeymap/model"
	"journeymap/ui/board"
)

// TestFullEditorSavesEveryField fills every field of the touchpoint editor
// with keys alone and checks what reached the file.
func TestFullEditorSavesEveryField(t *testing.T) {
	hs, st, id := openCoffee(t, 160, 45)
	hs.r.board.Select(board.Selection{Phase: 1, Index: 0}) // Queue
	hs.key("e")
	if !topIs[*editorOverlay](hs.r) {
		t.Fatalf("e did not open the editor:\n%s", hs.screen())
	}
	hs.contains("Edit touchpoint", "Queue")
	hs.key("ctrl+u")
	hs.typ("Queue at the counter")
	hs.key("tab")
	hs.typ("People wait in line")
	hs.key("tab", "ctrl+u")
	hs.typ("counter")
	hs.key("tab", "right", "tab") // kind: digital -> physical
	hs.typ("Store team")
	hs.key("tab")
	hs.typ("1")
	hs.key("tab")
	for _, list := range [][]string{
		{"anxious", "impatient"}, // feelings
		{"Be quick"},             // motivations
		{"Why so slow?"},         // thoughts
		{"Long line"},            // pain points
		{"Mobile order"},         // opportunities
		{"Barista rota"},         // backstage
	} {
		for _, item := range list {
			hs.typ(item)
			hs.key("enter")
		}
		hs.key("tab")
	}
	// Metrics: typing on the add line starts a row; tab walks the cells.
	hs.typ("wait time")
	hs.key("tab")
	hs.typ("min")
	hs.key("tab")
	hs.typ("3")
	hs.key("tab")
	hs.typ("7")
	hs.key("tab", "d", "tab", "tab")
	hs.typ("Busy at 8am")
	hs.key("ctrl+s")
	if hs.r.top() != nil {
		t.Fatalf("ctrl+s did not save and close:\n%s", hs.screen())
	}

	got := stored(t, st, id).Phases[1].Touchpoints[0]
	got.ID = 0
	if got.Rev != 1 {
		t.Errorf("revision %d after one save, want 1", got.Rev)
	}
	got.Rev = 0
	want := model.Touchpoint{
		Name: "Queue at the counter", Description: "People wait in line", Channel: "counter",
		Kind: model.KindPhysical, Owner: "Store team",
		Emotion:       model.Emotion{Score: 1, Labels: model.ListOf("anxious", "impatient")},
		Motivations:   model.ListOf("Be quick"),
		Thoughts:      model.ListOf("Why so slow?"),
		PainPoints:    model.ListOf("Long line"),
		Opportunities: model.ListOf("Mobile order"),
		Backstage:     model.ListOf("Barista rota"),
		Metrics:       []model.Metric{{Name: "wait time", Unit: "min", Target: model.Float(3), Current: model.Float(7), Direction: model.Down}},
		Notes:         "Busy at 8am",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("saved touchpoint:\n got %+v\nwant %+v", got, want)
	}
	hs.contains("Queue at the counter", "saved")

	// The phase editor opens on a header.
	hs.r.board.Select(board.Selection{Phase: 1, Index: -1})
	hs.key("enter")
	hs.contains("Edit phase")
	hs.key("ctrl+u")
	hs.typ("Buying")
	hs.key("tab")
	hs.typ("At the counter")
	hs.key("ctrl+s")
	p := stored(t, st, id).Phases[1]
	if p.Name != "Buying" || p.Description != "At the counter" {
		t.Fatalf("saved phase: %q %q", p.Name, p.Description)
	}
	hs.key("u")
	hs.contains("undid: edit phase Buying")
	if stored(t, st, id).Phases[1].Name != "Purchase" {
		t.Fatal("undo of a phase edit did not reach the file")
	}
}

// TestEditorCancelKeepsMap checks esc on an untouched form closes it and
// nothing is written.
func TestEditorCancelKeepsMap(t *testing.T) {
	hs, st, _ := openCoffee(t, 160, 45)
	hs.key("e", "esc")
	if hs.r.top() != nil {
		t.Fatal("esc did not close an untouched editor")
	}
	if len(st.applied) != 0 {
		t.Fatalf("cancel wrote %v", st.applied)
	}
}

func TestCreateMapFromTemplate(t *testing.T) {
	st := newFakeStore()
	tpl := coffeeShop()
	opts := Options{Templates: []Template{
		{Name: "Blank", Map: &model.Map{}},
		{Name: "Coffee", Description: "a coffee shop", Map: tpl},
	}}
	hs := newHarness(t, st, opts, 160, 45)
	hs.key("n")
	hs.contains("New map")
	hs.typ("Bakery")
	hs.key("tab")
	hs.typ("Bea")
	hs.key("tab", "tab")
	hs.typ("Fresh bread before work")
	hs.key("tab", "tab", "right") // template: Blank -> Coffee
	hs.key("ctrl+s")
	if hs.r.screen != screenBoard || hs.r.mp == nil {
		t.Fatalf("the new map did not open:\n%s", hs.screen())
	}
	hs.contains("Bakery", "Discovery", "Purchase", "Wait for drink", "3 phases", "7 touchpoints")
	m := stored(t, st, hs.r.mp.ID)
	if m.Title != "Bakery" || m.Persona.Name != "Bea" || m.Goal != "Fresh bread before work" || len(m.Phases) != 3 {
		t.Fatalf("created map: %+v", m.MapInfo)
	}
	if tpl.Title != "Coffee shop" || tpl.ID != 0 {
		t.Fatal("creating a map changed the template")
	}
	// Back home the list shows it; a blank one can be made too.
	hs.key("q")
	hs.contains("Bakery")
	hs.key("n")
	hs.typ("Empty")
	hs.key("ctrl+s")
	hs.contains("Empty", "0 phases")
	hs.key("a")
	hs.contains("add a phase first")
	hs.key("p")
	hs.typ("Before")
	hs.key("enter", "a")
	hs.typ("Call")
	hs.key("enter", "esc")
	if got := names(stored(t, st, hs.r.mp.ID)); got != "Before: Call" {
		t.Fatalf("blank map after p and a: %s", got)
	}
	if !strings.Contains(hs.screen(), "Call") {
		t.Fatalf("screen:\n%s", hs.screen())
	}
}

// A map started from a template with only a title keeps the template's
// persona, goal and notes, which its example touchpoints speak of; what the
// user typed still wins.
// A whole template brings its phases, touchpoints, goal and notes where the
// form was left blank; a persona left blank stays blank.
func TestCreateMapFromTemplateLeavesPersonaBlank(t *testing.T) {
	tpl := coffeeShop()
	tpl.Persona.Description = "Commutes by bike"
	tpl.Notes = "From the template"
	opts := Options{Templates: []Template{{Name: "Coffee", Map: tpl}, {Name: "Blank", Map: &model.Map{}}}}
	for _, tc := range []struct {
		goal, wantGoal string
	}{
		{"", "Get a good coffee fast"},
		{"Sit and read", "Sit and read"},
	} {
		st := newFakeStore()
		hs := newHarness(t, st, opts, 160, 45)
		hs.key("n")
		hs.typ("Kiosk")
		hs.key("tab", "tab", "tab")
		hs.typ(tc.goal)
		hs.key("ctrl+s")
		if hs.r.mp == nil {
			t.Fatalf("the new map did not open:\n%s", hs.screen())
		}
		m := stored(t, st, hs.r.mp.ID)
		want := model.MapInfo{Title: "Kiosk", Goal: tc.wantGoal, Notes: "From the template"}
		if m.MapInfo != want {
			t.Errorf("created %+v, want %+v", m.MapInfo, want)
		}
		if m.TouchpointCount() != tpl.TouchpointCount() {
			t.Errorf("%d touchpoints, want the template's %d", m.TouchpointCount(), tpl.TouchpointCount())
		}
		hs.key("q")
		hs.lacks("Ana")
	}
}

// The editor suggests the channels and labels the whole file uses, not only
// the open map's: a workshop's second map reuses the first one's words.
func TestEditorSuggestsWhatOtherMapsUse(t *testing.T) {
	st := newFakeStore()
	other := coffeeShop()
	other.Title = "Pigeon post"
	other.Phases[0].Touchpoints[0].Channel = "carrier pigeon"
	other.Phases[0].Touchpoints[0].Emotion.Labels = model.ListOf("bemused")
	if _, err := st.CreateMap(other); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateMap(coffeeShop()); err != nil {
		t.Fatal(err)
	}
	hs := newHarness(t, st, Options{}, 160, 45)
	hs.key("j", "enter") // open Coffee shop, the second map
	if hs.r.mp == nil || hs.r.mp.Title != "Coffee shop" {
		t.Fatalf("did not open Coffee shop:\n%s", hs.screen())
	}
	hs.key("e", "tab", "tab")
	for range len("social media") {
		hs.key("backspace")
	}
	hs.typ("carr")
	hs.contains("carrier pigeon")
	hs.key("esc", "esc", "y") // close the suggestions, then the form
	if hs.r.top() != nil {
		t.Fatalf("the editor is still open:\n%s", hs.screen())
	}
	hs.key("e", "tab", "tab", "tab", "tab", "tab", "tab")
	hs.typ("bem")
	hs.contains("bemused")
}

// "Structure only" in the new-map form takes the template's phases and their
// descriptions, without its touchpoints, persona, goal or notes: a persona
// left blank stays blank.
func TestCreateMapFromTemplateStructureOnly(t *testing.T) {
	tpl := coffeeShop()
	tpl.Persona.Description = "Commutes by bike"
	tpl.Notes = "From the template"
	tpl.Phases[0].Description = "How people find the kiosk"
	opts := Options{Templates: []Template{{Name: "Coffee", Map: tpl}, {Name: "Blank", Map: &model.Map{}}}}
	st := newFakeStore()
	hs := newHarness(t, st, opts, 160, 45)
	hs.key("n")
	hs.typ("Kiosk")
	hs.key("tab", "tab", "tab", "tab", "tab", "tab") // to "Take"
	hs.contains("structure only")
	hs.key("right")
	hs.key("ctrl+s")
	if hs.r.mp == nil {
		t.Fatalf("the new map did not open:\n%s", hs.screen())
	}
	m := stored(t, st, hs.r.mp.ID)
	if want := (model.MapInfo{Title: "Kiosk"}); m.MapInfo != want {
		t.Errorf("created %+v, want %+v", m.MapInfo, want)
	}
	if len(m.Phases) != len(tpl.Phases) || m.Phases[0].Name != tpl.Phases[0].Name || m.Phases[0].Description != "How people find the kiosk" {
		t.Errorf("phases not taken: %+v", m.Phases)
	}
	if n := m.TouchpointCount(); n != 0 {
		t.Errorf("%d touchpoints taken from the template", n)
	}
}

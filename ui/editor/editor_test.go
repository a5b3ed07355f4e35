package editor

import (
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"journeymap/model"
)

// TestTouchpointEditorSavesEveryField fills every field of a blank
// touchpoint through key presses alone and checks the saved value.
func TestTouchpointEditorSavesEveryField(t *testing.T) {
	orig := model.NewTouchpoint("")
	orig.ID = 42
	m := NewTouchpoint(orig, testSuggestions(), testStyles())
	if m.Dirty() {
		t.Fatal("a fresh form is dirty")
	}

	// Name.
	m = typeText(t, m, "Order at the counter")
	m, _ = press(t, m, tab)
	// Description: two lines, the second one pasted.
	m = typeText(t, m, "Line one")
	m, _ = press(t, m, enter, tea.PasteMsg{Content: "Line two"})
	m, _ = press(t, m, tab)
	// Channel: "stor" suggests "store"; down highlights it, enter takes it.
	if focused(m) != "channel" {
		t.Fatalf("focus on %q, want channel", focused(m))
	}
	m = typeText(t, m, "stor")
	if !strings.Contains(screen(m, 100, 40), "store") {
		t.Fatal("no channel suggestion shown")
	}
	m, _ = press(t, m, down, enter, tab)
	// Kind: right, right, left = physical.
	m, _ = press(t, m, right, right, left, tab)
	// Owner.
	m = typeText(t, m, "Barista team")
	m, _ = press(t, m, tab)
	// Score: 3 -> 1 (clamped) -> 2.
	m, _ = press(t, m, left, left, left, right)
	if !strings.Contains(screen(m, 100, 40), "2 :( negative") {
		t.Fatalf("score 2 not shown with its face:\n%s", screen(m, 100, 40))
	}
	m, _ = press(t, m, tab)
	// Labels from suggestions, plus one of our own.
	if focused(m) != "emotion.labels" {
		t.Fatalf("focus on %q, want emotion.labels", focused(m))
	}
	m = typeText(t, m, "anx")
	m, _ = press(t, m, down, enter)
	m = typeText(t, m, "impat")
	m, _ = press(t, m, down, enter)
	m = typeText(t, m, "hungry")
	m, _ = press(t, m, enter, tab)
	// Motivations: add two, then move the second one up.
	m = typeText(t, m, "get coffee fast")
	m, _ = press(t, m, enter)
	m = typeText(t, m, "be greeted")
	m, _ = press(t, m, enter, up, shiftUp, tab)
	// Thoughts: add two, delete the second.
	m = typeText(t, m, "is this line moving?")
	m, _ = press(t, m, enter)
	m = typeText(t, m, "typo")
	m, _ = press(t, m, enter, up, ctrlD, tab)
	// Pain points: add one, then edit it.
	m = typeText(t, m, "long queue")
	m, _ = press(t, m, enter, up, enter)
	m = typeText(t, m, " at noon")
	m, _ = press(t, m, enter, tab)
	// Opportunities: pasted.
	m, _ = press(t, m, tea.PasteMsg{Content: "mobile pre-order"}, enter, tab)
	// Backstage: typed but not added with enter; ctrl+s must keep it.
	m = typeText(t, m, "barista prepares cups")
	m, _ = press(t, m, tab)
	// Metrics: two rows.
	if focused(m) != "metrics" {
		t.Fatalf("focus on %q, want metrics", focused(m))
	}
	m, _ = press(t, m, enter)
	m = typeText(t, m, "wait")
	m, _ = press(t, m, down, enter, tab)
	m = typeText(t, m, "min")
	m, _ = press(t, m, tab)
	m = typeText(t, m, "3")
	m, _ = press(t, m, tab)
	m = typeText(t, m, "5.5")
	m, _ = press(t, m, tab, right) // direction: up -> down
	if scr := screen(m, 120, 50); !strings.Contains(scr, "off target") {
		t.Fatalf("live metric status missing:\n%s", scr)
	}
	m, _ = press(t, m, tab, ctrlN) // on the add line: a new row
	m = typeText(t, m, "CSAT")
	m, _ = press(t, m, tab)
	m = typeText(t, m, "pts")
	m, _ = press(t, m, tab)
	m = typeText(t, m, "80")
	m, _ = press(t, m, tab)
	m = typeText(t, m, "85")
	m, _ = press(t, m, tab, tab, tab) // direction stays up; add line; notes
	if focused(m) != "notes" {
		t.Fatalf("focus on %q, want notes", focused(m))
	}
	m = typeText(t, m, "Busy at 8am")
	if !m.Dirty() {
		t.Fatal("an edited form is not dirty")
	}

	m, cmd := press(t, m, ctrlS)
	if cmd == nil {
		t.Fatalf("ctrl+s emitted nothing:\n%s", screen(m, 120, 50))
	}
	msg, ok := cmd().(SavedTouchpointMsg)
	if !ok {
		t.Fatalf("ctrl+s emitted %T", cmd())
	}
	got := msg.Touchpoint
	want := model.Touchpoint{
		ID:            42,
		Name:          "Order at the counter",
		Description:   "Line one\nLine two",
		Channel:       "store",
		Kind:          model.KindPhysical,
		Owner:         "Barista team",
		Emotion:       model.Emotion{Score: 2, Labels: model.ListOf("anxious", "impatient", "hungry")},
		Motivations:   model.ListOf("be greeted", "get coffee fast"),
		Thoughts:      model.ListOf("is this line moving?"),
		PainPoints:    model.ListOf("long queue at noon"),
		Opportunities: model.ListOf("mobile pre-order"),
		Backstage:     model.ListOf("barista prepares cups"),
		Metrics: []model.Metric{
			{Name: "wait time", Unit: "min", Target: model.Float(3), Current: model.Float(5.5), Direction: model.Down},
			{Name: "CSAT", Unit: "pts", Target: model.Float(80), Current: model.Float(85), Direction: model.Up},
		},
		Notes: "Busy at 8am",
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"ID", got.ID, want.ID},
		{"Name", got.Name, want.Name},
		{"Description", got.Description, want.Description},
		{"Channel", got.Channel, want.Channel},
		{"Kind", got.Kind, want.Kind},
		{"Owner", got.Owner, want.Owner},
		{"Emotion.Score", got.Emotion.Score, want.Emotion.Score},
		{"Emotion.Labels", got.Emotion.Labels, want.Emotion.Labels},
		{"Motivations", got.Motivations, want.Motivations},
		{"Thoughts", got.Thoughts, want.Thoughts},
		{"PainPoints", got.PainPoints, want.PainPoints},
		{"Opportunities", got.Opportunities, want.Opportunities},
		{"Backstage", got.Backstage, want.Backstage},
		{"Metrics", got.Metrics, want.Metrics},
		{"Notes", got.Notes, want.Notes},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %#v, want %#v", c.name, c.got, c.want)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("saved touchpoint differs:\n got %#v\nwant %#v", got, want)
	}
	if got.Metrics[0].Status() != model.OffTarget || got.Metrics[1].Status() != model.OnTarget {
		t.Errorf("metric statuses = %v, %v", got.Metrics[0].Status(), got.Metrics[1].Status())
	}
}

// TestEditKeepsUntouchedFields opens a full touchpoint and saves it
// unchanged: nothing is lost or reformatted on the way.
func TestEditKeepsUntouchedFields(t *testing.T) {
	tp := fullTouchpoint()
	m := NewTouchpoint(tp, testSuggestions(), testStyles())
	if m.Dirty() {
		t.Fatal("fresh form is dirty")
	}
	_, cmd := press(t, m, ctrlS)
	if cmd == nil {
		t.Fatal("valid touchpoint not saved")
	}
	got := cmd().(SavedTouchpointMsg).Touchpoint
	if !reflect.DeepEqual(got, tp) {
		t.Errorf("round trip changed the touchpoint:\n got %#v\nwant %#v", got, tp)
	}
}

func fullTouchpoint() model.Touchpoint {
	return model.Touchpoint{
		ID: 7, Name: "Pay", Description: "At the till\nwith a card", Channel: "store", Kind: model.KindHybrid,
		Owner: "Shop", Emotion: model.Emotion{Score: 4, Labels: model.ListOf("relieved")},
		Motivations: model.ListOf("be quick"), Thoughts: model.ListOf("card or phone?"), PainPoints: model.ListOf("slow reader"),
		Opportunities: model.ListOf("tap to pay"), Backstage: model.ListOf("POS sync"),
		Metrics: []model.Metric{
			{Name: "wait time", Unit: "s", Target: model.Float(30), Current: nil, Direction: model.Down},
			{Name: "NPS", Unit: "", Target: nil, Current: model.Float(-12.5), Direction: model.Up},
		},
		Notes: "cash too",
	}
}

func TestInvalidMetricNumberIsShownAndNotSaved(t *testing.T) {
	tests := []struct {
		name  string
		cells int // tabs from the name cell
		input string
		want  string
	}{
		{"target", 2, "abc", "target: not a number: 'abc'"},
		{"current", 3, "1,2,3", "current: not a number: '1,2,3'"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := NewTouchpoint(fullTouchpoint(), testSuggestions(), testStyles())
			m = tabTo(t, m, "metrics")
			for range tc.cells {
				m, _ = press(t, m, tab)
			}
			// Clear the cell first.
			for range 10 {
				m, _ = press(t, m, tea.KeyPressMsg{Code: tea.KeyBackspace})
			}
			m = typeText(t, m, tc.input)
			scr := screen(m, 100, 40)
			if !strings.Contains(scr, tc.want) {
				t.Fatalf("live error %q missing:\n%s", tc.want, scr)
			}
			m, cmd := press(t, m, ctrlS)
			if cmd != nil {
				t.Fatalf("saved with an invalid number: %#v", cmd())
			}
			raw := m.View(100, 40)
			if !strings.Contains(raw, m.styles.Error.Render("  ✗ "+tc.want)) {
				t.Errorf("error not drawn in the error style:\n%q", raw)
			}
			scr = screen(m, 100, 40)
			row, msg := lineWith(scr, "wait time"), lineWith(scr, tc.want)
			if row < 0 || msg != row+1 {
				t.Errorf("error on line %d, metric row on line %d: want it right under the row\n%s", msg, row, scr)
			}
			if !strings.Contains(scr, "problem") {
				t.Errorf("title does not say there is a problem:\n%s", scr)
			}
			// Fixing it clears the error and saves.
			for range len(tc.input) {
				m, _ = press(t, m, tea.KeyPressMsg{Code: tea.KeyBackspace})
			}
			m = typeText(t, m, "12")
			if strings.Contains(screen(m, 100, 40), "not a number") {
				t.Error("error stays after the fix")
			}
			if _, cmd := press(t, m, ctrlS); cmd == nil {
				t.Error("fixed form not saved")
			}
		})
	}
}

func TestInvalidScoreIsShownBesideItAndNotSaved(t *testing.T) {
	m := NewTouchpoint(fullTouchpoint(), testSuggestions(), testStyles())
	m = tabTo(t, m, "emotion.score")
	m = typeText(t, m, "7")
	m, cmd := press(t, m, ctrlS)
	if cmd != nil {
		t.Fatalf("saved an out-of-range score: %#v", cmd())
	}
	scr := screen(m, 100, 40)
	label, msg := lineWith(scr, "Emotion"), lineWith(scr, "must be 1–5, got 7")
	if label < 0 || msg != label+1 {
		t.Fatalf("score error on line %d, field on line %d:\n%s", msg, label, scr)
	}
	if !strings.Contains(m.View(100, 40), m.styles.Error.Render("✗ must be 1–5, got 7")) {
		t.Error("score error not in the error style")
	}
	// left brings it back into range.
	m, _ = press(t, m, left)
	if strings.Contains(screen(m, 100, 40), "must be 1–5") {
		t.Error("error stays after the fix")
	}
	_, cmd = press(t, m, ctrlS)
	if cmd == nil {
		t.Fatal("fixed form not saved")
	}
	if got := cmd().(SavedTouchpointMsg).Touchpoint.Emotion.Score; got != 5 {
		t.Errorf("score = %d, want 5", got)
	}
}

func TestValidationErrorsSitBesideTheirFields(t *testing.T) {
	tp := fullTouchpoint()
	tp.Name = ""
	tp.Metrics[1].Name = " "
	m := NewTouchpoint(tp, testSuggestions(), testStyles())
	m = tabTo(t, m, "notes")
	m, cmd := press(t, m, ctrlS)
	if cmd != nil {
		t.Fatal("saved an invalid touchpoint")
	}
	if focused(m) != "name" {
		t.Errorf("focus on %q after a failed save, want the first invalid field", focused(m))
	}
	scr := screen(m, 100, 40)
	if n, e := lineWith(scr, "Name"), lineWith(scr, "✗ must not be empty"); n < 0 || e != n+1 {
		t.Errorf("name error on line %d, field on %d:\n%s", e, n, scr)
	}
	if r, e := lineWith(scr, "NPS")-0, lineWith(scr, "name: must not be empty"); e < 0 || r == e {
		t.Errorf("metric name error missing:\n%s", scr)
	}
	m = typeText(t, m, "Pay")
	if strings.Contains(screen(m, 100, 40), "✗ must not be empty") {
		t.Error("name error stays after typing a name")
	}
}

func TestEscape(t *testing.T) {
	t.Run("unchanged form cancels at once", func(t *testing.T) {
		m := NewTouchpoint(fullTouchpoint(), testSuggestions(), testStyles())
		m, _ = press(t, m, tab, tab) // moving around changes nothing
		_, cmd := press(t, m, esc)
		if cmd == nil {
			t.Fatal("esc emitted nothing")
		}
		if _, ok := cmd().(CancelledMsg); !ok {
			t.Fatalf("esc emitted %T", cmd())
		}
	})
	t.Run("changed form asks first", func(t *testing.T) {
		m := NewTouchpoint(fullTouchpoint(), testSuggestions(), testStyles())
		m = typeText(t, m, "x")
		m, cmd := press(t, m, esc)
		if cmd != nil {
			t.Fatalf("esc on a changed form emitted %#v", cmd())
		}
		if !strings.Contains(screen(m, 60, 10), "Discard changes? y/n") {
			t.Fatalf("no question:\n%s", screen(m, 60, 10))
		}
		if !strings.Contains(screen(m, 20, 6), "Discard") {
			t.Errorf("question hidden at 20x6:\n%s", screen(m, 20, 6))
		}
		// Other keys are ignored while asking; n keeps editing.
		m, cmd = press(t, m, tea.KeyPressMsg{Code: 'z', Text: "z"}, tea.KeyPressMsg{Code: 'n', Text: "n"})
		if cmd != nil || m.Confirming() {
			t.Fatal("n did not return to the form")
		}
		if got := m.fields[0].input.Value(); got != "Payx" {
			t.Errorf("name = %q after the question, want Payx", got)
		}
		m, _ = press(t, m, esc)
		_, cmd = press(t, m, tea.KeyPressMsg{Code: 'y', Text: "y"})
		if cmd == nil {
			t.Fatal("y emitted nothing")
		}
		if _, ok := cmd().(CancelledMsg); !ok {
			t.Fatalf("y emitted %T", cmd())
		}
	})
	t.Run("esc closes a dropdown before anything else", func(t *testing.T) {
		m := NewTouchpoint(model.NewTouchpoint("A"), testSuggestions(), testStyles())
		m = tabTo(t, m, "channel")
		m = typeText(t, m, "web")
		m, cmd := press(t, m, esc)
		if cmd != nil || m.Confirming() {
			t.Fatal("esc with an open dropdown left the form")
		}
		if m.fields[m.focus].sug.open() {
			t.Fatal("dropdown still open")
		}
	})
}

func TestSuggestionsFilterFuzzily(t *testing.T) {
	tests := []struct {
		field, typed string
		want         []string
		notWant      []string
	}{
		{"channel", "eml", []string{"e-mail"}, []string{"store", "phone"}},
		{"channel", "kio", []string{"kiosk"}, []string{"website"}},
		{"emotion.labels", "frus", []string{"frustrated"}, []string{"curious"}},
		{"emotion.labels", "dlghtd", []string{"delighted"}, []string{"anxious"}},
	}
	for _, tc := range tests {
		t.Run(tc.field+"/"+tc.typed, func(t *testing.T) {
			m := NewTouchpoint(model.NewTouchpoint("A"), testSuggestions(), testStyles())
			m = tabTo(t, m, tc.field)
			m = typeText(t, m, tc.typed)
			var got []string
			for _, mt := range m.fields[m.focus].sug.matches {
				got = append(got, mt.Str)
			}
			scr := screen(m, 100, 40)
			for _, w := range tc.want {
				if !contains(got, w) || !strings.Contains(scr, w) {
					t.Errorf("%q not suggested for %q (got %v)", w, tc.typed, got)
				}
			}
			for _, w := range tc.notWant {
				if contains(got, w) {
					t.Errorf("%q suggested for %q", w, tc.typed)
				}
			}
			if len(got) > maxSuggestions {
				t.Errorf("%d suggestions, at most %d", len(got), maxSuggestions)
			}
		})
	}
	t.Run("metric names", func(t *testing.T) {
		m := NewTouchpoint(model.NewTouchpoint("A"), testSuggestions(), testStyles())
		m = tabTo(t, m, "metrics")
		m, _ = press(t, m, enter)
		m = typeText(t, m, "cnvrs")
		if !strings.Contains(screen(m, 100, 40), "conversion rate") {
			t.Fatalf("metric name not suggested:\n%s", screen(m, 100, 40))
		}
	})
	t.Run("labels already chosen are not offered again", func(t *testing.T) {
		tp := model.NewTouchpoint("A")
		tp.Emotion.Labels = model.ListOf("anxious")
		m := NewTouchpoint(tp, testSuggestions(), testStyles())
		m = tabTo(t, m, "emotion.labels")
		m = typeText(t, m, "anx")
		for _, mt := range m.fields[m.focus].sug.matches {
			if mt.Str == "anxious" {
				t.Error("anxious offered twice")
			}
		}
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestPhaseForm(t *testing.T) {
	m := NewPhase(model.Phase{ID: 3, Name: "Discovery"}, testStyles())
	for range len("Discovery") {
		m, _ = press(t, m, tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	m, cmd := press(t, m, ctrlS)
	if cmd != nil {
		t.Fatal("saved a phase without a name")
	}
	if !strings.Contains(screen(m, 60, 10), "must not be empty") {
		t.Fatalf("no error shown:\n%s", screen(m, 60, 10))
	}
	m = typeText(t, m, "Purchase")
	m, _ = press(t, m, tab)
	m = typeText(t, m, "Paying")
	m, _ = press(t, m, enter)
	m = typeText(t, m, "and leaving")
	_, cmd = press(t, m, ctrlS)
	if cmd == nil {
		t.Fatal("nothing saved")
	}
	got, ok := cmd().(SavedPhaseMsg)
	want := SavedPhaseMsg{Name: "Purchase", Description: "Paying\nand leaving"}
	if !ok || got != want {
		t.Errorf("saved %#v, want %#v", cmd(), want)
	}
}

func TestMapForm(t *testing.T) {
	t.Run("new map with a template", func(t *testing.T) {
		m := NewMap(model.MapInfo{}, []string{"Blank", "Customer lifecycle", "SaaS onboarding"}, testStyles())
		if !strings.Contains(screen(m, 80, 20), "[Blank]") {
			t.Fatalf("template choice missing or not defaulting to the first:\n%s", screen(m, 80, 20))
		}
		m = typeText(t, m, "Coffee shop")
		m, _ = press(t, m, tab)
		m = typeText(t, m, "Sam")
		m, _ = press(t, m, tab)
		m = typeText(t, m, "Commuter")
		m, _ = press(t, m, tab)
		m = typeText(t, m, "Coffee before the train")
		m, _ = press(t, m, tab)
		m = typeText(t, m, "From the workshop")
		m, _ = press(t, m, tab, right)
		_, cmd := press(t, m, ctrlS)
		if cmd == nil {
			t.Fatal("nothing saved")
		}
		got := cmd().(SavedMapMsg)
		want := SavedMapMsg{
			Info: model.MapInfo{Title: "Coffee shop", Persona: model.Persona{Name: "Sam", Description: "Commuter"},
				Goal: "Coffee before the train", Notes: "From the workshop"},
			Template: "Customer lifecycle",
		}
		if got != want {
			t.Errorf("saved %#v, want %#v", got, want)
		}
	})
	t.Run("edit map has no template", func(t *testing.T) {
		info := model.MapInfo{Title: "Old", Goal: "g"}
		m := NewMap(info, nil, testStyles())
		if strings.Contains(screen(m, 80, 20), "Template") {
			t.Error("edit form offers a template")
		}
		m, _ = press(t, m, tea.KeyPressMsg{Code: tea.KeyBackspace}, tea.KeyPressMsg{Code: tea.KeyBackspace},
			tea.KeyPressMsg{Code: tea.KeyBackspace})
		m, cmd := press(t, m, ctrlS)
		if cmd != nil {
			t.Fatal("saved a map without a title")
		}
		m = typeText(t, m, "New")
		_, cmd = press(t, m, ctrlS)
		got := cmd().(SavedMapMsg)
		if got.Info.Title != "New" || got.Info.Goal != "g" || got.Template != "" {
			t.Errorf("saved %#v", got)
		}
	})
}

func TestNavigation(t *testing.T) {
	m := NewTouchpoint(fullTouchpoint(), testSuggestions(), testStyles())
	var order []string
	for range len(m.fields) {
		order = append(order, focused(m))
		m = skipField(t, m)
	}
	// shift+tab walks back to the first field.
	for range 100 {
		m, _ = press(t, m, shiftTab)
	}
	if focused(m) != "name" {
		t.Errorf("shift+tab ends on %q, want name", focused(m))
	}
	want := []string{"name", "description", "channel", "kind", "owner", "emotion.score", "emotion.labels",
		"motivations", "thoughts", "pain_points", "opportunities", "backstage", "metrics", "notes"}
	if !reflect.DeepEqual(order, want) {
		t.Errorf("tab order = %v, want %v", order, want)
	}
	// The focused field is marked without colour.
	m = NewTouchpoint(fullTouchpoint(), testSuggestions(), testStyles())
	m = tabTo(t, m, "owner")
	if l := lineWith(screen(m, 80, 40), "▶"); l != lineWith(screen(m, 80, 40), "Owner") {
		t.Errorf("▶ is not on the Owner line")
	}
	// down/up move between simple fields too.
	m, _ = press(t, m, down)
	if focused(m) != "emotion.score" {
		t.Errorf("down from owner focused %q", focused(m))
	}
	m, _ = press(t, m, up, up)
	if focused(m) != "kind" {
		t.Errorf("up twice from score focused %q", focused(m))
	}
}

// skipField presses tab enough times to leave the focused field (the
// metrics table tabs through its cells first).
func skipField(t *testing.T, m Model) Model {
	t.Helper()
	start := m.focus
	for range 50 {
		m, _ = press(t, m, tab)
		if m.focus != start {
			return m
		}
	}
	return m
}

func TestMetricRowsAddAndRemove(t *testing.T) {
	m := NewTouchpoint(fullTouchpoint(), testSuggestions(), testStyles())
	m = tabTo(t, m, "metrics")
	m, _ = press(t, m, ctrlD) // removes "wait time"
	_, cmd := press(t, m, ctrlS)
	got := cmd().(SavedTouchpointMsg).Touchpoint.Metrics
	if len(got) != 1 || got[0].Name != "NPS" {
		t.Fatalf("metrics after delete = %#v", got)
	}
	m, _ = press(t, m, ctrlN)
	m = typeText(t, m, "open rate")
	_, cmd = press(t, m, ctrlS)
	got = cmd().(SavedTouchpointMsg).Touchpoint.Metrics
	if len(got) != 2 || got[1].Name != "open rate" || got[1].Direction != model.Up || got[1].Target != nil {
		t.Fatalf("metrics after add = %#v", got)
	}
}

func TestDropdownKeys(t *testing.T) {
	m := NewTouchpoint(model.NewTouchpoint("A"), testSuggestions(), testStyles())
	m = tabTo(t, m, "channel")
	m = typeText(t, m, "stor")
	// down enters the dropdown, up leaves it, and up again leaves the field.
	m, _ = press(t, m, down, up)
	if focused(m) != "channel" || m.fields[m.focus].sug.idx != -1 {
		t.Fatalf("up did not return to typing (focus %q)", focused(m))
	}
	m, _ = press(t, m, down, tab) // tab takes the highlighted suggestion
	if focused(m) != "channel" || m.fields[m.focus].input.Value() != "store" {
		t.Fatalf("tab did not accept: focus %q value %q", focused(m), m.fields[m.focus].input.Value())
	}
	if m.fields[m.focus].sug.open() {
		t.Error("dropdown still open after accepting")
	}
	m, _ = press(t, m, tab)
	if focused(m) != "kind" {
		t.Errorf("second tab went to %q, want kind", focused(m))
	}
}

func TestListReorderAndNavigate(t *testing.T) {
	tp := model.NewTouchpoint("A")
	tp.PainPoints = model.ListOf("one", "two", "three")
	m := NewTouchpoint(tp, testSuggestions(), testStyles())
	m = tabTo(t, m, "pain_points")
	shiftDown := tea.KeyPressMsg{Code: tea.KeyDown, Mod: tea.ModShift}
	// From the add line: up to "three", up to "two", up to "one", move it down twice.
	m, _ = press(t, m, up, up, up, shiftDown, shiftDown)
	if got := m.fields[m.focus].items; !reflect.DeepEqual(got, []string{"two", "three", "one"}) {
		t.Fatalf("items = %v", got)
	}
	scr := screen(m, 80, 40)
	if !strings.Contains(scr, "▸ one") {
		t.Errorf("cursor row not marked:\n%s", scr)
	}
	// down from the last item reaches the add line, down again the next field.
	m, _ = press(t, m, down, down)
	if focused(m) != "opportunities" {
		t.Errorf("focus %q, want opportunities", focused(m))
	}
	// Editing an item down to nothing removes it.
	m, _ = press(t, m, shiftTab, up, enter)
	for range 3 {
		m, _ = press(t, m, tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	m, _ = press(t, m, enter)
	_, cmd := press(t, m, ctrlS)
	if got := cmd().(SavedTouchpointMsg).Touchpoint.PainPoints; !reflect.DeepEqual(got.Items(), []string{"two", "three"}) {
		t.Errorf("pain points = %v", got)
	}
}

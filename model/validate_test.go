package model

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	long := strings.Repeat("é", MaxNameLen+1)
	tests := []struct {
		name string
		edit func(m *Map)
		want []string // every error, in order
	}{
		{"valid", func(m *Map) {}, nil},
		{"score 7", func(m *Map) { m.Phases[1].Touchpoints[0].Emotion.Score = 7 }, []string{"phases[1].touchpoints[0].emotion.score: must be 1–5, got 7"}},
		{"score 0", func(m *Map) { m.Phases[0].Touchpoints[1].Emotion.Score = 0 }, []string{"phases[0].touchpoints[1].emotion.score: must be 1–5, got 0"}},
		{"empty title", func(m *Map) { m.Title = " \t" }, []string{"title: must not be empty"}},
		{"empty phase name", func(m *Map) { m.Phases[2].Name = "" }, []string{"phases[2].name: must not be empty"}},
		{"empty touchpoint name", func(m *Map) { m.Phases[0].Touchpoints[0].Name = "\n" }, []string{"phases[0].touchpoints[0].name: must not be empty"}},
		{"bad kind", func(m *Map) { m.Phases[0].Touchpoints[0].Kind = "virtual" }, []string{`phases[0].touchpoints[0].kind: must be digital, physical or hybrid, got "virtual"`}},
		{"empty kind", func(m *Map) { m.Phases[0].Touchpoints[0].Kind = "" }, []string{`phases[0].touchpoints[0].kind: must be digital, physical or hybrid, got ""`}},
		{"bad direction", func(m *Map) { m.Phases[1].Touchpoints[0].Metrics[1].Direction = "" }, []string{`phases[1].touchpoints[0].metrics[1].direction: must be up or down, got ""`}},
		{"NaN target", func(m *Map) { m.Phases[0].Touchpoints[0].Metrics[0].Target = Float(math.NaN()) }, []string{"phases[0].touchpoints[0].metrics[0].target: must be a finite number"}},
		{"Inf current", func(m *Map) { m.Phases[0].Touchpoints[0].Metrics[0].Current = Float(math.Inf(-1)) }, []string{"phases[0].touchpoints[0].metrics[0].current: must be a finite number"}},
		{"empty metric name", func(m *Map) { m.Phases[0].Touchpoints[0].Metrics[0].Name = "" }, []string{"phases[0].touchpoints[0].metrics[0].name: must not be empty"}},
		{"empty list item", func(m *Map) { m.Phases[0].Touchpoints[0].Motivations = ListOf("ok", " ") }, []string{"phases[0].touchpoints[0].motivations[1]: must not be empty"}},
		{"empty label", func(m *Map) { m.Phases[0].Touchpoints[0].Emotion.Labels = ListOf("") }, []string{"phases[0].touchpoints[0].emotion.labels[0]: must not be empty"}},
		{"too long name", func(m *Map) { m.Phases[0].Touchpoints[1].Name = long }, []string{"phases[0].touchpoints[1].name: is 10001 characters long, at most 10000 allowed"}},
		{"10,000 characters is fine", func(m *Map) { m.Phases[0].Touchpoints[1].Name = long[2:] }, nil},
		{"too long notes", func(m *Map) { m.Notes = strings.Repeat("x", MaxTextLen+1) }, []string{"notes: is 100001 characters long, at most 100000 allowed"}},
		{"several", func(m *Map) {
			m.Title = ""
			m.Phases[1].Touchpoints[0].Emotion.Score = 9
			m.Phases[1].Touchpoints[0].Thoughts = ListOf("")
		}, []string{"title: must not be empty", "phases[1].touchpoints[0].emotion.score: must be 1–5, got 9", "phases[1].touchpoints[0].thoughts[0]: must not be empty"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := sampleMap()
			tt.edit(m)
			err := m.Validate()
			if tt.want == nil {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			var ve ValidationErrors
			if !errors.As(err, &ve) {
				t.Fatalf("want ValidationErrors, got %T %v", err, err)
			}
			var got []string
			for _, fe := range ve {
				got = append(got, fe.Error())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestValidationErrorsMessage(t *testing.T) {
	m := sampleMap()
	m.Title = ""
	m.Phases[0].Name = ""
	m.Phases[1].Name = ""
	if got, want := m.Validate().Error(), "title: must not be empty (and 2 more)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got := (ValidationErrors{}).Error(); got != "valid" {
		t.Errorf("empty ValidationErrors = %q", got)
	}
}

func TestPartValidators(t *testing.T) {
	if err := (Metric{Name: "m", Direction: Down}).Validate(); err != nil {
		t.Error(err)
	}
	if err := (Metric{Name: "m"}).Validate(); err == nil || err.Error() != `direction: must be up or down, got ""` {
		t.Errorf("Metric.Validate = %v", err)
	}
	if err := (Phase{Name: "p", Touchpoints: []Touchpoint{{Name: "t", Kind: KindHybrid, Emotion: Emotion{Score: 6}}}}).Validate(); err == nil ||
		err.Error() != "touchpoints[0].emotion.score: must be 1–5, got 6" {
		t.Errorf("Phase.Validate = %v", err)
	}
	if err := (MapInfo{}).Validate(); err == nil || err.Error() != "title: must not be empty" {
		t.Errorf("MapInfo.Validate = %v", err)
	}
}

func TestFieldErrorPrefix(t *testing.T) {
	fe := &FieldError{Path: "phases[2].name", Msg: "must not be empty"}
	if got := fe.Prefix("map").Error(); got != "map.phases[2].name: must not be empty" {
		t.Errorf("Prefix = %q", got)
	}
	if fe.Path != "phases[2].name" {
		t.Error("Prefix changed the original")
	}
	if got := (&FieldError{Msg: "bad"}).Prefix("map").Error(); got != "map: bad" {
		t.Errorf("Prefix of pathless = %q", got)
	}
	if got := (&FieldError{Msg: "bad"}).Error(); got != "bad" {
		t.Errorf("pathless Error = %q", got)
	}
}

func TestFirstFieldError(t *testing.T) {
	m := sampleMap()
	m.Phases[0].Name = ""
	if fe, ok := FirstFieldError(m.Validate()); !ok || fe.Path != "phases[0].name" {
		t.Errorf("FirstFieldError = %v %v", fe, ok)
	}
	wrapped := errors.Join(errors.New("x"), &FieldError{Path: "p", Msg: "m"})
	if fe, ok := FirstFieldError(wrapped); !ok || fe.Path != "p" {
		t.Errorf("FirstFieldError(wrapped) = %v %v", fe, ok)
	}
	if _, ok := FirstFieldError(errors.New("plain")); ok {
		t.Error("a plain error has no field")
	}
	if _, ok := FirstFieldError(nil); ok {
		t.Error("nil has no field")
	}
}

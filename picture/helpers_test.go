package picture

import (
	"encoding/json"
	"os"
	"testing"

	"journeymap/model"
)

// loadTemplate reads a template JSON (the interchange format of DESIGN.md)
// from testdata with a tiny reader, so the test needs no storage package.
func loadTemplate(t testing.TB, name string) *model.Map {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Map struct {
			Title   string `json:"title"`
			Persona struct {
				Name        string `json:"name"`
				Description string `json:"description"`
			} `json:"persona"`
			Goal   string `json:"goal"`
			Notes  string `json:"notes"`
			Phases []struct {
				Name        string `json:"name"`
				Description string `json:"description"`
				Touchpoints []struct {
					Name        string `json:"name"`
					Description string `json:"description"`
					Channel     string `json:"channel"`
					Kind        string `json:"kind"`
					Owner       string `json:"owner"`
					Emotion     struct {
						Score  int      `json:"score"`
						Labels []string `json:"labels"`
					} `json:"emotion"`
					Motivations   []string `json:"motivations"`
					Thoughts      []string `json:"thoughts"`
					PainPoints    []string `json:"pain_points"`
					Opportunities []string `json:"opportunities"`
					Backstage     []string `json:"backstage"`
					Metrics       []struct {
						Name      string   `json:"name"`
						Unit      string   `json:"unit"`
						Target    *float64 `json:"target"`
						Current   *float64 `json:"current"`
						Direction string   `json:"direction"`
					} `json:"metrics"`
					Notes string `json:"notes"`
				} `json:"touchpoints"`
			} `json:"phases"`
		} `json:"map"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	j := doc.Map
	m := &model.Map{MapInfo: model.MapInfo{Title: j.Title, Persona: model.Persona{Name: j.Persona.Name, Description: j.Persona.Description}, Goal: j.Goal, Notes: j.Notes}}
	for _, jp := range j.Phases {
		p := model.Phase{Name: jp.Name, Description: jp.Description}
		for _, jt := range jp.Touchpoints {
			tp := model.Touchpoint{
				Name: jt.Name, Description: jt.Description, Channel: jt.Channel, Kind: model.Kind(jt.Kind), Owner: jt.Owner,
				Emotion:     model.Emotion{Score: jt.Emotion.Score, Labels: model.ListOf(jt.Emotion.Labels...)},
				Motivations: model.ListOf(jt.Motivations...), Thoughts: model.ListOf(jt.Thoughts...), PainPoints: model.ListOf(jt.PainPoints...),
				Opportunities: model.ListOf(jt.Opportunities...), Backstage: model.ListOf(jt.Backstage...), Notes: jt.Notes,
			}
			for _, jm := range jt.Metrics {
				tp.Metrics = append(tp.Metrics, model.Metric{Name: jm.Name, Unit: jm.Unit, Target: jm.Target, Current: jm.Current, Direction: model.Direction(jm.Direction)})
			}
			p.Touchpoints = append(p.Touchpoints, tp)
		}
		m.Phases = append(m.Phases, p)
	}
	return m
}

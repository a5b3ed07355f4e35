package testmap

import (
	"fmt"
	"math/rand/v2"

	"journeymap/model"
)

// Generate builds a deterministic map of the given size for benchmarks and
// stress tests: every touchpoint carries two motivations and three metrics,
// as a large real map would.
func Generate(phases, touchpoints int) *model.Map {
	r := rand.New(rand.NewPCG(uint64(phases), uint64(touchpoints)))
	m := &model.Map{MapInfo: model.MapInfo{
		Title:   fmt.Sprintf("Generated map (%d touchpoints)", touchpoints),
		Persona: model.Persona{Name: "Sam", Description: "A busy customer"},
		Goal:    "Get the job done",
	}}
	if phases <= 0 {
		return m
	}
	m.Phases = make([]model.Phase, phases)
	for i := range m.Phases {
		m.Phases[i] = model.Phase{Name: fmt.Sprintf("Phase %d", i+1), Description: "A stage of the journey"}
	}
	for i := 0; i < touchpoints; i++ {
		p := &m.Phases[i*phases/max(touchpoints, 1)]
		t := model.Touchpoint{
			Name:        fmt.Sprintf("Touchpoint %d", i+1),
			Description: "Where the customer meets the business",
			Channel:     model.Channels[r.IntN(len(model.Channels))],
			Kind:        model.Kinds[r.IntN(len(model.Kinds))],
			Owner:       "Team " + string(rune('A'+r.IntN(6))),
			Emotion:     model.Emotion{Score: 1 + r.IntN(5), Labels: model.ListOf(model.EmotionLabels[r.IntN(len(model.EmotionLabels))])},
			Motivations: model.ListOf("Save time", "Feel confident about the choice"),
			Thoughts:    model.ListOf("Is this worth it?"),
			PainPoints:  model.ListOf("Too many steps"),
			Notes:       "Generated",
		}
		for k := 0; k < 3; k++ {
			dir := model.Up
			if k == 2 {
				dir = model.Down
			}
			t.Metrics = append(t.Metrics, model.Metric{
				Name:      model.MetricNames[r.IntN(len(model.MetricNames))],
				Unit:      "%",
				Target:    model.Float(float64(50 + r.IntN(50))),
				Current:   model.Float(float64(r.IntN(100))),
				Direction: dir,
			})
		}
		p.Touchpoints = append(p.Touchpoints, t)
	}
	return m
}

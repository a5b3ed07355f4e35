package testmap

import (
	"fmt"
	"math/rand/v2"

	"journeymap/model"
)

// Sentences the dense map's descriptions, notes and lists are drawn from:
// the length and punctuation of what people type into the sample map.
var (
	denseDescriptions = []string{
		"The customer compares plans on the pricing page. They look for the catch before they commit.",
		"A confirmation e-mail arrives within a minute, with the order number and a delivery window.",
		"The courier rings twice and leaves a card when nobody answers.",
		"Support answers the chat in under five minutes; the agent can see the last order.",
		"The box is opened on the kitchen table. Everything in it is recyclable, and says so.",
	}
	denseMotivations = []string{"Save time", "Feel confident about the choice", "Avoid surprises on the bill", "Get it right the first time", "Be treated as a regular"}
	denseThoughts    = []string{"Is this worth it?", "Where do I click now?", "That was quicker than I thought.", "Why do they need my phone number?", "I hope it arrives before Friday."}
	densePains       = []string{"Too many steps", "Delivery window is vague", "Prices shown without tax", "Has to repeat the order number", "No way to change the address"}
	denseOpps        = []string{"Show the total up front", "Send a live tracking link", "Remember the last choice", "Offer a call back", "Let them pause instead of cancel"}
	denseBackstage   = []string{"CRM tags the lead", "Warehouse picks within the hour", "Billing runs the card at dispatch", "Agent sees the order history", "Courier API posts status updates"}
)

// Dense builds a deterministic map as dense as the sample map: every list
// holds two or three items, every touchpoint three metrics, and descriptions
// and notes are a sentence or two. It is what export and rendering budgets
// are measured on (Dense(40, 10000)).
func Dense(phases, touchpoints int) *model.Map {
	r := rand.New(rand.NewPCG(uint64(phases)+1, uint64(touchpoints)+7))
	pick := func(from []string) model.List {
		n := 2 + r.IntN(2)
		out := make([]string, n)
		start := r.IntN(len(from))
		for i := range out {
			out[i] = from[(start+i)%len(from)]
		}
		return model.ListOf(out...)
	}
	m := &model.Map{MapInfo: model.MapInfo{
		Title: fmt.Sprintf("Dense map (%d touchpoints)", touchpoints),
		Persona: model.Persona{Name: "Priya, 34, team lead",
			Description: "Orders for a team of eight. Short on time, careful with the budget."},
		Goal:  "Order a month of coffee for the office without a call to sales.",
		Notes: "Generated for benchmarks. Every list holds two or three items.",
	}}
	if phases <= 0 {
		return m
	}
	m.Phases = make([]model.Phase, phases)
	for i := range m.Phases {
		m.Phases[i] = model.Phase{Name: fmt.Sprintf("Phase %d", i+1),
			Description: "A stage of the journey. The customer moves on when the step is done."}
	}
	for i := 0; i < touchpoints; i++ {
		p := &m.Phases[i*phases/max(touchpoints, 1)]
		labels := pick(model.EmotionLabels)
		t := model.Touchpoint{
			Name:          fmt.Sprintf("Touchpoint %d", i+1),
			Description:   denseDescriptions[r.IntN(len(denseDescriptions))],
			Channel:       model.Channels[r.IntN(len(model.Channels))],
			Kind:          model.Kinds[r.IntN(len(model.Kinds))],
			Owner:         "Team " + string(rune('A'+r.IntN(6))),
			Emotion:       model.Emotion{Score: 1 + r.IntN(5), Labels: labels},
			Motivations:   pick(denseMotivations),
			Thoughts:      pick(denseThoughts),
			PainPoints:    pick(densePains),
			Opportunities: pick(denseOpps),
			Backstage:     pick(denseBackstage),
			Notes:         "Seen in the March interviews. Check again after the redesign.",
		}
		t.Metrics = make([]model.Metric, 3)
		for k := range t.Metrics {
			dir := model.Up
			if k == 2 {
				dir = model.Down
			}
			mt := model.Metric{Name: model.MetricNames[r.IntN(len(model.MetricNames))], Unit: "%", Direction: dir}
			if r.IntN(4) > 0 {
				mt.Target = model.Float(float64(50 + r.IntN(50)))
			}
			if r.IntN(4) > 0 {
				mt.Current = model.Float(float64(r.IntN(100)) + 0.5*float64(r.IntN(2)))
			}
			t.Metrics[k] = mt
		}
		p.Touchpoints = append(p.Touchpoints, t)
	}
	return m
}

package present

import "journeymap/model"

// testMap is a small coffee-shop journey with every field presentation mode
// shows.
func testMap() *model.Map {
	tp := func(name, channel string, kind model.Kind, score int, labels, motivations []string) model.Touchpoint {
		return model.Touchpoint{Name: name, Channel: channel, Kind: kind,
			Emotion: model.Emotion{Score: score, Labels: model.ListOf(labels...)}, Motivations: model.ListOf(motivations...)}
	}
	return &model.Map{
		MapInfo: model.MapInfo{Title: "Coffee shop", Persona: model.Persona{Name: "Sam", Description: "Commuter, buys a flat white on the way to the train"}, Goal: "Coffee in hand before the 8:12"},
		Phases: []model.Phase{
			{Name: "Discovery", Description: "How people find the shop", Touchpoints: []model.Touchpoint{
				tp("Instagram post", "social media", model.KindDigital, 4, []string{"curious"}, []string{"find a cosy place"}),
				tp("Street sign", "in person", model.KindPhysical, 3, nil, nil),
			}},
			{Name: "Purchase", Description: "Ordering at the counter", Touchpoints: []model.Touchpoint{
				withThought(tp("Queue", "store", model.KindPhysical, 1, []string{"impatient", "annoyed"}, []string{"get coffee fast", "not miss the train"}),
					"Why is only one barista working?"),
				tp("Card payment", "store", model.KindHybrid, 4, []string{"relieved"}, []string{"pay without cash"}),
				tp("Loyalty app scan", "app", model.KindDigital, 2, []string{"confused"}, []string{"collect a stamp"}),
			}},
			{Name: "Loyalty", Touchpoints: []model.Touchpoint{
				tp("Free tenth coffee", "app", model.KindDigital, 5, []string{"delighted"}, []string{"feel valued"}),
			}},
			{Name: "Farewell"},
		},
	}
}

func withThought(t model.Touchpoint, thought string) model.Touchpoint {
	t.Thoughts = t.Thoughts.Append(thought)
	return t
}

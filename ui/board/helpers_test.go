package board

import "journeymap/model"

func tp(name, channel string, kind model.Kind, score int) model.Touchpoint {
	t := model.NewTouchpoint(name)
	t.Channel, t.Kind, t.Emotion.Score = channel, kind, score
	return t
}

// sampleMap is a small coffee-shop journey with a dip in the middle.
func sampleMap() *model.Map {
	order := tp("Order at the counter while the queue grows", "store", model.KindPhysical, 2)
	order.PainPoints = model.ListOf("Long queue", "Menu unclear")
	order.Metrics = []model.Metric{
		{Name: "wait time", Unit: "min", Target: model.Float(3), Current: model.Float(7), Direction: model.Down},
		{Name: "CSAT", Unit: "%", Target: model.Float(80), Current: model.Float(85), Direction: model.Up},
	}
	return &model.Map{
		MapInfo: model.MapInfo{Title: "Coffee shop"},
		Phases: []model.Phase{
			{Name: "Discovery", Touchpoints: []model.Touchpoint{
				tp("Sees the sign", "street", model.KindPhysical, 4),
				tp("Reads reviews", "review site", model.KindDigital, 3),
			}},
			{Name: "Purchase", Touchpoints: []model.Touchpoint{
				tp("Walks in", "store", model.KindPhysical, 4),
				order,
				tp("Pays by phone", "app", model.KindHybrid, 3),
			}},
			{Name: "Experience"},
			{Name: "Loyalty", Touchpoints: []model.Touchpoint{
				tp("Stamp card", "packaging", model.KindPhysical, 5),
			}},
		},
	}
}

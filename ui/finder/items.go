package finder

import (
	"strings"

	"journeymap/model"
	"journeymap/ui/theme"
)

// Sep separates the fields of an Item's Text. The name comes first, so the
// part before the first Sep is what ranking treats as the name.
const Sep = " · "

// MapRef is the Ref of an item built by MapItems: the map the touchpoint
// lives in and where it sits in that map.
type MapRef struct {
	MapID int64
	Ref   model.Ref
}

// TouchpointItems returns one item per touchpoint of mp in journey order.
// Text holds the name, channel, emotion labels, motivations, pain points and
// metric names joined by Sep (empty fields left out); Detail is the phase;
// Ref is the touchpoint's model.Ref.
func TouchpointItems(mp *model.Map) []Item {
	if mp == nil {
		return nil
	}
	items := make([]Item, 0, mp.TouchpointCount())
	var b strings.Builder
	for pi, p := range mp.Phases {
		for ti := range p.Touchpoints {
			items = append(items, Item{
				Text:   touchpointText(&b, &p.Touchpoints[ti]),
				Detail: p.Name,
				Ref:    model.Ref{Phase: pi, Index: ti},
			})
		}
	}
	return items
}

// MapItems returns one item per touchpoint of every map, for a search across
// a whole file. Detail is "map title · phase"; Ref is a MapRef.
func MapItems(maps []*model.Map) []Item {
	n := 0
	for _, mp := range maps {
		if mp != nil {
			n += mp.TouchpointCount()
		}
	}
	items := make([]Item, 0, n)
	var b strings.Builder
	for _, mp := range maps {
		if mp == nil {
			continue
		}
		for pi, p := range mp.Phases {
			detail := mp.Title + Sep + p.Name
			for ti := range p.Touchpoints {
				items = append(items, Item{
					Text:   touchpointText(&b, &p.Touchpoints[ti]),
					Detail: detail,
					Ref:    MapRef{MapID: mp.ID, Ref: model.Ref{Phase: pi, Index: ti}},
				})
			}
		}
	}
	return items
}

// touchpointText joins the searchable fields of t, each cleaned of control
// characters so the text drawn is exactly the text matched.
func touchpointText(b *strings.Builder, t *model.Touchpoint) string {
	b.Reset()
	add := func(s string) {
		s = strings.TrimSpace(theme.Clean(s))
		if s == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteString(Sep)
		}
		b.WriteString(s)
	}
	name := strings.TrimSpace(theme.Clean(t.Name))
	if name == "" {
		name = "(unnamed)"
	}
	b.WriteString(name)
	add(t.Channel)
	for _, s := range t.Emotion.Labels {
		add(s)
	}
	for _, s := range t.Motivations {
		add(s)
	}
	for _, s := range t.PainPoints {
		add(s)
	}
	for _, m := range t.Metrics {
		add(m.Name)
	}
	return b.String()
}

package finder

import (
	"strings"

	"journeymap/model"
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
// Its fields are every text of the touchpoint: name, description, channel,
// owner, emotion labels, motivations, thoughts, pain points, opportunities,
// backstage, metric names and notes (empty ones left out); Text joins them
// with Sep. Detail is the phase; Ref is the touchpoint's model.Ref.
func TouchpointItems(mp *model.Map) []Item {
	if mp == nil {
		return nil
	}
	items := make([]Item, 0, mp.TouchpointCount())
	for pi, p := range mp.Phases {
		for ti := range p.Touchpoints {
			fs := touchpointFields(&p.Touchpoints[ti])
			items = append(items, Item{
				Text:   joinFields(fs),
				Detail: p.Name,
				Ref:    model.Ref{Phase: pi, Index: ti},
				Fields: fs,
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
	for _, mp := range maps {
		if mp == nil {
			continue
		}
		for _, it := range TouchpointItems(mp) {
			it.Detail = mp.Title + Sep + it.Detail
			it.Ref = MapRef{MapID: mp.ID, Ref: it.Ref.(model.Ref)}
			items = append(items, it)
		}
	}
	return items
}

// Field labels, as a result names the field its match lies in.
const (
	LabelName        = "name"
	LabelDescription = "description"
	LabelChannel     = "channel"
	LabelOwner       = "owner"
	LabelLabel       = "emotion"
	LabelMotivation  = "motivation"
	LabelThought     = "thought"
	LabelPainPoint   = "pain point"
	LabelOpportunity = "opportunity"
	LabelBackstage   = "backstage"
	LabelMetric      = "metric"
	LabelNotes       = "notes"
)

// touchpointFields lists the searchable texts of t, the name first.
func touchpointFields(t *model.Touchpoint) []Field {
	n := 5 + len(t.Emotion.Labels) + len(t.Motivations) + len(t.Thoughts) + len(t.PainPoints) +
		len(t.Opportunities) + len(t.Backstage) + len(t.Metrics)
	fs := make([]Field, 0, n)
	add := func(label, s string) {
		if strings.TrimSpace(s) != "" {
			fs = append(fs, Field{Label: label, Text: s})
		}
	}
	fs = append(fs, Field{Label: LabelName, Text: t.Name})
	add(LabelChannel, t.Channel)
	for _, s := range t.Emotion.Labels {
		add(LabelLabel, s)
	}
	for _, s := range t.Motivations {
		add(LabelMotivation, s)
	}
	for _, s := range t.PainPoints {
		add(LabelPainPoint, s)
	}
	for _, m := range t.Metrics {
		add(LabelMetric, m.Name)
	}
	for _, s := range t.Thoughts {
		add(LabelThought, s)
	}
	for _, s := range t.Opportunities {
		add(LabelOpportunity, s)
	}
	for _, s := range t.Backstage {
		add(LabelBackstage, s)
	}
	add(LabelOwner, t.Owner)
	add(LabelDescription, t.Description)
	add(LabelNotes, t.Notes)
	return fs
}

// joinFields is the Text of an item made of fs, as NewIndex builds it.
func joinFields(fs []Field) string {
	e := fieldEntry(Item{Fields: fs})
	return e.text()
}

// MapIndex is the search index of one map, kept across edits: building
// it again after an edit prepares only the touchpoints that changed (by ID
// and revision, and their phase's name), so the search after each save of
// a 10,000-touchpoint map costs a few milliseconds, not a whole new index.
//
// Entries share the map's strings, so they are reused only for the same
// *model.Map, which edits change in place: an entry of a map read again
// from the file would keep the old map's texts alive beside the new ones.
type MapIndex struct {
	*Index
	src  *model.Map
	keys []indexKey // per entry, what it was built from
	at   map[int64]int
}

type indexKey struct {
	id, rev int64
	detail  string
}

// NewMapIndex indexes mp's touchpoints in journey order, reusing prev's
// entries for the touchpoints that did not change. ref says what a result
// refers to (ChosenMsg carries it).
func NewMapIndex(mp *model.Map, prev *MapIndex, ref func(t *model.Touchpoint) any) *MapIndex {
	n := mp.TouchpointCount()
	x := &MapIndex{Index: &Index{items: make([]entry, 0, n)}, src: mp, keys: make([]indexKey, 0, n), at: make(map[int64]int, n)}
	if prev != nil && prev.src != mp {
		prev = nil
	}
	for _, p := range mp.Phases {
		detail := model.CleanTerminal(p.Name)
		for ti := range p.Touchpoints {
			t := &p.Touchpoints[ti]
			k := indexKey{id: t.ID, rev: t.Rev, detail: detail}
			var e entry
			if i, ok := prev.lookup(k); ok && t.ID != 0 {
				e = prev.items[i]
			} else {
				e = fieldEntry(Item{Fields: touchpointFields(t)})
				e.detail = detail
				e.finish()
			}
			e.ref = ref(t)
			x.at[t.ID] = len(x.items)
			x.items = append(x.items, e)
			x.keys = append(x.keys, k)
		}
	}
	return x
}

func (x *MapIndex) lookup(k indexKey) (int, bool) {
	if x == nil {
		return 0, false
	}
	i, ok := x.at[k.id]
	if !ok || x.keys[i] != k {
		return 0, false
	}
	return i, true
}

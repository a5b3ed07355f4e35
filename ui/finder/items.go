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

// Labels as the index keeps them.
var (
	nameLabel        = internLabel(LabelName)
	descriptionLabel = internLabel(LabelDescription)
	channelLabel     = internLabel(LabelChannel)
	ownerLabel       = internLabel(LabelOwner)
	emotionLabel     = internLabel(LabelLabel)
	motivationLabel  = internLabel(LabelMotivation)
	thoughtLabel     = internLabel(LabelThought)
	painPointLabel   = internLabel(LabelPainPoint)
	opportunityLabel = internLabel(LabelOpportunity)
	backstageLabel   = internLabel(LabelBackstage)
	metricLabel      = internLabel(LabelMetric)
	notesLabel       = internLabel(LabelNotes)
)

// eachText calls f with every searchable text of t and its label, the name
// first, blank ones too: touchpointFields and touchpointParts both list
// them from here, so an index that reads a touchpoint on demand finds what
// one built from its Items does.
func eachText(t *model.Touchpoint, f func(l label, s string)) {
	f(nameLabel, t.Name)
	f(channelLabel, t.Channel)
	for _, s := range t.Emotion.Labels.All() {
		f(emotionLabel, s)
	}
	for _, s := range t.Motivations.All() {
		f(motivationLabel, s)
	}
	for _, s := range t.PainPoints.All() {
		f(painPointLabel, s)
	}
	for i := range t.Metrics {
		f(metricLabel, t.Metrics[i].Name)
	}
	for _, s := range t.Thoughts.All() {
		f(thoughtLabel, s)
	}
	for _, s := range t.Opportunities.All() {
		f(opportunityLabel, s)
	}
	for _, s := range t.Backstage.All() {
		f(backstageLabel, s)
	}
	f(ownerLabel, t.Owner)
	f(descriptionLabel, t.Description)
	f(notesLabel, t.Notes)
}

// touchpointFields lists the searchable texts of t, the name first.
func touchpointFields(t *model.Touchpoint) []Field {
	n := 5 + t.Emotion.Labels.Len() + t.Motivations.Len() + t.Thoughts.Len() + t.PainPoints.Len() +
		t.Opportunities.Len() + t.Backstage.Len() + len(t.Metrics)
	fs := make([]Field, 0, n)
	eachText(t, func(l label, s string) {
		if l == nameLabel || strings.TrimSpace(s) != "" {
			fs = append(fs, Field{Label: l.String(), Text: s})
		}
	})
	return fs
}

// cleanTouchpoint reports whether every text of t is as theme.Clean leaves
// it, so its fields are its trimmed texts (appendTouchpointParts).
func cleanTouchpoint(t *model.Touchpoint) bool {
	clean := true
	eachText(t, func(_ label, s string) {
		clean = clean && theme.Clean(s) == s
	})
	return clean
}

// appendTouchpointParts appends the fields fieldEntry would make of
// touchpointFields(t), for a touchpoint whose texts are clean. It walks
// them in eachText's order itself, without a call per text: a search lists
// the fields of thousands of entries a keystroke. TestMapIndexEntriesMatchItems
// and FuzzMapEntry hold the two to the same fields.
func appendTouchpointParts(ps parts, t *model.Touchpoint) parts {
	pl := partList{ps: ps}
	pl.add(nameLabel, touchpointName(t))
	pl.trim(channelLabel, t.Channel)
	for _, s := range t.Emotion.Labels.All() {
		pl.trim(emotionLabel, s)
	}
	for _, s := range t.Motivations.All() {
		pl.trim(motivationLabel, s)
	}
	for _, s := range t.PainPoints.All() {
		pl.trim(painPointLabel, s)
	}
	for i := range t.Metrics {
		pl.trim(metricLabel, t.Metrics[i].Name)
	}
	for _, s := range t.Thoughts.All() {
		pl.trim(thoughtLabel, s)
	}
	for _, s := range t.Opportunities.All() {
		pl.trim(opportunityLabel, s)
	}
	for _, s := range t.Backstage.All() {
		pl.trim(backstageLabel, s)
	}
	pl.trim(ownerLabel, t.Owner)
	pl.trim(descriptionLabel, t.Description)
	pl.trim(notesLabel, t.Notes)
	return pl.ps
}

// touchpointName is the first field of a clean touchpoint.
func touchpointName(t *model.Touchpoint) string {
	if s := strings.TrimSpace(t.Name); s != "" {
		return s
	}
	return unnamed
}

// touchpointEntry prepares t for searching: read from t on demand when its
// texts are clean, which they nearly always are (the editor cleans what it
// saves), and otherwise from cleaned copies.
func touchpointEntry(t *model.Touchpoint, detail string, buf *parts) entry {
	var e entry
	if cleanTouchpoint(t) {
		e = entry{tp: t, labeled: true}
	} else {
		e = fieldEntry(Item{Fields: touchpointFields(t)})
	}
	e.detail = detail
	e.finish(buf)
	return e
}

// joinFields is the Text of an item made of fs, as NewIndex builds it.
func joinFields(fs []Field) string {
	e := fieldEntry(Item{Fields: fs})
	return e.text()
}

// MapIndex is the search index of one map, kept across edits: building
// it again after an edit prepares only the touchpoints that changed (by ID
// and revision, and their phase's name).
//
// Entries read the map's touchpoints, so they are reused only for the same
// *model.Map, which edits change in place; a reused entry is pointed at
// where its touchpoint is now. An index is never changed once built, but
// the map it reads is: one built before an edit must not be searched after
// it (build a new one; see finder.Model.SetIndex).
type MapIndex struct {
	*Index
	src  *model.Map
	keys []indexKey // per entry, what it was built from
}

type indexKey struct{ id, rev int64 }

// NewMapIndex indexes mp's touchpoints in journey order, reusing prev's
// entries for the touchpoints that did not change. ref says what a result
// refers to (ChosenMsg carries it).
func NewMapIndex(mp *model.Map, prev *MapIndex, ref func(t *model.Touchpoint) any) *MapIndex {
	n := mp.TouchpointCount()
	x := &MapIndex{Index: &Index{items: make([]entry, 0, n)}, src: mp, keys: make([]indexKey, 0, n)}
	if prev != nil && prev.src != mp {
		prev = nil
	}
	var at map[int64]int // prev's entries by ID, once one is out of place
	var buf parts
	for _, p := range mp.Phases {
		detail := model.CleanTerminal(p.Name)
		for ti := range p.Touchpoints {
			t := &p.Touchpoints[ti]
			k := indexKey{id: t.ID, rev: t.Rev}
			var e entry
			if i, ok := prev.lookup(len(x.items), k, &at); ok && t.ID != 0 && prev.items[i].detail == detail {
				e = prev.items[i]
				if e.tp != nil {
					e.tp = t
				}
			} else {
				e = touchpointEntry(t, detail, &buf)
			}
			e.ref = ref(t)
			x.items = append(x.items, e)
			x.keys = append(x.keys, k)
		}
	}
	return x
}

// Of reports whether x indexes mp.
func (x *MapIndex) Of(mp *model.Map) bool { return x.src == mp }

// lookup finds the entry built from k: where the new index puts it, as
// after most edits, or else by ID in *at, built at the first miss.
func (x *MapIndex) lookup(pos int, k indexKey, at *map[int64]int) (int, bool) {
	if x == nil {
		return 0, false
	}
	if pos < len(x.keys) && x.keys[pos].id == k.id {
		return pos, x.keys[pos] == k
	}
	if *at == nil {
		*at = make(map[int64]int, len(x.keys))
		for i, k := range x.keys {
			(*at)[k.id] = i
		}
	}
	i, ok := (*at)[k.id]
	if !ok || x.keys[i] != k {
		return 0, false
	}
	return i, true
}

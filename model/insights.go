package model

import (
	"cmp"
	"maps"
	"slices"
	"strings"
)

// InsightsTop is how many rows Report keeps in its ranked lists (lowest
// scores, steepest drops); the unranked lists hold every match.
const InsightsTop = 10

// Report is what Insights finds in a map: where the journey hurts, where it
// falls, and what is missing. Rows carry Refs so a screen can jump to the
// touchpoint. All orderings are deterministic.
type Report struct {
	// Counts of the whole map.
	Phases      int
	Touchpoints int
	Metrics     int
	OnTarget    int // metrics meeting their target
	OffTargets  int // metrics missing their target (len(OffTarget))
	NoData      int // metrics without both a target and a current value
	// MeanEmotion is the mean score of all touchpoints; HasMean is false
	// when the map has none.
	MeanEmotion float64
	HasMean     bool

	// Lowest holds up to InsightsTop touchpoints scored below neutral (the
	// moments that hurt), lowest first, ties in journey order. A touchpoint
	// the customer feels fine about is not listed just to fill the top ten.
	Lowest []TouchpointRow
	// Drops holds up to InsightsTop falls in score between consecutive
	// touchpoints in journey order (across phase boundaries), steepest
	// first, ties in journey order. Only real falls (Size > 0) count.
	Drops []Drop
	// PhaseMeans has one row per phase, in map order.
	PhaseMeans []PhaseMean
	// WithoutMetrics lists every touchpoint with no metric, in journey order.
	WithoutMetrics []TouchpointRow
	// OffTarget lists every metric missing its target, in journey order.
	OffTarget []MetricRow
	// EmptyPhases lists every phase without touchpoints, in map order.
	EmptyPhases []PhaseRow
	// Channels counts touchpoints per channel, most used first, ties by
	// name; touchpoints without a channel count under "".
	Channels []Count
	// Kinds counts touchpoints per kind, in the order of Kinds, zeros
	// included.
	Kinds []Count
	// Votes are the map's closed dot-voting rounds, as Map.Votes.
	Votes []Vote
}

// TouchpointRow names one touchpoint in a report.
type TouchpointRow struct {
	Ref   Ref
	Phase string // the phase's name
	Name  string
	Score int
}

// Drop is a fall in score from one touchpoint to the next.
type Drop struct {
	From, To TouchpointRow
	Size     int // From.Score - To.Score, > 0
}

// PhaseMean is the mean emotion of one phase.
type PhaseMean struct {
	Phase       int // index in the map
	Name        string
	Touchpoints int
	Mean        float64
	HasMean     bool // false for a phase without touchpoints
}

// MetricRow names one metric of one touchpoint.
type MetricRow struct {
	Touchpoint TouchpointRow
	Index      int // index of the metric in the touchpoint's Metrics
	Metric     Metric
}

// PhaseRow names one phase.
type PhaseRow struct {
	Phase int
	Name  string
}

// Count is how many touchpoints share a channel or kind.
type Count struct {
	Name  string
	Count int
}

// Insights computes m's Report in one pass over its touchpoints; the ranked
// lists are kept to InsightsTop entries as it goes, so the cost stays linear
// in the size of the map.
func Insights(m *Map) Report {
	b := NewInsights(m.Votes)
	for pi := range m.Phases {
		b.Add(pi, &m.Phases[pi])
	}
	return b.Report()
}

// InsightsBuilder computes a Report phase by phase, for a map read a few
// phases at a time (an export streamed from the file): Add every phase in
// journey order, then take the Report.
type InsightsBuilder struct {
	r        Report
	channels map[string]int
	kinds    map[Kind]int
	sum      int
	prev     TouchpointRow
	havePrev bool
}

// NewInsights starts the Report of a map with the given closed votes.
func NewInsights(votes []Vote) *InsightsBuilder {
	return &InsightsBuilder{r: Report{Votes: votes}, channels: map[string]int{}, kinds: map[Kind]int{}}
}

// Add takes the map's phase pi, complete. It keeps copies of the few
// strings the Report needs (names, metric names and units), not the phase:
// a phase streamed from the file has its texts cut from a few large
// strings, which a kept name would otherwise keep alive to the end of the
// export.
func (b *InsightsBuilder) Add(pi int, p *Phase) {
	r := &b.r
	r.Phases++
	r.Touchpoints += len(p.Touchpoints)
	phaseName := strings.Clone(p.Name)
	pm := PhaseMean{Phase: pi, Name: phaseName, Touchpoints: len(p.Touchpoints)}
	pm.Mean, pm.HasMean = p.MeanEmotion()
	r.PhaseMeans = append(r.PhaseMeans, pm)
	if len(p.Touchpoints) == 0 {
		r.EmptyPhases = append(r.EmptyPhases, PhaseRow{Phase: pi, Name: phaseName})
	}
	// The off-target rows' copies of the metric values share one
	// allocation per phase, sized by a first count.
	off := 0
	for ti := range p.Touchpoints {
		for mi := range p.Touchpoints[ti].Metrics {
			if p.Touchpoints[ti].Metrics[mi].Status() == OffTarget {
				off++
			}
		}
	}
	var values []float64
	if off > 0 {
		r.OffTarget = slices.Grow(r.OffTarget, off)
		values = make([]float64, 2*off)
	}
	for ti := range p.Touchpoints {
		t := &p.Touchpoints[ti]
		row := TouchpointRow{Ref: Ref{pi, ti}, Phase: phaseName, Name: t.Name, Score: t.Emotion.Score}
		// The row is kept when it is listed, or when it may rank (most
		// touchpoints of a large map do neither): then it owns its name.
		if row.Score < NeutralScore || len(t.Metrics) == 0 || b.havePrev && b.prev.Score > row.Score || hasOffTarget(t) {
			row.Name = strings.Clone(row.Name)
		}
		// Rows arrive in journey order, so inserting after equals keeps
		// ties in journey order.
		if row.Score < NeutralScore {
			r.Lowest = insertTop(r.Lowest, row, func(a, b TouchpointRow) bool { return a.Score < b.Score })
		}
		if b.havePrev && b.prev.Score > row.Score {
			d := Drop{From: b.prev, To: row, Size: b.prev.Score - row.Score}
			d.From.Name = strings.Clone(d.From.Name)
			r.Drops = insertTop(r.Drops, d, func(a, b Drop) bool { return a.Size > b.Size })
		}
		b.prev, b.havePrev = row, true
		b.sum += t.Emotion.Score
		b.channels[t.Channel]++
		b.kinds[t.Kind]++
		if len(t.Metrics) == 0 {
			r.WithoutMetrics = append(r.WithoutMetrics, row)
		}
		for mi := range t.Metrics {
			mt := &t.Metrics[mi]
			r.Metrics++
			switch mt.Status() {
			case OnTarget:
				r.OnTarget++
			case OffTarget:
				// Off target means both values are set.
				c := *mt
				c.Name, c.Unit = strings.Clone(c.Name), strings.Clone(c.Unit)
				values[0], values[1] = *mt.Target, *mt.Current
				c.Target, c.Current, values = &values[0], &values[1], values[2:]
				r.OffTarget = append(r.OffTarget, MetricRow{Touchpoint: row, Index: mi, Metric: c})
			default:
				r.NoData++
			}
		}
	}
}

func hasOffTarget(t *Touchpoint) bool {
	for mi := range t.Metrics {
		if t.Metrics[mi].Status() == OffTarget {
			return true
		}
	}
	return false
}

// Report returns the Report of the phases added.
func (b *InsightsBuilder) Report() Report {
	r := b.r
	if r.PhaseMeans == nil {
		r.PhaseMeans = []PhaseMean{} // one row per phase, even for none
	}
	r.OffTargets = len(r.OffTarget)
	if r.Touchpoints > 0 {
		r.MeanEmotion, r.HasMean = float64(b.sum)/float64(r.Touchpoints), true
	}
	for name, n := range b.channels {
		r.Channels = append(r.Channels, Count{Name: name, Count: n})
	}
	slices.SortFunc(r.Channels, func(a, b Count) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	})
	kinds := maps.Clone(b.kinds)
	for _, k := range Kinds {
		r.Kinds = append(r.Kinds, Count{Name: string(k), Count: kinds[k]})
		delete(kinds, k)
	}
	// Kinds outside the vocabulary only exist in unvalidated maps; they are
	// still counted so the figures add up.
	var odd []Count
	for k, n := range kinds {
		odd = append(odd, Count{Name: string(k), Count: n})
	}
	slices.SortFunc(odd, func(a, b Count) int { return cmp.Compare(a.Name, b.Name) })
	r.Kinds = append(r.Kinds, odd...)
	return r
}

// insertTop inserts v into top, which is sorted by less and holds at most
// InsightsTop items, after any items it does not rank before.
func insertTop[T any](top []T, v T, less func(a, b T) bool) []T {
	i := len(top)
	for i > 0 && less(v, top[i-1]) {
		i--
	}
	if i >= InsightsTop {
		return top
	}
	if len(top) < InsightsTop {
		top = append(top, v)
	}
	copy(top[i+1:], top[i:len(top)-1])
	top[i] = v
	return top
}

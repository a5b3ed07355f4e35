package picture

import (
	"fmt"
	"math"
	"strconv"

	"journeymap/model"
)

// column is one column of the picture: a touchpoint, or a group of
// touchpoints (a phase, a run of phases or a run of one phase's touchpoints)
// when the map is too large to give each its own.
type column struct {
	phase    int    // index in m.Phases; -1 for a group of several phases
	badge    string // touchpoint number, "" for a group
	name     string
	sub      string // channel, or how many touchpoints a group holds
	score    float64
	hasScore bool
	group    bool   // an aggregate of several (or zero) touchpoints
	lowest   string // a group's lowest touchpoint, "Name (score)"
	pain     string // the first pain point; a group's most frequent
	opp      string // the first opportunity; a group's most frequent
	empty    bool   // an empty phase's placeholder
}

// aggColumns is the most columns an aggregated picture draws: a group's
// column carries more text (its lowest touchpoint, its range) than a
// touchpoint's, so it gets twice the width.
const aggColumns = MaxColumns / 2

// band is a phase (or a group of phases) across columns [from, to).
type band struct {
	name     string
	phase    int // -1 for a group of phases
	from, to int
}

type layout struct {
	cols  []column
	bands []band
	focus int    // phase index highlighted, -1 for none
	note  string // shown at the foot when the picture aggregates
}

// plan decides the columns: one per touchpoint when they fit, else one per
// phase (or per run of phases, or per run of one phase's touchpoints).
func plan(m *model.Map, o Options, f *fonts) layout {
	l := layout{focus: o.Phase - 1}
	n := m.TouchpointCount()
	need := 0 // columns if every touchpoint gets one; an empty phase takes one
	for _, p := range m.Phases {
		need += max(1, len(p.Touchpoints))
	}
	switch {
	case need <= MaxColumns:
		num := 0
		for pi := range m.Phases {
			num = l.addTouchpoints(m, pi, 0, len(m.Phases[pi].Touchpoints), num, f)
		}
	case o.Phase == 0 && len(m.Phases) <= aggColumns:
		for pi := range m.Phases {
			ph := &m.Phases[pi]
			l.bands = append(l.bands, band{name: f.clean(ph.Name), phase: pi, from: len(l.cols), to: len(l.cols) + 1})
			l.cols = append(l.cols, group(f, pi, ph.Name, ph.Touchpoints, m.Phases[pi:pi+1]))
		}
		l.note = fmt.Sprintf("%s touchpoints: aggregated by phase — use --phase to see one phase", thousands(n))
	case o.Phase == 0:
		k := (len(m.Phases) + aggColumns - 1) / aggColumns
		for from := 0; from < len(m.Phases); from += k {
			to := min(from+k, len(m.Phases))
			var tps []model.Touchpoint
			cnt := 0
			for _, p := range m.Phases[from:to] {
				cnt += len(p.Touchpoints)
			}
			tps = make([]model.Touchpoint, 0, cnt)
			for _, p := range m.Phases[from:to] {
				tps = append(tps, p.Touchpoints...)
			}
			name := fmt.Sprintf("Phases %d–%d", from+1, to)
			if to-from == 1 {
				name = m.Phases[from].Name
			}
			c := group(f, -1, name, tps, m.Phases[from:to])
			l.bands = append(l.bands, band{name: f.clean(name), phase: -1, from: len(l.cols), to: len(l.cols) + 1})
			l.cols = append(l.cols, c)
		}
		l.note = fmt.Sprintf("%s touchpoints in %d phases: aggregated in groups of %d phases — use --phase to see one phase", thousands(n), len(m.Phases), k)
	default:
		// One phase of a large map, alone.
		pi := o.Phase - 1
		ph := &m.Phases[pi]
		first := 0
		for _, p := range m.Phases[:pi] {
			first += len(p.Touchpoints)
		}
		if len(ph.Touchpoints) <= MaxColumns {
			l.addTouchpoints(m, pi, 0, len(ph.Touchpoints), first, f)
			l.note = fmt.Sprintf("Phase %d of %d alone: the map has %s touchpoints", o.Phase, len(m.Phases), thousands(n))
		} else {
			k := (len(ph.Touchpoints) + aggColumns - 1) / aggColumns
			l.bands = append(l.bands, band{name: f.clean(ph.Name), phase: pi, from: 0})
			for from := 0; from < len(ph.Touchpoints); from += k {
				to := min(from+k, len(ph.Touchpoints))
				name := fmt.Sprintf("%d–%d", first+from+1, first+to)
				if to-from == 1 {
					name = strconv.Itoa(first + from + 1)
				}
				c := group(f, pi, name, ph.Touchpoints[from:to], nil)
				c.badge, c.sub = name, c.name
				c.name = f.clean(ph.Touchpoints[from].Name)
				if to-from > 1 {
					c.name = shortRange(f, ph.Touchpoints[from].Name, ph.Touchpoints[to-1].Name)
				}
				l.cols = append(l.cols, c)
			}
			l.bands[0].to = len(l.cols)
			l.note = fmt.Sprintf("Phase %d of %d alone: %s touchpoints aggregated in groups of %d", o.Phase, len(m.Phases), thousands(len(ph.Touchpoints)), k)
		}
	}
	return l
}

// addTouchpoints adds one column per touchpoint [from, to) of phase pi (or
// a placeholder for an empty phase) and its band; num counts touchpoints in
// journey order and is returned advanced.
func (l *layout) addTouchpoints(m *model.Map, pi, from, to, num int, f *fonts) int {
	ph := &m.Phases[pi]
	b := band{name: f.clean(ph.Name), phase: pi, from: len(l.cols)}
	if len(ph.Touchpoints) == 0 {
		l.cols = append(l.cols, column{phase: pi, name: "no touchpoints", empty: true})
	}
	for ti := from; ti < to; ti++ {
		t := &ph.Touchpoints[ti]
		num++
		c := column{
			phase: pi, badge: strconv.Itoa(num), name: f.clean(t.Name), sub: f.clean(t.Channel),
			score: float64(model.ClampScore(t.Emotion.Score)), hasScore: true,
		}
		if t.PainPoints.Len() > 0 {
			c.pain = f.clean(t.PainPoints.At(0))
		}
		if t.Opportunities.Len() > 0 {
			c.opp = f.clean(t.Opportunities.At(0))
		}
		l.cols = append(l.cols, c)
	}
	b.to = len(l.cols)
	l.bands = append(l.bands, b)
	return num
}

// group aggregates touchpoints into one column: mean score, count, the
// lowest touchpoint and the most frequent pain point and opportunity.
func group(f *fonts, pi int, name string, tps []model.Touchpoint, phases []model.Phase) column {
	// The band above names the phase(s); the column says how many.
	c := column{phase: pi, name: thousands(len(tps)) + " touchpoints", group: true}
	if len(tps) == 1 {
		c.name = "1 touchpoint"
	}
	if len(tps) == 0 {
		c.empty = true
		return c
	}
	sum, low := 0, 0
	for i := range tps {
		s := model.ClampScore(tps[i].Emotion.Score)
		sum += s
		if s < model.ClampScore(tps[low].Emotion.Score) {
			low = i
		}
	}
	c.score, c.hasScore = float64(sum)/float64(len(tps)), true
	c.lowest = fmt.Sprintf("%s (%d)", f.clean(tps[low].Name), model.ClampScore(tps[low].Emotion.Score))
	_ = phases
	c.pain = f.clean(mostFrequent(tps, func(t *model.Touchpoint) model.List { return t.PainPoints }))
	c.opp = f.clean(mostFrequent(tps, func(t *model.Touchpoint) model.List { return t.Opportunities }))
	return c
}

// mostFrequent returns the text that occurs most often in the lists, ties
// going to the first seen.
func mostFrequent(tps []model.Touchpoint, list func(*model.Touchpoint) model.List) string {
	counts := map[string]int{}
	best, bestN := "", 0
	for i := range tps {
		for _, s := range list(&tps[i]).All() {
			if s == "" {
				continue
			}
			counts[s]++
			if n := counts[s]; n > bestN {
				best, bestN = s, n
			}
		}
	}
	return best
}

func shortRange(f *fonts, a, b string) string {
	return f.clean(a) + " – " + f.clean(b)
}

// thousands writes n with thin separators: 10,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 || len(s) <= 3 {
		return s
	}
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}

func roundScore(v float64) int { return model.ClampScore(int(math.Round(v))) }

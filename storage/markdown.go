package storage

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"journeymap/model"
)

// mdFaces and mdBars show a score in Markdown, for slides: an emoji face and
// a block of a height that grows with the score (a text sparkline).
var (
	mdFaces = [6]string{"", "😠", "🙁", "😐", "🙂", "😄"}
	mdBars  = [6]string{"", "▁", "▃", "▄", "▆", "█"}
	mdWords = [6]string{"", "very negative", "negative", "neutral", "positive", "very positive"}
)

func mdScore(s int) int { return min(max(s, model.MinScore), model.MaxScore) }

// WriteMarkdown writes m as a GitHub-flavoured Markdown document for people
// and slides: the title, persona and goal; the emotional curve as a table;
// one section per phase with every touchpoint and all its fields; an
// Insights section (model.Insights); and the Mermaid journey diagram in a
// fenced block. All user text is escaped (see mdInline and mdBlock), so no
// name can break a heading, a table, a list or the diagram fence.
func WriteMarkdown(w io.Writer, m *model.Map) error {
	if m == nil {
		return errors.New("export markdown: no map")
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	md := mdWriter{w: bw}
	md.header(m)
	md.curve(m)
	for i := range m.Phases {
		md.phase(i, &m.Phases[i])
	}
	md.insights(model.Insights(m))
	md.line("## Diagram")
	md.line("")
	md.line("```mermaid")
	writeMermaid(bw, m, "")
	md.line("```")
	return bw.Flush() // bufio keeps the first write error; Flush reports it
}

type mdWriter struct{ w *bufio.Writer }

func (md mdWriter) line(parts ...string) {
	for _, p := range parts {
		md.w.WriteString(p)
	}
	md.w.WriteByte('\n')
}

// orNone returns the escaped text, or a placeholder for a blank one so a
// heading or cell is never empty.
func mdOrNone(s, placeholder string) string {
	if e := mdInline(s); e != "" {
		return e
	}
	return placeholder
}

func (md mdWriter) header(m *model.Map) {
	md.line("# ", mdOrNone(m.Title, "Untitled map"))
	md.line("")
	if name, desc := mdInline(m.Persona.Name), mdBlock(m.Persona.Description); name != "" || desc != "" {
		sep := ""
		if name != "" && desc != "" {
			sep = " — "
		}
		md.line("**Persona:** ", name, sep, desc)
		md.line("")
	}
	if g := mdBlock(m.Goal); g != "" {
		md.line("**Goal:** ", g)
		md.line("")
	}
	if n := mdBlock(m.Notes); n != "" {
		md.line(n)
		md.line("")
	}
}

func mdFace(score int) string {
	s := mdScore(score)
	return fmt.Sprintf("%d %s", score, mdFaces[s])
}

func (md mdWriter) curve(m *model.Map) {
	md.line("## Emotional curve")
	md.line("")
	if m.TouchpointCount() == 0 {
		md.line("No touchpoints yet.")
		md.line("")
		return
	}
	var spark strings.Builder
	for _, p := range m.Phases {
		if spark.Len() > 0 {
			spark.WriteString(" │ ")
		}
		if len(p.Touchpoints) == 0 {
			spark.WriteString("·") // an empty phase still shows where it sits
		}
		for _, t := range p.Touchpoints {
			spark.WriteString(mdBars[mdScore(t.Emotion.Score)])
		}
	}
	md.line("Journey, phase by phase (1 very negative … 5 very positive): ", spark.String())
	md.line("")
	md.line("| # | Phase | Touchpoint | Score | Curve |")
	md.line("|---:|---|---|---|---|")
	n := 0
	for _, p := range m.Phases {
		phase := mdOrNone(p.Name, "—")
		for _, t := range p.Touchpoints {
			n++
			s := mdScore(t.Emotion.Score)
			md.line("| ", strconv.Itoa(n), " | ", phase, " | ", mdOrNone(t.Name, "(untitled)"), " | ",
				mdFace(t.Emotion.Score), " | ", strings.Repeat("●", s), strings.Repeat("○", model.MaxScore-s), " |")
		}
	}
	md.line("")
}

func (md mdWriter) phase(i int, p *model.Phase) {
	md.line("## ", mdOrNone(p.Name, fmt.Sprintf("Phase %d", i+1)))
	md.line("")
	if d := mdBlock(p.Description); d != "" {
		md.line(d)
		md.line("")
	}
	if len(p.Touchpoints) == 0 {
		md.line("No touchpoints in this phase yet.")
		md.line("")
		return
	}
	if mean, ok := p.MeanEmotion(); ok {
		md.line(fmt.Sprintf("%d touchpoints · mean emotion %.1f %s", len(p.Touchpoints), mean, mdFaces[mdScore(int(math.Round(mean)))]))
		md.line("")
	}
	for k := range p.Touchpoints {
		md.touchpoint(&p.Touchpoints[k])
	}
}

func (md mdWriter) touchpoint(t *model.Touchpoint) {
	md.line("### ", mdOrNone(t.Name, "(untitled)"))
	md.line("")
	if d := mdBlock(t.Description); d != "" {
		md.line(d)
		md.line("")
	}
	s := mdScore(t.Emotion.Score)
	emotion := fmt.Sprintf("%d/5 %s %s", t.Emotion.Score, mdFaces[s], mdWords[s])
	if len(t.Emotion.Labels) > 0 {
		labels := make([]string, len(t.Emotion.Labels))
		for i, l := range t.Emotion.Labels {
			labels[i] = mdInline(l)
		}
		emotion += " — " + strings.Join(labels, ", ")
	}
	md.line("- **Emotion:** ", emotion)
	md.line("- **Channel:** ", mdOrNone(t.Channel, "—"))
	md.line("- **Kind:** ", mdOrNone(string(t.Kind), "—"))
	md.line("- **Owner:** ", mdOrNone(t.Owner, "—"))
	md.line("")
	md.list("Motivations", t.Motivations)
	md.list("Thoughts", t.Thoughts)
	md.list("Pain points", t.PainPoints)
	md.list("Opportunities", t.Opportunities)
	md.list("Backstage", t.Backstage)
	if len(t.Metrics) > 0 {
		md.line("**Metrics**")
		md.line("")
		md.line("| Metric | Unit | Target | Current | Status | Direction |")
		md.line("|---|---|---:|---:|---|---|")
		for _, mt := range t.Metrics {
			md.line("| ", mdOrNone(mt.Name, "—"), " | ", mdOrNone(mt.Unit, "—"), " | ", mdNum(mt.Target), " | ",
				mdNum(mt.Current), " | ", mdStatus(mt.Status()), " | ", mdDirection(mt.Direction), " |")
		}
		md.line("")
	}
	if n := mdBlock(t.Notes); n != "" {
		md.line("**Notes:** ", n)
		md.line("")
	}
}

func (md mdWriter) list(title string, items []string) {
	if len(items) == 0 {
		return
	}
	md.line("**", title, "**")
	md.line("")
	for _, it := range items {
		md.line("- ", mdOrNone(it, "—"))
	}
	md.line("")
}

// num formats a metric value as people write numbers: no exponent for
// everyday sizes, "—" when there is none.
func mdNum(v *float64) string {
	if v == nil {
		return "—"
	}
	if a := math.Abs(*v); a != 0 && (a >= 1e15 || a < 1e-6) {
		return strconv.FormatFloat(*v, 'g', -1, 64)
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

func mdStatus(s model.MetricStatus) string {
	switch s {
	case model.OnTarget:
		return "✅ on target"
	case model.OffTarget:
		return "❌ off target"
	}
	return "no data"
}

func mdDirection(d model.Direction) string {
	switch d {
	case model.Up:
		return "↑ higher is better"
	case model.Down:
		return "↓ lower is better"
	}
	return mdOrNone(string(d), "—")
}

func (md mdWriter) rowName(r model.TouchpointRow) string {
	return mdOrNone(r.Name, "(untitled)") + " (" + mdOrNone(r.Phase, "—") + ")"
}

func (md mdWriter) insights(r model.Report) {
	md.line("## Insights")
	md.line("")
	at := fmt.Sprintf("%d phases · %d touchpoints · %d metrics (%d on target, %d off target, %d without data)",
		r.Phases, r.Touchpoints, r.Metrics, r.OnTarget, r.OffTargets, r.NoData)
	if r.HasMean {
		at += fmt.Sprintf(" · mean emotion %.1f", r.MeanEmotion)
	}
	md.line(at)
	md.line("")

	md.line("### Lowest-scored touchpoints")
	md.line("")
	if len(r.Lowest) == 0 {
		md.line("None.")
	} else {
		md.line("| Touchpoint | Phase | Score |")
		md.line("|---|---|---|")
		for _, row := range r.Lowest {
			md.line("| ", mdOrNone(row.Name, "(untitled)"), " | ", mdOrNone(row.Phase, "—"), " | ", mdFace(row.Score), " |")
		}
	}
	md.line("")

	md.line("### Steepest drops")
	md.line("")
	if len(r.Drops) == 0 {
		md.line("None: the curve never falls.")
	} else {
		md.line("| From | To | Drop |")
		md.line("|---|---|---:|")
		for _, d := range r.Drops {
			md.line("| ", md.rowName(d.From), " ", mdFace(d.From.Score), " | ", md.rowName(d.To), " ", mdFace(d.To.Score), " | −", strconv.Itoa(d.Size), " |")
		}
	}
	md.line("")

	md.line("### Mean emotion per phase")
	md.line("")
	if len(r.PhaseMeans) == 0 {
		md.line("None.")
	} else {
		md.line("| Phase | Touchpoints | Mean |")
		md.line("|---|---:|---|")
		for _, pm := range r.PhaseMeans {
			mean := "—"
			if pm.HasMean {
				mean = fmt.Sprintf("%.1f %s", pm.Mean, mdFaces[mdScore(int(math.Round(pm.Mean)))])
			}
			md.line("| ", mdOrNone(pm.Name, "—"), " | ", strconv.Itoa(pm.Touchpoints), " | ", mean, " |")
		}
	}
	md.line("")

	md.line("### Touchpoints without metrics")
	md.line("")
	if len(r.WithoutMetrics) == 0 {
		md.line("None: every touchpoint has a metric.")
	}
	for _, row := range r.WithoutMetrics {
		md.line("- ", md.rowName(row))
	}
	md.line("")

	md.line("### Metrics off target")
	md.line("")
	if len(r.OffTarget) == 0 {
		md.line("None.")
	} else {
		md.line("| Touchpoint | Metric | Target | Current | Direction |")
		md.line("|---|---|---:|---:|---|")
		for _, row := range r.OffTarget {
			unit := ""
			if u := mdInline(row.Metric.Unit); u != "" {
				unit = " " + u
			}
			md.line("| ", md.rowName(row.Touchpoint), " | ", mdOrNone(row.Metric.Name, "—"), " | ", mdNum(row.Metric.Target), unit,
				" | ", mdNum(row.Metric.Current), unit, " | ", mdDirection(row.Metric.Direction), " |")
		}
	}
	md.line("")

	md.line("### Phases without touchpoints")
	md.line("")
	if len(r.EmptyPhases) == 0 {
		md.line("None.")
	}
	for _, p := range r.EmptyPhases {
		md.line("- ", mdOrNone(p.Name, fmt.Sprintf("Phase %d", p.Phase+1)))
	}
	md.line("")

	md.mix("Channel mix", "Channel", r.Channels, r.Touchpoints, "(no channel)")
	md.mix("Kind mix", "Kind", r.Kinds, r.Touchpoints, "—")
}

func (md mdWriter) mix(title, col string, counts []model.Count, total int, blank string) {
	md.line("### ", title)
	md.line("")
	if total == 0 {
		md.line("None.")
		md.line("")
		return
	}
	md.line("| ", col, " | Touchpoints | Share |")
	md.line("|---|---:|---:|")
	for _, c := range counts {
		md.line("| ", mdOrNone(c.Name, blank), " | ", strconv.Itoa(c.Count), " | ",
			strconv.Itoa(int(math.Round(100*float64(c.Count)/float64(total)))), "% |")
	}
	md.line("")
}

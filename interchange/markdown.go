package interchange

import (
	"bufio"
	"errors"
	"io"
	"math"
	"strconv"

	"journeymap/model"
)

// mdFaces, mdBars and mdDots show a score in Markdown, for slides: an emoji
// face, a block whose height grows with the score (a text sparkline), and
// dots; model.ScoreWord names it.
var (
	mdFaces = [6]string{"", "😠", "🙁", "😐", "🙂", "😄"}
	mdBars  = [6]string{"", "▁", "▃", "▄", "▆", "█"}
	mdDots  = [6]string{"", "●○○○○", "●●○○○", "●●●○○", "●●●●○", "●●●●●"}
)

// WriteMarkdown writes m as a GitHub-flavoured Markdown document for people
// and slides: the title, persona and goal; the emotional curve as a
// sparkline and a table; one section per phase with every touchpoint and all
// its fields; an Insights section (model.Insights); and the Mermaid journey
// diagram in a fenced block. All user text is escaped (see mdInline and
// mdBlock), so no name can break a heading, a table, a list or the fence.
func WriteMarkdown(w io.Writer, m *model.Map) error {
	if m == nil {
		return errors.New("export markdown: no map")
	}
	return StreamMarkdown(w, FromMap(m, true))
}

// StreamMarkdown writes src as WriteMarkdown writes its map: the curve and
// the diagram from the outline, the phases as they come, and the insights
// gathered on the way (model.InsightsBuilder).
func StreamMarkdown(w io.Writer, src Source) error {
	md := mdWriter{w: bufio.NewWriterSize(w, 64<<10)}
	md.header(src.Head)
	md.curve(src.Outline)
	ins := model.NewInsights(src.Head.Votes)
	err := src.Phases(func(i int, p *model.Phase) error {
		md.phase(i, p)
		ins.Add(i, p)
		return nil
	})
	if err != nil {
		return err
	}
	md.votes(src.Head)
	md.insights(ins.Report())
	md.s("## Diagram\n\n```mermaid\n")
	writeMermaid(md.w, src.Head, src.Outline, "")
	md.s("```\n")
	return md.w.Flush() // bufio keeps the first write error; Flush reports it
}

// mdWriter streams Markdown. Write errors are sticky in the bufio.Writer and
// reported once by Flush, so the methods do not return them.
type mdWriter struct{ w *bufio.Writer }

// s writes literal Markdown.
func (md mdWriter) s(parts ...string) {
	for _, p := range parts {
		md.w.WriteString(p)
	}
}

// in writes user text escaped for inline use, or placeholder (literal) when
// the text is blank, so a heading or cell is never empty.
func (md mdWriter) in(text, placeholder string) {
	b := appendInline(md.w.AvailableBuffer(), text)
	if len(b) == 0 {
		md.w.WriteString(placeholder)
		return
	}
	md.w.Write(b)
}

// block writes multi-line user text as paragraphs, then a blank line; it
// writes nothing for blank text. lead (literal) goes before the text.
func (md mdWriter) block(lead, text string) {
	b := appendBlock(md.w.AvailableBuffer(), text)
	if len(b) == 0 {
		return
	}
	if lead != "" {
		// The escaped text sits in the buffer's free space, which the lead
		// would overwrite: write the lead, then escape again.
		md.s(lead)
		b = appendBlock(md.w.AvailableBuffer(), text)
	}
	md.w.Write(b)
	md.s("\n\n")
}

func (md mdWriter) int(n int) { md.w.Write(strconv.AppendInt(md.w.AvailableBuffer(), int64(n), 10)) }

// mean writes a mean score with one decimal and its face.
func (md mdWriter) mean(v float64) {
	md.w.Write(strconv.AppendFloat(md.w.AvailableBuffer(), v, 'f', 1, 64))
	md.s(" ", mdFaces[model.ClampScore(int(math.Round(v)))])
}

// face writes a score and its face ("4 🙂").
func (md mdWriter) face(score int) {
	md.int(score)
	md.s(" ", mdFaces[model.ClampScore(score)])
}

func (md mdWriter) header(m *model.Map) {
	md.s("# ")
	md.in(m.Title, "Untitled map")
	md.s("\n\n")
	name, desc := mdInline(m.Persona.Name), mdBlock(m.Persona.Description)
	if name != "" || desc != "" {
		sep := ""
		if name != "" && desc != "" {
			sep = " — "
		}
		md.s("**Persona:** ", name, sep, desc, "\n\n")
	}
	md.block("**Goal:** ", m.Goal)
	md.block("", m.Notes)
}

func (md mdWriter) curve(m *model.Outline) {
	md.s("## Emotional curve\n\n")
	if m.TouchpointCount() == 0 {
		md.s("No touchpoints yet.\n\n")
		return
	}
	md.s("Journey, phase by phase (1 ", model.ScoreWord(model.MinScore), " … 5 ", model.ScoreWord(model.MaxScore), "): ")
	for i, p := range m.Phases {
		if i > 0 {
			md.s(" │ ")
		}
		if len(p.Touchpoints) == 0 {
			md.s("·") // an empty phase still shows where it sits
		}
		for _, t := range p.Touchpoints {
			md.s(mdBars[model.ClampScore(t.Score)])
		}
	}
	md.s("\n\n| # | Phase | Touchpoint | Score | Curve |\n|---:|---|---|---|---|\n")
	n := 0
	for _, p := range m.Phases {
		for _, t := range p.Touchpoints {
			n++
			md.s("| ")
			md.int(n)
			md.s(" | ")
			md.in(p.Name, "—")
			md.s(" | ")
			md.in(t.Name, "(untitled)")
			md.s(" | ")
			md.face(t.Score)
			md.s(" | ", mdDots[model.ClampScore(t.Score)], " |\n")
		}
	}
	md.s("\n")
}

func (md mdWriter) phase(i int, p *model.Phase) {
	md.s("## ")
	md.in(p.Name, "Phase "+strconv.Itoa(i+1))
	md.s("\n\n")
	md.block("", p.Description)
	mean, ok := p.MeanEmotion()
	if !ok {
		md.s("No touchpoints in this phase yet.\n\n")
		return
	}
	md.int(len(p.Touchpoints))
	md.s(" touchpoints · mean emotion ")
	md.mean(mean)
	md.s("\n\n")
	for k := range p.Touchpoints {
		md.touchpoint(&p.Touchpoints[k])
	}
}

func (md mdWriter) touchpoint(t *model.Touchpoint) {
	md.s("### ")
	md.in(t.Name, "(untitled)")
	md.s("\n\n")
	md.block("", t.Description)
	s := model.ClampScore(t.Emotion.Score)
	md.s("- **Emotion:** ")
	md.int(t.Emotion.Score)
	md.s("/5 ", mdFaces[s], " ", model.ScoreWord(s))
	for i, l := range t.Emotion.Labels.All() {
		if i == 0 {
			md.s(" — ")
		} else {
			md.s(", ")
		}
		md.in(l, "—")
	}
	md.s("\n- **Channel:** ")
	md.in(t.Channel, "—")
	md.s("\n- **Kind:** ")
	md.in(string(t.Kind), "—")
	md.s("\n- **Owner:** ")
	md.in(t.Owner, "—")
	md.s("\n\n")
	md.list("Motivations", t.Motivations)
	md.list("Thoughts", t.Thoughts)
	md.list("Pain points", t.PainPoints)
	md.list("Opportunities", t.Opportunities)
	md.list("Backstage", t.Backstage)
	if len(t.Metrics) > 0 {
		md.s("**Metrics**\n\n| Metric | Unit | Target | Current | Status | Direction |\n|---|---|---:|---:|---|---|\n")
		for i := range t.Metrics {
			mt := &t.Metrics[i]
			md.s("| ")
			md.in(mt.Name, "—")
			md.s(" | ")
			md.in(mt.Unit, "—")
			md.s(" | ")
			md.num(mt.Target, "")
			md.s(" | ")
			md.num(mt.Current, "")
			md.s(" | ", mdStatus(mt.Status()), " | ")
			md.direction(mt.Direction)
			md.s(" |\n")
		}
		md.s("\n")
	}
	md.block("**Notes:** ", t.Notes)
}

func (md mdWriter) list(title string, items model.List) {
	if items == (model.List{}) {
		return
	}
	md.s("**", title, "**\n\n")
	for _, it := range items.All() {
		md.s("- ")
		md.in(it, "—")
		md.s("\n")
	}
	md.s("\n")
}

// num writes a metric value as people write numbers (no exponent for
// everyday sizes) followed by the escaped unit if one is given, or "—".
func (md mdWriter) num(v *float64, unit string) {
	if v == nil {
		md.s("—")
		return
	}
	format := byte('f')
	if a := math.Abs(*v); a != 0 && (a >= 1e15 || a < 1e-6) {
		format = 'g'
	}
	md.w.Write(strconv.AppendFloat(md.w.AvailableBuffer(), *v, format, -1, 64))
	if model.CleanLine(unit) != "" {
		md.s(" ")
		md.in(unit, "")
	}
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

func (md mdWriter) direction(d model.Direction) {
	switch d {
	case model.Up:
		md.s("↑ higher is better")
	case model.Down:
		md.s("↓ lower is better")
	default:
		md.in(string(d), "—")
	}
}

// row writes "Touchpoint (Phase)".
func (md mdWriter) row(r model.TouchpointRow) {
	md.in(r.Name, "(untitled)")
	md.s(" (")
	md.in(r.Phase, "—")
	md.s(")")
}

func (md mdWriter) insights(r model.Report) {
	md.s("## Insights\n\n")
	md.int(r.Phases)
	md.s(" phases · ")
	md.int(r.Touchpoints)
	md.s(" touchpoints · ")
	md.int(r.Metrics)
	md.s(" metrics (")
	md.int(r.OnTarget)
	md.s(" on target, ")
	md.int(r.OffTargets)
	md.s(" off target, ")
	md.int(r.NoData)
	md.s(" without data)")
	if r.HasMean {
		md.s(" · mean emotion ")
		md.w.Write(strconv.AppendFloat(md.w.AvailableBuffer(), r.MeanEmotion, 'f', 1, 64))
	}
	md.s("\n")
	md.table("Moments that hurt (scored below neutral)", "None: no touchpoint scores below 3.",
		"| Touchpoint | Phase | Score |\n|---|---|---|\n", len(r.Lowest), func(i int) {
			row := r.Lowest[i]
			md.s("| ")
			md.in(row.Name, "(untitled)")
			md.s(" | ")
			md.in(row.Phase, "—")
			md.s(" | ")
			md.face(row.Score)
			md.s(" |\n")
		})
	md.table("Steepest drops", "None: the curve never falls.",
		"| From | To | Drop |\n|---|---|---:|\n", len(r.Drops), func(i int) {
			d := r.Drops[i]
			md.s("| ")
			md.row(d.From)
			md.s(" ")
			md.face(d.From.Score)
			md.s(" | ")
			md.row(d.To)
			md.s(" ")
			md.face(d.To.Score)
			md.s(" | −")
			md.int(d.Size)
			md.s(" |\n")
		})
	md.table("Mean emotion per phase", "None.",
		"| Phase | Touchpoints | Mean |\n|---|---:|---|\n", len(r.PhaseMeans), func(i int) {
			pm := r.PhaseMeans[i]
			md.s("| ")
			md.in(pm.Name, "—")
			md.s(" | ")
			md.int(pm.Touchpoints)
			md.s(" | ")
			if pm.HasMean {
				md.mean(pm.Mean)
			} else {
				md.s("—")
			}
			md.s(" |\n")
		})
	md.table("Touchpoints without metrics", "None: every touchpoint has a metric.", "",
		len(r.WithoutMetrics), func(i int) {
			md.s("- ")
			md.row(r.WithoutMetrics[i])
			md.s("\n")
		})
	md.table("Metrics off target", "None.",
		"| Touchpoint | Metric | Target | Current | Direction |\n|---|---|---:|---:|---|\n", len(r.OffTarget), func(i int) {
			row := r.OffTarget[i]
			md.s("| ")
			md.row(row.Touchpoint)
			md.s(" | ")
			md.in(row.Metric.Name, "—")
			md.s(" | ")
			md.num(row.Metric.Target, row.Metric.Unit)
			md.s(" | ")
			md.num(row.Metric.Current, row.Metric.Unit)
			md.s(" | ")
			md.direction(row.Metric.Direction)
			md.s(" |\n")
		})
	md.table("Phases without touchpoints", "None.", "", len(r.EmptyPhases), func(i int) {
		p := r.EmptyPhases[i]
		md.s("- ")
		md.in(p.Name, "Phase "+strconv.Itoa(p.Phase+1))
		md.s("\n")
	})
	md.s("\n")
	md.mix("Channel mix", "Channel", r.Channels, r.Touchpoints, "(no channel)")
	md.mix("Kind mix", "Kind", r.Kinds, r.Touchpoints, "—")
}

// table writes one insights section: its heading, then none when there are
// no rows, else header (a table's head, or "" for a list) and the n rows.
func (md mdWriter) table(title, none, header string, n int, row func(i int)) {
	md.s("\n### ", title, "\n\n")
	if n == 0 {
		md.s(none, "\n")
		return
	}
	md.s(header)
	for i := range n {
		row(i)
	}
}

func (md mdWriter) mix(title, col string, counts []model.Count, total int, blank string) {
	md.s("### ", title, "\n\n")
	if total == 0 {
		md.s("None.\n\n")
		return
	}
	md.s("| ", col, " | Touchpoints | Share |\n|---|---:|---:|\n")
	for _, c := range counts {
		md.s("| ")
		md.in(c.Name, blank)
		md.s(" | ")
		md.int(c.Count)
		md.s(" | ")
		md.int(int(math.Round(100 * float64(c.Count) / float64(total))))
		md.s("% |\n")
	}
	md.s("\n")
}

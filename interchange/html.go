package interchange

import (
	"bufio"
	"bytes"
	"errors"
	"html"
	"io"
	"math"
	"strconv"
	"strings"

	"journeymap/model"
	"journeymap/picture"
)

// htmlScoreCols colour a card by its score (1..5): the picture's palette.
var htmlScoreCols = [6]string{"", "#D64550", "#F08C4A", "#E3B341", "#8CC152", "#2FA862"}

// htmlScoreBg are the same colours mixed with white, for card backgrounds.
var htmlScoreBg = [6]string{"", "#FBE3E5", "#FDEBDD", "#FBF3DC", "#EDF6E2", "#DDF2E5"}

// WriteHTML writes m as one self-contained web page: the persona and goal,
// the map picture (inline SVG), the board as phase columns of cards
// coloured by score with every field, then the insights and the metrics
// off target. It has no script and loads nothing: a Content-Security-Policy
// forbids both. Print CSS lays it out on A3 landscape. Every text the user
// typed is HTML-escaped.
func WriteHTML(w io.Writer, m *model.Map, o Options) error {
	if m == nil {
		return errors.New("export html: no map")
	}
	var svg bytes.Buffer
	if err := picture.WriteSVG(&svg, m, pictureOpts(o)); err != nil {
		return err
	}
	out := &errRecorder{w: w}
	hw := htmlWriter{bufio.NewWriterSize(out, 64<<10)}
	hw.page(m, svg.Bytes())
	if err := hw.w.Flush(); err != nil {
		return err
	}
	return out.err
}

type htmlWriter struct{ w *bufio.Writer }

func (h htmlWriter) s(parts ...string) {
	for _, p := range parts {
		h.w.WriteString(p)
	}
}

// t writes user text on one line, escaped.
func (h htmlWriter) t(s string) { h.w.WriteString(html.EscapeString(model.CleanLine(s))) }

// block writes multi-line user text escaped; CSS keeps its line breaks.
func (h htmlWriter) block(class, s string) {
	s = strings.TrimSpace(model.CleanText(s))
	if s == "" {
		return
	}
	h.s(`<p class="`, class, ` pre">`, html.EscapeString(s), "</p>\n")
}

func (h htmlWriter) int(n int) { h.w.Write(strconv.AppendInt(h.w.AvailableBuffer(), int64(n), 10)) }

func (h htmlWriter) mean(v float64) {
	h.w.Write(strconv.AppendFloat(h.w.AvailableBuffer(), v, 'f', 1, 64))
}

const htmlCSS = `
:root{--ink:#1F2937;--muted:#6B7280;--rule:#E5E7EB;--pain:#8A1C2B;--opp:#1D5E36;font-family:"DejaVu Sans","Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0 auto;padding:24px 32px;max-width:1800px;line-height:1.35;font-size:15px}
h1{font-size:2.1em;margin:0 0 .2em}h2{font-size:1.5em;margin:1.4em 0 .5em;border-bottom:2px solid var(--rule);padding-bottom:.2em}
h3{font-size:1.15em;margin:0}h4{font-size:1em;margin:0 0 .25em}h5{font-size:.72em;letter-spacing:.06em;text-transform:uppercase;margin:.6em 0 .1em;color:#334155}
.who{margin:.2em 0;color:#374151}.who b{color:var(--ink)}.pre{white-space:pre-line}
figure{margin:1em 0}figure svg{display:block;width:100%;height:auto;border:1px solid var(--rule);border-radius:8px}
.phases{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(17rem,1fr);gap:14px;overflow-x:auto;align-items:start}
.phase{background:#F8FAFC;border:1px solid var(--rule);border-radius:10px;padding:10px}
.phase>.meta,.phase>.desc{color:var(--muted);font-size:.88em;margin:.2em 0 .6em}
.card{border-left:7px solid var(--c);background:var(--bg);border-radius:8px;padding:8px 10px;margin:0 0 10px;break-inside:avoid}
.card .num{display:inline-block;min-width:1.5em;padding:0 .35em;margin-right:.3em;border-radius:1em;background:#334155;color:#fff;font-size:.8em;text-align:center}
.score{font-weight:bold;margin:.1em 0}.score i{font-style:normal;font-weight:normal;color:#374151}
.facts{color:var(--muted);font-size:.88em;margin:.1em 0}
.card ul,.insights ul{margin:0;padding-left:1.2em}.card li{margin:.05em 0}
.pain h5,.pain li{color:var(--pain)}.opp h5,.opp li{color:var(--opp)}
table{border-collapse:collapse;font-size:.9em;width:100%}th,td{text-align:left;border-bottom:1px solid var(--rule);padding:3px 6px;vertical-align:top}
.card table{font-size:.82em}.off{color:var(--pain);font-weight:bold}.on{color:var(--opp)}
.insights{display:grid;grid-template-columns:repeat(auto-fit,minmax(24rem,1fr));gap:8px 28px}
.insights h3{margin:.8em 0 .3em}.wide{grid-column:1/-1}.none{color:var(--muted)}
footer{margin-top:2em;color:var(--muted);font-size:.8em}
@page{size:A3 landscape;margin:10mm}
@media print{body{max-width:none;padding:0;font-size:9.5pt}
.phases{display:block;overflow:visible}.phase{margin:0 0 4mm;padding:0;border:none;background:none;break-inside:auto}
.phase>h3{border-top:2px solid #CBD5E1;padding-top:2mm}.phase>h3,.phase>.meta,.phase>.desc{break-after:avoid}
.cards{display:grid;grid-template-columns:repeat(5,1fr);gap:3mm;align-items:start}.card{margin:0}
figure{break-after:page}h2{break-after:avoid}}
`

func (h htmlWriter) page(m *model.Map, svg []byte) {
	title := model.CleanLine(m.Title)
	if title == "" {
		title = "Untitled journey map"
	}
	h.s("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
		"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n",
		"<meta name=\"generator\" content=\"Journeymap\">\n<title>")
	h.t(title)
	h.s(" · customer journey map</title>\n<style>", htmlCSS, "</style>\n</head>\n<body>\n<header>\n<h1>")
	h.t(title)
	h.s("</h1>\n")
	if model.CleanLine(m.Persona.Name) != "" || model.CleanLine(m.Persona.Description) != "" {
		h.s(`<p class="who"><b>Persona:</b> `)
		h.t(m.Persona.Name)
		if d := model.CleanLine(m.Persona.Description); d != "" {
			if model.CleanLine(m.Persona.Name) != "" {
				h.s(" — ")
			}
			h.t(d)
		}
		h.s("</p>\n")
	}
	if model.CleanLine(m.Goal) != "" {
		h.s(`<p class="who"><b>Goal:</b> `)
		h.t(m.Goal)
		h.s("</p>\n")
	}
	h.block("who", m.Notes)
	h.s("</header>\n<figure>\n")
	h.svg(svg, title)
	h.s("</figure>\n")
	h.board(m)
	h.insights(model.Insights(m))
	h.s("<footer>Made with Journeymap.</footer>\n</body>\n</html>\n")
}

// svg inlines the picture, its fixed size replaced by a viewBox that
// scales to the page.
func (h htmlWriter) svg(svg []byte, title string) {
	end := bytes.IndexByte(svg, '>')
	if !bytes.HasPrefix(svg, []byte("<svg")) || end < 0 {
		return
	}
	h.s(`<svg viewBox="0 0 `, strconv.Itoa(picture.Width), " ", strconv.Itoa(picture.Height),
		`" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="`)
	h.t("The journey map of " + title)
	h.s(`">`)
	h.w.Write(svg[end+1:])
	h.s("\n")
}

func (h htmlWriter) board(m *model.Map) {
	h.s("<section class=\"board\">\n<h2>The journey, phase by phase</h2>\n<div class=\"phases\">\n")
	num := 0
	for pi := range m.Phases {
		p := &m.Phases[pi]
		h.s("<section class=\"phase\">\n<h3>")
		if model.CleanLine(p.Name) == "" {
			h.s("Untitled phase")
		}
		h.t(p.Name)
		h.s("</h3>\n<p class=\"meta\">Phase ")
		h.int(pi + 1)
		h.s(" · ", model.Plural(len(p.Touchpoints), "touchpoint"))
		if mean, ok := p.MeanEmotion(); ok {
			h.s(" · mean emotion ")
			h.mean(mean)
		}
		h.s("</p>\n")
		h.block("desc", p.Description)
		h.s("<div class=\"cards\">\n")
		for ti := range p.Touchpoints {
			num++
			h.card(&p.Touchpoints[ti], num)
		}
		h.s("</div>\n</section>\n")
	}
	if len(m.Phases) == 0 {
		h.s("<p class=\"none\">The map has no phases yet.</p>\n")
	}
	h.s("</div>\n</section>\n")
}

func (h htmlWriter) card(t *model.Touchpoint, num int) {
	s := model.ClampScore(t.Emotion.Score)
	h.s(`<article class="card" style="--c:`, htmlScoreCols[s], ";--bg:", htmlScoreBg[s], `">`, "\n<h4><span class=\"num\">")
	h.int(num)
	h.s("</span>")
	h.t(t.Name)
	h.s("</h4>\n<p class=\"score\">")
	h.int(t.Emotion.Score)
	h.s(" · ", model.ScoreWord(s))
	if t.Emotion.Labels.Len() > 0 {
		h.s(" <i>(")
		for i, l := range t.Emotion.Labels.All() {
			if i > 0 {
				h.s(", ")
			}
			h.t(l)
		}
		h.s(")</i>")
	}
	h.s("</p>\n")
	var facts []string
	for _, f := range [][2]string{{"Channel", t.Channel}, {"Kind", string(t.Kind)}, {"Owner", t.Owner}} {
		if v := model.CleanLine(f[1]); v != "" {
			facts = append(facts, f[0]+": "+html.EscapeString(v))
		}
	}
	if len(facts) > 0 {
		h.s(`<p class="facts">`, strings.Join(facts, " · "), "</p>\n")
	}
	h.block("desc", t.Description)
	h.list("", "Motivations", t.Motivations, false)
	h.list("", "Thoughts", t.Thoughts, true)
	h.list("pain", "Pain points", t.PainPoints, false)
	h.list("opp", "Opportunities", t.Opportunities, false)
	h.list("", "Backstage", t.Backstage, false)
	if len(t.Metrics) > 0 {
		h.s("<h5>Metrics</h5>\n<table><tr><th>Metric</th><th>Now</th><th>Target</th><th></th></tr>\n")
		for _, mt := range t.Metrics {
			h.s("<tr><td>")
			h.t(mt.Name)
			if mt.Direction == model.Down {
				h.s(" ↓")
			} else {
				h.s(" ↑")
			}
			h.s("</td><td>")
			h.num(mt.Current, mt.Unit)
			h.s("</td><td>")
			h.num(mt.Target, mt.Unit)
			h.s("</td>")
			h.status(mt.Status())
			h.s("</tr>\n")
		}
		h.s("</table>\n")
	}
	if strings.TrimSpace(model.CleanText(t.Notes)) != "" {
		h.s("<h5>Notes</h5>\n")
		h.block("notes", t.Notes)
	}
	h.s("</article>\n")
}

func (h htmlWriter) status(s model.MetricStatus) {
	switch s {
	case model.OnTarget:
		h.s(`<td class="on">on target</td>`)
	case model.OffTarget:
		h.s(`<td class="off">off target</td>`)
	default:
		h.s(`<td class="none">no data</td>`)
	}
}

func (h htmlWriter) list(class, title string, items model.List, quote bool) {
	n := 0
	for _, it := range items.All() {
		if model.CleanLine(it) != "" {
			n++
		}
	}
	if n == 0 {
		return
	}
	if class != "" {
		h.s(`<div class="`, class, `">`)
	}
	h.s("<h5>", title, "</h5><ul>")
	for _, it := range items.All() {
		if model.CleanLine(it) == "" {
			continue
		}
		h.s("<li>")
		if quote {
			h.s("“")
		}
		h.t(it)
		if quote {
			h.s("”")
		}
		h.s("</li>")
	}
	h.s("</ul>")
	if class != "" {
		h.s("</div>")
	}
	h.s("\n")
}

// num writes a metric value and its unit, or "—".
func (h htmlWriter) num(v *float64, unit string) {
	if v == nil {
		h.s("—")
		return
	}
	h.s(fmtValue(*v))
	if u := model.CleanLine(unit); u != "" {
		h.s(" ")
		h.t(u)
	}
}

// fmtValue writes a metric value as people write numbers: no exponent for
// everyday sizes.
func fmtValue(v float64) string {
	format := byte('f')
	if a := math.Abs(v); a != 0 && (a >= 1e15 || a < 1e-6) {
		format = 'g'
	}
	return strconv.FormatFloat(v, format, -1, 64)
}

// htmlListCap bounds the unranked lists of the insights.
const htmlListCap = 100

func (h htmlWriter) insights(r model.Report) {
	h.s("<section class=\"insights\">\n<h2 class=\"wide\">Insights</h2>\n<p class=\"wide\">")
	h.s(model.Plural(r.Touchpoints, "touchpoint"), " in ", model.Plural(r.Phases, "phase"), " · ", model.Plural(r.Metrics, "metric"), ": ")
	h.int(r.OnTarget)
	h.s(" on target, ")
	h.int(r.OffTargets)
	h.s(" off target, ")
	h.int(r.NoData)
	h.s(" without data")
	if r.HasMean {
		h.s(" · mean emotion ")
		h.mean(r.MeanEmotion)
	}
	h.s("</p>\n")

	h.s("<div><h3>Moments that hurt</h3>\n")
	if len(r.Lowest) == 0 {
		h.s("<p class=\"none\">No touchpoint scores below neutral.</p>\n")
	} else {
		h.s("<table><tr><th>Touchpoint</th><th>Phase</th><th>Score</th></tr>\n")
		for _, t := range r.Lowest {
			h.s("<tr><td>")
			h.t(t.Name)
			h.s("</td><td>")
			h.t(t.Phase)
			h.s("</td><td>")
			h.int(t.Score)
			h.s(" · ", model.ScoreWord(t.Score), "</td></tr>\n")
		}
		h.s("</table>\n")
	}
	h.s("</div>\n<div><h3>Steepest drops</h3>\n")
	if len(r.Drops) == 0 {
		h.s("<p class=\"none\">The curve never falls.</p>\n")
	} else {
		h.s("<ul>")
		for _, d := range r.Drops {
			h.s("<li>")
			h.t(d.From.Name)
			h.s(" (")
			h.int(d.From.Score)
			h.s(") → ")
			h.t(d.To.Name)
			h.s(" (")
			h.int(d.To.Score)
			h.s("): down ")
			h.int(d.Size)
			h.s("</li>")
		}
		h.s("</ul>\n")
	}
	h.s("</div>\n<div><h3>Mean emotion by phase</h3>\n<table><tr><th>Phase</th><th>Touchpoints</th><th>Mean</th></tr>\n")
	for i, pm := range r.PhaseMeans {
		if i == htmlListCap {
			h.s("<tr><td colspan=\"3\">… and ", strconv.Itoa(len(r.PhaseMeans)-i), " more</td></tr>\n")
			break
		}
		h.s("<tr><td>")
		h.t(pm.Name)
		h.s("</td><td>")
		h.int(pm.Touchpoints)
		h.s("</td><td>")
		if pm.HasMean {
			h.mean(pm.Mean)
		} else {
			h.s("—")
		}
		h.s("</td></tr>\n")
	}
	h.s("</table>\n</div>\n<div><h3>Touchpoints without a metric</h3>\n")
	if len(r.WithoutMetrics) == 0 {
		h.s("<p class=\"none\">Every touchpoint has a metric.</p>\n")
	} else {
		h.s("<ul>")
		for i, t := range r.WithoutMetrics {
			if i == htmlListCap {
				h.s("<li>… and ", strconv.Itoa(len(r.WithoutMetrics)-i), " more</li>")
				break
			}
			h.s("<li>")
			h.t(t.Name)
			h.s(" <span class=\"none\">(")
			h.t(t.Phase)
			h.s(")</span></li>")
		}
		h.s("</ul>\n")
	}
	h.s("</div>\n<div class=\"wide\"><h3>Metrics off target</h3>\n")
	if len(r.OffTarget) == 0 {
		h.s("<p class=\"none\">No metric misses its target.</p>\n")
	} else {
		h.s("<table><tr><th>Touchpoint</th><th>Phase</th><th>Metric</th><th>Now</th><th>Target</th><th>Better</th></tr>\n")
		for i, mr := range r.OffTarget {
			if i == htmlListCap {
				h.s("<tr><td colspan=\"6\">… and ", strconv.Itoa(len(r.OffTarget)-i), " more</td></tr>\n")
				break
			}
			h.s("<tr><td>")
			h.t(mr.Touchpoint.Name)
			h.s("</td><td>")
			h.t(mr.Touchpoint.Phase)
			h.s("</td><td>")
			h.t(mr.Metric.Name)
			h.s("</td><td class=\"off\">")
			h.num(mr.Metric.Current, mr.Metric.Unit)
			h.s("</td><td>")
			h.num(mr.Metric.Target, mr.Metric.Unit)
			if mr.Metric.Direction == model.Down {
				h.s("</td><td>lower</td></tr>\n")
			} else {
				h.s("</td><td>higher</td></tr>\n")
			}
		}
		h.s("</table>\n")
	}
	h.s("</div>\n</section>\n")
}

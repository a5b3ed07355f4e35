package picture

import (
	"fmt"
	"image/color"
	"io"
	"strconv"
	"strings"

	"journeymap/model"
)

// The poster's pages are 1920×1080 user units like the picture, printed at
// pageScale millimetres per unit: 384×216 mm, a 16:9 sheet between A4 and A3.
const pageScale = 0.2

// Detail pages flow text down pageCols columns.
const (
	pageCols   = 3
	pageGutter = 44.0
	pageTop    = 178.0
	pageBottom = Height - 64.0
)

var pdfHeadCol = rgb(0x334155)

func writePDF(w io.Writer, m *model.Map, o Options) (err error) {
	if m == nil {
		return fmt.Errorf("picture: no map")
	}
	if err := o.check(m); err != nil {
		return err
	}
	f, err := loadFonts()
	if err != nil {
		return fmt.Errorf("picture: loading the embedded font: %w", err)
	}
	defer recoverErr(&err)
	doc := newPDFDoc(w, f)
	title := f.clean(m.Title)
	doc.setInfo(title, "Customer journey map", "journey map", f.clean(m.Persona.Name), "Journeymap")
	drawMap(&Picture{f: f, h: Height, pdf: doc.newPage()}, m, o)

	ps := &poster{f: f, m: m, doc: doc, title: title, pageNo: 1}
	for pi := range m.Phases {
		if o.Phase != 0 && pi != o.Phase-1 {
			continue
		}
		ps.phase(pi)
	}
	ps.insights()
	return doc.close()
}

type poster struct {
	f      *fonts
	m      *model.Map
	doc    *pdfDoc
	title  string
	pageNo int

	page    *Picture
	heading string // the current section's page heading
	sub     string // the first page's subheading
	col     int
	y       float64
	colW    float64
}

type fline struct {
	s    string
	fn   font
	x    float64 // indent from the column's left edge
	lh   float64
	gap  float64 // space before
	dot  color.RGBA
	keep bool // keep with the next line (a heading)
}

// start begins a section (a phase, the insights) on a new page.
func (ps *poster) start(heading, sub string) {
	ps.heading, ps.sub = heading, sub
	ps.newPage(false)
}

func (ps *poster) newPage(cont bool) {
	ps.pageNo++
	p := &Picture{f: ps.f, h: Height, pdf: ps.doc.newPage()}
	ps.page = p
	ps.colW = (Width - 2*margin - (pageCols-1)*pageGutter) / pageCols
	p.rect(0, 0, Width, Height, 0, white, stroke{})
	p.text(margin, 56, ps.f.ellipsize(ps.title, Width-2*margin-200, 18, true), font{18, true, muted}, left)
	p.text(Width-margin, 56, "page "+strconv.Itoa(ps.pageNo), font{16, false, muted}, right)
	h := ps.heading
	if cont {
		h += " (continued)"
	}
	p.text(margin, 110, ps.f.ellipsize(h, Width-2*margin, 40, true), font{40, true, ink}, left)
	if ps.sub != "" && !cont {
		p.text(margin, 146, ps.f.ellipsize(ps.sub, Width-2*margin, 19, false), font{19, false, muted}, left)
	}
	p.line(margin, 162, Width-margin, 162, stroke{col: rule, width: 2})
	ps.col, ps.y = 0, pageTop
}

func (ps *poster) nextColumn() {
	ps.col++
	if ps.col >= pageCols {
		ps.newPage(true)
		return
	}
	ps.y = pageTop
}

// place flows lines down the columns.
func (ps *poster) place(ls []fline) {
	for i, l := range ls {
		// A heading (or bullet) keeps with what follows it.
		need := l.gap + l.lh
		for j := i; ls[j].keep && j+1 < len(ls); j++ {
			need += ls[j+1].gap + ls[j+1].lh
		}
		if ps.y+need > pageBottom && ps.y > pageTop {
			ps.nextColumn()
		} else {
			ps.y += l.gap
		}
		x := margin + float64(ps.col)*(ps.colW+pageGutter) + l.x
		if l.lh == 0 && i+1 < len(ls) { // a bullet: set on the next line's baseline
			ps.page.text(x, ps.y+ls[i+1].lh*0.72, l.s, l.fn, left)
			continue
		}
		if l.dot != (color.RGBA{}) {
			ps.page.circle(x-14, ps.y+l.lh*0.72-l.fn.size*0.36, 7, l.dot, stroke{})
		}
		ps.page.text(x, ps.y+l.lh*0.72, l.s, l.fn, left)
		ps.y += l.lh
	}
}

// para wraps s to the column (less indent) as lines in fn.
func (ps *poster) para(s string, fn font, indent, gap float64) []fline {
	s = ps.f.clean(s)
	lh := fn.size * 1.3
	var out []fline
	for i, l := range ps.f.wrap(s, ps.colW-indent, fn.size, fn.bold, 0) {
		g := 0.0
		if i == 0 {
			g = gap
		}
		out = append(out, fline{s: l, fn: fn, x: indent, lh: lh, gap: g})
	}
	return out
}

// bullets is a small heading and one bullet per item, with a hanging indent.
func (ps *poster) bullets(title string, items []string, col color.RGBA) []fline {
	if len(items) == 0 {
		return nil
	}
	out := []fline{{s: title, fn: font{15, true, col}, lh: 22, gap: 10, keep: true}}
	body := font{16, false, ink}
	for _, it := range items {
		ls := ps.para(it, body, 22, 2)
		if len(ls) == 0 {
			continue
		}
		out = append(out, fline{s: "•", fn: font{16, true, col}, x: 6, lh: 0, gap: ls[0].gap, keep: true})
		ls[0].gap = 0
		out = append(out, ls...)
	}
	return out
}

func (ps *poster) phase(pi int) {
	ph := &ps.m.Phases[pi]
	name := ps.f.clean(ph.Name)
	if name == "" {
		name = "Untitled phase"
	}
	n := len(ph.Touchpoints)
	sub := fmt.Sprintf("Phase %d of %d · %d touchpoint", pi+1, len(ps.m.Phases), n)
	if n != 1 {
		sub += "s"
	}
	if mean, ok := ph.MeanEmotion(); ok {
		sub += fmt.Sprintf(" · mean emotion %.1f", mean)
	}
	ps.start(name, sub)
	if d := ps.f.clean(ph.Description); d != "" {
		ps.place(ps.para(d, font{17, false, muted}, 0, 0))
	}
	if n == 0 {
		ps.place([]fline{{s: "No touchpoints in this phase.", fn: font{17, false, muted}, lh: 24, gap: 8}})
	}
	num := 0
	for _, p := range ps.m.Phases[:pi] {
		num += len(p.Touchpoints)
	}
	for ti := range ph.Touchpoints {
		ps.place(ps.touchpoint(&ph.Touchpoints[ti], num+ti+1))
	}
}

// touchpoint lays out every field of t.
func (ps *poster) touchpoint(t *model.Touchpoint, num int) []fline {
	var out []fline
	title := ps.para(fmt.Sprintf("%d. %s", num, t.Name), font{22, true, ink}, 0, 26)
	if len(title) > 0 {
		title[len(title)-1].keep = true
	}
	out = append(out, title...)
	s := model.ClampScore(t.Emotion.Score)
	emo := fmt.Sprintf("Emotion %d · %s", s, model.ScoreWord(s))
	if t.Emotion.Labels.Len() > 0 {
		emo += " · " + strings.Join(t.Emotion.Labels.Items(), ", ")
	}
	el := ps.para(emo, font{16, true, ink}, 22, 4)
	if len(el) > 0 {
		el[0].dot = scoreCols[s]
	}
	out = append(out, el...)
	var facts []string
	if t.Channel != "" {
		facts = append(facts, "Channel: "+t.Channel)
	}
	if t.Kind != "" {
		facts = append(facts, "Kind: "+string(t.Kind))
	}
	if t.Owner != "" {
		facts = append(facts, "Owner: "+t.Owner)
	}
	if len(facts) > 0 {
		out = append(out, ps.para(strings.Join(facts, " · "), font{15, false, muted}, 0, 2)...)
	}
	if t.Description != "" {
		out = append(out, ps.para(t.Description, font{16, false, ink}, 0, 6)...)
	}
	out = append(out, ps.bullets("MOTIVATIONS", t.Motivations.Items(), pdfHeadCol)...)
	out = append(out, ps.bullets("THOUGHTS", quote(t.Thoughts.Items()), pdfHeadCol)...)
	out = append(out, ps.bullets("PAIN POINTS", t.PainPoints.Items(), painInk)...)
	out = append(out, ps.bullets("OPPORTUNITIES", t.Opportunities.Items(), oppInk)...)
	out = append(out, ps.bullets("BACKSTAGE", t.Backstage.Items(), pdfHeadCol)...)
	if len(t.Metrics) > 0 {
		ms := make([]string, len(t.Metrics))
		for i, mt := range t.Metrics {
			ms[i] = metricText(mt)
		}
		out = append(out, ps.bullets("METRICS", ms, pdfHeadCol)...)
	}
	if t.Notes != "" {
		out = append(out, ps.bullets("NOTES", []string{t.Notes}, pdfHeadCol)...)
	}
	return out
}

func quote(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = "“" + s + "”"
	}
	return out
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func metricText(mt model.Metric) string {
	unit := ""
	if mt.Unit != "" {
		unit = " " + mt.Unit
	}
	s := mt.Name + ": "
	if mt.Current != nil {
		s += num(*mt.Current) + unit
	} else {
		s += "not measured"
	}
	if mt.Target != nil {
		s += " (target " + num(*mt.Target) + unit + ")"
	}
	if mt.Direction == model.Down {
		s += ", lower is better"
	} else {
		s += ", higher is better"
	}
	return s + " — " + mt.Status().String()
}

// listCap bounds the unranked lists on the insights page.
const listCap = 60

func (ps *poster) insights() {
	r := model.Insights(ps.m)
	sub := fmt.Sprintf("%s touchpoints in %d phases · %d metrics: %d on target, %d off target, %d without data",
		thousands(r.Touchpoints), r.Phases, r.Metrics, r.OnTarget, r.OffTargets, r.NoData)
	if r.HasMean {
		sub += fmt.Sprintf(" · mean emotion %.1f", r.MeanEmotion)
	}
	ps.start("Insights", sub)
	row := func(t model.TouchpointRow) string {
		return fmt.Sprintf("%s — %s (%d, %s)", t.Name, t.Phase, t.Score, model.ScoreWord(t.Score))
	}
	var hurt []string
	for _, t := range r.Lowest {
		hurt = append(hurt, row(t))
	}
	ps.section("MOMENTS THAT HURT", hurt, "No touchpoint scores below neutral.", lowCol, 0)
	var drops []string
	for _, d := range r.Drops {
		drops = append(drops, fmt.Sprintf("%s (%d) → %s (%d): down %d", d.From.Name, d.From.Score, d.To.Name, d.To.Score, d.Size))
	}
	ps.section("STEEPEST DROPS", drops, "The curve never falls.", lowCol, 0)
	var off []string
	for _, mr := range r.OffTarget {
		off = append(off, mr.Touchpoint.Name+" — "+metricText(mr.Metric))
	}
	ps.section("METRICS OFF TARGET", off, "No metric misses its target.", painInk, listCap)
	var means []string
	for _, pm := range r.PhaseMeans {
		if pm.HasMean {
			means = append(means, fmt.Sprintf("%s: %.1f over %d touchpoints", pm.Name, pm.Mean, pm.Touchpoints))
		} else {
			means = append(means, pm.Name+": no touchpoints")
		}
	}
	ps.section("MEAN EMOTION BY PHASE", means, "The map has no phases.", pdfHeadCol, listCap)
	var without []string
	for _, t := range r.WithoutMetrics {
		without = append(without, t.Name+" — "+t.Phase)
	}
	ps.section("TOUCHPOINTS WITHOUT A METRIC", without, "Every touchpoint has a metric.", pdfHeadCol, listCap)
	var empty []string
	for _, p := range r.EmptyPhases {
		empty = append(empty, p.Name)
	}
	if len(empty) > 0 {
		ps.section("EMPTY PHASES", empty, "", pdfHeadCol, listCap)
	}
	var ch []string
	for _, c := range r.Channels {
		name := c.Name
		if name == "" {
			name = "(no channel)"
		}
		ch = append(ch, fmt.Sprintf("%s: %s", name, thousands(c.Count)))
	}
	ps.section("CHANNELS", ch, "No touchpoints.", pdfHeadCol, listCap)
	var kinds []string
	for _, c := range r.Kinds {
		kinds = append(kinds, fmt.Sprintf("%s: %s", c.Name, thousands(c.Count)))
	}
	ps.section("KINDS", kinds, "", pdfHeadCol, 0)
}

func (ps *poster) section(title string, items []string, none string, col color.RGBA, limit int) {
	if limit > 0 && len(items) > limit {
		more := len(items) - limit
		items = append(items[:limit:limit], fmt.Sprintf("… and %s more", thousands(more)))
	}
	if len(items) == 0 {
		if none == "" {
			return
		}
		ls := []fline{{s: title, fn: font{15, true, col}, lh: 22, gap: 18, keep: true}}
		ps.place(append(ls, ps.para(none, font{16, false, muted}, 0, 2)...))
		return
	}
	ls := ps.bullets(title, items, col)
	ls[0].gap = 18
	ps.place(ls)
}

package interchange

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"journeymap/model"
	"journeymap/picture"
)

// A deck is the map as slides, in this order: the title (persona, goal);
// the journey at a glance (the curve picture); one slide per phase (a curve
// strip with the phase highlighted and a table of touchpoint, feeling,
// biggest pain and opportunity; more than deckRows touchpoints split the
// phase into "(1/2)" slides, and every field goes into the speaker notes);
// the moments that hurt; the metrics off target; the opportunities to test.
// It is written in two dialects: Marp (WriteMarp) and pandoc (WriteSlides).
// Text is cut so every slide fits a 16:9 slide of the default themes.

// deckRows is the most touchpoints a phase slide shows.
const deckRows = 4

// Cell lengths, in runes, past which a slide's text is cut with "…".
const (
	cutName  = 44
	cutCell  = 64
	cutLine  = 150
	cutTitle = 60
	deckList = 6 // rows on the summary slides
)

type dialect int

const (
	marp dialect = iota
	pandoc
)

// WriteMarp writes m as a Marp deck: `marp: true` front matter, slides
// between `---`, speaker notes in HTML comments. The pictures (PNG, 1920
// wide) go to o.Assets, or are embedded as data: URIs when it is nil.
// Render it with `marp deck.marp.md`.
func WriteMarp(w io.Writer, m *model.Map, o Options) error {
	return writeDeck(w, m, o, marp)
}

// WriteSlides writes m as the same deck for pandoc: a title block, `##`
// slide titles, one picture per slide, native tables and `::: notes`, so
// `pandoc deck.slides.md -o deck.pptx` gives editable PowerPoint slides.
func WriteSlides(w io.Writer, m *model.Map, o Options) error {
	return writeDeck(w, m, o, pandoc)
}

type deck struct {
	pngs   [][]byte // each phase's picture, drawn ahead in parallel
	w      *bufio.Writer
	d      dialect
	m      *model.Map
	assets AssetFunc
	first  bool // no slide written yet
}

func writeDeck(w io.Writer, m *model.Map, o Options, d dialect) error {
	if m == nil {
		return errors.New("export deck: no map")
	}
	assets := o.Assets
	if assets == nil {
		assets = dataURIAssets
	}
	out := &errRecorder{w: w}
	k := &deck{w: bufio.NewWriterSize(out, 64<<10), d: d, m: m, assets: assets, first: true}
	if err := k.drawPhases(); err != nil {
		return err
	}
	if err := k.write(); err != nil {
		return err
	}
	if err := k.w.Flush(); err != nil {
		return err
	}
	return out.err
}

func (k *deck) s(parts ...string) {
	for _, p := range parts {
		k.w.WriteString(p)
	}
}

// in writes user text, cut to n runes, escaped for a Markdown line.
func (k *deck) in(s string, n int) {
	k.w.Write(appendInline(k.w.AvailableBuffer(), cut(model.CleanLine(s), n)))
}

// cut shortens s to at most n runes, ending in "…" when it was cut.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n-1]
	return strings.TrimRight(string(r), " ,;:.-") + "…"
}

// slide starts a slide titled title (already escaped).
func (k *deck) slide(title string) {
	if k.d == marp && !k.first {
		k.s("\n---\n\n")
	} else if !k.first {
		k.s("\n")
	}
	k.first = false
	k.s("## ", title, "\n\n")
}

// picture writes the picture named name, rendering it only once.
func (k *deck) picture(name string, p *picture.Picture, marpSize string) error {
	ref, err := k.assets(name, func(w io.Writer) error { return p.WritePNGScale(w, deckScale) })
	if err != nil {
		return err
	}
	k.image(ref, marpSize)
	return nil
}

func (k *deck) image(ref, marpSize string) {
	dest := ref
	if strings.ContainsAny(ref, " ()<>") {
		dest = "<" + ref + ">"
	}
	if k.d == marp {
		k.s("![", marpSize, "](", dest, ")\n\n")
	} else {
		k.s("![](", dest, "){width=100%}\n\n")
	}
}

// notesOpen opens the speaker notes with a line saying what they hold.
// In Marp the line also keeps the comment from reading as a directive
// ("paginate: false"), whatever the user text after it says.
func (k *deck) notesOpen(head string) {
	if k.d == marp {
		k.s("<!--\n", noteText(head), "\n")
	} else {
		k.s("::: notes\n\n")
		k.note("", head)
	}
}

func (k *deck) notesClose() {
	if k.d == marp {
		k.s("-->\n")
	} else {
		k.s("\n:::\n")
	}
}

// note writes one line of speaker notes. Marp notes are an HTML comment
// (which "--" could end), pandoc's are Markdown.
func (k *deck) note(prefix, s string) {
	s = model.CleanLine(s)
	if s == "" {
		return
	}
	if k.d == marp {
		k.s(prefix, noteText(s), "\n")
		return
	}
	k.s(prefix)
	k.w.Write(appendInline(k.w.AvailableBuffer(), s))
	k.s("\n\n")
}

// noteText keeps text from ending an HTML comment.
func noteText(s string) string {
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "-\u2011")
	}
	return strings.ReplaceAll(s, "<!", "< !")
}

func (k *deck) write() error {
	m := k.m
	title := model.CleanLine(m.Title)
	if title == "" {
		title = "Untitled journey map"
	}
	// The front matter and the title slide.
	k.s("---\n")
	if k.d == marp {
		k.s("marp: true\npaginate: true\n")
		k.s("title: ", yamlQuote(title), "\n")
		k.s(marpStyle)
		k.s("---\n\n<!-- _class: lead -->\n\n# ")
		k.in(title, cutTitle*2)
		k.s("\n\n")
		if who := personaLine(m); who != "" {
			k.s("**Persona:** ")
			k.in(who, cutLine)
			k.s("\n\n")
		}
		if model.CleanLine(m.Goal) != "" {
			k.s("**Goal:** ")
			k.in(m.Goal, cutLine)
			k.s("\n\n")
		}
		k.s("<!--\nThe map: ", model.Plural(len(m.Phases), "phase"), ", ", model.Plural(m.TouchpointCount(), "touchpoint"), ".\n")
		k.note("", m.Notes)
		k.s("-->\n")
	} else {
		k.s("title: ", yamlQuote(mdInline(cut(title, cutTitle*2))), "\n")
		var sub []string
		// The subtitle has room for two lines: the persona's name and
		// the goal, cut short.
		who := model.CleanLine(m.Persona.Name)
		if who == "" {
			who = model.CleanLine(m.Persona.Description)
		}
		if who != "" {
			sub = append(sub, "Persona: "+mdInline(cut(who, cutName)))
		}
		if model.CleanLine(m.Goal) != "" {
			sub = append(sub, "Goal: "+mdInline(cut(model.CleanLine(m.Goal), 100)))
		}
		if len(sub) > 0 {
			k.s("subtitle: ", yamlQuote(strings.Join(sub, " · ")), "\n")
		}
		k.s("---\n")
	}
	k.first = false

	// The journey at a glance.
	k.slide("The journey at a glance")
	curve, err := picture.Map(m, picture.Options{Picture: picture.PictureCurve})
	if err != nil {
		return err
	}
	if err := k.picture("curve.png", curve, "h:520"); err != nil {
		return err
	}
	r := model.Insights(m)
	k.glanceNotes(r)

	// One slide (or more) per phase.
	for pi := range m.Phases {
		if err := k.phase(pi); err != nil {
			return err
		}
	}
	k.hurt(r)
	k.offTarget(r)
	k.opportunities()
	return nil
}

// marpStyle fits the default theme's 1280×720 slide: a phase slide holds
// its title (two lines at most), the curve strip 200 pixels high and four
// rows of cells cut at cutName and cutCell runes, each at most three
// lines; TestMarpSlidesFit renders the longest texts and checks.
const marpStyle = `style: |
  section { font-size: 24px; padding: 40px 60px 50px; justify-content: flex-start; }
  section.lead { justify-content: center; }
  h1 { font-size: 54px; }
  h2 { font-size: 32px; margin: 0 0 10px; }
  table { font-size: 16px; line-height: 1.25; width: 100%; display: table; }
  th, td { padding: 4px 8px; }
  img { display: block; margin: 0 auto 8px; }
  section::after { font-size: 16px; }
`

func personaLine(m *model.Map) string {
	name, desc := model.CleanLine(m.Persona.Name), model.CleanLine(m.Persona.Description)
	switch {
	case name != "" && desc != "":
		return name + " — " + desc
	case name != "":
		return name
	}
	return desc
}

// yamlQuote writes s as a YAML double-quoted scalar.
func yamlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\x%02x`, r)
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func (k *deck) glanceNotes(r model.Report) {
	k.notesOpen("The curve in numbers:")
	line := model.Plural(r.Touchpoints, "touchpoint") + " in " + model.Plural(r.Phases, "phase")
	if r.HasMean {
		line += fmt.Sprintf(", mean emotion %.1f", r.MeanEmotion)
	}
	k.note("", line+".")
	for _, pm := range r.PhaseMeans {
		if pm.HasMean {
			k.note("- ", fmt.Sprintf("%s: %.1f over %s", pm.Name, pm.Mean, model.Plural(pm.Touchpoints, "touchpoint")))
		} else {
			k.note("- ", pm.Name+": no touchpoints")
		}
	}
	k.notesClose()
}

func (k *deck) phase(pi int) error {
	ph := &k.m.Phases[pi]
	name := cut(model.CleanLine(ph.Name), cutTitle)
	if name == "" {
		name = "Untitled phase"
	}
	parts := max(1, (len(ph.Touchpoints)+deckRows-1)/deckRows)
	// Marp: a curve strip above the table on every slide of the phase.
	// pandoc puts a picture and a table on separate slides (a slide of
	// its own without a title for the second), so there the phase opens
	// with the map picture, the phase highlighted, on a slide of its own.
	png := k.pngs[pi]
	ref, err := k.assets(fmt.Sprintf("phase-%02d.png", pi+1), func(w io.Writer) error { _, err := w.Write(png); return err })
	if err != nil {
		return err
	}
	if k.d == pandoc {
		k.slide(mdInline(name))
		k.image(ref, "")
		ref = ""
		name += ": touchpoints"
	}
	for part := range parts {
		title := mdInline(name)
		if parts > 1 {
			title += fmt.Sprintf(" (%d/%d)", part+1, parts)
		}
		k.slide(title)
		if ref != "" {
			k.image(ref, "h:200")
		}
		tps := ph.Touchpoints[min(part*deckRows, len(ph.Touchpoints)):min((part+1)*deckRows, len(ph.Touchpoints))]
		if len(tps) == 0 {
			k.s("No touchpoints in this phase yet.\n\n")
		} else {
			k.s("| Touchpoint | Feeling | Biggest pain | Opportunity |\n|---|---|---|---|\n")
			for i := range tps {
				t := &tps[i]
				k.s("| ")
				k.in(t.Name, cutName)
				k.s(" | ", model.ScoreWord(t.Emotion.Score), " | ")
				k.first1(t.PainPoints)
				k.s(" | ")
				k.first1(t.Opportunities)
				k.s(" |\n")
			}
			k.s("\n")
		}
		k.notesOpen(model.CleanLine(ph.Name) + ": the touchpoints in full.")
		if part == 0 {
			k.note("", ph.Description)
		}
		for i := range tps {
			k.detail(&tps[i])
		}
		k.notesClose()
	}
	return nil
}

// deckScale is the deck pictures' pixels per user unit: 1280 pixels
// wide, the width of a slide in Marp and of a PowerPoint slide at 96 dpi.
// A slide shows them no larger, and they cost less than half as much to
// draw and compress as the 1920-pixel picture.
const deckScale = 2.0 / 3

// deckWorkers bounds the phase pictures drawn at once: each holds a
// picture's pixels, and a map of many phases must stay within its memory
// budget whatever the number of cores.
const deckWorkers = 2

// drawPhases draws every phase's picture as PNG. Marp shows a curve strip
// above the table on every slide of a phase; pandoc puts a picture and a
// table on separate slides (the second without a title), so there the
// phase opens with the map picture, the phase highlighted, on a slide of
// its own. The picture is drawn once and each phase's copy greys the
// others. When the map is so large that phases share columns, each phase
// gets the curve strip of that phase alone instead, in both dialects.
func (k *deck) drawPhases() error {
	n := len(k.m.Phases)
	k.pngs = make([][]byte, n)
	if n == 0 {
		return nil
	}
	var base *picture.Picture
	var err error
	if k.d == marp {
		base, err = picture.Strip(k.m, 0)
	} else {
		base, err = picture.Map(k.m, picture.Options{})
	}
	if err != nil {
		return err
	}
	var ras *picture.Raster
	if picture.CanHighlightAll(base, n) {
		if ras, err = base.Raster(deckScale); err != nil {
			return err
		}
	}
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0), deckWorkers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for pi := range next {
				var b bytes.Buffer
				if ras != nil {
					_, errs[pi] = ras.WritePNGHighlight(&b, pi+1)
					k.pngs[pi] = b.Bytes()
					continue
				}
				// Each phase alone: its curve strip, in both
				// dialects. Forty full pictures of a map that
				// large would cost seconds; the tables after it
				// hold the touchpoints.
				p, err := picture.Strip(k.m, pi+1)
				if err == nil {
					err = p.WritePNGScale(&b, deckScale)
					k.pngs[pi] = b.Bytes()
				}
				errs[pi] = err
			}
		}()
	}
	for pi := range n {
		next <- pi
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}

// first1 writes the first non-empty item of a list, cut, or "—".
func (k *deck) first1(items model.List) {
	for _, it := range items.All() {
		if model.CleanLine(it) != "" {
			k.in(it, cutCell)
			return
		}
	}
	k.s("—")
}

// detail writes every field of t into the speaker notes.
func (k *deck) detail(t *model.Touchpoint) {
	s := model.ClampScore(t.Emotion.Score)
	head := model.CleanLine(t.Name) + fmt.Sprintf(" — emotion %d, %s", t.Emotion.Score, model.ScoreWord(s))
	if t.Emotion.Labels.Len() > 0 {
		head += " (" + strings.Join(t.Emotion.Labels.Items(), ", ") + ")"
	}
	k.s("\n")
	k.note("", head)
	var facts []string
	for _, f := range [][2]string{{"channel", t.Channel}, {"kind", string(t.Kind)}, {"owner", t.Owner}} {
		if v := model.CleanLine(f[1]); v != "" {
			facts = append(facts, f[0]+": "+v)
		}
	}
	k.note("", strings.Join(facts, " · "))
	k.note("", t.Description)
	for _, l := range []struct {
		title string
		items model.List
	}{{"Motivation", t.Motivations}, {"Thought", t.Thoughts}, {"Pain point", t.PainPoints},
		{"Opportunity", t.Opportunities}, {"Backstage", t.Backstage}} {
		for _, it := range l.items.All() {
			if model.CleanLine(it) != "" {
				k.note("- ", l.title+": "+model.CleanLine(it))
			}
		}
	}
	for _, mt := range t.Metrics {
		k.note("- ", "Metric: "+metricLine(mt))
	}
	if n := model.CleanLine(t.Notes); n != "" {
		k.note("", "Notes: "+n)
	}
}

func metricLine(mt model.Metric) string {
	unit := ""
	if u := model.CleanLine(mt.Unit); u != "" {
		unit = " " + u
	}
	s := model.CleanLine(mt.Name) + ": "
	if mt.Current != nil {
		s += fmtValue(*mt.Current) + unit
	} else {
		s += "not measured"
	}
	if mt.Target != nil {
		s += " (target " + fmtValue(*mt.Target) + unit + ")"
	}
	if mt.Direction == model.Down {
		s += ", lower is better"
	} else {
		s += ", higher is better"
	}
	return s + ", " + mt.Status().String()
}

func (k *deck) more(n int, what string) {
	if n > 0 {
		k.s("… and ", strconv.Itoa(n), " more ", what, ".\n\n")
	}
}

func (k *deck) hurt(r model.Report) {
	k.slide("Moments that hurt")
	if len(r.Lowest) == 0 {
		k.s("No touchpoint scores below neutral.\n")
		return
	}
	k.s("| Touchpoint | Phase | Feeling |\n|---|---|---|\n")
	rows := r.Lowest[:min(len(r.Lowest), deckList)]
	for _, t := range rows {
		k.s("| ")
		k.in(t.Name, cutName)
		k.s(" | ")
		k.in(t.Phase, cutName)
		k.s(" | ", model.ScoreWord(t.Score), " (", strconv.Itoa(t.Score), ") |\n")
	}
	k.s("\n")
	k.notesOpen("The steepest drops:")
	for _, d := range r.Drops {
		k.note("- ", fmt.Sprintf("Drop: %s (%d) to %s (%d), down %d", model.CleanLine(d.From.Name), d.From.Score, model.CleanLine(d.To.Name), d.To.Score, d.Size))
	}
	k.notesClose()
}

func (k *deck) offTarget(r model.Report) {
	k.slide("Metrics off target")
	if len(r.OffTarget) == 0 {
		k.s("No metric misses its target.\n")
		return
	}
	k.s("| Touchpoint | Metric | Now | Target |\n|---|---|---|---|\n")
	rows := r.OffTarget[:min(len(r.OffTarget), deckList)]
	for _, mr := range rows {
		k.s("| ")
		k.in(mr.Touchpoint.Name, cutName)
		k.s(" | ")
		k.in(mr.Metric.Name, cutName)
		k.s(" | ")
		k.value(mr.Metric.Current, mr.Metric.Unit)
		k.s(" | ")
		k.value(mr.Metric.Target, mr.Metric.Unit)
		if mr.Metric.Direction == model.Down {
			k.s(" (lower is better)")
		}
		k.s(" |\n")
	}
	// A line under the table would be a slide of its own in pandoc.
	if n := len(r.OffTarget) - len(rows); n > 0 {
		k.s("| … and ", strconv.Itoa(n), " more, in the notes | | | |\n")
	}
	k.s("\n")
	k.notesOpen("Every metric off target:")
	for _, mr := range r.OffTarget {
		k.note("- ", model.CleanLine(mr.Touchpoint.Name)+" — "+metricLine(mr.Metric))
	}
	k.notesClose()
}

func (k *deck) value(v *float64, unit string) {
	if v == nil {
		k.s("—")
		return
	}
	k.s(fmtValue(*v))
	if model.CleanLine(unit) != "" {
		k.s(" ")
		k.in(unit, 16)
	}
}

// opportunities lists the first opportunity of the touchpoints that hurt
// most: lowest score first, then journey order.
func (k *deck) opportunities() {
	k.slide("Opportunities to test")
	type opp struct {
		text, name string
		score, at  int
	}
	var all []opp
	at := 0
	for _, p := range k.m.Phases {
		for _, t := range p.Touchpoints {
			at++
			for _, o := range t.Opportunities.All() {
				if model.CleanLine(o) != "" {
					all = append(all, opp{o, t.Name, model.ClampScore(t.Emotion.Score), at})
					break
				}
			}
		}
	}
	if len(all) == 0 {
		k.s("No opportunities noted yet.\n")
		return
	}
	slices.SortStableFunc(all, func(a, b opp) int { return cmp.Compare(a.score, b.score) })
	shown := all[:min(len(all), deckList)]
	for _, o := range shown {
		k.s("- ")
		k.in(o.text, cutCell+16)
		k.s(" — *")
		k.in(o.name, cutName)
		k.s("* (", model.ScoreWord(o.score), ")\n")
	}
	k.s("\n")
	k.more(len(all)-len(shown), "in the speaker notes")
	k.notesOpen("The first opportunity of each touchpoint, the ones that hurt most first.")
	for _, o := range all[len(shown):] {
		k.note("- ", model.CleanLine(o.text)+" — "+model.CleanLine(o.name))
	}
	k.notesClose()
}

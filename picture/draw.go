package picture

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"github.com/tdewolff/canvas"

	"journeymap/model"
)

// Palette.
var (
	white    = rgb(0xFFFFFF)
	ink      = rgb(0x1F2937)
	muted    = rgb(0x6B7280)
	faint    = rgb(0x9CA3AF)
	rule     = rgb(0xE5E7EB)
	curveCol = rgb(0x3451D1) // the emotional curve
	greyed   = rgb(0xCBD5E1)
	lowCol   = rgb(0xC81E3A)

	painBg  = rgb(0xFDEDEE)
	painInk = rgb(0x8A1C2B)
	oppBg   = rgb(0xE7F5EC)
	oppInk  = rgb(0x1D5E36)

	// scoreCols are the dot colours for scores 1..5: red, orange, amber,
	// light green, green.
	scoreCols = [6]color.RGBA{{}, rgb(0xD64550), rgb(0xF08C4A), rgb(0xE3B341), rgb(0x8CC152), rgb(0x2FA862)}

	// bandCols tint the phases in turn; bandInk is their text.
	bandCols = []color.RGBA{rgb(0xDCE7FB), rgb(0xE8E1F8), rgb(0xD5F0EA), rgb(0xFBEACB), rgb(0xF8DCE4), rgb(0xE2E8F0)}
	bandInk  = rgb(0x1E293B)
)

func scoreCol(v float64) color.RGBA { return scoreCols[roundScore(v)] }

// tint returns c mixed with white: a=0 white, a=1 c.
func tint(c color.RGBA, a float64) color.RGBA {
	mix := func(v uint8) uint8 { return uint8(math.Round(255 - (255-float64(v))*a)) }
	return color.RGBA{mix(c.R), mix(c.G), mix(c.B), 0xff}
}

// Geometry of the picture, in user units.
const (
	margin = 48.0
	plotL  = 210.0 // left edge of the columns; the axis labels sit left of it
	plotR  = Width - margin
)

// StripHeight is the height of a Strip in user units (it is Width wide).
const StripHeight = 400

// Strip draws m's emotional curve as a short strip for a slide: the phase
// bands, the 1–5 axis and the curve, with phase (1-based; 0 for none)
// highlighted and the others greyed.
func Strip(m *model.Map, phase int) (p *Picture, err error) {
	if m == nil {
		return nil, fmt.Errorf("picture: no map")
	}
	o := Options{Picture: PictureCurve, Phase: phase}
	if err := o.check(m); err != nil {
		return nil, err
	}
	f, err := loadFonts()
	if err != nil {
		return nil, fmt.Errorf("picture: loading the embedded font: %w", err)
	}
	defer func() {
		if r := recover(); r != nil {
			p, err = nil, fmt.Errorf("picture: drawing failed: %v", r)
		}
	}()
	p = newPictureH(f, StripHeight)
	d := &drawer{Picture: p, m: m, l: plan(m, o, f), curve: true, strip: true}
	d.render()
	return p, nil
}

func (d *drawer) renderStrip() {
	n := len(d.l.cols)
	if n == 0 {
		d.text(Width/2, d.h/2, "This map has no phases yet", font{28, true, muted}, center)
		return
	}
	d.colW = (plotR - plotL) / float64(n)
	d.bandTop, d.bandH = 12, 54
	d.yTop, d.yBot = 112, 318
	d.phaseBackgrounds()
	d.bands()
	d.axis()
	d.curveAndDots()
}

// Map draws m as one picture.
func Map(m *model.Map, o Options) (p *Picture, err error) {
	if m == nil {
		return nil, fmt.Errorf("picture: no map")
	}
	if err := o.check(m); err != nil {
		return nil, err
	}
	f, err := loadFonts()
	if err != nil {
		return nil, fmt.Errorf("picture: loading the embedded font: %w", err)
	}
	defer func() {
		if r := recover(); r != nil {
			p, err = nil, fmt.Errorf("picture: drawing failed: %v", r)
		}
	}()
	p = newPicture(f)
	drawMap(p, m, o)
	return p, nil
}

// drawMap draws m on p, a blank picture Height high.
func drawMap(p *Picture, m *model.Map, o Options) {
	d := &drawer{Picture: p, m: m, l: plan(m, o, p.f), curve: o.Picture == PictureCurve}
	d.render()
}

type drawer struct {
	*Picture
	m     *model.Map
	l     layout
	curve bool
	strip bool // a short curve strip for a slide: bands, axis, curve
	colW  float64
	// vertical layout
	bandTop, bandH       float64
	headTop              float64 // column headers (map) or labels (curve)
	yTop, yBot           float64 // score 5 and score 1
	painTop, oppTop, lnH float64
}

func (d *drawer) colX(i int) float64 { return plotL + float64(i)*d.colW }

func (d *drawer) scoreY(v float64) float64 {
	return d.yBot - (v-1)/4*(d.yBot-d.yTop)
}

// dim reports whether column i is greyed by a phase highlight.
func (d *drawer) dim(i int) bool {
	return d.l.focus >= 0 && d.l.cols[i].phase != d.l.focus && len(d.l.bands) > 1
}

func (d *drawer) render() {
	p := d.Picture
	p.rect(0, 0, Width, p.h, 0, white, stroke{})
	if d.strip {
		d.renderStrip()
		return
	}
	d.header()
	n := len(d.l.cols)
	if n == 0 {
		p.text(Width/2, Height/2, "This map has no phases yet", font{28, true, muted}, center)
		p.text(Width/2, Height/2+40, "Add phases and touchpoints to see the journey here.", font{20, false, faint}, center)
		return
	}
	d.colW = (plotR - plotL) / float64(n)
	d.bandTop, d.bandH = 140, 54
	if d.curve {
		d.yTop, d.yBot = 262, 742
		d.headTop = 834
	} else {
		d.headTop = 208
		d.yTop, d.yBot = 392, 592
		d.painTop, d.oppTop, d.lnH = 664, 852, 172
	}
	d.phaseBackgrounds()
	d.bands()
	d.axis()
	d.columnsHeads()
	if !d.curve {
		d.lanes()
	}
	d.curveAndDots()
	if d.l.note != "" {
		p.rect(margin, Height-38, 8, 26, 2, curveCol, stroke{})
		p.text(margin+20, Height-18, d.l.note, font{17, true, ink}, left)
	}
}

func (d *drawer) header() {
	p, f := d.Picture, d.f
	title := f.clean(d.m.Title)
	if title == "" {
		title = "Untitled journey map"
	}
	p.text(margin, 80, f.ellipsize(title, Width-2*margin-420, 44, true), font{44, true, ink}, left)
	sub := ""
	if name := f.clean(d.m.Persona.Name); name != "" {
		sub = name
	}
	if goal := f.clean(d.m.Goal); goal != "" {
		if sub != "" {
			sub += "  ·  "
		}
		sub += goal
	}
	if sub != "" {
		p.text(margin, 116, f.ellipsize(sub, Width-2*margin-420, 20, false), font{20, false, muted}, left)
	}
	// Summary, top right.
	n := d.m.TouchpointCount()
	tp := "touchpoints"
	if n == 1 {
		tp = "touchpoint"
	}
	ph := "phases"
	if len(d.m.Phases) == 1 {
		ph = "phase"
	}
	p.text(plotR, 76, fmt.Sprintf("%s %s · %d %s", thousands(n), tp, len(d.m.Phases), ph), font{18, false, muted}, right)
	if n > 0 {
		r := model.Insights(d.m)
		if r.HasMean {
			s := fmt.Sprintf("mean emotion %.1f", r.MeanEmotion)
			p.text(plotR, 110, s, font{18, true, ink}, right)
			w := f.width(s, 18, true)
			p.circle(plotR-w-16, 104, 8, scoreCol(r.MeanEmotion), stroke{})
		}
	}
}

func (d *drawer) bandColor(b band, i int) color.RGBA {
	if d.l.focus >= 0 && b.phase != d.l.focus && len(d.l.bands) > 1 {
		return rgb(0xEEF0F3)
	}
	return bandCols[i%len(bandCols)]
}

// phaseBackgrounds tints each phase's columns faintly, top to bottom.
func (d *drawer) phaseBackgrounds() {
	bottom := d.h - 50.0
	if d.strip {
		bottom = d.h - 8
	}
	d.spans = map[int]span{}
	d.plot = span{d.colX(0), d.colX(len(d.l.cols))}
	d.plotTop, d.plotBottom = d.bandTop, bottom
	for _, b := range d.l.bands {
		if b.phase >= 0 {
			d.spans[b.phase] = span{d.colX(b.from), d.colX(b.to)}
		}
	}
	for i, b := range d.l.bands {
		x0, x1 := d.colX(b.from), d.colX(b.to)
		c := tint(d.bandColor(b, i), 0.28)
		if d.l.focus >= 0 && b.phase == d.l.focus && len(d.l.bands) > 1 {
			c = tint(d.bandColor(b, i), 0.6)
		}
		d.rect(x0+2, d.bandTop+d.bandH, x1-x0-4, bottom-d.bandTop-d.bandH, 0, c, stroke{})
	}
}

func (d *drawer) bands() {
	for i, b := range d.l.bands {
		x0, x1 := d.colX(b.from), d.colX(b.to)
		w := x1 - x0 - 4
		dim := d.l.focus >= 0 && b.phase != d.l.focus && len(d.l.bands) > 1
		d.rect(x0+2, d.bandTop, w, d.bandH, 10, d.bandColor(b, i), stroke{})
		col := bandInk
		if dim {
			col = faint
		}
		size := 20.0
		inner := w - 16
		ls := d.f.wrap(b.name, inner, size, true, 1)
		if len(ls) == 1 && d.f.width(b.name, size, true) > inner {
			size = 16
			ls = d.f.wrap(b.name, inner, size, true, 2)
		}
		cy := d.bandTop + d.bandH/2
		lh := size * 1.15
		y := cy - lh*float64(len(ls)-1)/2 + size*0.36
		d.lines((x0+x1)/2, y, lh, ls, font{size, true, col}, center)
	}
}

// axis draws the score grid and its labels.
func (d *drawer) axis() {
	for s := model.MaxScore; s >= model.MinScore; s-- {
		y := d.scoreY(float64(s))
		st := stroke{col: rule, width: 1.5, dash: []float64{6, 6}}
		if s == model.NeutralScore {
			st = stroke{col: rgb(0xD1D5DB), width: 2}
		}
		d.line(plotL, y, plotR, y, st)
		d.circle(margin+7, y, 7, scoreCols[s], stroke{})
		d.text(margin+22, y+6, strconv.Itoa(s), font{16, true, ink}, left)
		d.text(margin+38, y+6, model.ScoreWord(s), font{16, false, muted}, left)
	}
}

func (d *drawer) columnsHeads() {
	nameSizes, subSize := []float64{19, 17, 15}, 15.0
	switch {
	case d.colW < 80:
		nameSizes, subSize = []float64{15, 14}, 14
	case d.colW < 100:
		nameSizes, subSize = []float64{17, 15, 14}, 14
	}
	maxName := 3
	// One name size for every column: the largest at which every name fits
	// in maxName lines without breaking a word.
	common := nameSizes[len(nameSizes)-1]
	for _, size := range nameSizes {
		ok := true
		for _, c := range d.l.cols {
			if _, got := d.f.fit(c.name, d.colW-10, []float64{size, 0}, true, maxName); got != size {
				ok = false
				break
			}
		}
		if ok {
			common = size
			break
		}
	}
	nameSizes = []float64{common}
	for i, c := range d.l.cols {
		x0 := d.colX(i)
		cx := x0 + d.colW/2
		inner := d.colW - 10
		dim := d.dim(i)
		nameCol, subCol, badgeCol := ink, muted, rgb(0x334155)
		if dim {
			nameCol, subCol, badgeCol = faint, faint, greyed
		}
		if c.empty && !c.group {
			d.text(cx, d.headTop+64, "no touchpoints", font{subSize, false, faint}, center)
			continue
		}
		y := d.headTop + 14
		if c.badge != "" {
			bs := 14.0
			bw := math.Min(d.colW-6, math.Max(28, d.f.width(c.badge, bs, true)+14))
			d.rect(cx-bw/2, y-14, bw, 28, 14, badgeCol, stroke{})
			d.text(cx, y+5, d.f.ellipsize(c.badge, bw-8, bs, true), font{bs, true, white}, center)
			y += 42
		} else {
			y += 14
		}
		ls, size := d.f.fit(c.name, inner, nameSizes, true, maxName)
		lh := size * 1.17
		d.lines(cx, y, lh, ls, font{size, true, nameCol}, center)
		// Channels share one baseline under the longest name.
		y += lh * float64(maxName)
		if c.sub != "" {
			d.text(cx, y+4, d.f.ellipsize(c.sub, inner, subSize, false), font{subSize, false, subCol}, center)
		}
	}
}

// lanes draws the pain point and opportunity cards.
func (d *drawer) lanes() {
	lbl := func(y float64, title string, col color.RGBA) {
		d.rect(margin, y+4, 6, 44, 3, col, stroke{})
		d.text(margin+18, y+24, title, font{18, true, col}, left)
	}
	painTitle, oppTitle := "Top pain point", "Top opportunity"
	if len(d.l.cols) > 0 && d.l.cols[0].group {
		painTitle, oppTitle = "Lowest and", "Most frequent"
	}
	lbl(d.painTop, painTitle, painInk)
	lbl(d.oppTop, oppTitle, oppInk)
	if len(d.l.cols) > 0 && d.l.cols[0].group {
		d.text(margin+18, d.painTop+46, "most frequent", font{18, true, painInk}, left)
		d.text(margin+18, d.painTop+68, "pain point", font{18, true, painInk}, left)
		d.text(margin+18, d.oppTop+46, "opportunity", font{18, true, oppInk}, left)
	} else {
		// Second word of the label on its own line keeps the column narrow.
	}
	size := 16.0
	switch {
	case d.colW < 90:
		size = 14
	case d.colW < 110:
		size = 15
	}
	lh := size * 1.25
	for i, c := range d.l.cols {
		if c.empty {
			continue
		}
		x0 := d.colX(i) + 5
		w := d.colW - 10
		dim := d.dim(i)
		card := func(top float64, bg, fg color.RGBA, lead, s string) {
			if dim {
				bg, fg = rgb(0xF3F4F6), faint
			}
			d.rect(x0, top, w, d.lnH, 10, bg, stroke{})
			y := top + 12 + size
			maxLines := int((d.lnH - 20) / lh)
			if lead != "" {
				ls := d.f.wrap(lead, w-16, size, true, 3)
				y = d.lines(x0+8, y, lh, ls, font{size, true, fg}, left) + 4
				maxLines -= len(ls)
			}
			if s == "" {
				if lead == "" {
					d.text(x0+8, y, "—", font{size, false, faint}, left)
				}
				return
			}
			d.lines(x0+8, y, lh, d.f.wrap(s, w-16, size, false, max(1, maxLines)), font{size, false, fg}, left)
		}
		lead := ""
		if c.group {
			lead = "Lowest: " + c.lowest
		}
		card(d.painTop, painBg, painInk, lead, c.pain)
		card(d.oppTop, oppBg, oppInk, "", c.opp)
	}
}

type pt struct{ x, y float64 }

// curveAndDots draws the emotional curve as a Catmull-Rom spline through the
// scored columns, the dots coloured by score, and marks the lowest point.
func (d *drawer) curveAndDots() {
	var pts []pt
	var idx []int
	for i, c := range d.l.cols {
		if c.hasScore {
			pts = append(pts, pt{d.colX(i) + d.colW/2, d.scoreY(c.score)})
			idx = append(idx, i)
		}
	}
	if len(pts) == 0 {
		return
	}
	width := 5.0
	if d.curve {
		width = 6
	}
	segs := make([]*canvas.Path, len(pts)-1)
	for k := 0; k+1 < len(pts); k++ {
		p0, p1, p2, p3 := pts[max(k-1, 0)], pts[k], pts[k+1], pts[min(k+2, len(pts)-1)]
		c1 := pt{p1.x + (p2.x-p0.x)/6, p1.y + (p2.y-p0.y)/6}
		c2 := pt{p2.x - (p3.x-p1.x)/6, p2.y - (p3.y-p1.y)/6}
		// Keep the curve inside the 1..5 band: no overshoot past a score.
		lo, hi := math.Min(p1.y, p2.y), math.Max(p1.y, p2.y)
		c1.y = math.Min(math.Max(c1.y, lo), hi)
		c2.y = math.Min(math.Max(c2.y, lo), hi)
		s := &canvas.Path{}
		s.MoveTo(p1.x, p1.y)
		s.CubeTo(c1.x, c1.y, c2.x, c2.y, p2.x, p2.y)
		segs[k] = s
	}
	focus := d.l.focus >= 0 && len(d.l.bands) > 1
	whole := &canvas.Path{}
	for _, s := range segs {
		whole = whole.Append(s)
	}
	// A soft shadow line under the curve lifts it off the grid.
	if !focus {
		d.draw(whole, canvas.Transparent, stroke{col: tint(curveCol, 0.18), width: width + 8})
		d.draw(whole, canvas.Transparent, stroke{col: curveCol, width: width})
	} else {
		d.draw(whole, canvas.Transparent, stroke{col: greyed, width: width})
		for k, s := range segs {
			if !d.dim(idx[k]) && !d.dim(idx[k+1]) {
				d.draw(s, canvas.Transparent, stroke{col: curveCol, width: width})
			}
		}
	}

	// The lowest point: first minimum in journey order.
	low := 0
	for k := range pts {
		if d.l.cols[idx[k]].score < d.l.cols[idx[low]].score {
			low = k
		}
	}
	r := 14.0
	if d.curve {
		r = 17
	}
	group := d.l.cols[idx[0]].group
	if group {
		r = 19
	}
	lp := pts[low]
	d.circle(lp.x, lp.y, r+9, tint(lowCol, 0.12), stroke{col: lowCol, width: 3})
	ly := lp.y + r + 9 + 22
	d.text(lp.x, ly, "lowest", font{16, true, lowCol}, center)

	for k, q := range pts {
		c := d.l.cols[idx[k]]
		fill := scoreCol(c.score)
		txt := white
		if d.dim(idx[k]) {
			fill, txt = greyed, white
		}
		d.circle(q.x, q.y, r, fill, stroke{col: white, width: 3})
		label := strconv.Itoa(roundScore(c.score))
		if c.group {
			label = strconv.FormatFloat(c.score, 'f', 1, 64)
		}
		if roundScore(c.score) == 3 && !d.dim(idx[k]) {
			txt = rgb(0x4A3B0A)
		}
		d.text(q.x, q.y+5, label, font{14, true, txt}, center)
	}
}

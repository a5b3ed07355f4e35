package picture

import (
	"bytes"
	"fmt"
	"html"
	"image/color"
	"io"
	"math"

	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/renderers/rasterizer"
	"github.com/tdewolff/canvas/renderers/svg"
)

// Picture is one drawn page: 1920×1080 user units, y down from the top-left
// corner. Map returns one; WriteSVG and WritePNG write it.
type Picture struct {
	c     *canvas.Canvas
	f     *fonts
	h     float64 // height in user units: Height, or a strip's
	flip  canvas.Matrix
	texts []Text
	// pdf, when set, receives the drawing instead of c: the poster's
	// pages are written straight to PDF (see pdfDoc).
	pdf *pdfPage
	// Where the phases are, for Raster.WritePNGHighlight: each phase
	// with columns of its own, the columns' extent, and the band's top
	// and the columns' bottom.
	spans               map[int]span
	plot                span
	plotTop, plotBottom float64
}

// Text is one run of text on a picture, as laid out: its words, its size in
// user units, its baseline position and weight.
type Text struct {
	S    string
	Size float64
	X, Y float64 // anchor and baseline, user units from the top-left corner
	Bold bool
}

// Texts returns every run of text on the picture in drawing order.
func (p *Picture) Texts() []Text { return p.texts }

func newPicture(f *fonts) *Picture { return newPictureH(f, Height) }

// newPictureH returns a blank picture Width wide and h high. Its flip maps
// the picture's y-down coordinates to the canvas's y-up ones.
func newPictureH(f *fonts, h float64) *Picture {
	return &Picture{c: canvas.New(Width, h), f: f, h: h, flip: canvas.Identity.Translate(0, h).Scale(1, -1)}
}

func rgb(hex uint32) color.RGBA {
	return color.RGBA{uint8(hex >> 16), uint8(hex >> 8), uint8(hex), 0xff}
}

type stroke struct {
	col   color.RGBA
	width float64
	dash  []float64
}

func (p *Picture) draw(path *canvas.Path, fill color.RGBA, s stroke) {
	st := canvas.DefaultStyle
	st.Fill = canvas.Paint{Color: fill}
	if s.width > 0 {
		st.Stroke = canvas.Paint{Color: s.col}
		st.StrokeWidth = s.width
		st.StrokeCapper = canvas.RoundCap
		st.StrokeJoiner = canvas.RoundJoin
		if s.dash != nil {
			st.Dashes = s.dash
		}
	}
	if p.pdf != nil {
		p.pdf.path(path, fill, s)
		return
	}
	p.c.RenderPath(path, st, p.flip)
}

func (p *Picture) rect(x, y, w, h, r float64, fill color.RGBA, s stroke) {
	if w <= 0 || h <= 0 {
		return
	}
	var path *canvas.Path
	if r > 0 {
		path = canvas.RoundedRectangle(w, h, math.Min(r, math.Min(w, h)/2))
	} else {
		path = canvas.Rectangle(w, h)
	}
	p.draw(path.Translate(x, y), fill, s)
}

func (p *Picture) circle(cx, cy, r float64, fill color.RGBA, s stroke) {
	if p.pdf != nil {
		p.pdf.circle(cx, cy, r, fill, s)
		return
	}
	p.draw(canvas.Circle(r).Translate(cx, cy), fill, s)
}

func (p *Picture) line(x1, y1, x2, y2 float64, s stroke) {
	path := &canvas.Path{}
	path.MoveTo(x1, y1)
	path.LineTo(x2, y2)
	p.draw(path, canvas.Transparent, s)
}

type align int

const (
	left align = iota
	center
	right
)

type font struct {
	size float64
	bold bool
	col  color.RGBA
}

// text sets s with its baseline at y; x is its left edge, centre or right
// edge by a. s must already be clean.
func (p *Picture) text(x, y float64, s string, fn font, a align) {
	if s == "" {
		return
	}
	if fn.size < MinTextSize {
		fn.size = MinTextSize
	}
	if p.pdf != nil {
		lx := x
		switch a {
		case center:
			lx -= p.f.width(s, fn.size, fn.bold) / 2
		case right:
			lx -= p.f.width(s, fn.size, fn.bold)
		}
		p.pdf.text(lx, y, s, fn.size, fn.bold, fn.col)
		return
	}
	face := p.f.face(fn.size, fn.bold, fn.col)
	ha := canvas.Left
	switch a {
	case center:
		ha = canvas.Center
	case right:
		ha = canvas.Right
	}
	t := p.f.line(face, faceKey{fn.size, fn.bold, fn.col}, s, ha)
	p.c.RenderText(t, canvas.Identity.Translate(x, p.h-y))
	p.texts = append(p.texts, Text{S: s, Size: fn.size, X: x, Y: y, Bold: fn.bold})
}

// lines sets lines from baseline y, lh apart, and returns the baseline
// after the last.
func (p *Picture) lines(x, y, lh float64, ls []string, fn font, a align) float64 {
	for _, l := range ls {
		p.text(x, y, l, fn, a)
		y += lh
	}
	return y
}

// WriteSVG writes the picture as SVG 1920×1080 with text as paths.
func (p *Picture) WriteSVG(w io.Writer) (err error) {
	defer recoverErr(&err)
	var buf bytes.Buffer
	buf.Grow(1 << 20)
	opts := svg.DefaultOptions
	opts.EmbedFonts = false
	opts.SizeUnits = ""
	r := svg.New(&buf, Width, p.h, &opts)
	p.c.RenderTo(svgText{r, &buf})
	if err := r.Close(); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// svgText draws text as paths, grouped with its words and size, so the SVG
// needs no font and still says what it reads.
type svgText struct {
	*svg.SVG
	w *bytes.Buffer
}

func (s svgText) RenderText(t *canvas.Text, m canvas.Matrix) {
	size := 0.0
	if f := t.MostCommonFontFace(); f != nil {
		size = f.Size
	}
	fmt.Fprintf(s.w, `<g aria-label="%s" data-font-size="%s">`, html.EscapeString(t.String()), fmtNum(size))
	t.RenderAsPath(s.SVG, m, 0)
	s.w.WriteString(`</g>`)
}

func fmtNum(v float64) string {
	return fmt.Sprintf("%.4g", math.Round(v*100)/100)
}

// WritePNG writes the picture at PNGScale× as PNG.
func (p *Picture) WritePNG(w io.Writer) error { return p.writePNGScale(w, PNGScale) }

// WritePNGScale writes the picture as PNG with scale pixels per user unit:
// decks embed pictures at 1× (a slide is 1280 pixels wide), which costs a
// quarter of the 2× picture.
func (p *Picture) WritePNGScale(w io.Writer, scale float64) error { return p.writePNGScale(w, scale) }

func (p *Picture) writePNGScale(w io.Writer, scale float64) (err error) {
	defer recoverErr(&err)
	if wd, ht := int(Width*scale+0.5), int(p.h*scale+0.5); wd*ht*4 >= bandedPixels {
		bands := p.rasterizeBands(scale)
		return encodeRows(w, wd, ht, bands.row)
	}
	return encodePNG(w, p.rasterize(scale))
}

// skipFirst drops the first path it is given: the picture's white
// background, already in the image.
type skipFirst struct {
	*rasterizer.Rasterizer
	skipped bool
}

func (s *skipFirst) RenderPath(path *canvas.Path, style canvas.Style, m canvas.Matrix) {
	if !s.skipped {
		s.skipped = true
		return
	}
	s.Rasterizer.RenderPath(path, style, m)
}

// fillWhite sets every byte of pix to 0xff by doubling copies.
func fillWhite(pix []byte) {
	if len(pix) == 0 {
		return
	}
	pix[0] = 0xff
	for n := 1; n < len(pix); n *= 2 {
		copy(pix[n:], pix[:n])
	}
}

// recoverErr turns a panic in a third-party renderer into an error: a
// picture that cannot be drawn must not take the program down.
func recoverErr(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("picture: drawing failed: %v", r)
	}
}

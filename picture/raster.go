package picture

import (
	"image"
	"io"
	"math"
	"runtime"
	"sync"

	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/renderers/rasterizer"
)

// Strokes are drawn without "settling" their outlines into paths that
// never overlap themselves: the rasterizer fills by the non-zero rule, so
// an overlap draws the same pixels, and settling was most of the cost of
// a strip (its dashed grid lines) and a third of a picture's. Side by side
// the pictures differ only in the anti-aliasing of a few ring edges. The
// SVG and the PDF write strokes as strokes and are not affected.
func init() { canvas.FastStroke = true }

// span is the part of a picture one phase's columns take, in user units.
type span struct{ x0, x1 float64 }

// Raster is a picture drawn to pixels once, to write several PNGs from:
// a deck shows the same curve on every phase's slide with that phase
// highlighted, and drawing it once instead of once a phase is what keeps a
// deck fast.
type Raster struct {
	img   *image.RGBA
	scale float64
	p     *Picture
}

// Raster draws p at scale pixels per user unit.
func (p *Picture) Raster(scale float64) (r *Raster, err error) {
	defer recoverErr(&err)
	return &Raster{img: p.rasterize(scale), scale: scale, p: p}, nil
}

func (p *Picture) rasterize(scale float64) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, int(Width*scale+0.5), int(p.h*scale+0.5)))
	// Every picture starts with a white rectangle over the whole of it:
	// fill the pixels white directly and skip it, instead of blending
	// millions of pixels one span at a time.
	fillWhite(img.Pix)
	ras := rasterizer.FromImage(img, canvas.DPMM(scale), canvas.DefaultColorSpace)
	p.c.RenderTo(&skipFirst{Rasterizer: ras})
	ras.Close()
	return img
}

// bandedPixels is the size (bytes of RGBA) from which a picture written
// as PNG is drawn in bands of rows, one per core: the 3840×2160 PNG.
const bandedPixels = 8 << 20

// bandMargin is how many rows above and below its own a band draws. The
// rasterizer carries a path's coverage down from where the path starts,
// so a path cut off at a band's top edge is slightly wrong in the first
// rows below it: the margin keeps that out of the rows the band keeps.
// Side by side with one pass, the 2× pictures differ in a few bytes by one
// or two levels.
const bandMargin = 64

// bands are a picture drawn as bands of rows, each an image of its own.
type bands struct {
	imgs  []*image.RGBA
	first []int // the picture row of each band's row 0
	rows  int   // rows each band keeps (the last may keep fewer)
}

func (b *bands) row(y int) []byte {
	k := y / b.rows
	img := b.imgs[k]
	return img.Pix[(y-b.first[k])*img.Stride:]
}

// rasterizeBands draws p at scale as one band of rows per core (at most
// four), in parallel, the drawing shifted so each band's part lands in it.
func (p *Picture) rasterizeBands(scale float64) *bands {
	wd, h := int(Width*scale+0.5), int(p.h*scale+0.5)
	n := min(max(runtime.GOMAXPROCS(0), 1), 4)
	b := &bands{rows: (h + n - 1) / n}
	var wg sync.WaitGroup
	for y0 := 0; y0 < h; y0 += b.rows {
		y1 := min(y0+b.rows, h)
		m0, m1 := max(y0-bandMargin, 0), min(y1+bandMargin, h)
		img := image.NewRGBA(image.Rect(0, 0, wd, m1-m0))
		b.imgs = append(b.imgs, img)
		b.first = append(b.first, m0)
		wg.Add(1)
		go func() {
			defer wg.Done()
			fillWhite(img.Pix)
			// The canvas's y runs up from the bottom: the band's bottom
			// row is the picture's row m1.
			ras := rasterizer.FromImage(img, canvas.DPMM(scale), canvas.DefaultColorSpace)
			p.c.RenderViewTo(&skipFirst{Rasterizer: ras}, canvas.Identity.Translate(0, -float64(h-m1)/scale))
			ras.Close()
		}()
	}
	wg.Wait()
	return b
}

// CanHighlight reports whether phase (1-based) has columns of its own in
// the picture, so WritePNGHighlight can pick it out. A picture that
// aggregates several phases into one column cannot.
func (r *Raster) CanHighlight(phase int) bool {
	_, ok := r.p.spans[phase-1]
	return ok && r.p.plot.x1 > r.p.plot.x0
}

// CanHighlightAll reports whether each of p's n phases has columns of its
// own, so one Raster of p can highlight each in turn.
func CanHighlightAll(p *Picture, n int) bool {
	if p.plot.x1 <= p.plot.x0 {
		return false
	}
	for pi := range n {
		if _, ok := p.spans[pi]; !ok {
			return false
		}
	}
	return true
}

// WritePNGHighlight writes the picture with phase (1-based) highlighted:
// the other phases' columns, from their bands down, turn grey and fade
// toward white, as --phase greys them. It returns false, writing nothing,
// when the phase has no columns of its own (see CanHighlight).
func (r *Raster) WritePNGHighlight(w io.Writer, phase int) (bool, error) {
	if !r.CanHighlight(phase) {
		return false, nil
	}
	s := r.p.spans[phase-1]
	img := &image.RGBA{Pix: make([]byte, len(r.img.Pix)), Stride: r.img.Stride, Rect: r.img.Rect}
	copy(img.Pix, r.img.Pix)
	px := func(v float64) int {
		return min(max(int(math.Round(v*r.scale)), 0), img.Rect.Dx())
	}
	y0 := min(max(int(math.Round(r.p.plotTop*r.scale)), 0), img.Rect.Dy())
	y1 := min(max(int(math.Round(r.p.plotBottom*r.scale)), 0), img.Rect.Dy())
	fade(img, px(r.p.plot.x0), px(s.x0), y0, y1)
	fade(img, px(s.x1), px(r.p.plot.x1), y0, y1)
	return true, encodePNG(w, img)
}

// fade greys the pixels of [x0,x1)×[y0,y1) and moves them most of the way
// to white, keeping their shapes legible.
func fade(img *image.RGBA, x0, x1, y0, y1 int) {
	if x0 >= x1 {
		return
	}
	for y := y0; y < y1; y++ {
		row := img.Pix[y*img.Stride+4*x0 : y*img.Stride+4*x1]
		for i := 0; i+3 < len(row); i += 4 {
			// Rec. 601 luma, then 40% of the way from white.
			l := (299*int(row[i]) + 587*int(row[i+1]) + 114*int(row[i+2])) / 1000
			v := byte(255 - (255-l)*2/5)
			row[i], row[i+1], row[i+2] = v, v, v
		}
	}
}

package picture

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"fmt"
	"image/color"
	"io"
	"strconv"
	"unicode/utf16"

	"github.com/tdewolff/canvas"
	sfnt "github.com/tdewolff/font"
)

// pdfDoc writes the poster as PDF itself, page by page, as it is drawn.
//
// canvas's PDF renderer needs every line of text shaped by HarfBuzz into a
// canvas.Text and writes each through fmt; on a poster of 10,000
// touchpoints (150,000 lines on some 2,000 pages) that cost seconds and
// kept every page in memory until the end. The poster uses one embedded
// font, Latin text and no ligatures the reader needs, so pdfDoc sets each
// run of text as one string of glyph IDs of the embedded font (a subset,
// Identity-H, with a ToUnicode map so the text can be searched and
// copied), with the same advances the layout measured by. Paths are
// written as they come; each page's content is deflated and written out
// when the page ends, so memory does not grow with the map.
type pdfDoc struct {
	w     *bufio.Writer
	cw    countWriter
	offs  []int64 // byte offset of each object, by number-1
	pages []int   // page object numbers
	fonts [2]*pdfFont
	page  *pdfPage
	zw    *zlib.Writer
	zbuf  bytes.Buffer
	info  [5]string // title, subject, keywords, author, creator
	buf   []byte    // a free content buffer for the next page
	// Pages are deflated one behind the drawing, in their own goroutine:
	// pending is the page being deflated, spare a finished one whose
	// writer serves again.
	pending, spare *deflated
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Object numbers fixed ahead: the catalog, the page tree, the two fonts
// and the document information.
const (
	objCatalog = 1
	objPages   = 2
	objFont0   = 3 // regular; bold is objFont0+1
	objInfo    = 5
	objFixed   = 5
)

// pdfFont is one embedded font: the glyphs used, renumbered from 1 in the
// order of first use (the subset keeps that order).
type pdfFont struct {
	f     *canvas.Font
	ids   map[uint16]uint16 // glyph ID in the font -> in the subset
	list  []uint16          // subset ID -> glyph ID in the font; list[0] = .notdef
	runes []rune            // subset ID -> the rune it shows
	low   []uint16          // rune below lowRunes -> subset ID + 1; 0 for not yet
	byR   map[rune]uint16   // other runes -> subset ID
}

// ptPerUnit is how many PDF points one user unit becomes.
const ptPerUnit = pageScale * 72 / 25.4

func newPDFDoc(w io.Writer, f *fonts) *pdfDoc {
	d := &pdfDoc{cw: countWriter{w: w}}
	d.w = bufio.NewWriterSize(&d.cw, 64<<10)
	d.offs = make([]int64, objFixed)
	for i, fnt := range []*canvas.Font{f.regular, f.bold} {
		d.fonts[i] = &pdfFont{f: fnt, ids: map[uint16]uint16{0: 0}, list: []uint16{0}, runes: []rune{0xFFFD}, low: make([]uint16, lowRunes), byR: map[rune]uint16{}}
	}
	d.zw, _ = zlib.NewWriterLevel(&d.zbuf, flate.BestSpeed)
	d.w.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	return d
}

func (d *pdfDoc) offset() int64 { return d.cw.n + int64(d.w.Buffered()) }

// newObj reserves the next object number.
func (d *pdfDoc) newObj() int {
	d.offs = append(d.offs, 0)
	return len(d.offs)
}

func (d *pdfDoc) begin(n int) {
	d.offs[n-1] = d.offset()
	d.w.WriteString(strconv.Itoa(n))
	d.w.WriteString(" 0 obj\n")
}

func (d *pdfDoc) end() { d.w.WriteString("\nendobj\n") }

// stream writes object n as a deflated stream with extra dictionary
// entries.
func (d *pdfDoc) stream(n int, data []byte, extra string) {
	d.zbuf.Reset()
	d.zw.Reset(&d.zbuf)
	d.zw.Write(data)
	d.zw.Close()
	d.begin(n)
	fmt.Fprintf(d.w, "<</Filter/FlateDecode/Length %d%s>>stream\n", d.zbuf.Len(), extra)
	d.w.Write(d.zbuf.Bytes())
	d.w.WriteString("\nendstream")
	d.end()
}

// pdfPage is the content of the page being drawn, in user units with y
// down from the top-left corner, like the picture.
type pdfPage struct {
	d        *pdfDoc
	b        []byte
	fill     color.RGBA
	stroke   color.RGBA
	lw       float64
	dash     bool
	usedFont [2]bool
	font     int // the font set by the last Tf: 1 + index, 0 for none
	size     float64
	inText   bool    // inside BT … ET
	tx, ty   float64 // the current text line's origin, user units
}

// newPage ends the current page and starts another.
func (d *pdfDoc) newPage() *pdfPage {
	d.endPage()
	p := &pdfPage{d: d, b: d.buf[:0], lw: 1}
	d.buf = nil
	// Scale to points and flip y, so the page draws in the picture's
	// coordinates; round caps and joins throughout.
	p.b = append(p.b, "1 J 1 j "...)
	p.num(ptPerUnit)
	p.b = append(p.b, " 0 0 "...)
	p.num(-ptPerUnit)
	p.b = append(p.b, " 0 "...)
	p.num(Height * ptPerUnit)
	p.b = append(p.b, " cm\n"...)
	p.fill = color.RGBA{0, 0, 0, 0xff}
	p.stroke = p.fill
	d.page = p
	return p
}

func (d *pdfDoc) endPage() {
	p := d.page
	if p == nil {
		return
	}
	d.page = nil
	p.endText()
	// Deflate this page while the next one is laid out; write the one
	// before it, whose deflating is done.
	d.writeDeflated()
	z := d.spare
	if z == nil {
		z = &deflated{}
		z.zw, _ = zlib.NewWriterLevel(&z.out, flate.BestSpeed)
	}
	d.spare = nil
	z.in, z.fonts, z.done = p.b, p.usedFont, make(chan struct{})
	go func() {
		defer close(z.done)
		z.out.Reset()
		z.zw.Reset(&z.out)
		z.zw.Write(z.in)
		z.zw.Close()
	}()
	d.pending = z
}

// deflated is a page's content being deflated apart.
type deflated struct {
	in    []byte
	out   bytes.Buffer
	zw    *zlib.Writer
	fonts [2]bool
	done  chan struct{}
}

// writeDeflated waits for the pending page's content and writes it and
// the page.
func (d *pdfDoc) writeDeflated() {
	z := d.pending
	if z == nil {
		return
	}
	d.pending = nil
	<-z.done
	content := d.newObj()
	d.begin(content)
	fmt.Fprintf(d.w, "<</Filter/FlateDecode/Length %d>>stream\n", z.out.Len())
	d.w.Write(z.out.Bytes())
	d.w.WriteString("\nendstream")
	d.end()
	n := d.newObj()
	d.begin(n)
	fmt.Fprintf(d.w, "<</Type/Page/Parent %d 0 R/MediaBox[0 0 %s %s]/Contents %d 0 R/Resources<</Font<<", objPages,
		fmtPt(Width*ptPerUnit), fmtPt(Height*ptPerUnit), content)
	for i, used := range z.fonts {
		if used {
			fmt.Fprintf(d.w, "/F%d %d 0 R", i, objFont0+i)
		}
	}
	d.w.WriteString(">>>>>>")
	d.end()
	d.pages = append(d.pages, n)
	// Its content buffer serves the next page.
	d.buf, z.in = z.in[:0], nil
	d.spare = z
}

func fmtPt(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) }

// num appends v with at most two decimals.
func (p *pdfPage) num(v float64) {
	p.b = appendNum(p.b, v)
}

func appendNum(b []byte, v float64) []byte {
	n := int64(v*100 + 0.5)
	if v < 0 {
		n = int64(v*100 - 0.5)
	}
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	b = strconv.AppendInt(b, n/100, 10)
	if f := n % 100; f != 0 {
		b = append(b, '.', byte('0'+f/10))
		if f%10 != 0 {
			b = append(b, byte('0'+f%10))
		}
	}
	return b
}

func (p *pdfPage) color(c color.RGBA, op string) {
	p.num(float64(c.R) / 255)
	p.b = append(p.b, ' ')
	p.num(float64(c.G) / 255)
	p.b = append(p.b, ' ')
	p.num(float64(c.B) / 255)
	p.b = append(p.b, ' ')
	p.b = append(p.b, op...)
	p.b = append(p.b, '\n')
}

func (p *pdfPage) setFill(c color.RGBA) {
	if c != p.fill {
		p.fill = c
		p.color(c, "rg")
	}
}

// path draws path (user units, y down) filled with fill (when opaque)
// and stroked with s (when it has a width).
func (p *pdfPage) path(path *canvas.Path, fill color.RGBA, s stroke) {
	hasFill := fill.A != 0
	hasStroke := s.width > 0 && s.col.A != 0
	if !hasFill && !hasStroke {
		return
	}
	if hasFill {
		p.setFill(fill)
	}
	if hasStroke {
		if s.col != p.stroke {
			p.stroke = s.col
			p.color(s.col, "RG")
		}
		if s.width != p.lw {
			p.lw = s.width
			p.num(s.width)
			p.b = append(p.b, " w\n"...)
		}
		if s.dash != nil || p.dash {
			p.b = append(p.b, '[')
			for i, v := range s.dash {
				if i > 0 {
					p.b = append(p.b, ' ')
				}
				p.num(v)
			}
			p.b = append(p.b, "] 0 d\n"...)
			p.dash = s.dash != nil
		}
	}
	p.endText()
	p.pathData(path)
	switch {
	case hasFill && hasStroke:
		p.b = append(p.b, " B\n"...)
	case hasFill:
		p.b = append(p.b, " f\n"...)
	default:
		p.b = append(p.b, " S\n"...)
	}
}

// pathData appends path's segments, arcs as Béziers.
func (p *pdfPage) pathData(path *canvas.Path) {
	sc := path.ReplaceArcs().Scanner()
	pt := func(v canvas.Point) {
		p.num(v.X)
		p.b = append(p.b, ' ')
		p.num(v.Y)
		p.b = append(p.b, ' ')
	}
	for sc.Scan() {
		switch sc.Cmd() {
		case canvas.MoveToCmd:
			pt(sc.End())
			p.b = append(p.b, "m "...)
		case canvas.LineToCmd:
			pt(sc.End())
			p.b = append(p.b, "l "...)
		case canvas.QuadToCmd:
			// Raise to a cubic: control points 2/3 of the way to the
			// quadratic's.
			s0, c, e := sc.Start(), sc.CP1(), sc.End()
			pt(s0.Add(c.Sub(s0).Mul(2.0 / 3.0)))
			pt(e.Add(c.Sub(e).Mul(2.0 / 3.0)))
			pt(e)
			p.b = append(p.b, "c "...)
		case canvas.CubeToCmd:
			pt(sc.CP1())
			pt(sc.CP2())
			pt(sc.End())
			p.b = append(p.b, "c "...)
		case canvas.CloseCmd:
			p.b = append(p.b, "h "...)
		}
	}
}

// circle draws a circle of radius r centred on (cx, cy) as four Béziers.
func (p *pdfPage) circle(cx, cy, r float64, fill color.RGBA, s stroke) {
	const k = 0.5522847498 // 4/3·(√2−1): a quarter circle's control distance
	c := &canvas.Path{}
	c.MoveTo(cx+r, cy)
	c.CubeTo(cx+r, cy+k*r, cx+k*r, cy+r, cx, cy+r)
	c.CubeTo(cx-k*r, cy+r, cx-r, cy+k*r, cx-r, cy)
	c.CubeTo(cx-r, cy-k*r, cx-k*r, cy-r, cx, cy-r)
	c.CubeTo(cx+k*r, cy-r, cx+r, cy-k*r, cx+r, cy)
	c.Close()
	p.path(c, fill, s)
}

func (p *pdfPage) endText() {
	if p.inText {
		p.b = append(p.b, "ET\n"...)
		p.inText = false
	}
}

// text sets s (clean) with its left edge at x and its baseline at y.
func (p *pdfPage) text(x, y float64, s string, size float64, bold bool, col color.RGBA) {
	fi := 0
	if bold {
		fi = 1
	}
	pf := p.d.fonts[fi]
	p.usedFont[fi] = true
	p.setFill(col)
	// Runs of text share one text object, each placed by Td from the
	// one before: a few bytes a line instead of a matrix.
	if !p.inText {
		p.b = append(p.b, "BT 1 0 0 -1 0 0 Tm\n"...)
		p.inText, p.tx, p.ty = true, 0, 0
	}
	// The font and size are graphics state: they outlast ET.
	if p.font != fi+1 || p.size != size {
		p.font, p.size = fi+1, size
		p.b = append(p.b, "/F"...)
		p.b = append(p.b, byte('0'+fi), ' ')
		p.num(size)
		p.b = append(p.b, " Tf "...)
	}
	// Text space is flipped back upright: its y runs up the page.
	p.num(x - p.tx)
	p.b = append(p.b, ' ')
	p.num(p.ty - y)
	p.b = append(p.b, " Td ("...)
	p.tx, p.ty = x, y
	// Two bytes a glyph, in a literal string: half the size of hex.
	for _, r := range s {
		id := pf.glyph(r)
		p.b = appendStrByte(p.b, byte(id>>8))
		p.b = appendStrByte(p.b, byte(id))
	}
	p.b = append(p.b, ") Tj\n"...)
}

// appendStrByte appends c to a PDF literal string, escaped when a reader
// would read it otherwise.
func appendStrByte(b []byte, c byte) []byte {
	switch c {
	case '(', ')', '\\':
		return append(b, '\\', c)
	case '\r':
		return append(b, '\\', 'r')
	case '\n':
		return append(b, '\\', 'n')
	}
	return append(b, c)
}

// glyph returns r's glyph in the subset, adding it on first use.
func (pf *pdfFont) glyph(r rune) uint16 {
	low := r >= 0 && r < lowRunes
	if low {
		if id := pf.low[r]; id != 0 {
			return id - 1
		}
	} else if id, ok := pf.byR[r]; ok {
		return id
	}
	g := pf.f.SFNT.GlyphIndex(r)
	id, ok := pf.ids[g]
	if !ok {
		id = uint16(len(pf.list))
		pf.ids[g] = id
		pf.list = append(pf.list, g)
		pf.runes = append(pf.runes, r)
	}
	if low {
		pf.low[r] = id + 1
	} else {
		pf.byR[r] = id
	}
	return id
}

// SetInfo records the document information.
func (d *pdfDoc) setInfo(title, subject, keywords, author, creator string) {
	d.info = [5]string{title, subject, keywords, author, creator}
}

// close ends the last page and writes the fonts, the page tree, the
// catalog, the information, the cross-reference table and the trailer.
func (d *pdfDoc) close() error {
	d.endPage()
	d.writeDeflated()
	for i, pf := range d.fonts {
		if err := d.writeFont(objFont0+i, pf); err != nil {
			return err
		}
	}
	d.begin(objPages)
	d.w.WriteString("<</Type/Pages/Count ")
	d.w.WriteString(strconv.Itoa(len(d.pages)))
	d.w.WriteString("/Kids[")
	for i, n := range d.pages {
		if i > 0 {
			d.w.WriteByte(' ')
		}
		fmt.Fprintf(d.w, "%d 0 R", n)
	}
	d.w.WriteString("]>>")
	d.end()
	d.begin(objCatalog)
	fmt.Fprintf(d.w, "<</Type/Catalog/Pages %d 0 R>>", objPages)
	d.end()
	d.begin(objInfo)
	d.w.WriteString("<<")
	for i, k := range []string{"Title", "Subject", "Keywords", "Author", "Creator"} {
		if d.info[i] != "" {
			d.w.WriteString("/" + k + pdfText(d.info[i]))
		}
	}
	d.w.WriteString("/Producer(Journeymap)>>")
	d.end()
	xref := d.offset()
	fmt.Fprintf(d.w, "xref\n0 %d\n0000000000 65535 f \n", len(d.offs)+1)
	for _, o := range d.offs {
		fmt.Fprintf(d.w, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(d.w, "trailer\n<</Size %d/Root %d 0 R/Info %d 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(d.offs)+1, objCatalog, objInfo, xref)
	return d.w.Flush()
}

// pdfText writes s as a PDF text string in UTF-16BE.
func pdfText(s string) string {
	b := []byte("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		b = fmt.Appendf(b, "%04X", u)
	}
	return string(append(b, '>'))
}

// writeFont writes font pf at object n: the subset program, its widths
// and a ToUnicode map. An unused font becomes a null object.
func (d *pdfDoc) writeFont(n int, pf *pdfFont) error {
	if len(pf.list) == 1 {
		d.begin(n)
		d.w.WriteString("null")
		d.end()
		return nil
	}
	sub, err := pf.f.SFNT.Subset(pf.list, sfnt.SubsetOptions{Tables: sfnt.KeepPDFTables})
	if err != nil {
		return fmt.Errorf("picture: subsetting the font: %w", err)
	}
	prog := sub.Write()
	file := d.newObj()
	d.stream(file, prog, fmt.Sprintf("/Length1 %d", len(prog)))

	// ToUnicode: one bfchar per glyph, in blocks of at most 100.
	var cm bytes.Buffer
	cm.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo <</Registry(Adobe)/Ordering(UCS)/Supplement 0>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	ids := make([]int, 0, len(pf.list)-1)
	for i := 1; i < len(pf.list); i++ {
		ids = append(ids, i)
	}
	for len(ids) > 0 {
		k := min(len(ids), 100)
		fmt.Fprintf(&cm, "%d beginbfchar\n", k)
		for _, id := range ids[:k] {
			fmt.Fprintf(&cm, "<%04X> <", id)
			for _, u := range utf16.Encode([]rune{pf.runes[id]}) {
				fmt.Fprintf(&cm, "%04X", u)
			}
			cm.WriteString(">\n")
		}
		cm.WriteString("endbfchar\n")
		ids = ids[k:]
	}
	cm.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	tu := d.newObj()
	d.stream(tu, cm.Bytes(), "")

	f := pf.f.SFNT
	k := 1000 / float64(f.Head.UnitsPerEm)
	name := "DejaVuSansCondensed"
	tag := "JMAPAA+"
	if pf == d.fonts[1] {
		name += "-Bold"
		tag = "JMAPAB+"
	}
	widths := make([]byte, 0, 5*len(pf.list))
	for i, g := range pf.list {
		if i > 0 {
			widths = append(widths, ' ')
		}
		widths = strconv.AppendInt(widths, int64(k*float64(f.GlyphAdvance(g))+0.5), 10)
	}
	d.begin(n)
	fmt.Fprintf(d.w, "<</Type/Font/Subtype/Type0/BaseFont/%s%s/Encoding/Identity-H/ToUnicode %d 0 R/DescendantFonts[<</Type/Font/Subtype/CIDFontType2/BaseFont/%s%s/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>/CIDToGIDMap/Identity/W[0[%s]]/FontDescriptor<</Type/FontDescriptor/FontName/%s%s/Flags 4/FontBBox[%d %d %d %d]/ItalicAngle 0/Ascent %d/Descent %d/CapHeight %d/StemV 80/FontFile2 %d 0 R>>>>]>>",
		tag, name, tu, tag, name, widths, tag, name,
		int(k*float64(f.Head.XMin)), int(k*float64(f.Head.YMin)), int(k*float64(f.Head.XMax)), int(k*float64(f.Head.YMax)),
		int(k*float64(f.Hhea.Ascender)), int(k*float64(f.Hhea.Descender)), int(k*float64(f.OS2.SCapHeight)), file)
	d.end()
	return nil
}

package picture

import (
	_ "embed"
	"errors"
	"image/color"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/tdewolff/canvas"

	"journeymap/model"
)

// The embedded font: DejaVu Sans Condensed, regular and bold (Bitstream Vera
// licence, see fonts/LICENSE). Embedding it makes every machine draw the same
// pixels and bytes, and the SVG needs no font at all: its text is drawn as
// paths.
var (
	//go:embed fonts/DejaVuSansCondensed.ttf
	regularTTF []byte
	//go:embed fonts/DejaVuSansCondensed-Bold.ttf
	boldTTF []byte
)

// fonts holds the two loaded fonts and a per-rune advance cache for fast
// measuring: text is measured far more often than it is drawn.
type fonts struct {
	regular *canvas.Font
	bold    *canvas.Font
	adv     [2]sync.Map // rune -> float64 advance per 1 unit of size (0 regular, 1 bold)
	// low holds the advances of runes below lowRunes, filled at load:
	// measuring is the inner loop of wrapping a poster's text.
	low    [2][]float64
	lowHas []bool // whether both fonts draw the rune, below lowRunes
	upem   [2]float64
	faces  sync.Map // faceKey -> *canvas.FontFace
	// shaped caches laid-out lines: shaping dominates the cost of a large
	// poster, and headings, labels, bullets and metric texts recur.
	shaped  sync.Map // lineKey -> *canvas.Text
	nShaped atomic.Int64
}

type lineKey struct {
	face faceKey
	s    string
	a    canvas.TextAlign
}

// maxShaped bounds the shaped-line cache.
const maxShaped = 4000

// line returns s shaped as one line in face, from the cache when it can.
func (f *fonts) line(face *canvas.FontFace, fk faceKey, s string, a canvas.TextAlign) *canvas.Text {
	k := lineKey{fk, s, a}
	if v, ok := f.shaped.Load(k); ok {
		return v.(*canvas.Text)
	}
	t := canvas.NewTextLine(face, s, a)
	if f.nShaped.Load() < maxShaped && len(s) <= 48 {
		if _, loaded := f.shaped.LoadOrStore(k, t); !loaded {
			f.nShaped.Add(1)
		}
	}
	return t
}

type faceKey struct {
	size float64
	bold bool
	col  color.RGBA
}

var (
	fontOnce sync.Once
	theFonts *fonts
	fontErr  error
)

// Preload parses the embedded font now, so the first picture does not wait
// for it; a program calls it in a goroutine while it reads the map.
func Preload() { loadFonts() }

func loadFonts() (*fonts, error) {
	fontOnce.Do(func() {
		// The two fonts are parsed side by side: each takes several
		// milliseconds, which every picture waits for.
		f := &fonts{}
		var boldErr error
		done := make(chan struct{})
		go func() {
			defer close(done)
			f.bold, boldErr = canvas.LoadFont(boldTTF, 0, canvas.FontBold)
		}()
		f.regular, fontErr = canvas.LoadFont(regularTTF, 0, canvas.FontRegular)
		<-done
		if fontErr = errors.Join(fontErr, boldErr); fontErr != nil {
			return
		}
		f.upem[0] = float64(f.regular.SFNT.Head.UnitsPerEm)
		f.upem[1] = float64(f.bold.SFNT.Head.UnitsPerEm)
		f.lowHas = make([]bool, lowRunes)
		for i := range f.lowHas {
			f.lowHas[i] = true
		}
		for i, fnt := range []*canvas.Font{f.regular, f.bold} {
			f.low[i] = make([]float64, lowRunes)
			for r := range rune(lowRunes) {
				g := fnt.SFNT.GlyphIndex(r)
				f.low[i][r] = float64(fnt.SFNT.GlyphAdvance(g)) / f.upem[i]
				f.lowHas[r] = f.lowHas[r] && g != 0
			}
		}
		theFonts = f
	})
	return theFonts, fontErr
}

// face returns the font face whose em is size user units (1 unit = 1 px of
// the 1920×1080 picture).
func (f *fonts) face(size float64, bold bool, col color.RGBA) *canvas.FontFace {
	k := faceKey{size, bold, col}
	if v, ok := f.faces.Load(k); ok {
		return v.(*canvas.FontFace)
	}
	fnt, _ := f.font(bold)
	// Face takes points; the canvas works in millimetres, so a size of
	// s/mmPerPt points gives an em of s units.
	face := fnt.Face(size/mmPerPt, col)
	v, _ := f.faces.LoadOrStore(k, face)
	return v.(*canvas.FontFace)
}

const mmPerPt = 25.4 / 72.0

func (f *fonts) font(bold bool) (*canvas.Font, int) {
	if bold {
		return f.bold, 1
	}
	return f.regular, 0
}

// lowRunes bounds the runes whose advances are kept in a table: Latin,
// Greek, Cyrillic and the common punctuation.
const lowRunes = 0x2200

// advance returns the advance of r at size 1.
func (f *fonts) advance(r rune, bold bool) float64 {
	if r >= 0 && r < lowRunes {
		if bold {
			return f.low[1][r]
		}
		return f.low[0][r]
	}
	fnt, i := f.font(bold)
	if v, ok := f.adv[i].Load(r); ok {
		return v.(float64)
	}
	a := float64(fnt.SFNT.GlyphAdvance(fnt.SFNT.GlyphIndex(r))) / f.upem[i]
	f.adv[i].Store(r, a)
	return a
}

// width measures s at size (no kerning: close enough to lay out by).
func (f *fonts) width(s string, size float64, bold bool) float64 {
	low := f.low[0]
	if bold {
		low = f.low[1]
	}
	w := 0.0
	for _, r := range s {
		if r < lowRunes {
			w += low[r]
		} else {
			w += f.advance(r, bold)
		}
	}
	return w * size
}

// has reports whether the font draws r.
func (f *fonts) has(r rune) bool {
	if r >= 0 && r < lowRunes {
		return f.lowHas[r]
	}
	return f.regular.SFNT.GlyphIndex(r) != 0 && f.bold.SFNT.GlyphIndex(r) != 0
}

// maxRunes bounds any single text handed to layout: a 10,000-character name
// is shown as its first maxRunes characters and an ellipsis.
const maxRunes = 2000

// clean makes user text safe to draw with the embedded font: control
// characters and line breaks become spaces, runs of spaces collapse,
// invisible emoji joiners, variation selectors, skin tones and tags are
// dropped, and any other rune the font lacks (CJK, emoji) becomes □ so a
// reader sees that something is there. Text is cut at maxRunes.
func (f *fonts) clean(s string) string {
	if isPlain(s) && len(s) <= maxRunes {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	n := 0
	space := true // drop leading spaces
	for _, r := range s {
		if n >= maxRunes {
			b.WriteRune('…')
			break
		}
		switch {
		case r == utf8.RuneError || model.IsControl(r) || unicode.IsSpace(r):
			if !space {
				b.WriteByte(' ')
				n++
				space = true
			}
			continue
		case r == 0x200D || r == 0x200C || r == 0x200B || r == 0x2060 || r == 0xFEFF ||
			(r >= 0xFE00 && r <= 0xFE0F) || (r >= 0x1F3FB && r <= 0x1F3FF) ||
			(r >= 0xE0000 && r <= 0xE007F) || (r >= 0xE0100 && r <= 0xE01EF):
			continue
		case unicode.Is(unicode.Mn, r) && !f.has(r):
			continue
		case !f.has(r):
			r = '□'
		}
		b.WriteRune(r)
		n++
		space = false
	}
	return strings.TrimRight(b.String(), " ")
}

// isPlain reports whether s is printable ASCII without doubled spaces.
func isPlain(s string) bool {
	prev := byte(' ')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || (c == ' ' && prev == ' ' && i > 0) {
			return false
		}
		prev = c
	}
	return true
}

// wrap breaks s into lines no wider than width at size, breaking at spaces
// and inside words that are wider than a line. With maxLines > 0, text past
// the last line is cut and the last line ends in an ellipsis.
func (f *fonts) wrap(s string, width, size float64, bold bool, maxLines int) []string {
	if s == "" {
		return nil
	}
	var lines []string
	line := make([]byte, 0, 128)
	lineW := 0.0
	space := f.advance(' ', bold) * size
	flush := func() {
		n := len(line)
		for n > 0 && line[n-1] == ' ' {
			n--
		}
		lines = append(lines, string(line[:n]))
		line = line[:0]
		lineW = 0
	}
	for word := range strings.SplitSeq(s, " ") {
		if word == "" {
			continue
		}
		if maxLines > 0 && len(lines) >= maxLines {
			break
		}
		ww := f.width(word, size, bold)
		if len(line) > 0 && lineW+space+ww > width {
			flush()
		}
		if len(line) > 0 {
			line = append(line, ' ')
			lineW += space
		}
		if ww <= width-lineW {
			line = append(line, word...)
			lineW += ww
			continue
		}
		// A word longer than a line: break it between runes.
		hy := f.advance('-', bold) * size
		for _, r := range word {
			a := f.advance(r, bold) * size
			if lineW+a+hy > width && len(line) > 0 {
				if line[len(line)-1] != ' ' {
					line = append(line, '-')
				}
				flush()
				if maxLines > 0 && len(lines) >= maxLines {
					break
				}
			}
			line = utf8.AppendRune(line, r)
			lineW += a
		}
	}
	if len(line) > 0 && (maxLines <= 0 || len(lines) < maxLines) {
		flush()
	}
	if maxLines > 0 && len(lines) >= maxLines {
		// Was anything cut? Compare the runes kept with the runes given.
		kept := 0
		for _, l := range lines {
			kept += len(strings.ReplaceAll(l, " ", ""))
		}
		if kept < len(strings.ReplaceAll(s, " ", "")) {
			lines = lines[:maxLines]
			lines[maxLines-1] = f.ellipsize(lines[maxLines-1]+"…", width, size, bold)
		}
	}
	return lines
}

// ellipsize shortens s (which may already end in "…") to fit width.
func (f *fonts) ellipsize(s string, width, size float64, bold bool) string {
	if f.width(s, size, bold) <= width {
		return s
	}
	r := []rune(strings.TrimSuffix(s, "…"))
	ell := f.advance('…', bold) * size
	w := f.width(string(r), size, bold)
	for len(r) > 0 && w+ell > width {
		w -= f.advance(r[len(r)-1], bold) * size
		r = r[:len(r)-1]
	}
	return strings.TrimRight(string(r), " ,;:-") + "…"
}

// fit wraps s in at most maxLines lines, trying each size in turn (largest
// first) and keeping the first at which no word has to be broken; the last
// size is used whatever happens.
func (f *fonts) fit(s string, width float64, sizes []float64, bold bool, maxLines int) ([]string, float64) {
	for i, size := range sizes {
		if i == len(sizes)-1 {
			break
		}
		ls := f.wrap(s, width, size, bold, 0)
		if len(ls) > maxLines {
			continue
		}
		ok := true
		for _, w := range strings.Fields(s) {
			if f.width(w, size, bold) > width {
				ok = false
				break
			}
		}
		if ok {
			return ls, size
		}
	}
	size := sizes[len(sizes)-1]
	return f.wrap(s, width, size, bold, maxLines), size
}

package theme

import (
	"charm.land/lipgloss/v2"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Head returns at most the first n bytes of s, cut at a rune boundary.
func Head(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// IsPrintableASCII reports whether s is printable ASCII, which measures one
// cell per byte: the views take that fast path for the common case and
// leave everything else to the grapheme-aware ansi functions.
func IsPrintableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// narrow lists the non-ASCII characters the views themselves write, all one
// cell wide, so measuring their own labels never needs grapheme
// segmentation.
const narrow = "▲▼◀▶◂▸✓✗·ø—…–≥≤━─│┃┼╂┤●◆"

// CellWidth returns how many cells plain text s takes.
func CellWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r >= 0x20 && r < 0x7f:
			n++
		case strings.ContainsRune(narrow, r):
			n++
		default:
			return ansi.StringWidth(s)
		}
	}
	return n
}

// Spaces returns n blanks (none for n <= 0), without allocating for the
// widths a screen has.
func Spaces(n int) string {
	const blank = "                                                                                                                                "
	if n <= 0 {
		return ""
	}
	if n <= len(blank) {
		return blank[:n]
	}
	return strings.Repeat(" ", n)
}

// Repeat returns s n times (nothing for n <= 0).
func Repeat(s string, n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(s, n)
}

// PadPlain returns plain text s cut or padded to exactly w cells.
func PadPlain(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := CellWidth(s)
	if sw > w {
		s = Truncate(s, w, "")
		sw = CellWidth(s)
	}
	return s + Spaces(w-sw)
}

// Paint is a style reduced to the escape sequences around its text, so hot
// paths colour a string with two concatenations instead of a lipgloss
// render (which costs microseconds per call).
type Paint struct{ pre, post string }

// PaintOf reduces s to a Paint: anything a style adds around a single cell
// (colours, attributes) ends up on either side of the probe.
func PaintOf(s lipgloss.Style) Paint {
	const probe = "X"
	r := s.Render(probe)
	i := strings.Index(r, probe)
	if i < 0 {
		return Paint{}
	}
	return Paint{pre: r[:i], post: r[i+len(probe):]}
}

// On colours s.
func (p Paint) On(s string) string {
	if s == "" || (p.pre == "" && p.post == "") {
		return s
	}
	return p.pre + s + p.post
}

// Start and End are the sequences before and after painted text, for a run
// of cells in one colour written between them once.
func (p Paint) Start() string { return p.pre }

// End: see Start.
func (p Paint) End() string { return p.post }

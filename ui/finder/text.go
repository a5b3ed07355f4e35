package finder

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// cutWidth returns the longest prefix of the plain (escape-free) string s
// that fits in width cells, its width, and whether anything was left out. It
// walks grapheme clusters the way ansi.StringWidth measures them and stops as
// soon as the width is used up, so a 10,000-character name costs only what
// is shown.
func cutWidth(s string, width int) (prefix string, w int, cut bool) {
	if width <= 0 {
		return "", 0, s != ""
	}
	i := 0
	for i < len(s) {
		if c := s[i]; c >= 0x20 && c < 0x7f && (i+1 >= len(s) || s[i+1] < 0x80) {
			// Printable ASCII not followed by a possible combining mark is
			// one cell: skip the grapheme machinery.
			if w+1 > width {
				return s[:i], w, true
			}
			w++
			i++
			continue
		}
		cluster, cw := ansi.FirstGraphemeCluster(s[i:], ansi.GraphemeWidth)
		if len(cluster) == 0 {
			break
		}
		if w+cw > width {
			return s[:i], w, true
		}
		w += cw
		i += len(cluster)
	}
	return s, w, false
}

// paint is a style reduced to the escape sequences around its text, so a
// run costs two concatenations instead of a Render. Only for styles without
// width, padding, margins or borders.
type paint struct{ pre, post string }

func newPaint(st lipgloss.Style) paint {
	r := st.Render("x")
	i := strings.IndexByte(r, 'x') // escape sequences never hold an 'x'
	if i < 0 {
		return paint{}
	}
	return paint{pre: r[:i], post: r[i+1:]}
}

func (p paint) add(b *strings.Builder, s string) {
	if s == "" {
		return
	}
	b.WriteString(p.pre)
	b.WriteString(s)
	b.WriteString(p.post)
}

// Highlight renders the plain string s in at most width cells: characters
// whose byte offsets are listed in matched (ascending, as fuzzy.Match gives
// them) use hl, the rest base. Text that does not fit ends with "…".
func Highlight(s string, matched []int, width int, base, hl lipgloss.Style) string {
	var b strings.Builder
	highlight(&b, s, matched, width, newPaint(base), newPaint(hl))
	return b.String()
}

// highlight writes Highlight's result to b and returns its width.
func highlight(b *strings.Builder, s string, matched []int, width int, base, hl paint) int {
	if width <= 0 {
		return 0
	}
	shown, w, cut := cutWidth(s, width)
	if cut {
		shown, w, _ = cutWidth(s, width-1)
	}
	start := 0 // start of the pending run of unmatched bytes
	k := 0
	for k < len(matched) && matched[k] < len(shown) {
		i := matched[k]
		k++
		if i < start {
			continue // inside a cluster already drawn
		}
		// A match covers its whole grapheme cluster so a highlighted letter
		// never loses its accent.
		cluster, _ := ansi.FirstGraphemeCluster(shown[i:], ansi.GraphemeWidth)
		if len(cluster) == 0 {
			break
		}
		base.add(b, shown[start:i])
		end := i + len(cluster)
		// Adjacent matches share one run: fewer escape sequences.
		for k < len(matched) && matched[k] == end && end < len(shown) {
			c, _ := ansi.FirstGraphemeCluster(shown[end:], ansi.GraphemeWidth)
			if len(c) == 0 {
				break
			}
			end += len(c)
			k++
		}
		hl.add(b, shown[i:end])
		start = end
	}
	base.add(b, shown[start:])
	if cut {
		base.add(b, "…")
		w++
	}
	return w
}

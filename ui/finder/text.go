package finder

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Cut returns the longest prefix of the plain (escape-free) string s that
// fits in width cells, and whether anything was left out. It walks grapheme
// clusters the way ansi.StringWidth measures them and stops as soon as the
// width is used up, so a 10,000-character name costs only what is shown.
func Cut(s string, width int) (prefix string, cut bool) {
	if width <= 0 {
		return "", s != ""
	}
	w, i := 0, 0
	for i < len(s) {
		if c := s[i]; c >= 0x20 && c < 0x7f {
			// Printable ASCII is one cell; skip the grapheme machinery unless
			// a combining mark could follow.
			if i+1 >= len(s) || s[i+1] < 0x80 {
				if w+1 > width {
					return s[:i], true
				}
				w++
				i++
				continue
			}
		}
		cluster, cw := ansi.FirstGraphemeCluster(s[i:], ansi.GraphemeWidth)
		if len(cluster) == 0 {
			break
		}
		if w+cw > width {
			return s[:i], true
		}
		w += cw
		i += len(cluster)
	}
	return s, false
}

// Highlight renders the plain string s in at most width cells: characters
// whose byte offsets are listed in matched (ascending, as fuzzy.Match gives
// them) use hl, the rest base. Text that does not fit ends with "…".
func Highlight(s string, matched []int, width int, base, hl lipgloss.Style) string {
	if width <= 0 {
		return ""
	}
	shown, cut := Cut(s, width)
	if cut {
		shown, _ = Cut(s, width-1)
	}
	var b strings.Builder
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
		if i > start {
			b.WriteString(base.Render(shown[start:i]))
		}
		end := i + len(cluster)
		// Adjacent matches share one styled run: fewer escape sequences.
		for k < len(matched) && matched[k] == end && end < len(shown) {
			c, _ := ansi.FirstGraphemeCluster(shown[end:], ansi.GraphemeWidth)
			if len(c) == 0 {
				break
			}
			end += len(c)
			k++
		}
		b.WriteString(hl.Render(shown[i:end]))
		start = end
	}
	if start < len(shown) {
		b.WriteString(base.Render(shown[start:]))
	}
	if cut {
		b.WriteString(base.Render("…"))
	}
	return b.String()
}

// pad fills a rendered line with spaces (in style st) to exactly width
// cells, truncating first if a width mismatch ever made it too long.
func pad(line string, width int, st lipgloss.Style) string {
	w := ansi.StringWidth(line)
	if w > width {
		line = ansi.Truncate(line, width, "")
		w = ansi.StringWidth(line)
	}
	if w < width {
		line += st.Render(strings.Repeat(" ", width-w))
	}
	return line
}

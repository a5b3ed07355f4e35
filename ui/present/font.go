package present

import (
	"strings"
	"unicode"
)

// glyphRows is the height of the banner font.
const glyphRows = 5

// font is a 5-row block font for A–Z, 0–9 and common punctuation: '#' is a
// lit cell. Glyphs have their own widths so I, 1 and punctuation stay narrow.
var font = map[rune][glyphRows]string{
	'A':  {" ### ", "#   #", "#####", "#   #", "#   #"},
	'B':  {"#### ", "#   #", "#### ", "#   #", "#### "},
	'C':  {" ####", "#    ", "#    ", "#    ", " ####"},
	'D':  {"#### ", "#   #", "#   #", "#   #", "#### "},
	'E':  {"#####", "#    ", "#### ", "#    ", "#####"},
	'F':  {"#####", "#    ", "#### ", "#    ", "#    "},
	'G':  {" ####", "#    ", "#  ##", "#   #", " ####"},
	'H':  {"#   #", "#   #", "#####", "#   #", "#   #"},
	'I':  {"###", " # ", " # ", " # ", "###"},
	'J':  {"  ###", "    #", "    #", "#   #", " ### "},
	'K':  {"#   #", "#  # ", "###  ", "#  # ", "#   #"},
	'L':  {"#    ", "#    ", "#    ", "#    ", "#####"},
	'M':  {"#   #", "## ##", "# # #", "#   #", "#   #"},
	'N':  {"#   #", "##  #", "# # #", "#  ##", "#   #"},
	'O':  {" ### ", "#   #", "#   #", "#   #", " ### "},
	'P':  {"#### ", "#   #", "#### ", "#    ", "#    "},
	'Q':  {" ### ", "#   #", "# # #", "#  # ", " ## #"},
	'R':  {"#### ", "#   #", "#### ", "#  # ", "#   #"},
	'S':  {" ####", "#    ", " ### ", "    #", "#### "},
	'T':  {"#####", "  #  ", "  #  ", "  #  ", "  #  "},
	'U':  {"#   #", "#   #", "#   #", "#   #", " ### "},
	'V':  {"#   #", "#   #", "#   #", " # # ", "  #  "},
	'W':  {"#   #", "#   #", "# # #", "## ##", "#   #"},
	'X':  {"#   #", " # # ", "  #  ", " # # ", "#   #"},
	'Y':  {"#   #", " # # ", "  #  ", "  #  ", "  #  "},
	'Z':  {"#####", "   # ", "  #  ", " #   ", "#####"},
	'0':  {" ### ", "#  ##", "# # #", "##  #", " ### "},
	'1':  {" # ", "## ", " # ", " # ", "###"},
	'2':  {" ### ", "#   #", "  ## ", " #   ", "#####"},
	'3':  {"#### ", "    #", " ### ", "    #", "#### "},
	'4':  {"#   #", "#   #", "#####", "    #", "    #"},
	'5':  {"#####", "#    ", "#### ", "    #", "#### "},
	'6':  {" ### ", "#    ", "#### ", "#   #", " ### "},
	'7':  {"#####", "    #", "   # ", "  #  ", "  #  "},
	'8':  {" ### ", "#   #", " ### ", "#   #", " ### "},
	'9':  {" ### ", "#   #", " ####", "    #", " ### "},
	' ':  {"   ", "   ", "   ", "   ", "   "},
	'.':  {" ", " ", " ", " ", "#"},
	',':  {"  ", "  ", "  ", " #", "# "},
	'!':  {"#", "#", "#", " ", "#"},
	'?':  {"### ", "   #", " ## ", "    ", " #  "},
	'-':  {"   ", "   ", "###", "   ", "   "},
	'/':  {"    #", "   # ", "  #  ", " #   ", "#    "},
	':':  {" ", "#", " ", "#", " "},
	'\'': {"#", "#", " ", " ", " "},
	'(':  {" #", "# ", "# ", "# ", " #"},
	')':  {"# ", " #", " #", " #", "# "},
	'+':  {"   ", " # ", "###", " # ", "   "},
	'&':  {" ##  ", "#  # ", " ## #", "#  # ", " ## #"},
}

// bannerWidth returns the cells Banner would take for s at scale sx, and
// false when s has a character outside the font. It stops counting once the
// width passes limit, so a 10,000-character name costs almost nothing.
func bannerWidth(s string, sx, limit int) (int, bool) {
	w := 0
	first := true
	for _, r := range s {
		g, ok := font[unicode.ToUpper(r)]
		if !ok {
			return 0, false
		}
		if !first {
			w += sx
		}
		first = false
		w += len(g[0]) * sx
		if w > limit {
			return w, true
		}
	}
	return w, true
}

// Banner draws s in the block font, each lit cell sx cells of █ wide, and
// returns glyphRows lines. It returns nil when s is empty, has a character
// outside the font, or would be wider than width.
func Banner(s string, sx, width int) []string {
	if s == "" || sx < 1 {
		return nil
	}
	w, ok := bannerWidth(s, sx, width)
	if !ok || w > width {
		return nil
	}
	var rows [glyphRows]strings.Builder
	lit := strings.Repeat("█", sx)
	dark := strings.Repeat(" ", sx)
	first := true
	for _, r := range s {
		g := font[unicode.ToUpper(r)]
		for i := range rows {
			if !first {
				rows[i].WriteString(dark)
			}
			for _, c := range g[i] {
				if c == '#' {
					rows[i].WriteString(lit)
				} else {
					rows[i].WriteString(dark)
				}
			}
		}
		first = false
	}
	out := make([]string, glyphRows)
	for i := range rows {
		out[i] = strings.TrimRight(rows[i].String(), " ")
	}
	return out
}

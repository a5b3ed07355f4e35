package present

import (
	"strings"
	"unicode"
)

// glyphRows is the height of the banner font.
const glyphRows = 5

// font is a 5-row block font for A–Z, 0–9, the accented capitals of the
// Latin alphabets (built in init) and common punctuation: '#' is a lit cell.
// Glyphs have their own widths so I, 1 and punctuation stay narrow. Text
// with a character outside it (CJK, emoji) falls back to plain bold text.
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
	';':  {"  ", " #", "  ", " #", "# "},
	'"':  {"# #", "# #", "   ", "   ", "   "},
	'’':  {" #", " #", "# ", "  ", "  "},
	'‘':  {" #", "# ", "# ", "  ", "  "},
	'“':  {" # #", "# # ", "# # ", "    ", "    "},
	'”':  {" # #", " # #", "# # ", "    ", "    "},
	'_':  {"    ", "    ", "    ", "    ", "####"},
	'=':  {"   ", "###", "   ", "###", "   "},
	'*':  {"     ", "# # #", " ### ", "# # #", "     "},
	'#':  {" # # ", "#####", " # # ", "#####", " # # "},
	'%':  {"##  #", "## # ", "  #  ", " # ##", "#  ##"},
	'@':  {" ### ", "#   #", "# ###", "# # #", "#  ##"},
	'$':  {" ####", "# #  ", " ### ", "  # #", "#### "},
	'€':  {"  ###", " #   ", "#### ", " #   ", "  ###"},
	'£':  {"  ## ", " #   ", "#### ", " #   ", "#####"},
	'<':  {"  #", " # ", "#  ", " # ", "  #"},
	'>':  {"#  ", " # ", "  #", " # ", "#  "},
	'[':  {"##", "# ", "# ", "# ", "##"},
	']':  {"##", " #", " #", " #", "##"},
	'–':  {"    ", "    ", "####", "    ", "    "},
	'—':  {"     ", "     ", "#####", "     ", "     "},
	'…':  {"     ", "     ", "     ", "     ", "# # #"},
	'·':  {" ", " ", "#", " ", " "},
	'|':  {"#", "#", "#", "#", "#"},
	'→':  {"  #  ", "   # ", "#####", "   # ", "  #  "},
	'ß':  {" ##  ", "#  # ", "# ## ", "#   #", "# ## "},
	'Ø':  {" ####", "#  ##", "# # #", "##  #", "#### "},
	'Æ':  {" ####", "# #  ", "#####", "# #  ", "# ###"},
	'Œ':  {" ####", "# #  ", "# ###", "# #  ", " ####"},
	'Ð':  {"#### ", "#   #", "### #", "#   #", "#### "},
	'Þ':  {"#    ", "#### ", "#   #", "#### ", "#    "},
	'Ł':  {"#    ", "# #  ", "##   ", "#    ", "#####"},
	'¿':  {"  # ", "    ", " ## ", "#   ", " ###"},
	'¡':  {"#", " ", "#", "#", "#"},
}

// Accented capitals are drawn from their base letter with the mark in the
// top row; the letter gives up one of its middle rows, the one most like a
// neighbour, so it keeps its shape.
const (
	markAcute = iota
	markGrave
	markCircumflex
	markTilde
	markUmlaut
	markRing
	markCaron
	markDot
	markDoubleAcute
	markMacron
	markBreve
	markBelow // cedilla, ogonek: no row below the letter, so no mark
)

// accents maps each accented capital to its base letter and mark. Its
// lower-case forms reach it through unicode.ToUpper.
var accents = map[rune]struct {
	base rune
	mark int
}{}

func init() {
	add := func(letters string, base rune, marks ...int) {
		for i, r := range []rune(letters) {
			accents[r] = struct {
				base rune
				mark int
			}{base, marks[i]}
		}
	}
	add("ÀÁÂÃÄÅĀĂĄ", 'A', markGrave, markAcute, markCircumflex, markTilde, markUmlaut, markRing, markMacron, markBreve, markBelow)
	add("ÈÉÊËĒĖĘĚ", 'E', markGrave, markAcute, markCircumflex, markUmlaut, markMacron, markDot, markBelow, markCaron)
	add("ÌÍÎÏĪİĮ", 'I', markGrave, markAcute, markCircumflex, markUmlaut, markMacron, markDot, markBelow)
	add("ÒÓÔÕÖŌŐ", 'O', markGrave, markAcute, markCircumflex, markTilde, markUmlaut, markMacron, markDoubleAcute)
	add("ÙÚÛÜŪŮŰŲ", 'U', markGrave, markAcute, markCircumflex, markUmlaut, markMacron, markRing, markDoubleAcute, markBelow)
	add("ÝŸ", 'Y', markAcute, markUmlaut)
	add("ÑŃŇ", 'N', markTilde, markAcute, markCaron)
	add("ÇĆČ", 'C', markBelow, markAcute, markCaron)
	add("ŚŠŞ", 'S', markAcute, markCaron, markBelow)
	add("ŹŻŽ", 'Z', markAcute, markDot, markCaron)
	add("Ď", 'D', markCaron)
	add("ŘŔ", 'R', markCaron, markAcute)
	add("Ť", 'T', markCaron)
	add("ĹĽĻ", 'L', markAcute, markCaron, markBelow)
	add("ĞĢ", 'G', markBreve, markBelow)
	add("Ķ", 'K', markBelow)
	add("Ņ", 'N', markBelow)
	for r, a := range accents {
		if _, ok := font[r]; !ok {
			font[r] = accented(font[a.base], a.mark)
		}
	}
}

// accented returns glyph g with mark over it.
func accented(g [glyphRows]string, mark int) [glyphRows]string {
	if mark == markBelow {
		return g
	}
	w := len(g[0])
	c := w / 2
	top := []byte(strings.Repeat(" ", w))
	set := func(xs ...int) {
		for _, x := range xs {
			if x >= 0 && x < w {
				top[x] = '#'
			}
		}
	}
	switch mark {
	case markAcute:
		set(c + 1)
	case markGrave:
		set(c - 1)
	case markCircumflex, markCaron:
		set(c-1, c+1)
		if mark == markCircumflex {
			set(c)
		}
	case markTilde:
		set(c-2, c-1, c+1)
	case markUmlaut, markDoubleAcute:
		set(c-1, c+1)
	case markRing, markDot:
		set(c)
	case markMacron, markBreve:
		set(c-1, c, c+1)
	}
	// Drop the middle row most like a neighbour.
	drop := 1
	for i := 1; i < glyphRows-1; i++ {
		if g[i] == g[i-1] || g[i] == g[i+1] {
			drop = i
			break
		}
	}
	var out [glyphRows]string
	out[0] = string(top)
	k := 1
	for i := 0; i < glyphRows; i++ {
		if i != drop {
			out[k] = g[i]
			k++
		}
	}
	return out
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

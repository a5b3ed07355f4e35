package theme

import (
	"strings"
	"unicode"
)

// PastedLines splits pasted text into the items it lists: one per
// non-blank line, each trimmed and without the bullet or number a list
// copied from a document, a chat or a sticky-note app starts with ("- ",
// "* ", "• ", "1. ", "1) ", "[ ] "). A line that is only a bullet is
// dropped.
func PastedLines(s string) []string {
	var out []string
	for _, l := range strings.FieldsFunc(s, func(c rune) bool { return c == '\n' || c == '\r' }) {
		if l = StripBullet(strings.TrimSpace(l)); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// IsMultiLine reports whether pasted text holds more than one line.
func IsMultiLine(s string) bool { return strings.ContainsAny(strings.TrimSpace(s), "\r\n") }

// StripBullet removes one leading list marker (and checkbox) from a
// trimmed line.
func StripBullet(l string) string {
	for _, b := range []string{"- [ ] ", "- [x] ", "* [ ] ", "[ ] ", "[x] "} {
		if rest, ok := strings.CutPrefix(l, b); ok {
			return strings.TrimSpace(rest)
		}
	}
	for _, b := range []string{"-", "*", "•", "·", "–", "—", "‣", "◦", "▪", "+", ">"} {
		if rest, ok := strings.CutPrefix(l, b); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
			return strings.TrimSpace(rest)
		}
	}
	// "1." "12)" "a." "(3)": a number or one letter, then . or ) and a space.
	i := 0
	rs := []rune(l)
	if len(rs) > 0 && rs[0] == '(' {
		i = 1
	}
	j := i
	for j < len(rs) && unicode.IsDigit(rs[j]) && j-i < 3 {
		j++
	}
	if j == i && j < len(rs) && unicode.IsLetter(rs[j]) && j+1 < len(rs) && (rs[j+1] == '.' || rs[j+1] == ')') &&
		j+2 < len(rs) && rs[j+2] == ' ' && i == 0 && unicode.IsLower(rs[j]) {
		return strings.TrimSpace(string(rs[j+2:]))
	}
	if j > i && j < len(rs) && (rs[j] == '.' || rs[j] == ')') && (j+1 == len(rs) || rs[j+1] == ' ' || rs[j+1] == '\t') {
		return strings.TrimSpace(string(rs[j+1:]))
	}
	return l
}

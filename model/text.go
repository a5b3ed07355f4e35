package model

import (
	"strings"
	"unicode/utf8"
)

// This file holds the one set of text rules: what text a field may hold, and
// how untrusted text (an imported file, a map someone else wrote, an error
// that quotes either) is made safe to store, to write into a document, to
// show on one line of a terminal or in a message. It is the only place that
// decides which runes are control characters or otherwise unsafe; every
// format, screen and message calls it.
//
// A field holds valid UTF-8 without control characters, except that '\n' and
// '\t' are kept (descriptions and notes have lines): CleanText makes any
// string so. Length limits are in runes: MaxNameLen for titles, names,
// channels, owners, labels and list items, MaxTextLen for descriptions and
// notes (see Validate).

// Limits keep text sizes sane; a 10,000-character name is accepted, a
// megabyte is not.
const (
	MaxNameLen = 10_000  // titles, names, channels, owners, labels, list items
	MaxTextLen = 100_000 // descriptions and notes
)

// IsControl reports whether r is a C0 or C1 control character or DEL: the
// runes that can start a terminal escape sequence (ESC 0x1b, the C1 CSI
// 0x9b) or otherwise move the cursor. Tabs and line feeds are controls too;
// the cleaning modes decide what becomes of them.
func IsControl(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0)
}

// isJoiner reports whether r glues emoji into one grapheme whose width
// grapheme and wcwidth measuring disagree on: the zero-width joiner, the
// text and emoji presentation selectors, skin tones and tag characters
// (subdivision flags). See CleanTerminal.
func isJoiner(r rune) bool {
	switch {
	case r == 0x200d, r == 0xfe0e, r == 0xfe0f:
		return true
	case r >= 0x1f3fb && r <= 0x1f3ff:
		return true
	case r >= 0xe0020 && r <= 0xe007f:
		return true
	}
	return false
}

// textMode is what a cleaning does with the runes it must not pass on.
// Whatever the mode, invalid UTF-8 becomes U+FFFD and no control character
// other than '\n' and '\t' (in modeText) survives.
type textMode uint8

const (
	// modeText keeps '\n' and '\t', turns "\r\n" and a lone '\r' into '\n'
	// and drops every other control character: text as a field holds it.
	modeText textMode = iota
	// modeTerminal puts text on one line of a terminal: '\n', '\t' and '\r'
	// become spaces, other control characters and emoji joiners are dropped.
	modeTerminal
	// modeMessage puts text on one line of a message: every control
	// character becomes a space, so what was between words stays apart.
	modeMessage
)

// firstUnsafe returns the byte offset of the first rune that m changes, or
// len(s) when s passes unchanged.
func (m textMode) firstUnsafe(s string) int {
	keepBreaks := m == modeText
	joiners := m == modeTerminal
	for i := 0; i < len(s); {
		// Most text is printable ASCII: eight bytes are tested at once, and
		// a word that fails is read rune by rune, then the next word tried.
		if i+8 <= len(s) && printable8(s[i:i+8]) {
			i += 8
			continue
		}
		for end := min(i+8, len(s)); i < end; {
			c := s[i]
			if c < utf8.RuneSelf {
				if c >= 0x20 && c != 0x7f || keepBreaks && (c == '\n' || c == '\t') {
					i++
					continue
				}
				return i
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 || IsControl(r) || joiners && isJoiner(r) {
				return i
			}
			i += size
		}
	}
	return len(s)
}

// printable8 reports whether the 8 bytes of s are all printable ASCII
// (0x20 to 0x7e), testing them as one word: none has its high bit set,
// none is below 0x20, none is 0x7f.
func printable8(s string) bool {
	w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	del := w ^ 0x7f*ones
	return w&highs == 0 && (w-0x20*ones)&^w&highs == 0 && (del-ones)&^del&highs == 0
}

// clean applies m to s in one pass: a clean string is scanned once and
// returned as it is, without allocating; otherwise the copy starts at the
// first rune that changes.
func (m textMode) clean(s string) string {
	i := m.firstUnsafe(s)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case IsControl(r):
			switch {
			case m == modeMessage:
				b.WriteByte(' ')
			case m == modeTerminal && (r == '\n' || r == '\t' || r == '\r'):
				b.WriteByte(' ')
			case m == modeText && (r == '\n' || r == '\t'):
				b.WriteByte(byte(r))
			case m == modeText && r == '\r':
				b.WriteByte('\n')
				if i < len(s) && s[i] == '\n' {
					i++
				}
			}
			// any other control character is dropped
		case m == modeTerminal && isJoiner(r):
			// dropped
		default:
			b.WriteRune(r) // writes U+FFFD for an invalid byte
		}
	}
	return b.String()
}

// CleanText makes s what a field may hold: every C0/C1 control character
// except '\n' and '\t' is removed, "\r\n" and a lone '\r' become '\n', and
// invalid UTF-8 becomes U+FFFD. ESC (0x1b) and the C1 CSI (0x9b) are what
// terminal escape sequences start with, so text passed through here can
// never drive a terminal, whichever screen or pager later shows it. A clean
// string is returned as it is, without allocating.
func CleanText(s string) string { return modeText.clean(s) }

// CleanLine is CleanText for places that hold one line: every run of
// whitespace that contains a line break or tab becomes a single space, and
// the ends are trimmed.
func CleanLine(s string) string {
	if modeMessage.firstUnsafe(s) == len(s) {
		return strings.TrimSpace(s) // no control character at all: clean and one line
	}
	s = CleanText(s)
	if !strings.ContainsAny(s, "\n\t") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// CleanList applies CleanText to every item, returning a new slice (never
// nil).
func CleanList(items []string) []string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = CleanText(s)
	}
	return out
}

// CleanTerminal makes user text safe to draw on one line of a terminal:
// control characters (including ESC, so no escape sequence can reach the
// terminal) are dropped, line breaks and tabs become spaces, and invalid
// UTF-8 becomes U+FFFD.
//
// It also drops the joiners and modifiers that make one emoji out of
// several (zero-width joiner, variation selectors, skin tones, tag
// characters). Bubble Tea lays cells out by wcwidth unless the terminal
// supports grapheme clustering (mode 2027; tmux and most terminals do not),
// while lipgloss measures graphemes: for "👩‍👩‍👧‍👦" one says 8 cells and the
// other 2, and the board's columns came apart. Without them both agree, at
// the price of showing the family as four people.
//
// A clean string is returned as it is, without allocating.
func CleanTerminal(s string) string { return modeTerminal.clean(s) }

// OneLine makes untrusted text safe for a one-line message on a terminal
// (an error, a command's output): every control character becomes a space
// and invalid UTF-8 becomes U+FFFD. Text longer than most runes is cut to
// most runes followed by "…".
func OneLine(s string, most int) string {
	s = modeMessage.clean(s)
	if len(s) <= most {
		return s // no more bytes than most, so no more runes
	}
	n := 0
	for i := range s {
		if n == most {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

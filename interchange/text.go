package interchange

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"journeymap/model"
)

// This file holds how user text is rewritten so it cannot break the syntax
// of the document it is written into. What a string may contain at all, and
// the cleaning of control characters, is model's (model/text.go).

// mdSpecial are the ASCII punctuation characters that can start or end
// Markdown (GFM) inline syntax: emphasis, code spans, links, images, raw HTML,
// entities, autolinks, strikethrough, table cells and heading closers.
// CommonMark lets any ASCII punctuation be backslash-escaped, so escaping
// these always renders the character itself.
const mdSpecial = "\\`*_[]<>|#~&!"

// mdInline escapes one line of user text for use anywhere inline: in a
// paragraph, a list item, a heading or a table cell. Line breaks become
// spaces, so the text can never end the construct it sits in, and a leading
// marker that would start a block (list, quote, heading, thematic break,
// setext underline, code indent) is neutralised as well, so the result is safe
// even at the start of a line.
func mdInline(s string) string { return string(appendInline(nil, s)) }

// appendInline appends mdInline(s) to dst without allocating for text that
// needs no cleaning.
func appendInline(dst []byte, s string) []byte {
	s = model.CleanLine(s)
	if s == "" {
		return dst
	}
	// Block markers only matter at the start of a line.
	switch s[0] {
	case '-', '+', '=', '>':
		dst = append(dst, '\\', s[0])
		s = s[1:]
	default:
		// "1." and "1)" start an ordered list.
		n := 0
		for n < len(s) && n < 10 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n > 0 && n < len(s) && (s[n] == '.' || s[n] == ')') {
			dst = append(dst, s[:n]...)
			dst = append(dst, '\\', s[n])
			s = s[n+1:]
		}
	}
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		// A colon directly before a word may open an emoji shortcode
		// (":smile:"), which renderers such as pandoc's gfm replace.
		if mdSpecialSet[c] || c == ':' && i+1 < len(s) && s[i+1] != ' ' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\')
			start = i
		}
	}
	return append(dst, s[start:]...)
}

var mdSpecialSet = func() (set [256]bool) {
	for i := 0; i < len(mdSpecial); i++ {
		set[mdSpecial[i]] = true
	}
	return set
}()

// mdBlock escapes multi-line user text (descriptions, notes) for a paragraph:
// every line is escaped like mdInline and lines are joined with hard line
// breaks; blank lines separate paragraphs. Leading indentation is dropped so
// no line can turn into a code block.
func mdBlock(s string) string { return string(appendBlock(nil, s)) }

// appendBlock appends mdBlock(s) to dst.
func appendBlock(dst []byte, s string) []byte {
	s = model.CleanText(s)
	blank, first := false, true
	for s != "" {
		line, rest, _ := strings.Cut(s, "\n")
		s = rest
		if model.CleanLine(line) == "" {
			blank = true
			continue
		}
		switch {
		case first:
		case blank:
			dst = append(dst, '\n', '\n')
		default:
			dst = append(dst, '\\', '\n') // hard line break
		}
		dst = appendInline(dst, line)
		first, blank = false, false
	}
	return dst
}

// mermaidRepl rewrites the characters Mermaid's journey grammar gives a
// meaning to (":" separates task, score and actors; "#" and ";" start and
// end entity codes and end statements) into Mermaid's own entity codes,
// which it turns back into the characters when it draws the diagram. Angle
// brackets and backticks go the same way: Mermaid renders labels as HTML,
// and a backtick fence around the diagram in Markdown must stay closed.
var mermaidRepl = strings.NewReplacer(
	":", "#58;", ";", "#59;", "#", "#35;",
	"<", "#60;", ">", "#62;", "`", "#96;",
)

// startsWithMermaidKeyword reports whether s starts the way a line with a
// meaning of its own does in Mermaid's journey lexer, which is
// case-insensitive and tries its keywords before task text: "journey"
// anywhere, "title" and "section" before whitespace (JavaScript's \s, which
// includes no-break and other Unicode spaces), "accTitle" and "accDescr";
// and a leading "%", which Mermaid 11 takes for a comment (found by running
// the exports through mermaid.parse).
func startsWithMermaidKeyword(s string) bool {
	if strings.HasPrefix(s, "%") {
		return true // Mermaid 11 drops a task line that starts with "%"
	}
	for _, k := range []string{"journey", "acctitle", "accdescr"} {
		if _, ok := cutFoldPrefix(s, k); ok {
			return true
		}
	}
	for _, k := range []string{"title", "section"} {
		if rest, ok := cutFoldPrefix(s, k); ok && rest != "" {
			r, _ := utf8.DecodeRuneInString(rest)
			if r = unicode.ToLower(r); unicode.IsSpace(r) || r == '\ufeff' {
				return true
			}
		}
	}
	return false
}

// cutFoldPrefix reports whether strings.ToLower(s) starts with the
// lower-case ASCII keyword k, and returns what of s follows it, without
// lowering (and copying) s.
func cutFoldPrefix(s, k string) (rest string, ok bool) {
	for i := 0; i < len(k); i++ {
		if s == "" {
			return "", false
		}
		r, size := utf8.DecodeRuneInString(s)
		if unicode.ToLower(r) != rune(k[i]) {
			return "", false
		}
		s = s[size:]
	}
	return s, true
}

// mermaidText rewrites user text so it fits on one Mermaid journey line
// without changing the diagram's structure. It never returns "".
func mermaidText(s string) string {
	s = mermaidRepl.Replace(model.CleanLine(s))
	// The lexer treats "%%" after any character as a comment to the end of
	// the line, which would swallow the score.
	for strings.Contains(s, "%%") {
		s = strings.ReplaceAll(s, "%%", "% %")
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return "untitled"
	}
	if startsWithMermaidKeyword(s) {
		return "\u201c" + s + "\u201d" // quotes keep the keyword from leading the line
	}
	return s
}

// mermaidActor is mermaidText for an actor name, where a comma would split
// one actor into two.
func mermaidActor(s string) string {
	return mermaidText(strings.ReplaceAll(s, ",", " "))
}

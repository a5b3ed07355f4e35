package model

import (
	"iter"
	"strings"
)

// listSep precedes every item of a List.
const listSep = '\x1f'

// List is an ordered list of short texts (a touchpoint's motivations,
// thoughts, …) held as one string: every item is preceded by the unit
// separator U+001F, so "" is the empty list (the zero value), "\x1f" a list
// of one empty item and "\x1fa\x1fb" the list [a b]. A string header per
// item was 2.5 MB on a 10,000-touchpoint map; one string per list lets the
// loader cut a list straight out of the text SQLite sends (see
// ARCHITECTURE.md, "Memory on large maps"). Lists are values: they compare
// with ==, and a copy never aliases anything that can change.
type List struct{ s string }

// ListOf returns the list of items. A field never holds control characters
// (text.go), and U+001F would split an item in two, so ListOf drops every
// U+001F inside an item.
func ListOf(items ...string) List { return List{}.Append(items...) }

// Append returns l with items added at its end, each with every U+001F
// dropped (see ListOf).
func (l List) Append(items ...string) List {
	if len(items) == 0 {
		return l
	}
	n := len(l.s)
	for _, it := range items {
		n += 1 + len(it)
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(l.s)
	for _, it := range items {
		b.WriteByte(listSep)
		if strings.IndexByte(it, listSep) < 0 {
			b.WriteString(it)
			continue
		}
		for i := 0; i < len(it); i++ {
			if it[i] != listSep {
				b.WriteByte(it[i])
			}
		}
	}
	return List{b.String()}
}

// ListFromEncoded returns the list whose encoding is s: "" or every item
// preceded by U+001F. It copies nothing; ok is false when s is neither.
func ListFromEncoded(s string) (l List, ok bool) {
	if s != "" && s[0] != listSep {
		return List{}, false
	}
	return List{s}, true
}

// Len returns how many items l holds.
func (l List) Len() int { return strings.Count(l.s, string(rune(listSep))) }

// At returns the item at index i; it panics when i is out of range, as a
// slice does.
func (l List) At(i int) string {
	if i >= 0 {
		for j, it := range l.All() {
			if j == i {
				return it
			}
		}
	}
	panic("model.List.At: index out of range")
}

// All yields every item with its index, in order. The items share memory
// with l.
func (l List) All() iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		s := l.s
		for i := 0; s != ""; i++ {
			s = s[1:] // the separator before the item
			end := strings.IndexByte(s, listSep)
			if end < 0 {
				end = len(s)
			}
			if !yield(i, s[:end]) {
				return
			}
			s = s[end:]
		}
	}
}

// Items returns the items as a fresh slice, nil for the empty list.
func (l List) Items() []string {
	if l.s == "" {
		return nil
	}
	out := make([]string, 0, l.Len())
	for _, it := range l.All() {
		out = append(out, it)
	}
	return out
}

// Own returns l with its text copied, so it keeps no larger string alive
// (see Touchpoint.Own).
func (l List) Own() List { return List{strings.Clone(l.s)} }

package finder

import (
	"strings"
	"testing"
)

func TestFoldIndex(t *testing.T) {
	for _, c := range []struct {
		s, q string
		want int
	}{
		{"", "a", -1},
		{"abc", "", 0},
		{"Delivery", "deli", 0},
		{"the DELIVERY van", "delivery", 4},
		{"dddD dElIvErY", "delivery", 5},
		{"delivers", "delivery", -1},
		{"x-Ray", "-r", 1},
		{"ab", "abc", -1},
		{"Ünïcode Delivery", "delivery", len("Ünïcode ")},
	} {
		if got := foldIndex(c.s, []byte(c.q)); got != c.want {
			t.Errorf("foldIndex(%q, %q) = %d, want %d", c.s, c.q, got, c.want)
		}
	}
}

// FuzzFoldIndex holds foldIndex to strings.Index on an ASCII-lowered copy,
// which is what it replaces.
func FuzzFoldIndex(f *testing.F) {
	f.Add("the DELIVERY van", "delivery")
	f.Add("aAaAb", "ab")
	f.Fuzz(func(t *testing.T, s, q string) {
		lq := []byte(q)
		for i, c := range lq {
			lq[i] = lowerByte[c]
		}
		low := []byte(s)
		for i, c := range low {
			low[i] = lowerByte[c]
		}
		if got, want := foldIndex(s, lq), strings.Index(string(low), string(lq)); got != want {
			t.Fatalf("foldIndex(%q, %q) = %d, want %d", s, lq, got, want)
		}
		if len(lq) > 0 {
			if got, want := foldIndexByte(s, lq[0]), strings.IndexByte(string(low), lq[0]); got != want {
				t.Fatalf("foldIndexByte(%q, %q) = %d, want %d", s, lq[0], got, want)
			}
			if got, want := foldLastIndexByte(s, lq[0]), strings.LastIndexByte(string(low), lq[0]); got != want {
				t.Fatalf("foldLastIndexByte(%q, %q) = %d, want %d", s, lq[0], got, want)
			}
		}
	})
}

// FuzzEntryText holds an entry's parts to the text they stand for: span
// and byteAt read it without building it, and exactField finds what a
// search of the lowered text finds.
func FuzzEntryText(f *testing.F) {
	f.Add("Checkout", "card refused ", " Twice", "abc ", uint16(3), uint16(12))
	f.Add("", "x · y", "  ", " ab", uint16(0), uint16(40))
	f.Fuzz(func(t *testing.T, a, b, c, q string, lo, hi uint16) {
		e := fieldEntry(Item{Fields: []Field{{Label: "name", Text: a}, {Label: "x", Text: b}, {Label: "y", Text: c}}})
		e.finish(nil)
		text := e.text()
		if e.size() != len(text) {
			t.Fatalf("size %d, text %d", e.size(), len(text))
		}
		l, h := int(lo)%(len(text)+1), int(hi)%(len(text)+1)
		if l > h {
			l, h = h, l
		}
		var scratch []byte
		if got := e.span(l, h, &scratch); got != text[l:h] {
			t.Fatalf("span(%d, %d) = %q, want %q", l, h, got, text[l:h])
		}
		for i := range len(text) {
			if e.byteAt(i) != text[i] {
				t.Fatalf("byteAt(%d) = %q, want %q", i, e.byteAt(i), text[i])
			}
		}
		if q == "" {
			return // the finder lists everything for an empty query
		}
		pl := newPlan(q)
		if pl.q == nil || !e.bytewise {
			return
		}
		low := []byte(text)
		for i, c := range low {
			low[i] = lowerByte[c]
		}
		wantK, wantOK := 0, false
		if !strings.Contains(string(low[:e.nameEnd]), string(pl.q)) {
			if j := strings.Index(string(low[e.nameEnd:]), string(pl.q)); j >= 0 {
				wantK, wantOK = e.fieldAt(e.nameEnd+j), true
			}
		}
		if _, k, ok := pl.exactField(&e, new(parts), &scratch); k != wantK || ok != wantOK {
			t.Fatalf("exactField(%q) in %q = %d %v, want %d %v", pl.q, text, k, ok, wantK, wantOK)
		}
	})
}

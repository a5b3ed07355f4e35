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

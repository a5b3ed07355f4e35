package model

import (
	"slices"
	"strings"
	"testing"
)

func TestList(t *testing.T) {
	tests := []struct {
		name  string
		list  List
		items []string // what Items returns
		enc   string   // the one string the list holds
	}{
		{"zero value", List{}, nil, ""},
		{"no items", ListOf(), nil, ""},
		{"one empty item", ListOf(""), []string{""}, "\x1f"},
		{"one item", ListOf("a"), []string{"a"}, "\x1fa"},
		{"several", ListOf("a", "", "b c", "ünï ☕"), []string{"a", "", "b c", "ünï ☕"}, "\x1fa\x1f\x1fb c\x1fünï ☕"},
		{"separator dropped", ListOf("a\x1fb", "\x1f", "\x1f\x1fc\x1f"), []string{"ab", "", "c"}, "\x1fab\x1f\x1fc"},
		{"append to empty", List{}.Append("x", "y"), []string{"x", "y"}, "\x1fx\x1fy"},
		{"append", ListOf("a").Append("b\x1f", ""), []string{"a", "b", ""}, "\x1fa\x1fb\x1f"},
		{"append nothing", ListOf("a").Append(), []string{"a"}, "\x1fa"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := tt.list
			if l.s != tt.enc {
				t.Errorf("held as %q, want %q", l.s, tt.enc)
			}
			if got := l.Items(); !slices.Equal(got, tt.items) || (got == nil) != (tt.items == nil) {
				t.Errorf("Items = %q, want %q", got, tt.items)
			}
			if l.Len() != len(tt.items) {
				t.Errorf("Len = %d, want %d", l.Len(), len(tt.items))
			}
			for i, want := range tt.items {
				if got := l.At(i); got != want {
					t.Errorf("At(%d) = %q, want %q", i, got, want)
				}
			}
			var all []string
			for i, it := range l.All() {
				if i != len(all) {
					t.Errorf("All yielded index %d after %d items", i, len(all))
				}
				all = append(all, it)
			}
			if !slices.Equal(all, tt.items) {
				t.Errorf("All = %q, want %q", all, tt.items)
			}
			if l != ListOf(tt.items...) {
				t.Errorf("%q != ListOf(Items()...)", l.s)
			}
			if own := l.Own(); own != l {
				t.Errorf("Own = %q, want %q", own.s, l.s)
			}
		})
	}
}

func TestListEqual(t *testing.T) {
	a := ListOf("a", "b")
	if a != ListOf("a").Append("b") || a != ListOf("a", "b\x1f") {
		t.Error("lists of the same items differ")
	}
	for _, b := range []List{{}, ListOf("a"), ListOf("a", "b", ""), ListOf("ab"), ListOf("b", "a"), ListOf("a", "b", "c")} {
		if a == b {
			t.Errorf("%q == %q", a.s, b.s)
		}
	}
	if (List{}) != ListOf() || ListOf("") == (List{}) {
		t.Error("the empty list and a list of one empty item")
	}
}

func TestListAllStops(t *testing.T) {
	var seen []string
	for i, it := range ListOf("a", "b", "c").All() {
		seen = append(seen, it)
		if i == 1 {
			break
		}
	}
	if !slices.Equal(seen, []string{"a", "b"}) {
		t.Errorf("seen %q", seen)
	}
}

func TestListAtOutOfRange(t *testing.T) {
	for _, i := range []int{-1, 2, 3} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("At(%d) of two items did not panic", i)
				}
			}()
			ListOf("a", "b").At(i)
		}()
	}
}

func TestListFromEncoded(t *testing.T) {
	for _, s := range []string{"", "\x1f", "\x1fa\x1fb", "\x1f\x1f"} {
		l, ok := ListFromEncoded(s)
		if !ok || l.s != s {
			t.Errorf("ListFromEncoded(%q) = %q, %v", s, l.s, ok)
		}
		if l != ListOf(l.Items()...) {
			t.Errorf("ListFromEncoded(%q) is not ListOf its items", s)
		}
	}
	for _, s := range []string{"a", "a\x1fb", " \x1f"} {
		if l, ok := ListFromEncoded(s); ok || l != (List{}) {
			t.Errorf("ListFromEncoded(%q) = %q, %v; want a refusal", s, l.s, ok)
		}
	}
}

func FuzzList(f *testing.F) {
	f.Add("a", "", "b")
	f.Add("", "", "")
	f.Add("a\x1fb", "\x1f", "ünï\x1f☕")
	f.Add("\x00\xff", " ", "\x1f\x1f")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		items := []string{a, b, c}
		want := make([]string, len(items))
		for i, it := range items {
			want[i] = strings.ReplaceAll(it, "\x1f", "")
		}
		for n := 0; n <= len(items); n++ {
			l := ListOf(items[:n]...)
			if got := l.Items(); !slices.Equal(got, want[:n]) {
				t.Fatalf("ListOf(%q).Items() = %q, want %q", items[:n], got, want[:n])
			}
			if l.Len() != n {
				t.Fatalf("ListOf(%q).Len() = %d", items[:n], l.Len())
			}
			for i := range n {
				if got := l.At(i); got != want[i] {
					t.Fatalf("ListOf(%q).At(%d) = %q, want %q", items[:n], i, got, want[i])
				}
			}
			for i, it := range l.All() {
				if it != want[i] {
					t.Fatalf("ListOf(%q).All() yielded %q at %d, want %q", items[:n], it, i, want[i])
				}
			}
			if l != ListOf(want[:n]...) || n > 0 && l != ListOf(items[0]).Append(items[1:n]...) {
				t.Fatalf("ListOf(%q) differs from the list of the same items built another way", items[:n])
			}
		}
	})
}

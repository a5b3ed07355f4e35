package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCleanText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"plain text", "plain text"},
		{"two\nlines\tand a tab", "two\nlines\tand a tab"},
		{"crlf\r\nand cr\rend", "crlf\nand cr\nend"},
		{"\r\r\n\n", "\n\n\n"},
		{"\x1b[31mred\x1b[0m", "[31mred[0m"},
		{"c1 csi \u009b31m and nel \u0085", "c1 csi 31m and nel "},
		{"nul\x00 del\x7f bell\a", "nul del bell"},
		{"bad \xff utf-8 \xc3", "bad \ufffd utf-8 \ufffd"},
		{"kept U+FFFD \ufffd", "kept U+FFFD \ufffd"},
		{"émoji 👩‍👩‍👧‍👦 ☕️ 全角", "émoji 👩‍👩‍👧‍👦 ☕️ 全角"},
		{"nbsp\u00a0and line separator\u2028", "nbsp\u00a0and line separator\u2028"},
	} {
		if got := CleanText(tc.in); got != tc.want {
			t.Errorf("CleanText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCleanLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"  padded  ", "padded"},
		{"one\ntwo", "one two"},
		{"a \r\n\t b", "a b"},
		{"  inner  spaces kept  ", "inner  spaces kept"},
		{"inner  spaces\nfolded  too", "inner spaces folded too"},
		{"\x1b[2Jclear", "[2Jclear"},
		{"\u00a0nbsp ends\u00a0", "nbsp ends"},
		{"\t", ""},
	} {
		if got := CleanLine(tc.in); got != tc.want {
			t.Errorf("CleanLine(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCleanList(t *testing.T) {
	if got := CleanList(nil); got == nil || len(got) != 0 {
		t.Errorf("CleanList(nil) = %#v, want an empty slice", got)
	}
	in := []string{"a\x1b", "b\r\nc"}
	got := CleanList(in)
	if got[0] != "a" || got[1] != "b\nc" || in[0] != "a\x1b" {
		t.Errorf("CleanList = %q (input now %q)", got, in)
	}
}

func TestCleanTerminal(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"two\nlines\tand\r\nbreaks", "two lines and  breaks"},
		{"\x1b]0;title\a\x1b[31mred", "]0;title[31mred"},
		{"c1 \u009b31m", "c1 31m"},
		{"family 👩‍👩‍👧‍👦", "family 👩👩👧👦"},
		{"coffee ☕️ text ☕︎", "coffee ☕ text ☕"},
		{"thumb 👍🏽", "thumb 👍"},
		{"flag 🏴󠁧󠁢󠁳󠁣󠁴󠁿", "flag 🏴"},
		{"bad \xff", "bad \ufffd"},
		{"  ends kept  ", "  ends kept  "},
	} {
		if got := CleanTerminal(tc.in); got != tc.want {
			t.Errorf("CleanTerminal(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestOneLine(t *testing.T) {
	for _, tc := range []struct {
		in   string
		most int
		want string
	}{
		{"", 5, ""},
		{"short", 5, "short"},
		{"longer", 5, "longe…"},
		{"ééééé", 5, "ééééé"},
		{"éééééé", 5, "ééééé…"},
		{"a\nb\tc\x1b[0m\u009bd", 50, "a b c [0m d"},
		{"family 👩‍👧", 50, "family 👩‍👧"},
		{"bad \xff", 50, "bad \ufffd"},
		{"x", 0, "…"},
		{"", 0, ""},
		{"unlimited", -1, "unlimited"},
	} {
		if got := OneLine(tc.in, tc.most); got != tc.want {
			t.Errorf("OneLine(%q, %d) = %q, want %q", tc.in, tc.most, got, tc.want)
		}
	}
}

// Clean text comes back as the same string, without a copy.
func TestCleanAllocatesNothingWhenClean(t *testing.T) {
	s := strings.Repeat("Touchpoint naïve 全角 ☕ text,\twith a line\n", 20)
	one := strings.Repeat("Touchpoint naïve 全角 ☕ text ", 20)
	for name, f := range map[string]func(){
		"CleanText":     func() { _ = CleanText(s) },
		"CleanLine":     func() { _ = CleanLine(one) },
		"CleanTerminal": func() { _ = CleanTerminal(one) },
		"OneLine":       func() { _ = OneLine(one, 1000) },
	} {
		if n := testing.AllocsPerRun(100, f); n != 0 {
			t.Errorf("%s allocates %v times for clean text", name, n)
		}
	}
	if CleanText(s) != s || CleanTerminal(one) != one || CleanLine(one) != strings.TrimSpace(one) {
		t.Error("clean text changed")
	}
}

// The rules as they were written, rune by rune, in interchange, ui/theme,
// cli and storage before they became one: the fuzz target holds the one set
// to them.
func refText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\r':
			b.WriteByte('\n')
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func refTerminal(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0), r == 0x200d, r == 0xfe0e, r == 0xfe0f,
			r >= 0x1f3fb && r <= 0x1f3ff, r >= 0xe0020 && r <= 0xe007f:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func refOneLine(s string, most int) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == most {
			b.WriteString("…")
			break
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			r = ' '
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

func FuzzCleanText(f *testing.F) {
	for _, s := range []string{
		"", "plain", "a\r\nb\rc\n", "\x1b[31mred\x1b[0m", "\u009b2J", "\xff\xfe", "\xc3",
		"👩‍👩‍👧‍👦 ☕️ 👍🏽 🏴󠁧󠁢󠁳󠁣󠁴󠁿", " \t padded \n ", "\u00a0\u2028\u0085", "ééééé",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text := CleanText(s)
		if want := refText(s); text != want {
			t.Fatalf("CleanText(%q) = %q, want %q", s, text, want)
		}
		if !utf8.ValidString(text) || CleanText(text) != text {
			t.Fatalf("CleanText(%q) = %q is not clean", s, text)
		}
		for _, r := range text {
			if IsControl(r) && r != '\n' && r != '\t' {
				t.Fatalf("CleanText(%q) = %q keeps control %U", s, text, r)
			}
		}

		line := CleanLine(s)
		if want := strings.Join(strings.Fields(text), " "); strings.ContainsAny(text, "\n\t") && line != want ||
			!strings.ContainsAny(text, "\n\t") && line != strings.TrimSpace(text) {
			t.Fatalf("CleanLine(%q) = %q", s, line)
		}
		if strings.ContainsAny(line, "\n\t\r") || CleanLine(line) != line {
			t.Fatalf("CleanLine(%q) = %q is not one clean line", s, line)
		}

		term := CleanTerminal(s)
		if utf8.ValidString(s) { // the old Clean passed invalid UTF-8 through when nothing else needed cleaning
			if want := refTerminal(s); term != want {
				t.Fatalf("CleanTerminal(%q) = %q, want %q", s, term, want)
			}
		}
		if !utf8.ValidString(term) || CleanTerminal(term) != term {
			t.Fatalf("CleanTerminal(%q) = %q is not clean", s, term)
		}
		for _, r := range term {
			if IsControl(r) || isJoiner(r) {
				t.Fatalf("CleanTerminal(%q) = %q keeps %U", s, term, r)
			}
		}

		for _, most := range []int{0, 3, 60, 500} {
			if got, want := OneLine(s, most), refOneLine(s, most); got != want {
				t.Fatalf("OneLine(%q, %d) = %q, want %q", s, most, got, want)
			}
		}
	})
}

func BenchmarkCleanText(b *testing.B) {
	clean := strings.Repeat("The customer compares plans on the pricing page. Naïve café ☕.\n", 8)
	dirty := clean + "\x1b[0m"
	b.Run("clean", func(b *testing.B) {
		b.SetBytes(int64(len(clean)))
		for b.Loop() {
			_ = CleanText(clean)
		}
	})
	b.Run("dirty", func(b *testing.B) {
		b.SetBytes(int64(len(dirty)))
		for b.Loop() {
			_ = CleanText(dirty)
		}
	})
}

// TestPrintable8 puts each byte at each place of an otherwise printable
// word: only 0x20 through 0x7e keep it printable.
func TestPrintable8(t *testing.T) {
	for c := 0; c < 256; c++ {
		want := c >= 0x20 && c <= 0x7e
		for at := range 8 {
			w := []byte("abcdefgh")
			w[at] = byte(c)
			if got := printable8(string(w)); got != want {
				t.Fatalf("printable8 with %#x at %d = %v, want %v", c, at, got, want)
			}
		}
	}
}

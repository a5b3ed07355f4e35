package theme

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestFit(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"hello", 10, "hello"},
		{"hello world", 5, "hell…"},
		{"a\x1b[31mred", 20, "a[31mred"},
		{"two\nlines", 20, "two lines"},
		{"咖啡店咖啡店", 5, "咖啡…"},
		{"anything", 0, ""},
		{"anything", -3, ""},
	}
	for _, tt := range tests {
		got := Fit(tt.in, tt.width)
		if got != tt.want {
			t.Errorf("Fit(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
		if w := ansi.StringWidth(got); w > max(tt.width, 0) {
			t.Errorf("Fit(%q, %d) is %d cells wide", tt.in, tt.width, w)
		}
	}
	long := strings.Repeat("😀", 10000)
	if w := ansi.StringWidth(Fit(long, 7)); w > 7 {
		t.Errorf("emoji fit is %d wide", w)
	}
}

func TestFaceAndColourClamp(t *testing.T) {
	if Face(0) != Face(1) || Face(9) != Face(5) {
		t.Error("faces should clamp out-of-range scores")
	}
	p := New(true)
	for s := -1; s <= 7; s++ {
		if p.EmotionColor(s) == nil {
			t.Errorf("no colour for score %d", s)
		}
	}
}

// A variation selector after a space widens it for ansi.StringWidth but not
// for ansi.Truncate; Truncate must still fit.
func TestTruncateFitsVariationSelectors(t *testing.T) {
	for _, s := range []string{" \ufe0f Café 咖啡店 👩\u200d👩\u200d", "x\ufe0fy", "\x1b[1m a\ufe0f b\ufe0f c\ufe0f\x1b[0m", "plain text"} {
		for w := 0; w <= 12; w++ {
			got := Truncate(s, w, "")
			if gw := ansi.StringWidth(got); gw > w {
				t.Errorf("Truncate(%q, %d) = %q, %d cells", s, w, got, gw)
			}
			if f := Fit(s, w); ansi.StringWidth(f) > w {
				t.Errorf("Fit(%q, %d) = %q, too wide", s, w, f)
			}
		}
	}
}

// After Clean, grapheme and wcwidth measuring agree, so what lipgloss
// measures is what Bubble Tea draws on terminals without mode 2027.
func TestCleanWidthsAgree(t *testing.T) {
	for _, s := range []string{"👩\u200d👩\u200d👧\u200d👦 family", "☕️", "❤️ ✔️", "👍🏽", "🇸🇪 flag", "1️⃣",
		"🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", "日本語", "e\u0301"} {
		c := Clean(s)
		if g, wc := ansi.StringWidth(c), ansi.StringWidthWc(c); g != wc {
			t.Errorf("Clean(%q) = %q: %d cells by graphemes, %d by wcwidth", s, c, g, wc)
		}
	}
}

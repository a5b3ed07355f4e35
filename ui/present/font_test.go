package present

import (
	"testing"
	"unicode"

	"journeymap/interchange"
)

// TestFontCoversTemplatePhases: every phase name of every built-in
// template, and names with accents, digits, & and punctuation, get block
// type; CJK falls back to plain text.
func TestFontCoversTemplatePhases(t *testing.T) {
	ts, errs := interchange.Templates("")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var names []string
	for _, tpl := range ts {
		for _, p := range tpl.Map.Phases {
			names = append(names, p.Name)
		}
	}
	if len(names) < 10 {
		t.Fatalf("only %d template phase names", len(names))
	}
	names = append(names,
		"Café & Crème", "Rückgabe", "Ça marche!", "Año 2026", "Zahlung (1/2)", "Q&A: 24/7?",
		"Før – Under – Efter", "Łódź", "Přihláška", "Straße", "“Wow”, they said; 100% #1 @ €5…",
		"Señal", "Ísland", "Œuvre", "Ærø", "Sign-up", "Go-live", "Take-off.", "Ready? Set. Go!",
	)
	for _, n := range names {
		for _, sx := range []int{1, 2} {
			b := Banner(n, sx, 10000)
			if len(b) != glyphRows {
				t.Errorf("%q at scale %d: no block type", n, sx)
			}
		}
		for _, r := range n {
			if _, ok := font[unicode.ToUpper(r)]; !ok {
				t.Errorf("%q: %q is not in the font", n, r)
			}
		}
	}
	for _, n := range []string{"購入", "お会計", "결제", "🎂 Cake"} {
		if Banner(n, 1, 10000) != nil {
			t.Errorf("%q drew block type; want the plain-text fallback", n)
		}
	}
	// Accented letters keep five rows of equal width and carry a mark.
	for _, r := range "ÉÜÅÑÇŽ" {
		g := font[r]
		for _, row := range g {
			if len(row) != len(g[0]) {
				t.Errorf("%q: ragged glyph %q", r, g)
			}
		}
	}
	if font['É'][0] == font['E'][0] {
		t.Error("É has no accent")
	}
}

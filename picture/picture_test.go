package picture

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"journeymap/internal/testmap"
	"journeymap/model"
)

var update = flag.Bool("update", false, "rewrite the golden SVGs in testdata")

func svgOf(t testing.TB, m *model.Map, o Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteSVG(&b, m, o); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGoldenSVG(t *testing.T) {
	for _, name := range []string{"e-commerce-order", "customer-lifecycle"} {
		t.Run(name, func(t *testing.T) {
			m := loadTemplate(t, name)
			got := svgOf(t, m, Options{})
			if again := svgOf(t, m, Options{}); !bytes.Equal(got, again) {
				t.Fatal("two SVGs of the same map differ")
			}
			golden := "testdata/" + name + ".svg"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("SVG differs from %s (run go test -update after checking the picture)", golden)
			}
		})
	}
}

var (
	reFontSize = regexp.MustCompile(`data-font-size="([0-9.]+)"`)
	reLabel    = regexp.MustCompile(`aria-label="([^"]*)"`)
)

// TestSVGSelfContained: no script, no external font, image or link, and
// every touchpoint named.
func TestSVGSelfContained(t *testing.T) {
	m := loadTemplate(t, "e-commerce-order")
	for _, o := range []Options{{}, {Picture: PictureCurve}, {Phase: 2}} {
		s := string(svgOf(t, m, o))
		if !strings.HasPrefix(s, "<svg") || !strings.HasSuffix(s, "</svg>") {
			t.Fatalf("%+v: not one SVG element", o)
		}
		if !strings.Contains(s, `viewBox="0 0 1920 1080"`) {
			t.Errorf("%+v: viewBox is not 1920×1080", o)
		}
		for _, bad := range []string{"<script", "<image", "<a ", "href=", "@import", "url(", "<foreignObject", "<text", "@font-face", "onload"} {
			if strings.Contains(s, bad) {
				t.Errorf("%+v: SVG contains %q", o, bad)
			}
		}
		labels := strings.Join(allMatches(reLabel, s), "\n")
		for _, p := range m.Phases {
			for _, tp := range p.Touchpoints {
				// Names may wrap: check each word is drawn.
				for _, w := range strings.Fields(tp.Name) {
					if !strings.Contains(labels, strings.TrimSuffix(w, "-")) && !strings.Contains(labels, w[:len(w)/2]) {
						t.Errorf("%+v: touchpoint word %q of %q not in the SVG", o, w, tp.Name)
					}
				}
			}
		}
	}
}

func allMatches(re *regexp.Regexp, s string) []string {
	var out []string
	for _, m := range re.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}

// TestMinTextSize: no text on any picture is under 14 px at 1920 wide.
func TestMinTextSize(t *testing.T) {
	maps := map[string]*model.Map{
		"ecommerce": loadTemplate(t, "e-commerce-order"),
		"lifecycle": loadTemplate(t, "customer-lifecycle"),
		"24":        testmap.Generate(5, 24),
		"200":       testmap.Generate(6, 200),
		"10000":     testmap.Generate(40, 10000),
	}
	for name, m := range maps {
		for _, o := range []Options{{}, {Picture: PictureCurve}, {Phase: 1}} {
			s := string(svgOf(t, m, o))
			sizes := allMatches(reFontSize, s)
			if len(sizes) == 0 {
				t.Fatalf("%s %+v: no text found", name, o)
			}
			for _, v := range sizes {
				f, _ := strconv.ParseFloat(v, 64)
				if f < MinTextSize-0.01 {
					t.Errorf("%s %+v: text of %v px", name, o, f)
				}
			}
			p, err := Map(m, o)
			if err != nil {
				t.Fatal(err)
			}
			for _, tx := range p.Texts() {
				if tx.Size < MinTextSize || tx.X < 0 || tx.X > Width || tx.Y < 0 || tx.Y > Height {
					t.Errorf("%s %+v: text %q size %v at %v,%v", name, o, tx.S, tx.Size, tx.X, tx.Y)
				}
			}
		}
	}
}

func TestAggregated(t *testing.T) {
	m := testmap.Generate(6, 200)
	p, err := Map(m, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, tx := range p.Texts() {
		all = append(all, tx.S)
	}
	text := strings.Join(all, "\n")
	if !strings.Contains(text, "200 touchpoints: aggregated by phase — use --phase to see one phase") {
		t.Errorf("no aggregation note in:\n%s", text)
	}
	for _, want := range []string{"Phase 1", "Phase 6", "34 touchpoints", "Lowest:", "lowest"} {
		if !strings.Contains(text, want) {
			t.Errorf("aggregated picture lacks %q", want)
		}
	}
	if strings.Contains(text, "Touchpoint 150\n") {
		t.Error("aggregated picture has a column per touchpoint")
	}
	// One phase of the large map shows that phase alone.
	p, err = Map(m, Options{Phase: 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, tx := range p.Texts() {
		if strings.HasPrefix(tx.S, "Phase 1") || strings.HasPrefix(tx.S, "Phase 3") {
			t.Errorf("--phase 2 of a large map shows %q", tx.S)
		}
	}
}

func TestPNG(t *testing.T) {
	m := loadTemplate(t, "e-commerce-order")
	var b bytes.Buffer
	if err := WritePNG(&b, m, Options{}); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&b)
	if err != nil {
		t.Fatal(err)
	}
	if r := img.Bounds(); r.Dx() < 3840 || r.Dy() < 2160 {
		t.Fatalf("PNG is %v, want 3840×2160", r)
	}
	colours := map[color.RGBA]int{}
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y += 3 {
		for x := bounds.Min.X; x < bounds.Max.X; x += 3 {
			colours[color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)]++
		}
	}
	if len(colours) < 10 {
		t.Fatalf("PNG has only %d colours", len(colours))
	}
	if colours[curveCol] < 100 {
		t.Errorf("the curve colour %v is drawn at %d sampled pixels", curveCol, colours[curveCol])
	}
	if colours[scoreCols[1]] == 0 || colours[scoreCols[4]] == 0 {
		t.Error("score colours missing from the PNG")
	}
	var _ image.Image = img
}

func TestPDF(t *testing.T) {
	m := loadTemplate(t, "e-commerce-order")
	var b bytes.Buffer
	if err := WritePDF(&b, m, Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed: the PDF's text is not checked")
	}
	f := t.TempDir() + "/map.pdf"
	if err := os.WriteFile(f, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", f, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	// pdftotext writes ligatures (fi, fl) as single characters.
	text := strings.NewReplacer("ﬁ", "fi", "ﬂ", "fl", "ﬀ", "ff", "ﬃ", "ffi", "ﬄ", "ffl").Replace(string(out))
	// Lines are joined and pdftotext drops a hyphen that ends a line: compare
	// without spaces and hyphens.
	norm := func(s string) string { return strings.NewReplacer(" ", "", "\n", "", "-", "").Replace(s) }
	flat := norm(text)
	for _, p := range m.Phases {
		for _, tp := range p.Touchpoints {
			if !strings.Contains(flat, norm(tp.Name)) {
				t.Errorf("touchpoint %q not in the PDF text", tp.Name)
			}
			for _, pp := range tp.PainPoints.All() {
				if !strings.Contains(flat, norm(pp)) {
					t.Errorf("pain point %q not in the PDF text", pp)
				}
			}
		}
	}
	for _, want := range []string{"Insights", "MOMENTS THAT HURT", "METRICS OFF TARGET", m.Persona.Name} {
		if !strings.Contains(flat, norm(want)) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
}

// TestHostileText: CJK, emoji, control characters and 10,000-character
// names draw without a panic, in every format.
func TestHostileText(t *testing.T) {
	long := strings.Repeat("Wunderbar-", 1000)
	m := &model.Map{MapInfo: model.MapInfo{Title: "旅程 🧭 map\x1b[31m", Persona: model.Persona{Name: "👩‍👩‍👧 家族"}, Goal: long}}
	tp := model.NewTouchpoint("顧客の声 👍🏽 ✨")
	tp.PainPoints = model.ListOf(long)
	tp.Opportunities = model.ListOf("\u200d\ufe0f\U000E0041 tags", "\x00\x07bell")
	tp.Thoughts = model.ListOf(strings.Repeat("x", 10000))
	tp2 := model.NewTouchpoint(long)
	tp2.Channel = long
	tp2.Emotion.Score = 9 // out of range: clamped
	m.Phases = []model.Phase{{Name: long, Touchpoints: []model.Touchpoint{tp, tp2}}, {Name: "🙂"}}
	for _, o := range []Options{{}, {Picture: PictureCurve}, {Phase: 2}} {
		var b bytes.Buffer
		if err := WriteSVG(&b, m, o); err != nil {
			t.Fatal(err)
		}
		b.Reset()
		if err := WritePDF(&b, m, o); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	if err := WritePNG(&b, m, Options{}); err != nil {
		t.Fatal(err)
	}
	// An empty map still gives a picture.
	if err := WriteSVG(&b, &model.Map{}, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := WritePDF(&b, &model.Map{}, Options{}); err != nil {
		t.Fatal(err)
	}
}

func TestOptionsAndResolvePhase(t *testing.T) {
	m := loadTemplate(t, "e-commerce-order")
	for arg, want := range map[string]int{"": 0, "1": 1, "4": 4, "Order": 2, "  delivery ": 3, "AFTER DELIVERY": 4} {
		got, err := ResolvePhase(m, arg)
		if err != nil || got != want {
			t.Errorf("ResolvePhase(%q) = %d, %v; want %d", arg, got, err, want)
		}
	}
	for _, arg := range []string{"0", "5", "-1", "Nope"} {
		if _, err := ResolvePhase(m, arg); err == nil {
			t.Errorf("ResolvePhase(%q) gave no error", arg)
		} else if !strings.Contains(err.Error(), "--phase") {
			t.Errorf("ResolvePhase(%q): error %q does not name --phase", arg, err)
		}
	}
	if _, err := Map(m, Options{Picture: "poster"}); err == nil {
		t.Error("unknown picture accepted")
	}
	if _, err := Map(m, Options{Phase: 9}); err == nil {
		t.Error("phase out of range accepted")
	}
}

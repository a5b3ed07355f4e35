package interchange

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"journeymap/internal/testmap"
	"journeymap/model"
)

// Tests of the page and the decks. Those that need an outside tool
// (chromium, pdftotext, marp, pandoc) skip when it is absent; .ci/run
// installs them.

func template(t testing.TB, name string) *model.Map {
	t.Helper()
	ts, errs := Templates("")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, tpl := range ts {
		if strings.EqualFold(tpl.Name, name) {
			return tpl.Map
		}
	}
	t.Fatalf("no template %q", name)
	return nil
}

func render(t testing.TB, f func(io.Writer, *model.Map, Options) error, m *model.Map, o Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := f(&b, m, o); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func need(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (.ci/run installs it); skipping", tool)
		}
	}
}

// names lists every touchpoint name of m.
func names(m *model.Map) []string {
	var out []string
	for _, p := range m.Phases {
		for _, t := range p.Touchpoints {
			out = append(out, t.Name)
		}
	}
	return out
}

// expectedSlides counts a deck's slides: title, glance, the phase slides
// (pandoc adds a picture slide per phase), hurt, off target, opportunities.
func expectedSlides(m *model.Map, d dialect) int {
	n := 2 + 3
	for _, p := range m.Phases {
		n += max(1, (len(p.Touchpoints)+deckRows-1)/deckRows)
		if d == pandoc {
			n++
		}
	}
	return n
}

func TestDeterministic(t *testing.T) {
	for _, name := range []string{"Customer lifecycle", "E-commerce order"} {
		m := template(t, name)
		for _, f := range []string{"svg", "html", "marp", "slides"} {
			format, _ := FormatByName(f)
			a := render(t, format.Write, m, Options{})
			b := render(t, format.Write, m.Clone(), Options{})
			if !bytes.Equal(a, b) {
				t.Errorf("%s of %s: two runs give different bytes", f, name)
			}
		}
	}
}

var (
	htmlActive = regexp.MustCompile(`(?i)<script|<link|<iframe|<object|<embed|@import|url\(|\son[a-z]+=|src="(?:https?:)?//|href="(?:https?:)?//`)
)

func TestHTMLSelfContainedAndEscaped(t *testing.T) {
	for _, m := range []*model.Map{nastyMap(), richMap(), template(t, "Customer lifecycle"), {}} {
		out := string(render(t, WriteHTML, m, Options{}))
		if loc := htmlActive.FindStringIndex(out); loc != nil {
			t.Errorf("%q: the page holds %q", m.Title, out[loc[0]:min(loc[1]+40, len(out))])
		}
		for _, s := range append(names(m), m.Title, m.Goal) {
			if c := model.CleanLine(s); strings.ContainsAny(c, "<>&\"") && strings.Contains(out, c) {
				t.Errorf("%q appears unescaped", c)
			}
		}
		if !strings.Contains(out, "@page{size:A3 landscape") {
			t.Error("no A3 landscape print CSS")
		}
	}
}

func TestDeckStructure(t *testing.T) {
	m := testmap.Generate(3, 14) // one phase of more than four touchpoints
	for _, d := range []dialect{marp, pandoc} {
		var b bytes.Buffer
		if err := writeDeck(&b, m, Options{}, d); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		switch d {
		case marp:
			if !strings.HasPrefix(out, "---\nmarp: true\n") {
				t.Error("marp: no front matter")
			}
			// The front matter ends with one "---" line, and slides are
			// separated by one: as many as there are slides.
			if got := strings.Count(out, "\n---\n"); got != expectedSlides(m, d) {
				t.Errorf("marp: %d slides, want %d", got, expectedSlides(m, d))
			}
			if !strings.Contains(out, "(1/2)") || !strings.Contains(out, "data:image/png;base64,") {
				t.Error("marp: no split phase, or no embedded picture")
			}
		case pandoc:
			if got := strings.Count(out, "\n## "); got != expectedSlides(m, d)-1 {
				t.Errorf("slides: %d slide titles, want %d", got, expectedSlides(m, d)-1)
			}
		}
	}
	// Nothing the user typed ends a speaker note or starts a slide.
	nasty := nastyMap()
	nasty.Phases[0].Touchpoints[0].Notes = "end --> here\n---\n<!-- x -->"
	out := string(render(t, WriteMarp, nasty, Options{}))
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "-->") && l != "-->" && !strings.HasPrefix(l, "<!-- _class:") {
			t.Errorf("a note line ends the comment early: %q", l)
		}
	}
}

// writeDeckFiles writes m's deck in format name into a temp dir with the
// pictures beside it, as the command line does, and returns its path.
func writeDeckFiles(t *testing.T, m *model.Map, name, file string) string {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, file)
	f, _ := FormatByName(name)
	err := WriteFileAtomic(path, "", true, func(w io.Writer) error {
		return f.Write(w, m, Options{Assets: DirAssets(path, "")})
	})
	if err != nil {
		t.Fatal(err)
	}
	return path
}

func run(t *testing.T, dir, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return out
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestHTMLInChromium(t *testing.T) {
	need(t, "chromium", "pdftotext")
	m := template(t, "Customer lifecycle")
	dir := t.TempDir()
	page := filepath.Join(dir, "map.html")
	if err := os.WriteFile(page, render(t, WriteHTML, m, Options{}), 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "map.pdf")
	run(t, dir, "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--no-pdf-header-footer",
		"--print-to-pdf="+pdf, "file://"+page)
	text := squash(string(run(t, dir, "pdftotext", pdf, "-")))
	for _, n := range names(m) {
		if !strings.Contains(text, squash(n)) {
			t.Errorf("the printed page lacks %q", n)
		}
	}
}

func TestMarpRenders(t *testing.T) {
	need(t, "marp")
	m := template(t, "Customer lifecycle")
	m.Phases[0].Touchpoints = append(m.Phases[0].Touchpoints, m.Phases[1].Touchpoints...) // 6: split in two
	deck := writeDeckFiles(t, m, "marp", "deck.marp.md")
	run(t, filepath.Dir(deck), "marp", "--html=false", "--allow-local-files", "deck.marp.md", "-o", "deck.html")
	out, err := os.ReadFile(filepath.Join(filepath.Dir(deck), "deck.html"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Count(string(out), `data-marpit-svg=""`), expectedSlides(m, marp); got != want {
		t.Errorf("marp rendered %d slides, want %d", got, want)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(deck), "deck.marp-assets", "curve.png")); err != nil {
		t.Errorf("the curve picture is not beside the deck: %v", err)
	}
}

var pptxTitle = regexp.MustCompile(`(?s)<p:sp>.*?<p:ph type="(?:title|ctrTitle)"[^>]*/>.*?<a:t>[^<]+</a:t>`)

func TestPandocPPTX(t *testing.T) {
	need(t, "pandoc")
	m := template(t, "Customer lifecycle")
	deck := writeDeckFiles(t, m, "slides", "deck.slides.md")
	run(t, filepath.Dir(deck), "pandoc", "deck.slides.md", "-o", "deck.pptx")
	zr, err := zip.OpenReader(filepath.Join(filepath.Dir(deck), "deck.pptx"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	slides, pics, media := 0, 0, 0
	for _, f := range zr.File {
		switch {
		case strings.HasPrefix(f.Name, "ppt/media/"):
			media++
		case strings.HasPrefix(f.Name, "ppt/slides/slide") && strings.HasSuffix(f.Name, ".xml"):
			slides++
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(rc)
			rc.Close()
			if n := len(pptxTitle.FindAll(body, -1)); n != 1 {
				t.Errorf("%s has %d titles, want 1", f.Name, n)
			}
			if bytes.Contains(body, []byte("<p:pic>")) {
				pics++
			}
		}
	}
	if want := expectedSlides(m, pandoc); slides != want {
		t.Errorf("%d slides, want %d", slides, want)
	}
	if want := 1 + len(m.Phases); pics != want || media < want {
		t.Errorf("%d slides with a picture and %d media files, want %d", pics, media, want)
	}
}

// fitScript measures every slide once the page and its pictures have
// loaded, and writes what it found into the page for --dump-dom: a slide
// overflows when its content runs past its box (scrollHeight beyond
// clientHeight, so into the bottom padding where the page number sits),
// or when any element in it ends below or right of its bottom padding
// edge.
const fitScript = `<script>
window.addEventListener('load', function () {
  var out = [];
  document.querySelectorAll('section').forEach(function (s, i) {
    var r = s.getBoundingClientRect();
    var k = r.height / s.clientHeight || 1;
    var cs = getComputedStyle(s);
    var bottom = r.bottom - parseFloat(cs.paddingBottom) * k + 1;
    var right = r.right - parseFloat(cs.paddingRight) * k + 1;
    var bad = [];
    if (s.scrollHeight > s.clientHeight + 1) bad.push('scrollHeight ' + s.scrollHeight + ' > ' + s.clientHeight);
    s.querySelectorAll('h1, h2, p, img, table, li').forEach(function (e) {
      var b = e.getBoundingClientRect();
      if (b.height > 0 && (b.bottom > bottom || b.right > right)) bad.push(e.tagName + ' ends at ' + Math.round((b.bottom - r.top) / k) + ',' + Math.round((b.right - r.left) / k));
    });
    out.push('slide ' + (i + 1) + ': ' + (bad.length ? bad.join('; ') : 'fits'));
  });
  var pre = document.createElement('pre');
  pre.id = 'fit';
  pre.textContent = out.join('\n');
  document.body.appendChild(pre);
});
</script>`

var fitReport = regexp.MustCompile(`(?s)<pre id="fit">(.*?)</pre>`)

// TestMarpSlidesFit renders decks with marp-cli, opens them in headless
// Chromium and checks that no slide's content runs off it: the sample map
// and a map whose every text is as long as the deck lets it be.
func TestMarpSlidesFit(t *testing.T) {
	need(t, "marp", "chromium")
	long := template(t, "Customer lifecycle")
	words := strings.Repeat("Wordy overlong journey text ", 20)
	long.Title, long.Goal, long.Persona.Name, long.Persona.Description = words, words, words, words
	for pi := range long.Phases {
		p := &long.Phases[pi]
		p.Name = words
		for len(p.Touchpoints) < 2*deckRows {
			p.Touchpoints = append(p.Touchpoints, p.Touchpoints[0])
		}
		for ti := range p.Touchpoints {
			tp := &p.Touchpoints[ti]
			tp.Name = words
			tp.PainPoints = model.ListOf(words)
			tp.Opportunities = model.ListOf(words)
			tp.Emotion.Score = 1 + ti%5
			for mi := range tp.Metrics {
				tp.Metrics[mi].Name, tp.Metrics[mi].Unit = words, words
			}
		}
	}
	for name, m := range map[string]*model.Map{"sample": SampleMap(), "long texts": long} {
		deck := writeDeckFiles(t, m, "marp", "deck.marp.md")
		dir := filepath.Dir(deck)
		run(t, dir, "marp", "--html=false", "--allow-local-files", "--template", "bare", "deck.marp.md", "-o", "deck.html")
		page, err := os.ReadFile(filepath.Join(dir, "deck.html"))
		if err != nil {
			t.Fatal(err)
		}
		i := bytes.LastIndex(page, []byte("</body>"))
		if i < 0 {
			t.Fatalf("%s: marp's page has no </body>", name)
		}
		page = append(page[:i:i], append([]byte(fitScript), page[i:]...)...)
		if err := os.WriteFile(filepath.Join(dir, "fit.html"), page, 0o644); err != nil {
			t.Fatal(err)
		}
		dom := run(t, dir, "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
			"--user-data-dir="+filepath.Join(dir, "profile"), "--window-size=1280,720",
			"--virtual-time-budget=10000", "--dump-dom", "file://"+filepath.Join(dir, "fit.html"))
		rep := fitReport.FindSubmatch(dom)
		if rep == nil {
			t.Fatalf("%s: Chromium's page has no fit report:\n%.2000s", name, dom)
		}
		lines := strings.Split(strings.TrimSpace(string(rep[1])), "\n")
		if want := expectedSlides(m, marp); len(lines) != want {
			t.Errorf("%s: measured %d slides, want %d", name, len(lines), want)
		}
		for _, l := range lines {
			if !strings.HasSuffix(l, ": fits") {
				t.Errorf("%s: %s", name, l)
			}
		}
		if testing.Verbose() {
			t.Logf("%s:\n%s", name, rep[1])
		}
	}
}

// Two decks of one map side by side keep their own pictures.
func TestDecksBesideEachOtherKeepTheirPictures(t *testing.T) {
	dir := t.TempDir()
	m := template(t, "Customer lifecycle")
	for _, name := range []string{"talk.marp.md", "talk.slides.md"} {
		f, ok := FormatForPath(name)
		if !ok {
			t.Fatalf("no format for %s", name)
		}
		var b strings.Builder
		if err := f.Write(&b, m, Options{Assets: DirAssets(filepath.Join(dir, name), "")}); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []string{"talk.marp-assets", "talk.slides-assets"} {
		if _, err := os.Stat(filepath.Join(dir, d, "curve.png")); err != nil {
			t.Errorf("%s: %v", d, err)
		}
	}
}

package interchange

import (
	"bytes"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"journeymap/model"
)

// Patterns from Mermaid's journey lexer (journey.jison): the text of a title,
// section and task may not contain these characters.
var (
	mermaidTitleRE   = regexp.MustCompile(`^    title [^#\n;]+$`)
	mermaidSectionRE = regexp.MustCompile(`^    section [^#:\n;]+$`)
	mermaidTaskRE    = regexp.MustCompile(`^      ([^#:\n;]+): ([0-9]+): ([^#:\n;,]+)$`)
	mermaidKeywordRE = regexp.MustCompile(`(?i)^\s*(journey|title\s|section\s|acctitle|accdescr|%)`)
	// Mermaid swaps entity codes (#58;) for placeholders before it parses.
	mermaidEntityRE = regexp.MustCompile(`#\w+;`)
)

// checkMermaid parses out as Mermaid's journey grammar would and returns the
// sections and tasks it found.
func checkMermaid(t *testing.T, out string) (sections []string, scores []int) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if lines[0] != "journey" {
		t.Fatalf("first line = %q", lines[0])
	}
	if !mermaidTitleRE.MatchString(mermaidEntityRE.ReplaceAllString(lines[1], "E")) {
		t.Errorf("bad title line %q", lines[1])
	}
	for _, l := range lines[2:] {
		l = mermaidEntityRE.ReplaceAllString(l, "E")
		if strings.Contains(l, "%%") {
			t.Errorf("line %q has %%%%, which Mermaid reads as a comment", l)
		}
		switch {
		case strings.HasPrefix(l, "    section "):
			if !mermaidSectionRE.MatchString(l) {
				t.Errorf("bad section line %q", l)
			}
			sections = append(sections, strings.TrimPrefix(l, "    section "))
		default:
			sm := mermaidTaskRE.FindStringSubmatch(l)
			if sm == nil {
				t.Errorf("bad task line %q", l)
				continue
			}
			if mermaidKeywordRE.MatchString(sm[1]) {
				t.Errorf("task %q starts with a Mermaid keyword", sm[1])
			}
			if strings.TrimSpace(sm[1]) == "" || strings.TrimSpace(sm[3]) == "" {
				t.Errorf("empty task or actor in %q", l)
			}
			n, _ := strconv.Atoi(sm[2])
			scores = append(scores, n)
		}
	}
	return sections, scores
}

func TestWriteMermaidNasty(t *testing.T) {
	m := nastyMap()
	var buf bytes.Buffer
	if err := WriteMermaid(&buf, m); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.ContainsAny(out, "\x1b\r`<>") {
		t.Errorf("output holds control characters, backticks or angle brackets:\n%s", out)
	}
	sections, scores := checkMermaid(t, out)
	if len(sections) != len(m.Phases) {
		t.Errorf("%d sections, want %d", len(sections), len(m.Phases))
	}
	var want []int
	for _, r := range m.Refs() {
		tp, _ := m.Touchpoint(r)
		want = append(want, tp.Emotion.Score)
	}
	if len(scores) != len(want) {
		t.Fatalf("%d tasks, want %d", len(scores), len(want))
	}
	for i := range want {
		if scores[i] != want[i] {
			t.Errorf("task %d score %d, want %d", i, scores[i], want[i])
		}
	}
}

func TestWriteMermaidSimple(t *testing.T) {
	m := &model.Map{MapInfo: model.MapInfo{Title: "Buy: a bike", Persona: model.Persona{Name: "Sam"}}, Phases: []model.Phase{
		{Name: "Discover", Touchpoints: []model.Touchpoint{
			{Name: "Ad", Channel: "social, web", Emotion: model.Emotion{Score: 4}},
			{Name: "Call", Owner: "Support", Emotion: model.Emotion{Score: 9}},
			{Name: "Visit", Emotion: model.Emotion{Score: 0}},
		}},
		{Name: ""},
	}}
	var buf bytes.Buffer
	if err := WriteMermaid(&buf, m); err != nil {
		t.Fatal(err)
	}
	want := "journey\n" +
		"    title Buy#58; a bike\n" +
		"    section Discover\n" +
		"      Ad: 4: Sam\n" +
		"      Call: 5: Sam\n" +
		"      Visit: 1: Sam\n" +
		"    section untitled\n"
	if buf.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", buf.String(), want)
	}
}

func TestMermaidText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"", "untitled"},
		{" \n\t ", "untitled"},
		{"a:b;c#d", "a#58;b#59;c#35;d"}, {"<b>`x`", "#60;b#62;#96;x#96;"}, {"#58;", "#35;58#59;"},
		{"two\nlines", "two lines"},
		{"Title page", "\u201cTitle page\u201d"},
		{"JOURNEY", "\u201cJOURNEY\u201d"},
		{"Titles", "Titles"},
		{"title\u00a0page", "\u201ctitle\u00a0page\u201d"},
		{"Sectional", "Sectional"},
		{"journeys", "\u201cjourneys\u201d"},
		{"x%%y", "x% %y"},
		{"%%%", "\u201c% % %\u201d"},
		{"% done", "\u201c% done\u201d"},
		{"50%", "50%"},
		{"\x1b[2Jclear", "[2Jclear"},
	}
	for _, tt := range tests {
		if got := mermaidText(tt.in); got != tt.want {
			t.Errorf("mermaidText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// randomNastyMap builds a deterministic map whose text is random runs of
// the characters that mean something to Markdown, Mermaid, CSV or a
// terminal, often led by a Mermaid keyword.
func randomNastyMap(seed uint64) *model.Map {
	r := rand.New(rand.NewPCG(seed, 99))
	alpha := []rune("ab %%##::;;{}[]()<>`'\"\\|/!?@=+-_*&^~,.\n\t\r\x1b\u009b 019é🎉全\u00a0\u2028")
	word := func() string {
		s := make([]rune, 1+r.IntN(14))
		for i := range s {
			s[i] = alpha[r.IntN(len(alpha))]
		}
		return string(s)
	}
	lead := []string{"", "", "title ", "section ", "journey", "accTitle", "%%", "%", "- ", "1. ", "# ", "> ", "```", "=", "|"}
	m := &model.Map{MapInfo: model.MapInfo{Title: word(), Persona: model.Persona{Name: word()}}}
	for p := 0; p < 6; p++ {
		ph := model.Phase{Name: lead[r.IntN(len(lead))] + word(), Description: word()}
		for i := 0; i < 8; i++ {
			ph.Touchpoints = append(ph.Touchpoints, model.Touchpoint{
				Name: lead[r.IntN(len(lead))] + word() + "x", Description: word(), Channel: word(), Owner: word(),
				Kind: model.Kinds[r.IntN(3)], Emotion: model.Emotion{Score: 1 + r.IntN(5), Labels: model.ListOf(word() + "x")},
				Motivations: model.ListOf(word()+"x", "x"+word()), PainPoints: model.ListOf(lead[r.IntN(len(lead))] + word() + "x"),
				Metrics: []model.Metric{{Name: word(), Unit: word(), Target: model.Float(r.NormFloat64()), Current: model.Float(r.NormFloat64()), Direction: model.Down}},
				Notes:   word(),
			})
		}
		m.Phases = append(m.Phases, ph)
	}
	return m
}

func TestWriteMermaidRandom(t *testing.T) {
	for seed := uint64(1); seed <= 20; seed++ {
		m := randomNastyMap(seed)
		var buf bytes.Buffer
		if err := WriteMermaid(&buf, m); err != nil {
			t.Fatal(err)
		}
		sections, scores := checkMermaid(t, buf.String())
		if len(sections) != len(m.Phases) || len(scores) != m.TouchpointCount() {
			t.Fatalf("seed %d: %d sections, %d tasks", seed, len(sections), len(scores))
		}
	}
}

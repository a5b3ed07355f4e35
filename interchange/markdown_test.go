package interchange

import (
	"bytes"
	"html"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"journeymap/internal/testmap"
	"journeymap/model"
)

func markdown(t *testing.T, m *model.Map) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, m); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// expectedHeadings is how each touchpoint's name should read once rendered:
// on one line, without control characters.
func expectedHeadings(m *model.Map) []string {
	var names []string
	for _, p := range m.Phases {
		for _, tp := range p.Touchpoints {
			n := model.CleanLine(tp.Name)
			if n == "" {
				n = "(untitled)"
			}
			names = append(names, n)
		}
	}
	return names
}

// mdUnescape undoes CommonMark backslash escapes of ASCII punctuation.
func mdUnescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// splitCells splits a table row on the pipes that are not escaped.
func splitCells(row string) []string {
	var cells []string
	var cur strings.Builder
	for i := 0; i < len(row); i++ {
		switch {
		case row[i] == '\\' && i+1 < len(row):
			cur.WriteByte(row[i])
			cur.WriteByte(row[i+1])
			i++
		case row[i] == '|':
			cells = append(cells, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(row[i])
		}
	}
	cells = append(cells, cur.String())
	return cells[1 : len(cells)-1] // drop what is outside the outer pipes
}

func TestWriteMarkdownStructure(t *testing.T) {
	for name, m := range map[string]*model.Map{"nasty": nastyMap(), "rich": richMap(), "generated": testmap.Generate(5, 60), "random": randomNastyMap(1), "random2": randomNastyMap(2)} {
		t.Run(name, func(t *testing.T) {
			out := markdown(t, m)
			lines := strings.Split(out, "\n")

			// Each touchpoint is an H3 heading exactly once, in journey order,
			// before the Insights section.
			var got []string
			for _, l := range lines {
				if l == "## Insights" {
					break
				}
				if h, ok := strings.CutPrefix(l, "### "); ok {
					got = append(got, mdUnescape(h))
				}
			}
			want := expectedHeadings(m)
			if len(got) != len(want) {
				t.Fatalf("%d touchpoint headings, want %d", len(got), len(want))
			}
			for i := range want {
				if got[i] != want[i] {
					t.Errorf("heading %d = %q, want %q", i, got[i], want[i])
				}
			}

			// Every table row has as many cells as its header.
			inFence, cols, tables := false, 0, 0
			for i, l := range lines {
				if strings.HasPrefix(l, "```") {
					inFence = !inFence
					continue
				}
				if inFence {
					continue
				}
				if !strings.HasPrefix(l, "|") {
					cols = 0
					continue
				}
				n := len(splitCells(l))
				if cols == 0 {
					cols = n
					tables++
					if i+1 >= len(lines) || len(splitCells(lines[i+1])) != n || !strings.HasPrefix(lines[i+1], "|--") {
						t.Errorf("table at line %d lacks a matching delimiter row", i+1)
					}
				} else if n != cols {
					t.Errorf("line %d has %d cells, want %d: %q", i+1, n, cols, l)
				}
				// Outside code, any < is escaped, so no raw HTML.
				if strings.Contains(strings.ReplaceAll(l, `\<`, ""), "<") {
					t.Errorf("line %d has an unescaped <: %q", i+1, l)
				}
			}
			if inFence {
				t.Error("the Mermaid fence is not closed")
			}
			if tables < 3 {
				t.Errorf("only %d tables", tables)
			}
			if strings.Count(out, "```mermaid\njourney\n") != 1 || strings.Count(out, "\n```") != 2 {
				t.Error("want exactly one mermaid fence, opened and closed once")
			}
			if strings.ContainsAny(out, "\x1b\u009b\r") {
				t.Error("control characters reached the output")
			}
			// The embedded diagram is what WriteMermaid writes.
			var mer bytes.Buffer
			if err := WriteMermaid(&mer, m); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out, "```mermaid\n"+mer.String()+"```\n") {
				t.Error("the embedded diagram differs from WriteMermaid's")
			}
		})
	}
}

func TestWriteMarkdownContent(t *testing.T) {
	out := markdown(t, richMap())
	for _, s := range []string{
		"# Café journey — 旅程 🚀 \\| \\# : ;\n",
		"**Persona:** Zoë \\<b\\> — Busy parent\\\nof two; loves \\`tea\\`",
		"**Goal:** Buy a \\* bike \\* for 100 € \\& get it delivered",
		"## Discovery 発見\n",
		"### Ad on social \\| feed\n",
		"- **Emotion:** 4/5 🙂 positive — curious, hopeful 🙂",
		"- **Channel:** social media",
		"- **Kind:** digital",
		"- **Owner:** Marketing",
		"**Motivations**\n\n- Find a bike\n- Save: money\n",
		"- 1\\. numbered?", "- \\- too many ads", "- \\+ better targeting", "- Campaign \\#12; A/B test",
		"| click-through rate | % | 2.5 | 1.75 | ❌ off target | ↑ higher is better |",
		"| cost | € | -0.5 | — | no data | ↓ lower is better |",
		"| wait time | min | 5 | 12.5 | ❌ off target | ↓ lower is better |",
		"**Notes:** \\=SUM(A1\\:A9)",
		"## Empty phase\n\nNo touchpoints in this phase yet.",
		"| 3 | Purchase | Checkout \\`page\\` | 1 😠 | ●○○○○ |",
		"## Insights",
		"3 phases · 4 touchpoints · 4 metrics (0 on target, 3 off target, 1 without data) · mean emotion 3.2",
		"| Checkout \\`page\\` | Purchase | 1 😠 |",
		"| 検索 search (Discovery 発見) 3 😐 | Checkout \\`page\\` (Purchase) 1 😠 | −2 |",
		"| Discovery 発見 | 2 | 3.5 🙂 |",
		"### Touchpoints without metrics\n\n- 検索 search (Discovery 発見)\n",
		"| Store counter (Purchase) | wait time | 5 min | 12.5 min | ↓ lower is better |",
		"### Phases without touchpoints\n\n- Empty phase\n",
		"| social media | 1 | 25% |",
		"| digital | 2 | 50% |",
		"```mermaid\njourney\n    title Café journey",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("markdown lacks %q", s)
		}
	}
}

func TestMdInline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"- item", "\\- item"},
		{"+ item", "\\+ item"},
		{"12. item", "12\\. item"},
		{"3) item", "3\\) item"},
		{"2024 was good", "2024 was good"},
		{"> quote", "\\> quote"},
		{"=== ", "\\==="},
		{"# h", "\\# h"},
		{"a|b", "a\\|b"},
		{"<b>&", "\\<b\\>\\&"},
		{"*_[]`~!", "\\*\\_\\[\\]\\`\\~\\!"},
		{"a\nb\r\nc", "a b c"},
		{"   lead", "lead"},
		{":smile: and a: b", "\\:smile: and a: b"},
		{"\x1b[1mbold", "\\[1mbold"},
	}
	for _, tt := range tests {
		if got := mdInline(tt.in); got != tt.want {
			t.Errorf("mdInline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMdBlock(t *testing.T) {
	got := mdBlock("one\n- two\n\n\n    three\r\n")
	want := "one\\\n\\- two\n\nthree"
	if got != want {
		t.Errorf("mdBlock = %q, want %q", got, want)
	}
}

var (
	h3RE     = regexp.MustCompile(`<h3[^>]*>(.*?)</h3>`)
	tagRE    = regexp.MustCompile(`<[^>]+>`)
	tableRE  = regexp.MustCompile(`(?s)<table>.*?</table>`)
	rowRE    = regexp.MustCompile(`(?s)<tr[^>]*>(.*?)</tr>`)
	cellRE   = regexp.MustCompile(`<t[hd][ >]`)
	spacesRE = regexp.MustCompile(`[ \t\n]+`)
)

// TestMarkdownPandoc renders the export with pandoc's GFM reader, the way a
// slide or document pipeline would, and checks nothing was lost.
func TestMarkdownPandoc(t *testing.T) {
	pandoc, err := exec.LookPath("pandoc")
	if err != nil {
		t.Skip("pandoc is not on PATH; install it (apt-get install pandoc) to check rendering")
	}
	for name, m := range map[string]*model.Map{"nasty": nastyMap(), "rich": richMap(), "random": randomNastyMap(3)} {
		t.Run(name, func(t *testing.T) {
			md := markdown(t, m)
			cmd := exec.Command(pandoc, "-f", "gfm", "-t", "html", "--wrap=none")
			cmd.Stdin = strings.NewReader(md)
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("pandoc: %v", err)
			}
			doc := string(out)
			body, _, _ := strings.Cut(doc, ">Insights</h2>")
			var got []string
			for _, sm := range h3RE.FindAllStringSubmatch(body, -1) {
				got = append(got, html.UnescapeString(tagRE.ReplaceAllString(sm[1], "")))
			}
			// HTML collapses runs of spaces; that is rendering, not loss.
			want := expectedHeadings(m)
			for i := range want {
				want[i] = spacesRE.ReplaceAllString(want[i], " ")
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("pandoc headings:\n%q\nwant:\n%q", got, want)
			}
			// Tables keep their shape: every row as wide as the header.
			tables := tableRE.FindAllString(doc, -1)
			if len(tables) < 3 {
				t.Errorf("only %d tables rendered", len(tables))
			}
			for ti, tb := range tables {
				rows := rowRE.FindAllStringSubmatch(tb, -1)
				for _, r := range rows {
					if n, w := len(cellRE.FindAllString(r[1], -1)), len(cellRE.FindAllString(rows[0][1], -1)); n != w {
						t.Errorf("table %d: a row has %d cells, header %d: %s", ti, n, w, r[1])
					}
				}
			}
			// The curve table lists every touchpoint once.
			if rows := len(rowRE.FindAllString(tables[0], -1)); rows != m.TouchpointCount()+1 {
				t.Errorf("curve table has %d rows, want %d", rows, m.TouchpointCount()+1)
			}
			if strings.Contains(doc, "<script") || strings.Contains(doc, "<b>") {
				t.Error("user HTML reached the rendered document")
			}
			if !strings.Contains(doc, `<code class="language-mermaid">journey`) && !strings.Contains(doc, `class="mermaid"`) {
				t.Errorf("no mermaid code block in:\n%s", doc[max(0, len(doc)-600):])
			}
		})
	}
}

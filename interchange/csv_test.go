package interchange

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"

	"journeymap/internal/testmap"
	"journeymap/model"
)

// unguard undoes the formula guard (csvGuard), to compare a cell with the text.
func unguard(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.IndexByte("=+-@\t\r", s[1]) >= 0 {
		return s[1:]
	}
	return s
}

func TestWriteCSVRoundTrip(t *testing.T) {
	for name, m := range map[string]*model.Map{"rich": richMap(), "nasty": nastyMap(), "generated": testmap.Generate(3, 40), "random": randomNastyMap(4)} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteCSV(&buf, m); err != nil {
				t.Fatal(err)
			}
			records, err := csv.NewReader(noBOM(t, &buf)).ReadAll() // also checks every row has the header's width
			if err != nil {
				t.Fatal(err)
			}
			header := records[0]
			col := map[string]int{}
			for i, h := range header {
				col[h] = i
			}
			if len(records)-1 != m.TouchpointCount() {
				t.Fatalf("%d rows, want %d", len(records)-1, m.TouchpointCount())
			}
			text := func(rec []string, key string) string {
				i, ok := col[key]
				if !ok {
					t.Fatalf("no column %q in %q", key, header)
				}
				return unguard(rec[i])
			}
			list := func(rec []string, key string) []string {
				s := text(rec, key)
				if s == "" {
					return nil
				}
				return strings.Split(s, "\n")
			}
			eqList := func(what string, got, want []string) {
				t.Helper()
				if len(got) != len(want) {
					t.Errorf("%s = %q, want %q", what, got, want)
					return
				}
				for i := range want {
					if got[i] != model.CleanLine(want[i]) {
						t.Errorf("%s[%d] = %q, want %q", what, i, got[i], model.CleanLine(want[i]))
					}
				}
			}
			for n, ref := range m.Refs() {
				rec := records[n+1]
				tp, _ := m.Touchpoint(ref)
				p := m.Phases[ref.Phase]
				for key, want := range map[string]string{
					"phase_position": strconv.Itoa(ref.Phase + 1), "phase": model.CleanText(p.Name), "position": strconv.Itoa(ref.Index + 1),
					"name": model.CleanText(tp.Name), "description": model.CleanText(tp.Description), "channel": model.CleanText(tp.Channel),
					"kind": string(tp.Kind), "owner": model.CleanText(tp.Owner), "emotion_score": strconv.Itoa(tp.Emotion.Score),
					"notes": model.CleanText(tp.Notes), "metric_count": strconv.Itoa(len(tp.Metrics)),
				} {
					if got := text(rec, key); got != want {
						t.Errorf("row %d %s = %q, want %q", n+1, key, got, want)
					}
				}
				eqList("emotion_labels", list(rec, "emotion_labels"), tp.Emotion.Labels.Items())
				eqList("motivations", list(rec, "motivations"), tp.Motivations.Items())
				eqList("thoughts", list(rec, "thoughts"), tp.Thoughts.Items())
				eqList("pain_points", list(rec, "pain_points"), tp.PainPoints.Items())
				eqList("opportunities", list(rec, "opportunities"), tp.Opportunities.Items())
				eqList("backstage", list(rec, "backstage"), tp.Backstage.Items())
				for i, mt := range tp.Metrics {
					pre := "metric" + strconv.Itoa(i+1) + "_"
					if got := text(rec, pre+"name"); got != model.CleanText(mt.Name) {
						t.Errorf("row %d %sname = %q", n+1, pre, got)
					}
					if got := text(rec, pre+"unit"); got != model.CleanText(mt.Unit) {
						t.Errorf("row %d %sunit = %q", n+1, pre, got)
					}
					for key, v := range map[string]*float64{"target": mt.Target, "current": mt.Current} {
						got := text(rec, pre+key)
						if v == nil {
							if got != "" {
								t.Errorf("row %d %s%s = %q, want empty", n+1, pre, key, got)
							}
							continue
						}
						f, err := strconv.ParseFloat(got, 64)
						if err != nil || f != *v {
							t.Errorf("row %d %s%s = %q, want %v", n+1, pre, key, got, *v)
						}
					}
					if got := text(rec, pre+"direction"); got != string(mt.Direction) {
						t.Errorf("row %d %sdirection = %q", n+1, pre, got)
					}
					if got := text(rec, pre+"status"); got != mt.Status().String() {
						t.Errorf("row %d %sstatus = %q", n+1, pre, got)
					}
				}
				for i := len(tp.Metrics); ; i++ {
					k, ok := col["metric"+strconv.Itoa(i+1)+"_name"]
					if !ok {
						break
					}
					if rec[k] != "" {
						t.Errorf("row %d has a metric %d it does not own", n+1, i+1)
					}
				}
			}
		})
	}
}

func TestWriteCSVFormulaGuard(t *testing.T) {
	m := &model.Map{MapInfo: model.MapInfo{Title: "x"}, Phases: []model.Phase{{Name: "=phase", Touchpoints: []model.Touchpoint{{
		Name: "=HYPERLINK(\"http://evil\")", Channel: "+chan", Owner: "@owner", Kind: model.KindDigital,
		Emotion:     model.Emotion{Score: 2},
		Motivations: model.ListOf("-1+2", "fine"),
		Notes:       "\tnote",
		Metrics:     []model.Metric{{Name: "m", Target: model.Float(-5), Current: model.Float(-7.5), Direction: model.Down}},
	}}}}}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, m); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(noBOM(t, &buf)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	row := recs[1]
	for i, cell := range row {
		if cell == "" {
			continue
		}
		h := recs[0][i]
		if strings.HasSuffix(h, "target") || strings.HasSuffix(h, "current") {
			if _, err := strconv.ParseFloat(cell, 64); err != nil {
				t.Errorf("%s = %q should stay a plain number", h, cell)
			}
			continue
		}
		if strings.IndexByte("=+-@\t\r", cell[0]) >= 0 {
			t.Errorf("%s = %q could run as a formula", h, cell)
		}
	}
	if row[0] != "x" || row[2] != "'=phase" || row[4] != "'=HYPERLINK(\"http://evil\")" || row[11] != "'-1+2\nfine" {
		t.Errorf("title and guarded cells = %q %q %q %q", row[0], row[2], row[4], row[11])
	}
}

func TestWriteCSVEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, &model.Map{MapInfo: model.MapInfo{Title: "x"}}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(noBOM(t, &buf)).ReadAll()
	if err != nil || len(recs) != 1 || recs[0][0] != "map" || recs[0][1] != "phase_position" {
		t.Errorf("empty map CSV = %q, %v; want only a header", recs, err)
	}
}

// noBOM checks that a CSV starts with the UTF-8 byte-order mark and
// returns what follows it.
func noBOM(t *testing.T, b *bytes.Buffer) *bytes.Buffer {
	t.Helper()
	if !bytes.HasPrefix(b.Bytes(), []byte("\ufeff")) {
		t.Errorf("CSV does not start with a UTF-8 byte-order mark: %q", b.Bytes()[:min(b.Len(), 8)])
		return b
	}
	return bytes.NewBuffer(b.Bytes()[3:])
}

func TestFormats(t *testing.T) {
	tests := []struct{ in, want, ext string }{
		{"md", "md", ".md"}, {"Markdown", "md", ".md"}, {" JSON ", "json", ".json"},
		{"mermaid", "mermaid", ".mmd"}, {"mmd", "mermaid", ".mmd"}, {"csv", "csv", ".csv"},
	}
	for _, tt := range tests {
		f, err := FormatByName(tt.in)
		if err != nil || f.Name != tt.want || f.Ext() != tt.ext {
			t.Errorf("FormatByName(%q) = %q %v (ext %q), want %q %q", tt.in, f.Name, err, f.Ext(), tt.want, tt.ext)
		}
	}
	if _, err := FormatByName("pptx"); err == nil || !strings.Contains(err.Error(), `"pptx"`) ||
		!strings.Contains(err.Error(), "md, json, mermaid, csv, svg, png, pdf, html, marp or slides") {
		t.Errorf("FormatByName(pptx) err = %v", err)
	}
	paths := map[string]string{"a.md": "md", "b.MARKDOWN": "md", "x/y.json": "json", "d.mmd": "mermaid",
		"e.Mermaid": "mermaid", "f.csv": "csv", "g.txt": "", "h": "", "md": "", ".md/x": "",
		"p.svg": "svg", "p.PNG": "png", "p.pdf": "pdf", "p.html": "html", "p.htm": "html",
		"deck.marp.md": "marp", "deck.Slides.MD": "slides", "deck.pptx": "", "my.talk.md": "md"}
	for path, want := range paths {
		f, ok := FormatForPath(path)
		if ok != (want != "") || f.Name != want {
			t.Errorf("FormatForPath(%q) = %q %v, want %q", path, f.Name, ok, want)
		}
	}
	m := richMap()
	writers := map[string]func(io.Writer, *model.Map) error{"md": WriteMarkdown, "json": WriteJSON, "mermaid": WriteMermaid, "csv": WriteCSV,
		"svg": withOptions(WriteSVG), "png": withOptions(WritePNG), "pdf": withOptions(WritePDF), "html": withOptions(WriteHTML),
		"marp": withOptions(WriteMarp), "slides": withOptions(WriteSlides)}
	for _, f := range Formats() {
		var got, want bytes.Buffer
		if err := f.Write(&got, m, Options{}); err != nil {
			t.Fatalf("Write %s: %v", f.Name, err)
		}
		if writers[f.Name] == nil {
			t.Fatalf("format %s is not tested here", f.Name)
		}
		if err := writers[f.Name](&want, m); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) || got.Len() == 0 {
			t.Errorf("format %s differs from its writer", f.Name)
		}
		if f.Label == "" || f.Description == "" || len(f.Extensions) == 0 {
			t.Errorf("%s lacks a label, description or extension", f.Name)
		}
	}
}

func withOptions(w func(io.Writer, *model.Map, Options) error) func(io.Writer, *model.Map) error {
	return func(out io.Writer, m *model.Map) error { return w(out, m, Options{}) }
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestExportWriteErrors(t *testing.T) {
	m := testmap.Generate(3, 200) // bigger than the writers' buffers
	for _, f := range Formats() {
		if err := f.Write(failWriter{}, m, Options{}); err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("%s: err = %v, want the writer's error", f.Name, err)
		}
		if err := f.Write(&bytes.Buffer{}, nil, Options{}); err == nil {
			t.Errorf("%s: a nil map should be an error", f.Name)
		}
	}
}

package interchange

import (
	"bytes"
	"io"
	"testing"

	"journeymap/model"
)

// The export budget is 100 ms per format for a map of 10,000 touchpoints in
// 40 phases (model.Generate(40, 10000)); these benchmarks measure it.

var benchFormatMap = model.Generate(40, 10000)

func BenchmarkMarshalJSON(b *testing.B) {
	var n int
	for b.Loop() {
		out, err := MarshalJSON(benchFormatMap)
		if err != nil {
			b.Fatal(err)
		}
		n = len(out)
	}
	b.SetBytes(int64(n))
}

func BenchmarkParseJSON(b *testing.B) {
	doc, err := MarshalJSON(benchFormatMap)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		if _, err := ParseJSON(doc); err != nil {
			b.Fatal(err)
		}
	}
}

// countWriter counts bytes without keeping them, so the benchmark measures
// the writer, not buffer growth.
type countWriter struct{ n int64 }

func (w *countWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

func benchWriter(b *testing.B, write func(io.Writer, *model.Map) error) {
	var w countWriter
	for b.Loop() {
		w.n = 0
		if err := write(&w, benchFormatMap); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(w.n)
}

// BenchmarkWriteMarkdown includes computing the insights.
func BenchmarkWriteMarkdown(b *testing.B) { benchWriter(b, WriteMarkdown) }

func BenchmarkWriteMermaid(b *testing.B) { benchWriter(b, WriteMermaid) }

func BenchmarkWriteCSV(b *testing.B) { benchWriter(b, WriteCSV) }

func BenchmarkInsights(b *testing.B) {
	for b.Loop() {
		_ = model.Insights(benchFormatMap)
	}
}

func BenchmarkParseJSONError(b *testing.B) {
	doc, err := MarshalJSON(benchFormatMap)
	if err != nil {
		b.Fatal(err)
	}
	// A type error near the end makes ParseJSON walk the document a second
	// time to name the path.
	i := bytes.LastIndex(doc, []byte(`"score": `))
	bad := append(append(append([]byte{}, doc[:i]...), `"score": "x", "zz": `...), doc[i:]...)
	for b.Loop() {
		if _, err := ParseJSON(bad); err == nil {
			b.Fatal("want an error")
		}
	}
}

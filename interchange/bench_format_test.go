package interchange

import (
	"bufio"
	"bytes"
	"testing"

	"journeymap/internal/testmap"
	"journeymap/model"
)

// Exports must run at the speed of SQLite: on the dense map of
// 10,000 touchpoints in 40 phases, each whole export process within 1.5× of
// `sqlite3 FILE .dump`. These benchmarks measure the writers alone, through
// a bufio.Writer as the command line uses them.

var benchFormatMap = testmap.Dense(40, 10000)

func BenchmarkWrite(b *testing.B) {
	for _, f := range Formats() {
		b.Run(f.Name, func(b *testing.B) {
			b.ReportAllocs()
			var w countWriter
			bw := bufio.NewWriterSize(&w, 64<<10)
			for b.Loop() {
				w.n = 0
				if err := f.Write(bw, benchFormatMap, Options{}); err != nil {
					b.Fatal(err)
				}
				if err := bw.Flush(); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(w.n)
		})
	}
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

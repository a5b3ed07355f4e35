package picture

import (
	"io"
	"testing"

	"journeymap/internal/testmap"
	"journeymap/model"
)

// Budgets: each format < 150 ms for the sample map; < 2 s and < 100 MB for
// 10,000 touchpoints.
func benchFormats(b *testing.B, m *model.Map) {
	for _, f := range []struct {
		name  string
		write func(io.Writer, *model.Map, Options) error
	}{{"SVG", WriteSVG}, {"PNG", WritePNG}, {"PDF", WritePDF}} {
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := f.write(io.Discard, m, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkSample(b *testing.B) { benchFormats(b, loadTemplate(b, "customer-lifecycle")) }
func Benchmark10000(b *testing.B)  { benchFormats(b, testmap.Generate(40, 10000)) }

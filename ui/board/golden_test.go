package board

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden compares the plain text of the board (colours stripped, which
// is also what a NO_COLOR terminal shows) with testdata/*.golden. Run
// `go test ./ui/board -update` after an intended change of looks.
func TestGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		w, h := size[0], size[1]
		m := newBoard(sampleMap())
		m.Select(Selection{1, 1})
		got := plain(m, w, h) + "\n"
		path := filepath.Join("testdata", fmt.Sprintf("board_%dx%d.golden", w, h))
		if *update {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if string(want) != got {
			t.Errorf("%s differs; got:\n%s\nwant:\n%s", path, got, want)
		}
	}
}

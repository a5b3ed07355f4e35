package interchange

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"journeymap/internal/testmap"
	"journeymap/model"
)

var updateGolden = flag.Bool("update-golden", false, "rewrite testdata/golden from the current writers")

// textFormats are the formats pinned byte for byte here. The pictures have
// their golden SVGs in package picture; the page and the decks are checked
// for determinism and by the tools that read them (deck_test.go).
func textFormats(t testing.TB) []Format {
	var out []Format
	for _, name := range []string{"md", "json", "mermaid", "csv"} {
		f, err := FormatByName(name)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, f)
	}
	return out
}

// goldenMaps are the maps whose every export is pinned byte for byte: every
// built-in template plus the rich and nasty test maps.
func goldenMaps(t *testing.T) map[string]*model.Map {
	ts, errs := Templates("")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	ms := map[string]*model.Map{"rich": richMap(), "nasty": nastyMap(), "voted": votedMap()}
	if len(ts) != len(builtinFiles) {
		t.Fatalf("%d templates, want the %d built-ins", len(ts), len(builtinFiles))
	}
	for i, tpl := range ts {
		ms["template-"+strings.TrimSuffix(builtinFiles[i], ".json")] = tpl.Map
	}
	return ms
}

// TestExportGolden pins every export of every golden map, and the SHA-256 of
// every export of a large generated map, to files made before the formats
// moved: the output must stay byte-identical.
func TestExportGolden(t *testing.T) {
	dir := filepath.Join("testdata", "golden")
	check := func(name string, got []byte) {
		t.Helper()
		path := filepath.Join(dir, name)
		if *updateGolden {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: output differs from the golden file", name)
		}
	}
	export := func(m *model.Map, f Format) []byte {
		var b bytes.Buffer
		if err := f.Write(&b, m, Options{}); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	for name, m := range goldenMaps(t) {
		for _, f := range textFormats(t) {
			check(name+"."+f.Name, export(m, f))
		}
	}
	big := testmap.Generate(40, 10000)
	var sums strings.Builder
	for _, f := range textFormats(t) {
		sum := sha256.Sum256(export(big, f))
		sums.WriteString(f.Name + " " + hex.EncodeToString(sum[:]) + "\n")
	}
	check("generated-40-10000.sha256", []byte(sums.String()))
}

// TestExportGoldenDense pins the SHA-256 of every export of the dense
// benchmark map.
func TestExportGoldenDense(t *testing.T) {
	path := filepath.Join("testdata", "golden", "dense-40-10000.sha256")
	m := testmap.Dense(40, 10000)
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	var sums strings.Builder
	for _, f := range textFormats(t) {
		var b bytes.Buffer
		if err := f.Write(&b, m, Options{}); err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b.Bytes())
		sums.WriteString(f.Name + " " + hex.EncodeToString(sum[:]) + "\n")
	}
	if *updateGolden {
		if err := os.WriteFile(path, []byte(sums.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if sums.String() != string(want) {
		t.Errorf("dense map exports differ from %s:\n%s", path, sums.String())
	}
}

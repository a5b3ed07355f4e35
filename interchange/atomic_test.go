package interchange

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFileAtomic(t *testing.T) {
	text := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	tests := []struct {
		name      string
		existing  string // "" = no file before
		protect   bool   // protect the target itself
		overwrite bool
		render    func(io.Writer) error
		wantErr   string
		want      string // file content afterwards
	}{
		{"new file", "", false, false, text("new"), "", "new"},
		{"exists, no overwrite", "old", false, false, text("new"), "file exists", "old"},
		{"exists, overwrite", "old", false, true, text("new"), "", "new"},
		{"protected map file", "db", true, true, text("new"), "the map file itself", "db"},
		{"render fails", "old", false, true, func(w io.Writer) error {
			io.WriteString(w, "half")
			return errors.New("boom")
		}, "export: boom", "old"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.md")
			if tt.existing != "" {
				if err := os.WriteFile(path, []byte(tt.existing), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			protect := ""
			if tt.protect {
				protect = filepath.Join(dir, ".", "out.md")
			}
			err := WriteFileAtomic(path, protect, tt.overwrite, tt.render)
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
			got, _ := os.ReadFile(path)
			if string(got) != tt.want {
				t.Errorf("file = %q, want %q", got, tt.want)
			}
			if tt.existing != "" {
				if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
					t.Errorf("mode = %v, want the old 0600 kept", fi.Mode().Perm())
				}
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("directory holds %d entries, want only out.md (no temp files)", len(entries))
			}
		})
	}
}

func TestAtomicWriterReportsExisting(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.json")
	os.WriteFile(path, []byte("old"), 0o644)
	exists, err := AtomicWriter("")(path, false, func(w io.Writer) error { return nil })
	if !exists || err != nil {
		t.Fatalf("exists=%v err=%v, want true, nil", exists, err)
	}
}

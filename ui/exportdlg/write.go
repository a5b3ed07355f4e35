package exportdlg

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// resolve makes p absolute: "~/" is the home directory, other relative paths
// are relative to dir (or the working directory when dir is empty).
func resolve(dir, p string) (string, error) {
	if p == "~" || strings.HasPrefix(p, "~/") {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("no home directory for %q", p)
		}
		p = filepath.Join(home, strings.TrimPrefix(p, "~"))
	}
	if !filepath.IsAbs(p) && dir != "" {
		p = filepath.Join(dir, p)
	}
	return filepath.Abs(p)
}

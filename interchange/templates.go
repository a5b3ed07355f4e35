package interchange

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"journeymap/model"
)

// Template is a ready-made map to start a new one from.
//
// A template is nothing but a map in the JSON interchange format: its name is
// the map's title and its description is the map's goal (or, when the goal is
// empty, a count of its phases and touchpoints). So any exported map can
// become a template by dropping its JSON file into UserTemplateDir.
type Template struct {
	Name        string
	Description string
	Builtin     bool
	Map         *model.Map // a private copy: callers may change it freely
	// File is where a user template was read from; empty for built-ins.
	File string
}

// builtinFiles lists the embedded templates in the order they are offered.
var builtinFiles = []string{
	"customer-lifecycle.json",
	"before-during-after.json",
	"saas-onboarding.json",
	"e-commerce-order.json",
	"service-visit.json",
	"blank.json",
}

//go:embed templates/*.json
var builtinFS embed.FS

// builtins parses the embedded templates once; every caller gets clones.
var builtins = sync.OnceValues(func() ([]Template, error) {
	ts := make([]Template, 0, len(builtinFiles))
	for _, name := range builtinFiles {
		data, err := builtinFS.ReadFile("templates/" + name)
		if err != nil {
			return nil, fmt.Errorf("built-in template %s: %w", name, err)
		}
		t, err := parseTemplate(data)
		if err != nil {
			return nil, fmt.Errorf("built-in template %s: %w", name, err)
		}
		t.Builtin = true
		ts = append(ts, t)
	}
	return ts, nil
})

// maxTemplateSize keeps a stray huge file in the template directory from
// being read into memory; real templates are a few dozen kilobytes.
const maxTemplateSize = 16 << 20

// Templates returns the built-in templates followed by the user's templates:
// the *.json files in userDir, in file-name order. A user template whose name
// matches a built-in (ignoring case) replaces it in place. A user file that
// cannot be read, is not a valid Journeymap document or repeats the name of
// an earlier user template is skipped and reported as an error naming the
// file; the other templates are still returned. A missing userDir is not an
// error, and userDir "" means no user templates.
func Templates(userDir string) ([]Template, []error) {
	bs, err := builtins()
	if err != nil {
		// Cannot happen with the embedded files (the tests parse them), but
		// a broken build should still list the user's templates.
		return userTemplates(nil, userDir, []error{err})
	}
	ts := make([]Template, len(bs))
	for i, t := range bs {
		t.Map = t.Map.Clone()
		ts[i] = t
	}
	return userTemplates(ts, userDir, nil)
}

func userTemplates(ts []Template, dir string, errs []error) ([]Template, []error) {
	if dir == "" {
		return ts, errs
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		if !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, fmt.Errorf("templates: %w", err))
		}
		return ts, errs
	}
	from := map[string]string{} // lower-case name -> file of the user template that took it
	for _, e := range entries {
		if e.IsDir() || !strings.EqualFold(filepath.Ext(e.Name()), ".json") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		t, err := readTemplate(path)
		if err != nil {
			errs = append(errs, fmt.Errorf("template %s: %w", path, err))
			continue
		}
		key := strings.ToLower(strings.TrimSpace(t.Name))
		if prev, ok := from[key]; ok {
			errs = append(errs, fmt.Errorf("template %s: name %q is already used by %s", path, t.Name, prev))
			continue
		}
		from[key] = path
		if i := indexTemplate(ts, t.Name); i >= 0 {
			ts[i] = t
		} else {
			ts = append(ts, t)
		}
	}
	return ts, errs
}

func readTemplate(path string) (Template, error) {
	f, err := os.Open(path)
	if err != nil {
		return Template{}, unwrapPath(err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxTemplateSize+1))
	if err != nil {
		return Template{}, unwrapPath(err)
	}
	if len(data) > maxTemplateSize {
		return Template{}, fmt.Errorf("larger than %d MB", maxTemplateSize>>20)
	}
	t, err := parseTemplate(data)
	if err != nil {
		return Template{}, err
	}
	t.File = path
	return t, nil
}

// unwrapPath drops the path from an *os.PathError, since the caller already
// names the file.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func parseTemplate(data []byte) (Template, error) {
	m, err := ParseJSON(data)
	if err != nil {
		return Template{}, err
	}
	return Template{Name: m.Title, Description: describe(m), Map: m}, nil
}

// describe is a template's one-line description: its goal, else its size.
func describe(m *model.Map) string {
	if g := strings.Join(strings.Fields(m.Goal), " "); g != "" {
		return g
	}
	if len(m.Phases) == 0 {
		return "An empty map: a title and nothing else."
	}
	return fmt.Sprintf("%s, %s.", model.Plural(len(m.Phases), "phase"), model.Plural(m.TouchpointCount(), "touchpoint"))
}

func indexTemplate(ts []Template, name string) int {
	name = strings.TrimSpace(name)
	for i, t := range ts {
		if strings.EqualFold(strings.TrimSpace(t.Name), name) {
			return i
		}
	}
	return -1
}

// FindTemplate returns the template called name, ignoring case and
// surrounding spaces.
func FindTemplate(ts []Template, name string) (Template, bool) {
	if i := indexTemplate(ts, name); i >= 0 {
		return ts[i], true
	}
	return Template{}, false
}

// UserTemplateDirEnv is where the user's own templates live:
// $XDG_CONFIG_HOME/journeymap/templates, or ~/.config/journeymap/templates,
// with the environment read through getenv. It is "" when neither variable
// is usable.
func UserTemplateDirEnv(getenv func(string) string) string {
	// The XDG spec says relative values are to be ignored.
	if d := getenv("XDG_CONFIG_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "journeymap", "templates")
	}
	if h := getenv("HOME"); h != "" {
		return filepath.Join(h, ".config", "journeymap", "templates")
	}
	return ""
}

// SampleTitle is the title SampleMap gives the Customer lifecycle template,
// so a first-run file shows an example rather than what looks like a template.
const SampleTitle = "Fresh Ground coffee subscription (sample)"

// SampleMap returns a fresh copy of the Customer lifecycle template's map,
// titled SampleTitle: the map a new default file starts with.
func SampleMap() *model.Map {
	bs, err := builtins()
	if err != nil {
		panic(err) // the embedded files are checked by the tests
	}
	m := bs[0].Map.Clone()
	m.Title = SampleTitle
	return m
}

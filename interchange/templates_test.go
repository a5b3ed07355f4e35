package interchange

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"journeymap/model"
)

var builtinNames = []string{
	"Customer lifecycle", "Before / During / After", "SaaS onboarding",
	"E-commerce order", "Service visit", "Blank",
}

func TestBuiltinTemplates(t *testing.T) {
	ts, errs := Templates("")
	if len(errs) > 0 {
		t.Fatalf("Templates: %v", errs)
	}
	if len(ts) != len(builtinNames) {
		t.Fatalf("got %d templates, want %d", len(ts), len(builtinNames))
	}
	for i, tpl := range ts {
		if tpl.Name != builtinNames[i] {
			t.Errorf("template %d is %q, want %q", i, tpl.Name, builtinNames[i])
		}
		if !tpl.Builtin || tpl.File != "" {
			t.Errorf("%s: Builtin=%v File=%q, want a built-in without a file", tpl.Name, tpl.Builtin, tpl.File)
		}
		if tpl.Description == "" {
			t.Errorf("%s: no description", tpl.Name)
		}
		if err := tpl.Map.Validate(); err != nil {
			t.Errorf("%s: %v", tpl.Name, err)
		}
	}
}

// The embedded files are kept in the exact bytes MarshalJSON writes, so a
// template exported unchanged is byte-identical to its source.
func TestBuiltinTemplatesAreCanonical(t *testing.T) {
	for _, name := range builtinFiles {
		data, err := builtinFS.ReadFile("templates/" + name)
		if err != nil {
			t.Fatal(err)
		}
		m, err := ParseJSON(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out, err := MarshalJSON(m)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(out, data) {
			t.Errorf("%s is not in canonical form; MarshalJSON gives:\n%s", name, firstDiff(data, out))
		}
	}
	entries, err := builtinFS.ReadDir("templates")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(builtinFiles) {
		t.Errorf("templates/ holds %d files, builtinFiles lists %d", len(entries), len(builtinFiles))
	}
}

func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-80)
	return string(b[lo:min(len(b), i+80)])
}

// Every example template must show off every field, so the board, the editor
// and the exports have something real to display.
func TestExampleTemplatesUseEveryField(t *testing.T) {
	ts, _ := Templates("")
	for _, tpl := range ts {
		if tpl.Name == "Blank" {
			if len(tpl.Map.Phases) != 0 || tpl.Map.Goal != "" {
				t.Errorf("Blank should hold only a title")
			}
			continue
		}
		m := tpl.Map
		if m.Persona.Name == "" || m.Persona.Description == "" || m.Goal == "" || m.Notes == "" {
			t.Errorf("%s: persona, goal or notes missing", tpl.Name)
		}
		if len(m.Phases) < 3 {
			t.Errorf("%s: %d phases", tpl.Name, len(m.Phases))
		}
		var used struct {
			notes, labels, mot, th, pain, opp, back bool
			on, off, none, up, down                 bool
		}
		kinds := map[model.Kind]bool{}
		scores := map[int]bool{}
		for _, p := range m.Phases {
			if p.Description == "" {
				t.Errorf("%s: phase %s has no description", tpl.Name, p.Name)
			}
			if n := len(p.Touchpoints); n < 3 || n > 4 {
				t.Errorf("%s: phase %s has %d touchpoints, want 3–4", tpl.Name, p.Name, n)
			}
			for _, tp := range p.Touchpoints {
				if tp.Description == "" || tp.Channel == "" || tp.Owner == "" || len(tp.Metrics) == 0 {
					t.Errorf("%s: touchpoint %s lacks description, channel, owner or metrics", tpl.Name, tp.Name)
				}
				kinds[tp.Kind] = true
				scores[tp.Emotion.Score] = true
				used.notes = used.notes || tp.Notes != ""
				used.labels = used.labels || tp.Emotion.Labels.Len() > 0
				used.mot = used.mot || tp.Motivations.Len() > 0
				used.th = used.th || tp.Thoughts.Len() > 0
				used.pain = used.pain || tp.PainPoints.Len() > 0
				used.opp = used.opp || tp.Opportunities.Len() > 0
				used.back = used.back || tp.Backstage.Len() > 0
				for _, mt := range tp.Metrics {
					if mt.Unit == "" {
						t.Errorf("%s: metric %s has no unit", tpl.Name, mt.Name)
					}
					switch mt.Status() {
					case model.OnTarget:
						used.on = true
					case model.OffTarget:
						used.off = true
					default:
						used.none = true
					}
					used.up = used.up || mt.Direction == model.Up
					used.down = used.down || mt.Direction == model.Down
				}
			}
		}
		if !(used.notes && used.labels && used.mot && used.th && used.pain && used.opp && used.back) {
			t.Errorf("%s: some touchpoint field is never used: %+v", tpl.Name, used)
		}
		if !(used.on && used.off && used.none && used.up && used.down) {
			t.Errorf("%s: metrics should be on target, off target and without data, both directions: %+v", tpl.Name, used)
		}
		if len(kinds) < 2 {
			t.Errorf("%s: only kinds %v", tpl.Name, kinds)
		}
		// A believable curve has a real low and a real high.
		if !scores[5] || !(scores[1] || scores[2]) {
			t.Errorf("%s: emotional curve without a dip and a peak: scores %v", tpl.Name, scores)
		}
	}
}

func TestSampleMap(t *testing.T) {
	a := SampleMap()
	if a.Title != SampleTitle || a.Persona.Name == "" {
		t.Errorf("sample: title %q persona %q", a.Title, a.Persona.Name)
	}
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	// Each call is a private copy.
	a.Phases[0].Touchpoints[0].Name = "changed"
	if b := SampleMap(); b.Phases[0].Touchpoints[0].Name == "changed" {
		t.Error("SampleMap returns shared state")
	}
	ts, _ := Templates("")
	if ts[0].Map.Title != "Customer lifecycle" {
		t.Errorf("SampleMap changed the template: %q", ts[0].Map.Title)
	}
}

func writeTemplate(t *testing.T, dir, file, body string) string {
	t.Helper()
	path := filepath.Join(dir, file)
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func userDoc(title, goal, score string) string {
	return `{"format": "journeymap", "version": 1, "map": {"title": "` + title + `", "goal": "` + goal + `",
 "phases": [{"name": "Only", "touchpoints": [{"name": "T", "kind": "digital", "emotion": {"score": ` + score + `}}]}]}}`
}

func TestUserTemplates(t *testing.T) {
	dir := t.TempDir()
	writeTemplate(t, dir, "a-good.json", userDoc("Workshop kit", "Run a workshop", "4"))
	badJSON := writeTemplate(t, dir, "b-broken.json", `{"format": "journeymap", "version": 1, "map": {`)
	badScore := writeTemplate(t, dir, "c-score.json", userDoc("Scored", "", "7"))
	writeTemplate(t, dir, "d-override.json", userDoc("service VISIT", "Our own visit", "3"))
	dup := writeTemplate(t, dir, "e-dup.json", userDoc("Workshop Kit", "", "3"))
	writeTemplate(t, dir, "notes.txt", "not a template")
	if err := os.Mkdir(filepath.Join(dir, "sub.json"), 0o755); err != nil {
		t.Fatal(err)
	}

	ts, errs := Templates(dir)

	wantErrs := []struct{ file, text string }{
		{badJSON, ""},
		{badScore, "map.phases[0].touchpoints[0].emotion.score"},
		{dup, "already used by"},
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("got errors %v, want %d", errs, len(wantErrs))
	}
	for i, w := range wantErrs {
		msg := errs[i].Error()
		if !strings.Contains(msg, w.file) || !strings.Contains(msg, w.text) {
			t.Errorf("error %d = %q, want it to name %s and say %q", i, msg, w.file, w.text)
		}
		if strings.Contains(msg, "\n") {
			t.Errorf("error %d spans lines: %q", i, msg)
		}
	}

	if len(ts) != len(builtinNames)+1 {
		t.Fatalf("got %d templates, want %d", len(ts), len(builtinNames)+1)
	}
	kit, ok := FindTemplate(ts, "  workshop kit ")
	if !ok || kit.Builtin || kit.Description != "Run a workshop" || kit.File != filepath.Join(dir, "a-good.json") {
		t.Errorf("Workshop kit = %+v, %v", kit, ok)
	}
	if ts[len(ts)-1].Name != "Workshop kit" {
		t.Errorf("user template not listed after the built-ins: %q", ts[len(ts)-1].Name)
	}
	// The override keeps the built-in's place in the list.
	if ts[4].Name != "service VISIT" || ts[4].Builtin || ts[4].Description != "Our own visit" {
		t.Errorf("override = %+v", ts[4])
	}
	if _, ok := FindTemplate(ts, "Scored"); ok {
		t.Error("a template with an invalid score was listed")
	}
}

func TestUserTemplateDirMissingOrUnreadable(t *testing.T) {
	ts, errs := Templates(filepath.Join(t.TempDir(), "nope"))
	if len(errs) != 0 || len(ts) != len(builtinNames) {
		t.Errorf("missing dir: %d templates, errors %v", len(ts), errs)
	}
	file := writeTemplate(t, t.TempDir(), "file", "x")
	ts, errs = Templates(file)
	if len(errs) != 1 || len(ts) != len(builtinNames) {
		t.Errorf("dir is a file: %d templates, errors %v", len(ts), errs)
	}
}

func TestTemplatesAreCopies(t *testing.T) {
	a, _ := Templates("")
	a[0].Map.Phases[0].Name = "changed"
	b, _ := Templates("")
	if b[0].Map.Phases[0].Name == "changed" {
		t.Error("Templates returns shared maps")
	}
}

func TestUserTemplateDirEnv(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"XDG_CONFIG_HOME": "/x", "HOME": "/h"}, "/x/journeymap/templates"},
		{map[string]string{"XDG_CONFIG_HOME": "relative", "HOME": "/h"}, "/h/.config/journeymap/templates"},
		{map[string]string{"HOME": "/h"}, "/h/.config/journeymap/templates"},
		{map[string]string{}, ""},
	}
	for _, tt := range tests {
		got := UserTemplateDirEnv(func(k string) string { return tt.env[k] })
		if got != filepath.FromSlash(tt.want) {
			t.Errorf("%v: got %q, want %q", tt.env, got, tt.want)
		}
	}
}

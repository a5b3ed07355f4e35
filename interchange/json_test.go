package interchange

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"journeymap/internal/testmap"
	"journeymap/model"
)

func TestMarshalJSONShape(t *testing.T) {
	m := &model.Map{MapInfo: model.MapInfo{Title: "T"}, Phases: []model.Phase{{
		Name: "P", Touchpoints: []model.Touchpoint{{
			Name: "A", Kind: model.KindDigital, Emotion: model.Emotion{Score: 3},
			Metrics: []model.Metric{{Name: "M", Direction: model.Up}},
		}},
	}}}
	m.ID, m.Phases[0].ID, m.Phases[0].Touchpoints[0].ID = 7, 8, 9
	got, err := MarshalJSON(m)
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "format": "journeymap",
  "version": 2,
  "map": {
    "title": "T",
    "persona": {
      "name": "",
      "description": ""
    },
    "goal": "",
    "notes": "",
    "phases": [
      {
        "name": "P",
        "description": "",
        "touchpoints": [
          {
            "name": "A",
            "description": "",
            "channel": "",
            "kind": "digital",
            "owner": "",
            "emotion": {
              "score": 3,
              "labels": []
            },
            "motivations": [],
            "thoughts": [],
            "pain_points": [],
            "opportunities": [],
            "backstage": [],
            "metrics": [
              {
                "name": "M",
                "unit": "",
                "target": null,
                "current": null,
                "direction": "up"
              }
            ],
            "notes": ""
          }
        ]
      }
    ],
    "votes": []
  }
}
`
	if string(got) != want {
		t.Errorf("MarshalJSON:\n%s\nwant:\n%s", got, want)
	}
}

func TestMarshalJSONEmptyMap(t *testing.T) {
	got, err := MarshalJSON(&model.Map{MapInfo: model.MapInfo{Title: "x"}})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(got, []byte(`"phases": []`)) || bytes.Contains(got, []byte("null")) {
		t.Errorf("empty map should have phases [] and no null:\n%s", got)
	}
	if _, err := MarshalJSON(nil); err == nil {
		t.Error("MarshalJSON(nil) should fail")
	}
}

func TestJSONRoundTripRich(t *testing.T) {
	m := richMap()
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	first, err := MarshalJSON(m)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasSuffix(first, []byte("}\n")) {
		t.Error("document should end with a newline")
	}
	for _, s := range []string{`"Café journey — 旅程 🚀 | # : ;"`, `"Zoë <b>"`, `100 € & get`, `"target": -0.5`, `"current": 1.75`, `"current": null`, `"labels": []`} {
		if !bytes.Contains(first, []byte(s)) {
			t.Errorf("export lacks %s", s)
		}
	}
	back, err := ParseJSON(first)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, m) {
		t.Errorf("import differs from the original:\n got %+v\nwant %+v", back, m)
	}
	second, err := MarshalJSON(back)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Errorf("export → import → export not byte-identical:\n%s\n----\n%s", first, second)
	}
}

func TestJSONRoundTripGenerated(t *testing.T) {
	m := testmap.Generate(7, 300)
	first, err := MarshalJSON(m)
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseJSON(first)
	if err != nil {
		t.Fatal(err)
	}
	second, _ := MarshalJSON(back)
	if !bytes.Equal(first, second) {
		t.Error("generated map: export → import → export not byte-identical")
	}
}

func TestJSONExtremeNumbers(t *testing.T) {
	for _, v := range []float64{0, math.Copysign(0, -1), 1e-300, 1e300, -123456789.123456789, 0.1, 1.0 / 3} {
		m := &model.Map{MapInfo: model.MapInfo{Title: "n"}, Phases: []model.Phase{{Name: "p", Touchpoints: []model.Touchpoint{{
			Name: "t", Kind: model.KindDigital, Emotion: model.Emotion{Score: 3},
			Metrics: []model.Metric{{Name: "m", Target: model.Float(v), Current: model.Float(-v), Direction: model.Down}},
		}}}}}
		a, err := MarshalJSON(m)
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseJSON(a)
		if err != nil {
			t.Fatalf("%v: %v", v, err)
		}
		// -0 comes back as 0, as it would from the file, which has no
		// negative zero.
		if got := *back.Phases[0].Touchpoints[0].Metrics[0].Target; got != v || v == 0 && math.Signbit(got) {
			t.Errorf("target %v came back as %v", v, got)
		}
		if bytes.Contains(a, []byte("-0,")) {
			t.Errorf("%v: written as -0:\n%s", v, a)
		}
		b, _ := MarshalJSON(back)
		if !bytes.Equal(a, b) {
			t.Errorf("%v: not byte-identical", v)
		}
	}
}

func TestParseJSONDefaultsAndCleaning(t *testing.T) {
	doc := "\ufeff" + `{"format":"journeymap","version":1,"map":{"title":"Hi\u001b[31m red\r\nnext","phases":[
		{"name":"P","touchpoints":[{"name":"A\u009b2J"},{"name":"B","kind":null,"emotion":{"score":null},"metrics":[{"name":"m"}],"motivations":null}]}]}}` + "\n\n"
	m, err := ParseJSON([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if m.Title != "Hi[31m red\nnext" {
		t.Errorf("title = %q; control characters should be gone and CRLF be LF", m.Title)
	}
	a := m.Phases[0].Touchpoints[0]
	if a.Name != "A2J" || a.Kind != model.KindDigital || a.Emotion.Score != model.NeutralScore {
		t.Errorf("touchpoint A = %+v; want name cleaned and defaults digital/3", a)
	}
	b := m.Phases[0].Touchpoints[1]
	if b.Metrics[0].Direction != model.Up || b.Metrics[0].Target != nil || b.Motivations != (model.List{}) {
		t.Errorf("touchpoint B = %+v; want direction up, no target, nil motivations", b)
	}
}

func TestParseJSONErrors(t *testing.T) {
	valid := func(edit func(string) string) string {
		doc := `{"format":"journeymap","version":1,"map":{"title":"T","phases":[
{"name":"A","touchpoints":[]},{"name":"B","touchpoints":[]},
{"name":"C","touchpoints":[{"name":"x","emotion":{"score":3,"labels":[]},"metrics":[{"name":"m","target":1,"current":null,"direction":"up"}]}]}]}}`
		return edit(doc)
	}
	repl := func(old, new string) func(string) string {
		return func(s string) string {
			if !strings.Contains(s, old) {
				panic("test doc lacks " + old)
			}
			return strings.Replace(s, old, new, 1)
		}
	}
	same := func(s string) string { return s }
	tests := []struct {
		name, doc, want string
	}{
		{"valid", valid(same), ""},
		{"score out of range", valid(repl(`"score":3`, `"score":7`)), "map.phases[2].touchpoints[0].emotion.score: must be 1–5, got 7"},
		{"score fraction", valid(repl(`"score":3`, `"score":3.5`)), "map.phases[2].touchpoints[0].emotion.score: must be a whole number, got 3.5"},
		{"score string", valid(repl(`"score":3`, `"score":"3"`)), "map.phases[2].touchpoints[0].emotion.score: must be a whole number, got a string"},
		{"score huge", valid(repl(`"score":3`, `"score":1e100`)), "map.phases[2].touchpoints[0].emotion.score: must be a whole number, got 1e100"},
		{"target string", valid(repl(`"target":1`, `"target":"1"`)), "map.phases[2].touchpoints[0].metrics[0].target: must be a number or null, got a string"},
		{"target overflow", valid(repl(`"target":1`, `"target":1e999`)), "map.phases[2].touchpoints[0].metrics[0].target: is out of range: 1e999"},
		{"bad direction", valid(repl(`"direction":"up"`, `"direction":"sideways"`)), `map.phases[2].touchpoints[0].metrics[0].direction: must be up or down, got "sideways"`},
		{"bad kind", valid(repl(`"name":"x"`, `"name":"x","kind":"virtual"`)), `map.phases[2].touchpoints[0].kind: must be digital, physical or hybrid, got "virtual"`},
		{"empty name", valid(repl(`"name":"B"`, `"name":"  "`)), "map.phases[1].name: must not be empty"},
		{"empty title", valid(repl(`"title":"T"`, `"title":""`)), "map.title: must not be empty"},
		{"label not string", valid(repl(`"labels":[]`, `"labels":["a",2]`)), "map.phases[2].touchpoints[0].emotion.labels[1]: must be a string, got the number 2"},
		{"unknown key", valid(repl(`"name":"x"`, `"name":"x","pain-points":[]`)), `map.phases[2].touchpoints[0]: unknown key "pain-points"`},
		{"unknown top key", valid(repl(`"version":1`, `"version":1,"extra":true`)), `unknown key "extra" at the top level`},
		{"wrong format", valid(repl(`"journeymap"`, `"trello"`)), `format: is "trello"; this is not a Journeymap document (want "journeymap")`},
		{"no format", `{"version":1,"map":{}}`, "format: missing"},
		{"format with a control character", valid(repl(`"journeymap"`, `"journeym\u007fap"`)), `format: is "journeym\x7fap"; this is not a Journeymap document`},
		{"format not a string", valid(repl(`"journeymap"`, `7`)), "format: must be a string, got the number 7"},
		{"text file", "hello\n", "line 1, column 1: invalid character 'h', expected a JSON object"},
		{"newer version", valid(repl(`"version":1`, `"version":3`)), "version: is 3, written by a newer Journeymap; this one reads version 2"},
		{"newer version with new keys", valid(repl(`"version":1`, `"version":3,"layers":[]`)), "version: is 3, written by a newer Journeymap"},
		{"version zero", valid(repl(`"version":1`, `"version":0`)), "version: is 0, not a known version"},
		{"no map", `{"format":"journeymap","version":1}`, "map: missing"},
		{"trailing garbage", valid(same) + "\n x", "line 4, column 2: unexpected data after the document"},
		{"second document", valid(same) + "{}", "unexpected data after the document"},
		{"truncated", valid(same)[:40], "the document ends too early"},
		{"syntax", "{\n  \"format\": journeymap}", "line 2, column 13: invalid character 'j'"},
		{"empty", "  \n", "empty document"},
		{"array", "[1,2]", "the document must be a JSON object, got a list"},
		{"string", `"hi"`, "the document must be a JSON object, got a string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ParseJSON([]byte(tt.doc))
			if tt.want == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if m == nil {
					t.Fatal("nil map")
				}
				return
			}
			if err == nil {
				t.Fatalf("want error %q, got a map", tt.want)
			}
			if m != nil {
				t.Error("a map was returned with an error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %q\n want it to contain %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error should be one line: %q", err)
			}
		})
	}
}

func TestParseJSONPhasesNotAList(t *testing.T) {
	_, err := ParseJSON([]byte(`{"format":"journeymap","version":1,"map":{"title":"T","phases":{"name":"A"}}}`))
	if err == nil || err.Error() != "map.phases: must be a list, got an object" {
		t.Errorf("err = %v", err)
	}
	_, err = ParseJSON([]byte(`{"format":"journeymap","version":1,"map":{"title":"T","phases":[{"name":"A","touchpoints":[7]}]}}`))
	if err == nil || err.Error() != "map.phases[0].touchpoints[0]: must be an object, got the number 7" {
		t.Errorf("err = %v", err)
	}
}

func TestParseJSONValidationErrorsArePrefixed(t *testing.T) {
	_, err := ParseJSON([]byte(`{"format":"journeymap","version":1,"map":{"title":"","phases":[{"name":"","touchpoints":[{"name":"a","emotion":{"score":0}}]}]}}`))
	var ve model.ValidationErrors
	if !errors.As(err, &ve) {
		t.Fatalf("want model.ValidationErrors, got %T %v", err, err)
	}
	var paths []string
	for _, fe := range ve {
		paths = append(paths, fe.Path)
	}
	want := []string{"map.title", "map.phases[0].name", "map.phases[0].touchpoints[0].emotion.score"}
	if !reflect.DeepEqual(paths, want) {
		t.Errorf("paths = %q, want %q", paths, want)
	}
	if fe, ok := model.FirstFieldError(err); !ok || fe.Path != "map.title" {
		t.Errorf("FirstFieldError = %v, %v", fe, ok)
	}
}

func TestParseJSONTypeErrorIsFieldError(t *testing.T) {
	_, err := ParseJSON([]byte(`{"format":"journeymap","version":1,"map":{"title":5}}`))
	fe, ok := model.FirstFieldError(err)
	if !ok || fe.Path != "map.title" || fe.Msg != "must be a string, got the number 5" {
		t.Errorf("err = %v", err)
	}
}

func TestParseJSONSizeLimit(t *testing.T) {
	big := make([]byte, MaxJSONSize+1)
	for i := range big {
		big[i] = ' '
	}
	_, err := ParseJSON(big)
	if err == nil || !strings.Contains(err.Error(), "at most") {
		t.Errorf("err = %v", err)
	}
}

// The exported document must be plain JSON any tool can read.
func TestMarshalJSONIsValidJSON(t *testing.T) {
	b, err := MarshalJSON(richMap())
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	if v["format"] != "journeymap" || v["version"] != float64(2) {
		t.Errorf("envelope = %v %v", v["format"], v["version"])
	}
	if _, ok := v["map"].(map[string]any)["id"]; ok {
		t.Error("IDs must not be exported")
	}
}

func TestMarshalJSONCleansControlCharacters(t *testing.T) {
	m := &model.Map{MapInfo: model.MapInfo{Title: "a\x1b]0;pwned\x07b\r\nc"}}
	out, err := MarshalJSON(m)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out, []byte(`"title": "a]0;pwnedb\nc"`)) {
		t.Errorf("export should carry cleaned text:\n%s", out)
	}
}

// referenceJSON encodes m with encoding/json through the decoding structs:
// the straightforward way to write the document, which MarshalJSON must
// match byte for byte.
func referenceJSON(t testing.TB, m *model.Map) []byte {
	format, version := jsonFormat, jsonVersion
	doc := jsonDoc{Format: &format, Version: &version, Map: toJSONMap(m)}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func toJSONMap(m *model.Map) *jsonMap {
	jm := &jsonMap{
		Title:   model.CleanText(m.Title),
		Persona: jsonPersona{Name: model.CleanText(m.Persona.Name), Description: model.CleanText(m.Persona.Description)},
		Goal:    model.CleanText(m.Goal),
		Notes:   model.CleanText(m.Notes),
		Phases:  make([]jsonPhase, len(m.Phases)),
	}
	for i, p := range m.Phases {
		jp := jsonPhase{
			Name:        model.CleanText(p.Name),
			Description: model.CleanText(p.Description),
			Touchpoints: make([]jsonTouchpoint, len(p.Touchpoints)),
		}
		for k := range p.Touchpoints {
			jp.Touchpoints[k] = toJSONTouchpoint(&p.Touchpoints[k])
		}
		jm.Phases[i] = jp
	}
	jm.Votes = make([]jsonVote, len(m.Votes))
	for i, v := range m.Votes {
		jv := jsonVote{Question: model.CleanText(v.Question), DotsPerPerson: v.DotsPerPerson, Results: make([]jsonResult, len(v.Results))}
		for j, r := range v.Results {
			jv.Results[j] = jsonResult{Phase: r.At.Phase, Touchpoint: r.At.Index, Name: model.CleanText(r.Name), Dots: r.Dots}
		}
		jm.Votes[i] = jv
	}
	return jm
}

func toJSONTouchpoint(t *model.Touchpoint) jsonTouchpoint {
	kind, score := string(t.Kind), t.Emotion.Score
	jt := jsonTouchpoint{
		Name:          model.CleanText(t.Name),
		Description:   model.CleanText(t.Description),
		Channel:       model.CleanText(t.Channel),
		Kind:          &kind,
		Owner:         model.CleanText(t.Owner),
		Emotion:       jsonEmotion{Score: &score, Labels: model.CleanList(t.Emotion.Labels.Items())},
		Motivations:   model.CleanList(t.Motivations.Items()),
		Thoughts:      model.CleanList(t.Thoughts.Items()),
		PainPoints:    model.CleanList(t.PainPoints.Items()),
		Opportunities: model.CleanList(t.Opportunities.Items()),
		Backstage:     model.CleanList(t.Backstage.Items()),
		Metrics:       make([]jsonMetric, len(t.Metrics)),
		Notes:         model.CleanText(t.Notes),
	}
	for i, m := range t.Metrics {
		dir := string(m.Direction)
		jt.Metrics[i] = jsonMetric{
			Name:      model.CleanText(m.Name),
			Unit:      model.CleanText(m.Unit),
			Target:    m.Target,
			Current:   m.Current,
			Direction: &dir,
		}
	}
	return jt
}

func TestMarshalJSONMatchesEncodingJSON(t *testing.T) {
	odd := &model.Map{MapInfo: model.MapInfo{Title: "q\"b\\s\b\f\n\r\t\x01\x7f <&> \u2028\u2029 \xff\xfe é 🎉 \u202e"}}
	odd.Phases = []model.Phase{{Name: "p", Touchpoints: []model.Touchpoint{{Name: "t", Kind: "", Emotion: model.Emotion{Score: -3},
		Metrics: []model.Metric{{Name: "n", Target: model.Float(1e-7), Current: model.Float(1e21), Direction: ""},
			{Name: "m", Target: model.Float(-1e-300), Current: model.Float(123456789012345678), Direction: model.Up}}}}}}
	for name, m := range map[string]*model.Map{"rich": richMap(), "nasty": nastyMap(), "generated": testmap.Generate(6, 200), "odd": odd, "empty": {}} {
		got, err := MarshalJSON(m)
		if err != nil {
			t.Fatal(err)
		}
		if want := referenceJSON(t, m); !bytes.Equal(got, want) {
			t.Errorf("%s: MarshalJSON differs from encoding/json:\n%s\n----\n%s", name, got, want)
		}
	}
}

func TestMarshalJSONRefusesNaN(t *testing.T) {
	m := richMap()
	m.Phases[1].Touchpoints[0].Metrics[0].Current = model.Float(math.NaN())
	_, err := MarshalJSON(m)
	if err == nil || err.Error() != "export json: map.phases[1].touchpoints[0].metrics[0].current: must be a finite number" {
		t.Errorf("err = %v", err)
	}
}

func TestAppendJSONStringMatchesEncodingJSON(t *testing.T) {
	var all strings.Builder
	for c := 0; c < 0x100; c++ {
		all.WriteByte(byte(c))
	}
	for _, s := range []string{"", "plain", all.String(), "\u2028\u2029", "\xe2\x80", "a\xffb", "é🎉\u202e", `"\"`} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := string(appendJSONString(nil, s)) + "\n"; got != want.String() {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want.String())
		}
	}
}

// The reference decoder: what ParseJSON did with encoding/json before it had
// its own parser. The fuzz test checks the two agree on what they accept.

// The json* types spell the document out field by field: struct field order
// is key order, so the output has every key in the documented order. Score,
// kind and direction are pointers only so that a hand-written document that
// leaves them out can be told apart from one that sets them to something
// invalid; MarshalJSON always fills them.
type jsonDoc struct {
	Format  *string  `json:"format"`
	Version *int     `json:"version"`
	Map     *jsonMap `json:"map"`
}

type jsonMap struct {
	Title   string      `json:"title"`
	Persona jsonPersona `json:"persona"`
	Goal    string      `json:"goal"`
	Notes   string      `json:"notes"`
	Phases  []jsonPhase `json:"phases"`
	Votes   []jsonVote  `json:"votes"`
}

type jsonVote struct {
	Question      string       `json:"question"`
	DotsPerPerson int          `json:"dots_per_person"`
	Results       []jsonResult `json:"results"`
}

type jsonResult struct {
	Phase      int    `json:"phase"`
	Touchpoint int    `json:"touchpoint"`
	Name       string `json:"name"`
	Dots       int    `json:"dots"`
}

type jsonPersona struct {
	Name        string `json:"name"`
	Description string `json:"description"`
}

type jsonPhase struct {
	Name        string           `json:"name"`
	Description string           `json:"description"`
	Touchpoints []jsonTouchpoint `json:"touchpoints"`
}

type jsonTouchpoint struct {
	Name          string       `json:"name"`
	Description   string       `json:"description"`
	Channel       string       `json:"channel"`
	Kind          *string      `json:"kind"`
	Owner         string       `json:"owner"`
	Emotion       jsonEmotion  `json:"emotion"`
	Motivations   []string     `json:"motivations"`
	Thoughts      []string     `json:"thoughts"`
	PainPoints    []string     `json:"pain_points"`
	Opportunities []string     `json:"opportunities"`
	Backstage     []string     `json:"backstage"`
	Metrics       []jsonMetric `json:"metrics"`
	Notes         string       `json:"notes"`
}

type jsonEmotion struct {
	Score  *int     `json:"score"`
	Labels []string `json:"labels"`
}

type jsonMetric struct {
	Name      string   `json:"name"`
	Unit      string   `json:"unit"`
	Target    *float64 `json:"target"`
	Current   *float64 `json:"current"`
	Direction *string  `json:"direction"`
}

// referenceParseJSON decodes with encoding/json (DisallowUnknownFields, as
// strict as it gets), then applies the same envelope, defaults, cleaning and
// validation as ParseJSON.
func referenceParseJSON(data []byte) (*model.Map, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var doc jsonDoc
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	if off := dec.InputOffset(); len(bytes.TrimSpace(data[off:])) > 0 {
		return nil, errors.New("unexpected data after the document")
	}
	if err := checkEnvelope(doc.Format, doc.Version, doc.Map != nil); err != nil {
		return nil, err
	}
	m := fromJSONMap(doc.Map)
	if err := m.Validate(); err != nil {
		return nil, err
	}
	return m, nil
}

func fromJSONMap(jm *jsonMap) *model.Map {
	m := &model.Map{MapInfo: model.MapInfo{
		Title:   model.CleanText(jm.Title),
		Persona: model.Persona{Name: model.CleanText(jm.Persona.Name), Description: model.CleanText(jm.Persona.Description)},
		Goal:    model.CleanText(jm.Goal),
		Notes:   model.CleanText(jm.Notes),
	}}
	if len(jm.Phases) > 0 {
		m.Phases = make([]model.Phase, len(jm.Phases))
	}
	for i, jp := range jm.Phases {
		p := model.Phase{Name: model.CleanText(jp.Name), Description: model.CleanText(jp.Description)}
		if len(jp.Touchpoints) > 0 {
			p.Touchpoints = make([]model.Touchpoint, len(jp.Touchpoints))
		}
		for k := range jp.Touchpoints {
			p.Touchpoints[k] = fromJSONTouchpoint(&jp.Touchpoints[k])
		}
		m.Phases[i] = p
	}
	return m
}

func fromJSONTouchpoint(jt *jsonTouchpoint) model.Touchpoint {
	t := model.NewTouchpoint(model.CleanText(jt.Name))
	t.Description = model.CleanText(jt.Description)
	t.Channel = model.CleanText(jt.Channel)
	if jt.Kind != nil {
		t.Kind = model.Kind(model.CleanText(*jt.Kind))
	}
	t.Owner = model.CleanText(jt.Owner)
	if jt.Emotion.Score != nil {
		t.Emotion.Score = *jt.Emotion.Score
	}
	t.Emotion.Labels = model.ListOf(importList(jt.Emotion.Labels)...)
	t.Motivations = model.ListOf(importList(jt.Motivations)...)
	t.Thoughts = model.ListOf(importList(jt.Thoughts)...)
	t.PainPoints = model.ListOf(importList(jt.PainPoints)...)
	t.Opportunities = model.ListOf(importList(jt.Opportunities)...)
	t.Backstage = model.ListOf(importList(jt.Backstage)...)
	if len(jt.Metrics) > 0 {
		t.Metrics = make([]model.Metric, len(jt.Metrics))
	}
	for i, jm := range jt.Metrics {
		mt := model.Metric{
			Name:      model.CleanText(jm.Name),
			Unit:      model.CleanText(jm.Unit),
			Target:    jm.Target,
			Current:   jm.Current,
			Direction: model.Up,
		}
		if jm.Direction != nil {
			mt.Direction = model.Direction(model.CleanText(*jm.Direction))
		}
		t.Metrics[i] = mt
	}
	t.Notes = model.CleanText(jt.Notes)
	return t
}

// importList cleans the items of an imported list; an empty list is nil in
// the model, as in a touchpoint built in code.
func importList(items []string) []string {
	if len(items) == 0 {
		return nil
	}
	return model.CleanList(items)
}

func TestParseJSONStrings(t *testing.T) {
	doc := `{"format":"journeymap","version":1,"map":{"title":"\ud83d\ude00 \ud800x \u00e9 \"q\" \\ \/ tab\there\u001b[1m \u2028` + "\xff" + ` é"}}`
	m, err := ParseJSON([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if want := "😀 \ufffdx é \"q\" \\ / tab\there[1m \u2028\ufffd é"; m.Title != want {
		t.Errorf("title = %q, want %q", m.Title, want)
	}
	ref, err := referenceParseJSON([]byte(doc))
	if err != nil || ref.Title != m.Title {
		t.Errorf("encoding/json reads %q (%v)", ref.Title, err)
	}
}

func TestParseJSONKeys(t *testing.T) {
	m, err := ParseJSON([]byte(`{"Format":"journeymap","VERSION":1,"map":{"Title":"T","phases":[{"NAME":"p"}]}}`))
	if err != nil || m.Title != "T" || m.Phases[0].Name != "p" {
		t.Errorf("case-insensitive keys: %+v, %v", m, err)
	}
	for doc, want := range map[string]string{
		`{"format":"journeymap","version":1,"map":{"title":"T","Title":"U"}}`:                                          `map: duplicate key "Title"`,
		`{"format":"journeymap","version":1,"map":{"title":"T","phases":[{"name":"a","name":"b"}]}}`:                   `map.phases[0]: duplicate key "name"`,
		`{"format":"journeymap","version":1,"version":1,"map":{"title":"T"}}`:                                          `duplicate key "version" at the top level`,
		`{"format":"journeymap","version":1,"map":{"title":"T"},"x":{"deep":[1,2,{"y":null}]}}`:                        `unknown key "x" at the top level`,
		`{"format":"journeymap","version":1,"map":{"title":"T"},"x":[1,}`:                                              `line 1, column 63: invalid character '}', expected a value`,
		`{"format":"journeymap","version":1,"map":{"title":"T","phases":[{"name":7}]},"extra":"oops"}`:                 `unknown key "extra" at the top level`,
		`{"format":"journeymap","version":1,"map":{"title":"T","phases":[{"name":7}]}}`:                                `map.phases[0].name: must be a string, got the number 7`,
		`{"format":"journeymap","version":1,"map":{"title":"T","phases":[{"name":7}]},}`:                               `invalid character '}', expected a key in double quotes`,
		`{"format":"journeymap","version":1,"map":{"title":"a` + "\n" + `b"}}`:                                         `line 1, column 53: invalid character '\n', expected no control character inside a string`,
		`{"format":"journeymap","version":01}`:                                                                         `expected ',' or '}' after a value`,
		`{"format":"journeymap","version":1,"map":{"title":"\x"}}`:                                                     `expected an escape`,
		`{"format":"journeymap","version":1,"map":{"title":"\u12"}}`:                                                   `four hex digits`,
		`{"format":"journeymap","version":1,"map":{"title":"T","phases":[{"touchpoints":[{"emotion":{"score":-}}]}]}}`: `expected a digit`,
	} {
		_, err := ParseJSON([]byte(doc))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseJSON(%s)\n err = %v\nwant %q", doc, err, want)
		}
	}
}

func TestParseJSONDeepNesting(t *testing.T) {
	deep := `{"format":"journeymap","version":1,"map":{"title":"T"},"x":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "}"
	_, err := ParseJSON([]byte(deep))
	if err == nil || !strings.Contains(err.Error(), "nests too deeply") {
		t.Errorf("err = %v", err)
	}
	ok := `{"format":"journeymap","version":1,"map":{"title":"T"},"x":` + strings.Repeat("[", 500) + strings.Repeat("]", 500) + "}"
	if _, err := ParseJSON([]byte(ok)); err == nil || !strings.Contains(err.Error(), `unknown key "x"`) {
		t.Errorf("err = %v", err)
	}
}

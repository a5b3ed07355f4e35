package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"journeymap/model"
)

// The JSON interchange document (DESIGN.md, "JSON interchange").
const (
	jsonFormat  = "journeymap"
	jsonVersion = 1
	// MaxJSONSize bounds an imported document. A map of 10,000 fully filled
	// touchpoints is about 8 MiB, so 64 MiB leaves plenty of room while
	// keeping a wrong or hostile file from eating the machine's memory.
	MaxJSONSize = 64 << 20
)

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

// MarshalJSON returns m as a version 1 interchange document: every key
// present in the documented order, two-space indent, lists as [] when empty,
// target and current as numbers or null, and a trailing newline. IDs and
// UpdatedAt are storage details and are left out. Text goes through the same
// cleaning as ParseJSON applies, so export → import → export is byte-identical
// for any map. The map is not validated (the store only holds valid maps,
// and refusing to export a broken one would only make rescuing it harder),
// except that NaN and infinite values, which JSON cannot express, are an
// error.
//
// The document is written by hand rather than through encoding/json, which
// was several times slower on a 10,000-touchpoint map; the tests check that
// the bytes are exactly what json.Encoder with SetEscapeHTML(false) and a
// two-space indent produces for the same document.
func MarshalJSON(m *model.Map) ([]byte, error) {
	if m == nil {
		return nil, errors.New("export json: no map")
	}
	w := jsonWriter{b: make([]byte, 0, 1024+1500*m.TouchpointCount())}
	w.open('{')
	w.key("format")
	w.str(jsonFormat)
	w.key("version")
	w.b = strconv.AppendInt(w.b, jsonVersion, 10)
	w.key("map")
	w.open('{')
	w.key("title")
	w.str(m.Title)
	w.key("persona")
	w.open('{')
	w.key("name")
	w.str(m.Persona.Name)
	w.key("description")
	w.str(m.Persona.Description)
	w.close('}')
	w.key("goal")
	w.str(m.Goal)
	w.key("notes")
	w.str(m.Notes)
	w.key("phases")
	if len(m.Phases) == 0 {
		w.b = append(w.b, "[]"...)
	} else {
		w.open('[')
		for pi := range m.Phases {
			p := &m.Phases[pi]
			w.item(pi)
			w.open('{')
			w.key("name")
			w.str(p.Name)
			w.key("description")
			w.str(p.Description)
			w.key("touchpoints")
			if len(p.Touchpoints) == 0 {
				w.b = append(w.b, "[]"...)
			} else {
				w.open('[')
				for ti := range p.Touchpoints {
					w.item(ti)
					if err := w.touchpoint(&p.Touchpoints[ti]); err != nil {
						return nil, fmt.Errorf("export json: map.phases[%d].touchpoints[%d].%w", pi, ti, err)
					}
				}
				w.close(']')
			}
			w.close('}')
		}
		w.close(']')
	}
	w.close('}')
	w.close('}')
	w.b = append(w.b, '\n')
	return w.b, nil
}

// jsonWriter appends an indented JSON document to b.
type jsonWriter struct {
	b     []byte
	depth int
	first bool // no member written yet in the innermost object or list
}

func (w *jsonWriter) newline() {
	w.b = append(w.b, '\n')
	for range w.depth {
		w.b = append(w.b, ' ', ' ')
	}
}

func (w *jsonWriter) open(c byte) {
	w.b = append(w.b, c)
	w.depth++
	w.first = true
}

func (w *jsonWriter) close(c byte) {
	w.depth--
	w.newline()
	w.b = append(w.b, c)
	w.first = false
}

func (w *jsonWriter) key(k string) {
	w.item(0)
	w.b = append(w.b, '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, '"', ':', ' ')
}

// item starts a member: a comma unless it is the first, then a new line.
func (w *jsonWriter) item(int) {
	if !w.first {
		w.b = append(w.b, ',')
	}
	w.first = false
	w.newline()
}

func (w *jsonWriter) str(s string) { w.b = appendJSONString(w.b, cleanText(s)) }

func (w *jsonWriter) list(items []string) {
	if len(items) == 0 {
		w.b = append(w.b, "[]"...)
		return
	}
	w.open('[')
	for i, s := range items {
		w.item(i)
		w.str(s)
	}
	w.close(']')
}

// num writes v as encoding/json does (ES6 number formatting), or null.
func (w *jsonWriter) num(v *float64) error {
	if v == nil {
		w.b = append(w.b, "null"...)
		return nil
	}
	f := *v
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return errors.New("must be a finite number")
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	w.b = strconv.AppendFloat(w.b, f, format, -1, 64)
	if format == 'e' { // "e-07" becomes "e-7"
		if n := len(w.b); n >= 4 && w.b[n-4] == 'e' && w.b[n-3] == '-' && w.b[n-2] == '0' {
			w.b[n-2] = w.b[n-1]
			w.b = w.b[:n-1]
		}
	}
	return nil
}

func (w *jsonWriter) touchpoint(t *model.Touchpoint) error {
	w.open('{')
	w.key("name")
	w.str(t.Name)
	w.key("description")
	w.str(t.Description)
	w.key("channel")
	w.str(t.Channel)
	w.key("kind")
	w.str(string(t.Kind))
	w.key("owner")
	w.str(t.Owner)
	w.key("emotion")
	w.open('{')
	w.key("score")
	w.b = strconv.AppendInt(w.b, int64(t.Emotion.Score), 10)
	w.key("labels")
	w.list(t.Emotion.Labels)
	w.close('}')
	w.key("motivations")
	w.list(t.Motivations)
	w.key("thoughts")
	w.list(t.Thoughts)
	w.key("pain_points")
	w.list(t.PainPoints)
	w.key("opportunities")
	w.list(t.Opportunities)
	w.key("backstage")
	w.list(t.Backstage)
	w.key("metrics")
	if len(t.Metrics) == 0 {
		w.b = append(w.b, "[]"...)
	} else {
		w.open('[')
		for i := range t.Metrics {
			mt := &t.Metrics[i]
			w.item(i)
			w.open('{')
			w.key("name")
			w.str(mt.Name)
			w.key("unit")
			w.str(mt.Unit)
			w.key("target")
			if err := w.num(mt.Target); err != nil {
				return fmt.Errorf("metrics[%d].target: %w", i, err)
			}
			w.key("current")
			if err := w.num(mt.Current); err != nil {
				return fmt.Errorf("metrics[%d].current: %w", i, err)
			}
			w.key("direction")
			w.str(string(mt.Direction))
			w.close('}')
		}
		w.close(']')
	}
	w.key("notes")
	w.str(t.Notes)
	w.close('}')
	return nil
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string exactly as encoding/json does
// with HTML escaping off: quote, backslash and control bytes escaped (\b \f
// \n \r \t by name), invalid UTF-8 as \ufffd, U+2028 and U+2029 escaped.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '\\', '"':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// ParseJSON reads a version 1 interchange document and returns its map,
// validated. What it accepts, and why:
//
//   - "format" must be "journeymap" and "version" must be 1; a newer version
//     is refused by name rather than half understood.
//   - Unknown keys are an error naming their path. Within a version the key
//     set is fixed, so an unknown key is a typo ("pain-points") or a newer
//     writer, and ignoring it would silently drop what the user wrote. Keys
//     match case-insensitively, as encoding/json does; that loses nothing.
//   - Missing keys (and null) mean empty: "", no items, no value. A missing
//     kind, score or direction takes the default a new touchpoint or metric
//     gets in the editor (digital, 3, up), so a short hand-written document
//     imports.
//   - Type errors and validation errors name the field from the document root
//     in the interchange spelling:
//     "map.phases[2].touchpoints[0].emotion.score: must be 1–5, got 7".
//     They are *model.FieldError or model.ValidationErrors, so
//     model.FirstFieldError finds the path.
//   - Every string loses its C0/C1 control characters except line feed and
//     tab, and "\r\n" becomes "\n", so imported text can never carry a
//     terminal escape sequence. Invalid UTF-8 becomes U+FFFD.
//   - Anything but whitespace after the document is an error, a leading
//     UTF-8 byte order mark is skipped, and documents over MaxJSONSize are
//     refused before parsing.
//
// Duplicate keys are not detected; the last one wins, as in encoding/json.
func ParseJSON(data []byte) (*model.Map, error) {
	if len(data) > MaxJSONSize {
		return nil, fmt.Errorf("document is %d bytes, at most %d allowed", len(data), MaxJSONSize)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("empty document, expected a Journeymap JSON object")
	}
	var doc jsonDoc
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return nil, explainDecodeError(data, err)
	}
	if off := dec.InputOffset(); len(bytes.TrimSpace(data[off:])) > 0 {
		rest := off + int64(len(data[off:])-len(bytes.TrimLeft(data[off:], " \t\r\n")))
		return nil, fmt.Errorf("%s: unexpected data after the document", position(data, rest))
	}
	if err := checkEnvelope(doc.Format, doc.Version, doc.Map != nil); err != nil {
		return nil, err
	}
	m := fromJSONMap(doc.Map)
	if err := m.Validate(); err != nil {
		var ve model.ValidationErrors
		if errors.As(err, &ve) {
			out := make(model.ValidationErrors, len(ve))
			for i, fe := range ve {
				out[i] = fe.Prefix("map")
			}
			return nil, out
		}
		return nil, err
	}
	return m, nil
}

// checkEnvelope checks format, version and map, in that order, so a file
// that is not ours is reported as such before anything about its content.
func checkEnvelope(format *string, version *int, hasMap bool) error {
	switch {
	case format == nil:
		return &model.FieldError{Path: "format", Msg: `missing; this is not a Journeymap document (want "format": "journeymap")`}
	case *format != jsonFormat:
		return &model.FieldError{Path: "format", Msg: fmt.Sprintf("is %q; this is not a Journeymap document (want %q)", *format, jsonFormat)}
	case version == nil:
		return &model.FieldError{Path: "version", Msg: "missing (want 1)"}
	case *version > jsonVersion:
		return &model.FieldError{Path: "version", Msg: fmt.Sprintf("is %d, written by a newer Journeymap; this one reads version %d", *version, jsonVersion)}
	case *version != jsonVersion:
		return &model.FieldError{Path: "version", Msg: fmt.Sprintf("is %d, not a known version (want %d)", *version, jsonVersion)}
	case !hasMap:
		return &model.FieldError{Path: "map", Msg: "missing"}
	}
	return nil
}

func fromJSONMap(jm *jsonMap) *model.Map {
	m := &model.Map{MapInfo: model.MapInfo{
		Title:   cleanText(jm.Title),
		Persona: model.Persona{Name: cleanText(jm.Persona.Name), Description: cleanText(jm.Persona.Description)},
		Goal:    cleanText(jm.Goal),
		Notes:   cleanText(jm.Notes),
	}}
	if len(jm.Phases) > 0 {
		m.Phases = make([]model.Phase, len(jm.Phases))
	}
	for i, jp := range jm.Phases {
		p := model.Phase{Name: cleanText(jp.Name), Description: cleanText(jp.Description)}
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
	t := model.NewTouchpoint(cleanText(jt.Name))
	t.Description = cleanText(jt.Description)
	t.Channel = cleanText(jt.Channel)
	if jt.Kind != nil {
		t.Kind = model.Kind(cleanText(*jt.Kind))
	}
	t.Owner = cleanText(jt.Owner)
	if jt.Emotion.Score != nil {
		t.Emotion.Score = *jt.Emotion.Score
	}
	t.Emotion.Labels = importList(jt.Emotion.Labels)
	t.Motivations = importList(jt.Motivations)
	t.Thoughts = importList(jt.Thoughts)
	t.PainPoints = importList(jt.PainPoints)
	t.Opportunities = importList(jt.Opportunities)
	t.Backstage = importList(jt.Backstage)
	if len(jt.Metrics) > 0 {
		t.Metrics = make([]model.Metric, len(jt.Metrics))
	}
	for i, jm := range jt.Metrics {
		mt := model.Metric{
			Name:      cleanText(jm.Name),
			Unit:      cleanText(jm.Unit),
			Target:    jm.Target,
			Current:   jm.Current,
			Direction: model.Up,
		}
		if jm.Direction != nil {
			mt.Direction = model.Direction(cleanText(*jm.Direction))
		}
		t.Metrics[i] = mt
	}
	t.Notes = cleanText(jt.Notes)
	return t
}

// importList cleans the items of an imported list; an empty list is nil in
// the model, as in a touchpoint built in code.
func importList(items []string) []string {
	if len(items) == 0 {
		return nil
	}
	return cleanList(items)
}

// explainDecodeError turns an encoding/json error into one line that says
// where the problem is. Syntax errors get a line and column. For type errors
// and unknown keys encoding/json gives no list indices, so the document is
// decoded once more, generically, and walked against the schema to find the
// exact path; this costs nothing on the happy path.
func explainDecodeError(data []byte, err error) error {
	var syn *json.SyntaxError
	switch {
	case errors.As(err, &syn):
		return fmt.Errorf("%s: %s", position(data, syn.Offset-1), strings.TrimPrefix(syn.Error(), "json: "))
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return errors.New("the document ends too early (unexpected end of JSON)")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) == nil {
		if fe := walkDoc(v); fe != nil {
			return fe
		}
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return &model.FieldError{Path: te.Field, Msg: fmt.Sprintf("must be %s, got %s", te.Type, te.Value)}
	}
	// encoding/json puts an unknown key into its message unquoted.
	return errors.New(printable(strings.TrimPrefix(err.Error(), "json: ")))
}

// printable makes s safe to show on a terminal on one line: control and
// other non-printing characters (bidi overrides included) are escaped the
// way %q would.
func printable(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsPrint(r) {
			b.WriteRune(r)
			continue
		}
		q := strconv.QuoteRune(r)
		b.WriteString(q[1 : len(q)-1])
	}
	return b.String()
}

// position renders a byte offset as "line L, column C" (both from 1, column
// in bytes), which is what an editor's go-to-line wants.
func position(data []byte, off int64) string {
	off = min(max(off, 0), int64(len(data)))
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return fmt.Sprintf("line %d, column %d", line, col)
}

// schemaShape is what the schema expects at a place in the document.
type schemaShape int

const (
	shString  schemaShape = iota
	shInt                 // a whole JSON number
	shNumber              // a JSON number or null
	shStrings             // a list of strings
	shObject
	shList // a list of shObject
)

type schemaNode struct {
	shape  schemaShape
	fields []schemaField // shObject, and the element of shList
}

type schemaField struct {
	key  string
	node *schemaNode
}

var (
	schemaString  = &schemaNode{shape: shString}
	schemaStrings = &schemaNode{shape: shStrings}
	schemaInt     = &schemaNode{shape: shInt}
	schemaMetric  = []schemaField{
		{"name", schemaString}, {"unit", schemaString},
		{"target", &schemaNode{shape: shNumber}}, {"current", &schemaNode{shape: shNumber}},
		{"direction", schemaString},
	}
	schemaTouchpoint = []schemaField{
		{"name", schemaString}, {"description", schemaString}, {"channel", schemaString},
		{"kind", schemaString}, {"owner", schemaString},
		{"emotion", &schemaNode{shape: shObject, fields: []schemaField{{"score", schemaInt}, {"labels", schemaStrings}}}},
		{"motivations", schemaStrings}, {"thoughts", schemaStrings}, {"pain_points", schemaStrings},
		{"opportunities", schemaStrings}, {"backstage", schemaStrings},
		{"metrics", &schemaNode{shape: shList, fields: schemaMetric}},
		{"notes", schemaString},
	}
	schemaPhase = []schemaField{
		{"name", schemaString}, {"description", schemaString},
		{"touchpoints", &schemaNode{shape: shList, fields: schemaTouchpoint}},
	}
	schemaDoc = []schemaField{
		{"format", schemaString},
		{"version", schemaInt},
		{"map", &schemaNode{shape: shObject, fields: []schemaField{
			{"title", schemaString},
			{"persona", &schemaNode{shape: shObject, fields: []schemaField{{"name", schemaString}, {"description", schemaString}}}},
			{"goal", schemaString}, {"notes", schemaString},
			{"phases", &schemaNode{shape: shList, fields: schemaPhase}},
		}}},
	}
)

// walkDoc checks a generically decoded document: first the envelope (so a
// foreign or newer file is named as such), then the shape of everything else.
func walkDoc(v any) *model.FieldError {
	obj, ok := v.(map[string]any)
	if !ok {
		return &model.FieldError{Msg: "the document must be a JSON object, got " + typeName(v)}
	}
	fv, vv := lookup(obj, "format"), lookup(obj, "version")
	if fe := walk(fv, schemaString, "format"); fe != nil {
		return fe
	}
	if fe := walk(vv, schemaInt, "version"); fe != nil {
		return fe
	}
	var format *string
	if s, ok := fv.(string); ok {
		format = &s
	}
	var version *int
	if n, ok := vv.(json.Number); ok {
		if i, err := strconv.Atoi(n.String()); err == nil {
			version = &i
		}
	}
	if err := checkEnvelope(format, version, true); err != nil {
		var fe *model.FieldError
		if errors.As(err, &fe) {
			return fe
		}
	}
	return walkObject(obj, schemaDoc, "")
}

// lookup finds key in obj the way encoding/json matches struct fields:
// exactly if possible, else case-insensitively.
func lookup(obj map[string]any, key string) any {
	if v, ok := obj[key]; ok {
		return v
	}
	for k, v := range obj {
		if strings.EqualFold(k, key) {
			return v
		}
	}
	return nil
}

func walkObject(obj map[string]any, fields []schemaField, path string) *model.FieldError {
	var unknown []string
	for k := range obj {
		known := false
		for _, f := range fields {
			if strings.EqualFold(f.key, k) {
				known = true
				break
			}
		}
		if !known {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		msg := fmt.Sprintf("unknown key %q", unknown[0])
		if path == "" {
			return &model.FieldError{Msg: msg + " at the top level"}
		}
		return &model.FieldError{Path: path, Msg: msg}
	}
	for _, f := range fields {
		p := f.key
		if path != "" {
			p = path + "." + f.key
		}
		if fe := walk(lookup(obj, f.key), f.node, p); fe != nil {
			return fe
		}
	}
	return nil
}

func walk(v any, n *schemaNode, path string) *model.FieldError {
	if v == nil {
		return nil // null and missing both mean empty
	}
	bad := func(want string) *model.FieldError {
		return &model.FieldError{Path: path, Msg: fmt.Sprintf("must be %s, got %s", want, typeName(v))}
	}
	switch n.shape {
	case shString:
		if _, ok := v.(string); !ok {
			return bad("a string")
		}
	case shInt:
		num, ok := v.(json.Number)
		if !ok {
			return bad("a whole number")
		}
		if _, err := strconv.ParseInt(num.String(), 10, 0); err != nil {
			return &model.FieldError{Path: path, Msg: "must be a whole number, got " + num.String()}
		}
	case shNumber:
		num, ok := v.(json.Number)
		if !ok {
			return bad("a number or null")
		}
		if f, err := num.Float64(); err != nil || math.IsInf(f, 0) {
			return &model.FieldError{Path: path, Msg: "is out of range: " + num.String()}
		}
	case shStrings:
		list, ok := v.([]any)
		if !ok {
			return bad("a list of strings")
		}
		for i, item := range list {
			if _, ok := item.(string); !ok && item != nil {
				return &model.FieldError{Path: fmt.Sprintf("%s[%d]", path, i), Msg: "must be a string, got " + typeName(item)}
			}
		}
	case shObject:
		obj, ok := v.(map[string]any)
		if !ok {
			return bad("an object")
		}
		return walkObject(obj, n.fields, path)
	case shList:
		list, ok := v.([]any)
		if !ok {
			return bad("a list")
		}
		for i, item := range list {
			if item == nil {
				continue
			}
			p := fmt.Sprintf("%s[%d]", path, i)
			obj, ok := item.(map[string]any)
			if !ok {
				return &model.FieldError{Path: p, Msg: "must be an object, got " + typeName(item)}
			}
			if fe := walkObject(obj, n.fields, p); fe != nil {
				return fe
			}
		}
	}
	return nil
}

func typeName(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case bool:
		return strconv.FormatBool(v)
	case json.Number:
		return "the number " + v.String()
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

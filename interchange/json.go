package interchange

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"journeymap/model"
)

// The JSON interchange document (keys in a fixed order). Version 2 added
// the map's closed dot-voting rounds ("votes", see votes.go); version 1
// documents, which have none, still import.
const (
	jsonFormat  = "journeymap"
	jsonVersion = 2
	// MaxJSONSize bounds an imported document. A map of 10,000 fully filled
	// touchpoints is about 8 MiB, so 64 MiB leaves plenty of room while
	// keeping a wrong or hostile file from eating the machine's memory.
	MaxJSONSize = 64 << 20
)

// WriteJSON writes m to out as a version 1 interchange document: every key
// present in the documented order, two-space indent, lists as [] when empty,
// target and current as numbers or null, and a trailing newline. IDs and
// UpdatedAt are storage details and are left out. Text goes through the same
// cleaning as ParseJSON applies, so export → import → export is byte-identical
// for any map. The map is not validated (the store only holds valid maps,
// and refusing to export a broken one would only make rescuing it harder),
// except that NaN and infinite values, which JSON cannot express, are an
// error, reported before anything is written.
//
// The document is written by hand rather than through encoding/json, which
// was several times slower on a 10,000-touchpoint map, and streamed to out
// in chunks; the tests check that the bytes are exactly what json.Encoder
// with SetEscapeHTML(false) and a two-space indent produces for the same
// document.
func WriteJSON(out io.Writer, m *model.Map) error {
	if m == nil {
		return errors.New("export json: no map")
	}
	if err := checkNumbers(m); err != nil {
		return err
	}
	return StreamJSON(out, FromMap(m, false))
}

// StreamJSON writes src as WriteJSON writes its map. Read from the file,
// a value JSON cannot express is only met on the way: the error then
// comes with part of the document written (an export to a file leaves
// nothing behind: see WriteFileAtomic).
func StreamJSON(out io.Writer, src Source) error {
	m := src.Head
	w := jsonWriter{out: out, b: make([]byte, 0, jsonChunk+jsonChunk/4)}
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
		err := src.Phases(func(pi int, p *model.Phase) error {
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
					if err := checkTouchpointNumbers(pi, ti, &p.Touchpoints[ti]); err != nil {
						return err
					}
					w.item(ti)
					w.touchpoint(&p.Touchpoints[ti])
					if w.flush(false); w.err != nil {
						return w.err
					}
				}
				w.close(']')
			}
			w.close('}')
			return nil
		})
		if err != nil {
			return err
		}
		w.close(']')
	}
	w.votes(m)
	w.close('}')
	w.close('}')
	w.b = append(w.b, '\n')
	w.flush(true)
	return w.err
}

// MarshalJSON returns WriteJSON's document as bytes.
func MarshalJSON(m *model.Map) ([]byte, error) {
	var b bytes.Buffer
	if err := WriteJSON(&b, m); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// checkNumbers reports the first target or current value JSON cannot
// express, named by its path in the document.
func checkNumbers(m *model.Map) error {
	for pi := range m.Phases {
		for ti := range m.Phases[pi].Touchpoints {
			if err := checkTouchpointNumbers(pi, ti, &m.Phases[pi].Touchpoints[ti]); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkTouchpointNumbers(pi, ti int, t *model.Touchpoint) error {
	for i, mt := range t.Metrics {
		for _, v := range []struct {
			name string
			v    *float64
		}{{"target", mt.Target}, {"current", mt.Current}} {
			if v.v != nil && (math.IsInf(*v.v, 0) || math.IsNaN(*v.v)) {
				return fmt.Errorf("export json: map.phases[%d].touchpoints[%d].metrics[%d].%s: must be a finite number", pi, ti, i, v.name)
			}
		}
	}
	return nil
}

// jsonChunk is how much of the document WriteJSON gathers before it writes.
const jsonChunk = 32 << 10

// jsonWriter appends an indented JSON document to b and hands it to out a
// chunk at a time.
type jsonWriter struct {
	out   io.Writer
	err   error // the first write error; nothing is written after it
	b     []byte
	depth int
	first bool // no member written yet in the innermost object or list
}

// flush writes b out once it holds a chunk, or always when final.
func (w *jsonWriter) flush(final bool) {
	if w.err != nil || (!final && len(w.b) < jsonChunk) {
		return
	}
	_, w.err = w.out.Write(w.b)
	w.b = w.b[:0]
}

// indent is newline plus indentation, copied in one piece for any depth
// the document reaches (it is six deep at most).
const indent = "\n                                "

func (w *jsonWriter) newline() {
	if n := 1 + 2*w.depth; n <= len(indent) {
		w.b = append(w.b, indent[:n]...)
		return
	}
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

func (w *jsonWriter) str(s string) { w.b = appendJSONString(w.b, model.CleanText(s)) }

func (w *jsonWriter) list(items model.List) {
	if items == (model.List{}) {
		w.b = append(w.b, "[]"...)
		return
	}
	w.open('[')
	for i, s := range items.All() {
		w.item(i)
		w.str(s)
	}
	w.close(']')
}

// num writes v as encoding/json does (ES6 number formatting), or null. v
// is finite: WriteJSON checks before it starts.
func (w *jsonWriter) num(v *float64) {
	if v == nil {
		w.b = append(w.b, "null"...)
		return
	}
	f := *v + 0 // -0 is written as 0: the file has no negative zero
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
}

func (w *jsonWriter) touchpoint(t *model.Touchpoint) {
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
			w.num(mt.Target)
			w.key("current")
			w.num(mt.Current)
			w.key("direction")
			w.str(string(mt.Direction))
			w.close('}')
		}
		w.close(']')
	}
	w.key("notes")
	w.str(t.Notes)
	w.close('}')
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
//
//   - Unknown keys are an error naming their path. Within a version the key
//     set is fixed, so an unknown key is a typo ("pain-points") or a newer
//     writer, and ignoring it would silently drop what the user wrote. Keys
//     match case-insensitively if no key matches exactly, as in
//     encoding/json; that loses nothing.
//
//   - Missing keys (and null) mean empty: "", no items, no value. A missing
//     kind, score or direction takes the default a new touchpoint or metric
//     gets in the editor (digital, 3, up), so a short hand-written document
//     imports.
//
//   - Syntax errors give a line and column. Type errors and validation
//     errors name the field from the document root in the interchange
//     spelling: "map.phases[2].touchpoints[0].emotion.score: must be 1–5,
//     got 7". They are *model.FieldError or model.ValidationErrors, so
//     model.FirstFieldError finds the path.
//
//   - Every string loses its C0/C1 control characters except line feed and
//     tab, and "\r\n" becomes "\n", so imported text can never carry a
//     terminal escape sequence. Invalid UTF-8 and lone surrogates become
//     U+FFFD.
//
//   - Anything but whitespace after the document is an error, a leading
//     UTF-8 byte order mark is skipped, and documents over MaxJSONSize are
//     refused before parsing.
//
//   - A key given twice in one object is an error (encoding/json would let
//     the last one win): a document that says two things about one field is
//     ambiguous.
//
//   - Metric values are stored as SQLite REALs, which have no negative zero,
//     so -0 reads as 0 and the file and the document agree.
//
// The document is read by a small parser made for this schema rather than
// encoding/json: it is several times faster on large maps and knows the path
// of every value it reads. The tests check it against encoding/json.
func ParseJSON(data []byte) (*model.Map, error) {
	if len(data) > MaxJSONSize {
		return nil, fmt.Errorf("document is %d bytes, at most %d allowed", len(data), MaxJSONSize)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New("empty document, expected a Journeymap JSON object")
	}
	p := jsonParser{data: data}
	m, err := p.document()
	if err != nil {
		if se, ok := err.(*jsonSyntaxError); ok {
			return nil, fmt.Errorf("%s: %s", position(data, se.off), se.msg)
		}
		return nil, err
	}
	if err := checkVotes(m); err != nil {
		return nil, err
	}
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
	case *version < 1:
		return &model.FieldError{Path: "version", Msg: fmt.Sprintf("is %d, not a known version (want 1 to %d)", *version, jsonVersion)}
	case !hasMap:
		return &model.FieldError{Path: "map", Msg: "missing"}
	}
	return nil
}

// position renders a byte offset as "line L, column C" (both from 1, column
// in bytes), which is what an editor's go-to-line wants.
func position(data []byte, off int) string {
	off = min(max(off, 0), len(data))
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := off - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return fmt.Sprintf("line %d, column %d", line, col)
}

// maxJSONDepth bounds nesting where the parser skips values, as
// encoding/json does, so a hostile "[[[[…" cannot exhaust the stack.
const maxJSONDepth = 10000

// jsonSyntaxError is malformed JSON at a byte offset.
type jsonSyntaxError struct {
	off int
	msg string
}

func (e *jsonSyntaxError) Error() string { return e.msg }

// jsonParser reads the interchange document straight into the model. Each
// method starts at the first byte of a value (whitespace skipped) and leaves
// p.pos after it. Schema errors are *model.FieldError with a path relative to
// the value; callers add their part of the path as the error travels up.
type jsonParser struct {
	data []byte
	pos  int
	buf  []byte // scratch for strings with escapes
}

func (p *jsonParser) peek() byte {
	if p.pos < len(p.data) {
		return p.data[p.pos]
	}
	return 0
}

func (p *jsonParser) ws() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// unexpected reports the byte at p.pos where want was expected.
func (p *jsonParser) unexpected(want string) error {
	if p.pos >= len(p.data) {
		return &jsonSyntaxError{p.pos, "the document ends too early (unexpected end of JSON)"}
	}
	r, _ := utf8.DecodeRune(p.data[p.pos:])
	q := strconv.QuoteRune(r) // escapes anything that could upset a terminal
	return &jsonSyntaxError{p.pos, fmt.Sprintf("invalid character %s, expected %s", q, want)}
}

// within puts seg ("touchpoints", "[2]") before the path of a schema error.
func within(err error, seg string) error {
	fe, ok := err.(*model.FieldError)
	if !ok {
		return err
	}
	switch {
	case fe.Path == "":
		return &model.FieldError{Path: seg, Msg: fe.Msg}
	case fe.Path[0] == '[':
		return &model.FieldError{Path: seg + fe.Path, Msg: fe.Msg}
	}
	return &model.FieldError{Path: seg + "." + fe.Path, Msg: fe.Msg}
}

func index(i int) string { return "[" + strconv.Itoa(i) + "]" }

// object reads an object, calling field with each key's name in the schema
// (one of keys) and p.pos at the value, which field must read. A key that is
// not in keys is an error, and so is a key given twice: encoding/json would
// let the last one win, but a document that says two things about one field
// is ambiguous, and guessing would be silent data loss.
func (p *jsonParser) object(keys []string, field func(key string) error) error {
	return p.objectWith(keys, field, nil)
}

// objectWith is object, but an unknown key is passed to unknown (with p.pos
// at its value, which unknown must read) instead of being an error.
func (p *jsonParser) objectWith(keys []string, field func(key string) error, unknown func(raw []byte) error) error {
	var seen uint32 // bit i: keys[i] was read
	p.pos++         // '{'
	p.ws()
	if p.peek() == '}' {
		p.pos++
		return nil
	}
	for {
		p.ws()
		if p.peek() != '"' {
			return p.unexpected("a key in double quotes")
		}
		raw, err := p.str()
		if err != nil {
			return err
		}
		i := schemaKey(raw, keys)
		if i < 0 && unknown == nil {
			return &model.FieldError{Msg: fmt.Sprintf("unknown key %q", raw)}
		}
		if i >= 0 && seen&(1<<i) != 0 {
			return &model.FieldError{Msg: fmt.Sprintf("duplicate key %q", raw)}
		}
		p.ws()
		if p.peek() != ':' {
			return p.unexpected("':' after a key")
		}
		p.pos++
		p.ws()
		if i < 0 {
			if err := unknown(raw); err != nil {
				return err
			}
		} else {
			seen |= 1 << i
			if err := field(keys[i]); err != nil {
				return within(err, keys[i])
			}
		}
		p.ws()
		switch p.peek() {
		case ',':
			p.pos++
		case '}':
			p.pos++
			return nil
		default:
			return p.unexpected("',' or '}' after a value")
		}
	}
}

// schemaKey returns the index of the key of keys that raw names: the exact
// match, else a case-insensitive one (as encoding/json matches struct
// fields), else -1.
func schemaKey(raw []byte, keys []string) int {
	for i, k := range keys {
		if string(raw) == k {
			return i
		}
	}
	for i, k := range keys {
		if strings.EqualFold(string(raw), k) {
			return i
		}
	}
	return -1
}

// list reads a list, calling item with p.pos at each element.
func (p *jsonParser) list(item func(i int) error) error {
	p.pos++ // '['
	p.ws()
	if p.peek() == ']' {
		p.pos++
		return nil
	}
	for i := 0; ; i++ {
		p.ws()
		if err := item(i); err != nil {
			return within(err, index(i))
		}
		p.ws()
		switch p.peek() {
		case ',':
			p.pos++
		case ']':
			p.pos++
			return nil
		default:
			return p.unexpected("',' or ']' after a list item")
		}
	}
}

// null consumes a null at p.pos and reports whether there was one.
func (p *jsonParser) null() bool {
	if bytes.HasPrefix(p.data[p.pos:], []byte("null")) {
		p.pos += 4
		return true
	}
	return false
}

// mismatch is the schema error for a value of the wrong type.
func (p *jsonParser) mismatch(want string) error {
	var got string
	switch c := p.peek(); {
	case c == '"':
		got = "a string"
	case c == '{':
		got = "an object"
	case c == '[':
		got = "a list"
	case c == 't' || c == 'f' || c == 'n':
		for _, lit := range []string{"true", "false", "null"} {
			if bytes.HasPrefix(p.data[p.pos:], []byte(lit)) {
				got = lit
			}
		}
	case c == '-' || c >= '0' && c <= '9':
		lit, err := p.number()
		if err != nil {
			return err
		}
		got = "the number " + string(lit)
	}
	if got == "" {
		return p.unexpected("a value")
	}
	return &model.FieldError{Msg: "must be " + want + ", got " + got}
}

// text reads a string (null leaves *dst alone) and cleans it.
func (p *jsonParser) text(dst *string) error {
	switch {
	case p.peek() == '"':
		b, err := p.str()
		if err != nil {
			return err
		}
		*dst = model.CleanText(string(b))
		return nil
	case p.null():
		return nil
	}
	return p.mismatch("a string")
}

// texts reads a list of strings; null items are empty strings.
func (p *jsonParser) texts(dst *model.List) error {
	switch {
	case p.peek() == '[':
		var out []string
		err := p.list(func(int) error {
			var s string
			if err := p.text(&s); err != nil {
				return err
			}
			out = append(out, s)
			return nil
		})
		*dst = model.ListOf(out...)
		return err
	case p.null():
		*dst = model.List{}
		return nil
	}
	return p.mismatch("a list of strings")
}

// whole reads a whole number into *dst; null leaves it alone.
func (p *jsonParser) whole(dst *int) error {
	switch c := p.peek(); {
	case c == '-' || c >= '0' && c <= '9':
		start := p.pos
		lit, err := p.number()
		if err != nil {
			return err
		}
		n, err := strconv.ParseInt(string(lit), 10, 0)
		if err != nil {
			p.pos = start
			return &model.FieldError{Msg: "must be a whole number, got " + string(lit)}
		}
		*dst = int(n)
		return nil
	case p.null():
		return nil
	}
	return p.mismatch("a whole number")
}

// real reads a number or null.
func (p *jsonParser) real(dst **float64) error {
	switch c := p.peek(); {
	case c == '-' || c >= '0' && c <= '9':
		lit, err := p.number()
		if err != nil {
			return err
		}
		f, err := strconv.ParseFloat(string(lit), 64)
		if err != nil {
			return &model.FieldError{Msg: "is out of range: " + string(lit)}
		}
		f += 0 // -0 becomes 0, as it would in the file
		*dst = &f
		return nil
	case p.null():
		*dst = nil
		return nil
	}
	return p.mismatch("a number or null")
}

// objectOrNull runs read on an object; null is an empty object.
func (p *jsonParser) objectOrNull(read func() error) error {
	switch {
	case p.peek() == '{':
		return read()
	case p.null():
		return nil
	}
	return p.mismatch("an object")
}

// objects reads a list of objects; read gets each element's index, with
// p.pos at '{' or at a null (which it should treat as an empty object).
func (p *jsonParser) objects(read func(i int) error) error {
	switch {
	case p.peek() == '[':
		return p.list(func(i int) error {
			if p.peek() != '{' && !bytes.HasPrefix(p.data[p.pos:], []byte("null")) {
				return p.mismatch("an object")
			}
			return read(i)
		})
	case p.null():
		return nil
	}
	return p.mismatch("a list")
}

var (
	docKeys        = []string{"format", "version", "map"}
	mapKeys        = []string{"title", "persona", "goal", "notes", "phases", "votes"}
	personaKeys    = []string{"name", "description"}
	phaseKeys      = []string{"name", "description", "touchpoints"}
	touchpointKeys = []string{"name", "description", "channel", "kind", "owner", "emotion",
		"motivations", "thoughts", "pain_points", "opportunities", "backstage", "metrics", "notes"}
	emotionKeys = []string{"score", "labels"}
	metricKeys  = []string{"name", "unit", "target", "current", "direction"}
)

// document reads the whole input. Syntax errors come first, then the
// envelope (so a foreign or newer file is named as such), then unknown
// top-level keys, then errors inside the map.
func (p *jsonParser) document() (*model.Map, error) {
	p.ws()
	if p.peek() != '{' {
		err := p.mismatch("a JSON object")
		if fe, ok := err.(*model.FieldError); ok {
			return nil, &model.FieldError{Msg: "the document " + fe.Msg}
		}
		// Not JSON at all (a text file, say): say what was expected.
		return nil, p.unexpected("a JSON object")
	}
	var (
		format         *string
		version        *int
		m              *model.Map
		keyErr, mapErr error
	)
	err := p.objectWith(docKeys, func(key string) error {
		switch key {
		case "format":
			// Compared as written, not cleaned: "journeym\x7fap" is not
			// "journeymap".
			switch {
			case p.peek() == '"':
				raw, err := p.str()
				if err != nil {
					return err
				}
				s := string(raw)
				format = &s
				return nil
			case p.null():
				format = nil
				return nil
			}
			return p.mismatch("a string")
		case "version":
			if p.peek() == 'n' {
				version = nil
			} else {
				version = new(int)
			}
			return p.whole(version)
		default: // "map"
			start := p.pos
			if p.null() {
				m = nil
				return nil
			}
			m = &model.Map{}
			if err := p.objectOrNull(func() error { return p.mapObject(m) }); err != nil {
				if _, ok := err.(*model.FieldError); !ok {
					return err
				}
				// Keep the map's schema error until the envelope is known
				// good, and read on to find any syntax error.
				mapErr = within(err, "map")
				p.pos = start
				return p.skip(0)
			}
			return nil
		}
	}, func(raw []byte) error {
		// Note an unknown top-level key and read on, so the envelope is
		// still checked first: a newer version may well add keys.
		if keyErr == nil {
			keyErr = &model.FieldError{Msg: fmt.Sprintf("unknown key %q at the top level", raw)}
		}
		return p.skip(1)
	})
	if fe, ok := err.(*model.FieldError); ok && fe.Path == "" {
		err = &model.FieldError{Msg: fe.Msg + " at the top level"} // a repeated key
	}
	if err != nil {
		return nil, err
	}
	p.ws()
	if p.pos < len(p.data) {
		return nil, &jsonSyntaxError{p.pos, "unexpected data after the document"}
	}
	if err := checkEnvelope(format, version, m != nil); err != nil {
		return nil, err
	}
	if keyErr != nil {
		return nil, keyErr
	}
	if mapErr != nil {
		return nil, mapErr
	}
	return m, nil
}

func (p *jsonParser) mapObject(m *model.Map) error {
	return p.object(mapKeys, func(key string) error {
		switch key {
		case "title":
			return p.text(&m.Title)
		case "persona":
			return p.objectOrNull(func() error {
				return p.object(personaKeys, func(key string) error {
					if key == "name" {
						return p.text(&m.Persona.Name)
					}
					return p.text(&m.Persona.Description)
				})
			})
		case "goal":
			return p.text(&m.Goal)
		case "notes":
			return p.text(&m.Notes)
		case "votes":
			return p.votes(m)
		default: // "phases"
			m.Phases = nil
			return p.objects(func(i int) error {
				m.Phases = append(m.Phases, model.Phase{})
				if p.null() {
					return nil
				}
				return p.phase(&m.Phases[i])
			})
		}
	})
}

func (p *jsonParser) phase(ph *model.Phase) error {
	return p.object(phaseKeys, func(key string) error {
		switch key {
		case "name":
			return p.text(&ph.Name)
		case "description":
			return p.text(&ph.Description)
		default: // "touchpoints"
			ph.Touchpoints = nil
			return p.objects(func(i int) error {
				ph.Touchpoints = append(ph.Touchpoints, model.NewTouchpoint(""))
				if p.null() {
					return nil
				}
				return p.touchpoint(&ph.Touchpoints[i])
			})
		}
	})
}

func (p *jsonParser) touchpoint(t *model.Touchpoint) error {
	return p.object(touchpointKeys, func(key string) error {
		switch key {
		case "name":
			return p.text(&t.Name)
		case "description":
			return p.text(&t.Description)
		case "channel":
			return p.text(&t.Channel)
		case "kind":
			if p.peek() == 'n' {
				t.Kind = model.KindDigital // null means the default
			}
			return p.text((*string)(&t.Kind))
		case "owner":
			return p.text(&t.Owner)
		case "emotion":
			return p.objectOrNull(func() error {
				return p.object(emotionKeys, func(key string) error {
					if key == "score" {
						if p.peek() == 'n' {
							t.Emotion.Score = model.NeutralScore
						}
						return p.whole(&t.Emotion.Score)
					}
					return p.texts(&t.Emotion.Labels)
				})
			})
		case "motivations":
			return p.texts(&t.Motivations)
		case "thoughts":
			return p.texts(&t.Thoughts)
		case "pain_points":
			return p.texts(&t.PainPoints)
		case "opportunities":
			return p.texts(&t.Opportunities)
		case "backstage":
			return p.texts(&t.Backstage)
		case "metrics":
			t.Metrics = nil
			return p.objects(func(i int) error {
				t.Metrics = append(t.Metrics, model.Metric{Direction: model.Up})
				if p.null() {
					return nil
				}
				return p.metric(&t.Metrics[i])
			})
		default: // "notes"
			return p.text(&t.Notes)
		}
	})
}

func (p *jsonParser) metric(mt *model.Metric) error {
	return p.object(metricKeys, func(key string) error {
		switch key {
		case "name":
			return p.text(&mt.Name)
		case "unit":
			return p.text(&mt.Unit)
		case "target":
			return p.real(&mt.Target)
		case "current":
			return p.real(&mt.Current)
		default: // "direction"
			if p.peek() == 'n' {
				mt.Direction = model.Up // null means the default
			}
			return p.text((*string)(&mt.Direction))
		}
	})
}

// str reads the string at p.pos (a '"'). The bytes returned alias p.data or
// p.buf and are only valid until the next call.
func (p *jsonParser) str() ([]byte, error) {
	p.pos++
	start := p.pos
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			return p.data[start : p.pos-1], nil
		case c == '\\':
			return p.strSlow(start)
		case c < 0x20:
			return nil, p.unexpected("no control character inside a string")
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(p.data[p.pos:])
			if r == utf8.RuneError && size == 1 {
				return p.strSlow(start)
			}
			p.pos += size
		default:
			p.pos++
		}
	}
	return nil, p.unexpected("the end of the string")
}

// strSlow finishes a string that has escapes or invalid UTF-8, from p.pos,
// with data[start:p.pos] already known to be plain.
func (p *jsonParser) strSlow(start int) ([]byte, error) {
	b := append(p.buf[:0], p.data[start:p.pos]...)
	defer func() { p.buf = b[:0] }()
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			return b, nil
		case c < 0x20:
			return nil, p.unexpected("no control character inside a string")
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(p.data[p.pos:])
			if r == utf8.RuneError && size == 1 {
				b = utf8.AppendRune(b, utf8.RuneError)
			} else {
				b = append(b, p.data[p.pos:p.pos+size]...)
			}
			p.pos += size
		case c != '\\':
			b = append(b, c)
			p.pos++
		default:
			p.pos++
			e := p.peek()
			switch e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, ok := p.hex4(p.pos + 1)
				if !ok {
					return nil, p.unexpected(`four hex digits after \u`)
				}
				p.pos += 4
				if utf16.IsSurrogate(r) {
					r2, ok := rune(0), false
					if p.pos+2 < len(p.data) && p.data[p.pos+1] == '\\' && p.data[p.pos+2] == 'u' {
						r2, ok = p.hex4(p.pos + 3)
					}
					if dec := utf16.DecodeRune(r, r2); ok && dec != utf8.RuneError {
						r = dec
						p.pos += 6
					} else {
						r = utf8.RuneError
					}
				}
				b = utf8.AppendRune(b, r)
			default:
				return nil, p.unexpected(`an escape: \" \\ \/ \b \f \n \r \t or \u`)
			}
			p.pos++
		}
	}
	return nil, p.unexpected("the end of the string")
}

// hex4 reads four hex digits at i.
func (p *jsonParser) hex4(i int) (rune, bool) {
	if i+4 > len(p.data) {
		return 0, false
	}
	var r rune
	for _, c := range p.data[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// number reads a JSON number literal: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *jsonParser) number() ([]byte, error) {
	start := p.pos
	digits := func() error {
		if c := p.peek(); c < '0' || c > '9' {
			return p.unexpected("a digit")
		}
		for c := p.peek(); c >= '0' && c <= '9'; c = p.peek() {
			p.pos++
		}
		return nil
	}
	if p.peek() == '-' {
		p.pos++
	}
	if p.peek() == '0' {
		p.pos++
	} else if err := digits(); err != nil {
		return nil, err
	}
	if p.peek() == '.' {
		p.pos++
		if err := digits(); err != nil {
			return nil, err
		}
	}
	if c := p.peek(); c == 'e' || c == 'E' {
		p.pos++
		if c := p.peek(); c == '+' || c == '-' {
			p.pos++
		}
		if err := digits(); err != nil {
			return nil, err
		}
	}
	return p.data[start:p.pos], nil
}

// skip reads past one value of any kind, checking its syntax.
func (p *jsonParser) skip(depth int) error {
	if depth > maxJSONDepth {
		return &jsonSyntaxError{p.pos, "the document nests too deeply"}
	}
	p.ws()
	switch c := p.peek(); {
	case c == '"':
		_, err := p.str()
		return err
	case c == '{' || c == '[':
		end := byte('}')
		if c == '[' {
			end = ']'
		}
		p.pos++
		p.ws()
		if p.peek() == end {
			p.pos++
			return nil
		}
		for {
			p.ws()
			if c == '{' {
				if p.peek() != '"' {
					return p.unexpected("a key in double quotes")
				}
				if _, err := p.str(); err != nil {
					return err
				}
				p.ws()
				if p.peek() != ':' {
					return p.unexpected("':' after a key")
				}
				p.pos++
			}
			if err := p.skip(depth + 1); err != nil {
				return err
			}
			p.ws()
			switch p.peek() {
			case ',':
				p.pos++
			case end:
				p.pos++
				return nil
			default:
				return p.unexpected(fmt.Sprintf("',' or '%c'", end))
			}
		}
	case c == '-' || c >= '0' && c <= '9':
		_, err := p.number()
		return err
	}
	for _, lit := range []string{"true", "false", "null"} {
		if bytes.HasPrefix(p.data[p.pos:], []byte(lit)) {
			p.pos += len(lit)
			return nil
		}
	}
	return p.unexpected("a value")
}

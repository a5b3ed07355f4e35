package interchange

import (
	"bufio"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"journeymap/model"
)

// WriteCSV writes one row per touchpoint, in journey order, after a header
// row, behind a UTF-8 byte-order mark (spreadsheet apps read the file as
// UTF-8 only with it, and show accents wrong without). The first column is
// the map's title, so the files of several maps can be stacked. Positions count from 1, as people do. List fields hold one item per
// line inside their cell (a line break inside an item becomes a space), since
// any separator character could also appear in an item and a spreadsheet
// shows in-cell lines as they are. Metrics are flattened into six columns per
// metric (name, unit, target, current, direction, status), as many groups as
// the touchpoint with the most metrics needs. Text cells are guarded against
// formula injection (see csvGuard); numbers are written plainly.
func WriteCSV(w io.Writer, m *model.Map) error {
	if m == nil {
		return errors.New("export csv: no map")
	}
	return StreamCSV(w, FromMap(m, false))
}

// StreamCSV writes src as WriteCSV writes its map.
func StreamCSV(w io.Writer, src Source) error {
	m, metrics := src.Head, src.MostMetrics
	header := []string{
		"map", "phase_position", "phase", "position", "name", "description", "channel", "kind", "owner",
		"emotion_score", "emotion_labels", "motivations", "thoughts", "pain_points", "opportunities",
		"backstage", "notes", "metric_count",
	}
	for i := 1; i <= metrics; i++ {
		n := "metric" + strconv.Itoa(i) + "_"
		header = append(header, n+"name", n+"unit", n+"target", n+"current", n+"direction", n+"status")
	}
	header, dots := csvVotes(header, m)
	out := &errRecorder{w: w}
	cw := csvWriter{w: bufio.NewWriterSize(out, 64<<10)}
	cw.w.WriteString("\ufeff")
	title := model.CleanText(m.Title)
	for _, h := range header {
		cw.cell(h)
	}
	cw.end()
	err := src.Phases(func(pi int, p *model.Phase) error {
		phase := model.CleanText(p.Name)
		for ti := range p.Touchpoints {
			t := &p.Touchpoints[ti]
			cw.cell(title)
			cw.int(pi + 1)
			cw.cell(phase)
			cw.int(ti + 1)
			for _, s := range []string{t.Name, t.Description, t.Channel, string(t.Kind), t.Owner} {
				cw.cell(model.CleanText(s))
			}
			cw.int(t.Emotion.Score)
			for _, l := range []model.List{t.Emotion.Labels, t.Motivations, t.Thoughts, t.PainPoints, t.Opportunities, t.Backstage} {
				cw.list(l)
			}
			cw.cell(model.CleanText(t.Notes))
			cw.int(len(t.Metrics))
			for i := range t.Metrics {
				mt := &t.Metrics[i]
				cw.cell(model.CleanText(mt.Name))
				cw.cell(model.CleanText(mt.Unit))
				cw.num(mt.Target)
				cw.num(mt.Current)
				cw.cell(model.CleanText(string(mt.Direction)))
				cw.cell(mt.Status().String())
			}
			for range metrics - len(t.Metrics) {
				for range 6 {
					cw.cell("")
				}
			}
			for _, d := range dots {
				cw.int(d[model.Ref{Phase: pi, Index: ti}])
			}
			cw.end()
			if out.err != nil {
				return out.err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return cw.w.Flush()
}

// csvWriter writes RFC 4180 records exactly as encoding/csv's Writer does
// with its defaults, straight from the map's strings: no record slice, no
// joined list cells, no formatted numbers in between. Every text cell goes
// through the formula guard (see csvGuard); callers pass cleaned text.
type csvWriter struct {
	w       *bufio.Writer
	started bool // a cell of the current record is written
	scratch []byte
}

// csvGuard marks the bytes that make a spreadsheet read a cell as a
// formula: a text cell that starts with = + - @ (or a tab or carriage
// return, which some spreadsheets skip before looking for a formula) gets a
// leading apostrophe, which spreadsheets treat as "this is text".
var csvGuard = [256]bool{'=': true, '+': true, '-': true, '@': true, '\t': true, '\r': true}

func (c *csvWriter) sep() {
	if c.started {
		c.w.WriteByte(',')
	}
	c.started = true
}

// cell writes clean text s as a guarded cell.
func (c *csvWriter) cell(s string) {
	c.sep()
	guard := s != "" && csvGuard[s[0]]
	if !csvNeedsQuotes(s, guard) {
		if guard {
			c.w.WriteByte('\'')
		}
		c.w.WriteString(s)
		return
	}
	c.w.WriteByte('"')
	if guard {
		c.w.WriteByte('\'')
	}
	c.quoted(s)
	c.w.WriteByte('"')
}

// quoted writes s inside a quoted cell: quotes doubled, the rest verbatim.
func (c *csvWriter) quoted(s string) {
	for {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			c.w.WriteString(s)
			return
		}
		c.w.WriteString(s[:i+1])
		c.w.WriteByte('"')
		s = s[i+1:]
	}
}

// csvNeedsQuotes is encoding/csv's rule for s, guarded or not: a line
// break, quote or comma, or a leading space, needs quotes; so does `\.`.
func csvNeedsQuotes(s string, guard bool) bool {
	if s == "" {
		return false
	}
	if s == `\.` && !guard {
		return true
	}
	if strings.ContainsAny(s, "\n\r\",") {
		return true
	}
	if guard {
		return false // "'" leads
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// list writes items one per line in a single cell, each made one line.
func (c *csvWriter) list(items model.List) {
	switch items.Len() {
	case 0:
		c.cell("")
		return
	case 1:
		c.cell(model.CleanLine(items.At(0)))
		return
	}
	// Two or more lines always hold a line break, so the cell is quoted.
	c.sep()
	c.w.WriteByte('"')
	for i, s := range items.All() {
		s = model.CleanLine(s)
		if i > 0 {
			c.w.WriteByte('\n')
		} else if s != "" && csvGuard[s[0]] {
			c.w.WriteByte('\'')
		}
		c.quoted(s)
	}
	c.w.WriteByte('"')
}

func (c *csvWriter) int(n int) {
	c.sep()
	c.scratch = strconv.AppendInt(c.scratch[:0], int64(n), 10)
	c.w.Write(c.scratch)
}

// num writes v plainly, or "1e+300" beyond what spreadsheets show in full
// (which they still read as a number); nil is an empty cell.
func (c *csvWriter) num(v *float64) {
	c.sep()
	if v == nil {
		return
	}
	format := byte('f')
	if a := math.Abs(*v); a != 0 && (a >= 1e15 || a < 1e-6) {
		format = 'g'
	}
	c.scratch = strconv.AppendFloat(c.scratch[:0], *v, format, -1, 64)
	c.w.Write(c.scratch)
}

// end ends the record.
func (c *csvWriter) end() {
	c.w.WriteByte('\n')
	c.started = false
}

// errRecorder passes writes on and keeps the first error, so a writer
// that fails stops the export at the next record.
type errRecorder struct {
	w   io.Writer
	err error
}

func (r *errRecorder) Write(p []byte) (int, error) {
	if r.err != nil {
		return 0, r.err
	}
	n, err := r.w.Write(p)
	r.err = err
	return n, err
}

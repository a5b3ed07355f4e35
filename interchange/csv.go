package interchange

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"

	"journeymap/model"
)

// WriteCSV writes one row per touchpoint, in journey order, after a header
// row. Positions count from 1, as people do. List fields hold one item per
// line inside their cell (a line break inside an item becomes a space), since
// any separator character could also appear in an item and a spreadsheet
// shows in-cell lines as they are. Metrics are flattened into six columns per
// metric (name, unit, target, current, direction, status), as many groups as
// the touchpoint with the most metrics needs. Text cells are guarded against
// formula injection (see csvCell); numbers are written plainly.
func WriteCSV(w io.Writer, m *model.Map) error {
	if m == nil {
		return errors.New("export csv: no map")
	}
	metrics := 0
	for _, p := range m.Phases {
		for _, t := range p.Touchpoints {
			metrics = max(metrics, len(t.Metrics))
		}
	}
	header := []string{
		"phase_position", "phase", "position", "name", "description", "channel", "kind", "owner",
		"emotion_score", "emotion_labels", "motivations", "thoughts", "pain_points", "opportunities",
		"backstage", "notes", "metric_count",
	}
	for i := 1; i <= metrics; i++ {
		n := "metric" + strconv.Itoa(i) + "_"
		header = append(header, n+"name", n+"unit", n+"target", n+"current", n+"direction", n+"status")
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := csv.NewWriter(bw)
	if err := cw.Write(header); err != nil {
		return err
	}
	row := make([]string, len(header))
	for pi, p := range m.Phases {
		phase := csvCell(p.Name)
		for ti := range p.Touchpoints {
			t := &p.Touchpoints[ti]
			row = append(row[:0],
				strconv.Itoa(pi+1), phase, strconv.Itoa(ti+1),
				csvCell(t.Name), csvCell(t.Description), csvCell(t.Channel), csvCell(string(t.Kind)), csvCell(t.Owner),
				strconv.Itoa(t.Emotion.Score), csvList(t.Emotion.Labels), csvList(t.Motivations), csvList(t.Thoughts),
				csvList(t.PainPoints), csvList(t.Opportunities), csvList(t.Backstage), csvCell(t.Notes),
				strconv.Itoa(len(t.Metrics)),
			)
			for _, mt := range t.Metrics {
				row = append(row, csvCell(mt.Name), csvCell(mt.Unit), csvNum(mt.Target), csvNum(mt.Current),
					csvCell(string(mt.Direction)), mt.Status().String())
			}
			for len(row) < len(header) {
				row = append(row, "")
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// csvList puts one item per line in a single cell.
func csvList(items []string) string {
	if len(items) == 0 {
		return ""
	}
	lines := make([]string, len(items))
	for i, s := range items {
		lines[i] = cleanLine(s)
	}
	return csvCell(strings.Join(lines, "\n"))
}

func csvNum(v *float64) string {
	if v == nil {
		return ""
	}
	if a := math.Abs(*v); a != 0 && (a >= 1e15 || a < 1e-6) {
		return strconv.FormatFloat(*v, 'g', -1, 64) // "1e+300", which spreadsheets read as a number
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

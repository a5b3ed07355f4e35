package interchange

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"journeymap/model"
)

// Options tunes a format's output. The text formats take none yet; picture
// formats will take what to draw (a phase, the curve).
type Options struct{}

// Format is one export format. Adding a format is adding one entry to
// formats: the command line, its help and the export dialog all read them
// from there.
type Format struct {
	Name        string   // what --format takes: "md"
	Aliases     []string // other names --format accepts: "markdown"
	Label       string   // what menus show: "Markdown"
	Extensions  []string // with the dot; the first is the one new files get
	Description string   // one line for help texts
	Write       func(w io.Writer, m *model.Map, opts Options) error
}

// Ext is the extension new files in f get, with its dot: ".md".
func (f Format) Ext() string { return f.Extensions[0] }

// formats lists every export format in the order menus show them.
var formats = []Format{
	{Name: "md", Aliases: []string{"markdown"}, Label: "Markdown", Extensions: []string{".md", ".markdown"},
		Description: "Markdown for documents and slides", Write: noOptions(WriteMarkdown)},
	{Name: "json", Label: "JSON", Extensions: []string{".json"},
		Description: "the JSON interchange format, for import and other tools", Write: noOptions(WriteJSON)},
	{Name: "mermaid", Aliases: []string{"mmd"}, Label: "Mermaid", Extensions: []string{".mmd", ".mermaid"},
		Description: "a Mermaid journey diagram", Write: noOptions(WriteMermaid)},
	{Name: "csv", Label: "CSV", Extensions: []string{".csv"},
		Description: "one row per touchpoint, for spreadsheets", Write: noOptions(WriteCSV)},
}

func noOptions(write func(io.Writer, *model.Map) error) func(io.Writer, *model.Map, Options) error {
	return func(w io.Writer, m *model.Map, _ Options) error { return write(w, m) }
}

// Formats returns every export format in the order menus show them.
func Formats() []Format { return formats }

// FormatNames lists the formats' names for messages: "md, json, mermaid or csv".
func FormatNames() string {
	var b strings.Builder
	for i, f := range formats {
		switch {
		case i == 0:
		case i == len(formats)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(f.Name)
	}
	return b.String()
}

// FormatByName finds a format by its name or an alias as people type them:
// case and surrounding spaces do not matter.
func FormatByName(name string) (Format, error) {
	s := strings.TrimSpace(name)
	for _, f := range formats {
		if strings.EqualFold(s, f.Name) {
			return f, nil
		}
		for _, a := range f.Aliases {
			if strings.EqualFold(s, a) {
				return f, nil
			}
		}
	}
	return Format{}, fmt.Errorf("unknown format %q (want %s)", name, FormatNames())
}

// FormatForPath infers the format from path's extension (case does not
// matter). ok is false when the extension names no format, or there is none.
func FormatForPath(path string) (f Format, ok bool) {
	ext := filepath.Ext(path)
	if ext == "" {
		return Format{}, false
	}
	for _, f := range formats {
		for _, e := range f.Extensions {
			if strings.EqualFold(ext, e) {
				return f, true
			}
		}
	}
	return Format{}, false
}

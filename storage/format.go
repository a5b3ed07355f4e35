package storage

import (
	"fmt"
	"io"
	"strings"

	"journeymap/model"
)

// Format names an export format.
type Format string

// The export formats.
const (
	FormatMarkdown Format = "md"
	FormatJSON     Format = "json"
	FormatMermaid  Format = "mermaid"
	FormatCSV      Format = "csv"
)

// Formats lists every export format in the order menus show them.
var Formats = []Format{FormatMarkdown, FormatJSON, FormatMermaid, FormatCSV}

// ParseFormat reads a format name as people type it: md or markdown, json,
// mermaid or mmd, csv; case and surrounding spaces do not matter.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "md", "markdown":
		return FormatMarkdown, nil
	case "json":
		return FormatJSON, nil
	case "mermaid", "mmd":
		return FormatMermaid, nil
	case "csv":
		return FormatCSV, nil
	}
	return "", fmt.Errorf("unknown format %q (want md, json, mermaid or csv)", s)
}

// Ext returns the file extension for f, with its dot: ".md", ".json",
// ".mmd", ".csv"; "" for an unknown format.
func (f Format) Ext() string {
	switch f {
	case FormatMarkdown:
		return ".md"
	case FormatJSON:
		return ".json"
	case FormatMermaid:
		return ".mmd"
	case FormatCSV:
		return ".csv"
	}
	return ""
}

// Name returns the format's name for people ("Markdown").
func (f Format) Name() string {
	switch f {
	case FormatMarkdown:
		return "Markdown"
	case FormatJSON:
		return "JSON"
	case FormatMermaid:
		return "Mermaid"
	case FormatCSV:
		return "CSV"
	}
	return string(f)
}

// Export writes m to w in format f.
func Export(w io.Writer, m *model.Map, f Format) error {
	switch f {
	case FormatMarkdown:
		return WriteMarkdown(w, m)
	case FormatMermaid:
		return WriteMermaid(w, m)
	case FormatCSV:
		return WriteCSV(w, m)
	case FormatJSON:
		b, err := MarshalJSON(m)
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	}
	return fmt.Errorf("unknown format %q (want md, json, mermaid or csv)", string(f))
}

package interchange

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"journeymap/model"
	"journeymap/picture"
)

// Options tunes a format's output. The text formats (md, json, mermaid,
// csv) ignore them.
type Options struct {
	// Picture is what svg, png and html draw: "map" (the default when
	// empty) or "curve" (see Pictures).
	Picture string
	// Phase, when not 0, is the 1-based index of the phase the pictures
	// highlight (svg, png, html) or the one phase the PDF details. Turn
	// --phase N|NAME into it with ResolvePhase.
	Phase int
	// Assets, when set, takes the pictures a deck (marp, slides) refers to
	// and returns the reference to write in the deck; when nil the
	// pictures are embedded as PNG data: URIs. DirAssets writes them to a
	// folder beside the deck.
	Assets AssetFunc
}

// AssetFunc stores one picture of a deck, named name ("curve.png"), with
// what render writes, and returns how the deck refers to it: a path
// relative to the deck.
type AssetFunc func(name string, render func(io.Writer) error) (ref string, err error)

// Pictures lists the values Options.Picture takes.
var Pictures = picture.Pictures

// ResolvePhase turns --phase N|NAME into Options.Phase for m: a number from
// 1 or a phase's name (case-insensitive); "" gives 0.
func ResolvePhase(m *model.Map, arg string) (int, error) { return picture.ResolvePhase(m, arg) }

// CheckPicture reports whether s is a valid Options.Picture.
func CheckPicture(s string) error {
	for _, p := range Pictures {
		if s == p {
			return nil
		}
	}
	return fmt.Errorf("unknown picture %q (want %s)", s, strings.Join(Pictures, " or "))
}

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
	// Stream, when set, writes the same document as Write from a Source
	// read once in journey order, so an export from the file never holds
	// the whole map. Outline and MostMetrics say it needs the Source's
	// Outline or MostMetrics (each costs a query).
	Stream      func(w io.Writer, src Source) error
	Outline     bool
	MostMetrics bool
}

// Ext is the extension new files in f get, with its dot: ".md".
func (f Format) Ext() string { return f.Extensions[0] }

// Draws reports whether writing f draws pictures (and so needs the font and
// tens of megabytes of pixels), rather than writing text only.
func (f Format) Draws() bool {
	switch f.Name {
	case "svg", "png", "pdf", "html", "marp", "slides":
		return true
	}
	return false
}

// Prepare starts, in the background, what writing f will need before the
// map is loaded: the pictures' font, parsed while the file is read.
func (f Format) Prepare() {
	if f.Draws() {
		go picture.Preload()
	}
}

// formats lists every export format in the order menus show them.
var formats = []Format{
	{Name: "md", Aliases: []string{"markdown"}, Label: "Markdown", Extensions: []string{".md", ".markdown"},
		Description: "Markdown for documents and slides", Write: noOptions(WriteMarkdown), Stream: StreamMarkdown, Outline: true},
	{Name: "json", Label: "JSON", Extensions: []string{".json"},
		Description: "the JSON interchange format, for import and other tools", Write: noOptions(WriteJSON), Stream: StreamJSON},
	{Name: "mermaid", Aliases: []string{"mmd"}, Label: "Mermaid", Extensions: []string{".mmd", ".mermaid"},
		Description: "a Mermaid journey diagram", Write: noOptions(WriteMermaid), Stream: StreamMermaid, Outline: true},
	{Name: "csv", Label: "CSV", Extensions: []string{".csv"},
		Description: "one row per touchpoint, for spreadsheets", Write: noOptions(WriteCSV), Stream: StreamCSV, MostMetrics: true},
	{Name: "svg", Label: "SVG", Extensions: []string{".svg"},
		Description: "the map (or --picture curve) as one 16:9 picture", Write: WriteSVG},
	{Name: "png", Label: "PNG", Extensions: []string{".png"},
		Description: "the same picture as PNG, 3840×2160", Write: WritePNG},
	{Name: "pdf", Label: "PDF", Extensions: []string{".pdf"},
		Description: "a printable poster: the picture, every touchpoint, the insights", Write: WritePDF},
	{Name: "html", Aliases: []string{"htm"}, Label: "HTML", Extensions: []string{".html", ".htm"},
		Description: "one self-contained page: picture, board and insights; prints on A3", Write: WriteHTML},
	{Name: "marp", Label: "Marp", Extensions: []string{".marp.md"},
		Description: "a Marp slide deck (pictures beside it, or embedded on stdout)", Write: WriteMarp},
	{Name: "slides", Aliases: []string{"pandoc"}, Label: "Slides", Extensions: []string{".slides.md"},
		Description: "the deck for pandoc: pandoc deck.slides.md -o deck.pptx", Write: WriteSlides},
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
// The longest matching extension wins: "deck.marp.md" is a Marp deck,
// "notes.md" Markdown.
func FormatForPath(path string) (f Format, ok bool) {
	base := filepath.Base(path)
	if filepath.Ext(base) == "" {
		return Format{}, false
	}
	best := -1
	for _, c := range formats {
		for _, e := range c.Extensions {
			if len(e) > best && len(base) > len(e) && strings.EqualFold(base[len(base)-len(e):], e) {
				f, best = c, len(e)
			}
		}
	}
	return f, best >= 0
}

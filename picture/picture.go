// Package picture draws a journey map as one 16:9 picture (SVG or PNG) and as
// a printable PDF poster. It depends only on the model: the caller loads the
// map and chooses the writer.
//
// The picture is 1920×1080 user units (pixels); the PNG is the same picture
// at 2× (3840×2160). All text is set in the embedded DejaVu Sans Condensed at
// 14 units or more, so it stays readable on a slide; a map with more
// touchpoints than fit at that size is aggregated, never shrunk. The same map
// and options always give the same bytes.
package picture

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"journeymap/model"
)

// Width and Height are the picture's size in user units (SVG pixels).
const (
	Width  = 1920
	Height = 1080
)

// PNGScale is how many PNG pixels one user unit becomes.
const PNGScale = 2

// MinTextSize is the smallest text the picture and the poster set, in user
// units at 1920 wide.
const MinTextSize = 14

// MaxColumns is the most columns the picture draws; a map with more
// touchpoints is aggregated by phase.
const MaxColumns = 24

// The pictures Options.Picture can name.
const (
	PictureMap   = "map"   // the whole journey map: phases, touchpoints, curve, pain points, opportunities
	PictureCurve = "curve" // the emotional curve alone, with phases and touchpoint labels
)

// Pictures lists the valid values of Options.Picture.
var Pictures = []string{PictureMap, PictureCurve}

// Options choose what the picture shows.
type Options struct {
	// Picture is PictureMap (the default when empty) or PictureCurve.
	Picture string
	// Phase, when not 0, is the 1-based index of the phase to highlight;
	// the other phases are greyed. On a map too large for one picture it
	// shows that phase alone. Use ResolvePhase to turn --phase N|NAME
	// into this index.
	Phase int
}

func (o Options) check(m *model.Map) error {
	switch o.Picture {
	case "", PictureMap, PictureCurve:
	default:
		return fmt.Errorf("unknown picture %q: want %s", o.Picture, strings.Join(Pictures, " or "))
	}
	if o.Phase < 0 || o.Phase > len(m.Phases) {
		if len(m.Phases) == 0 {
			return fmt.Errorf("phase %d: the map has no phases", o.Phase)
		}
		return fmt.Errorf("phase %d out of range: the map has phases 1 to %d", o.Phase, len(m.Phases))
	}
	return nil
}

// ResolvePhase turns the argument of --phase into a 1-based phase index: a
// number 1..len(phases), or a phase name (matched exactly first, then
// ignoring case and surrounding spaces; an ambiguous name is an error). An
// empty argument gives 0: no phase.
func ResolvePhase(m *model.Map, arg string) (int, error) {
	arg = strings.TrimSpace(arg)
	if arg == "" {
		return 0, nil
	}
	if len(m.Phases) == 0 {
		return 0, fmt.Errorf("--phase %s: the map has no phases", arg)
	}
	if n, err := strconv.Atoi(arg); err == nil {
		if n < 1 || n > len(m.Phases) {
			return 0, fmt.Errorf("--phase %d: out of range, the map has phases 1 to %d", n, len(m.Phases))
		}
		return n, nil
	}
	for i, p := range m.Phases {
		if p.Name == arg {
			return i + 1, nil
		}
	}
	found := 0
	for i, p := range m.Phases {
		if strings.EqualFold(strings.TrimSpace(p.Name), arg) {
			if found != 0 {
				return 0, fmt.Errorf("--phase %q: more than one phase has that name; give its number", arg)
			}
			found = i + 1
		}
	}
	if found == 0 {
		names := make([]string, 0, min(len(m.Phases), 8))
		for i, p := range m.Phases {
			if i == 8 {
				names = append(names, "…")
				break
			}
			names = append(names, strconv.Quote(p.Name))
		}
		return 0, fmt.Errorf("--phase %q: no such phase; give a number 1 to %d or a name: %s", arg, len(m.Phases), strings.Join(names, ", "))
	}
	return found, nil
}

// WriteSVG writes the picture as a self-contained SVG: text is drawn as
// paths (each run grouped with its words in aria-label and its size in
// data-font-size), with no script, font, image or link.
func WriteSVG(w io.Writer, m *model.Map, o Options) error {
	p, err := Map(m, o)
	if err != nil {
		return err
	}
	return p.WriteSVG(w)
}

// WritePNG writes the picture at PNGScale× (3840×2160 pixels).
func WritePNG(w io.Writer, m *model.Map, o Options) error {
	p, err := Map(m, o)
	if err != nil {
		return err
	}
	return p.WritePNG(w)
}

// WritePDF writes the poster: the picture on page 1 with the map's title,
// persona and goal, then every field of every touchpoint phase by phase,
// then the map's insights. o.Phase limits the detail pages to that phase.
func WritePDF(w io.Writer, m *model.Map, o Options) error {
	return writePDF(w, m, o)
}

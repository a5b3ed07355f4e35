package interchange

import (
	"bufio"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"journeymap/model"
	"journeymap/picture"
)

// The picture formats are drawn by package picture; these adapt its
// writers to the registry.

func pictureOpts(o Options) picture.Options {
	return picture.Options{Picture: o.Picture, Phase: o.Phase}
}

// WriteSVG writes the map (or its curve) as one 16:9 SVG picture.
func WriteSVG(w io.Writer, m *model.Map, o Options) error {
	if m == nil {
		return errors.New("export svg: no map")
	}
	return picture.WriteSVG(w, m, pictureOpts(o))
}

// WritePNG writes the same picture as a 3840×2160 PNG.
func WritePNG(w io.Writer, m *model.Map, o Options) error {
	if m == nil {
		return errors.New("export png: no map")
	}
	return picture.WritePNG(w, m, pictureOpts(o))
}

// WritePDF writes the printable poster.
func WritePDF(w io.Writer, m *model.Map, o Options) error {
	if m == nil {
		return errors.New("export pdf: no map")
	}
	return picture.WritePDF(w, m, pictureOpts(o))
}

// DirAssets returns an AssetFunc that writes a deck's pictures into a
// folder beside deck: "talk/deck.marp.md" gets "talk/deck.marp-assets/NAME",
// referred to as "deck.marp-assets/NAME". Each picture is written atomically.
// protect is the file no picture may replace (the open map file).
func DirAssets(deck, protect string) AssetFunc {
	// The deck's own name without its last extension: talk.marp.md and
	// talk.slides.md get talk.marp-assets and talk.slides-assets, so two
	// decks of one map side by side never overwrite each other's pictures.
	stem := filepath.Base(deck)
	stem = stem[:len(stem)-len(filepath.Ext(stem))]
	dirName := stem + "-assets"
	dir := filepath.Join(filepath.Dir(deck), dirName)
	return func(name string, render func(io.Writer) error) (string, error) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", fmt.Errorf("pictures for %s: %w", deck, err)
		}
		if err := WriteFileAtomic(filepath.Join(dir, name), protect, true, render); err != nil {
			return "", err
		}
		return dirName + "/" + name, nil
	}
}

// dataURIAssets embeds each picture as a PNG data: URI.
func dataURIAssets(name string, render func(io.Writer) error) (string, error) {
	var b strings.Builder
	b.WriteString("data:image/png;base64,")
	enc := base64.NewEncoder(base64.StdEncoding, &b)
	bw := bufio.NewWriterSize(enc, 32<<10)
	if err := render(bw); err != nil {
		return "", err
	}
	if err := bw.Flush(); err != nil {
		return "", err
	}
	if err := enc.Close(); err != nil {
		return "", err
	}
	return b.String(), nil
}

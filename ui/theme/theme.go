// Package theme holds what every screen shares about looks: the palette for
// light and dark terminals, the emotion scale's colours and faces, kind marks,
// and the text hygiene that keeps user text from breaking the screen.
package theme

import (
	"image/color"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"journeymap/model"
)

// Palette is the set of colours a screen draws with. Build it with New so
// light and dark terminals both get readable contrast.
type Palette struct {
	IsDark bool

	Fg        color.Color // body text
	Muted     color.Color // secondary text, borders at rest
	Accent    color.Color // focus, selection borders, titles
	AccentFg  color.Color // text on an Accent background
	Warn      color.Color // off-target metrics, pain points
	Error     color.Color // validation and write errors
	Success   color.Color // "saved", on-target metrics
	Highlight color.Color // fuzzy-matched characters

	// Emotion holds the colour of each score, index 1 to 5 (index 0 unused):
	// red for 1 through amber for 3 to green for 5.
	Emotion [6]color.Color
}

// New returns the palette for a dark or light background.
func New(isDark bool) Palette {
	ld := lipgloss.LightDark(isDark)
	c := lipgloss.Color
	return Palette{
		IsDark:    isDark,
		Fg:        ld(c("#1f2328"), c("#e6edf3")),
		Muted:     ld(c("#656d76"), c("#8b949e")),
		Accent:    ld(c("#0550ae"), c("#58a6ff")),
		AccentFg:  ld(c("#ffffff"), c("#0d1117")),
		Warn:      ld(c("#9a6700"), c("#d29922")),
		Error:     ld(c("#cf222e"), c("#ff7b72")),
		Success:   ld(c("#1a7f37"), c("#3fb950")),
		Highlight: ld(c("#8250df"), c("#d2a8ff")),
		Emotion: [6]color.Color{
			nil,
			ld(c("#cf222e"), c("#ff5f5f")), // 1 very negative
			ld(c("#bc4c00"), c("#ff9f43")), // 2
			ld(c("#9a6700"), c("#e3b341")), // 3 neutral
			ld(c("#4d7c0f"), c("#a3e635")), // 4
			ld(c("#1a7f37"), c("#3fb950")), // 5 very positive
		},
	}
}

// EmotionColor returns the colour of a score, clamping out-of-range scores.
func (p Palette) EmotionColor(score int) color.Color {
	return p.Emotion[model.ClampScore(score)]
}

// faces are plain-width text faces so they measure the same in every
// terminal (emoji widths vary) and read without colour.
var faces = [6]string{"", ":((", ":(", ":|", ":)", ":D"}

// Face returns a text face for a score: ":((" for 1 up to ":D" for 5.
func Face(score int) string { return faces[model.ClampScore(score)] }

// KindMark is a one-cell mark for a touchpoint's kind: D digital, P physical,
// H hybrid. Letters rather than symbols so the mark survives any font.
func KindMark(k model.Kind) string {
	switch k {
	case model.KindPhysical:
		return "P"
	case model.KindHybrid:
		return "H"
	default:
		return "D"
	}
}

// Clean makes user text safe to draw on one line of the screen: it is
// model.CleanTerminal, which drops control characters (so no escape
// sequence reaches the terminal), turns line breaks and tabs into spaces,
// and drops the emoji joiners and modifiers whose width Bubble Tea (by
// wcwidth) and lipgloss (by graphemes) disagree on.
func Clean(s string) string { return model.CleanTerminal(s) }

// Fit cleans s and truncates it to at most width cells, ending with "…" when
// it was cut. It never returns a string wider than width, and "" for width <= 0.
func Fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	s = Clean(s)
	if ansi.StringWidth(s) <= width {
		return s
	}
	return Truncate(s, width, "…")
}

// Truncate cuts s (which may hold styles) to at most width cells, ending it
// with tail when cut. ansi.Truncate counts a variation selector as part of
// the cell before it while ansi.StringWidth lets it widen that cell (a
// textarea can wrap "☕️" so that the selector starts a line after a
// space); Truncate cuts further until the measured width fits, so a frame
// can never grow wider than the window.
func Truncate(s string, width int, tail string) string {
	if width <= 0 {
		return ""
	}
	t := ansi.Truncate(s, width, tail)
	for n := width - 1; n >= 0 && ansi.StringWidth(t) > width; n-- {
		t = ansi.Truncate(s, n, tail)
	}
	return t
}

// Pad cuts or pads an already styled line to exactly width cells, drawing
// the padding with fill (so a selected row's background runs to the edge).
func Pad(line string, width int, fill lipgloss.Style) string {
	if width <= 0 {
		return ""
	}
	w := ansi.StringWidth(line)
	if w > width {
		line = Truncate(line, width, "")
		w = ansi.StringWidth(line)
	}
	if w < width {
		line += fill.Render(strings.Repeat(" ", width-w))
	}
	return line
}

// Clip keeps at most height of the styled lines, each cut to width cells.
// It modifies lines in place.
func Clip(lines []string, width, height int) []string {
	if height <= 0 {
		return nil
	}
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > width {
			lines[i] = Truncate(l, max(width, 0), "")
		}
	}
	return lines
}

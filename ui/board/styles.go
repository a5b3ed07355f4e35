package board

import (
	"charm.land/lipgloss/v2"

	"journeymap/ui/theme"
)

// Styles holds the lipgloss styles the board and the curve draw with. Only
// foreground colour and text attributes are used: the board lays cells out
// itself, so padding, width or borders set here are ignored or misplaced.
type Styles struct {
	Header         lipgloss.Style // phase name at rest
	HeaderActive   lipgloss.Style // phase name of the column holding the selection
	HeaderSelected lipgloss.Style // phase name when the header itself is selected
	HeaderStats    lipgloss.Style // "4 · ø 2.5 :|"
	Rule           lipgloss.Style // the line under a header
	RuleSelected   lipgloss.Style // that line when the header is selected

	Border         lipgloss.Style // a card's border at rest
	BorderSelected lipgloss.Style // the selected card's border
	Name           lipgloss.Style
	NameSelected   lipgloss.Style
	Marker         lipgloss.Style // the ▶ before a selected card or header
	Channel        lipgloss.Style
	Kind           lipgloss.Style
	Counts         lipgloss.Style // "▲3 metrics", "no metrics"
	Pain           lipgloss.Style // "!2 pain"
	OffTarget      lipgloss.Style // "✗1 off target"
	Hint           lipgloss.Style // "▼ 12 more", "◀ 3 more"
	Empty          lipgloss.Style // "No touchpoints — press a to capture one"

	// Emotion colours a score and its face, index 1 to 5 (0 unused).
	Emotion [6]lipgloss.Style

	CurveTitle     lipgloss.Style
	CurveAxis      lipgloss.Style
	CurveSep       lipgloss.Style // ┊ between phases
	CurveSepActive lipgloss.Style // ┃ around the highlighted phase
	CurveSelected  lipgloss.Style // ◆ on the selected touchpoint
	CurveLowest    lipgloss.Style // ▼ on the lowest points and their labels
	CurveLabel     lipgloss.Style // the touchpoints' names under the columns
	// CurveLine colours the curve by score, index 1 to 5 (0 unused).
	CurveLine [6]lipgloss.Style
}

// DefaultStyles returns the board's styles for a palette.
func DefaultStyles(p theme.Palette) *Styles {
	s := lipgloss.NewStyle
	st := Styles{
		Header: s().Bold(true), // the terminal's own foreground reads best

		HeaderActive:   s().Foreground(p.Accent).Bold(true),
		HeaderSelected: s().Foreground(p.Accent).Bold(true).Reverse(true),
		HeaderStats:    s().Foreground(p.Muted),
		Rule:           s().Faint(true),
		RuleSelected:   s().Foreground(p.Accent).Bold(true),
		Border:         s().Faint(true), // dim like Muted, in a quarter of the bytes per cell run
		BorderSelected: s().Foreground(p.Accent).Bold(true),
		Name:           s(), // the terminal's own foreground: plain text
		NameSelected:   s().Bold(true),
		Marker:         s().Foreground(p.Accent).Bold(true),
		Channel:        s().Foreground(p.Muted),
		Kind:           s().Foreground(p.Accent),
		Counts:         s().Foreground(p.Muted),
		Pain:           s().Foreground(p.Warn),
		OffTarget:      s().Foreground(p.Warn).Bold(true),
		Hint:           s().Foreground(p.Muted).Italic(true),
		Empty:          s().Foreground(p.Muted).Italic(true),
		CurveTitle:     s().Foreground(p.Muted),
		CurveAxis:      s().Foreground(p.Muted),
		CurveSep:       s().Foreground(p.Muted),
		CurveSepActive: s().Foreground(p.Accent).Bold(true),
		CurveSelected:  s().Foreground(p.Accent).Bold(true).Reverse(true),
		CurveLowest:    s().Foreground(p.EmotionColor(1)).Bold(true),
		CurveLabel:     s().Foreground(p.Muted),
	}
	for i := 1; i <= 5; i++ {
		st.Emotion[i] = s().Foreground(p.EmotionColor(i)).Bold(true)
		st.CurveLine[i] = s().Foreground(p.EmotionColor(i)).Bold(true)
	}
	return &st
}

// paint is theme.Paint, a style reduced to its escape sequences.
type paint = theme.Paint

func paintOf(s lipgloss.Style) paint { return theme.PaintOf(s) }

// paints is Styles reduced to paint, built once per SetStyles.
type paints struct {
	header, headerActive, headerSelected, headerStats, rule, ruleSelected paint
	border, borderSelected, name, nameSelected, marker                    paint
	channel, kind, counts, pain, offTarget, hint, empty                   paint
	emotion                                                               [6]paint
	curve                                                                 curvePaints
}

type curvePaints struct {
	title, axis, sep, sepActive, selected, lowest, label paint
	line                                                 [6]paint
}

func newCurvePaints(st *Styles) curvePaints {
	c := curvePaints{
		title:     paintOf(st.CurveTitle),
		axis:      paintOf(st.CurveAxis),
		sep:       paintOf(st.CurveSep),
		sepActive: paintOf(st.CurveSepActive),
		selected:  paintOf(st.CurveSelected),
		lowest:    paintOf(st.CurveLowest),
		label:     paintOf(st.CurveLabel),
	}
	for i := range c.line {
		c.line[i] = paintOf(st.CurveLine[i])
	}
	return c
}

func newPaints(st *Styles) paints {
	p := paints{
		header:         paintOf(st.Header),
		headerActive:   paintOf(st.HeaderActive),
		headerSelected: paintOf(st.HeaderSelected),
		headerStats:    paintOf(st.HeaderStats),
		rule:           paintOf(st.Rule),
		ruleSelected:   paintOf(st.RuleSelected),
		border:         paintOf(st.Border),
		borderSelected: paintOf(st.BorderSelected),
		name:           paintOf(st.Name),
		nameSelected:   paintOf(st.NameSelected),
		marker:         paintOf(st.Marker),
		channel:        paintOf(st.Channel),
		kind:           paintOf(st.Kind),
		counts:         paintOf(st.Counts),
		pain:           paintOf(st.Pain),
		offTarget:      paintOf(st.OffTarget),
		hint:           paintOf(st.Hint),
		empty:          paintOf(st.Empty),
		curve:          newCurvePaints(st),
	}
	for i := range p.emotion {
		p.emotion[i] = paintOf(st.Emotion[i])
	}
	return p
}

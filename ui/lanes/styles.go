package lanes

import (
	"charm.land/lipgloss/v2"

	"journeymap/ui/theme"
)

// Styles holds what the lanes view draws with. Only foreground colour and
// text attributes are used: the view lays cells out itself, so padding,
// width or borders set here are ignored.
type Styles struct {
	Phase       lipgloss.Style // phase name in the header row
	PhaseActive lipgloss.Style // the phase holding the selection
	PhaseStats  lipgloss.Style // "ø 3.0 :|"
	Number      lipgloss.Style // journey numbers in the rule under the phases
	Rule        lipgloss.Style // lines between lanes, column separators
	PhaseSep    lipgloss.Style // ┃ between phases
	Lane        lipgloss.Style // lane names
	LaneActive  lipgloss.Style // the selected lane's name
	Name        lipgloss.Style // touchpoint names
	Channel     lipgloss.Style // "D website"
	Kind        lipgloss.Style
	Text        lipgloss.Style // list items
	Bullet      lipgloss.Style
	Selected    lipgloss.Style // the selected item or cell (reverse, so it shows without colour)
	Marker      lipgloss.Style // ▶
	OnTarget    lipgloss.Style // ✓
	OffTarget   lipgloss.Style // ✗
	NoData      lipgloss.Style // ·
	Hint        lipgloss.Style // ◂ 3, ▲ more
	Empty       lipgloss.Style // "no touchpoints"
	Lowest      lipgloss.Style // ▼ on the lowest point
	Detail      lipgloss.Style // the line that shows the selected item in full
	DetailLabel lipgloss.Style

	CurveAxis lipgloss.Style
	// Emotion colours a score on the curve and its line, index 1 to 5.
	Emotion [6]lipgloss.Style
}

// DefaultStyles returns the view's styles for a palette, matching ui/board.
func DefaultStyles(p theme.Palette) *Styles {
	s := lipgloss.NewStyle
	st := Styles{
		Phase:       s().Bold(true),
		PhaseActive: s().Foreground(p.Accent).Bold(true),
		PhaseStats:  s().Foreground(p.Muted),
		Number:      s().Foreground(p.Muted),
		Rule:        s().Faint(true),
		PhaseSep:    s().Foreground(p.Muted),
		Lane:        s().Foreground(p.Muted).Bold(true),
		LaneActive:  s().Foreground(p.Accent).Bold(true),
		Name:        s().Bold(true),
		Channel:     s().Foreground(p.Muted),
		Kind:        s().Foreground(p.Accent),
		Text:        s(),
		Bullet:      s().Foreground(p.Muted),
		Selected:    s().Foreground(p.Accent).Bold(true).Reverse(true),
		Marker:      s().Foreground(p.Accent).Bold(true),
		OnTarget:    s().Foreground(p.Success).Bold(true),
		OffTarget:   s().Foreground(p.Warn).Bold(true),
		NoData:      s().Foreground(p.Muted),
		Hint:        s().Foreground(p.Muted).Italic(true),
		Empty:       s().Foreground(p.Muted).Italic(true),
		Lowest:      s().Foreground(p.EmotionColor(1)).Bold(true),
		Detail:      s(),
		DetailLabel: s().Foreground(p.Accent).Bold(true),
		CurveAxis:   s().Foreground(p.Muted),
	}
	for i := 1; i <= 5; i++ {
		st.Emotion[i] = s().Foreground(p.EmotionColor(i)).Bold(true)
	}
	return &st
}

// paint is theme.Paint, a style reduced to its escape sequences.
type paint = theme.Paint

func paintOf(s lipgloss.Style) paint { return theme.PaintOf(s) }

type paints struct {
	phase, phaseActive, phaseStats, number, rule, phaseSep paint
	lane, laneActive, name, channel, kind, text, bullet    paint
	selected, marker, onTarget, offTarget, noData          paint
	hint, empty, lowest, detail, detailLabel, axis         paint
	emotion                                                [6]paint
}

func newPaints(st *Styles) paints {
	p := paints{
		phase: paintOf(st.Phase), phaseActive: paintOf(st.PhaseActive), phaseStats: paintOf(st.PhaseStats),
		number: paintOf(st.Number), rule: paintOf(st.Rule), phaseSep: paintOf(st.PhaseSep),
		lane: paintOf(st.Lane), laneActive: paintOf(st.LaneActive), name: paintOf(st.Name),
		channel: paintOf(st.Channel), kind: paintOf(st.Kind), text: paintOf(st.Text), bullet: paintOf(st.Bullet),
		selected: paintOf(st.Selected), marker: paintOf(st.Marker), onTarget: paintOf(st.OnTarget),
		offTarget: paintOf(st.OffTarget), noData: paintOf(st.NoData), hint: paintOf(st.Hint),
		empty: paintOf(st.Empty), lowest: paintOf(st.Lowest), detail: paintOf(st.Detail),
		detailLabel: paintOf(st.DetailLabel), axis: paintOf(st.CurveAxis),
	}
	for i := range p.emotion {
		p.emotion[i] = paintOf(st.Emotion[i])
	}
	return p
}

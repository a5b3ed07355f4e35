package editor

import (
	"charm.land/bubbles/v2/textarea"
	"charm.land/lipgloss/v2"

	"journeymap/ui/theme"
)

// Styles are the looks of a form. Focus and selection never rely on colour
// alone: they also use reverse video, bold and the ▶/▸ markers, so they read
// under NO_COLOR.
type Styles struct {
	Title       lipgloss.Style // the form's title line
	Label       lipgloss.Style // a field label at rest
	FocusLabel  lipgloss.Style // the focused field's label
	Marker      lipgloss.Style // the ▶ before the focused field
	Text        lipgloss.Style // values
	Placeholder lipgloss.Style // empty values and hints
	Cursor      lipgloss.Style // the text cursor cell
	Selected    lipgloss.Style // the chosen option, the list row under the cursor
	Suggestion  lipgloss.Style // a suggestion in a dropdown
	SuggestSel  lipgloss.Style // the highlighted suggestion
	Match       lipgloss.Style // fuzzy-matched characters in a suggestion
	Error       lipgloss.Style // invalid input, beside its field
	Success     lipgloss.Style // an on-target metric
	Warn        lipgloss.Style // an off-target metric
	Prompt      lipgloss.Style // "Discard changes? y/n"
	TextArea    textarea.Styles

	// Palette colours the emotion score (Palette.EmotionColor).
	Palette theme.Palette
}

// DefaultStyles returns the form styles for a palette.
func DefaultStyles(p theme.Palette) *Styles {
	s := lipgloss.NewStyle
	ta := textarea.DefaultStyles(p.IsDark)
	for _, st := range []*textarea.StyleState{&ta.Focused, &ta.Blurred} {
		st.Base = s()
		st.CursorLine = s()
		st.Prompt = s()
		st.Text = s().Foreground(p.Fg)
		st.Placeholder = s().Foreground(p.Muted)
		st.EndOfBuffer = s().Foreground(p.Muted)
	}
	ta.Cursor.Blink = false
	ta.Cursor.Color = p.Accent
	return &Styles{
		Title:       s().Bold(true).Foreground(p.Accent),
		Label:       s().Foreground(p.Muted),
		FocusLabel:  s().Bold(true).Reverse(true),
		Marker:      s().Bold(true).Foreground(p.Accent),
		Text:        s().Foreground(p.Fg),
		Placeholder: s().Foreground(p.Muted).Italic(true),
		Cursor:      s().Reverse(true),
		Selected:    s().Bold(true).Reverse(true),
		Suggestion:  s().Foreground(p.Fg),
		SuggestSel:  s().Bold(true).Reverse(true),
		Match:       s().Underline(true).Foreground(p.Highlight),
		Error:       s().Bold(true).Foreground(p.Error),
		Success:     s().Foreground(p.Success),
		Warn:        s().Bold(true).Foreground(p.Warn),
		Prompt:      s().Bold(true).Reverse(true).Foreground(p.Warn),
		TextArea:    ta,
		Palette:     p,
	}
}

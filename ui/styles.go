package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"

	"journeymap/ui/board"
	"journeymap/ui/editor"
	"journeymap/ui/exportdlg"
	"journeymap/ui/finder"
	"journeymap/ui/home"
	"journeymap/ui/insights"
	"journeymap/ui/lanes"
	"journeymap/ui/present"
	"journeymap/ui/theme"
)

// Styles is the one set of styles the whole interface draws with: the root's
// own and each screen's, all built from one palette so a background change
// rebuilds everything at once.
type Styles struct {
	Palette theme.Palette

	Status     lipgloss.Style
	StatusLeft lipgloss.Style
	Saved      lipgloss.Style
	Saving     lipgloss.Style
	Note       lipgloss.Style
	Error      lipgloss.Style
	Muted      lipgloss.Style
	Key        lipgloss.Style
	HelpTitle  lipgloss.Style

	Prompt      lipgloss.Style
	PromptTitle lipgloss.Style
	Dialog      lipgloss.Style
	TooSmall    lipgloss.Style

	Help  help.Styles
	Input textinput.Styles

	// Screens' own styles live below; see subStyles.
	sub subStyles
}

// DefaultStyles builds every style from the palette of a dark or light
// terminal.
func DefaultStyles(isDark bool) Styles {
	p := theme.New(isDark)
	s := Styles{Palette: p}
	s.Status = lipgloss.NewStyle().Foreground(p.Fg).Padding(0, 1).Reverse(false)
	s.StatusLeft = lipgloss.NewStyle().Foreground(p.Muted)
	s.Saved = lipgloss.NewStyle().Foreground(p.Success)
	s.Saving = lipgloss.NewStyle().Foreground(p.Warn)
	s.Note = lipgloss.NewStyle().Foreground(p.Accent)
	s.Error = lipgloss.NewStyle().Foreground(p.Error).Bold(true)
	s.Muted = lipgloss.NewStyle().Foreground(p.Muted)
	s.Key = lipgloss.NewStyle().Foreground(p.Accent).Bold(true)
	s.HelpTitle = lipgloss.NewStyle().Foreground(p.Accent).Bold(true).Underline(true)
	s.Prompt = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(p.Accent).Padding(0, 1)
	s.PromptTitle = lipgloss.NewStyle().Foreground(p.Accent).Bold(true)
	s.Dialog = lipgloss.NewStyle().Border(lipgloss.DoubleBorder()).BorderForeground(p.Warn).Padding(1, 2)
	s.TooSmall = lipgloss.NewStyle().Foreground(p.Fg)
	s.Help = help.DefaultStyles(isDark)
	s.Input = textinput.DefaultStyles(isDark)
	s.sub = newSubStyles(p)
	return s
}

// subStyles holds each screen's own Styles, built from the same palette.
type subStyles struct {
	Board    *board.Styles
	Home     *home.Styles
	Editor   *editor.Styles
	Finder   *finder.Styles
	Insights *insights.Styles
	Present  *present.Styles
	Export   *exportdlg.Styles
	Lanes    *lanes.Styles
}

func newSubStyles(p theme.Palette) subStyles {
	return subStyles{
		Board:    board.DefaultStyles(p),
		Home:     home.DefaultStyles(p),
		Editor:   editor.DefaultStyles(p),
		Finder:   finder.DefaultStyles(p),
		Insights: insights.DefaultStyles(p),
		Present:  present.DefaultStyles(p),
		Export:   exportdlg.DefaultStyles(p),
		Lanes:    lanes.DefaultStyles(p),
	}
}

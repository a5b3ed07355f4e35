package ui

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"journeymap/model"
	"journeymap/ui/theme"
)

// promptKind says what a one-line prompt creates.
type promptKind int

const (
	promptCapture promptKind = iota // quick capture: touchpoints, one per enter, stays open
	promptPhase                     // a new phase after the current one
)

// prompt is the one-line input of quick capture and of the new-phase
// prompt. Update reports a submitted line and esc in its result, not through
// commands: commands run concurrently, so "name, enter, esc" typed fast could
// otherwise arrive as close-then-submit and lose the name.
type prompt struct {
	kind  promptKind
	title string
	input textinput.Model
	added []string // names captured so far in this session of the prompt
	err   string
}

// promptResult is what one key did to the prompt.
type promptResult struct {
	submitted string // a line to add, "" if none
	closed    bool
}

func newPrompt(kind promptKind, title, placeholder string, st textinput.Styles) (prompt, tea.Cmd) {
	in := textinput.New()
	in.Prompt = "> "
	in.Placeholder = placeholder
	in.CharLimit = 500
	in.SetStyles(st)
	cmd := in.Focus()
	return prompt{kind: kind, title: title, input: in}, cmd
}

func (p prompt) Update(msg tea.Msg) (prompt, tea.Cmd, promptResult) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "esc":
			return p, nil, promptResult{closed: true}
		case "enter":
			text := strings.TrimSpace(p.input.Value())
			if text == "" {
				if p.kind == promptCapture {
					// An empty enter in quick capture is a natural way to stop.
					return p, nil, promptResult{closed: true}
				}
				p.err = "type a name first"
				return p, nil, promptResult{}
			}
			var err error
			if p.kind == promptCapture {
				err = model.NewTouchpoint(text).Validate()
			} else {
				err = model.Phase{Name: text}.Validate()
			}
			if err != nil {
				p.err = firstLine(err.Error())
				return p, nil, promptResult{}
			}
			p.err = ""
			p.input.Reset()
			return p, nil, promptResult{submitted: text}
		}
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return p, cmd, promptResult{}
}

// setWidth tells the input how wide View will draw it. The input scrolls
// to keep the cursor in sight only in Update, so it must know its width
// before each key, not just when drawn, or a long name shows its start and
// hides what is being typed.
func (p *prompt) setWidth(width int, st Styles) {
	inner := max(1, width-st.Prompt.GetHorizontalFrameSize())
	p.input.SetWidth(max(1, inner-3)) // "> " and the cursor
}

// height is how many lines View takes.
func (p prompt) height() int { return 4 }

// View draws a bordered box of the given width: the title with what was
// already captured, and the input line.
func (p prompt) View(width int, st Styles) string {
	inner := max(1, width-st.Prompt.GetHorizontalFrameSize())
	title := p.title
	if n := len(p.added); n > 0 {
		title += " · added " + theme.Clean(p.added[n-1])
		if n > 1 {
			title += " and " + itoa(n-1) + " more"
		}
	}
	hint := "enter adds · esc closes"
	if p.kind == promptPhase {
		hint = "enter adds · esc cancels"
	}
	line1 := theme.Fit(title, inner)
	if rest := inner - lipgloss.Width(line1) - 2; rest >= lipgloss.Width(hint) {
		line1 = st.PromptTitle.Render(line1) + "  " + st.Muted.Render(hint)
	} else {
		line1 = st.PromptTitle.Render(line1)
	}
	p.setWidth(width, st)
	line2 := p.input.View()
	if p.err != "" {
		line2 = ansiFit(line2, inner/2) + " " + st.Error.Render(theme.Fit(p.err, inner-inner/2-1))
	}
	return st.Prompt.Width(width).Render(line1 + "\n" + ansiFit(line2, inner))
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"journeymap/model"
	"journeymap/ui/lanes"
	"journeymap/ui/theme"
)

// promptKind says what a one-line prompt creates.
type promptKind int

const (
	promptCapture promptKind = iota // quick capture: touchpoints, one per enter, stays open
	promptPhase                     // a new phase after the current one
	promptItem                      // items of one lane of a touchpoint (the lanes view)
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

func (p prompt) Update(msg tea.Msg, keys *KeyMap) (prompt, tea.Cmd, promptResult) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case keys.Back.matches(k):
			return p, nil, promptResult{closed: true}
		case keys.Submit.matches(k):
			text := strings.TrimSpace(p.input.Value())
			if text == "" {
				if p.kind != promptPhase {
					// An empty enter in quick capture is a natural way to stop.
					return p, nil, promptResult{closed: true}
				}
				p.err = "type a name first"
				return p, nil, promptResult{}
			}
			var err error
			switch p.kind {
			case promptCapture:
				err = model.NewTouchpoint(text).Validate()
			case promptPhase:
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
func (p *prompt) setWidth(width int, st *Styles) {
	inner := max(1, width-st.Prompt.GetHorizontalFrameSize())
	p.input.SetWidth(max(1, inner-3)) // "> " and the cursor
}

// height is how many lines View takes.
func (p prompt) height() int { return 4 }

// View draws a bordered box of the given width: the title with what was
// already captured, and the input line.
func (p prompt) View(width int, st *Styles) string {
	inner := max(1, width-st.Prompt.GetHorizontalFrameSize())
	title := p.title
	if n := len(p.added); n > 0 {
		title += " · added " + theme.Clean(p.added[n-1])
		if n > 1 {
			title += " and " + itoa(n-1) + " more"
		}
	}
	hint := "enter adds · esc closes · paste a list: one per line"
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

// promptOverlay is the prompt over the board's bottom rows: quick capture
// (one touchpoint per enter, after the selection) or a new phase.
type promptOverlay struct {
	p    prompt
	st   *Styles
	keys *KeyMap
	// phase is the phase the prompt names (quick capture adds to it, a new
	// phase goes after it) and after the touchpoint the next one follows,
	// by ID, so another window's moves never send a name elsewhere.
	phase, after int64
	// tp, lane and item are what a promptItem adds to (item < 0) or
	// changes: a lane of the touchpoint with ID tp.
	tp   int64
	lane lanes.Lane
	item int
}

func (r *Root) openPrompt(kind promptKind, title, placeholder string) tea.Cmd {
	p, cmd := newPrompt(kind, title, placeholder, r.styles.Input)
	o := &promptOverlay{p: p, st: r.styles, keys: &r.keys}
	sel := r.board.Selection()
	if sel.Phase >= 0 && sel.Phase < len(r.mp.Phases) {
		o.phase = r.mp.Phases[sel.Phase].ID
	}
	if t, ok := r.mp.Touchpoint(model.Ref{Phase: sel.Phase, Index: sel.Index}); ok {
		o.after = t.ID
	}
	r.push(o)
	return cmd
}

// followMap keeps the title on the phase's current name.
func (o *promptOverlay) followMap(m *model.Map) {
	if o.p.kind != promptCapture {
		return
	}
	if i, ok := m.PhaseIndex(o.phase); ok {
		o.p.title = "Add touchpoints to " + theme.Clean(m.Phases[i].Name)
	}
}

// unsaved reports whether closing now would lose something typed.
func (o *promptOverlay) unsaved() bool { return strings.TrimSpace(o.p.input.Value()) != "" }

func (o *promptOverlay) restyle() { o.p.input.SetStyles(o.st.Input) }

func (o *promptOverlay) Update(r *Root, msg tea.Msg) (bool, tea.Cmd) {
	if msg, ok := msg.(tea.PasteMsg); ok && o.p.kind != promptPhase && (o.p.kind == promptCapture || o.item < 0) && theme.IsMultiLine(msg.Content) {
		// Pasting several lines into quick capture or a lane (notes from
		// a chat, a list from a sticky-note app) adds one touchpoint or
		// item per line, without the list's bullets or numbers.
		var cmds []tea.Cmd
		for _, line := range theme.PastedLines(msg.Content) {
			done, cmd := o.submit(r, line)
			cmds = append(cmds, cmd)
			if done {
				return true, tea.Batch(cmds...)
			}
		}
		return false, tea.Batch(cmds...)
	}
	var cmd tea.Cmd
	var res promptResult
	o.p.setWidth(r.width, o.st)
	o.p, cmd, res = o.p.Update(msg, o.keys)
	done := res.closed
	if res.submitted != "" {
		d, c := o.submit(r, res.submitted)
		cmd, done = tea.Batch(cmd, c), done || d
	}
	return done, cmd
}

// submit adds what was typed: a phase after the current one (and the
// prompt closes), or a touchpoint to the phase the prompt names, after the
// touchpoint that was selected when it opened (quick capture stays open for
// the next). Both are found by ID: another window may move them meanwhile.
func (o *promptOverlay) submit(r *Root, text string) (done bool, cmd tea.Cmd) {
	if o.p.kind == promptItem {
		return o.submitItem(r, text)
	}
	if o.p.kind == promptPhase {
		at := 0
		if i, ok := r.mp.PhaseIndex(o.phase); ok {
			at = i + 1
		} else if len(r.mp.Phases) > 0 {
			at = len(r.mp.Phases)
		}
		return true, r.do(&model.InsertPhase{Index: at, Phase: model.Phase{ID: model.NewID(), Name: text}})
	}
	pi, ok := r.mp.PhaseIndex(o.phase)
	if !ok {
		r.setNote("the phase is no longer in the map (deleted in another window): nothing added", true)
		return true, nil
	}
	at := -1 // the end of the phase
	if ref, ok := r.mp.Find(o.after); ok && ref.Phase == pi {
		at = ref.Index + 1
	}
	t := model.NewTouchpoint(text)
	t.ID = model.NewID()
	before := r.mp.TouchpointCount()
	cmd = r.do(&model.InsertTouchpoint{Phase: o.phase, Index: at, Touchpoint: t})
	if r.mp.TouchpointCount() > before { // not refused
		o.p.added = append(o.p.added, text)
		o.after = t.ID // the next one goes after this one
	}
	return false, cmd
}

// View draws the board in the rows the prompt leaves, and the prompt below.
func (o *promptOverlay) View(w, h int, below func(int, int) string) string {
	ph := o.p.height()
	b := fitBlock(below(w, max(0, h-ph)), w, max(0, h-ph))
	return b + "\n" + o.p.View(w, o.st)
}

func (o *promptOverlay) Help() help.KeyMap {
	return simpleHelp{o.keys.Submit.shown(), o.keys.Back.shown()}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

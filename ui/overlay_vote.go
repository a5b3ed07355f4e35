package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"journeymap/model"
	"journeymap/ui/theme"
)

// Dot-voting: the facilitator's V opens voteSetup (question, dots per
// person, an optional timer); when the vote closes, resultsOverlay shows
// the ranking to everyone.

type voteSetup struct {
	mapID  int64
	inputs [3]textinput.Model // question, dots, timer
	focus  int
	err    string
	st     *Styles
}

// The vote form's keys, and the results panel's.
var (
	voteNext    = key.NewBinding(key.WithKeys("tab", "down"), key.WithHelp("tab", "next field"))
	votePrev    = key.NewBinding(key.WithKeys("shift+tab", "up"), key.WithHelp("shift+tab", "previous field"))
	voteStart   = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "start the vote"))
	voteCancel  = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel"))
	resultsDone = key.NewBinding(key.WithKeys("esc", "enter", "q", "space"), key.WithHelp("esc", "close"))

	voteSetupKeys = simpleHelp{voteNext, votePrev, voteStart, voteCancel}
)

func (r *Root) openVoteSetup() tea.Cmd {
	o := &voteSetup{mapID: r.mp.ID, st: r.styles}
	for i, ph := range []string{"Which touchpoints should we fix first?", "3", "no timer (or minutes, e.g. 5)"} {
		in := textinput.New()
		in.Placeholder = ph
		in.CharLimit = 200
		in.SetStyles(r.styles.Input)
		o.inputs[i] = in
	}
	o.inputs[0].Prompt = "Question: "
	o.inputs[1].Prompt = "Dots per person: "
	o.inputs[1].SetValue(strconv.Itoa(model.DefaultDots))
	o.inputs[2].Prompt = "Timer: "
	r.push(o)
	return o.inputs[0].Focus()
}

func (o *voteSetup) unsaved() bool { return strings.TrimSpace(o.inputs[0].Value()) != "" }

func (o *voteSetup) Update(r *Root, msg tea.Msg) (bool, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, voteCancel):
			return true, nil
		case key.Matches(k, voteNext), key.Matches(k, votePrev):
			o.inputs[o.focus].Blur()
			d := 1
			if key.Matches(k, votePrev) {
				d = len(o.inputs) - 1
			}
			o.focus = (o.focus + d) % len(o.inputs)
			return false, o.inputs[o.focus].Focus()
		case key.Matches(k, voteStart):
			v, err := o.vote()
			if err != nil {
				o.err = err.Error()
				return false, nil
			}
			room, id := r.session().Room, o.mapID
			r.setNote("vote started: "+theme.Fit(v.Question, 40), false)
			return true, func() tea.Msg {
				return voteDoneMsg{note: "vote open: participants press . on a touchpoint · V closes it", err: room.StartVote(id, v)}
			}
		}
	}
	var cmd tea.Cmd
	o.inputs[o.focus], cmd = o.inputs[o.focus].Update(msg)
	return false, cmd
}

func (o *voteSetup) vote() (model.Vote, error) {
	v := model.Vote{Question: strings.TrimSpace(o.inputs[0].Value()), DotsPerPerson: model.DefaultDots}
	if s := strings.TrimSpace(o.inputs[1].Value()); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			return v, fmt.Errorf("dots per person: a whole number, 1 to %d", model.MaxDots)
		}
		v.DotsPerPerson = n
	}
	if s := strings.TrimSpace(o.inputs[2].Value()); s != "" {
		d, err := time.ParseDuration(s)
		if n, aerr := strconv.Atoi(s); aerr == nil {
			d, err = time.Duration(n)*time.Minute, nil
		}
		if err != nil || d <= 0 {
			return v, fmt.Errorf("timer: minutes (5) or a duration (90s), or leave it empty")
		}
		v.ClosesAt = time.Now().Add(d)
	}
	return v, v.Validate()
}

func (o *voteSetup) View(w, h int, below func(int, int) string) string {
	inner := max(10, min(70, w-6))
	lines := []string{o.st.PromptTitle.Render("Start a vote")}
	for i := range o.inputs {
		o.inputs[i].SetWidth(max(1, inner-lipgloss.Width(o.inputs[i].Prompt)-1))
		lines = append(lines, o.inputs[i].View())
	}
	if o.err != "" {
		lines = append(lines, o.st.Error.Render(theme.Fit(o.err, inner)))
	}
	return centreBox(o.st.Dialog.Render(strings.Join(lines, "\n")), w, h, below)
}

func (o *voteSetup) Help() help.KeyMap { return voteSetupKeys }

// resultsOverlay shows a closed vote's ranking.
type resultsOverlay struct {
	v     model.Vote
	mapID int64
	st    *Styles
}

func (o *resultsOverlay) Update(r *Root, msg tea.Msg) (bool, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if key.Matches(k, resultsDone) {
			return true, nil
		}
	}
	return false, nil
}

func (o *resultsOverlay) View(w, h int, below func(int, int) string) string {
	inner := max(10, min(70, w-6))
	lines := []string{
		o.st.PromptTitle.Render(theme.Fit("Vote results: "+theme.Clean(o.v.Question), inner)),
		o.st.Muted.Render(fmt.Sprintf("%s from %s", model.Plural(o.v.TotalDots(), "dot"), people(o.v.Voters))),
	}
	if len(o.v.Results) == 0 {
		lines = append(lines, "no dots were placed")
	}
	most := max(1, h-8)
	for i, res := range o.v.Results {
		if i == most {
			lines = append(lines, fmt.Sprintf("… and %d more", len(o.v.Results)-most))
			break
		}
		dots := strings.Repeat("●", min(res.Dots, 10))
		line := fmt.Sprintf("%2d. %s %d  %s · %s", i+1, dots, res.Dots, theme.Clean(res.Name), theme.Clean(res.Phase))
		lines = append(lines, theme.Fit(line, inner))
	}
	return centreBox(o.st.Dialog.Render(strings.Join(lines, "\n")), w, h, below)
}

func (o *resultsOverlay) Help() help.KeyMap {
	return simpleHelp{resultsDone}
}

// centreBox draws box in the middle of what is below.
func centreBox(box string, w, h int, below func(int, int) string) string {
	bw, bh := lipgloss.Width(box), lipgloss.Height(box)
	x, y := max(0, (w-bw)/2), max(0, (h-bh)/2)
	body := fitBlock(below(w, h), w, h)
	return lipgloss.NewCompositor(lipgloss.NewLayer(body), lipgloss.NewLayer(box).X(x).Y(y).Z(1)).Render()
}

// people is "1 person", "3 people": the one irregular plural the room needs.
func people(n int) string {
	if n == 1 {
		return "1 person"
	}
	return fmt.Sprintf("%d people", n)
}

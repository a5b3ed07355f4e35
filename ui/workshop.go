package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"journeymap/model"
	"journeymap/ui/theme"
)

// A workshop: the same interface served to everyone in a room over SSH
// (journeymap serve). Each guest's root model gets a Session saying who
// they are and a Room to reach the others through; the root never learns
// how (the server package implements Room). Without a Session the root is
// a local window and none of this shows.

// Session is one person connected to a workshop.
type Session struct {
	User        string // their name (the SSH user name), unique in the room
	Facilitator bool   // runs votes and follow mode, may delete anything
	Room        Room
}

// Room is what a session shares with the others. The getters read shared
// state in memory and never block on the file; the methods marked so write
// to the file and must run inside a tea.Cmd.
type Room interface {
	// People returns who is here, this session first.
	People() []string
	// Lead tells the room the facilitator's presentation is on the map's
	// phase; on false ends follow mode.
	Lead(mapID int64, phase int, on bool)
	// Follow returns what the facilitator presents now.
	Follow() Follow
	// Vote returns the vote on the map as this person sees it.
	Vote(mapID int64) VoteState
	// Results returns the last closed vote, for everyone.
	Results() (model.Vote, int64, bool)
	// StartVote, CloseVote and Dot write to the file: call them in a tea.Cmd.
	StartVote(mapID int64, v model.Vote) error
	CloseVote(mapID int64) error
	Dot(mapID, touchpointID int64, place bool) (left int, err error)
}

// Follow is the state of follow mode.
type Follow struct {
	On     bool
	Round  int // bumped each time a facilitator starts leading
	Leader string
	MapID  int64
	Phase  int
}

// VoteState is a vote as one person sees it: the tally stays hidden while
// it is open, and only their own dots show.
type VoteState struct {
	Open          bool
	Question      string
	DotsPerPerson int
	Left          int           // dots this person has left
	Mine          map[int64]int // this person's dots, by touchpoint ID
	ClosesAt      time.Time
}

// RoomMsg is what the room sends a session: something changed. The
// session reads what it needs through Room.
type RoomMsg struct {
	Changed bool // the file changed: another session's edit, or another process's
	People  bool // someone came or went
	Follow  bool // follow mode started, moved or ended
	Vote    bool // a vote opened, closed, or this person's dots changed
	Closing bool // the server is shutting down: finish writing and quit
}

// roomMsg marks the messages roomUpdate handles: the room's, and the
// results of the workshop's own commands.
type roomMsg interface{ roomMsg() }

func (RoomMsg) roomMsg() {}

// voteDoneMsg is the result of a vote command.
type voteDoneMsg struct {
	note string
	err  error
}

func (voteDoneMsg) roomMsg() {}

// followMapMsg brings the map a follower's presentation shows.
type followMapMsg struct {
	m     *model.Map
	err   error
	round int
}

func (followMapMsg) roomMsg() {}

// voteTickMsg redraws the countdown of a vote with a timer, once a second
// while such a vote is open on the map on screen.
type voteTickMsg struct{}

func (voteTickMsg) roomMsg() {}

// workshop is the root's workshop state.
type workshop struct {
	dismissed   int   // the follow round this person left with esc
	resultsSeen int64 // the last closed vote whose results were shown
	follow      *followOverlay
	counting    bool // a voteTickMsg is on its way
}

// The workshop's keys, shown in the help only over SSH.
var workshopKeys = struct {
	Follow, Vote, Dot, Undot key.Binding
}{
	Follow: key.NewBinding(key.WithKeys("F"), key.WithHelp("F", "follow me (facilitator)")),
	Vote:   key.NewBinding(key.WithKeys("V"), key.WithHelp("V", "start/close a vote (facilitator)")),
	Dot:    key.NewBinding(key.WithKeys("."), key.WithHelp(".", "place a dot")),
	Undot:  key.NewBinding(key.WithKeys(","), key.WithHelp(",", "take a dot back")),
}

func (r *Root) session() *Session { return r.opts.Session }

// liveTick starts the poll for other processes' changes in a local window.
// In a workshop the room polls once for everyone and sends RoomMsg.
func (r *Root) liveTick() tea.Cmd {
	if r.session() != nil {
		return nil
	}
	return refreshTick()
}

// roomUpdate takes what the room says.
func (r *Root) roomUpdate(msg roomMsg) tea.Cmd {
	s := r.session()
	if s == nil {
		return nil
	}
	switch msg := msg.(type) {
	case voteDoneMsg:
		if msg.err != nil {
			// A refusal says why in words of its own; the file's path and
			// the operation are the facilitator's business, not the room's.
			reason := firstLine(msg.err.Error())
			var rf *model.Refusal
			if errors.As(msg.err, &rf) {
				reason = rf.Reason
			}
			r.setNote(reason, true)
		} else if msg.note != "" {
			r.setNote(msg.note, false)
		}
		return nil
	case followMapMsg:
		if f := r.ws.follow; f != nil && msg.round == f.round && msg.err == nil {
			f.setMap(msg.m, r)
		}
		return nil
	case voteTickMsg:
		r.ws.counting = false
		return r.countDown()
	case RoomMsg:
		var cmds []tea.Cmd
		if msg.Closing {
			r.setNote("the facilitator ended the workshop", false)
			r.clearOverlays()
			return r.quit(false)
		}
		if msg.Changed {
			if r.busy() {
				r.live.deferred = true
			} else {
				cmds = append(cmds, r.reload())
			}
			if f := r.ws.follow; f != nil {
				cmds = append(cmds, f.load(r))
			}
		}
		if msg.Follow || msg.Changed {
			cmds = append(cmds, r.followRoom())
		}
		if msg.Vote {
			r.showResults()
			cmds = append(cmds, r.countDown())
		}
		r.cache.statusKey = "" // who's here and the dots are in the status bar
		return tea.Batch(cmds...)
	}
	return nil
}

// workshopStatus is what the status bar says first in a workshop: who you
// are, who is here, and your dots in an open vote.
func (r *Root) workshopStatus() string {
	s := r.session()
	if s == nil {
		return ""
	}
	me := theme.Clean(s.User)
	if s.Facilitator {
		me += " (facilitator)"
	}
	people := s.Room.People()
	names := make([]string, 0, 4)
	for i, p := range people {
		if i == 3 {
			names = append(names, "…")
			break
		}
		names = append(names, theme.Clean(p))
	}
	out := me + " · " + fmt.Sprintf("%d here: %s", len(people), strings.Join(names, ", ")) + " · "
	if r.screen == screenBoard && r.mp != nil {
		if v := s.Room.Vote(r.mp.ID); v.Open {
			out += fmt.Sprintf("vote: %d of %d dots left", v.Left, v.DotsPerPerson)
			if tp, ok := r.selectedTouchpoint(); ok && v.Mine[tp.ID] > 0 {
				out += fmt.Sprintf(" (%d here)", v.Mine[tp.ID])
			}
			if !v.ClosesAt.IsZero() {
				out += " · closes in " + clock(time.Until(v.ClosesAt))
			}
			out += " · "
		}
	}
	return out
}

func (r *Root) selectedTouchpoint() (*model.Touchpoint, bool) {
	if r.mp == nil {
		return nil, false
	}
	sel := r.board.Selection()
	return r.mp.Touchpoint(model.Ref{Phase: sel.Phase, Index: sel.Index})
}

// workshopKey handles the workshop's keys on the board, and refuses a
// delete that this person's role does not allow before it asks anything.
func (r *Root) workshopKey(k tea.KeyPressMsg) (tea.Cmd, bool) {
	s := r.session()
	if s == nil || r.mp == nil {
		return nil, false
	}
	m := r.mp
	switch {
	case r.keys.Delete.matches(k):
		sel := r.board.Selection()
		if tp, ok := r.selectedTouchpoint(); ok {
			if err := mayDelete(s, &model.DeleteTouchpoint{ID: tp.ID}, tp.AddedBy); err != nil {
				r.setNote(err.Error(), true)
				return nil, true
			}
		} else if sel.Phase >= 0 && sel.Phase < len(m.Phases) {
			if err := mayDelete(s, &model.DeletePhase{}, ""); err != nil {
				r.setNote(err.Error(), true)
				return nil, true
			}
		}
		return nil, false
	case key.Matches(k, workshopKeys.Follow):
		if !s.Facilitator {
			r.setNote("only a facilitator can lead follow mode", true)
			return nil, true
		}
		r.push(r.newLead())
		return nil, true
	case key.Matches(k, workshopKeys.Vote):
		if !s.Facilitator {
			r.setNote("only a facilitator can start or close a vote", true)
			return nil, true
		}
		if s.Room.Vote(m.ID).Open {
			room, id := s.Room, m.ID
			r.setNote("closing the vote…", false)
			return func() tea.Msg { return voteDoneMsg{note: "vote closed", err: room.CloseVote(id)} }, true
		}
		return r.openVoteSetup(), true
	case key.Matches(k, workshopKeys.Dot), key.Matches(k, workshopKeys.Undot):
		place := key.Matches(k, workshopKeys.Dot)
		v := s.Room.Vote(m.ID)
		if !v.Open {
			r.setNote("no vote is open on this map", true)
			return nil, true
		}
		tp, ok := r.selectedTouchpoint()
		if !ok {
			r.setNote("select a touchpoint to place a dot on", true)
			return nil, true
		}
		room, mapID, tpID, name := s.Room, m.ID, tp.ID, theme.Fit(theme.Clean(tp.Name), 30)
		return func() tea.Msg {
			left, err := room.Dot(mapID, tpID, place)
			if err != nil {
				return voteDoneMsg{err: err}
			}
			verb := "dot placed on "
			if !place {
				verb = "dot taken back from "
			}
			return voteDoneMsg{note: fmt.Sprintf("%s%s · %d left", verb, name, left)}
		}, true
	}
	return nil, false
}

// mayDelete says whether this person may make the deletion e; addedBy is who
// added a touchpoint being deleted. The server checks the same again.
func mayDelete(s *Session, e model.Edit, addedBy string) error {
	if s == nil || s.Facilitator {
		return nil
	}
	switch e.(type) {
	case *model.DeletePhase:
		return model.Refuse("only a facilitator can delete a phase")
	case *model.DeleteTouchpoint:
		if addedBy != s.User {
			if addedBy == "" {
				return model.Refuse("only a facilitator can delete this touchpoint: it was not added in this workshop")
			}
			return model.Refuse("only %s or a facilitator can delete this touchpoint", theme.Clean(addedBy))
		}
	}
	return nil
}

// refuseRole refuses, before it is applied, an edit this person's role
// does not allow, and says why in the status bar.
func (r *Root) refuseRole(e model.Edit) bool {
	s := r.session()
	if s == nil || s.Facilitator {
		return false
	}
	addedBy := ""
	if d, ok := e.(*model.DeleteTouchpoint); ok && r.mp != nil {
		if ref, ok := r.mp.Find(d.ID); ok {
			tp, _ := r.mp.Touchpoint(ref)
			addedBy = tp.AddedBy
		}
	}
	if err := mayDelete(s, e, addedBy); err != nil {
		r.setNote(err.Error(), true)
		return true
	}
	return false
}

// refused takes a write the server refused for this person's role: that
// edit alone leaves the history, the status bar says why, and the map is
// read again from the file.
func (r *Root) refused(msg writeDoneMsg, next tea.Cmd) tea.Cmd {
	r.hist.forget(msg.edit)
	r.quitting = false
	var rf *model.Refusal
	reason := msg.err.Error()
	if errors.As(msg.err, &rf) {
		reason = rf.Reason
	}
	r.setNote("not saved: "+theme.Fit(reason, 80), true)
	if r.queue.busy() {
		return next
	}
	return tea.Batch(next, r.reloadOpen())
}

// showResults shows the results of a vote that just closed, once.
func (r *Root) showResults() {
	s := r.session()
	v, mapID, ok := s.Room.Results()
	if !ok || v.ID == r.ws.resultsSeen {
		return
	}
	r.ws.resultsSeen = v.ID
	r.push(&resultsOverlay{v: v, mapID: mapID, st: r.styles})
}

// followRoom opens, moves or closes a participant's follow view.
func (r *Root) followRoom() tea.Cmd {
	s := r.session()
	if s.Facilitator {
		return nil
	}
	f := s.Room.Follow()
	o := r.ws.follow
	switch {
	case !f.On || f.Round == r.ws.dismissed:
		if o != nil {
			r.ws.follow = nil
			return r.remove(o)
		}
		return nil
	case o == nil || o.round != f.Round || o.mapID != f.MapID:
		if o != nil {
			r.remove(o)
		}
		o = &followOverlay{round: f.Round, mapID: f.MapID, phase: f.Phase, leader: f.Leader, st: r.styles}
		r.ws.follow = o
		r.push(o)
		return o.load(r)
	default:
		o.leader = f.Leader
		o.goTo(f.Phase, r)
		return nil
	}
}

// stampAuthor names this session's person as the one who added what e adds,
// as the file will record it: the map on screen then knows at once that
// they may delete it, without reading the file again.
func (r *Root) stampAuthor(e model.Edit) {
	s := r.session()
	if s == nil {
		return
	}
	stamp := func(t *model.Touchpoint) {
		if t.AddedBy == "" {
			t.AddedBy = s.User
		}
	}
	switch e := e.(type) {
	case *model.InsertTouchpoint:
		stamp(&e.Touchpoint)
	case *model.InsertPhase:
		for i := range e.Phase.Touchpoints {
			stamp(&e.Phase.Touchpoints[i])
		}
	}
}

// countDown keeps the countdown of a timed vote on the map on screen
// moving: one redraw a second while such a vote is open, and none
// otherwise, so a room that is not voting stays idle.
func (r *Root) countDown() tea.Cmd {
	s := r.session()
	if s == nil || r.ws.counting || r.mp == nil {
		return nil
	}
	if v := s.Room.Vote(r.mp.ID); !v.Open || v.ClosesAt.IsZero() {
		return nil
	}
	r.ws.counting = true
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return voteTickMsg{} })
}

// clock writes a duration as m:ss, rounded up (a vote "closes in 0:00"
// only when it does), never below 0:00.
func clock(d time.Duration) string {
	secs := int((max(d, 0) + time.Second - 1) / time.Second)
	return fmt.Sprintf("%d:%02d", secs/60, secs%60)
}

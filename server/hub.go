package server

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"

	"journeymap/model"
	"journeymap/storage"
	"journeymap/ui"
)

// The hub is what the sessions of one server share: who is here, follow
// mode, the open votes, and the one store. It tells sessions about changes
// by a mailbox each (member.post): posting never blocks, and a slow guest
// only delays their own screen.

// Kinds of news a member's mailbox collects until its pump delivers them.
const (
	newsChanged uint32 = 1 << iota
	newsPeople
	newsFollow
	newsVote
	newsClosing
)

type member struct {
	id          int
	name        string
	facilitator bool
	news        atomic.Uint32
	kick        chan struct{}
	done        chan struct{}
	prog        atomic.Pointer[tea.Program]
	pace        *pacer // set with prog; see pace.go
	left        sync.Once
}

// post adds news and wakes the pump; it never blocks.
func (m *member) post(kinds uint32) {
	m.news.Or(kinds)
	select {
	case m.kick <- struct{}{}:
	default: // a wake-up is already pending: it will take this news too
	}
}

// pump delivers news to the member's program, one coalesced RoomMsg at a
// time, until the member leaves. Send blocks only this goroutine.
func (m *member) pump() {
	for {
		select {
		case <-m.done:
			return
		case <-m.kick:
		}
		n := m.news.Swap(0)
		p := m.prog.Load()
		if n == 0 || p == nil {
			continue
		}
		p.Send(ui.RoomMsg{
			Changed: n&newsChanged != 0, People: n&newsPeople != 0, Follow: n&newsFollow != 0,
			Vote: n&newsVote != 0, Closing: n&newsClosing != 0,
		})
	}
}

// openVote is a vote in progress on a map.
type openVote struct {
	vote  model.Vote
	dots  map[string]map[int64]int // voter → touchpoint → dots
	timer *time.Timer
}

type hub struct {
	st  *storage.Store
	max int

	mu      sync.Mutex
	nextID  int
	members []*member // in order of arrival
	closing bool
	follow  ui.Follow
	votes   map[int64]*openVote // by map ID
	results model.Vote          // the last closed vote
	resMap  int64
	hasRes  bool
	wg      sync.WaitGroup
	// latency, when set, is told when each member's screen was kicked for
	// a change (benchmarks).
	onChanged func(from int)
}

func newHub(st *storage.Store, max int) *hub {
	return &hub{st: st, max: max, votes: map[int64]*openVote{}}
}

var errFull = errors.New("full")
var errClosing = errors.New("closing")

// join adds a member named after their SSH user name, made unique in the
// room ("tom", "tom-2").
func (h *hub) join(user string, facilitator bool) (*member, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closing {
		return nil, errClosing
	}
	if len(h.members) >= h.max {
		return nil, errFull
	}
	name := cleanName(user)
	taken := map[string]bool{}
	for _, m := range h.members {
		taken[strings.ToLower(m.name)] = true
	}
	for i := 2; taken[strings.ToLower(name)]; i++ {
		name = fmt.Sprintf("%s-%d", cleanName(user), i)
	}
	h.nextID++
	m := &member{id: h.nextID, name: name, facilitator: facilitator, kick: make(chan struct{}, 1), done: make(chan struct{})}
	h.members = append(h.members, m)
	h.wg.Add(1)
	go m.pump()
	h.postLocked(newsPeople, 0)
	return m, nil
}

// leave removes the member; safe to call twice.
func (h *hub) leave(m *member) {
	m.left.Do(func() {
		h.mu.Lock()
		for i, x := range h.members {
			if x == m {
				h.members = append(h.members[:i], h.members[i+1:]...)
				break
			}
		}
		if h.follow.On && h.follow.Leader == m.name {
			h.follow.On = false
			h.postLocked(newsFollow, 0)
		}
		h.postLocked(newsPeople, 0)
		h.mu.Unlock()
		close(m.done)
		h.wg.Done()
	})
}

// cleanName keeps a user name short and printable.
func cleanName(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if r := []rune(s); len(r) > 24 {
		s = string(r[:24])
	}
	if s == "" {
		s = "guest"
	}
	return s
}

// post sends news to every member but the one with id except (0: all).
func (h *hub) post(kinds uint32, except int) {
	h.mu.Lock()
	h.postLocked(kinds, except)
	h.mu.Unlock()
}

func (h *hub) postLocked(kinds uint32, except int) {
	for _, m := range h.members {
		if m.id != except {
			m.post(kinds)
		}
	}
}

// changed tells everyone but the author that the file changed.
func (h *hub) changed(from int) {
	h.post(newsChanged, from)
	if h.onChanged != nil {
		h.onChanged(from)
	}
}

func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.members)
}

// people lists the names, m first.
func (h *hub) people(m *member) []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]string, 0, len(h.members))
	out = append(out, m.name)
	for _, x := range h.members {
		if x != m {
			out = append(out, x.name)
		}
	}
	return out
}

func (h *hub) lead(m *member, mapID int64, phase int, on bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	switch {
	case on && (!h.follow.On || h.follow.Leader != m.name || h.follow.MapID != mapID):
		h.follow = ui.Follow{On: true, Round: h.follow.Round + 1, Leader: m.name, MapID: mapID, Phase: phase}
	case on:
		if h.follow.Phase == phase {
			return
		}
		h.follow.Phase = phase
	case h.follow.On && h.follow.Leader == m.name:
		h.follow.On = false
	default:
		return
	}
	h.postLocked(newsFollow, m.id)
}

func (h *hub) following() ui.Follow {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.follow
}

func (h *hub) voteState(m *member, mapID int64) ui.VoteState {
	h.mu.Lock()
	defer h.mu.Unlock()
	ov := h.votes[mapID]
	if ov == nil {
		return ui.VoteState{}
	}
	mine := map[int64]int{}
	used := 0
	for id, n := range ov.dots[m.name] {
		mine[id] = n
		used += n
	}
	return ui.VoteState{Open: true, Question: ov.vote.Question, DotsPerPerson: ov.vote.DotsPerPerson,
		Left: ov.vote.DotsPerPerson - used, Mine: mine, ClosesAt: ov.vote.ClosesAt}
}

func (h *hub) lastResults() (model.Vote, int64, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.results, h.resMap, h.hasRes
}

// resume takes up the votes a stopped server left open.
func (h *hub) resume() error {
	open, err := h.st.OpenVotes()
	if err != nil {
		return err
	}
	for mapID, v := range open {
		ov := &openVote{vote: v, dots: map[string]map[int64]int{}}
		h.votes[mapID] = ov
		h.armTimer(mapID, ov)
	}
	return nil
}

func (h *hub) armTimer(mapID int64, ov *openVote) {
	if ov.vote.ClosesAt.IsZero() {
		return
	}
	id := ov.vote.ID
	ov.timer = time.AfterFunc(max(0, time.Until(ov.vote.ClosesAt)), func() { _ = h.closeVote(mapID, id) })
}

func (h *hub) startVote(m *member, mapID int64, v model.Vote) error {
	if !m.facilitator {
		return model.Refuse("only a facilitator can start a vote")
	}
	h.mu.Lock()
	busy := h.votes[mapID] != nil
	h.mu.Unlock()
	if busy {
		return model.Refuse("a vote is already open on this map: V closes it")
	}
	id, err := h.st.StartVote(mapID, v)
	if err != nil {
		return err
	}
	v.ID, v.Open, v.OpenedAt = id, true, time.Now()
	ov := &openVote{vote: v, dots: map[string]map[int64]int{}}
	h.mu.Lock()
	h.votes[mapID] = ov
	h.armTimer(mapID, ov)
	h.postLocked(newsVote, 0)
	h.mu.Unlock()
	return nil
}

// closeVote closes the map's vote (when it is still voteID, for the
// timer; 0 closes whatever is open) and shows everyone the results.
func (h *hub) closeVote(mapID, voteID int64) error {
	h.mu.Lock()
	ov := h.votes[mapID]
	if ov == nil || (voteID != 0 && ov.vote.ID != voteID) {
		h.mu.Unlock()
		return model.Refuse("no vote is open on this map")
	}
	delete(h.votes, mapID)
	if ov.timer != nil {
		ov.timer.Stop()
	}
	h.mu.Unlock()
	if err := h.st.CloseVote(mapID, ov.vote.ID); err != nil {
		return err
	}
	m, err := h.st.LoadMap(mapID)
	if err != nil {
		return err
	}
	v := ov.vote
	v.Open = false
	for _, cv := range m.Votes {
		if cv.ID == v.ID {
			v = cv
		}
	}
	sort.SliceStable(v.Results, func(i, j int) bool { return v.Results[i].Dots > v.Results[j].Dots })
	h.mu.Lock()
	h.results, h.resMap, h.hasRes = v, mapID, true
	h.postLocked(newsVote|newsChanged, 0)
	h.mu.Unlock()
	return nil
}

func (h *hub) dot(m *member, mapID, tpID int64, place bool) (int, error) {
	h.mu.Lock()
	ov := h.votes[mapID]
	h.mu.Unlock()
	if ov == nil {
		return 0, model.Refuse("no vote is open on this map")
	}
	var left int
	var err error
	if place {
		left, err = h.st.PlaceDot(mapID, ov.vote.ID, m.name, tpID)
	} else {
		left, err = h.st.TakeDot(mapID, ov.vote.ID, m.name, tpID)
	}
	if errors.Is(err, storage.ErrNoVote) {
		return 0, model.Refuse("the vote has closed")
	}
	if err != nil {
		return 0, err
	}
	h.mu.Lock()
	mine := ov.dots[m.name]
	if mine == nil {
		mine = map[int64]int{}
		ov.dots[m.name] = mine
	}
	if place {
		mine[tpID]++
	} else if mine[tpID]--; mine[tpID] <= 0 {
		delete(mine, tpID)
	}
	h.mu.Unlock()
	m.post(newsVote)
	return left, nil
}

// closeAll asks every session to finish its writes and quit, and waits up
// to wait for them to go.
func (h *hub) closeAll(wait time.Duration) {
	h.mu.Lock()
	h.closing = true
	h.postLocked(newsClosing, 0)
	h.mu.Unlock()
	done := make(chan struct{})
	go func() { h.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(wait):
		h.mu.Lock()
		for _, m := range h.members {
			if p := m.prog.Load(); p != nil {
				go p.Quit()
			}
		}
		h.mu.Unlock()
		select {
		case <-done:
		case <-time.After(time.Second):
		}
	}
}

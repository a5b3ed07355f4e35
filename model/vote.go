package model

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Dot-voting: in a workshop the facilitator asks a question and everyone
// places a few dots on the touchpoints that matter most. A Vote is one such
// round; the tally stays hidden while it is open and is ranked once closed.

// DefaultDots is how many dots each person gets unless the facilitator says
// otherwise; MaxDots keeps a typo from handing out thousands.
const (
	DefaultDots     = 3
	MaxDots         = 99
	maxQuestionSize = 500
)

// Vote is one dot-voting round on a map.
type Vote struct {
	ID            int64
	Question      string
	DotsPerPerson int
	Open          bool
	OpenedAt      time.Time
	// ClosesAt is when the timer closes it; zero without a timer.
	ClosesAt time.Time
	// Results is the tally, most dots first, ties in journey order; only
	// touchpoints with at least one dot are listed. Empty while open.
	Results []VoteResult
	// Voters is how many people placed at least one dot.
	Voters int
}

// VoteResult is one touchpoint's dots in a closed vote.
type VoteResult struct {
	Touchpoint int64 // its ID in the file; 0 in a map read from JSON
	At         Ref   // where it is in the map
	Phase      string
	Name       string
	Dots       int
}

// Validate checks what a person typed to start a vote.
func (v Vote) Validate() error {
	q := strings.TrimSpace(v.Question)
	switch {
	case q == "":
		return errors.New("a vote needs a question")
	case !utf8.ValidString(v.Question) || len(v.Question) > maxQuestionSize:
		return fmt.Errorf("the question is too long (at most %d bytes)", maxQuestionSize)
	case v.DotsPerPerson < 1 || v.DotsPerPerson > MaxDots:
		return fmt.Errorf("dots per person must be 1 to %d", MaxDots)
	}
	for _, r := range v.Results {
		if r.Dots < 1 {
			return errors.New("a vote result needs at least one dot")
		}
	}
	return nil
}

// Places finds a map's touchpoints by ID and names them by place: a *Map,
// or the *Outline of one.
type Places interface {
	Find(id int64) (Ref, bool)
	Named(r Ref) (id int64, name, phase string, ok bool)
}

// Rank orders results most dots first, ties in journey order, and fills
// in each result's place in m (results whose touchpoint is gone are
// dropped). Results that name no touchpoint ID are looked up by At.
func Rank(m Places, results []VoteResult) []VoteResult {
	out := make([]VoteResult, 0, len(results))
	for _, r := range results {
		if r.Touchpoint != 0 {
			ref, ok := m.Find(r.Touchpoint)
			if !ok {
				continue
			}
			r.At = ref
		}
		id, name, phase, ok := m.Named(r.At)
		if !ok || r.Dots < 1 {
			continue
		}
		r.Touchpoint, r.Name, r.Phase = id, name, phase
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b VoteResult) int {
		if c := cmp.Compare(b.Dots, a.Dots); c != 0 {
			return c
		}
		if c := cmp.Compare(a.At.Phase, b.At.Phase); c != 0 {
			return c
		}
		return cmp.Compare(a.At.Index, b.At.Index)
	})
	if len(out) == 0 {
		return nil
	}
	return out
}

// TotalDots adds up the dots of a vote's results.
func (v Vote) TotalDots() int {
	n := 0
	for _, r := range v.Results {
		n += r.Dots
	}
	return n
}

// ErrRefused is what every Refusal matches with errors.Is.
var ErrRefused = errors.New("refused")

// Refusal says that the person may not do what they asked (a participant
// deleting what someone else added, starting a vote): nothing was written.
// Reason is said to them as it is.
type Refusal struct{ Reason string }

func (r *Refusal) Error() string { return r.Reason }

// Is makes errors.Is(err, ErrRefused) true for every Refusal.
func (r *Refusal) Is(target error) bool { return target == ErrRefused }

// Refuse returns a Refusal with the reason.
func Refuse(format string, args ...any) error { return &Refusal{Reason: fmt.Sprintf(format, args...)} }

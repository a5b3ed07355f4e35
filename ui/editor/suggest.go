package editor

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/sahilm/fuzzy"
)

// maxSuggestions keeps the dropdown small enough to sit under a field.
const maxSuggestions = 5

// suggest is a fuzzy dropdown under a text input.
type suggest struct {
	source  []string
	matches []fuzzy.Match
	idx     int // highlighted match; -1 while the user is still typing
	// known: what was typed is itself one of the source's words, so tab
	// keeps it rather than taking a longer suggestion.
	known bool
}

// refresh recomputes the matches for q, leaving out q itself and whatever
// the caller already has (a list's items).
func (s *suggest) refresh(q string, have []string) {
	s.idx = -1
	s.matches = s.matches[:0]
	q = strings.TrimSpace(q)
	s.known = containsFold(s.source, q)
	if q == "" || len(s.source) == 0 {
		return
	}
	for _, m := range fuzzy.Find(q, s.source) {
		if strings.EqualFold(m.Str, q) || containsFold(have, m.Str) {
			continue
		}
		s.matches = append(s.matches, m)
		if len(s.matches) == maxSuggestions {
			break
		}
	}
}

func (s *suggest) close() { s.matches, s.idx = s.matches[:0], -1 }

func (s *suggest) open() bool { return len(s.matches) > 0 }

// takeFirst is the key that takes the first suggestion; it shares tab with
// Next, as the help says.
var takeFirst = DefaultKeyMap().TakeFirst

// accepted returns the suggestion a key takes: the highlighted one, or with
// tab the first while none is highlighted, so "we" + tab gives "website".
func (s *suggest) accepted(msg tea.KeyPressMsg) (string, bool) {
	if v, ok := s.picked(); ok {
		return v, true
	}
	if key.Matches(msg, takeFirst) && s.open() && !s.known {
		return s.matches[0].Str, true
	}
	return "", false
}

// picked returns the highlighted suggestion.
func (s *suggest) picked() (string, bool) {
	if s.idx < 0 || s.idx >= len(s.matches) {
		return "", false
	}
	return s.matches[s.idx].Str, true
}

// move handles up/down inside an open dropdown and reports whether it did.
// Up from the first match goes back to typing; down from typing enters it.
func (s *suggest) move(msg tea.KeyPressMsg, km *KeyMap) bool {
	if !s.open() {
		return false
	}
	switch {
	case key.Matches(msg, km.SuggestNext):
		if s.idx < len(s.matches)-1 {
			s.idx++
		}
		return true
	case key.Matches(msg, km.SuggestPrev):
		if s.idx < 0 {
			return false
		}
		s.idx--
		return true
	}
	return false
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// dedupe drops repeats (case-insensitively) and blanks, keeping the first
// spelling: the root passes the file's own values before the built-in lists.
func dedupe(in []string) []string {
	seen := make(map[string]bool, len(in))
	out := make([]string, 0, len(in))
	for _, s := range in {
		k := strings.ToLower(strings.TrimSpace(s))
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, strings.TrimSpace(s))
	}
	return out
}

package finder

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// matcher is sahilm/fuzzy's matching of one pattern, scoring exactly as
// it does (TestMatcherAgreesWithFuzzy and FuzzMatcher keep the two in
// step), but without an allocation per match: the indexes match returns
// are scratch that the next call overwrites. On a 10,000-touchpoint map
// the first keystroke matches most fields of every touchpoint, and one
// allocation per match was most of what a keystroke cost.
type matcher struct {
	runes   []rune
	scratch []int
}

func newMatcher(pattern string) *matcher {
	runes := []rune(pattern)
	return &matcher{runes: runes, scratch: make([]int, 0, len(runes))}
}

// match scores s, and reports whether every rune of the pattern matched.
func (mt *matcher) match(s string) (score int, matched []int, ok bool) {
	if len(mt.runes) == 0 {
		return 0, nil, false
	}
	score, matched = matchOne(mt.runes, s, mt.scratch[:0])
	return score, matched, len(matched) == len(mt.runes)
}

// eachMatch is sahilm/fuzzy's FindFromIterNoSort through matcher: it hands
// each match to yield, its MatchedIndexes the matcher's scratch.
func eachMatch(pattern string, it iter.Seq[string], yield func(fuzzy.Match)) {
	mt := newMatcher(pattern)
	i := 0
	for s := range it {
		idx := i
		i++
		if score, got, ok := mt.match(s); ok {
			yield(fuzzy.Match{Str: s, Index: idx, MatchedIndexes: got, Score: score})
		}
	}
}

// findNoSort collects eachMatch's matches, each with its own indexes, as
// sahilm/fuzzy returns them (for the tests that compare the two).
func findNoSort(pattern string, it iter.Seq[string]) []fuzzy.Match {
	var out []fuzzy.Match
	eachMatch(pattern, it, func(m fuzzy.Match) {
		m.MatchedIndexes = append([]int(nil), m.MatchedIndexes...)
		out = append(out, m)
	})
	return out
}

// The matcher's bonuses and penalties, as sahilm/fuzzy has them.
const (
	firstCharMatchBonus          = 10
	matchFollowingSeparatorBonus = 20
	camelCaseMatchBonus          = 20
	adjacentMatchBonus           = 5
)

// matchOne scores s against the pattern's runes the way sahilm/fuzzy does,
// appending the matched byte offsets to matched.
func matchOne(runes []rune, s string, matched []int) (int, []int) {
	if nul := strings.IndexByte(s, 0); nul > -1 {
		s = s[:nul]
	}
	total := 0
	score, patternIndex, bestScore, matchedIndex, adjacent := 0, 0, -1, -1, 0
	var last rune
	lastIndex := 0
	nextc, nextSize := utf8.DecodeRuneInString(s)
	var candidate rune
	var candidateSize int
	for j := 0; j < len(s); j += candidateSize {
		candidate, candidateSize = nextc, nextSize
		if equalFold(candidate, runes[patternIndex]) {
			score = 0
			if j == 0 {
				score += firstCharMatchBonus
			}
			if unicode.IsLower(last) && unicode.IsUpper(candidate) {
				score += camelCaseMatchBonus
			}
			if j != 0 && isSeparator(last) {
				score += matchFollowingSeparatorBonus
			}
			if len(matched) > 0 && matched[len(matched)-1] == lastIndex {
				bonus := adjacent*2 + adjacentMatchBonus
				score += bonus
				adjacent += bonus
			}
			if score > bestScore {
				bestScore = score
				matchedIndex = j
			}
		}
		var nextp rune
		if patternIndex < len(runes)-1 {
			nextp = runes[patternIndex+1]
		}
		if j+candidateSize < len(s) {
			if s[j+candidateSize] < utf8.RuneSelf {
				nextc, nextSize = rune(s[j+candidateSize]), 1
			} else {
				nextc, nextSize = utf8.DecodeRuneInString(s[j+candidateSize:])
			}
		} else {
			nextc, nextSize = 0, 0
		}
		if equalFold(nextp, nextc) || nextc == 0 {
			if matchedIndex > -1 {
				if len(matched) == 0 {
					bestScore += max(matchedIndex*unmatchedLeadPenalty, maxUnmatchedLeadPenalty)
				}
				total += bestScore
				matched = append(matched, matchedIndex)
				score, bestScore = 0, -1
				patternIndex++
			}
		}
		lastIndex = j
		last = candidate
	}
	total += len(matched) - len(s)
	return total, matched
}

func equalFold(tr, sr rune) bool {
	if tr == sr {
		return true
	}
	if tr < sr {
		tr, sr = sr, tr
	}
	if tr < utf8.RuneSelf {
		return 'A' <= sr && sr <= 'Z' && tr == sr+'a'-'A'
	}
	r := unicode.SimpleFold(sr)
	for r != sr && r < tr {
		r = unicode.SimpleFold(r)
	}
	return r == tr
}

func isSeparator(r rune) bool {
	switch r {
	case '/', '-', '_', ' ', '.', '\\':
		return true
	}
	return false
}

package model

import "strconv"

// This file holds the words screens, exports and messages share, so a score
// or a count reads the same everywhere.

// ClampScore brings an emotion score into MinScore..MaxScore. Only an
// unvalidated map holds a score outside the scale; everything that shows or
// draws a score shows it as the nearest one on the scale.
func ClampScore(s int) int { return min(max(s, MinScore), MaxScore) }

// scoreWords name each score, index MinScore to MaxScore.
var scoreWords = [MaxScore + 1]string{"", "very negative", "negative", "neutral", "positive", "very positive"}

// ScoreWord names a score, clamped: "very negative" for 1, "neutral" for 3,
// "very positive" for 5.
func ScoreWord(s int) string { return scoreWords[ClampScore(s)] }

// Plural counts a regular noun: "1 phase", "0 phases", "12 phases".
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

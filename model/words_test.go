package model

import "testing"

func TestClampScoreAndScoreWord(t *testing.T) {
	for _, tc := range []struct {
		score, clamped int
		word           string
	}{
		{-7, 1, "very negative"},
		{0, 1, "very negative"},
		{1, 1, "very negative"},
		{2, 2, "negative"},
		{3, 3, "neutral"},
		{4, 4, "positive"},
		{5, 5, "very positive"},
		{6, 5, "very positive"},
		{99, 5, "very positive"},
	} {
		if got := ClampScore(tc.score); got != tc.clamped {
			t.Errorf("ClampScore(%d) = %d, want %d", tc.score, got, tc.clamped)
		}
		if got := ScoreWord(tc.score); got != tc.word {
			t.Errorf("ScoreWord(%d) = %q, want %q", tc.score, got, tc.word)
		}
	}
}

func TestPlural(t *testing.T) {
	for _, tc := range []struct {
		n    int
		word string
		want string
	}{
		{0, "phase", "0 phases"},
		{1, "phase", "1 phase"},
		{2, "touchpoint", "2 touchpoints"},
		{10000, "touchpoint", "10000 touchpoints"},
		{-1, "map", "-1 maps"},
		{3, "bad user template", "3 bad user templates"},
	} {
		if got := Plural(tc.n, tc.word); got != tc.want {
			t.Errorf("Plural(%d, %q) = %q, want %q", tc.n, tc.word, got, tc.want)
		}
	}
}

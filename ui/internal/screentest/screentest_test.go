package screentest

import "testing"

func TestCheck(t *testing.T) {
	for _, tt := range []struct {
		screen string
		w, h   int
		ok     bool
	}{
		{"", 10, 3, false},
		{"  \n \n", 10, 3, false},
		{"\x1b[31m\x1b[0m", 10, 3, false},
		{"abc\ndef", 3, 2, true},
		{"abc\ndef\nghi", 3, 2, false},
		{"abcd", 3, 2, false},
		{"咖啡", 4, 1, true},
		{"咖啡", 3, 1, false},
		{"", 0, 0, true},
		{"x", 0, 5, false},
	} {
		if got := Check(tt.screen, tt.w, tt.h) == ""; got != tt.ok {
			t.Errorf("Check(%q, %d, %d) fit = %v, want %v", tt.screen, tt.w, tt.h, got, tt.ok)
		}
	}
}

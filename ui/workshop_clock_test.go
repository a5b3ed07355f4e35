package ui

import (
	"testing"
	"time"
)

func TestClock(t *testing.T) {
	for _, c := range []struct {
		d    time.Duration
		want string
	}{
		{-time.Second, "0:00"},
		{0, "0:00"},
		{time.Millisecond, "0:01"},
		{59 * time.Second, "0:59"},
		{59*time.Second + time.Millisecond, "1:00"},
		{2*time.Minute + 30*time.Second, "2:30"},
		{61 * time.Minute, "61:00"},
	} {
		if got := clock(c.d); got != c.want {
			t.Errorf("clock(%v) = %q, want %q", c.d, got, c.want)
		}
	}
}

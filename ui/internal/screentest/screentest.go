// Package screentest holds the checks the ui tests share about a rendered
// screen. It is imported by tests only.
package screentest

import (
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Fits fails t unless screen is a frame that fits width x height: not
// empty (unless the window has no room at all), at most height lines, none wider than width cells. name says
// which screen it is in the failure. It reports whether the screen fit, so
// a caller can add context (the steps that led there).
func Fits(t testing.TB, name, screen string, width, height int) bool {
	t.Helper()
	if err := Check(screen, width, height); err != "" {
		t.Errorf("%s at %dx%d: %s", name, width, height, err)
		return false
	}
	return true
}

// tiny is the size below which a blank frame is a fair answer: no word
// fits, so a screen may draw only spaces; it must still draw them.
const tiny = 3

// Check says what is wrong with screen at width x height, or "". A window
// with no room (0 wide or high) must get nothing; any other must get
// something.
func Check(screen string, width, height int) string {
	if width <= 0 || height <= 0 {
		if strings.TrimSpace(ansi.Strip(screen)) != "" {
			return "something drawn into no room"
		}
		return ""
	}
	if screen == "" || (width >= tiny && height >= tiny && strings.TrimSpace(ansi.Strip(screen)) == "") {
		return "the screen is empty"
	}
	lines := strings.Split(screen, "\n")
	if len(lines) > height {
		return strconv.Itoa(len(lines)) + " lines"
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > width {
			return "line " + strconv.Itoa(i) + " is " + strconv.Itoa(lw) + " cells wide: " + strconv.Quote(ansi.Strip(l))
		}
	}
	return ""
}

package server

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// TestPacerFindsTicker pins the one thing pacing relies on in Bubble Tea's
// internals: a program keeps its frame ticker in a field named ticker. When
// an upgrade moves it, this fails instead of the room's idle CPU quietly
// coming back.
func TestPacerFindsTicker(t *testing.T) {
	p := tea.NewProgram(nil)
	if _, ok := tickerField(p); !ok {
		t.Fatal("tea.Program has no ticker field of type *time.Ticker: pacing (server/pace.go) no longer works with this Bubble Tea")
	}
}

// TestQuietSessionsStillDraw: once a room goes quiet every session's frame
// ticker is paused, and an edit still reaches the other screen, and the
// typing session's own screen still answers its keys.
func TestQuietSessionsStillDraw(t *testing.T) {
	tr := startRoom(t, nil)
	maya := tr.join(t, "maya", codeAuth(testCode), 100, 30)
	tom := tr.join(t, "tom", codeAuth(testCode), 90, 28)
	maya.openMap()
	tom.openMap()
	paused := func() int {
		n := 0
		tr.srv.hub.mu.Lock()
		defer tr.srv.hub.mu.Unlock()
		for _, m := range tr.srv.hub.members {
			m.pace.mu.Lock()
			if m.pace.paused {
				n++
			}
			m.pace.mu.Unlock()
		}
		return n
	}
	deadline := time.Now().Add(5 * time.Second)
	for paused() < 2 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if n := paused(); n != 2 {
		t.Fatalf("%d of 2 quiet sessions have their ticker paused", n)
	}
	tom.Mark()
	maya.Mark()
	maya.typ("a")
	maya.must("touchpoint name")
	maya.typ("Qz8 kiosk", enter, esc)
	tom.must("Qz8 kiosk")
}

package server

import (
	"reflect"
	"sync"
	"time"
	"unsafe"

	tea "charm.land/bubbletea/v2"
)

// Bubble Tea v2.1.1 draws from a ticker that runs at the program's frame
// rate for the program's whole life, even when nothing changed: with 30
// guests that is 900 wakeups a second and a few percent of a core while the
// room sits and talks. Upstream has no option to stop it (pull requests
// charmbracelet/bubbletea#1776 and #1796 propose one), so a session's model
// is wrapped in a pacedModel that pauses the program's frame ticker once
// the screen has been quiet for quietAfter and resumes it on the next
// message. Every change of a session's screen starts with a message (a key,
// a resize, news from the room), so no frame is ever left undrawn.
//
// The ticker is reached by reflection on the pinned version's unexported
// field; TestPacerFindsTicker fails when an upgrade moves it, and until then
// a program whose ticker cannot be found simply keeps ticking.

// quietAfter is how long after its last frame a session's ticker keeps
// running: many frames, so a frame produced just before the pause has long
// been drawn.
const quietAfter = 300 * time.Millisecond

// pacer owns the pause and resume of one program's frame ticker.
type pacer struct {
	frame time.Duration

	mu     sync.Mutex
	ticker *time.Ticker // the program's, found on its first message
	looked bool         // whether the ticker was looked for
	paused bool
	ended  bool
	quiet  *time.Timer
	last   time.Time // the last message or frame
}

func newPacer(fps int) *pacer {
	return &pacer{frame: time.Second / time.Duration(max(1, fps))}
}

// wake resumes the ticker before a message is handled. It runs on the
// program's event loop, which is the goroutine that created the ticker, so
// reading the field is ordered after its write.
func (pc *pacer) wake(p *tea.Program) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	pc.last = time.Now()
	if !pc.looked && p != nil {
		pc.looked = true
		pc.ticker, _ = tickerField(p)
	}
	if pc.paused && !pc.ended && pc.ticker != nil {
		pc.ticker.Reset(pc.frame)
		pc.paused = false
	}
}

// drawn notes that a new frame was handed to the renderer, and pauses the
// ticker once no other frame follows within quietAfter.
func (pc *pacer) drawn() {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if pc.ticker == nil || pc.ended {
		return
	}
	pc.last = time.Now()
	if pc.quiet == nil {
		pc.quiet = time.AfterFunc(quietAfter, pc.pause)
		return
	}
	pc.quiet.Reset(quietAfter)
}

func (pc *pacer) pause() {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if pc.ended || pc.paused || pc.ticker == nil {
		return
	}
	if quiet := time.Since(pc.last); quiet < quietAfter {
		// A frame came while this timer fired: wait for it to be drawn.
		pc.quiet.Reset(quietAfter - quiet)
		return
	}
	pc.ticker.Stop()
	pc.paused = true
}

// end stops pacing for good: the program is gone or going, and its own
// shutdown stops the ticker.
func (pc *pacer) end() {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	pc.ended = true
	if pc.quiet != nil {
		pc.quiet.Stop()
	}
}

// tickerField returns the program's frame ticker (nil before Run starts
// it), and false when this version of Bubble Tea keeps it elsewhere.
func tickerField(p *tea.Program) (*time.Ticker, bool) {
	f := reflect.ValueOf(p).Elem().FieldByName("ticker")
	if !f.IsValid() || f.Type() != reflect.TypeFor[*time.Ticker]() {
		return nil, false
	}
	return *(**time.Ticker)(unsafe.Pointer(f.UnsafeAddr())), true
}

// pacedModel is a session's model with its program's ticker paced. Update
// and View run on the event loop, one after the other: a message wakes the
// ticker, and the frame that follows restarts the quiet timer.
type pacedModel struct {
	tea.Model
	pc   *pacer
	prog func() *tea.Program
}

func (m pacedModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m.pc.wake(m.prog())
	next, cmd := m.Model.Update(msg)
	m.Model = next
	return m, cmd
}

func (m pacedModel) View() tea.View {
	v := m.Model.View()
	m.pc.drawn()
	return v
}

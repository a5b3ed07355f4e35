package ui

import (
	"path/filepath"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"journeymap/model"
	"journeymap/ui/theme"
)

func itoa(n int) string { return strconv.Itoa(n) }

// ansiFit truncates a possibly styled string to width cells.
func ansiFit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= width {
		return s
	}
	return theme.Truncate(s, width, "…")
}

// statusView draws the one-line status bar: where you are on the left, the
// write state on the right. The write state wins the space when both do not
// fit, because "saving…" and an error are what the user must not miss.
func (r *Root) statusView(width int) string {
	st := r.styles
	left := r.workshopStatus() + filepath.Base(r.st.Path())
	if r.st.ReadOnly() {
		left += " (read-only)"
	}
	title, counts := "", ""
	if r.screen == screenBoard && r.mp != nil {
		title = theme.Clean(r.mp.Title)
		counts = " · " + model.Plural(len(r.mp.Phases), "phase") + " · " + model.Plural(r.mp.TouchpointCount(), "touchpoint")
		left += " · " + title + counts
	} else {
		left += " · " + model.Plural(len(r.maps), "map")
	}

	kind, text := "", ""
	switch {
	case r.writeErr != "":
		kind, text = "error", r.writeErr
	case r.queue.waitingForFile:
		kind = "waiting"
	case r.queue.busy():
		kind = "saving"
	case r.note != "":
		kind, text = "note", r.note
		if r.noteErr {
			kind = "noteErr"
		}
	}
	saved := r.queue.committed > 0
	key := left + "\x00" + kind + "\x00" + text + "\x00" + itoa(width)
	if saved {
		key += "\x00saved"
	}
	if key == r.cache.statusKey && r.cache.statusOut != "" {
		return r.cache.statusOut
	}
	// A note may take most of the line, but not all of it: the file and the
	// counts on the left keep their room, and a few cells of the title. An
	// error takes what it needs.
	inner := max(0, width-st.Status.GetHorizontalFrameSize())
	fixed := lipgloss.Width(left) - lipgloss.Width(title)
	text = theme.Clean(text)
	if kind == "note" {
		text = theme.Fit(text, max(inner/2, inner-fixed-18))
	}
	var right string
	switch kind {
	case "error", "noteErr":
		right = st.Error.Render(text)
	case "saving":
		right = st.Saving.Render("saving…")
	case "waiting":
		// Another program holds the file; the edits wait, none is lost.
		right = st.Saving.Render("waiting for the file…")
	case "note":
		right = st.Note.Render(text)
		if saved {
			right += st.Muted.Render(" · ") + st.Saved.Render("saved")
		}
	default:
		if saved {
			right = st.Saved.Render("saved")
		}
	}
	right = ansiFit(right, inner)
	rw := lipgloss.Width(right)
	room := inner - rw
	if rw > 0 {
		room-- // a space between the two halves
	}
	l := theme.Fit(left, room)
	if title != "" && lipgloss.Width(left) > room {
		// The title gives way first: the file and the counts say where
		// you are and what the board holds.
		if short := room - fixed; short >= 4 {
			l = strings.Replace(left, " · "+title+counts, " · "+theme.Fit(title, short)+counts, 1)
		}
	}
	gap := max(0, inner-lipgloss.Width(l)-rw)
	line := st.StatusLeft.Render(l) + spaces(gap) + right
	r.cache.statusKey = key
	r.cache.statusOut = st.Status.Width(width).MaxWidth(width).Render(line)
	return r.cache.statusOut
}

func spaces(n int) string { return strings.Repeat(" ", max(n, 0)) }

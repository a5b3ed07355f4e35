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
	if r.screen == screenBoard && r.mp != nil {
		left += " · " + theme.Clean(r.mp.Title) + " · " + model.Plural(len(r.mp.Phases), "phase") +
			" · " + model.Plural(r.mp.TouchpointCount(), "touchpoint")
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
	var right string
	switch kind {
	case "error", "noteErr":
		right = st.Error.Render(theme.Clean(text))
	case "saving":
		right = st.Saving.Render("saving…")
	case "waiting":
		// Another program holds the file; the edits wait, none is lost.
		right = st.Saving.Render("waiting for the file…")
	case "note":
		right = st.Note.Render(theme.Clean(text))
		if saved {
			right += st.Muted.Render(" · ") + st.Saved.Render("saved")
		}
	default:
		if saved {
			right = st.Saved.Render("saved")
		}
	}
	inner := max(0, width-st.Status.GetHorizontalFrameSize())
	right = ansiFit(right, inner)
	rw := lipgloss.Width(right)
	room := inner - rw
	if rw > 0 {
		room-- // a space between the two halves
	}
	l := theme.Fit(left, room)
	gap := max(0, inner-lipgloss.Width(l)-rw)
	line := st.StatusLeft.Render(l) + spaces(gap) + right
	r.cache.statusKey = key
	r.cache.statusOut = st.Status.Width(width).MaxWidth(width).Render(line)
	return r.cache.statusOut
}

func spaces(n int) string { return strings.Repeat(" ", max(n, 0)) }

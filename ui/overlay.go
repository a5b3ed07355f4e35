package ui

import (
	"slices"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"journeymap/model"
)

// overlay is anything that covers the screen for a while: a prompt, a
// question, a form, a panel. The root keeps overlays on a stack (like the
// dialogs of charmbracelet/crush): the top one gets every message the root
// does not handle itself and draws over whatever lies below it. The root
// never asks which overlay it is; what differs between them is said by the
// overlay itself, through this interface and the optional ones below.
type overlay interface {
	// Update takes one message and returns the overlay's result directly:
	// done when it has finished and is to be taken off the stack, and a
	// command to run. It may change the root through r (apply an edit,
	// select a card, push another overlay).
	Update(r *Root, msg tea.Msg) (done bool, cmd tea.Cmd)
	// View draws the overlay into width x height. below draws whatever
	// lies beneath (the screen, or the overlay under this one), for an
	// overlay that covers only part of it.
	View(width, height int, below func(w, h int) string) string
	// Help lists the keys the short help line shows while it is on top.
	Help() help.KeyMap
}

// holdsUnsaved is an overlay that may hold typed work not yet saved (a form
// with changes, a prompt with text): ctrl+c asks before throwing it away.
type holdsUnsaved interface{ unsaved() bool }

// fullScreen is an overlay that takes the whole window, status bar and
// help line included (the presentation: the wall needs every row).
type fullScreen interface{ fullScreen() }

// mapFollower is an overlay that shows the open map and follows it when
// a reload replaces it.
type mapFollower interface{ followMap(m *model.Map) }

// restyler is an overlay whose component keeps its own copy of its styles
// and must be handed the new ones after the terminal's background changed.
type restyler interface{ restyle() }

// top is the overlay that gets input, or nil when the screen has it.
func (r *Root) top() overlay {
	if len(r.stack) == 0 {
		return nil
	}
	return r.stack[len(r.stack)-1]
}

// push puts o on top of the stack.
func (r *Root) push(o overlay) { r.stack = append(r.stack, o) }

// remove takes o off the stack, wherever it is, and catches up on a change
// to the file that arrived while the user was busy.
func (r *Root) remove(o overlay) tea.Cmd {
	for i := len(r.stack) - 1; i >= 0; i-- {
		if r.stack[i] == o {
			// Delete clears the slot left behind: a closed form (a
			// megabyte with its text areas) or search (its cached
			// results) stayed reachable there until the next push.
			r.stack = slices.Delete(r.stack, i, i+1)
			break
		}
	}
	if r.live.deferred && !r.busy() {
		return r.reload()
	}
	return nil
}

// clearOverlays drops every overlay, as when a map opens or goes away.
func (r *Root) clearOverlays() { r.stack = nil }

// updateOverlay hands msg to the top of the stack and pops it when done.
func (r *Root) updateOverlay(o overlay, msg tea.Msg) tea.Cmd {
	done, cmd := o.Update(r, msg)
	if done {
		cmd = tea.Batch(cmd, r.remove(o))
	}
	return cmd
}

// unsavedInput reports whether any overlay holds something typed that
// closing would lose.
func (r *Root) unsavedInput() bool {
	for _, o := range r.stack {
		if u, ok := o.(holdsUnsaved); ok && u.unsaved() {
			return true
		}
	}
	return false
}

// followMap hands a freshly loaded map to the overlays that show it.
func (r *Root) overlaysFollow(m *model.Map) {
	for _, o := range r.stack {
		if f, ok := o.(mapFollower); ok {
			f.followMap(m)
		}
	}
}

// restyleOverlays hands new styles to the overlays that keep a copy.
func (r *Root) restyleOverlays() {
	for _, o := range r.stack {
		if s, ok := o.(restyler); ok {
			s.restyle()
		}
	}
}

// drawLayer draws the stack up to and including index i over the screen.
func (r *Root) drawLayer(i, w, h int) string {
	if i < 0 {
		return r.screenBody(w, h)
	}
	return r.stack[i].View(w, h, func(w, h int) string { return r.drawLayer(i-1, w, h) })
}

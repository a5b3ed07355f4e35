package ui

import (
	tea "charm.land/bubbletea/v2"

	"journeymap/ui/exportdlg"
)

// Options is what main hands the interface besides the store: the templates
// new maps can start from (and the user template files that failed to load),
// and the exporter the export dialog writes with. ui never imports storage,
// so these arrive already adapted.
type Options struct {
	Templates      []Template
	TemplateErrors []error
	// Warning is shown in the status bar when the map opens, before anything
	// else: a damaged file says so and what to do.
	Warning    string
	ExportFunc exportdlg.ExportFunc
	WriteFile  exportdlg.WriteFunc // atomic file writer; refuses the open map file
	Session    *Session            // a guest in a workshop over SSH (workshop.go); nil locally
	// Tidy hands memory freed by a burst of work back to the system once
	// the person pauses (tidy.go). Run sets it: it is for a process that
	// shows one person's screen.
	Tidy bool
}

// Run shows the interface on the terminal until the user quits. Writes still
// queued when the user quits are finished first.
func Run(st Store, opts Options) error {
	opts.Tidy = true
	_, err := tea.NewProgram(New(st, opts)).Run()
	return err
}

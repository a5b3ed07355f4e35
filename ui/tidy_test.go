package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestTidyAfterAPause: activity schedules a tidy, only the last burst's
// tidy runs, it runs once however long the pause, and a root without Tidy
// (tests, workshop sessions) schedules nothing.
func TestTidyAfterAPause(t *testing.T) {
	off := tidy{}
	if off.after(tea.KeyPressMsg{Code: 'j'}) != nil {
		t.Fatal("a root without Tidy scheduled a tidy")
	}
	tt := tidy{on: true}
	if tt.after(tea.KeyPressMsg{Code: 'j'}) == nil {
		t.Fatal("a key scheduled no tidy")
	}
	first := tt.gen
	if tt.after(tea.PasteMsg{Content: "x"}) == nil {
		t.Fatal("a paste scheduled no tidy")
	}
	if tt.after(tidyMsg{gen: first}) != nil {
		t.Error("the tidy of an earlier burst ran while the person was still busy")
	}
	if tt.after(tidyMsg{gen: tt.gen}) == nil {
		t.Fatal("the last burst's tidy did not run")
	}
	if tt.after(tidyMsg{gen: tt.gen}) != nil {
		t.Error("a second tidy ran with nothing done in between")
	}
	if tt.after(refreshTickMsg{}) != nil {
		t.Error("the refresh ticker counted as activity: an idle screen would tidy every 500 ms")
	}
}

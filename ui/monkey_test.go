package ui

import (
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"journeymap/interchange"
	"journeymap/model"
)

// TestMonkey presses random keys, pastes hostile text and resizes the
// window in every screen, checking after each step that nothing panicked
// and the frame fits the window. The seeds are fixed, so a failure replays.
func TestMonkey(t *testing.T) {
	keys := []string{"a", "p", "e", "E", "d", "y", "n", "u", "ctrl+r", "/", "i", "s", "x", "?", "q",
		"H", "L", "K", "J", "h", "j", "k", "l", "g", "G", "0", "$", "enter", "esc", "tab", "shift+tab",
		"left", "right", "up", "down", "pgup", "pgdown", "ctrl+s", "ctrl+n", "ctrl+d", "backspace", "space",
		"c", "f", "1", "z"}
	texts := []string{"☕️ Café 咖啡店 👩‍👩‍👧‍👦 family", strings.Repeat("long名前", 1250), "\x1b[31mred\x07", "a\nb\nc", ""}
	sizes := [][2]int{{120, 35}, {80, 24}, {40, 12}, {30, 10}, {20, 6}, {160, 45}, {41, 13}, {200, 50}}
	// Seed 70 once grew a line past the window: a textarea wrapped "☕️" so
	// that its variation selector began a line.
	seeds := []uint64{70}
	for s := range uint64(20) {
		seeds = append(seeds, s)
	}
	steps := 300
	if testing.Short() {
		seeds = seeds[:3]
	}
	for _, seed := range seeds {
		rng := rand.New(rand.NewPCG(seed, 7))
		st := newFakeStore()
		mapID, err := st.CreateMap(coffeeShop())
		if err != nil {
			t.Fatal(err)
		}
		written := map[string]bool{}
		opts := Options{
			Templates: []Template{{Name: "Coffee", Map: coffeeShop()}},
			ExportFunc: func(w io.Writer, m *model.Map, f interchange.Format) error {
				_, err := io.WriteString(w, m.Title)
				return err
			},
			WriteFile: func(path string, overwrite bool, render func(io.Writer) error) (bool, error) {
				if written[path] && !overwrite {
					return true, nil
				}
				written[path] = true
				return false, render(io.Discard)
			},
		}
		hs := newHarness(t, st, opts, 120, 35)
		var log []string
		for i := range steps {
			var what string
			switch n := rng.IntN(100); {
			case n < 4:
				s := sizes[rng.IntN(len(sizes))]
				what = "size " + itoa(s[0]) + "x" + itoa(s[1])
				hs.send(tea.WindowSizeMsg{Width: s[0], Height: s[1]})
			case n < 10:
				txt := texts[rng.IntN(len(texts))]
				what = "paste"
				hs.send(tea.PasteMsg{Content: txt})
			case n < 13:
				// Another process changes the map, and the refresh tick fires.
				what = "outside edit"
				if m, err := st.LoadMap(mapID); err == nil {
					var e model.Edit
					switch k := rng.IntN(4); {
					case k == 0 && len(m.Phases) > 0:
						e = &model.InsertTouchpoint{Phase: 0, Index: 0, Touchpoint: model.NewTouchpoint("From outside")}
					case k == 1 && len(m.Phases) > 1:
						e = &model.DeletePhase{Index: len(m.Phases) - 1}
					case k == 2 && len(m.Phases) > 0 && len(m.Phases[0].Touchpoints) > 0:
						e = &model.DeleteTouchpoint{Phase: 0, Index: 0}
					default:
						e = &model.InsertPhase{Index: 0, Phase: model.Phase{Name: "Outside"}}
					}
					_ = st.external(mapID, e)
				}
				hs.send(refreshTickMsg{})
			case n < 16:
				txt := texts[rng.IntN(len(texts))]
				what = "type"
				hs.typ(txt[:min(len(txt), 40)])
			default:
				k := keys[rng.IntN(len(keys))]
				what = k
				func() {
					defer func() {
						if p := recover(); p != nil {
							t.Fatalf("seed %d step %d: panic on %q: %v\nsteps: %s\n%s", seed, i, k, p, strings.Join(log, " "), hs.screen())
						}
					}()
					hs.key(k)
				}()
			}
			log = append(log, what)
			if hs.quit {
				break
			}
			v := hs.r.View().Content
			w, h := hs.r.width, hs.r.height
			lines := strings.Split(v, "\n")
			if len(lines) > h {
				t.Fatalf("seed %d step %d (%s): %d lines at %dx%d", seed, i, what, len(lines), w, h)
			}
			for j, l := range lines {
				if lw := ansi.StringWidth(l); lw > w {
					t.Fatalf("seed %d step %d (%s): line %d is %d wide at %dx%d: %q\nsteps: %s\n%s", seed, i, what, j, lw, w, h, ansi.Strip(l), strings.Join(log, " "), hs.screen())
				}
			}
		}
		// Every write has landed (the harness runs commands to the end), so
		// the map on screen is the map in the file.
		if hs.r.screen == screenBoard && hs.r.overlay == overNone && !hs.quit && hs.r.writeErr == "" {
			hs.send(refreshTickMsg{}) // picks up an outside change a form deferred
			mp := hs.r.mp
			stored, err := st.LoadMap(mp.ID)
			if err == nil && fingerprint(stored) != fingerprint(mp) {
				t.Fatalf("seed %d: the screen and the file disagree\nscreen: %s\nfile:   %s\nsteps: %s",
					seed, names(mp), names(stored), strings.Join(log, " "))
			}
		}
	}
}

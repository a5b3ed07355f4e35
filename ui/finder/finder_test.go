package finder

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/sahilm/fuzzy"

	"journeymap/internal/testmap"
	"journeymap/model"
	"journeymap/ui/theme"
)

func styles() *Styles { return DefaultStyles(theme.New(true)) }

// typeText sends s one key at a time, as a user types it.
func typeText(m Model, s string) Model {
	for _, r := range s {
		m, _ = m.Update(keyPress(r))
	}
	return m
}

func special(code rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: code} }

// run executes a command and returns its message (nil for a nil command).
func run(cmd tea.Cmd) tea.Msg {
	if cmd == nil {
		return nil
	}
	return cmd()
}

// sampleMap has a touchpoint named "Checkout" and, earlier in the journey,
// one whose metric is called "Checkout time", so journey order alone would
// rank the wrong one first.
func sampleMap() *model.Map {
	tp := func(name, channel string, metrics ...string) model.Touchpoint {
		t := model.NewTouchpoint(name)
		t.Channel = channel
		for _, mn := range metrics {
			t.Metrics = append(t.Metrics, model.Metric{Name: mn, Direction: model.Up})
		}
		return t
	}
	browse := tp("Browse the menu", "website", "Checkout time")
	browse.Emotion.Labels = model.ListOf("curious")
	browse.Motivations = model.ListOf("Find something tasty")
	browse.PainPoints = model.ListOf("Slow page")
	return &model.Map{
		MapInfo: model.MapInfo{Title: "Coffee shop"},
		Phases: []model.Phase{
			{Name: "Discovery", Touchpoints: []model.Touchpoint{browse, tp("Payment page", "website", "Payment success")}},
			{Name: "Purchase", Touchpoints: []model.Touchpoint{tp("Pay", "store"), tp("Checkout", "store", "Queue length")}},
		},
	}
}

func TestTouchpointItemsHoldEveryField(t *testing.T) {
	items := TouchpointItems(sampleMap())
	if len(items) != 4 {
		t.Fatalf("got %d items, want 4", len(items))
	}
	first := items[0]
	want := strings.Join([]string{"Browse the menu", "website", "curious", "Find something tasty", "Slow page", "Checkout time"}, Sep)
	if first.Text != want {
		t.Errorf("Text = %q, want %q", first.Text, want)
	}
	if first.Detail != "Discovery" || first.Ref != (model.Ref{Phase: 0, Index: 0}) {
		t.Errorf("Detail, Ref = %q, %v", first.Detail, first.Ref)
	}
	if items[3].Ref != (model.Ref{Phase: 1, Index: 1}) || items[3].Detail != "Purchase" {
		t.Errorf("last item: %q %v", items[3].Detail, items[3].Ref)
	}
}

func TestMapItemsCarryTheMap(t *testing.T) {
	a, b := sampleMap(), sampleMap()
	a.ID, b.ID = 7, 9
	b.Title = "Bakery"
	items := MapItems([]*model.Map{a, nil, b})
	if len(items) != 8 {
		t.Fatalf("got %d items, want 8", len(items))
	}
	last := items[7]
	if last.Detail != "Bakery"+Sep+"Purchase" {
		t.Errorf("Detail = %q", last.Detail)
	}
	if last.Ref != (MapRef{MapID: 9, Ref: model.Ref{Phase: 1, Index: 1}}) {
		t.Errorf("Ref = %#v", last.Ref)
	}
}

// resultTexts lists the ranked results' names (the text before Sep).
func resultNames(m Model) []string {
	var out []string
	for _, r := range m.results.rs {
		text := m.items[r.item].text()
		out = append(out, strings.SplitN(text, Sep, 2)[0])
	}
	return out
}

func TestRanking(t *testing.T) {
	tests := []struct {
		query string
		want  []string // leading results in order
	}{
		// an exact name match beats the same word as a metric name earlier in the journey
		{"checkout", []string{"Checkout", "Browse the menu"}},
		// a short exact name beats a longer one, and both beat a metric
		{"pay", []string{"Pay", "Payment page"}},
		{"queue", []string{"Checkout"}},
		{"zzz", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			m := typeText(New("Search", TouchpointItems(sampleMap()), styles()), tt.query)
			got := resultNames(m)
			if len(got) < len(tt.want) || !reflect.DeepEqual(got[:len(tt.want)], tt.want) {
				t.Fatalf("ranking for %q = %q, want it to start with %q", tt.query, got, tt.want)
			}
			if tt.want == nil {
				if len(got) != 0 {
					t.Fatalf("want no results, got %q", got)
				}
				if v := ansi.Strip(m.View(60, 10)); !strings.Contains(v, "No matches") {
					t.Errorf("no-match view lacks a message:\n%s", v)
				}
			}
		})
	}
}

func TestChooseAndClose(t *testing.T) {
	m := typeText(New("Search", TouchpointItems(sampleMap()), styles()), "checkout")
	if _, cmd := m.Update(special(tea.KeyEnter)); run(cmd) != (ChosenMsg{Ref: model.Ref{Phase: 1, Index: 1}}) {
		t.Errorf("enter emitted %#v", run(cmd))
	}
	// down then enter picks the second result
	m2, _ := m.Update(special(tea.KeyDown))
	if _, cmd := m2.Update(special(tea.KeyEnter)); run(cmd) != (ChosenMsg{Ref: model.Ref{Phase: 0, Index: 0}}) {
		t.Errorf("down, enter emitted %#v", run(cmd))
	}
	// ctrl+p goes back up
	m3, _ := m2.Update(tea.KeyPressMsg{Code: 'p', Mod: tea.ModCtrl})
	if it, _ := m3.Selected(); it.Ref != (model.Ref{Phase: 1, Index: 1}) {
		t.Errorf("ctrl+p selected %v", it.Ref)
	}
	if _, cmd := m.Update(special(tea.KeyEscape)); run(cmd) != (ClosedMsg{}) {
		t.Errorf("esc emitted %#v", run(cmd))
	}
	// enter with nothing matching emits nothing
	m4 := typeText(m, "qqq")
	if _, cmd := m4.Update(special(tea.KeyEnter)); cmd != nil {
		t.Errorf("enter without results emitted %#v", run(cmd))
	}
}

func TestViewShowsHighlightedResultsAndDetail(t *testing.T) {
	m := typeText(New("Search touchpoints", TouchpointItems(sampleMap()), styles()), "chk")
	raw := m.View(80, 10)
	v := ansi.Strip(raw)
	lines := strings.Split(v, "\n")
	if !strings.Contains(lines[0], "Search touchpoints") {
		t.Errorf("title missing from %q", lines[0])
	}
	if !strings.Contains(lines[1], "chk") {
		t.Errorf("query missing from %q", lines[1])
	}
	if !strings.Contains(lines[2], "▶ Checkout ") || !strings.Contains(lines[2], "Purchase") {
		t.Errorf("first result row = %q", lines[2])
	}
	// A match outside the name says which field and shows it.
	if !strings.Contains(lines[3], "Browse the menu  metric: Checkout time") || !strings.Contains(lines[3], "Discovery") {
		t.Errorf("second result row = %q", lines[3])
	}
	if !strings.Contains(lines[len(lines)-1], "2/4") {
		t.Errorf("count missing from %q", lines[len(lines)-1])
	}
}

func TestHighlightMarksMatchedRuns(t *testing.T) {
	base := lipgloss.NewStyle()
	hl := lipgloss.NewStyle().Underline(true)
	got := Highlight("Checkout", []int{0, 1, 5}, 20, base, hl)
	on := newPaint(hl)
	want := on.pre + "Ch" + on.post + "eck" + on.pre + "o" + on.post + "ut"
	if !strings.Contains(on.pre, "4") {
		t.Fatalf("underline paint = %q", on.pre)
	}
	if got != want {
		t.Errorf("Highlight = %q, want %q", got, want)
	}
	// cut to width with an ellipsis; matches past the cut are dropped
	got = Highlight("Checkout", []int{0, 7}, 5, base, hl)
	if ansi.Strip(got) != "Chec…" || ansi.StringWidth(got) != 5 {
		t.Errorf("cut Highlight = %q", got)
	}
	// a wide rune never straddles the edge
	if got := ansi.Strip(Highlight("日本語", nil, 4, base, hl)); got != "日…" {
		t.Errorf("CJK cut = %q", got)
	}
}

func nastyItems() []Item {
	long := strings.Repeat("Très long nom 🧑‍💻 ", 600)
	return []Item{
		{Text: long, Detail: long, Ref: 1},
		{Text: "日本語のタッチポイント · 店舗 · 不安", Detail: "購入フェーズ", Ref: 2},
		{Text: "emoji 👩‍👩‍👧‍👦 family · ☕️ coffee", Detail: "🎉", Ref: 3},
		{Text: "evil \x1b[31mred\x1b[0m \x07bell\nnewline", Detail: "\x1b]0;title\x07", Ref: 4},
		{Text: "", Detail: "", Ref: 5},
		{Text: "Kelvin \u212a and long \u017f", Ref: 6},
	}
}

// nastyMap is a generated map with touchpoints whose texts need cleaning,
// trimming or care when matched byte-wise added to its first phase.
func nastyMap() *model.Map {
	mp := testmap.Generate(6, 300)
	long := strings.Repeat("Très long nom 🧑‍💻 ", 600)
	tp := func(name string, f func(t *model.Touchpoint)) model.Touchpoint {
		t := model.NewTouchpoint(name)
		if f != nil {
			f(&t)
		}
		return t
	}
	mp.Phases[0].Touchpoints = append(mp.Phases[0].Touchpoints,
		tp(long, func(t *model.Touchpoint) { t.Description = long }),
		tp("日本語のタッチポイント", func(t *model.Touchpoint) { t.Channel = "店舗"; t.Emotion.Labels = model.ListOf("不安") }),
		tp("emoji 👩‍👩‍👧‍👦 family", func(t *model.Touchpoint) { t.Notes = "☕️ coffee" }),
		tp("evil \x1b[31mred\x1b[0m \x07bell\nnewline", func(t *model.Touchpoint) { t.PainPoints = model.ListOf("tab\tand\nline", "  ") }),
		tp("", func(t *model.Touchpoint) { t.Motivations = model.ListOf("", " padded ", "\n") }),
		tp("   ", func(t *model.Touchpoint) { t.Owner = " Sam · Kim " }),
		tp("Kelvin \u212a and long \u017f", func(t *model.Touchpoint) {
			t.Metrics = []model.Metric{{Name: " time to pay "}, {Name: ""}}
			t.Thoughts = model.ListOf("x · y")
		}),
	)
	return mp
}

func TestViewFitsEverySize(t *testing.T) {
	queries := []string{"", "e", "本", "ks", "zz"}
	sizes := [][2]int{{0, 0}, {1, 1}, {3, 2}, {7, 3}, {8, 4}, {20, 6}, {40, 12}, {80, 24}, {161, 45}}
	for _, q := range queries {
		m := New("Search 🔍 touchpoints", nastyItems(), styles())
		m.SetQuery(q)
		for _, sz := range sizes {
			w, h := sz[0], sz[1]
			v := m.View(w, h)
			if strings.Contains(ansi.Strip(v), "\x1b") || strings.ContainsAny(ansi.Strip(v), "\x07\r") {
				t.Fatalf("q=%q %dx%d: control characters leak: %q", q, w, h, v)
			}
			if w == 0 || h == 0 {
				if v != "" {
					t.Errorf("q=%q %dx%d: want empty view, got %q", q, w, h, v)
				}
				continue
			}
			lines := strings.Split(v, "\n")
			if len(lines) != h {
				t.Errorf("q=%q %dx%d: %d lines", q, w, h, len(lines))
			}
			for i, l := range lines {
				if lw := ansi.StringWidth(l); lw != w {
					t.Errorf("q=%q %dx%d: line %d is %d wide: %q", q, w, h, i, lw, ansi.Strip(l))
				}
			}
		}
	}
}

func TestScrollKeepsSelectionVisible(t *testing.T) {
	var items []Item
	for i := range 100 {
		items = append(items, Item{Text: fmt.Sprintf("Step %03d", i), Detail: "Phase", Ref: i})
	}
	m := New("Search", items, styles())
	_ = m.View(40, 10) // 7 result rows
	for range 50 {
		m, _ = m.Update(special(tea.KeyDown))
	}
	v := ansi.Strip(m.View(40, 10))
	if !strings.Contains(v, "▶ Step 050") {
		t.Fatalf("selection not visible after scrolling:\n%s", v)
	}
	// moving up one keeps the view still: the row above is still drawn below the top
	m, _ = m.Update(special(tea.KeyUp))
	v2 := ansi.Strip(m.View(40, 10))
	if !strings.Contains(v2, "▶ Step 049") || !strings.Contains(v2, "Step 050") {
		t.Fatalf("after up:\n%s", v2)
	}
	m, _ = m.Update(special(tea.KeyPgUp))
	if it, _ := m.Selected(); it.Ref != 42 {
		t.Errorf("pgup selected %v, want 42", it.Ref)
	}
}

// reference ranks one item the slow, obvious way: sahilm/fuzzy on the
// untrimmed name, then on each other field, then on the whole text.
func reference(q string, e *entry) (scored, bool) {
	pl := newPlan(q)
	text := e.text()
	fs := e.all()
	var scratch []byte
	adj := func(fm fuzzy.Match, base, where int) scored {
		fm.Score += len(fm.Str) - len(fm.MatchedIndexes)
		for k := range fm.MatchedIndexes {
			fm.MatchedIndexes[k] += base
		}
		hi := len(text)
		switch where {
		case inName:
			hi = e.nameEnd
		case inField:
			hi = e.fieldEnd(e.fieldAt(base))
		}
		return finish(fm, where, e, text[base:hi], base, pl.q)
	}
	one := func(s string) (fuzzy.Match, bool) {
		ms := fuzzy.Find(q, []string{s})
		if len(ms) == 0 {
			return fuzzy.Match{}, false
		}
		return ms[0], true
	}
	if newPlan(q).q != nil && e.bytewise {
		if fm, ok := one(text[:e.nameEnd]); ok {
			r := adj(fm, 0, inName)
			if _, k, ok := pl.exactField(e, new(parts), &scratch); ok {
				base := int(fs[k].start)
				if fm, ok := one(text[base:e.fieldEnd(k)]); ok {
					if f := adj(fm, base, inField); f.score > r.score {
						r = f
					}
				}
			}
			return r, true
		}
		var best scored
		found := false
		for k := 1; k < len(fs); k++ {
			base := int(fs[k].start)
			if fm, ok := one(text[base:e.fieldEnd(k)]); ok {
				if r := adj(fm, base, inField); !found || r.score > best.score {
					best, found = r, true
				}
			}
		}
		if found {
			return best, true
		}
	}
	if fm, ok := one(text); ok {
		return adj(fm, 0, inText), true
	}
	return scored{}, false
}

// TestIncrementalSearchIsExact checks the shortcuts (narrowing to the last
// results, byte-wise rejection, trimmed windows, the cache) against
// sahilm/fuzzy run on whole fields.
func TestIncrementalSearchIsExact(t *testing.T) {
	items := TouchpointItems(testmap.Generate(6, 300))
	items = append(items, nastyItems()...)
	checkIncremental(t, NewIndex(items))
}

// The same over the board's index, whose entries read the touchpoints,
// with touchpoints that need cleaning among them.
func TestIncrementalSearchIsExactOnMapIndex(t *testing.T) {
	checkIncremental(t, NewMapIndex(nastyMap(), nil, func(t *model.Touchpoint) any { return t.ID }).Index)
}

func checkIncremental(t *testing.T, x *Index) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("aeiostnrcmpTPS 1·ü日K")
	for trial := range 60 {
		m := NewFromIndex("Search", x, styles())
		var q []rune
		for step := range 8 {
			if len(q) > 0 && r.IntN(4) == 0 {
				q = q[:len(q)-1]
				m, _ = m.Update(special(tea.KeyBackspace))
			} else {
				c := alphabet[r.IntN(len(alphabet))]
				q = append(q, c)
				m, _ = m.Update(keyPress(c))
			}
			if m.Query() != string(q) {
				t.Fatalf("query = %q, want %q", m.Query(), string(q))
			}
			if len(q) == 0 {
				continue
			}
			got := map[int]scored{}
			for k, res := range m.results.rs {
				got[int(res.item)] = scored{int(res.score), m.results.matched(res)}
				if k > 0 && res.score > m.results.rs[k-1].score {
					t.Fatalf("q=%q: results out of order at %d", string(q), k)
				}
			}
			want := 0
			for i := range m.items {
				w, ok := reference(string(q), &m.items[i])
				g, found := got[i]
				if ok != found {
					t.Fatalf("trial %d step %d q=%q item %q: found %v, want %v", trial, step, string(q), m.items[i].text(), found, ok)
				}
				if !ok {
					continue
				}
				want++
				if g.score != w.score || !reflect.DeepEqual(g.matched, w.matched) {
					t.Fatalf("q=%q item %q: score %d matched %v, want %d %v", string(q), m.items[i].text(), g.score, g.matched, w.score, w.matched)
				}
			}
			if len(got) != want {
				t.Fatalf("q=%q: %d results, want %d", string(q), len(got), want)
			}
		}
	}
}

func TestMouse(t *testing.T) {
	m := New("Search", TouchpointItems(sampleMap()), styles())
	_ = m.View(60, 10) // border, query, then rows from y=2
	m, _ = m.Update(tea.MouseClickMsg{X: 4, Y: 4, Button: tea.MouseLeft})
	if it, _ := m.Selected(); it.Ref != (model.Ref{Phase: 1, Index: 0}) {
		t.Errorf("click on the third row selected %v", it.Ref)
	}
	m, _ = m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if it, _ := m.Selected(); it.Ref != (model.Ref{Phase: 1, Index: 1}) {
		t.Errorf("wheel down selected %v", it.Ref)
	}
}

// TestParallelMatchAgreesWithSerial covers the split across CPUs, which only
// happens for large searches.
func TestParallelMatchAgreesWithSerial(t *testing.T) {
	m := New("Search", TouchpointItems(testmap.Generate(40, 10000)), styles())
	for _, q := range []string{"t", "steps", "touchpoint 42"} {
		got := m.match(q, nil)
		want := m.matchRange(q, 0, len(m.items), func(i int) int { return i }, ranking{})
		if len(got.rs) != len(want.rs) {
			t.Fatalf("q=%q: %d results, serial %d", q, len(got.rs), len(want.rs))
		}
		byItem := map[int32]scored{}
		for _, r := range want.rs {
			byItem[r.item] = scored{int(r.score), want.matched(r)}
		}
		for _, r := range got.rs {
			s, ok := byItem[r.item]
			if !ok || s.score != int(r.score) || !slices.Equal(s.matched, got.matched(r)) {
				t.Fatalf("q=%q item %d: score %d marks %v, serial %v (found %v)", q, r.item, r.score, got.matched(r), s, ok)
			}
		}
	}
}

// A query longer than its line scrolls so the end being typed stays in
// sight (the input learns its width from View and scrolls in Update).
func TestLongQueryShowsWhatIsTyped(t *testing.T) {
	m := New("Search", TouchpointItems(sampleMap()), styles())
	m.View(80, 24)
	m = typeText(m, strings.Repeat("word ", 20)+"END")
	if v := ansi.Strip(m.View(80, 24)); !strings.Contains(v, "END") {
		t.Fatalf("the end of the query is not shown:\n%s", v)
	}
}

// A word typed whole that appears in a single pain point puts that
// touchpoint first, above names that merely hold its letters; the result
// says it matched a pain point and shows the text around the match.
func TestExactWordInAPainPointRanksFirst(t *testing.T) {
	tp := func(name string) model.Touchpoint { return model.NewTouchpoint(name) }
	a := tp("Register account at checkout") // r-e-f-u-s-e-d scattered? no: holds "re…fu…s…ed"
	b := tp("Receive confirmation e-mail")  // letters of "refund" scattered
	c := tp("Pay at the till")
	c.PainPoints = model.ListOf("Long queue", "The terminal asked twice, then the refund took a week to arrive")
	c.Notes = "busy at noon"
	d := tp("Return form for refunds and dues") // contains "refund" inside "refunds": substring, not a word
	mp := &model.Map{MapInfo: model.MapInfo{Title: "Shop"}, Phases: []model.Phase{
		{Name: "Buy", Touchpoints: []model.Touchpoint{a, b, d, c}},
	}}
	m := typeText(New("Search", TouchpointItems(mp), styles()), "refund")
	names := resultNames(m)
	if len(names) < 2 || names[0] != "Pay at the till" || names[1] != "Return form for refunds and dues" {
		t.Fatalf("ranking = %q, want the pain point's whole word first, then the substring", names)
	}
	v := ansi.Strip(m.View(100, 8))
	if !strings.Contains(v, "Pay at the till  pain point: ") || !strings.Contains(v, "refund took a week") {
		t.Errorf("the result does not say where it matched:\n%s", v)
	}
	// Every text field is searched: notes, too.
	m = typeText(New("Search", TouchpointItems(mp), styles()), "noon")
	if names := resultNames(m); len(names) == 0 || names[0] != "Pay at the till" {
		t.Errorf("notes not searched: %q", names)
	}
	if v := ansi.Strip(m.View(100, 8)); !strings.Contains(v, "notes: busy at noon") {
		t.Errorf("notes match not shown:\n%s", v)
	}
}

// TestMatcherAgreesWithFuzzy: the finder's own matcher scores and marks
// exactly as sahilm/fuzzy does.
func TestMatcherAgreesWithFuzzy(t *testing.T) {
	texts := []string{"", "a", "Checkout page", "checkOut", "Wait for drink · store", "über Größe", "x_y-z/w.v\\u", "KELVIN K k", "aaaa", "ab\x00cd", "日本語のテキスト", "Pay by card at the till"}
	for _, q := range []string{"a", "ck", "co p", "wfd", "größe", "xyz", "k", "aa", "日本", "pay till", "zz"} {
		got := findNoSort(q, slices.Values(texts))
		want := fuzzy.FindNoSort(q, texts)
		if len(got) != len(want) {
			t.Fatalf("%q: %d matches, fuzzy %d", q, len(got), len(want))
		}
		for i := range got {
			if got[i].Index != want[i].Index || got[i].Score != want[i].Score || !slices.Equal(got[i].MatchedIndexes, want[i].MatchedIndexes) {
				t.Errorf("%q in %q: %+v, fuzzy %+v", q, want[i].Str, got[i], want[i])
			}
		}
	}
}

// FuzzMatcher compares the finder's matcher with sahilm/fuzzy on any text.
func FuzzMatcher(f *testing.F) {
	f.Add("co p", "Checkout page")
	f.Add("größe", "über Größe")
	f.Add("k", "KELVIN K k")
	f.Fuzz(func(t *testing.T, q, s string) {
		got := findNoSort(q, slices.Values([]string{s}))
		want := fuzzy.FindNoSort(q, []string{s})
		if len(got) != len(want) {
			t.Fatalf("%q in %q: %d matches, fuzzy %d", q, s, len(got), len(want))
		}
		for i := range got {
			if got[i].Score != want[i].Score || !slices.Equal(got[i].MatchedIndexes, want[i].MatchedIndexes) {
				t.Fatalf("%q in %q: %+v, fuzzy %+v", q, s, got[i], want[i])
			}
		}
	})
}

// An entry that reads its touchpoint holds the same fields, labels and
// offsets as one built from the touchpoint's Item, and only a touchpoint
// whose texts need cleaning keeps copies.
func TestMapIndexEntriesMatchItems(t *testing.T) {
	mp := nastyMap()
	x := NewMapIndex(mp, nil, func(t *model.Touchpoint) any { return t.ID })
	want := NewIndex(TouchpointItems(mp))
	if len(x.items) != len(want.items) {
		t.Fatalf("%d entries, want %d", len(x.items), len(want.items))
	}
	read := 0
	for i := range x.items {
		g, w := &x.items[i], &want.items[i]
		if !reflect.DeepEqual(g.all(), w.all()) || g.nameEnd != w.nameEnd || g.size() != w.size() ||
			g.bytewise != w.bytewise || g.detail != w.detail || !g.labeled {
			t.Fatalf("entry %d: %+v %+v, want %+v %+v", i, g, g.all(), w, w.all())
		}
		if g.tp != nil {
			read++
			if g.fixed != nil {
				t.Errorf("entry %d keeps fields it reads from its touchpoint", i)
			}
		}
	}
	if clean := len(x.items) - 4; read != clean { // the joiners, the escapes, the line break
		t.Errorf("%d entries read their touchpoint, want %d", read, clean)
	}
}

// After an edit in place the index reuses the entries of what did not
// change, pointed at where those touchpoints are now, and reads the
// edited one afresh.
func TestMapIndexFollowsEditsInPlace(t *testing.T) {
	mp := testmap.Generate(3, 30)
	ref := func(t *model.Touchpoint) any { return t.ID }
	x := NewMapIndex(mp, nil, ref)
	ins := &model.InsertTouchpoint{Phase: mp.Phases[0].ID, Index: 0, Touchpoint: model.NewTouchpoint("Brand new")}
	ins.Touchpoint.ID = model.NewID()
	if err := ins.Apply(mp); err != nil {
		t.Fatal(err)
	}
	edited := mp.Phases[1].Touchpoints[2]
	edited.Name = "Renamed card"
	up := &model.UpdateTouchpoint{ID: edited.ID, Rev: edited.Rev, Touchpoint: edited}
	if err := up.Apply(mp); err != nil {
		t.Fatal(err)
	}
	y := NewMapIndex(mp, x, ref)
	i := 0
	for pi := range mp.Phases {
		for ti := range mp.Phases[pi].Touchpoints {
			tp := &mp.Phases[pi].Touchpoints[ti]
			if e := &y.items[i]; e.tp != tp || e.all()[0].text != tp.Name || e.ref != tp.ID {
				t.Fatalf("entry %d reads %p (%q), want %p (%q)", i, e.tp, e.all()[0].text, tp, tp.Name)
			}
			i++
		}
	}
	m := typeText(NewFromIndex("Search", y.Index, styles()), "renamed card")
	if got := resultNames(m); len(got) == 0 || got[0] != "Renamed card" {
		t.Errorf("search after the edit found %q", got)
	}
}

// FuzzMapEntry holds an entry that reads its touchpoint to the one built
// from the touchpoint's fields, whatever its texts.
func FuzzMapEntry(f *testing.F) {
	f.Add("Checkout", " card ", "", "Twice\n", "Kelvin \u212a")
	f.Add("", "\x1b[31m", " · ", "  ", "x")
	f.Fuzz(func(t *testing.T, name, channel, motivation, metric, notes string) {
		tp := model.NewTouchpoint(name)
		tp.Channel, tp.Notes = channel, notes
		tp.Motivations = model.ListOf(motivation, channel)
		tp.Metrics = []model.Metric{{Name: metric}}
		got := touchpointEntry(&tp, "", new(parts))
		want := fieldEntry(Item{Fields: touchpointFields(&tp)})
		want.finish(nil)
		if !reflect.DeepEqual(got.all(), want.all()) || got.nameEnd != want.nameEnd || got.size() != want.size() || got.bytewise != want.bytewise {
			t.Fatalf("%+v, want %+v", got.all(), want.all())
		}
	})
}

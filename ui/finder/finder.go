// Package finder is the fuzzy finder overlay: a query line over a ranked list
// of items (touchpoints of a map, or of every map in a file), with the matched
// characters highlighted and the phase shown beside each result.
//
// Typing edits the query and re-ranks at once; up/down (also ctrl+p/ctrl+n),
// pgup/pgdown move the selection; enter emits ChosenMsg with the item's Ref;
// esc emits ClosedMsg. With an empty query every item is listed in journey
// order.
//
// Ranking uses github.com/sahilm/fuzzy. An item whose name (the text before
// the first Sep) holds the query is ranked by its name, with a bonus; other
// items by their best single field (channel, a label, a motivation, a pain
// point, a metric name), and last by a match spread over several fields.
// Texts are not penalised for their length; equal scores keep journey order.
//
// Speed: a keystroke that only adds characters searches the previous results
// instead of every item; a byte-wise subsequence test with ASCII case folded
// on the fly (fold.go) rejects non-matches before the matcher; the matcher sees only the window of
// a field that can change its result; results of recent queries are cached
// (backspace); large searches use every CPU; View draws only visible rows.
// TestIncrementalSearchIsExact checks all of it against plain sahilm/fuzzy.
package finder

import (
	"cmp"
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/sahilm/fuzzy"

	"journeymap/model"
	"journeymap/ui/theme"
)

// Item is one thing the finder can find. Text is matched and shown as the
// result line; Detail is shown beside it (the phase, or "map · phase"); Ref
// comes back in ChosenMsg.
type Item struct {
	Text   string
	Detail string
	Ref    any
	// Fields, when set, are what Text is made of, each with the name the
	// result shows beside a match in it ("pain point"); the first is the
	// name. Text is then built from them, so a field holding Sep stays one
	// field.
	Fields []Field
}

// Field is one searchable text of an item and what it is called.
type Field struct {
	Label string
	Text  string
}

// ChosenMsg reports the item picked with enter.
type ChosenMsg struct{ Ref any }

// ClosedMsg reports that the finder was dismissed with esc.
type ClosedMsg struct{}

// Styles holds the looks of the finder.
type Styles struct {
	Border    lipgloss.Style // frame lines
	Title     lipgloss.Style // the title in the top border
	Count     lipgloss.Style // "12/340" in the bottom border
	Prompt    lipgloss.Style // the query prompt
	Query     lipgloss.Style // the query text
	Text      lipgloss.Style // a result's text
	Detail    lipgloss.Style // the phase beside a result
	Selected  lipgloss.Style // added to every part of the selected row
	Marker    lipgloss.Style // the ▶ before the selected row
	Highlight lipgloss.Style // matched characters
	Empty     lipgloss.Style // "no matches"
}

// DefaultStyles builds the finder's styles from a palette. Selection and
// matches are marked by more than colour (▶, reverse, underline, bold) so
// they still show under NO_COLOR.
func DefaultStyles(p theme.Palette) *Styles {
	s := lipgloss.NewStyle()
	return &Styles{
		Border:    s.Foreground(p.Accent),
		Title:     s.Foreground(p.Accent).Bold(true),
		Count:     s.Foreground(p.Muted),
		Prompt:    s.Foreground(p.Accent).Bold(true),
		Query:     s.Foreground(p.Fg),
		Text:      s.Foreground(p.Fg),
		Detail:    s.Foreground(p.Muted),
		Selected:  s.Reverse(true).Bold(true),
		Marker:    s.Foreground(p.Accent).Bold(true),
		Highlight: s.Foreground(p.Highlight).Bold(true).Underline(true),
		Empty:     s.Foreground(p.Muted).Italic(true),
	}
}

// KeyMap holds the finder's keys.
type KeyMap struct {
	Up     key.Binding
	Down   key.Binding
	PageUp key.Binding
	PageDn key.Binding
	Choose key.Binding
	Close  key.Binding
}

// DefaultKeyMap returns the finder's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:     key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑/ctrl+p", "previous")),
		Down:   key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓/ctrl+n", "next")),
		PageUp: key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDn: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "jump")),
		Close:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Choose, k.Close}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDn}, {k.Choose, k.Close}}
}

// entry is an Item prepared for matching: its fields cleaned so what is
// drawn is what was matched. Offsets into an entry are into its text, the
// fields joined with Sep, which is never built except where a match has to
// span fields (parts.span).
//
// An entry of a MapIndex reads its fields from the touchpoint when asked
// (tp): a slice of its fields per entry was two thirds of the index of a
// 10,000-touchpoint map. Other entries keep their fields (fixed); those
// share the items' memory, so either costs little more than the entry.
type entry struct {
	// tp is the touchpoint whose fields these are (touchpointParts), all
	// of them clean, so its fields are its trimmed texts: nothing to keep.
	tp      *model.Touchpoint
	fixed   parts // the fields, when tp is nil
	detail  string
	ref     any
	nameEnd int
	end     int32 // the length of the text
	// labeled says the item named its fields (Item.Fields), so a result
	// can say which one it matched.
	labeled bool
	// bytewise says the cheap checks before the matcher may compare bytes
	// with ASCII case folded (fold.go): false when text holds a rune that
	// case-folds to an ASCII letter (Kelvin sign, long s), where byte tests
	// would disagree with the matcher.
	bytewise bool
}

// part is one field of an entry: its text, where that starts in the
// entry's text, and what the field is called.
type part struct {
	text  string
	start int32
	label label
}

// parts are an entry's fields in order, the name first.
type parts []part

// fields returns e's fields: a touchpoint's are listed in *buf, valid
// until it is reused, so a search lists each entry's without allocating.
func (e *entry) fields(buf *parts) parts {
	if e.tp == nil {
		return e.fixed
	}
	*buf = appendTouchpointParts((*buf)[:0], e.tp)
	return *buf
}

// name returns the entry's first field.
func (e *entry) name() string {
	if e.tp == nil {
		return e.fixed[0].text
	}
	return touchpointName(e.tp)
}

// all returns e's fields in memory of their own.
func (e *entry) all() parts {
	var buf parts
	return e.fields(&buf)
}

// size is the length of the entry's text.
func (e *entry) size() int { return int(e.end) }

// text builds the entry's whole text.
func (e *entry) text() string { return e.all().text() }

// The entry's text read without building it, for tests and the few
// places outside a search's loop; a search lists the fields once per entry
// and reads them through parts.
func (e *entry) span(lo, hi int, scratch *[]byte) string { return e.all().span(lo, hi, scratch) }
func (e *entry) byteAt(i int) byte                       { return e.all().byteAt(i) }
func (e *entry) fieldAt(i int) int                       { return e.all().at(i) }
func (e *entry) fieldEnd(k int) int                      { return e.all().end(k) }

// end returns where field k ends.
func (ps parts) end(k int) int { return int(ps[k].start) + len(ps[k].text) }

// size is the length of the text the fields make.
func (ps parts) size() int { return ps.end(len(ps) - 1) }

// at returns the field that byte i of the text belongs to.
func (ps parts) at(i int) int {
	k := 0
	for k+1 < len(ps) && int(ps[k+1].start) <= i {
		k++
	}
	return k
}

// span returns text[lo:hi]: a slice of one field when it lies in one, and
// otherwise of the text built in *scratch, valid until scratch is reused.
func (ps parts) span(lo, hi int, scratch *[]byte) string {
	k := ps.at(lo)
	if base := int(ps[k].start); hi <= base+len(ps[k].text) {
		return ps[k].text[lo-base : hi-base]
	}
	b := (*scratch)[:0]
	for k, p := range ps {
		if k > 0 {
			b = append(b, Sep...)
		}
		b = append(b, p.text...)
	}
	*scratch = b
	return unsafe.String(unsafe.SliceData(b), len(b))[lo:hi]
}

// text builds the whole text.
func (ps parts) text() string {
	var b strings.Builder
	b.Grow(ps.size())
	for k, p := range ps {
		if k > 0 {
			b.WriteString(Sep)
		}
		b.WriteString(p.text)
	}
	return b.String()
}

// byteAt returns byte i of the text.
func (ps parts) byteAt(i int) byte {
	k := ps.at(i)
	if j := i - int(ps[k].start); j < len(ps[k].text) {
		return ps[k].text[j]
	}
	return Sep[i-ps.end(k)]
}

// scored is a match on its way to being kept: its score and the byte
// offsets of its matched characters in the entry's text (possibly the
// matcher's scratch).
type scored struct {
	score   int
	matched []int
}

// result is one kept match, in 16 bytes: on a 10,000-touchpoint map each of
// the first keystrokes ranks most touchpoints, and the cache keeps several
// such lists (ARCHITECTURE.md, "Memory on large maps"). Its matched
// characters are marks[at:at+n] of the ranking that holds it.
type result struct {
	item, score int32
	at, n       int32
}

// ranking is the results of one query, best first, and the offsets of
// their matched characters, in one array.
type ranking struct {
	rs    []result
	marks []int32
}

// matched returns the byte offsets of r's matched characters.
func (rk ranking) matched(r result) []int {
	out := make([]int, r.n)
	for k, i := range rk.marks[r.at : r.at+r.n] {
		out[k] = int(i)
	}
	return out
}

// scroll is the first visible row and the number of rows last drawn. It
// lives behind a pointer because View (a value method) is where the visible
// height is known.
type scroll struct {
	offset, rows, top int
	// inputW is the query input's width at the last View; the input
	// scrolls to its cursor only in Update, so it needs it there.
	inputW int
}

// Model is the finder. Build it with New.
type Model struct {
	title   string
	items   []entry
	input   textinput.Model
	st      *Styles
	keys    KeyMap
	query   string  // the query results were computed for
	results ranking // every item, unmarked, when the query is empty
	cursor  int
	paints  [2]paints // m.st as paints for rows: plain, selected
	sc      *scroll
	cache   *queryCache
	bufs    *buffers // scratch reused from keystroke to keystroke
}

// buffers is the scratch a search reuses instead of allocating per
// keystroke: the candidate list. Only Update searches, one keystroke at a
// time, so copies of a Model may share it.
type buffers struct {
	cand []int
}

// Index is items prepared for searching. Building it walks every text once
// (cleaning, lowering, finding the fields); the root keeps one per loaded
// map, so opening the search again costs what is on screen. It is never
// modified once built, so finders may share it.
type Index struct{ items []entry }

// NewIndex prepares items for searching.
func NewIndex(items []Item) *Index {
	x := &Index{items: make([]entry, len(items))}
	for i, it := range items {
		var e entry
		if len(it.Fields) > 0 {
			e = fieldEntry(it)
		} else {
			at := 0
			for k, p := range strings.Split(theme.Clean(it.Text), Sep) {
				if k > 0 {
					at += len(Sep)
				}
				e.fixed = append(e.fixed, part{text: p, start: int32(at)})
				at += len(p)
			}
		}
		e.detail, e.ref = theme.Clean(it.Detail), it.Ref
		e.finish(nil) // never a touchpoint's
		x.items[i] = e
	}
	return x
}

// Len returns how many items the index holds.
func (x *Index) Len() int { return len(x.items) }

// fieldEntry prepares an item's fields, cleaned and without blank ones
// (the name always stays first), recording where each starts and its label.
func fieldEntry(it Item) entry {
	pl := partList{ps: make(parts, 0, len(it.Fields))}
	for k, f := range it.Fields {
		s := strings.TrimSpace(theme.Clean(f.Text))
		if k == 0 && s == "" {
			s = unnamed
		}
		pl.add(internLabel(f.Label), s)
	}
	return entry{fixed: pl.ps, labeled: true}
}

// unnamed stands for a blank name.
const unnamed = "(unnamed)"

// partList builds an entry's fields.
type partList struct {
	ps parts
	at int // where the next field starts
}

// trim appends a field, trimmed, unless it is blank.
func (pl *partList) trim(l label, s string) { pl.add(l, strings.TrimSpace(s)) }

// add appends a field unless it is blank.
func (pl *partList) add(l label, s string) {
	if s == "" {
		return
	}
	if len(pl.ps) > 0 {
		pl.at += len(Sep)
	}
	pl.ps = append(pl.ps, part{text: s, start: int32(pl.at), label: l})
	pl.at += len(s)
}

// finish sets what is worked out from the fields, listing a touchpoint's
// in *buf.
func (e *entry) finish(buf *parts) {
	ps := e.fields(buf)
	e.nameEnd = ps.end(0)
	e.end = int32(ps.size())
	e.bytewise = true
	for _, p := range ps {
		e.bytewise = e.bytewise && byteFoldable(p.text)
	}
}

// New returns a finder over items, focused and with an empty query.
func New(title string, items []Item, st *Styles) Model {
	return NewFromIndex(title, NewIndex(items), st)
}

// NewFromIndex returns a finder over an index built before.
func NewFromIndex(title string, x *Index, st *Styles) Model {
	m := Model{
		title: theme.Clean(title),
		items: x.items,
		keys:  DefaultKeyMap(),
		sc:    &scroll{},
		cache: &queryCache{byQuery: map[string]ranking{}},
		bufs:  &buffers{},
	}
	m.input = textinput.New()
	m.input.Prompt = "> "
	m.input.Placeholder = "type to search"
	m.input.CharLimit = 200
	m.input.Focus()
	m.SetStyles(st)
	m.search()
	return m
}

// SetStyles replaces the styles (after a light/dark change).
func (m *Model) SetStyles(st *Styles) {
	m.st = st
	m.paints = makePaints(st)
	is := m.input.Styles()
	is.Focused.Prompt = st.Prompt
	is.Focused.Text = st.Query
	is.Focused.Placeholder = st.Detail
	is.Blurred = is.Focused
	is.Cursor.Blink = false
	m.input.SetStyles(is)
}

// Keys returns the finder's key map, for help.
func (m Model) Keys() KeyMap { return m.keys }

// Query returns the current query.
func (m Model) Query() string { return m.input.Value() }

// SetQuery replaces the query and re-ranks.
func (m *Model) SetQuery(q string) {
	m.input.SetValue(q)
	m.search()
}

// Len returns how many items match the query.
func (m Model) Len() int { return len(m.results.rs) }

// Selected returns the item under the cursor, or false when nothing matches.
func (m Model) Selected() (Item, bool) {
	if m.cursor < 0 || m.cursor >= len(m.results.rs) {
		return Item{}, false
	}
	e := m.items[m.results.rs[m.cursor].item]
	return Item{Text: e.text(), Detail: e.detail, Ref: e.ref}, true
}

// SetIndex searches x from now on, for the same query, the selection
// kept on the same item when it is still found: the finder was built from
// an index of a map that has since been edited in place.
func (m *Model) SetIndex(x *Index) {
	var sel any
	if m.cursor >= 0 && m.cursor < len(m.results.rs) {
		sel = m.items[m.results.rs[m.cursor].item].ref
	}
	m.items = x.items
	m.cache = &queryCache{byQuery: map[string]ranking{}}
	m.query, m.results = "", ranking{} // nothing to narrow from
	m.search()
	if sel == nil || !reflect.TypeOf(sel).Comparable() {
		return
	}
	for i, r := range m.results.rs {
		if m.items[r.item].ref == sel {
			m.cursor = i
			return
		}
	}
}

// Update handles keys, pasted text and the mouse: the wheel moves the
// selection, a click selects a row (X/Y relative to the finder's top-left;
// the root subtracts where it drew it).
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			m.move(-1)
		case tea.MouseWheelDown:
			m.move(1)
		}
		return m, nil
	case tea.MouseClickMsg:
		if row := msg.Y - m.sc.top; msg.Button == tea.MouseLeft && row >= 0 && row < m.sc.rows {
			if i := m.sc.offset + row; i < len(m.results.rs) {
				m.cursor = i
			}
		}
		return m, nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, m.keys.Close):
			return m, func() tea.Msg { return ClosedMsg{} }
		case key.Matches(k, m.keys.Choose):
			if it, ok := m.Selected(); ok {
				ref := it.Ref
				return m, func() tea.Msg { return ChosenMsg{Ref: ref} }
			}
			return m, nil
		case key.Matches(k, m.keys.Up):
			m.move(-1)
			return m, nil
		case key.Matches(k, m.keys.Down):
			m.move(1)
			return m, nil
		case key.Matches(k, m.keys.PageUp):
			m.move(-max(1, m.sc.rows))
			return m, nil
		case key.Matches(k, m.keys.PageDn):
			m.move(max(1, m.sc.rows))
			return m, nil
		}
	}
	var cmd tea.Cmd
	if m.sc != nil && m.sc.inputW > 0 {
		m.input.SetWidth(m.sc.inputW)
	}
	m.input, cmd = m.input.Update(msg)
	if m.input.Value() != m.query {
		m.search()
	}
	return m, cmd
}

func (m *Model) move(d int) {
	if len(m.results.rs) == 0 {
		return
	}
	m.cursor = min(max(m.cursor+d, 0), len(m.results.rs)-1)
}

// all lists every item in its own order, for the empty query.
func (m *Model) all() ranking {
	rs := make([]result, len(m.items))
	for i := range rs {
		rs[i].item = int32(i)
	}
	return ranking{rs: rs}
}

// search re-ranks for the input's value. A text that contains the new query
// as a subsequence also contains any subsequence of it, so when the old query
// is a subsequence of the new one only the old results need checking.
func (m *Model) search() {
	q := m.input.Value()
	defer func() { m.query = q; m.cursor = 0; m.sc.offset = 0 }()
	if rs, ok := m.cache.byQuery[q]; ok {
		// Backspace returns to a query already ranked.
		m.results = rs
		return
	}
	defer func() { m.cache.put(q, m.results) }()
	if q == "" {
		m.results = m.all()
		return
	}
	var cand []int
	if m.query != "" && isSubsequence(m.query, q) {
		if m.bufs == nil {
			m.bufs = &buffers{}
		}
		cand = slices.Grow(m.bufs.cand[:0], len(m.results.rs))[:len(m.results.rs)]
		for i, r := range m.results.rs {
			cand[i] = int(r.item)
		}
		m.bufs.cand = cand
	}
	m.results = m.match(q, cand)
}

// match ranks the items listed in cand (all items when cand is nil) against
// q. Large searches are split across CPUs: the matcher is pure per string.
// The shares fill windows of one results array and one marks array (an
// item gives at most one result, with at most one mark per rune of q), and
// are then moved together, so a keystroke allocates each once.
func (m *Model) match(q string, cand []int) ranking {
	n := len(cand)
	if cand == nil {
		n = len(m.items)
	}
	at := func(i int) int {
		if cand == nil {
			return i
		}
		return cand[i]
	}
	nq := utf8.RuneCountInString(q)
	rs, marks := make([]result, n), make([]int32, n*nq)
	workers := min(runtime.GOMAXPROCS(0), max(1, n/2000))
	parts := make([]ranking, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*n/workers, (w+1)*n/workers
		run := func() {
			parts[w] = m.matchRange(q, lo, hi, at, ranking{rs: rs[lo:lo:hi], marks: marks[lo*nq : lo*nq : hi*nq]})
		}
		if w == workers-1 {
			run() // the last share runs here instead of idling in Wait
			continue
		}
		wg.Add(1)
		go func() { defer wg.Done(); run() }()
	}
	wg.Wait()
	var out ranking
	if workers == 1 {
		out = parts[0]
	} else {
		out = join(rs, marks, parts)
	}
	if len(out.rs) < cap(out.rs)/2 {
		// A narrow query keeps only what it found in the cache.
		out.rs = slices.Clone(out.rs)
		out.marks = slices.Clone(out.marks)
	}
	// Equal scores keep journey order, however the query was typed.
	slices.SortFunc(out.rs, func(a, b result) int {
		if a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		return cmp.Compare(a.item, b.item)
	})
	return out
}

// join moves the shares' results and marks, each in its window of rs and
// marks, together at the start of both, in order.
func join(rs []result, marks []int32, parts []ranking) ranking {
	k, km := 0, 0
	for _, p := range parts {
		for i := range p.rs {
			p.rs[i].at += int32(km) // marks were counted from the share's window
		}
		km += copy(marks[km:], p.marks)
		k += copy(rs[k:], p.rs)
	}
	return ranking{rs: rs[:k], marks: marks[:km]}
}

// Where a match was found, which decides its tier in the ranking.
const (
	inName  = iota // every matched character lies in the name
	inField        // in one other field (channel, a label, a motivation…)
	inText         // spread over several fields, or the text had to be matched whole
)

// piece is what one string handed to the matcher stands for: part of an
// item's text from byte from on, in whole, the text of the field (or the
// name, or the whole text) that starts at base.
type piece struct {
	item, from, base int
	whole            string
	where            int
}

// matchRange matches the candidates lo..hi-1. An item whose name holds the
// query is ranked by its name alone; otherwise each field holding the query
// is matched on its own and the best counts; failing that the whole text is
// matched, so a query spanning fields ("checkout store") still finds it.
// Besides ranking sensibly this hands the matcher far fewer bytes than whole
// texts: the name is usually all it sees.
//
// It appends to into's results and marks, which have room for one result
// per candidate and one mark per rune of q for each (see match); a
// result's at counts from the start of into.marks.
func (m *Model) matchRange(q string, lo, hi int, at func(int) int, into ranking) ranking {
	pl := newPlan(q)
	mt := newMatcher(q)
	out, arena := into.rs, into.marks
	var scratch []byte // text of an entry whose match spans fields
	var buf parts      // the fields of the entry at hand, listed when needed
	// try hands one piece of an item's text to the matcher and keeps the
	// item's best match. The matcher's indexes are its scratch: what is
	// kept is copied into the one slice this search's results share.
	try := func(pc piece, s string) {
		score, got, ok := mt.match(s)
		if !ok {
			return
		}
		fm := fuzzy.Match{Str: s, MatchedIndexes: got, Score: score}
		fm.Score += leadFix(fm, pc.from-pc.base)
		fm.Score += len(fm.Str) - len(fm.MatchedIndexes) // the matcher's length penalty; rank adds its own
		for k := range fm.MatchedIndexes {
			fm.MatchedIndexes[k] += pc.from
		}
		sc := finish(fm, pc.where, &m.items[pc.item], pc.whole, pc.base, pl.q)
		keep := func() result {
			r := result{item: int32(pc.item), score: int32(sc.score), at: int32(len(arena)), n: int32(len(sc.matched))}
			for _, i := range sc.matched {
				arena = append(arena, int32(i))
			}
			return r
		}
		// Pieces of one item arrive together: keep the best, in the place
		// of the one before, so an item never takes more than its room.
		if n := len(out); n > 0 && out[n-1].item == int32(pc.item) {
			if int32(sc.score) > out[n-1].score {
				arena = arena[:out[n-1].at]
				out[n-1] = keep()
			}
			return
		}
		out = append(out, keep())
	}
	// field tries field k when it may hold the query, and says whether it did.
	field := func(item int, fs parts, k int) bool {
		f := fs[k]
		base := int(f.start)
		from, to, ok := pl.window(f.text, base)
		if ok {
			try(piece{item: item, from: from, base: base, whole: f.text, where: inField}, f.text[from-base:to-base])
		}
		return ok
	}
	for i := lo; i < hi; i++ {
		idx := at(i)
		e := &m.items[idx]
		if pl.q == nil || !e.bytewise {
			text := e.fields(&buf).span(0, e.size(), &scratch)
			try(piece{item: idx, whole: text, where: inText}, text)
			continue
		}
		name := e.name()
		if from, to, ok := pl.window(name, 0); ok {
			try(piece{item: idx, from: from, whole: name, where: inName}, name[from:to])
			// Letters scattered through the name must not hide the query
			// typed whole in another field: that one is matched too, and
			// the better of the two counts.
			if fs, k, ok := pl.exactField(e, &buf, &scratch); ok {
				field(idx, fs, k)
			}
			continue
		}
		// Only now are the other fields listed: most searches end above.
		fs := e.fields(&buf)
		found := false
		for k := 1; k < len(fs); k++ {
			found = field(idx, fs, k) || found
		}
		if !found && pl.spread(fs) {
			text := fs.span(0, e.size(), &scratch)
			if from, to, ok := pl.window(text, 0); ok {
				try(piece{item: idx, from: from, whole: text, where: inText}, text[from:to])
			}
		}
	}
	return ranking{rs: out, marks: arena}
}

// plan is a query prepared for the cheap checks made before the matcher.
// They only apply to an ASCII query and an entry whose lower copy exists
// (see entry.bytewise); otherwise the matcher sees the whole text.
type plan struct {
	q           []byte // lowercased ASCII query, nil when the query is not ASCII
	first, last byte
}

func newPlan(q string) plan {
	for i := 0; i < len(q); i++ {
		if q[i] >= 0x80 {
			return plan{}
		}
	}
	lq := []byte(strings.ToLower(q))
	return plan{q: lq, first: lq[0], last: lq[len(lq)-1]}
}

// exactField returns the first field after the name holding the query as
// typed, when the name does not, and the entry's fields, listed in *buf
// only then.
func (pl plan) exactField(e *entry, buf *parts, scratch *[]byte) (parts, int, bool) {
	if foldIndex(e.name(), pl.q) >= 0 {
		return nil, 0, false
	}
	fs := e.fields(buf)
	if pl.q[0] == ' ' || pl.q[len(pl.q)-1] == ' ' {
		// The query may take in a separator's space: look in the text.
		text := fs.span(0, e.size(), scratch)
		j := foldIndex(text[e.nameEnd:], pl.q)
		if j < 0 {
			return nil, 0, false
		}
		return fs, fs.at(e.nameEnd + j), true
	}
	// Otherwise the first occurrence lies inside one field.
	for k := 1; k < len(fs); k++ {
		if foldIndex(fs[k].text, pl.q) >= 0 {
			return fs, k, true
		}
	}
	return nil, 0, false
}

// spread reports whether the query is a subsequence of the whole text,
// for an entry no single field of which holds it: the text is never built
// for the many that fail.
func (pl plan) spread(fs parts) bool {
	j := 0
	for k, p := range fs {
		if k > 0 {
			for i := 0; i < len(Sep) && j < len(pl.q); i++ {
				if Sep[i] == pl.q[j] {
					j++
				}
			}
		}
		for i := 0; i < len(p.text) && j < len(pl.q); i++ {
			if lowerByte[p.text[i]] == pl.q[j] {
				j++
			}
		}
	}
	return j == len(pl.q)
}

// window returns the part of s, which is text[lo:lo+len(s)], the matcher
// needs to see, as offsets into text, or false when it cannot match. The
// matcher (sahilm/fuzzy) matches exactly when the query is a case-folded
// subsequence, so a byte-wise subsequence test with ASCII case folded
// rejects the rest cheaply. Nothing after the last occurrence of the
// query's last character can change the match, and nothing before the first
// occurrence of its first character except the rune just before it (which
// decides the separator and camel-case bonuses) and the leading penalty,
// which leadFix restores.
func (pl plan) window(s string, lo int) (from, to int, ok bool) {
	j := 0
	for i := 0; i < len(s) && j < len(pl.q); i++ {
		if lowerByte[s[i]] == pl.q[j] {
			j++
		}
	}
	if j < len(pl.q) {
		return 0, 0, false
	}
	f := foldIndexByte(s, pl.first)
	to = lo + foldLastIndexByte(s, pl.last) + 1
	if f <= 1 {
		return lo, to, true
	}
	_, size := utf8.DecodeLastRuneInString(s[:f])
	return lo + f - size, to, true
}

// leadFix is the difference between the leading-character penalty the
// matcher gave a text cut off bytes from its head and the one it would have
// given the whole text.
func leadFix(fm fuzzy.Match, off int) int {
	if off == 0 || len(fm.MatchedIndexes) == 0 {
		return 0
	}
	lead := func(i int) int { return max(i*unmatchedLeadPenalty, maxUnmatchedLeadPenalty) }
	mi := fm.MatchedIndexes[0]
	return lead(mi+off) - lead(mi)
}

// The matcher's leading penalty (mirrored from sahilm/fuzzy for leadFix).
const (
	unmatchedLeadPenalty    = -5
	maxUnmatchedLeadPenalty = -15
)

// queryCache holds the results of recent queries (results are never
// modified), for backspace. It is simply emptied when full: past maxCached
// queries, or maxCachedResults results in all, since on a large map each of
// the first keystrokes' results lists most touchpoints.
type queryCache struct {
	byQuery map[string]ranking
	results int
}

const (
	maxCached        = 16
	maxCachedResults = 25_000
)

func (c *queryCache) put(q string, rk ranking) {
	if len(c.byQuery) >= maxCached || c.results+len(rk.rs) > maxCachedResults {
		clear(c.byQuery)
		c.results = 0
	}
	if len(rk.rs) <= maxCachedResults {
		c.byQuery[q] = rk
		c.results += len(rk.rs)
	}
}

// Ranking adjustments on top of the fuzzy score.
const (
	nameBonus    = 40 // the match lies in the name
	maxNameSlack = 30 // cap on the penalty for name characters left unmatched
	spreadMalus  = 20 // the match needed several fields
)

// Ranking of exact matches: the query as typed, found whole in the field
// (or name) the match lies in, ranks above letters scattered through it,
// and more so as a whole word.
const (
	substringBonus = 100
	wordBonus      = 80
)

// finish turns a match inside s, the text of the field (or the name, or
// the whole text) that starts at byte lo, into a result: ranked, and when
// the query appears there as typed (ASCII, ignoring case), marked and
// rewarded as that contiguous run rather than scattered letters.
func finish(fm fuzzy.Match, where int, e *entry, s string, lo int, q []byte) scored {
	r := scored{score: rank(fm, where, e), matched: fm.MatchedIndexes}
	if len(q) == 0 || !e.bytewise || s == "" {
		return r
	}
	i := foldIndex(s, q)
	if i < 0 {
		return r
	}
	r.score += substringBonus
	if wordEdge(s, i-1) && wordEdge(s, i+len(q)) {
		r.score += wordBonus
	}
	i += lo
	m := r.matched[:0:0]
	if cap(r.matched) >= len(q) {
		m = r.matched[:len(q)] // the matcher's own slice: no allocation
	} else {
		m = make([]int, len(q))
	}
	for k := range m {
		m[k] = i + k
	}
	r.matched = m
	return r
}

// wordEdge reports whether byte i of s, a field, the name or the whole
// text, is not part of a word. Outside s is an edge: the text's end, or
// the space of a Sep.
func wordEdge(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return true
	}
	c := lowerByte[s[i]]
	return !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80)
}

// rank turns a fuzzy score, without the matcher's length penalty (which
// would punish a touchpoint for having many motivations), into the finder's
// order. A match in the name gets a bonus less a penalty for the name's
// unmatched characters, so "Pay" beats "Payment page" and both beat a metric
// called "Payment success"; one spread over several fields loses a little.
// The bonuses are small next to the matcher's own reward for consecutive
// characters, so a whole word in a pain point still beats letters scattered
// through a name.
func rank(fm fuzzy.Match, where int, e *entry) int {
	s := fm.Score
	if where == inText && len(fm.MatchedIndexes) > 0 && fm.MatchedIndexes[len(fm.MatchedIndexes)-1] < e.nameEnd {
		where = inName // a non-ASCII query matched the whole text, inside the name
	}
	switch where {
	case inName:
		s += nameBonus - min(e.nameEnd-len(fm.MatchedIndexes), maxNameSlack)
	case inText:
		s -= spreadMalus
	}
	return s
}

// isSubsequence reports whether every rune of a appears in b in order.
func isSubsequence(a, b string) bool {
	for _, r := range a {
		i := strings.IndexRune(b, r)
		if i < 0 {
			return false
		}
		b = b[i+len(string(r)):]
	}
	return true
}

// View draws the finder in a frame of exactly width × height cells (or
// nothing when either is zero). Only the visible rows are rendered.
func (m Model) View(width, height int) string {
	if width <= 0 || height <= 0 {
		return ""
	}
	framed := width >= 8 && height >= 4
	iw, ih := width, height
	if framed {
		iw, ih = width-2, height-2
	}
	lines := make([]string, 0, height)
	m.input.SetWidth(max(1, iw-ansi.StringWidth(m.input.Prompt)-1))
	m.sc.inputW = m.input.Width()
	lines = append(lines, theme.Pad(m.input.View(), iw, lipgloss.NewStyle()))
	rows := ih - 1
	m.sc.rows = rows
	m.sc.top = 1 // under the query line
	if framed {
		m.sc.top = 2
	}
	lines = append(lines, m.rows(iw, rows)...)
	for len(lines) < ih {
		lines = append(lines, strings.Repeat(" ", iw))
	}
	lines = lines[:ih]
	if !framed {
		return strings.Join(lines, "\n")
	}
	var b strings.Builder
	b.WriteString(m.edge("╭", "╮", m.st.Title.Render(theme.Fit(" "+m.title+" ", iw-2)), iw))
	for _, l := range lines {
		b.WriteByte('\n')
		b.WriteString(m.st.Border.Render("│"))
		b.WriteString(l)
		b.WriteString(m.st.Border.Render("│"))
	}
	b.WriteByte('\n')
	count := fmt.Sprintf(" %d/%d ", len(m.results.rs), len(m.items))
	b.WriteString(m.edge("╰", "╯", m.st.Count.Render(theme.Fit(count, iw-2)), iw))
	return b.String()
}

// edge draws a top or bottom border of inner width iw with label after a
// short run of line.
func (m Model) edge(left, right, label string, iw int) string {
	lw := ansi.StringWidth(label)
	lead := min(1, max(0, iw-lw))
	rest := max(0, iw-lw-lead)
	return m.st.Border.Render(left+strings.Repeat("─", lead)) + label +
		m.st.Border.Render(strings.Repeat("─", rest)+right)
}

// rows renders the visible slice of results, each exactly w cells wide.
func (m Model) rows(w, n int) []string {
	if n <= 0 {
		return nil
	}
	if len(m.results.rs) == 0 {
		msg := "No matches"
		if len(m.items) == 0 {
			msg = "Nothing to search yet"
		}
		return []string{theme.Pad(m.st.Empty.Render(theme.Fit("  "+msg, w)), w, lipgloss.NewStyle())}
	}
	off := min(max(m.sc.offset, m.cursor-n+1), m.cursor)
	off = max(0, min(off, len(m.results.rs)-n))
	m.sc.offset = off
	end := min(len(m.results.rs), off+n)
	out := make([]string, 0, end-off)
	var buf parts
	for i := off; i < end; i++ {
		r := m.results.rs[i]
		out = append(out, m.row(r, m.results.matched(r), i == m.cursor, w, &buf))
	}
	return out
}

// row draws one result: marker, highlighted text, and the detail at the
// right edge, which gives way to the text when space is short.
func (m Model) row(r result, matched []int, selected bool, w int, buf *parts) string {
	e := &m.items[r.item]
	fs := e.fields(buf)
	p := &m.paints[0]
	if selected {
		p = &m.paints[1]
	}
	var b strings.Builder
	b.Grow(w + 128)
	if w < 3 {
		highlight(&b, fs[0].text, inside(matched, 0, e.nameEnd), w, p.text, p.hl)
		return theme.Pad(b.String(), w, lipgloss.NewStyle())
	}
	if selected {
		p.marker.add(&b, "▶ ")
	} else {
		b.WriteString("  ")
	}
	avail := w - 2
	dw := 0
	if e.detail != "" && avail >= 24 {
		dw = min(ansi.StringWidth(e.detail), avail/3)
	}
	tw := avail
	if dw > 0 {
		tw = avail - dw - 2
	}
	used := m.resultText(&b, e, fs, matched, tw, p)
	if dw > 0 {
		d, dused, cut := cutWidth(e.detail, dw)
		if cut {
			d, dused, _ = cutWidth(e.detail, dw-1)
			d += "…"
			dused++
		}
		p.space.add(&b, strings.Repeat(" ", tw-used+2+dw-dused))
		p.detail.add(&b, d)
	} else {
		p.space.add(&b, strings.Repeat(" ", max(0, tw-used)))
	}
	return theme.Pad(b.String(), w, lipgloss.NewStyle())
}

// resultText writes a result's text in at most w cells and returns the
// cells used. An item built from labelled fields shows its name and, when
// the match lies in another field, which field that is and the text
// around the match ("Checkout  pain point: …the card was refused twice").
func (m Model) resultText(b *strings.Builder, e *entry, fs parts, matched []int, w int, p *paints) int {
	if !e.labeled {
		var scratch []byte
		return highlight(b, fs.span(0, fs.size(), &scratch), matched, w, p.text, p.hl)
	}
	k := 0
	if len(matched) > 0 {
		k = fs.at(matched[0])
	}
	name := fs[0].text
	if k == 0 {
		return highlight(b, name, inside(matched, 0, e.nameEnd), w, p.text, p.hl)
	}
	nw := min(ansi.StringWidth(name), max(w*2/5, 8))
	used := highlight(b, name, nil, nw, p.text, p.text)
	label := "  " + fs[k].label.String() + ": "
	if used+ansi.StringWidth(label)+8 > w {
		return used
	}
	p.detail.add(b, label)
	used += ansi.StringWidth(label)
	lo, hi := int(fs[k].start), fs.end(k)
	text := fs[k].text // text[i-lo] is byte i of the entry's text
	rest := w - used
	// Start a third of the way back, so the match shows with what leads
	// to it, on a word's start where there is one.
	start := lo
	if first := matched[0]; ansi.StringWidth(text[:first-lo]) > rest/3 {
		start = first
		for back := 0; start > lo && back < rest/3; back++ {
			_, size := utf8.DecodeLastRuneInString(text[:start-lo])
			start -= size
		}
		if sp := strings.IndexByte(text[start-lo:first-lo], ' '); sp >= 0 {
			start += sp + 1
		}
		p.text.add(b, "…")
		used++
		rest--
	}
	shifted := inside(matched, start, hi)
	for i := range shifted {
		shifted[i] -= start
	}
	return used + highlight(b, text[start-lo:hi-lo], shifted, rest, p.text, p.hl)
}

// inside returns the offsets of matched within [lo, hi).
func inside(matched []int, lo, hi int) []int {
	out := make([]int, 0, len(matched))
	for _, i := range matched {
		if i >= lo && i < hi {
			out = append(out, i)
		}
	}
	return out
}

// paints are the row styles as paints, plain and selected.
type paints struct{ text, detail, hl, marker, space paint }

func makePaints(st *Styles) [2]paints {
	sel := func(s lipgloss.Style) lipgloss.Style { return s.Inherit(st.Selected) }
	return [2]paints{
		{text: newPaint(st.Text), detail: newPaint(st.Detail), hl: newPaint(st.Highlight)},
		{
			text: newPaint(sel(st.Text)), detail: newPaint(sel(st.Detail)), hl: newPaint(sel(st.Highlight)),
			marker: newPaint(sel(st.Marker)), space: newPaint(st.Selected),
		},
	}
}

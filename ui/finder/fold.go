package finder

import (
	"strings"
	"sync"
)

// The cheap checks before the matcher compare bytes with ASCII letters
// folded to lower case on the fly, instead of against a lowered copy of
// every text: on a 10,000-touchpoint map the copies were a quarter of the
// search index's memory.

// lowerByte maps A–Z to a–z and every other byte to itself.
var lowerByte = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
		if 'A' <= i && i <= 'Z' {
			t[i] = byte(i + 'a' - 'A')
		}
	}
	return t
}()

// byteFoldable reports whether s can be compared byte-wise with ASCII case
// folding and agree with the matcher: not when it holds a rune that folds
// to an ASCII letter (Kelvin sign, long s).
func byteFoldable(s string) bool {
	return !strings.Contains(s, "\u212a") && !strings.Contains(s, "\u017f")
}

// foldIndexByte returns the first index of the lower-case byte c in s,
// either case, or -1.
func foldIndexByte(s string, c byte) int {
	i := strings.IndexByte(s, c)
	if u := upper(c); u != c {
		if j := strings.IndexByte(s, u); j >= 0 && (i < 0 || j < i) {
			return j
		}
	}
	return i
}

// foldLastIndexByte returns the last index of the lower-case byte c in s,
// either case, or -1.
func foldLastIndexByte(s string, c byte) int {
	i := strings.LastIndexByte(s, c)
	if u := upper(c); u != c {
		i = max(i, strings.LastIndexByte(s, u))
	}
	return i
}

// foldIndex returns the first index of the lower-case ASCII q in s,
// ignoring the case of ASCII letters, or -1. Candidates are found with
// strings.IndexByte for each case of q's first byte; each case is searched
// again only once the scan has passed where it was last found.
func foldIndex(s string, q []byte) int {
	if len(q) == 0 {
		return 0
	}
	lim := len(s) - len(q) + 1
	c, u := q[0], upper(q[0])
	next := func(b byte, from int) int {
		if j := strings.IndexByte(s[from:lim], b); j >= 0 {
			return from + j
		}
		return -1
	}
	lo, up := -2, -2 // where c and u next occur at or after i; -1: nowhere
	if u == c {
		up = -1
	}
	for i := 0; i < lim; {
		if lo != -1 && lo < i {
			lo = next(c, i)
		}
		if up != -1 && up < i {
			up = next(u, i)
		}
		j := lo
		if j < 0 || (up >= 0 && up < j) {
			j = up
		}
		if j < 0 {
			return -1
		}
		k := 1
		for k < len(q) && lowerByte[s[j+k]] == q[k] {
			k++
		}
		if k == len(q) {
			return j
		}
		i = j + 1
	}
	return -1
}

func upper(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// label is what a field is called, as a small number: an index keeps one
// per field, and the few names there are (items.go) are held once here.
type label uint8

var labelTable = struct {
	sync.RWMutex
	names []string
	at    map[string]label
}{names: []string{""}, at: map[string]label{"": 0}}

// internLabel returns the label called name; past 255 distinct names the
// rest go unnamed.
func internLabel(name string) label {
	labelTable.RLock()
	l, ok := labelTable.at[name]
	labelTable.RUnlock()
	if ok {
		return l
	}
	labelTable.Lock()
	defer labelTable.Unlock()
	if l, ok := labelTable.at[name]; ok {
		return l
	}
	if len(labelTable.names) > 255 {
		return 0
	}
	l = label(len(labelTable.names))
	labelTable.names = append(labelTable.names, name)
	labelTable.at[name] = l
	return l
}

func (l label) String() string {
	labelTable.RLock()
	defer labelTable.RUnlock()
	return labelTable.names[l]
}

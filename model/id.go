package model

import "math/rand/v2"

// NewID returns a fresh ID for a phase or touchpoint that is about to be
// added by an edit. The author of an edit picks the ID, not storage, so that
// the edits queued after it (a move, an undo) can name the new item before
// the file has seen it. IDs are random in [2^40, 2^52): far above the IDs
// SQLite hands out for imported maps, small enough to survive a float64,
// and a collision (one in millions of millions) is refused by storage as a
// conflict rather than merged.
func NewID() int64 {
	const lo, hi = 1 << 40, 1 << 52
	return lo + rand.Int64N(hi-lo)
}

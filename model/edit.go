package model

import (
	"errors"
	"fmt"
)

// Edit is one change to a map. Edits address maps, phases and touchpoints by
// ID, never by position alone: a window's positions go stale the moment
// another window moves something, while an ID always names the same item.
// An edit that changes an item's fields also carries the revision it saw, so
// a change made elsewhere since is refused instead of overwritten.
//
// Apply mutates the map and records what it needs for Inverse, which is only
// meaningful after a successful Apply. Storage does to the file what Apply
// does to a map in memory, checking the same IDs and revisions inside its
// write transaction.
type Edit interface {
	Apply(m *Map) error
	Inverse() Edit
	// Describe says what the edit does, in the words of the status bar
	// ("delete phase Purchase").
	Describe() string
}

// ErrConflict is what every Conflict matches with errors.Is.
var ErrConflict = errors.New("conflict")

// Conflict says that an edit's item is gone, or was changed since the edit's
// author read it. Nothing was written.
type Conflict struct {
	What string // "touchpoint \"Checkout\"", "phase 12"
	Gone bool   // the item is no longer there; otherwise it changed
}

func (c *Conflict) Error() string {
	if c.Gone {
		return c.What + " is no longer in the map"
	}
	return c.What + " was changed elsewhere"
}

// Is makes errors.Is(err, ErrConflict) true for every Conflict.
func (c *Conflict) Is(target error) bool { return target == ErrConflict }

// ConflictOf returns the Conflict in err's chain, if any.
func ConflictOf(err error) (*Conflict, bool) {
	var c *Conflict
	ok := errors.As(err, &c)
	return c, ok
}

func gone(kind string, id int64, name string) error {
	return &Conflict{What: itemName(kind, id, name), Gone: true}
}

func changed(kind string, id int64, name string) error {
	return &Conflict{What: itemName(kind, id, name)}
}

func itemName(kind string, id int64, name string) string {
	if name != "" {
		return fmt.Sprintf("%s %q", kind, name)
	}
	return fmt.Sprintf("%s %d", kind, id)
}

// PhaseIndex returns the position of the phase with the given ID.
func (m *Map) PhaseIndex(id int64) (int, bool) {
	for i := range m.Phases {
		if m.Phases[i].ID == id {
			return i, true
		}
	}
	return -1, false
}

// Find returns where the touchpoint with the given ID is.
func (m *Map) Find(id int64) (Ref, bool) {
	for pi := range m.Phases {
		for ti := range m.Phases[pi].Touchpoints {
			if m.Phases[pi].Touchpoints[ti].ID == id {
				return Ref{Phase: pi, Index: ti}, true
			}
		}
	}
	return Ref{}, false
}

// clampInsert turns a wished-for position into one inside 0..n: a negative
// index or one past the end appends, which is where an item belongs whose
// neighbours moved away meanwhile.
func clampInsert(i, n int) int {
	if i < 0 || i > n {
		return n
	}
	return i
}

// orNewID returns id, or a fresh one for an item that has none yet: the
// edit keeps it, so its inverse and the file name the same item.
func orNewID(id int64) int64 {
	if id == 0 {
		return NewID()
	}
	return id
}

func insertAt[T any](s []T, i int, v T) []T {
	s = append(s, v)
	copy(s[i+1:], s[i:])
	s[i] = v
	return s
}

// removeAt returns nil rather than an empty slice when the last element
// goes, so an insert and its undo give back exactly the map they started
// from (storage loads empty lists as nil too).
func removeAt[T any](s []T, i int) ([]T, T) {
	v := s[i]
	s = append(s[:i], s[i+1:]...)
	if len(s) == 0 {
		return nil, v
	}
	return s, v
}

// Move returns s with the element at from moved to index to (indices in the
// final slice). It reorders in place.
func Move[T any](s []T, from, to int) []T {
	if from == to {
		return s
	}
	v := s[from]
	if from < to {
		copy(s[from:to], s[from+1:to+1])
	} else {
		copy(s[to+1:from+1], s[to:from])
	}
	s[to] = v
	return s
}

// UpdateMap replaces the map's title, persona, goal and notes. Rev is the
// map revision the change was made on.
type UpdateMap struct {
	Rev  int64
	Info MapInfo
	prev MapInfo
}

func (e *UpdateMap) Apply(m *Map) error {
	if err := e.Info.Validate(); err != nil {
		return err
	}
	if m.Rev != e.Rev {
		return changed("map", m.ID, m.Title)
	}
	e.prev = m.MapInfo
	m.MapInfo = e.Info
	m.Rev = e.Rev + 1
	return nil
}

func (e *UpdateMap) Inverse() Edit    { return &UpdateMap{Rev: e.Rev + 1, Info: e.prev} }
func (e *UpdateMap) Describe() string { return "edit map " + e.Info.Title }

// InsertPhase puts a phase (with its touchpoints) at Index, or at the end
// when Index is out of range. The phase carries its own ID, chosen by the
// author (see NewID), so later edits can name it before storage has seen it.
type InsertPhase struct {
	Index int
	Phase Phase
	at    int
}

func (e *InsertPhase) Apply(m *Map) error {
	if err := e.Phase.Validate(); err != nil {
		return err
	}
	e.Phase.ID = orNewID(e.Phase.ID)
	if _, ok := m.PhaseIndex(e.Phase.ID); ok {
		return &Conflict{What: itemName("phase", e.Phase.ID, e.Phase.Name) + " (already there)"}
	}
	for i := range e.Phase.Touchpoints {
		t := &e.Phase.Touchpoints[i]
		t.ID = orNewID(t.ID)
		if _, ok := m.Find(t.ID); ok {
			return &Conflict{What: itemName("touchpoint", t.ID, t.Name) + " (already there)"}
		}
	}
	e.at = clampInsert(e.Index, len(m.Phases))
	m.Phases = insertAt(m.Phases, e.at, e.Phase.Clone())
	return nil
}

func (e *InsertPhase) Inverse() Edit {
	return &DeletePhase{ID: e.Phase.ID, Rev: e.Phase.Rev}
}
func (e *InsertPhase) Describe() string { return "add phase " + e.Phase.Name }

// DeletePhase removes the phase with the given ID and all its touchpoints.
// Rev is the phase revision its author saw.
type DeletePhase struct {
	ID      int64
	Rev     int64
	index   int
	removed Phase
}

func (e *DeletePhase) Apply(m *Map) error {
	i, ok := m.PhaseIndex(e.ID)
	if !ok {
		return gone("phase", e.ID, e.removed.Name)
	}
	if m.Phases[i].Rev != e.Rev {
		return changed("phase", e.ID, m.Phases[i].Name)
	}
	e.index = i
	var removed Phase
	m.Phases, removed = removeAt(m.Phases, i)
	e.removed = removed.Own()
	return nil
}

// Removed returns the phase as it was when Apply removed it, touchpoints and
// revisions included: what storage checks the file against, so a phase
// whose touchpoints another window changed is not deleted unseen.
func (e *DeletePhase) Removed() Phase { return e.removed }

func (e *DeletePhase) Inverse() Edit {
	return &InsertPhase{Index: e.index, Phase: e.removed.Clone()}
}
func (e *DeletePhase) Describe() string { return "delete phase " + e.removed.Name }

// UpdatePhase replaces the name and description of the phase with ID, which
// must still be at revision Rev.
type UpdatePhase struct {
	ID          int64
	Rev         int64
	Name        string
	Description string
	prevName    string
	prevDesc    string
}

func (e *UpdatePhase) Apply(m *Map) error {
	if err := (Phase{Name: e.Name, Description: e.Description}).Validate(); err != nil {
		return err
	}
	i, ok := m.PhaseIndex(e.ID)
	if !ok {
		return gone("phase", e.ID, e.Name)
	}
	p := &m.Phases[i]
	if p.Rev != e.Rev {
		return changed("phase", e.ID, p.Name)
	}
	e.prevName, e.prevDesc = p.Name, p.Description
	p.Name, p.Description, p.Rev = e.Name, e.Description, e.Rev+1
	return nil
}

func (e *UpdatePhase) Inverse() Edit {
	return &UpdatePhase{ID: e.ID, Rev: e.Rev + 1, Name: e.prevName, Description: e.prevDesc}
}
func (e *UpdatePhase) Describe() string { return "edit phase " + e.Name }

// MovePhase moves the phase with ID so that it ends up at index To (clamped
// to the phases there are).
type MovePhase struct {
	ID   int64
	To   int
	from int
	name string
}

func (e *MovePhase) Apply(m *Map) error {
	i, ok := m.PhaseIndex(e.ID)
	if !ok {
		return gone("phase", e.ID, e.name)
	}
	to := min(max(e.To, 0), len(m.Phases)-1)
	e.from, e.name = i, m.Phases[i].Name
	m.Phases = Move(m.Phases, i, to)
	return nil
}

func (e *MovePhase) Inverse() Edit    { return &MovePhase{ID: e.ID, To: e.from, name: e.name} }
func (e *MovePhase) Describe() string { return "move phase " + e.name }

// InsertTouchpoint puts a touchpoint at Index of the phase with ID Phase, or
// at its end when Index is out of range: quick capture adds to the phase it
// names wherever that phase has moved. The touchpoint carries its own ID.
type InsertTouchpoint struct {
	Phase      int64
	Index      int
	Touchpoint Touchpoint
}

func (e *InsertTouchpoint) Apply(m *Map) error {
	if err := e.Touchpoint.Validate(); err != nil {
		return err
	}
	pi, ok := m.PhaseIndex(e.Phase)
	if !ok {
		return gone("phase", e.Phase, "")
	}
	e.Touchpoint.ID = orNewID(e.Touchpoint.ID)
	if _, ok := m.Find(e.Touchpoint.ID); ok {
		return &Conflict{What: itemName("touchpoint", e.Touchpoint.ID, e.Touchpoint.Name) + " (already there)"}
	}
	p := &m.Phases[pi]
	p.Touchpoints = insertAt(p.Touchpoints, clampInsert(e.Index, len(p.Touchpoints)), e.Touchpoint.Clone())
	return nil
}

func (e *InsertTouchpoint) Inverse() Edit {
	return &DeleteTouchpoint{ID: e.Touchpoint.ID, Rev: e.Touchpoint.Rev}
}
func (e *InsertTouchpoint) Describe() string { return "add touchpoint " + e.Touchpoint.Name }

// DeleteTouchpoint removes the touchpoint with ID, which must still be at
// revision Rev: a delete never takes away a change its author has not seen.
type DeleteTouchpoint struct {
	ID      int64
	Rev     int64
	phase   int64
	index   int
	removed Touchpoint
}

func (e *DeleteTouchpoint) Apply(m *Map) error {
	ref, ok := m.Find(e.ID)
	if !ok {
		return gone("touchpoint", e.ID, e.removed.Name)
	}
	p := &m.Phases[ref.Phase]
	if p.Touchpoints[ref.Index].Rev != e.Rev {
		return changed("touchpoint", e.ID, p.Touchpoints[ref.Index].Name)
	}
	e.phase, e.index = p.ID, ref.Index
	var removed Touchpoint
	p.Touchpoints, removed = removeAt(p.Touchpoints, ref.Index)
	e.removed = removed.Own()
	return nil
}

func (e *DeleteTouchpoint) Inverse() Edit {
	return &InsertTouchpoint{Phase: e.phase, Index: e.index, Touchpoint: e.removed.Clone()}
}
func (e *DeleteTouchpoint) Describe() string { return "delete touchpoint " + e.removed.Name }

// UpdateTouchpoint replaces every field of the touchpoint with ID, which
// must still be at revision Rev; the touchpoint keeps its ID.
type UpdateTouchpoint struct {
	ID         int64
	Rev        int64
	Touchpoint Touchpoint
	prev       Touchpoint
}

func (e *UpdateTouchpoint) Apply(m *Map) error {
	if err := e.Touchpoint.Validate(); err != nil {
		return err
	}
	ref, ok := m.Find(e.ID)
	if !ok {
		return gone("touchpoint", e.ID, e.Touchpoint.Name)
	}
	t := &m.Phases[ref.Phase].Touchpoints[ref.Index]
	if t.Rev != e.Rev {
		return changed("touchpoint", e.ID, t.Name)
	}
	e.prev = t.Own()
	// The edit is kept for undo and redo: it owns its text too (see Own).
	e.Touchpoint = e.Touchpoint.Own()
	next := e.Touchpoint.Clone()
	next.ID, next.Rev = e.ID, e.Rev+1
	*t = next
	return nil
}

func (e *UpdateTouchpoint) Inverse() Edit {
	return &UpdateTouchpoint{ID: e.ID, Rev: e.Rev + 1, Touchpoint: e.prev.Clone()}
}
func (e *UpdateTouchpoint) Describe() string { return "edit touchpoint " + e.Touchpoint.Name }

// MoveTouchpoint takes the touchpoint with ID and puts it at Index of the
// phase with ID Phase (which may be its own): Index is its position after
// the move, clamped to the phase's length.
type MoveTouchpoint struct {
	ID        int64
	Phase     int64
	Index     int
	fromPhase int64
	fromIndex int
	name      string
}

func (e *MoveTouchpoint) Apply(m *Map) error {
	ref, ok := m.Find(e.ID)
	if !ok {
		return gone("touchpoint", e.ID, e.name)
	}
	dst, ok := m.PhaseIndex(e.Phase)
	if !ok {
		return gone("phase", e.Phase, "")
	}
	src := &m.Phases[ref.Phase]
	e.fromPhase, e.fromIndex = src.ID, ref.Index
	var t Touchpoint
	src.Touchpoints, t = removeAt(src.Touchpoints, ref.Index)
	d := &m.Phases[dst]
	to := e.Index
	if to < 0 {
		to = 0
	}
	d.Touchpoints = insertAt(d.Touchpoints, min(to, len(d.Touchpoints)), t)
	e.name = t.Name
	return nil
}

func (e *MoveTouchpoint) Inverse() Edit {
	return &MoveTouchpoint{ID: e.ID, Phase: e.fromPhase, Index: e.fromIndex, name: e.name}
}
func (e *MoveTouchpoint) Describe() string { return "move touchpoint " + e.name }

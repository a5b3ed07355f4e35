package model

import (
	"fmt"
)

// Edit is one change to a map. Edits address phases and touchpoints by
// position, so an edit and its inverse stay valid however storage numbers
// rows. Apply mutates the map and records what it needs for Inverse, which is
// only meaningful after a successful Apply.
type Edit interface {
	Apply(m *Map) error
	Inverse() Edit
	// Describe says what the edit does, in the words of the status bar
	// ("delete phase Purchase").
	Describe() string
}

// ErrOutOfRange is returned when an edit addresses a phase or touchpoint
// that is not there.
type ErrOutOfRange struct{ What string }

func (e ErrOutOfRange) Error() string { return e.What + " is out of range" }

func checkPhase(m *Map, i int) error {
	if i < 0 || i >= len(m.Phases) {
		return ErrOutOfRange{fmt.Sprintf("phase %d", i)}
	}
	return nil
}

func checkTouchpoint(m *Map, phase, i int) error {
	if err := checkPhase(m, phase); err != nil {
		return err
	}
	if i < 0 || i >= len(m.Phases[phase].Touchpoints) {
		return ErrOutOfRange{fmt.Sprintf("touchpoint %d of phase %d", i, phase)}
	}
	return nil
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

// UpdateMap replaces the map's title, persona, goal and notes.
type UpdateMap struct {
	Info MapInfo
	prev MapInfo
}

func (e *UpdateMap) Apply(m *Map) error {
	if err := e.Info.Validate(); err != nil {
		return err
	}
	e.prev = m.MapInfo
	m.MapInfo = e.Info
	return nil
}

func (e *UpdateMap) Inverse() Edit    { return &UpdateMap{Info: e.prev} }
func (e *UpdateMap) Describe() string { return "edit map " + e.Info.Title }

// InsertPhase puts a phase (with its touchpoints) at Index.
type InsertPhase struct {
	Index int
	Phase Phase
}

func (e *InsertPhase) Apply(m *Map) error {
	if e.Index < 0 || e.Index > len(m.Phases) {
		return ErrOutOfRange{fmt.Sprintf("phase %d", e.Index)}
	}
	if err := e.Phase.Validate(); err != nil {
		return err
	}
	m.Phases = insertAt(m.Phases, e.Index, e.Phase.Clone())
	return nil
}

func (e *InsertPhase) Inverse() Edit    { return &DeletePhase{Index: e.Index} }
func (e *InsertPhase) Describe() string { return "add phase " + e.Phase.Name }

// DeletePhase removes the phase at Index and all its touchpoints.
type DeletePhase struct {
	Index   int
	removed Phase
}

func (e *DeletePhase) Apply(m *Map) error {
	if err := checkPhase(m, e.Index); err != nil {
		return err
	}
	m.Phases, e.removed = removeAt(m.Phases, e.Index)
	return nil
}

func (e *DeletePhase) Inverse() Edit    { return &InsertPhase{Index: e.Index, Phase: e.removed.Clone()} }
func (e *DeletePhase) Describe() string { return "delete phase " + e.removed.Name }

// UpdatePhase replaces the name and description of the phase at Index.
type UpdatePhase struct {
	Index       int
	Name        string
	Description string
	prevName    string
	prevDesc    string
}

func (e *UpdatePhase) Apply(m *Map) error {
	if err := checkPhase(m, e.Index); err != nil {
		return err
	}
	if err := (Phase{Name: e.Name, Description: e.Description}).Validate(); err != nil {
		return err
	}
	p := &m.Phases[e.Index]
	e.prevName, e.prevDesc = p.Name, p.Description
	p.Name, p.Description = e.Name, e.Description
	return nil
}

func (e *UpdatePhase) Inverse() Edit {
	return &UpdatePhase{Index: e.Index, Name: e.prevName, Description: e.prevDesc}
}
func (e *UpdatePhase) Describe() string { return "edit phase " + e.Name }

// MovePhase moves the phase at From so that it ends up at To.
type MovePhase struct {
	From, To int
	name     string
}

func (e *MovePhase) Apply(m *Map) error {
	if err := checkPhase(m, e.From); err != nil {
		return err
	}
	if err := checkPhase(m, e.To); err != nil {
		return err
	}
	e.name = m.Phases[e.From].Name
	m.Phases = Move(m.Phases, e.From, e.To)
	return nil
}

func (e *MovePhase) Inverse() Edit    { return &MovePhase{From: e.To, To: e.From} }
func (e *MovePhase) Describe() string { return "move phase " + e.name }

// InsertTouchpoint puts a touchpoint at Index of the phase at Phase.
type InsertTouchpoint struct {
	Phase      int
	Index      int
	Touchpoint Touchpoint
}

func (e *InsertTouchpoint) Apply(m *Map) error {
	if err := checkPhase(m, e.Phase); err != nil {
		return err
	}
	if e.Index < 0 || e.Index > len(m.Phases[e.Phase].Touchpoints) {
		return ErrOutOfRange{fmt.Sprintf("touchpoint %d of phase %d", e.Index, e.Phase)}
	}
	if err := e.Touchpoint.Validate(); err != nil {
		return err
	}
	p := &m.Phases[e.Phase]
	p.Touchpoints = insertAt(p.Touchpoints, e.Index, e.Touchpoint.Clone())
	return nil
}

func (e *InsertTouchpoint) Inverse() Edit {
	return &DeleteTouchpoint{Phase: e.Phase, Index: e.Index}
}
func (e *InsertTouchpoint) Describe() string { return "add touchpoint " + e.Touchpoint.Name }

// DeleteTouchpoint removes the touchpoint at Index of the phase at Phase.
type DeleteTouchpoint struct {
	Phase   int
	Index   int
	removed Touchpoint
}

func (e *DeleteTouchpoint) Apply(m *Map) error {
	if err := checkTouchpoint(m, e.Phase, e.Index); err != nil {
		return err
	}
	p := &m.Phases[e.Phase]
	p.Touchpoints, e.removed = removeAt(p.Touchpoints, e.Index)
	return nil
}

func (e *DeleteTouchpoint) Inverse() Edit {
	return &InsertTouchpoint{Phase: e.Phase, Index: e.Index, Touchpoint: e.removed.Clone()}
}
func (e *DeleteTouchpoint) Describe() string { return "delete touchpoint " + e.removed.Name }

// UpdateTouchpoint replaces every field of the touchpoint at Index of the
// phase at Phase; the touchpoint keeps its ID.
type UpdateTouchpoint struct {
	Phase      int
	Index      int
	Touchpoint Touchpoint
	prev       Touchpoint
}

func (e *UpdateTouchpoint) Apply(m *Map) error {
	if err := checkTouchpoint(m, e.Phase, e.Index); err != nil {
		return err
	}
	if err := e.Touchpoint.Validate(); err != nil {
		return err
	}
	t := &m.Phases[e.Phase].Touchpoints[e.Index]
	e.prev = *t
	next := e.Touchpoint.Clone()
	next.ID = t.ID
	*t = next
	return nil
}

func (e *UpdateTouchpoint) Inverse() Edit {
	return &UpdateTouchpoint{Phase: e.Phase, Index: e.Index, Touchpoint: e.prev.Clone()}
}
func (e *UpdateTouchpoint) Describe() string { return "edit touchpoint " + e.Touchpoint.Name }

// MoveTouchpoint takes the touchpoint at From and puts it at To. To.Index is
// its index after the move, in the target phase (which may be the same one).
type MoveTouchpoint struct {
	From, To Ref
	name     string
}

func (e *MoveTouchpoint) Apply(m *Map) error {
	if err := checkTouchpoint(m, e.From.Phase, e.From.Index); err != nil {
		return err
	}
	if err := checkPhase(m, e.To.Phase); err != nil {
		return err
	}
	limit := len(m.Phases[e.To.Phase].Touchpoints)
	if e.To.Phase == e.From.Phase {
		limit-- // the touchpoint leaves before it lands
	}
	if e.To.Index < 0 || e.To.Index > limit {
		return ErrOutOfRange{fmt.Sprintf("touchpoint %d of phase %d", e.To.Index, e.To.Phase)}
	}
	src := &m.Phases[e.From.Phase]
	var t Touchpoint
	src.Touchpoints, t = removeAt(src.Touchpoints, e.From.Index)
	dst := &m.Phases[e.To.Phase]
	dst.Touchpoints = insertAt(dst.Touchpoints, e.To.Index, t)
	e.name = t.Name
	return nil
}

func (e *MoveTouchpoint) Inverse() Edit    { return &MoveTouchpoint{From: e.To, To: e.From} }
func (e *MoveTouchpoint) Describe() string { return "move touchpoint " + e.name }

// Package ui is Journeymap's terminal interface: one root model that owns the
// screens (home, board and the overlays over it), writes every change through
// a serial autosave queue, keeps undo/redo stacks of model edits and refreshes
// when another process changes the file.
package ui

import "journeymap/model"

// Store is everything the interface needs from the file. storage.Store
// satisfies it; tests use an in-memory fake. The ui package never imports
// storage, so main wires the two together.
type Store interface {
	Path() string
	ReadOnly() bool
	ListMaps() ([]model.MapSummary, error)
	LoadMap(id int64) (*model.Map, error)
	CreateMap(m *model.Map) (int64, error)
	DuplicateMap(id int64, title string) (int64, error)
	DeleteMap(id int64) error
	Apply(mapID int64, e model.Edit) error
	// DataVersion changes when another connection commits to the file.
	DataVersion() (int64, error)
	// LoadView and SaveView keep how each map is viewed (cards or lanes,
	// hidden lanes, column width, projector theme) in the file.
	LoadView(mapID int64) (model.ViewPrefs, error)
	SaveView(mapID int64, v model.ViewPrefs) error
}

// Template is a map new maps can start from.
type Template struct {
	Name        string
	Description string
	Map         *model.Map
}

package ui

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"journeymap/model"
	"journeymap/ui/home"
)

// fakeStore is an in-memory Store for tests. It applies edits with the
// model's own Apply on its private copies, numbers rows like a database
// would, and can be told to fail writes or to pretend another process
// committed.
type fakeStore struct {
	mu       sync.Mutex
	path     string
	readOnly bool
	maps     map[int64]*model.Map
	nextID   int64
	version  int64     // bumped by external(), as PRAGMA data_version would be
	failNext error     // the next Apply fails with this error
	locked   bool      // another process holds the file: every Apply is busy
	stamp    time.Time // UpdatedAt of new maps; zero means now
	applied  []string
	views    map[int64]model.ViewPrefs
}

func newFakeStore() *fakeStore {
	return &fakeStore{path: "/tmp/fake/journeys.db", maps: map[int64]*model.Map{}, nextID: 1}
}

func (f *fakeStore) id() int64 { f.nextID++; return f.nextID - 1 }

// number gives every phase and touchpoint without an ID a fresh one.
func (f *fakeStore) number(m *model.Map) {
	for pi := range m.Phases {
		if m.Phases[pi].ID == 0 {
			m.Phases[pi].ID = f.id()
		}
		for ti := range m.Phases[pi].Touchpoints {
			if m.Phases[pi].Touchpoints[ti].ID == 0 {
				m.Phases[pi].Touchpoints[ti].ID = f.id()
			}
		}
	}
}

func (f *fakeStore) Path() string   { return f.path }
func (f *fakeStore) ReadOnly() bool { return f.readOnly }

func (f *fakeStore) ListMaps() ([]model.MapSummary, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []model.MapSummary
	for _, m := range f.maps {
		out = append(out, model.MapSummary{ID: m.ID, Title: m.Title, Persona: m.Persona.Name,
			Phases: len(m.Phases), Touchpoints: m.TouchpointCount(), UpdatedAt: m.UpdatedAt})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func (f *fakeStore) LoadMap(id int64) (*model.Map, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	m, ok := f.maps[id]
	if !ok {
		return nil, errors.New("no such map")
	}
	return m.Clone(), nil
}

func (f *fakeStore) CreateMap(m *model.Map) (int64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	c := m.Clone()
	c.ID = f.id()
	c.UpdatedAt = time.Now()
	if !f.stamp.IsZero() {
		c.UpdatedAt = f.stamp
	}
	f.number(c)
	f.maps[c.ID] = c
	m.ID = c.ID
	return c.ID, nil
}

func (f *fakeStore) DuplicateMap(id int64, title string) (int64, error) {
	f.mu.Lock()
	m, ok := f.maps[id]
	f.mu.Unlock()
	if !ok {
		return 0, errors.New("no such map")
	}
	c := m.Clone()
	c.Title = title
	c.ID = 0
	for pi := range c.Phases {
		c.Phases[pi].ID = 0
		for ti := range c.Phases[pi].Touchpoints {
			c.Phases[pi].Touchpoints[ti].ID = 0
		}
	}
	return f.CreateMap(c)
}

func (f *fakeStore) DeleteMap(id int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.maps[id]; !ok {
		return errors.New("no such map")
	}
	delete(f.maps, id)
	return nil
}

// Apply replays the edit on the stored copy. It rebuilds the edit from its
// exported fields so the root's edit (and what it recorded for Inverse) is
// never touched, as a real store only reads it.
func (f *fakeStore) Apply(mapID int64, e model.Edit) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.locked {
		return busyErr{}
	}
	if f.failNext != nil {
		err := f.failNext
		f.failNext = nil
		return err
	}
	if f.readOnly {
		return errors.New("file is read-only")
	}
	m, ok := f.maps[mapID]
	if !ok {
		return errors.New("no such map")
	}
	if err := copyEdit(e).Apply(m); err != nil {
		return err
	}
	f.number(m)
	f.applied = append(f.applied, e.Describe())
	return nil
}

func copyEdit(e model.Edit) model.Edit {
	switch e := e.(type) {
	case *model.UpdateMap:
		return &model.UpdateMap{Rev: e.Rev, Info: e.Info}
	case *model.InsertPhase:
		return &model.InsertPhase{Index: e.Index, Phase: e.Phase.Clone()}
	case *model.DeletePhase:
		return &model.DeletePhase{ID: e.ID, Rev: e.Rev}
	case *model.UpdatePhase:
		return &model.UpdatePhase{ID: e.ID, Rev: e.Rev, Name: e.Name, Description: e.Description}
	case *model.MovePhase:
		return &model.MovePhase{ID: e.ID, To: e.To}
	case *model.InsertTouchpoint:
		return &model.InsertTouchpoint{Phase: e.Phase, Index: e.Index, Touchpoint: e.Touchpoint.Clone()}
	case *model.DeleteTouchpoint:
		return &model.DeleteTouchpoint{ID: e.ID, Rev: e.Rev}
	case *model.UpdateTouchpoint:
		return &model.UpdateTouchpoint{ID: e.ID, Rev: e.Rev, Touchpoint: e.Touchpoint.Clone()}
	case *model.MoveTouchpoint:
		return &model.MoveTouchpoint{ID: e.ID, Phase: e.Phase, Index: e.Index}
	}
	panic(fmt.Sprintf("unknown edit %T", e))
}

func (f *fakeStore) DataVersion() (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.version, nil
}

// external changes a map as another process would: the version moves.
func (f *fakeStore) external(mapID int64, e model.Edit) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	m, ok := f.maps[mapID]
	if !ok {
		return errors.New("no such map")
	}
	if err := e.Apply(m); err != nil {
		return err
	}
	f.number(m)
	f.version++
	return nil
}

// names lists the map's phases and touchpoints as "Phase: a, b | Phase2: c".
func names(m *model.Map) string {
	var parts []string
	for _, p := range m.Phases {
		var tps []string
		for _, t := range p.Touchpoints {
			tps = append(tps, t.Name)
		}
		parts = append(parts, p.Name+": "+strings.Join(tps, ", "))
	}
	return strings.Join(parts, " | ")
}

// coffeeShop is the small map most tests start from.
func coffeeShop() *model.Map {
	tp := func(name, channel string, score int) model.Touchpoint {
		t := model.NewTouchpoint(name)
		t.Channel = channel
		t.Emotion.Score = score
		return t
	}
	return &model.Map{
		MapInfo: model.MapInfo{Title: "Coffee shop", Persona: model.Persona{Name: "Ana"}, Goal: "Get a good coffee fast"},
		Phases: []model.Phase{
			{Name: "Discovery", Touchpoints: []model.Touchpoint{tp("Instagram post", "social media", 4), tp("Street sign", "print", 3)}},
			{Name: "Purchase", Touchpoints: []model.Touchpoint{tp("Queue", "store", 2), tp("Order at counter", "store", 3), tp("Pay", "store", 3), tp("Wait for drink", "store", 1)}},
			{Name: "Loyalty", Touchpoints: []model.Touchpoint{tp("Stamp card", "print", 4)}},
		},
	}
}

// homeSearchAll is what the home screen sends for '/'.
func homeSearchAll() home.SearchAllMsg { return home.SearchAllMsg{} }

func (f *fakeStore) LoadView(id int64) (model.ViewPrefs, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	v := f.views[id]
	v.HiddenLanes = append([]string(nil), v.HiddenLanes...)
	return v, nil
}

func (f *fakeStore) SaveView(id int64, v model.ViewPrefs) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.readOnly {
		return errors.New("read-only")
	}
	if _, ok := f.maps[id]; !ok {
		return errors.New("no such map")
	}
	if f.views == nil {
		f.views = map[int64]model.ViewPrefs{}
	}
	v.HiddenLanes = append([]string(nil), v.HiddenLanes...)
	f.views[id] = v
	return nil
}

package storage

import (
	"database/sql"
	"fmt"

	"journeymap/model"
)

// Author is who makes an edit, in a workshop served over SSH: their name is
// recorded on the touchpoints and list items they add, and OwnOnly limits
// what they may delete to what they added themselves (a participant; a
// facilitator may delete anything). The zero Author records nothing and may
// delete anything: a local window.
type Author struct {
	Name    string
	OwnOnly bool
}

// Apply stores one model edit: it does to the file what e.Apply does to a
// map in memory, in one write transaction. The edit names its items by ID;
// the transaction checks that they are still in the map and, for a change of
// fields, still at the revision the edit saw. Otherwise it writes nothing and
// returns a *model.Conflict (errors.Is(err, model.ErrConflict)). Positions an
// edit asks for (where an item goes) are clamped to what the file holds.
// The edit itself is not changed.
func (s *Store) Apply(mapID int64, e model.Edit) error { return s.apply(Author{}, mapID, e) }

// ApplyAs is Apply for an edit made by someone in a workshop: what it adds
// records by.Name as who added it, and with by.OwnOnly a deletion of a
// touchpoint or list item someone else added is refused in the same
// transaction with a *model.Refusal (errors.Is(err, model.ErrRefused)),
// writing nothing.
func (s *Store) ApplyAs(by Author, mapID int64, e model.Edit) error { return s.apply(by, mapID, e) }

// AddedBy returns who added the touchpoint with id ("" when unknown).
func (s *Store) AddedBy(id int64) (string, error) {
	var by string
	err := s.db.QueryRow(`SELECT added_by FROM touchpoints WHERE id = ?`, id).Scan(&by)
	if err == sql.ErrNoRows {
		return "", fmt.Errorf("touchpoint %d in %s: %w", id, s.path, ErrNotFound)
	}
	return by, err
}

// ItemAuthors returns who added each item of the touchpoint's lists, by
// list name ("motivation", "pain_point", ...) in list order.
func (s *Store) ItemAuthors(touchpointID int64) (map[string][]string, error) {
	out := map[string][]string{}
	err := s.inTx(false, func(q querier) error {
		rows, err := q.QueryContext(ctxBG, `SELECT list, added_by FROM items WHERE touchpoint_id = ? ORDER BY list, position`, touchpointID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var list, by string
			if err := rows.Scan(&list, &by); err != nil {
				return err
			}
			out[list] = append(out[list], by)
		}
		return rows.Err()
	})
	return out, err
}

// mayDeleteTouchpoint refuses an OwnOnly author deleting a touchpoint that
// someone else added.
func mayDeleteTouchpoint(q querier, id int64, name string, by Author) error {
	if !by.OwnOnly {
		return nil
	}
	var adder string
	if err := q.QueryRowContext(ctxBG, `SELECT added_by FROM touchpoints WHERE id = ?`, id).Scan(&adder); err != nil {
		return err
	}
	if adder != by.Name {
		return refusedNotYours("touchpoint "+quoteName(name), adder)
	}
	return nil
}

func quoteName(s string) string { return fmt.Sprintf("%q", errText(s)) }

func refusedNotYours(what, adder string) error {
	if adder == "" {
		return model.Refuse("only a facilitator can delete %s: it was not added in this workshop", what)
	}
	return model.Refuse("only %s or a facilitator can delete %s", errText(adder), what)
}

// keptAuthors holds, per list and text, who added the items a touchpoint
// had before an edit rewrote its lists, so the items that stay keep their
// adder.
type keptAuthors map[string][]string

func (k keptAuthors) take(list, text, by string) string {
	key := list + "\x00" + text
	if q := k[key]; len(q) > 0 {
		k[key] = q[1:]
		return q[0]
	}
	return by
}

// keepAuthors reads who added the touchpoint's current items and matches
// them to the lists of n, the touchpoint as the edit leaves it: an item
// whose list and text are still there keeps its adder; an item whose text
// changed (the same list still holds as many items) keeps its adder too.
// What remains was deleted, which an OwnOnly author may do only to their own
// items.
func keepAuthors(q querier, id int64, n *model.Touchpoint, by Author) (keptAuthors, error) {
	rows, err := q.QueryContext(ctxBG, `SELECT list, text, added_by FROM items WHERE touchpoint_id = ? ORDER BY list, position`, id)
	if err != nil {
		return nil, err
	}
	type item struct{ text, by string }
	old := map[string][]item{}
	for rows.Next() {
		var list string
		var it item
		if err := rows.Scan(&list, &it.text, &it.by); err != nil {
			rows.Close()
			return nil, err
		}
		old[list] = append(old[list], it)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	kept := keptAuthors{}
	for _, l := range itemLists {
		was := old[l.name]
		now := *l.of(n)
		// Items whose text is still there.
		left := map[string]int{}
		for _, t := range now.All() {
			left[t]++
		}
		var gone []item
		for _, it := range was {
			if left[it.text] > 0 {
				left[it.text]--
				key := l.name + "\x00" + it.text
				kept[key] = append(kept[key], it.by)
			} else {
				gone = append(gone, it)
			}
		}
		// New texts, in order, take over the old items that went (an edit
		// of the item's text); what is left over was deleted.
		var fresh []string
		for _, t := range now.All() {
			if left[t] > 0 {
				left[t]--
				fresh = append(fresh, t)
			}
		}
		for i, it := range gone {
			if i < len(fresh) {
				key := l.name + "\x00" + fresh[i]
				kept[key] = append(kept[key], it.by)
				continue
			}
			if by.OwnOnly && it.by != by.Name {
				return nil, refusedNotYours(fmt.Sprintf("the %s %s", listWord(l.name), quoteName(it.text)), it.by)
			}
		}
	}
	return kept, nil
}

func listWord(list string) string {
	switch list {
	case "pain_point":
		return "pain point"
	}
	return list
}

package interchange

import (
	"fmt"
	"strconv"

	"journeymap/model"
)

// A map's closed dot-voting rounds in the interchange formats. In JSON
// (version 2) they are the map's last key:
//
//	"votes": [{"question": "", "dots_per_person": 3,
//	  "results": [{"phase": 0, "touchpoint": 1, "name": "", "dots": 5}]}]
//
// results are ranked (most dots first, ties in journey order); phase and
// touchpoint are indexes into the map's phases and that phase's
// touchpoints, from 0; name repeats the touchpoint's name for a reader and
// is ignored on import. Only closed votes leave the file: an open vote's
// tally is still secret.

var (
	voteKeys   = []string{"question", "dots_per_person", "results"}
	resultKeys = []string{"phase", "touchpoint", "name", "dots"}
)

func (w *jsonWriter) votes(m *model.Map) {
	w.key("votes")
	if len(m.Votes) == 0 {
		w.b = append(w.b, "[]"...)
		return
	}
	w.open('[')
	for i, v := range m.Votes {
		w.item(i)
		w.open('{')
		w.key("question")
		w.str(v.Question)
		w.key("dots_per_person")
		w.b = strconv.AppendInt(w.b, int64(v.DotsPerPerson), 10)
		w.key("results")
		if len(v.Results) == 0 {
			w.b = append(w.b, "[]"...)
		} else {
			w.open('[')
			for j, r := range v.Results {
				w.item(j)
				w.open('{')
				w.key("phase")
				w.b = strconv.AppendInt(w.b, int64(r.At.Phase), 10)
				w.key("touchpoint")
				w.b = strconv.AppendInt(w.b, int64(r.At.Index), 10)
				w.key("name")
				w.str(r.Name)
				w.key("dots")
				w.b = strconv.AppendInt(w.b, int64(r.Dots), 10)
				w.close('}')
			}
			w.close(']')
		}
		w.close('}')
	}
	w.close(']')
}

func (p *jsonParser) votes(m *model.Map) error {
	m.Votes = nil
	return p.objects(func(i int) error {
		m.Votes = append(m.Votes, model.Vote{DotsPerPerson: model.DefaultDots})
		if p.null() {
			return nil
		}
		v := &m.Votes[i]
		return p.object(voteKeys, func(key string) error {
			switch key {
			case "question":
				return p.text(&v.Question)
			case "dots_per_person":
				return p.whole(&v.DotsPerPerson)
			default: // "results"
				v.Results = nil
				return p.objects(func(j int) error {
					v.Results = append(v.Results, model.VoteResult{})
					if p.null() {
						return nil
					}
					r := &v.Results[j]
					return p.object(resultKeys, func(key string) error {
						switch key {
						case "phase":
							return p.whole(&r.At.Phase)
						case "touchpoint":
							return p.whole(&r.At.Index)
						case "name":
							return p.text(&r.Name)
						default: // "dots"
							return p.whole(&r.Dots)
						}
					})
				})
			}
		})
	})
}

// checkVotes checks the votes a document brings and ranks them against its
// map, so what imports is what exports.
func checkVotes(m *model.Map) error {
	for i := range m.Votes {
		v := &m.Votes[i]
		path := "map.votes" + index(i)
		if err := v.Validate(); err != nil {
			return &model.FieldError{Path: path, Msg: err.Error()}
		}
		for j, r := range v.Results {
			if _, ok := m.Touchpoint(r.At); !ok {
				return &model.FieldError{Path: path + ".results" + index(j), Msg: fmt.Sprintf("names no touchpoint (phase %d, touchpoint %d)", r.At.Phase, r.At.Index)}
			}
		}
		v.Results = model.Rank(m, v.Results)
		for j := range v.Results {
			v.Results[j].Touchpoint = 0 // the document's map has no IDs yet
		}
	}
	return nil
}

// votes writes a "Votes" section, one table per closed vote, ranked; a map
// without votes gets none.
func (md mdWriter) votes(m *model.Map) {
	if len(m.Votes) == 0 {
		return
	}
	md.s("## Votes\n\n")
	for _, v := range m.Votes {
		md.s("### ")
		md.in(v.Question, "(no question)")
		md.s("\n\n")
		md.int(v.DotsPerPerson)
		md.s(" dots per person · ")
		md.int(v.TotalDots())
		md.s(" dots placed\n\n")
		if len(v.Results) == 0 {
			md.s("No dots were placed.\n\n")
			continue
		}
		md.s("| Rank | Touchpoint | Phase | Dots |\n|---:|---|---|---:|\n")
		for i, r := range v.Results {
			md.s("| ")
			md.int(i + 1)
			md.s(" | ")
			md.in(r.Name, "(untitled)")
			md.s(" | ")
			md.in(r.Phase, "—")
			md.s(" | ")
			md.int(r.Dots)
			md.s(" |\n")
		}
		md.s("\n")
	}
}

// csvVotes adds a column per closed vote ("dots: QUESTION") to header and
// returns, per vote, each touchpoint's dots by its place in the map.
func csvVotes(header []string, m *model.Map) ([]string, []map[model.Ref]int) {
	if len(m.Votes) == 0 {
		return header, nil
	}
	dots := make([]map[model.Ref]int, len(m.Votes))
	for i, v := range m.Votes {
		header = append(header, "dots: "+model.CleanText(v.Question))
		d := map[model.Ref]int{}
		for _, r := range v.Results {
			d[r.At] += r.Dots
		}
		dots[i] = d
	}
	return header, dots
}

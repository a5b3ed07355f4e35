package interchange

import (
	"bytes"
	"strings"
	"testing"

	"journeymap/model"
)

// votedMap is the rich map after two dot-voting rounds, with results as
// storage loads them: ranked, named, placed.
func votedMap() *model.Map {
	m := richMap()
	m.Votes = []model.Vote{
		{Question: "Which moments hurt most?", DotsPerPerson: 3, Results: model.Rank(m, []model.VoteResult{
			{At: model.Ref{Phase: 0, Index: 0}, Dots: 2},
			{At: model.Ref{Phase: 1, Index: 0}, Dots: 5},
			{At: model.Ref{Phase: 0, Index: 1}, Dots: 2},
		})},
		{Question: "=SUM(A1) | what | to fix first", DotsPerPerson: 1},
	}
	return m
}

func TestVotesRoundTripJSON(t *testing.T) {
	m := votedMap()
	first, err := MarshalJSON(m)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(first, []byte(`"version": 2`)) || !bytes.Contains(first, []byte(`"dots_per_person": 3`)) {
		t.Fatalf("no version 2 votes:\n%s", first)
	}
	back, err := ParseJSON(first)
	if err != nil {
		t.Fatal(err)
	}
	second, err := MarshalJSON(back)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Errorf("a v2 round trip changed the bytes:\n%s", firstDiff(first, second))
	}
	if len(back.Votes) != 2 || back.Votes[0].Results[0].Dots != 5 || back.Votes[0].Results[0].At != (model.Ref{Phase: 1, Index: 0}) {
		t.Errorf("votes read back: %+v", back.Votes)
	}
}

func TestVersion1StillImports(t *testing.T) {
	doc := `{"format":"journeymap","version":1,"map":{"title":"Old","phases":[{"name":"A","touchpoints":[{"name":"x"}]}]}}`
	m, err := ParseJSON([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if m.Title != "Old" || len(m.Votes) != 0 {
		t.Errorf("read %+v", m)
	}
}

func TestVotesRefused(t *testing.T) {
	for doc, want := range map[string]string{
		`{"format":"journeymap","version":2,"map":{"title":"T","phases":[],"votes":[{"question":"Q","results":[{"phase":0,"touchpoint":0,"dots":1}]}]}}`: "map.votes[0].results[0]: names no touchpoint",
		`{"format":"journeymap","version":2,"map":{"title":"T","votes":[{"question":""}]}}`:                                                              "map.votes[0]: a vote needs a question",
		`{"format":"journeymap","version":2,"map":{"title":"T","votes":[{"question":"Q","dots_per_person":0}]}}`:                                         "dots per person must be",
	} {
		_, err := ParseJSON([]byte(doc))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want %q", doc, err, want)
		}
	}
}

func TestVotesInMarkdownAndCSV(t *testing.T) {
	m := votedMap()
	var md, csv bytes.Buffer
	if err := WriteMarkdown(&md, m); err != nil {
		t.Fatal(err)
	}
	if err := WriteCSV(&csv, m); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"## Votes", "### Which moments hurt most?", "| 1 | ", " | 5 |\n", "No dots were placed."} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	lines := strings.Split(csv.String(), "\n")
	if !strings.HasSuffix(lines[0], ",dots: Which moments hurt most?,dots: =SUM(A1) | what | to fix first") {
		t.Errorf("CSV header lacks the votes:\n%s", lines[0])
	}
}

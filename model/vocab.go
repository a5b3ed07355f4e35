package model

import (
	"sort"
	"strings"
)

// Channels is the built-in list of channels offered as suggestions, before
// whatever the file already uses.
var Channels = []string{
	"website", "app", "e-mail", "social media", "search", "ads", "store",
	"phone", "chat", "SMS", "packaging", "delivery", "word of mouth",
	"review site", "marketplace", "events", "print", "call centre", "in person",
	"product", "billing", "help centre", "community",
}

// EmotionLabels is the built-in list of emotion labels offered as suggestions.
var EmotionLabels = []string{
	"curious", "hopeful", "excited", "delighted", "confident", "relieved",
	"satisfied", "proud", "loyal", "grateful", "calm", "neutral", "unsure",
	"confused", "impatient", "anxious", "frustrated", "annoyed", "overwhelmed",
	"disappointed", "angry", "bored", "sceptical", "surprised", "trusting",
}

// MetricNames is the built-in list of metric names offered as suggestions.
var MetricNames = []string{
	"conversion rate", "click-through rate", "bounce rate", "time on page",
	"NPS", "CSAT", "CES", "churn rate", "retention rate", "repeat purchase rate",
	"average order value", "cart abandonment", "wait time", "first response time",
	"resolution time", "activation rate", "open rate", "return rate",
	"reviews per week", "average rating", "sign-ups", "support tickets",
}

// Vocabulary is the words a set of maps uses where suggestions help: its
// channels, emotion labels and metric names, each list most used first.
type Vocabulary struct {
	Channels    []string
	Labels      []string
	MetricNames []string
}

// VocabularyOf counts the channels, emotion labels and metric names the
// touchpoints of maps use. Each list holds a word once (as first written,
// trimmed), most used first, ties in the order they first appear.
func VocabularyOf(maps ...*Map) Vocabulary {
	type counter struct {
		n     map[string]int
		order []string
	}
	newCounter := func() *counter { return &counter{n: map[string]int{}} }
	add := func(c *counter, s string) {
		s = strings.TrimSpace(s)
		if s == "" {
			return
		}
		if c.n[s] == 0 {
			c.order = append(c.order, s)
		}
		c.n[s]++
	}
	sorted := func(c *counter) []string {
		sort.SliceStable(c.order, func(i, j int) bool { return c.n[c.order[i]] > c.n[c.order[j]] })
		return c.order
	}
	ch, lb, mt := newCounter(), newCounter(), newCounter()
	for _, m := range maps {
		for _, p := range m.Phases {
			for _, t := range p.Touchpoints {
				add(ch, t.Channel)
				for _, l := range t.Emotion.Labels.All() {
					add(lb, l)
				}
				for _, x := range t.Metrics {
					add(mt, x.Name)
				}
			}
		}
	}
	return Vocabulary{Channels: sorted(ch), Labels: sorted(lb), MetricNames: sorted(mt)}
}

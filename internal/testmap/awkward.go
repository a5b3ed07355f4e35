package testmap

import (
	"strings"

	"journeymap/model"
)

// Rich is a map that exercises every field and every awkward kind of
// text: unicode, emoji, CJK, Markdown and Mermaid syntax, fractional,
// negative and missing numbers, and empty lists. The format and store tests use it.
func Rich() *model.Map {
	return &model.Map{MapInfo: model.MapInfo{
		Title:   "Café journey — 旅程 🚀 | # : ;",
		Persona: model.Persona{Name: "Zoë <b>", Description: "Busy parent\nof two; loves `tea`"},
		Goal:    "Buy a * bike * for 100 € & get it delivered",
		Notes:   "# not a heading\n- not a list\n> not a quote",
	}, Phases: []model.Phase{
		{Name: "Discovery 発見", Description: "Finds us", Touchpoints: []model.Touchpoint{
			{
				Name: "Ad on social | feed", Description: "Sees an ad\n\n    indented code?", Channel: "social media",
				Kind: model.KindDigital, Owner: "Marketing",
				Emotion:       model.Emotion{Score: 4, Labels: model.ListOf("curious", "hopeful 🙂")},
				Motivations:   model.ListOf("Find a bike", "Save: money"),
				Thoughts:      model.ListOf("Is it 'real'?", "1. numbered?"),
				PainPoints:    model.ListOf("- too many ads"),
				Opportunities: model.ListOf("+ better targeting"),
				Backstage:     model.ListOf("Campaign #12; A/B test"),
				Metrics: []model.Metric{
					{Name: "click-through rate", Unit: "%", Target: model.Float(2.5), Current: model.Float(1.75), Direction: model.Up},
					{Name: "cost", Unit: "€", Target: model.Float(-0.5), Current: nil, Direction: model.Down},
				},
				Notes: "=SUM(A1:A9)",
			},
			{Name: "検索 search", Channel: "search", Kind: model.KindHybrid, Emotion: model.Emotion{Score: 3}},
		}},
		{Name: "Purchase", Touchpoints: []model.Touchpoint{
			{Name: "Checkout `page`", Channel: "website", Kind: model.KindDigital, Owner: "@web-team",
				Emotion: model.Emotion{Score: 1, Labels: model.ListOf("anxious")},
				Metrics: []model.Metric{{Name: "conversion", Unit: "%", Target: model.Float(3), Current: model.Float(2.9999), Direction: model.Up}},
			},
			{Name: "Store counter", Channel: "store", Kind: model.KindPhysical, Owner: "Retail",
				Emotion: model.Emotion{Score: 5, Labels: model.ListOf("delighted")},
				Metrics: []model.Metric{{Name: "wait time", Unit: "min", Target: model.Float(5), Current: model.Float(12.5), Direction: model.Down}},
			},
		}},
		{Name: "Empty phase"},
	}}
}

// Nasty is a map whose every text field tries to break an export.
func Nasty() *model.Map {
	names := []string{
		"a: b", "#hash", "semi; colon", "line\nbreak", "", "   ", "Title page", "journey planner",
		"section 5 review", "accTitle: x", "x%%comment", "%%{init: {}}%%", "pipe | cell", "<script>alert(1)</script>",
		"`code` ```fence", "- list", "+ plus", "1. one", "2) two", "> quote", "*star* _under_", "[link](http://x)",
		"![img](x.png)", "&amp; entity", "\x1b[31mred\x1b[0m", "ｗｉｄｅ 全角 🎉", "=cmd|' /C calc'!A0", "@SUM(1)",
		"trailing \\", "---", "***", "===", "    indented", "~~strike~~", "back\\slash\\|", "\t\ttabs", "#", ":", ";",
	}
	m := &model.Map{MapInfo: model.MapInfo{
		Title:   "title: #1; the `best` | map\nsecond line",
		Persona: model.Persona{Name: "Pat: the \"persona\"; #", Description: "- desc\n# desc"},
		Goal:    "> goal",
		Notes:   "```\nnot code\n```",
	}}
	for pi := 0; pi < 3; pi++ {
		p := model.Phase{Name: []string{"Phase: one; #1", "section two", "| three |"}[pi], Description: "## phase desc\n* item"}
		for i, n := range names {
			if i%3 != pi {
				continue
			}
			name := n
			if strings.TrimSpace(name) == "" {
				name = "(blank)" // names must not be empty; keep the slot
			}
			p.Touchpoints = append(p.Touchpoints, model.Touchpoint{
				Name: name, Description: n + "\n" + n, Channel: n, Kind: model.Kinds[i%3], Owner: n,
				Emotion:     model.Emotion{Score: 1 + i%5, Labels: model.ListOf("x" + n)},
				Motivations: model.ListOf("m" + n), Thoughts: model.ListOf(n + "t"), PainPoints: model.ListOf(n + "!"),
				Opportunities: model.ListOf("o" + n), Backstage: model.ListOf("b" + n),
				Metrics: []model.Metric{{Name: "metric " + n, Unit: n, Target: model.Float(1), Current: model.Float(float64(i % 2)), Direction: model.Up}},
				Notes:   n,
			})
		}
		m.Phases = append(m.Phases, p)
	}
	m.Phases = append(m.Phases, model.Phase{Name: "#"})
	return m
}

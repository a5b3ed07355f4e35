package interchange

import (
	"bufio"
	"errors"
	"io"

	"journeymap/model"
)

// WriteMermaid writes m as a Mermaid `journey` diagram: the title, one
// section per phase and one task per touchpoint with its score. Every task
// has one actor, the persona (or "customer"): Mermaid has six actor colours,
// and a map's channels or owners would run past them. All text goes through
// mermaidText, so nothing a user typed can change the diagram's structure;
// scores are clamped to 1–5.
func WriteMermaid(w io.Writer, m *model.Map) error {
	if m == nil {
		return errors.New("export mermaid: no map")
	}
	return StreamMermaid(w, FromMap(m, true))
}

// StreamMermaid writes src's outline as WriteMermaid writes its map: the
// diagram needs nothing else.
func StreamMermaid(w io.Writer, src Source) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	writeMermaid(bw, src.Head, src.Outline, "")
	return bw.Flush()
}

// writeMermaid writes the diagram with every line indented by indent, so
// Markdown can embed it in a fence.
func writeMermaid(w *bufio.Writer, m *model.Map, o *model.Outline, indent string) {
	actor := "customer"
	if model.CleanLine(m.Persona.Name) != "" {
		actor = mermaidActor(m.Persona.Name)
	}
	w.WriteString(indent + "journey\n")
	w.WriteString(indent + "    title " + mermaidText(m.Title) + "\n")
	for _, p := range o.Phases {
		w.WriteString(indent)
		w.WriteString("    section ")
		w.WriteString(mermaidText(p.Name))
		w.WriteByte('\n')
		for i := range p.Touchpoints {
			t := &p.Touchpoints[i]
			score := model.ClampScore(t.Score)
			w.WriteString(indent)
			w.WriteString("      ")
			w.WriteString(mermaidText(t.Name))
			w.WriteString(": ")
			w.WriteByte(byte('0' + score))
			w.WriteString(": ")
			w.WriteString(actor)
			w.WriteByte('\n')
		}
	}
}

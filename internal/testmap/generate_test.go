package testmap

import "testing"

func TestGenerateIsValidAndSized(t *testing.T) {
	m := Generate(40, 10000)
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	if got := m.TouchpointCount(); got != 10000 {
		t.Fatalf("touchpoints = %d, want 10000", got)
	}
	if len(m.Phases) != 40 {
		t.Fatalf("phases = %d, want 40", len(m.Phases))
	}
}

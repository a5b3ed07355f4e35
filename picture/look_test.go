package picture

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"journeymap/internal/testmap"
	"journeymap/model"
)

// TestLook writes the pictures to $PICTURE_LOOK for a person to look at.
func TestLook(t *testing.T) {
	dir := os.Getenv("PICTURE_LOOK")
	if dir == "" {
		t.Skip("set PICTURE_LOOK=DIR to write the pictures there")
	}
	cases := map[string]struct {
		m *model.Map
		o Options
	}{
		"ecommerce":       {loadTemplate(t, "e-commerce-order"), Options{}},
		"lifecycle":       {loadTemplate(t, "customer-lifecycle"), Options{}},
		"lifecycle-curve": {loadTemplate(t, "customer-lifecycle"), Options{Picture: "curve"}},
		"saas-phase2":     {loadTemplate(t, "saas-onboarding"), Options{Phase: 2}},
		"gen200":          {testmap.Generate(6, 200), Options{}},
		"gen10k":          {testmap.Generate(40, 10000), Options{}},
		"gen10k-phase3":   {testmap.Generate(40, 10000), Options{Phase: 3}},
		"gen24":           {testmap.Generate(5, 24), Options{}},
	}
	for name, c := range cases {
		f, err := os.Create(filepath.Join(dir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		p, err := Map(c.m, c.o)
		if err != nil {
			t.Fatal(name, err)
		}
		// Look at 1× to keep the files small.
		if err := p.writePNGScale(f, 1); err != nil {
			t.Fatal(err)
		}
		f.Close()
		fmt.Println("wrote", f.Name())
	}
	f, _ := os.Create(filepath.Join(dir, "ecommerce.pdf"))
	defer f.Close()
	if err := WritePDF(f, loadTemplate(t, "e-commerce-order"), Options{}); err != nil {
		t.Fatal(err)
	}
}

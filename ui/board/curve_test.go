package board

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"journeymap/ui/theme"
)

func plainCurve(phases [][]int, widths []int, hl, sel int) []string {
	lines := CurveLines(phases, widths, hl, sel, 0, DefaultStyles(theme.New(true)))
	for i, l := range lines {
		lines[i] = ansi.Strip(l)
	}
	return lines
}

// rowOf returns the row (0 = score 5) holding a non-blank, non-separator
// cell at column x, or -1.
func rowsAt(lines []string, x int) []int {
	var rows []int
	for r, l := range lines {
		cells := []rune(l)
		if x < len(cells) && !strings.ContainsRune(" ┊┃", cells[x]) {
			rows = append(rows, r)
		}
	}
	return rows
}

func TestCurveWidthAndRows(t *testing.T) {
	cases := []struct {
		phases [][]int
		widths []int
	}{
		{nil, nil},
		{[][]int{{3}}, []int{0}},
		{[][]int{{1, 5, 1, 5}}, []int{1}},
		{[][]int{{1, 2, 3}, {}, {5, 5}}, []int{10, 10, 10}},
		{[][]int{{9, -3, 0}}, []int{7}}, // out-of-range scores are clamped
		{[][]int{make([]int, 1000)}, []int{24}},
	}
	for _, c := range cases {
		lines := CurveLines(c.phases, c.widths, 0, 0, 0, DefaultStyles(theme.New(false)))
		if len(lines) != CurveRows {
			t.Fatalf("%v: %d lines, want %d", c.widths, len(lines), CurveRows)
		}
		want := CurveWidth(c.widths)
		for _, l := range lines {
			if w := lipgloss.Width(l); w != want {
				t.Errorf("%v: line %q is %d wide, want %d", c.widths, ansi.Strip(l), w, want)
			}
		}
	}
}

func TestCurveDipIsLower(t *testing.T) {
	lines := plainCurve([][]int{{4, 1, 4}}, []int{9}, -1, -1)
	// Points sit at cells 1, 4 and 7 of the phase (after the 2-cell axis).
	first, dip := rowsAt(lines, CurveAxisWidth+1), rowsAt(lines, CurveAxisWidth+4)
	if len(first) == 0 || len(dip) == 0 {
		t.Fatalf("no line at the points:\n%s", strings.Join(lines, "\n"))
	}
	if dip[len(dip)-1] != scoreRow(1) || first[0] != scoreRow(4) {
		t.Errorf("dip not drawn on the score-1 row:\n%s", strings.Join(lines, "\n"))
	}
	if !strings.HasPrefix(lines[0], "5") || !strings.HasPrefix(lines[4], "1") {
		t.Errorf("axis labels missing:\n%s", strings.Join(lines, "\n"))
	}
}

func TestCurveAggregatesToMinimum(t *testing.T) {
	scores := make([]int, 500)
	for i := range scores {
		scores[i] = 5
	}
	scores[333] = 1 // one dip among 500 must survive squeezing into 10 cells
	lines := plainCurve([][]int{scores}, []int{10}, -1, -1)
	if !strings.ContainsAny(lines[scoreRow(1)], "─╰╯") {
		t.Errorf("dip hidden by aggregation:\n%s", strings.Join(lines, "\n"))
	}
}

func TestCurveSeparatorsAndSelection(t *testing.T) {
	lines := plainCurve([][]int{{3, 3}, {2, 4}, {5}}, []int{6, 6, 6}, 1, 1)
	sepX := []int{CurveAxisWidth + 6, CurveAxisWidth + 13}
	for _, x := range sepX {
		found := false
		for _, l := range lines {
			if []rune(l)[x] == '┃' {
				found = true
			}
		}
		if !found {
			t.Errorf("no ┃ separator beside the highlighted phase at %d:\n%s", x, strings.Join(lines, "\n"))
		}
	}
	// Selected: second touchpoint of phase 1, score 4.
	if !strings.Contains(lines[scoreRow(4)], "◆") {
		t.Errorf("selected touchpoint not marked on its row:\n%s", strings.Join(lines, "\n"))
	}
	if n := strings.Count(strings.Join(lines, ""), "◆"); n != 1 {
		t.Errorf("%d selection marks, want 1", n)
	}
	plain := plainCurve([][]int{{3}, {3}, {3}}, []int{4, 4, 4}, -1, -1)
	if !strings.Contains(strings.Join(plain, ""), "┊") {
		t.Errorf("no ┊ separators:\n%s", strings.Join(plain, "\n"))
	}
}

func TestSparkLineWidth(t *testing.T) {
	p := newCurvePaints(DefaultStyles(theme.New(true)))
	l := sparkLine([][]int{{1, 5}, {3}}, []int{8, 8}, 0, 1, 0, 0, p)
	if w := lipgloss.Width(l); w != CurveWidth([]int{8, 8}) {
		t.Errorf("spark line %q is %d wide", ansi.Strip(l), w)
	}
	if !strings.Contains(ansi.Strip(l), "◆") || !strings.Contains(ansi.Strip(l), "▁") {
		t.Errorf("spark line %q lacks the selection or the low block", ansi.Strip(l))
	}
}

func TestCurveWithoutSelection(t *testing.T) {
	for _, c := range []struct{ hl, sel int }{{-1, -1}, {0, -1}, {5, 0}, {0, 99}} {
		lines := plainCurve([][]int{{1, 2, 3}}, []int{10}, c.hl, c.sel)
		if strings.Contains(strings.Join(lines, ""), "◆") {
			t.Errorf("hl %d sel %d: selection drawn", c.hl, c.sel)
		}
	}
	// Negative widths and mismatched slices are tolerated.
	lines := CurveLines([][]int{{1}, {2}, {3}}, []int{-5, 4}, 0, 0, 0, DefaultStyles(theme.New(true)))
	if w := lipgloss.Width(lines[0]); w != CurveWidth([]int{-5, 4}) {
		t.Errorf("width %d, want %d", w, CurveWidth([]int{-5, 4}))
	}
}

// TestBoardCurveAlignsWithColumns checks that the phase separators of the
// curve lane fall into the gaps between the board's columns.
func TestBoardCurveAlignsWithColumns(t *testing.T) {
	m := newBoard(sampleMap())
	m.Select(Selection{1, 1})
	lines := strings.Split(plain(m, 80, 24), "\n")
	header := []rune(lines[0])
	gapX := gutter + 25 // first column is 25 wide at 80 cells
	if header[gapX] != ' ' {
		t.Fatalf("expected a gap at %d in %q", gapX, lines[0])
	}
	curve := lines[len(lines)-CurveRows-1:] // its names and the curve
	for _, l := range curve {
		if r := []rune(l)[gapX]; !strings.ContainsRune("┊┃─╯╮╭╰│●▼", r) {
			t.Errorf("curve row %q has %q at the column gap", l, r)
		}
	}
	// Purchase (the selected phase) is bounded by ┃ on both sides.
	if !strings.ContainsRune(curve[0], '┃') {
		t.Errorf("highlighted phase not bounded by ┃:\n%s", strings.Join(curve, "\n"))
	}
}

// TestCurveNamesItsTouchpoints checks the row over the board's curve: short
// names in wide columns, journey numbers in narrow shares, ▼ on the lowest.
func TestCurveNamesItsTouchpoints(t *testing.T) {
	m := newBoard(sampleMap())
	m.Select(Selection{0, 0})
	v := plain(m, 160, 45)
	for _, want := range []string{"Sees the sign", "▼Order at", "▼──"} {
		if !strings.Contains(v, want) {
			t.Errorf("curve lacks %q:\n%s", want, v)
		}
	}
	// 500 touchpoints in a column: the row names the range of numbers.
	m = newBoard(bigMap())
	m.Select(Selection{5, 0})
	if v := plain(m, 80, 24); !strings.Contains(v, "–") {
		t.Errorf("no range of numbers under a crowded column:\n%s", v)
	}
}

func TestCurveLinesTall(t *testing.T) {
	st := DefaultStyles(theme.New(true))
	lines := CurveLinesTall([][]int{{1, 5}, {3}}, []int{8, 8}, 0, -1, 1, 2, st)
	if len(lines) != 9 {
		t.Fatalf("%d lines, want 9", len(lines))
	}
	plain := ansi.Strip(strings.Join(lines, "\n"))
	for _, want := range []string{"5┤", " │", "1┤", "▼"} {
		if !strings.Contains(plain, want) {
			t.Errorf("tall curve lacks %q:\n%s", want, plain)
		}
	}
	for _, l := range lines {
		if w := lipgloss.Width(l); w != CurveWidth([]int{8, 8}) {
			t.Errorf("width %d: %q", w, ansi.Strip(l))
		}
	}
}

package theme

import (
	"reflect"
	"testing"
)

func TestPastedLines(t *testing.T) {
	in := "- Parking is hard\r\n* No price per cup\n• Queue at the till\n1. Slow Wi-Fi\n2) Card refused\n\n   \n-\n12. Twelfth\n[ ] todo item\nplain line\n-5 degrees outside\n3.5 stars on average\n"
	want := []string{"Parking is hard", "No price per cup", "Queue at the till", "Slow Wi-Fi", "Card refused",
		"Twelfth", "todo item", "plain line", "-5 degrees outside", "3.5 stars on average"}
	if got := PastedLines(in); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if IsMultiLine("one line\n") || !IsMultiLine("a\nb") {
		t.Error("IsMultiLine")
	}
}

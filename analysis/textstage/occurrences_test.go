package textstage

import (
	"reflect"
	"testing"
)

func TestOccurrences(t *testing.T) {
	cases := []struct {
		text, s string
		limit   int
		want    []int
	}{
		{"Mrs A\nMrs A (SENCO)\nMrs A", "Mrs A", -1, []int{0, 6, 20}},
		{"Mrs A\nMrs A (SENCO)\nMrs A", "Mrs A", 2, []int{0, 6}},
		{"aaaa", "aa", -1, []int{0, 2}}, // not overlapping
		{"no name here", "Mrs A", -1, nil},
		{"anything", "", -1, nil},
	}
	for _, c := range cases {
		if got := Occurrences(c.text, c.s, c.limit); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Occurrences(%q, %q, %d) = %v, want %v", c.text, c.s, c.limit, got, c.want)
		}
	}
	text := "Trust SENDCo\nDr A Bee\nlast line"
	for i, want := range map[int][2]int{0: {0, 12}, 13: {13, 21}, 25: {22, 31}} {
		if s, e := LineBounds(text, i); s != want[0] || e != want[1] {
			t.Errorf("LineBounds at %d = %d,%d, want %v", i, s, e, want)
		}
	}
}

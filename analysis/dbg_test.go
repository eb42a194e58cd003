package analysis

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDbg(t *testing.T) {
	for _, id := range strings.Split(os.Getenv("IDS"), ",") {
		b, _ := os.ReadFile("../../shared/corpus/reports/" + id + ".txt")
		_, rest, _ := strings.Cut(string(b), "\n")
		text := Normalise(rest)
		for _, f := range sencoNames(text) {
			fmt.Println(id, f.Value, "|", f.Evidence)
		}
		for _, m := range sencoRole.FindAllStringIndex(text, -1) {
			fmt.Printf("  role %q ctx %q\n", text[m[0]:m[1]], text[max(0, m[0]-40):min(len(text), m[1]+60)])
		}
	}
}

package reports

import (
	"bytes"
	"database/sql"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

// Tables fit the terminal they are printed on: at every width each line fits,
// the first column is whole, long text is cut with "…", columns that cannot fit
// are left out from the right and named on stderr; --wide and a pipe (width 0)
// show what the terminal cannot.
func TestWriteTableFitsWidth(t *testing.T) {
	evidence := "Our SENCO works three days a week and is a member of the senior leadership team, " +
		"supported by two teaching assistants trained in speech and language."
	header := []string{"urn", "school_name", "outcome", "evidence", "la_could_not_check"}
	rows := [][]string{
		{"990100", "Oakfield Primary School", "found", evidence, "2"},
		{"990101", "Ysgol Gymraeg Brynhyfryd — Llanelwedd", "not_found", "", "2"},
		{"990102", "Sé Academy", "unreachable", "connection\nrefused", "2"},
	}
	cases := []struct {
		width, shown int
		wide         bool
	}{
		{width: 0, shown: 5},
		{width: 200, shown: 5},
		{width: 120, shown: 5},
		{width: 80, shown: 5},
		{width: 60, shown: 4},
		{width: 40, shown: 3},
		{width: 20, shown: 2},
		{width: 3, shown: 1},
		{width: 40, shown: 5, wide: true},
	}
	for _, c := range cases {
		var out, note bytes.Buffer
		if err := WriteTable(&out, header, rows, TableOptions{Width: c.width, Wide: c.wide, Note: &note}); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		if len(lines) != len(rows)+1 {
			t.Fatalf("width %d: %d lines, want %d:\n%s", c.width, len(lines), len(rows)+1, out.String())
		}
		if got := len(strings.Fields(lines[0])); got != c.shown {
			t.Errorf("width %d wide %v: %d columns shown, want %d:\n%s", c.width, c.wide, got, c.shown, out.String())
		}
		for i, l := range lines {
			if c.width >= 6 && !c.wide && runewidth.StringWidth(l) > c.width {
				t.Errorf("width %d: line %d is %d wide: %q", c.width, i, runewidth.StringWidth(l), l)
			}
			if i > 0 && !strings.HasPrefix(l, rows[i-1][0]) {
				t.Errorf("width %d: line %d does not start with the whole first column: %q", c.width, i, l)
			}
		}
		// Every column starts where its heading does.
		for _, h := range header[1:c.shown] {
			at := runewidth.StringWidth(lines[0][:strings.Index(lines[0], h)])
			if r := []rune(lines[1]); runewidth.StringWidth(string(r)) > at && r[len([]rune(runewidth.Truncate(lines[1], at, "")))-1] != ' ' {
				t.Errorf("width %d: column %s starts at %d, but the row has no gap before it: %q", c.width, h, at, lines[1])
			}
		}
		full := strings.Contains(out.String(), evidence)
		if full != (c.wide && c.shown > 3) {
			t.Errorf("width %d wide %v: evidence in full %v", c.width, c.wide, full)
		}
		if c.shown > 3 && !c.wide && !strings.Contains(lines[1], "…") {
			t.Errorf("width %d: long evidence not cut with …: %q", c.width, lines[1])
		}
		if strings.Contains(out.String(), "connection\nrefused") {
			t.Errorf("width %d: a line break inside a cell breaks the row", c.width)
		}
		if c.shown < len(header) {
			want := "not shown: " + strings.Join(header[c.shown:], ", ")
			if !strings.Contains(note.String(), want) || !strings.Contains(note.String(), "--wide") {
				t.Errorf("width %d: note %q, want it to say %q and --wide", c.width, note.String(), want)
			}
		} else if note.Len() > 0 {
			t.Errorf("width %d: a note with every column shown: %q", c.width, note.String())
		}
	}
}

// Query results go through the same layout: a real DuckDB result at a fixed width.
func TestWriteRowsFitQueryResult(t *testing.T) {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT i AS urn, repeat('provision for autism ', 10) AS evidence, i * 1.5 AS senco_days_per_week,
	       'x' AS a_column_with_a_long_heading FROM range(3) t(i)`)
	if err != nil {
		t.Fatal(err)
	}
	var out, note bytes.Buffer
	n, err := WriteRowsFit(&out, rows, "table", TableOptions{Width: 50, Note: &note})
	if err != nil || n != 3 {
		t.Fatalf("%d rows, %v", n, err)
	}
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if runewidth.StringWidth(l) > 50 {
			t.Errorf("line %d wide: %q", runewidth.StringWidth(l), l)
		}
	}
	if !strings.Contains(note.String(), "a_column_with_a_long_heading") {
		t.Errorf("note %q does not name the column left out:\n%s", note.String(), out.String())
	}
}

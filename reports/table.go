package reports

import (
	"fmt"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"
)

// TableOptions fit a table to a terminal, as the GitHub CLI does: long text is
// cut short with "…", and when even that is too wide the last columns are left
// out, with a note saying which.
type TableOptions struct {
	// Width is the terminal's width in columns; 0 lays the table out in full
	// (output that is not a terminal: a pipe or a file).
	Width int
	// Wide shows every column and every cell in full, whatever the width.
	Wide bool
	// Note gets the line saying what was left out (stderr); nil: no note.
	Note io.Writer
}

const (
	cellCap  = 60 // a cell's text is cut at this width unless wide
	colGap   = 2  // spaces between columns
	minWidth = 12 // a column is never cut narrower than this (or its heading): short values stay whole
)

// WriteTable prints a header and rows as aligned columns. Whitespace inside a
// cell is collapsed to single spaces, so that every row is one line.
func WriteTable(w io.Writer, header []string, rows [][]string, opt TableOptions) error {
	cells := make([][]string, 0, len(rows)+1)
	for _, r := range append([][]string{header}, rows...) {
		line := make([]string, len(header))
		for i := range line {
			if i < len(r) {
				line[i] = strings.Join(strings.Fields(r[i]), " ")
			}
		}
		cells = append(cells, line)
	}
	widths := make([]int, len(header))
	for _, line := range cells {
		for i, c := range line {
			widths[i] = max(widths[i], runewidth.StringWidth(c))
		}
	}
	if !opt.Wide {
		for i := range widths {
			widths[i] = min(widths[i], max(cellCap, runewidth.StringWidth(header[i])))
		}
	}
	shown := len(header)
	if !opt.Wide && opt.Width > 0 {
		widths, shown = fitColumns(header, widths, opt.Width)
	}
	var b strings.Builder
	for _, line := range cells {
		b.Reset()
		for i, c := range line[:shown] {
			c = runewidth.Truncate(c, widths[i], "…")
			if i == shown-1 {
				b.WriteString(c) // no padding after the last column
				break
			}
			b.WriteString(runewidth.FillRight(c, widths[i]+colGap))
		}
		if _, err := fmt.Fprintln(w, strings.TrimRight(b.String(), " ")); err != nil {
			return err
		}
	}
	if shown < len(header) && opt.Note != nil {
		fmt.Fprintf(opt.Note, "%d of %d columns shown, for the width of the terminal (not shown: %s): --wide shows all, --format csv or json gives everything\n",
			shown, len(header), strings.Join(header[shown:], ", "))
	}
	return nil
}

// fitColumns narrows the widest columns, one character at a time, until the
// table fits width; a column keeps its heading and at least minWidth (so short
// values, codes and outcomes, are never cut). When that
// is still too wide, columns are left out from the right (the first is always
// kept). It returns the widths and how many columns to show.
func fitColumns(header []string, natural []int, width int) ([]int, int) {
	widths := append([]int(nil), natural...)
	floor := make([]int, len(widths))
	for i, h := range header {
		floor[i] = min(widths[i], max(runewidth.StringWidth(h), minWidth))
	}
	total := func(n int) int {
		t := colGap * (n - 1)
		for _, w := range widths[:n] {
			t += w
		}
		return t
	}
	shown := len(widths)
	for shown > 1 {
		// The least a table of the first shown columns can be.
		least := colGap * (shown - 1)
		for _, f := range floor[:shown] {
			least += f
		}
		if least <= width {
			break
		}
		shown--
	}
	for total(shown) > width {
		widest := -1
		for i := range widths[:shown] {
			if widths[i] > floor[i] && (widest < 0 || widths[i] > widths[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			break // one column wider than the terminal: it runs over
		}
		widths[widest]--
	}
	return widths, shown
}

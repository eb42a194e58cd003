package main

import (
	"io"
	"os"
	"strconv"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/sendscope/sendscope/reports"
)

// tableOptions fit a table printed on stdout to the terminal: its width when
// stdout is a terminal that reports one, else $COLUMNS when set, else no limit
// (a pipe or a file gets every column, as --wide).
func tableOptions(cmd *cobra.Command, wide bool) reports.TableOptions {
	return reports.TableOptions{Width: outputWidth(cmd.OutOrStdout()), Wide: wide, Note: cmd.ErrOrStderr()}
}

func outputWidth(w io.Writer) int {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if width, _, err := term.GetSize(int(f.Fd())); err == nil && width > 0 {
			return width
		}
	}
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	return 0
}

// addWideFlag adds --wide to a command that prints tables.
func addWideFlag(cmd *cobra.Command, wide *bool) {
	cmd.Flags().BoolVar(wide, "wide", false, "show every column and every cell in full, however wide the terminal")
}

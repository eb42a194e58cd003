package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sendscope/sendscope/queries"
	"github.com/sendscope/sendscope/reports"
)

func newStatusCmd(g *globals) *cobra.Command {
	var wide bool
	cmd := &cobra.Command{
		Use: "status",
		Example: `  sendscope status
  sendscope --db demo/sendscope.duckdb status`,
		Short: "What the store holds: years, runs, schools reached, documents, facts",
		Args:  argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := g.openRead(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			st, err := store.Status(cmd.Context())
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "store %s (schema %d): %d schools in the register, %d local authorities\n", st.Path, st.SchemaVersion, st.Schools, st.Authorities)
			if len(st.Years) == 0 {
				fmt.Fprintln(out, "no crawls yet: run `sendscope crawl --year 2025/26`")
				return nil
			}
			header := []string{"year", "runs", "unfinished", "schools", "checked", "reports found", "could not check", "documents", "facts", "Local Offers", "services"}
			var rows [][]string
			for _, y := range st.Years {
				row := []string{y.Year}
				for _, n := range []int{y.Runs, y.OpenRuns, y.Schools, y.SchoolsReached, y.ReportsFound, y.CouldNotCheck, y.Documents, y.Facts, y.LocalOffers, y.Services} {
					row = append(row, strconv.Itoa(n))
				}
				rows = append(rows, row)
			}
			if err := reports.WriteTable(out, header, rows, tableOptions(cmd, wide)); err != nil {
				return err
			}
			fmt.Fprintln(out, "checked: the school's website answered and was searched (a report found, or none); could not check: unreachable, blocked by robots.txt, no website, needs JavaScript, or not crawled")
			printVersions(out, st.Years, g.extractor.Version())
			return nil
		},
	}
	addWideFlag(cmd, &wide)
	return cmd
}

// printVersions says which extractor versions read each year's documents, and
// which years to re-read when the rules in force (with any --vocab) differ.
func printVersions(out io.Writer, years []queries.YearStatus, current string) {
	fmt.Fprintf(out, "extractor in force: %s\n", current)
	for _, y := range years {
		var parts []string
		stale := false
		for _, v := range y.ExtractorVersions {
			parts = append(parts, fmt.Sprintf("%s (%d documents)", v.Version, v.Documents))
			stale = stale || v.Version != current
		}
		if len(parts) == 0 {
			continue
		}
		fmt.Fprintf(out, "  %s read with %s\n", y.Year, strings.Join(parts, ", "))
		if stale {
			fmt.Fprintf(out, "  %s was read with other rules than those in force: run `sendscope extract --year %s` (with the same --vocab files) to re-read it\n", y.Year, y.Year)
		}
	}
}

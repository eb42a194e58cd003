package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

func newStatusCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "status",
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
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "year\truns\tunfinished\tschools\tchecked\treports found\tcould not check\tdocuments\tfacts\tLocal Offers\tservices")
			for _, y := range st.Years {
				fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n", y.Year, y.Runs, y.OpenRuns, y.Schools, y.SchoolsReached, y.ReportsFound, y.CouldNotCheck, y.Documents, y.Facts,
					y.LocalOffers, y.Services)
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			fmt.Fprintln(out, "checked: the school's website answered and was searched (a report found, or none); could not check: unreachable, blocked by robots.txt, no website, needs JavaScript, or not crawled")
			return nil
		},
	}
}

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/sendscope/sendscope/queries"
	"github.com/sendscope/sendscope/register"
)

func newNeedsCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{Use: "needs", Short: "Load the DfE's SEN statistics per school and year"}
	cmd.AddCommand(&cobra.Command{
		Use:   "import FILE...",
		Short: "Load 'Special educational needs in England' school-level files (totals or primary need)",
		Long: `Load the DfE's school-level SEN statistics: the totals file (pupils, SEN support,
EHC plans) and the primary-need file (pupils by SEN provision and type of need), in
any year's column names. Suppressed numbers (x, z, c, ., ..) stay unknown, never 0.
Columns not recognised and rows not loaded are listed. Re-importing a school and
year replaces its figures.`,
		Args: argsUsage(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := g.openWrite(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			for _, path := range args {
				if err := importNeeds(cmd.Context(), store, path, cmd.ErrOrStderr()); err != nil {
					return err
				}
			}
			return nil
		},
	})
	return cmd
}

// importNeeds reads one SEN statistics file and loads it, printing what it did.
func importNeeds(ctx context.Context, store *queries.Store, path string, out io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	res, err := register.ReadSENStats(f, path)
	f.Close()
	if err != nil {
		return err
	}
	switch res.Kind {
	case "totals":
		rows := make([]queries.SENTotals, len(res.Totals))
		for i, t := range res.Totals {
			rows[i] = queries.SENTotals(t)
		}
		err = store.ImportSENTotals(ctx, rows, path)
	default:
		rows := make([]queries.SENNeed, len(res.Needs))
		for i, n := range res.Needs {
			rows[i] = queries.SENNeed(n)
		}
		err = store.ImportSENNeeds(ctx, rows, path)
	}
	if err != nil {
		return fmt.Errorf("%s: nothing imported: %w", path, err)
	}
	fmt.Fprintf(out, "%s (%s, %s): %d rows read, %d loaded, %d skipped\n", path, res.Kind, res.Encoding,
		res.Rows, len(res.Totals)+len(res.Needs), len(res.Skipped))
	if len(res.Unrecognised) > 0 {
		fmt.Fprintf(out, "  columns not used: %s\n", strings.Join(res.Unrecognised, ", "))
	}
	reasons := map[string][]int{}
	for _, s := range res.Skipped {
		reasons[s.Reason] = append(reasons[s.Reason], s.Line)
	}
	var keys []string
	for k := range reasons {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(out, "  skipped %d (lines %s): %s\n", len(reasons[k]), joinInts(firstN(reasons[k], 10)), k)
	}
	return nil
}

func firstN(xs []int, n int) []int {
	if len(xs) > n {
		return xs[:n]
	}
	return xs
}

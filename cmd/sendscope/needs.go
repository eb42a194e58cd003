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
		Use: "import FILE...",
		Example: `  sendscope needs import sen_school_level_underlying_data.csv
  sendscope needs import spc_sen_2223.csv spc_sen_2425.csv`,
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
			return importNeeds(cmd.Context(), store, args, cmd.ErrOrStderr())
		},
	})
	return cmd
}

// importNeeds reads every file before loading any, then loads them all in one
// transaction: a bad file (say the second) leaves the store as it was, and the
// error names the file (and the line, when one line is at fault).
func importNeeds(ctx context.Context, store *queries.Store, paths []string, out io.Writer) error {
	var files []queries.SENFile
	var read []*register.SENStats
	for _, path := range paths {
		res, err := readNeeds(path)
		if err != nil {
			return fmt.Errorf("%w; nothing imported", err)
		}
		files = append(files, res.file)
		read = append(read, res.stats)
	}
	if err := store.ImportSENFiles(ctx, files); err != nil {
		return fmt.Errorf("%w; nothing imported", err)
	}
	for i, path := range paths {
		printNeeds(out, path, read[i])
	}
	return nil
}

type needsFile struct {
	file  queries.SENFile
	stats *register.SENStats
}

// readNeeds reads one SEN statistics file; its errors name the file and line.
func readNeeds(path string) (needsFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return needsFile{}, err
	}
	defer f.Close()
	res, err := register.ReadSENStats(f, path)
	if err != nil {
		return needsFile{}, err
	}
	out := needsFile{file: queries.SENFile{Source: path}, stats: res}
	for _, t := range res.Totals {
		out.file.Totals = append(out.file.Totals, queries.SENTotals(t))
	}
	for _, n := range res.Needs {
		out.file.Needs = append(out.file.Needs, queries.SENNeed(n))
	}
	return out, nil
}

// printNeeds says what was loaded from one file, and what was skipped and why.
func printNeeds(out io.Writer, path string, res *register.SENStats) {
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
}

func firstN(xs []int, n int) []int {
	if len(xs) > n {
		return xs[:n]
	}
	return xs
}

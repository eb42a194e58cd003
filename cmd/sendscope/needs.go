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
	cmd := &cobra.Command{Use: "needs", Short: "Load the DfE's SEN statistics per school and year, and the LA EHC plan tables"}
	cmd.AddCommand(&cobra.Command{
		Use: "import FILE...",
		Example: `  sendscope needs import sen_school_level_underlying_data.csv
  sendscope needs import spc_sen_2223.csv spc_sen_2425.csv ehcp_sen_needs.csv ehcp_caseload.csv`,
		Short: "Load 'Special educational needs in England' school-level files and 'Education, health and care plans' LA tables",
		Long: `Load the DfE's statistics as published, recognising each file's shape from its header:

  - the school-level file of "Special educational needs in England": the long 2024/25
    file ("2026 format": school_urn, sen_provision, sen_primary_need, pupil_count), the
    wide files of 2022/23 and before (URN, Total pupils, SEN support, EHC plan,
    EHC_Primary_need_asd, ...), and older years' names (pupils, statement_ehc_plan,
    School Action, School Action Plus);
  - the LA tables of "Education, health and care plans": plans by primary need
    (number_asd, ...) and by placement (special_independent, ...), rows at the
    Local authority level.

Windows-1252 or UTF-8 (with or without a BOM). Labels are mapped by meaning; labels
and columns not recognised are listed. Suppressed numbers (x, z, c, low, u, ., ..,
:) stay unknown, never 0, and are counted. Several files load all or none.
Re-importing a file replaces its rows.`,
		Args: argsUsage(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := g.openWrite(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			// Files reach a million rows: DuckDB spills past this rather than grow.
			if err := store.LimitMemory(cmd.Context(), 64); err != nil {
				return err
			}
			if _, err := store.DB().ExecContext(cmd.Context(), `SET preserve_insertion_order = false; SET threads = 1`); err != nil {
				return err
			}
			return importNeeds(cmd.Context(), store, args, cmd.ErrOrStderr())
		},
	})
	return cmd
}

// importNeeds streams every file into one transaction: a bad file (say the
// second) leaves the store as it was, and the error names the file (and the
// line, when one line is at fault).
func importNeeds(ctx context.Context, store *queries.Store, paths []string, out io.Writer) error {
	read := make([]*register.SENStats, len(paths))
	var srcs []queries.SENSource
	for i, path := range paths {
		srcs = append(srcs, queries.SENSource{Source: path, Read: func(w *queries.SENWriter) (queries.SENFileSummary, error) {
			res, err := readNeeds(path, w)
			if err != nil {
				return queries.SENFileSummary{}, err
			}
			read[i] = res
			return queries.SENFileSummary{Shape: res.Shape, Encoding: res.Encoding, Years: res.Years, RowsRead: res.Rows, Loaded: res.Loaded,
				ValuesSuppressed: res.Suppressed, SchoolsSuppressed: res.SuppressedSchools,
				LabelsNotRecognised: res.UnrecognisedLabels, ColumnsNotUsed: res.Unrecognised}, nil
		}})
	}
	if err := store.ImportSENSources(ctx, srcs); err != nil {
		return fmt.Errorf("%w; nothing imported", err)
	}
	for i, path := range paths {
		printNeeds(out, path, read[i])
	}
	return nil
}

// needsSink hands the reader's rows to the store's writer.
type needsSink struct{ w *queries.SENWriter }

func (s needsSink) Totals(t register.SENTotals) error { return s.w.Totals(queries.SENTotals(t)) }
func (s needsSink) Need(n register.SENNeed) error     { return s.w.Need(queries.SENNeed(n)) }
func (s needsSink) Flag(f register.SENFlag) error     { return s.w.Flag(queries.SENFlag(f)) }
func (s needsSink) LAEHCP(l register.LAEHCP) error    { return s.w.LAEHCP(queries.LAEHCP(l)) }

// readNeeds streams one file into the store; its errors name the file and line.
func readNeeds(path string, w *queries.SENWriter) (*register.SENStats, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return register.ReadSENStats(f, path, needsSink{w})
}

// printNeeds says what was loaded from one file, and what was skipped and why.
func printNeeds(out io.Writer, path string, res *register.SENStats) {
	fmt.Fprintf(out, "%s (%s, %s, %s): %d rows read, %d values loaded, %d rows of breakdowns or other levels read past, %d skipped\n",
		path, res.Shape, strings.Join(res.Years, ", "), res.Encoding, res.Rows, res.Loaded, res.ReadPast, res.SkippedCount)
	if res.Suppressed > 0 {
		what := "schools"
		if strings.HasPrefix(res.Shape, "LA") {
			what = "LAs"
		}
		fmt.Fprintf(out, "  %d values suppressed or not given (kept unknown, not 0), in %d %s\n", res.Suppressed, res.SuppressedSchools, what)
	}
	if len(res.Unrecognised) > 0 {
		fmt.Fprintf(out, "  columns not used: %s\n", strings.Join(res.Unrecognised, ", "))
	}
	if len(res.UnrecognisedLabels) > 0 {
		fmt.Fprintf(out, "  labels not recognised (rows skipped; add them to register/dfe_sen_labels.csv): %s\n", strings.Join(res.UnrecognisedLabels, "; "))
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

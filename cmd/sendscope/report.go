package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/sendscope/sendscope/queries"
	"github.com/sendscope/sendscope/reports"
)

func newReportCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{Use: "report", Short: "Excel workbooks for commissioners and heads of SEN"}
	var yearArg string
	opt := reports.CommissioningOptions{}
	comm := &cobra.Command{
		Use:   "commissioning --la LA --year YEAR -o FILE.xlsx",
		Short: "The commissioner's workbook: each need in words and figures, schools, and the evidence behind every figure",
		Long: `The commissioner's workbook: a Cover (which says whether names are shown or pseudonymised), a Summary
stating for autism, SEMH and each need the pupils with the need, specialist places, places per 100 pupils,
the change since the previous year and the LA's rank (among the LAs whose DfE figures the store holds), a
chart, then Schools, Evidence, Could not check, Compliance items, a Gaps map, the analyses, EHC plans,
Method and a Data dictionary. Every table has a filter and a frozen header repeated on each printed page;
pages are A4, fitted to width. Names, e-mails and phones are shown as published unless --redact.`,
		Example: `  sendscope report commissioning --la 998 --year 2025/26 -o testshire-2025-26.xlsx
  sendscope report commissioning --la E06000998 --year 2025/26 -o testshire.xlsx --redact`,
		Args: argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opt.LA == "" || opt.Path == "" {
				return usageError("--la and -o FILE.xlsx are required")
			}
			year, err := parseYear(yearArg)
			if err != nil {
				return err
			}
			opt.Year = year
			store, err := g.openRead(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			if err := store.CheckScope(cmd.Context(), queries.Params{Year: year, LA: opt.LA}); err != nil {
				return scopeError(err)
			}
			res, err := reports.Commissioning(cmd.Context(), store, opt)
			if err != nil {
				return err
			}
			personal := "names, e-mails and phones shown as published (--redact pseudonymises them)"
			if opt.Redact {
				personal = "names, e-mails and phones pseudonymised"
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "%s: %s %s, %d schools: %d checked, %d reports found, %d could not be checked; %d documents, %d facts; %s\n",
				opt.Path, res.LAName, year, res.Schools, res.Checked, res.ReportsFound, res.CouldNotCheck, res.Documents, res.Facts, personal)
			return nil
		},
	}
	comm.Flags().StringVar(&opt.LA, "la", "", "LA code (e.g. 886) or name")
	comm.Flags().StringVar(&yearArg, "year", "", "academic year, e.g. 2025/26")
	comm.MarkFlagRequired("year")
	comm.Flags().StringVarP(&opt.Path, "output", "o", "", "the workbook to write (.xlsx)")
	comm.Flags().BoolVar(&opt.Redact, "redact", false, "replace names, e-mails and phone numbers with pseudonyms")
	cmd.AddCommand(comm)

	var benchYear string
	bopt := reports.BenchmarkOptions{}
	bench := &cobra.Command{
		Use:     "benchmark --urn N --year YEAR -o FILE.xlsx",
		Short:   "A school's benchmark workbook: its figures against its phase in the LA and nationally, over the years held",
		Example: `  sendscope report benchmark --urn 990100 --year 2025/26 -o ashgrove.xlsx`,
		Args:    argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if bopt.URN <= 0 || bopt.Path == "" {
				return usageError("--urn and -o FILE.xlsx are required")
			}
			year, err := parseYear(benchYear)
			if err != nil {
				return err
			}
			bopt.Year = year
			store, err := g.openRead(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			if err := store.CheckScope(cmd.Context(), queries.Params{Year: year, URN: bopt.URN}); err != nil {
				return scopeError(err)
			}
			name, err := reports.Benchmark(cmd.Context(), store, bopt)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "%s: %s (URN %d), years up to %s\n", bopt.Path, name, bopt.URN, year)
			return nil
		},
	}
	bench.Flags().IntVar(&bopt.URN, "urn", 0, "the school's URN")
	bench.Flags().StringVar(&benchYear, "year", "", "the latest academic year to show, e.g. 2025/26")
	bench.MarkFlagRequired("year")
	bench.Flags().StringVarP(&bopt.Path, "output", "o", "", "the workbook to write (.xlsx)")
	bench.Flags().BoolVar(&bopt.Redact, "redact", false, "replace names, e-mails and phone numbers with pseudonyms")
	cmd.AddCommand(bench)
	return cmd
}

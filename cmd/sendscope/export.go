package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/sendscope/sendscope/queries"
	"github.com/sendscope/sendscope/reports"
)

func newExportCmd(g *globals) *cobra.Command {
	var yearArg string
	var allYears bool
	opt := reports.ExportOptions{}
	cmd := &cobra.Command{
		Use:   "export --year YEAR -o DIR",
		Short: "Write the research dataset: one file per table plus a data dictionary",
		Long: `Write the research dataset: documents, facts, school_years, schools and fetches,
one file each, plus data_dictionary. SENCO and governor names, e-mail addresses and
phone numbers are replaced by stable pseudonyms (the same person gets the same
pseudonym in every table and year), also inside quoted evidence, unless
--include-personal is given. With --format xlsx, -o may name the workbook
(-o dataset.xlsx) or the folder for it.`,
		Example: `  sendscope export --year 2025/26 --format csv -o export/
  sendscope export --all-years --format parquet -o dataset/
  sendscope export --year 2025/26 --format xlsx -o dataset-2025-26.xlsx`,
		Args: argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opt.Dir == "" {
				return usageError("-o DIR is required: the folder to write the files into")
			}
			if yearArg == "" && !allYears {
				return usageError("give --year YEAR (e.g. 2025/26) or --all-years")
			}
			year, err := yearFlag(yearArg)
			if err != nil {
				return err
			}
			opt.Year = year
			if opt.Format != "csv" && opt.Format != "parquet" && opt.Format != "xlsx" {
				return usageError("--format %q: use csv, parquet or xlsx", opt.Format)
			}
			// A large export makes garbage fast; a soft limit keeps the heap small
			// (a million-row workbook stays under 300 MB), unless GOMEMLIMIT says otherwise.
			if os.Getenv("GOMEMLIMIT") == "" {
				debug.SetMemoryLimit(128 << 20)
			}
			store, err := g.openRead(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			if err := store.CheckScope(cmd.Context(), queries.Params{Year: year}); err != nil {
				return scopeError(err)
			}
			// And DuckDB spills its sorts to disk rather than hold a national
			// table in memory (Parquet: 585 MB for a million facts, 240 MB so).
			if err := store.LimitMemory(cmd.Context(), 128); err != nil {
				return err
			}
			res, err := reports.Export(cmd.Context(), store, opt)
			if err != nil {
				return err
			}
			for _, f := range res.Files {
				fmt.Fprintln(cmd.OutOrStdout(), f)
			}
			personal := "pseudonymised"
			if opt.IncludePersonal {
				personal = "kept as published"
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "exported %d documents, %d facts, %d school-years; personal data %s\n",
				res.Rows["documents"], res.Rows["facts"], res.Rows["school_years"], personal)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&yearArg, "year", "", "academic year, e.g. 2025/26")
	f.BoolVar(&allYears, "all-years", false, "every year held")
	f.StringVar(&opt.LA, "la", "", "only this LA (code or name)")
	f.StringVarP(&opt.Dir, "output", "o", "", "folder to write into")
	f.StringVar(&opt.Format, "format", "csv", "csv, parquet, or xlsx (one workbook, a sheet per table)")
	f.BoolVar(&opt.IncludePersonal, "include-personal", false, "keep names, e-mail addresses and phone numbers as published")
	return cmd
}

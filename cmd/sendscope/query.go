package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/sendscope/sendscope/queries"
	"github.com/sendscope/sendscope/reports"
)

func newQueryCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{Use: "query", Short: "Run named analyses, or read-only SQL, over the store"}
	cmd.AddCommand(&cobra.Command{
		Use:   "list",
		Short: "List the named analyses and what each answers",
		Args:  argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			for _, a := range append(queries.Analyses(), queries.Tables()...) {
				fmt.Fprintf(tw, "%s\t%s\n", a.Name, a.Question)
			}
			return tw.Flush()
		},
	})

	var yearArg, sinceArg, la, format string
	var urn int
	runCmd := &cobra.Command{
		Use:   "run NAME",
		Short: "Run a named analysis (see query list)",
		Args:  argsUsage(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			a, ok := queries.Lookup(args[0])
			if !ok {
				return usageError("no analysis named %q: see `sendscope query list`", args[0])
			}
			if !slices.Contains(reports.Formats, format) {
				return usageError("--format %q: use %s", format, strings.Join(reports.Formats, ", "))
			}
			year, err := yearFlag(yearArg)
			if err != nil {
				return err
			}
			since, err := yearFlag(sinceArg)
			if err != nil {
				return err
			}
			store, err := g.openRead(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			rows, err := store.Run(cmd.Context(), a, queries.Params{Year: year, LA: la, URN: urn, Since: since})
			if err != nil {
				return err
			}
			defer rows.Close()
			_, err = reports.WriteRows(cmd.OutOrStdout(), rows, format)
			return err
		},
	}
	runCmd.Flags().StringVar(&yearArg, "year", "", "academic year, e.g. 2025/26 (default: every year)")
	runCmd.Flags().StringVar(&sinceArg, "since", "", "for changes: the earlier year to compare with (default: the year before)")
	runCmd.Flags().StringVar(&la, "la", "", "LA code or name (default: every LA)")
	runCmd.Flags().IntVar(&urn, "urn", 0, "one school's URN")
	runCmd.Flags().StringVar(&format, "format", "table", "table, csv or json")
	cmd.AddCommand(runCmd)

	var sqlFormat string
	sqlCmd := &cobra.Command{
		Use:   `sql "SELECT ..."`,
		Short: "Run one read-only SELECT over the store (tables: schools, crawl_runs, run_sites, fetches, captures, documents, facts)",
		Long: `Run one statement that reads the store: SELECT, WITH ... SELECT, FROM ..., VALUES,
TABLE, SUMMARIZE, DESCRIBE, SHOW, or EXPLAIN [ANALYZE] of one of these.

Anything that writes or reaches beyond the store is refused with exit status 2:
COPY, EXPORT, IMPORT, ATTACH, INSTALL, LOAD, SET, PRAGMA, CALL, CREATE, INSERT,
UPDATE, DELETE, DROP, ALTER, CHECKPOINT, several statements, and file or URL
readers (read_csv, read_parquet, glob, FROM 'x.csv', FROM 'http://...'). The
statement runs on a read-only connection with external access, extension
autoinstall and autoload off and the configuration locked.
To keep a result: sendscope query sql "SELECT ..." --format csv > file, or
sendscope export.`,
		Args: argsUsage(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(reports.Formats, sqlFormat) {
				return usageError("--format %q: use %s", sqlFormat, strings.Join(reports.Formats, ", "))
			}
			store, err := g.openLocked(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			rows, err := store.ReadSQL(cmd.Context(), args[0])
			var refused *queries.RefusedError
			if errors.As(err, &refused) {
				return usageError("%v", refused)
			}
			if err != nil {
				return fmt.Errorf("query failed: %w", err)
			}
			defer rows.Close()
			_, err = reports.WriteRows(cmd.OutOrStdout(), rows, sqlFormat)
			return err
		},
	}
	sqlCmd.Flags().StringVar(&sqlFormat, "format", "table", "table, csv or json")
	cmd.AddCommand(sqlCmd)
	return cmd
}

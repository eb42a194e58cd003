package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/mattn/go-runewidth"
	"github.com/spf13/cobra"

	"github.com/sendscope/sendscope/queries"
	"github.com/sendscope/sendscope/reports"
)

func newQueryCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{Use: "query", Short: "Run named analyses, or read-only SQL, over the store"}
	cmd.AddCommand(&cobra.Command{
		Use:     "list",
		Short:   "List the named analyses, one line each (query show NAME for the whole of one)",
		Example: "  sendscope query list\n  sendscope query show coverage_gaps",
		Args:    argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			all := append(queries.Analyses(), queries.Tables()...)
			pad := 0
			for _, a := range all {
				pad = max(pad, len(a.Name)+2)
			}
			// Each line fits the terminal: the question is cut with "…" (query show has it whole).
			width := outputWidth(cmd.OutOrStdout())
			for _, a := range all {
				q := firstSentence(a.Question)
				if width > pad+12 {
					q = runewidth.Truncate(q, width-pad, "…")
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%-*s%s\n", pad, a.Name, q)
			}
			return nil
		},
	})
	cmd.AddCommand(&cobra.Command{
		Use:               "show NAME",
		Short:             "What a named analysis answers, the flags it takes and every column it gives",
		Example:           "  sendscope query show statutory_compliance",
		Args:              argsUsage(cobra.ExactArgs(1)),
		ValidArgsFunction: completeAnalyses,
		RunE: func(cmd *cobra.Command, args []string) error {
			a, ok := queries.Lookup(args[0])
			if !ok {
				return usageError("no analysis named %q: see `sendscope query list`", args[0])
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "%s\n\n%s\n\nflags:\n", a.Name, a.Question)
			for _, p := range a.Params {
				fmt.Fprintf(out, "  --%s  %s\n", p.Name, p.Meaning)
			}
			fmt.Fprintln(out, "\ncolumns:")
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			for _, c := range a.Columns {
				fmt.Fprintf(tw, "  %s\t%s\n", c.Name, c.Meaning)
			}
			return tw.Flush()
		},
	})

	var yearArg, sinceArg, la, format string
	var urn int
	var wide bool
	runCmd := &cobra.Command{
		Use:   "run NAME",
		Short: "Run a named analysis (see query list)",
		Long: "Run a named analysis. The analyses: " + strings.Join(analysisNames(), ", ") + `.
Each takes only the flags its header names (sendscope query show NAME); a flag it
does not take, or an LA, URN or year the store does not hold, is a usage error
(exit 2), never an empty table.

A table fits the terminal: long text is cut short with "…" and, if need be, the
last columns are left out (a line on stderr names them). --wide shows everything;
into a pipe or a file every column comes in full.`,
		Example: `  sendscope query run coverage_gaps --year 2025/26 --la 998
  sendscope query run changes --year 2025/26 --since 2023/24 --format csv > changes.csv
  sendscope query run school_benchmark --urn 990100 --format json
  sendscope query run statutory_compliance --year 2025/26 --wide`,
		Args:              argsUsage(cobra.ExactArgs(1)),
		ValidArgsFunction: completeAnalyses,
		RunE: func(cmd *cobra.Command, args []string) error {
			a, ok := queries.Lookup(args[0])
			if !ok {
				return usageError("no analysis named %q: see `sendscope query list`", args[0])
			}
			for _, f := range []string{"year", "la", "urn", "since"} {
				takes, required := a.Takes(f)
				if cmd.Flags().Changed(f) && !takes {
					return usageError("%s does not take --%s (it takes %s): see `sendscope query show %s`", a.Name, f, paramFlags(a), a.Name)
				}
				if required && !cmd.Flags().Changed(f) {
					return usageError("%s needs --%s: see `sendscope query show %s`", a.Name, f, a.Name)
				}
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
			params := queries.Params{Year: year, LA: la, URN: urn, Since: since}
			if err := store.CheckScope(cmd.Context(), params); err != nil {
				return scopeError(err)
			}
			rows, err := store.Run(cmd.Context(), a, params)
			if err != nil {
				return err
			}
			defer rows.Close()
			_, err = reports.WriteRowsFit(cmd.OutOrStdout(), rows, format, tableOptions(cmd, wide))
			return err
		},
	}
	runCmd.Flags().StringVar(&yearArg, "year", "", "academic year, e.g. 2025/26 (default: every year)")
	runCmd.Flags().StringVar(&sinceArg, "since", "", "for changes: the earlier year to compare with (default: the year before)")
	runCmd.Flags().StringVar(&la, "la", "", "LA code or name (default: every LA)")
	runCmd.Flags().IntVar(&urn, "urn", 0, "one school's URN")
	runCmd.Flags().StringVar(&format, "format", "table", "table, csv or json")
	addWideFlag(runCmd, &wide)
	runCmd.RegisterFlagCompletionFunc("format", completeFormats)
	runCmd.RegisterFlagCompletionFunc("year", g.completeYears)
	runCmd.RegisterFlagCompletionFunc("since", g.completeYears)
	cmd.AddCommand(runCmd)

	var sqlFormat string
	var sqlWide bool
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
		Example: `  sendscope query sql "SELECT doc_type, count(*) FROM documents GROUP BY ALL"
  sendscope query sql "SELECT outcome, count(*) FROM school_outcomes WHERE academic_year = '2025/26' GROUP BY ALL" --format csv`,
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
			_, err = reports.WriteRowsFit(cmd.OutOrStdout(), rows, sqlFormat, tableOptions(cmd, sqlWide))
			return err
		},
	}
	sqlCmd.Flags().StringVar(&sqlFormat, "format", "table", "table, csv or json")
	addWideFlag(sqlCmd, &sqlWide)
	sqlCmd.RegisterFlagCompletionFunc("format", completeFormats)
	cmd.AddCommand(sqlCmd)
	return cmd
}

// firstSentence is the first sentence of a paragraph, for one-line lists.
func firstSentence(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if i := strings.Index(s, "? "); i >= 0 {
		return s[:i+1]
	}
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}

func analysisNames() []string {
	var names []string
	for _, a := range queries.Analyses() {
		names = append(names, a.Name)
	}
	return names
}

// paramFlags lists the flags an analysis takes, as a user types them.
func paramFlags(a queries.Analysis) string {
	var fs []string
	for _, p := range a.Params {
		fs = append(fs, "--"+p.Name)
	}
	if len(fs) == 0 {
		return "none"
	}
	return strings.Join(fs, ", ")
}

// scopeError makes "the store does not hold that" a usage error (exit 2).
func scopeError(err error) error {
	var se *queries.ScopeError
	if errors.As(err, &se) {
		return usageError("%v", se)
	}
	return err
}

func completeAnalyses(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, a := range append(queries.Analyses(), queries.Tables()...) {
		out = append(out, a.Name+"\t"+firstSentence(a.Question))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

func completeFormats(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	return reports.Formats, cobra.ShellCompDirectiveNoFileComp
}

// completeYears offers the years the store holds.
func (g *globals) completeYears(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	store, err := queries.OpenReadOnly(cmd.Context(), g.db)
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	defer store.Close()
	years, _ := store.Years(cmd.Context())
	return years, cobra.ShellCompDirectiveNoFileComp
}

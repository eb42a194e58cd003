package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/sendscope/sendscope/analysis"
	"github.com/sendscope/sendscope/queries"
)

// usageErr marks errors cobra raises for bad flags and arguments.
type usageErr struct{ error }

func isUsage(err error) bool {
	var u usageErr
	if errors.As(err, &u) {
		return true
	}
	// Cobra reports these without a type of their own.
	msg := err.Error()
	return strings.HasPrefix(msg, "required flag") || strings.HasPrefix(msg, "unknown command") ||
		strings.HasPrefix(msg, "if any flags in the group")
}

// globals are the options every command takes.
type globals struct {
	db    string
	vocab []string
	// extractor is the compiled-in rules with the --vocab files added.
	extractor *analysis.Extractor
	wait      time.Duration
	stderr    io.Writer // where "waiting for the store" goes
}

func newRootCmd() *cobra.Command {
	g := &globals{extractor: analysis.Default()}
	root := &cobra.Command{
		Use:   "sendscope",
		Short: "Survey what SEND provision English schools and local authorities publish, year after year",
		Long: `sendscope crawls schools' SEN information reports (HTML pages, PDFs, Word files),
reads what they say (the SENCO, the needs provided for, specialist provision),
keeps every year in one DuckDB file, and turns it into analyses, Excel workbooks
and a documented research dataset.

Start with:  sendscope demo

Exit status: 0 done; 1 failed (the message says what and where); 2 bad usage
(a flag, an argument, an LA, URN or year the store does not hold); 3 done in
part (some schools could not be crawled: the summary says which); 130
interrupted (run the same command again to resume).`,
		Example: `  sendscope demo --dir demo
  sendscope --db demo/sendscope.duckdb status
  sendscope --db demo/sendscope.duckdb query run coverage_gaps --la 998 --year 2025/26
  sendscope --db demo/sendscope.duckdb report commissioning --la 998 --year 2025/26 -o testshire.xlsx`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	def := os.Getenv("SENDSCOPE_DB")
	if def == "" {
		def = queries.DefaultPath
	}
	root.PersistentFlags().StringSliceVar(&g.vocab, "vocab", nil, "extra wordings for the extractor, in the format of its rule tables (analysis/rules/*.tsv): field<TAB>value<TAB>pattern[<TAB>confidence] lines, each optionally followed by +<TAB>example / -<TAB>counter-example lines (need.area, need.type, provision.intervention, statutory.item, localoffer.item, localoffer.need, senco.role, senco.on_slt, senco.qualification, senco.fte, senco.days_per_week, senco.hours_per_week, provision.kind, provision.need, provision.places, stats.number_on_roll, stats.sen_count, stats.sen_support, stats.ehcp_count, stats.sen_percent, doctype.policy, doctype.report, doctype.report_elsewhere, doctype.several_schools, doctype.one_school, doctype.college)")
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		g.stderr = cmd.ErrOrStderr()
		g.extractor = analysis.Default()
		for _, path := range g.vocab {
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			x, n, err := g.extractor.Extend(f, path)
			f.Close()
			if err != nil {
				return err
			}
			g.extractor = x
			fmt.Fprintf(cmd.ErrOrStderr(), "%s: %d wordings added to the extractor's rule tables\n", path, n)
		}
		return nil
	}
	root.PersistentFlags().DurationVar(&g.wait, "wait", 0, "how long to wait while another sendscope process uses the store (default 10s to read, 2m to write)")
	root.PersistentFlags().StringVar(&g.db, "db", def, "the sendscope store (DuckDB file); default $SENDSCOPE_DB or ./"+queries.DefaultPath)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageErr{fmt.Errorf("%s\nRun '%s --help' for usage.", flagErrorInWords(err), c.CommandPath())}
	})
	root.AddCommand(
		newRegisterCmd(g),
		newAuthoritiesCmd(g),
		newNeedsCmd(g),
		newCrawlCmd(g),
		newExtractCmd(g),
		newStatusCmd(g),
		newQueryCmd(g),
		newExportCmd(g),
		newReportCmd(g),
		newDemoCmd(),
		newBenchCmd(g),
		newVersionCmd(g),
	)
	return root
}

// argsUsage wraps cobra's positional-argument checks so their errors exit 2.
func argsUsage(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return usageErr{fmt.Errorf("%w\nRun '%s --help' for usage.", err, cmd.CommandPath())}
		}
		return nil
	}
}

// openWrite opens the store for a command that changes it, waiting while
// another process uses it.
func (g *globals) openWrite(ctx context.Context) (*queries.Store, error) {
	return queries.OpenWith(ctx, g.db, g.openOptions(queries.OpenOptions{}))
}

// openBatches opens the store for a long writer (crawl, extract) that holds it
// only while it writes a batch, so that readers get in between.
func (g *globals) openBatches(ctx context.Context) (*queries.Store, error) {
	return queries.OpenWith(ctx, g.db, g.openOptions(queries.OpenOptions{Batches: true}))
}

// openRead opens the store for a command that only reads it, waiting (a few
// seconds) while a writer holds it.
func (g *globals) openRead(ctx context.Context) (*queries.Store, error) {
	return queries.OpenWith(ctx, g.db, g.openOptions(queries.OpenOptions{ReadOnly: true}))
}

func (g *globals) openOptions(o queries.OpenOptions) queries.OpenOptions {
	o.Wait = g.wait
	if w := g.stderr; w != nil {
		o.Waiting = func(msg string) { fmt.Fprintln(w, msg) }
	}
	return o
}

// openLocked opens the store for SQL the user wrote: read-only, reaching no
// other file, URL or extension, with its configuration locked.
func (g *globals) openLocked(ctx context.Context) (*queries.Store, error) {
	return queries.OpenLocked(ctx, g.db, g.openOptions(queries.OpenOptions{}))
}

// parseYear accepts 2025/26, 2025-26 and 2025-2026 and returns "2025/26".
func parseYear(s string) (string, error) {
	s = strings.TrimSpace(s)
	bad := usageError("--year %q: give an academic year such as 2025/26", s)
	if len(s) < 7 {
		return "", bad
	}
	sep := s[4]
	if sep != '/' && sep != '-' {
		return "", bad
	}
	y1, err1 := strconv.Atoi(s[:4])
	rest := s[5:]
	y2, err2 := strconv.Atoi(rest)
	if err1 != nil || err2 != nil || y1 < 2000 || y1 > 2100 {
		return "", bad
	}
	switch len(rest) {
	case 2:
		if (y1+1)%100 != y2 {
			return "", usageError("--year %q: the second year must follow the first (%d/%02d)", s, y1, (y1+1)%100)
		}
	case 4:
		if y2 != y1+1 {
			return "", usageError("--year %q: the second year must follow the first (%d-%d)", s, y1, y1+1)
		}
	default:
		return "", bad
	}
	return fmt.Sprintf("%d/%02d", y1, (y1+1)%100), nil
}

// yearFlag parses an optional --year ("" stays "").
func yearFlag(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	return parseYear(s)
}

// badFlagValue matches pflag's message for a value it could not parse, whose
// tail is Go's own parser speaking (strconv.ParseInt: parsing "abc": ...).
var badFlagValue = regexp.MustCompile(`^invalid argument "(.*)" for "(.*?)" flag: (.*)$`)

// flagErrorInWords says what was wrong with a flag's value as a person would.
func flagErrorInWords(err error) string {
	m := badFlagValue.FindStringSubmatch(err.Error())
	if m == nil {
		return err.Error()
	}
	value, flag, why := m[1], m[2], m[3]
	if i := strings.LastIndex(flag, "--"); i >= 0 {
		flag = flag[i:]
	}
	switch {
	case strings.Contains(why, "ParseInt") || strings.Contains(why, "ParseUint") || strings.Contains(why, "Atoi"):
		return fmt.Sprintf("%s %q: give a whole number", flag, value)
	case strings.Contains(why, "ParseFloat"):
		return fmt.Sprintf("%s %q: give a number", flag, value)
	case strings.Contains(why, "duration"):
		return fmt.Sprintf("%s %q: give a time such as 500ms, 2s or 1m", flag, value)
	case strings.Contains(why, "ParseBool"):
		return fmt.Sprintf("%s %q: give true or false", flag, value)
	}
	return fmt.Sprintf("%s %q: %s", flag, value, why)
}

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/sendscope/sendscope/crawler"
	"github.com/sendscope/sendscope/pipeline"
	"github.com/sendscope/sendscope/queries"
	"github.com/sendscope/sendscope/register"
	"github.com/sendscope/sendscope/reports"
	"github.com/sendscope/sendscope/simarea"
)

// demoYear is the year the simulated schools' reports are written for.
const demoYear = "2025/26"

func newDemoCmd() *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "demo [--dir DIR]",
		Short: "Run the whole flow on a built-in simulated local area served on loopback",
		Long: `Serve a simulated local area (two local authorities, 30 schools whose websites
publish SEN information reports as HTML pages, PDFs and Word files, some hidden two
clicks deep, some missing, one behind robots.txt) on this machine, then import its
register, crawl it, extract, export the research dataset and write the
commissioner's workbook into DIR. Then crawl the two LAs' Local Offers alone (an
ORUK feed beside an Open Objects directory, and a council site), with no
register, into DIR/localoffer.duckdb, and say what each publishes.`,
		Args: argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			out, msg := cmd.OutOrStdout(), cmd.ErrOrStderr()
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			start := time.Now()
			dbPath := filepath.Join(dir, "sendscope.duckdb")
			// The demo starts afresh each time; it only removes its own store.
			for _, p := range []string{dbPath, dbPath + ".wal"} {
				if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
					return err
				}
			}
			area, err := simarea.Start()
			if err != nil {
				return err
			}
			defer area.Close()
			fmt.Fprintf(msg, "simulated area: %d schools in 2 local authorities, websites on 127.0.0.1\n", len(area.Profiles))

			regPath := filepath.Join(dir, "register.csv")
			if err := area.WriteRegister(regPath); err != nil {
				return err
			}
			store, err := queries.Open(ctx, dbPath)
			if err != nil {
				return err
			}
			defer store.Close()
			fmt.Fprintln(msg, "\n== register import")
			if err := importRegister(ctx, store, regPath, register.Options{}, msg); err != nil {
				return err
			}

			laPath := filepath.Join(dir, "authorities.csv")
			if err := os.WriteFile(laPath, area.AuthoritiesCSV(), 0o644); err != nil {
				return err
			}
			if err := importAuthorities(ctx, store, laPath, msg); err != nil {
				return err
			}

			for name, data := range map[string][]byte{"sen-stats.csv": area.SENStatsCSV(), "sen-need.csv": area.SENNeedCSV()} {
				path := filepath.Join(dir, name)
				if err := os.WriteFile(path, data, 0o644); err != nil {
					return err
				}
				if err := importNeeds(ctx, store, []string{path}, msg); err != nil {
					return err
				}
			}

			fmt.Fprintln(msg, "\n== crawl", demoYear, "(schools and Local Offers)")
			cfg := crawler.Config{AllowPrivate: true, Concurrency: 6, Delay: 20 * time.Millisecond, Timeout: 10 * time.Second, MaxPages: 25}
			if err := runCrawl(ctx, store, cfg, pipeline.CrawlOptions{Year: demoYear, LocalOffer: true}, msg); err != nil {
				var ee *exitError
				if !errors.As(err, &ee) || ee.code != exitPartial {
					return err
				}
				fmt.Fprintf(msg, "  (as planned: %v)\n", err)
			}

			fmt.Fprintln(msg, "\n== export (personal data pseudonymised)")
			exportDir := filepath.Join(dir, "export")
			res, err := reports.Export(ctx, store, reports.ExportOptions{Dir: exportDir, Year: demoYear, Format: "csv"})
			if err != nil {
				return err
			}
			fmt.Fprintf(msg, "%d documents, %d facts, %d school-years\n", res.Rows["documents"], res.Rows["facts"], res.Rows["school_years"])

			fmt.Fprintln(msg, "\n== commissioning workbook")
			var books []string
			for _, la := range []string{"998", "997"} {
				path := filepath.Join(dir, "commissioning-"+la+".xlsx")
				cr, err := reports.Commissioning(ctx, store, reports.CommissioningOptions{LA: la, Year: demoYear, Path: path})
				if err != nil {
					return err
				}
				fmt.Fprintf(msg, "%s: %s, %d schools: %d checked, %d reports found, %d could not be checked; %d facts\n", path, cr.LAName, cr.Schools, cr.Checked, cr.ReportsFound, cr.CouldNotCheck, cr.Facts)
				books = append(books, path)
			}

			first := area.Profiles[0]
			benchPath := filepath.Join(dir, fmt.Sprintf("benchmark-%d.xlsx", first.URN))
			if _, err := reports.Benchmark(ctx, store, reports.BenchmarkOptions{URN: first.URN, Year: demoYear, Path: benchPath}); err != nil {
				return err
			}
			fmt.Fprintf(msg, "%s: %s against its phase\n", benchPath, first.Name)
			books = append(books, benchPath)

			// A commissioner reviewing the Local Offers alone: no register.
			fmt.Fprintln(msg, "\n== Local Offers alone (no school register)", demoYear)
			loPath := filepath.Join(dir, "localoffer.duckdb")
			if err := demoLocalOfferOnly(ctx, loPath, laPath, cfg, msg); err != nil {
				return err
			}

			fmt.Fprintf(msg, "\ndone in %s. Files:\n", time.Since(start).Round(100*time.Millisecond))
			fmt.Fprintf(out, "%s\n%s\n", dbPath, loPath)
			for _, f := range append(books, res.Files...) {
				fmt.Fprintln(out, f)
			}
			fmt.Fprintf(msg, "\nTry: sendscope --db %s status\n     sendscope --db %s query run dataset --la 998\n", dbPath, dbPath)
			return nil
		},
	}
	cmd.Flags().StringVar(&dir, "dir", "sendscope-demo", "folder for the demo's store, register, export and workbooks")
	return cmd
}

// demoLocalOfferOnly crawls the area's Local Offers into a store of their own,
// with the LAs imported and no register, and says what each publishes.
func demoLocalOfferOnly(ctx context.Context, dbPath, laPath string, cfg crawler.Config, msg io.Writer) error {
	for _, p := range []string{dbPath, dbPath + ".wal"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	store, err := queries.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := importAuthorities(ctx, store, laPath, msg); err != nil {
		return err
	}
	if err := runCrawl(ctx, store, cfg, pipeline.CrawlOptions{Year: demoYear, LocalOffer: true}, msg); err != nil {
		return err
	}
	los, err := store.LocalOfferOverviews(ctx, demoYear)
	if err != nil {
		return err
	}
	for _, o := range los {
		fmt.Fprintf(msg, "%s %s: %d services (%d in both feed and site, %d not current), %d information pages; publishes %d of the %d required items",
			o.LACode, o.LAName, o.Services, o.BothSources, o.NotCurrent, o.InfoPages, o.Covered, o.Items)
		if len(o.Missing) > 0 {
			fmt.Fprintf(msg, " (not found: %s)", strings.Join(o.Missing, ", "))
		}
		fmt.Fprintf(msg, "; %d need x age cells with no service\n", o.EmptyCells)
	}
	fmt.Fprintf(msg, "Try: sendscope --db %s query run local_offer_content --la 997\n", dbPath)
	return nil
}

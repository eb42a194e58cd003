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
register, into DIR/localoffer.duckdb, and say what each publishes. A second demo
in the same DIR starts afresh; a store in DIR that the demo did not make is
never touched.`,
		Example: `  sendscope demo
  sendscope demo --dir /tmp/sendscope-demo`,
		Args: argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			out, msg := cmd.OutOrStdout(), cmd.ErrOrStderr()
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			start := time.Now()
			dbPath := filepath.Join(dir, "sendscope.duckdb")
			// Refused before anything starts when DIR holds a store the demo did not make.
			if err := checkDemoStore(ctx, dbPath); err != nil {
				return err
			}
			area, err := simarea.Start()
			if err != nil {
				return err
			}
			defer area.Close()
			fmt.Fprintf(msg, "simulated area: %d schools in 2 local authorities, websites on 127.0.0.1\n", len(area.Profiles))
			// More schools whose reports sit off their own host (file platforms, Google
			// Drive and Docs, a trust's site, a subdomain, embedded viewers, a moved
			// domain), at realistic names that only a simulated council proxy knows: the
			// crawl reaches them as a council's machine would, trusting the proxy's CA.
			proxy, err := simarea.StartProxy()
			if err != nil {
				return err
			}
			defer proxy.Close()
			offHost := simarea.NewOffHost(proxy, 1)
			caPath := filepath.Join(dir, "council-gateway-ca.pem")
			if err := proxy.WriteCA(caPath); err != nil {
				return err
			}
			fmt.Fprintf(msg, "and %d schools keeping their reports elsewhere, behind a council proxy at %s that inspects TLS\n", len(offHost.Schools), proxy.URL)

			regPath := filepath.Join(dir, "register.csv")
			if err := area.WriteRegister(regPath); err != nil {
				return err
			}
			store, err := freshDemoStore(ctx, dbPath)
			if err != nil {
				return err
			}
			defer store.Close()
			fmt.Fprintln(msg, "\n== register import")
			if err := importRegister(ctx, store, regPath, register.Options{}, msg); err != nil {
				return err
			}
			offRegPath := filepath.Join(dir, "register-offhost.csv")
			if err := os.WriteFile(offRegPath, offHost.RegisterCSV(), 0o644); err != nil {
				return err
			}
			if err := importRegister(ctx, store, offRegPath, register.Options{}, msg); err != nil {
				return err
			}

			laPath := filepath.Join(dir, "authorities.csv")
			if err := os.WriteFile(laPath, area.AuthoritiesCSV(), 0o644); err != nil {
				return err
			}
			if err := importAuthorities(ctx, store, laPath, msg); err != nil {
				return err
			}

			// The DfE's statistics: per school, and the LAs' EHC plans by need and placement.
			var senPaths []string
			for _, f := range []struct {
				name string
				data []byte
			}{{"sen-stats.csv", area.SENStatsCSV()}, {"sen-need.csv", area.SENNeedCSV()},
				{"ehcp-sen-needs.csv", area.EHCPNeedsCSV()}, {"ehcp-caseload.csv", area.EHCPCaseloadCSV()}} {
				path := filepath.Join(dir, f.name)
				if err := os.WriteFile(path, f.data, 0o644); err != nil {
					return err
				}
				senPaths = append(senPaths, path)
			}
			if err := importNeeds(ctx, store, senPaths, msg); err != nil {
				return err
			}

			fmt.Fprintln(msg, "\n== crawl", demoYear, "(schools and Local Offers)")
			// Loopback sites are reached directly (never through a proxy), the others
			// through the council proxy.
			cfg := crawler.Config{AllowPrivate: true, Concurrency: 6, Delay: 20 * time.Millisecond, Timeout: 10 * time.Second, MaxPages: 25,
				Proxy: proxy.URL, CAFile: caPath}
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

// freshDemoStore starts the demo's store afresh: it removes only a store the demo
// made, never a real one that happens to sit in DIR, and marks the new one.
func freshDemoStore(ctx context.Context, path string) (*queries.Store, error) {
	if err := checkDemoStore(ctx, path); err != nil {
		return nil, err
	}
	for _, p := range []string{path, path + ".wal"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
	}
	store, err := queries.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	if err := store.SetMeta(ctx, "made_by", "demo"); err != nil {
		store.Close()
		return nil, err
	}
	return store, nil
}

// checkDemoStore refuses to start afresh over a store the demo did not make.
func checkDemoStore(ctx context.Context, path string) error {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	store, err := queries.OpenReadOnly(ctx, path)
	if err != nil {
		return fmt.Errorf("%s exists and could not be checked (%v): give the demo another --dir", path, err)
	}
	madeBy, err := store.Meta(ctx, "made_by")
	store.Close()
	if err != nil || madeBy != "demo" {
		return usageError("%s is not a store the demo made, and the demo starts afresh: give it another --dir (nothing was changed)", path)
	}
	return nil
}

// demoLocalOfferOnly crawls the area's Local Offers into a store of their own,
// with the LAs imported and no register, and says what each publishes.
func demoLocalOfferOnly(ctx context.Context, dbPath, laPath string, cfg crawler.Config, msg io.Writer) error {
	store, err := freshDemoStore(ctx, dbPath)
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

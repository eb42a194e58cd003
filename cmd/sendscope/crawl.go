package main

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/sendscope/sendscope/crawler"
	"github.com/sendscope/sendscope/pipeline"
	"github.com/sendscope/sendscope/queries"
)

type crawlOptions struct {
	year       string
	localOffer bool
	la         []string
	urns       []string
	cfg        crawler.Config
	delay      time.Duration
}

func newCrawlCmd(g *globals) *cobra.Command {
	o := &crawlOptions{}
	cmd := &cobra.Command{
		Use:   "crawl --year YEAR",
		Short: "Find and fetch schools' SEN information reports for an academic year",
		Long: `Crawl the websites of the schools in the register for an academic year: from each
home page, follow the links most likely to lead to the SEN information report
(SEND, Special Educational Needs, Key information, Policies ...) within a small
budget per site, fetching HTML pages, PDFs and Word files. Documents are analysed
as they arrive. robots.txt is obeyed and each host gets one request at a time.

Re-running the same command resumes an interrupted crawl: schools already done are
not fetched again. A finished year can be crawled again; it adds a new run, and a
school whose site cannot be reached this time keeps the finding of the last visit
that reached it.`,
		Example: `  sendscope crawl --year 2025/26 --la 886 --local-offer
  sendscope crawl --year 2025/26 --urn 118000,118001 --delay 2s
  sendscope crawl --year 2025/26 --user-agent "sendscope (+https://www.kent.gov.uk/send-survey)"`,
		Args: argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			year, err := parseYear(o.year)
			if err != nil {
				return err
			}
			scope, err := parseScope(o.la, o.urns)
			if err != nil {
				return err
			}
			if err := o.validate(); err != nil {
				return err
			}
			if err := o.cfg.CheckNetwork(); err != nil {
				return usageError("%v", err)
			}
			store, err := g.openBatches(cmd.Context())
			if err != nil {
				return err
			}
			defer store.Close()
			o.cfg.Delay = o.delay
			return runCrawl(cmd.Context(), store, o.cfg, pipeline.CrawlOptions{Year: year, Scope: scope, LocalOffer: o.localOffer, Extractor: g.extractor}, cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.year, "year", "", "academic year to crawl, e.g. 2025/26 (required)")
	cmd.MarkFlagRequired("year")
	f.BoolVar(&o.localOffer, "local-offer", false, "also crawl the LAs' Local Offers (sites and ORUK feeds; see authorities import); with no schools in scope, the Local Offers alone")
	f.StringSliceVar(&o.la, "la", nil, "only schools in these LAs (code or name; repeat or comma-separate)")
	f.StringSliceVar(&o.urns, "urn", nil, "only these schools (URNs; repeat or comma-separate)")
	f.IntVar(&o.cfg.Concurrency, "concurrency", 4, "requests in flight at once across all hosts (more sites than this are in progress, so a busy host never idles the crawl)")
	f.IntVar(&o.cfg.PerHost, "per-host", 1, "requests at once to one host")
	f.DurationVar(&o.delay, "delay", time.Second, "pause between requests to one host")
	f.DurationVar(&o.cfg.Timeout, "timeout", 30*time.Second, "time allowed for one request")
	f.IntVar(&o.cfg.MaxPages, "max-pages", 25, "requests per site")
	f.IntVar(&o.cfg.MaxSiteBytes, "max-site-bytes", 32<<20, "bytes kept per site in all (a body is cut to what is left; then the site stops)")
	f.StringVar(&o.cfg.UserAgent, "user-agent", crawler.DefaultUserAgent, "User-Agent header; name yourself and a contact URL")
	f.BoolVar(&o.cfg.AllowPrivate, "allow-private", false, "allow loopback and private-network addresses (tests, the demo)")
	f.StringVar(&o.cfg.Proxy, "proxy", "", "proxy URL for every request, e.g. http://proxy.council.gov.uk:8080 (default: HTTPS_PROXY/HTTP_PROXY, NO_PROXY)")
	f.StringVar(&o.cfg.CAFile, "ca-file", "", "PEM file of CA certificates to trust besides the system's (a gateway that inspects TLS; SSL_CERT_FILE also works)")
	return cmd
}

// validate refuses settings that would make a crawl hang, hammer a site or do nothing.
func (o *crawlOptions) validate() error {
	switch {
	case o.cfg.Concurrency < 1:
		return usageError("--concurrency %d: give 1 or more sites at once", o.cfg.Concurrency)
	case o.cfg.PerHost < 1:
		return usageError("--per-host %d: give 1 or more requests at once to one host", o.cfg.PerHost)
	case o.delay < 0:
		return usageError("--delay %s: give 0 or more (e.g. 1s)", o.delay)
	case o.cfg.Timeout <= 0:
		return usageError("--timeout %s: give a time above 0 (e.g. 30s)", o.cfg.Timeout)
	case o.cfg.MaxPages < 1:
		return usageError("--max-pages %d: give 1 or more requests per site", o.cfg.MaxPages)
	}
	return nil
}

func parseScope(las, urns []string) (queries.Scope, error) {
	var sc queries.Scope
	for _, la := range las {
		if la = strings.TrimSpace(la); la != "" {
			sc.LA = append(sc.LA, la)
		}
	}
	for _, u := range urns {
		n, err := strconv.Atoi(strings.TrimSpace(u))
		if err != nil || n <= 0 {
			return sc, usageError("--urn %q is not a URN (a number such as 100000)", u)
		}
		sc.URNs = append(sc.URNs, n)
	}
	return sc, nil
}

// runCrawl crawls and prints the summary; the error carries the exit code.
func runCrawl(ctx context.Context, store *queries.Store, cfg crawler.Config, opt pipeline.CrawlOptions, out io.Writer) error {
	year := opt.Year
	debug.SetMemoryLimit(pipeline.CrawlHeapLimit)
	sum, err := pipeline.Crawl(ctx, store, cfg, opt, newProgress(out))
	if err != nil {
		return err
	}
	var las []string
	for la := range sum.ByLA {
		las = append(las, la)
	}
	sort.Strings(las)
	for _, la := range las {
		s := sum.ByLA[la]
		fmt.Fprintf(out, "LA %s: %d schools crawled, SEN documents found at %d", la, s.Schools, s.Found)
		if len(s.NotFound) > 0 {
			fmt.Fprintf(out, "; searched, none found: %s", pipeline.Reasons(s.NotFound))
		}
		if len(s.NotChecked) > 0 {
			fmt.Fprintf(out, "; could not check: %s", pipeline.Reasons(s.NotChecked))
		}
		if len(s.Failed) > 0 {
			fmt.Fprintf(out, "; failed: %s", pipeline.Reasons(s.Failed))
		}
		fmt.Fprintln(out)
	}
	if sum.Sites == 0 {
		fmt.Fprintf(out, "crawl run %d (%s): Local Offers only (no schools in scope)\n", sum.RunID, year)
	} else {
		fmt.Fprintf(out, "crawl run %d (%s): %d schools; %d crawled now", sum.RunID, year, sum.Sites, sum.Crawled)
		if sum.AlreadyDone > 0 {
			fmt.Fprintf(out, ", %d done before", sum.AlreadyDone)
		}
		// One count of documents, as status and export count them: the schools' and the Local Offers'.
		fmt.Fprintf(out, "; SEN documents found at %d; %d documents (%d from schools, %d from Local Offers), %d facts\n",
			sum.Found, sum.Documents+sum.LocalOffers.Documents, sum.Documents, sum.LocalOffers.Documents, sum.Facts)
	}
	// Status and export count every run of the year: say so when that differs.
	if held, err := store.CountDocuments(ctx, queries.Params{Year: year}); err == nil && held != sum.Documents+sum.LocalOffers.Documents {
		fmt.Fprintf(out, "  %s now holds %d documents from all its runs (as status and export count them)\n", year, held)
	}
	if len(sum.NotFound) > 0 {
		fmt.Fprintf(out, "  searched, nothing found: %s\n", pipeline.Reasons(sum.NotFound))
	}
	if len(sum.NotChecked) > 0 {
		fmt.Fprintf(out, "  could not check: %s\n", pipeline.Reasons(sum.NotChecked))
	}
	if len(sum.Failed) > 0 {
		fmt.Fprintf(out, "  failed: %s (URNs %s)\n", pipeline.Reasons(sum.Failed), joinInts(sum.FailedURNs))
	}
	if lo := sum.LocalOffers; lo.Authorities > 0 {
		fmt.Fprintf(out, "Local Offers: %d LAs, %d services, %d information pages", lo.Authorities, lo.Services, lo.InfoPages)
		if len(lo.Failed) > 0 {
			fmt.Fprintf(out, "; failed: %v", lo.Failed)
		}
		fmt.Fprintln(out)
	}
	if sum.Interrupted {
		return &exitError{code: exitInterrupted, err: fmt.Errorf("interrupted: run the same command again to resume run %d", sum.RunID)}
	}
	reached := sum.Found
	for _, n := range sum.NotFound {
		reached += n
	}
	if reached == 0 && len(sum.FailedURNs) > 0 && sum.AlreadyDone == 0 {
		// Not "done in part": nothing was reached at all (the network, a proxy, a typo).
		return &exitError{code: exitFailed, err: fmt.Errorf("no school's website could be reached (%s): check this machine's network or proxy, then run the same command again; findings of earlier runs are unchanged", pipeline.Reasons(sum.Failed))}
	}
	if len(sum.Failed) > 0 || len(sum.LocalOffers.Failed) > 0 {
		return &exitError{code: exitPartial, err: fmt.Errorf("%d of %d schools and %d LAs could not be crawled; see `sendscope export` fetches.csv for each request", len(sum.FailedURNs), sum.Sites, len(sum.LocalOffers.Failed))}
	}
	return nil
}

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ", ")
}

// Package pipeline joins the stages: the crawler's results are analysed as they
// arrive and handed to a single writer that owns the store, and stored captures
// can be analysed again after an extractor upgrade. The stages themselves know
// nothing of each other; this package is where they meet.
package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/sendscope/sendscope/analysis"
	"github.com/sendscope/sendscope/crawler"
	"github.com/sendscope/sendscope/queries"
	"github.com/sendscope/sendscope/warc"
	"golang.org/x/sync/semaphore"
)

// CrawlSummary says what a crawl did.
type CrawlSummary struct {
	RunID       int64
	Resumed     bool
	Sites       int            // schools in scope
	AlreadyDone int            // finished earlier in a resumed run
	Crawled     int            // finished now
	Found       int            // with at least one candidate document
	NotFound    map[string]int // searched, none found: reason -> schools
	NotChecked  map[string]int // could not check, and trying again now would not help: outcome -> schools
	Failed      map[string]int // could not reach, worth trying again: reason -> schools
	FailedURNs  []int
	Documents   int
	Facts       int
	Interrupted bool
	LocalOffers LocalOfferSummary
	// LocalOfferLAs is how many LAs' Local Offers are in scope (with --local-offer).
	LocalOfferLAs int
	ByLA          map[string]*LASummary // LA code -> how its schools went
}

// LASummary is how one LA's schools went in a crawl.
type LASummary struct {
	Schools    int
	Found      int
	NotFound   map[string]int // reason -> schools
	NotChecked map[string]int // outcome -> schools
	Failed     map[string]int
}

func (sum *CrawlSummary) add(e SiteEvent) {
	sum.Crawled++
	sum.Documents += e.Documents
	sum.Facts += e.Facts
	la := sum.ByLA[e.LACode]
	if la == nil {
		la = &LASummary{NotFound: map[string]int{}, NotChecked: map[string]int{}, Failed: map[string]int{}}
		sum.ByLA[e.LACode] = la
	}
	la.Schools++
	switch {
	case e.Outcome == OutcomeFound:
		sum.Found++
		la.Found++
	case e.Outcome == OutcomeNotFound:
		sum.NotFound[e.Reason]++
		la.NotFound[e.Reason]++
	case e.Status != "failed":
		sum.NotChecked[e.Outcome]++
		la.NotChecked[e.Outcome]++
	default:
		sum.Failed[e.Reason]++
		la.Failed[e.Reason]++
		sum.FailedURNs = append(sum.FailedURNs, e.URN)
	}
}

// CrawlOptions say what a crawl covers.
type CrawlOptions struct {
	Year       string
	Scope      queries.Scope
	LocalOffer bool         // crawl the LAs' Local Offers too
	Batches    *BatchPolicy // nil: DefaultBatches
	// Extractor reads the documents; nil for the rules compiled in (analysis.Default).
	Extractor *analysis.Extractor
}

func (o CrawlOptions) extractor() *analysis.Extractor {
	if o.Extractor != nil {
		return o.Extractor
	}
	return analysis.Default()
}

func (o CrawlOptions) batches() BatchPolicy {
	if o.Batches != nil {
		return *o.Batches
	}
	return DefaultBatches
}

// Crawl crawls the schools in scope for a year (and, when asked, their LAs'
// Local Offers), analysing each document as it arrives, and stores each school's
// results in one transaction. A run left unfinished (interrupted) is resumed:
// schools already stored are not fetched again. progress hears of every school.
func Crawl(ctx context.Context, store *queries.Store, cfg crawler.Config, opt CrawlOptions, progress Progress) (CrawlSummary, error) {
	sum := CrawlSummary{NotFound: map[string]int{}, NotChecked: map[string]int{}, Failed: map[string]int{}, ByLA: map[string]*LASummary{}}
	year, scope := opt.Year, opt.Scope
	// What the crawl needs from the store is read once, here, in one open: on a
	// batches store the file is then let go, and taken again only to write.
	var targets []queries.Target
	var run queries.Run
	var finished map[int]bool
	var failedBefore map[int]string
	var prior map[int]map[string]queries.PriorCapture
	err := store.Hold(ctx, func() error {
		var err error
		if targets, err = store.Targets(ctx, scope); err != nil {
			return err
		}
		if len(targets) == 0 && !opt.LocalOffer {
			return fmt.Errorf("no schools in scope: import the register first (sendscope register import FILE), or check --la/--urn")
		}
		if opt.LocalOffer {
			// A Local Offer can be reviewed alone: LAs imported (or named by
			// --la) are enough, with or without a register.
			las, err := store.Authorities(ctx, queries.Scope{LA: scope.LA})
			if err != nil {
				return err
			}
			if len(las) == 0 && len(targets) == 0 {
				return fmt.Errorf("no schools and no local authorities in scope: import the LAs (sendscope authorities import FILE) or the register (sendscope register import FILE), or check --la/--urn")
			}
			sum.LocalOfferLAs = len(las)
		}
		opts, _ := json.Marshal(map[string]any{"concurrency": cfg.Concurrency, "per_host": cfg.PerHost, "delay": cfg.Delay.String(),
			"timeout": cfg.Timeout.String(), "max_pages": cfg.MaxPages, "la": scope.LA, "urn": scope.URNs})
		ua := cfg.UserAgent
		if ua == "" {
			ua = crawler.DefaultUserAgent
		}
		if run, err = store.StartRun(ctx, year, ua, string(opts)); err != nil {
			return err
		}
		if finished, err = store.SitesFinished(ctx, run.ID); err != nil {
			return err
		}
		if failedBefore, err = store.RunFailures(ctx, run.ID); err != nil {
			return err
		}
		prior, err = store.PriorCaptures(ctx, year)
		return err
	})
	if err != nil {
		return sum, err
	}
	// Schools of the run that failed before a resume count as failed in it.
	for urn, reason := range failedBefore {
		sum.Failed[reason]++
		sum.FailedURNs = append(sum.FailedURNs, urn)
	}
	sum.RunID, sum.Resumed, sum.Sites = run.ID, run.Resumed, len(targets)
	var sites []crawler.Site
	for _, t := range targets {
		if finished[t.URN] {
			sum.AlreadyDone++
			continue
		}
		sites = append(sites, crawler.Site{ID: t.URN, Name: t.Name, Home: t.Website, Known: knownURLs(store, prior[t.URN])})
	}
	if opt.LocalOffer {
		if len(targets) == 0 {
			progress.Printf("no schools in scope: crawling the Local Offers of %d LAs only", sum.LocalOfferLAs)
		} else {
			progress.Printf("crawling %d schools and the Local Offers of %d LAs", len(targets), sum.LocalOfferLAs)
		}
	}
	if run.Resumed {
		progress.Printf("resuming run %d of %s: %d of %d schools already done", run.ID, year, sum.AlreadyDone, len(targets))
	}
	laOf := map[int]string{}
	for _, t := range targets {
		laOf[t.URN] = t.LACode
	}
	progress.Start(len(targets), sum.AlreadyDone)
	defer progress.Finish()

	// One writer owns the store and the archive; crawler workers analyse and hand
	// over. It writes in batches (batch.go): the archive as each school arrives,
	// the store a batch at a time.
	results := make(chan siteWork)
	archive := newArchive(store.Path(), run.ID)
	defer archive.close()
	writer := &batchWriter[siteWork]{store: store, policy: opt.batches(), noun: "schools", notice: progress.Printf,
		prepare: func(w siteWork) error {
			// The bytes go to the WARC file first and reach the disk before the
			// store points at them; a crash between the two leaves only an
			// unreferenced record, and the school is crawled again.
			if err := archive.write(w.result.Captures, w.pages); err != nil {
				return err
			}
			return archive.writeResponses(w.fetches)
		},
		save: func(tx *queries.Store, w siteWork) error {
			if err := tx.SaveSite(context.WithoutCancel(ctx), w.result); err != nil {
				return fmt.Errorf("storing school %d: %w", w.result.URN, err)
			}
			return nil
		},
		done: func(w siteWork) {
			r := w.result
			e := SiteEvent{URN: r.URN, LACode: laOf[r.URN], Status: r.Status, Reason: r.Reason, Outcome: r.Outcome, Requests: countRequests(r.Fetches)}
			for _, c := range r.Captures {
				if c.Document != nil {
					e.Documents++
					e.Facts += len(c.Document.Facts)
				}
			}
			sum.add(e)
			progress.SiteDone(e)
		},
		bytes: func(w siteWork) int64 {
			var n int64
			for _, p := range w.pages {
				n += int64(len(p.Body))
			}
			return n
		},
	}
	var writeErr error
	var lost int
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		lost, writeErr = writer.run(ctx, results)
	}()
	c := crawler.New(cfg)
	c.Started = func(s crawler.Site) { progress.SiteStarted(s.ID) }
	c.Crawl(ctx, sites, func(r crawler.Result) {
		results <- siteWork{result: siteResult(run.ID, r, opt.extractor()), pages: r.Pages, fetches: r.Fetches}
	})
	close(results)
	wg.Wait()
	sort.Ints(sum.FailedURNs)
	if writeErr != nil {
		return sum, writeErr
	}
	if lost > 0 {
		progress.Printf("%s", lostLine(lost, "schools", "they are crawled again when the run is resumed"))
	}
	if opt.LocalOffer && ctx.Err() == nil {
		if sum.LocalOffers, err = crawlLocalOffers(ctx, store, c, run.ID, year, scope, archive, progress, opt.extractor()); err != nil {
			return sum, err
		}
	}
	if ctx.Err() != nil {
		sum.Interrupted = true
		return sum, nil // the run stays open; the same command resumes it
	}
	status := "done"
	if len(sum.FailedURNs) > 0 || len(sum.LocalOffers.Failed) > 0 {
		status = "partial"
	}
	if err := untilFree(ctx, progress.Printf, "close the run", func(wait time.Duration) error {
		return store.WriteWithin(ctx, wait, func(tx *queries.Store) error { return tx.FinishRun(ctx, run.ID, status) })
	}); err != nil {
		return sum, err
	}
	return sum, nil
}

// siteWork is one school's results on their way to the writer, with the raw
// exchanges still attached for the archive.
type siteWork struct {
	result  queries.SiteResult
	pages   []crawler.Page
	fetches []crawler.Fetch // the crawl log, with robots.txt responses to archive
}

// maxWARCBytes is where a WARC file is closed and the next begun.
const maxWARCBytes = 1 << 30

// archive writes a run's responses to WARC files in the folder beside the store.
type archive struct {
	dir   string // <store folder>/<store name>-warc
	base  string // the store's folder: WARC paths are stored relative to it
	runID int64
	w     *warc.Writer
	seq   int
}

// WARCDir is the folder where a store's WARC files live.
func WARCDir(storePath string) string {
	name := strings.TrimSuffix(filepath.Base(storePath), filepath.Ext(storePath))
	return filepath.Join(filepath.Dir(storePath), name+"-warc")
}

func newArchive(storePath string, runID int64) *archive {
	return &archive{dir: WARCDir(storePath), base: filepath.Dir(storePath), runID: runID}
}

// write archives a site's pages and points their captures (one per page, in
// the same order) at them.
func (a *archive) write(captures []queries.Capture, pages []crawler.Page) error {
	if len(pages) != len(captures) {
		return fmt.Errorf("archive: %d pages for %d captures", len(pages), len(captures))
	}
	if len(pages) == 0 {
		return nil
	}
	if a.w == nil || a.w.Size() > maxWARCBytes {
		if err := a.rotate(); err != nil {
			return err
		}
	}
	rel, err := filepath.Rel(a.base, a.w.Path())
	if err != nil {
		rel = a.w.Path()
	}
	for i, p := range pages {
		c := &captures[i]
		if prior, ok := priorOf(p); ok && prior.WARCFile != "" {
			// 304: the bytes are those of the earlier capture; archive the answer
			// as a revisit and point at the record that holds them.
			if err := a.w.WriteRevisit(warc.Exchange{URL: p.FinalURL, ResponseHdr: p.Header, Date: p.FetchedAt}, prior.URL); err != nil {
				return err
			}
			c.WARCFile, c.WARCOffset, c.WARCLength = prior.WARCFile, prior.WARCOffset, prior.WARCLength
			c.ETag, c.LastModified = prior.ETag, prior.LastModified
			continue
		}
		loc, err := a.w.WriteExchange(warc.Exchange{URL: p.FinalURL, RequestHdr: p.RequestHdr, Status: p.Status,
			ResponseHdr: p.Header, Body: p.Body, Date: p.FetchedAt})
		if err != nil {
			return err
		}
		c.WARCFile, c.WARCOffset, c.WARCLength = filepath.ToSlash(rel), loc.Offset, loc.Length
		c.ETag, c.LastModified = p.Header.Get("ETag"), p.Header.Get("Last-Modified")
	}
	return a.w.Sync()
}

// writeResponses archives the responses the crawl log carries (robots.txt),
// which no capture points at: they show what the crawler was allowed.
func (a *archive) writeResponses(fetches []crawler.Fetch) error {
	n := 0
	for _, f := range fetches {
		if f.Response == nil {
			continue
		}
		if a.w == nil || a.w.Size() > maxWARCBytes {
			if err := a.rotate(); err != nil {
				return err
			}
		}
		p := f.Response
		if _, err := a.w.WriteExchange(warc.Exchange{URL: p.FinalURL, RequestHdr: p.RequestHdr, Status: p.Status,
			ResponseHdr: p.Header, Body: p.Body, Date: p.FetchedAt}); err != nil {
			return err
		}
		n++
	}
	if n == 0 {
		return nil
	}
	return a.w.Sync()
}

// priorOf returns the earlier capture a 304 page stands for.
func priorOf(p crawler.Page) (queries.PriorCapture, bool) {
	if !p.NotModified || p.Known == nil {
		return queries.PriorCapture{}, false
	}
	prior, ok := p.Known.Ref.(queries.PriorCapture)
	return prior, ok
}

// knownURLs offers an earlier crawl's captures of a school or a Local Offer to the crawler, for
// conditional requests.
func knownURLs(store *queries.Store, prior map[string]queries.PriorCapture) map[string]crawler.Known {
	if len(prior) == 0 {
		return nil
	}
	out := make(map[string]crawler.Known, len(prior))
	for u, p := range prior {
		if p.WARCFile == "" {
			continue // kept before the archive existed: ask for it afresh
		}
		p := p
		out[u] = crawler.Known{ETag: p.ETag, LastModified: p.LastModified, ContentType: p.ContentType, Ref: p,
			Body: func() ([]byte, error) {
				return readBody(store.Path(), queries.StoredCapture{ID: p.CaptureID, WARCFile: p.WARCFile, WARCOffset: p.WARCOffset})
			}}
	}
	return out
}

func (a *archive) rotate() error {
	if a.w != nil {
		if err := a.w.Close(); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(a.dir, 0o755); err != nil {
		return fmt.Errorf("creating the archive folder: %w", err)
	}
	// A new file per process and part: a resumed run never appends to a file a
	// crash may have cut mid-record.
	for {
		a.seq++
		name := fmt.Sprintf("run%d-%s-%d-%03d.warc.gz", a.runID, time.Now().UTC().Format("20060102T150405"), os.Getpid(), a.seq)
		w, err := warc.Create(filepath.Join(a.dir, name), "sendscope")
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return err
		}
		a.w = w
		return nil
	}
}

func (a *archive) close() {
	if a.w != nil {
		a.w.Close()
	}
}

// readBody returns a stored capture's bytes, from the database or its WARC file.
func readBody(storePath string, c queries.StoredCapture) ([]byte, error) {
	if c.WARCFile == "" {
		return c.Body, nil
	}
	path := filepath.Join(filepath.Dir(storePath), filepath.FromSlash(c.WARCFile))
	rec, err := warc.ReadRecord(path, c.WARCOffset)
	if err != nil {
		return nil, fmt.Errorf("capture %d in %s at %d: %w", c.ID, path, c.WARCOffset, err)
	}
	_, _, body, err := rec.Response()
	if err != nil {
		return nil, fmt.Errorf("capture %d in %s: %w", c.ID, path, err)
	}
	return body, nil
}

func countRequests(fs []queries.Fetch) int {
	n := 0
	for _, f := range fs {
		if f.Skipped == "" {
			n++
		}
	}
	return n
}

// siteResult analyses a site's pages and shapes them for the store.
func siteResult(runID int64, r crawler.Result, x *analysis.Extractor) queries.SiteResult {
	out := queries.SiteResult{RunID: runID, URN: r.Site.ID, Status: r.Status, Reason: r.Reason, Fetches: logLines(r.Fetches)}
	found := false
	for _, p := range r.Pages {
		out.Pages++
		doc := AnalyseWith(x, p.Body, p.ContentType, p.FinalURL, p.LinkText)
		found = found || senDocTypes[doc.DocType]
		out.Captures = append(out.Captures, capture(p, doc))
	}
	if r.Status == "crawled" {
		out.Status, out.Reason = "found", ""
		if !found {
			out.Status, out.Reason = "not_found", notFoundReason(r.Fetches)
		}
	}
	var reason string
	out.Outcome, reason, out.Error = visitOutcome(r, found)
	out.Reason = reason
	if r.Status == "crawled" && out.Outcome == OutcomeUnreachable {
		// The home page answered but requests that might have led to the report
		// failed: the crawl summary counts the school as failed, to be retried.
		out.Status = "failed"
	}
	return out
}

// senDocTypes are the document types that count as a school's SEN publication.
var senDocTypes = map[string]bool{"sen_information_report": true, "policy_and_report": true, "sen_policy": true}

// notFoundReason says why a crawled site gave no SEN document: a likely link was
// barred by robots.txt, the budget ran out, or no link looked like one.
func notFoundReason(fs []crawler.Fetch) string {
	reason := "no_candidate"
	for _, f := range fs {
		switch f.Skipped {
		case "robots":
			return "robots"
		case "limit":
			reason = "budget"
		}
	}
	return reason
}

// AnalysingBytes bounds the bytes of documents analysed at once. Reading a
// document takes several times its size while it lasts (a 32 MiB HTML page's
// parsed tree and text took some 150 MiB), and a crawl hands over up to
// --concurrency sites at once, each of up to --max-site-bytes: hostile sites
// of 50 MB pages, analysed four at a time, held over 500 MiB. Documents of the
// usual size (under a MiB) are still analysed side by side; one as big as
// this is analysed alone.
const AnalysingBytes = 32 << 20

var analysing = semaphore.NewWeighted(AnalysingBytes)

// CrawlHeapLimit is the soft limit of a crawl's Go heap (debug.SetMemoryLimit,
// set by the crawl command): the collector works harder near it rather than
// let the heap double its live size, as it otherwise may. A crawl of hostile
// sites at --concurrency 4 keeps some 260 MiB live at most; without a limit
// its heap reached 480 MiB.
const CrawlHeapLimit = 320 << 20

// Analyse runs the default extractor on one response and shapes the result for the store.
func Analyse(body []byte, contentType, url, linkText string) *queries.Document {
	return AnalyseWith(analysis.Default(), body, contentType, url, linkText)
}

// AnalyseWith runs an extractor on one response and shapes the result for the store.
func AnalyseWith(x *analysis.Extractor, body []byte, contentType, url, linkText string) *queries.Document {
	n := max(1, min(int64(len(body)), AnalysingBytes))
	analysing.Acquire(context.Background(), n) // never fails without a deadline
	a := x.Analyse(body, contentType, url, linkText)
	analysing.Release(n)
	d := &queries.Document{Format: a.Format, DocType: a.DocType, DocTypeConfidence: a.DocTypeConfidence, Title: a.Title,
		StatedYear: a.StatedYear, WordCount: a.WordCount, Readability: a.Readability, Text: a.Body, ExtractorVersion: x.Version(),
		TextFingerprint: a.Fingerprint.Text, SentenceHashes: a.Fingerprint.Sentences}
	if d.Format == "" {
		d.Format = "other"
	}
	if a.Err != nil {
		d.ExtractError = a.Err.Error()
	}
	for _, f := range a.Facts {
		d.Facts = append(d.Facts, queries.Fact{Field: f.Field, Value: f.Value, ValueNum: f.ValueNum, Evidence: f.Evidence,
			Start: f.Start, End: f.End, Confidence: f.Confidence})
	}
	return d
}

// extractChunk is how many captures extract reads per open of the store.
const extractChunk = 200

// ExtractSummary says what a re-extraction did.
type ExtractSummary struct {
	Captures  int
	Documents map[string]int // doc_type -> documents
	Facts     int
	Services  int // Local Offer service records read again
	Errors    int
}

// Extract re-derives documents and facts from the stored captures of year ("" for
// all years) with this build's extractor, in parallel, replacing the old ones;
// then the Local Offer pages' documents and service records.
func Extract(ctx context.Context, store *queries.Store, year string, x *analysis.Extractor, progress io.Writer) (ExtractSummary, error) {
	if x == nil {
		x = analysis.Default()
	}
	sum := ExtractSummary{Documents: map[string]int{}}
	ids, err := store.CaptureIDs(ctx, year)
	if err != nil {
		return sum, err
	}
	type job struct {
		c   queries.StoredCapture
		doc *queries.Document
	}
	in := make(chan queries.StoredCapture)
	out := make(chan job)
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range in {
				out <- job{c, AnalyseWith(x, c.Body, c.ContentType, c.FinalURL, c.LinkText)}
			}
		}()
	}
	// Captures are read a chunk per open of the store, and the documents written
	// in batches (batch.go), so that readers get in between.
	var readErr error
	go func() {
		defer close(in)
		for from := 0; from < len(ids) && ctx.Err() == nil; from += extractChunk {
			chunk := ids[from:min(from+extractChunk, len(ids))]
			var loaded []queries.StoredCapture
			readErr = untilFree(ctx, func(string, ...any) {}, "read captures", func(wait time.Duration) error {
				loaded = loaded[:0]
				return store.HoldWithin(ctx, wait, func() error {
					for _, id := range chunk {
						c, err := store.LoadCapture(ctx, id)
						if err != nil {
							return err
						}
						if c.Body, err = readBody(store.Path(), c); err != nil {
							return err
						}
						loaded = append(loaded, c)
					}
					return nil
				})
			})
			if readErr != nil {
				return
			}
			for _, c := range loaded {
				in <- c
			}
		}
	}()
	go func() { wg.Wait(); close(out) }()
	writer := &batchWriter[job]{store: store, policy: DefaultBatches, noun: "documents",
		notice:  func(f string, a ...any) { fmt.Fprintf(progress, f+"\n", a...) },
		prepare: func(job) error { return nil },
		save: func(tx *queries.Store, j job) error {
			return tx.ReplaceDocument(context.WithoutCancel(ctx), j.c, j.doc)
		},
		done: func(j job) {
			sum.Captures++
			sum.Documents[j.doc.DocType]++
			sum.Facts += len(j.doc.Facts)
			if j.doc.ExtractError != "" {
				sum.Errors++
			}
			if sum.Captures%50 == 0 {
				fmt.Fprintf(progress, "extracted %d of %d captures\n", sum.Captures, len(ids))
			}
		},
		bytes: func(j job) int64 { return int64(len(j.c.Body)) },
	}
	lost, writeErr := writer.run(ctx, out)
	if lost > 0 {
		fmt.Fprintln(progress, lostLine(lost, "documents", "run extract again"))
	}
	if err := firstErr(readErr, writeErr, ctx.Err()); err != nil {
		return sum, err
	}
	return sum, rereadLocalOffers(ctx, store, year, &sum, x)
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// Reasons formats a reason -> count map for a summary line ("no_candidate 3, robots 1").
func Reasons(m map[string]int) string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}

package pipeline

import (
	"context"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/sendscope/sendscope/analysis"
	"github.com/sendscope/sendscope/analysis/localoffer"
	"github.com/sendscope/sendscope/crawler"
	"github.com/sendscope/sendscope/queries"
)

// LocalOfferSummary says what the Local Offer part of a crawl did.
type LocalOfferSummary struct {
	Authorities int
	Services    int
	InfoPages   int               // information pages kept (and assessed for the required content)
	Documents   int               // Local Offer pages and records kept as documents
	Merged      int               // services found on both an LA's site and its feed, stored once
	Failed      map[string]string // LA code -> reason
}

// Bounds on one LA's Local Offer.
const (
	maxLocalOfferPages = 500  // HTML pages per LA
	maxFeedRequests    = 3000 // ORUK list and detail requests per LA
	feedPageSize       = 100
)

// crawlLocalOffers crawls each LA in scope not yet done in the run: its ORUK feed
// when it has one, else its Local Offer website; each LA is stored in one
// transaction.
func crawlLocalOffers(ctx context.Context, store *queries.Store, c *crawler.Crawler, runID int64, year string, scope queries.Scope,
	arch *archive, progress Progress, ax *analysis.Extractor) (LocalOfferSummary, error) {
	x := localoffer.New(ax)
	sum := LocalOfferSummary{Failed: map[string]string{}}
	// Read once, in one open: pages kept by an earlier run of the year (asked for
	// conditionally), the LAs, those done already.
	var prior map[string]map[string]queries.PriorCapture
	var las []queries.Authority
	var done map[string]bool
	err := store.Hold(ctx, func() (err error) {
		if prior, err = store.PriorLocalOfferCaptures(ctx, year); err != nil {
			return err
		}
		if las, err = store.Authorities(ctx, queries.Scope{LA: scope.LA}); err != nil {
			return err
		}
		done, err = store.AuthoritiesFinished(ctx, runID)
		return err
	})
	if err != nil {
		return sum, err
	}
	if len(las) == 0 {
		progress.Printf("no local authorities to crawl: import them with `sendscope authorities import FILE`")
		return sum, nil
	}
	for _, la := range las {
		if done[la.LACode] || ctx.Err() != nil {
			continue
		}
		var r queries.AuthorityResult
		var pages []crawler.Page
		var log []crawler.Fetch
		// The feed lists the services; the site also has the information pages
		// a Local Offer must publish. Both are read when both are known, and a
		// service in both is stored once.
		known := knownURLs(store, prior[la.LACode])
		merged := 0
		switch {
		case la.ORUKURL != "" && la.LocalOfferURL != "":
			fr, fpages, flog := crawlFeed(ctx, c, la, known, x)
			sr, spages, slog := crawlLocalOfferSite(ctx, c, la, known, x)
			r, merged = mergeFeedAndSite(fr, sr)
			pages, log = append(fpages, spages...), append(flog, slog...)
		case la.ORUKURL != "":
			r, pages, log = crawlFeed(ctx, c, la, known, x)
		case la.LocalOfferURL != "":
			r, pages, log = crawlLocalOfferSite(ctx, c, la, known, x)
		default:
			r = queries.AuthorityResult{Status: "not_found", Reason: "no_local_offer_url"}
		}
		if ctx.Err() != nil {
			break // an interrupted LA is crawled again on resume
		}
		r.RunID, r.LACode = runID, la.LACode
		if err := arch.write(r.Captures, pages); err != nil {
			return sum, err
		}
		if err := arch.writeResponses(log); err != nil {
			return sum, err
		}
		// One LA is one write; a reader holding the store is waited for.
		err := untilFree(ctx, progress.Printf, "store the Local Offer of "+la.LACode, func(wait time.Duration) error {
			return store.WriteWithin(context.WithoutCancel(ctx), wait, func(tx *queries.Store) error {
				if err := tx.SaveLocalOfferItems(context.WithoutCancel(ctx), localOfferItems()); err != nil {
					return err
				}
				return tx.SaveAuthority(context.WithoutCancel(ctx), r)
			})
		})
		if err != nil {
			return sum, fmt.Errorf("storing the Local Offer of %s: %w", la.LACode, err)
		}
		n, info := 0, 0
		for _, cp := range r.Captures {
			n += len(cp.Services)
			if cp.Document != nil {
				sum.Documents++
				if cp.Document.DocType == localoffer.KindInfo {
					info++
				}
			}
		}
		sum.Authorities++
		sum.Services += n
		sum.InfoPages += info
		sum.Merged += merged
		if r.Status == "failed" {
			sum.Failed[la.LACode] = r.Reason
		}
		line := fmt.Sprintf("Local Offer %s %s: %s", la.LACode, la.LAName, r.Status)
		if r.Reason != "" {
			line += " (" + r.Reason + ")"
		}
		sources := "site"
		switch {
		case la.ORUKURL != "" && la.LocalOfferURL != "":
			sources = "feed and site"
		case la.ORUKURL != "":
			sources = "feed"
		}
		progress.Printf("%s (%s), %d requests, %d services (%d in both feed and site), %d information pages", line, sources,
			countRequests(r.Fetches), n, merged, info)
	}
	return sum, nil
}

func laID(code string) int {
	n, _ := strconv.Atoi(code)
	return n
}

// crawlLocalOfferSite crawls an LA's Local Offer website and reads a service from
// every record page. It returns the LA's result, the pages to archive and the
// crawl log (with robots.txt responses to archive).
func crawlLocalOfferSite(ctx context.Context, c *crawler.Crawler, la queries.Authority, known map[string]crawler.Known, x *localoffer.Extractor) (queries.AuthorityResult, []crawler.Page, []crawler.Fetch) {
	site := crawler.LocalOfferSite(laID(la.LACode), la.LAName, la.LocalOfferURL, maxLocalOfferPages)
	site.Known = known
	res := c.CrawlSite(ctx, site)
	r := queries.AuthorityResult{Status: res.Status, Reason: res.Reason, Fetches: logLines(res.Fetches)}
	seen := map[string]bool{}
	for _, p := range res.Pages {
		r.Pages++
		doc, services, items := readSitePage(x, p.Body, p.ContentType, p.FinalURL, p.LinkText)
		cp := capture(p, doc)
		cp.Items = items
		for _, sv := range services {
			if !seen[sv.ServiceID] {
				seen[sv.ServiceID] = true
				cp.Services = append(cp.Services, sv)
			}
		}
		r.Captures = append(r.Captures, cp)
	}
	if r.Status == "crawled" {
		r.Status = "found"
		if len(seen) == 0 {
			r.Status, r.Reason = "not_found", "no_services"
		}
	}
	return r, res.Pages, res.Fetches
}

// crawlFeed reads an LA's Open Referral UK feed: GET {base}/services page by page
// until the last, and the full record of every service the list gives only in
// outline.
func crawlFeed(ctx context.Context, c *crawler.Crawler, la queries.Authority, known map[string]crawler.Known, x *localoffer.Extractor) (queries.AuthorityResult, []crawler.Page, []crawler.Fetch) {
	r := queries.AuthorityResult{Status: "found"}
	var pages []crawler.Page
	var fetchLog []crawler.Fetch
	base := strings.TrimSuffix(la.ORUKURL, "/")
	requests := 0
	seen := map[string]bool{}
	get := func(url string) (crawler.Page, bool) {
		requests++
		var kept *crawler.Known
		if k, ok := known[url]; ok {
			kept = &k
		}
		p, log, err := c.FetchKnown(ctx, url, kept)
		r.Fetches = append(r.Fetches, logLines(log)...)
		fetchLog = append(fetchLog, log...)
		if err != nil {
			return p, false
		}
		r.Pages++
		pages = append(pages, p)
		return p, true
	}
	for page := 1; requests < maxFeedRequests && ctx.Err() == nil; page++ {
		p, ok := get(fmt.Sprintf("%s/services?page=%d&per_page=%d", base, page, feedPageSize))
		if !ok {
			if page == 1 {
				r.Status, r.Reason = "failed", "feed_unreachable"
			}
			break
		}
		services, info, err := x.ORUKPage(p.Body)
		doc := &queries.Document{Format: "other", DocType: localoffer.KindListing, DocTypeConfidence: 1, Title: "ORUK services page " + strconv.Itoa(page),
			ExtractorVersion: x.Version()}
		if err != nil {
			doc.ExtractError = err.Error()
			r.Captures = append(r.Captures, capture(p, doc))
			if page == 1 {
				r.Status, r.Reason = "failed", "not_an_oruk_feed"
			}
			break
		}
		listCapture := capture(p, doc)
		raws := localoffer.ORUKRawItems(p.Body)
		var details []func()
		for i, s := range services {
			if seen[s.ID] {
				continue
			}
			seen[s.ID] = true
			if i < len(raws) && localoffer.ORUKDetailed(raws[i]) {
				listCapture.Services = append(listCapture.Services, storeService(s))
				continue
			}
			s := s
			details = append(details, func() {
				// The list gives the outline; the record has ages, taxonomies, contacts.
				if dp, ok := get(base + "/services/" + s.ID); ok {
					full, err := x.ORUKService(dp.Body)
					ddoc := &queries.Document{Format: "other", DocType: localoffer.KindService, DocTypeConfidence: 1, Title: s.Name,
						ExtractorVersion: x.Version()}
					dcp := capture(dp, ddoc)
					if err == nil {
						dcp.Services = []queries.Service{storeService(full)}
					} else {
						ddoc.ExtractError = err.Error()
						dcp.Services = []queries.Service{storeService(s)}
					}
					r.Captures = append(r.Captures, dcp)
					return
				}
				listCapture.Services = append(listCapture.Services, storeService(s))
			})
		}
		// The list page's capture comes before its detail pages, as it was fetched.
		at := len(r.Captures)
		r.Captures = append(r.Captures, queries.Capture{})
		for _, d := range details {
			if requests >= maxFeedRequests || ctx.Err() != nil {
				break
			}
			d()
		}
		r.Captures[at] = listCapture
		if info.Last || len(services) == 0 || (info.TotalPages > 0 && page >= info.TotalPages) {
			break
		}
	}
	if r.Status == "found" && len(seen) == 0 {
		r.Status, r.Reason = "not_found", "no_services"
	}
	return r, pages, fetchLog
}

// capture shapes a fetched page and what analysis made of it for the store.
func capture(p crawler.Page, doc *queries.Document) queries.Capture {
	return queries.Capture{URL: p.URL, FinalURL: p.FinalURL, Status: p.Status, ContentType: p.ContentType,
		SHA256: p.SHA256, Body: p.Body, LinkText: p.LinkText, FetchedAt: p.FetchedAt, Document: doc,
		Provenance: queries.Provenance{LinkURL: p.LinkURL, LinkedFrom: p.LinkedFrom, Platform: p.Platform, OffSite: p.OffSite}}
}

func storeService(s localoffer.Service) queries.Service {
	return queries.Service{ServiceID: s.ID, Name: s.Name, URL: s.URL, Description: s.Description, Categories: s.Categories,
		AgeMin: s.AgeMin, AgeMax: s.AgeMax, NeedTypes: s.NeedTypes, Cost: s.Cost, HasPhone: s.HasPhone, HasEmail: s.HasEmail,
		Source: s.Source, LastUpdated: s.LastUpdated, Eligibility: s.Eligibility, HasWebsite: s.HasWebsite, Status: s.Status,
		Current: s.Current()}
}

// readSitePage reads one page of a Local Offer website: its document (kind and
// title from the content), the service it records, and the required items it
// covers.
func readSitePage(x *localoffer.Extractor, body []byte, contentType, pageURL, linkText string) (*queries.Document, []queries.Service, []queries.Evidence) {
	lo := x.ReadLocalOffer(body, contentType, pageURL)
	doc := AnalyseWith(x.Analysis(), body, contentType, pageURL, linkText)
	doc.DocType, doc.DocTypeConfidence, doc.Facts = lo.Kind, 0.7, nil
	if lo.Title != "" {
		doc.Title = lo.Title
	}
	var items []queries.Evidence
	for _, it := range lo.Items {
		items = append(items, queries.Evidence{ItemID: it.ID, Quote: it.Quote})
	}
	if lo.Service == nil {
		return doc, nil, items
	}
	return doc, []queries.Service{storeService(*lo.Service)}, items
}

// localOfferItems is the program's list of what a Local Offer must publish.
func localOfferItems() []queries.LocalOfferItem {
	var out []queries.LocalOfferItem
	for _, it := range analysis.LocalOfferItemList() {
		out = append(out, queries.LocalOfferItem{ID: it.ID, Label: it.Label, Source: it.Source})
	}
	return out
}

// mergeFeedAndSite joins an LA's feed and site crawls into one result: a site
// record that is a feed service (the feed's id in its address, the same
// address, or the same name) is not stored again; the feed's service notes the
// page (source oruk+html) and takes from it what the feed left empty.
func mergeFeedAndSite(feed, site queries.AuthorityResult) (queries.AuthorityResult, int) {
	r := queries.AuthorityResult{Pages: feed.Pages + site.Pages, Fetches: append(feed.Fetches, site.Fetches...)}
	switch {
	case feed.Status == "found" || site.Status == "found":
		r.Status = "found"
	case feed.Status == "failed" && site.Status == "failed":
		r.Status, r.Reason = "failed", "feed: "+feed.Reason+"; site: "+site.Reason
	default:
		r.Status, r.Reason = "not_found", strings.Trim(feed.Reason+"; "+site.Reason, "; ")
	}
	if r.Status == "found" && feed.Status == "failed" {
		r.Reason = feed.Reason + " (the site was read)"
	}
	type at struct{ c, s int }
	byID, byURL, byName := map[string]at{}, map[string]at{}, map[string]at{}
	for ci, cp := range feed.Captures {
		for si, sv := range cp.Services {
			byID[sv.ServiceID] = at{ci, si}
			if sv.URL != "" {
				byURL[normURL(sv.URL)] = at{ci, si}
			}
			if n := normName(sv.Name); n != "" {
				byName[n] = at{ci, si}
			}
		}
	}
	merged := 0
	for ci := range site.Captures {
		cp := &site.Captures[ci]
		var keep []queries.Service
		for _, sv := range cp.Services {
			hit, ok := byURL[normURL(sv.URL)]
			if !ok {
				hit, ok = byName[normName(sv.Name)]
			}
			if !ok {
				for _, id := range idsInURL(sv.URL) {
					if hit, ok = byID[id]; ok {
						break
					}
				}
			}
			if !ok {
				keep = append(keep, sv)
				continue
			}
			f := &feed.Captures[hit.c].Services[hit.s]
			if f.PageURL != "" {
				continue // a second page of the same service
			}
			merged++
			f.Source, f.PageURL = "oruk+html", sv.URL
			if f.AgeMin == nil && f.AgeMax == nil {
				f.AgeMin, f.AgeMax = sv.AgeMin, sv.AgeMax
			}
			f.NeedTypes = localoffer.UnionSorted(f.NeedTypes, sv.NeedTypes)
			f.Categories = localoffer.UnionSorted(f.Categories, sv.Categories)
			if f.Eligibility == "" {
				f.Eligibility = sv.Eligibility
			}
			if f.Cost == "" {
				f.Cost = sv.Cost
			}
			f.HasPhone, f.HasEmail, f.HasWebsite = f.HasPhone || sv.HasPhone, f.HasEmail || sv.HasEmail, f.HasWebsite || sv.HasWebsite
		}
		cp.Services = keep
	}
	r.Captures = append(feed.Captures, site.Captures...)
	return r, merged
}

var nonWord = regexp.MustCompile(`[^a-z0-9]+`)

func normName(s string) string {
	return strings.TrimSpace(nonWord.ReplaceAllString(strings.ToLower(s), " "))
}

func normURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || s == "" {
		return s
	}
	return strings.ToLower(u.Host) + strings.TrimSuffix(u.Path, "/") + "?" + u.RawQuery
}

// idsInURL are the parts of a record's address that may be a feed's id: the id
// parameter (kb5 service.page?id=) and the last path segment.
func idsInURL(s string) []string {
	u, err := url.Parse(s)
	if err != nil {
		return nil
	}
	var ids []string
	for _, k := range []string{"id", "serviceid", "service_id", "recordid"} {
		if v := u.Query().Get(k); v != "" {
			ids = append(ids, v)
		}
	}
	if seg := path.Base(strings.TrimSuffix(u.Path, "/")); seg != "" && seg != "/" && seg != "." {
		ids = append(ids, seg)
	}
	return ids
}

// logLines shapes crawler log lines for the store.
func logLines(fs []crawler.Fetch) []queries.Fetch {
	out := make([]queries.Fetch, 0, len(fs))
	for _, f := range fs {
		out = append(out, queries.Fetch{URL: f.URL, Status: f.Status, Error: f.Error, ContentType: f.ContentType,
			Bytes: f.Bytes, Duration: f.Duration, FetchedAt: f.FetchedAt, Skipped: f.Skipped, Depth: f.Depth, LinkScore: f.Score,
			Provenance: queries.Provenance{LinkURL: f.LinkURL, LinkedFrom: f.LinkedFrom, Platform: f.Platform, OffSite: f.OffSite}})
	}
	return out
}

// rereadLocalOffers reads the stored Local Offer pages of year again with this
// build's extractor (an upgrade may read services better), replacing their
// documents and service records.
func rereadLocalOffers(ctx context.Context, store *queries.Store, year string, sum *ExtractSummary, ax *analysis.Extractor) error {
	x := localoffer.New(ax)
	ids, err := store.LocalOfferCaptureIDs(ctx, year)
	if err != nil {
		return err
	}
	// The ORUK service records each run holds and can read, by address: a list
	// page's outline of a service is stored only when its record cannot be. The
	// records read here are kept, so no body is read twice.
	records := map[int64]map[string]bool{}
	read := map[int64]localoffer.Service{}
	// Each chunk of pages is one open of the store (a Hold to read, a Write to
	// replace), so that readers get in between.
	chunks := func(each func(chunk []int64, wait time.Duration) error) error {
		for from := 0; from < len(ids); from += extractChunk {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			chunk := ids[from:min(from+extractChunk, len(ids))]
			if err := untilFree(ctx, func(string, ...any) {}, "re-read Local Offer pages", func(wait time.Duration) error {
				return each(chunk, wait)
			}); err != nil {
				return err
			}
		}
		return nil
	}
	err = chunks(func(chunk []int64, wait time.Duration) error {
		return store.HoldWithin(ctx, wait, func() error {
			for _, id := range chunk {
				c, err := store.LoadCapture(ctx, id)
				if err != nil {
					return err
				}
				if !strings.Contains(c.URL, "/services/") || c.ContentType != "" && !strings.Contains(c.ContentType, "json") {
					continue
				}
				if c.Body, err = readBody(store.Path(), c); err != nil {
					return err
				}
				if svc, err := x.ORUKService(c.Body); err == nil {
					read[id] = svc
					if records[c.RunID] == nil {
						records[c.RunID] = map[string]bool{}
					}
					records[c.RunID][c.URL] = true
				}
			}
			return nil
		})
	})
	if err != nil {
		return err
	}
	return chunks(func(chunk []int64, wait time.Duration) error {
		var add ExtractSummary
		add.Documents = map[string]int{}
		err := store.WriteWithin(context.WithoutCancel(ctx), wait, func(tx *queries.Store) error {
			for _, id := range chunk {
				c, err := store.LoadCapture(ctx, id)
				if err != nil {
					return err
				}
				var doc *queries.Document
				var services []queries.Service
				var items []queries.Evidence
				if svc, ok := read[id]; ok {
					doc = &queries.Document{Format: "other", DocType: localoffer.KindService, DocTypeConfidence: 1,
						ExtractorVersion: x.Version(), Title: svc.Name}
					services = []queries.Service{storeService(svc)}
				} else {
					if c.Body, err = readBody(store.Path(), c); err != nil {
						return err
					}
					doc, services, items = rereadLocalOfferPage(x, c, records[c.RunID])
				}
				if err := tx.ReplaceLocalOfferCapture(context.WithoutCancel(ctx), c, doc, services, items); err != nil {
					return err
				}
				add.Captures++
				add.Documents[doc.DocType]++
				add.Services += len(services)
				if doc.ExtractError != "" {
					add.Errors++
				}
			}
			return nil
		})
		if err == nil { // counted once the chunk is committed
			sum.Captures += add.Captures
			sum.Services += add.Services
			sum.Errors += add.Errors
			for k, v := range add.Documents {
				sum.Documents[k] += v
			}
		}
		return err
	})
}

// rereadLocalOfferPage reads one stored Local Offer page: an ORUK list page or
// service record (JSON), or a page of a Local Offer website.
func rereadLocalOfferPage(x *localoffer.Extractor, c queries.StoredCapture, records map[string]bool) (*queries.Document, []queries.Service, []queries.Evidence) {
	if !looksLikeJSON(c.Body) {
		return readSitePage(x, c.Body, c.ContentType, c.FinalURL, c.LinkText)
	}
	doc, services := rereadFeedPage(x, c, records)
	return doc, services, nil
}

// rereadFeedPage reads one stored ORUK list page or service record.
func rereadFeedPage(x *localoffer.Extractor, c queries.StoredCapture, records map[string]bool) (*queries.Document, []queries.Service) {
	doc := &queries.Document{Format: "other", DocTypeConfidence: 1, ExtractorVersion: x.Version()}
	if base, _, isList := strings.Cut(c.URL, "/services?"); isList {
		doc.DocType, doc.Title = localoffer.KindListing, "ORUK services page"
		if u, err := url.Parse(c.URL); err == nil && u.Query().Get("page") != "" {
			doc.Title += " " + u.Query().Get("page")
		}
		services, _, err := x.ORUKPage(c.Body)
		if err != nil {
			doc.ExtractError = err.Error()
			return doc, nil
		}
		raws := localoffer.ORUKRawItems(c.Body)
		var out []queries.Service
		for i, s := range services {
			detailed := i < len(raws) && localoffer.ORUKDetailed(raws[i])
			if detailed || !records[base+"/services/"+s.ID] {
				out = append(out, storeService(s))
			}
		}
		return doc, out
	}
	doc.DocType = localoffer.KindService
	full, err := x.ORUKService(c.Body)
	if err != nil {
		// The list page's outline of the service stands in for it.
		doc.ExtractError = err.Error()
		return doc, nil
	}
	doc.Title = full.Name
	return doc, []queries.Service{storeService(full)}
}

// looksLikeJSON says whether body starts as a JSON object or array does.
func looksLikeJSON(body []byte) bool {
	for _, b := range body {
		switch b {
		case ' ', '\t', '\r', '\n':
			continue
		case '{', '[':
			return true
		}
		return false
	}
	return false
}

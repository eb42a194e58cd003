package crawler

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// Local Offer sites are directories: listing pages, categories, pagination and a
// detail page per service. LocalOfferSite crawls one breadth-first-ish within the
// Local Offer's own part of the site, preferring record and next-page links.

var (
	recordLink   = regexp.MustCompile(`(?i)service\.page|organisation\.page|/services?/|/listing/|/directory/|/record|[?&]id=|/provider`)
	nextPageLink = regexp.MustCompile(`(?i)(?:^|\b)(?:next|more results|older|›|»)(?:\b|$)|[?&](?:page|p|pg|start|offset)=\d+|/page/\d+`)
	categoryLink = regexp.MustCompile(`(?i)categor|channel=|/topic/|/section/|/browse`)
)

// LocalOfferSite is a Site that crawls an LA's Local Offer from root, staying
// under root's path, within a larger budget than a school's.
func LocalOfferSite(id int, name, root string, maxPages int) Site {
	prefix := ""
	if u, err := url.Parse(root); err == nil {
		prefix = strings.TrimSuffix(u.Path, "/")
		if i := strings.LastIndex(prefix, "/"); i >= 0 && strings.Contains(prefix[i:], ".") {
			prefix = prefix[:i] // a root like /kb5/la/directory/home.page: stay in its folder
		}
	}
	if maxPages <= 0 {
		maxPages = 500
	}
	return Site{ID: id, Name: name, Home: root, MaxPages: maxPages, MaxDepth: 12,
		Score: func(text string, u *url.URL, depth int) float64 {
			if !strings.HasPrefix(u.Path, prefix) || DocumentLink(u) {
				return 0
			}
			score := 1.0
			target := u.Path + "?" + u.RawQuery
			if recordLink.MatchString(target) {
				score += 3
			}
			if nextPageLink.MatchString(text) || nextPageLink.MatchString(target) {
				score += 2
			}
			if categoryLink.MatchString(target) {
				score += 1
			}
			return score - float64(depth)*0.05
		}}
}

// Fetch makes one polite GET (robots.txt obeyed, the host's turn awaited) and
// returns the body, for API feeds that are paged by their caller. The log lines
// (robots.txt when first read, then the request) come with it.
func (c *Crawler) Fetch(ctx context.Context, rawURL string) (Page, []Fetch, error) {
	return c.FetchKnown(ctx, rawURL, nil)
}

// FetchKnown is Fetch with what an earlier crawl kept of the address: the
// request carries its validators, and a 304 answer gives back the kept bytes
// (the Page is NotModified, with Known set).
func (c *Crawler) FetchKnown(ctx context.Context, rawURL string, known *Known) (Page, []Fetch, error) {
	var log []Fetch
	p, f, err := c.fetch(ctx, rawURL, known, &log)
	return p, append(log, f), err
}

func (c *Crawler) fetch(ctx context.Context, rawURL string, known *Known, log *[]Fetch) (Page, Fetch, error) {
	f := Fetch{URL: rawURL, Kind: "api", FetchedAt: time.Now().UTC()}
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		f.Error = fmt.Sprintf("not a web address: %q", rawURL)
		return Page{}, f, fmt.Errorf("%s", f.Error)
	}
	client := &http.Client{Transport: c.transport, Timeout: c.cfg.Timeout}
	rules := c.robots.rules(ctx, client, c.cfg.UserAgent, u, func(x Fetch) { *log = append(*log, x) })
	if !rules.allowed(u) {
		f.Skipped = "robots"
		return Page{}, f, fmt.Errorf("%s: robots.txt does not allow it", rawURL)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return Page{}, f, err
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	req.Header.Set("Accept", "application/json")
	if known != nil {
		if known.ETag != "" {
			req.Header.Set("If-None-Match", known.ETag)
		}
		if known.LastModified != "" {
			req.Header.Set("If-Modified-Since", known.LastModified)
		}
	}
	start := time.Now()
	resp, err := client.Do(req)
	f.Duration = time.Since(start)
	if err != nil {
		f.Error = err.Error()
		return Page{}, f, fmt.Errorf("%s: %w", rawURL, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, int64(c.cfg.MaxBodyBytes)+1))
	f.Status, f.ContentType, f.Bytes = resp.StatusCode, resp.Header.Get("Content-Type"), int64(len(body))
	if err != nil {
		f.Error = err.Error()
		return Page{}, f, fmt.Errorf("%s: %w", rawURL, err)
	}
	truncated := len(body) > c.cfg.MaxBodyBytes
	if truncated {
		body = body[:c.cfg.MaxBodyBytes]
		f.Error = fmt.Sprintf("body cut at %d bytes", c.cfg.MaxBodyBytes)
	}
	if resp.StatusCode == http.StatusNotModified && known != nil && known.Body != nil {
		kept, err := known.Body()
		if err != nil {
			f.Error = "304, but the kept copy cannot be read: " + err.Error()
			return Page{}, f, fmt.Errorf("%s: %s", rawURL, f.Error)
		}
		sum := sha256.Sum256(kept)
		return Page{URL: rawURL, FinalURL: resp.Request.URL.String(), Status: http.StatusOK, ContentType: known.ContentType,
			Header: resp.Header.Clone(), RequestHdr: req.Header.Clone(), Body: kept, SHA256: hex.EncodeToString(sum[:]),
			FetchedAt: f.FetchedAt, NotModified: true, Known: known}, f, nil
	}
	if resp.StatusCode != http.StatusOK {
		f.Error = resp.Status
		return Page{}, f, fmt.Errorf("%s: %s", rawURL, resp.Status)
	}
	sum := sha256.Sum256(body)
	p := Page{URL: rawURL, FinalURL: resp.Request.URL.String(), Status: resp.StatusCode, ContentType: f.ContentType,
		Header: resp.Header.Clone(), RequestHdr: req.Header.Clone(), Body: body, Truncated: truncated,
		SHA256: hex.EncodeToString(sum[:]), FetchedAt: f.FetchedAt}
	return p, f, nil
}

package pipeline

import (
	"fmt"
	"strings"

	"github.com/sendscope/sendscope/crawler"
	"github.com/sendscope/sendscope/documents"
)

// The outcome of one visit to a school's site. Only found and not_found are
// findings (the site answered and was searched); every other outcome is an attempt
// that could not check, and changes no earlier finding of the year.
const (
	OutcomeFound           = "found"
	OutcomeNotFound        = "not_found"
	OutcomeUnreachable     = "unreachable"
	OutcomeBlockedByRobots = "blocked_by_robots"
	OutcomeNoWebsite       = "no_website"
	OutcomeNeedsJavaScript = "needs_javascript"
)

// visitOutcome says what a visit established, why, and (for a failed visit) the
// error that stopped it. found is whether any SEN document was among the pages.
func visitOutcome(r crawler.Result, found bool) (outcome, reason, errText string) {
	switch r.Status {
	case "not_found", "failed":
		switch r.Reason {
		case "no_website", "bad_website":
			return OutcomeNoWebsite, r.Reason, ""
		case "robots":
			return OutcomeBlockedByRobots, "robots_home", firstError(r.Fetches)
		}
		return OutcomeUnreachable, r.Reason, firstError(r.Fetches)
	}
	if found {
		return OutcomeFound, "", ""
	}
	// The site answered but nothing was found. That is a finding only when the
	// search itself was whole: no request that might have led to the report
	// failed, robots.txt barred no likely link, and the pages were readable.
	if n, total, first := failedRequests(r.Fetches); n > 0 {
		return OutcomeUnreachable, "requests_failed", fmt.Sprintf("%d of %d requests failed; first: %s", n, total, first)
	}
	if reason := notFoundReason(r.Fetches); reason == "robots" {
		return OutcomeBlockedByRobots, "robots_link", ""
	}
	for _, p := range r.Pages {
		if p.Depth == 0 && documents.ScriptBuilt(p.Body) {
			return OutcomeNeedsJavaScript, "script_built_home_page", ""
		}
	}
	return OutcomeNotFound, notFoundReason(r.Fetches), ""
}

// failedRequests counts the requests of a site that got no usable answer: no
// response, a server error, or "too many requests" after the retries. A 404 is
// an answer (the page is not there); a redirect off the site is a choice.
func failedRequests(fs []crawler.Fetch) (n, total int, first string) {
	last := map[string]crawler.Fetch{} // a request retried after a 503 counts by its last answer
	var order []string
	for _, f := range fs {
		if f.Skipped != "" || f.Kind == "robots" {
			continue
		}
		if _, ok := last[f.URL]; !ok {
			order = append(order, f.URL)
		}
		last[f.URL] = f
	}
	for _, u := range order {
		f := last[u]
		total++
		if f.Status >= 500 || f.Status == 429 || f.Status == 0 && f.Error != "" {
			if n == 0 {
				first = f.URL + ": " + errorOf(f)
			}
			n++
		}
	}
	return n, total, first
}

// firstError is the first failed request's error, as a short line.
func firstError(fs []crawler.Fetch) string {
	for _, f := range fs {
		if f.Skipped == "" && (f.Error != "" || f.Status >= 400) {
			return errorOf(f)
		}
	}
	return ""
}

func errorOf(f crawler.Fetch) string {
	e := f.Error
	if e == "" {
		e = fmt.Sprintf("HTTP %d", f.Status)
	} else if f.Status >= 400 && !strings.Contains(e, fmt.Sprint(f.Status)) {
		e = fmt.Sprintf("HTTP %d: %s", f.Status, e)
	}
	if len(e) > 300 {
		e = e[:300] + "..."
	}
	return e
}

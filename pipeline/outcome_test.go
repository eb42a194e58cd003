package pipeline

import (
	"testing"

	"github.com/sendscope/sendscope/crawler"
)

func TestVisitOutcome(t *testing.T) {
	home := crawler.Page{Depth: 0, Body: []byte(`<html><body><main><p>Welcome to our school. We are a happy and caring school where every child is known and valued by all of our staff.</p><a href="/about/">About</a><a href="/news/">News</a><a href="/contact/">Contact</a></main></body></html>`)}
	scriptHome := crawler.Page{Depth: 0, Body: []byte(`<html><head><script src="/app.js"></script></head><body><div id="root"></div></body></html>`)}
	ok := crawler.Fetch{URL: "http://s/", Status: 200}
	cases := []struct {
		name                  string
		r                     crawler.Result
		found                 bool
		outcome, reason, errs string
	}{
		{"a report", crawler.Result{Status: "crawled", Pages: []crawler.Page{home}, Fetches: []crawler.Fetch{ok}}, true, "found", "", ""},
		{"searched, none", crawler.Result{Status: "crawled", Pages: []crawler.Page{home}, Fetches: []crawler.Fetch{ok}}, false, "not_found", "no_candidate", ""},
		{"searched to the budget", crawler.Result{Status: "crawled", Pages: []crawler.Page{home}, Fetches: []crawler.Fetch{ok, {URL: "http://s/x", Skipped: "limit"}}}, false, "not_found", "budget", ""},
		{"no website", crawler.Result{Status: "not_found", Reason: "no_website"}, false, "no_website", "no_website", ""},
		{"unusable website", crawler.Result{Status: "failed", Reason: "bad_website"}, false, "no_website", "bad_website", ""},
		{"home page 503", crawler.Result{Status: "failed", Reason: "http_503", Fetches: []crawler.Fetch{{URL: "http://s/", Status: 503}}}, false, "unreachable", "http_503", "HTTP 503"},
		{"refused", crawler.Result{Status: "failed", Reason: "refused", Fetches: []crawler.Fetch{{URL: "http://s/", Error: "connect: connection refused"}}}, false, "unreachable", "refused", "connect: connection refused"},
		{"robots.txt forbids the home page", crawler.Result{Status: "failed", Reason: "robots", Fetches: []crawler.Fetch{{URL: "http://s/", Skipped: "robots"}}}, false, "blocked_by_robots", "robots_home", ""},
		{"robots.txt forbids a likely link", crawler.Result{Status: "crawled", Pages: []crawler.Page{home}, Fetches: []crawler.Fetch{ok, {URL: "http://s/send/", Skipped: "robots"}}}, false, "blocked_by_robots", "robots_link", ""},
		{"a document request failed", crawler.Result{Status: "crawled", Pages: []crawler.Page{home}, Fetches: []crawler.Fetch{ok, {URL: "http://s/send.pdf", Status: 502}}}, false, "unreachable", "requests_failed", "1 of 2 requests failed; first: http://s/send.pdf: HTTP 502"},
		{"a 503 retried to success", crawler.Result{Status: "crawled", Pages: []crawler.Page{home}, Fetches: []crawler.Fetch{ok, {URL: "http://s/send/", Status: 503}, {URL: "http://s/send/", Status: 200}}}, false, "not_found", "no_candidate", ""},
		{"a 404 is an answer", crawler.Result{Status: "crawled", Pages: []crawler.Page{home}, Fetches: []crawler.Fetch{ok, {URL: "http://s/old/", Status: 404}}}, false, "not_found", "no_candidate", ""},
		{"script-built home page", crawler.Result{Status: "crawled", Pages: []crawler.Page{scriptHome}, Fetches: []crawler.Fetch{ok}}, false, "needs_javascript", "script_built_home_page", ""},
		{"script-built home page, report found anyway", crawler.Result{Status: "crawled", Pages: []crawler.Page{scriptHome}, Fetches: []crawler.Fetch{ok}}, true, "found", "", ""},
	}
	for _, c := range cases {
		o, r, e := visitOutcome(c.r, c.found)
		if o != c.outcome || r != c.reason || e != c.errs {
			t.Errorf("%s: got %s (%s) %q, want %s (%s) %q", c.name, o, r, e, c.outcome, c.reason, c.errs)
		}
	}
}

package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestCanonical(t *testing.T) {
	cases := []struct{ in, want string }{
		{"HTTP://School.Example:80/send/#top", "http://school.example/send/"},
		{"https://school.example:443", "https://school.example/"},
		{"http://school.example/page;jsessionid=ABC123?b=2&a=1", "http://school.example/page?a=1&b=2"},
		{"http://school.example/send/?PHPSESSID=x&utm_source=newsletter&id=7", "http://school.example/send/?id=7"},
		{"http://school.example/download.php?file=12&sid=99", "http://school.example/download.php?file=12"},
	}
	for _, c := range cases {
		u, _ := url.Parse(c.in)
		if got := Canonical(u).String(); got != c.want {
			t.Errorf("%s: got %s, want %s", c.in, got, c.want)
		}
	}
}

func TestTrap(t *testing.T) {
	cases := []struct{ url, want string }{
		{"http://x/calendar/?month=2025-10", "calendar"},
		{"http://x/events/2025/10/", "calendar"},
		{"http://x/news/2025/10/14/", "calendar"},
		{"http://x/?tribe-bar-date=2025-10-01", "calendar"},
		{"http://x/a/b/a/b/a/", "repeating_path"},
		{"http://x/p?a=1&b=2&c=3&d=4&e=5&f=6", "long_query"},
		{"http://x/wp-content/uploads/2025/09/SEN-Information-Report.pdf", ""},
		{"http://x/key-information/send/", ""},
		{"http://x/download.php?file=128", ""},
	}
	for _, c := range cases {
		u, _ := url.Parse(c.url)
		if got := Trap(u); got != c.want {
			t.Errorf("%s: got %q, want %q", c.url, got, c.want)
		}
	}
}

// TestEndlessPagesCostNoMoreThanTheBudget: a calendar is never entered, and an
// endless chain the patterns cannot see costs at most the site's budget.
func TestEndlessPagesCostNoMoreThanTheBudget(t *testing.T) {
	s := newTestSite(t)
	s.page("/", `<a href="/calendar/?month=2025-09">SEND coffee mornings calendar</a> <a href="/send-events/page-1/">SEND events</a>`)
	s.mux.HandleFunc("/calendar/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<html><body><a href="/calendar/?month=%s-x">SEND next month</a></body></html>`, r.URL.Query().Get("month"))
	})
	s.mux.HandleFunc("/send-events/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<html><body><a href="%snext/">SEND events more</a></body></html>`, r.URL.Path)
	})
	cfg := testConfig()
	cfg.MaxPages = 10
	cfg.MaxDepth = 50
	New(cfg).CrawlSite(context.Background(), Site{ID: 1, Home: s.URL + "/"})
	calendar, other := 0, 0
	for _, p := range s.requested() {
		switch {
		case strings.HasPrefix(p, "/calendar"):
			calendar++
		case p != "/robots.txt":
			other++
		}
	}
	if calendar != 0 || other > cfg.MaxPages {
		t.Errorf("%d calendar requests (want 0), %d others (budget %d)", calendar, other, cfg.MaxPages)
	}
}

package crawler

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// The cases below are those of Google's reference robots.txt parser
// (github.com/google/robotstxt, robots_test.cc, Apache-2.0), re-expressed as our
// own table: each EXPECT_TRUE/EXPECT_FALSE of IsUserAgentAllowed is one row.
// Where the file names a test, the row's name starts with it.

type robotsCase struct {
	name, robots, agent, url string
	allowed                  bool
}

func robotsCases() []robotsCase {
	var cs []robotsCase
	add := func(name, robots, agent string, rows ...any) {
		for i := 0; i < len(rows); i += 2 {
			cs = append(cs, robotsCase{name, robots, agent, rows[i].(string), rows[i+1].(bool)})
		}
	}
	const y, n = true, false

	foo := "user-agent: FooBot\ndisallow: /\n"
	add("SystemTest empty file", "", "FooBot", "", y)
	add("SystemTest empty agent", foo, "", "", y)
	add("SystemTest empty url", foo, "FooBot", "", n)
	add("SystemTest all empty", "", "", "", y)

	add("LineSyntax correct", "user-agent: FooBot\ndisallow: /\n", "FooBot", "http://foo.bar/x/y", n)
	add("LineSyntax incorrect", "foo: FooBot\nbar: /\n", "FooBot", "http://foo.bar/x/y", y)
	add("LineSyntax missing colon", "user-agent FooBot\ndisallow /\n", "FooBot", "http://foo.bar/x/y", n)

	groups := "allow: /foo/bar/\n\nuser-agent: FooBot\ndisallow: /\nallow: /x/\nuser-agent: BarBot\ndisallow: /\nallow: /y/\n\n\nallow: /w/\nuser-agent: BazBot\n\nuser-agent: FooBot\nallow: /z/\ndisallow: /\n"
	add("Groups", groups, "FooBot", "http://foo.bar/x/b", y, "http://foo.bar/z/d", y, "http://foo.bar/y/c", n, "http://foo.bar/foo/bar/", n)
	add("Groups", groups, "BarBot", "http://foo.bar/y/c", y, "http://foo.bar/w/a", y, "http://foo.bar/z/d", n, "http://foo.bar/foo/bar/", n)
	add("Groups", groups, "BazBot", "http://foo.bar/z/d", y, "http://foo.bar/foo/bar/", n)

	for _, other := range []string{"Sitemap: https://foo.bar/sitemap", "Invalid-Unknown-Line: unknown"} {
		txt := "User-agent: BarBot\n" + other + "\nUser-agent: *\nDisallow: /\n"
		if strings.HasPrefix(other, "Invalid") {
			txt = "User-agent: FooBot\n" + other + "\nUser-agent: *\nDisallow: /\n"
		}
		add("Groups_OtherRules "+other, txt, "FooBot", "http://foo.bar/", n)
		add("Groups_OtherRules "+other, txt, "BarBot", "http://foo.bar/", n)
	}

	for _, txt := range []string{"USER-AGENT: FooBot\nALLOW: /x/\nDISALLOW: /\n", "user-agent: FooBot\nallow: /x/\ndisallow: /\n", "uSeR-aGeNt: FooBot\nAlLoW: /x/\ndIsAlLoW: /\n"} {
		add("REPLineNamesCaseInsensitive", txt, "FooBot", "http://foo.bar/x/y", y, "http://foo.bar/a/b", n)
	}
	for _, txt := range []string{"User-Agent: FOO BAR\nAllow: /x/\nDisallow: /\n", "User-Agent: foo bar\nAllow: /x/\nDisallow: /\n", "User-Agent: FoO bAr\nAllow: /x/\nDisallow: /\n"} {
		for _, agent := range []string{"Foo", "foo"} {
			add("UserAgentValueCaseInsensitive", txt, agent, "http://foo.bar/x/y", y, "http://foo.bar/a/b", n)
		}
	}
	upToSpace := "User-Agent: *\nDisallow: /\nUser-Agent: Foo Bar\nAllow: /x/\nDisallow: /\n"
	add("AcceptUserAgentUpToFirstSpace", upToSpace, "Foo", "http://foo.bar/x/y", y)
	add("AcceptUserAgentUpToFirstSpace", upToSpace, "Foo Bar", "http://foo.bar/x/y", n)

	add("GlobalGroups_Secondary empty", "", "FooBot", "http://foo.bar/x/y", y)
	global := "user-agent: *\nallow: /\nuser-agent: FooBot\ndisallow: /\n"
	add("GlobalGroups_Secondary global", global, "FooBot", "http://foo.bar/x/y", n)
	add("GlobalGroups_Secondary global", global, "BarBot", "http://foo.bar/x/y", y)
	add("GlobalGroups_Secondary only specific", "user-agent: FooBot\nallow: /\nuser-agent: BarBot\ndisallow: /\nuser-agent: BazBot\ndisallow: /\n", "QuxBot", "http://foo.bar/x/y", y)

	add("AllowDisallow_Value_CaseSensitive", "user-agent: FooBot\ndisallow: /x/\n", "FooBot", "http://foo.bar/x/y", n)
	add("AllowDisallow_Value_CaseSensitive", "user-agent: FooBot\ndisallow: /X/\n", "FooBot", "http://foo.bar/x/y", y)

	page := "http://foo.bar/x/page.html"
	add("LongestMatch 1", "user-agent: FooBot\ndisallow: /x/page.html\nallow: /x/\n", "FooBot", page, n)
	add("LongestMatch 2", "user-agent: FooBot\nallow: /x/page.html\ndisallow: /x/\n", "FooBot", page, y, "http://foo.bar/x/", n)
	add("LongestMatch empty tie", "user-agent: FooBot\ndisallow: \nallow: \n", "FooBot", page, y)
	add("LongestMatch / tie", "user-agent: FooBot\ndisallow: /\nallow: /\n", "FooBot", page, y)
	add("LongestMatch /x", "user-agent: FooBot\ndisallow: /x\nallow: /x/\n", "FooBot", "http://foo.bar/x", n, "http://foo.bar/x/", y)
	add("LongestMatch same tie", "user-agent: FooBot\ndisallow: /x/page.html\nallow: /x/page.html\n", "FooBot", page, y)
	add("LongestMatch wildcard", "user-agent: FooBot\nallow: /page\ndisallow: /*.html\n", "FooBot", "http://foo.bar/page.html", n, "http://foo.bar/page", y)
	add("LongestMatch wildcard 2", "user-agent: FooBot\nallow: /x/page.\ndisallow: /*.html\n", "FooBot", page, y, "http://foo.bar/x/y.html", n)
	add("LongestMatch specific group", "User-agent: *\nDisallow: /x/\nUser-agent: FooBot\nDisallow: /y/\n", "FooBot", "http://foo.bar/x/page", y, "http://foo.bar/y/page", n)

	add("Encoding query", "User-agent: FooBot\nDisallow: /\nAllow: /foo/bar?qux=taz&baz=http://foo.bar?tar&par\n", "FooBot", "http://foo.bar/foo/bar?qux=taz&baz=http://foo.bar?tar&par", y)
	add("Encoding 3-byte", "User-agent: FooBot\nDisallow: /\nAllow: /foo/bar/ツ\n", "FooBot", "http://foo.bar/foo/bar/%E3%83%84", y, "http://foo.bar/foo/bar/ツ", n)
	add("Encoding escaped 3-byte", "User-agent: FooBot\nDisallow: /\nAllow: /foo/bar/%E3%83%84\n", "FooBot", "http://foo.bar/foo/bar/%E3%83%84", y, "http://foo.bar/foo/bar/ツ", n)
	add("Encoding unreserved", "User-agent: FooBot\nDisallow: /\nAllow: /foo/bar/%62%61%7A\n", "FooBot", "http://foo.bar/foo/bar/baz", n, "http://foo.bar/foo/bar/%62%61%7A", y)

	add("SpecialCharacters *", "User-agent: FooBot\nDisallow: /foo/bar/quz\nAllow: /foo/*/qux\n", "FooBot",
		"http://foo.bar/foo/bar/quz", n, "http://foo.bar/foo/quz", y, "http://foo.bar/foo//quz", y, "http://foo.bar/foo/bax/quz", y)
	add("SpecialCharacters $", "User-agent: FooBot\nDisallow: /foo/bar$\nAllow: /foo/bar/qux\n", "FooBot",
		"http://foo.bar/foo/bar", n, "http://foo.bar/foo/bar/qux", y, "http://foo.bar/foo/bar/", y, "http://foo.bar/foo/bar/baz", y)
	add("SpecialCharacters #", "User-agent: FooBot\n# Disallow: /\nDisallow: /foo/quz#qux\nAllow: /\n", "FooBot",
		"http://foo.bar/foo/bar", y, "http://foo.bar/foo/quz", n)

	add("IndexHTMLisDirectory", "User-Agent: *\nAllow: /allowed-slash/index.html\nDisallow: /\n", "foobot",
		"http://foo.com/allowed-slash/", y, "http://foo.com/allowed-slash/index.htm", n, "http://foo.com/allowed-slash/index.html", y, "http://foo.com/anyother-url", n)

	// LineTooLong: lines are cut at 2083*8 bytes, end of line included.
	maxLine := 2083 * 8
	long := "/x/" + strings.Repeat("a", maxLine-3-len("disallow: ")+1-3)
	add("LineTooLong disallow", "user-agent: FooBot\ndisallow: "+long+"/qux\n", "FooBot", "http://foo.bar/fux", y, "http://foo.bar"+long+"/fux", n)
	longA := "/x/" + strings.Repeat("a", maxLine-3-len("allow: ")+1-3)
	longB := "/x/" + strings.Repeat("b", maxLine-3-len("allow: ")+1-3)
	tooLong := "user-agent: FooBot\ndisallow: /\nallow: " + longA + "/qux\nallow: " + longB + "/qux\n"
	add("LineTooLong allow", tooLong, "FooBot", "http://foo.bar/", n, "http://foo.bar"+longA+"/qux", y, "http://foo.bar"+longB+"/fux", y)

	fish := func(allow string) string { return "user-agent: FooBot\ndisallow: /\nallow: " + allow + "\n" }
	for _, pat := range []string{"/fish", "/fish*"} {
		add("DocumentationChecks "+pat, fish(pat), "FooBot", "http://foo.bar/bar", n,
			"http://foo.bar/fish", y, "http://foo.bar/fish.html", y, "http://foo.bar/fish/salmon.html", y, "http://foo.bar/fishheads", y,
			"http://foo.bar/fishheads/yummy.html", y, "http://foo.bar/fish.html?id=anything", y,
			"http://foo.bar/Fish.asp", n, "http://foo.bar/catfish", n, "http://foo.bar/?id=fish", n)
	}
	add("DocumentationChecks /fish/", fish("/fish/"), "FooBot", "http://foo.bar/bar", n,
		"http://foo.bar/fish/", y, "http://foo.bar/fish/salmon", y, "http://foo.bar/fish/?salmon", y, "http://foo.bar/fish/salmon.html", y,
		"http://foo.bar/fish/?id=anything", y, "http://foo.bar/fish", n, "http://foo.bar/fish.html", n, "http://foo.bar/Fish/Salmon.html", n)
	add("DocumentationChecks /*.php", fish("/*.php"), "FooBot", "http://foo.bar/bar", n,
		"http://foo.bar/filename.php", y, "http://foo.bar/folder/filename.php", y, "http://foo.bar/folder/filename.php?parameters", y,
		"http://foo.bar//folder/any.php.file.html", y, "http://foo.bar/filename.php/", y, "http://foo.bar/index?f=filename.php/", y,
		"http://foo.bar/php/", n, "http://foo.bar/index?php", n, "http://foo.bar/windows.PHP", n)
	add("DocumentationChecks /*.php$", fish("/*.php$"), "FooBot", "http://foo.bar/bar", n,
		"http://foo.bar/filename.php", y, "http://foo.bar/folder/filename.php", y,
		"http://foo.bar/filename.php?parameters", n, "http://foo.bar/filename.php/", n, "http://foo.bar/filename.php5", n,
		"http://foo.bar/php/", n, "http://foo.bar/filename?php", n, "http://foo.bar/aaaphpaaa", n, "http://foo.bar//windows.PHP", n)
	add("DocumentationChecks /fish*.php", fish("/fish*.php"), "FooBot", "http://foo.bar/bar", n,
		"http://foo.bar/fish.php", y, "http://foo.bar/fishheads/catfish.php?parameters", y, "http://foo.bar/Fish.PHP", n)
	add("DocumentationChecks precedence /p", "user-agent: FooBot\nallow: /p\ndisallow: /\n", "FooBot", "http://example.com/page", y)
	add("DocumentationChecks precedence /folder", "user-agent: FooBot\nallow: /folder\ndisallow: /folder\n", "FooBot", "http://example.com/folder/page", y)
	add("DocumentationChecks precedence /*.htm", "user-agent: FooBot\nallow: /page\ndisallow: /*.htm\n", "FooBot", "http://example.com/page.htm", n)
	add("DocumentationChecks precedence /$", "user-agent: FooBot\nallow: /$\ndisallow: /\n", "FooBot", "http://example.com/", y, "http://example.com/page.html", n)
	return cs
}

func TestRobotsGoogleCases(t *testing.T) {
	cases := robotsCases()
	failed := 0
	for _, c := range cases {
		got := parseRobots([]byte(c.robots)).policy(c.agent).allowed(robotsPath(c.url))
		if got != c.allowed {
			failed++
			t.Errorf("%s: agent %q, %.80s: allowed %v, want %v", c.name, c.agent, c.url, got, c.allowed)
		}
	}
	t.Logf("%d of %d cases pass", len(cases)-failed, len(cases))
}

func TestRobotsValidAgentToken(t *testing.T) {
	for s, want := range map[string]bool{"Foobot": true, "Foobot-Bar": true, "Foo_Bar": true, "": false, "ツ": false,
		"Foobot*": false, " Foobot ": false, "Foobot/2.1": false, "Foobot Bar": false} {
		if got := validAgentToken(s); got != want {
			t.Errorf("%q: %v, want %v", s, got, want)
		}
	}
}

func TestRobotsParseCounts(t *testing.T) {
	lines := "User-Agent: foo\nAllow: /some/path\nUser-Agent: bar\n\n\nDisallow: /\n"
	cases := []struct {
		name               string
		body               string
		directives, unknow int
	}{
		{"unix", lines, 4, 0},
		{"dos", strings.ReplaceAll(lines, "\n", "\r\n"), 4, 0},
		{"mac", strings.ReplaceAll(lines, "\n", "\r"), 4, 0},
		{"no final newline", strings.TrimSuffix(lines, "\n"), 4, 0},
		{"mixed", "User-Agent: foo\nAllow: /some/path\r\nUser-Agent: bar\n\r\n\nDisallow: /", 4, 0},
		{"full BOM", "\xEF\xBB\xBFUser-Agent: foo\nAllow: /AnyValue\n", 2, 0},
		{"partial BOM 2", "\xEF\xBBUser-Agent: foo\nAllow: /AnyValue\n", 2, 0},
		{"partial BOM 1", "\xEFUser-Agent: foo\nAllow: /AnyValue\n", 2, 0},
		{"broken BOM", "\xEF\x11\xBFUser-Agent: foo\nAllow: /AnyValue\n", 1, 1},
		{"BOM mid-file", "User-Agent: foo\n\xEF\xBB\xBFAllow: /AnyValue\n", 1, 1},
	}
	for _, c := range cases {
		f := parseRobots([]byte(c.body))
		if f.directives != c.directives || f.unknown != c.unknow {
			t.Errorf("%s: %d directives, %d unknown; want %d, %d", c.name, f.directives, f.unknown, c.directives, c.unknow)
		}
	}
	for _, body := range []string{
		"User-Agent: foo\nAllow: /some/path\nUser-Agent: bar\n\n\nSitemap: http://foo.bar/sitemap.xml\n",
		"Sitemap: http://foo.bar/sitemap.xml\nUser-Agent: foo\nAllow: /some/path\nUser-Agent: bar\n\n\n",
	} {
		if f := parseRobots([]byte(body)); len(f.sitemaps) != 1 || f.sitemaps[0] != "http://foo.bar/sitemap.xml" {
			t.Errorf("sitemaps %v", f.sitemaps)
		}
	}
}

func TestRobotsPath(t *testing.T) {
	for in, want := range map[string]string{
		"": "/", "http://www.example.com": "/", "http://www.example.com/": "/", "http://www.example.com/a": "/a",
		"http://www.example.com/a/": "/a/", "http://www.example.com/a/b?c=http://d.e/": "/a/b?c=http://d.e/",
		"http://www.example.com/a/b?c=d&e=f#fragment": "/a/b?c=d&e=f", "example.com": "/", "example.com/": "/",
		"example.com/a": "/a", "example.com/a/": "/a/", "example.com/a/b?c=d&e=f#fragment": "/a/b?c=d&e=f",
		"a": "/", "a/": "/", "/a": "/a", "a/b": "/b", "example.com?a": "/?a", "example.com/a;b#c": "/a;b", "//a/b/c": "/b/c",
	} {
		if got := robotsPath(in); got != want {
			t.Errorf("robotsPath(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"http://www.example.com": "http://www.example.com", "/a/b/c": "/a/b/c", "á": "%C3%A1", "%aa": "%AA"} {
		if got := escapePattern(in); got != want {
			t.Errorf("escapePattern(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRobotsBeyondGoogle covers what the issue found wrong besides Google's
// cases: bad lines skipped not fatal, groups by exact token, the query as
// requested, wildcards anchored at the path's start, Crawl-delay.
func TestRobotsBeyondGoogle(t *testing.T) {
	cases := []struct {
		name, robots, path string
		allowed            bool
	}{
		{"rule before any user-agent is skipped, the rest kept", "Disallow: /x/\nUser-agent: *\nDisallow: /send/\n", "/send/report.pdf", false},
		{"Crawl-delay with no value", "User-agent: *\nCrawl-delay:\nDisallow: /send/\n", "/send/", false},
		{"Crawl-delay 10s", "User-agent: *\nCrawl-delay: 10s\nDisallow: /send/\n", "/send/", false},
		{"partial BOM", "\xEF\xBBUser-agent: *\nDisallow: /send/\n", "/send/", false},
		{"group by exact token, not prefix", "User-agent: sendscope-evil\nDisallow: /\n", "/send/", true},
		{"group for us", "User-agent: SendScope\nDisallow: /send/\n", "/send/", false},
		{"query as requested", "User-agent: *\nDisallow: /search?q=\n", "/search?q=x&page=2", false},
		{"wildcard anchored at the start", "User-agent: *\nDisallow: /\nAllow: /public/*.html\n", "/private/public/x.html", false},
		{"wildcard allows", "User-agent: *\nDisallow: /\nAllow: /public/*.html\n", "/public/a/x.html", true},
		{"rule percent-encoded", "User-agent: *\nDisallow: /café/\n", "/caf%C3%A9/menu", false},
		{"lower-case escapes in the rule", "User-agent: *\nDisallow: /caf%c3%a9/\n", "/caf%C3%A9/menu", false},
	}
	for _, c := range cases {
		if got := parseRobots([]byte(c.robots)).policy("sendscope").allowed(c.path); got != c.allowed {
			t.Errorf("%s: %s allowed %v, want %v", c.name, c.path, got, c.allowed)
		}
	}
	p := parseRobots([]byte("User-agent: *\nCrawl-delay: 2.5\nUser-agent: other\nCrawl-delay: 60\n")).policy("sendscope")
	if p.crawlDelay.Seconds() != 2.5 {
		t.Errorf("crawl delay %v", p.crawlDelay)
	}
}

// TestRobotsCheckedAsRequested crawls a site whose robots.txt forbids URLs that
// canonicalisation or a missing percent-encoding would have let through.
func TestRobotsCheckedAsRequested(t *testing.T) {
	s := newTestSite(t)
	s.mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "# a partial BOM and bad lines must not void the rest\nDisallow: /nothing\nUser-agent: *\nCrawl-delay: 1s\nDisallow: /search?q=\nDisallow: /café/\nDisallow: /*.pdf$\nAllow: /send/*.pdf$\n")
	})
	s.page("/", `<a href="/search?q=sen&page=2">SEN information report search</a> <a href="/caf%C3%A9/sen-information-report.html">SEN information report</a>
		<a href="/old/sen-information-report.pdf">SEN information report (old)</a> <a href="/send/sen-information-report.pdf">SEN information report</a>`)
	s.file("/send/sen-information-report.pdf", "application/pdf", report.PDF())
	res := New(testConfig()).CrawlSite(context.Background(), Site{ID: 1, Home: s.URL + "/"})
	for _, p := range s.requested() {
		if strings.HasPrefix(p, "/search") || strings.HasPrefix(p, "/caf") || strings.HasPrefix(p, "/old/") {
			t.Errorf("requested %s, which robots.txt disallows", p)
		}
	}
	if !foundReport(Result{Pages: res.Pages}) {
		t.Errorf("the allowed report was not fetched: %v", s.requested())
	}
}

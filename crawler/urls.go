package crawler

import (
	"net/url"
	"regexp"
	"sort"
	"strings"
)

// Session ids and tracking parameters make one page look like endless pages.
var droppedParams = map[string]bool{
	"phpsessid": true, "jsessionid": true, "sid": true, "sessionid": true, "session_id": true, "cfid": true, "cftoken": true,
	"utm_source": true, "utm_medium": true, "utm_campaign": true, "utm_term": true, "utm_content": true, "fbclid": true, "gclid": true,
	"replytocom": true, "share": true, "print": true,
}

// Canonical cleans a URL before it joins the frontier: lower-case scheme and
// host, no default port, no fragment, no session-id path parameter
// (";jsessionid=..."), no session or tracking query parameters, and the
// remaining parameters sorted so that their order does not make a new URL.
func Canonical(u *url.URL) *url.URL {
	c := *u
	c.Scheme = strings.ToLower(c.Scheme)
	c.Host = strings.ToLower(c.Host)
	if (c.Scheme == "http" && c.Port() == "80") || (c.Scheme == "https" && c.Port() == "443") {
		c.Host = c.Hostname()
	}
	c.Fragment, c.RawFragment = "", ""
	if i := strings.Index(strings.ToLower(c.Path), ";jsessionid="); i >= 0 {
		c.Path = c.Path[:i]
		c.RawPath = ""
	}
	if c.Path == "" {
		c.Path = "/"
	}
	if c.RawQuery != "" {
		q := c.Query()
		for k := range q {
			if droppedParams[strings.ToLower(k)] {
				q.Del(k)
			}
		}
		keys := make([]string, 0, len(q))
		for k := range q {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var parts []string
		for _, k := range keys {
			for _, v := range q[k] {
				parts = append(parts, url.QueryEscape(k)+"="+url.QueryEscape(v))
			}
		}
		c.RawQuery = strings.Join(parts, "&")
	}
	return &c
}

var (
	// Calendars and event listings go on for ever, a month or a day at a time.
	calendarPath  = regexp.MustCompile(`(?i)/(?:calendar|events?|diary|agenda)(?:/|$)|/\d{4}/\d{1,2}/\d{1,2}/?$|/\d{4}-\d{2}-\d{2}/?$`)
	calendarQuery = regexp.MustCompile(`(?i)(?:^|&)(?:month|year|day|date|week|cal(?:endar)?(?:_?date)?|ical|tribe-bar-date|eventdisplay|start_?date|end_?date)=`)
)

// Trap says why a URL looks like a crawler trap ("" when it does not): a
// calendar, a path that repeats itself, or a query with too many parameters.
func Trap(u *url.URL) string {
	if calendarPath.MatchString(u.Path) || calendarQuery.MatchString(u.RawQuery) {
		return "calendar"
	}
	segs := strings.Split(strings.Trim(u.Path, "/"), "/")
	if len(segs) > 12 {
		return "deep_path"
	}
	count := map[string]int{}
	for _, s := range segs {
		if s == "" {
			continue
		}
		count[s]++
		if count[s] >= 3 {
			return "repeating_path"
		}
	}
	if strings.Count(u.RawQuery, "&") >= 5 || len(u.RawQuery) > 200 {
		return "long_query"
	}
	return ""
}

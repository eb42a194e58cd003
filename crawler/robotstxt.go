package crawler

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"time"
)

// Our own robots.txt parser and matcher, to RFC 9309: every line that can be
// parsed is used and a bad line is skipped (never the whole file); a group is
// one or more user-agent lines and the rules after them; our product token
// selects the groups naming it exactly (case-insensitively), else the "*"
// groups; the longest matching pattern decides and Allow wins a tie; "*" is any
// run of characters and a final "$" anchors the end; patterns are
// percent-encoded as the URL is, and matched against the path and query as
// requested. It follows the cases of Google's reference parser
// (github.com/google/robotstxt, robots_test.cc), ported in robotstxt_test.go,
// including its tolerances (a missing colon, common misspellings of keys, a
// byte-order mark, lines cut at 16 KiB, "/index.html" allowing its folder).

// maxRobotsLine is where an over-long line is cut, as browsers cut URLs (2083
// bytes) eight times over, as Google's parser does.
const maxRobotsLine = 2083*8 - 1

type robotsRule struct {
	allow   bool
	pattern string // percent-encoded, "*" and a final "$" special
}

type robotsGroup struct {
	agents     []string // product tokens, lower case
	global     bool     // a "*" line
	rules      []robotsRule
	crawlDelay time.Duration
	hasDelay   bool
}

// robotsFile is a parsed robots.txt.
type robotsFile struct {
	groups   []*robotsGroup
	sitemaps []string
	// directives and unknown count the lines understood and not, for tests
	// and for the crawl log.
	directives, unknown int
}

// robotsPolicy is what a robots.txt says to one product token.
type robotsPolicy struct {
	rules      []robotsRule
	crawlDelay time.Duration
}

func keyKind(k string) string {
	switch strings.ToLower(k) {
	case "user-agent", "useragent", "user agent":
		return "user-agent"
	case "allow":
		return "allow"
	case "disallow", "dissallow", "dissalow", "disalow", "diasllow", "disallaw":
		return "disallow"
	case "sitemap", "site-map":
		return "sitemap"
	case "crawl-delay", "crawldelay", "crawl delay":
		return "crawl-delay"
	}
	return ""
}

// parseRobots reads a robots.txt body.
func parseRobots(body []byte) *robotsFile {
	f := &robotsFile{}
	// A byte-order mark, or the start of one, is skipped at the start only.
	for _, b := range []byte{0xEF, 0xBB, 0xBF} {
		if len(body) > 0 && body[0] == b {
			body = body[1:]
		} else {
			break
		}
	}
	var cur *robotsGroup
	inRules := false // a rule has been seen since the last user-agent line
	for len(body) > 0 {
		i := bytes.IndexAny(body, "\r\n")
		var line []byte
		if i < 0 {
			line, body = body, nil
		} else {
			line = body[:i]
			if body[i] == '\r' && i+1 < len(body) && body[i+1] == '\n' {
				i++
			}
			body = body[i+1:]
		}
		if len(line) > maxRobotsLine {
			line = line[:maxRobotsLine]
		}
		key, value, ok := splitRobotsLine(string(line))
		if !ok {
			continue
		}
		switch keyKind(key) {
		case "user-agent":
			f.directives++
			if cur == nil || inRules {
				cur = &robotsGroup{}
				f.groups = append(f.groups, cur)
				inRules = false
			}
			if value == "*" || strings.HasPrefix(value, "*") && len(value) > 1 && (value[1] == ' ' || value[1] == '\t') {
				cur.global = true
			} else if tok := agentToken(value); tok != "" {
				cur.agents = append(cur.agents, strings.ToLower(tok))
			}
		case "allow", "disallow":
			f.directives++
			if cur == nil {
				continue // a rule before any user-agent line belongs to no group
			}
			inRules = true
			if value == "" {
				continue // an empty rule matches nothing
			}
			allow := keyKind(key) == "allow"
			p := escapePattern(value)
			cur.rules = append(cur.rules, robotsRule{allow: allow, pattern: p})
			if allow {
				// Google's tolerance: allowing /dir/index.html allows /dir/ itself.
				if j := strings.LastIndexByte(p, '/'); j >= 0 && strings.HasPrefix(p[j:], "/index.htm") {
					cur.rules = append(cur.rules, robotsRule{allow: true, pattern: p[:j+1] + "$"})
				}
			}
		case "sitemap":
			f.directives++
			f.sitemaps = append(f.sitemaps, value)
		case "crawl-delay":
			// Not in RFC 9309 but widely used; a bad value ("10s", none) is skipped.
			f.directives++
			if cur == nil {
				continue
			}
			inRules = true // a member of the group, as rules are: the next user-agent starts another
			if secs, err := strconv.ParseFloat(value, 64); err == nil && secs >= 0 && !math.IsInf(secs, 0) && !math.IsNaN(secs) {
				cur.crawlDelay = time.Duration(min(secs, 86400) * float64(time.Second))
				cur.hasDelay = true
			}
		default:
			f.unknown++
		}
	}
	return f
}

// splitRobotsLine splits "key: value # comment". A line with no colon is read
// as "key value" when it is exactly two words (Google's tolerance).
func splitRobotsLine(line string) (key, value string, ok bool) {
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	line = strings.TrimSpace(line)
	if line == "" {
		return "", "", false
	}
	if i := strings.IndexByte(line, ':'); i >= 0 {
		return strings.TrimSpace(line[:i]), strings.TrimSpace(line[i+1:]), true
	}
	i := strings.IndexAny(line, " \t")
	if i < 0 {
		return "", "", false
	}
	value = strings.TrimLeft(line[i:], " \t")
	if strings.ContainsAny(value, " \t") {
		return "", "", false
	}
	return line[:i], value, true
}

// agentToken is the product token at the start of a user-agent value: letters,
// "-" and "_" ("FooBot/2.1 (+http://...)" -> "FooBot").
func agentToken(s string) string {
	for i, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' || r == '_') {
			return s[:i]
		}
	}
	return s
}

// validAgentToken says whether s is a whole product token we can be addressed by.
func validAgentToken(s string) bool { return s != "" && agentToken(s) == s }

// escapePattern percent-encodes a pattern as URLs are: bytes outside ASCII are
// encoded, and existing escapes get upper-case hex digits.
func escapePattern(p string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '%' && i+2 < len(p) && isHex(p[i+1]) && isHex(p[i+2]):
			b.WriteByte('%')
			b.WriteByte(upperHex(p[i+1]))
			b.WriteByte(upperHex(p[i+2]))
			i += 2
		case c >= 0x80:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func upperHex(c byte) byte {
	if c >= 'a' && c <= 'f' {
		return c - 'a' + 'A'
	}
	return c
}

// policy gathers the rules for a product token: every group naming it, or, if
// none does, every "*" group.
func (f *robotsFile) policy(token string) *robotsPolicy {
	token = strings.ToLower(token)
	pick := func(specific bool) *robotsPolicy {
		var p *robotsPolicy
		for _, g := range f.groups {
			match := g.global
			if specific {
				match = false
				for _, a := range g.agents {
					if a == token {
						match = true
					}
				}
			}
			if !match {
				continue
			}
			if p == nil {
				p = &robotsPolicy{}
			}
			p.rules = append(p.rules, g.rules...)
			if g.hasDelay {
				p.crawlDelay = max(p.crawlDelay, g.crawlDelay)
			}
		}
		return p
	}
	if validAgentToken(token) {
		if p := pick(true); p != nil {
			return p
		}
	}
	if p := pick(false); p != nil {
		return p
	}
	return &robotsPolicy{}
}

// allowed says whether a path (with its query, as requested) may be fetched:
// the longest matching pattern decides, Allow winning a tie.
func (p *robotsPolicy) allowed(path string) bool {
	bestAllow, bestDisallow := -1, -1
	for _, r := range p.rules {
		if !patternMatches(r.pattern, path) {
			continue
		}
		if r.allow {
			bestAllow = max(bestAllow, len(r.pattern))
		} else {
			bestDisallow = max(bestDisallow, len(r.pattern))
		}
	}
	return bestDisallow < 0 || bestAllow >= bestDisallow
}

// patternMatches matches a robots.txt pattern against the start of path: "*"
// is any run of characters, and "$" at the very end anchors the end.
func patternMatches(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	pieces := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, pieces[0]) {
		return false
	}
	pos := len(pieces[0])
	if len(pieces) == 1 {
		return !anchored || pos == len(path)
	}
	last := pieces[len(pieces)-1]
	// Middle pieces as early as they fit (leftmost is always best with "*").
	for _, piece := range pieces[1 : len(pieces)-1] {
		i := strings.Index(path[pos:], piece)
		if i < 0 {
			return false
		}
		pos += i + len(piece)
	}
	if anchored {
		return len(path)-pos >= len(last) && strings.HasSuffix(path, last)
	}
	return strings.Contains(path[pos:], last)
}

// robotsPath is the part of a URL string that robots.txt rules are matched
// against: the path, parameters and query, without the fragment; "/" when empty.
func robotsPath(raw string) string {
	start := 0
	if strings.HasPrefix(raw, "//") {
		start = 2
	} else if i := strings.Index(raw, "://"); i >= 0 {
		if j := strings.IndexAny(raw, "/?;"); j < 0 || j >= i {
			start = i + 3
		}
	}
	ps := strings.IndexAny(raw[start:], "/?;")
	if ps < 0 {
		return "/"
	}
	ps += start
	if h := strings.IndexByte(raw[start:], '#'); h >= 0 && h+start < ps {
		return "/"
	}
	end := len(raw)
	if h := strings.IndexByte(raw[ps:], '#'); h >= 0 {
		end = ps + h
	}
	if raw[ps] != '/' {
		return "/" + raw[ps:end]
	}
	return raw[ps:end]
}

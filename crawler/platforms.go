package crawler

import (
	"net"
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/publicsuffix"
)

// Where schools really keep their documents. Both tables are data: a new
// platform or viewer is a line here, not new code.

// filePlatforms are hosts that keep many schools' files. A link to one is a
// document link wherever it appears, and fetched off the school's site.
var filePlatforms = []struct {
	host     string // exact, or ".suffix" for any subdomain
	platform string
}{
	{"files.schudio.com", "schudio"},                            // files.schudio.com/<school>/files/documents/...
	{"primarysite-prod-sorted.s3.amazonaws.com", "primarysite"}, // .../<school>/UploadedDocument/<id>/<name>.pdf
	{"primarysite-prod.s3.amazonaws.com", "primarysite"},        // older buckets
	{"docs.wixstatic.com", "wix"},                               // /ugd/<id>.pdf, redirects to <user>.filesusr.com
	{".filesusr.com", "wix"},                                    // /ugd/<id>.pdf
	{"static1.squarespace.com", "squarespace"},                  // /static/<site>/t/<id>/<ts>/<name>.pdf
	{"drive.google.com", "google_drive"},                        // after the rewrite below: /uc?export=download&id=
	{"drive.usercontent.google.com", "google_drive"},            // where /uc redirects
	{"docs.google.com", "google_docs"},                          // after the rewrite below: /document/d/<id>/export
	{"storage.googleapis.com", "google_storage"},                // bucket files
}

// viewerRules turn a viewer's URL, whose page is built by scripts and holds no
// text, into the file it shows.
var viewerRules = []struct {
	platform string
	host     string         // exact host, "" for any (pdf.js is self-hosted)
	path     *regexp.Regexp // matched against the path
	param    string         // the query parameter holding the file's URL, if any
	to       string         // else the file's URL, $1 the path match's first group
}{
	// drive.google.com/file/d/<id>/view (or /preview, /edit): the file's download.
	{"google_drive", "drive.google.com", regexp.MustCompile(`^/file/d/([A-Za-z0-9_-]{10,})`), "", "https://drive.google.com/uc?export=download&id=$1"},
	// drive.google.com/open?id=<id>
	{"google_drive", "drive.google.com", regexp.MustCompile(`^/open$`), "", "https://drive.google.com/uc?export=download&id={id}"},
	// docs.google.com/document/d/<id>/edit: a Word export keeps headings and lists.
	{"google_docs", "docs.google.com", regexp.MustCompile(`^/document/d/([A-Za-z0-9_-]{10,})`), "", "https://docs.google.com/document/d/$1/export?format=docx"},
	// docs.google.com/viewer?url=<file> (also /gview): the file itself.
	{"google_docs_viewer", "docs.google.com", regexp.MustCompile(`^/(?:viewer|gview)$`), "url", ""},
	// pdf.js: .../web/viewer.html?file=<file>, often on the school's own host
	// (and other viewers under a path naming them: /viewer/?file=, /pdf-viewer.php?file=).
	{"pdfjs", "", regexp.MustCompile(`(?i)viewer[^/]*/?$`), "file", ""},
}

// rewriteViewer returns the file a viewer URL shows and the viewer's platform,
// or u itself and "" when u is no viewer.
func rewriteViewer(u *url.URL) (*url.URL, string) {
	host := strings.ToLower(u.Hostname())
	for _, r := range viewerRules {
		if r.host != "" && r.host != host {
			continue
		}
		m := r.path.FindStringSubmatch(u.Path)
		if m == nil {
			continue
		}
		var target string
		switch {
		case r.param != "":
			target = u.Query().Get(r.param)
		case strings.Contains(r.to, "{id}"):
			if id := u.Query().Get("id"); id != "" {
				target = strings.ReplaceAll(r.to, "{id}", url.QueryEscape(id))
			}
		default:
			target = strings.ReplaceAll(r.to, "$1", m[1])
		}
		if target == "" {
			continue
		}
		t, err := u.Parse(target) // a pdf.js ?file= is often relative to the viewer
		if err != nil || (t.Scheme != "http" && t.Scheme != "https") {
			continue
		}
		t.Fragment = ""
		return t, r.platform
	}
	return u, ""
}

// platformOf names the file platform that serves u, "" when none.
func platformOf(u *url.URL) string {
	host := strings.ToLower(u.Hostname())
	for _, p := range filePlatforms {
		if host == p.host || strings.HasPrefix(p.host, ".") && strings.HasSuffix(host, p.host) {
			return p.platform
		}
	}
	return ""
}

// sharedHosting are registrable domains under which each subdomain is another
// organisation's site: there the school's site is its own host.
var sharedHosting = map[string]bool{
	"eschools.co.uk": true, "wixsite.com": true, "squarespace.com": true, "weebly.com": true, "wordpress.com": true,
	"blogspot.com": true, "google.com": true, "sharepoint.com": true, "schudio.com": true, "primarysite.net": true,
	"amazonaws.com": true, "filesusr.com": true, "wixstatic.com": true, "cloudfront.net": true, "github.io": true,
}

// siteBase is the domain whose host and subdomains are the school's site: the
// registrable domain by the public suffix list ("oakfield.kent.sch.uk" for
// www.oakfield.kent.sch.uk, since kent.sch.uk is a public suffix), with "www."
// dropped (www.oakfield.sch.uk: policies.oakfield.sch.uk is the school's too).
// A host on shared hosting, an IP address or a name without a public suffix is
// its own site, its port included.
func siteBase(u *url.URL) string {
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if net.ParseIP(host) != nil {
		return strings.TrimPrefix(host, "www.") + portSuffix(u)
	}
	base, err := publicsuffix.EffectiveTLDPlusOne(host)
	if err != nil || sharedHosting[base] {
		return strings.TrimPrefix(host, "www.") + portSuffix(u)
	}
	if _, icann := publicsuffix.PublicSuffix(host); !icann && !strings.Contains(base, ".") {
		return strings.TrimPrefix(host, "www.") + portSuffix(u)
	}
	return strings.TrimPrefix(base, "www.") + portSuffix(u)
}

// siteScope is the set of domains that are one school's site: its home's, and
// where the home page moved to.
type siteScope struct{ bases map[string]bool }

func newSiteScope(home *url.URL) *siteScope {
	return &siteScope{bases: map[string]bool{siteBase(home): true}}
}

func (s *siteScope) add(u *url.URL) { s.bases[siteBase(u)] = true }

func (s *siteScope) contains(u *url.URL) bool {
	host := strings.TrimPrefix(strings.TrimSuffix(strings.ToLower(u.Hostname()), "."), "www.") + portSuffix(u)
	for b := range s.bases {
		if host == b || strings.HasSuffix(host, "."+b) {
			return true
		}
	}
	return false
}

// genericNameWords are words of school names that name no school in particular.
var genericNameWords = map[string]bool{
	"the": true, "of": true, "and": true, "school": true, "primary": true, "academy": true, "infant": true, "infants": true,
	"junior": true, "juniors": true, "nursery": true, "college": true, "high": true, "secondary": true, "church": true,
	"england": true, "ce": true, "c": true, "e": true, "rc": true, "catholic": true, "st": true, "saint": true, "community": true,
	"first": true, "middle": true, "voluntary": true, "aided": true, "controlled": true, "va": true, "vc": true, "free": true,
	"trust": true, "federation": true, "village": true, "county": true, "special": true, "foundation": true,
}

// distinctiveWords are the words of a school's name that tell it from others
// on a trust's or council's page listing many schools.
func distinctiveWords(name string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '\'')
	}) {
		if len(w) > 2 && !genericNameWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// namesSchool says whether a link's words or URL name the school (true when the
// school's name has no distinctive word, or is unknown).
func namesSchool(words []string, s string) bool {
	if len(words) == 0 {
		return true
	}
	s = strings.ToLower(s)
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

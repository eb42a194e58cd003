package simarea

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"net/http"
	"strings"
)

// site is one school's website: a home page with the menus, cookie banner and
// footer every school site has, distractor pages, and the report where the
// school's layout puts it.
type site struct {
	p      Profile
	base   string
	pages  map[string]string // path -> HTML
	files  map[string][]byte // path -> file bytes
	ctypes map[string]string // path -> content type for files
	robots string
	report string // path of the report, "" when there is none to find
}

func newSite(p Profile, base string) *site {
	s := &site{p: p, base: base, pages: map[string]string{}, files: map[string][]byte{}, ctypes: map[string]string{}}
	s.robots = "User-agent: *\nDisallow: /admin/\n"
	menu := [][2]string{{"/", "Home"}, {"/about-us/", "About Us"}, {"/key-information/", "Key Information"},
		{"/parents/", "Parents"}, {"/news/", "News"}, {"/calendar/", "Calendar"}, {"/contact/", "Contact"}}
	report := p.Report()
	keyInfo := []string{link("/key-information/admissions/", "Admissions"), link("/key-information/ofsted/", "Ofsted and performance"),
		link("/key-information/policies/", "Policies")}
	policies := []string{link("/files/behaviour-policy.pdf", "Behaviour Policy"), link("/files/charging-policy.pdf", "Charging and Remissions Policy")}
	parents := []string{link("/parents/uniform/", "Uniform"), link("/parents/lunch-menu/", "Lunch menu"), link("/parents/term-dates/", "Term dates")}

	switch p.Layout {
	case LayoutQA:
		menu = append(menu[:3], append([][2]string{{"/send/", "SEND"}}, menu[3:]...)...)
		s.pages["/send/"] = s.page("Special Educational Needs and Disabilities", report.HTMLBody())
		s.report = "/send/"
	case LayoutTable:
		parents = append(parents, link("/parents/sen-information-report/", "SEN Information Report"))
		s.pages["/parents/sen-information-report/"] = s.page(report.Title, report.HTMLBody())
		s.report = "/parents/sen-information-report/"
	case LayoutBullets:
		menu = append(menu, [2]string{"/inclusion/", "Inclusion"})
		s.pages["/inclusion/"] = s.page("Inclusion at "+p.Name, report.HTMLBody())
		s.report = "/inclusion/"
	case LayoutPDFKeyInfo:
		keyInfo = append(keyInfo, link("/key-information/send/", "Special Educational Needs (SEND)"))
		file := fmt.Sprintf("/wp-content/uploads/2025/09/SEN-Information-Report-%s.pdf", p.yearDash())
		// Last year's report is still listed, first, as on many school sites.
		old := p
		old.Year = "2024/25"
		oldFile := "/wp-content/uploads/2024/09/SEN-Information-Report-2024-25.pdf"
		s.pages["/key-information/send/"] = s.page("Special Educational Needs",
			"<p>Our SEN information report explains the support we offer.</p><ul><li>"+link(oldFile, "SEN Information Report 2024-25 (PDF)")+
				"</li><li>"+link(file, "SEN Information Report "+p.yearDash()+" (PDF)")+"</li></ul>")
		s.files[file], s.ctypes[file] = report.PDF(), "application/pdf"
		if p.Year != old.Year {
			s.files[oldFile], s.ctypes[oldFile] = old.Report().PDF(), "application/pdf"
		}
		s.report = file
	case LayoutDOCX:
		file := "/files/documents/sen-information-report.docx"
		policies = append(policies, link(file, "SEN Information Report (Word)"), link("/files/accessibility-plan.pdf", "Accessibility Plan"))
		s.files[file], s.ctypes[file] = report.DOCX(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
		s.report = file
		plan := Doc{Title: p.Name + " Accessibility Plan 2025-2028", Blocks: []Block{
			P("This accessibility plan sets out how the school will increase access to the curriculum, the physical environment and written information for disabled pupils."),
			L("Install a ramp at the main entrance", "Provide information in large print on request")}}
		s.files["/files/accessibility-plan.pdf"], s.ctypes["/files/accessibility-plan.pdf"] = plan.PDF(), "application/pdf"
	case LayoutQuestions:
		menu = append(menu, [2]string{"/send-information/", "SEND Information"})
		var items []string
		for _, a := range p.Answers() {
			path := "/send-information/" + a.Slug + "/"
			items = append(items, "<li>"+link(path, a.Question)+"</li>")
			s.pages[path] = s.page(a.Question, a.Doc.HTMLBody())
		}
		s.report = "/send-information/"
		s.pages["/send-information/"] = s.page("SEN Information Report "+p.yearDash(),
			"<p>Click on a question to read our answer.</p><ul>"+strings.Join(items, "")+"</ul>"+report.HTMLBody())
	case LayoutIframePDF:
		file := "/media/sen-report.pdf"
		menu = append(menu, [2]string{"/special-educational-needs/", "Special Educational Needs"})
		s.pages["/special-educational-needs/"] = s.page("Special Educational Needs",
			`<p>Our SEN Information Report is shown below.</p><iframe title="SEN Information Report" src="/viewer/?file=`+file+`" width="100%" height="800"></iframe>`)
		s.pages["/viewer/"] = "<!doctype html><html><body><p>PDF viewer</p></body></html>"
		// Served as octet-stream, as many content systems do.
		s.files[file], s.ctypes[file] = report.PDF(), "application/octet-stream"
		s.report = file
	case LayoutRobots:
		s.robots = "User-agent: *\nDisallow: /send/\n"
		menu = append(menu[:3], append([][2]string{{"/send/", "SEND"}}, menu[3:]...)...)
		s.pages["/send/"] = s.page("Special Educational Needs and Disabilities", report.HTMLBody())
	}
	s.pages["/"] = s.pageWithMenu(menu, "Welcome to "+p.Name,
		"<p>Welcome to our school website. We are a happy and caring school where every child is known and valued.</p>"+
			"<p>Read our latest "+link("/news/", "news")+" and see what is coming up in the "+link("/calendar/", "calendar")+".</p>")
	s.pages["/about-us/"] = s.pageWithMenu(menu, "About Us", "<p>Our school serves the local community and has a long history.</p>")
	s.pages["/key-information/"] = s.pageWithMenu(menu, "Key Information", "<ul><li>"+strings.Join(keyInfo, "</li><li>")+"</li></ul>")
	s.pages["/key-information/policies/"] = s.pageWithMenu(menu, "Policies", "<ul><li>"+strings.Join(policies, "</li><li>")+"</li></ul>")
	s.pages["/parents/"] = s.pageWithMenu(menu, "Parents", "<ul><li>"+strings.Join(parents, "</li><li>")+"</li></ul>")
	s.pages["/news/"] = s.pageWithMenu(menu, "News", "<p>"+link("/news/sports-day/", "Sports day")+"</p><p>"+link("/news/harvest-festival/", "Harvest festival")+"</p>")
	s.pages["/contact/"] = s.pageWithMenu(menu, "Contact", "<p>Please contact the school office on "+p.OfficePhone()+".</p>")
	for _, f := range []string{"/files/behaviour-policy.pdf", "/files/charging-policy.pdf"} {
		doc := Doc{Title: "Policy", Blocks: []Block{P("This policy was adopted by the governing body.")}}
		s.files[f], s.ctypes[f] = doc.PDF(), "application/pdf"
	}
	return s
}

func link(href, text string) string {
	return fmt.Sprintf(`<a href="%s">%s</a>`, href, html.EscapeString(text))
}

func (s *site) page(title, main string) string {
	return s.pageWithMenu(nil, title, main)
}

// pageWithMenu wraps content in the furniture of a school site. The footer and
// the cookie banner carry the office's phone and e-mail: text that must never be
// read as the SENCO's.
func (s *site) pageWithMenu(menu [][2]string, title, main string) string {
	if menu == nil {
		menu = [][2]string{{"/", "Home"}, {"/key-information/", "Key Information"}, {"/parents/", "Parents"}, {"/contact/", "Contact"}}
	}
	var nav strings.Builder
	for _, m := range menu {
		nav.WriteString("<li>" + link(m[0], m[1]) + "</li>")
	}
	return fmt.Sprintf(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>%s | %s</title></head>
<body>
<div class="cookie-banner">We use cookies. Questions? Call %s.</div>
<header class="site-header"><div class="logo">%s</div><nav class="main-nav"><ul>%s</ul></nav></header>
<main id="content"><h1>%s</h1>
%s
</main>
<aside class="sidebar"><h3>Contact the SENCO</h3><p>Ring the office on %s</p></aside>
<footer class="site-footer"><p>%s, Testbury. Tel: %s. Email: %s</p><p>SENCO enquiries via the office: %s</p></footer>
</body></html>`,
		html.EscapeString(title), html.EscapeString(s.p.Name), s.p.OfficePhone(), html.EscapeString(s.p.Name), nav.String(),
		html.EscapeString(title), main, s.p.OfficePhone(), html.EscapeString(s.p.Name), s.p.OfficePhone(), s.p.OfficeEmail(), s.p.OfficePhone())
}

// scriptOnlyPage is the one page a script-built site serves for every path: a
// mount point, a bundle and a note for browsers without scripts, as single-page
// application frameworks write them.
const scriptOnlyPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Loading…</title><link rel="stylesheet" href="/static/css/main.3f9a1c.css">
<script defer="defer" src="/static/js/main.8c41d2.js"></script></head>
<body><noscript>This website needs JavaScript. Please turn it on in your browser to see our pages.</noscript>
<div id="app"><div class="spinner" aria-label="Loading"></div></div></body></html>`

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.p.Layout == LayoutScriptOnly && r.URL.Path != "/robots.txt" {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, scriptOnlyPage)
		return
	}
	if s.p.Layout == LayoutDown && r.URL.Path != "/robots.txt" {
		http.Error(w, "Service Unavailable", http.StatusServiceUnavailable)
		return
	}
	if r.URL.Path == "/robots.txt" {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, s.robots)
		return
	}
	if b, ok := s.files[r.URL.Path]; ok {
		w.Header().Set("Content-Type", s.ctypes[r.URL.Path])
		serveContent(w, r, b)
		return
	}
	if h, ok := s.pages[r.URL.Path]; ok {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		serveContent(w, r, []byte(h))
		return
	}
	if strings.HasPrefix(r.URL.Path, "/news/") || strings.HasPrefix(r.URL.Path, "/calendar/") || strings.HasPrefix(r.URL.Path, "/parents/") || strings.HasPrefix(r.URL.Path, "/key-information/") {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, s.page("Page", "<p>Information coming soon.</p>"))
		return
	}
	http.NotFound(w, r)
}

// serveContent answers with an ETag, and 304 Not Modified to a request that
// already holds the same version, as most web servers do for static files.
func serveContent(w http.ResponseWriter, r *http.Request, b []byte) {
	sum := sha256.Sum256(b)
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Write(b)
}

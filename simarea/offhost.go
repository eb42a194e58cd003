package simarea

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strings"
	"sync"
)

// Layouts where the report is not on the school's own host: file platforms,
// Google Drive and Docs, a trust's site, a policies subdomain, embedded
// viewers, a school that moved domain. Every host has a realistic name and is
// served through a Proxy, as a council's network reaches the web.

// OffHostLayout names one of these layouts.
type OffHostLayout string

// The off-host layouts.
const (
	OffSchudio      OffHostLayout = "schudio"         // files.schudio.com/<school>/files/documents/...
	OffPrimarySite  OffHostLayout = "primarysite"     // primarysite-prod-sorted.s3.amazonaws.com/<school>/UploadedDocument/<id>/...
	OffWix          OffHostLayout = "wix"             // docs.wixstatic.com/ugd/... redirecting to <user>.filesusr.com
	OffSquarespace  OffHostLayout = "squarespace"     // static1.squarespace.com/static/...
	OffDrive        OffHostLayout = "google_drive"    // drive.google.com/file/d/<id>/view
	OffDocs         OffHostLayout = "google_docs"     // docs.google.com/document/d/<id>/edit
	OffTrust        OffHostLayout = "trust"           // the trust's site lists its schools' reports
	OffSubdomain    OffHostLayout = "subdomain"       // policies.<school>.sch.uk
	OffPDFJS        OffHostLayout = "pdfjs_iframe"    // <iframe src=".../viewer.html?file=<platform URL>">
	OffObject       OffHostLayout = "object_embed"    // <object data="<platform URL>">
	OffDocsViewer   OffHostLayout = "docs_viewer"     // <iframe src="docs.google.com/viewer?url=...">
	OffMovedDomain  OffHostLayout = "moved_domain"    // the register's domain redirects to the new one
	OffRobotsPlatfm OffHostLayout = "platform_robots" // the file sits where the platform's robots.txt forbids
)

// OffHostLayouts lists them all.
func OffHostLayouts() []OffHostLayout {
	return []OffHostLayout{OffSchudio, OffPrimarySite, OffWix, OffSquarespace, OffDrive, OffDocs, OffTrust, OffSubdomain,
		OffPDFJS, OffObject, OffDocsViewer, OffMovedDomain, OffRobotsPlatfm}
}

// OffHostSchool is one school of these layouts.
type OffHostSchool struct {
	Layout OffHostLayout
	Name   string
	Home   string // the register's website
	Report string // the URL the report's bytes are served at ("" when a polite crawler may not fetch it)
	Body   []byte // the report's bytes
}

// vhost is a host of the off-host layouts.
type vhost struct {
	mu     sync.Mutex
	robots string
	files  map[string]vfile // path?query -> answer
}

type vfile struct {
	ctype    string
	body     []byte
	redirect string
}

func (v *vhost) set(path string, f vfile) {
	v.mu.Lock()
	v.files[path] = f
	v.mu.Unlock()
}

func (v *vhost) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/robots.txt" {
		if v.robots == "" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, v.robots)
		return
	}
	v.mu.Lock()
	f, ok := v.files[r.URL.RequestURI()]
	if !ok {
		f, ok = v.files[r.URL.Path]
	}
	v.mu.Unlock()
	switch {
	case !ok:
		http.NotFound(w, r)
	case f.redirect != "":
		http.Redirect(w, r, f.redirect, http.StatusFound)
	default:
		w.Header().Set("Content-Type", f.ctype)
		w.Write(f.body)
	}
}

// OffHost serves the off-host layouts through a proxy.
type OffHost struct {
	Schools  []OffHostSchool
	Profiles []Profile // the schools' profiles, in the order of Schools
	hosts    map[string]*vhost
	proxy    *Proxy
}

// RegisterCSV writes the schools as the DfE register download does.
func (o *OffHost) RegisterCSV() []byte {
	a := &Area{Profiles: o.Profiles, urls: map[int]string{}}
	for i, p := range o.Profiles {
		a.urls[p.URN] = o.Schools[i].Home
	}
	return a.RegisterCSV()
}

func (o *OffHost) host(name string) *vhost {
	if v, ok := o.hosts[name]; ok {
		return v
	}
	v := &vhost{files: map[string]vfile{}, robots: "User-agent: *\nDisallow: /admin/\n"}
	o.hosts[name] = v
	o.proxy.Handle(name, v)
	return v
}

func offPage(title, main string) vfile {
	return vfile{ctype: "text/html; charset=utf-8", body: []byte(fmt.Sprintf(`<!doctype html><html><head><title>%s</title></head><body>
<nav><a href="/">Home</a> <a href="/about-us/">About us</a> <a href="/key-information/">Key information</a> <a href="/news/">News</a></nav>
<main><h1>%s</h1>%s</main></body></html>`, html.EscapeString(title), html.EscapeString(title), main))}
}

func a(href, text string) string {
	return `<a href="` + html.EscapeString(href) + `">` + html.EscapeString(text) + `</a>`
}

// NewOffHost puts one school of each off-host layout (n of each, when n > 1)
// on the proxy.
func NewOffHost(p *Proxy, n int) *OffHost {
	o := &OffHost{hosts: map[string]*vhost{}, proxy: p}
	// After the demo area's 30: URNs and names of their own, so both can share a store.
	profiles := GenerateProfiles(30 + len(OffHostLayouts())*max(n, 1))[30:]
	i := 0
	for k := 0; k < max(n, 1); k++ {
		for _, l := range OffHostLayouts() {
			o.add(l, profiles[i], i)
			i++
		}
	}
	return o
}

func (o *OffHost) add(l OffHostLayout, p Profile, i int) {
	s := strings.ReplaceAll(p.Slug, "_", "-")
	domain := fmt.Sprintf("%s.%s.sch.uk", s, []string{"kent", "surrey", "devon", "leeds"}[i%4])
	home := "https://www." + domain + "/"
	school := o.host("www." + domain)
	doc := p.Report()
	pdf := doc.PDF()
	sch := OffHostSchool{Layout: l, Name: p.Name, Home: home, Body: pdf}
	// The school's own pages: a menu to Key information, where the SEND page is.
	school.set("/", offPage(p.Name, `<p>Welcome to `+html.EscapeString(p.Name)+`.</p>`))
	school.set("/news/", offPage("News", "<p>Our news.</p>"))
	school.set("/about-us/", offPage("About us", "<p>About our school.</p>"))
	send := func(main string) {
		school.set("/key-information/", offPage("Key information", a("/key-information/send/", "Special Educational Needs (SEND)")+" "+a("/key-information/admissions/", "Admissions")))
		school.set("/key-information/send/", offPage("Special Educational Needs", main))
	}
	id := fmt.Sprintf("%x", 0x5f1a2b3c00+i)
	switch l {
	case OffSchudio:
		u := fmt.Sprintf("https://files.schudio.com/%s/files/documents/SEN_Information_Report_%s.pdf", s, p.yearDash())
		o.host("files.schudio.com").set(mustPath(u), vfile{ctype: "application/pdf", body: pdf})
		send("<p>Read our report:</p>" + a(u, "SEN Information Report"))
		sch.Report = u
	case OffPrimarySite:
		u := fmt.Sprintf("https://primarysite-prod-sorted.s3.amazonaws.com/%s/UploadedDocument/%s-4e1d-9c2b-%012d/sen-information-report.pdf", s, id, i)
		o.host("primarysite-prod-sorted.s3.amazonaws.com").set(mustPath(u), vfile{ctype: "application/pdf", body: pdf})
		send(a(u, "SEN Information Report "+p.yearDash()))
		sch.Report = u
	case OffWix:
		u := fmt.Sprintf("https://docs.wixstatic.com/ugd/%s_%s.pdf", id[:6], id)
		final := fmt.Sprintf("https://%s.filesusr.com/ugd/%s_%s.pdf", s, id[:6], id)
		o.host("docs.wixstatic.com").set(mustPath(u), vfile{redirect: final})
		o.host(s+".filesusr.com").set(mustPath(final), vfile{ctype: "application/pdf", body: pdf})
		send(a(u, "SEN Information Report"))
		sch.Report = final
	case OffSquarespace:
		u := fmt.Sprintf("https://static1.squarespace.com/static/%s/t/%s/16%08d/SEN+Information+Report.pdf", id, id, i)
		o.host("static1.squarespace.com").set(mustPath(u), vfile{ctype: "application/pdf", body: pdf})
		send(a(u, "SEN Information Report"))
		sch.Report = u
	case OffDrive:
		fid := fmt.Sprintf("1Ab%sXyZ%04d", id, i)
		view := "https://drive.google.com/file/d/" + fid + "/view?usp=sharing"
		dl := "https://drive.usercontent.google.com/download?id=" + fid + "&export=download"
		drive := o.host("drive.google.com")
		drive.set("/file/d/"+fid+"/view?usp=sharing", vfile{ctype: "text/html", body: []byte(`<!doctype html><html><body><div id="app"></div><script src="/viewer.js"></script></body></html>`)})
		drive.set("/uc?export=download&id="+fid, vfile{redirect: dl})
		o.host("drive.usercontent.google.com").set("/download?id="+fid+"&export=download", vfile{ctype: "application/pdf", body: pdf})
		send(a(view, "SEN Information Report (Google Drive)"))
		sch.Report = dl
	case OffDocs:
		did := fmt.Sprintf("1Zy%sWvU%04d", id, i)
		edit := "https://docs.google.com/document/d/" + did + "/edit?usp=sharing"
		docx := doc.DOCX()
		o.host("docs.google.com").set("/document/d/"+did+"/export?format=docx", vfile{ctype: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", body: docx})
		send(a(edit, "SEN Information Report"))
		sch.Report, sch.Body = "https://docs.google.com/document/d/"+did+"/export?format=docx", docx
	case OffTrust:
		trust := o.host("www.oaktree-learning-trust.org.uk")
		list := "https://www.oaktree-learning-trust.org.uk/our-schools/sen-information-reports/"
		mine := fmt.Sprintf("/wp-content/uploads/2025/09/%s-SEN-Information-Report.pdf", s)
		trust.set(mine, vfile{ctype: "application/pdf", body: pdf})
		trust.mu.Lock()
		prev := string(trust.files["/our-schools/sen-information-reports/"].body)
		trust.mu.Unlock()
		items := ""
		if j := strings.Index(prev, "<ul>"); j >= 0 {
			items = prev[j+4 : strings.Index(prev, "</ul>")]
		} else {
			// Other schools of the trust, whose reports are not ours to fetch.
			items = "<li>" + a("/wp-content/uploads/2025/09/Ashby-Vale-SEN-Information-Report.pdf", "Ashby Vale Primary SEN Information Report") + "</li>" +
				"<li>" + a("/wp-content/uploads/2025/09/Brookfield-SEN-Information-Report.pdf", "Brookfield Academy SEN Information Report") + "</li>"
			trust.set("/news/", offPage("Trust news", "<p>News.</p>"))
			trust.set("/our-schools/", offPage("Our schools", "<p>Schools.</p>"))
		}
		items += "<li>" + a(mine, p.Name+" SEN Information Report") + "</li>"
		trust.set("/our-schools/sen-information-reports/", offPage("SEN Information Reports", "<p>Each of our schools' reports:</p><ul>"+items+"</ul>"+a("/news/", "Trust news")+" "+a("/our-schools/", "Our schools")))
		send("<p>Our trust publishes our report.</p>" + a(list, "SEN Information Report"))
		sch.Report = "https://www.oaktree-learning-trust.org.uk" + mine
	case OffSubdomain:
		pol := o.host("policies." + domain)
		pol.set("/send/sen-information-report.pdf", vfile{ctype: "application/pdf", body: pdf})
		school.set("/key-information/", offPage("Key information", a("/key-information/policies/", "Policies")))
		school.set("/key-information/policies/", offPage("Policies", a("https://policies."+domain+"/send/sen-information-report.pdf", "SEN Information Report")+" "+a("https://policies."+domain+"/behaviour.pdf", "Behaviour policy")))
		sch.Report = "https://policies." + domain + "/send/sen-information-report.pdf"
	case OffPDFJS:
		u := fmt.Sprintf("https://files.schudio.com/%s/files/documents/send/SEN-Report.pdf", s)
		o.host("files.schudio.com").set(mustPath(u), vfile{ctype: "application/pdf", body: pdf})
		school.set("/pdfjs/web/viewer.html", offPage("Viewer", ""))
		send(`<p>Our SEN information report:</p><iframe src="/pdfjs/web/viewer.html?file=` + url.QueryEscape(u) + `" width="100%"></iframe>`)
		sch.Report = u
	case OffObject:
		u := fmt.Sprintf("https://static1.squarespace.com/static/%s/t/%s/17%08d/sen-information-report.pdf", id, id, i)
		o.host("static1.squarespace.com").set(mustPath(u), vfile{ctype: "application/pdf", body: pdf})
		send(`<p>Our SEN information report:</p><object data="` + html.EscapeString(u) + `" type="application/pdf"><embed src="` + html.EscapeString(u) + `"></object>`)
		sch.Report = u
	case OffDocsViewer:
		u := fmt.Sprintf("https://primarysite-prod-sorted.s3.amazonaws.com/%s/UploadedDocument/%s/SEN-Information-Report.pdf", s, id)
		o.host("primarysite-prod-sorted.s3.amazonaws.com").set(mustPath(u), vfile{ctype: "application/pdf", body: pdf})
		send(`<iframe src="https://docs.google.com/viewer?url=` + url.QueryEscape(u) + `&embedded=true"></iframe>`)
		o.host("docs.google.com")
		sch.Report = u
	case OffMovedDomain:
		old := o.host("www." + s + "-school.org.uk")
		old.set("/", vfile{redirect: home})
		sch.Home = "https://www." + s + "-school.org.uk/"
		u := "https://www." + domain + "/wp-content/uploads/sen-information-report.pdf"
		school.set("/wp-content/uploads/sen-information-report.pdf", vfile{ctype: "application/pdf", body: pdf})
		send(a(u, "SEN Information Report"))
		sch.Report = u
	case OffRobotsPlatfm:
		u := fmt.Sprintf("https://files.schudio.com/%s/private/SEN-Information-Report.pdf", s)
		fs := o.host("files.schudio.com")
		fs.robots = "User-agent: *\nDisallow: /*/private/\n"
		fs.set(mustPath(u), vfile{ctype: "application/pdf", body: pdf})
		send(a(u, "SEN Information Report"))
		sch.Report = "" // a polite crawler may not fetch it
	}
	o.Schools = append(o.Schools, sch)
	o.Profiles = append(o.Profiles, p)
}

func mustPath(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		panic(err)
	}
	return p.RequestURI()
}

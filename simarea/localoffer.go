package simarea

import (
	"encoding/json"
	"fmt"
	"html"
	"net"
	"net/http"
	"strconv"
	"strings"
)

// LOService is a service in a simulated Local Offer: the truth a crawl is
// checked against.
type LOService struct {
	ID       string
	Name     string
	Category string
	Needs    []string // census codes the record names
	AgeMin   int
	AgeMax   int
	Free     bool
	Phone    bool
	Email    bool
}

// localOfferServices are the services both simulated LAs offer (written for
// sendscope; any likeness to a real service is the likeness of every Local Offer).
func localOfferServices(la string) []LOService {
	base := []LOService{
		{Name: "Autism Outreach Team", Category: "Education", Needs: []string{"ASD"}, AgeMin: 4, AgeMax: 16, Free: true, Phone: true, Email: true},
		{Name: "Speech and Language Therapy Service", Category: "Health", Needs: []string{"SLCN"}, AgeMin: 0, AgeMax: 18, Free: true, Phone: true},
		{Name: "Social, Emotional and Mental Health Outreach", Category: "Education", Needs: []string{"SEMH"}, AgeMin: 5, AgeMax: 16, Free: true, Email: true},
		{Name: "Portage Home Visiting", Category: "Early years", Needs: []string{"PD"}, AgeMin: 0, AgeMax: 5, Free: true, Phone: true, Email: true},
		{Name: "Short Breaks Activity Scheme", Category: "Short breaks", Needs: []string{"ASD", "PD"}, AgeMin: 5, AgeMax: 18, Free: false, Phone: true},
		{Name: "Hearing Support Service", Category: "Health", Needs: []string{"HI"}, AgeMin: 0, AgeMax: 19, Free: true, Email: true},
		{Name: "Vision Support Team", Category: "Health", Needs: []string{"VI"}, AgeMin: 0, AgeMax: 19, Free: true, Phone: true},
		{Name: "Preparing for Adulthood Team", Category: "Preparing for adulthood", AgeMin: 14, AgeMax: 25, Free: true, Phone: true, Email: true},
		{Name: "ADHD Parent Support Group", Category: "Advice and support", Needs: []string{"ADHD"}, AgeMin: 4, AgeMax: 18, Free: true, Email: true},
		{Name: "Dyslexia Assessment Service", Category: "Education", Needs: []string{"SpLD"}, AgeMin: 7, AgeMax: 16, Free: false, Phone: true},
		{Name: "SEND Information, Advice and Support Service", Category: "Advice and support", AgeMin: 0, AgeMax: 25, Free: true, Phone: true, Email: true},
		{Name: "Sensory Processing Drop-in", Category: "Health", Needs: []string{"ASD"}, AgeMin: 2, AgeMax: 11, Free: true},
	}
	for i := range base {
		base[i].ID = fmt.Sprintf("%s-%03d", la, i+1)
	}
	return base
}

var needWording = map[string]string{
	"ASD": "autistic children and young people", "SLCN": "speech, language and communication needs",
	"SEMH": "social, emotional and mental health needs", "PD": "a physical disability", "HI": "a hearing impairment",
	"VI": "a visual impairment", "ADHD": "ADHD", "SpLD": "dyslexia",
}

func (s LOService) description() string {
	var needs []string
	for _, n := range s.Needs {
		needs = append(needs, needWording[n])
	}
	d := fmt.Sprintf("The %s supports children and young people", s.Name)
	if len(needs) > 0 {
		d += " with " + strings.Join(needs, " or ")
	}
	return d + " and their families across the county."
}

func (s LOService) slug() string { return slug(s.Name) }

// localOfferSite is an LA's Local Offer website: categories, a paginated
// listing, and a page per service, under /local-offer/.
type localOfferSite struct {
	laName   string
	services []LOService
}

const perListingPage = 5

func (l *localOfferSite) page(title, main string) string {
	return fmt.Sprintf(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s | %s Local Offer</title></head><body>
<header><nav class="main-nav"><a href="/">%s Council</a> <a href="/local-offer/">SEND Local Offer</a> <a href="/council-tax/">Council tax</a> <a href="/bins/">Bins and recycling</a></nav></header>
<main><h1>%s</h1>%s</main>
<footer><p>%s Council, County Hall. Tel 01632 961000.</p></footer></body></html>`,
		html.EscapeString(title), html.EscapeString(l.laName), html.EscapeString(l.laName), html.EscapeString(title), main, html.EscapeString(l.laName))
}

// categoriesOf lists the services' categories once each, in their order.
func categoriesOf(services []LOService) []string {
	var cats []string
	seen := map[string]bool{}
	for _, s := range services {
		if !seen[s.Category] {
			seen[s.Category] = true
			cats = append(cats, s.Category)
		}
	}
	return cats
}

func (l *localOfferSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	p := r.URL.Path
	switch {
	case p == "/robots.txt":
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "User-agent: *\nDisallow: /search/\n")
	case p == "/" || p == "/council-tax/" || p == "/bins/":
		fmt.Fprint(w, l.page("Council services", `<p>Pay your council tax, report a missed bin.</p><a href="/local-offer/">SEND Local Offer</a>`))
	case p == "/local-offer/":
		var b strings.Builder
		b.WriteString(`<p>The Local Offer sets out the support available to children and young people aged 0 to 25 with special educational needs and disabilities.</p><ul>`)
		for _, c := range categoriesOf(l.services) {
			fmt.Fprintf(&b, `<li><a href="/local-offer/category/%s/">%s</a></li>`, slug(c), html.EscapeString(c))
		}
		b.WriteString(`<li><a href="/local-offer/services/">All services A to Z</a></li></ul><h2>Information and advice</h2><ul>`)
		for _, ip := range cmsInfoPages {
			fmt.Fprintf(&b, `<li><a href="/local-offer/information/%s/">%s</a></li>`, slug(ip.title), html.EscapeString(ip.title))
		}
		b.WriteString(`</ul>`)
		fmt.Fprint(w, l.page("SEND Local Offer", b.String()))
	case strings.HasPrefix(p, "/local-offer/information/"):
		sl := strings.Trim(strings.TrimPrefix(p, "/local-offer/information/"), "/")
		for _, ip := range cmsInfoPages {
			if slug(ip.title) == sl {
				fmt.Fprint(w, l.page(ip.title, `<p class="updated">Last updated: 3 March 2025</p>`+ip.body))
				return
			}
		}
		http.NotFound(w, r)
	case strings.HasPrefix(p, "/local-offer/category/"):
		cat := strings.Trim(strings.TrimPrefix(p, "/local-offer/category/"), "/")
		var b strings.Builder
		b.WriteString("<ul>")
		for _, s := range l.services {
			if slug(s.Category) == cat {
				fmt.Fprintf(&b, `<li><a href="/local-offer/services/%s/">%s</a></li>`, s.slug(), html.EscapeString(s.Name))
			}
		}
		b.WriteString("</ul>")
		fmt.Fprint(w, l.page("Category", b.String()))
	case p == "/local-offer/services/":
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		if page < 1 {
			page = 1
		}
		from, to := (page-1)*perListingPage, min(page*perListingPage, len(l.services))
		var b strings.Builder
		b.WriteString("<ul>")
		for _, s := range l.services[min(from, len(l.services)):to] {
			fmt.Fprintf(&b, `<li><a href="/local-offer/services/%s/">%s</a></li>`, s.slug(), html.EscapeString(s.Name))
		}
		b.WriteString("</ul>")
		if to < len(l.services) {
			fmt.Fprintf(&b, `<a href="/local-offer/services/?page=%d" rel="next">Next page</a>`, page+1)
		}
		fmt.Fprint(w, l.page(fmt.Sprintf("All services, page %d", page), b.String()))
	case strings.HasPrefix(p, "/local-offer/services/"):
		sl := strings.Trim(strings.TrimPrefix(p, "/local-offer/services/"), "/")
		for _, s := range l.services {
			if s.slug() == sl {
				// Record pages change rarely and carry a validator, as a CMS's do.
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				serveContent(w, r, []byte(l.record(s)))
				return
			}
		}
		http.NotFound(w, r)
	default:
		http.NotFound(w, r)
	}
}

// record is a service's page in the layout most directories share.
func (l *localOfferSite) record(s LOService) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<nav class="breadcrumb" aria-label="breadcrumb"><a href="/local-offer/">Local Offer</a> &gt; <a href="/local-offer/category/%s/">%s</a></nav>`,
		slug(s.Category), html.EscapeString(s.Category))
	fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(s.description()))
	fmt.Fprintf(&b, "<h2>Who is it for?</h2><p>Children and young people aged %d-%d living in %s.</p>", s.AgeMin, s.AgeMax, html.EscapeString(l.laName))
	b.WriteString("<h2>How do you get it?</h2><p>Families can self-refer, or a school or health professional can make a referral.</p>")
	if s.Free {
		b.WriteString("<h2>Cost</h2><p>This service is free.</p>")
	} else {
		b.WriteString("<h2>Cost</h2><p>Sessions cost £12 per session; help with costs is available.</p>")
	}
	b.WriteString("<h2>Contact</h2><ul>")
	if s.Phone {
		b.WriteString(`<li><a href="tel:01632961234">Call the team</a></li>`)
	}
	if s.Email {
		b.WriteString(`<li><a href="mailto:team@la.example.gov.uk">Email the team</a></li>`)
	}
	b.WriteString("</ul>")
	return l.page(s.Name, b.String())
}

// orukFeed is an LA's Open Referral UK 3.0 API: a paged /services list whose
// items are outlines, and /services/{id} with the full record.
type orukFeed struct {
	services []LOService
}

const feedPageSize = 4

func (o *orukFeed) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	p := strings.TrimPrefix(r.URL.Path, "/api/v3")
	switch {
	case r.URL.Path == "/robots.txt":
		http.NotFound(w, r)
	case p == "/services" || p == "/services/":
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		if page < 1 {
			page = 1
		}
		// The feed pages by its own size whatever per_page asks, as some do.
		total := (len(o.services) + feedPageSize - 1) / feedPageSize
		from, to := min((page-1)*feedPageSize, len(o.services)), min(page*feedPageSize, len(o.services))
		var items []map[string]any
		for _, s := range o.services[from:to] {
			items = append(items, map[string]any{"id": s.ID, "name": s.Name, "description": "<p>" + s.description() + "</p>", "status": "active"})
		}
		json.NewEncoder(w).Encode(map[string]any{"total_items": len(o.services), "total_pages": total, "page_number": page,
			"size": len(items), "first_page": page == 1, "last_page": page >= total, "empty": len(items) == 0, "contents": items})
	case strings.HasPrefix(p, "/services/"):
		id := strings.TrimPrefix(p, "/services/")
		for _, s := range o.services {
			if s.ID != id {
				continue
			}
			rec := map[string]any{"id": s.ID, "name": s.Name, "description": "<p>" + s.description() + "</p>", "status": "active",
				"minimum_age": s.AgeMin, "maximum_age": s.AgeMax, "url": "https://services.example.gov.uk/" + s.slug(),
				"attributes":    []map[string]any{{"taxonomy_term": map[string]any{"name": s.Category, "taxonomy": "local"}}},
				"last_modified": "2025-07-01T09:00:00Z"}
			if s.Free {
				rec["fees_description"] = "Free of charge"
			} else {
				rec["cost_options"] = []map[string]any{{"option": "Per session", "amount": 12, "amount_description": "per session"}}
			}
			var contact map[string]any = map[string]any{"name": "Duty officer"}
			if s.Email {
				contact["email"] = "team@la.example.gov.uk"
			}
			if s.Phone {
				contact["phones"] = []map[string]any{{"number": "01632 961234"}}
			}
			rec["contacts"] = []map[string]any{contact}
			// Records carry a validator, as an API's cached records do.
			b, _ := json.Marshal(rec)
			serveContent(w, r, append(b, '\n'))
			return
		}
		http.NotFound(w, r)
	default:
		http.NotFound(w, r)
	}
}

// startLocalOffers serves the first LA's Local Offer as a council CMS website and
// the second's as an ORUK feed beside an Open Objects (kb5) directory site that
// lists the same services.
func (a *Area) startLocalOffers() error {
	type la struct{ code, name string }
	for i, l := range []la{{"998", "Testshire"}, {"997", "Exampleton"}} {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		base := "http://" + ln.Addr().String()
		services := localOfferServices(l.code)
		var h http.Handler
		if i == 0 {
			h = &localOfferSite{laName: l.name, services: services}
			a.localOffers[l.code] = [2]string{base + "/local-offer/", ""}
		} else {
			mux := http.NewServeMux()
			mux.Handle("/kb5/", &kb5Site{la: "exampleton", laName: l.name, services: services})
			mux.Handle("/", &orukFeed{services: services})
			h = mux
			a.localOffers[l.code] = [2]string{base + "/kb5/exampleton/localoffer/home.page", base + "/api/v3"}
		}
		a.laServices[l.code] = services
		srv := &http.Server{Handler: h}
		a.servers = append(a.servers, srv)
		go srv.Serve(ln)
	}
	return nil
}

// LocalOfferServices is the truth about an LA's Local Offer.
func (a *Area) LocalOfferServices(laCode string) []LOService { return a.laServices[laCode] }

// AuthoritiesCSV lists the area's LAs for `sendscope authorities import`.
func (a *Area) AuthoritiesCSV() []byte {
	var b strings.Builder
	b.WriteString("la_code,la_name,local_offer_url,oruk_api_url\n")
	for _, l := range [][2]string{{"998", "Testshire"}, {"997", "Exampleton"}} {
		u := a.localOffers[l[0]]
		fmt.Fprintf(&b, "%s,%s,%s,%s\n", l[0], l[1], u[0], u[1])
	}
	return []byte(b.String())
}

// infoPage is an information page of a Local Offer: what it must publish
// besides its services (written for sendscope).
type infoPage struct{ title, body string }

// cmsInfoPages are Testshire's: everything but feedback and an annual report.
var cmsInfoPages = []infoPage{
	{"Requesting an EHC needs assessment", `<p>If your child needs more help than their school can give, you or the school can ask for an education, health and care needs assessment. Send us the request form and we will reply within six weeks.</p>`},
	{"Home to school transport", `<p>Some children and young people with SEND can get home to school transport or travel training. Read our transport policy to see who is eligible.</p>`},
	{"Information, advice and support", `<p>Testshire SENDIASS gives free, impartial information, advice and support to parents, children and young people about SEND.</p>`},
	{"Disagreements and complaints", `<p>If you disagree with a decision, talk to us first. Mediation is free, and you can appeal to the tribunal. You can also make a complaint.</p>`},
	{"Schools and colleges", `<p>Most children with SEND go to mainstream schools; some go to special schools. After year 11, young people can go to further education colleges or a sixth form.</p>`},
	{"Social care for disabled children", `<p>Our social care team assesses disabled children's needs. Social workers can arrange short breaks for families.</p>`},
}

// kb5InfoPages are Exampleton's advice pages: no transport, complaints or
// assessment pages.
var kb5InfoPages = []infoPage{
	{"Health services for children with SEND", `<p>Health services include health visitors, school nursing, therapies and CAMHS.</p>`},
	{"Social care and short breaks", `<p>Short breaks give disabled children time with friends and give carers a rest. Ask social care for an assessment.</p>`},
	{"You said, we did: Local Offer annual report", `<p>Each year we publish the comments families made about the Local Offer and what we changed.</p>`},
	{"Preparing for adulthood", `<p>From year 9, planning looks at employment, independent living, friends and community, and good health.</p>`},
}

// kb5Site is an LA's directory on Open Objects / Idox (kb5): channel pages
// (localoffer.page?localofferchannel=N), paged results (results.page), a
// service.page?id= per record and advice.page?id= articles, in that
// platform's page chrome. Odd records carry the feed's id; even ones their own,
// so only their names tie them to the feed.
type kb5Site struct {
	la, laName string
	services   []LOService
}

const kb5PerPage = 3

func (k *kb5Site) id(i int) string {
	if i%2 == 1 {
		return "dir" + strconv.Itoa(1000+i)
	}
	return k.services[i].ID
}

func (k *kb5Site) page(title, main string) string {
	return fmt.Sprintf(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s | %s Family Information Directory</title></head><body>
<a class="skip-link" href="#content">Skip to main content</a>
<div id="header"><a href="home.page">%s Family Information Directory</a><form action="results.page"><input name="qt"><button>Search</button></form></div>
<div id="content"><h1>%s</h1>%s</div>
<div id="footer"><a href="advice.page?id=cookies">Cookies</a> <a href="advice.page?id=accessibility">Accessibility</a></div></body></html>`,
		html.EscapeString(title), html.EscapeString(k.laName), html.EscapeString(k.laName), html.EscapeString(title), main)
}

func (k *kb5Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	prefix := "/kb5/" + k.la + "/localoffer/"
	if !strings.HasPrefix(r.URL.Path, prefix) {
		http.NotFound(w, r)
		return
	}
	q := r.URL.Query()
	switch strings.TrimPrefix(r.URL.Path, prefix) {
	case "home.page":
		var b strings.Builder
		b.WriteString(`<p>Find services and support for children and young people with SEND aged 0 to 25.</p><ul>`)
		for i, c := range categoriesOf(k.services) {
			fmt.Fprintf(&b, `<li><a href="localoffer.page?localofferchannel=%d">%s</a></li>`, i+1, html.EscapeString(c))
		}
		for i, ip := range kb5InfoPages {
			fmt.Fprintf(&b, `<li><a href="advice.page?id=adv%d">%s</a></li>`, i+1, html.EscapeString(ip.title))
		}
		// A featured record, linked without its channel: the same record at a
		// second address, as kb5 sites link them.
		fmt.Fprintf(&b, `</ul><h2>Featured</h2><p><a href="service.page?id=%s">%s</a></p>`, k.id(0), html.EscapeString(k.services[0].Name))
		fmt.Fprint(w, k.page("SEND Local Offer", b.String()))
	case "localoffer.page":
		n, _ := strconv.Atoi(q.Get("localofferchannel"))
		cats := categoriesOf(k.services)
		if n < 1 || n > len(cats) {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, k.page("SEND Local Offer - "+cats[n-1], fmt.Sprintf(`<p>This section of the SEND Local Offer lists %s services.</p><p><a href="results.page?localofferchannel=%d">Show the services in this section</a></p><h2>Related features</h2>`,
			strings.ToLower(html.EscapeString(cats[n-1])), n)))
	case "results.page":
		n, _ := strconv.Atoi(q.Get("localofferchannel"))
		cats := categoriesOf(k.services)
		if n < 1 || n > len(cats) {
			http.NotFound(w, r)
			return
		}
		var in []int
		for i, s := range k.services {
			if s.Category == cats[n-1] {
				in = append(in, i)
			}
		}
		pg, _ := strconv.Atoi(q.Get("page"))
		if pg < 1 {
			pg = 1
		}
		from, to := min((pg-1)*kb5PerPage, len(in)), min(pg*kb5PerPage, len(in))
		var b strings.Builder
		fmt.Fprintf(&b, `<p>Showing %d results</p><ol class="results">`, len(in))
		for _, i := range in[from:to] {
			fmt.Fprintf(&b, `<li><h3><a href="service.page?id=%s&amp;localofferchannel=%d">%s</a></h3><p>%s</p></li>`, k.id(i), n,
				html.EscapeString(k.services[i].Name), html.EscapeString(k.services[i].description()))
		}
		b.WriteString(`</ol>`)
		if to < len(in) {
			fmt.Fprintf(&b, `<a href="results.page?localofferchannel=%d&amp;page=%d">Next</a>`, n, pg+1)
		}
		fmt.Fprint(w, k.page("Search results", b.String()))
	case "service.page":
		for i, s := range k.services {
			if k.id(i) == q.Get("id") {
				fmt.Fprint(w, k.page(s.Name, k.record(s)))
				return
			}
		}
		http.NotFound(w, r)
	case "advice.page":
		var n int
		fmt.Sscanf(q.Get("id"), "adv%d", &n)
		if n < 1 || n > len(kb5InfoPages) {
			http.NotFound(w, r)
			return
		}
		ip := kb5InfoPages[n-1]
		fmt.Fprint(w, k.page(ip.title, ip.body))
	default:
		http.NotFound(w, r)
	}
}

// record is a kb5 service record: the description first, then the field
// blocks that directory shows.
func (k *kb5Site) record(s LOService) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<div class="service-description"><p>%s</p></div>`, html.EscapeString(s.description()))
	b.WriteString(`<div class="contact-details"><h2>Who to contact</h2><dl>`)
	if s.Phone {
		b.WriteString(`<dt>Telephone</dt><dd>01632 961234</dd>`)
	}
	if s.Email {
		b.WriteString(`<dt>E-mail</dt><dd><a href="mailto:team@la.example.gov.uk">team@la.example.gov.uk</a></dd>`)
	}
	b.WriteString(`</dl></div><div class="local-offer"><h2>Local Offer</h2><h3>Age range</h3>`)
	fmt.Fprintf(&b, `<p>%d to %d years</p>`, s.AgeMin, s.AgeMax)
	if s.Free {
		b.WriteString(`<h3>Cost</h3><p>Free</p>`)
	} else {
		b.WriteString(`<h3>Cost</h3><p>£12 per session</p>`)
	}
	return b.String()
}

// Package simarea is a simulated local area for tests, benchmarks and the demo:
// two local authorities and their schools, each school with a website served on
// loopback, publishing (or not) an SEN information report in the styles real
// schools use. It plays the part of the web as net/http/httptest plays a server.
package simarea

import (
	"fmt"
	"net"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"
)

// Profiles returns the 30 schools of the simulated area, the same every time.
func Profiles() []Profile { return GenerateProfiles(30) }

// GenerateProfiles returns n simulated schools (the first 30 are those of the
// demo area; beyond them the names gain a number), cycling through every layout.
func GenerateProfiles(n int) []Profile {
	type la struct{ code, name string }
	las := []la{{"998", "Testshire"}, {"997", "Exampleton"}}
	districts := map[string][]string{"998": {"North Testshire", "South Testshire"}, "997": {"Exampleton Central", "Exampleton Rural"}}
	names := []string{
		"Ashgrove Primary School", "St Mary’s Catholic Primary School", "Riverside Academy", "Hillview Infant School",
		"Oakfield Church of England Junior School", "Moorside Community Primary School", "Thornbury High School",
		"Elm Tree Primary Academy", "Westgate All-Through School", "St John’s CofE (VA) Primary School",
		"Castle View Secondary Academy", "Meadowbank Junior School", "Greenfields Infant and Nursery School",
		"Holly Bank Academy", "Queen’s Park Primary School", "Brook Lane Primary School", "Larkspur Primary School",
		"Kingsmead Secondary School", "Fernhill Primary School", "Northgate Academy", "Willow Brook Primary School",
		"Harbour View High School", "Beacon Hill Primary School", "Orchard Lea Junior School", "Mill Stream Primary School",
		"Foxwood Academy", "Stonebridge Primary School", "Heathfield Community College", "Poppy Lane Infant School",
		"Redcliffe Primary School",
	}
	layouts := []Layout{
		LayoutQA, LayoutPDFKeyInfo, LayoutDOCX, LayoutTable, LayoutBullets, LayoutQuestions, LayoutIframePDF,
		LayoutQA, LayoutPDFKeyInfo, LayoutNone, LayoutRobots, LayoutDOCX, LayoutNoWebsite, LayoutTable, LayoutQA,
		LayoutPDFKeyInfo, LayoutBullets, LayoutDown, LayoutQA, LayoutDOCX, LayoutScriptOnly, LayoutPDFKeyInfo, LayoutQuestions,
		LayoutTable, LayoutRefused, LayoutIframePDF, LayoutBullets, LayoutPDFKeyInfo, LayoutQA, LayoutDOCX,
	}
	sencos := []string{"Mrs Amelia Hart", "Mr Daniel Okafor", "Miss Priya Shah", "Mrs K. McKinley", "Ms Joanna Fletcher",
		"Mr Tom Brennan", "Mrs Sarah Whitfield", "Dr Alan Marsh", "Mrs Grace Adeyemi", "Miss Hannah Doyle"}
	needSets := [][]string{
		{"ASD", "SLCN", "SEMH", "SpLD"},
		{"ASD", "MLD", "SEMH"},
		{"SLCN", "SpLD", "HI", "ADHD"},
		{"ASD", "SEMH", "PD", "VI"},
		{"MLD", "SpLD", "SLCN"},
	}
	var out []Profile
	for i := 0; i < n; i++ {
		name := names[i%len(names)]
		if i >= len(names) {
			name = fmt.Sprintf("%s %d", strings.TrimSuffix(name, " School"), i/len(names)+1)
		}
		l := las[i%2]
		phase := "Primary"
		typ := "Community school"
		pupils := 180 + (i*137)%420
		switch {
		case strings.Contains(name, "High") || strings.Contains(name, "Secondary") || strings.Contains(name, "College") || strings.HasSuffix(name, "Academy") && i%3 == 2:
			phase, typ, pupils = "Secondary", "Academy converter", 700+(i*211)%900
		case strings.Contains(name, "All-Through"):
			phase, pupils = "All-through", 1200
		}
		p := Profile{
			URN: 990100 + i, Name: name, LACode: l.code, LAName: l.name,
			District: districts[l.code][(i/2)%2], Phase: phase, Type: typ, Pupils: pupils,
			Slug:   slug(name),
			Layout: layouts[i%len(layouts)],
			SENCO:  sencos[i%len(sencos)], SENCODays: 1 + i%4,
			Needs:      needSets[i%len(needSets)],
			SENPercent: 9 + float64((i*37)%120)/10, EHCP: 2 + (i*7)%25,
			Year: "2025/26",
		}
		if i%3 != 1 {
			p.Email = "senco@" + p.Slug + ".example.sch.uk"
		}
		if i%4 == 0 {
			p.Phone = fmt.Sprintf("01632 960%03d", 500+i)
		}
		p.NASENCO = i%2 == 0
		if i%7 == 3 {
			p.Year = "2023/24" // a stale report
		}
		switch i % 6 {
		case 2:
			p.Provision, p.RPType, p.RPNeed, p.RPCapacity = "resourced provision for autism (12 places)", "Resourced provision", "ASD - Autistic Spectrum Disorder", 12
		case 5:
			p.Provision, p.RPType, p.RPNeed, p.RPCapacity = "SEMH nurture base (8 places)", "SEN unit", "SEMH - Social, Emotional and Mental Health", 8
		}
		out = append(out, p)
	}
	return out
}

func slug(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(strings.ToLower(name)) {
		w = strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, w)
		if w == "" || w == "school" || w == "primary" || w == "the" || w == "of" || w == "and" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(w)
	}
	return b.String()
}

// Options size the simulated area.
type Options struct {
	Schools int           // default 30, the demo area
	Latency time.Duration // added to every response, as a distant server would
}

// Area is the simulated area with its websites running.
type Area struct {
	Profiles []Profile
	reports  map[int]string // URN -> path of the SEN information report

	mu        sync.Mutex
	outage    Outage
	servers   []*http.Server
	urls      map[int]string   // URN -> home page URL
	requested map[int][]string // URN -> paths requested, in order
	inflight  map[int]int      // URN -> requests being served now
	maxIn     map[int]int      // URN -> most requests ever served at once

	localOffers map[string][2]string   // LA code -> Local Offer URL, ORUK feed URL
	laServices  map[string][]LOService // LA code -> its services

	held     int           // URN whose site waits on hold (0: none)
	holdGate chan struct{} // closed to let the held site answer
}

// Hold makes one school's website (the last one that answers) wait before every
// answer until release is called, so that a test can keep a crawl running for
// as long as it needs, rather than guess how long a crawl takes. Keep the hold
// shorter than the crawl's request timeout, or the school times out.
func (a *Area) Hold() (release func()) {
	gate := make(chan struct{})
	a.mu.Lock()
	for _, p := range a.Profiles {
		if p.Layout != LayoutNoWebsite && p.Layout != LayoutRefused {
			a.held = p.URN
		}
	}
	a.holdGate = gate
	a.mu.Unlock()
	var once sync.Once
	return func() { once.Do(func() { close(gate) }) }
}

// Start serves the 30 schools' websites, each on its own loopback port.
func Start() (*Area, error) { return StartWith(Options{}) }

// StartWith serves an area of the given size.
func StartWith(opt Options) (*Area, error) {
	if opt.Schools <= 0 {
		opt.Schools = 30
	}
	a := &Area{Profiles: GenerateProfiles(opt.Schools), urls: map[int]string{}, requested: map[int][]string{}, reports: map[int]string{},
		inflight: map[int]int{}, maxIn: map[int]int{}, localOffers: map[string][2]string{}, laServices: map[string][]LOService{}}
	if err := a.startLocalOffers(); err != nil {
		a.Close()
		return nil, fmt.Errorf("simulated area: %w", err)
	}
	for _, p := range a.Profiles {
		if p.Layout == LayoutNoWebsite {
			continue
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			a.Close()
			return nil, fmt.Errorf("simulated area: %w", err)
		}
		base := "http://" + ln.Addr().String() + "/"
		if p.Layout == LayoutRefused {
			// The register's address, with nothing listening on it.
			ln.Close()
			a.urls[p.URN] = base
			continue
		}
		site := newSite(p, base)
		a.reports[p.URN] = site.report
		urn := p.URN
		srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			a.mu.Lock()
			a.requested[urn] = append(a.requested[urn], r.URL.RequestURI())
			a.inflight[urn]++
			a.maxIn[urn] = max(a.maxIn[urn], a.inflight[urn])
			var gate chan struct{}
			if a.held == urn {
				gate = a.holdGate
			}
			a.mu.Unlock()
			defer func() {
				a.mu.Lock()
				a.inflight[urn]--
				a.mu.Unlock()
			}()
			if gate != nil {
				select {
				case <-gate:
				case <-r.Context().Done():
					return
				}
			}
			if opt.Latency > 0 {
				time.Sleep(opt.Latency)
			}
			switch a.currentOutage() {
			case OutageUnavailable:
				http.Error(w, "Service Unavailable", http.StatusServiceUnavailable)
				return
			case OutageDropped:
				if hj, ok := w.(http.Hijacker); ok {
					if conn, _, err := hj.Hijack(); err == nil {
						conn.Close() // the connection dies with no answer
						return
					}
				}
			}
			site.ServeHTTP(w, r)
		})}
		a.servers = append(a.servers, srv)
		a.urls[p.URN] = base
		go srv.Serve(ln)
	}
	return a, nil
}

// Outage is what every school's site does during a simulated outage.
type Outage int

const (
	OutageNone        Outage = iota
	OutageUnavailable        // every request answers 503 Service Unavailable
	OutageDropped            // every connection is closed with no answer, as a failed network does
)

// SetOutage starts (or, with OutageNone, ends) an outage of every school's site.
func (a *Area) SetOutage(o Outage) {
	a.mu.Lock()
	a.outage = o
	a.mu.Unlock()
}

func (a *Area) currentOutage() Outage {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.outage
}

// Close stops every website.
func (a *Area) Close() {
	for _, s := range a.servers {
		s.Close()
	}
}

// URL is the home page of a school's website ("" when it has none).
func (a *Area) URL(urn int) string { return a.urls[urn] }

// ReportPath is where a school's SEN information report is served ("" when the
// school publishes none that a polite crawler may fetch).
func (a *Area) ReportPath(urn int) string { return a.reports[urn] }

// MaxInFlight is the most requests a school's site ever served at once.
func (a *Area) MaxInFlight(urn int) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.maxIn[urn]
}

// Requested lists the paths a school's site was asked for.
func (a *Area) Requested(urn int) []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]string(nil), a.requested[urn]...)
}

// Profile returns the school with urn.
func (a *Area) Profile(urn int) (Profile, bool) {
	for _, p := range a.Profiles {
		if p.URN == urn {
			return p, true
		}
	}
	return Profile{}, false
}

// ByLayout returns the first school published in layout.
func (a *Area) ByLayout(l Layout) Profile {
	for _, p := range a.Profiles {
		if p.Layout == l {
			return p
		}
	}
	panic("simarea: no school with layout " + string(l))
}

// URNs lists every school's URN in order.
func (a *Area) URNs() []int {
	var out []int
	for _, p := range a.Profiles {
		out = append(out, p.URN)
	}
	sort.Ints(out)
	return out
}

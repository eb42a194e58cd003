package pipeline

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sendscope/sendscope/queries"
)

// TestMergeFeedAndSite: a site record that is a feed service (its id in the
// address, the same address, or the same name) is stored once, with the feed's
// record taking what it lacked from the page; a record only on the site stays.
func TestMergeFeedAndSite(t *testing.T) {
	five, sixteen := 5, 16
	feed := queries.AuthorityResult{Status: "found", Pages: 2, Captures: []queries.Capture{{URL: "https://api.example/services?page=1", Services: []queries.Service{
		{ServiceID: "f1", Name: "Alpha Team", URL: "https://lo.example/directory/alpha/", Source: "oruk", NeedTypes: []string{"ASD"}},
		{ServiceID: "f2", Name: "Beta Service", Source: "oruk"},
		{ServiceID: "f3", Name: "Gamma Club", Source: "oruk", AgeMin: &five},
	}}}}
	page := func(url string, sv queries.Service) queries.Capture {
		sv.ServiceID, sv.URL, sv.Source = url, url, "html"
		return queries.Capture{URL: url, Services: []queries.Service{sv}}
	}
	site := queries.AuthorityResult{Status: "found", Pages: 5, Captures: []queries.Capture{
		page("https://lo.example/directory/alpha", queries.Service{Name: "Alpha team (North)", NeedTypes: []string{"SLCN"}}), // same address
		page("https://fis.example/kb5/la/fsd/service.page?id=f2", queries.Service{Name: "Beta", AgeMin: &five, AgeMax: &sixteen, Eligibility: "Pupils"}),
		page("https://lo.example/gamma-club-page", queries.Service{Name: "  gamma CLUB! ", AgeMax: &sixteen}), // same name
		page("https://lo.example/delta", queries.Service{Name: "Delta Drop-in"}),                              // the site's own
		{URL: "https://lo.example/transport"}, // an information page
	}}
	r, merged := mergeFeedAndSite(feed, site)
	if merged != 3 || r.Status != "found" || r.Pages != 7 || len(r.Captures) != 6 {
		t.Fatalf("merged %d, status %s, pages %d, captures %d", merged, r.Status, r.Pages, len(r.Captures))
	}
	var got []string
	for _, c := range r.Captures {
		for _, s := range c.Services {
			got = append(got, fmt.Sprintf("%s %s %s ages=%s-%s needs=%s elig=%q", s.ServiceID, s.Source, s.PageURL, ptr(s.AgeMin), ptr(s.AgeMax),
				strings.Join(s.NeedTypes, ";"), s.Eligibility))
		}
	}
	want := []string{
		"f1 oruk+html https://lo.example/directory/alpha ages=?-? needs=ASD;SLCN elig=\"\"",
		"f2 oruk+html https://fis.example/kb5/la/fsd/service.page?id=f2 ages=5-16 needs= elig=\"Pupils\"",
		// The feed's own ages stand; the page's do not mix in.
		"f3 oruk+html https://lo.example/gamma-club-page ages=5-? needs= elig=\"\"",
		"https://lo.example/delta html  ages=?-? needs= elig=\"\"",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A feed that fails does not hide the site; the reason says so.
	failed := queries.AuthorityResult{Status: "failed", Reason: "feed_unreachable"}
	if r, _ := mergeFeedAndSite(failed, site); r.Status != "found" || r.Reason != "feed_unreachable (the site was read)" {
		t.Errorf("feed down: %s %q", r.Status, r.Reason)
	}
}

func ptr(p *int) string {
	if p == nil {
		return "?"
	}
	return fmt.Sprint(*p)
}

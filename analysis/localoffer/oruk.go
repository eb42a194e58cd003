package localoffer

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/sendscope/sendscope/documents"
)

// Open Referral UK feeds come in two incompatible versions (see
// ../shared/data/oruk/ORUK.md): 1.0 pages as {totalPages, number, last, content: [...]}
// with eligibilitys[] and service_taxonomys[]; 3.0 pages as {total_pages,
// page_number, last_page, contents: [...]} with ages and attributes[] on the
// service. Some feeds send a bare array. ORUKPage reads all three.

// ORUKPageInfo says where a page sits in the feed.
type ORUKPageInfo struct {
	Version    string // "1.0", "3.0", or "" for a bare array
	Page       int
	TotalPages int
	Last       bool
}

type orukList struct {
	// 3.0
	TotalPages *int              `json:"total_pages"`
	PageNumber *int              `json:"page_number"`
	LastPage   *bool             `json:"last_page"`
	Contents   []json.RawMessage `json:"contents"`
	// 1.0
	TotalPagesV1 *int              `json:"totalPages"`
	Number       *int              `json:"number"`
	Last         *bool             `json:"last"`
	Content      []json.RawMessage `json:"content"`
}

// ORUKRawItems returns the service items of a GET /services page as raw JSON,
// in order (nil when the page is not a services list).
func ORUKRawItems(body []byte) []json.RawMessage {
	if strings.HasPrefix(strings.TrimSpace(string(body)), "[") {
		var items []json.RawMessage
		json.Unmarshal(body, &items)
		return items
	}
	var l orukList
	if json.Unmarshal(body, &l) != nil {
		return nil
	}
	if l.Contents != nil {
		return l.Contents
	}
	return l.Content
}

// ORUKPage reads one page of GET /services.
func (x *Extractor) ORUKPage(body []byte) ([]Service, ORUKPageInfo, error) {
	var info ORUKPageInfo
	trimmed := strings.TrimSpace(string(body))
	var items []json.RawMessage
	if strings.HasPrefix(trimmed, "[") {
		if err := json.Unmarshal(body, &items); err != nil {
			return nil, info, fmt.Errorf("ORUK services list: %w", err)
		}
		info.Last = len(items) == 0
	} else {
		var l orukList
		if err := json.Unmarshal(body, &l); err != nil {
			return nil, info, fmt.Errorf("ORUK services list: %w", err)
		}
		switch {
		case l.Contents != nil && (l.TotalPagesV1 != nil || l.Number != nil || l.Last != nil):
			// 1.0's envelope with the list named as its OpenAPI document names it.
			info.Version, items = "1.0", l.Contents
			info.Page, info.TotalPages, info.Last = deref(l.Number), deref(l.TotalPagesV1), derefB(l.Last)
		case l.Contents != nil || l.TotalPages != nil:
			info.Version, items = "3.0", l.Contents
			info.Page, info.TotalPages, info.Last = deref(l.PageNumber), deref(l.TotalPages), derefB(l.LastPage)
		case l.Content != nil || l.TotalPagesV1 != nil:
			info.Version, items = "1.0", l.Content
			info.Page, info.TotalPages, info.Last = deref(l.Number), deref(l.TotalPagesV1), derefB(l.Last)
		default:
			return nil, info, fmt.Errorf("not an ORUK services list: no contents (3.0) or content (1.0) array")
		}
		if info.TotalPages > 0 && info.Page >= info.TotalPages {
			info.Last = true
		}
		if len(items) == 0 {
			info.Last = true
		}
	}
	var out []Service
	for i, raw := range items {
		s, err := x.ORUKService(raw)
		if err != nil {
			return out, info, fmt.Errorf("ORUK service %d on the page: %w", i+1, err)
		}
		out = append(out, s)
	}
	return out, info, nil
}

type orukService struct {
	ID              json.RawMessage `json:"id"`
	Name            string          `json:"name"`
	Description     string          `json:"description"`
	URL             string          `json:"url"`
	Email           string          `json:"email"`
	Status          string          `json:"status"`
	Fees            string          `json:"fees"`
	FeesDescription string          `json:"fees_description"`
	MinimumAge      *float64        `json:"minimum_age"`
	MaximumAge      *float64        `json:"maximum_age"`
	Eligibility     string          `json:"eligibility_description"`
	AssuredDate     string          `json:"assured_date"`
	LastModified    string          `json:"last_modified"`
	Eligibilitys    []struct {
		Eligibility string   `json:"eligibility"`
		MinimumAge  *float64 `json:"minimum_age"`
		MaximumAge  *float64 `json:"maximum_age"`
	} `json:"eligibilitys"`
	Attributes []struct {
		TaxonomyTerm struct {
			Name     string `json:"name"`
			Taxonomy string `json:"taxonomy"`
		} `json:"taxonomy_term"`
	} `json:"attributes"`
	ServiceTaxonomys []struct {
		Taxonomy struct {
			Name       string `json:"name"`
			Vocabulary string `json:"vocabulary"`
		} `json:"taxonomy"`
	} `json:"service_taxonomys"`
	CostOptions []struct {
		Option            string   `json:"option"`
		Amount            *float64 `json:"amount"`
		AmountDescription string   `json:"amount_description"`
	} `json:"cost_options"`
	Contacts []struct {
		Email  string `json:"email"`
		Phones []struct {
			Number string `json:"number"`
		} `json:"phones"`
	} `json:"contacts"`
	Phones []struct {
		Number string `json:"number"`
	} `json:"phones"`
	// Open Place (Placecube) extras on live 1.0 feeds.
	TargetAudience []struct {
		AudienceType string `json:"audienceType"`
	} `json:"pc_targetAudience"`
	Metadata struct {
		Modified string `json:"modified"`
		Assured  string `json:"assured"`
	} `json:"pc_metadata"`
	AccessInfo string `json:"pc_attendingAccess_additionalInfo"`
}

// ORUKService reads one service record of either version.
func (x *Extractor) ORUKService(raw []byte) (Service, error) {
	var o orukService
	if err := json.Unmarshal(raw, &o); err != nil {
		return Service{}, err
	}
	s := Service{ID: strings.Trim(string(o.ID), `"`), Name: strings.TrimSpace(o.Name), URL: o.URL, Source: "oruk"}
	if s.ID == "" || s.ID == "null" {
		return s, fmt.Errorf("service %q has no id", o.Name)
	}
	s.Description = plainText(o.Description)
	s.LastUpdated = firstNonEmpty(o.LastModified, o.Metadata.Modified, o.AssuredDate, o.Metadata.Assured)
	s.Status = strings.TrimSpace(o.Status)
	s.HasWebsite = strings.TrimSpace(o.URL) != ""
	s.Eligibility = plainText(o.Eligibility)
	// Ages: 3.0 on the service, 1.0 in eligibilitys; -1 means "no limit".
	s.AgeMin, s.AgeMax = age(o.MinimumAge), age(o.MaximumAge)
	words := s.Name + "\n" + s.Description + "\n" + o.Eligibility
	for _, e := range o.Eligibilitys {
		if s.AgeMin == nil {
			s.AgeMin = age(e.MinimumAge)
		}
		if s.AgeMax == nil {
			s.AgeMax = age(e.MaximumAge)
		}
		words += "\n" + e.Eligibility
		if s.Eligibility == "" {
			s.Eligibility = plainText(e.Eligibility)
		}
	}
	// Target audiences ("Autism", "Young carers") name needs as taxonomy terms do.
	for _, a := range o.TargetAudience {
		if n := strings.TrimSpace(a.AudienceType); n != "" {
			s.Categories = append(s.Categories, n)
			words += "\n" + n
		}
	}
	for _, a := range o.Attributes {
		if n := a.TaxonomyTerm.Name; n != "" {
			s.Categories = append(s.Categories, n)
			words += "\n" + n
		}
	}
	for _, t := range o.ServiceTaxonomys {
		if n := t.Taxonomy.Name; n != "" {
			s.Categories = append(s.Categories, n)
			words += "\n" + n
		}
	}
	s.NeedTypes = x.needCodes(words)
	// Live feeds put ages only in the description's words ("aged 16 to 25").
	if s.AgeMin == nil && s.AgeMax == nil {
		s.AgeMin, s.AgeMax = ageRange(s.Description + "\n" + s.Eligibility + "\n" + plainText(o.AccessInfo))
	}
	if s.Eligibility == "" {
		s.Eligibility = eligibility(s.Description)
	}
	fees := firstNonEmpty(o.FeesDescription, o.Fees)
	switch {
	case len(o.CostOptions) > 0:
		var parts []string
		for _, c := range o.CostOptions {
			p := strings.TrimSpace(c.Option)
			if c.Amount != nil {
				p = strings.TrimSpace(fmt.Sprintf("%s £%.2f %s", p, *c.Amount, c.AmountDescription))
			}
			parts = append(parts, p)
		}
		s.Cost = "charged: " + strings.Join(parts, "; ")
	case fees != "":
		s.Cost = cost(fees)
		if s.Cost == "" {
			s.Cost = fees
		}
	default:
		s.Cost = cost(s.Description)
	}
	s.HasEmail = o.Email != ""
	s.HasPhone = len(o.Phones) > 0
	for _, c := range o.Contacts {
		s.HasEmail = s.HasEmail || c.Email != ""
		s.HasPhone = s.HasPhone || len(c.Phones) > 0
	}
	return s, nil
}

// ORUKDetailed says whether a list item already carries the nested parts
// (taxonomies, eligibility, contacts) or the full record must be fetched.
func ORUKDetailed(raw []byte) bool {
	var o orukService
	if json.Unmarshal(raw, &o) != nil {
		return false
	}
	return len(o.Attributes) > 0 || len(o.ServiceTaxonomys) > 0 || len(o.Eligibilitys) > 0 || len(o.Contacts) > 0
}

func age(f *float64) *int {
	if f == nil || *f < 0 {
		return nil
	}
	n := int(*f)
	return &n
}

func deref(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

func derefB(p *bool) bool { return p != nil && *p }

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

// plainText strips the HTML most feeds put in descriptions.
func plainText(s string) string {
	if !strings.Contains(s, "<") {
		return strings.TrimSpace(s)
	}
	t, err := documents.HTML([]byte("<html><body>"+s+"</body></html>"), "text/html; charset=utf-8")
	if err != nil {
		return s
	}
	return documents.Normalise(t.Body)
}

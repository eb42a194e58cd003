// Package register reads what the DfE publishes about schools, as it really
// comes: the register (the "all establishment data" CSV from Get Information
// About Schools, GIAS) and the SEN statistics per school and year. Files arrive in
// Windows-1252 or UTF-8 with or without a byte-order mark, with columns in any
// order and names that change between years, and websites typed by hand.
package register

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// School is one establishment from the register. Fields the register leaves blank
// are zero (strings) or nil (numbers).
type School struct {
	URN                        int
	Name                       string
	LACode                     string
	LAName                     string
	LAONSCode                  string // E10000016
	RegionName                 string
	EstablishmentNumber        string
	Type                       string
	TypeGroup                  string
	Status                     string
	Phase                      string
	LowAge                     *int
	HighAge                    *int
	Website                    string
	WebsiteAsGiven             string
	Town                       string
	Postcode                   string
	DistrictCode               string
	DistrictName               string
	Pupils                     *int
	SENProvisionTypes          []string
	ResourcedProvisionType     string
	ResourcedProvisionOnRoll   *int
	ResourcedProvisionCapacity *int
	SENUnitOnRoll              *int
	SENUnitCapacity            *int
}

// Skip says why a row of the file was not imported.
type Skip struct {
	Line   int
	URN    string
	Reason string
}

// Result is what Read found in a register file.
type Result struct {
	Rows     int      // data rows read
	Schools  []School // rows to import
	Skipped  []Skip   // rows left out, with the reason
	Warnings []Skip   // rows imported with something dropped (e.g. an unusable website)
	Encoding string   // "utf-8", "utf-8 with BOM" or "windows-1252"
}

// Options choose which rows Read keeps.
type Options struct {
	// AllStatuses keeps closed and proposed schools too; by default only schools
	// that are open (including "Open, but proposed to close") are kept.
	AllStatuses bool
}

// The columns sendscope needs; a file without them is not the register.
var required = []string{"URN", "EstablishmentName", "LA (code)", "LA (name)", "EstablishmentStatus (name)", "SchoolWebsite"}

// Read parses a register file. name is used in error messages. A file that is not
// the register (binary, empty, missing columns, malformed CSV) is an error naming
// the file and line; a bad row is skipped with its reason.
func Read(r io.Reader, name string, opt Options) (*Result, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	text, enc, err := decode(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.ReuseRecord = false
	header, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: the file is empty; expected the GIAS all-establishments CSV with a header row (URN, EstablishmentName, ...)", name)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: line 1: not a CSV header: %v", name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(h)] = i
	}
	var missing []string
	for _, h := range required {
		if _, ok := col[h]; !ok {
			missing = append(missing, h)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s: line 1: not the DfE school register: missing column(s) %s; download 'all establishment data' from Get Information About Schools",
			name, strings.Join(quoteAll(missing), ", "))
	}
	get := func(rec []string, h string) string {
		i, ok := col[h]
		if !ok || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	res := &Result{Encoding: enc}
	seen := map[int]int{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("%s: line %d: malformed CSV (%v); the file may be cut short or not the register", name, pe.Line, pe.Err)
			}
			return nil, fmt.Errorf("%s: line %d: %v", name, line, err)
		}
		res.Rows++
		urnText := get(rec, "URN")
		urn, err := strconv.Atoi(urnText)
		if err != nil || urn <= 0 {
			res.Skipped = append(res.Skipped, Skip{Line: line, URN: urnText, Reason: fmt.Sprintf("URN %q is not a number", urnText)})
			continue
		}
		status := get(rec, "EstablishmentStatus (name)")
		if !opt.AllStatuses && !isOpen(status) {
			res.Skipped = append(res.Skipped, Skip{Line: line, URN: urnText, Reason: "status " + strconv.Quote(status)})
			continue
		}
		if first, dup := seen[urn]; dup {
			res.Skipped = append(res.Skipped, Skip{Line: line, URN: urnText, Reason: fmt.Sprintf("URN repeated (first on line %d)", first)})
			continue
		}
		seen[urn] = line
		s := School{
			URN:                        urn,
			Name:                       get(rec, "EstablishmentName"),
			LACode:                     get(rec, "LA (code)"),
			LAName:                     get(rec, "LA (name)"),
			LAONSCode:                  get(rec, "GSSLACode (name)"),
			RegionName:                 get(rec, "GOR (name)"),
			EstablishmentNumber:        get(rec, "EstablishmentNumber"),
			Type:                       get(rec, "TypeOfEstablishment (name)"),
			TypeGroup:                  get(rec, "EstablishmentTypeGroup (name)"),
			Status:                     status,
			Phase:                      get(rec, "PhaseOfEducation (name)"),
			LowAge:                     number(get(rec, "StatutoryLowAge")),
			HighAge:                    number(get(rec, "StatutoryHighAge")),
			WebsiteAsGiven:             get(rec, "SchoolWebsite"),
			Town:                       get(rec, "Town"),
			Postcode:                   get(rec, "Postcode"),
			DistrictCode:               get(rec, "DistrictAdministrative (code)"),
			DistrictName:               get(rec, "DistrictAdministrative (name)"),
			Pupils:                     number(get(rec, "NumberOfPupils")),
			ResourcedProvisionType:     get(rec, "TypeOfResourcedProvision (name)"),
			ResourcedProvisionOnRoll:   number(get(rec, "ResourcedProvisionOnRoll")),
			ResourcedProvisionCapacity: number(get(rec, "ResourcedProvisionCapacity")),
			SENUnitOnRoll:              number(get(rec, "SenUnitOnRoll")),
			SENUnitCapacity:            number(get(rec, "SenUnitCapacity")),
		}
		if s.Name == "" {
			res.Skipped = append(res.Skipped, Skip{Line: line, URN: urnText, Reason: "no EstablishmentName"})
			continue
		}
		for i := 1; i <= 13; i++ {
			if code := senCode(get(rec, fmt.Sprintf("SEN%d (name)", i))); code != "" {
				s.SENProvisionTypes = append(s.SENProvisionTypes, code)
			}
		}
		if s.WebsiteAsGiven != "" {
			w, err := NormaliseWebsite(s.WebsiteAsGiven)
			if err != nil {
				res.Warnings = append(res.Warnings, Skip{Line: line, URN: urnText, Reason: "website dropped: " + err.Error()})
			}
			s.Website = w
		}
		res.Schools = append(res.Schools, s)
	}
	if res.Rows == 0 {
		return nil, fmt.Errorf("%s: line 2: the register has a header but no schools", name)
	}
	return res, nil
}

// decode returns the file as UTF-8 text. The real download is Windows-1252; a copy
// re-saved by a spreadsheet may be UTF-8, with or without a byte-order mark.
func decode(raw []byte) (string, string, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return "", "", errors.New("the file is empty; expected the GIAS all-establishments CSV")
	}
	head := raw
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return "", "", errors.New("line 1: this is a binary file, not a CSV (is it the zip or an Excel file? save or extract it as CSV)")
	}
	if b, ok := bytes.CutPrefix(raw, []byte("\xef\xbb\xbf")); ok {
		if !utf8.Valid(b) {
			return "", "", errors.New("the file starts with a UTF-8 mark but is not valid UTF-8")
		}
		return string(b), "utf-8 with BOM", nil
	}
	if utf8.Valid(raw) {
		return string(raw), "utf-8", nil
	}
	s, err := charmap.Windows1252.NewDecoder().Bytes(raw)
	if err != nil {
		return "", "", fmt.Errorf("cannot decode as Windows-1252: %w", err)
	}
	return string(s), "windows-1252", nil
}

func isOpen(status string) bool {
	s := strings.ToLower(status)
	return s == "open" || strings.HasPrefix(s, "open,") || strings.HasPrefix(s, "open but")
}

// senCode turns a register label such as "ASD - Autistic Spectrum Disorder" into
// the census code the rest of sendscope uses ("ASD"; "SPLD" becomes "SpLD").
func senCode(label string) string {
	code, _, _ := strings.Cut(label, " - ")
	code = strings.ToUpper(strings.TrimSpace(code))
	switch code {
	case "":
		return ""
	case "SPLD":
		return "SpLD"
	}
	return code
}

func number(s string) *int {
	if s == "" {
		return nil
	}
	n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
	if err != nil {
		return nil
	}
	return &n
}

// NormaliseWebsite turns a register website into an absolute URL the crawler can
// use: a scheme is added where missing ("www.x.sch.uk" -> "http://www.x.sch.uk/"),
// the scheme and host are lower-cased, an empty path becomes "/".
func NormaliseWebsite(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", nil
	}
	if strings.ContainsAny(s, " \t") {
		return "", fmt.Errorf("%q contains spaces", raw)
	}
	lower := strings.ToLower(s)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		if strings.Contains(s, "://") {
			return "", fmt.Errorf("%q is not a web address", raw)
		}
		s = "http://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("%q is not a web address", raw)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if u.Hostname() == "" || (!strings.Contains(u.Hostname(), ".") && u.Hostname() != "localhost") {
		return "", fmt.Errorf("%q has no host name", raw)
	}
	if u.Path == "" {
		u.Path = "/"
	}
	u.Fragment = ""
	return u.String(), nil
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(s)
	}
	return out
}

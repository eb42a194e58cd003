package reports

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Workbooks show words where people expect them, with the code beside so a
// reader can find it in the data dictionary, the export and the SQL.

// needNames are the school census's primary-need codes (and ADHD, which reports name).
var needNames = map[string]string{
	"ASD":  "Autism",
	"SEMH": "Social, emotional and mental health",
	"SLCN": "Speech, language and communication needs",
	"SpLD": "Specific learning difficulty",
	"SPLD": "Specific learning difficulty",
	"MLD":  "Moderate learning difficulty",
	"SLD":  "Severe learning difficulty",
	"PMLD": "Profound and multiple learning difficulty",
	"HI":   "Hearing impairment",
	"VI":   "Vision impairment",
	"MSI":  "Multi-sensory impairment",
	"PD":   "Physical disability",
	"ADHD": "Attention deficit hyperactivity disorder",
	"OTH":  "Other difficulty or disability",
	"NSA":  "SEN support, no specialist assessment of need",
}

// areaNames are the Code of Practice's four broad areas of need.
var areaNames = map[string]string{
	"cognition_learning":        "Cognition and learning",
	"communication_interaction": "Communication and interaction",
	"semh":                      "Social, emotional and mental health",
	"sensory_physical":          "Sensory and/or physical",
}

// fieldNames are the facts' fields as a reader says them.
var fieldNames = map[string]string{
	"senco.name":             "SENCO's name",
	"senco.email":            "SENCO's e-mail",
	"senco.phone":            "SENCO's phone",
	"senco.days_per_week":    "SENCO days per week",
	"senco.hours_per_week":   "SENCO hours per week",
	"senco.fte":              "SENCO full-time equivalent",
	"senco.qualification":    "SENCO qualification",
	"senco.on_slt":           "SENCO on the senior leadership team",
	"governor.name":          "SEN governor's name",
	"need.area":              "Broad area of need",
	"need.type":              "Type of need",
	"provision.specialist":   "Specialist provision",
	"provision.intervention": "Intervention or therapy",
	"stats.sen_percent":      "Pupils with SEN (%)",
	"stats.sen_count":        "Pupils with SEN",
	"stats.ehcp_count":       "Pupils with EHC plans",
	"stats.number_on_roll":   "Pupils on roll",
	"report.stated_year":     "Year the report states",
	"statutory.item":         "Statutory item covered",
}

// withCode is "Words (code)", or the code alone when there are no words for it.
func withCode(words, code string) string {
	if words == "" || words == code {
		return code
	}
	return words + " (" + code + ")"
}

// needLabel is a census need code as words with the code: "Autism (ASD)".
func needLabel(code string) string { return withCode(needNames[code], code) }

// needWords is a need in a sentence: "autism", "SEMH".
func needWords(code string) string {
	switch code {
	case "ASD":
		return "Autism"
	case "SEMH", "SLCN", "ADHD":
		return code
	}
	if n, ok := needNames[code]; ok {
		return n
	}
	return code
}

// areaLabel is a broad area of need with its code.
func areaLabel(code string) string { return withCode(areaNames[code], code) }

// fieldLabel is a fact's field with its code.
func fieldLabel(field string) string { return withCode(fieldNames[field], field) }

// listLabels turns a list of codes ("a;b") into labels, one per line.
func listLabels(list string, label func(string) string) string {
	var out []string
	for _, c := range strings.Split(list, ";") {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, label(c))
		}
	}
	return strings.Join(out, "\n")
}

// factValue is a fact's value as words where it is a code.
func factValue(field, value string, items map[string]string) string {
	switch field {
	case "need.type":
		return needLabel(value)
	case "need.area":
		return areaLabel(value)
	case "statutory.item":
		return withCode(items[value], value)
	case "provision.specialist":
		// kind:need, e.g. resourced_provision:ASD
		if kind, need, ok := strings.Cut(value, ":"); ok {
			return withCode(sentenceCase(strings.ReplaceAll(kind, "_", " "))+" for "+lowerFirst(needWords(need)), value)
		}
	}
	return value
}

// codeWords are the parts of column names that are abbreviations.
var codeWords = map[string]string{
	"la": "LA", "urn": "URN", "senco": "SENCO", "sen": "SEN", "ehcp": "EHC plan", "url": "URL", "id": "ID",
	"pct": "%", "q1": "lower quartile", "q3": "upper quartile", "slt": "SLT", "fte": "FTE", "dfe": "DfE",
	"ons": "ONS", "oruk": "ORUK", "semh": "SEMH", "asd": "autism", "num": "number", "lo": "Local Offer",
}

// columnWords are column names whose words are not just their parts.
var columnWords = map[string]string{
	"academic_year":                  "Academic year",
	"places_per_100_pupils":          "Specialist places per 100 pupils with the need",
	"pupils_with_need":               "Pupils with the need",
	"need_type":                      "Type of need",
	"gap_rank":                       "Rank (1 = fewest places per 100 pupils)",
	"need_outgrowing_places":         "Need growing faster than places",
	"schools_with_suppressed_counts": "Schools whose count the DfE suppressed",
	"sen_pupils_per_senco_hour":      "Pupils with SEN per SENCO hour",
	"ehcp_rate":                      "EHC plans per 100 pupils",
	"sen_support_rate":               "SEN support per 100 pupils",
	"share_of_plans":                 "Share of plans (per 100)",
	"change_pct":                     "Change since previous year (%)",
	"new_la_code":                    "LA ONS code",
	"score":                          "Compliance score",
	"items_missing":                  "Statutory items missing",
	"items_covered":                  "Statutory items covered",
}

// columnLabel is an analysis column's name in words: "places_per_100_pupils" ->
// "Specialist places per 100 pupils with the need".
func columnLabel(col string) string {
	if l, ok := columnWords[col]; ok {
		return l
	}
	parts := strings.Split(col, "_")
	for i, p := range parts {
		if w, ok := codeWords[p]; ok {
			parts[i] = w
		}
	}
	return sentenceCase(strings.Join(parts, " "))
}

// headerWithCode is a column header: its words, and the column's name under
// them (always, so a reader or a script finds the name on the last line).
func headerWithCode(col string) string {
	return columnLabel(col) + "\n" + col
}

func sentenceCase(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// lowerFirst lowers a leading capital unless the word is an abbreviation (SEMH).
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	if next, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// itemName is a statutory item's short name in words: "additional_support" ->
// "Additional support".
func itemName(short string) string {
	return sentenceCase(strings.ReplaceAll(short, "_", " "))
}

// reasonWords are outcome reasons as a reader says them.
var reasonWords = map[string]string{
	"no_candidate":           "no page read as the report",
	"budget":                 "page limit reached",
	"dns":                    "the name does not resolve",
	"timeout":                "timed out",
	"tls":                    "secure connection failed",
	"refused":                "connection refused",
	"reset":                  "connection reset",
	"too_many_redirects":     "too many redirects",
	"requests_failed":        "requests failed",
	"robots_home":            "robots.txt forbids the home page",
	"robots_link":            "robots.txt forbids the link to the report",
	"bad_website":            "the register's website is not usable",
	"no_website":             "no website in the register",
	"script_built_home_page": "the home page is built by scripts",
}

// reasonLabel is an outcome reason with its code.
func reasonLabel(code string) string {
	if code == "" {
		return ""
	}
	if w, ok := reasonWords[code]; ok {
		return withCode(w, code)
	}
	if strings.HasPrefix(code, "http_") {
		return withCode("the site answered "+strings.TrimPrefix(code, "http_"), code)
	}
	return code
}

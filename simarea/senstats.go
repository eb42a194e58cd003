package simarea

import (
	"fmt"
	"strings"
)

// The DfE's SEN statistics for the simulated schools, in the files' own tidy
// form: a totals file and a primary-need file, for two years.

var simYears = []string{"202425", "202526"}

// SENStatsCSV is the totals file: pupils, EHC plans, SEN support.
func (a *Area) SENStatsCSV() []byte {
	var b strings.Builder
	b.WriteString("time_period,time_identifier,geographic_level,old_la_code,la_name,urn,school_name,total_pupils,ehc_plan,sen_support\n")
	for yi, y := range simYears {
		for i, p := range a.Profiles {
			ehcp := fmt.Sprint(p.EHCP - (1-yi)*(i%3))
			if i%11 == 4 {
				ehcp = "x" // suppressed, as the DfE does for small numbers
			}
			support := int(float64(p.Pupils)*p.SENPercent/100) - p.EHCP
			fmt.Fprintf(&b, "%s,Academic year,School,%s,%s,%d,%q,%d,%s,%d\n", y, p.LACode, p.LAName, p.URN, p.Name, p.Pupils, ehcp, max(support, 0))
		}
	}
	return []byte(b.String())
}

var simNeedLabels = map[string]string{
	"ASD": "Autistic Spectrum Disorder", "SEMH": "Social, Emotional and Mental Health", "SLCN": "Speech, Language and Communication Needs",
	"SpLD": "Specific Learning Difficulty", "MLD": "Moderate Learning Difficulty", "HI": "Hearing Impairment", "VI": "Visual Impairment",
	"PD": "Physical Disability", "ADHD": "Social, Emotional and Mental Health", "SLD": "Severe Learning Difficulty",
}

// SENNeedCSV is the primary-need file: pupils by provision and need. Autism and
// SEMH grow from one year to the next, as they have nationally.
func (a *Area) SENNeedCSV() []byte {
	var b strings.Builder
	b.WriteString("time_period,time_identifier,geographic_level,old_la_code,la_name,urn,school_name,sen_provision,primary_need,number_of_pupils\n")
	for yi, y := range simYears {
		for i, p := range a.Profiles {
			for j, n := range []string{"ASD", "SEMH", "SLCN", "MLD", "SpLD"} {
				base := 2 + (i*7+j*3)%9
				if n == "ASD" || n == "SEMH" {
					base += yi * (1 + i%3)
				}
				fmt.Fprintf(&b, "%s,Academic year,School,%s,%s,%d,%q,EHC plan,%q,%d\n", y, p.LACode, p.LAName, p.URN, p.Name, simNeedLabels[n], base/3)
				fmt.Fprintf(&b, "%s,Academic year,School,%s,%s,%d,%q,SEN support,%q,%d\n", y, p.LACode, p.LAName, p.URN, p.Name, simNeedLabels[n], base)
			}
		}
	}
	return []byte(b.String())
}

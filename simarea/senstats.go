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

// The published headers of the DfE's "Education, health and care plans" LA
// tables (2025 release): EHC plans by primary need, and by placement.
const (
	ehcpNeedsHeader    = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehc_plans,number_asd,number_hi,number_mld,number_msi,number_oth,number_pd,number_pmld,number_semh,number_slcn,number_sld,number_spld,number_vi,number_need_unknown"
	ehcpCaseloadHeader = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans,mainstream_la_maintained,mainstream_la_maintained_resourced_provision,mainstream_la_maintained_senunit,mainstream_academy,mainstream_academy_resourced_provision,mainstream_academy_senunit,special_la_maintained,special_academy_free,special_independent,special_non_maintained,placement_unknown"
)

// simLAs are the simulated area's LAs with made-up ONS codes.
var simLAs = []struct{ code, ons, name string }{{"998", "E06000998", "Testshire"}, {"997", "E06000997", "Exampleton"}}

// EHCPNeedsCSV is the LA table of EHC plans by primary need for the simulated LAs,
// three January censuses, with a National row and an age breakdown the import
// reads past. Autism and SEMH grow fastest, as they have nationally.
func (a *Area) EHCPNeedsCSV() []byte {
	var b strings.Builder
	b.WriteString(ehcpNeedsHeader + "\r\n")
	for yi, year := range []string{"2023", "2024", "2025"} {
		fmt.Fprintf(&b, "%s,Calendar year,National,E92000001,England,,,,,,Total,All EHC plans,x,x,x,x,x,x,x,x,x,x,x,x,x,x\r\n", year)
		for li, l := range simLAs {
			// asd hi mld msi oth pd pmld semh slcn sld spld vi unknown
			n := []int{900 + 150*yi + 40*li, 30, 260 + 5*yi, 6, 40, 70, 35, 420 + 90*yi, 520 + 40*yi, 110, 90, 20, 15}
			if yi == 0 && li == 1 {
				n[3] = -1 // suppressed
			}
			total, cells := 0, make([]string, len(n))
			for i, v := range n {
				if v < 0 {
					cells[i] = "x"
					continue
				}
				total += v
				cells[i] = fmt.Sprint(v)
			}
			fmt.Fprintf(&b, "%s,Calendar year,Local authority,E92000001,England,E12000009,South West,%s,%s,%s,Total,All EHC plans,%d,%s\r\n",
				year, l.ons, l.code, l.name, total, strings.Join(cells, ","))
			fmt.Fprintf(&b, "%s,Calendar year,Local authority,E92000001,England,E12000009,South West,%s,%s,%s,Age,Under age 5,40,20,1,2,0,1,1,2,3,8,1,0,1,0\r\n",
				year, l.ons, l.code, l.name)
		}
	}
	return []byte(b.String())
}

// EHCPCaseloadCSV is the LA table of EHC plans by placement for the simulated
// LAs: more placed in independent special schools each year.
func (a *Area) EHCPCaseloadCSV() []byte {
	var b strings.Builder
	b.WriteString(ehcpCaseloadHeader + "\r\n")
	for yi, year := range []string{"2023", "2024", "2025"} {
		for li, l := range simLAs {
			p := []int{900 + 50*yi, 60 + 10*yi, 25, 800 + 60*yi, 45 + 5*yi, 20, 600 + 40*yi, 300, 120 + 45*yi + 10*li, 30, 5}
			total, cells := 0, make([]string, len(p))
			for i, v := range p {
				total += v
				cells[i] = fmt.Sprint(v)
			}
			fmt.Fprintf(&b, "%s,Calendar year,Local authority,E92000001,England,E12000009,South West,%s,%s,%s,Total,Total,%d,%s\r\n",
				year, l.ons, l.code, l.name, total, strings.Join(cells, ","))
		}
	}
	return []byte(b.String())
}

package register

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func ip(n int) *int { return &n }

func eq(a, b *int) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

func show(p *int) string {
	if p == nil {
		return "?"
	}
	return fmt.Sprint(*p)
}

// readFixture reads a file of testdata through a collector.
func readFixture(t *testing.T, name string) (*SENStats, *SENCollector) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c := &SENCollector{}
	res, err := ReadSENStats(f, name, c)
	if err != nil {
		t.Fatal(err)
	}
	return res, c
}

// needSums is pupils per "urn need" over both provisions, "?" marking a
// suppressed part: "100001 ASD=27".
func needSums(c *SENCollector) []string {
	sum := map[string]int{}
	unknown := map[string]bool{}
	for _, n := range c.NeedRows {
		k := fmt.Sprintf("%d %s", n.URN, n.NeedType)
		if n.Pupils == nil {
			unknown[k] = true
		} else {
			sum[k] += *n.Pupils
		}
	}
	var out []string
	for k, v := range sum {
		s := fmt.Sprintf("%s=%d", k, v)
		if unknown[k] {
			s += "+?"
		}
		out = append(out, s)
	}
	for k := range unknown {
		if _, ok := sum[k]; !ok {
			out = append(out, k+"=?")
		}
	}
	sort.Strings(out)
	return out
}

func totalsOf(c *SENCollector) []string {
	var out []string
	for _, t := range c.TotalRows {
		out = append(out, fmt.Sprintf("%d %s pupils=%s ehcp=%s support=%s", t.URN, t.Year, show(t.Pupils), show(t.EHCP), show(t.SENSupport)))
	}
	sort.Strings(out)
	return out
}

func has(list []string, want ...string) error {
	set := map[string]bool{}
	for _, l := range list {
		set[l] = true
	}
	for _, w := range want {
		if !set[w] {
			return fmt.Errorf("missing %q in %v", w, list)
		}
	}
	return nil
}

// TestSENSchoolFiles reads each published shape. Hand-worked from the fixtures:
// in the long file a pupil is counted once, from the rows whose unit type is
// 'All pupils' (the 'Resourced provision' and 'SEN unit' rows, the 'No
// identified SEN' row and the need-across-provisions row are read past); 100001
// has ASD 7 (EHC) + 20 (SEN support) = 27.
func TestSENSchoolFiles(t *testing.T) {
	cases := []struct {
		file, shape, encoding string
		years                 []string
		totals, needs         []string
		suppressed, schools   int
		flags                 int
		labels                []string
		readPast              int
	}{
		{file: "sen-school-2024-25-long.csv", shape: ShapeLong, encoding: "utf-8 with BOM", years: []string{"2024/25"},
			totals: []string{"100001 2024/25 pupils=420 ehcp=12 support=60", "100002 2024/25 pupils=210 ehcp=? support=30", "100003 2024/25 pupils=120 ehcp=120 support=0"},
			needs: []string{"100001 ASD=27", "100001 SEMH=30", "100001 SLCN=15", "100002 ASD=9+?", "100002 SEMH=2+?", "100002 MSI=1",
				"100003 ASD=70", "100003 SEMH=30", "100003 SLD=20"},
			// x (EHC total), x (EHC ASD), low (SUP SEMH): all at 100002.
			suppressed: 3, schools: 1, flags: 3 * 12, labels: []string{"sen_primary_need: Telepathic needs (1 rows)"},
			// 100001: 2 unit-type rows, No identified SEN, ASD across provisions; 100003: a SEN unit row.
			readPast: 5},
		{file: "sen-school-2022-23-wide.csv", shape: ShapeWide, encoding: "utf-8", years: []string{"2022/23"},
			totals: []string{"100001 2022/23 pupils=410 ehcp=10 support=55", "100002 2022/23 pupils=200 ehcp=4 support=28", "100003 2022/23 pupils=115 ehcp=115 support=0"},
			needs: []string{"100001 ASD=24", "100001 SEMH=23", "100001 SLCN=13", "100001 MLD=5", "100002 ASD=8+?", "100002 SEMH=11", "100002 SpLD=10", "100002 PD=3",
				"100003 ASD=65+?", "100003 SEMH=28", "100003 SLD=22", "100003 OTH=0", "100003 NSA=0"},
			suppressed: 2, schools: 2, flags: 3 * 14},
		{file: "sen-school-2018-19-wide.csv", shape: ShapeWide, encoding: "windows-1252", years: []string{"2018/19"},
			totals:     []string{"100001 2018/19 pupils=400 ehcp=8 support=50", "100002 2018/19 pupils=190 ehcp=3 support=25", "100003 2018/19 pupils=110 ehcp=110 support=0"},
			needs:      []string{"100001 ASD=19", "100001 SEMH=21", "100002 ASD=6+?", "100002 SEMH=10", "100003 ASD=60", "100003 SEMH=25"},
			suppressed: 1, schools: 1},
		// School Action + School Action Plus = SEN support: 30 + 14 = 44; 20 + 9 = 29.
		{file: "sen-school-2012-13-wide.csv", shape: ShapeWide, encoding: "utf-8", years: []string{"2012/13"},
			totals:     []string{"100001 2012/13 pupils=380 ehcp=6 support=44", "100002 2012/13 pupils=180 ehcp=? support=29"},
			suppressed: 1, schools: 1},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			res, col := readFixture(t, c.file)
			if res.Shape != c.shape || res.Encoding != c.encoding || strings.Join(res.Years, ",") != strings.Join(c.years, ",") {
				t.Errorf("shape %q encoding %q years %v; want %q %q %v", res.Shape, res.Encoding, res.Years, c.shape, c.encoding, c.years)
			}
			if got := totalsOf(col); strings.Join(got, "\n") != strings.Join(c.totals, "\n") {
				t.Errorf("totals:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.totals, "\n"))
			}
			if err := has(needSums(col), c.needs...); err != nil {
				t.Error(err)
			}
			if c.needs == nil && len(col.NeedRows) > 0 {
				t.Errorf("need rows from a file without need columns: %v", needSums(col))
			}
			if res.Suppressed != c.suppressed || res.SuppressedSchools != c.schools {
				t.Errorf("suppressed %d values in %d schools, want %d in %d", res.Suppressed, res.SuppressedSchools, c.suppressed, c.schools)
			}
			if len(col.FlagRows) != c.flags {
				t.Errorf("%d flags, want %d", len(col.FlagRows), c.flags)
			}
			if strings.Join(res.UnrecognisedLabels, ";") != strings.Join(c.labels, ";") || len(res.Unrecognised) > 0 {
				t.Errorf("labels not recognised %v (want %v), columns not used %v", res.UnrecognisedLabels, c.labels, res.Unrecognised)
			}
			if c.readPast > 0 && res.ReadPast != c.readPast {
				t.Errorf("read past %d rows, want %d", res.ReadPast, c.readPast)
			}
		})
	}
}

// TestSENSchoolFlags: what the DfE records each school as providing for.
func TestSENSchoolFlags(t *testing.T) {
	for file, want := range map[string][]string{
		"sen-school-2024-25-long.csv": {"100001 provides_for:ASD true", "100001 provides_for:SEMH false", "100003 provides_for:SEMH true"},
		"sen-school-2022-23-wide.csv": {"100001 provides_for:ASD true", "100001 resourced_provision true", "100001 sen_unit false", "100003 provides_for:SEMH true", "100002 provides_for:SpLD false"},
	} {
		_, c := readFixture(t, file)
		var got []string
		for _, f := range c.FlagRows {
			v := "?"
			if f.Provides != nil {
				v = fmt.Sprint(*f.Provides)
			}
			got = append(got, fmt.Sprintf("%d %s %s", f.URN, f.Flag, v))
		}
		if err := has(got, want...); err != nil {
			t.Errorf("%s: %v", file, err)
		}
	}
}

// TestLAEHCPTables reads the LA tables: only Local authority rows and the
// aggregate breakdown; the old_la_code whatever the column order.
func TestLAEHCPTables(t *testing.T) {
	res, c := readFixture(t, "ehcp-sen-needs-2025.csv")
	if res.Shape != ShapeLANeed || res.Suppressed != 1 || res.SuppressedSchools != 1 || len(res.Unrecognised) != 0 {
		t.Errorf("%+v", res)
	}
	got := map[string]string{}
	for _, r := range c.LARows {
		got[r.LACode+" "+r.Year+" "+r.Category] = show(r.Plans)
		if r.LACode == "801" && (r.LAName != "Bristol, City of" || r.NewLACode != "E06000023") {
			t.Errorf("Bristol: %+v", r)
		}
	}
	// 3 LA-year rows x (ALL + 13 needs): the National, Regional and age rows read past.
	if len(c.LARows) != 3*14 || res.ReadPast != 3 {
		t.Errorf("%d LA figures, %d rows read past; want 42 and 3", len(c.LARows), res.ReadPast)
	}
	for k, v := range map[string]string{"886 2024 ALL": "20000", "886 2024 ASD": "7000", "886 2025 ASD": "8000", "886 2025 MSI": "?",
		"886 2025 UNKNOWN": "300", "801 2025 SEMH": "600", "801 2025 SpLD": "100"} {
		if got[k] != v {
			t.Errorf("%s = %s, want %s", k, got[k], v)
		}
	}

	res, c = readFixture(t, "ehcp-caseload-2025.csv")
	if res.Shape != ShapeLACaseload || res.ReadPast != 1 {
		t.Errorf("%+v", res)
	}
	got = map[string]string{}
	for _, r := range c.LARows {
		got[r.LACode+" "+r.Year+" "+r.Category] = show(r.Plans)
		if r.Topic != "placement" || strings.HasSuffix(r.Category, "_pc") {
			t.Errorf("%+v", r)
		}
	}
	for k, v := range map[string]string{"886 2025 ALL": "22000", "886 2025 special_independent": "1800", "886 2024 special_independent": "1500",
		"886 2025 mainstream_academy_resourced_provision": "400", "801 2025 mainstream_la_maintained_resourced_provision": "?", "886 2025 await_prov_2022": "?"} {
		if got[k] != v {
			t.Errorf("%s = %s, want %s", k, got[k], v)
		}
	}
}

// TestSENLabelsByMeaning: labels drift in case and wording between releases.
func TestSENLabelsByMeaning(t *testing.T) {
	for label, want := range map[string]string{
		"Autistic Spectrum Disorder": "ASD", "autistic spectrum disorder": "ASD", "Social, Emotional and Mental Health": "SEMH",
		"Behaviour, Emotional and Social Difficulties": "SEMH", "Speech, Language and Communications needs": "SLCN",
		"Speech, language and Communication": "SLCN", "Other Difficulty/Disability": "OTH", "Profound & Multiple Learning Difficulty": "PMLD",
		"SEN support but no specialist assessment of type of need": "NSA", "Multi-Sensory Impairment": "MSI", "Specific Learning Difficulty": "SpLD",
		"All pupils": "", "Total": "", "Something new": "",
	} {
		if got := NeedCode(label); got != want {
			t.Errorf("NeedCode(%q) = %q, want %q", label, got, want)
		}
	}
	for label, want := range map[string]string{
		"Education, health and care plan": "ehc_plan", "EHC plan": "ehc_plan", "Statement or EHC plan": "ehc_plan",
		"SEN support / SEN without an EHC plan": "sen_support", "SEN support": "sen_support", "SEN No Statement or EHC": "sen_support",
		"All pupils": "all", "Total": "all", "No identified SEN": "no_sen",
	} {
		if got, _, _ := lookupLabel("provision", label); got != want {
			t.Errorf("provision %q = %q, want %q", label, got, want)
		}
	}
}

func TestSENStatsBadInput(t *testing.T) {
	res, err := ReadSENStats(strings.NewReader("time_period,urn,total_pupils,ehc_plan,sen_support,mystery\n202425,abc,1,1,1,q\n2024,100001,1,1,1,q\n202425,100002,lots,1,1,q\n202425,100003,5,1,1,q\n"), "s.csv", &SENCollector{})
	if err != nil {
		t.Fatal(err)
	}
	if res.SkippedCount != 3 || strings.Join(res.Unrecognised, ",") != "mystery" {
		t.Errorf("skipped %+v unrecognised %v", res.Skipped, res.Unrecognised)
	}
	for bad, says := range map[string]string{
		"name,email\nA,b\n":                      "columns seen: name, email",
		"urn,time_period,colour\n1,202425,red\n": "columns seen: urn, time_period, colour",
		"":                                       "empty",
		"time_period,school_urn,specialist_provision_unit_type,sen_provision,sen_primary_need,pupil_count\n202425,1,Resourced provision,Total,Total,4\n": "aggregate",
		"time_period,geographic_level,old_la_code,breakdown_topic,breakdown,ehc_plans,number_asd\n2025,Local authority,886,Age,Under 5,10,4\n":           "aggregate breakdown",
	} {
		c := &SENCollector{}
		_, err := ReadSENStats(strings.NewReader(bad), "bad.csv", c)
		if err == nil || !strings.Contains(err.Error(), "bad.csv") || !strings.Contains(err.Error(), says) {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

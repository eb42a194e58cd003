package register

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func ip(n int) *int { return &n }

func eq(a, b *int) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

func TestSENStatsColumnsOfEveryYear(t *testing.T) {
	cases := []struct {
		name, data string
		want       SENTotals
	}{
		{"2024 tidy", "time_period,geographic_level,urn,total_pupils,ehc_plan,sen_support\n202425,School,100001,420,12,x\n",
			SENTotals{URN: 100001, Year: "2024/25", Pupils: ip(420), EHCP: ip(12)}},
		{"older names", "Year,URN,Total pupils,EHC plan,SEN support\n2019/20,100002,300,c,41\n",
			SENTotals{URN: 100002, Year: "2019/20", Pupils: ip(300), SENSupport: ip(41)}},
		{"before 2014", "time_period,urn,pupils,Statements,School Action,School Action Plus\n201213,100003,250,5,20,11\n",
			SENTotals{URN: 100003, Year: "2012/13", Pupils: ip(250), EHCP: ip(5), SENSupport: ip(31)}},
	}
	for _, c := range cases {
		res, err := ReadSENStats(strings.NewReader(c.data), c.name+".csv")
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if res.Kind != "totals" || len(res.Totals) != 1 {
			t.Fatalf("%s: %+v", c.name, res)
		}
		g := res.Totals[0]
		if g.URN != c.want.URN || g.Year != c.want.Year || !eq(g.Pupils, c.want.Pupils) || !eq(g.EHCP, c.want.EHCP) || !eq(g.SENSupport, c.want.SENSupport) {
			t.Errorf("%s: got %+v", c.name, g)
		}
	}
}

func TestSENStatsBadInput(t *testing.T) {
	res, err := ReadSENStats(strings.NewReader("time_period,urn,total_pupils,ehc_plan,sen_support,mystery\n202425,abc,1,1,1,q\n2024,100001,1,1,1,q\n202425,100002,lots,1,1,q\n202425,100003,5,1,1,q\n"), "s.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Totals) != 1 || len(res.Skipped) != 3 || strings.Join(res.Unrecognised, ",") != "mystery" {
		t.Errorf("totals %d skipped %+v unrecognised %v", len(res.Totals), res.Skipped, res.Unrecognised)
	}
	for _, bad := range []string{"name,email\nA,b\n", "urn,time_period,colour\n1,202425,red\n", ""} {
		if _, err := ReadSENStats(strings.NewReader(bad), "bad.csv"); err == nil || !strings.Contains(err.Error(), "bad.csv") {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

func TestSENNeedFile(t *testing.T) {
	data := "time_period,urn,sen_provision,primary_need,number_of_pupils\n" +
		"202425,100001,EHC plan,Autistic Spectrum Disorder,7\n" +
		"202425,100001,SEN support,\"Social, Emotional and Mental Health\",x\n" +
		"202425,100001,SEN support,Profound & Multiple Learning Difficulty,2\n" +
		"202425,100001,SEN support,Something new,3\n"
	res, err := ReadSENStats(strings.NewReader(data), "n.csv")
	if err != nil {
		t.Fatal(err)
	}
	if res.Kind != "need" || len(res.Needs) != 3 || len(res.Skipped) != 1 {
		t.Fatalf("%+v", res)
	}
	if n := res.Needs[1]; n.NeedType != "SEMH" || n.Provision != "sen_support" || n.Pupils != nil {
		t.Errorf("suppressed row: %+v", n)
	}
	if n := res.Needs[2]; n.NeedType != "PMLD" || *n.Pupils != 2 {
		t.Errorf("%+v", n)
	}
}

func TestSharedSENSamples(t *testing.T) {
	for file, rows := range map[string]int{"sen-stats-sample.csv": 38, "sen-need-sample.csv": 417} {
		path := filepath.Join("..", "..", "shared", "data", file)
		f, err := os.Open(path)
		if err != nil {
			t.Skipf("no shared sample at %s", path)
		}
		res, err := ReadSENStats(f, path)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got := len(res.Totals) + len(res.Needs); got != rows || len(res.Skipped) != 0 || res.Encoding != "windows-1252" {
			t.Errorf("%s: %d rows loaded (want %d), skipped %v, %s", file, got, rows, res.Skipped, res.Encoding)
		}
	}
}

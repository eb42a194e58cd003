package register

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

const header = "URN,LA (code),LA (name),EstablishmentName,EstablishmentStatus (name),PhaseOfEducation (name),SchoolWebsite,SEN1 (name),TypeOfResourcedProvision (name),ResourcedProvisionCapacity\n"

func TestReadEncodings(t *testing.T) {
	rows := "100001,998,Testshire,St Anne’s Primary School,Open,Primary,www.stannes.example.sch.uk,ASD - Autistic Spectrum Disorder,Resourced provision,14\n"
	utf8Text := header + rows
	w1252, err := charmap.Windows1252.NewEncoder().String(utf8Text)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, data, enc string
	}{
		{"windows-1252", w1252, "windows-1252"},
		{"utf-8", utf8Text, "utf-8"},
		{"utf-8 with BOM", "\xef\xbb\xbf" + utf8Text, "utf-8 with BOM"},
	}
	for _, c := range cases {
		res, err := Read(strings.NewReader(c.data), c.name+".csv", Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if res.Encoding != c.enc || len(res.Schools) != 1 {
			t.Fatalf("%s: encoding %q, %d schools", c.name, res.Encoding, len(res.Schools))
		}
		s := res.Schools[0]
		if s.Name != "St Anne’s Primary School" || s.URN != 100001 || s.Website != "http://www.stannes.example.sch.uk/" {
			t.Errorf("%s: got %+v", c.name, s)
		}
		if len(s.SENProvisionTypes) != 1 || s.SENProvisionTypes[0] != "ASD" || s.ResourcedProvisionCapacity == nil || *s.ResourcedProvisionCapacity != 14 {
			t.Errorf("%s: provision %v %v", c.name, s.SENProvisionTypes, s.ResourcedProvisionCapacity)
		}
	}
}

func TestNormaliseWebsite(t *testing.T) {
	cases := []struct{ in, want string }{
		{"www.x.sch.uk", "http://www.x.sch.uk/"},
		{"HTTP://WWW.GREENFIELDS.EXAMPLE.SCH.UK", "http://www.greenfields.example.sch.uk/"},
		{"https://riverside.example.org.uk/", "https://riverside.example.org.uk/"},
		{"http://www.stjohns.example.sch.uk/index.php", "http://www.stjohns.example.sch.uk/index.php"},
		{"  westgate.example.org.uk  ", "http://westgate.example.org.uk/"},
		{"", ""},
	}
	for _, c := range cases {
		got, err := NormaliseWebsite(c.in)
		if err != nil || got != c.want {
			t.Errorf("%q: got %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"not a website", "ftp://x.example", "localhostish"} {
		if got, err := NormaliseWebsite(bad); err == nil {
			t.Errorf("%q: accepted as %q", bad, got)
		}
	}
}

func TestReadRejectsWhatIsNotTheRegister(t *testing.T) {
	cases := []struct {
		name, data, want string
	}{
		{"empty", "", "empty"},
		{"binary", "PK\x03\x04\x00\x00binary", "binary"},
		{"other csv", "a,b,c\n1,2,3\n", `line 1: not the DfE school register: missing column(s) "URN"`},
		{"header only", header, "line 2: the register has a header but no schools"},
		{"ragged", header + "100001,998,Testshire,A School,Open\n", "line 2: malformed CSV"},
		{"bad quote", header + "100001,998,\"Testshire,A,Open,Primary,www.a.sch.uk,,,\n", "malformed CSV"},
	}
	for _, c := range cases {
		_, err := Read(strings.NewReader(c.data), "upload.csv", Options{})
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "upload.csv") {
			t.Errorf("%s: got %v, want an error naming upload.csv and %q", c.name, err, c.want)
		}
	}
}

func TestReadSkipsWithReasons(t *testing.T) {
	data := header +
		"100001,998,Testshire,Open School,Open,Primary,www.a.example.sch.uk,,,\n" +
		"100002,998,Testshire,Closed School,Closed,Primary,www.b.example.sch.uk,,,\n" +
		"abc,998,Testshire,No URN School,Open,Primary,,,,\n" +
		"100001,998,Testshire,Repeated School,Open,Primary,,,,\n" +
		"100003,998,Testshire,Closing School,\"Open, but proposed to close\",Primary,bad website here,,,\n"
	res, err := Read(strings.NewReader(data), "r.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Rows != 5 || len(res.Schools) != 2 || len(res.Skipped) != 3 || len(res.Warnings) != 1 {
		t.Fatalf("rows %d schools %d skipped %v warnings %v", res.Rows, len(res.Schools), res.Skipped, res.Warnings)
	}
	if res.Skipped[0].Line != 3 || !strings.Contains(res.Skipped[0].Reason, "Closed") {
		t.Errorf("skip 0: %+v", res.Skipped[0])
	}
	if res.Schools[1].Website != "" {
		t.Errorf("bad website kept: %q", res.Schools[1].Website)
	}
}

// TestSharedSample reads the register sample in ../shared (the real format with
// made-up rows) when it is there, as it is in CI.
func TestSharedSample(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "data", "gias-sample.csv")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("shared sample not found at %s", path)
	}
	res, err := Read(bytes.NewReader(data), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Encoding != "windows-1252" || len(res.Schools) != 19 || len(res.Skipped) != 1 {
		t.Fatalf("encoding %s, %d schools, skipped %v", res.Encoding, len(res.Schools), res.Skipped)
	}
	byURN := map[int]School{}
	for _, s := range res.Schools {
		byURN[s.URN] = s
	}
	if _, ok := byURN[880118]; ok {
		t.Error("the closed school was imported")
	}
	checks := []struct {
		urn           int
		name, website string
	}{
		{880100, "St Mary’s Catholic Primary School", "http://www.stmarys-rc.example.sch.uk/"},
		{880114, "Greenfields Infant and Nursery School", "http://www.greenfields.example.sch.uk/"},
		{880107, "Brook Lane Special School", "http://www.brooklane.example.sch.uk/"},
		{880105, "Moorside Community Primary School", ""},
		{880113, "Meadowbank Junior School", "http://www.meadowbank-jun.example.sch.uk/"},
	}
	for _, c := range checks {
		s := byURN[c.urn]
		if s.Name != c.name || s.Website != c.website {
			t.Errorf("%d: got %q %q, want %q %q", c.urn, s.Name, s.Website, c.name, c.website)
		}
	}
}

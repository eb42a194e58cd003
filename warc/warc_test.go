package warc

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestWriteAndReadBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run1.warc.gz")
	w, err := Create(path, "sendscope-test")
	if err != nil {
		t.Fatal(err)
	}
	bodies := [][]byte{[]byte("<html>SEND</html>"), bytes.Repeat([]byte("%PDF-1.4 binary \x00\xff"), 5000), {}}
	var locs []Location
	for i, b := range bodies {
		loc, err := w.WriteExchange(Exchange{
			URL: "http://school.example/send/" + string(rune('a'+i)), RequestHdr: http.Header{"User-Agent": {"sendscope/0.1"}},
			Status: 200, ResponseHdr: http.Header{"Content-Type": {"text/html"}, "Content-Encoding": {"gzip"}}, Body: b,
			Date: time.Date(2025, 9, 15, 9, 0, 0, 0, time.UTC),
		})
		if err != nil {
			t.Fatal(err)
		}
		locs = append(locs, loc)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	for i, loc := range locs {
		r, err := ReadRecord(path, loc.Offset)
		if err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		status, hdr, body, err := r.Response()
		if err != nil || status != 200 || !bytes.Equal(body, bodies[i]) || hdr.Get("Content-Encoding") != "" || hdr.Get("Content-Type") != "text/html" {
			t.Errorf("record %d: %d %v %d bytes %v", i, status, hdr, len(body), err)
		}
		if r.Headers["Warc-Target-Uri"] == "" && r.Headers["WARC-Target-URI"] == "" {
			t.Errorf("record %d lacks its URI: %v", i, r.Headers)
		}
	}
	types := map[string]int{}
	if err := Scan(path, func(off int64, r Record) error { types[r.Type]++; return nil }); err != nil {
		t.Fatal(err)
	}
	if types["warcinfo"] != 1 || types["response"] != 3 || types["request"] != 3 {
		t.Errorf("records %v", types)
	}
	if gz, err := exec.LookPath("gzip"); err == nil {
		if out, err := exec.Command(gz, "-t", path).CombinedOutput(); err != nil {
			t.Errorf("gzip -t: %v %s", err, out)
		}
	}
}

func TestDamageIsDetected(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.warc.gz")
	w, _ := Create(path, "t")
	loc, _ := w.WriteExchange(Exchange{URL: "http://x/", Status: 200, Body: []byte("hello")})
	w.Close()
	data, _ := os.ReadFile(path)
	os.WriteFile(path, data[:loc.Offset+loc.Length/2], 0o644)
	if _, err := ReadRecord(path, loc.Offset); err == nil {
		t.Error("a record cut in half was read without error")
	}
	if _, err := ReadRecord(path, 3); err == nil {
		t.Error("reading from a wrong offset gave no error")
	}
}

// TestReadByWarcio has webrecorder's warcio (npm) index our file: a standard
// tool must find every record at the offset we recorded.
func TestReadByWarcio(t *testing.T) {
	bin := os.Getenv("WARCIO")
	if bin == "" {
		bin, _ = exec.LookPath("warcio")
	}
	if bin == "" {
		t.Skip("warcio not found (set WARCIO or put it on PATH; .ci/run installs it from npm)")
	}
	path := filepath.Join(t.TempDir(), "w.warc.gz")
	w, err := Create(path, "sendscope-test")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for i := 0; i < 3; i++ {
		loc, _ := w.WriteExchange(Exchange{URL: fmt.Sprintf("http://school.example/%d", i), Status: 200, Body: []byte(strings.Repeat("x", i*1000))})
		want = append(want, fmt.Sprintf(`{"offset":%d,"warc-type":"response"`, loc.Offset))
	}
	w.Close()
	out, err := exec.Command(bin, "index", path).CombinedOutput()
	if err != nil {
		t.Fatalf("warcio: %v\n%s", err, out)
	}
	for _, wnt := range want {
		if !strings.Contains(string(out), wnt) {
			t.Errorf("warcio's index lacks %s:\n%s", wnt, out)
		}
	}
	if got := strings.Count(string(out), "\n"); got != 7 {
		t.Errorf("warcio indexed %d records, want 7:\n%s", got, out)
	}
}

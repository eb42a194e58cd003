package crawler

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sendscope/sendscope/simarea"
)

// proxiedSchool is a school at a realistic name behind an intercepting proxy on
// loopback: only the proxy knows the name.
func proxiedSchool(t *testing.T) (*simarea.Proxy, string) {
	t.Helper()
	p, err := simarea.StartProxy()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><body><a href="/send/">SEND</a></body></html>`))
	})
	mux.HandleFunc("/send/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><body><a href="/docs/sen-information-report.pdf">SEN Information Report</a></body></html>`))
	})
	mux.HandleFunc("/docs/sen-information-report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write(report.PDF())
	})
	p.Handle("www.oakfield-primary.sch.uk", mux)
	ca := filepath.Join(t.TempDir(), "gateway-ca.pem")
	if err := p.WriteCA(ca); err != nil {
		t.Fatal(err)
	}
	return p, ca
}

func foundReport(res Result) bool {
	for _, pg := range res.Pages {
		if strings.HasSuffix(pg.FinalURL, "/sen-information-report.pdf") && len(pg.Body) > 0 {
			return true
		}
	}
	return false
}

func TestCrawlThroughInterceptingProxy(t *testing.T) {
	p, ca := proxiedSchool(t)
	cases := []struct {
		name, home, caFile string
		wantFound          bool
		wantReason         string
	}{
		{"https with the gateway's CA", "https://www.oakfield-primary.sch.uk/", ca, true, ""},
		{"http", "http://www.oakfield-primary.sch.uk/", "", true, ""},
		{"https without the gateway's CA", "https://www.oakfield-primary.sch.uk/", "", false, "tls"},
		{"a literal private address is still refused", "http://10.20.30.40/", ca, false, "private_address"},
		{"localhost is still refused", "http://localhost/", ca, false, "private_address"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := testConfig()
			cfg.AllowPrivate = false // the proxy on loopback is exempt; nothing else is
			cfg.Proxy, cfg.CAFile = p.URL, c.caFile
			before := len(p.Hosts())
			res := New(cfg).CrawlSite(context.Background(), Site{ID: 1, Home: c.home})
			if got := foundReport(res); got != c.wantFound {
				t.Fatalf("found %v, want %v (status %s %s, fetches %+v)", got, c.wantFound, res.Status, res.Reason, res.Fetches)
			}
			if c.wantReason != "" && res.Reason != c.wantReason {
				t.Errorf("reason %q, want %q", res.Reason, c.wantReason)
			}
			if c.wantReason == "private_address" && len(p.Hosts()) != before {
				t.Errorf("the proxy was asked for %v", p.Hosts())
			}
		})
	}
	if len(p.Requested("www.oakfield-primary.sch.uk")) == 0 {
		t.Error("the school was not reached through the proxy")
	}
}

func TestProxyFromEnvironment(t *testing.T) {
	cases := []struct {
		name                      string
		httpsProxy, noProxy, flag string
		target                    string
		want                      string
	}{
		{"HTTPS_PROXY for https", "http://proxy.council.gov.uk:8080", "", "", "https://www.school.sch.uk/", "http://proxy.council.gov.uk:8080"},
		{"no scheme reads as http", "proxy.council.gov.uk:3128", "", "", "https://www.school.sch.uk/", "http://proxy.council.gov.uk:3128"},
		{"NO_PROXY by domain", "http://proxy.council.gov.uk:8080", ".sch.uk", "", "https://www.school.sch.uk/", ""},
		{"NO_PROXY elsewhere", "http://proxy.council.gov.uk:8080", "intranet.council.gov.uk", "", "https://www.school.sch.uk/", "http://proxy.council.gov.uk:8080"},
		{"--proxy replaces the environment", "http://proxy.council.gov.uk:8080", "", "http://gw.example:9000", "https://www.school.sch.uk/", "http://gw.example:9000"},
		{"--proxy keeps NO_PROXY", "", "school.sch.uk", "http://gw.example:9000", "https://www.school.sch.uk/", ""},
		{"nothing set", "", "", "", "https://www.school.sch.uk/", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, k := range []string{"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy", "REQUEST_METHOD"} {
				t.Setenv(k, "")
				os.Unsetenv(k)
			}
			if c.httpsProxy != "" {
				t.Setenv("HTTPS_PROXY", c.httpsProxy)
			}
			if c.noProxy != "" {
				t.Setenv("NO_PROXY", c.noProxy)
			}
			pf, err := proxyFunc(c.flag)
			if err != nil {
				t.Fatal(err)
			}
			u, _ := url.Parse(c.target)
			got, err := pf(u)
			if err != nil {
				t.Fatal(err)
			}
			gs := ""
			if got != nil {
				gs = got.String()
			}
			if gs != c.want {
				t.Errorf("proxy %q, want %q", gs, c.want)
			}
		})
	}
}

func TestBadNetworkSettingsRefused(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.pem")
	notPEM := filepath.Join(t.TempDir(), "ca.pem")
	os.WriteFile(notPEM, []byte("not a certificate"), 0o644)
	for _, cfg := range []Config{{Proxy: "ftp://proxy:21"}, {Proxy: "http://"}, {CAFile: missing}, {CAFile: notPEM}} {
		if err := cfg.CheckNetwork(); err == nil {
			t.Errorf("%+v accepted", cfg)
		}
	}
}

// TestSSLCertFile runs a crawl in a child process whose only knowledge of the
// gateway's CA is SSL_CERT_FILE, as a council's machine would be set up.
func TestSSLCertFile(t *testing.T) {
	if os.Getenv("SENDSCOPE_CHILD_PROXY") != "" {
		cfg := testConfig()
		cfg.AllowPrivate = false
		res := New(cfg).CrawlSite(context.Background(), Site{ID: 1, Home: "https://www.oakfield-primary.sch.uk/"})
		if !foundReport(res) {
			t.Fatalf("not found through HTTPS_PROXY with SSL_CERT_FILE: %s %s %+v", res.Status, res.Reason, res.Fetches)
		}
		return
	}
	p, ca := proxiedSchool(t)
	cmd := exec.Command(os.Args[0], "-test.run=^TestSSLCertFile$", "-test.count=1")
	cmd.Env = append(os.Environ(), "SENDSCOPE_CHILD_PROXY=1", "HTTPS_PROXY="+p.URL, "NO_PROXY=", "SSL_CERT_FILE="+ca)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child crawl failed: %v\n%s", err, out)
	}
	if len(p.Requested("www.oakfield-primary.sch.uk")) == 0 {
		t.Error("the child did not go through the proxy")
	}
}

package crawler

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/http/httpproxy"
)

// A council's machines reach the web through the council's proxy. We honour
// HTTPS_PROXY, HTTP_PROXY and NO_PROXY as Go's http.ProxyFromEnvironment does
// (read when the crawler is made, not once per process), and --proxy, which
// replaces HTTP(S)_PROXY but keeps NO_PROXY.

// proxyFunc chooses the proxy for each request.
func proxyFunc(flag string) (func(*url.URL) (*url.URL, error), error) {
	env := httpproxy.FromEnvironment()
	if flag != "" {
		u, err := parseProxy(flag)
		if err != nil {
			return nil, err
		}
		env.HTTPProxy, env.HTTPSProxy = u.String(), u.String()
	}
	for _, p := range []string{env.HTTPProxy, env.HTTPSProxy} {
		if p != "" {
			if _, err := parseProxy(p); err != nil {
				return nil, err
			}
		}
	}
	return env.ProxyFunc(), nil
}

func parseProxy(s string) (*url.URL, error) {
	if !strings.Contains(s, "://") {
		s = "http://" + s // as ProxyFromEnvironment reads "proxy.council.gov.uk:8080"
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("proxy %q is not a URL such as http://proxy.council.gov.uk:8080", s)
	}
	switch u.Scheme {
	case "http", "https", "socks5", "socks5h":
	default:
		return nil, fmt.Errorf("proxy %q: scheme %q is not http, https or socks5", s, u.Scheme)
	}
	return u, nil
}

// proxyAddr is the address the transport dials for a proxy URL.
func proxyAddr(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443", "socks5": "1080", "socks5h": "1080"}[u.Scheme]
	}
	return net.JoinHostPort(strings.ToLower(u.Hostname()), port)
}

// exemptAddrs are the proxies in use: usually on the council's own network, so
// exempt from the private-address refusal that guards every other dial.
type exemptAddrs struct{ m sync.Map }

func (e *exemptAddrs) add(u *url.URL) { e.m.Store(proxyAddr(u), true) }
func (e *exemptAddrs) has(addr string) bool {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	_, ok := e.m.Load(net.JoinHostPort(strings.ToLower(host), port))
	return ok
}

// exemptDialer dials proxies directly and everything else through the checked dialer.
func exemptDialer(exempt *exemptAddrs, checked, plain func(context.Context, string, string) (net.Conn, error)) func(context.Context, string, string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		if exempt.has(addr) {
			return plain(ctx, network, addr)
		}
		return checked(ctx, network, addr)
	}
}

// privateURL says why a URL names a private place by itself ("" when it does
// not): a literal internal IP or localhost. Through a proxy the proxy resolves
// names, so this is the check we can still make; directly, the dialer checks
// the resolved address too.
func privateURL(u *url.URL) string {
	h := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return h
	}
	if ip, err := netip.ParseAddr(h); err == nil && IsPrivate(ip) {
		return h
	}
	return ""
}

// guardTransport refuses URLs that name private places unless allowed, and
// reports a setup error (a bad proxy or CA file) on every request.
type guardTransport struct {
	next         http.RoundTripper
	allowPrivate bool
	setupErr     error
}

func (g *guardTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if g.setupErr != nil {
		return nil, g.setupErr
	}
	if !g.allowPrivate {
		if h := privateURL(req.URL); h != "" {
			return nil, fmt.Errorf("%w (%s); pass --allow-private to crawl it", ErrPrivateAddress, h)
		}
	}
	return g.next.RoundTrip(req)
}

// rootCAs is the system's pool (which reads SSL_CERT_FILE and SSL_CERT_DIR)
// plus the certificates in caFile, when given: a council gateway that inspects
// TLS signs with its own CA.
func rootCAs(caFile string) (*x509.CertPool, error) {
	if caFile == "" {
		return nil, nil // the system's, read by crypto/tls itself
	}
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, fmt.Errorf("CA file: %w", err)
	}
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("CA file %s holds no PEM certificate (export the gateway's CA as PEM)", caFile)
	}
	return pool, nil
}

// CheckNetwork checks the proxy and CA settings, so that a command can refuse
// them in one line before it starts.
func (c Config) CheckNetwork() error {
	if _, err := proxyFunc(c.Proxy); err != nil {
		return err
	}
	_, err := rootCAs(c.CAFile)
	return err
}

// newBaseTransport is the HTTP transport under the polite one.
func newBaseTransport(cfg Config) http.RoundTripper {
	exempt := &exemptAddrs{}
	pf, perr := proxyFunc(cfg.Proxy)
	pool, cerr := rootCAs(cfg.CAFile)
	setupErr := perr
	if setupErr == nil {
		setupErr = cerr
	}
	t := &http.Transport{
		Proxy: func(req *http.Request) (*url.URL, error) {
			if pf == nil {
				return nil, nil
			}
			u, err := pf(req.URL)
			if u != nil {
				exempt.add(u)
			}
			return u, err
		},
		DialContext:           exemptDialer(exempt, newDialer(cfg.AllowPrivate, dialTimeout), (&net.Dialer{Timeout: dialTimeout}).DialContext),
		TLSHandshakeTimeout:   dialTimeout,
		ResponseHeaderTimeout: cfg.Timeout,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       30 * time.Second,
		ForceAttemptHTTP2:     true,
	}
	if pool != nil {
		t.TLSClientConfig = &tls.Config{RootCAs: pool}
	}
	return &guardTransport{next: t, allowPrivate: cfg.AllowPrivate, setupErr: setupErr}
}

const dialTimeout = 10 * time.Second

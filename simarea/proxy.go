package simarea

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"
)

// Proxy is a council's web gateway on loopback: an HTTP proxy that answers for
// named hosts (www.oakfield.sch.uk, files.schudio.com ...) from handlers, so that
// tests and the demo crawl realistic host names the way a council's machines
// reach the web. https is intercepted as councils' gateways do: CONNECT is
// answered, TLS is terminated with a certificate for the host signed by the
// proxy's own CA (CAPEM), and the request is served in the clear behind it.
type Proxy struct {
	URL   string // http://127.0.0.1:port, for --proxy or HTTPS_PROXY
	CAPEM []byte // the interception CA, for SSL_CERT_FILE or --ca-file

	ln    net.Listener
	srv   *http.Server
	caKey *ecdsa.PrivateKey
	ca    *x509.Certificate

	mu       sync.Mutex
	hosts    map[string]http.Handler
	certs    map[string]*tls.Certificate
	log      []string // "host/path?query" as requested, in order
	inflight map[string]int
	maxIn    map[string]int
	wg       sync.WaitGroup
	conns    map[net.Conn]bool
}

// StartProxy starts a proxy on loopback that knows no host yet (see Handle).
func StartProxy() (*Proxy, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "Simulated Council Web Gateway CA", Organization: []string{"sendscope simarea"}},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(10 * 24 * time.Hour),
		IsCA:                  true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, err
	}
	ca, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &Proxy{
		URL: "http://" + ln.Addr().String(), CAPEM: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		ln: ln, caKey: key, ca: ca,
		hosts: map[string]http.Handler{}, certs: map[string]*tls.Certificate{},
		inflight: map[string]int{}, maxIn: map[string]int{}, conns: map[net.Conn]bool{},
	}
	p.srv = &http.Server{Handler: http.HandlerFunc(p.serveProxy), ReadHeaderTimeout: 10 * time.Second}
	go p.srv.Serve(ln)
	return p, nil
}

// Handle serves host (a name without port) with h, for http and https.
func (p *Proxy) Handle(host string, h http.Handler) {
	p.mu.Lock()
	p.hosts[strings.ToLower(host)] = h
	p.mu.Unlock()
}

// WriteCA writes the interception CA as PEM, for SSL_CERT_FILE or --ca-file.
func (p *Proxy) WriteCA(path string) error { return os.WriteFile(path, p.CAPEM, 0o644) }

// Requested lists what was asked of host, as path?query, in order.
func (p *Proxy) Requested(host string) []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for _, l := range p.log {
		if h, rest, _ := strings.Cut(l, "/"); h == host {
			out = append(out, "/"+rest)
		}
	}
	return out
}

// Hosts lists the hosts asked for anything, in first-request order.
func (p *Proxy) Hosts() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	seen := map[string]bool{}
	var out []string
	for _, l := range p.log {
		h, _, _ := strings.Cut(l, "/")
		if !seen[h] {
			seen[h] = true
			out = append(out, h)
		}
	}
	return out
}

// MaxInFlight is the most requests host was serving at once.
func (p *Proxy) MaxInFlight(host string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.maxIn[host]
}

// Close stops the proxy and every connection through it.
func (p *Proxy) Close() {
	p.srv.Close()
	p.mu.Lock()
	for c := range p.conns {
		c.Close()
	}
	p.mu.Unlock()
	p.wg.Wait()
}

func (p *Proxy) handler(host string) http.Handler {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.hosts[strings.ToLower(host)]
}

// serve answers one request for a named host, counting what each host serves at once.
func (p *Proxy) serve(w http.ResponseWriter, r *http.Request, host string) {
	h := p.handler(host)
	if h == nil {
		// What a gateway says when the name does not resolve.
		http.Error(w, "proxy: unknown host "+host, http.StatusBadGateway)
		return
	}
	p.mu.Lock()
	p.log = append(p.log, host+r.URL.RequestURI())
	p.inflight[host]++
	p.maxIn[host] = max(p.maxIn[host], p.inflight[host])
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		p.inflight[host]--
		p.mu.Unlock()
	}()
	h.ServeHTTP(w, r)
}

func (p *Proxy) serveProxy(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodConnect {
		p.intercept(w, r)
		return
	}
	if !r.URL.IsAbs() {
		http.Error(w, "proxy: absolute URL expected", http.StatusBadRequest)
		return
	}
	r.RequestURI = ""
	p.serve(w, r, r.URL.Hostname())
}

// intercept terminates a CONNECT tunnel's TLS with a certificate for the host
// and serves the requests inside it.
func (p *Proxy) intercept(w http.ResponseWriter, r *http.Request) {
	host, _, err := net.SplitHostPort(r.Host)
	if err != nil {
		host = r.Host
	}
	if p.handler(host) == nil {
		http.Error(w, "proxy: unknown host "+host, http.StatusBadGateway)
		return
	}
	hj, ok := w.(http.Hijacker)
	if !ok {
		http.Error(w, "proxy: cannot hijack", http.StatusInternalServerError)
		return
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		return
	}
	if _, err := conn.Write([]byte("HTTP/1.1 200 Connection established\r\n\r\n")); err != nil {
		conn.Close()
		return
	}
	tc := tls.Server(conn, &tls.Config{GetCertificate: func(*tls.ClientHelloInfo) (*tls.Certificate, error) { return p.cert(host) }})
	p.mu.Lock()
	p.conns[conn] = true
	p.wg.Add(1)
	p.mu.Unlock()
	inner := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.URL.Scheme, r.URL.Host = "https", r.Host
		p.serve(w, r, host)
	}), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		defer p.wg.Done()
		inner.Serve(&oneConn{c: tc, done: make(chan struct{})})
		p.mu.Lock()
		delete(p.conns, conn)
		p.mu.Unlock()
	}()
}

// cert is a leaf certificate for host signed by the proxy's CA.
func (p *Proxy) cert(host string) (*tls.Certificate, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if c, ok := p.certs[host]; ok {
		return c, nil
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()),
		Subject:      pkix.Name{CommonName: host},
		DNSNames:     []string{host},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, p.ca, &key.PublicKey, p.caKey)
	if err != nil {
		return nil, fmt.Errorf("proxy: certificate for %s: %w", host, err)
	}
	c := &tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
	p.certs[host] = c
	return c, nil
}

// oneConn is a listener that yields one connection, then waits for it to close.
type oneConn struct {
	c    net.Conn
	once sync.Once
	used bool
	done chan struct{}
}

func (l *oneConn) Accept() (net.Conn, error) {
	if !l.used {
		l.used = true
		return &closeNotify{Conn: l.c, l: l}, nil
	}
	<-l.done
	return nil, errors.New("closed")
}

func (l *oneConn) Close() error {
	l.once.Do(func() { close(l.done) })
	return nil
}
func (l *oneConn) Addr() net.Addr { return l.c.LocalAddr() }

type closeNotify struct {
	net.Conn
	l *oneConn
}

func (c *closeNotify) Close() error {
	err := c.Conn.Close()
	c.l.Close()
	return err
}

// Package warc writes and reads web archive files (WARC 1.1, ISO 28500): each
// record gzipped on its own, so that one record can be read back from its offset
// years later, and standard tools (warcio, gzip) can read the whole file.
package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/textproto"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Record is one WARC record.
type Record struct {
	Type    string // warcinfo, request, response
	Headers map[string]string
	Block   []byte
}

// Exchange is one HTTP request and its response, as the crawler saw them.
type Exchange struct {
	URL         string
	Method      string
	RequestHdr  http.Header
	Status      int
	Proto       string // "HTTP/1.1"
	ResponseHdr http.Header
	Body        []byte
	Date        time.Time
	IP          string // the server address, when known
}

// Location says where a response record lies: the file, the offset of its gzip
// member, and the member's length in bytes.
type Location struct {
	File   string
	Offset int64
	Length int64
}

// Writer appends records to one WARC file. It is safe for use by one goroutine
// at a time (the store's writer owns it).
type Writer struct {
	mu   sync.Mutex
	f    *os.File
	path string
	off  int64
}

// Create starts a new WARC file at path with a warcinfo record naming software.
func Create(path, software string) (*Writer, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, fmt.Errorf("creating WARC file: %w", err)
	}
	w := &Writer{f: f, path: path}
	info := fmt.Sprintf("software: %s\r\nformat: WARC File Format 1.1\r\nconformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n", software)
	_, err = w.write(Record{Type: "warcinfo", Headers: map[string]string{
		"WARC-Filename": filenameOf(path), "Content-Type": "application/warc-fields",
	}, Block: []byte(info)}, time.Now())
	if err != nil {
		f.Close()
		return nil, err
	}
	return w, nil
}

func filenameOf(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}

// Path is the file being written.
func (w *Writer) Path() string { return w.path }

// Size is the number of bytes written so far.
func (w *Writer) Size() int64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.off
}

// WriteExchange archives a request and its response and returns where the
// response record lies.
func (w *Writer) WriteExchange(x Exchange) (Location, error) {
	if x.Date.IsZero() {
		x.Date = time.Now()
	}
	if x.Method == "" {
		x.Method = http.MethodGet
	}
	if x.Proto == "" {
		x.Proto = "HTTP/1.1"
	}
	respID := newID()
	var resp bytes.Buffer
	fmt.Fprintf(&resp, "%s %d %s\r\n", x.Proto, x.Status, http.StatusText(x.Status))
	hdr := x.ResponseHdr.Clone()
	if hdr == nil {
		hdr = http.Header{}
	}
	// The body is stored as decoded by the HTTP client: say so truthfully.
	hdr.Del("Content-Encoding")
	hdr.Del("Transfer-Encoding")
	hdr.Set("Content-Length", strconv.Itoa(len(x.Body)))
	hdr.Write(&resp)
	resp.WriteString("\r\n")
	resp.Write(x.Body)
	headers := map[string]string{
		"WARC-Record-ID":      respID,
		"WARC-Target-URI":     x.URL,
		"Content-Type":        "application/http;msgtype=response",
		"WARC-Payload-Digest": digest(x.Body),
	}
	if x.IP != "" {
		headers["WARC-IP-Address"] = x.IP
	}
	loc, err := w.write(Record{Type: "response", Headers: headers, Block: resp.Bytes()}, x.Date)
	if err != nil {
		return loc, err
	}
	var req bytes.Buffer
	u := x.URL
	host, path := "", "/"
	if i := strings.Index(u, "://"); i >= 0 {
		rest := u[i+3:]
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			host, path = rest[:j], rest[j:]
		} else {
			host = rest
		}
	}
	fmt.Fprintf(&req, "%s %s HTTP/1.1\r\nHost: %s\r\n", x.Method, path, host)
	if x.RequestHdr != nil {
		x.RequestHdr.Write(&req)
	}
	req.WriteString("\r\n")
	_, err = w.write(Record{Type: "request", Headers: map[string]string{
		"WARC-Target-URI": x.URL, "Content-Type": "application/http;msgtype=request", "WARC-Concurrent-To": respID,
	}, Block: req.Bytes()}, x.Date)
	return loc, err
}

// WriteRevisit archives a 304 Not Modified answer as a revisit record pointing
// at the response record that holds the unchanged bytes (WARC 1.1, 6.7.2,
// profile server-not-modified).
func (w *Writer) WriteRevisit(x Exchange, refersTo string) error {
	if x.Date.IsZero() {
		x.Date = time.Now()
	}
	var resp bytes.Buffer
	fmt.Fprintf(&resp, "HTTP/1.1 304 Not Modified\r\n")
	if x.ResponseHdr != nil {
		x.ResponseHdr.Write(&resp)
	}
	resp.WriteString("\r\n")
	_, err := w.write(Record{Type: "revisit", Headers: map[string]string{
		"WARC-Target-URI": x.URL, "Content-Type": "application/http;msgtype=response",
		"WARC-Profile":              "http://netpreserve.org/warc/1.1/revisit/server-not-modified",
		"WARC-Refers-To-Target-URI": refersTo,
	}, Block: resp.Bytes()}, x.Date)
	return err
}

// write appends one record as its own gzip member.
func (w *Writer) write(r Record, date time.Time) (Location, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	var b bytes.Buffer
	gz := gzip.NewWriter(&b)
	var h bytes.Buffer
	h.WriteString("WARC/1.1\r\n")
	fmt.Fprintf(&h, "WARC-Type: %s\r\n", r.Type)
	if _, ok := r.Headers["WARC-Record-ID"]; !ok {
		fmt.Fprintf(&h, "WARC-Record-ID: %s\r\n", newID())
	}
	fmt.Fprintf(&h, "WARC-Date: %s\r\n", date.UTC().Format("2006-01-02T15:04:05.000000Z"))
	keys := []string{"WARC-Record-ID", "WARC-Target-URI", "WARC-Filename", "WARC-Concurrent-To", "WARC-IP-Address", "WARC-Profile",
		"WARC-Refers-To-Target-URI", "Content-Type", "WARC-Payload-Digest"}
	for _, k := range keys {
		if v, ok := r.Headers[k]; ok {
			fmt.Fprintf(&h, "%s: %s\r\n", k, v)
		}
	}
	fmt.Fprintf(&h, "WARC-Block-Digest: %s\r\n", digest(r.Block))
	fmt.Fprintf(&h, "Content-Length: %d\r\n\r\n", len(r.Block))
	gz.Write(h.Bytes())
	gz.Write(r.Block)
	gz.Write([]byte("\r\n\r\n"))
	if err := gz.Close(); err != nil {
		return Location{}, err
	}
	loc := Location{File: w.path, Offset: w.off, Length: int64(b.Len())}
	n, err := w.f.Write(b.Bytes())
	w.off += int64(n)
	if err != nil {
		return loc, fmt.Errorf("writing %s: %w", w.path, err)
	}
	return loc, nil
}

// Sync flushes the file to disk; the store commits pointers only after it.
func (w *Writer) Sync() error { return w.f.Sync() }

// Close closes the file.
func (w *Writer) Close() error {
	if err := w.f.Sync(); err != nil {
		w.f.Close()
		return err
	}
	return w.f.Close()
}

func digest(b []byte) string {
	s := sha256.Sum256(b)
	return "sha256:" + base32.StdEncoding.EncodeToString(s[:])
}

func newID() string {
	var u [16]byte
	rand.Read(u[:])
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("<urn:uuid:%x-%x-%x-%x-%x>", u[0:4], u[4:6], u[6:8], u[8:10], u[10:])
}

// ReadRecord reads the record whose gzip member starts at offset in path.
func ReadRecord(path string, offset int64) (Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return Record{}, err
	}
	defer f.Close()
	if _, err := f.Seek(offset, io.SeekStart); err != nil {
		return Record{}, err
	}
	return readOne(bufio.NewReader(f))
}

// maxRecord bounds what one record may inflate to.
const maxRecord = 512 << 20

func readOne(br *bufio.Reader) (Record, error) {
	gz, err := gzip.NewReader(br)
	if err != nil {
		return Record{}, fmt.Errorf("not a gzip member: %w", err)
	}
	gz.Multistream(false)
	data, err := io.ReadAll(io.LimitReader(gz, maxRecord))
	if err != nil {
		return Record{}, fmt.Errorf("reading record: %w", err)
	}
	return parseRecord(data)
}

func parseRecord(data []byte) (Record, error) {
	tp := textproto.NewReader(bufio.NewReader(bytes.NewReader(data)))
	version, err := tp.ReadLine()
	if err != nil || !strings.HasPrefix(version, "WARC/") {
		return Record{}, errors.New("not a WARC record")
	}
	mh, err := tp.ReadMIMEHeader()
	if err != nil {
		return Record{}, fmt.Errorf("WARC headers: %w", err)
	}
	n, err := strconv.Atoi(mh.Get("Content-Length"))
	if err != nil {
		return Record{}, errors.New("WARC record without Content-Length")
	}
	headerLen := bytes.Index(data, []byte("\r\n\r\n")) + 4
	if headerLen < 4 || headerLen+n > len(data) {
		return Record{}, errors.New("WARC record cut short")
	}
	r := Record{Type: mh.Get("WARC-Type"), Headers: map[string]string{}, Block: data[headerLen : headerLen+n]}
	for k := range mh {
		r.Headers[k] = mh.Get(k)
	}
	if want := mh.Get("WARC-Block-Digest"); want != "" && want != digest(r.Block) && strings.HasPrefix(want, "sha256:") {
		return r, errors.New("WARC block digest does not match: the record is damaged")
	}
	return r, nil
}

// Response parses a response record's block into status, headers and body.
func (r Record) Response() (int, http.Header, []byte, error) {
	if r.Type != "response" {
		return 0, nil, nil, fmt.Errorf("a %s record, not a response", r.Type)
	}
	br := bufio.NewReader(bytes.NewReader(r.Block))
	tp := textproto.NewReader(br)
	line, err := tp.ReadLine()
	if err != nil {
		return 0, nil, nil, err
	}
	parts := strings.SplitN(line, " ", 3)
	if len(parts) < 2 {
		return 0, nil, nil, fmt.Errorf("bad status line %q", line)
	}
	status, err := strconv.Atoi(parts[1])
	if err != nil {
		return 0, nil, nil, fmt.Errorf("bad status line %q", line)
	}
	mh, err := tp.ReadMIMEHeader()
	if err != nil {
		return 0, nil, nil, err
	}
	body, err := io.ReadAll(br)
	return status, http.Header(mh), body, err
}

// Scan reads every record of a WARC file in order, calling fn with each record
// and the offset of its gzip member.
func Scan(path string, fn func(offset int64, r Record) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	cr := &countingReader{r: f}
	br := bufio.NewReader(cr)
	for {
		offset := cr.n - int64(br.Buffered())
		if _, err := br.Peek(1); err == io.EOF {
			return nil
		}
		r, err := readOne(br)
		if err != nil {
			return fmt.Errorf("%s at offset %d: %w", path, offset, err)
		}
		if err := fn(offset, r); err != nil {
			return err
		}
	}
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

package queries

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Run is one crawl of one academic year.
type Run struct {
	ID      int64
	Year    string
	Resumed bool // an unfinished run of the same year was picked up again
}

// StartRun begins a crawl of year, or resumes the newest unfinished run of that year.
func (s *Store) StartRun(ctx context.Context, year, userAgent, options string) (Run, error) {
	var id int64
	err := s.db.QueryRowContext(ctx,
		`SELECT run_id FROM crawl_runs WHERE academic_year = ? AND status = 'running' ORDER BY run_id DESC LIMIT 1`, year).Scan(&id)
	if err == nil {
		return Run{ID: id, Year: year, Resumed: true}, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return Run{}, err
	}
	err = s.db.QueryRowContext(ctx,
		`INSERT INTO crawl_runs (academic_year, started_at, status, user_agent, options) VALUES (?, ?, 'running', ?, ?) RETURNING run_id`,
		year, time.Now().UTC(), userAgent, options).Scan(&id)
	if err != nil {
		return Run{}, fmt.Errorf("starting a crawl run: %w", err)
	}
	return Run{ID: id, Year: year}, nil
}

// FinishRun closes a run; status is done or partial.
func (s *Store) FinishRun(ctx context.Context, runID int64, status string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE crawl_runs SET status = ?, finished_at = ? WHERE run_id = ?`, status, time.Now().UTC(), runID)
	return err
}

// SitesFinished lists the schools whose crawl in run is complete and stored.
func (s *Store) SitesFinished(ctx context.Context, runID int64) (map[int]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT urn FROM run_sites WHERE run_id = ?`, runID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	done := map[int]bool{}
	for rows.Next() {
		var urn int
		if err := rows.Scan(&urn); err != nil {
			return nil, err
		}
		done[urn] = true
	}
	return done, rows.Err()
}

// Fetch is one line of the crawl log.
type Fetch struct {
	URL         string
	Status      int // 0 when no response came
	Error       string
	ContentType string
	Bytes       int64
	Duration    time.Duration
	FetchedAt   time.Time
	Skipped     string // why the URL was not requested: robots, off_site, limit
	Depth       int
	LinkScore   float64
	Provenance
}

// Provenance is where a request or a kept response came from (migration 015).
type Provenance struct {
	LinkURL    string // the link as found, when a viewer's URL was turned into its file's
	LinkedFrom string // the page that linked it
	Platform   string // the file platform or viewer, when known
	OffSite    bool   // off the school's site
}

// Capture is a kept response and the document read from it. Its bytes live in
// a WARC file (WARCFile, relative to the store's folder); Body is stored in the
// database only when no WARC file is given.
type Capture struct {
	URL          string
	FinalURL     string
	Status       int
	ContentType  string
	SHA256       string
	Body         []byte
	WARCFile     string
	WARCOffset   int64
	WARCLength   int64
	ETag         string
	LastModified string
	LinkText     string
	FetchedAt    time.Time
	Document     *Document  // nil when the response has not been analysed
	Services     []Service  // Local Offer service records read from it
	Items        []Evidence // required Local Offer items the page covers
	Provenance
}

// Evidence is a page's words showing it covers a required Local Offer item.
type Evidence struct {
	ItemID string
	Quote  string
}

// Service is a Local Offer service record.
type Service struct {
	ServiceID   string
	Name        string
	URL         string
	Description string
	Categories  []string
	AgeMin      *int
	AgeMax      *int
	NeedTypes   []string
	Cost        string
	HasPhone    bool
	HasEmail    bool
	Source      string // html, oruk, or oruk+html (in the feed and on the site)
	LastUpdated string
	Eligibility string
	HasWebsite  bool
	Status      string // the feed's status; empty for web pages
	Current     bool   // false when status is other than active
	PageURL     string // the site's page for a feed's service
}

// Document is what analysis made of a capture.
type Document struct {
	DocID             int64 // equals the capture id; set by the store
	Format            string
	DocType           string
	DocTypeConfidence float64
	Title             string
	StatedYear        string
	WordCount         int
	Readability       *float64
	Text              string
	ExtractError      string
	ExtractorVersion  string
	TextFingerprint   string   // the words, comparable across formats: see analysis.Fingerprint
	SentenceHashes    []uint64 // its distinct sentences' hashes, sorted
	Facts             []Fact
}

// Fact is one fact with its evidence; Start and End are character offsets into
// the document text.
type Fact struct {
	Field      string
	Value      string
	ValueNum   *float64
	Evidence   string
	Start, End int
	Confidence float64
}

// SiteResult is everything one school's crawl produced, stored in one transaction
// so that an interrupted crawl never leaves half a school behind.
type SiteResult struct {
	RunID    int64
	URN      int
	Status   string // found, not_found, failed, skipped
	Reason   string
	Outcome  string // found, not_found, unreachable, blocked_by_robots, no_website, needs_javascript
	Error    string // what went wrong, for a visit that did not reach the site
	Pages    int
	Fetches  []Fetch
	Captures []Capture
}

// SaveSite stores a school's fetches, captures, documents and facts, and marks the
// school done in the run. A school already done in the run is left as it is.
func (s *Store) SaveSite(ctx context.Context, r SiteResult) error {
	return s.withTx(ctx, func(c *sql.Conn) error {
		var n int
		if err := c.QueryRowContext(ctx, `SELECT count(*) FROM run_sites WHERE run_id = ? AND urn = ?`, r.RunID, r.URN).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		var laCode sql.NullString
		_ = c.QueryRowContext(ctx, `SELECT la_code FROM schools WHERE urn = ?`, r.URN).Scan(&laCode)
		docs, _, err := saveCaptures(ctx, c, r.RunID, r.URN, laCode.String, r.Fetches, r.Captures)
		if err != nil {
			return err
		}
		_, err = c.ExecContext(ctx, `INSERT INTO run_sites (run_id, urn, status, reason, pages, documents, finished_at, outcome, error)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r.RunID, r.URN, r.Status, nullString(r.Reason), r.Pages, docs, time.Now().UTC(), nullString(r.Outcome), nullString(r.Error))
		return err
	})
}

// saveCaptures stores a crawl's fetches and captures (with their documents,
// facts and services) inside the caller's transaction. urn is 0 for Local Offer
// pages. It returns the documents stored and the services stored.
func saveCaptures(ctx context.Context, c *sql.Conn, runID int64, urn int, laCode string, fetches []Fetch, captures []Capture) (int, int, error) {
	var year string
	if err := c.QueryRowContext(ctx, `SELECT academic_year FROM crawl_runs WHERE run_id = ?`, runID).Scan(&year); err != nil {
		return 0, 0, fmt.Errorf("run %d: %w", runID, err)
	}
	var urnVal driver.Value
	if urn != 0 {
		urnVal = int32(urn)
	}
	// The appender does not evaluate column defaults, so take the ids first.
	ids, err := nextIDs(ctx, c, "fetch_ids", len(fetches))
	if err != nil {
		return 0, 0, err
	}
	rows := make([][]driver.Value, 0, len(fetches))
	for i, f := range fetches {
		var status driver.Value
		if f.Status != 0 {
			status = int32(f.Status)
		}
		rows = append(rows, []driver.Value{
			ids[i], int32(runID), urnVal, f.URL, status, nullString(f.Error), nullString(f.ContentType),
			f.Bytes, f.Duration.Milliseconds(), f.FetchedAt.UTC(), nullString(f.Skipped), int32(f.Depth), f.LinkScore, nullString(laCode),
			nullString(f.LinkURL), nullString(f.LinkedFrom), nullString(f.Platform), f.OffSite,
		})
	}
	if err := appendRows(c, "fetches", rows); err != nil {
		return 0, 0, err
	}
	docs, services := 0, 0
	var svcRows [][]driver.Value
	for _, cp := range captures {
		var id int64
		var body, off, length any
		if cp.WARCFile == "" {
			body = cp.Body
		} else {
			off, length = cp.WARCOffset, cp.WARCLength
		}
		err := c.QueryRowContext(ctx, `INSERT INTO captures (run_id, urn, la_code, url, final_url, http_status, content_type, sha256, size, body,
			warc_file, warc_offset, warc_length, etag, last_modified, link_text, fetched_at, link_url, linked_from, platform, off_site)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING capture_id`,
			runID, urnVal, nullString(laCode), cp.URL, cp.FinalURL, cp.Status, nullString(cp.ContentType), cp.SHA256, len(cp.Body), body,
			nullString(cp.WARCFile), off, length, nullString(cp.ETag), nullString(cp.LastModified),
			nullString(cp.LinkText), cp.FetchedAt.UTC(), nullString(cp.LinkURL), nullString(cp.LinkedFrom), nullString(cp.Platform), cp.OffSite).Scan(&id)
		if err != nil {
			return 0, 0, fmt.Errorf("storing %s: %w", cp.URL, err)
		}
		if cp.Document != nil {
			meta := docMeta{RunID: runID, URN: urn, LACode: laCode, Year: year, URL: cp.URL, FinalURL: cp.FinalURL,
				SHA256: cp.SHA256, Status: cp.Status, FetchedAt: cp.FetchedAt}
			if err := insertDocument(ctx, c, id, meta, cp.Document); err != nil {
				return 0, 0, err
			}
			docs++
		}
		for _, sv := range cp.Services {
			svcRows = append(svcRows, []driver.Value{int32(runID), laCode, year, sv.ServiceID, nullString(sv.Name), nullString(sv.URL),
				nullString(sv.Description), nullString(strings.Join(sv.Categories, ";")), nullInt(sv.AgeMin), nullInt(sv.AgeMax),
				nullString(strings.Join(sv.NeedTypes, ";")), nullString(sv.Cost), sv.HasPhone, sv.HasEmail, sv.Source,
				nullString(sv.LastUpdated), id, cp.FetchedAt.UTC(), nullString(sv.Eligibility), sv.HasWebsite, nullString(sv.Status),
				sv.Current, nullString(sv.PageURL)})
			services++
		}
		if err := insertEvidence(ctx, c, runID, laCode, id, cp.URL, cp.Document, cp.Items); err != nil {
			return 0, 0, err
		}
	}
	return docs, services, appendRows(c, "services", svcRows)
}

// docMeta is what a document takes over from its capture and run.
type docMeta struct {
	RunID     int64
	URN       int
	LACode    string
	Year      string
	URL       string
	FinalURL  string
	SHA256    string
	Status    int
	FetchedAt time.Time
}

func insertDocument(ctx context.Context, c *sql.Conn, id int64, m docMeta, d *Document) error {
	var urn driver.Value
	if m.URN != 0 {
		urn = int32(m.URN)
	}
	_, err := c.ExecContext(ctx, `INSERT INTO documents (doc_id, run_id, urn, la_code, academic_year, url, final_url, format, doc_type,
		doc_type_confidence, title, stated_year, word_count, readability_flesch, sha256, http_status, fetched_at, text, extract_error,
		extractor_version, extracted_at, text_fingerprint, sentence_hashes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, m.RunID, urn, nullString(m.LACode), m.Year, m.URL, m.FinalURL, d.Format, d.DocType, d.DocTypeConfidence,
		nullString(d.Title), nullString(d.StatedYear), d.WordCount, nullFloat(d.Readability), m.SHA256, m.Status,
		m.FetchedAt.UTC(), d.Text, nullString(d.ExtractError), d.ExtractorVersion, time.Now().UTC(),
		nullString(d.TextFingerprint), sentenceList(d))
	if err != nil {
		return fmt.Errorf("storing the document from %s: %w", m.URL, err)
	}
	rows := make([][]driver.Value, 0, len(d.Facts))
	for _, f := range d.Facts {
		rows = append(rows, []driver.Value{id, f.Field, nullString(f.Value), nullFloat(f.ValueNum), f.Evidence,
			int32(f.Start), int32(f.End), f.Confidence, d.ExtractorVersion})
	}
	return appendRows(c, "facts", rows)
}

// sentenceList is a document's sentence hashes for the store: NULL when it
// has no words (as its fingerprint is), an empty list never.
func sentenceList(d *Document) driver.Value {
	if d.TextFingerprint == "" || len(d.SentenceHashes) == 0 {
		return nil
	}
	return d.SentenceHashes
}

// nextIDs draws n values from a sequence.
func nextIDs(ctx context.Context, c *sql.Conn, seq string, n int) ([]int64, error) {
	rows, err := c.QueryContext(ctx, `SELECT nextval('`+seq+`') FROM range(?)`, n)
	return scanIDs(rows, err)
}

// scanIDs reads a one-column result of ids (err is the query's own).
func scanIDs(rows *sql.Rows, err error) ([]int64, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// insertEvidence stores what required Local Offer items a page covers.
func insertEvidence(ctx context.Context, c *sql.Conn, runID int64, laCode string, docID int64, url string, d *Document, items []Evidence) error {
	var docType any
	if d != nil {
		docType = nullString(d.DocType)
	}
	for _, it := range items {
		if _, err := c.ExecContext(ctx, `INSERT INTO local_offer_evidence VALUES (?, ?, ?, ?, ?, ?, ?)`,
			runID, laCode, it.ItemID, docID, url, docType, nullString(it.Quote)); err != nil {
			return fmt.Errorf("storing the Local Offer items of %s: %w", url, err)
		}
	}
	return nil
}

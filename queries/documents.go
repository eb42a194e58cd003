package queries

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// StoredCapture is a capture read back for re-extraction.
type StoredCapture struct {
	ID          int64
	RunID       int64
	Year        string
	URN         int
	LACode      string // set for a Local Offer page (which has no URN)
	URL         string
	FinalURL    string
	Status      int
	ContentType string
	SHA256      string
	Body        []byte // nil when the bytes are in a WARC file
	WARCFile    string // relative to the store's folder
	WARCOffset  int64
	LinkText    string
	FetchedAt   time.Time
}

// CaptureIDs lists the schools' captures of year ("" for every year), oldest
// first. Local Offer pages (no URN) are left out: see LocalOfferCaptureIDs.
func (s *Store) CaptureIDs(ctx context.Context, year string) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT c.capture_id FROM captures c JOIN crawl_runs r USING (run_id)
		WHERE (? = '' OR r.academic_year = ?) AND c.urn IS NOT NULL ORDER BY c.capture_id`, year, year)
	return scanIDs(rows, err)
}

// LoadCapture reads one capture with its bytes.
func (s *Store) LoadCapture(ctx context.Context, id int64) (StoredCapture, error) {
	var c StoredCapture
	var urn sql.NullInt64
	var ct, lt, wf, la sql.NullString
	var wo sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT c.capture_id, c.run_id, r.academic_year, c.urn, c.la_code, c.url, c.final_url, c.http_status,
		c.content_type, c.sha256, c.body, c.warc_file, c.warc_offset, c.link_text, c.fetched_at
		FROM captures c JOIN crawl_runs r USING (run_id) WHERE c.capture_id = ?`, id).Scan(
		&c.ID, &c.RunID, &c.Year, &urn, &la, &c.URL, &c.FinalURL, &c.Status, &ct, &c.SHA256, &c.Body, &wf, &wo, &lt, &c.FetchedAt)
	if err != nil {
		return c, fmt.Errorf("capture %d: %w", id, err)
	}
	c.URN, c.ContentType, c.LinkText, c.WARCFile, c.WARCOffset = int(urn.Int64), ct.String, lt.String, wf.String, wo.Int64
	if urn.Valid {
		c.LACode = "" // a school's capture carries its LA for the crawl log only
	} else {
		c.LACode = la.String
	}
	return c, nil
}

// LocalOfferCaptureIDs lists the LAs' Local Offer captures of year ("" for
// every year), oldest first.
func (s *Store) LocalOfferCaptureIDs(ctx context.Context, year string) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT c.capture_id FROM captures c JOIN crawl_runs r USING (run_id)
		WHERE (? = '' OR r.academic_year = ?) AND c.urn IS NULL AND c.la_code IS NOT NULL ORDER BY c.capture_id`, year, year)
	return scanIDs(rows, err)
}

// ReplaceLocalOfferCapture stores a fresh reading of a Local Offer page: its
// document and the service records read from it, replacing those before. A
// service another page of the same run already holds is not stored twice.
func (s *Store) ReplaceLocalOfferCapture(ctx context.Context, c StoredCapture, d *Document, services []Service, items []Evidence) error {
	return s.withTx(ctx, func(conn *sql.Conn) error {
		// A feed's service also found on the LA's site keeps that: re-reading
		// the feed's record alone does not undo the join.
		pages := map[string][2]string{}
		rows, err := conn.QueryContext(ctx, `SELECT service_id, page_url, source FROM services WHERE doc_id = ? AND page_url IS NOT NULL`, c.ID)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id, page, source string
			if err := rows.Scan(&id, &page, &source); err != nil {
				rows.Close()
				return err
			}
			pages[id] = [2]string{page, source}
		}
		rows.Close()
		for i, sv := range services {
			if p, ok := pages[sv.ServiceID]; ok && sv.PageURL == "" {
				services[i].PageURL, services[i].Source = p[0], p[1]
			}
		}
		for _, q := range []string{`DELETE FROM facts WHERE doc_id = ?`, `DELETE FROM documents WHERE doc_id = ?`, `DELETE FROM services WHERE doc_id = ?`,
			`DELETE FROM local_offer_evidence WHERE doc_id = ?`} {
			if _, err := conn.ExecContext(ctx, q, c.ID); err != nil {
				return err
			}
		}
		meta := docMeta{RunID: c.RunID, LACode: c.LACode, Year: c.Year, URL: c.URL, FinalURL: c.FinalURL,
			SHA256: c.SHA256, Status: c.Status, FetchedAt: c.FetchedAt}
		if err := insertDocument(ctx, conn, c.ID, meta, d); err != nil {
			return err
		}
		for _, sv := range services {
			var held int
			// Held already: the same id, or (for a site's record) a feed service
			// that names this page or bears this name.
			if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM services WHERE run_id = ? AND la_code = ? AND service_id = ?`,
				c.RunID, c.LACode, sv.ServiceID).Scan(&held); err != nil {
				return err
			}
			if held > 0 {
				continue
			}
			if sv.Source == "html" {
				// A site's record of a feed's service (its id in the address, the
				// same page, or the same name) joins that service, as the crawl did.
				res, err := conn.ExecContext(ctx, `UPDATE services SET source = 'oruk+html', page_url = coalesce(page_url, ?)
					WHERE run_id = ? AND la_code = ? AND source <> 'html'
					  AND (page_url = ? OR lower(trim(name)) = lower(trim(?)) OR contains(?, 'id=' || service_id) OR ends_with(rtrim(?, '/'), '/' || service_id))`,
					sv.URL, c.RunID, c.LACode, sv.URL, sv.Name, sv.URL, sv.URL)
				if err != nil {
					return err
				}
				if n, _ := res.RowsAffected(); n > 0 {
					continue
				}
			}
			if _, err := conn.ExecContext(ctx, `INSERT INTO services (run_id, la_code, academic_year, service_id, name, url, description,
				categories, age_min, age_max, need_types, cost, has_phone, has_email, source, last_updated, doc_id, fetched_at,
				eligibility, has_website, status, is_current, page_url)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				c.RunID, c.LACode, c.Year, sv.ServiceID, nullString(sv.Name), nullString(sv.URL), nullString(sv.Description),
				nullString(strings.Join(sv.Categories, ";")), nullInt(sv.AgeMin), nullInt(sv.AgeMax),
				nullString(strings.Join(sv.NeedTypes, ";")), nullString(sv.Cost), sv.HasPhone, sv.HasEmail, sv.Source,
				nullString(sv.LastUpdated), c.ID, c.FetchedAt.UTC(), nullString(sv.Eligibility), sv.HasWebsite, nullString(sv.Status),
				sv.Current, nullString(sv.PageURL)); err != nil {
				return fmt.Errorf("storing service %s from %s: %w", sv.ServiceID, c.URL, err)
			}
		}
		return insertEvidence(ctx, conn, c.RunID, c.LACode, c.ID, c.URL, d, items)
	})
}

// ReplaceDocument stores a fresh analysis of a capture, replacing the document and
// facts derived from it before (an extractor upgrade re-derives; nothing else is
// touched).
func (s *Store) ReplaceDocument(ctx context.Context, c StoredCapture, d *Document) error {
	return s.withTx(ctx, func(conn *sql.Conn) error {
		if _, err := conn.ExecContext(ctx, `DELETE FROM facts WHERE doc_id = ?`, c.ID); err != nil {
			return err
		}
		if _, err := conn.ExecContext(ctx, `DELETE FROM documents WHERE doc_id = ?`, c.ID); err != nil {
			return err
		}
		var laCode sql.NullString
		_ = conn.QueryRowContext(ctx, `SELECT la_code FROM schools WHERE urn = ?`, c.URN).Scan(&laCode)
		meta := docMeta{RunID: c.RunID, URN: c.URN, LACode: laCode.String, Year: c.Year, URL: c.URL, FinalURL: c.FinalURL,
			SHA256: c.SHA256, Status: c.Status, FetchedAt: c.FetchedAt}
		return insertDocument(ctx, conn, c.ID, meta, d)
	})
}

// PriorCapture is what an earlier run of a year kept of a URL, for conditional
// requests when the year is crawled again.
type PriorCapture struct {
	CaptureID    int64
	URL          string
	ETag         string
	LastModified string
	ContentType  string
	WARCFile     string
	WARCOffset   int64
	WARCLength   int64
}

// PriorCaptures lists, per school, the latest capture of each URL in the
// finished runs of year that carries a validator (ETag or Last-Modified).
func (s *Store) PriorCaptures(ctx context.Context, year string) (map[int]map[string]PriorCapture, error) {
	byKey, err := s.priorCaptures(ctx, year, "urn")
	if err != nil {
		return nil, err
	}
	out := make(map[int]map[string]PriorCapture, len(byKey))
	for k, v := range byKey {
		urn, err := strconv.Atoi(k)
		if err != nil {
			return nil, fmt.Errorf("capture of URN %q: %w", k, err)
		}
		out[urn] = v
	}
	return out, nil
}

// PriorLocalOfferCaptures is PriorCaptures for the LAs' Local Offer pages, by LA code.
func (s *Store) PriorLocalOfferCaptures(ctx context.Context, year string) (map[string]map[string]PriorCapture, error) {
	return s.priorCaptures(ctx, year, "la_code")
}

// priorCaptures lists the latest validated capture of each URL, per value of
// the captures' column key (urn or la_code).
func (s *Store) priorCaptures(ctx context.Context, year, key string) (map[string]map[string]PriorCapture, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT CAST(c.`+key+` AS VARCHAR), c.capture_id, c.url, coalesce(c.etag, ''), coalesce(c.last_modified, ''),
			coalesce(c.content_type, ''), coalesce(c.warc_file, ''), coalesce(c.warc_offset, 0), coalesce(c.warc_length, 0)
		FROM captures c JOIN crawl_runs r USING (run_id)
		WHERE r.academic_year = ? AND r.status <> 'running' AND c.`+key+` IS NOT NULL
		  AND (c.etag IS NOT NULL OR c.last_modified IS NOT NULL)
		QUALIFY row_number() OVER (PARTITION BY c.`+key+`, c.url ORDER BY c.capture_id DESC) = 1`, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]map[string]PriorCapture{}
	for rows.Next() {
		var k string
		var p PriorCapture
		if err := rows.Scan(&k, &p.CaptureID, &p.URL, &p.ETag, &p.LastModified, &p.ContentType, &p.WARCFile, &p.WARCOffset, &p.WARCLength); err != nil {
			return nil, err
		}
		if out[k] == nil {
			out[k] = map[string]PriorCapture{}
		}
		out[k][p.URL] = p
	}
	return out, rows.Err()
}

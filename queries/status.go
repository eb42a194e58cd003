package queries

import (
	"context"
	"database/sql"
	"fmt"
)

// YearStatus is what the store holds for one academic year.
type YearStatus struct {
	Year           string
	Runs           int
	OpenRuns       int // runs not finished (a crawl to resume)
	Schools        int // schools of the LAs the year's crawls covered
	SchoolsReached int // of them, checked: the site answered and was searched
	ReportsFound   int // of them, with a report found
	CouldNotCheck  int // of them, not checked (unreachable, blocked, no website, script-built, not crawled)
	Documents      int
	Facts          int
	LocalOffers    int // LAs whose Local Offer was crawled
	Services       int
	// ExtractorVersions are the versions of the extractor its documents were
	// read with, and how many documents each read, most first.
	ExtractorVersions []VersionCount
}

// VersionCount is how many documents one extractor version read.
type VersionCount struct {
	Version   string
	Documents int
}

// Status summarises the store.
type Status struct {
	Path          string
	SchemaVersion int
	Schools       int
	Authorities   int
	Years         []YearStatus
}

// Status reads what the store holds.
func (s *Store) Status(ctx context.Context) (Status, error) {
	st := Status{Path: s.path}
	var err error
	if st.SchemaVersion, err = s.schemaVersion(ctx); err != nil {
		return st, err
	}
	if st.Schools, err = s.SchoolCount(ctx); err != nil {
		return st, err
	}
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM authorities`).Scan(&st.Authorities); err != nil {
		return st, err
	}
	rows, err := s.db.QueryContext(ctx, `
		SELECT r.academic_year,
		       count(DISTINCT r.run_id),
		       count(DISTINCT r.run_id) FILTER (WHERE r.status = 'running'),
		       (SELECT count(*) FROM school_outcomes o WHERE o.academic_year = r.academic_year),
		       (SELECT count(*) FROM school_outcomes o WHERE o.academic_year = r.academic_year AND NOT o.could_not_check),
		       (SELECT count(*) FROM school_outcomes o JOIN school_reports rp USING (urn, academic_year) WHERE o.academic_year = r.academic_year AND NOT o.could_not_check),
		       (SELECT count(*) FROM school_outcomes o WHERE o.academic_year = r.academic_year AND o.could_not_check),
		       (SELECT count(*) FROM documents d WHERE d.academic_year = r.academic_year),
		       (SELECT count(*) FROM facts f JOIN documents d USING (doc_id) WHERE d.academic_year = r.academic_year),
		       (SELECT count(DISTINCT ra.la_code) FROM run_authorities ra JOIN crawl_runs r3 USING (run_id) WHERE r3.academic_year = r.academic_year),
		       (SELECT count(*) FROM services s WHERE s.academic_year = r.academic_year)
		FROM crawl_runs r GROUP BY r.academic_year ORDER BY r.academic_year`)
	if err != nil {
		return st, fmt.Errorf("reading status: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var y YearStatus
		if err := rows.Scan(&y.Year, &y.Runs, &y.OpenRuns, &y.Schools, &y.SchoolsReached, &y.ReportsFound, &y.CouldNotCheck, &y.Documents, &y.Facts, &y.LocalOffers, &y.Services); err != nil {
			return st, err
		}
		st.Years = append(st.Years, y)
	}
	if err := rows.Err(); err != nil {
		return st, err
	}
	return st, s.extractorVersions(ctx, st.Years)
}

// extractorVersions fills in which extractor versions read each year's documents.
func (s *Store) extractorVersions(ctx context.Context, years []YearStatus) error {
	rows, err := s.db.QueryContext(ctx, `SELECT academic_year, extractor_version, count(*) FROM documents
		GROUP BY ALL ORDER BY academic_year, count(*) DESC, extractor_version`)
	if err != nil {
		return fmt.Errorf("reading extractor versions: %w", err)
	}
	defer rows.Close()
	byYear := map[string]*YearStatus{}
	for i := range years {
		byYear[years[i].Year] = &years[i]
	}
	for rows.Next() {
		var year string
		var v VersionCount
		if err := rows.Scan(&year, &v.Version, &v.Documents); err != nil {
			return err
		}
		if y := byYear[year]; y != nil {
			y.ExtractorVersions = append(y.ExtractorVersions, v)
		}
	}
	return rows.Err()
}

// PseudonymKey is the store's secret for export pseudonyms.
func (s *Store) PseudonymKey(ctx context.Context) (string, error) {
	var k string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'pseudonym_key'`).Scan(&k)
	if err == sql.ErrNoRows {
		return "", fmt.Errorf("the store %s has no pseudonym key", s.path)
	}
	return k, err
}

// PersonalValues lists every name, e-mail address and phone number held as a
// fact, in every year, so exports can replace them wherever they appear.
func (s *Store) PersonalValues(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT field, value FROM facts
		WHERE field IN ('senco.name', 'senco.email', 'senco.phone', 'governor.name') AND value IS NOT NULL`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var field, value string
		if err := rows.Scan(&field, &value); err != nil {
			return nil, err
		}
		out[value] = field
	}
	return out, rows.Err()
}

// Meta reads a setting of the store ("" when it has none).
func (s *Store) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return v, err
}

// SetMeta records a setting of the store.
func (s *Store) SetMeta(ctx context.Context, key, value string) error {
	_, err := s.db.ExecContext(ctx, `INSERT OR REPLACE INTO meta VALUES (?, ?)`, key, value)
	return err
}

// CountDocuments counts the documents of the research export's documents table
// for p (a year, an LA): every run's, the schools' and the Local Offers'. The
// crawl summary, status, export and the commissioning workbook give this count.
func (s *Store) CountDocuments(ctx context.Context, p Params) (int, error) {
	a, ok := Lookup("documents")
	if !ok {
		return 0, fmt.Errorf("no named table documents")
	}
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (`+a.SQL+`)`, p.args(a.SQL)...).Scan(&n)
	return n, err
}

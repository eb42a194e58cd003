package queries

import (
	"context"
	"strings"
)

// LocalOfferOverview is what one LA's Local Offer holds in a year, in brief.
type LocalOfferOverview struct {
	LACode, LAName string
	Services       int      // in the latest run of the year
	NotCurrent     int      // of them, with a feed status other than active
	BothSources    int      // of them, in both the feed and the site
	InfoPages      int      // information pages kept
	Covered, Items int      // required items covered, of the list
	Missing        []string // required items not covered
	EmptyCells     int      // need x age band cells with no service (all categories)
}

// LocalOfferOverviews sums up each LA's Local Offer for year: its services,
// its pages, the required items it covers (local_offer_content) and the need
// and age cells it leaves empty (local_offer_coverage).
func (s *Store) LocalOfferOverviews(ctx context.Context, year string) ([]LocalOfferOverview, error) {
	content, _ := Lookup("local_offer_content")
	coverage, _ := Lookup("local_offer_coverage")
	q := `WITH latest AS (
		SELECT ra.la_code, max(ra.run_id) AS run_id FROM run_authorities ra JOIN crawl_runs r USING (run_id)
		WHERE r.academic_year = $year GROUP BY ALL
	), content AS (` + strings.TrimSpace(content.SQL) + `
	), coverage AS (` + strings.TrimSpace(coverage.SQL) + `
	)
	SELECT l.la_code, coalesce(a.la_name, ''),
	       (SELECT count(*) FROM services s WHERE s.run_id = l.run_id AND s.la_code = l.la_code),
	       (SELECT count(*) FROM services s WHERE s.run_id = l.run_id AND s.la_code = l.la_code AND NOT coalesce(s.is_current, true)),
	       (SELECT count(*) FROM services s WHERE s.run_id = l.run_id AND s.la_code = l.la_code AND s.source = 'oruk+html'),
	       (SELECT count(*) FROM documents d WHERE d.run_id = l.run_id AND d.la_code = l.la_code AND d.urn IS NULL AND d.doc_type = 'local_offer_information'),
	       (SELECT count(*) FILTER (WHERE covered) FROM content c WHERE c.la_code = l.la_code),
	       (SELECT count(*) FROM content c WHERE c.la_code = l.la_code),
	       coalesce((SELECT string_agg(item_id, ',') FROM content c WHERE c.la_code = l.la_code AND NOT covered), ''),
	       (SELECT count(*) FROM coverage v WHERE v.la_code = l.la_code AND v.category IS NULL AND v.empty)
	FROM latest l LEFT JOIN authorities a ON a.la_code = l.la_code
	ORDER BY l.la_code`
	rows, err := s.db.QueryContext(ctx, q, Params{Year: year}.args(q)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []LocalOfferOverview
	for rows.Next() {
		var o LocalOfferOverview
		var missing string
		if err := rows.Scan(&o.LACode, &o.LAName, &o.Services, &o.NotCurrent, &o.BothSources, &o.InfoPages, &o.Covered, &o.Items, &missing, &o.EmptyCells); err != nil {
			return nil, err
		}
		if missing != "" {
			o.Missing = strings.Split(missing, ",")
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

package queries

import "context"

// RunFailures lists the schools of a run whose crawl failed, with the reason:
// a resumed crawl counts them with its own, since the run is partial for them
// whichever process crawled them (with batched writes, the failures of a run
// interrupted early may all be stored before the interruption).
func (s *Store) RunFailures(ctx context.Context, runID int64) (map[int]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT urn, coalesce(reason, '') FROM run_sites WHERE run_id = ? AND status = 'failed'`, runID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int]string{}
	for rows.Next() {
		var urn int
		var reason string
		if err := rows.Scan(&urn, &reason); err != nil {
			return nil, err
		}
		out[urn] = reason
	}
	return out, rows.Err()
}

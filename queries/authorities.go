package queries

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Authority is a local authority and where its Local Offer lives.
type Authority struct {
	LACode        string
	LAName        string
	LocalOfferURL string
	ORUKURL       string
}

// ImportAuthorities loads LAs, replacing those already held with the same code,
// in one transaction.
func (s *Store) ImportAuthorities(ctx context.Context, las []Authority, sourceFile string) (ImportStats, error) {
	var st ImportStats
	now := time.Now().UTC()
	err := s.withTx(ctx, func(c *sql.Conn) error {
		for _, a := range las {
			var n int
			if err := c.QueryRowContext(ctx, `SELECT count(*) FROM authorities WHERE la_code = ?`, a.LACode).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				st.Updated++
			} else {
				st.Inserted++
			}
			if _, err := c.ExecContext(ctx, `INSERT OR REPLACE INTO authorities VALUES (?, ?, ?, ?, ?, ?)`,
				a.LACode, a.LAName, nullString(a.LocalOfferURL), nullString(a.ORUKURL), nullString(sourceFile), now); err != nil {
				return fmt.Errorf("LA %s: %w", a.LACode, err)
			}
		}
		return nil
	})
	return st, err
}

// Authorities lists the LAs in scope (all when scope.LA is empty).
func (s *Store) Authorities(ctx context.Context, scope Scope) ([]Authority, error) {
	cond, args := Scope{LA: scope.LA}.where("NULL", "la_code", "la_name")
	rows, err := s.db.QueryContext(ctx, `SELECT la_code, la_name, coalesce(local_offer_url, ''), coalesce(oruk_api_url, '')
		FROM authorities WHERE `+cond+` ORDER BY la_code`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Authority
	for rows.Next() {
		var a Authority
		if err := rows.Scan(&a.LACode, &a.LAName, &a.LocalOfferURL, &a.ORUKURL); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// AuthorityResult is everything one LA's Local Offer crawl produced.
type AuthorityResult struct {
	RunID    int64
	LACode   string
	Status   string
	Reason   string
	Pages    int
	Fetches  []Fetch
	Captures []Capture
}

// SaveAuthority stores an LA's Local Offer crawl in one transaction and marks it
// done in the run; an LA already done in the run is left as it is.
func (s *Store) SaveAuthority(ctx context.Context, r AuthorityResult) error {
	return s.withTx(ctx, func(c *sql.Conn) error {
		var n int
		if err := c.QueryRowContext(ctx, `SELECT count(*) FROM run_authorities WHERE run_id = ? AND la_code = ?`, r.RunID, r.LACode).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		_, services, err := saveCaptures(ctx, c, r.RunID, 0, r.LACode, r.Fetches, r.Captures)
		if err != nil {
			return err
		}
		_, err = c.ExecContext(ctx, `INSERT INTO run_authorities VALUES (?, ?, ?, ?, ?, ?, ?)`,
			r.RunID, r.LACode, r.Status, nullString(r.Reason), r.Pages, services, time.Now().UTC())
		return err
	})
}

// AuthoritiesFinished lists the LAs whose Local Offer is stored in run.
func (s *Store) AuthoritiesFinished(ctx context.Context, runID int64) (map[string]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT la_code FROM run_authorities WHERE run_id = ?`, runID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	done := map[string]bool{}
	for rows.Next() {
		var la string
		if err := rows.Scan(&la); err != nil {
			return nil, err
		}
		done[la] = true
	}
	return done, rows.Err()
}

// LocalOfferItem is one thing a Local Offer must publish.
type LocalOfferItem struct {
	ID, Label, Source string
}

// SaveLocalOfferItems replaces the list of what a Local Offer must publish with
// the program's (the analyses read it beside the evidence).
func (s *Store) SaveLocalOfferItems(ctx context.Context, items []LocalOfferItem) error {
	return s.withTx(ctx, func(c *sql.Conn) error {
		if _, err := c.ExecContext(ctx, `DELETE FROM local_offer_items`); err != nil {
			return err
		}
		for i, it := range items {
			if _, err := c.ExecContext(ctx, `INSERT INTO local_offer_items VALUES (?, ?, ?, ?)`, it.ID, it.Label, it.Source, i+1); err != nil {
				return err
			}
		}
		return nil
	})
}

package queries

import (
	"context"
	"fmt"
	"strings"
)

// ScopeError says that a year, LA or school asked for is not in the store, and
// what the store does hold, so the user can correct the command.
type ScopeError struct{ msg string }

func (e *ScopeError) Error() string { return e.msg }

// CheckScope says whether the store holds the year, LA and school of p (empty
// ones are not checked): an analysis of something the store never held would
// print an empty table and look like an answer.
func (s *Store) CheckScope(ctx context.Context, p Params) error {
	for _, y := range []string{p.Year, p.Since} {
		if y == "" {
			continue
		}
		years, err := s.Years(ctx)
		if err != nil {
			return err
		}
		if !contains(years, y) {
			return &ScopeError{fmt.Sprintf("the store %s holds nothing for %s: it holds %s", s.path, y, listOr(years, "no year yet (crawl or import first)"))}
		}
	}
	if p.LA != "" {
		var n int
		err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (
			SELECT la_code, la_name, la_ons_code FROM schools
			UNION ALL SELECT la_code, la_name, NULL FROM authorities
			UNION ALL SELECT DISTINCT la_code, la_name, new_la_code FROM la_ehcp)
			WHERE la_code = $1 OR lower(la_name) = lower($1) OR la_ons_code = $1`, p.LA).Scan(&n)
		if err != nil {
			return err
		}
		if n == 0 {
			las, err := s.strings(ctx, `SELECT DISTINCT la_code || ' ' || la_name FROM (
				SELECT la_code, la_name FROM schools UNION SELECT la_code, la_name FROM authorities)
				WHERE la_code IS NOT NULL ORDER BY 1 LIMIT 11`)
			if err != nil {
				return err
			}
			if len(las) > 10 {
				las = append(las[:10], "...")
			}
			return &ScopeError{fmt.Sprintf("LA %q is not in the store %s (give its three-digit code, name or E-code): it holds %s", p.LA, s.path, listOr(las, "no LA yet (import the register first)"))}
		}
	}
	if p.URN != 0 {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM schools WHERE urn = ?`, p.URN).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return &ScopeError{fmt.Sprintf("URN %d is not in the register held in %s: check the number, or import a register that has it (sendscope register import FILE)", p.URN, s.path)}
		}
	}
	return nil
}

func (s *Store) strings(ctx context.Context, q string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func listOr(list []string, none string) string {
	if len(list) == 0 {
		return none
	}
	return strings.Join(list, ", ")
}

// Takes says whether the analysis takes the parameter (year, la, urn, since),
// and whether it requires it.
func (a Analysis) Takes(param string) (takes, required bool) {
	for _, p := range a.Params {
		if p.Name == param {
			return true, strings.Contains(strings.ToLower(p.Meaning), "required")
		}
	}
	return false, false
}

// Years lists the academic years the store holds: crawled or in the statistics.
func (s *Store) Years(ctx context.Context) ([]string, error) {
	return s.strings(ctx, `SELECT DISTINCT academic_year FROM crawl_runs
		UNION SELECT DISTINCT academic_year FROM sen_stats
		UNION SELECT DISTINCT academic_year FROM sen_need ORDER BY 1`)
}

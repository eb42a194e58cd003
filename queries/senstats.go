package queries

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"time"
)

// SENTotals is a school's pupils with SEN in a year (nil: not published).
type SENTotals struct {
	URN        int
	Year       string
	Pupils     *int
	SENSupport *int
	EHCP       *int
}

// SENNeed is a school's pupils with one primary need under one kind of provision.
type SENNeed struct {
	URN       int
	Year      string
	Provision string
	NeedType  string
	Pupils    *int
}

// ImportSENTotals loads per-school totals, replacing those held for the same
// school and year, in one transaction.
func (s *Store) ImportSENTotals(ctx context.Context, rows []SENTotals, sourceFile string) error {
	now := time.Now().UTC()
	return s.withTx(ctx, func(c *sql.Conn) error {
		if _, err := c.ExecContext(ctx, `CREATE TABLE _sen_stats AS SELECT * FROM sen_stats LIMIT 0`); err != nil {
			return err
		}
		vals := make([][]driver.Value, 0, len(rows))
		for _, r := range rows {
			vals = append(vals, []driver.Value{int32(r.URN), r.Year, nullInt(r.Pupils), nullInt(r.SENSupport), nullInt(r.EHCP), nullString(sourceFile), now})
		}
		if err := appendRows(c, "_sen_stats", vals); err != nil {
			return err
		}
		if _, err := c.ExecContext(ctx, `INSERT OR REPLACE INTO sen_stats SELECT * FROM _sen_stats`); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, `DROP TABLE _sen_stats`)
		return err
	})
}

// ImportSENNeeds loads per-school primary-need counts. Every school and year in
// the file has its earlier counts replaced whole, so a need no longer listed
// does not linger.
func (s *Store) ImportSENNeeds(ctx context.Context, rows []SENNeed, sourceFile string) error {
	now := time.Now().UTC()
	return s.withTx(ctx, func(c *sql.Conn) error {
		if _, err := c.ExecContext(ctx, `CREATE TABLE _sen_need AS SELECT * FROM sen_need LIMIT 0`); err != nil {
			return err
		}
		vals := make([][]driver.Value, 0, len(rows))
		for _, r := range rows {
			vals = append(vals, []driver.Value{int32(r.URN), r.Year, r.Provision, r.NeedType, nullInt(r.Pupils), nullString(sourceFile), now})
		}
		if err := appendRows(c, "_sen_need", vals); err != nil {
			return err
		}
		if _, err := c.ExecContext(ctx, `DELETE FROM sen_need WHERE (urn, academic_year) IN (SELECT DISTINCT urn, academic_year FROM _sen_need)`); err != nil {
			return err
		}
		if _, err := c.ExecContext(ctx, `INSERT OR REPLACE INTO sen_need SELECT * FROM _sen_need`); err != nil {
			return err
		}
		_, err := c.ExecContext(ctx, `DROP TABLE _sen_need`)
		return err
	})
}

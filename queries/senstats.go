package queries

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
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

// SENFile is what one statistics file holds: totals or need counts.
type SENFile struct {
	Source string // the file's path, recorded with each row and named in errors
	Totals []SENTotals
	Needs  []SENNeed
}

// ImportSENFiles loads several files in one transaction: all of them, or, when
// one fails, none (the error names the file).
func (s *Store) ImportSENFiles(ctx context.Context, files []SENFile) error {
	now := time.Now().UTC()
	return s.withTx(ctx, func(c *sql.Conn) error {
		for _, f := range files {
			var err error
			if len(f.Totals) > 0 {
				err = importSENTotals(ctx, c, f.Totals, f.Source, now)
			}
			if err == nil && len(f.Needs) > 0 {
				err = importSENNeeds(ctx, c, f.Needs, f.Source, now)
			}
			if err != nil {
				return fmt.Errorf("%s: %w", f.Source, err)
			}
		}
		return nil
	})
}

// ImportSENTotals loads per-school totals, replacing those held for the same
// school and year, in one transaction.
func (s *Store) ImportSENTotals(ctx context.Context, rows []SENTotals, sourceFile string) error {
	return s.ImportSENFiles(ctx, []SENFile{{Source: sourceFile, Totals: rows}})
}

// ImportSENNeeds loads per-school primary-need counts. Every school and year in
// the file has its earlier counts replaced whole, so a need no longer listed
// does not linger.
func (s *Store) ImportSENNeeds(ctx context.Context, rows []SENNeed, sourceFile string) error {
	return s.ImportSENFiles(ctx, []SENFile{{Source: sourceFile, Needs: rows}})
}

func importSENTotals(ctx context.Context, c *sql.Conn, rows []SENTotals, sourceFile string, now time.Time) error {
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
}

func importSENNeeds(ctx context.Context, c *sql.Conn, rows []SENNeed, sourceFile string, now time.Time) error {
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
}

package queries

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strings"
	"time"
)

// School is a register row as the store keeps it. Its fields match
// register.School one for one, so the importer converts with School(s).
type School struct {
	URN                        int
	Name                       string
	LACode                     string
	LAName                     string
	LAONSCode                  string
	RegionName                 string
	EstablishmentNumber        string
	Type                       string
	TypeGroup                  string
	Status                     string
	Phase                      string
	LowAge                     *int
	HighAge                    *int
	Website                    string
	WebsiteAsGiven             string
	Town                       string
	Postcode                   string
	DistrictCode               string
	DistrictName               string
	Pupils                     *int
	SENProvisionTypes          []string
	ResourcedProvisionType     string
	ResourcedProvisionOnRoll   *int
	ResourcedProvisionCapacity *int
	SENUnitOnRoll              *int
	SENUnitCapacity            *int
}

// ImportStats says what an import changed.
type ImportStats struct {
	Inserted int
	Updated  int
}

// ImportSchools loads register rows, replacing schools already held with the same
// URN. It is one transaction: on any error the store is exactly as it was.
func (s *Store) ImportSchools(ctx context.Context, schools []School, sourceFile string) (ImportStats, error) {
	var st ImportStats
	now := time.Now().UTC()
	err := s.withTx(ctx, func(c *sql.Conn) error {
		if _, err := c.ExecContext(ctx, `CREATE TABLE _schools_staging AS SELECT * FROM schools LIMIT 0`); err != nil {
			return err
		}
		rows := make([][]driver.Value, 0, len(schools))
		for _, sc := range schools {
			rows = append(rows, []driver.Value{
				int32(sc.URN), sc.Name, nullString(sc.LACode), nullString(sc.LAName), nullString(sc.EstablishmentNumber),
				nullString(sc.Type), nullString(sc.TypeGroup), nullString(sc.Status), nullString(sc.Phase),
				nullInt(sc.LowAge), nullInt(sc.HighAge), nullString(sc.Website), nullString(sc.WebsiteAsGiven),
				nullString(sc.Town), nullString(sc.Postcode), nullString(sc.DistrictCode), nullString(sc.DistrictName),
				nullInt(sc.Pupils), nullString(strings.Join(sc.SENProvisionTypes, ";")), nullString(sc.ResourcedProvisionType),
				nullInt(sc.ResourcedProvisionOnRoll), nullInt(sc.ResourcedProvisionCapacity),
				nullInt(sc.SENUnitOnRoll), nullInt(sc.SENUnitCapacity), nullString(sourceFile), now,
				nullString(sc.LAONSCode), nullString(sc.RegionName),
			})
		}
		if err := appendRows(c, "_schools_staging", rows); err != nil {
			return err
		}
		var dup sql.NullInt64
		if err := c.QueryRowContext(ctx, `SELECT min(urn) FROM (SELECT urn FROM _schools_staging GROUP BY urn HAVING count(*) > 1)`).Scan(&dup); err != nil {
			return err
		}
		if dup.Valid {
			return fmt.Errorf("URN %d appears more than once", dup.Int64)
		}
		if err := c.QueryRowContext(ctx, `SELECT count(*) FROM _schools_staging WHERE urn IN (SELECT urn FROM schools)`).Scan(&st.Updated); err != nil {
			return err
		}
		st.Inserted = len(schools) - st.Updated
		if _, err := c.ExecContext(ctx, `INSERT OR REPLACE INTO schools SELECT * FROM _schools_staging`); err != nil {
			return fmt.Errorf("merging the register: %w", err)
		}
		_, err := c.ExecContext(ctx, `DROP TABLE _schools_staging`)
		return err
	})
	return st, err
}

// Target is a school the crawler should visit.
type Target struct {
	URN     int
	Name    string
	LACode  string
	Website string
}

// Scope narrows a command to some LAs or schools; empty means all.
type Scope struct {
	LA   []string // three-digit LA codes or LA names
	URNs []int
}

func (sc Scope) where(urnCol, laCodeCol, laNameCol string) (string, []any) {
	var conds []string
	var args []any
	if len(sc.LA) > 0 {
		var ors []string
		for _, la := range sc.LA {
			ors = append(ors, fmt.Sprintf("(%s = ? OR lower(%s) = lower(?) OR %s IN (SELECT s2.la_code FROM schools s2 WHERE s2.la_ons_code = ?))", laCodeCol, laNameCol, laCodeCol))
			args = append(args, la, la, la)
		}
		conds = append(conds, "("+strings.Join(ors, " OR ")+")")
	}
	if len(sc.URNs) > 0 {
		ph := make([]string, len(sc.URNs))
		for i, u := range sc.URNs {
			ph[i] = "?"
			args = append(args, u)
		}
		conds = append(conds, fmt.Sprintf("%s IN (%s)", urnCol, strings.Join(ph, ",")))
	}
	if len(conds) == 0 {
		return "TRUE", nil
	}
	return strings.Join(conds, " AND "), args
}

// Targets lists the schools in scope, websites or not, in URN order.
func (s *Store) Targets(ctx context.Context, scope Scope) ([]Target, error) {
	cond, args := scope.where("urn", "la_code", "la_name")
	rows, err := s.db.QueryContext(ctx, `SELECT urn, name, coalesce(la_code, ''), coalesce(website, '') FROM schools WHERE `+cond+` ORDER BY urn`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Target
	for rows.Next() {
		var t Target
		if err := rows.Scan(&t.URN, &t.Name, &t.LACode, &t.Website); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// SchoolCount is the number of schools held.
func (s *Store) SchoolCount(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM schools`).Scan(&n)
	return n, err
}

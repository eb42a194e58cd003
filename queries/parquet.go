package queries

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// cleanUDF is a VARCHAR -> VARCHAR function written in Go, so that text can be
// cleaned (pseudonymised) inside DuckDB on its way into a Parquet file.
type cleanUDF struct {
	fn func(string) string
}

func (u cleanUDF) Config() duckdb.ScalarFuncConfig {
	varchar, _ := duckdb.NewTypeInfo(duckdb.TYPE_VARCHAR)
	return duckdb.ScalarFuncConfig{InputTypeInfos: []duckdb.TypeInfo{varchar}, ResultTypeInfo: varchar}
}

func (u cleanUDF) Executor() duckdb.ScalarFuncExecutor {
	return duckdb.ScalarFuncExecutor{RowExecutor: func(values []driver.Value) (any, error) {
		s, _ := values[0].(string)
		return u.fn(s), nil
	}}
}

// ExportParquet writes a named analysis or table to a Parquet file with DuckDB's
// own writer, so the column types are the store's; clean is applied to every text
// column on the way (nil: text as stored). With partitionBy, path is a folder that
// must not exist, written as a Hive-partitioned dataset: one folder level per
// column (academic_year=2025%2F26/la_code=998/data_0.parquet; an empty value is
// __HIVE_DEFAULT_PARTITION__), the partition columns held by the folder names
// alone; a table of no rows is one empty file there. It returns the rows written.
func (s *Store) ExportParquet(ctx context.Context, a Analysis, p Params, path string, partitionBy []string, clean func(string) string) (int, error) {
	c, err := s.db.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	if clean == nil {
		clean = func(s string) string { return s }
	}
	if err := duckdb.RegisterScalarUDF(c, "sendscope_clean", cleanUDF{clean}); err != nil {
		return 0, fmt.Errorf("registering the cleaning function: %w", err)
	}
	// The column types come from an empty run of the query; the rows then go
	// straight from the query into the file, never held whole (a temporary
	// table of a national facts table took the export to 585 MB).
	tmp := "_export_" + a.Name
	if _, err := c.ExecContext(ctx, `CREATE OR REPLACE TEMP TABLE `+tmp+` AS SELECT * FROM (`+a.SQL+`) LIMIT 0`, p.args(a.SQL)...); err != nil {
		return 0, fmt.Errorf("%s: %w", a.Name, err)
	}
	defer c.ExecContext(context.WithoutCancel(ctx), `DROP TABLE IF EXISTS `+tmp)
	cols, err := columnTypes(ctx, c, tmp)
	if err != nil {
		return 0, err
	}
	var sel []string
	for _, col := range cols {
		q := `"` + strings.ReplaceAll(col[0], `"`, `""`) + `"`
		switch col[1] {
		case "VARCHAR":
			sel = append(sel, "sendscope_clean("+q+") AS "+q)
		case "VARCHAR[]":
			sel = append(sel, "list_transform("+q+", x -> sendscope_clean(x)) AS "+q)
		default:
			sel = append(sel, q)
		}
	}
	opts := "FORMAT parquet, COMPRESSION zstd"
	if len(partitionBy) > 0 {
		var pcols []string
		for _, col := range partitionBy {
			if !slices.ContainsFunc(cols, func(c [2]string) bool { return c[0] == col }) {
				return 0, fmt.Errorf("%s has no column %s to partition by", a.Name, col)
			}
			pcols = append(pcols, `"`+col+`"`)
		}
		opts += ", PARTITION_BY (" + strings.Join(pcols, ", ") + ")"
	}
	res, err := c.ExecContext(ctx, fmt.Sprintf(`COPY (SELECT %s FROM (%s)) TO '%s' (%s)`,
		strings.Join(sel, ", "), a.SQL, strings.ReplaceAll(path, "'", "''"), opts), p.args(a.SQL)...)
	if err != nil {
		return 0, fmt.Errorf("writing %s: %w", path, err)
	}
	n, err := res.RowsAffected()
	if err != nil || n > 0 || len(partitionBy) == 0 {
		return int(n), err
	}
	// No rows, no files: a folder that no reader could open. One empty file in the
	// partition of empty values keeps the table's columns, so the folder reads as a
	// table of no rows.
	dir := path
	var keep []string
	for _, col := range partitionBy {
		dir = filepath.Join(dir, col+"=__HIVE_DEFAULT_PARTITION__")
	}
	for i, col := range cols {
		if !slices.Contains(partitionBy, col[0]) {
			keep = append(keep, sel[i])
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	file := filepath.Join(dir, "data_0.parquet")
	if _, err := c.ExecContext(ctx, fmt.Sprintf(`COPY (SELECT %s FROM (%s) LIMIT 0) TO '%s' (FORMAT parquet, COMPRESSION zstd)`,
		strings.Join(keep, ", "), a.SQL, strings.ReplaceAll(file, "'", "''")), p.args(a.SQL)...); err != nil {
		return 0, fmt.Errorf("writing %s: %w", file, err)
	}
	return 0, nil
}

// WriteParquetStrings writes rows of text to a Parquet file (the data dictionary).
func (s *Store) WriteParquetStrings(ctx context.Context, path string, cols []string, rows [][]string) error {
	c, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	var defs []string
	for _, col := range cols {
		defs = append(defs, `"`+col+`" VARCHAR`)
	}
	if _, err := c.ExecContext(ctx, `CREATE OR REPLACE TEMP TABLE _export_strings (`+strings.Join(defs, ", ")+`)`); err != nil {
		return err
	}
	defer c.ExecContext(context.WithoutCancel(ctx), `DROP TABLE IF EXISTS _export_strings`)
	ph := strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ")
	for _, r := range rows {
		args := make([]any, len(r))
		for i, v := range r {
			args[i] = v
		}
		if _, err := c.ExecContext(ctx, `INSERT INTO _export_strings VALUES (`+ph+`)`, args...); err != nil {
			return err
		}
	}
	_, err = c.ExecContext(ctx, fmt.Sprintf(`COPY _export_strings TO '%s' (FORMAT parquet)`, strings.ReplaceAll(path, "'", "''")))
	return err
}

func columnTypes(ctx context.Context, c *sql.Conn, table string) ([][2]string, error) {
	rows, err := c.QueryContext(ctx, `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][2]string
	for rows.Next() {
		var n, t string
		if err := rows.Scan(&n, &t); err != nil {
			return nil, err
		}
		out = append(out, [2]string{n, t})
	}
	return out, rows.Err()
}

package queries

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
)

//go:embed schema/*.sql
var schemaFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists schema/NNN_name.sql in version order.
func migrations() []migration {
	entries, err := schemaFiles.ReadDir("schema")
	if err != nil {
		panic(err) // embedded at build time; cannot fail at run time
	}
	var ms []migration
	for _, e := range entries {
		num, name, ok := strings.Cut(strings.TrimSuffix(e.Name(), ".sql"), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			panic("schema file not named NNN_name.sql: " + e.Name())
		}
		body, err := schemaFiles.ReadFile(path.Join("schema", e.Name()))
		if err != nil {
			panic(err)
		}
		ms = append(ms, migration{version: v, name: name, sql: string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms
}

func latestVersion() int {
	ms := migrations()
	return ms[len(ms)-1].version
}

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int { return latestVersion() }

func (s *Store) schemaVersion(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx,
		`SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("reading the schema version of %s: %w", s.path, err)
	}
	if n == 0 {
		return 0, nil
	}
	var v int
	if err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("reading the schema version of %s: %w", s.path, err)
	}
	return v, nil
}

func newerStoreError(path string, have int) error {
	return fmt.Errorf("the store %s was written by a newer sendscope (schema version %d; this one knows up to %d): upgrade sendscope, or use another --db",
		path, have, latestVersion())
}

// migrate applies every migration newer than the file's version, each in its own
// transaction together with its entry in schema_version.
func (s *Store) migrate(ctx context.Context) error {
	return s.migrateTo(ctx, latestVersion())
}

// migrateTo applies the migrations up to version upTo (tests make old stores with it).
func (s *Store) migrateTo(ctx context.Context, upTo int) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`); err != nil {
		return fmt.Errorf("preparing %s: %w", s.path, err)
	}
	have, err := s.schemaVersion(ctx)
	if err != nil {
		return err
	}
	if have > latestVersion() {
		return newerStoreError(s.path, have)
	}
	for _, m := range migrations() {
		if m.version <= have || m.version > upTo {
			continue
		}
		err := s.withTx(ctx, func(c *sql.Conn) error {
			if _, err := c.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			_, err := c.ExecContext(ctx, `INSERT INTO schema_version (version, name) VALUES (?, ?)`, m.version, m.name)
			return err
		})
		if err != nil {
			return fmt.Errorf("migrating %s to schema %03d_%s: %w", s.path, m.version, m.name, err)
		}
	}
	return nil
}

package queries

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/duckdb/duckdb-go/v2"
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

// SENFlag is what the DfE records a school as providing for (provides_for:ASD,
// sen_unit, resourced_provision); nil: not given.
type SENFlag struct {
	URN      int
	Year     string
	Flag     string
	Provides *bool
}

// LAEHCP is one figure of the DfE's LA-level EHC plan tables (topic need or
// placement).
type LAEHCP struct {
	LACode    string
	NewLACode string
	LAName    string
	Year      string
	Topic     string
	Category  string
	Plans     *int
}

// SENFileSummary is what one file held, recorded in sen_files.
type SENFileSummary struct {
	Shape, Encoding     string
	Years               []string
	RowsRead, Loaded    int
	ValuesSuppressed    int
	SchoolsSuppressed   int
	LabelsNotRecognised []string
	ColumnsNotUsed      []string
}

// SENSource is one file to import: Read streams its rows into the writer (so a
// file of a million rows is never held whole) and says what it held.
type SENSource struct {
	Source string // the file's path, recorded with each row and named in errors
	Read   func(w *SENWriter) (SENFileSummary, error)
}

// SENWriter appends a file's rows to staging tables during ImportSENSources.
type SENWriter struct {
	source string
	now    time.Time
	stats  *duckdb.Appender
	need   *duckdb.Appender
	flags  *duckdb.Appender
	la     *duckdb.Appender
}

// Totals appends a school's totals.
func (w *SENWriter) Totals(t SENTotals) error {
	return w.stats.AppendRow(int32(t.URN), t.Year, nullInt(t.Pupils), nullInt(t.SENSupport), nullInt(t.EHCP), w.source, w.now)
}

// Need appends a school's pupils with one need.
func (w *SENWriter) Need(n SENNeed) error {
	return w.need.AppendRow(int32(n.URN), n.Year, n.Provision, n.NeedType, nullInt(n.Pupils), w.source, w.now)
}

// Flag appends one of the school's DfE flags.
func (w *SENWriter) Flag(f SENFlag) error {
	var p driver.Value
	if f.Provides != nil {
		p = *f.Provides
	}
	return w.flags.AppendRow(int32(f.URN), f.Year, f.Flag, p, w.source, w.now)
}

// LAEHCP appends one LA figure.
func (w *SENWriter) LAEHCP(l LAEHCP) error {
	return w.la.AppendRow(l.LACode, l.Year, l.Topic, l.Category, nullInt(l.Plans), nullString(l.LAName), nullString(l.NewLACode), w.source, w.now)
}

var senStaging = [][2]string{{"_sen_stats", "sen_stats"}, {"_sen_need", "sen_need"}, {"_sen_flags", "sen_school_flags"}, {"_la_ehcp", "la_ehcp"}}

// The statements that move a file's staged rows into the store. Its earlier rows
// go first (re-importing a file replaces them), then those of every school (LA)
// and year it holds, so a need or placement it no longer lists does not linger.
// The reader hands each school's need and flag once (sen_need and
// sen_school_flags have no key index, which would not fit a large file in
// bounded memory); the small tables drop duplicates here.
const senMerge = `
DELETE FROM sen_stats WHERE source_file = $1;
DELETE FROM sen_need WHERE source_file = $1;
DELETE FROM sen_school_flags WHERE source_file = $1;
DELETE FROM la_ehcp WHERE source_file = $1;
DELETE FROM sen_stats WHERE (urn, academic_year) IN (SELECT DISTINCT urn, academic_year FROM _sen_stats);
DELETE FROM sen_need WHERE (urn, academic_year) IN (SELECT DISTINCT urn, academic_year FROM _sen_need);
DELETE FROM sen_school_flags WHERE (urn, academic_year) IN (SELECT DISTINCT urn, academic_year FROM _sen_flags);
DELETE FROM la_ehcp WHERE (la_code, year, topic) IN (SELECT DISTINCT la_code, year, topic FROM _la_ehcp);
INSERT INTO sen_stats SELECT DISTINCT ON (urn, academic_year) * FROM _sen_stats;
INSERT INTO sen_need SELECT * FROM _sen_need;
INSERT INTO sen_school_flags SELECT * FROM _sen_flags;
INSERT INTO la_ehcp SELECT DISTINCT ON (la_code, year, topic, category) * FROM _la_ehcp;
`

// ImportSENSources loads several files in one transaction: all of them, or, when
// one fails, none (the error names the file).
func (s *Store) ImportSENSources(ctx context.Context, srcs []SENSource) error {
	now := time.Now().UTC()
	return s.withTx(ctx, func(c *sql.Conn) error {
		for _, src := range srcs {
			if err := importSENSource(ctx, c, src, now); err != nil {
				if strings.HasPrefix(err.Error(), src.Source+":") {
					return err
				}
				return fmt.Errorf("%s: %w", src.Source, err)
			}
		}
		return nil
	})
}

func importSENSource(ctx context.Context, c *sql.Conn, src SENSource, now time.Time) error {
	for _, t := range senStaging {
		if _, err := c.ExecContext(ctx, fmt.Sprintf(`CREATE OR REPLACE TABLE %s AS SELECT * FROM %s LIMIT 0`, t[0], t[1])); err != nil {
			return err
		}
	}
	var sum SENFileSummary
	err := c.Raw(func(dc any) error {
		conn, ok := dc.(driver.Conn)
		if !ok {
			return fmt.Errorf("appender: unexpected driver connection %T", dc)
		}
		w := &SENWriter{source: src.Source, now: now}
		var apps []*duckdb.Appender
		for i, dst := range []**duckdb.Appender{&w.stats, &w.need, &w.flags, &w.la} {
			a, err := duckdb.NewAppenderFromConn(conn, "", senStaging[i][0])
			if err != nil {
				for _, o := range apps {
					o.Close()
				}
				return fmt.Errorf("appender for %s: %w", senStaging[i][0], err)
			}
			*dst = a
			apps = append(apps, a)
		}
		var err error
		sum, err = src.Read(w)
		for _, a := range apps {
			err = errors.Join(err, a.Close())
		}
		return err
	})
	if err != nil {
		return err
	}
	for _, stmt := range strings.Split(strings.TrimSpace(senMerge), ";\n") {
		var args []any
		if strings.Contains(stmt, "$1") {
			args = append(args, src.Source)
		}
		if _, err := c.ExecContext(ctx, strings.TrimSuffix(stmt, ";"), args...); err != nil {
			return fmt.Errorf("storing (%.60s): %w", strings.TrimSpace(stmt), err)
		}
	}
	for _, t := range senStaging {
		if _, err := c.ExecContext(ctx, `DROP TABLE `+t[0]); err != nil {
			return err
		}
	}
	_, err = c.ExecContext(ctx, `INSERT OR REPLACE INTO sen_files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		src.Source, sum.Shape, nullString(sum.Encoding), nullString(strings.Join(sum.Years, ", ")), sum.RowsRead, sum.Loaded,
		sum.ValuesSuppressed, sum.SchoolsSuppressed, nullString(strings.Join(sum.LabelsNotRecognised, "; ")),
		nullString(strings.Join(sum.ColumnsNotUsed, ", ")), now)
	return err
}

// SENFile is what one statistics file holds, read already (small files).
type SENFile struct {
	Source string
	Totals []SENTotals
	Needs  []SENNeed
}

// ImportSENFiles loads files already read, all or none, as ImportSENSources.
func (s *Store) ImportSENFiles(ctx context.Context, files []SENFile) error {
	var srcs []SENSource
	for _, f := range files {
		srcs = append(srcs, SENSource{Source: f.Source, Read: func(w *SENWriter) (SENFileSummary, error) {
			for _, t := range f.Totals {
				if err := w.Totals(t); err != nil {
					return SENFileSummary{}, err
				}
			}
			for _, n := range f.Needs {
				if err := w.Need(n); err != nil {
					return SENFileSummary{}, err
				}
			}
			return SENFileSummary{Shape: "rows", RowsRead: len(f.Totals) + len(f.Needs), Loaded: len(f.Totals) + len(f.Needs)}, nil
		}})
	}
	return s.ImportSENSources(ctx, srcs)
}

package queries

import (
	"bufio"
	"context"
	"database/sql"
	"embed"
	"fmt"
	"path"
	"sort"
	"strings"
)

//go:embed analyses/*.sql tables/*.sql
var namedFiles embed.FS

// Analysis is a named SQL file: an analysis users run by name, or an export table.
// Its header comment documents it and is parsed into these fields, so the data
// dictionary and `query list` come from the same words an analyst reads.
type Analysis struct {
	Name     string
	Question string
	Params   []Column
	Columns  []Column
	SQL      string
}

// Column is a documented name: an output column or a parameter.
type Column struct {
	Name    string
	Meaning string
}

// Params are the values an analysis may take; empty means "all".
type Params struct {
	Year  string
	LA    string
	URN   int
	Since string // the earlier year to compare with (changes); empty: the year before
}

func loadNamed(dir string) []Analysis {
	entries, err := namedFiles.ReadDir(dir)
	if err != nil {
		panic(err) // embedded at build time
	}
	var out []Analysis
	for _, e := range entries {
		body, err := namedFiles.ReadFile(path.Join(dir, e.Name()))
		if err != nil {
			panic(err)
		}
		a, err := parseHeader(string(body))
		if err != nil {
			panic(fmt.Sprintf("queries/%s/%s: %v", dir, e.Name(), err))
		}
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// parseHeader reads "-- name:", "-- question:", "-- parameters:" and "-- columns:"
// sections; "--   key: meaning" lines belong to the section above them.
func parseHeader(sqlText string) (Analysis, error) {
	a := Analysis{SQL: sqlText}
	section := ""
	sc := bufio.NewScanner(strings.NewReader(sqlText))
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "--") {
			break
		}
		body := strings.TrimPrefix(line, "--")
		indented := strings.HasPrefix(body, "   ")
		body = strings.TrimSpace(body)
		key, val, hasColon := strings.Cut(body, ":")
		switch {
		case !indented && hasColon && key == "name":
			a.Name, section = strings.TrimSpace(val), ""
		case !indented && hasColon && key == "question":
			a.Question, section = strings.TrimSpace(val), "question"
		case !indented && hasColon && key == "parameters":
			section = "parameters"
		case !indented && hasColon && key == "columns":
			section = "columns"
		case indented && section == "question":
			a.Question += " " + body
		case indented && hasColon && (section == "parameters" || section == "columns"):
			c := Column{Name: strings.TrimSpace(key), Meaning: strings.TrimSpace(val)}
			if section == "parameters" {
				a.Params = append(a.Params, c)
			} else {
				a.Columns = append(a.Columns, c)
			}
		}
	}
	if a.Name == "" {
		return a, fmt.Errorf("header has no '-- name:' line")
	}
	if len(a.Columns) == 0 {
		return a, fmt.Errorf("header documents no columns")
	}
	return a, nil
}

var (
	analyses = loadNamed("analyses")
	tables   = loadNamed("tables")
)

// Analyses lists the named analyses users run with `query run NAME`.
func Analyses() []Analysis { return analyses }

// Tables lists the export tables other than the named analyses.
func Tables() []Analysis { return tables }

// Lookup finds a named analysis or table by name.
func Lookup(name string) (Analysis, bool) {
	for _, a := range append(append([]Analysis{}, analyses...), tables...) {
		if a.Name == name {
			return a, true
		}
	}
	return Analysis{}, false
}

// args binds the parameters the SQL uses; an empty value binds NULL ("all").
func (p Params) args(sqlText string) []any {
	var out []any
	bind := func(name string, v any) {
		if strings.Contains(sqlText, "$"+name) {
			out = append(out, sql.Named(name, v))
		}
	}
	bind("year", nullIfEmpty(p.Year))
	bind("la", nullIfEmpty(p.LA))
	bind("since", nullIfEmpty(p.Since))
	if p.URN != 0 {
		bind("urn", p.URN)
	} else {
		bind("urn", nil)
	}
	return out
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Run runs a named analysis or table and returns its rows; the caller closes them.
func (s *Store) Run(ctx context.Context, a Analysis, p Params) (*sql.Rows, error) {
	rows, err := s.db.QueryContext(ctx, a.SQL, p.args(a.SQL)...)
	if err != nil {
		return nil, fmt.Errorf("analysis %s: %w", a.Name, err)
	}
	return rows, nil
}

// keyed are the export tables large enough to be read in key ranges, and how.
var keyed = map[string]struct{ key, order, counts string }{
	"facts":     {"doc_id", "doc_id, evidence_start, field", `SELECT doc_id, count(*) FROM facts GROUP BY doc_id ORDER BY doc_id`},
	"documents": {"doc_id", "doc_id", `SELECT doc_id, 1 FROM documents ORDER BY doc_id`},
}

// RunInRanges runs a named table in ranges of its key of about per rows each,
// handing each range's rows to each in order. DuckDB's Go driver hands over a
// result whole, so a million-row table read at once would hold every row in
// memory; tables without a key range run as one query.
func (s *Store) RunInRanges(ctx context.Context, a Analysis, p Params, per int, each func(*sql.Rows) error) error {
	k, ok := keyed[a.Name]
	if !ok {
		rows, err := s.Run(ctx, a, p)
		if err != nil {
			return err
		}
		defer rows.Close()
		return each(rows)
	}
	counts, err := s.db.QueryContext(ctx, k.counts)
	if err != nil {
		return err
	}
	var bounds []int64
	var n int
	for counts.Next() {
		var key int64
		var c int
		if err := counts.Scan(&key, &c); err != nil {
			counts.Close()
			return err
		}
		if len(bounds) == 0 || n+c > per {
			bounds, n = append(bounds, key), 0
		}
		n += c
	}
	counts.Close()
	if err := counts.Err(); err != nil {
		return err
	}
	query := `SELECT * FROM (` + a.SQL + `) WHERE ` + k.key + ` >= $lo AND ($hi IS NULL OR ` + k.key + ` < $hi) ORDER BY ` + k.order
	if len(bounds) == 0 {
		bounds = []int64{0}
	}
	for i, lo := range bounds {
		var hi any
		if i+1 < len(bounds) {
			hi = bounds[i+1]
		}
		args := append(p.args(a.SQL), sql.Named("lo", lo), sql.Named("hi", hi))
		rows, err := s.db.QueryContext(ctx, query, args...)
		if err != nil {
			return fmt.Errorf("%s: %w", a.Name, err)
		}
		err = each(rows)
		rows.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

package queries

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// lockedOptions are the DuckDB settings of a store opened for user-written SQL
// (OpenLocked). They are set when the database is opened, before anything runs,
// and lock_configuration stops a SET or PRAGMA from undoing them:
//   - enable_external_access=false: no file or URL other than the store itself
//     can be read or written (COPY, EXPORT, ATTACH, read_csv, 'x.csv', http://...);
//   - autoinstall/autoload_known_extensions=false: reading a URL or a format
//     cannot fetch an extension from the internet;
//   - access_mode=read_only (from OpenReadOnly): the store itself cannot change.
const lockedOptions = "&enable_external_access=false&autoinstall_known_extensions=false&autoload_known_extensions=false&lock_configuration=true"

// OpenLocked opens an existing store read-only for SQL a user wrote (`query sql`):
// on top of OpenReadOnly, the database can reach no other file, no URL and no
// extension, and its configuration is locked. Use ReadSQL on it.
func OpenLocked(ctx context.Context, path string, opt OpenOptions) (*Store, error) {
	opt.ReadOnly, opt.Batches, opt.settings = true, false, lockedOptions
	s, err := openReadOnly(ctx, path, opt)
	if err != nil {
		return nil, err
	}
	s.locked = true
	return s, nil
}

// RefusedError is a statement ReadSQL will not run, with what to do instead.
type RefusedError struct{ Reason string }

func (e *RefusedError) Error() string { return "query sql reads the store only: " + e.Reason }

func refuse(format string, a ...any) error { return &RefusedError{Reason: fmt.Sprintf(format, a...)} }

// readKinds are the first words of the statements ReadSQL runs, and
// allowedKinds says so in a message.
var readKinds = []string{"SELECT", "WITH", "FROM", "VALUES", "TABLE", "SUMMARIZE", "DESCRIBE", "SHOW", "EXPLAIN"}

const allowedKinds = "SELECT, WITH, FROM, VALUES, TABLE, SUMMARIZE, DESCRIBE, SHOW or EXPLAIN"

const keepResult = "to keep a result use `sendscope query sql \"SELECT ...\" --format csv > file`, or `sendscope export`"

// refusedKinds say, for each statement kind that writes, reaches out or changes
// settings, why ReadSQL refuses it and what to do instead.
var refusedKinds = map[string]string{
	"COPY":       "COPY writes files; " + keepResult,
	"EXPORT":     "EXPORT DATABASE writes files; use `sendscope export` for the research dataset",
	"IMPORT":     "IMPORT DATABASE changes the store; sendscope fills it through its own commands (register import, crawl, extract)",
	"ATTACH":     "ATTACH opens another database; pass --db to read another sendscope store",
	"DETACH":     "DETACH changes which databases are open; pass --db to read another sendscope store",
	"USE":        "USE changes which database is read; pass --db to read another sendscope store",
	"INSTALL":    "INSTALL fetches DuckDB extensions; query sql runs with extensions off",
	"FORCE":      "FORCE INSTALL/CHECKPOINT is not a read; query sql runs with extensions off and changes nothing",
	"LOAD":       "LOAD loads DuckDB extensions; query sql runs with extensions off",
	"SET":        "SET changes settings, which query sql locks; current_setting('name') or SELECT * FROM duckdb_settings() reads them",
	"RESET":      "RESET changes settings, which query sql locks; current_setting('name') or SELECT * FROM duckdb_settings() reads them",
	"PRAGMA":     "PRAGMA can change settings; read the same facts with SELECT * FROM duckdb_databases(), duckdb_tables(), duckdb_settings() or pragma_table_info('facts')",
	"CALL":       "CALL runs procedures that may change settings; use SELECT * FROM function(...) with a function that reads",
	"CHECKPOINT": "CHECKPOINT writes the store; query sql changes nothing",
	"VACUUM":     "VACUUM writes the store; query sql changes nothing",
	"ANALYZE":    "ANALYZE writes the store's statistics; query sql changes nothing (EXPLAIN ANALYZE SELECT ... is fine)",
}

// changesTheStore are statement kinds that change the store's contents.
var changesTheStore = []string{"CREATE", "INSERT", "UPDATE", "DELETE", "DROP", "ALTER", "TRUNCATE", "MERGE",
	"UPSERT", "REPLACE", "COMMENT", "GRANT", "REVOKE"}

// transactionKinds manage transactions or prepared statements, which one read does not need.
var transactionKinds = []string{"BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "PREPARE", "EXECUTE", "DEALLOCATE"}

// kindRefusal says why a statement of this kind is refused, or nil if its kind
// may be a read (DuckDB's parser then decides).
func kindRefusal(st statement) error {
	if len(st.words) == 0 {
		return nil
	}
	word := st.words[0].text
	if word == "UPDATE" && len(st.words) > 1 && st.words[1].text == "EXTENSIONS" {
		return refuse("UPDATE EXTENSIONS fetches DuckDB extensions; query sql runs with extensions off")
	}
	if r, ok := refusedKinds[word]; ok {
		return refuse("%s", r)
	}
	if slices.Contains(changesTheStore, word) {
		return refuse("%s changes the store; sendscope changes it only through its own commands (register import, crawl, extract, needs import)", word)
	}
	if slices.Contains(transactionKinds, word) {
		return refuse("%s is not a read; give one %s statement", word, allowedKinds)
	}
	return nil
}

// ReadSQL runs one statement a user wrote, if it only reads the store: exactly
// one SELECT (or WITH, FROM, VALUES, TABLE, SUMMARIZE, DESCRIBE, SHOW, EXPLAIN
// of one of these) that reads no file or URL and calls no table function that
// could change settings. Anything else is a *RefusedError naming what was refused
// and what to do instead. The check gives the clear message; the store being
// opened with OpenLocked is what stops anything the check misses.
func (s *Store) ReadSQL(ctx context.Context, query string) (*sql.Rows, error) {
	if !s.locked {
		return nil, errors.New("ReadSQL needs a store opened with OpenLocked")
	}
	if err := s.checkReadSQL(ctx, query); err != nil {
		return nil, err
	}
	return s.db.QueryContext(ctx, query)
}

// checkReadSQL is ReadSQL's check, without running the statement: first by
// words (to name what was refused), then by DuckDB's own parser, whose parse
// tree must be one SELECT reading only the store.
func (s *Store) checkReadSQL(ctx context.Context, query string) error {
	stmts := splitStatements(query)
	if len(stmts) == 0 {
		return refuse("no statement given; give one %s statement", allowedKinds)
	}
	for _, st := range stmts {
		if err := kindRefusal(st); err != nil {
			return err
		}
	}
	if len(stmts) > 1 {
		return refuse("it runs one statement, and this has %d separated by `;`; run them one at a time", len(stmts))
	}
	st := stmts[0]
	body := st.text
	if len(st.words) > 0 && st.words[0].text == "EXPLAIN" {
		// EXPLAIN [ANALYZE] of a read is a read; what follows must pass on its own.
		cut := st.words[0].end
		if len(st.words) > 1 && st.words[1].text == "ANALYZE" {
			cut = st.words[1].end
		}
		body = st.text[cut:]
		if rest := splitStatements(body); len(rest) == 1 {
			if err := kindRefusal(rest[0]); err != nil {
				return err
			}
		}
	}
	return s.checkParsed(ctx, body, st)
}

// checkParsed asks DuckDB's parser for the statement's tree (json_serialize_sql
// serialises SELECT statements only, so anything else fails here) and walks it
// for the table functions and file scans it would run.
func (s *Store) checkParsed(ctx context.Context, body string, st statement) error {
	var out string
	if err := s.db.QueryRowContext(ctx, `SELECT json_serialize_sql($1::VARCHAR)::VARCHAR`, body).Scan(&out); err != nil {
		return fmt.Errorf("parsing the statement: %w", err)
	}
	var tree struct {
		Error        bool   `json:"error"`
		ErrorType    string `json:"error_type"`
		ErrorMessage string `json:"error_message"`
		Statements   []any  `json:"statements"`
	}
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		return fmt.Errorf("parsing the statement: %w", err)
	}
	if tree.Error {
		if tree.ErrorType == "parser" {
			return fmt.Errorf("Parser Error: %s", tree.ErrorMessage)
		}
		word := "it"
		if len(st.words) > 0 {
			word = st.words[0].text
		}
		if slices.Contains(readKinds, word) {
			// The first word is a read's, but DuckDB's parser found more inside.
			return refuse("it runs one plain %s statement, and DuckDB parses this as another kind (PIVOT inside?); write it with GROUP BY", word)
		}
		return refuse("it runs one %s statement, and %s is not one", allowedKinds, word)
	}
	switch n := len(tree.Statements); {
	case n == 0:
		return refuse("no statement given; give one %s statement", allowedKinds)
	case n > 1:
		return refuse("it runs one statement, and this has %d; run them one at a time", n)
	}
	return walkTree(tree.Statements[0])
}

// readerFunctions read files or URLs; DuckDB names them so.
func isFileReader(name string) bool {
	return strings.HasPrefix(name, "read_") || strings.HasSuffix(name, "_scan") || strings.HasPrefix(name, "parquet_") ||
		strings.HasPrefix(name, "iceberg_") || strings.HasPrefix(name, "delta_") || strings.HasPrefix(name, "st_read") ||
		name == "glob" || name == "sniff_csv"
}

// readingFunctions are the table functions (and table macros) ReadSQL lets a
// statement call: they read the store, its catalogue or their arguments. Any
// other is refused, known or not: some change settings though they are called
// like reads (enable_logging, enable_profiling, checkpoint), and query() runs
// SQL this check cannot see.
var readingFunctions = map[string]bool{
	"range": true, "generate_series": true, "unnest": true, "repeat": true, "repeat_row": true,
	"json_each": true, "json_tree": true, "histogram": true, "histogram_values": true,
	"duckdb_columns": true, "duckdb_constraints": true, "duckdb_databases": true, "duckdb_dependencies": true,
	"duckdb_functions": true, "duckdb_indexes": true, "duckdb_keywords": true, "duckdb_schemas": true,
	"duckdb_sequences": true, "duckdb_settings": true, "duckdb_tables": true, "duckdb_types": true,
	"duckdb_views": true, "duckdb_memory": true, "duckdb_optimizers": true, "duckdb_variables": true,
	"pragma_table_info": true, "pragma_show": true, "pragma_database_size": true, "pragma_storage_info": true,
	"pragma_metadata_info": true, "pragma_version": true, "pragma_platform": true, "pragma_collations": true,
	"pragma_user_agent": true, "pg_timezone_names": true, "icu_calendar_names": true,
}

// walkTree refuses any table function not in readingFunctions and any table
// named like a file or URL (DuckDB reads `FROM 'x.csv'` as read_csv('x.csv')).
func walkTree(node any) error {
	switch n := node.(type) {
	case []any:
		for _, c := range n {
			if err := walkTree(c); err != nil {
				return err
			}
		}
	case map[string]any:
		switch n["type"] {
		case "TABLE_FUNCTION":
			if fn, ok := n["function"].(map[string]any); ok {
				name, _ := fn["function_name"].(string)
				name = strings.ToLower(name)
				if isFileReader(name) {
					return refuse("%s reads files or URLs; it reads the tables in the store (see `sendscope query sql \"SHOW TABLES\"`)", name)
				}
				if !readingFunctions[name] {
					return refuse("table function %s is not one it runs (it may change settings or run other SQL); read the tables, or duckdb_*() and pragma_*() catalogue functions", name)
				}
			}
		case "BASE_TABLE":
			for _, k := range []string{"catalog_name", "schema_name", "table_name"} {
				if v, _ := n[k].(string); strings.ContainsAny(v, "./\\:") {
					return refuse("FROM '%s' reads a file or URL; it reads the tables in the store (see `sendscope query sql \"SHOW TABLES\"`)", v)
				}
			}
		}
		for _, c := range n {
			if err := walkTree(c); err != nil {
				return err
			}
		}
	}
	return nil
}

// A statement is one `;`-separated piece of a query, with its first few words
// (upper-cased, outside strings, quoted names and comments) and where each ends.
type statement struct {
	text  string
	words []word
}

type word struct {
	text string
	end  int // offset in the statement's text just past the word
}

// splitStatements splits a query at the semicolons that are SQL, not inside a
// 'string', E'string', "name", $$dollar string$$, -- comment or /* comment */
// (nested, as DuckDB's parser allows), and drops pieces that hold nothing but
// space and comments. It exists to name what a query holds in a refusal; DuckDB's
// parser has the last word on what runs.
func splitStatements(q string) []statement {
	var out []statement
	start := 0
	var cur statement
	hasCode := false
	flush := func(end int) {
		if hasCode {
			cur.text = q[start:end]
			out = append(out, cur)
		}
		cur, hasCode = statement{}, false
	}
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == ';':
			flush(i)
			i++
			start = i
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			for i < len(q) && q[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(q) && q[i+1] == '*':
			depth := 0
			for i < len(q) {
				if q[i] == '/' && i+1 < len(q) && q[i+1] == '*' {
					depth++
					i += 2
				} else if q[i] == '*' && i+1 < len(q) && q[i+1] == '/' {
					depth--
					i += 2
					if depth == 0 {
						break
					}
				} else {
					i++
				}
			}
		case c == '\'' || c == '"':
			hasCode = true
			escapes := c == '\'' && i > 0 && (q[i-1] == 'e' || q[i-1] == 'E') && (i < 2 || !isWordByte(q[i-2]))
			i++
			for i < len(q) {
				if escapes && q[i] == '\\' {
					i += 2
					continue
				}
				if q[i] == c {
					if i+1 < len(q) && q[i+1] == c { // doubled quote
						i += 2
						continue
					}
					i++
					break
				}
				i++
			}
		case c == '$':
			hasCode = true
			if tag, ok := dollarTag(q[i:]); ok {
				end := strings.Index(q[i+len(tag):], tag)
				if end < 0 {
					i = len(q)
				} else {
					i += len(tag) + end + len(tag)
				}
			} else {
				i++
			}
		case isWordByte(c):
			hasCode = true
			j := i
			for j < len(q) && isWordByte(q[j]) {
				j++
			}
			if len(cur.words) < 3 && (c < '0' || c > '9') {
				cur.words = append(cur.words, word{text: strings.ToUpper(q[i:j]), end: j - start})
			}
			i = j
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			i++
		default:
			hasCode = true
			i++
		}
	}
	flush(len(q))
	return out
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// dollarTag returns the opening $tag$ (or $$) at the start of s, if s starts a
// dollar-quoted string rather than a $1 parameter.
func dollarTag(s string) (string, bool) {
	for j := 1; j < len(s); j++ {
		switch c := s[j]; {
		case c == '$':
			return s[:j+1], true
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 || (j > 1 && c >= '0' && c <= '9'):
		default:
			return "", false
		}
	}
	return "", false
}

package reports

import (
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Formats are the ways query results can be printed.
var Formats = []string{"table", "csv", "json"}

// WriteRows prints query results as an aligned table, CSV with a header row, or a
// JSON array of objects keyed by column name. CSV text is neutralised against
// formula injection like every other export.
func WriteRows(w io.Writer, rows *sql.Rows, format string) (int, error) {
	return WriteRowsFit(w, rows, format, TableOptions{})
}

// WriteRowsFit is WriteRows with a table fitted to a terminal (see TableOptions).
func WriteRowsFit(w io.Writer, rows *sql.Rows, format string, opt TableOptions) (int, error) {
	cols, err := rows.Columns()
	if err != nil {
		return 0, err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	n := 0
	switch format {
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write(cols)
		rec := make([]string, len(cols))
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				return n, err
			}
			for i, v := range vals {
				s, isText := cellText(v)
				if isText {
					s = SafeText(s)
				}
				rec[i] = s
			}
			cw.Write(rec)
			n++
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return n, err
		}
	case "json":
		enc := json.NewEncoder(w)
		io.WriteString(w, "[")
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				return n, err
			}
			obj := make(map[string]any, len(cols))
			for i, c := range cols {
				switch x := vals[i].(type) {
				case []byte:
					obj[c] = string(x)
				default:
					obj[c] = x
				}
			}
			if n > 0 {
				io.WriteString(w, ",")
			}
			io.WriteString(w, "\n")
			if err := enc.Encode(orderedObject{cols, obj}); err != nil {
				return n, err
			}
			n++
		}
		io.WriteString(w, "]\n")
	case "table", "":
		var recs [][]string
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				return n, err
			}
			rec := make([]string, len(cols))
			for i, v := range vals {
				rec[i], _ = cellText(v)
			}
			recs = append(recs, rec)
			n++
		}
		if err := rows.Err(); err != nil {
			return n, err
		}
		if err := WriteTable(w, cols, recs, opt); err != nil {
			return n, err
		}
	default:
		return 0, fmt.Errorf("unknown format %q: use %s", format, strings.Join(Formats, ", "))
	}
	return n, rows.Err()
}

// orderedObject encodes a row as a JSON object with keys in column order.
type orderedObject struct {
	keys []string
	vals map[string]any
}

func (o orderedObject) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		vb, err := json.Marshal(o.vals[k])
		if err != nil {
			vb, _ = json.Marshal(fmt.Sprint(o.vals[k]))
		}
		b.Write(kb)
		b.WriteByte(':')
		b.Write(vb)
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

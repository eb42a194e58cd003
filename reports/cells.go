package reports

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// maxCellChars is Excel's limit on the characters in one cell.
const maxCellChars = 32767

const cutMarker = " [...cut: longer than a spreadsheet cell holds]"

// SafeText neutralises text from the web before it reaches a spreadsheet or CSV:
// a cell starting with =, +, -, @, tab or carriage return would be taken for a
// formula by Excel or LibreOffice (OWASP "CSV injection"), so it is prefixed
// with an apostrophe; text over a cell's limit is cut with a marker.
func SafeText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		s = "'" + s
	}
	if utf8.RuneCountInString(s) > maxCellChars {
		r := []rune(s)
		s = string(r[:maxCellChars-utf8.RuneCountInString(cutMarker)]) + cutMarker
	}
	return s
}

// cellText renders a database value for CSV: empty for NULL, true/false,
// numbers without exponent, times in ISO 8601 UTC.
func cellText(v any) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "", false
	case string:
		return x, true
	case []byte:
		return string(x), true
	case bool:
		return strconv.FormatBool(x), false
	case int, int8, int16, int32, int64, uint8, uint16, uint32, uint64:
		return fmt.Sprint(x), false
	case float32:
		return strconv.FormatFloat(float64(x), 'f', -1, 32), false
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), false
	case time.Time:
		return x.UTC().Format(time.RFC3339), false
	default:
		return fmt.Sprint(x), true
	}
}

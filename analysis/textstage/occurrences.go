package textstage

import "strings"

// Head is the first n bytes of s (all of s when shorter): the opening of a
// page, where a title, a dateline or a result count stands.
func Head(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// Occurrences gives the byte offsets of s in text, left to right and not
// overlapping, at most limit of them (limit < 0: all).
func Occurrences(text, s string, limit int) []int {
	var out []int
	if s == "" {
		return nil
	}
	for at := 0; limit < 0 || len(out) < limit; {
		i := strings.Index(text[at:], s)
		if i < 0 {
			break
		}
		out = append(out, at+i)
		at += i + len(s)
	}
	return out
}

// LineBounds gives the start and end of the line holding text[i].
func LineBounds(text string, i int) (start, end int) {
	start = strings.LastIndexByte(text[:i], '\n') + 1
	end = strings.IndexByte(text[i:], '\n')
	if end < 0 {
		return start, len(text)
	}
	return start, i + end
}

package analysis

import "strings"

// occurrences gives the byte offsets of s in text, left to right and not
// overlapping, at most limit of them (limit < 0: all).
func occurrences(text, s string, limit int) []int {
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

// lineBounds gives the start and end of the line holding text[i].
func lineBounds(text string, i int) (start, end int) {
	start = strings.LastIndexByte(text[:i], '\n') + 1
	end = strings.IndexByte(text[i:], '\n')
	if end < 0 {
		return start, len(text)
	}
	return start, i + end
}

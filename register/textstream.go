package register

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// textStream decodes a CSV as it is read, so a file of a million rows is never
// held whole: UTF-8 (a byte-order mark dropped) passes through, and a byte that
// is not part of valid UTF-8 is read as Windows-1252, the encoding of the DfE's
// older files. A file is one or the other in practice; Encoding says which was
// seen.
type textStream struct {
	r       *bufio.Reader
	bom     bool
	saw1252 bool
	sawUTF8 bool
	pending []byte
}

func newTextStream(r io.Reader) *textStream {
	return &textStream{r: bufio.NewReaderSize(r, 1<<16)}
}

// start drops a byte-order mark and refuses a binary file (a zip or an Excel
// workbook saved under a .csv name).
func (t *textStream) start() error {
	head, _ := t.r.Peek(8192)
	if len(bytes.TrimSpace(head)) == 0 {
		return errors.New("the file is empty")
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return errors.New("line 1: this is a binary file, not a CSV (is it the zip or an Excel file? extract it, or save it as CSV)")
	}
	if bytes.HasPrefix(head, []byte("\xef\xbb\xbf")) {
		t.r.Discard(3)
		t.bom = true
	}
	return nil
}

// Encoding names what was read: utf-8 with BOM, utf-8 or windows-1252.
func (t *textStream) Encoding() string {
	switch {
	case t.bom:
		return "utf-8 with BOM"
	case t.saw1252:
		return "windows-1252"
	}
	return "utf-8"
}

func (t *textStream) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if len(t.pending) > 0 {
			c := copy(p[n:], t.pending)
			t.pending = t.pending[c:]
			n += c
			continue
		}
		b, err := t.r.ReadByte()
		if err != nil {
			if n > 0 {
				return n, nil
			}
			return 0, err
		}
		if b < utf8.RuneSelf {
			p[n] = b
			n++
			continue
		}
		// A multi-byte UTF-8 sequence passes whole; any other high byte is Windows-1252.
		t.r.UnreadByte()
		peek, _ := t.r.Peek(utf8.UTFMax)
		if r, size := utf8.DecodeRune(peek); r != utf8.RuneError || size > 1 {
			t.r.Discard(size)
			t.sawUTF8 = true
			t.pending = append(t.pending[:0], peek[:size]...)
			continue
		}
		t.r.Discard(1)
		t.saw1252 = true
		r := charmap.Windows1252.DecodeByte(b)
		var buf [utf8.UTFMax]byte
		t.pending = append(t.pending[:0], buf[:utf8.EncodeRune(buf[:], r)]...)
	}
	return n, nil
}

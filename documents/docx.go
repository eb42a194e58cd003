package documents

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Word (.docx) and OpenDocument (.odt) files are zip archives of XML. We read the
// body XML ourselves with the standard library: it is a short walk, and the
// libraries tried dropped text after text boxes and inflated zip bombs whole.

const (
	maxZipEntries      = 5000
	maxZipEntryBytes   = 64 << 20 // uncompressed size of the one XML part we read
	maxCompressionRate = 200      // a real document compresses well under this
)

// zipFormat tells a .docx from an .odt from any other zip.
func zipFormat(body []byte, url string) string {
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		return "other"
	}
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			return "docx"
		case "content.xml":
			return "odt"
		}
	}
	return "other"
}

// openZipPart returns the uncompressed bytes of one part, refusing archives whose
// declared sizes or compression ratio give them away as bombs.
func openZipPart(body []byte, name string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		return nil, fmt.Errorf("not a readable zip archive: %w", err)
	}
	if len(zr.File) > maxZipEntries {
		return nil, fmt.Errorf("archive has %d entries, over the limit of %d", len(zr.File), maxZipEntries)
	}
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		if f.UncompressedSize64 > maxZipEntryBytes {
			return nil, fmt.Errorf("%s declares %d MB uncompressed, over the %d MB limit", name, f.UncompressedSize64>>20, maxZipEntryBytes>>20)
		}
		if f.CompressedSize64 > 0 && f.UncompressedSize64/f.CompressedSize64 > maxCompressionRate {
			return nil, fmt.Errorf("%s compresses %d:1, which only a zip bomb does", name, f.UncompressedSize64/f.CompressedSize64)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		// Declared sizes can lie: never read more than the limit whatever they say.
		data, err := io.ReadAll(io.LimitReader(rc, maxZipEntryBytes+1))
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", name, err)
		}
		if len(data) > maxZipEntryBytes {
			return nil, fmt.Errorf("%s inflates past the %d MB limit", name, maxZipEntryBytes>>20)
		}
		return data, nil
	}
	return nil, fmt.Errorf("archive has no %s", name)
}

// docxText reads word/document.xml: paragraphs (w:p) become lines, table cells
// (w:tc) are separated by " | ", rows (w:tr) end lines, tabs and breaks are kept.
// Text boxes live inside the body XML and so are read in place.
func docxText(body []byte) (Text, error) {
	data, err := openZipPart(body, "word/document.xml")
	if err != nil {
		return Text{}, err
	}
	var b strings.Builder
	inCell := 0 // paragraphs inside a table cell stay on the row's line
	err = walkXML(data, func(tok xml.Token) {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "tab":
				b.WriteByte('\t')
			case "br", "cr":
				b.WriteByte('\n')
			case "tc":
				inCell++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "p":
				if inCell > 0 {
					b.WriteByte(' ')
				} else {
					b.WriteByte('\n')
				}
			case "tc":
				inCell--
				b.WriteString(" | ")
			case "tr":
				b.WriteByte('\n')
			}
		}
	}, func(s string, inside string) {
		if inside == "t" {
			b.WriteString(s)
		}
	})
	t := Text{Body: b.String()}
	if core, err := openZipPart(body, "docProps/core.xml"); err == nil {
		t.Title = xmlElementText(core, "title")
	}
	return t, err
}

// odtText reads content.xml of an OpenDocument text file.
func odtText(body []byte) (Text, error) {
	data, err := openZipPart(body, "content.xml")
	if err != nil {
		return Text{}, err
	}
	var b strings.Builder
	inBody := false
	inCell := 0
	err = walkXML(data, func(tok xml.Token) {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "body":
				inBody = true
			case "table-cell":
				inCell++
			case "s":
				b.WriteByte(' ')
			case "tab":
				b.WriteByte('\t')
			case "line-break":
				b.WriteByte('\n')
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "p", "h":
				if inCell > 0 {
					b.WriteByte(' ')
				} else {
					b.WriteByte('\n')
				}
			case "table-row":
				b.WriteByte('\n')
			case "table-cell":
				inCell--
				b.WriteString(" | ")
			}
		}
	}, func(s string, _ string) {
		if inBody {
			b.WriteString(s)
		}
	})
	t := Text{Body: b.String()}
	if meta, err := openZipPart(body, "meta.xml"); err == nil {
		t.Title = xmlElementText(meta, "title")
	}
	return t, err
}

// walkXML streams tokens to onTok and character data to onText with the local
// name of the element it sits in.
func walkXML(data []byte, onTok func(xml.Token), onText func(text, inside string)) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	var stack []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return fmt.Errorf("document XML broken at line %d: %s", se.Line, se.Msg)
			}
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name.Local)
			if len(stack) > 10_000 {
				return errors.New("document XML nests too deep")
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			inside := ""
			if len(stack) > 0 {
				inside = stack[len(stack)-1]
			}
			onText(string(t), inside)
		}
		onTok(tok)
	}
}

func xmlElementText(data []byte, local string) string {
	var b strings.Builder
	_ = walkXML(data, func(xml.Token) {}, func(s, inside string) {
		if inside == local {
			b.WriteString(s)
		}
	})
	return strings.TrimSpace(b.String())
}

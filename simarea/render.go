package simarea

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"strings"
	"time"
)

// Doc is a document written once and rendered as an HTML page, a PDF or a Word
// file, so the same report can be served in each of the formats schools use.
type Doc struct {
	Title  string
	Blocks []Block
}

// Block is one part of a document.
type Block struct {
	Heading string     // a heading line
	Para    string     // a paragraph
	Items   []string   // a bulleted list
	Rows    [][]string // a table; the first row is the header
}

// H, P, L and T build blocks.
func H(s string) Block             { return Block{Heading: s} }
func P(s string) Block             { return Block{Para: s} }
func L(items ...string) Block      { return Block{Items: items} }
func T(rows ...[]string) Block     { return Block{Rows: rows} }
func row(cells ...string) []string { return cells }

// HTMLBody renders the blocks as HTML (without the page around them).
func (d Doc) HTMLBody() string {
	var b strings.Builder
	for _, bl := range d.Blocks {
		switch {
		case bl.Heading != "":
			fmt.Fprintf(&b, "<h2>%s</h2>\n", html.EscapeString(bl.Heading))
		case bl.Para != "":
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(bl.Para))
		case len(bl.Items) > 0:
			b.WriteString("<ul>\n")
			for _, it := range bl.Items {
				fmt.Fprintf(&b, "  <li>%s</li>\n", html.EscapeString(it))
			}
			b.WriteString("</ul>\n")
		case len(bl.Rows) > 0:
			b.WriteString("<table>\n")
			for i, r := range bl.Rows {
				tag := "td"
				if i == 0 {
					tag = "th"
				}
				b.WriteString("  <tr>")
				for _, c := range r {
					fmt.Fprintf(&b, "<%s>%s</%s>", tag, html.EscapeString(c), tag)
				}
				b.WriteString("</tr>\n")
			}
			b.WriteString("</table>\n")
		}
	}
	return b.String()
}

// lines lays the document out as plain lines for the PDF renderer.
func (d Doc) lines(width int) []string {
	var out []string
	out = append(out, wrap(d.Title, width)...)
	out = append(out, "")
	for _, bl := range d.Blocks {
		switch {
		case bl.Heading != "":
			out = append(out, "")
			out = append(out, wrap(bl.Heading, width)...)
		case bl.Para != "":
			out = append(out, wrap(bl.Para, width)...)
			out = append(out, "")
		case len(bl.Items) > 0:
			for _, it := range bl.Items {
				w := wrap(it, width-4)
				for i, l := range w {
					if i == 0 {
						out = append(out, "- "+l)
					} else {
						out = append(out, "  "+l)
					}
				}
			}
			out = append(out, "")
		case len(bl.Rows) > 0:
			for _, r := range bl.Rows {
				out = append(out, wrap(strings.Join(r, "   "), width)...)
			}
			out = append(out, "")
		}
	}
	return out
}

func wrap(s string, width int) []string {
	var out []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len(line)+1+len(w) > width {
			out = append(out, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}

// PDF renders the document as a real PDF 1.4 file: Helvetica text on A4 pages,
// with a document information dictionary carrying the title.
func (d Doc) PDF() []byte {
	const perPage = 50
	lines := d.lines(95)
	var pages [][]string
	for len(lines) > 0 {
		n := min(perPage, len(lines))
		pages = append(pages, lines[:n])
		lines = lines[n:]
	}
	var objs []string // objects 1..n, in order
	// 1: catalog, 2: pages, 3: font, 4: info, then a page and its content per page.
	kids := make([]string, len(pages))
	for i := range pages {
		kids[i] = fmt.Sprintf("%d 0 R", 5+2*i)
	}
	objs = append(objs,
		"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages)),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Title (%s) /Producer (sendscope simarea) /CreationDate (D:%s) >>", pdfEscape(d.Title), time.Date(2025, 9, 15, 9, 0, 0, 0, time.UTC).Format("20060102150405Z")),
	)
	for i, pl := range pages {
		var c strings.Builder
		c.WriteString("BT\n/F1 10 Tf\n12 TL\n50 800 Td\n")
		for _, l := range pl {
			fmt.Fprintf(&c, "(%s) Tj T*\n", pdfEscape(l))
		}
		c.WriteString("ET\n")
		content := c.String()
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 6+2*i),
			fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(content), content),
		)
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info 4 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// pdfEscape writes s as the inside of a PDF string in WinAnsi.
func pdfEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '’' || r == '‘':
			b.WriteString(`\222`)
		case r < 128:
			b.WriteRune(r)
		case r < 256:
			fmt.Fprintf(&b, "\\%03o", r)
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// DOCX renders the document as a Word file: headings, paragraphs, bulleted
// paragraphs and a real table.
func (d Doc) DOCX() []byte {
	var body strings.Builder
	para := func(style, text string) {
		body.WriteString("<w:p>")
		if style != "" {
			fmt.Fprintf(&body, `<w:pPr><w:pStyle w:val="%s"/></w:pPr>`, style)
		}
		fmt.Fprintf(&body, `<w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>`, xmlEscape(text))
	}
	para("Title", d.Title)
	for _, bl := range d.Blocks {
		switch {
		case bl.Heading != "":
			para("Heading1", bl.Heading)
		case bl.Para != "":
			para("", bl.Para)
		case len(bl.Items) > 0:
			for _, it := range bl.Items {
				para("ListBullet", it)
			}
		case len(bl.Rows) > 0:
			body.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>`)
			for _, r := range bl.Rows {
				body.WriteString("<w:tr>")
				for _, c := range r {
					fmt.Fprintf(&body, `<w:tc><w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p></w:tc>`, xmlEscape(c))
				}
				body.WriteString("</w:tr>")
			}
			body.WriteString("</w:tbl>")
		}
	}
	files := []struct{ name, data string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`},
		{"docProps/core.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>` + xmlEscape(d.Title) + `</dc:title></cp:coreProperties>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `<w:sectPr/></w:body></w:document>`},
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: time.Date(2025, 9, 15, 9, 0, 0, 0, time.UTC)})
		if err != nil {
			panic(err) // writing to memory cannot fail
		}
		w.Write([]byte(f.data))
	}
	zw.Close()
	return b.Bytes()
}

func xmlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Repeated is the document with its blocks repeated n times: a long report
// from a short one (a school's report 8 times over makes a 5-page PDF).
func (d Doc) Repeated(n int) Doc {
	var blocks []Block
	for i := 0; i < n; i++ {
		blocks = append(blocks, d.Blocks...)
	}
	d.Blocks = blocks
	return d
}

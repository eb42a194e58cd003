package documents

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ScriptBuilt reports whether an HTML page only builds itself with scripts: it
// carries scripts but almost no words and no links of its own, so a crawler that
// does not run JavaScript sees nothing to read or follow. Such a site could not be
// checked; it is not one that publishes nothing.
//
// The test is on what the page lacks, not on any framework's markup: a page with
// a paragraph of text or a handful of links is read as it is.
func ScriptBuilt(body []byte) bool {
	if len(body) > maxHTMLBytes {
		body = body[:maxHTMLBytes]
	}
	z := html.NewTokenizer(bytes.NewReader(body))
	var scripts, links, words int
	noscriptAsks := false
	depth := map[atom.Atom]int{} // open script, style, template, noscript elements
	for {
		switch z.Next() {
		case html.ErrorToken:
			return scripts > 0 && links < 3 && (words < 25 || noscriptAsks && words < 80)
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Script:
				scripts++
			case atom.A:
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					if string(k) == "href" && len(bytes.TrimSpace(v)) > 0 && !bytes.HasPrefix(bytes.TrimSpace(v), []byte("#")) {
						links++
					}
				}
			}
			if a == atom.Script || a == atom.Style || a == atom.Template || a == atom.Noscript {
				depth[a]++
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if a := atom.Lookup(name); depth[a] > 0 {
				depth[a]--
			}
		case html.TextToken:
			if depth[atom.Script] > 0 || depth[atom.Style] > 0 || depth[atom.Template] > 0 {
				continue
			}
			t := string(z.Text())
			if depth[atom.Noscript] > 0 {
				// "You need to enable JavaScript to run this app."
				if strings.Contains(strings.ToLower(t), "javascript") {
					noscriptAsks = true
				}
				continue
			}
			words += len(strings.Fields(t))
		}
	}
}

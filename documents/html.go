package documents

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// htmlText reads the main content of a page: the <main>/<article>/content area when
// the page marks one, and never the menus, sidebars, cookie banners or footers
// around it, so that a footer's office phone cannot pass for the SENCO's.
func HTML(body []byte, contentType string) (Text, error) {
	if len(body) > maxHTMLBytes {
		body = body[:maxHTMLBytes]
	}
	r, err := charset.NewReader(bytes.NewReader(body), contentType)
	if err != nil {
		r = bytes.NewReader(body)
	}
	doc, err := html.Parse(r)
	if err != nil {
		// Pages the parser refuses (nesting past its limit) still have words:
		// keep them, without the structure.
		return Text{Body: tagRe.ReplaceAllString(decodeText(body, contentType), " ")}, fmt.Errorf("HTML too broken to lay out (%v); text kept without structure", err)
	}
	title := ""
	if t := Find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Title }); t != nil {
		title = TextOf(t)
	}
	root := MainContent(doc)
	var w textWriter
	w.walk(root)
	if h1 := Find(root, func(n *html.Node) bool { return n.DataAtom == atom.H1 }); h1 != nil {
		if t := strings.TrimSpace(TextOf(h1)); t != "" {
			title = t
		}
	}
	return Text{Title: title, Body: w.String()}, nil
}

var tagRe = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]*>`)

// boilerplate matches class and id names of page furniture.
// A class token must start with one of the words ("footer", "footer-links",
// "site-nav"), so that a content wrapper named "has-sidebar" is kept.
var boilerplate = regexp.MustCompile(`(?i)^((site|main|page|global|top|primary|secondary|mobile)[_-])?(nav|navbar|navigation|menu|megamenu|mega-menu|footer|sidebar|side-bar|cookie|cookies|gdpr|consent|breadcrumb|breadcrumbs|banner|skip|skiplink|skip-link|social|share|masthead|topbar|top-bar|toolbar|newsletter|search|translate|header)([_-].*)?$`)

func isBoilerplate(classOrID string) bool {
	for _, tok := range strings.Fields(classOrID) {
		if boilerplate.MatchString(tok) {
			return true
		}
	}
	return false
}

// skipped says whether an element is never content.
func Skipped(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return n.Type == html.CommentNode
	}
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main:
		return false // whatever their class says, these hold the content
	case atom.Script, atom.Style, atom.Noscript, atom.Nav, atom.Footer, atom.Aside, atom.Form, atom.Template,
		atom.Svg, atom.Button, atom.Select, atom.Iframe, atom.Object, atom.Head, atom.Dialog:
		return true
	case atom.Header:
		// A page header is furniture; a header inside an article is its title.
		return !hasAncestor(n, atom.Article, atom.Main)
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "role":
			switch strings.ToLower(a.Val) {
			case "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog":
				return true
			}
		case "class", "id":
			if isBoilerplate(a.Val) {
				return true
			}
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		}
	}
	return false
}

func hasAncestor(n *html.Node, atoms ...atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		for _, a := range atoms {
			if p.DataAtom == a {
				return true
			}
		}
	}
	return false
}

// mainContent picks the element holding the page's own content.
func MainContent(doc *html.Node) *html.Node {
	byRole := Find(doc, func(n *html.Node) bool { return Attr(n, "role") == "main" })
	if m := Find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Main }); m != nil {
		return m
	}
	if byRole != nil {
		return byRole
	}
	for _, id := range []string{"content", "main-content", "maincontent", "main", "page-content"} {
		if m := Find(doc, func(n *html.Node) bool { return n.Type == html.ElementNode && strings.EqualFold(Attr(n, "id"), id) }); m != nil && !Skipped(m) {
			return m
		}
	}
	if arts := FindAll(doc, func(n *html.Node) bool { return n.DataAtom == atom.Article }); len(arts) == 1 {
		return arts[0]
	}
	if b := Find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body }); b != nil {
		return b
	}
	return doc
}

func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func Find(n *html.Node, match func(*html.Node) bool) *html.Node {
	if match(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := Find(c, match); f != nil {
			return f
		}
	}
	return nil
}

func FindAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return out
}

func TextOf(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return collapseSpaces(b.String())
}

// textWriter lays out HTML as plain text that keeps its structure: headings and
// paragraphs on lines of their own, list items as "- ", table cells separated by
// " | " and rows on lines.
type textWriter struct {
	b   strings.Builder
	pre int // depth inside <pre>
}

func (w *textWriter) String() string { return w.b.String() }

func (w *textWriter) newline(n int) {
	s := w.b.String()
	have := len(s) - len(strings.TrimRight(s, "\n"))
	for ; have < n && w.b.Len() > 0; have++ {
		w.b.WriteByte('\n')
	}
}

func (w *textWriter) walk(n *html.Node) {
	if n.Type == html.TextNode {
		if w.pre > 0 {
			w.b.WriteString(n.Data) // preformatted text keeps its lines
		} else {
			w.b.WriteString(strings.ReplaceAll(n.Data, "\n", " "))
		}
		return
	}
	if n.Type != html.ElementNode && n.Type != html.DocumentNode {
		return
	}
	if n.Type == html.ElementNode && Skipped(n) {
		return
	}
	switch n.DataAtom {
	case atom.Br:
		w.b.WriteByte('\n')
		return
	case atom.Img:
		if alt := strings.TrimSpace(Attr(n, "alt")); alt != "" && len(alt) > 20 {
			w.b.WriteString(" " + alt + " ")
		}
		return
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		w.newline(2)
		w.children(n)
		w.newline(2)
		return
	case atom.Li:
		w.newline(1)
		w.b.WriteString("- ")
		w.children(n)
		w.newline(1)
		return
	case atom.Td, atom.Th:
		w.children(n)
		w.b.WriteString(" | ")
		return
	case atom.Tr:
		w.newline(1)
		w.children(n)
		w.newline(1)
		return
	case atom.Pre:
		w.newline(1)
		w.pre++
		w.children(n)
		w.pre--
		w.newline(1)
		return
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.Table, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd,
		atom.Blockquote, atom.Header, atom.Figure, atom.Figcaption, atom.Address, atom.Details, atom.Summary, atom.Hr:
		w.newline(1)
		w.children(n)
		w.newline(1)
		return
	}
	w.children(n)
}

func (w *textWriter) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

// decodeText reads plain text in whatever charset it came in.
func decodeText(body []byte, contentType string) string {
	r, err := charset.NewReader(bytes.NewReader(body), contentType)
	if err != nil {
		return string(body)
	}
	var b bytes.Buffer
	if _, err := b.ReadFrom(r); err != nil {
		return string(body)
	}
	return b.String()
}

// LaidOut is a node's text laid out as a page's text is: blocks on lines of
// their own, page furniture skipped.
func LaidOut(n *html.Node) string {
	var w textWriter
	w.walk(n)
	return w.String()
}

package documents

import (
	"strings"
	"testing"
)

func TestScriptBuilt(t *testing.T) {
	cases := []struct {
		name string
		page string
		want bool
	}{
		{"mount point and bundle", `<!doctype html><html><head><title>School</title><script src="/main.js"></script></head><body><div id="root"></div></body></html>`, true},
		{"noscript asks for scripts", `<html><head><script src="/app.js"></script></head><body><noscript>You need to enable JavaScript to run this app.</noscript><app-root>Loading...</app-root></body></html>`, true},
		{"inline state, no markup", `<html><body><script>window.__STATE__={"pages":[{"title":"SEND","body":"Our SENCO is Mrs Hart"}]}</script><div id="__next"></div></body></html>`, true},
		{"a page of words with scripts", `<html><head><script src="/analytics.js"></script></head><body><main><h1>SEN Information Report</h1><p>` +
			strings.Repeat("We support pupils with special educational needs in every class. ", 6) + `</p></main></body></html>`, false},
		{"few words, many links", `<html><head><script src="/menu.js"></script></head><body><nav><a href="/about/">About</a> <a href="/send/">SEND</a> <a href="/policies/">Policies</a> <a href="/contact/">Contact</a></nav></body></html>`, false},
		{"no scripts at all", `<html><body><p>Coming soon</p></body></html>`, false},
		{"anchors to the same page do not count as links", `<html><head><script src="/a.js"></script></head><body><a href="#top">Top</a><a href="#menu">Menu</a><a href="#">x</a><div id="app"></div></body></html>`, true},
	}
	for _, c := range cases {
		if got := ScriptBuilt([]byte(c.page)); got != c.want {
			t.Errorf("%s: ScriptBuilt = %v, want %v", c.name, got, c.want)
		}
	}
}

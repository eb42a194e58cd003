package crawler

import (
	"net/url"
	"testing"
)

func TestSiteScope(t *testing.T) {
	cases := []struct {
		home, other string
		same        bool
	}{
		{"https://www.oakfield.kent.sch.uk/", "https://policies.oakfield.kent.sch.uk/send.pdf", true},
		{"https://www.oakfield.kent.sch.uk/", "https://www.ashby.kent.sch.uk/", false},
		{"https://www.oakfield.sch.uk/", "https://policies.oakfield.sch.uk/", true},
		{"https://www.oakfield.sch.uk/", "https://www.ashby.sch.uk/", false},
		{"https://oakfieldprimary.co.uk/", "https://docs.oakfieldprimary.co.uk/x.pdf", true},
		{"https://www.oakfieldprimary.co.uk/", "https://other.co.uk/", false},
		{"https://oakfield.eschools.co.uk/", "https://ashby.eschools.co.uk/", false},
		{"https://oakfield.eschools.co.uk/", "https://oakfield.eschools.co.uk/send/", true},
		{"http://127.0.0.1:8001/", "http://127.0.0.1:8002/", false},
		{"http://127.0.0.1:8001/", "http://127.0.0.1:8001/x", true},
		{"https://www.oakfield.sch.uk/", "https://files.schudio.com/oakfield/files/documents/x.pdf", false},
	}
	for _, c := range cases {
		h, _ := url.Parse(c.home)
		o, _ := url.Parse(c.other)
		if got := newSiteScope(h).contains(o); got != c.same {
			t.Errorf("%s vs %s: same site %v, want %v (base %s)", c.home, c.other, got, c.same, siteBase(h))
		}
	}
}

func TestRewriteViewer(t *testing.T) {
	cases := []struct{ in, want, platform string }{
		{"https://drive.google.com/file/d/1AbCdEfGhIjKlMnOp_qrs-TUV/view?usp=sharing", "https://drive.google.com/uc?export=download&id=1AbCdEfGhIjKlMnOp_qrs-TUV", "google_drive"},
		{"https://drive.google.com/file/d/1AbCdEfGhIjKlMnOp_qrs-TUV/preview", "https://drive.google.com/uc?export=download&id=1AbCdEfGhIjKlMnOp_qrs-TUV", "google_drive"},
		{"https://drive.google.com/open?id=1AbCdEfGhIjKlMnOp", "https://drive.google.com/uc?export=download&id=1AbCdEfGhIjKlMnOp", "google_drive"},
		{"https://docs.google.com/document/d/1ZyXwVuTsRqPoNmLk/edit?usp=sharing", "https://docs.google.com/document/d/1ZyXwVuTsRqPoNmLk/export?format=docx", "google_docs"},
		{"https://docs.google.com/viewer?url=https%3A%2F%2Ffiles.schudio.com%2Foakfield%2Ffiles%2Fdocuments%2Fsen.pdf&embedded=true", "https://files.schudio.com/oakfield/files/documents/sen.pdf", "google_docs_viewer"},
		{"https://www.oakfield.sch.uk/pdfjs/web/viewer.html?file=/uploads/sen-report.pdf", "https://www.oakfield.sch.uk/uploads/sen-report.pdf", "pdfjs"},
		{"https://www.oakfield.sch.uk/pdfjs/web/viewer.html?file=https%3A%2F%2Fstatic1.squarespace.com%2Fstatic%2Fa%2Ft%2Fb%2F1%2Fsen.pdf", "https://static1.squarespace.com/static/a/t/b/1/sen.pdf", "pdfjs"},
		{"https://www.oakfield.sch.uk/pdfjs/web/viewer.html?file=javascript:alert(1)", "https://www.oakfield.sch.uk/pdfjs/web/viewer.html?file=javascript:alert(1)", ""},
		{"https://www.oakfield.sch.uk/send/", "https://www.oakfield.sch.uk/send/", ""},
	}
	for _, c := range cases {
		u, _ := url.Parse(c.in)
		got, p := rewriteViewer(u)
		if got.String() != c.want || p != c.platform {
			t.Errorf("%s -> %s (%s), want %s (%s)", c.in, got, p, c.want, c.platform)
		}
	}
	for in, want := range map[string]string{
		"https://files.schudio.com/oakfield/files/documents/sen.pdf":                             "schudio",
		"https://primarysite-prod-sorted.s3.amazonaws.com/oakfield/UploadedDocument/abc/sen.pdf": "primarysite",
		"https://docs.wixstatic.com/ugd/abc123_def.pdf":                                          "wix",
		"https://oakfield1.filesusr.com/ugd/abc123_def.pdf":                                      "wix",
		"https://static1.squarespace.com/static/5a/t/5b/1600000000/sen.pdf":                      "squarespace",
		"https://www.oakfield.sch.uk/sen.pdf":                                                    "",
		"https://evil-files.schudio.com.example/x.pdf":                                           "",
	} {
		u, _ := url.Parse(in)
		if got := platformOf(u); got != want {
			t.Errorf("platformOf(%s) = %q, want %q", in, got, want)
		}
	}
}

package analysis

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"go/scanner"
	"go/token"
	"io/fs"
	"sort"
	"strings"
	"sync"
)

// Release is the extractor's release, bumped by hand for a change of meaning
// the rules' code alone does not show. The version in force adds a hash of the
// rules themselves: see Version.
const Release = "0.3"

// The extractor's rules as compiled in: its Go sources (hashed as tokens, so a
// comment or a layout change does not move the version) and its vocabularies.
//
//go:embed *.go
var ruleSources embed.FS

// notRules are the sources that run the extractor but decide nothing it reads:
// the PDF helper processes (which differ by operating system) and this file.
var notRules = map[string]bool{"version.go": true, "pdfhelper.go": true, "pdfhelper_linux.go": true,
	"pdfhelper_other.go": true, "pdfserve.go": true}

var version struct {
	sync.Mutex
	base  []byte // the hash state's input for the compiled-in rules
	added []string
	value string
}

func init() {
	version.base = compiledRules()
	version.value = versionOf(version.base, nil)
}

// Version names the rules in force: the release, and a short hash of the rule
// sources, the vocabulary files and any wordings added with ExtendVocabularies.
// It is stored with every document and fact, so a difference between two
// readings can be told to come from the extractor, and `extract` re-reads with
// the rules in force.
func Version() string {
	version.Lock()
	defer version.Unlock()
	return version.value
}

// addedToVersion records wordings added at run time in the version.
func addedToVersion(line string) {
	version.Lock()
	defer version.Unlock()
	version.added = append(version.added, line)
	version.value = versionOf(version.base, version.added)
}

func versionOf(base []byte, added []string) string {
	h := sha256.New()
	h.Write(base)
	for _, a := range added {
		h.Write([]byte("\x00added\x00" + a))
	}
	return Release + "-" + hex.EncodeToString(h.Sum(nil))[:8]
}

// compiledRules is what the rules compiled into this build are made of: the
// tokens of each rule source and the bytes of each vocabulary, by name.
func compiledRules() []byte {
	var b strings.Builder
	files, _ := fs.Glob(ruleSources, "*.go")
	sort.Strings(files)
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || notRules[name] {
			continue
		}
		src, err := ruleSources.ReadFile(name)
		if err != nil {
			panic(err) // embedded at build time
		}
		b.WriteString("\x00source\x00" + name + "\x00")
		b.WriteString(goTokens(src))
	}
	vocabs, _ := fs.Glob(vocabFiles, "vocab/*.tsv")
	sort.Strings(vocabs)
	for _, name := range vocabs {
		body, err := vocabFiles.ReadFile(name)
		if err != nil {
			panic(err)
		}
		b.WriteString("\x00vocab\x00" + name + "\x00")
		b.Write(body)
	}
	return []byte(b.String())
}

// goTokens writes a Go source as its tokens, one a line, without comments.
func goTokens(src []byte) string {
	var s scanner.Scanner
	fset := token.NewFileSet()
	s.Init(fset.AddFile("", fset.Base(), len(src)), src, nil, 0)
	var b strings.Builder
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.SEMICOLON {
			lit = "" // "\n" when inserted, ";" when written: the same token
		}
		b.WriteString(tok.String())
		b.WriteByte(' ')
		b.WriteString(lit)
		b.WriteByte('\n')
	}
	return b.String()
}

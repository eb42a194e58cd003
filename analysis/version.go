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

	"github.com/sendscope/sendscope/analysis/textstage"
)

// Release is the extractor's release, bumped by hand for a change of meaning
// the rules' code alone does not show. The version in force adds a hash of the
// rules themselves: see Version.
const Release = "0.3"

// The extractor's rules as compiled in: its Go sources, the Local Offer
// reader's and the document classifier's (hashed as tokens, so a comment or a
// layout change does not move the version), its rule tables, the text stages'
// lexicon and sources, and its vocabularies. Packages localoffer and classify
// read with this package's tables, so their sources are embedded here (a
// subdirectory, as go:embed needs) for one version to name everything that
// reads a page.
//
//go:embed *.go localoffer/*.go classify/*.go
var ruleSources embed.FS

// notRules are the sources that run the extractor but decide nothing it reads:
// the PDF helper processes (which differ by operating system) and this file.
var notRules = map[string]bool{"version.go": true, "pdfhelper.go": true, "pdfhelper_linux.go": true,
	"pdfhelper_other.go": true, "pdfserve.go": true}

// Version names the rules of the default extractor (those compiled in); an
// extractor with wordings added has its own (Extractor.Version).
func Version() string { return Default().Version() }

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
	for _, sub := range []string{"localoffer/*.go", "classify/*.go"} {
		more, _ := fs.Glob(ruleSources, sub)
		files = append(files, more...)
	}
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
	tables, _ := fs.Glob(ruleFiles, "rules/*.tsv")
	sort.Strings(tables)
	for _, name := range tables {
		body, err := ruleFiles.ReadFile(name)
		if err != nil {
			panic(err)
		}
		b.WriteString("\x00rules\x00" + name + "\x00")
		b.Write(body)
	}
	// The text stages: their lexicon, and their Go sources as tokens.
	stage := textstage.Sources()
	var stageFiles []string
	for name := range stage {
		stageFiles = append(stageFiles, name)
	}
	sort.Strings(stageFiles)
	for _, name := range stageFiles {
		b.WriteString("\x00textstage\x00" + name + "\x00")
		if strings.HasSuffix(name, ".go") {
			b.WriteString(goTokens(stage[name]))
		} else {
			b.Write(stage[name])
		}
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

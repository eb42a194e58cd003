package main

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/sendscope/sendscope/pipeline"
	"github.com/sendscope/sendscope/simarea"
)

// startArea serves a fresh simulated area for one test, and imports its register
// (and, with authorities, its LAs) into a store of each name given, in the
// test's own folder. It returns the area, the folder and the stores' paths.
func startArea(t *testing.T, authorities bool, stores ...string) (*simarea.Area, string, []string) {
	t.Helper()
	return startAreaWith(t, simarea.Options{}, authorities, stores...)
}

// startAreaWith is startArea with the area's options (latency).
func startAreaWith(t *testing.T, opt simarea.Options, authorities bool, stores ...string) (*simarea.Area, string, []string) {
	t.Helper()
	area, err := simarea.StartWith(opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(area.Close)
	dir := t.TempDir()
	reg, las := filepath.Join(dir, "register.csv"), filepath.Join(dir, "authorities.csv")
	if err := area.WriteRegister(reg); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(las, area.AuthoritiesCSV(), 0o644); err != nil {
		t.Fatal(err)
	}
	var dbs []string
	for _, name := range stores {
		db := filepath.Join(dir, name+".duckdb")
		imports := [][]string{{"register", "import", reg}}
		if authorities {
			imports = append(imports, []string{"authorities", "import", las})
		}
		for _, args := range imports {
			if code, _, stderr := sendscope(t, context.Background(), append([]string{"--db", db}, args...)...); code != 0 {
				t.Fatalf("%v: exit %d\n%s", args, code, stderr)
			}
		}
		dbs = append(dbs, db)
	}
	return area, dir, dbs
}

// copyStore copies a finished crawl's store, with its WARC folder, into a
// folder of the test's own, under the same name (captures point at their WARC
// files relative to the store's folder), for a test that goes on to change it:
// as if the test had crawled it itself, without crawling again.
func copyStore(t *testing.T, db string) string {
	t.Helper()
	dir := t.TempDir()
	dst := filepath.Join(dir, filepath.Base(db))
	for _, suffix := range []string{"", ".wal"} {
		if err := copyFile(db+suffix, dst+suffix); err != nil && !(suffix != "" && errors.Is(err, fs.ErrNotExist)) {
			t.Fatal(err)
		}
	}
	src := pipeline.WARCDir(db)
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(pipeline.WARCDir(dst), rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		return copyFile(p, to)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}

// loCrawled is a simulated area with its LAs imported, crawled once with
// --local-offer for one school, shared by the Local Offer tests (those that
// change the store change a copy of it).
var loCrawled struct {
	once    sync.Once
	area    *simarea.Area
	db, dir string
	code    int
	stderr  string
}

func localOfferArea(t *testing.T) (*simarea.Area, string) {
	t.Helper()
	loCrawled.once.Do(func() {
		area, err := simarea.Start()
		if err != nil {
			t.Fatal(err)
		}
		loCrawled.area = area
		dir, err := os.MkdirTemp("", "sendscope-lo-")
		if err != nil {
			t.Fatal(err)
		}
		loCrawled.dir = dir
		db := filepath.Join(dir, "lo.duckdb")
		reg, las := filepath.Join(dir, "register.csv"), filepath.Join(dir, "authorities.csv")
		if err := area.WriteRegister(reg); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(las, area.AuthoritiesCSV(), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"register", "import", reg}, {"authorities", "import", las}} {
			if code, _, stderr := sendscope(t, context.Background(), append([]string{"--db", db}, args...)...); code != 0 {
				t.Fatalf("%v: exit %d\n%s", args, code, stderr)
			}
		}
		loCrawled.code, _, loCrawled.stderr = sendscope(t, context.Background(), "--db", db, "crawl", "--year", "2025/26",
			"--allow-private", "--delay", "0", "--local-offer", "--urn", "990100")
		loCrawled.db = db
	})
	if loCrawled.db == "" {
		t.Fatal("the Local Offer area was not crawled")
	}
	return loCrawled.area, loCrawled.db
}

package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

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

package queries

import (
	"context"
	"os"
	"testing"
)

// TestSpillFolderRemoved runs a sort too big for a small memory limit on a store
// opened as export opens it, and checks DuckDB spilled into this process's own
// folder beside the store, which Close removes, also after a failed query; a
// folder left by a killed process is removed by the next LimitMemory.
func TestSpillFolderRemoved(t *testing.T) {
	ctx := context.Background()
	s, path := newStore(t)
	s.Close()
	stale := spillPrefix(path) + "2147483600" // no such process
	if err := os.MkdirAll(stale, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(stale+"/duckdb_temp_storage-0.tmp", []byte("x"), 0o644)

	for _, fail := range []bool{false, true} {
		r, err := OpenReadOnly(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if err := r.LimitMemory(ctx, 64); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(stale); !os.IsNotExist(err) {
			t.Errorf("a dead process's spill folder survives: %v", err)
		}
		q := `SELECT i, md5(i::VARCHAR) AS h FROM range(3000000) t(i) ORDER BY h`
		if fail {
			// Fails after the sort has spilled.
			q = `SELECT i, CASE WHEN i = 2999999 THEN error('boom') END FROM (` + q + `)`
		}
		rows, err := r.db.QueryContext(ctx, q)
		if err == nil {
			rows.Next()
			if _, serr := os.Stat(r.SpillDir()); serr != nil {
				t.Errorf("the sort did not spill to %s: %v", r.SpillDir(), serr)
			}
			rows.Close()
		} else if !fail {
			t.Fatal(err)
		}
		if fail == (err == nil) {
			t.Errorf("fail=%v: query error %v", fail, err)
		}
		spill := r.SpillDir()
		r.Close()
		if _, err := os.Stat(spill); !os.IsNotExist(err) {
			t.Errorf("fail=%v: spill folder %s left after Close: %v", fail, spill, err)
		}
	}
}

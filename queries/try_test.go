package queries

import (
	"context"
	"path/filepath"
	"testing"
)

func TestTry(t *testing.T) {
	ctx := context.Background()
	p := filepath.Join(t.TempDir(), "x.duckdb")
	s, err := Open(ctx, p)
	if err != nil { t.Fatal(err) }
	n := 5
	st, err := s.ImportSchools(ctx, []School{{URN: 1, Name: "A", Pupils: &n, SENProvisionTypes: []string{"ASD"}}}, "f")
	t.Log(st, err)
	st, err = s.ImportSchools(ctx, []School{{URN: 1, Name: "B"}, {URN: 2, Name: "C"}}, "f")
	t.Log(st, err)
	var name string
	s.DB().QueryRow("select name from schools where urn=1").Scan(&name)
	t.Log(name)
	s.Close()
	s, err = OpenReadOnly(ctx, p)
	t.Log(err)
}

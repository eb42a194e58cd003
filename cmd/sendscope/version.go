package main

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/sendscope/sendscope/queries"
)

func newVersionCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Which sendscope this is: its version and commit, DuckDB's, the extractor's and the store schema's",
		Example: "  sendscope version",
		Args:    argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			out := cmd.OutOrStdout()
			version, commit, when, dirty := buildInfo()
			fmt.Fprintf(out, "sendscope %s", version)
			if commit != "" {
				fmt.Fprintf(out, " (commit %.12s", commit)
				if when != "" {
					fmt.Fprintf(out, ", %s", when)
				}
				if dirty {
					fmt.Fprint(out, ", with local changes")
				}
				fmt.Fprint(out, ")")
			}
			fmt.Fprintln(out)
			fmt.Fprintf(out, "extractor %s\n", g.extractor.Version())
			fmt.Fprintf(out, "store schema %d\n", queries.SchemaVersion())
			fmt.Fprintf(out, "DuckDB %s\n", duckDBVersion(cmd.Context()))
			fmt.Fprintf(out, "%s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return nil
		},
	}
}

// buildInfo is the module version and the commit the binary was built from,
// when the build recorded them (go build in a git checkout does; go test does not).
func buildInfo() (version, commit, when string, dirty bool) {
	version = "(devel)"
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return
	}
	if v := bi.Main.Version; v != "" {
		version = v
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			commit = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	return
}

// duckDBVersion asks an in-memory DuckDB, the same library the store is read with.
func duckDBVersion(ctx context.Context) string {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return "unknown (" + err.Error() + ")"
	}
	defer db.Close()
	var v string
	if err := db.QueryRowContext(ctx, `SELECT version()`).Scan(&v); err != nil {
		return "unknown (" + err.Error() + ")"
	}
	return v
}

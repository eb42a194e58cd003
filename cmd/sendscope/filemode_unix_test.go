//go:build unix

package main

import (
	"context"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestFilesWrittenAre0644: every file written for a user (export tables in each
// format, workbooks) is readable by all and writable by its owner alone, 0644,
// whatever the umask of the shell that ran sendscope; a partitioned table's
// folders are 0755.
func TestFilesWrittenAre0644(t *testing.T) {
	_, db := crawledArea(t)
	ctx := context.Background()
	old := syscall.Umask(0o077) // a strict umask would give 0600; a loose one 0666
	defer syscall.Umask(old)
	dir := t.TempDir()
	runs := [][]string{
		{"export", "--year", "2025/26", "--format", "csv", "-o", filepath.Join(dir, "csv")},
		{"export", "--year", "2025/26", "--format", "parquet", "-o", filepath.Join(dir, "parquet")},
		{"export", "--year", "2025/26", "--format", "xlsx", "-o", filepath.Join(dir, "dataset.xlsx")},
		{"report", "commissioning", "--la", "998", "--year", "2025/26", "-o", filepath.Join(dir, "testshire.xlsx")},
		{"report", "benchmark", "--urn", "990100", "--year", "2025/26", "-o", filepath.Join(dir, "benchmark.xlsx")},
	}
	for _, args := range runs {
		if code, _, stderr := sendscope(t, ctx, append([]string{"--db", db}, args...)...); code != exitOK {
			t.Fatalf("%v: exit %d\n%s", args, code, stderr)
		}
	}
	files := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			// The folders of a partitioned Parquet table, as readable as their files.
			if info, err := d.Info(); err == nil && strings.Contains(p, "=") && info.Mode().Perm() != 0o755 {
				t.Errorf("%s: folder mode %v, want 0755", strings.TrimPrefix(p, dir), info.Mode().Perm())
			}
			return nil
		}
		files++
		if info, err := d.Info(); err != nil || info.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v, want 0644", strings.TrimPrefix(p, dir), info.Mode().Perm())
		}
		return nil
	})
	if files < 16 {
		t.Errorf("only %d files written", files)
	}
}

package queries

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestHelperReader is not a test: run as a child process by the tests below, it
// opens the store read-only (as status would) and holds it for a while, so that
// the test process meets DuckDB's lock, which is per process.
func TestHelperReader(t *testing.T) {
	path := os.Getenv("SENDSCOPE_HELPER_READ")
	if path == "" {
		t.Skip("helper process only")
	}
	s, err := OpenWith(context.Background(), path, OpenOptions{ReadOnly: true, Wait: 5 * time.Second})
	if err != nil {
		os.Stdout.WriteString("error: " + err.Error() + "\n")
		os.Exit(1)
	}
	var n int
	s.db.QueryRow(`SELECT count(*) FROM crawl_runs`).Scan(&n)
	os.Stdout.WriteString("open\n")
	hold, _ := time.ParseDuration(os.Getenv("SENDSCOPE_HELPER_HOLD"))
	time.Sleep(hold)
	s.Close()
	os.Stdout.WriteString("runs " + strconv.Itoa(n) + "\n")
	os.Exit(0)
}

// syncBuf is a child's output, read while the child writes it.
type syncBuf struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *syncBuf) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuf) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func startReader(t *testing.T, path string, hold time.Duration) (*exec.Cmd, *syncBuf) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run", "^TestHelperReader$")
	cmd.Env = append(os.Environ(), "SENDSCOPE_HELPER_READ="+path, "SENDSCOPE_HELPER_HOLD="+hold.String())
	out := &syncBuf{}
	cmd.Stdout = out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, out
}

// A batches store lets go of the file between writes: a reader in another
// process gets in, a write meanwhile says the store is busy (and writes nothing),
// and goes through once the reader has gone; a reader that comes during a write
// waits for it and sees it.
func TestBatchesStoreLetsReadersIn(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "b.duckdb")
	s, err := OpenWith(ctx, path, OpenOptions{Batches: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := OpenWith(ctx, path, OpenOptions{Batches: true}); !errors.Is(err, ErrBusy) {
		t.Errorf("a second batches store of the same file: %v, want it refused", err)
	}
	addRun := func(tx *Store) error {
		_, err := tx.StartRun(ctx, "2025/26", "t", "{}")
		if err == nil {
			_, err = tx.db.ExecContext(ctx, `UPDATE crawl_runs SET status = 'done'`)
		}
		return err
	}

	// A reader holds the file for 1.5 s: a write that waits 200 ms is refused.
	reader, out := startReader(t, path, 1500*time.Millisecond)
	for !strings.Contains(out.String(), "open") {
		time.Sleep(20 * time.Millisecond)
	}
	if err := s.WriteWithin(ctx, 200*time.Millisecond, addRun); !errors.Is(err, ErrBusy) {
		t.Errorf("write while a reader holds the store: %v, want ErrBusy", err)
	}
	start := time.Now()
	if err := s.WriteWithin(ctx, 10*time.Second, addRun); err != nil {
		t.Fatalf("write after waiting for the reader: %v", err)
	}
	if waited := time.Since(start); waited < 500*time.Millisecond {
		t.Errorf("the write went through after %s, while the reader still held the store", waited)
	}
	reader.Wait()

	// A reader that comes during a write waits for it and sees it.
	err = s.Write(ctx, func(tx *Store) error {
		if err := addRun(tx); err != nil {
			return err
		}
		r, out := startReader(t, path, 0)
		time.Sleep(1 * time.Second)
		if strings.Contains(out.String(), "open") {
			t.Error("a reader opened the store during a write")
		}
		t.Cleanup(func() {
			r.Wait()
			if !strings.Contains(out.String(), "runs 2") {
				t.Errorf("reader after the write: %q, want it to see both runs", out.String())
			}
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

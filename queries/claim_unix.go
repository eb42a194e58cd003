//go:build unix

package queries

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// claimBatchWriter makes sure one crawl or extract at a time writes to a store in
// batches: between its batches the DuckDB file is free, so DuckDB's own lock no
// longer keeps a second one out. The claim is an flock on a file beside the store
// (not on the store itself: closing any descriptor of a file drops the process's
// DuckDB lock on it); the kernel lets go of it when the process ends, kill -9 too.
func claimBatchWriter(path string) (func(), error) {
	name := path + ".writer.lock"
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("claiming the store %s for writing: %w", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		pid, _ := os.ReadFile(name)
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			who := ""
			if p := strings.TrimSpace(string(pid)); p != "" {
				if _, err := strconv.Atoi(p); err == nil {
					who = " (PID " + p + ")"
				}
			}
			return nil, fmt.Errorf("the store %s is %w: a crawl or extract%s is writing to it; run this when it has finished", path, ErrBusy, who)
		}
		return nil, fmt.Errorf("claiming the store %s for writing: %w", path, err)
	}
	f.Truncate(0)
	f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

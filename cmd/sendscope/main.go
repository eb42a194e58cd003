// Command sendscope collects English schools' SEN information reports into one
// DuckDB file, year after year, and turns them into analyses, workbooks and a
// research dataset. Run `sendscope demo` to see the whole flow on a simulated area.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/sendscope/sendscope/documents"
)

// Exit codes (DATASET.md): 0 done, 1 failed, 2 bad usage, 3 done in part, 130 interrupted.
const (
	exitOK          = 0
	exitFailed      = 1
	exitUsage       = 2
	exitPartial     = 3
	exitInterrupted = 130
)

// exitError carries an exit code with its message.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageError(format string, a ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, a...)}
}

func main() {
	// Started to read PDFs apart (sendscope re-runs itself for that): be that.
	documents.ServePDFHelper()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command line and returns its exit status; data goes to
// stdout, progress and messages to stderr.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cmd := newRootCmd()
	cmd.SetArgs(args)
	cmd.SetOut(stdout)
	cmd.SetErr(stderr)
	err := cmd.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			fmt.Fprintln(stderr, "sendscope:", ee.err)
		}
		return ee.code
	}
	if ctx.Err() != nil {
		// "context canceled" is Go's word for it.
		fmt.Fprintln(stderr, "sendscope: interrupted: run the same command again to carry on")
		return exitInterrupted
	}
	fmt.Fprintln(stderr, "sendscope:", err)
	if isUsage(err) {
		return exitUsage
	}
	return exitFailed
}

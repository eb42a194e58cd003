package queries

// Readers during a long write. DuckDB lets one process open a file for writing,
// and that open takes an exclusive lock on the file for as long as it lasts;
// readers take a shared lock. A crawl or an extract runs for hours, so instead of
// holding the file for the whole run it opens a "batches" store: the file is
// opened for each use (a statement, a Hold, a Write of a batch) and let go right
// after, and readers get in between the batches. Both sides wait and retry on a
// conflict rather than fail at once.
//
// Why not readers reading a snapshot copy instead: a national store is gigabytes,
// and a copy per reader (or per batch) costs more than opening the file, which
// reads only its header and catalogue (BENCHMARKS.md, "Reading during a crawl").
// Why not a server process owning the file: every command would need it running.

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// How long an open waits for another process to let go of the file, unless
// OpenOptions.Wait says otherwise. A crawl holds it for a batch (well under a
// second), so a reader waits little; an import or a long export holds it longer.
const (
	DefaultReadWait  = 10 * time.Second
	DefaultWriteWait = 2 * time.Minute
)

// noticeAfter is how long a wait lasts before OpenOptions.Waiting hears of it.
const noticeAfter = time.Second

// ErrBusy is returned (wrapped) when another process held the store for longer
// than the wait allowed.
var ErrBusy = errors.New("in use by another sendscope process")

// OpenOptions say how OpenWith opens a store.
type OpenOptions struct {
	ReadOnly bool
	// Batches: hold the file only while a statement, a Hold or a Write runs, so
	// that other processes can read (and import) between them: for a crawl or
	// an extract. Only one batches store per file at a time (a second one is
	// refused: two crawls of one store would crawl the same schools).
	Batches bool
	// Wait is how long to wait for another process to let go of the file before
	// giving up with ErrBusy; 0 means DefaultReadWait or DefaultWriteWait.
	Wait time.Duration
	// Waiting, when set, hears once per wait that has lasted a second (a line for the user).
	Waiting func(msg string)
	// settings are more DuckDB settings for the open, each "&name=value" (OpenLocked's).
	settings string
}

func (o OpenOptions) wait() time.Duration {
	switch {
	case o.Wait > 0:
		return o.Wait
	case o.ReadOnly:
		return DefaultReadWait
	}
	return DefaultWriteWait
}

func (o OpenOptions) dsn(path string) string {
	if o.ReadOnly {
		return path + "?access_mode=read_only" + o.settings
	}
	if o.settings != "" {
		return path + "?" + strings.TrimPrefix(o.settings, "&")
	}
	return path
}

// checkpointOnRelease says whether letting go of the file writes the WAL into
// it, and walThreshold when DuckDB checkpoints on its own. See BENCHMARKS.md,
// "Reading during a crawl", for why these values.
var (
	checkpointOnRelease = false
	walThreshold        = "16MiB"
)

// openDB opens the file as one DuckDB instance held until the *sql.DB is closed,
// waiting while another process holds it.
func openDB(ctx context.Context, path string, opt OpenOptions) (*sql.DB, error) {
	c, err := connectWaiting(ctx, path, opt, opt.wait(), nil)
	if err != nil {
		return nil, err
	}
	db := sql.OpenDB(c)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, openError(path, err)
	}
	return db, nil
}

// connectWaiting opens the file (or joins this process's open instance of it),
// retrying with backoff while another process holds a conflicting lock, for at
// most wait.
func connectWaiting(ctx context.Context, path string, opt OpenOptions, wait time.Duration, init func(driver.ExecerContext) error) (*duckdb.Connector, error) {
	start := time.Now()
	pause := 10 * time.Millisecond
	noticed := false
	for {
		c, err := duckdb.NewConnector(opt.dsn(path), init)
		if err == nil {
			return c, nil
		}
		if !isLockConflict(err) {
			return nil, openError(path, err)
		}
		waited := time.Since(start)
		if waited >= wait {
			return nil, busyError(path, err, waited)
		}
		if !noticed && waited >= noticeAfter && opt.Waiting != nil {
			noticed = true
			opt.Waiting(fmt.Sprintf("waiting for the store %s: another sendscope process%s is using it (up to %s)", path, holder(err), wait.Round(time.Second)))
		}
		// Jitter, so that processes waiting on each other do not retry in step.
		d := min(pause+time.Duration(rand.Int64N(int64(pause))), wait-waited)
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("waiting for the store %s: %w", path, ctx.Err())
		case <-time.After(d):
		}
		pause = min(pause*2, 200*time.Millisecond)
	}
}

// isLockConflict says whether an open failed because another process holds the file.
func isLockConflict(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "Could not set lock") || strings.Contains(msg, "Conflicting lock")
}

var pidPattern = regexp.MustCompile(`\(PID (\d+)\)`)

// holder names the process DuckDB says holds the file (" (PID 123)"), if it says.
func holder(err error) string {
	if m := pidPattern.FindStringSubmatch(err.Error()); m != nil {
		return " (PID " + m[1] + ")"
	}
	return ""
}

func busyError(path string, err error, waited time.Duration) error {
	return fmt.Errorf("the store %s is %w%s and stayed so for %s: a crawl or extract lets others in between its batches, "+
		"an import or a long export does not; run this again when it has finished, or wait longer with --wait",
		path, ErrBusy, holder(err), waited.Round(100*time.Millisecond))
}

// batchDB is a pool whose every connection opens the file (or joins this
// process's open instance of it) and lets it go when closed; no connection is
// kept idle, so the file is held only while something uses it.
func batchDB(path string, opt OpenOptions) *sql.DB {
	db := sql.OpenDB(&batchConnector{path: path, opt: opt})
	db.SetMaxIdleConns(0)
	return db
}

type batchConnector struct {
	path string
	opt  OpenOptions
}

func (b *batchConnector) Connect(ctx context.Context) (driver.Conn, error) {
	c, err := connectWaiting(ctx, b.path, b.opt, b.opt.wait(), releaseInit)
	if err != nil {
		return nil, err
	}
	conn, err := c.Connect(ctx)
	if err != nil {
		c.Close()
		return nil, err
	}
	dc, ok := conn.(*duckdb.Conn)
	if !ok {
		conn.Close()
		c.Close()
		return nil, fmt.Errorf("unexpected DuckDB connection %T", conn)
	}
	return &batchConn{Conn: dc, connector: c}, nil
}

func (b *batchConnector) Driver() driver.Driver { return duckdb.Driver{} }

// releaseInit prepares each connection of a batches store: see checkpointOnRelease.
func releaseInit(e driver.ExecerContext) error {
	ctx := context.Background()
	if !checkpointOnRelease {
		if _, err := e.ExecContext(ctx, `PRAGMA disable_checkpoint_on_shutdown`, nil); err != nil {
			return err
		}
	}
	_, err := e.ExecContext(ctx, `SET checkpoint_threshold = '`+walThreshold+`'`, nil)
	return err
}

// batchConn is a DuckDB connection that lets go of the file when closed.
type batchConn struct {
	*duckdb.Conn
	connector *duckdb.Connector
}

func (c *batchConn) Close() error {
	err := c.Conn.Close()
	return errors.Join(err, c.connector.Close())
}

// Unwrap gives DuckDB's own connection (the appender needs it).
func (c *batchConn) Unwrap() driver.Conn { return c.Conn }

// Batches says whether the store holds its file only while it is used.
func (s *Store) Batches() bool { return s.batches }

// Hold keeps the file open while fn runs, so that the statements fn makes share
// one open (on a batches store; other stores hold their file anyway). It waits
// for another process as the store was opened to.
func (s *Store) Hold(ctx context.Context, fn func() error) error {
	return s.hold(ctx, 0, fn)
}

func (s *Store) hold(ctx context.Context, wait time.Duration, fn func() error) error {
	if !s.batches {
		return fn()
	}
	if wait <= 0 {
		wait = s.opt.wait()
	}
	c, err := connectWaiting(ctx, s.path, s.opt, wait, releaseInit)
	if err != nil {
		return err
	}
	defer c.Close()
	return fn()
}

// Write runs fn in one transaction: every write made through tx joins it, and
// all of them are committed together or none. On a batches store the file is
// held for the transaction only.
func (s *Store) Write(ctx context.Context, fn func(tx *Store) error) error {
	return s.WriteWithin(ctx, 0, fn)
}

// WriteWithin is Write waiting at most wait (0: as the store was opened to) for
// another process to let go of the file; then it returns an error wrapping ErrBusy
// and nothing is written.
func (s *Store) WriteWithin(ctx context.Context, wait time.Duration, fn func(tx *Store) error) error {
	return s.hold(ctx, wait, func() error {
		return s.withTx(ctx, func(c *sql.Conn) error {
			return fn(&Store{db: s.db, path: s.path, batches: s.batches, opt: s.opt, tx: c})
		})
	})
}

// HoldWithin is Hold waiting at most wait (0: as the store was opened to) for
// another process to let go of the file; then it returns an error wrapping
// ErrBusy and fn does not run.
func (s *Store) HoldWithin(ctx context.Context, wait time.Duration, fn func() error) error {
	return s.hold(ctx, wait, fn)
}

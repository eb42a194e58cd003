// Package queries is the sendscope store: one DuckDB file holding the register, the
// crawl record, the documents and the facts read from them, plus the named analyses
// that run over it. Schema changes are numbered migration files under schema/, and
// analyses are .sql files beside this one, both embedded in the binary.
package queries

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// DefaultPath is where the store lives when neither --db nor SENDSCOPE_DB says.
const DefaultPath = "sendscope.duckdb"

// Store is an open sendscope database file.
type Store struct {
	db       *sql.DB
	path     string
	readOnly bool
	// batches: the file is opened for each use and let go after it (OpenOptions.Batches).
	batches      bool
	opt          OpenOptions
	releaseClaim func()
	// tx, when set, is the transaction of a Write that every write joins.
	tx *sql.Conn

	locked bool   // opened by OpenLocked, for user-written SQL
	spill  string // this process's spill folder, removed on Close ("" when none)
}

// ErrNoStore is returned when a read-only open finds no database file.
var ErrNoStore = errors.New("no sendscope store")

// Open opens (creating if needed) the store at path for reading and writing, and
// migrates an older schema to this version. Only one process may hold a store open
// for writing; while another holds it, Open waits (DefaultWriteWait) and then says so.
func Open(ctx context.Context, path string) (*Store, error) {
	return OpenWith(ctx, path, OpenOptions{})
}

// OpenReadOnly opens an existing store without taking the write lock, so reports
// and queries can run beside other readers and between a crawl's batches; while a
// writer holds the file it waits (DefaultReadWait) and then says so. A store from an
// older sendscope is first migrated (which briefly needs the write lock).
func OpenReadOnly(ctx context.Context, path string) (*Store, error) {
	return OpenWith(ctx, path, OpenOptions{ReadOnly: true})
}

// OpenWith opens the store as opt says: see OpenOptions.
func OpenWith(ctx context.Context, path string, opt OpenOptions) (*Store, error) {
	if opt.ReadOnly {
		return openReadOnly(ctx, path, opt)
	}
	var release func()
	if opt.Batches {
		var err error
		if release, err = claimBatchWriter(path); err != nil {
			return nil, err
		}
	}
	db, err := openDB(ctx, path, opt)
	if err != nil {
		if release != nil {
			release()
		}
		return nil, err
	}
	s := &Store{db: db, path: path}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		if release != nil {
			release()
		}
		return nil, err
	}
	if !opt.Batches {
		return s, nil
	}
	// From here on the file is held only while a statement, a Hold or a Write runs.
	db.Close()
	s.db, s.batches, s.opt, s.releaseClaim = batchDB(path, opt), true, opt, release
	return s, nil
}

func openReadOnly(ctx context.Context, path string, opt OpenOptions) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("%w at %s: import the register first (sendscope register import FILE) or pass --db", ErrNoStore, path)
	}
	db, err := openDB(ctx, path, opt)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path, readOnly: true}
	have, err := s.schemaVersion(ctx)
	if err != nil {
		db.Close()
		return nil, err
	}
	if have < latestVersion() {
		db.Close()
		rw, err := OpenWith(ctx, path, OpenOptions{Wait: opt.Wait, Waiting: opt.Waiting})
		if err != nil {
			return nil, err
		}
		rw.Close()
		return openReadOnly(ctx, path, opt)
	}
	if have > latestVersion() {
		db.Close()
		return nil, newerStoreError(path, have)
	}
	return s, nil
}

// Path is the file the store lives in.
func (s *Store) Path() string { return s.path }

// DB gives read access for callers that stream query results (reports, export).
func (s *Store) DB() *sql.DB { return s.db }

// Close releases the file. A crawl or extract (a batches store) first writes its
// log into the database file, so that the .duckdb file alone is whole once it
// ends (a copy or backup of it then misses nothing); if a reader holds the file
// just then, the log stays beside it and is read back on the next open.
func (s *Store) Close() error {
	if s.batches && s.tx == nil {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		_ = s.hold(ctx, 10*time.Second, func() error {
			_, err := s.db.ExecContext(ctx, `CHECKPOINT`)
			return err
		})
		cancel()
	}
	err := s.db.Close()
	if s.spill != "" {
		os.RemoveAll(s.spill)
	}
	if s.releaseClaim != nil {
		s.releaseClaim()
		s.releaseClaim = nil
	}
	return err
}

// LimitMemory caps what DuckDB holds in memory for this store, in MiB; past it,
// sorts and joins spill to a temporary folder beside the store. For bulk reads
// such as exports, whose sorts would otherwise grow with the data.
//
// The folder is this process's own, "<store>.sendscope-spill-<pid>" (DuckDB's
// default, "<store>.tmp", is shared with any other process on the store), and
// Close removes it, after an error too; folders of processes killed before they
// could are removed here.
func (s *Store) LimitMemory(ctx context.Context, mib int) error {
	removeStaleSpills(s.path)
	spill := spillPrefix(s.path) + strconv.Itoa(os.Getpid())
	if _, err := s.db.ExecContext(ctx, `SET temp_directory = '`+strings.ReplaceAll(spill, "'", "''")+`'`); err != nil {
		return err
	}
	s.spill = spill
	_, err := s.db.ExecContext(ctx, fmt.Sprintf(`SET memory_limit = '%dMiB'`, mib))
	return err
}

// SpillDir is the folder DuckDB spills to for this store in this process, set
// by LimitMemory ("" before).
func (s *Store) SpillDir() string { return s.spill }

func spillPrefix(path string) string { return path + ".sendscope-spill-" }

// removeStaleSpills removes spill folders beside the store whose process is gone.
func removeStaleSpills(path string) {
	matches, _ := filepath.Glob(spillPrefix(path) + "*")
	for _, m := range matches {
		pid, err := strconv.Atoi(strings.TrimPrefix(m, spillPrefix(path)))
		if err != nil || pid == os.Getpid() || processAlive(pid) {
			continue
		}
		os.RemoveAll(m)
	}
}

// processAlive says whether a process of that id runs (signal 0 checks only).
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}

func openError(path string, err error) error {
	return fmt.Errorf("cannot open the store %s: %w", path, err)
}

// withTx runs fn on one connection inside a transaction. The appender joins the
// connection's transaction, so bulk appends and plain statements commit or roll
// back together.
func (s *Store) withTx(ctx context.Context, fn func(c *sql.Conn) error) error {
	if s.readOnly {
		return errors.New("the store was opened read-only")
	}
	if s.tx != nil {
		return fn(s.tx) // inside a Write: its transaction commits or rolls back
	}
	c, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	if _, err := c.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return err
	}
	if err := fn(c); err != nil {
		// Rollback on a fresh context: the caller's may be cancelled already.
		if _, rbErr := c.ExecContext(context.Background(), "ROLLBACK"); rbErr != nil {
			return errors.Join(err, fmt.Errorf("rollback: %w", rbErr))
		}
		return err
	}
	_, err = c.ExecContext(ctx, "COMMIT")
	return err
}

// appendRows bulk-loads rows into table through DuckDB's appender.
func appendRows(c *sql.Conn, table string, rows [][]driver.Value) error {
	if len(rows) == 0 {
		return nil
	}
	return c.Raw(func(dc any) error {
		if u, ok := dc.(interface{ Unwrap() driver.Conn }); ok {
			dc = u.Unwrap() // a batches store's connection wraps DuckDB's
		}
		conn, ok := dc.(driver.Conn)
		if !ok {
			return fmt.Errorf("appender: unexpected driver connection %T", dc)
		}
		a, err := duckdb.NewAppenderFromConn(conn, "", table)
		if err != nil {
			return fmt.Errorf("appender for %s: %w", table, err)
		}
		for i, r := range rows {
			if err := a.AppendRow(r...); err != nil {
				a.Close()
				return fmt.Errorf("append to %s, row %d: %w", table, i+1, err)
			}
		}
		return a.Close()
	})
}

// nullable turns Go zero values into SQL NULL where zero means "unknown".
func nullString(s string) driver.Value {
	if s == "" {
		return nil
	}
	return s
}

func nullInt(p *int) driver.Value {
	if p == nil {
		return nil
	}
	return int32(*p)
}

func nullFloat(p *float64) driver.Value {
	if p == nil {
		return nil
	}
	return *p
}

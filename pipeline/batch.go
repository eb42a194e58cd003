package pipeline

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/sendscope/sendscope/queries"
)

// A crawl or an extract hands its results to one writer, which keeps them in
// memory and writes them in batches, each in one transaction, holding the store
// only while it writes (queries.OpenOptions.Batches): between batches, status,
// query, export and report can open the store. While a reader holds it, the
// writer keeps what arrives and tries again; it never drops a result, and when it
// holds as much as it may, the crawl's workers wait. Whatever it holds and has
// not written when the process dies is crawled (or extracted) again on resume:
// the store marks a school done only in the batch that stores it.

// BatchPolicy says when the writer writes and how much it may hold.
type BatchPolicy struct {
	Every       time.Duration // write what is held at least this often
	Size        int           // items per transaction at most; a full batch is written at once
	MaxHeld     int           // items held before the producers wait
	MaxBytes    int64         // bytes held (response bodies) before the producers wait
	Try         time.Duration // how long one attempt waits for a reader to let go
	InterruptBy time.Duration // after an interruption, how long to keep trying before giving up on what is held
}

// DefaultBatches is the policy of crawl and extract: see BENCHMARKS.md,
// "Reading during a crawl", for the cost of a batch.
var DefaultBatches = BatchPolicy{Every: 2 * time.Second, Size: 50, MaxHeld: 1000, MaxBytes: 256 << 20,
	Try: 500 * time.Millisecond, InterruptBy: 30 * time.Second}

// batchWriter writes items of one kind in batches.
type batchWriter[T any] struct {
	store  *queries.Store
	policy BatchPolicy
	// prepare runs as an item arrives, before it is held (the WARC archive);
	// save stores it inside the batch's transaction; done hears it is stored.
	prepare func(T) error
	save    func(tx *queries.Store, item T) error
	done    func(T)
	bytes   func(T) int64
	notice  func(format string, args ...any)
	noun    string // "schools", "documents"
}

// run takes items from in until it closes, writing them in batches. Its error is
// the first that was not the store being busy; after it, items are taken and
// dropped so that the producers can finish. It returns the items it held and
// could not write (after an interruption, the store busy for longer than
// InterruptBy).
func (b *batchWriter[T]) run(ctx context.Context, in <-chan T) (lost int, err error) {
	pol := b.policy
	var held []T
	var heldBytes int64
	tick := time.NewTicker(pol.Every)
	defer tick.Stop()
	busySince := time.Time{}
	lastNotice := time.Time{}
	var interruptedAt time.Time

	// write tries to store one batch; it says whether it did.
	write := func(wait time.Duration) bool {
		n := min(len(held), pol.Size)
		batch := held[:n]
		werr := b.store.WriteWithin(context.WithoutCancel(ctx), wait, func(tx *queries.Store) error {
			for _, it := range batch {
				if err := b.save(tx, it); err != nil {
					return err
				}
			}
			return nil
		})
		if errors.Is(werr, queries.ErrBusy) {
			if busySince.IsZero() {
				busySince = time.Now()
			}
			if time.Since(busySince) > 5*time.Second && time.Since(lastNotice) > 30*time.Second {
				lastNotice = time.Now()
				b.notice("another sendscope process has been reading the store for %s; %d %s wait in memory to be written",
					time.Since(busySince).Round(time.Second), len(held), b.noun)
			}
			return false
		}
		if werr != nil {
			err = werr
			return false
		}
		busySince = time.Time{}
		for _, it := range batch {
			heldBytes -= b.bytes(it)
			b.done(it)
		}
		held = append(held[:0], held[n:]...)
		return true
	}

	closed := false
	for !closed {
		recv := in
		if err == nil && (len(held) >= pol.MaxHeld || heldBytes >= pol.MaxBytes) {
			recv = nil // full: the producers wait until a batch is written
		}
		due := false
		select {
		case it, ok := <-recv:
			if !ok {
				closed = true
				break
			}
			if err != nil {
				continue // a write failed: drain, so that the producers can stop
			}
			if perr := b.prepare(it); perr != nil {
				err = perr
				continue
			}
			held = append(held, it)
			heldBytes += b.bytes(it)
		case <-tick.C:
			due = true
		}
		if err == nil && !closed && len(held) > 0 && (due || len(held) >= pol.Size) {
			write(pol.Try)
		}
	}
	// The producers have finished: write everything held.
	for err == nil && len(held) > 0 {
		if write(pol.Try) {
			continue
		}
		if err != nil {
			break
		}
		if ctx.Err() != nil {
			if interruptedAt.IsZero() {
				interruptedAt = time.Now()
			}
			if time.Since(interruptedAt) > pol.InterruptBy {
				return len(held), nil
			}
		}
		time.Sleep(pol.Try / 4)
	}
	if err != nil {
		return len(held), err
	}
	return 0, nil
}

// lostLine says what became of results held when the store stayed busy after an interruption.
func lostLine(n int, noun, again string) string {
	return fmt.Sprintf("%d %s were done but not stored (another process held the store); %s", n, noun, again)
}

// untilFree runs fn (one open of the store: a Hold or a Write) again while
// another process holds the store, saying so once: a result in hand is never
// dropped for a busy store. After an interruption it gives up after InterruptBy.
func untilFree(ctx context.Context, notice func(string, ...any), what string, fn func(wait time.Duration) error) error {
	start := time.Now()
	noticed := false
	for {
		err := fn(2 * time.Second)
		if !errors.Is(err, queries.ErrBusy) {
			return err
		}
		if ctx.Err() != nil && time.Since(start) > DefaultBatches.InterruptBy {
			return err
		}
		if !noticed {
			noticed = true
			notice("waiting for another sendscope process to let go of the store, to %s", what)
		}
	}
}

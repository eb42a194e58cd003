package documents

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"syscall"

	"github.com/tetratelabs/wazero/experimental"
)

// helperProcAttr has Linux kill a PDF helper when sendscope dies, even if the
// helper is busy and so not reading the stdin that would tell it.
func helperProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

// limitAddressSpaceGrowth lets the helper's address space grow by n bytes
// more than it has now, and no further: a PDF that would take more makes the
// helper fail, not the machine swap. Once PDFium is started (its code loaded,
// its memory reserved), what grows is the Go heap; a cap counted from now,
// not a round number far above the runtime's own reservations, is one that
// binds.
func limitAddressSpaceGrowth(n uint64) {
	size, err := addressSpace()
	if err != nil {
		return
	}
	lim := syscall.Rlimit{Cur: size + n, Max: size + n}
	var cur syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_AS, &cur) == nil && cur.Max < lim.Max {
		return // already lower
	}
	_ = syscall.Setrlimit(syscall.RLIMIT_AS, &lim)
}

// addressSpace is this process's mapped address space (VmSize).
func addressSpace() (uint64, error) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmSize:"); ok {
			kb, err := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10, err
		}
	}
	return 0, errors.New("no VmSize in /proc/self/status")
}

// wasmMemoryAllocator backs PDFium's WebAssembly memory with one mapping of
// its largest size, reserved (no access, no swap) up front and opened page by
// page as the memory grows. wazero's own memory is a Go slice that grows by
// append: every growth copies the whole memory into a new slice and leaves
// the old one to the collector, so a PDF that fills a 256 MiB memory made the
// helper peak at 0.8 GiB. Here growing copies nothing and only the pages
// PDFium touches are resident; the mapping is outside the Go heap.
func wasmMemoryAllocator() experimental.MemoryAllocator {
	return experimental.MemoryAllocatorFunc(func(_, max uint64) experimental.LinearMemory {
		buf, err := syscall.Mmap(-1, 0, int(max), syscall.PROT_NONE,
			syscall.MAP_PRIVATE|syscall.MAP_ANONYMOUS|syscall.MAP_NORESERVE)
		if err != nil {
			return &sliceMemory{max: max}
		}
		return &mappedMemory{buf: buf}
	})
}

// mappedMemory is a reserved mapping of which the first open bytes are
// readable and writable.
type mappedMemory struct {
	buf  []byte
	open int
}

// Reallocate opens the mapping up to size bytes; nil (the memory cannot
// grow, which PDFium reports as out of memory) past the reservation.
func (m *mappedMemory) Reallocate(size uint64) []byte {
	if size > uint64(len(m.buf)) {
		return nil
	}
	if n := int(size); n > m.open {
		// WebAssembly pages (64 KiB) are whole OS pages.
		if err := syscall.Mprotect(m.buf[m.open:n], syscall.PROT_READ|syscall.PROT_WRITE); err != nil {
			return nil
		}
		m.open = n
	}
	return m.buf[:size:size]
}

// Free unmaps the memory.
func (m *mappedMemory) Free() {
	if m.buf != nil {
		syscall.Munmap(m.buf)
		m.buf = nil
	}
}

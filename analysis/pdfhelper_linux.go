package analysis

import (
	"syscall"

	"github.com/tetratelabs/wazero/experimental"
)

// helperProcAttr has Linux kill a PDF helper when sendscope dies, even if the
// helper is busy and so not reading the stdin that would tell it.
func helperProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

// limitAddressSpace caps the helper's address space: a PDF that would take
// more makes the helper fail, not the machine swap.
func limitAddressSpace(n uint64) {
	lim := syscall.Rlimit{Cur: n, Max: n}
	var cur syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_AS, &cur) == nil && cur.Max < n {
		return // already lower
	}
	_ = syscall.Setrlimit(syscall.RLIMIT_AS, &lim)
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

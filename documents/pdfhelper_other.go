//go:build !linux

package documents

import (
	"syscall"

	"github.com/tetratelabs/wazero/experimental"
)

// helperProcAttr: elsewhere a helper ends when its stdin closes.
func helperProcAttr() *syscall.SysProcAttr { return nil }

// limitAddressSpaceGrowth: elsewhere only the WebAssembly and heap limits apply.
func limitAddressSpaceGrowth(uint64) {}

// wasmMemoryAllocator: elsewhere a Go slice as big as the memory's limit from
// the start (virtual until touched), so that growing never copies.
func wasmMemoryAllocator() experimental.MemoryAllocator {
	return experimental.MemoryAllocatorFunc(func(_, max uint64) experimental.LinearMemory {
		return &sliceMemory{max: max}
	})
}

//go:build !linux

package analysis

import "syscall"

// helperProcAttr: elsewhere a helper ends when its stdin closes.
func helperProcAttr() *syscall.SysProcAttr { return nil }

// limitAddressSpace: elsewhere only the WebAssembly and heap limits apply.
func limitAddressSpace(uint64) {}

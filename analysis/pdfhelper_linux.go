package analysis

import "syscall"

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

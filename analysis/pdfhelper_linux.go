package analysis

import "syscall"

// helperProcAttr has Linux kill a PDF helper when sendscope dies, even if the
// helper is busy and so not reading the stdin that would tell it.
func helperProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

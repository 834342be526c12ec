//go:build linux

package atomicfile

import (
	"os"
	"syscall"
)

// syncFileRangeWrite is SYNC_FILE_RANGE_WRITE (linux/fs.h): start writing
// the range's dirty pages out, without waiting for them.
const syncFileRangeWrite = 2

// startWriteback asks the kernel to start writing [off, off+n) of f to the
// disk now, so that the sync before the rename waits for less. It is
// advice: an error changes nothing (the sync still writes everything).
func startWriteback(f *os.File, off, n int64) {
	if rc, err := f.SyscallConn(); err == nil {
		rc.Control(func(fd uintptr) { syscall.SyncFileRange(int(fd), off, n, syncFileRangeWrite) })
	}
}

//go:build !unix

package atomicfile

import "os"

// Lock is a no-op where flock(2) is missing: saves stay atomic, but two
// instances writing one review at the same moment may lose one's change.
type Lock struct{}

// Acquire returns a lock that excludes nothing on this system.
func Acquire(path string) (*Lock, error) { return &Lock{}, nil }

// Release does nothing.
func (l *Lock) Release() {}

// alive cannot ask the system here: only this process is known to run.
func alive(pid int) bool { return pid == os.Getpid() }

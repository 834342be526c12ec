//go:build unix

package atomicfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// Lock is an exclusive lock on a file's lock file, held across processes:
// the review store holds it while it reads, merges and replaces a review,
// so that two instances never write over each other's changes.
type Lock struct{ f *os.File }

// lockWait is how long Acquire waits for another writer: a save takes
// milliseconds, so a lock held for seconds belongs to a stuck process, and
// the caller is better told than kept waiting.
const lockWait = 10 * time.Second

// Acquire takes the lock of path (a hidden ".NAME.lock" beside the file a
// symbolic link names, so that every link to one file shares one lock). The
// kernel drops the lock when its holder exits or is killed, so a crash
// never leaves it held; the lock file itself stays, empty.
func Acquire(path string) (*Lock, error) {
	target, err := Resolve(path)
	if err != nil {
		return nil, err
	}
	name := filepath.Join(filepath.Dir(target), "."+filepath.Base(target)+".lock")
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", target, err)
	}
	deadline := time.Now().Add(lockWait)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return &Lock{f: f}, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", target, err)
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, fmt.Errorf("lock %s: another process has held it for %s", target, lockWait)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// Release gives the lock up.
func (l *Lock) Release() {
	if l == nil || l.f == nil {
		return
	}
	syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	l.f.Close()
	l.f = nil
}

// alive says whether a process with this id runs: signal 0 checks without
// sending anything. EPERM means it runs under another user.
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

//go:build !linux

package atomicfile

import "os"

// startWriteback does nothing where sync_file_range(2) is missing: the sync
// before the rename writes everything itself.
func startWriteback(f *os.File, off, n int64) {}

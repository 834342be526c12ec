package compare

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// workers is how many goroutines share the engine's heavy loops: one per
// core the program may use.
func workers() int { return max(1, runtime.GOMAXPROCS(0)) }

// parallel runs fn on every worker; each takes the next index of [0, n)
// from a shared counter until none is left, so that uneven items (a long
// article, a common word) balance out. The result must not depend on which
// worker took which index: callers write per-index or per-worker slots and
// merge in a fixed order.
func parallel(n int, fn func(worker int, next func() (int, bool))) {
	var counter atomic.Int64
	next := func() (int, bool) {
		i := int(counter.Add(1) - 1)
		return i, i < n
	}
	w := min(workers(), max(1, n))
	if w == 1 {
		fn(0, next)
		return
	}
	var wg sync.WaitGroup
	for k := range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(k, next)
		}()
	}
	wg.Wait()
}

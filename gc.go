package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"

	"github.com/parallax-news/parallax/loader"
)

// The garbage collector's pacing for a comparison. A small comparison makes
// much short-lived garbage over a small live heap: the five sample articles
// allocate 6 MB against 1.5 MB live, so that the default pacing (GOGC=100,
// a 4 MB goal) collects about twice per comparison and hands back pages
// that the next allocations fault in again, at about 20 µs a page on a
// small virtual machine. Measured on the sample (BenchmarkCompareSeeds, two
// cores, quiet machine): 19.5 ms at 100, 14.3 at 200, 12.0 at 400, 11.7 at
// 800. A larger comparison is left at the default: its live heap is large,
// and four times it would break the memory the issue allows (462 ECB+
// articles, 0.9 MB of text, went from 276 to 526 MiB; capping that with a
// memory limit made a 10 MB article collect without pause, 21.8 -> 40.6 s
// of CPU).
//
// A medium comparison collects at half the default rate. Its live heap is
// about 100-130 bytes a byte of text while the export is written, and at
// 200 the heap peaks near twice that. Measured end to end (parallax export
// --format json, two cores, three or four runs each, 2026-12-02): the 462
// ECB+ dev articles (0.87 MB of text) take 0.99-1.03 s and 229-256 MB at
// 200 against 1.05-1.10 s and 167-180 MB at 100; 1,000 ECB+ articles (1.86
// MB) take 2.19-2.31 s but 440-562 MB at 200, over the 512 MiB the issue
// allows, against 2.29-2.45 s and 368-422 MB at 100. So the medium tier
// ends at 1 MiB.
//
// A large comparison collects only when the heap reaches a memory budget (no
// percent, a memory limit), the fewest collections that memory allows, for
// as long as the heap it finds live stays within half the budget. A limit
// near the live heap makes the collector run without pause (a 10 MB article,
// 390 MB live at its peak, took 10.4 s at a 480 MiB limit instead of 5.5),
// so the first collection that finds more live hands the pacing back to the
// default percent, within a ceiling (below). Half is where the two meet:
// past it, the budget leaves less than the live heap's size to allocate
// between collections, so it collects more often than the default would. The
// live heap peaks at 84 bytes a byte of text for 1,000 ECB+ articles (157 MB
// of 1.86 MB), 50 for one 2.5 MB article, 39 for 10 MB (GODEBUG=gctrace=1):
// too far apart for an estimate from the text's size to tell in advance.
// Measured on 1,000 ECB+ articles (two cores, 2026-12-03): 2.80-2.96 s of
// CPU and 414-420 MB at the budget against 3.22-3.46 s and 306-323 MB at the
// default; the issue allows 512 MiB.
const (
	smallComparison  = 256 << 10 // bytes of text, all inputs together: a few dozen articles
	smallGCPercent   = 400
	mediumComparison = 1 << 20 // about five hundred articles
	mediumGCPercent  = 200

	heapBudget = 400 << 20 // bytes: the memory limit of a large comparison's heap

	// Past the budget, the default percent within a ceiling: the heap of a
	// 10 MB article, 252-290 MB live at its peaks, grew to its default goal
	// of twice that (651-793 MB); at a 480 MiB ceiling it stayed at 501 MB
	// for 10.0 s of CPU instead of 9.0 (2026-12-03). Past ceilingShare of
	// the ceiling live, the ceiling would collect three times as often as
	// the default and more, and it is lifted.
	heapCeiling  = 480 << 20
	ceilingShare = 0.75
)

// paceGC sets the pacing for a comparison of these articles, unless the
// user set GOGC or GOMEMLIMIT, which win.
func paceGC(arts []*loader.Article) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	n := textBytes(arts)
	if n >= mediumComparison {
		paceByBudget(heapBudget, heapCeiling)
		return
	}
	budgetRound.Add(1) // an earlier large comparison's pacing ends
	debug.SetMemoryLimit(math.MaxInt64)
	if n < smallComparison {
		debug.SetGCPercent(smallGCPercent)
	} else {
		debug.SetGCPercent(mediumGCPercent)
	}
}

// budgetRound numbers the calls of paceByBudget: a watch from an earlier
// comparison stops when a later one starts its own.
var budgetRound atomic.Int64

// paceByBudget collects when the heap reaches budget bytes, until a
// collection finds more than half of it live; then at the default percent
// but within a memory limit of ceiling bytes, until a collection finds more
// than ceilingShare of the ceiling live; then at the defaults.
func paceByBudget(budget, ceiling int64) {
	round := budgetRound.Add(1)
	debug.SetMemoryLimit(budget)
	debug.SetGCPercent(-1)
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	capped := false
	afterEachGC(func() bool {
		if budgetRound.Load() != round {
			return false
		}
		metrics.Read(live)
		if live[0].Value.Kind() != metrics.KindUint64 {
			return true
		}
		n := live[0].Value.Uint64()
		if !capped {
			if n <= uint64(budget/2) {
				return true
			}
			capped = true
			debug.SetGCPercent(100)
			debug.SetMemoryLimit(ceiling)
		}
		if n <= uint64(float64(ceiling)*ceilingShare) {
			return true
		}
		if budgetRound.CompareAndSwap(round, round+1) {
			debug.SetMemoryLimit(math.MaxInt64)
		}
		return false
	})
}

// afterEachGC calls f after each collection for as long as f returns true.
// A finalizer runs once the collector has found its object unreachable: an
// object left unreachable at once, its finalizer arming the next.
func afterEachGC(f func() bool) {
	type sentinel struct{ _ *int } // holds a pointer: never in the tiny allocator, whose finalizers may wait
	var arm func()
	arm = func() {
		runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
			if f() {
				arm()
			}
		})
	}
	arm()
}

// collectAfterCompare collects once a large comparison is done. The
// engine's working data is garbage then, but the collector sets its next
// goal from the last live heap it measured, near the engine's peak: the
// export of one 10 MB article allocated up to that goal (1.0 GB of heap
// where 100 MB were live) before it collected again. Collected here, the
// export is paced from the result's own size, for one collection of the
// result (a few tens of milliseconds). A smaller comparison's heap is too
// small for it to matter.
func collectAfterCompare(arts []*loader.Article) {
	if textBytes(arts) >= mediumComparison {
		runtime.GC()
	}
}

// textBytes is the size of the articles' text.
func textBytes(arts []*loader.Article) int {
	var n int
	for _, a := range arts {
		for _, p := range a.Paragraphs {
			n += len(p.Text)
		}
	}
	return n
}

package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"

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
// A large comparison whose live heap fits well within a memory budget
// collects only when the heap reaches the budget (no percent, a memory
// limit): the fewest collections that memory allows. Its live heap peaks at
// 84 bytes a byte of text for 1,000 ECB+ articles (157 MB of 1.86 MB), 50
// for one 2.5 MB article, 43 for 5 MB, 39 for 10 MB (GODEBUG=gctrace=1,
// the largest heap marked live). A limit near the live heap makes the
// collector run without pause (a 10 MB article at a 480 MiB limit took
// 10.4 s instead of 5.5), so the budget is taken only when the estimate,
// at liveBytesPerTextByte, is at most half of it. Measured on 1,000 ECB+
// articles (two cores, 2026-12-03): 2.80-2.96 s of CPU and 414-420 MB at
// the budget against 3.22-3.46 s and 306-323 MB at the default; the issue
// allows 512 MiB.
const (
	smallComparison  = 256 << 10 // bytes of text, all inputs together: a few dozen articles
	smallGCPercent   = 400
	mediumComparison = 1 << 20 // about five hundred articles
	mediumGCPercent  = 200

	heapBudget           = 400 << 20 // bytes: the memory limit of a large comparison's heap
	liveBytesPerTextByte = 90        // the live heap's peak a byte of text, rounded up from the largest measured
)

// paceGC sets the pacing for a comparison of these articles, unless the
// user set GOGC or GOMEMLIMIT, which win.
func paceGC(arts []*loader.Article) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	n := textBytes(arts)
	switch {
	case n < smallComparison:
		debug.SetGCPercent(smallGCPercent)
	case n < mediumComparison:
		debug.SetGCPercent(mediumGCPercent)
	case int64(n)*liveBytesPerTextByte <= heapBudget/2:
		debug.SetMemoryLimit(heapBudget)
		debug.SetGCPercent(-1)
	default:
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	}
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

package main

import (
	"os"
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
const (
	smallComparison = 256 << 10 // bytes of text, all inputs together: a few dozen articles
	smallGCPercent  = 400
)

// paceGC sets the pacing for a comparison of these articles, unless the
// user set GOGC, which wins.
func paceGC(arts []*loader.Article) {
	if os.Getenv("GOGC") != "" {
		return
	}
	var n int
	for _, a := range arts {
		for _, p := range a.Paragraphs {
			n += len(p.Text)
		}
	}
	if n < smallComparison {
		debug.SetGCPercent(smallGCPercent)
	}
}

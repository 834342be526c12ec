package main

import (
	"math"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/loader"
)

// TestPaceGC: a small comparison runs with the largest percent, a medium
// one with a larger one, a large one within the heap budget with no percent
// and the budget as its limit, a larger one at the defaults, and GOGC or
// GOMEMLIMIT set by the user wins.
func TestPaceGC(t *testing.T) {
	article := func(n int) *loader.Article {
		return &loader.Article{Paragraphs: []loader.Paragraph{{Text: strings.Repeat("x", n)}}}
	}
	percentAfter := func(arts ...*loader.Article) int {
		old := debug.SetGCPercent(100)
		defer debug.SetGCPercent(old)
		paceGC(arts)
		return debug.SetGCPercent(100)
	}
	t.Setenv("GOGC", "")
	if got := percentAfter(article(30_000), article(20_000)); got != smallGCPercent {
		t.Errorf("50 kB of text: GC percent %d, want %d", got, smallGCPercent)
	}
	if got := percentAfter(article(smallComparison), article(10)); got != mediumGCPercent {
		t.Errorf("a medium comparison: GC percent %d, want %d", got, mediumGCPercent)
	}
	limitAfter := func(arts ...*loader.Article) (percent int, limit int64) {
		oldLimit := debug.SetMemoryLimit(-1)
		defer debug.SetMemoryLimit(oldLimit)
		return percentAfter(arts...), debug.SetMemoryLimit(-1)
	}
	if p, l := limitAfter(article(mediumComparison), article(10)); p != -1 || l != heapBudget {
		t.Errorf("a large comparison within the budget: GC percent %d and limit %d, want off and %d", p, l, heapBudget)
	}
	huge := heapBudget/2/liveBytesPerTextByte + 1
	if p, l := limitAfter(article(huge), article(10)); p != 100 || l != math.MaxInt64 {
		t.Errorf("a comparison too large for the budget: GC percent %d and limit %d, want the defaults", p, l)
	}
	t.Setenv("GOGC", "100")
	if got := percentAfter(article(10)); got != 100 {
		t.Errorf("GOGC set by the user: GC percent %d, want it untouched", got)
	}
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "1GiB")
	if p, l := limitAfter(article(mediumComparison), article(10)); p != 100 || l != math.MaxInt64 {
		t.Errorf("GOMEMLIMIT set by the user: GC percent %d and limit %d, want them untouched", p, l)
	}
}

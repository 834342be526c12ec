package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

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
		t.Errorf("a large comparison: GC percent %d and limit %d, want off and %d", p, l, heapBudget)
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

// TestPaceByBudget: the heap is collected at the budget while what it finds
// live stays within half of it, then at the default percent within the
// ceiling while within ceilingShare of that, then at the defaults.
func TestPaceByBudget(t *testing.T) {
	oldPercent, oldLimit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	defer func() {
		budgetRound.Add(1)
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	}()
	const budget, ceiling = 64 << 20, 96 << 20
	paceOf := func() (int, int64) {
		p := debug.SetGCPercent(-1)
		debug.SetGCPercent(p)
		return p, debug.SetMemoryLimit(-1)
	}
	// settle collects until the finalizers of the collections so far have
	// run (they run on their own goroutine, soon after).
	settle := func() {
		for range 5 {
			runtime.GC()
			time.Sleep(20 * time.Millisecond)
		}
	}
	paceByBudget(budget, ceiling)
	settle()
	if p, l := paceOf(); p != -1 || l != budget {
		t.Fatalf("little live: GC percent %d and limit %d, want off and %d", p, l, budget)
	}
	live := make([]byte, budget*3/4)
	for i := range live {
		live[i] = byte(i)
	}
	waitFor := func(what string, percent int, limit int64) {
		t.Helper()
		for deadline := time.Now().Add(10 * time.Second); ; {
			runtime.GC()
			p, l := paceOf()
			if p == percent && l == limit {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: GC percent %d and limit %d after 10 s, want %d and %d", what, p, l, percent, limit)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	waitFor("three quarters of the budget live", 100, ceiling)
	more := make([]byte, budget/2)
	for i := range more {
		more[i] = byte(i)
	}
	waitFor("over ceilingShare of the ceiling live", 100, math.MaxInt64)
	runtime.KeepAlive(more)
	runtime.KeepAlive(live)
}

package main

import (
	"runtime/debug"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/loader"
)

// TestPaceGC: a small comparison runs with the largest percent, a medium
// one with a larger one, a large one at the default, and GOGC set by the
// user wins.
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
	if got := percentAfter(article(mediumComparison), article(10)); got != 100 {
		t.Errorf("a large comparison: GC percent %d, want the default 100", got)
	}
	t.Setenv("GOGC", "100")
	if got := percentAfter(article(10)); got != 100 {
		t.Errorf("GOGC set by the user: GC percent %d, want it untouched", got)
	}
}

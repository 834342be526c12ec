package tui

import (
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax/loader"
)

// The timeline is a stable sort: sources published at one instant, and
// undated sources, keep the order they were given in, and undated ones come
// after every dated one.
func TestTimelineOrderIsStable(t *testing.T) {
	day := time.Date(2031, 3, 11, 6, 10, 0, 0, time.UTC)
	at := func(tm time.Time) loader.Dateline { return loader.Dateline{Time: tm, HasTime: !tm.IsZero()} }
	pubs := []loader.Dateline{
		at(time.Time{}),            // 0: undated
		at(day.Add(2 * time.Hour)), // 1: third
		at(day),                    // 2: first, tied with 4
		at(time.Time{}),            // 3: undated, after 0
		at(day),                    // 4: first, tied with 2, after it
	}
	d := &doc{}
	for _, p := range pubs {
		d.sources = append(d.sources, source{art: &loader.Article{Published: p}})
	}
	d.indexTimeline()
	if want := []int{2, 4, 1, 0, 3}; !slices.Equal(d.timeline, want) {
		t.Errorf("timeline %v, want %v", d.timeline, want)
	}
	if want := []int{0, 3, 1, 0, 1}; !slices.Equal(d.rank, want) {
		t.Errorf("rank %v, want %v", d.rank, want)
	}
	if d.dated != 3 {
		t.Errorf("dated %d, want 3", d.dated)
	}
}

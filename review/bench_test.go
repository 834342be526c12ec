package review

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
)

// benchStory is n findings between two articles of n paragraphs, with a
// verdict on every other one.
func benchStory(b *testing.B, n int) (*Store, []compare.Discrepancy) {
	a, c := article("wire"), article("courier")
	var discs []compare.Discrepancy
	for i := range n {
		a.Paragraphs = append(a.Paragraphs, loader.Paragraph{Index: i, Kind: loader.KindBody, Text: fmt.Sprintf("In district %d of the northern province, officials said on Monday that %d homes burned after the storm.", i, i+100)})
		c.Paragraphs = append(c.Paragraphs, loader.Paragraph{Index: i, Kind: loader.KindBody, Text: fmt.Sprintf("In district %d of the northern province, police said on Monday that %d homes burned after the storm.", i, i+300)})
		discs = append(discs, finding(fmt.Sprintf("d%d", i+1), compare.KindNumber,
			claim(a, i, fmt.Sprintf("%d homes burned", i+100)), claim(c, i, fmt.Sprintf("%d homes burned", i+300))))
	}
	s, err := OpenFile(filepath.Join(b.TempDir(), "r.json"), SourcesOf([]*loader.Article{a, c}))
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < n; i += 2 {
		s.Set(discs[i], Confirmed, "note", t0)
	}
	return s, discs
}

// Get on every finding, as the interface tallies its header after a
// verdict: unattached (exact words) and attached.
func BenchmarkGetAll(b *testing.B) {
	for _, n := range []int{100, 1000} {
		for _, attached := range []bool{false, true} {
			b.Run(fmt.Sprintf("findings=%d/attached=%v", n, attached), func(b *testing.B) {
				s, discs := benchStory(b, n)
				if attached {
					s.Attach(&compare.Result{Discrepancies: discs})
				}
				b.ResetTimer()
				for range b.N {
					for _, d := range discs {
						s.Get(d)
					}
				}
			})
		}
	}
}

// Attach of n verdicts to n findings after a new result.
func BenchmarkAttach(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprintf("findings=%d", n), func(b *testing.B) {
			s, discs := benchStory(b, n)
			for range b.N {
				s.Attach(&compare.Result{Discrepancies: discs})
			}
		})
	}
}

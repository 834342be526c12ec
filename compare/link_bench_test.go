package compare

import "testing"

// BenchmarkLink times the link stage's candidate search and scoring alone
// on 1,000 ECB+ articles, with no background reading beside it to share
// the cores: go test ./compare -run '^$' -bench Link -benchtime 5x
func BenchmarkLink(b *testing.B) {
	c := newComparison(ecbArticles(b, 1000), Options{})
	prepareUnits(c)
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		link(c.units, c.ix, c.model)
	}
}

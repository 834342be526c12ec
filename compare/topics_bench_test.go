package compare

import (
	"testing"

	"github.com/parallax-news/parallax/loader"
)

// linkedComparison is the articles prepared and linked, with no
// background reading: what buildTopics and labelTopics start from.
func linkedComparison(arts []*loader.Article) *comparison {
	c := newComparison(arts, Options{})
	prepareUnits(c)
	c.pairs = link(c.units, c.ix, c.model)
	return c
}

// BenchmarkTopics times the topics' grouping and labelling alone on 1,000
// ECB+ articles: go test ./compare -run '^$' -bench Topics -benchtime 5x
func BenchmarkTopics(b *testing.B) {
	c := linkedComparison(ecbArticles(b, 1000))
	run := func(b *testing.B, step func()) {
		b.ReportAllocs()
		defer reportCPU(b)()
		for b.Loop() {
			step()
		}
	}
	reset := func() { c.res.Topics, c.topicUnits, c.unitTopics = nil, nil, nil }
	b.Run("group", func(b *testing.B) {
		run(b, func() { groupUnits(c.units, c.pairs, nil, nil) })
	})
	b.Run("build", func(b *testing.B) {
		run(b, func() { reset(); buildTopics(c) })
	})
	b.Run("label", func(b *testing.B) {
		reset()
		buildTopics(c)
		run(b, func() { labelTopics(c) })
	})
}

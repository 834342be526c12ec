package compare

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"testing"

	"github.com/parallax-news/parallax/loader"
)

func BenchmarkCompareSeeds(b *testing.B) {
	arts := seedArticles(b)
	b.ReportAllocs()
	for b.Loop() {
		Compare(arts)
	}
}

// ecbArticles loads n ECB+ articles from several clusters together: a harder
// input than one event, since most sentences share nothing.
func ecbArticles(b testing.TB, n int) []*loader.Article {
	paths, _ := filepath.Glob(evalDir + "/*/articles/*.txt")
	if len(paths) == 0 {
		b.Skip("no ../shared/eval")
	}
	sort.Strings(paths)
	res, err := loader.Load(context.Background(), paths, loader.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var out []*loader.Article
	for copyN := 0; len(out) < n; copyN++ {
		for _, a := range res.Articles {
			if len(out) == n {
				break
			}
			c := *a
			c.ID = fmt.Sprintf("%s-%d", a.ID, copyN)
			out = append(out, &c)
		}
	}
	return out
}

func benchmarkN(b *testing.B, n int) {
	arts := ecbArticles(b, n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Compare(arts)
	}
}

func BenchmarkCompare100(b *testing.B)  { benchmarkN(b, 100) }
func BenchmarkCompare1000(b *testing.B) { benchmarkN(b, 1000) }

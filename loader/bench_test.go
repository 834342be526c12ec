package loader

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/parallax-news/parallax/seeds"
)

// ecbArticles lists the ECB+ development articles beside the repository
// (../shared/eval), repeated up to n paths.
func ecbArticles(b *testing.B, n int) ([]string, int64) {
	paths, _ := filepath.Glob("../../shared/eval/ecbplus-dev/*/articles/*.txt")
	if len(paths) == 0 {
		b.Skip("../shared/eval/ecbplus-dev not found")
	}
	slices.Sort(paths)
	var out []string
	var size int64
	for len(out) < n {
		p := paths[len(out)%len(paths)]
		info, err := os.Stat(p)
		if err != nil {
			b.Fatal(err)
		}
		size += info.Size()
		out = append(out, p)
	}
	return out, size
}

// BenchmarkLoad1000 loads 1,000 ECB+ articles (541 distinct, cycled): reading,
// parsing, sanitising, classifying, splitting sentences, and finding the
// repeats as duplicates.
func BenchmarkLoad1000(b *testing.B) {
	paths, size := ecbArticles(b, 1000)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Load(context.Background(), paths, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(paths)*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkParseHTML measures one realistic news page through readability.
func BenchmarkParseHTML(b *testing.B) {
	data, err := os.ReadFile("testdata/quake-news.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("a.html", data, "", ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadSeeds loads the five bundled sample articles, the loader's
// share of parallax's start-up (the whole run is measured with
// /usr/bin/time on the binary; see the notes).
func BenchmarkLoadSeeds(b *testing.B) {
	names := seeds.Names()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(context.Background(), names, Options{FS: seeds.FS}); err != nil {
			b.Fatal(err)
		}
	}
}

package compare

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"

	"github.com/parallax-news/parallax/loader"
)

// TestOffEventECBPlus mixes into six articles of each ECB+ dev cluster one
// article of a cluster of another topic, and asserts at the shipped
// setting that the stranger is marked in 13 of 20 mixes or more and that
// no article of the cluster is.
func TestOffEventECBPlus(t *testing.T) {
	cls, _ := filepath.Glob(filepath.Join(evalDir, "*_ecbplus", "articles"))
	if len(cls) == 0 {
		t.Skip("no ../shared/eval")
	}
	marked := 0
	for k, d := range cls {
		fs, _ := filepath.Glob(filepath.Join(d, "*.txt"))
		if len(fs) > 6 {
			fs = fs[:6]
		}
		other, _ := filepath.Glob(filepath.Join(cls[(k+7)%len(cls)], "*.txt"))
		res, err := loader.Load(context.Background(), append(fs, other[0]), loader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		odd := res.Articles[len(res.Articles)-1].ID
		for _, o := range Compare(res.Articles).OffEvent {
			if o.Source == odd {
				marked++
			} else {
				t.Errorf("%s: an article of the cluster marked: %s %s", filepath.Base(filepath.Dir(d)), o.Source, o.Reason)
			}
		}
	}
	t.Logf("the stranger marked in %d of %d mixes", marked, len(cls))
	if marked < 13 {
		t.Errorf("the stranger marked in %d of %d mixes, want 13 or more", marked, len(cls))
	}
}

// TestMedianWithout holds the one-sort median to the plain one: the list
// without the item, sorted, its middle.
func TestMedianWithout(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for n := 2; n < 40; n++ {
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = float64(rng.IntN(6)) / 5 // ties, as shares of few paragraphs have
		}
		sorted := slices.Sorted(slices.Values(xs))
		for skip := range xs {
			rest := slices.Delete(slices.Clone(xs), skip, skip+1)
			slices.Sort(rest)
			if got, want := medianWithout(sorted, xs[skip]), rest[len(rest)/2]; got != want {
				t.Fatalf("n=%d skip=%d: %v, want %v (list %v)", n, skip, got, want, xs)
			}
		}
	}
}

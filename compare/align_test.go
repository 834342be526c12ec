package compare

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortLinks holds the packed sort of scored pairs to the order it
// stands for: score down, then the first unit's place, then the second's.
func TestSortLinks(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const units = 300
	ord := make([]int32, units)
	for i, r := range rng.Perm(units) {
		ord[i] = int32(r)
	}
	seen := map[[2]int32]bool{}
	var all []scoredPair
	for len(all) < 5000 {
		i, j := int32(rng.IntN(units)), int32(rng.IntN(units))
		if i >= j || seen[[2]int32{i, j}] {
			continue
		}
		seen[[2]int32{i, j}] = true
		all = append(all, scoredPair{i, j, float64(700+rng.IntN(40)) / 1000}) // many ties
	}
	want := slices.Clone(all)
	slices.SortFunc(want, linkOrder(ord))
	sortLinks(all, ord)
	if !slices.Equal(all, want) {
		for k := range all {
			if all[k] != want[k] {
				t.Fatalf("at %d: %+v, want %+v", k, all[k], want[k])
			}
		}
	}
}

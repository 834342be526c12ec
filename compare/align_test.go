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

// The merge queue gives the merges best first (mean, then the earlier
// pair), whatever the order they came in, through heapify, pushes and pops
// interleaved, ties on the mean included.
func TestMergeQueueOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	cand := func() mergeCand {
		return mergeCand{mean: float64(r.IntN(20)) / 4, a: int32(r.IntN(30)), b: int32(30 + r.IntN(30))}
	}
	for round := 0; round < 200; round++ {
		q := new(mergeQueue)
		var ref []mergeCand
		for range r.IntN(50) {
			m := cand()
			*q = append(*q, m)
			ref = append(ref, m)
		}
		q.heapify()
		best := func() int { // the reference's best entry
			b := 0
			for i := range ref {
				if (mergeQueue{ref[i], ref[b]}).less(0, 1) {
					b = i
				}
			}
			return b
		}
		for len(ref) > 0 || r.IntN(3) == 0 {
			if r.IntN(3) == 0 {
				m := cand()
				q.push(m)
				ref = append(ref, m)
				continue
			}
			if len(ref) == 0 {
				break
			}
			b := best()
			want := ref[b]
			ref = slices.Delete(ref, b, b+1)
			if got := q.pop(); got != want {
				t.Fatalf("round %d: popped %+v, want %+v", round, got, want)
			}
		}
		if len(*q) != 0 {
			t.Fatalf("round %d: %d merges left in the queue", round, len(*q))
		}
	}
}

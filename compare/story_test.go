package compare

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortHashes checks that the digit sort of a long article's shingles
// orders them as slices.Sort does, repeats and high bits included, and
// leaves them in the slice it was given.
func TestSortHashes(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 5, radixSortMin - 1, radixSortMin, 3*radixSortMin + 7} {
		hs := make([]uint64, n)
		for i := range hs {
			switch i % 3 {
			case 0:
				hs[i] = r.Uint64()
			case 1:
				hs[i] = r.Uint64() >> 40 // the high digits zero
			default:
				hs[i] = hs[r.IntN(i)] // a repeat
			}
		}
		want := slices.Clone(hs)
		slices.Sort(want)
		scratch := make([]uint64, n+4) // longer than the hashes, as the words' are
		sortHashes(hs, scratch)
		if !slices.Equal(hs, want) {
			t.Fatalf("%d hashes: not sorted as slices.Sort sorts them", n)
		}
	}
}

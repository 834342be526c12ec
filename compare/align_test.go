package compare

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortLinks holds the counting sort of scored pairs to the order it
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
		score := float64(700+rng.IntN(40)) / 1000 // many ties
		if rng.IntN(10) == 0 {
			score = float64(rng.IntN(1001)) / 1000 // 0 to 1
		}
		all = append(all, scoredPair{i, j, score})
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

// linkOrder is the order sortLinks sorts in, as a comparison function.
func linkOrder(ord []int32) func(a, b scoredPair) int {
	return func(a, b scoredPair) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		if c := ord[a.i] - ord[b.i]; c != 0 {
			return int(c)
		}
		return int(ord[a.j] - ord[b.j])
	}
}

// take keeps exactly the k strongest partners (ties to the earlier
// unit), whatever their order: few or many, the cosines spread or tied,
// some over 1 (a cosine summed in floating point may be), some under the
// floor; and leaves every partner's cosine at 0.
func TestNearest(t *testing.T) {
	var b nearestBuf
	r := rand.New(rand.NewPCG(7, 8))
	const floor = 0.1
	for _, n := range []int{0, 1, 2, 3, 10, 47, 48, 49, 60, 97, 500, 3000} {
		for _, k := range []int{1, 3, 10, 48, 96} {
			for _, levels := range []int{2, 13, 1000, 0} {
				dot := make([]float64, n)
				var js []int32
				for i := range n {
					if levels == 0 {
						dot[i] = 0.02 + r.Float64()
					} else {
						dot[i] = float64(1+r.IntN(levels)) / float64(levels) * 1.01
					}
					js = append(js, int32(i))
				}
				r.Shuffle(len(js), func(x, y int) { js[x], js[y] = js[y], js[x] })
				var want []int32
				for _, j := range js {
					if dot[j] >= floor {
						want = append(want, j)
					}
				}
				b.reset()
				for _, j := range js {
					b.add(dot[j], floor)
				}
				if b.n != len(want) {
					t.Fatalf("n %d k %d levels %d: %d counted, want %d", n, k, levels, b.n, len(want))
				}
				slices.SortFunc(want, func(x, y int32) int {
					if dot[x] != dot[y] {
						return cmp.Compare(dot[y], dot[x])
					}
					return int(x - y)
				})
				want = want[:min(k, len(want))]
				slices.Sort(want)
				wantDot := slices.Clone(dot)
				var got []int32
				for _, nb := range b.take(js, dot, floor, k, make([]near, 0, min(k, b.n))) {
					if nb.dot != wantDot[nb.j] {
						t.Fatalf("n %d k %d levels %d: unit %d at %v, want %v", n, k, levels, nb.j, nb.dot, wantDot[nb.j])
					}
					got = append(got, nb.j)
				}
				if slices.Sort(got); !slices.Equal(got, want) {
					t.Fatalf("n %d k %d levels %d: got %v, want %v", n, k, levels, got, want)
				}
				if i := slices.IndexFunc(dot, func(d float64) bool { return d != 0 }); i >= 0 {
					t.Fatalf("n %d k %d levels %d: unit %d left at %v", n, k, levels, i, dot[i])
				}
			}
		}
	}
}

// The candidate search steps over a unit's own article's postings as one
// run: the units come article by article, each article's in one run.
func TestUnitsArticleByArticle(t *testing.T) {
	us := prepare(seedArticles(t))
	for i := 1; i < len(us); i++ {
		if us[i].src < us[i-1].src {
			t.Fatalf("unit %d of source %d after one of source %d", i, us[i].src, us[i-1].src)
		}
	}
}

// An ordered set lists what was added, each once, in increasing order,
// and is empty after, for the next list.
func TestOrderedSet(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, bound := range []int{1, 63, 64, 65, 1000} {
		s := newOrderedSet(bound)
		for round := range 5 {
			var want []int32
			for range r.IntN(3 * bound) {
				x := int32(r.IntN(bound))
				s.add(x)
				want = append(want, x)
			}
			slices.Sort(want)
			want = slices.Compact(want)
			if s.n != len(want) {
				t.Fatalf("bound %d round %d: %d members, want %d", bound, round, s.n, len(want))
			}
			if got := s.drain(nil); !slices.Equal(got, want) {
				t.Fatalf("bound %d round %d: got %v, want %v", bound, round, got, want)
			}
		}
	}
}

// rowDots sums each of its two products to the bit as one alone would:
// the article cosines are the same whichever two are computed together.
func TestRowDots(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	row := make([]float64, 500)
	for i := range row {
		if r.IntN(2) == 0 {
			row[i] = r.Float64()
		}
	}
	vec := func() articleVec {
		var v articleVec
		for x := range int32(len(row)) {
			if r.IntN(4) == 0 {
				v.word = append(v.word, x)
				v.w = append(v.w, r.Float64())
			}
		}
		return v
	}
	one := func(v articleVec) float64 {
		c := 0.0
		for m, x := range v.word {
			c += v.w[m] * row[x]
		}
		return c
	}
	for range 100 {
		a, b := vec(), vec()
		if r.IntN(3) == 0 { // of lengths far apart
			n := r.IntN(len(a.word) + 1)
			a.word, a.w = a.word[:n], a.w[:n]
		}
		ca, cb := rowDots(row, a, b)
		if ca != one(a) || cb != one(b) {
			t.Fatalf("rowDots %v %v, one at a time %v %v", ca, cb, one(a), one(b))
		}
	}
}

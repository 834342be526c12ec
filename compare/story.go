package compare

import "github.com/parallax-news/parallax/loader"

// findCopies groups articles whose texts share most of their word 5-grams:
// copies of one wire story, which count as one origin when sources agree.
// Shared 5-grams are counted along an inverted index, so articles with
// nothing in common cost nothing.
func findCopies(arts []*loader.Article) [][]string {
	// Each article's 5-grams as 64-bit hashes, made on every core.
	shingles := make([][]uint64, len(arts))
	parallel(len(arts), func(_ int, next func() (int, bool)) {
		for i, ok := next(); ok; i, ok = next() {
			var ws []uint64
			for _, p := range arts[i].Body() {
				for w := range eachWord(p.Text) {
					ws = append(ws, fnv64a(w.folded))
				}
			}
			seen := map[uint64]bool{}
			for k := 0; k+5 <= len(ws); k++ {
				sh := ws[k]
				for _, w := range ws[k+1 : k+5] {
					sh = sh*1099511628211 ^ w
				}
				if !seen[sh] {
					seen[sh] = true
					shingles[i] = append(shingles[i], sh)
				}
			}
		}
	})
	sizes := make([]int, len(arts))
	post := map[uint64][]int{}
	for i, sh := range shingles {
		sizes[i] = len(sh)
		for _, x := range sh {
			post[x] = append(post[x], i)
		}
	}
	shared := map[[2]int]int{}
	for _, p := range post {
		if len(p) > 50 {
			continue // boilerplate every article carries
		}
		for x := 0; x < len(p); x++ {
			for y := x + 1; y < len(p); y++ {
				shared[[2]int{p[x], p[y]}]++
			}
		}
	}
	groups := newUnionFind(len(arts))
	for pair, n := range shared {
		union := sizes[pair[0]] + sizes[pair[1]] - n
		if union > 0 && float64(n)/float64(union) >= 0.6 {
			groups.union(pair[0], pair[1])
		}
	}
	byRoot := map[int][]string{}
	var roots []int
	for i, a := range arts {
		r := groups.find(i)
		if len(byRoot[r]) == 0 {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], a.ID)
	}
	var out [][]string
	for _, r := range roots {
		if len(byRoot[r]) > 1 {
			out = append(out, byRoot[r])
		}
	}
	return out
}

// origins counts the independent origins among sources: copies count once.
func (r *Result) origins(sources []string) int {
	seen := map[string]bool{}
	n := 0
	for _, s := range sources {
		key := s
		for _, g := range r.Copies {
			for _, m := range g {
				if m == s {
					key = g[0]
				}
			}
		}
		if !seen[key] {
			seen[key] = true
			n++
		}
	}
	return n
}

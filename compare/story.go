package compare

import (
	"cmp"
	"slices"

	"github.com/parallax-news/parallax/loader"
)

// findCopies groups articles whose texts share most of their word 5-grams:
// copies of one wire story, which count as one origin when sources agree.
// Shared 5-grams are counted shingle by shingle, so articles with nothing
// in common cost nothing.
func findCopies(arts []*loader.Article) [][]string {
	// Each article's 5-grams as 64-bit hashes, made on every core.
	shingles := make([][]uint64, len(arts))
	parallel(len(arts), func(_ int, next func() (int, bool)) {
		var ws []uint64 // the words' hashes, reused article after article
		for i, ok := next(); ok; i, ok = next() {
			// Room for about a word in six bytes of body text, made once:
			// grown a quarter at a time, one 10 MB article's 1.7 million
			// hashes took 70 MB of copies. The paragraphs are read in
			// place (Body copies them).
			body := 0
			for _, p := range arts[i].Paragraphs {
				if p.Kind == loader.KindBody {
					body += len(p.Text)
				}
			}
			ws = slices.Grow(ws[:0], body/6)
			for _, p := range arts[i].Paragraphs {
				if p.Kind != loader.KindBody {
					continue
				}
				for w := range eachWord(p.Text) {
					ws = append(ws, fnv64a(w.folded))
				}
			}
			sh := make([]uint64, 0, max(0, len(ws)-4))
			for k := 0; k+5 <= len(ws); k++ {
				h := ws[k]
				for _, w := range ws[k+1 : k+5] {
					h = h*1099511628211 ^ w
				}
				sh = append(sh, h)
			}
			sortHashes(sh, ws)               // the words' hashes are done with: their room serves
			shingles[i] = slices.Compact(sh) // a set: each shingle once
		}
	})
	// The articles sharing each shingle: every (shingle, article) sorted,
	// so that each shingle's articles stand together in the articles'
	// order (a map of a list per shingle cost more than the rest).
	sizes := make([]int, len(arts))
	type held struct {
		sh  uint64
		art int
	}
	n := 0
	for i, sh := range shingles {
		sizes[i] = len(sh)
		n += len(sh)
	}
	all := make([]held, 0, n)
	for i, sh := range shingles {
		for _, x := range sh {
			all = append(all, held{x, i})
		}
	}
	slices.SortFunc(all, func(a, b held) int {
		if c := cmp.Compare(a.sh, b.sh); c != 0 {
			return c
		}
		return cmp.Compare(a.art, b.art)
	})
	shared := map[[2]int]int{}
	for lo := 0; lo < len(all); {
		hi := lo + 1
		for hi < len(all) && all[hi].sh == all[lo].sh {
			hi++
		}
		p := all[lo:hi]
		lo = hi
		if len(p) > 50 {
			continue // boilerplate every article carries
		}
		for x := 0; x < len(p); x++ {
			for y := x + 1; y < len(p); y++ {
				shared[[2]int{p[x].art, p[y].art}]++
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

// sortHashes sorts hashes in increasing order, as slices.Sort does. A long
// article's are sorted by their digits, sixteen bits at a time from the
// lowest, in four passes through scratch (at least as long as hs, its
// contents lost): one 10 MB article has 1.7 million shingles, which a
// comparison sort took a tenth of a CPU-second to order. Fewer are sorted
// by comparison, cheaper for them.
func sortHashes(hs, scratch []uint64) {
	if len(hs) < radixSortMin {
		slices.Sort(hs)
		return
	}
	src, dst := hs, scratch[:len(hs)]
	var count [1 << 16]int
	for shift := uint(0); shift < 64; shift += 16 {
		clear(count[:])
		for _, h := range src {
			count[h>>shift&0xffff]++
		}
		at := 0
		for d, n := range count {
			count[d] = at
			at += n
		}
		for _, h := range src {
			d := h >> shift & 0xffff
			dst[count[d]] = h
			count[d]++
		}
		src, dst = dst, src
	}
	// Four passes: the sorted hashes are back in hs.
}

// originCounter counts the independent origins among sources: copies count
// once. It maps each copied source to its group's first, made once per
// detector: a scan of every group for each source of each agreement was a
// fifth of the quote detector's time on a thousand articles.
type originCounter map[string]string

func newOriginCounter(copies [][]string) originCounter {
	oc := originCounter{}
	for _, g := range copies {
		for _, m := range g {
			oc[m] = g[0]
		}
	}
	return oc
}

// count is how many origins the sources have.
func (oc originCounter) count(sources []string) int {
	seen := make(map[string]bool, len(sources))
	for _, s := range sources {
		key, ok := oc[s]
		if !ok {
			key = s
		}
		seen[key] = true
	}
	return len(seen)
}

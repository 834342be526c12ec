package compare

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strings"
)

// pair is a candidate link: two units of different sources that share a
// term, with what the pair scorer reads of them.
type pair struct {
	i, j int32 // units, i < j
	f    pairFeatures
}

// pairFeatures are the measures of a candidate pair that the pair scorer
// weighs (see model.go for the weights and their transforms).
type pairFeatures struct {
	plain       float64 // the plain TF-IDF cosine of the two paragraphs
	eng         float64 // the cosine of the engine's terms
	mainCos     float64 // the cosine of the main event's vocabulary alone
	classesSub  int     // event classes shared that are not the story's main one
	classesMain int     // event classes shared that most paragraphs have
	names       int     // names shared that are not the main event's
	lede        bool    // both paragraphs open their articles
	centrality  float64 // the lower of the two paragraphs' mean cosines with all others
	sources     float64 // the cosine of the two paragraphs' whole articles
}

// candidates finds every pair of units of different sources that share a
// term of the engine, with its features. Dot products are accumulated term
// by term along the inverted index, never by comparing every pair; a term
// in more than maxPosting units is left out of the sums (it is common
// enough to weigh little), which bounds the work per unit whatever the
// number of articles. floor drops pairs whose engine cosine is below it.
// Each pair goes to visit with the worker that found it (see parallel); p
// is reused for the next pair, so visit copies what it keeps.
func candidates(us []*unit, ix *index, floor float64, visit func(worker int, p *pair)) {
	n := len(us)
	cent := make([]float64, n)
	nears := make([][]near, n)
	// Each unit's source by index, which the article cosines read for
	// every partner: a unit's own struct is a cache miss away.
	srcOf := make([]int32, n)
	for i, u := range us {
		srcOf[i] = int32(u.src)
	}
	// A source's units are one run (the units come article by article),
	// and so are they in every posting list, which is in the units' order:
	// a unit's own article's postings are stepped over as one run, found by
	// search, not checked one by one (on one long article they are nearly
	// all of them). The run's length is also the units of the source, the
	// centrality's denominator (a map by source was looked up a unit).
	runStart, runEnd := make([]int32, n), make([]int32, n) // the run of each unit's source
	for i := range n {
		if i > 0 && srcOf[i] == srcOf[i-1] {
			runStart[i] = runStart[i-1]
		} else {
			runStart[i] = int32(i)
		}
	}
	for i := n - 1; i >= 0; i-- {
		if i+1 < n && srcOf[i+1] == srcOf[i] {
			runEnd[i] = runEnd[i+1]
		} else {
			runEnd[i] = int32(i + 1)
		}
	}
	parallel(n, func(_ int, next func() (int, bool)) {
		acc := make([]float64, n)
		var touched []int32
		var sel nearestBuf
		var slab []near // the units' nearest, cut from one array after another
		for i, ok := next(); ok; i, ok = next() {
			u := us[i]
			touched = touched[:0]
			for _, e := range u.eng {
				post := ix.postings[e.word]
				if len(post) > maxPosting {
					continue
				}
				a, b := ownRun(post, runStart[i], runEnd[i])
				for _, part := range [2][]posting{post[:a], post[b:]} { // not its own paragraph, nor its own article's
					for _, p := range part {
						j := p.unit
						if acc[j] == 0 {
							touched = append(touched, j)
						}
						acc[j] += e.w * p.w
					}
				}
			}
			sum := 0.0
			sel.reset()
			for _, j := range touched {
				sum += acc[j]
				sel.add(acc[j], floor)
			}
			if others := n - int(runEnd[i]-runStart[i]); others > 0 {
				cent[i] = sum / float64(others)
			}
			// The nearest alone: the strongest maxNear by engine cosine,
			// ties to the earlier unit.
			kept := min(sel.n, maxNear)
			if kept > cap(slab) {
				slab = make([]near, max(kept, nearSlab))
			}
			nears[i] = sel.take(touched, acc, floor, maxNear, slab[:0:kept]) // in no order: none is read from it
			slab = slab[kept:]
		}
	})
	ac := articleCosines(us, ix, srcOf, nears)
	// Each unit's squared norm over the main event's terms, for the
	// pairs' main cosine.
	mainSq := make([]float64, n)
	for i, u := range us {
		for _, e := range u.eng {
			if e.main {
				mainSq[i] += e.w * e.w
			}
		}
	}
	// A pair is a candidate when either unit has the other among its
	// nearest; it is visited once, from the earlier unit when both do. The
	// earlier units that have a unit among their nearest are listed by
	// unit, for the later one to skip them.
	nearedBy := make([]int32, n+1)
	for i, ns := range nears {
		for _, nb := range ns {
			if int(nb.j) > i {
				nearedBy[nb.j+1]++
			}
		}
	}
	for i := range n {
		nearedBy[i+1] += nearedBy[i]
	}
	byEarlier := make([]int32, nearedBy[n])
	fill := slices.Clone(nearedBy[:n])
	for i, ns := range nears {
		for _, nb := range ns {
			if int(nb.j) > i {
				byEarlier[fill[nb.j]] = int32(i)
				fill[nb.j]++
			}
		}
	}
	// The features of each pair, unit by unit on every worker: visit is
	// called with each pair once, from any worker, and keeps what it wants
	// in the worker's slot (storing every candidate first cost more than
	// all the rest of a thousand articles).
	//
	// A unit's vectors are spread over dense rows of the terms once, and
	// each partner's read against them: merging two sorted vectors for
	// every pair cost a quarter of the candidates' time. The sums run in
	// the partner's order, which is the terms' order, as a merge's do.
	//
	// What is read of a partner is laid out unit after unit in flat
	// arrays of small entries (pairVecs): its struct, its vectors and
	// their entries were cache misses apart, for every pair.
	pv := newPairVecs(us, nears)
	words, terms := len(ix.dfPlain), len(ix.postings)
	parallel(n, func(w int, next func() (int, bool)) {
		p := new(pair) // one per worker, refilled: visit keeps no pointer to it
		plainRow := make([]float64, words)
		engRow := make([]int32, terms) // 1 + the entry's place in the unit's eng, or 0
		visited := make([]int32, n)    // 1 + the unit whose pair with this one an earlier unit visits
		// The cosines of the unit's article with its partner articles, by
		// article, spread when the unit's article is another's than the
		// last unit's (each near held its own copy: 1.4 million on a
		// thousand articles).
		artRow, rowSrc := make([]float64, len(ac.partners)), int32(-1)
		for i, ok := next(); ok; i, ok = next() {
			for _, j := range byEarlier[nearedBy[i]:nearedBy[i+1]] {
				visited[j] = int32(i + 1)
			}
			if srcOf[i] != rowSrc {
				rowSrc = srcOf[i]
				ac.spread(rowSrc, artRow)
			}
			u := us[i]
			myPlain, myEng := u.plain, u.eng
			for _, e := range myPlain {
				plainRow[e.word] = e.w
			}
			for k, e := range myEng {
				engRow[e.word] = int32(k + 1)
			}
			for _, nb := range nears[i] {
				if visited[nb.j] == int32(i+1) {
					continue // the earlier unit visits it
				}
				lo, hi := int32(i), nb.j
				if hi < lo {
					lo, hi = hi, lo
				}
				plain := 0.0
				for _, e := range pv.plainOf(nb.j) {
					plain += plainRow[e.word] * e.w
				}
				*p = pair{i: lo, j: hi, f: pairFeatures{plain: plain, eng: nb.dot,
					lede: pv.lede[lo] && pv.lede[hi], centrality: math.Min(cent[lo], cent[hi]),
					sources: artRow[srcOf[nb.j]]}}
				shared(myEng, pv.engOf(nb.j), engRow, int32(i) == lo, mainSq[lo], mainSq[hi], &p.f)
				visit(w, p)
			}
			for _, e := range myPlain {
				plainRow[e.word] = 0
			}
			for _, e := range myEng {
				engRow[e.word] = 0
			}
		}
	})
}

// pairVecs are what the pair features read of every unit as a partner:
// its plain and engine vectors, their entries cut to what is read, laid
// out unit after unit (those of a unit that is no one's partner left out:
// most of one long article's), and whether it opens its article.
type pairVecs struct {
	plainAt, engAt []int32 // unit i's entries are [at[i], at[i+1])
	plain          []plainTerm
	eng            []pairTerm
	lede           []bool
}

// plainTerm is an entry of a plain vector as the plain cosine reads it.
type plainTerm struct {
	w    float64
	word int32
}

// pairTerm is an entry of an engine vector as shared reads it.
type pairTerm struct {
	w            float64
	word         int32
	kind         termKind
	main, common bool
}

func newPairVecs(us []*unit, nears [][]near) *pairVecs {
	partner := make([]bool, len(us))
	for _, ns := range nears {
		for _, nb := range ns {
			partner[nb.j] = true
		}
	}
	pv := &pairVecs{plainAt: make([]int32, len(us)+1), engAt: make([]int32, len(us)+1), lede: make([]bool, len(us))}
	for i, u := range us {
		pv.plainAt[i+1], pv.engAt[i+1] = pv.plainAt[i], pv.engAt[i]
		if partner[i] {
			pv.plainAt[i+1] += int32(len(u.plain))
			pv.engAt[i+1] += int32(len(u.eng))
		}
		pv.lede[i] = u.pos < ledeParagraphs
	}
	pv.plain = make([]plainTerm, 0, pv.plainAt[len(us)])
	pv.eng = make([]pairTerm, 0, pv.engAt[len(us)])
	for i, u := range us {
		if !partner[i] {
			continue
		}
		for _, e := range u.plain {
			pv.plain = append(pv.plain, plainTerm{e.w, e.word})
		}
		for _, e := range u.eng {
			pv.eng = append(pv.eng, pairTerm{e.w, e.word, e.kind, e.main, e.common})
		}
	}
	return pv
}

func (pv *pairVecs) plainOf(i int32) []plainTerm { return pv.plain[pv.plainAt[i]:pv.plainAt[i+1]] }
func (pv *pairVecs) engOf(i int32) []pairTerm    { return pv.eng[pv.engAt[i]:pv.engAt[i+1]] }

// shortPosting is the longest posting list whose run of one article's
// units ownRun finds by stepping, not by binary search: a search's steps
// are branches taken either way at random (a fifth of the lists a
// thousand articles' units read are that short; stepping over lists of
// up to 64 cost more than it saved).
const shortPosting = 16

// ownRun is the run [a, b) of the postings of the units from start to end.
func ownRun(post []posting, start, end int32) (a, b int) {
	if len(post) > shortPosting {
		a = searchPosting(post, start)
		return a, a + searchPosting(post[a:], end)
	}
	for a < len(post) && post[a].unit < start {
		a++
	}
	b = a
	for b < len(post) && post[b].unit < end {
		b++
	}
	return a, b
}

// searchPosting is the place of the first posting of a unit from u on.
func searchPosting(post []posting, u int32) int {
	lo, hi := 0, len(post)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if post[m].unit < u {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// near is a candidate partner of a unit and their engine cosine.
type near struct {
	j   int32
	dot float64
}

// articleVec is one source's whole text as one TF-IDF vector, its terms
// by their numbers in the index (index.plainWord), in order.
type articleVec struct {
	word []int32
	w    []float64
}

// articleCosines is the cosine of the two articles of every unit's
// nearest partners. Two articles that tell a story alike (one
// day's account, one wire copy) hold counterparts of most of each other's
// paragraphs; a first report and a later one of the same event share
// fewer, and two articles of two events of one kind (two earthquakes)
// fewer still: the paragraphs' own cosine does not tell these apart. An
// article's vector is the sum of its paragraphs' plain vectors (each
// paragraph weighing the same), normalised. The work is by article, once
// for each two partner articles: the article's vector is spread
// over a dense row of the words and the partners' vectors read against it
// (merging two sorted article vectors for every pair of paragraphs cost a
// fifth of the candidates' time on a thousand articles).
func articleCosines(us []*unit, ix *index, srcOf []int32, nears [][]near) *articleCos {
	nsrc := 0
	for _, u := range us {
		nsrc = max(nsrc, u.src+1)
	}
	bySrc := make([][]int32, nsrc)
	for i, u := range us {
		bySrc[u.src] = append(bySrc[u.src], int32(i))
	}
	words := len(ix.dfPlain)
	arts := make([]articleVec, nsrc)
	parallel(nsrc, func(_ int, next func() (int, bool)) {
		sum := make([]float64, words)
		set := newOrderedSet(words)
		for s, ok := next(); ok; s, ok = next() {
			for _, i := range bySrc[s] {
				for _, e := range us[i].plain {
					set.add(e.word)
					sum[e.word] += e.w
				}
			}
			v := articleVec{w: make([]float64, set.n)}
			v.word = set.drain(make([]int32, 0, set.n))
			norm := 0.0
			for k, t := range v.word {
				v.w[k] = sum[t]
				norm += sum[t] * sum[t]
				sum[t] = 0
			}
			if norm > 0 {
				norm = math.Sqrt(norm)
				for k := range v.w {
					v.w[k] /= norm
				}
			}
			arts[s] = v
		}
	})
	// Each article's partner articles, those of its units' nearest, each
	// once, in order.
	partners := make([][]int32, nsrc)
	parallel(nsrc, func(_ int, next func() (int, bool)) {
		set := newOrderedSet(nsrc)
		for s, ok := next(); ok; s, ok = next() {
			for _, i := range bySrc[s] {
				for _, nb := range nears[i] {
					set.add(srcOf[nb.j])
				}
			}
			partners[s] = set.drain(make([]int32, 0, set.n))
		}
	})
	// The cosine of two articles is the same from either side, to the
	// bit: it sums the products of the words they share, in the words'
	// order, whichever is spread over the row (the other's words add
	// zeros). So each is computed once, by the article of the longer
	// vector, reading the shorter's words against its row, when the two
	// have each other as partners, and by each article for its partners
	// alone otherwise: on a thousand articles a third of the words read
	// when each article read each of its partners'.
	longer := func(a, b int32) bool {
		la, lb := len(arts[a].word), len(arts[b].word)
		return la > lb || la == lb && a < b
	}
	cosOf := make([][]artCos, nsrc)
	parallel(nsrc, func(_ int, next func() (int, bool)) {
		row := make([]float64, words)
		var mine []int // the partners whose cosine the article computes, by place
		for s, ok := next(); ok; s, ok = next() {
			a := arts[s]
			for k, t := range a.word {
				row[t] = a.w[k]
			}
			cs := make([]artCos, len(partners[s]))
			mine = mine[:0]
			for k, t := range partners[s] {
				if !longer(int32(s), t) {
					if at, ok := slices.BinarySearch(partners[t], int32(s)); ok {
						cs[k].theirs = int32(at + 1)
						continue
					}
				}
				mine = append(mine, k)
			}
			// Two at a time (rowDots).
			for m := 0; m < len(mine); m += 2 {
				k, l := mine[m], mine[min(m+1, len(mine)-1)]
				cs[k].cos, cs[l].cos = rowDots(row, arts[partners[s][k]], arts[partners[s][l]])
			}
			for _, t := range a.word {
				row[t] = 0
			}
			cosOf[s] = cs
		}
	})
	return &articleCos{partners, cosOf}
}

// articleCos are the cosines of each article with its partner articles.
type articleCos struct {
	partners [][]int32 // by article, in order
	// cos holds, by article, for each of its partners: their cosine when
	// the article computed it, or 1 + its place among the partner's
	// partners when the partner did.
	cos [][]artCos
}

type artCos struct {
	cos    float64
	theirs int32
}

// spread sets row[t] to the cosine of article s with each partner t.
func (ac *articleCos) spread(s int32, row []float64) {
	for k, t := range ac.partners[s] {
		if at := ac.cos[s][k].theirs; at > 0 {
			row[t] = ac.cos[t][at-1].cos
		} else {
			row[t] = ac.cos[s][k].cos
		}
	}
}

// orderedSet is a set of numbers below a bound, a bit each, listed in
// order by reading its words from the lowest to the highest that holds
// one: sorting each article's words and partners as a list was a sixth
// of the article cosines' time on a thousand articles.
type orderedSet struct {
	bits   []uint64
	lo, hi int // the words [lo, hi) may hold members
	n      int // the members
}

func newOrderedSet(bound int) *orderedSet {
	words := (bound + 63) / 64
	return &orderedSet{bits: make([]uint64, words), lo: words}
}

// add puts x in the set.
func (s *orderedSet) add(x int32) {
	w, bit := int(x>>6), uint64(1)<<(x&63)
	if s.bits[w]&bit != 0 {
		return
	}
	s.bits[w] |= bit
	s.n++
	s.lo, s.hi = min(s.lo, w), max(s.hi, w+1)
}

// drain appends the members to dst in increasing order and empties the
// set.
func (s *orderedSet) drain(dst []int32) []int32 {
	for w := s.lo; w < s.hi; w++ {
		for b := s.bits[w]; b != 0; b &= b - 1 {
			dst = append(dst, int32(w<<6|bits.TrailingZeros64(b)))
		}
		s.bits[w] = 0
	}
	s.lo, s.hi, s.n = len(s.bits), 0, 0
	return dst
}

// rowDots is the inner products of a row's weights with two article
// vectors, each summed in its vector's order, as one vector's alone would
// be. Each sum is a chain of additions, each waiting on the one before:
// two chains run side by side in the time of one (the article cosines'
// additions were most of their time on a thousand articles).
func rowDots(row []float64, a, b articleVec) (ca, cb float64) {
	n := min(len(a.word), len(b.word))
	aw, ax, bw, bx := a.w[:n], a.word[:n], b.w[:n], b.word[:n]
	for i := range n {
		ca += aw[i] * row[ax[i]]
		cb += bw[i] * row[bx[i]]
	}
	for i := n; i < len(a.word); i++ {
		ca += a.w[i] * row[a.word[i]]
	}
	for i := n; i < len(b.word); i++ {
		cb += b.w[i] * row[b.word[i]]
	}
	return ca, cb
}

// nearestBuf counts the partners of one unit by band of cosine, for take
// to choose the strongest from, and is what the next unit reuses.
type nearestBuf struct {
	n     int // the partners counted
	count [nearBuckets]int32
	edge  []near
}

// nearBuckets is how many bands of the cosine nearest counts partners in:
// enough that the band of the k-th strongest holds few.
const nearBuckets = 512

// nearSlab is how many nearest partners a worker's array holds before
// another is made: a unit's own slice of them was an allocation each.
const nearSlab = 1 << 14

// nearBand is the band of a cosine, the stronger the higher.
func nearBand(dot float64) int { return min(int(dot*nearBuckets), nearBuckets-1) }

// reset empties the buffer for the next unit.
func (b *nearestBuf) reset() {
	b.n = 0
	clear(b.count[:])
}

// add counts a partner at cosine dot, if it is at floor or over (and
// over 0).
func (b *nearestBuf) add(dot, floor float64) {
	if dot >= floor && dot > 0 {
		b.count[nearBand(dot)]++
		b.n++
	}
}

// take appends to out, which has room for them, the k strongest of the
// partners js (or all, when fewer), at their cosines in dot that reach
// floor, as add counted them (ties to the earlier unit), in no order; and
// sets their cosines in dot back to 0,
// for the next unit's sums. The partners were counted by band of cosine,
// not sorted nor selected by comparison: a common paragraph has a
// thousand partners and keeps a few, and the comparisons of a selection
// were a seventh of the candidates' time. The bands above the k-th
// strongest's are kept whole, and of its own band the strongest that fill
// the k. The partners are read again here, not gathered with their bands
// as they were counted: the gathering and its reading were two thirds of
// the selection's instructions.
func (b *nearestBuf) take(js []int32, dot []float64, floor float64, k int, out []near) []near {
	edge, above := -1, 0 // every band, when all are kept
	if b.n > k {
		edge = nearBuckets - 1
		for above+int(b.count[edge]) < k {
			above += int(b.count[edge])
			edge--
		}
	}
	// Written by place, not appended: a call to grow either slice in the
	// loop had the compiler keep its variables on the stack. at is made
	// the size of the edge's band.
	o, at := out[len(out):cap(out)], b.edge[:0]
	if edge >= 0 {
		at = slices.Grow(at, int(b.count[edge]))[:b.count[edge]]
	}
	no, na := 0, 0
	for _, j := range js {
		d := dot[j]
		dot[j] = 0
		if !(d >= floor && d > 0) {
			continue
		}
		if band := nearBand(d); band > edge {
			o[no] = near{j: j, dot: d}
			no++
		} else if band == edge {
			at[na] = near{j: j, dot: d}
			na++
		}
	}
	out = out[:len(out)+no]
	if need := k - above; need < len(at) {
		slices.SortFunc(at, func(x, y near) int {
			if x.dot != y.dot {
				return cmp.Compare(y.dot, x.dot)
			}
			return int(x.j - y.j)
		})
		at = at[:need]
	}
	b.edge = at
	return append(out, at...)
}

// shared reads what two engine vectors have in common: event classes (of
// the main event or not), names other than the main event's, and the
// cosine of their main-event vocabulary (mainA and mainB: its squared norm
// in the pair's first and second unit). mine is spread over row (1 + each
// term's place in mine, by the term's number); mineFirst says whether it
// is the pair's first unit, whose entry's kind a term is counted by.
func shared(mine vec, other []pairTerm, row []int32, mineFirst bool, mainA, mainB float64, f *pairFeatures) {
	mainDot := 0.0
	for _, o := range other {
		k := row[o.word]
		if k == 0 {
			continue
		}
		kind, main, common := o.kind, o.main, o.common
		if mineFirst {
			m := &mine[k-1]
			kind, main, common = m.kind, m.main, m.common
		}
		switch {
		case kind == termClass && common:
			f.classesMain++
		case kind == termClass:
			f.classesSub++
		case kind == termName && !main:
			f.names++
		}
		if main {
			mainDot += mine[k-1].w * o.w
		}
	}
	if mainA > 0 && mainB > 0 {
		f.mainCos = mainDot / math.Sqrt(mainA*mainB)
	}
}

// link scores the candidate pairs and keeps those at or above the link
// threshold, strongest first, as pairs of units (linkOf makes one a Link).
func link(us []*unit, ix *index, m *model) []scoredPair {
	// The pairs are held as plain numbers, and made Links only as a
	// topic's links are explained: a Link is large and full of pointers,
	// and building one for every passing pair of a thousand articles cost
	// more than scoring them (for every kept one, 30 MB and a serial pass).
	type scored = scoredPair
	// Each worker keeps its pairs in blocks of a fixed size, not one slice
	// grown as they come: a slice that large grows by a quarter at a time,
	// and copying it over and over allocated five times its size.
	const block = 1 << 14
	per := make([][][]scored, workers())
	cut := m.cut()
	candidates(us, ix, candidateFloor, func(w int, p *pair) {
		s, ok := m.passing(&p.f, cut)
		if !ok {
			return
		}
		bs := per[w]
		if len(bs) == 0 || len(bs[len(bs)-1]) == block {
			bs = append(bs, make([]scored, 0, block))
			per[w] = bs
		}
		last := &bs[len(bs)-1]
		*last = append(*last, scored{p.i, p.j, math.Round(s*1000) / 1000})
	})
	total := 0
	for _, bs := range per {
		for _, b := range bs {
			total += len(b)
		}
	}
	all := make([]scored, 0, total)
	for _, bs := range per {
		for _, b := range bs {
			all = append(all, b...)
		}
	}
	// The order is the sort's alone: which worker found a link is not. Ties
	// go by place (source, then paragraph), read from each unit's rank in
	// that order.
	ord := placeOrder(us)
	sortLinks(all, ord)
	// Each paragraph keeps its strongest maxLinks: a link is kept when it
	// is among them for either end (links come strongest first).
	rank := make([]int32, len(us))
	n := 0
	for k, l := range all {
		ra, rb := rank[l.i], rank[l.j]
		rank[l.i], rank[l.j] = ra+1, rb+1
		if ra < maxLinks || rb < maxLinks {
			all[n] = all[k]
			n++
		}
	}
	return slices.Clone(all[:n]) // not the passing pairs' whole array
}

// linkOf is a kept pair as a Link, before explain tells why it was made.
func linkOf(us []*unit, p scoredPair) Link {
	a, b := us[p.i], us[p.j]
	return Link{A: a.ref, B: b.ref, Score: p.score, Quote: a.quoted && b.quoted}
}

// sortLinks sorts scored pairs strongest first, ties by the places of the
// first unit, then the second (ord ranks the units by place): by three
// stable counting passes, the last key first (the second unit's place, the
// first's, then the score in thousandths, to which it is rounded), as a
// thousand articles pass half a million pairs, which a comparison sort
// took long over.
func sortLinks(all []scoredPair, ord []int32) {
	tmp := make([]scoredPair, len(all))
	key := make([]int32, len(all))
	for k, l := range all {
		key[k] = ord[l.j]
	}
	byKey(tmp, all, key, len(ord))
	for k, l := range tmp {
		key[k] = ord[l.i]
	}
	byKey(all, tmp, key, len(ord))
	for k, l := range all {
		key[k] = 1000 - int32(math.Round(l.score*1000)) // 0 to 1000
	}
	byKey(tmp, all, key, 1001)
	copy(all, tmp)
}

// byKey puts src into dst in the order of their keys (each below n),
// stably.
func byKey(dst, src []scoredPair, key []int32, n int) {
	at := make([]int, n+1)
	for _, k := range key {
		at[k+1]++
	}
	for k := range n {
		at[k+1] += at[k]
	}
	for i, k := range key {
		dst[at[k]] = src[i]
		at[k]++
	}
}

// placeOrder ranks the units by place, source then paragraph, as
// compareRefs orders their refs.
func placeOrder(us []*unit) []int32 {
	idx := make([]int32, len(us))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(a, b int32) int { return compareRefs(us[a].ref, us[b].ref) })
	ord := make([]int32, len(us))
	for r, i := range idx {
		ord[i] = int32(r)
	}
	return ord
}

func compareRefs(a, b Ref) int {
	if c := strings.Compare(a.Source, b.Source); c != 0 {
		return c
	}
	return a.Paragraph - b.Paragraph
}

// lessPlace orders places in the text: by source, paragraph, then position
// within the paragraph.
func lessPlace(srcA string, parA, posA int, srcB string, parB, posB int) bool {
	if srcA != srcB {
		return srcA < srcB
	}
	if parA != parB {
		return parA < parB
	}
	return posA < posB
}

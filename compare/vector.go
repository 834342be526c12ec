package compare

import (
	"math"
	"slices"
)

// termKind says what a term of a vector stands for.
type termKind uint8

const (
	termWord   termKind = iota
	termName            // a word written with a capital inside a sentence
	termNumber          // a number
	termClass           // an event class
)

// entry is one term of a sparse vector: the term's 64-bit FNV-1a hash (no
// two of the words of a comparison share one in practice), its weight, and
// what it is.
type entry struct {
	id   uint64
	w    float64
	kind termKind
	// main and common are read from the document frequencies once the
	// index is built (vectorise): a term of the main event's vocabulary,
	// and one most paragraphs have. The pair scorer reads them for every
	// candidate pair, which a lookup of the frequencies made costly.
	main, common bool
	// word is the term's number in the index (index.plainWord for a plain
	// word, index.engTerm for an engine term), for sums over a dense row of
	// the terms and for its postings.
	word int32
}

// vec is a sparse vector, its entries sorted by id.
type vec []entry

// termCounts gathers the weights of a unit's terms before they are a vec.
type termCounts map[string]termCount

type termCount struct {
	w    float64
	kind termKind
	surf string // the word as a link's explanation shows it (addShown)
}

// termShown is a term's key and the word shown for it, beside a vec.
type termShown struct{ key, surf string }

// add counts a term; a word once written as a name is a name.
func (c termCounts) add(term string, w float64, kind termKind) {
	tc := c[term]
	tc.w += w
	tc.kind = max(tc.kind, kind)
	c[term] = tc
}

// addShown counts a term as add does and keeps the word a link's
// explanation shows for it: an event class's first word, a number's last
// writing, a word's first writing of its highest kind (a name over a word).
func (c termCounts) addShown(term string, w float64, kind termKind, surf string) {
	tc, ok := c[term]
	switch {
	case kind == termNumber:
		tc.surf = surf
	case !ok, kind > tc.kind && kind != termClass:
		tc.surf = surf
	}
	tc.w += w
	tc.kind = max(tc.kind, kind)
	c[term] = tc
}

// vecShown is vec with each entry's key and shown word, in the same order.
// Each term is hashed once, and the shown words, listed in the map's
// order, are put in the entries' order after the sort by following its
// permutation in place: each entry's word holds 1 + its term's place in
// that list until then (buildIndex numbers the terms after). Finding every
// term again by its hash, or a second list of the shown words, cost a
// quarter of vecShown on one long article.
func (c termCounts) vecShown() (vec, []termShown) {
	out := make(vec, 0, len(c))
	shown := make([]termShown, 0, len(c))
	for t, tc := range c {
		shown = append(shown, termShown{t, tc.surf})
		out = append(out, entry{id: fnv64a(t), w: tc.w, kind: tc.kind, word: int32(len(shown))})
	}
	sortByID(out)
	// Entry i's shown word is the one at out[i].word-1: each cycle of the
	// permutation is walked once, its places cleared to 0 as they are set.
	for i := range out {
		if out[i].word == 0 {
			continue
		}
		first := shown[i]
		j := i
		for {
			k := int(out[j].word - 1)
			out[j].word = 0
			if k == i {
				shown[j] = first
				break
			}
			shown[j] = shown[k]
			j = k
		}
	}
	return out, shown
}

// vec turns the counts into a vector sorted by id.
func (c termCounts) vec() vec {
	out := make(vec, 0, len(c))
	for t, tc := range c {
		out = append(out, entry{id: fnv64a(t), w: tc.w, kind: tc.kind})
	}
	sortByID(out)
	return out
}

// sortByID sorts a vector's entries by id.
func sortByID(v vec) {
	slices.SortFunc(v, func(a, b entry) int {
		switch {
		case a.id < b.id:
			return -1
		case a.id > b.id:
			return 1
		}
		return 0
	})
}

// normalise scales a vector to unit length.
func (v vec) normalise() {
	n := 0.0
	for _, e := range v {
		n += e.w * e.w
	}
	if n == 0 {
		return
	}
	n = math.Sqrt(n)
	for i := range v {
		v[i].w /= n
	}
}

// fnv64a is the 64-bit FNV-1a hash of s, without hash.Hash's allocations:
// it runs once per word of every article.
func fnv64a(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// index holds the units' document frequencies and the postings of the
// engine's terms.
type index struct {
	n  int
	df map[uint64]int32 // engine terms
	// plainWord numbers the plain words, and dfPlain is each one's
	// document frequency by its number.
	plainWord map[uint64]int32
	dfPlain   []int32
	// engTerm numbers the engine's terms; postings holds each one's units
	// by its number, filled by vectorise with the final weights. The
	// candidate search reads a term's postings for every term of every
	// unit, which a map by hash made a tenth of its time.
	engTerm  map[uint64]int32
	postings [][]posting
}

// posting is one unit that holds a term, with the term's weight there.
type posting struct {
	unit int32
	w    float64
}

func buildIndex(us []*unit) *index {
	ix := &index{n: len(us), df: map[uint64]int32{}, plainWord: map[uint64]int32{}, engTerm: map[uint64]int32{}}
	for _, u := range us {
		for k, e := range u.eng {
			ix.df[e.id]++
			t, ok := ix.engTerm[e.id]
			if !ok {
				t = int32(len(ix.engTerm))
				ix.engTerm[e.id] = t
			}
			u.eng[k].word = t
		}
		for k, e := range u.plain {
			w, ok := ix.plainWord[e.id]
			if !ok {
				w = int32(len(ix.dfPlain))
				ix.plainWord[e.id] = w
				ix.dfPlain = append(ix.dfPlain, 0)
			}
			ix.dfPlain[w]++
			u.plain[k].word = w
		}
	}
	return ix
}

// idf is the smoothed inverse document frequency of a term with df units.
func (ix *index) idf(df int32) float64 {
	return math.Log(float64(ix.n+1)/float64(df+1)) + 1
}

// eventTerm reports a term so common that it names the main event: every
// paragraph of a story mentions its event, so those words say little about
// sub-topics. Event classes are never taken for it: a class shared in other
// words ("died", "killed") is what ties a sub-topic across sources.
func (ix *index) eventTerm(e entry) bool {
	return ix.n >= eventMinUnits && float64(ix.df[e.id]) > eventShare*float64(ix.n) && e.kind != termClass
}

// vectorise weighs each unit's terms: the engine's by the square root of
// idf (a rare word counts, but one rare word alone does not make a match),
// the main event's vocabulary at eventWeight; the plain words by idf, as a
// TF-IDF baseline does. Both end normalised.
func (ix *index) vectorise(us []*unit) {
	// Each unit's weights on every core: they read the counts alone.
	parallel(len(us), func(_ int, next func() (int, bool)) {
		for k, ok := next(); ok; k, ok = next() {
			ix.weigh(us[k])
		}
	})
	// The postings in the units' order, each list made at its final size
	// (its term's document frequency).
	ix.postings = make([][]posting, len(ix.engTerm))
	for i, u := range us {
		for _, e := range u.eng {
			post := ix.postings[e.word]
			if post == nil {
				post = make([]posting, 0, ix.df[e.id])
			}
			ix.postings[e.word] = append(post, posting{int32(i), e.w})
		}
	}
}

// weigh weighs one unit's terms (vectorise).
func (ix *index) weigh(u *unit) {
	main := 0.0
	for i, e := range u.eng {
		df := ix.df[e.id]
		w := e.w * math.Sqrt(ix.idf(df))
		u.eng[i].main = ix.eventTerm(e)
		u.eng[i].common = float64(df) > eventShare*float64(ix.n)
		if u.eng[i].main {
			w *= eventWeight
		}
		u.eng[i].w = w
	}
	n := 0.0
	for _, e := range u.eng {
		n += e.w * e.w
		if e.main {
			main += e.w * e.w
		}
	}
	if n > 0 {
		u.mainNorm = math.Sqrt(main / n)
	}
	u.eng.normalise()
	for i, e := range u.plain {
		u.plain[i].w = e.w * ix.idf(ix.dfPlain[e.word])
	}
	u.plain.normalise()
}

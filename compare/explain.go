package compare

import (
	"slices"
	"strings"
)

// sharedTerm is a term two linked paragraphs share, as explain weighs it:
// its places in the two paragraphs' vectors and the pair's weight: sixteen
// bytes, without the words' strings, which a sort of every shared term
// moved about (with the collector's write barriers) for each of the
// hundred thousand links of a thousand articles' topics.
type sharedTerm struct {
	w    float64
	a, b int32
}

// topTerms keeps the best few shared terms of one list, best first.
type topTerms struct {
	n  int
	at [5]sharedTerm // five of each list: enough to say why at a glance
}

// add offers s, which is kept when it is among the best few so far.
func (t *topTerms) add(s sharedTerm, shown []termShown) {
	if t.n == len(t.at) {
		if !s.before(t.at[t.n-1], shown) {
			return
		}
		t.n--
	}
	at := t.n
	for at > 0 && s.before(t.at[at-1], shown) {
		t.at[at] = t.at[at-1]
		at--
	}
	t.at[at] = s
	t.n++
}

// before orders shared terms by weight, highest first, ties by their key
// (shown holds the first paragraph's keys, each term's own).
func (s sharedTerm) before(o sharedTerm, shown []termShown) bool {
	if s.w != o.w {
		return s.w > o.w
	}
	return shown[s.a].key < shown[o.a].key
}

// explain records in l why two paragraphs were linked: the shared words that
// weigh most, the shared numbers and names, and the events told in other
// words ("died ~ killed"), each list by weight. The words come from
// prepare (unit.shown), so that nothing is split or stemmed again; st is
// the caller's own, since a stemmer is not shared between goroutines. buf
// is room for the shared numbers, handed back to be reused. The words and
// names lists keep their best five as the terms come, and only the
// numbers, all of which are shown, are sorted.
func explain(a, b *unit, l *Link, st *stemmer, buf []sharedTerm) []sharedTerm {
	var terms, names topTerms
	numbers := buf
	for i, j := 0, 0; i < len(a.eng) && j < len(b.eng); {
		switch {
		case a.eng[i].id < b.eng[j].id:
			i++
		case a.eng[i].id > b.eng[j].id:
			j++
		default:
			s := sharedTerm{a.eng[i].w * b.eng[j].w, int32(i), int32(j)}
			switch a.eng[i].kind {
			case termClass:
				// An event told in other words: both ("died ~ killed");
				// told in one word, the shared word says it already.
				if wa, wb := a.shown[i].surf, b.shown[j].surf; wa != wb && st.stem(wa) != st.stem(wb) {
					terms.add(s, a.shown)
				}
			case termNumber:
				numbers = append(numbers, s)
			case termName:
				names.add(s, a.shown)
			default:
				terms.add(s, a.shown)
			}
			i++
			j++
		}
	}
	// One array that the three lists share: a thousand articles' topics
	// keep a hundred thousand links.
	if n := terms.n + len(numbers) + names.n; n > 0 {
		slices.SortFunc(numbers, func(x, y sharedTerm) int {
			switch {
			case x.before(y, a.shown):
				return -1
			case y.before(x, a.shown):
				return 1
			}
			return 0
		})
		lists := make([]string, 0, n)
		for _, s := range terms.at[:terms.n] {
			w := strings.ToLower(a.shown[s.a].surf)
			if a.eng[s.a].kind == termClass {
				w += " ~ " + strings.ToLower(b.shown[s.b].surf)
			}
			lists = append(lists, w)
		}
		for _, s := range numbers {
			lists = append(lists, a.shown[s.a].surf)
		}
		for _, s := range names.at[:names.n] {
			lists = append(lists, a.shown[s.a].surf)
		}
		cut := func(from, to int) []string {
			if from == to {
				return nil
			}
			return lists[from:to:to]
		}
		nt, nn := terms.n, terms.n+len(numbers)
		l.Terms, l.Numbers, l.Names = cut(0, nt), cut(nt, nn), cut(nn, n)
	}
	return numbers
}

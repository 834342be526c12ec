package compare

import (
	"slices"
	"strings"
)

// surface is a term two linked paragraphs share, as explain shows it: its
// key in the engine's vectors, the word as each paragraph writes it, its
// kind, and the pair's weight.
type surface struct {
	key, surfA, surfB string
	kind              termKind
	w                 float64
}

// explain records why two paragraphs were linked: the shared words that
// weigh most, the shared numbers and names, and the events told in other
// words ("died ~ killed"). The words come from prepare (unit.shown), so
// that nothing is split or stemmed again; st is the caller's own, since a
// stemmer is not shared between goroutines. buf is room for the shared
// terms, handed back to be reused.
func explain(a, b *unit, l Link, st *stemmer, buf []surface) (Link, []surface) {
	all := buf
	for i, j := 0, 0; i < len(a.eng) && j < len(b.eng); {
		switch {
		case a.eng[i].id < b.eng[j].id:
			i++
		case a.eng[i].id > b.eng[j].id:
			j++
		default:
			all = append(all, surface{key: a.shown[i].key, surfA: a.shown[i].surf, surfB: b.shown[j].surf,
				kind: a.eng[i].kind, w: a.eng[i].w * b.eng[j].w})
			i++
			j++
		}
	}
	slices.SortFunc(all, func(x, y surface) int {
		if x.w != y.w {
			if x.w > y.w {
				return -1
			}
			return 1
		}
		return strings.Compare(x.key, y.key)
	})
	// Gathered on the stack, then copied into one array that the three
	// lists share: a thousand articles keep a quarter of a million links.
	var termsAt, numbersAt, namesAt [8]string
	terms, numbers, names := termsAt[:0], numbersAt[:0], namesAt[:0]
	for _, s := range all {
		switch s.kind {
		case termClass:
			// An event told in other words: both ("died ~ killed"); told in
			// one word, the shared word says it already.
			if st.stem(s.surfA) == st.stem(s.surfB) {
				continue
			}
			if len(terms) < 5 {
				terms = append(terms, strings.ToLower(s.surfA)+" ~ "+strings.ToLower(s.surfB))
			}
		case termNumber:
			numbers = append(numbers, s.surfA)
		case termName:
			if len(names) < 5 {
				names = append(names, s.surfA)
			}
		default:
			if len(terms) < 5 {
				terms = append(terms, strings.ToLower(s.surfA))
			}
		}
	}
	if n := len(terms) + len(numbers) + len(names); n > 0 {
		lists := make([]string, 0, n)
		cut := func(part []string) []string {
			if len(part) == 0 {
				return nil
			}
			from := len(lists)
			lists = append(lists, part...)
			return lists[from:len(lists):len(lists)]
		}
		l.Terms, l.Numbers, l.Names = cut(terms), cut(numbers), cut(names)
	}
	return l, all
}

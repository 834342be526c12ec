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
	for _, s := range all {
		switch s.kind {
		case termClass:
			// An event told in other words: both ("died ~ killed"); told in
			// one word, the shared word says it already.
			if st.stem(s.surfA) == st.stem(s.surfB) {
				continue
			}
			if len(l.Terms) < 5 {
				l.Terms = append(l.Terms, strings.ToLower(s.surfA)+" ~ "+strings.ToLower(s.surfB))
			}
		case termNumber:
			l.Numbers = append(l.Numbers, s.surfA)
		case termName:
			if len(l.Names) < 5 {
				l.Names = append(l.Names, s.surfA)
			}
		default:
			if len(l.Terms) < 5 {
				l.Terms = append(l.Terms, strings.ToLower(s.surfA))
			}
		}
	}
	return l, all
}

package compare

import (
	"slices"
	"strings"
)

// surface is one term of a paragraph as explain shows it: its key in the
// engine's vectors, the word as written, its kind and, once shared, the
// other paragraph's word and the pair's weight.
type surface struct {
	key, surfA, surfB string
	id                uint64 // the key's hash, as the vectors hold it
	kind              termKind
	w                 float64
}

// surfaces reads a paragraph's terms as explain shows them. A paragraph is
// in many links: its surfaces are read once (see explainer).
func surfaces(u *unit, st *stemmer) map[string]surface {
	m := map[string]surface{}
	for _, s := range u.sents {
		for i, w := range s.toks {
			f := w.folded
			if class, ok := eventClasses()[f]; ok {
				k := classPrefix + class
				if _, seen := m[k]; !seen {
					m[k] = surface{key: k, surfA: w.text, kind: termClass}
				}
			}
			switch {
			case isNumberToken(f):
				k := numberPrefix + strings.ReplaceAll(f, ",", "")
				m[k] = surface{key: k, surfA: w.text, kind: termNumber}
			case isStop(f) || len(f) < 2:
			default:
				k := st.stem(w.text)
				kind := termWord
				if i > 0 && isCapitalised(w.text) {
					kind = termName
				}
				if prev, ok := m[k]; ok && prev.kind >= kind {
					continue
				}
				m[k] = surface{key: k, surfA: w.text, kind: kind}
			}
		}
	}
	for k, x := range m {
		x.id = fnv64a(k)
		m[k] = x
	}
	return m
}

// explainer explains the links of one comparison, each paragraph's
// surfaces read once.
type explainer struct {
	st    *stemmer
	cache map[*unit]map[string]surface
	buf   []surface // reused from link to link
}

func newExplainer(shared map[string]string) *explainer {
	return &explainer{st: newStemmer(shared), cache: map[*unit]map[string]surface{}}
}

func (e *explainer) surfaces(u *unit) map[string]surface {
	m, ok := e.cache[u]
	if !ok {
		m = surfaces(u, e.st)
		e.cache[u] = m
	}
	return m
}

// explain records why two paragraphs were linked: the shared words that
// weigh most, the shared numbers and names, and the events told in other
// words ("died ~ killed").
func (e *explainer) explain(a, b *unit, l Link) Link {
	st := e.st
	sa, sb := e.surfaces(a), e.surfaces(b)
	all := e.buf[:0]
	// Walk the smaller paragraph's terms; the surface shown first is a's.
	if len(sa) <= len(sb) {
		for k, x := range sa {
			if y, ok := sb[k]; ok {
				x.surfB = y.surfA
				x.w = weightOf(a.eng, x.id) * weightOf(b.eng, x.id)
				all = append(all, x)
			}
		}
	} else {
		for k, y := range sb {
			if x, ok := sa[k]; ok {
				x.surfB = y.surfA
				x.w = weightOf(a.eng, x.id) * weightOf(b.eng, x.id)
				all = append(all, x)
			}
		}
	}
	defer func() { e.buf = all[:0] }()
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
	return l
}

// weightOf finds a term's weight in a sorted vector.
func weightOf(v vec, id uint64) float64 {
	k, ok := slices.BinarySearchFunc(v, id, func(e entry, id uint64) int {
		switch {
		case e.id < id:
			return -1
		case e.id > id:
			return 1
		}
		return 0
	})
	if !ok {
		return 0
	}
	return v[k].w
}

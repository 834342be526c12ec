package compare

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestExplainAsSorted checks explain, which keeps each list's best terms as
// they come, against the explanation that sorted every shared term, on
// every link of the seeds and of the ECB+ development articles.
func TestExplainAsSorted(t *testing.T) {
	inputs := map[string]*comparison{"seeds": linkedComparison(seedArticles(t))}
	if !testing.Short() {
		inputs["ecb"] = linkedComparison(ecbArticles(t, 500))
	}
	for name, c := range inputs {
		st := newStemmer(c.stems)
		var buf []sharedTerm
		var old []explainedTerm
		terms, names, classes := 0, 0, 0
		for _, p := range c.pairs {
			a, b := c.units[p.i], c.units[p.j]
			var got, want Link
			got, want = linkOf(c.units, p), linkOf(c.units, p)
			buf = explain(a, b, &got, st, buf[:0])
			want, old = explainBySort(a, b, want, st, old[:0])
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: link %v-%v explained as\n%#v\nnot\n%#v", name, a.ref, b.ref, got, want)
			}
			terms += len(got.Terms)
			names += len(got.Names)
			for _, w := range got.Terms {
				if strings.Contains(w, " ~ ") {
					classes++
				}
			}
		}
		// The lists were filled, and cut at five.
		if terms == 0 || names == 0 || classes == 0 {
			t.Errorf("%s: %d links explained with %d words (%d events in other words), %d names", name, len(c.pairs), terms, classes, names)
		}
		t.Logf("%s: %d links, %d words (%d events in other words), %d names", name, len(c.pairs), terms, classes, names)
	}
}

// explainedTerm is a term two linked paragraphs share, as explain shows it: its
// key in the engine's vectors, the word as each paragraph writes it, its
// kind, and the pair's weight.
type explainedTerm struct {
	key, surfA, surfB string
	kind              termKind
	w                 float64
}

// explainBySort is explain as it was, sorting every shared term: explain
// must say the same. It records why two paragraphs were linked: the shared words that
// weigh most, the shared numbers and names, and the events told in other
// words ("died ~ killed"). The words come from prepare (unit.shown), so
// that nothing is split or stemmed again; st is the caller's own, since a
// stemmer is not shared between goroutines. buf is room for the shared
// terms, handed back to be reused.
func explainBySort(a, b *unit, l Link, st *stemmer, buf []explainedTerm) (Link, []explainedTerm) {
	all := buf
	for i, j := 0, 0; i < len(a.eng) && j < len(b.eng); {
		switch {
		case a.eng[i].id < b.eng[j].id:
			i++
		case a.eng[i].id > b.eng[j].id:
			j++
		default:
			all = append(all, explainedTerm{key: a.shown[i].key, surfA: a.shown[i].surf, surfB: b.shown[j].surf,
				kind: a.eng[i].kind, w: a.eng[i].w * b.eng[j].w})
			i++
			j++
		}
	}
	slices.SortFunc(all, func(x, y explainedTerm) int {
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

package compare

import "testing"

// TestPrepareStems checks the stems prepare's workers remember (wordInfo,
// stemTable) against stemming each word afresh, on the sample articles:
// every word the engine stems is in the table, written and folded, with
// its own stem, and no other word is.
func TestPrepareStems(t *testing.T) {
	us, stems := prepareStems(seedArticles(t))
	want := map[string]string{}
	for _, u := range us {
		for _, s := range u.sents {
			for _, w := range s.toks {
				if isNumberToken(w.folded) || isStop(w.folded) || len(w.folded) < 2 {
					continue
				}
				want[w.text], want[w.folded] = stem(w.text), stem(w.text)
			}
		}
	}
	if len(want) == 0 {
		t.Fatal("no words stemmed")
	}
	for w, s := range want {
		if got, ok := stems[w]; !ok || got != s {
			t.Errorf("stems[%q] = %q, %v; want %q", w, got, ok, s)
		}
	}
	if len(stems) != len(want) {
		t.Errorf("%d stems, want %d", len(stems), len(want))
	}
}

// TestPrepareWords checks the words prepare splits and folds through its
// workers' memory of each word (wordInfo) against words, which splits and
// folds every word afresh, on the sample articles.
func TestPrepareWords(t *testing.T) {
	us, _ := prepareStems(seedArticles(t))
	n := 0
	for _, u := range us {
		for k, s := range u.sents {
			want := words(s.text(u.text))
			if len(s.toks) != len(want) {
				t.Fatalf("%v sentence %d: %d words, want %d", u.ref, k, len(s.toks), len(want))
			}
			for i, w := range want {
				if s.toks[i] != w {
					t.Errorf("%v sentence %d word %d: %+v, want %+v", u.ref, k, i, s.toks[i], w)
				}
			}
			n += len(want)
		}
	}
	if n == 0 {
		t.Fatal("no words")
	}
}

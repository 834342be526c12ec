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

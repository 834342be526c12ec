package compare

import (
	"slices"
	"testing"
)

// TestHedgeCandidatesByName: the candidates the background reading keeps
// only the names of (hedgeReading.names) read in full to the same names,
// and state plainly no claim a hedging sentence of another source hedges,
// so the detector that passes over them loses nothing.
func TestHedgeCandidatesByName(t *testing.T) {
	arts := ecbArticles(t, 200)
	c := newComparison(arts, Options{})
	prepareStage(c)
	alignStage(c)
	hr := <-c.hedged
	c.hedged <- hr
	if len(hr.names) == 0 || len(hr.hedged) == 0 {
		t.Fatalf("%d candidates kept by name, %d hedging sentences: nothing to check", len(hr.names), len(hr.hedged))
	}
	r := newHedgeReader(c.stems)
	for j, ns := range hr.names {
		o := hr.readAt(c, j, r)
		if !slices.Equal(o.names, ns) {
			t.Fatalf("sentence %d: names %q, read in full %q", j, ns, o.names)
		}
		for _, i := range hr.hedged {
			if hr.at[i].u.src == hr.at[j].u.src {
				continue
			}
			h := hr.read[i]
			for _, hm := range h.hedges {
				if !candidateOf(hr, hm, j) {
					continue
				}
				if _, ok := sameHedgedClaim(*h, *o, hm); ok {
					t.Errorf("sentence %d, kept by name, states what %d hedges with %q", j, i, hm.text)
				}
			}
		}
	}
}

// candidateOf: sentence j holds a word of hm's scope in few sentences.
func candidateOf(hr *hedgeReading, hm hedgeMark, j int) bool {
	for _, w := range hm.scope {
		if ps := hr.postings[w]; len(ps) <= maxHedgePostings && slices.Contains(ps, j) {
			return true
		}
	}
	return false
}

package compare

import "testing"

// TestLabelsAsExactSearch holds the labels shared out from each topic's few
// best phrases to the exact search, topic by topic in order, on the seeds.
func TestLabelsAsExactSearch(t *testing.T) {
	c := newComparison(seedArticles(t), Options{})
	prepareStage(c)
	alignStage(c)
	<-c.reading
	used := map[string]bool{}
	pw := c.newPhraseWeights()
	for i, tp := range c.res.Topics {
		want := "only in " + c.label(tp.Sources[0])
		if !tp.Own {
			want = c.topicPhrase(c.topicUnits[i], pw, used)
		}
		used[want] = true
		if tp.Label != want {
			t.Errorf("%s: label %q, the exact search gives %q", tp.ID, tp.Label, want)
		}
	}
	if len(c.res.Topics) < 3 {
		t.Fatalf("only %d topics on the seeds", len(c.res.Topics))
	}
}

package compare

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

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

// TestTidyLabelAsBefore checks tidyLabel, which skips the trim and the
// look at the first word where they change nothing, against the tidying
// that always did both, on every phrase of the seeds' and the ECB+
// development articles' topics and on marks at either end.
func TestTidyLabelAsBefore(t *testing.T) {
	before := func(s string) string {
		s = strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '$' })
		first, _, _ := strings.Cut(s, " ")
		if isStop(fold(first)) || sentenceOpeners()[fold(first)] {
			r, size := utf8.DecodeRuneInString(s)
			s = string(unicode.ToLower(r)) + s[size:]
		}
		return s
	}
	phrases := []string{"", "$", "$5 million", "“The attack”", "(Police said", "The", "THE END", "Ǆemal said", "\xffThe", "The\xff", "É", "Über alles", "À la carte", "2,500 troops", "U.S.-backed forces"}
	inputs := []*comparison{linkedComparison(seedArticles(t))}
	if !testing.Short() {
		inputs = append(inputs, linkedComparison(ecbArticles(t, 500)))
	}
	for _, c := range inputs {
		buildTopics(c)
		pw := c.newPhraseWeights()
		for i, tp := range c.res.Topics {
			if !tp.Own {
				c.eachPhrase(c.topicUnits[i], pw, func(raw string, _ float64) { phrases = append(phrases, raw) })
			}
		}
	}
	changed := 0
	for _, p := range phrases {
		got, want := tidyLabel(p), before(p)
		if got != want {
			t.Fatalf("tidyLabel(%q) = %q, not %q", p, got, want)
		}
		if got != p {
			changed++
		}
	}
	if changed == 0 {
		t.Errorf("none of %d phrases tidied", len(phrases))
	}
	t.Logf("%d phrases, %d tidied", len(phrases), changed)
}

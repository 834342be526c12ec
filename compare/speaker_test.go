package compare

import (
	"reflect"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/loader"
)

// TestWordsInAreWords holds the cues' words, taken from each sentence's
// words less its quotations' (wordsIn), to the words split again from the
// text with its quotations blanked, as the attributor split them before:
// on every paragraph of the evaluation articles and seeds that quotes, for
// spans from and to every word's ends, the bytes beside them and the
// quotations' ends.
func TestWordsInAreWords(t *testing.T) {
	var quoting []string
	for _, l := range evalLines(t) {
		if strings.ContainsAny(l, "\"“”‘’'") {
			quoting = append(quoting, l)
		}
	}
	if len(quoting) < 1000 {
		t.Fatalf("only %d quoting lines: the test reads too little", len(quoting))
	}
	spans := 0
	for len(quoting) > 0 {
		n := min(len(quoting), 500)
		units := prepare(articlesOf(quoting[:n]))
		quoting = quoting[n:]
		for _, u := range units {
			quotes := quotations(u.text, false)
			plain := outsideQuotes(u.text, quotes)
			if len(quotes) == 0 {
				continue
			}
			for _, s := range u.sents {
				var at []int
				for _, w := range s.toks {
					for _, o := range []int{w.start - 1, w.start, w.start + 1, w.end - 1, w.end, w.end + 1} {
						if o >= 0 && o <= s.span.End-s.span.Start {
							at = append(at, s.span.Start+o)
						}
					}
				}
				for _, q := range quotes {
					at = append(at, q.start, q.end)
				}
				// The cues read a sentence's head up to a point, its tail
				// from one, and the words between two quotations.
				check := func(lo, hi int) {
					if lo > hi || lo < 0 || hi > len(plain) {
						return
					}
					spans++
					if got, want := wordsIn(plain, s, quotes, lo, hi), words(plain[lo:hi]); !sameWords(got, want) {
						t.Fatalf("%q [%d:%d]: wordsIn gives %v, words %v", plain, lo, hi, got, want)
					}
				}
				for _, o := range at {
					check(s.span.Start, o)
					check(o, s.span.End)
					for _, q := range quotes {
						check(o, q.start)
						check(q.end, o)
					}
				}
			}
		}
	}
	if spans < 10000 {
		t.Fatalf("only %d spans read: the test reads too little", spans)
	}
}

// articlesOf is one article of each line, each its own paragraph.
func articlesOf(lines []string) []*loader.Article {
	return []*loader.Article{article("lines", strings.Join(lines, "\n\n")+"\n")}
}

// sameWords compares two lists of words, none and empty alike.
func sameWords(a, b []token) bool {
	return len(a) == 0 && len(b) == 0 || reflect.DeepEqual(a, b)
}

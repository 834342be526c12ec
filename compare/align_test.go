package compare

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/loader"
)

// Two reports of one drowning that share its place and victims but tell the
// deaths in other words ("died", "were killed"): the link must be made, and
// it must say which words stand for one event.
func TestAlignmentEventInOtherWords(t *testing.T) {
	a := article("a", "Heavy rain closed schools across the county on Monday.\n\n"+
		"Two fishermen died when their boat capsized near Port Ellis harbour.")
	b := article("b", "The storm flooded the coastal road for the second time this month.\n\n"+
		"Two fishermen were killed after their vessel overturned off Port Ellis.")
	r := Compare([]*loader.Article{a, b})
	var found *Link
	for _, tp := range r.Topics {
		for i, l := range tp.Links {
			if l.A.Paragraph == 1 && l.B.Paragraph == 1 {
				found = &tp.Links[i]
			}
		}
	}
	if found == nil {
		t.Fatalf("the two drowning sentences are not linked; topics: %+v", r.Topics)
	}
	if !strings.Contains(strings.Join(found.Terms, " | "), "died ~ killed") && !strings.Contains(strings.Join(found.Terms, " | "), "killed ~ died") {
		t.Errorf("the link should name the event told in other words, got terms %q", found.Terms)
	}
	for _, tp := range r.Topics {
		for _, l := range tp.Links {
			if l.A.Paragraph == 0 || l.B.Paragraph == 0 {
				t.Errorf("the weather sentences share no event and no name, yet were linked: %+v", l)
			}
		}
	}
}

func TestEventClassesOneClassPerWord(t *testing.T) {
	classOf := map[string]string{}
	for class, ws := range eventClassWords {
		for _, w := range strings.Fields(ws) {
			if other, ok := classOf[w]; ok && other != class {
				t.Errorf("%q is in the classes %q and %q", w, other, class)
			}
			if w != fold(w) {
				t.Errorf("%q is not a folded word: the lookup would never find it", w)
			}
			classOf[w] = class
		}
	}
}

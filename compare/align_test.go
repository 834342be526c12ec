package compare

import (
	"reflect"
	"slices"
	"sort"
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

// sentenceText is the text of a linked sentence.
func sentenceText(arts []*loader.Article, r SentenceRef) string {
	a := articleByID(arts, r.Source)
	p := a.Paragraphs[r.Paragraph]
	sp := p.Sentences[r.Sentence]
	return p.Text[sp.Start:sp.End]
}

// alignmentByText describes links and topics by the sentences' texts, not
// their places, so that two orders of one text compare equal.
func alignmentByText(arts []*loader.Article, r *Result) (links map[string]float64, topics map[string]bool) {
	links = map[string]float64{}
	topics = map[string]bool{}
	for _, tp := range r.Topics {
		var members []string
		for _, l := range tp.Links {
			a, b := l.A.Source+": "+sentenceText(arts, l.A), l.B.Source+": "+sentenceText(arts, l.B)
			if b < a {
				a, b = b, a
			}
			links[a+" ↔ "+b] = l.Score
		}
		for _, m := range tp.Members {
			members = append(members, m.Source+": "+articleByID(arts, m.Source).Paragraphs[m.Paragraph].Text)
		}
		sort.Strings(members)
		topics[strings.Join(members, " ‖ ")] = true
	}
	return links, topics
}

// The sample's articles with their body paragraphs in reverse order align
// as they do in order: the same links with the same scores, the same topics.
func TestReorderedParagraphsAlignAlike(t *testing.T) {
	var ordered, reversed []*loader.Article
	for _, a := range seedArticles(t) {
		var body []string
		for _, p := range a.Body() {
			body = append(body, p.Text)
		}
		ordered = append(ordered, article(a.ID, strings.Join(body, "\n\n")))
		slices.Reverse(body)
		reversed = append(reversed, article(a.ID, strings.Join(body, "\n\n")))
	}
	lo, to := alignmentByText(ordered, Compare(ordered))
	lr, tr := alignmentByText(reversed, Compare(reversed))
	if len(lo) == 0 || len(to) == 0 {
		t.Fatal("no links or topics in the sample")
	}
	for k, v := range lo {
		if w, ok := lr[k]; !ok || w != v {
			t.Errorf("link %s (score %.3f) is %v / %.3f once the paragraphs are reversed", k, v, ok, w)
		}
	}
	for k := range lr {
		if _, ok := lo[k]; !ok {
			t.Errorf("link %s appears only once the paragraphs are reversed", k)
		}
	}
	if !reflect.DeepEqual(to, tr) {
		t.Errorf("topics differ once the paragraphs are reversed: %d topics in order, %d reversed", len(to), len(tr))
	}
}

// A paragraph that speaks of two things joins the topic of each: its
// sentences are aligned one by one.
func TestParagraphOnTwoTopics(t *testing.T) {
	a := article("a", "The tanker Nordic Star ran aground off Cape Verlin on Tuesday, spilling diesel into the bay. "+
		"Separately, the harbour authority said the new ferry terminal at Port Ellis would open in June.")
	b := article("b", "The Nordic Star tanker ran aground near Cape Verlin and diesel leaked into the bay, the coast guard said.\n\n"+
		"Work on the Port Ellis ferry terminal is finished and it will open in June, the harbour authority announced.")
	r := Compare([]*loader.Article{a, b})
	topicsOf := map[string]bool{}
	for _, tp := range r.Topics {
		for _, m := range tp.Members {
			if m.Source == "a" && m.Paragraph == 0 {
				topicsOf[tp.ID] = true
			}
		}
	}
	if len(topicsOf) != 2 {
		t.Fatalf("a's paragraph on the tanker and the terminal is in %d topics, want 2: %+v", len(topicsOf), r.Topics)
	}
	for _, tp := range r.Topics {
		if !topicsOf[tp.ID] {
			continue
		}
		for _, l := range tp.Links {
			ta, tb := sentenceText([]*loader.Article{a, b}, l.A), sentenceText([]*loader.Article{a, b}, l.B)
			if strings.Contains(ta, "tanker") != strings.Contains(tb, "tanker") {
				t.Errorf("a link across the two subjects: %q ↔ %q", ta, tb)
			}
		}
	}
}

package compare

import (
	"hash/fnv"
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

// Two outlets running one wire story (with their own first line and a word
// changed) are one origin: their agreement with an independent report counts
// two origins, not three.
func TestWireCopiesCountOnce(t *testing.T) {
	wire := "Firefighters battled the blaze for six hours before bringing it under control on Sunday morning.\n\n" +
		"Fire chief Dana Ruiz said 14 people were injured, two of them seriously, and that the cause of the fire was under investigation.\n\n" +
		"The warehouse, which stored paper goods and cleaning supplies, had been inspected in March and passed, according to city records.\n\n" +
		"Neighbours described a loud bang shortly before midnight, followed by thick black smoke that drifted across the river."
	a := article("ap-herald", "A fire destroyed a warehouse in Millbrook overnight.\n\n"+wire)
	b := article("ap-courier", "A huge fire gutted a Millbrook warehouse late on Saturday.\n\n"+strings.Replace(wire, "thick black smoke", "thick dark smoke", 1))
	c := article("local-news", "Fourteen people were injured when a warehouse in Millbrook burned down overnight, Fire chief Dana Ruiz said.\n\n"+
		"Residents of the riverside flats were told to keep their windows shut until Monday.")
	r := Compare([]*loader.Article{a, b, c})
	if len(r.Copies) != 1 || !reflect.DeepEqual(r.Copies[0], []string{"ap-courier", "ap-herald"}) {
		t.Fatalf("copies: got %v, want the two wire runs together", r.Copies)
	}
	found := false
	for _, ag := range r.Agreements {
		if strings.Contains(ag.Value, "14") && len(ag.Sources) == 3 {
			found = true
			if ag.Origins != 2 {
				t.Errorf("14 injured agreed by %v: %d origins, want 2", ag.Sources, ag.Origins)
			}
		}
	}
	if !found {
		t.Errorf("no agreement of the three sources on 14 injured: %+v", r.Agreements)
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

func TestFNV64a(t *testing.T) {
	for _, s := range []string{"", "a", "militia", "kata'ib", "Ünïcödé"} {
		h := fnv.New64a()
		h.Write([]byte(s))
		if got, want := fnv64a(s), h.Sum64(); got != want {
			t.Errorf("fnv64a(%q) = %x, hash/fnv says %x", s, got, want)
		}
	}
}

// A full stop with no space after it ("ISIS.The strikes") is a typo that
// would make one word of two; "U.S." and "5.9" are no such thing.
func TestSplitRunOn(t *testing.T) {
	for in, want := range map[string]string{
		"efforts to defeat ISIS.The strikes were necessary": "efforts to defeat ISIS. The strikes were necessary",
		"protect U.S. personnel":                            "protect U.S. personnel",
		"a magnitude 5.9 quake":                             "a magnitude 5.9 quake",
		"the Kataib.Hezbollah group":                        "the Kataib. Hezbollah group",
		"in Zürich.Élise said":                              "in Zürich. Élise said",
		"e.g.The end":                                       "e.g.The end",
	} {
		if got := splitRunOn(in); got != want {
			t.Errorf("splitRunOn(%q) = %q, want %q", in, got, want)
		}
	}
	ops := wordDiff("to defeat ISIS.The strikes were limited", "to defeat ISIS. The strikes were limited")
	for _, op := range ops {
		if op.Op != "equal" {
			t.Errorf("a missing space reads as a change: %+v", ops)
			break
		}
	}
}

// An undated report's toll of an earlier quake ("in December 2003 ... more
// than 31,000 people were killed") is background once the other reports say
// the year is 2005: not a count of this quake's dead.
func TestUndatedBackgroundYear(t *testing.T) {
	dated := func(id, day, text string) *loader.Article {
		return article(id, "Quake in southern Iran\n\nPublished: November "+day+", 2005\n\n"+text)
	}
	r := Compare([]*loader.Article{
		dated("a", "27", "A 5.9 magnitude earthquake struck Qeshm island on Sunday, and 10 people were killed in the quake."),
		dated("b", "28", "The Qeshm island earthquake on Sunday killed 10 people, officials said."),
		article("c", "The Qeshm island earthquake on Sunday killed 10 people.\n\n"+
			"Iranians still remember the Bam earthquake of December 2003, in which more than 31,000 people were killed."),
	})
	for _, d := range r.Discrepancies {
		if d.Kind == KindNumber {
			t.Errorf("an earlier quake's toll taken for this one's: %s", d.Summary)
		}
	}
	found := false
	for _, f := range r.Facts {
		if f.Kind == FactQuantity && strings.Contains(f.Text, "31,000") {
			found = true
			if !f.Background {
				t.Errorf("%q is not marked as background", f.Text)
			}
		}
	}
	if !found {
		t.Error("the 31,000 count was not read at all")
	}
}

package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
	"github.com/parallax-news/parallax/review"
)

// The fixture is four articles and a result built by hand: what the
// interface draws does not move when the engine changes, and every case a
// test needs is there by construction (two articles of one outlet, an
// article with nothing but a hashed file name, a topic one source is silent
// on, discrepancies of three kinds, one with three claims). Made-up text.

type fixArticle struct {
	id, source, title, author string
	published                 loader.Dateline
	paras                     []string // "#" starts a title, "~" a caption
}

var fixArticles = []fixArticle{
	{"ledger-0311", "Northern Ledger", "Flood kills four in Varnholt", "Mara Olsen",
		loader.Dateline{Time: time.Date(2031, 3, 11, 6, 10, 0, 0, time.UTC), HasTime: true, HasZone: true}, []string{
			"Floodwaters swept through Varnholt on Tuesday, killing four people, officials said.",
			"The river Sel burst its banks shortly after 3 a.m. after two days of rain.",
			"Mayor Ilse Brandvik said: “We have never seen the river rise this fast.”",
			"~Photo: volunteers carry sandbags along the embankment.",
			"Rescue teams from Brekke, Hollin and Ostvik joined the search.",
		}},
	{"ledger-0312", "Northern Ledger", "Varnholt flood: toll rises to six", "Teo Brandt",
		loader.Dateline{Time: time.Date(2031, 3, 12, 18, 0, 0, 0, time.UTC), HasTime: true, HasZone: true}, []string{
			"The toll of the Varnholt flood rose to six on Wednesday, the Civil Protection Office said.",
			"The river Sel burst its banks around 4 a.m. on Tuesday.",
			"Rescue teams from Brekke and Hollin joined the search.",
			"Schools across the district will stay closed until the water recedes.",
		}},
	{"valley-courier", "Valley Courier", "Four dead as the Sel floods Varnholt", "",
		loader.Dateline{Time: time.Date(2031, 3, 11, 0, 0, 0, 0, time.UTC)}, []string{
			"#Four dead as the Sel floods Varnholt",
			"Four people died when the river Sel flooded Varnholt on Tuesday.",
			"Mayor Ilse Brandvik said: “Nobody here has seen water rise so fast.”",
			"Insurers said it was too early to estimate the cost of the damage.",
		}},
	{"9f2c4e1a7b3d5c60", "9f2c4e1a7b3d5c60", "", "", loader.Dateline{}, []string{
		"Varnholt residents spent the night on rooftops as the water rose.",
		"Four people were killed, according to the mayor's office.",
	}},
}

// fixArts builds the fixture's articles.
func fixArts() []*loader.Article {
	var out []*loader.Article
	for _, f := range fixArticles {
		a := &loader.Article{ID: f.id, Path: "in/" + f.id + ".json", Format: loader.FormatJSON, Source: f.source,
			Title: f.title, Author: f.author, Published: f.published}
		for i, t := range f.paras {
			k := loader.KindBody
			switch t[0] {
			case '#':
				k, t = loader.KindTitle, t[1:]
			case '~':
				k, t = loader.KindCaption, t[1:]
			}
			a.Paragraphs = append(a.Paragraphs, loader.Paragraph{Index: i, Kind: k, Text: t, Sentences: []loader.Sentence{{Start: 0, End: len(t)}}})
		}
		out = append(out, a)
	}
	return out
}

// fixSpan finds words in a paragraph of an article: the span the engine
// would give.
func fixSpan(arts []*loader.Article, id string, p int, words string) compare.Span {
	for _, a := range arts {
		if a.ID == id {
			i := strings.Index(a.Paragraphs[p].Text, words)
			if i < 0 {
				panic("fixture: " + words + " not in " + id)
			}
			return compare.Span{Source: id, Paragraph: p, Start: i, End: i + len(words)}
		}
	}
	panic("fixture: no article " + id)
}

// fixResult is what an engine could say of the fixture's articles.
func fixResult(arts []*loader.Article) *compare.Result {
	sp := func(id string, p int, w string) compare.Span { return fixSpan(arts, id, p, w) }
	claim := func(id string, p int, w, v string) compare.Claim {
		return compare.Claim{Span: sp(id, p, w), Text: w, Value: v}
	}
	r := &compare.Result{Sources: []string{"ledger-0311", "ledger-0312", "valley-courier", "9f2c4e1a7b3d5c60"}}
	r.Topics = []compare.Topic{
		{ID: "t1", Label: "toll, killed, Varnholt", Sources: []string{"ledger-0311", "ledger-0312", "valley-courier", "9f2c4e1a7b3d5c60"},
			Members: []compare.Ref{{Source: "ledger-0311", Paragraph: 0}, {Source: "ledger-0312", Paragraph: 0}, {Source: "valley-courier", Paragraph: 1}, {Source: "9f2c4e1a7b3d5c60", Paragraph: 1}},
			Links:   []compare.Link{{A: compare.Ref{Source: "ledger-0311"}, B: compare.Ref{Source: "valley-courier", Paragraph: 1}, Score: 0.61, Names: []string{"Varnholt"}, Numbers: []string{"4"}}}},
		{ID: "t2", Label: "river Sel, banks", Sources: []string{"ledger-0311", "ledger-0312", "valley-courier"},
			Members: []compare.Ref{{Source: "ledger-0311", Paragraph: 1}, {Source: "ledger-0312", Paragraph: 1}, {Source: "valley-courier", Paragraph: 1}},
			Links:   []compare.Link{{A: compare.Ref{Source: "ledger-0311", Paragraph: 1}, B: compare.Ref{Source: "ledger-0312", Paragraph: 1}, Score: 0.72, Terms: []string{"burst", "banks"}}}},
		{ID: "t3", Label: "Brandvik, mayor", Sources: []string{"ledger-0311", "valley-courier"},
			Members: []compare.Ref{{Source: "ledger-0311", Paragraph: 2}, {Source: "valley-courier", Paragraph: 2}},
			Links:   []compare.Link{{A: compare.Ref{Source: "ledger-0311", Paragraph: 2}, B: compare.Ref{Source: "valley-courier", Paragraph: 2}, Score: 0.55, Quote: true, Names: []string{"Ilse Brandvik"}}}},
		{ID: "t4", Label: "rescue teams", Sources: []string{"ledger-0311", "ledger-0312"},
			Members: []compare.Ref{{Source: "ledger-0311", Paragraph: 4}, {Source: "ledger-0312", Paragraph: 2}}},
	}
	r.Facts = []compare.Fact{
		{ID: "f1", Kind: compare.FactQuantity, Span: sp("ledger-0311", 0, "killing four people"), Value: "4 people killed", Topic: "t1"},
		{ID: "f2", Kind: compare.FactQuantity, Span: sp("ledger-0312", 0, "rose to six"), Value: "6 people killed", Topic: "t1"},
		{ID: "f3", Kind: compare.FactQuantity, Span: sp("valley-courier", 1, "Four people died"), Value: "4 people killed", Topic: "t1"},
		{ID: "f4", Kind: compare.FactQuantity, Span: sp("9f2c4e1a7b3d5c60", 1, "Four people were killed"), Value: "4 people killed", Topic: "t1"},
		{ID: "f5", Kind: compare.FactTime, Span: sp("ledger-0311", 1, "shortly after 3 a.m."), Value: "03:00", Topic: "t2"},
		{ID: "f6", Kind: compare.FactTime, Span: sp("ledger-0312", 1, "around 4 a.m."), Value: "04:00", Topic: "t2"},
		{ID: "f7", Kind: compare.FactQuote, Span: sp("ledger-0311", 2, "We have never seen the river rise this fast."), Value: "Brandvik", Topic: "t3", Quote: &compare.Quote{Speaker: "Ilse Brandvik"}},
		{ID: "f8", Kind: compare.FactQuote, Span: sp("valley-courier", 2, "Nobody here has seen water rise so fast."), Value: "Brandvik", Topic: "t3", Quote: &compare.Quote{Speaker: "Ilse Brandvik"}},
		{ID: "f9", Kind: compare.FactEntity, Span: sp("ledger-0311", 0, "Varnholt"), Value: "Varnholt", Topic: "t1"},
		{ID: "f10", Kind: compare.FactEntity, Span: sp("valley-courier", 1, "Varnholt"), Value: "Varnholt", Topic: "t1"},
	}
	r.Discrepancies = []compare.Discrepancy{
		{ID: "d1", Kind: compare.KindNumber, Topic: "t1", Severity: compare.SeverityHigh, Summary: "people killed: 4 in two sources, 6 in one",
			Claims: []compare.Claim{claim("ledger-0311", 0, "killing four people", "4 people killed"), claim("ledger-0312", 0, "rose to six", "6 people killed"), claim("valley-courier", 1, "Four people died", "4 people killed")},
			Why:    "the same counted thing and outcome with different values"},
		{ID: "d2", Kind: compare.KindTime, Topic: "t2", Severity: compare.SeverityMedium, Summary: "when the river burst its banks: after 3 a.m. or around 4 a.m.",
			Claims: []compare.Claim{claim("ledger-0311", 1, "shortly after 3 a.m.", "03:00"), claim("ledger-0312", 1, "around 4 a.m.", "04:00")}},
		{ID: "d3", Kind: compare.KindQuote, Topic: "t3", Severity: compare.SeverityMedium, Summary: "quote of Brandvik worded differently",
			Claims: []compare.Claim{claim("ledger-0311", 2, "We have never seen the river rise this fast.", "Brandvik"), claim("valley-courier", 2, "Nobody here has seen water rise so fast.", "Brandvik")},
			Diff:   []compare.DiffOp{{Op: compare.OpDelete, Text: "We have never"}, {Op: compare.OpInsert, Text: "Nobody here has"}, {Op: compare.OpEqual, Text: "seen"}}},
		{ID: "d4", Kind: compare.KindList, Topic: "t4", Severity: compare.SeverityLow, Summary: "rescue teams: Ostvik in one list only",
			Claims: []compare.Claim{claim("ledger-0311", 4, "Brekke, Hollin and Ostvik", "Brekke, Hollin, Ostvik"), claim("ledger-0312", 2, "Brekke and Hollin", "Brekke, Hollin")}},
		{ID: "d5", Kind: compare.KindAttribution, Topic: "t1", Severity: compare.SeverityLow, Summary: "the toll credited to officials in one source, the mayor's office in another",
			Claims: []compare.Claim{claim("ledger-0311", 0, "officials said", "officials"), claim("9f2c4e1a7b3d5c60", 1, "according to the mayor's office", "the mayor's office")}},
	}
	r.Agreements = []compare.Agreement{
		{Value: "Varnholt", Facts: []string{"f9", "f10"}, Sources: []string{"ledger-0311", "valley-courier"}, Origins: 2},
		{Value: "4 people killed", Facts: []string{"f1", "f3", "f4"}, Sources: []string{"ledger-0311", "valley-courier", "9f2c4e1a7b3d5c60"}, Origins: 3},
	}
	u := sp("ledger-0312", 3, "Schools across the district will stay closed")
	r.Unique = []compare.Unique{{Span: u, Text: "Schools across the district will stay closed", Value: "schools closed", Topic: ""}}
	return r
}

// fixtureData is the fixture with an empty review.
func fixtureData(t testing.TB) Data {
	t.Helper()
	arts := fixArts()
	store, err := review.Load(filepath.Join(reviewDir(t), "review.json"), review.Key(arts), nil)
	if err != nil {
		t.Fatal(err)
	}
	return Data{Articles: arts, Result: fixResult(arts), Store: store}
}

// reviewDir is a folder for a test's review file: in memory (/dev/shm)
// where the machine has it, since every verdict is saved with fsync and the
// random-event tests and the fuzzer give thousands; else the test's own.
func reviewDir(t testing.TB) string {
	if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() {
		if dir, err := os.MkdirTemp("/dev/shm", "parallax-tui-"); err == nil {
			t.Cleanup(func() { os.RemoveAll(dir) })
			return dir
		}
	}
	return t.TempDir()
}

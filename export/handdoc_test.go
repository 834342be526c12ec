package export

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
	"github.com/parallax-news/parallax/review"
)

// handArticle is an article of one body paragraph per text.
func handArticle(id, outlet, title, author string, published loader.Dateline, url string, texts ...string) *loader.Article {
	a := &loader.Article{ID: id, Path: "/news/" + id + ".txt", Format: loader.FormatText, Source: outlet, Title: title,
		Author: author, URL: url, Published: published}
	if outlet == "" {
		a.Source = id // as the loader names a source it knows no outlet of
	}
	for i, t := range texts {
		a.Paragraphs = append(a.Paragraphs, loader.Paragraph{Index: i, Kind: loader.KindBody, Text: t, Sentences: []loader.Sentence{{Start: 0, End: len(t)}}})
	}
	return a
}

// handClaim is the claim of words in paragraph p of a.
func handClaim(a *loader.Article, p int, words, value string) compare.Claim {
	text := a.Paragraphs[p].Text
	i := strings.Index(text, words)
	if i < 0 {
		panic(words + " not in " + text)
	}
	return compare.Claim{Span: compare.Span{Source: a.ID, Paragraph: p, Start: i, End: i + len(words)}, Text: words, Value: value}
}

// handDoc is a small comparison built by hand, not by the engine (whose
// output changes as it is rewritten): two articles of one outlet, morning
// and evening, and one whose outlet the text does not give; findings of
// three kinds; a review with a verdict of each sort and one verdict whose
// finding is gone.
func handDoc(t testing.TB) Doc {
	t.Helper()
	am := handArticle("wire-0900", "Wire", "Blast kills seven at market", "Ana Ruiz",
		loader.Dateline{Time: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), HasTime: true, HasZone: true}, "https://wire.example/blast",
		"Seven people were killed in the market blast on Monday, officials said.",
		"The mayor said: \"we will rebuild the market by spring\".")
	pm := handArticle("wire-1800", "Wire", "Toll rises to nine after market blast", "Ana Ruiz",
		loader.Dateline{Time: time.Date(2026, 3, 2, 18, 0, 0, 0, time.UTC), HasTime: true, HasZone: true}, "https://wire.example/blast-update",
		"Nine people were killed in the market blast on Monday, officials said.",
		"Rescue teams searched the rubble overnight.")
	courier := handArticle("5f3a9c2e81b4d7a0", "", "", "", loader.Dateline{}, "",
		"Twelve people were killed in the market blast on Monday, police said.",
		"The mayor said: \"we will rebuild the market soon\".")
	arts := []*loader.Article{am, pm, courier}
	quote := compare.Discrepancy{ID: "d3", Kind: compare.KindQuote, Topic: "t2", Severity: compare.SeverityMedium,
		Summary: "quote of the mayor worded differently: \"by spring\" → \"soon\"",
		Claims: []compare.Claim{handClaim(am, 1, "we will rebuild the market by spring", "the mayor: \"we will rebuild the market by spring\""),
			handClaim(courier, 1, "we will rebuild the market soon", "the mayor: \"we will rebuild the market soon\"")},
		Why:  "the same speaker's words differ inside",
		Diff: []compare.DiffOp{{Op: compare.OpEqual, Text: "we will rebuild the market"}, {Op: compare.OpDelete, Text: "by spring"}, {Op: compare.OpInsert, Text: "soon"}}}
	r := &compare.Result{
		Sources: []string{am.ID, pm.ID, courier.ID},
		Topics: []compare.Topic{
			{ID: "t1", Label: "killed: market, blast", Members: []compare.Ref{{Source: am.ID}, {Source: pm.ID}, {Source: courier.ID}}},
			{ID: "t2", Label: "rebuild: mayor, market", Members: []compare.Ref{{Source: am.ID, Paragraph: 1}, {Source: courier.ID, Paragraph: 1}}},
		},
		Discrepancies: []compare.Discrepancy{
			{ID: "d1", Kind: compare.KindNumber, Topic: "t1", Severity: compare.SeverityHigh, Summary: "people killed: 7 (wire-0900) or 12 (5f3a9c2e81b4d7a0)",
				Claims: []compare.Claim{handClaim(am, 0, "Seven people were killed", "7 killed"), handClaim(courier, 0, "Twelve people were killed", "12 killed")},
				Why:    "the same outcome of the same people, counted differently"},
			{ID: "d2", Kind: compare.KindNumber, Topic: "t1", Severity: compare.SeverityHigh, Summary: "people killed: 9 (wire-1800) or 12 (5f3a9c2e81b4d7a0)",
				Claims: []compare.Claim{handClaim(pm, 0, "Nine people were killed", "9 killed"), handClaim(courier, 0, "Twelve people were killed", "12 killed")},
				Why:    "the same outcome of the same people, counted differently"},
			quote,
		},
		Unique: []compare.Unique{{Span: handClaim(pm, 1, "searched the rubble overnight", "").Span, Text: "searched the rubble overnight", Value: "searched the rubble", Topic: ""}},
		Reconciled: []compare.Reconciled{{Claims: []compare.Claim{handClaim(am, 0, "on Monday", "Monday"), handClaim(courier, 0, "on Monday", "Monday")},
			Reason: "the same day"}},
		Facts: []compare.Fact{
			{ID: "f1", Kind: compare.FactEntity, Span: handClaim(am, 0, "market blast", "").Span, Text: "market blast", Value: "market blast"},
			{ID: "f2", Kind: compare.FactEntity, Span: handClaim(pm, 0, "market blast", "").Span, Text: "market blast", Value: "market blast"},
			{ID: "f3", Kind: compare.FactEntity, Span: handClaim(courier, 0, "market blast", "").Span, Text: "market blast", Value: "market blast"},
		},
		// The two wire stories are one origin.
		Agreements: []compare.Agreement{{Value: "market blast", Facts: []string{"f1", "f2", "f3"}, Sources: []string{am.ID, pm.ID, courier.ID}, Origins: 2}},
		Copies:     [][]string{{am.ID, pm.ID}},
	}
	store, err := review.OpenFile(filepath.Join(t.TempDir(), "review.json"), review.SourcesOf(arts))
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 3, 3, 10, 0, 0, 0, time.UTC)
	// A verdict on a finding this result no longer makes: an orphan.
	gone := compare.Discrepancy{ID: "d4", Kind: compare.KindTime, Summary: "when the blast happened: 9:10 or 9:40",
		Claims: []compare.Claim{handClaim(am, 0, "on Monday", ""), handClaim(pm, 0, "on Monday", "")}}
	store.Set(gone, review.Dismissed, "both are Monday morning; the minutes do not matter", at)
	store.Attach(r)
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(store.SetVerdict(r.Discrepancies[0], review.Verdict{Status: review.Confirmed, Right: courier.ID,
		Note: "the police list has twelve names", Evidence: "https://police.example/list"}, at))
	must(store.SetVerdict(r.Discrepancies[1], review.Verdict{Status: review.Dismissed, Right: review.Unresolved,
		Note: "the evening toll may be the later count"}, at))
	return Doc{Generator: "parallax test", Articles: arts, Result: r, Review: store}
}

// Which source is right, the note and the evidence are in every export.
func TestVerdictFieldsInEveryExport(t *testing.T) {
	d := handDoc(t)
	outs := map[string]string{}
	for _, f := range append(Formats, "report") {
		var b strings.Builder
		var err error
		if f == "report" {
			err = Report(&b, d, ReportOptions{})
		} else {
			err = Write(&b, f, d)
		}
		if err != nil {
			t.Fatal(err)
		}
		outs[f] = b.String()
	}
	for f, out := range outs {
		for _, want := range []string{"the police list has twelve names", "the evening toll may be the later count",
			"police.example/list", "unresolved", "both are Monday morning; the minutes do not matter"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s export lacks %q", f, want)
			}
		}
	}
	if !strings.Contains(outs["json"], `"right": "5f3a9c2e81b4d7a0"`) || !strings.Contains(outs["json"], `"evidence": "https://police.example/list"`) ||
		!strings.Contains(outs["json"], `"right": "unresolved"`) {
		t.Error("JSON lacks right or evidence")
	}
	if !strings.Contains(outs["html"], `<a href="https://police.example/list" rel="noreferrer">`) {
		t.Error("HTML: the evidence is not a link")
	}
	if !strings.Contains(outs["md"], "evidence: <https://police.example/list>") {
		t.Error("Markdown: the evidence is not a link")
	}
	if !strings.Contains(outs["report"], "confirmed, right: “Twelve people were killed in…”") {
		t.Errorf("report: the source named right is not named as elsewhere:\n%s", outs["report"])
	}
}

// Every export names a source so that a person can tell it apart: two
// articles of one outlet by what differs between them, an article without
// outlet or title by its first words rather than its file's hash; and
// lists the sources in publication order, the undated last.
func TestSourcesToldApart(t *testing.T) {
	d := handDoc(t)
	v := newView(d)
	names := map[string]bool{}
	for _, s := range v.sources {
		if names[s.Name] {
			t.Errorf("two sources named %q", s.Name)
		}
		names[s.Name] = true
	}
	if v.byID["wire-0900"].Name != "Wire (Blast kills seven at market)" || v.byID["wire-1800"].Name != "Wire (Toll rises to nine after…)" {
		t.Errorf("one outlet's two articles: %q, %q", v.byID["wire-0900"].Name, v.byID["wire-1800"].Name)
	}
	if got := v.byID["5f3a9c2e81b4d7a0"].Name; got != "“Twelve people were killed in…”" {
		t.Errorf("a source known only by a hash is named %q", got)
	}
	if got := v.byID["wire-0900"].Label; got != "Wire · “Blast kills seven at market” · by Ana Ruiz · 2026-03-02T09:00:00Z · wire-0900" {
		t.Errorf("label %q", got)
	}
	for _, f := range append(Formats, "report") {
		var b strings.Builder
		if f == "report" {
			Report(&b, d, ReportOptions{})
		} else {
			Write(&b, f, d)
		}
		out := b.String()
		if f == "md" {
			out = strings.ReplaceAll(out, `\(`, "(")
			out = strings.ReplaceAll(out, `\)`, ")")
		}
		order := []string{"Blast kills seven at market)", "Toll rises to nine after…)", "“Twelve people were killed in…”"}
		at := 0
		tl := strings.Index(out, "Timeline")
		if f == "json" {
			tl = strings.Index(out, `"timeline"`)
			order = []string{`"wire-0900"`, `"wire-1800"`, `"5f3a9c2e81b4d7a0"`}
		}
		if tl < 0 {
			t.Errorf("%s: no timeline", f)
			continue
		}
		for _, want := range order {
			i := strings.Index(out[tl+at:], want)
			if i < 0 {
				t.Errorf("%s: the timeline does not list %s after the sources before it", f, want)
				break
			}
			at += i + len(want)
		}
		if f != "json" && strings.Contains(out, "5f3a9c2e81b4d7a0 ¶") {
			t.Errorf("%s names a claim's source by its hash", f)
		}
	}
	// The same outlet, title, date and byline: the number tells them apart.
	twin := func(id string) *viewSource {
		return &viewSource{ID: id, Outlet: "Wire", Title: "Blast", Author: "A", Published: "2026-03-02"}
	}
	srcs := []*viewSource{twin("a"), twin("b")}
	srcs[0].N, srcs[1].N = 1, 2
	nameSources(srcs)
	if srcs[0].Name == srcs[1].Name {
		t.Errorf("identical twins share the name %q", srcs[0].Name)
	}
}

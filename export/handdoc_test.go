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
// and evening, and one whose outlet the text does not give, and a fourth
// the reviewer left out; findings of three kinds; the fact table; a review
// with a verdict of each sort, one verdict whose finding is gone, a
// finding the reviewer recorded, one whose words are gone, and a topic
// fix.
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
	gazette := handArticle("gazette", "Gazette", "Market blast", "", loader.Dateline{}, "", "A blast hit the market on Monday.")
	arts := []*loader.Article{am, pm, courier, gazette}
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
			{ID: "f4", Kind: compare.FactQuantity, Span: handClaim(am, 0, "Seven people were killed", "").Span, Text: "Seven people were killed", Value: "7 people killed", Key: "killed|people", Label: "people killed", Topic: "t1"},
			{ID: "f5", Kind: compare.FactQuantity, Span: handClaim(pm, 0, "Nine people were killed", "").Span, Text: "Nine people were killed", Value: "9 people killed", Key: "killed|people", Label: "people killed", Topic: "t1"},
			{ID: "f6", Kind: compare.FactQuantity, Span: handClaim(courier, 0, "Twelve people were killed", "").Span, Text: "Twelve people were killed", Value: "12 people killed", Key: "killed|people", Label: "people killed", Topic: "t1"},
			{ID: "f7", Kind: compare.FactTime, Span: handClaim(am, 0, "on Monday", "").Span, Text: "on Monday", Value: "2026-03-02", Key: "when|blast", Label: "when the blast happened", Topic: "t1"},
			{ID: "f8", Kind: compare.FactTime, Span: handClaim(courier, 0, "on Monday", "").Span, Text: "on Monday", Value: "2026-03-02", Key: "when|blast", Label: "when the blast happened", Topic: "t1"},
			{ID: "f9", Kind: compare.FactQuantity, Span: handClaim(pm, 1, "Rescue teams", "").Span, Text: "Rescue teams", Value: "rescue teams searched", Key: "searched|rescue", Label: "who searched the rubble"},
		},
		// A row per key: the toll (set against each other by d1 and d2),
		// the day (alike), who searched (one source).
		Table: []compare.Row{
			{Key: "killed|people", Label: "people killed", Disagree: true, Cells: []compare.Cell{{Source: am.ID, Value: "7 people killed", Facts: []string{"f4"}},
				{Source: pm.ID, Value: "9 people killed", Facts: []string{"f5"}}, {Source: courier.ID, Value: "12 people killed", Facts: []string{"f6"}}}},
			{Key: "when|blast", Label: "when the blast happened", Cells: []compare.Cell{{Source: am.ID, Value: "2026-03-02", Facts: []string{"f7"}},
				{Source: courier.ID, Value: "2026-03-02", Facts: []string{"f8"}}}},
			{Key: "searched|rescue", Label: "who searched the rubble", Cells: []compare.Cell{{Source: pm.ID, Value: "rescue teams searched", Facts: []string{"f9"}}}},
		},
		Excluded: []string{gazette.ID},
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
	// What the reviewer did by hand: a finding the engine missed (who the
	// toll is credited to), one on words since gone from an article, a
	// paragraph moved into a topic, the gazette left out.
	_, err = store.AddFinding(compare.KindAttribution, []compare.Span{handClaim(am, 0, "officials said", "").Span, handClaim(courier, 0, "police said", "").Span},
		"the wire credits officials, the courier the police", arts, at)
	must(err)
	before := handArticle("wire-1800", "Wire", "", "", loader.Dateline{}, "", "Eight bodies were recovered by noon.")
	_, err = store.AddFinding(compare.KindNumber, []compare.Span{handClaim(before, 0, "Eight bodies", "").Span, handClaim(courier, 0, "Twelve people", "").Span},
		"", []*loader.Article{before, courier}, at.Add(time.Minute))
	must(err)
	_, err = store.AddFix(review.FixMove, "moved ¶1 of Wire (Toll rises to nine…) to t1", []compare.Pin{{Kind: compare.PinTogether, A: compare.Ref{Source: pm.ID, Paragraph: 1},
		B: compare.Ref{Source: am.ID}}}, arts, at)
	must(err)
	_, err = store.AddFix(review.FixExclude, "left Gazette out of the comparison", []compare.Pin{{Kind: compare.PinExclude, Source: gazette.ID}}, arts, at.Add(time.Minute))
	must(err)
	return Doc{Generator: "parallax test", Articles: arts, Result: r, Review: store}
}

// Which source is right, the note and the evidence are in every export.
func TestVerdictFieldsInEveryExport(t *testing.T) {
	d := handDoc(t)
	outs := everyExport(t, d)
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
	for f, out := range everyExport(t, d) {
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

// A source the engine thinks reports another event is said so in every
// export, with the reason cleaned of anything a terminal or a page would
// read as a command or markup.
func TestOffEventInEveryExport(t *testing.T) {
	d := handDoc(t)
	d.Result.OffEvent = []compare.OffEvent{{Source: "5f3a9c2e81b4d7a0", Reason: "may not be about the same event: <b>10%</b>\x1b[31m of its paragraphs"}}
	for f, out := range everyExport(t, d) {
		if !strings.Contains(out, "5f3a9c2e81b4d7a0") || !strings.Contains(out, "same event") {
			t.Errorf("%s: no word of the source that may report another event", f)
		}
		if strings.Contains(out, "\x1b") || (f == "html" || f == "md") && strings.Contains(out, "<b>10%") {
			t.Errorf("%s: the reason reaches the output raw", f)
		}
	}
}

// everyExport renders d in every format and as the report, by format.
func everyExport(t *testing.T, d Doc) map[string]string {
	t.Helper()
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
			t.Fatalf("%s: %v", f, err)
		}
		outs[f] = b.String()
	}
	return outs
}

package export

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
	"github.com/parallax-news/parallax/review"
)

// fuzzDoc builds a comparison from fuzzed strings and a seed: up to three
// articles whose ids, names, titles, bylines, URLs and paragraphs are
// pieces of the strings (unsanitised, as a Doc built by hand may hold), and
// a result whose topics, findings, claims (with offsets in and out of
// range, on and off character boundaries), differences, unique facts and
// agreements point anywhere; and, for some seeds, a review with a verdict
// and an orphan. dir holds the review file (never written).
func fuzzDoc(t *testing.T, dir string, seed uint64, text, meta, note, url string) (Doc, []string) {
	rng := rand.New(rand.NewPCG(seed, seed>>32))
	piece := func(s string) string {
		if s == "" {
			return ""
		}
		i, j := rng.IntN(len(s)+1), rng.IntN(len(s)+1)
		return s[min(i, j):max(i, j)]
	}
	pick := func(xs ...string) string { return xs[rng.IntN(len(xs))] }
	n := 1 + rng.IntN(3)
	var arts []*loader.Article
	var links []string
	for i := range n {
		a := &loader.Article{ID: fmt.Sprintf("s%d%s", i, piece(meta)), Path: piece(meta), Source: pick("", "Wire", piece(meta)),
			Title: piece(meta), Author: piece(meta), URL: pick("", url, piece(meta), "https://ok.example/"+piece(meta)),
			Format: loader.Format(piece(meta))}
		if rng.IntN(2) == 0 {
			a.Published = loader.Dateline{Time: time.Unix(int64(rng.IntN(2e9)), 0).UTC(), HasTime: rng.IntN(2) == 0, HasZone: true}
		}
		for p := range 1 + rng.IntN(3) {
			a.Paragraphs = append(a.Paragraphs, loader.Paragraph{Index: p, Kind: loader.Kind(pick("body", "caption", "title", piece(meta))), Text: piece(text)})
		}
		if u := line(a.URL); linkable(u) { // the exports link the URL as cleaned
			links = append(links, u)
		}
		arts = append(arts, a)
	}
	claim := func() compare.Claim {
		a := arts[rng.IntN(len(arts))]
		p := rng.IntN(len(a.Paragraphs)+2) - 1
		l := 0
		if p >= 0 && p < len(a.Paragraphs) {
			l = len(a.Paragraphs[p].Text)
		}
		s, e := rng.IntN(l+3)-1, rng.IntN(l+3)-1
		c := compare.Claim{Span: compare.Span{Source: pick(a.ID, piece(meta)), Paragraph: p, Start: min(s, e), End: max(s, e)}, Text: piece(text), Value: piece(text)}
		if rng.IntN(3) > 0 && p >= 0 && p < len(a.Paragraphs) && c.Start >= 0 && c.End <= l {
			c.Text = a.Paragraphs[p].Text[c.Start:c.End] // as the engine makes them, but perhaps off a boundary
		}
		return c
	}
	r := &compare.Result{}
	for _, a := range arts {
		r.Sources = append(r.Sources, a.ID)
	}
	for i := range rng.IntN(3) {
		tp := compare.Topic{ID: fmt.Sprintf("t%d%s", i, piece(meta)), Label: piece(text)}
		for range rng.IntN(4) {
			c := claim()
			tp.Members = append(tp.Members, compare.Ref{Source: c.Source, Paragraph: c.Paragraph})
		}
		r.Topics = append(r.Topics, tp)
	}
	for i := range rng.IntN(4) {
		d := compare.Discrepancy{ID: pick(fmt.Sprintf("d%d", i), piece(meta)), Kind: compare.Kind(pick("number", "quote", piece(meta))),
			Severity: compare.Severity(pick("high", "low", piece(meta))), Summary: piece(text), Why: piece(text)}
		if len(r.Topics) > 0 {
			d.Topic = r.Topics[rng.IntN(len(r.Topics))].ID
		}
		for range rng.IntN(4) {
			d.Claims = append(d.Claims, claim())
		}
		for range rng.IntN(3) {
			d.Diff = append(d.Diff, compare.DiffOp{Op: compare.Op(pick("equal", "delete", "insert", piece(meta))), Text: piece(text)})
		}
		r.Discrepancies = append(r.Discrepancies, d)
	}
	for range rng.IntN(3) {
		c := claim()
		r.Unique = append(r.Unique, compare.Unique{Span: c.Span, Text: c.Text, Value: c.Value, Topic: piece(meta)})
		r.Reconciled = append(r.Reconciled, compare.Reconciled{Claims: []compare.Claim{c, claim()}, Reason: piece(text)})
		r.Facts = append(r.Facts, compare.Fact{ID: "f" + piece(meta), Span: c.Span, Text: c.Text, Value: c.Value})
	}
	if len(r.Facts) > 0 {
		r.Agreements = []compare.Agreement{{Value: piece(text), Facts: []string{r.Facts[0].ID}, Sources: []string{piece(meta)}, Origins: rng.IntN(3)}}
		r.Copies = [][]string{{piece(meta)}}
		row := compare.Row{Key: piece(meta), Label: piece(text), Disagree: rng.IntN(2) == 0}
		for _, f := range r.Facts {
			row.Cells = append(row.Cells, compare.Cell{Source: pick(f.Span.Source, piece(meta)), Value: piece(text), Facts: []string{f.ID, piece(meta)}})
		}
		r.Table = append(r.Table, row)
	}
	if rng.IntN(3) == 0 {
		r.Excluded = []string{piece(meta)}
	}
	d := Doc{Generator: piece(meta), Articles: arts, Result: r}
	if rng.IntN(2) == 0 {
		store, err := review.OpenFile(filepath.Join(dir, "review.json"), review.SourcesOf(arts))
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Discrepancies) > 0 {
			disc := r.Discrepancies[0]
			right := ""
			if len(disc.Claims) > 0 {
				right = disc.Claims[0].Source
			}
			if store.SetVerdict(disc, review.Verdict{Status: review.Confirmed, Right: right, Note: note, Evidence: url}, time.Unix(0, 0)) == nil && linkable(url) {
				links = append(links, url)
			}
		}
		store.Set(compare.Discrepancy{ID: piece(meta), Kind: "time", Summary: piece(text), Claims: []compare.Claim{claim()}}, review.Dismissed, note, time.Unix(1, 0))
		// A finding of the reviewer's and a topic fix, on random spans
		// and paragraphs (refused when they do not fit: no matter).
		store.AddFinding(review.Kinds[rng.IntN(len(review.Kinds))], []compare.Span{claim().Span, claim().Span}, note, arts, time.Unix(2, 0))
		c1, c2 := claim(), claim()
		store.AddFix(review.FixMove, note+piece(meta), []compare.Pin{{Kind: compare.PinTogether, A: compare.Ref{Source: c1.Source, Paragraph: c1.Paragraph},
			B: compare.Ref{Source: c2.Source, Paragraph: c2.Paragraph}}}, arts, time.Unix(3, 0))
		d.Review = store
	}
	return d, links
}

func addFuzzSeeds(f *testing.F) {
	f.Add(uint64(1), "Seven people were killed in the blast on Monday, officials said.", "Wire", "checked", "https://e.example/x")
	f.Add(uint64(2), hostile, hostile, hostile, "javascript:alert(1)")
	f.Add(uint64(3), "é\u202e\x1b[2J\xff\xfe 12 killed", "a`b\n# h", "\x00note", "data:text/html,x")
	f.Add(uint64(4), "", "", "", "")
}

func FuzzJSON(f *testing.F) {
	addFuzzSeeds(f)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, seed uint64, text, meta, note, url string) {
		d, _ := fuzzDoc(t, dir, seed, text, meta, note, url)
		var b bytes.Buffer
		if err := JSON(&b, d); err != nil {
			t.Fatal(err)
		}
		checkJSON(t, b.Bytes())
		checkAsEncoded(t, "fuzzed", d)
	})
}

func FuzzMarkdown(f *testing.F) {
	addFuzzSeeds(f)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, seed uint64, text, meta, note, url string) {
		d, links := fuzzDoc(t, dir, seed, text, meta, note, url)
		var b bytes.Buffer
		if err := Markdown(&b, d); err != nil {
			t.Fatal(err)
		}
		if i, bad := firstUnsafe(b.String()); bad {
			t.Fatalf("Markdown holds an unsafe character at %d", i)
		}
		checkMarkdownHTML(t, renderMarkdown(t, b.Bytes()), links)
	})
}

func FuzzHTML(f *testing.F) {
	addFuzzSeeds(f)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, seed uint64, text, meta, note, url string) {
		d, links := fuzzDoc(t, dir, seed, text, meta, note, url)
		var b bytes.Buffer
		if err := HTML(&b, d); err != nil {
			t.Fatal(err)
		}
		checkHTML(t, b.Bytes(), links)
	})
}

// sgr is the report's own colour sequences, the only escapes it may write.
var sgr = regexp.MustCompile(`\x1b\[[0-9;]*m`)

func FuzzReport(f *testing.F) {
	addFuzzSeeds(f)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, seed uint64, text, meta, note, url string) {
		d, _ := fuzzDoc(t, dir, seed, text, meta, note, url)
		for _, color := range []bool{false, true} {
			var b bytes.Buffer
			if err := Report(&b, d, ReportOptions{Color: color, Bundled: seed%2 == 0}); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			if color {
				out = sgr.ReplaceAllString(out, "")
			} else if strings.Contains(out, "\x1b") {
				t.Fatal("an escape sequence in a report without colour")
			}
			checkReportBytes(t, out)
		}
	})
}

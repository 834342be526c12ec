package export

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
	"github.com/parallax-news/parallax/seeds"
)

func TestJSONSeeds(t *testing.T) {
	names := seeds.Names()
	res, err := loader.Load(context.Background(), names, loader.Options{FS: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	r := compare.Compare(res.Articles)
	var a, b bytes.Buffer
	if err := JSON(&a, Doc{Generator: "parallax test", Articles: res.Articles, Result: r}); err != nil {
		t.Fatal(err)
	}
	JSON(&b, Doc{Generator: "parallax test", Articles: res.Articles, Result: compare.Compare(res.Articles)})
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("not byte-identical for the same input")
	}
	var doc jsonDoc
	if err := json.Unmarshal(a.Bytes(), &doc); err != nil {
		t.Fatalf("does not parse back: %v", err)
	}
	if doc.Version != 1 || len(doc.Sources) != len(names) || len(doc.Discrepancies) != len(r.Discrepancies) || len(doc.Topics) != len(r.Topics) {
		t.Fatalf("version %d, %d sources, %d discrepancies, %d topics", doc.Version, len(doc.Sources), len(doc.Discrepancies), len(doc.Topics))
	}
	paras := map[string][]jsonParagraph{}
	for _, s := range doc.Sources {
		paras[s.ID] = s.Paragraphs
	}
	check := func(what string, c compare.Span, text string) {
		p := paras[c.Source][c.Paragraph].Text
		if c.Start < 0 || c.End > len(p) || c.Start > c.End || p[c.Start:c.End] != text {
			t.Errorf("%s: text %q is not paragraph %s/%d [%d:%d]", what, text, c.Source, c.Paragraph, c.Start, c.End)
		}
	}
	for _, d := range doc.Discrepancies {
		if d.Review.Status != "open" {
			t.Errorf("%s: review %q", d.ID, d.Review.Status)
		}
		for _, c := range d.Claims {
			check(d.ID, c.Span, c.Text)
		}
	}
	for _, u := range doc.Unique {
		check("unique", u.Span, u.Text)
	}
	for _, a := range doc.Agreements {
		if a.Origins < 1 || a.Origins > len(a.Sources) {
			t.Errorf("agreement %q: %d origins for %d sources", a.Value, a.Origins, len(a.Sources))
		}
		for _, c := range a.Claims {
			check("agreement", c.Span, c.Text)
		}
	}
	for _, rc := range doc.Reconciled {
		for _, c := range rc.Claims {
			check("reconciled", c.Span, c.Text)
		}
	}
}

// The export is written in parts, most of it by hand (jsonstream.go,
// jsonwrite.go); its bytes must be the ones one json.Encoder with a
// two-space indent writes for the whole document, on the seeds (every field
// filled, hostile characters escaped), on the hand-built document of the
// golden file, and on fuzzed documents (FuzzJSON checks the same).
func TestJSONStreamedAsEncoded(t *testing.T) {
	names := seeds.Names()
	res, err := loader.Load(context.Background(), names, loader.Options{FS: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]Doc{
		"seeds": {Generator: "parallax test <&>", Articles: res.Articles, Result: compare.Compare(res.Articles)},
		"hand":  handDoc(t),
	}
	dir := t.TempDir()
	for seed := range uint64(50) {
		docs[fmt.Sprint("fuzz ", seed)], _ = fuzzDoc(t, dir, seed, hostile+" Seven people were killed on Monday.", hostile, "note\x00", "https://e.example/x")
	}
	for name, d := range docs {
		checkAsEncoded(t, name, d)
	}
}

func checkAsEncoded(t *testing.T, name string, d Doc) {
	t.Helper()
	var streamed bytes.Buffer
	if err := JSON(&streamed, d); err != nil {
		t.Fatal(err)
	}
	if whole := encodedJSON(t, d); !bytes.Equal(streamed.Bytes(), whole) {
		at := 0
		for at < min(len(whole), streamed.Len()) && whole[at] == streamed.Bytes()[at] {
			at++
		}
		t.Errorf("%s: the streamed export (%d bytes) differs from the encoder's (%d bytes) at byte %d:\n got %q\nwant %q", name, streamed.Len(), len(whole), at,
			streamed.Bytes()[at:min(at+80, streamed.Len())], whole[at:min(at+80, len(whole))])
	}
}

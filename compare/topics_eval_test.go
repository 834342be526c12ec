package compare

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/loader"
)

// On every news-dev event: no paragraph, and so no quotation, is in more
// than two topics; and every member of a topic of two sources or more is
// tied to it by a link at the shipped threshold to another of its members,
// so that no paragraph joins a topic only to raise the share of paragraphs
// in topics of several sources (issue 11's grouping lines).
func TestTopicsTiedByLinks(t *testing.T) {
	dirs, _ := filepath.Glob("../../shared/eval/news-dev/*")
	if len(dirs) == 0 {
		t.Skip("../shared/eval/news-dev not found")
	}
	threshold := shippedModel().Threshold
	events := 0
	for _, dir := range dirs {
		paths := []string{filepath.Join(dir, "fox.txt"), filepath.Join(dir, "huffpost.txt"), filepath.Join(dir, "nyt.txt")}
		if _, err := os.Stat(paths[0]); err != nil {
			continue
		}
		res, err := loader.Load(context.Background(), paths, loader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		events++
		r := Compare(res.Articles)
		in := map[Ref]int{}
		for _, tp := range r.Topics {
			tied := map[Ref]bool{}
			for _, l := range tp.Links {
				if l.Score >= threshold {
					tied[l.A], tied[l.B] = true, true
				}
			}
			for _, m := range tp.Members {
				in[m]++
				if !tp.Own && len(tp.Sources) >= 2 && !tied[m] {
					t.Errorf("%s: %s ¶%d is in topic %q of %d sources with no link at %.4f to another member", filepath.Base(dir), m.Source, m.Paragraph, tp.Label, len(tp.Sources), threshold)
				}
			}
		}
		for m, n := range in {
			if n > 2 {
				t.Errorf("%s: %s ¶%d is in %d topics, more than two", filepath.Base(dir), m.Source, m.Paragraph, n)
			}
		}
	}
	if events < 20 {
		t.Fatalf("read %d news-dev events, want the 24", events)
	}
}

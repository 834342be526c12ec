package compare

import (
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/loader"
)

// fuzzWatchdog is how long one comparison of two small fuzzed articles may
// run before it counts as a hang. Real ones take milliseconds; the limit is
// generous so that a slow machine under -race does not fail, while a loop
// that never ends (an unclosed bracket once made one) still does.
const fuzzWatchdog = 20 * time.Second

// FuzzCompare compares arbitrary text with a real article and with itself
// changed: the engine must return, never panic, and keep its own invariants
// (claims point inside their source's sentences, findings name two sources
// or more).
func FuzzCompare(f *testing.F) {
	for _, s := range []string{
		"Seven people were killed in the earthquake on Saturday, officials said.",
		`"We will (not) stop," he said. "Never [again," she said (RFC 2119`,
		"(((((", "[[[[", "… ... …", "\"\"\"\"", "5,000,000,000,000,000,000 dollars 52-48 230-195 one in four",
		"He was charged on Monday. She was not charged. They are expected to be charged next week.",
		"Sen. John Smith (R-Ohio) said on Fox News: \"This is it.\"",
	} {
		f.Add(s)
	}
	for _, a := range seedArticles(f) {
		var sb strings.Builder
		for _, p := range a.Paragraphs {
			sb.WriteString(p.Text + "\n\n")
		}
		f.Add(sb.String())
	}
	base := "Seven people were killed in the earthquake on Saturday, officials said.\n\n\"We will rebuild,\" the governor said on Sunday.\n"
	f.Fuzz(func(t *testing.T, text string) {
		arts, err := loader.Parse("a.txt", []byte(text), "", "")
		if err != nil || len(arts) == 0 {
			return
		}
		arts[0].ID = "a"
		done := make(chan *Result, 1)
		go func() {
			done <- Compare([]*loader.Article{arts[0], article("b", base), article("c", strings.ReplaceAll(base, "Seven", "Nine"))})
		}()
		var r *Result
		select {
		case r = <-done:
		case <-time.After(fuzzWatchdog):
			t.Fatalf("Compare does not return on %q", text)
		}
		checkResult(t, r, arts[0])
	})
}

// checkResult checks what any comparison must keep: every claim's span lies
// inside its source's paragraph and says the words it quotes; every finding
// sets two sources or more against each other.
func checkResult(t *testing.T, r *Result, arts ...*loader.Article) {
	t.Helper()
	byID := map[string]*loader.Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	for _, d := range r.Discrepancies {
		srcs := map[string]bool{}
		for _, c := range d.Claims {
			srcs[c.Source] = true
			a := byID[c.Source]
			if a == nil {
				continue
			}
			if c.Paragraph < 0 || c.Paragraph >= len(a.Paragraphs) {
				t.Fatalf("%s: claim in paragraph %d of %d", d.ID, c.Paragraph, len(a.Paragraphs))
			}
			p := a.Paragraphs[c.Paragraph].Text
			if c.Start < 0 || c.End > len(p) || c.Start > c.End {
				t.Fatalf("%s: claim span %d-%d outside paragraph of %d bytes", d.ID, c.Start, c.End, len(p))
			}
		}
		if len(srcs) < 2 && d.Kind != "" {
			t.Errorf("%s (%s): a finding of one source: %+v", d.ID, d.Kind, d.Claims)
		}
	}
}

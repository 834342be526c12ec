package loader

import (
	"testing"
	"unicode/utf8"
)

// assertInvariants checks what every loaded article must satisfy: indexes in
// order, text valid UTF-8 with no control characters, sentence spans inside
// their paragraph, in order, not overlapping, and trimmed.
func assertInvariants(t testing.TB, a *Article) {
	t.Helper()
	for _, s := range []string{a.ID, a.Source, a.Title, a.Author, a.URL} {
		checkClean(t, s)
	}
	for i, p := range a.Paragraphs {
		if p.Index != i {
			t.Fatalf("paragraph %d has Index %d", i, p.Index)
		}
		if p.Text == "" {
			t.Fatalf("paragraph %d is empty", i)
		}
		checkClean(t, p.Text)
		prev := 0
		for _, s := range p.Sentences {
			if s.Start < prev || s.End <= s.Start || s.End > len(p.Text) {
				t.Fatalf("paragraph %d: bad sentence span %v (text length %d, previous end %d)", i, s, len(p.Text), prev)
			}
			if !utf8.ValidString(p.Text[s.Start:s.End]) {
				t.Fatalf("paragraph %d: sentence %v cuts a character", i, s)
			}
			prev = s.End
		}
	}
}

func checkClean(t testing.TB, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("invalid UTF-8: %q", s)
	}
	for _, r := range s {
		if r < 0x20 || r >= 0x7f && r <= 0x9f || isBidiControl(r) {
			t.Fatalf("control character %U in %q", r, s)
		}
	}
}

package review

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// safe says whether a string may be shown: no control character but none,
// no escape, no bidi override, valid UTF-8.
func safe(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r >= 0x7f && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			return false
		}
	}
	return true
}

func checkEntry(t *testing.T, e Entry) {
	t.Helper()
	for _, s := range append([]string{e.ID, e.Summary, string(e.Status), e.Right, e.Note, e.Evidence, string(e.Kind)}, e.Stale...) {
		if !safe(s) {
			t.Fatalf("entry string %q is not safe to show", s)
		}
	}
	for _, c := range e.Claims {
		if !safe(c.Source) || !safe(c.Words) {
			t.Fatalf("orphan claim %+v is not safe to show", c)
		}
	}
	if e.Evidence != "" {
		if _, err := CleanEvidence(e.Evidence); err != nil {
			t.Fatalf("evidence %q passed: %v", e.Evidence, err)
		}
	}
	switch e.Status {
	case Open, Confirmed, Dismissed:
	default:
		t.Fatalf("status %q", e.Status)
	}
}

// Any bytes as a review file: Load never panics; a file it accepts gives
// only safe strings and valid links, takes a new verdict, saves, and opens
// again with every verdict it had.
func FuzzLoad(f *testing.F) {
	st := newStory()
	dir := f.TempDir()
	good := filepath.Join(dir, "seed.json")
	s, _ := OpenFile(good, SourcesOf(st.sources()))
	s.Attach(st.res)
	s.SetVerdict(st.res.Discrepancies[0], Verdict{Status: Confirmed, Right: "courier", Note: "n", Evidence: "https://e.example/"}, t0)
	s.Set(finding("d9", "time", claim(st.a, 0, "Monday")), Dismissed, "orphan", t0)
	s.Save()
	seed, _ := os.ReadFile(good)
	f.Add(seed)
	f.Add([]byte(`{"version":1,"key":"k","articles":["wire"],"entries":{"x":{"id":"d1","status":"confirmed","note":"a\u001b]52;c;eA==\u0007"}}}`))
	f.Add([]byte(`{"version":2,"verdicts":[{"id":"v","status":"open","right":"\u202e","evidence":"javascript:x","anchor":{"kind":"number","claims":[{"source":"\n","words":"\u0000"}]}}]}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`[]`))
	path := filepath.Join(dir, "r.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		os.Remove(path)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := OpenFile(path, SourcesOf(st.sources()))
		if err != nil {
			if s != nil {
				t.Fatal("an error and a store")
			}
			if b, _ := os.ReadFile(path); string(b) != string(data) {
				t.Fatal("a refused file was changed")
			}
			return
		}
		s.Attach(st.res)
		for _, d := range st.res.Discrepancies {
			checkEntry(t, s.Get(d))
		}
		orphans := s.Orphans()
		for _, e := range orphans {
			checkEntry(t, e)
		}
		for _, w := range s.Warnings() {
			if !safe(w) {
				t.Fatalf("warning %q", w)
			}
		}
		for _, c := range s.Changes() {
			if !safe(c.Source) {
				t.Fatalf("change %+v", c)
			}
		}
		before := s.Len()
		s.Set(st.res.Discrepancies[1], Dismissed, "fuzz", t0)
		if err := s.Save(); err != nil {
			if strings.Contains(err.Error(), "read-only") {
				return
			}
			t.Fatalf("a file that loads does not save: %v", err)
		}
		again, err := OpenFile(path, SourcesOf(st.sources()))
		if err != nil {
			t.Fatalf("a saved review does not open: %v", err)
		}
		again.Attach(st.res)
		if got := again.Len(); got < before {
			t.Fatalf("%d verdicts before the save, %d after", before, got)
		}
		if len(again.Orphans()) < len(orphans)-1 { // the new verdict may take an orphan's finding
			t.Fatalf("%d orphans before the save, %d after", len(orphans), len(again.Orphans()))
		}
	})
}

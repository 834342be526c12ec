package review

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
)

// span is the span of words in paragraph p of a.
func span(a *loader.Article, p int, words string) compare.Span {
	return claim(a, p, words).Span
}

// ownStory is two articles of three paragraphs on which the engine found
// nothing: the reviewer records what it missed.
func ownStory() (*loader.Article, *loader.Article) {
	a := article("wire", "The storm reached the coast on Monday night.", "Three fishing boats were lost off the cape, the coast guard said.", "Power came back by noon.")
	b := article("courier", "The storm came ashore on Monday.", "Five boats sank near the cape, according to harbour officials.", "Schools will reopen on Thursday.")
	return a, b
}

// A finding recorded by hand is saved with the review, placed again on
// reopening by its words (not its offsets), carries its verdict, and is
// told apart from the engine's.
func TestOwnFindingRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.json")
	a, b := ownStory()
	s := open(t, path, a, b)
	engine := &compare.Result{Sources: []string{"courier", "wire"},
		Topics:        []compare.Topic{{ID: "t1", Label: "boats", Members: []compare.Ref{{Source: "wire", Paragraph: 1}, {Source: "courier", Paragraph: 1}}}},
		Discrepancies: []compare.Discrepancy{finding("d1", compare.KindTime, claim(a, 0, "Monday night"), claim(b, 0, "Monday"))}}
	id, err := s.AddFinding(compare.KindNumber, []compare.Span{span(a, 1, "Three fishing boats were lost"), span(b, 1, "Five boats sank")},
		"three boats or five\x1b[2J", []*loader.Article{a, b}, t0)
	if err != nil {
		t.Fatal(err)
	}
	r := s.Apply(engine, []*loader.Article{a, b})
	if len(engine.Discrepancies) != 1 {
		t.Fatalf("Apply changed the engine's result: %d findings", len(engine.Discrepancies))
	}
	if len(r.Discrepancies) != 2 {
		t.Fatalf("%d findings after Apply, want the engine's and the reviewer's", len(r.Discrepancies))
	}
	own := r.Discrepancies[1]
	if own.ID != "r1" || own.Kind != compare.KindNumber || own.Topic != "t1" || own.Summary != "three boats or five" {
		t.Errorf("own finding %+v", own)
	}
	for _, c := range own.Claims {
		if got := textOf(t, []*loader.Article{a, b}, c.Span); got != c.Text {
			t.Errorf("claim %+v: its span holds %q", c, got)
		}
	}
	if _, ok := s.IsOwn(own); !ok {
		t.Error("IsOwn does not know the reviewer's finding")
	}
	if _, ok := s.IsOwn(r.Discrepancies[0]); ok {
		t.Error("IsOwn takes the engine's finding for the reviewer's")
	}
	if err := s.SetVerdict(own, Verdict{Status: Confirmed, Right: "courier", Note: "the harbour log says five"}, t0); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s)

	var f File
	data, _ := os.ReadFile(path)
	if err := json.Unmarshal(data, &f); err != nil || len(f.Findings) != 1 || f.Findings[0].ID != id {
		t.Fatalf("the file holds %+v (%v)", f.Findings, err)
	}

	// Reopened, with a paragraph inserted above the claim in one article
	// and another paragraph of the other edited: the same finding, in the
	// same words, with its verdict.
	a2 := article("wire", "The storm reached the coast on Monday night.", "Waves of six metres were recorded.", "Three fishing boats were lost off the cape, the coast guard said.", "Power came back by noon.")
	b2 := article("courier", "The storm came ashore late on Monday.", "Five boats sank near the cape, according to harbour officials.", "Schools will reopen on Thursday.")
	s2 := open(t, path, a2, b2)
	engine2 := &compare.Result{Sources: []string{"courier", "wire"}}
	r2 := s2.Apply(engine2, []*loader.Article{a2, b2})
	if len(r2.Discrepancies) != 1 {
		t.Fatalf("reopened: %d findings, want the reviewer's; own: %+v", len(r2.Discrepancies), s2.Own())
	}
	got := r2.Discrepancies[0]
	if got.Claims[0].Source != "courier" || got.Claims[0].Text != "Five boats sank" || got.Claims[1].Paragraph != 2 || got.Claims[1].Text != "Three fishing boats were lost" {
		t.Errorf("reopened claims %+v", got.Claims)
	}
	if e := s2.Get(got); e.Status != Confirmed || e.Right != "courier" || e.Note != "the harbour log says five" {
		t.Errorf("reopened verdict %+v", e)
	}
	if len(s2.Orphans()) != 0 {
		t.Errorf("orphans: %+v", s2.Orphans())
	}
}

func textOf(t *testing.T, arts []*loader.Article, sp compare.Span) string {
	t.Helper()
	for _, a := range arts {
		if a.ID == sp.Source {
			return a.Paragraphs[sp.Paragraph].Text[sp.Start:sp.End]
		}
	}
	t.Fatalf("no source %s", sp.Source)
	return ""
}

// Words edited around the claim, or with other punctuation, still place
// it; words that are gone leave it unplaced, listed with the reason, and
// it comes back with them.
func TestOwnFindingFollowsItsWords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.json")
	a, b := ownStory()
	s := open(t, path, a, b)
	if _, err := s.AddFinding(compare.KindNumber, []compare.Span{span(a, 1, "Three fishing boats were lost"), span(b, 1, "Five boats sank")}, "", []*loader.Article{a, b}, t0); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s)
	for _, c := range []struct {
		name   string
		wire   string
		placed bool
		want   string
	}{
		{"edited around", "Late on Monday, three fishing boats were lost? No: Three fishing boats were lost off the cape.", true, "Three fishing boats were lost"},
		{"other punctuation", "Three fishing-boats were lost off the cape.", false, ""},
		{"other spacing and marks", "“Three fishing boats — were lost,” the coast guard said.", true, "Three fishing boats — were lost"},
		{"gone", "Several boats were lost off the cape.", false, ""},
		{"back", "Three fishing boats were lost off the cape, the coast guard said.", true, "Three fishing boats were lost"},
	} {
		a2 := article("wire", "The storm reached the coast on Monday night.", c.wire, "Power came back by noon.")
		s2 := open(t, path, a2, b)
		r := s2.Apply(&compare.Result{Sources: []string{"courier", "wire"}}, []*loader.Article{a2, b})
		own := s2.Own()
		if len(own) != 1 {
			t.Fatalf("%s: %d findings listed, want 1 (never dropped)", c.name, len(own))
		}
		if placed := len(r.Discrepancies) == 1; placed != c.placed {
			t.Errorf("%s: placed %v, want %v (%+v)", c.name, placed, c.placed, own[0])
			continue
		}
		if !c.placed {
			if !strings.Contains(own[0].Problem, "no longer in wire") {
				t.Errorf("%s: problem %q", c.name, own[0].Problem)
			}
			continue
		}
		if got := r.Discrepancies[0].Claims[1].Text; got != c.want {
			t.Errorf("%s: placed on %q, want %q", c.name, got, c.want)
		}
	}
}

// What AddFinding refuses, and a finding taken back and given back.
func TestOwnFindingChecked(t *testing.T) {
	a, b := ownStory()
	arts := []*loader.Article{a, b}
	s := open(t, filepath.Join(t.TempDir(), "r.json"), a, b)
	good := []compare.Span{span(a, 1, "Three fishing boats"), span(b, 1, "Five boats")}
	for name, c := range map[string]struct {
		kind  compare.Kind
		spans []compare.Span
	}{
		"unknown kind":   {"rumour", good},
		"one source":     {compare.KindNumber, []compare.Span{span(a, 1, "Three"), span(a, 2, "noon")}},
		"out of range":   {compare.KindNumber, []compare.Span{good[0], {Source: "courier", Paragraph: 1, Start: 3, End: 400}}},
		"no such source": {compare.KindNumber, []compare.Span{good[0], {Source: "gazette", Paragraph: 0, Start: 0, End: 3}}},
		"only spaces":    {compare.KindNumber, []compare.Span{good[0], {Source: "courier", Paragraph: 1, Start: 4, End: 5}}},
	} {
		if _, err := s.AddFinding(c.kind, c.spans, "", arts, t0); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if s.Unsaved() {
		t.Error("a refused finding changed the review")
	}
	id, err := s.AddFinding(compare.KindNumber, good, "", arts, t0)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetFindingRemoved(id, true, t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if r := s.Apply(&compare.Result{Sources: []string{"courier", "wire"}}, arts); len(r.Discrepancies) != 0 || len(s.Own()) != 0 {
		t.Errorf("a finding taken back is still shown: %+v", r.Discrepancies)
	}
	s.SetFindingRemoved(id, false, t0.Add(2*time.Minute))
	if r := s.Apply(&compare.Result{Sources: []string{"courier", "wire"}}, arts); len(r.Discrepancies) != 1 {
		t.Errorf("a finding given back is not shown")
	}
}

// Two instances add findings and fixes and take one back: each keeps the
// other's, and one taken back stays taken back.
func TestTwoWritersMergeFindingsAndFixes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.json")
	a, b := ownStory()
	arts := []*loader.Article{a, b}
	one, two := open(t, path, a, b), open(t, path, a, b)
	id1, _ := one.AddFinding(compare.KindNumber, []compare.Span{span(a, 1, "Three fishing boats"), span(b, 1, "Five boats")}, "one", arts, t0)
	mustSave(t, one)
	two.AddFinding(compare.KindTime, []compare.Span{span(a, 0, "Monday night"), span(b, 0, "Monday")}, "two", arts, t0)
	two.AddFix(FixExclude, "courier left out", []compare.Pin{{Kind: compare.PinExclude, Source: "courier"}}, arts, t0)
	mustSave(t, two)
	one.SetFindingRemoved(id1, true, t0.Add(time.Minute))
	mustSave(t, one)
	mustSave(t, two) // nothing new: writes nothing
	final := open(t, path, a, b)
	final.Apply(&compare.Result{Sources: []string{"courier", "wire"}}, arts)
	own := final.Own()
	if len(own) != 1 || own[0].Note != "two" {
		t.Errorf("findings after the merge: %+v", own)
	}
	if fx := final.Fixes(arts); len(fx) != 1 || fx[0].Op != FixExclude || len(fx[0].Pins) != 1 || fx[0].Pins[0].Source != "courier" {
		t.Errorf("fixes after the merge: %+v", fx)
	}
	if err := one.Refresh(); err != nil {
		t.Fatal(err)
	}
	if fx := one.Fixes(arts); len(fx) != 1 {
		t.Errorf("the first instance does not see the second's fix after a refresh: %+v", fx)
	}
}

// A file from before findings and fixes (version 2 without them) reads as
// it did, and a file with a finding or fix parallax cannot fully read says
// so rather than fail.
func TestFindingsAndFixesFieldsOptional(t *testing.T) {
	dir := t.TempDir()
	a, b := ownStory()
	old := filepath.Join(dir, "old.json")
	os.WriteFile(old, []byte(`{"version":2,"key":"k","sources":[{"key":"/news/wire.txt","id":"wire","digest":""}],"verdicts":[]}`), 0o644)
	s := open(t, old, a, b)
	if len(s.Own()) != 0 || len(s.Fixes([]*loader.Article{a, b})) != 0 || len(s.Warnings()) != 0 {
		t.Errorf("an old file: own %v, warnings %v", s.Own(), s.Warnings())
	}
	odd := filepath.Join(dir, "odd.json")
	os.WriteFile(odd, []byte(`{"version":2,"key":"k","sources":[{"key":"/news/wire.txt","id":"wire","digest":""}],"verdicts":[],
	"findings":[{"id":"h1","kind":"rumour\u001b[31m","note":"n\u0007","claims":[],"created":"2026-11-01T12:00:00Z","updated":"2026-11-01T12:00:00Z"}],
	"fixes":[{"id":"p1","op":"move","says":"x","pins":[{"kind":"sideways"},{"kind":"apart"}],"created":"2026-11-01T12:00:00Z","updated":"2026-11-01T12:00:00Z"}]}`), 0o644)
	s = open(t, odd, a, b)
	w := strings.Join(s.Warnings(), "\n")
	for _, want := range []string{"unknown kind", "control characters removed", "cannot read"} {
		if !strings.Contains(w, want) {
			t.Errorf("warnings %q lack %q", w, want)
		}
	}
	if strings.ContainsAny(w, "\x1b\x07") {
		t.Errorf("a warning carries a control character: %q", w)
	}
}

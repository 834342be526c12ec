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

// article is a hand-made article of one paragraph per text.
func article(id string, texts ...string) *loader.Article {
	a := &loader.Article{ID: id, Path: filepath.Join("/news", id+".txt"), Source: id}
	for i, t := range texts {
		a.Paragraphs = append(a.Paragraphs, loader.Paragraph{Index: i, Kind: loader.KindBody, Text: t})
	}
	return a
}

// claim is the claim of words in paragraph p of a.
func claim(a *loader.Article, p int, words string) compare.Claim {
	text := a.Paragraphs[p].Text
	i := strings.Index(text, words)
	if i < 0 {
		panic(words + " not in " + text)
	}
	return compare.Claim{Span: compare.Span{Source: a.ID, Paragraph: p, Start: i, End: i + len(words)}, Text: words, Value: words}
}

func finding(id string, kind compare.Kind, claims ...compare.Claim) compare.Discrepancy {
	return compare.Discrepancy{ID: id, Kind: kind, Summary: id + " summary", Claims: claims, Severity: compare.SeverityHigh}
}

var t0 = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

// story is two articles and the engine's findings on them.
type story struct {
	a, b *loader.Article
	res  *compare.Result
}

func newStory() story {
	a := article("wire", "Seven people were killed in the blast on Monday, officials said.", "The governor said, \"we will rebuild the market by spring\".")
	b := article("courier", "Twelve people were killed in the blast on Monday, police said.", "The governor said, \"we will rebuild the market soon\".")
	res := &compare.Result{Sources: []string{"wire", "courier"}, Discrepancies: []compare.Discrepancy{
		finding("d1", compare.KindNumber, claim(a, 0, "Seven people were killed"), claim(b, 0, "Twelve people were killed")),
		finding("d2", compare.KindQuote, claim(a, 1, "we will rebuild the market by spring"), claim(b, 1, "we will rebuild the market soon")),
	}}
	return story{a, b, res}
}

func open(t *testing.T, path string, arts ...*loader.Article) *Store {
	t.Helper()
	s, err := OpenFile(path, SourcesOf(arts))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func mustSave(t *testing.T, s *Store) {
	t.Helper()
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
}

func TestSaveAndReopen(t *testing.T) {
	st := newStory()
	path := filepath.Join(t.TempDir(), "r.json")
	s := open(t, path, st.a, st.b)
	s.Attach(st.res)
	d1 := st.res.Discrepancies[0]
	if got := s.Get(d1).Status; got != Open {
		t.Fatalf("new review: status %q, want open", got)
	}
	if err := s.SetVerdict(d1, Verdict{Status: Confirmed, Right: "courier", Note: "the ministry's list has twelve names", Evidence: "https://example.org/list"}, t0); err != nil {
		t.Fatal(err)
	}
	if !s.Unsaved() {
		t.Error("a change is not pending")
	}
	mustSave(t, s)
	if s.Unsaved() || s.Err() != nil {
		t.Errorf("after a save: unsaved %v, err %v", s.Unsaved(), s.Err())
	}
	again := open(t, path, st.a, st.b)
	again.Attach(st.res)
	e := again.Get(d1)
	if e.Status != Confirmed || e.Right != "courier" || e.Note != "the ministry's list has twelve names" || e.Evidence != "https://example.org/list" {
		t.Fatalf("reopened: %+v", e)
	}
	if again.Get(st.res.Discrepancies[1]).Status != Open {
		t.Fatal("another finding took the verdict")
	}
	ents, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

func TestVerdictFieldsChecked(t *testing.T) {
	st := newStory()
	s := open(t, filepath.Join(t.TempDir(), "r.json"), st.a, st.b)
	d1 := st.res.Discrepancies[0]
	for _, bad := range []Verdict{
		{Status: Confirmed, Evidence: "javascript:alert(1)"},
		{Status: Confirmed, Evidence: "data:text/html,<script>x</script>"},
		{Status: Confirmed, Evidence: "https://exa mple.org/"},
		{Status: Confirmed, Evidence: "https://example.org/\u202e"},
		{Status: Confirmed, Evidence: "//example.org/x"},
		{Status: Confirmed, Right: "bbc"}, // not a source of d1
		{Status: "maybe"},
	} {
		if err := s.SetVerdict(d1, bad, t0); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
	if s.Len() != 0 || s.Unsaved() {
		t.Error("a refused verdict changed the review")
	}
	if err := s.SetVerdict(d1, Verdict{Status: Dismissed, Right: Unresolved, Evidence: " HTTP://example.org/a?b=c "}, t0); err != nil {
		t.Fatal(err)
	}
	if e := s.Get(d1); e.Right != Unresolved || e.Evidence != "HTTP://example.org/a?b=c" {
		t.Errorf("entry %+v", e)
	}
	// Set changes the status and the note and keeps the rest.
	s.Set(d1, Confirmed, "one", t0.Add(time.Second))
	if e := s.Get(d1); e.Status != Confirmed || e.Note != "one" || e.Right != Unresolved || e.Evidence == "" {
		t.Errorf("after Set: %+v", e)
	}
}

// Notes typed, pasted or read from a file keep no control character, escape
// sequence or bidi override.
func TestNotesCleaned(t *testing.T) {
	st := newStory()
	path := filepath.Join(t.TempDir(), "r.json")
	s := open(t, path, st.a, st.b)
	d1 := st.res.Discrepancies[0]
	s.Set(d1, Confirmed, "pasted \x1b]52;c;aGk=\x07note\u202e with\nbreak\x00", t0)
	if e := s.Get(d1); e.Note != "pasted note with break" {
		t.Errorf("typed note %q", e.Note)
	}
	mustSave(t, s)
	// A file written by someone else.
	data, _ := os.ReadFile(path)
	var f File
	json.Unmarshal(data, &f)
	f.Verdicts[0].Note = "evil \x1b[2J\u2066note\u2069\u009b31m"
	f.Verdicts[0].Evidence = "javascript:alert(document.cookie)"
	data, _ = json.Marshal(f)
	os.WriteFile(path, data, 0o644)
	again := open(t, path, st.a, st.b)
	e := again.Get(d1)
	if e.Note != "evil note" || e.Evidence != "" {
		t.Errorf("loaded note %q, evidence %q", e.Note, e.Evidence)
	}
	if w := again.Warnings(); len(w) != 2 || !strings.Contains(strings.Join(w, "\n"), "evidence link dropped") {
		t.Errorf("warnings %q", w)
	}
}

func (s story) sources() []*loader.Article { return []*loader.Article{s.a, s.b} }

package review

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
)

// The default review of a set of articles is the same file whatever the
// order they are given in, and an edit of one keeps it.
func TestLocateIgnoresOrderAndEdits(t *testing.T) {
	dir := t.TempDir()
	st := newStory()
	c := article("bbc", "Nine people died in the blast.")
	first, err := Locate(dir, SourcesOf([]*loader.Article{st.a, st.b, c}))
	if err != nil {
		t.Fatal(err)
	}
	for _, order := range [][]*loader.Article{{c, st.b, st.a}, {st.b, st.a, c}, {st.b, c, st.a}} {
		loc, _ := Locate(dir, SourcesOf(order))
		if loc.Path != first.Path {
			t.Errorf("order %s, %s, %s: %s, want %s", order[0].ID, order[1].ID, order[2].ID, loc.Path, first.Path)
		}
	}
	edited := article("bbc", "Nine people died in the blast, police said.")
	if loc, _ := Locate(dir, SourcesOf([]*loader.Article{st.a, st.b, edited})); loc.Path != first.Path {
		t.Errorf("an edit moved the review to %s", loc.Path)
	}
	if got := filepath.Base(first.Path); !strings.HasPrefix(got, "bbc_courier+1-") {
		t.Errorf("file name %q does not start with the sorted ids", got)
	}
	// Moved articles (other paths, the same text) find the review by text.
	s := open(t, first.Path, st.a, st.b, c)
	s.Set(st.res.Discrepancies[0], Confirmed, "", t0)
	mustSave(t, s)
	moved := func(a *loader.Article) *loader.Article {
		m := *a
		m.Path = filepath.Join("/elsewhere", a.ID+".txt")
		return &m
	}
	loc, _ := Locate(dir, SourcesOf([]*loader.Article{moved(c), moved(st.a), moved(st.b)}))
	if loc.Path != first.Path || !loc.Moved {
		t.Errorf("moved articles: %+v, want %s", loc, first.Path)
	}
	again := open(t, loc.Path, moved(st.a), moved(st.b), moved(c))
	res := *st.res
	if e := again.Get(res.Discrepancies[0]); e.Status != Confirmed {
		t.Errorf("moved articles lost the verdict: %+v", e)
	}
}

// Permuted inputs: the same verdicts on the same findings.
func TestPermutedInputsKeepVerdicts(t *testing.T) {
	dir := t.TempDir()
	st := newStory()
	loc, _ := Locate(dir, SourcesOf([]*loader.Article{st.a, st.b}))
	s := open(t, loc.Path, st.a, st.b)
	s.Attach(st.res)
	s.SetVerdict(st.res.Discrepancies[0], Verdict{Status: Confirmed, Right: "courier"}, t0)
	s.Set(st.res.Discrepancies[1], Dismissed, "a paraphrase", t0)
	mustSave(t, s)

	// The other order: sources swapped, claims in the other order, ids
	// given in the other order.
	loc2, _ := Locate(dir, SourcesOf([]*loader.Article{st.b, st.a}))
	s2 := open(t, loc2.Path, st.b, st.a)
	r2 := &compare.Result{Sources: []string{"courier", "wire"}, Discrepancies: []compare.Discrepancy{
		finding("d1", compare.KindQuote, st.res.Discrepancies[1].Claims[1], st.res.Discrepancies[1].Claims[0]),
		finding("d2", compare.KindNumber, st.res.Discrepancies[0].Claims[1], st.res.Discrepancies[0].Claims[0]),
	}}
	s2.Attach(r2)
	if e := s2.Get(r2.Discrepancies[1]); e.Status != Confirmed || e.Right != "courier" {
		t.Errorf("number finding: %+v", e)
	}
	if e := s2.Get(r2.Discrepancies[0]); e.Status != Dismissed || e.Note != "a paraphrase" {
		t.Errorf("quote finding: %+v", e)
	}
	if o := s2.Orphans(); len(o) != 0 {
		t.Errorf("orphans %+v", o)
	}
}

// A new engine: other ids, other spans around the same words, a third
// source joining, findings in another order. Every verdict stays.
func TestVerdictsSurviveEngineChange(t *testing.T) {
	st := newStory()
	c := article("bbc", "At least nine people were killed in the blast.", "No quote here.")
	path := filepath.Join(t.TempDir(), "r.json")
	s := open(t, path, st.a, st.b, c)
	s.Attach(st.res)
	s.Set(st.res.Discrepancies[0], Confirmed, "toll", t0)
	s.Set(st.res.Discrepancies[1], Dismissed, "quote", t0)
	mustSave(t, s)

	next := &compare.Result{Sources: []string{"wire", "courier", "bbc"}, Discrepancies: []compare.Discrepancy{
		finding("d7", compare.KindQuote, claim(st.a, 1, "we will rebuild the market by spring"), claim(st.b, 1, "we will rebuild the market soon")),
		finding("d3", compare.KindNumber, claim(st.a, 0, "Seven people were killed in the blast"), claim(st.b, 0, "Twelve people were killed in the blast"),
			claim(c, 0, "nine people were killed in the blast")),
		// A new finding the old engine did not make.
		finding("d4", compare.KindNumber, claim(st.a, 0, "on Monday"), claim(c, 0, "At least nine")),
	}}
	s2 := open(t, path, st.a, st.b, c)
	s2.Attach(next)
	if e := s2.Get(next.Discrepancies[1]); e.Status != Confirmed || e.Note != "toll" {
		t.Errorf("the toll verdict: %+v", e)
	}
	if e := s2.Get(next.Discrepancies[0]); e.Status != Dismissed || e.Note != "quote" {
		t.Errorf("the quote verdict: %+v", e)
	}
	if e := s2.Get(next.Discrepancies[2]); e.Status != Open {
		t.Errorf("a new finding took a verdict: %+v", e)
	}
	if o := s2.Orphans(); len(o) != 0 {
		t.Errorf("orphans %+v", o)
	}
}

// One article edited: the verdict on its words follows them, says that the
// article changed since, and the review says so too.
func TestVerdictsSurviveEdit(t *testing.T) {
	st := newStory()
	path := filepath.Join(t.TempDir(), "r.json")
	s := open(t, path, st.a, st.b)
	s.Attach(st.res)
	s.Set(st.res.Discrepancies[0], Confirmed, "toll", t0)
	s.Set(st.res.Discrepancies[1], Dismissed, "quote", t0)
	mustSave(t, s)

	// The wire corrects its toll and adds a sentence before it.
	a2 := article("wire", "Police cordoned off the square. Eight people were killed in the blast on Monday, officials said.", st.a.Paragraphs[1].Text)
	r2 := &compare.Result{Sources: []string{"wire", "courier"}, Discrepancies: []compare.Discrepancy{
		finding("d1", compare.KindNumber, claim(a2, 0, "Eight people were killed"), claim(st.b, 0, "Twelve people were killed")),
		finding("d2", compare.KindQuote, claim(a2, 1, "we will rebuild the market by spring"), claim(st.b, 1, "we will rebuild the market soon")),
	}}
	s2 := open(t, path, a2, st.b)
	if ch := s2.Changes(); len(ch) != 1 || ch[0] != (Change{Source: "wire", What: "edited"}) {
		t.Errorf("changes %+v", ch)
	}
	s2.Attach(r2)
	e := s2.Get(r2.Discrepancies[0])
	if e.Status != Confirmed || e.Note != "toll" {
		t.Fatalf("the toll verdict after the edit: %+v", e)
	}
	if len(e.Stale) != 1 || e.Stale[0] != "wire" {
		t.Errorf("stale %v, want [wire]", e.Stale)
	}
	if e := s2.Get(r2.Discrepancies[1]); e.Status != Dismissed || len(e.Stale) != 1 {
		t.Errorf("the quote verdict after the edit: %+v", e)
	}
	// Given again, the verdict is on the new text: no longer stale.
	s2.Set(r2.Discrepancies[0], Confirmed, "toll, corrected to eight", t0.Add(time.Hour))
	if e := s2.Get(r2.Discrepancies[0]); len(e.Stale) != 0 {
		t.Errorf("stale after a new verdict: %v", e.Stale)
	}
}

// A verdict whose finding is gone is kept and listed as an orphan, saved
// with the rest, and finds its finding again when it comes back.
func TestOrphansKept(t *testing.T) {
	st := newStory()
	path := filepath.Join(t.TempDir(), "r.json")
	s := open(t, path, st.a, st.b)
	s.Attach(st.res)
	s.SetVerdict(st.res.Discrepancies[1], Verdict{Status: Confirmed, Note: "misquoted", Right: "wire"}, t0)
	s.Set(st.res.Discrepancies[0], Dismissed, "", t0)
	s.Set(st.res.Discrepancies[0], Open, "", t0.Add(time.Second)) // reset: no orphan
	mustSave(t, s)

	only := &compare.Result{Sources: st.res.Sources, Discrepancies: st.res.Discrepancies[:1]}
	s2 := open(t, path, st.a, st.b)
	s2.Attach(only)
	o := s2.Orphans()
	if len(o) != 1 || o[0].Note != "misquoted" || o[0].Kind != compare.KindQuote || o[0].Right != "wire" || len(o[0].Claims) != 2 {
		t.Fatalf("orphans %+v", o)
	}
	if o[0].Claims[0].Words == "" || o[0].ID != "d2" {
		t.Errorf("the orphan does not say what it was about: %+v", o[0])
	}
	// A save with the orphan in memory keeps it on disk.
	s2.Set(only.Discrepancies[0], Confirmed, "", t0.Add(time.Minute))
	mustSave(t, s2)
	s3 := open(t, path, st.a, st.b)
	s3.Attach(st.res)
	if e := s3.Get(st.res.Discrepancies[1]); e.Note != "misquoted" {
		t.Errorf("the orphan did not come back to its finding: %+v", e)
	}
	if len(s3.Orphans()) != 0 {
		t.Error("orphans remain")
	}
}

// Two instances on one review, saving in turn and at once: every verdict
// of both is on disk at the end, and each sees the other's after a save.
func TestTwoWritersMerge(t *testing.T) {
	a := article("wire")
	b := article("courier")
	var discs []compare.Discrepancy
	for i := range 40 {
		a.Paragraphs = append(a.Paragraphs, loader.Paragraph{Index: i, Kind: loader.KindBody, Text: fmt.Sprintf("Claim %d of the wire: %d were hurt.", i, i+10)})
		b.Paragraphs = append(b.Paragraphs, loader.Paragraph{Index: i, Kind: loader.KindBody, Text: fmt.Sprintf("Claim %d of the courier: %d were hurt.", i, i+20)})
	}
	for i := range 40 {
		discs = append(discs, finding(fmt.Sprintf("d%d", i+1), compare.KindNumber,
			claim(a, i, fmt.Sprintf("%d were hurt", i+10)), claim(b, i, fmt.Sprintf("%d were hurt", i+20))))
	}
	res := &compare.Result{Sources: []string{"wire", "courier"}, Discrepancies: discs}
	path := filepath.Join(t.TempDir(), "r.json")
	one, two := open(t, path, a, b), open(t, path, a, b)
	one.Attach(res)
	two.Attach(res)
	// In turn: each saves over a file the other changed.
	one.Set(discs[0], Confirmed, "one", t0)
	mustSave(t, one)
	two.Set(discs[1], Dismissed, "two", t0)
	mustSave(t, two)
	if e := two.Get(discs[0]); e.Note != "one" {
		t.Errorf("the second instance does not see the first's verdict after its save: %+v", e)
	}
	// The same finding: the later verdict wins, in both.
	one.Set(discs[1], Confirmed, "one, later", t0.Add(time.Minute))
	mustSave(t, one)
	mustSave(t, two)
	// At once: goroutines, each with its own store and so its own lock.
	var wg sync.WaitGroup
	for w, st := range []*Store{one, two} {
		wg.Go(func() {
			for i := 2 + w; i < len(discs); i += 2 {
				st.Set(discs[i], Confirmed, fmt.Sprintf("writer %d", w), t0.Add(time.Duration(i)*time.Second))
				if err := st.Save(); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	final := open(t, path, a, b)
	final.Attach(res)
	for i, d := range discs {
		e := final.Get(d)
		want := fmt.Sprintf("writer %d", i%2)
		switch i {
		case 0:
			want = "one"
		case 1:
			want = "one, later"
		}
		if e.Note != want {
			t.Errorf("%s: note %q, want %q", d.ID, e.Note, want)
		}
	}
}

// A version-1 review is read, its verdicts find their findings by the old
// fingerprint, and the first save writes version 2, keeping the old file.
func TestVersion1Migrated(t *testing.T) {
	st := newStory()
	dir := t.TempDir()
	path := filepath.Join(dir, "r.json")
	v1 := fmt.Sprintf(`{"version":1,"key":"%s","articles":["wire","courier"],"entries":{
  "%s":{"id":"d1","summary":"toll","status":"confirmed","note":"old note","updated":"2026-01-01T00:00:00Z"},
  "0123456789abcdef0123":{"id":"d9","summary":"a finding long gone","status":"dismissed","note":"","updated":"2026-01-02T00:00:00Z"}}}`,
		Key([]*loader.Article{st.a, st.b}), Fingerprint(st.res.Discrepancies[0]))
	os.WriteFile(path, []byte(v1), 0o644)
	s := open(t, path, st.a, st.b)
	s.Attach(st.res)
	if e := s.Get(st.res.Discrepancies[0]); e.Status != Confirmed || e.Note != "old note" {
		t.Fatalf("version-1 verdict: %+v", e)
	}
	if o := s.Orphans(); len(o) != 1 || o[0].Summary != "a finding long gone" || o[0].Status != Dismissed {
		t.Errorf("version-1 orphan: %+v", o)
	}
	if s.Unsaved() {
		t.Error("opening a version-1 file counts as a change")
	}
	s.Set(st.res.Discrepancies[1], Dismissed, "", t0)
	mustSave(t, s)
	if old, _ := os.ReadFile(path + ".v1"); string(old) != v1 {
		t.Errorf("the version-1 file was not kept: %q", old)
	}
	var f File
	data, _ := os.ReadFile(path)
	if err := json.Unmarshal(data, &f); err != nil || f.Version != 2 || len(f.Verdicts) != 3 {
		t.Fatalf("migrated file: version %d, %d verdicts, %v", f.Version, len(f.Verdicts), err)
	}
	s2 := open(t, path, st.a, st.b)
	s2.Attach(st.res)
	if e := s2.Get(st.res.Discrepancies[0]); e.Note != "old note" {
		t.Errorf("after migration: %+v", e)
	}
	if len(s2.Orphans()) != 1 {
		t.Error("the orphan was lost in migration")
	}
}

// Version-1 default files were named after the inputs in the order given;
// every one of them is imported into the review the new name finds.
func TestVersion1DefaultFilesImported(t *testing.T) {
	st := newStory()
	dir := t.TempDir()
	key := Key([]*loader.Article{st.a, st.b})
	write := func(name, fp, note, when string) {
		os.WriteFile(filepath.Join(dir, name), []byte(fmt.Sprintf(`{"version":1,"key":"%s","articles":[],"entries":{"%s":{"id":"x","summary":"s","status":"confirmed","note":"%s","updated":"%s"}}}`, key, fp, note, when)), 0o644)
	}
	write("wire_courier-"+key+".json", Fingerprint(st.res.Discrepancies[0]), "given in one order", "2026-01-01T00:00:00Z")
	write("courier_wire-"+key+".json", Fingerprint(st.res.Discrepancies[1]), "given in the other", "2026-01-01T00:00:00Z")
	write("other_story-00000000000000ff.json", Fingerprint(st.res.Discrepancies[1]), "another story", "2026-01-01T00:00:00Z")
	loc, err := Locate(dir, SourcesOf([]*loader.Article{st.b, st.a}))
	if err != nil || len(loc.Imports) != 2 {
		t.Fatalf("imports %v, err %v", loc.Imports, err)
	}
	s, err := OpenFile(loc.Path, SourcesOf([]*loader.Article{st.b, st.a}), loc.Imports...)
	if err != nil {
		t.Fatal(err)
	}
	s.Attach(st.res)
	if s.Get(st.res.Discrepancies[0]).Note != "given in one order" || s.Get(st.res.Discrepancies[1]).Note != "given in the other" {
		t.Error("verdicts of the version-1 files were not imported")
	}
}

func TestRefusesBadFiles(t *testing.T) {
	st := newStory()
	dir := t.TempDir()
	corrupt := filepath.Join(dir, "corrupt.json")
	os.WriteFile(corrupt, []byte(`{"version":2,"verdicts":[`), 0o644)
	if _, err := OpenFile(corrupt, SourcesOf([]*loader.Article{st.a, st.b})); err == nil || !strings.Contains(err.Error(), corrupt) {
		t.Fatalf("corrupt file: err %v, want one naming the file", err)
	}
	// Another story's review: no source in common.
	other := filepath.Join(dir, "other.json")
	x, y := article("x", "One."), article("y", "Two.")
	s := open(t, other, x, y)
	s.Set(finding("d1", compare.KindNumber, claim(x, 0, "One"), claim(y, 0, "Two")), Dismissed, "", t0)
	mustSave(t, s)
	before, _ := os.ReadFile(other)
	if _, err := OpenFile(other, SourcesOf([]*loader.Article{st.a, st.b})); !errors.Is(err, ErrOtherArticles) {
		t.Fatalf("other articles: err %v", err)
	}
	if after, _ := os.ReadFile(other); string(before) != string(after) {
		t.Fatal("refusing a review changed it")
	}
	for name, body := range map[string]string{
		"status.json":  `{"version":2,"verdicts":[{"id":"v1","status":"maybe"}]}`,
		"version.json": `{"version":7}`,
		"twice.json":   `{"version":2,"verdicts":[{"id":"v1","status":"open"},{"id":"v1","status":"open"}]}`,
	} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o644)
		if _, err := OpenFile(p, SourcesOf([]*loader.Article{st.a, st.b})); err == nil {
			t.Errorf("%s accepted", name)
		}
	}
	// A corrupt file on disk is not written over by a save.
	good := filepath.Join(dir, "good.json")
	s = open(t, good, st.a, st.b)
	s.Set(st.res.Discrepancies[0], Confirmed, "", t0)
	os.WriteFile(good, []byte("{broken"), 0o644)
	if err := s.Save(); err == nil {
		t.Error("a save wrote over a corrupt file")
	}
	if b, _ := os.ReadFile(good); string(b) != "{broken" {
		t.Error("the corrupt file changed")
	}
	// A review in a folder that does not exist is said at once.
	if _, err := OpenFile(filepath.Join(dir, "nope", "r.json"), nil); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("missing folder: %v", err)
	}
}

// Load, for callers without the articles, reads and writes the same files.
func TestLoadByKey(t *testing.T) {
	st := newStory()
	path := filepath.Join(t.TempDir(), "r.json")
	s, err := Load(path, "k1", nil)
	if err != nil {
		t.Fatal(err)
	}
	s.Set(st.res.Discrepancies[0], Confirmed, "by key", t0)
	mustSave(t, s)
	again, err := Load(path, "k1", nil)
	if err != nil {
		t.Fatal(err)
	}
	renumbered := st.res.Discrepancies[0]
	renumbered.ID = "d7"
	if e := again.Get(renumbered); e.Note != "by key" || e.ID != "d7" {
		t.Errorf("reopened: %+v", e)
	}
	if _, err := Load(path, "k2", nil); !errors.Is(err, ErrOtherArticles) {
		t.Errorf("another key: %v", err)
	}
}

// A verdict whose finding is gone does not jump to a finding that merely
// looks alike (same kind, same sources, other numbers); of two findings
// with the same words, it goes to the one in the place it was given on.
func TestLookAlikesNotTaken(t *testing.T) {
	a := article("wire", "Ten were hurt near the station.", "Later, ten were hurt near the port.", "Eleven were hurt in the north.")
	b := article("courier", "Twenty were hurt near the station.", "Later, twenty were hurt near the port.", "Twenty-one were hurt in the north.")
	station := finding("d1", compare.KindNumber, claim(a, 0, "Ten were hurt"), claim(b, 0, "Twenty were hurt"))
	port := finding("d2", compare.KindNumber, claim(a, 1, "ten were hurt"), claim(b, 1, "twenty were hurt"))
	north := finding("d3", compare.KindNumber, claim(a, 2, "Eleven were hurt"), claim(b, 2, "Twenty-one were hurt"))
	path := filepath.Join(t.TempDir(), "r.json")
	s := open(t, path, a, b)
	s.Attach(&compare.Result{Discrepancies: []compare.Discrepancy{station, port, north}})
	s.Set(port, Confirmed, "the port", t0)
	s.Set(north, Dismissed, "the north", t0)
	mustSave(t, s)

	// The engine now finds the station and a renumbered port only.
	port.ID = "d1"
	station.ID = "d2"
	s2 := open(t, path, a, b)
	s2.Attach(&compare.Result{Discrepancies: []compare.Discrepancy{port, station}})
	if e := s2.Get(port); e.Note != "the port" {
		t.Errorf("the port: %+v", e)
	}
	if e := s2.Get(station); e.Status != Open {
		t.Errorf("the station took a verdict: %+v", e)
	}
	if o := s2.Orphans(); len(o) != 1 || o[0].Note != "the north" {
		t.Errorf("orphans %+v", o)
	}
}

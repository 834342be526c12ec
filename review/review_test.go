package review

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
)

func disc(id, text string) compare.Discrepancy {
	return compare.Discrepancy{ID: id, Kind: "number", Summary: "people killed: 5 or 7",
		Claims: []compare.Claim{{Span: compare.Span{Source: "a", Paragraph: 2, Start: 0, End: len(text)}, Text: text}}}
}

func TestSaveAndReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "r.json")
	s, err := Load(path, "k1", []string{"a", "b"})
	if err != nil {
		t.Fatal(err)
	}
	d := disc("d1", "five people were killed")
	if got := s.Get(d).Status; got != Open {
		t.Fatalf("new review: status %q, want open", got)
	}
	s.Set(d, Confirmed, "checked with the ministry", time.Unix(0, 0))
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	// The engine may renumber: the verdict follows the claims, not the id.
	again, err := Load(path, "k1", []string{"a", "b"})
	if err != nil {
		t.Fatal(err)
	}
	e := again.Get(disc("d7", "five people were killed"))
	if e.Status != Confirmed || e.Note != "checked with the ministry" {
		t.Fatalf("reopened: %+v", e)
	}
	if again.Get(disc("d1", "seven people were killed")).Status != Open {
		t.Fatal("another discrepancy took the verdict")
	}
	// No temporary files are left beside it.
	ents, _ := os.ReadDir(filepath.Dir(path))
	if len(ents) != 1 {
		t.Fatalf("folder holds %d files, want only the review", len(ents))
	}
}

func TestOpenRefusesBadFiles(t *testing.T) {
	dir := t.TempDir()
	corrupt := filepath.Join(dir, "corrupt.json")
	os.WriteFile(corrupt, []byte(`{"version":1,"key":"k1","entries":{`), 0o644)
	if _, err := Load(corrupt, "k1", nil); err == nil || !strings.Contains(err.Error(), corrupt) {
		t.Fatalf("corrupt file: err %v, want one naming the file", err)
	}
	other := filepath.Join(dir, "other.json")
	s, _ := Load(other, "k2", nil)
	s.Set(disc("d1", "x"), Dismissed, "", time.Now())
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(other)
	if _, err := Load(other, "k1", nil); !errors.Is(err, ErrOtherArticles) {
		t.Fatalf("other articles: err %v", err)
	}
	after, _ := os.ReadFile(other)
	if string(before) != string(after) {
		t.Fatal("refusing a review changed it")
	}
	bad := filepath.Join(dir, "status.json")
	os.WriteFile(bad, []byte(`{"version":1,"key":"k1","entries":{"x":{"status":"maybe"}}}`), 0o644)
	if _, err := Load(bad, "k1", nil); err == nil {
		t.Fatal("unknown status accepted")
	}
}

func TestResetToOpenRemovesEntry(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.json")
	s, _ := Load(path, "k", nil)
	d := disc("d1", "x")
	s.Set(d, Dismissed, "", time.Now())
	s.Set(d, Open, "", time.Now())
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	var f File
	data, _ := os.ReadFile(path)
	if err := json.Unmarshal(data, &f); err != nil || len(f.Entries) != 0 {
		t.Fatalf("entries %v, err %v", f.Entries, err)
	}
}

func TestKeyIgnoresOrder(t *testing.T) {
	a := &loader.Article{ID: "a", Paragraphs: []loader.Paragraph{{Text: "one"}}}
	b := &loader.Article{ID: "b", Paragraphs: []loader.Paragraph{{Text: "two"}}}
	c := &loader.Article{ID: "c", Paragraphs: []loader.Paragraph{{Text: "three"}}}
	if Key([]*loader.Article{a, b}) != Key([]*loader.Article{b, a}) {
		t.Fatal("key depends on order")
	}
	if Key([]*loader.Article{a, b}) == Key([]*loader.Article{a, c}) {
		t.Fatal("different articles share a key")
	}
}

func TestWriteAtomicKeepsOldOnFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.json")
	if err := WriteAtomic(path, []byte("old")); err != nil {
		t.Fatal(err)
	}
	// A folder where the file should be: the rename fails, the old folder stays.
	blocked := filepath.Join(dir, "blocked")
	os.Mkdir(blocked, 0o755)
	os.WriteFile(filepath.Join(blocked, "keep"), []byte("x"), 0o644)
	if err := WriteAtomic(blocked, []byte("new")); err == nil {
		t.Fatal("writing over a non-empty folder succeeded")
	}
	if data, _ := os.ReadFile(path); string(data) != "old" {
		t.Fatalf("old content lost: %q", data)
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Fatalf("temporary file left: %s", e.Name())
		}
	}
}

func TestDefaultPathNamesInputs(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	p, err := DefaultPath("abc123", []string{"reuters quake", "ap/quake", "bbc", "cnn"})
	if err != nil {
		t.Fatal(err)
	}
	if got := filepath.Base(p); got != "reuters-quake_ap-quake+2-abc123.json" {
		t.Errorf("file name %q", got)
	}
}

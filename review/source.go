package review

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/adrg/xdg"
	"github.com/parallax-news/parallax/loader"
)

// Source is one article of a comparison with the key a review knows it by.
type Source struct {
	Article *loader.Article
	// Key says where the article came from, whatever the order it was given
	// in and whatever its text: an absolute path (with "#id" when a file
	// holds several articles), a URL, "stdin". An edit keeps the key; a move
	// is found by the text's digest.
	Key string
}

// SourcesOf gives each article its key from its path.
func SourcesOf(arts []*loader.Article) []Source {
	perPath := map[string]int{}
	for _, a := range arts {
		perPath[a.Path]++
	}
	out := make([]Source, 0, len(arts))
	for _, a := range arts {
		k := a.Path
		switch {
		case a.Path == "-":
			k = "stdin"
		case loader.IsURL(a.Path):
		default:
			if abs, err := filepath.Abs(a.Path); err == nil {
				k = abs
			}
		}
		if perPath[a.Path] > 1 {
			k += "#" + a.ID
		}
		out = append(out, Source{Article: a, Key: k})
	}
	return out
}

// Digest names an article's text: its title and paragraphs.
func Digest(a *loader.Article) string {
	h := sha256.New()
	h.Write([]byte(a.Title))
	for _, p := range a.Paragraphs {
		h.Write([]byte{0})
		h.Write([]byte(p.Text))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Key names a set of articles by their text, whatever the order they were
// given in: the same articles give the same key. Version 1 of the review
// file was named and checked by it; it is still recorded for people.
func Key(arts []*loader.Article) string {
	parts := make([]string, 0, len(arts))
	for _, a := range arts {
		h := sha256.New()
		h.Write([]byte(a.Title))
		for _, p := range a.Paragraphs {
			h.Write([]byte{0})
			h.Write([]byte(p.Text))
		}
		parts = append(parts, hex.EncodeToString(h.Sum(nil)))
	}
	slices.Sort(parts)
	sum := sha256.Sum256([]byte(strings.Join(parts, "\n")))
	return hex.EncodeToString(sum[:])[:16]
}

// Dir is the folder of default review files in the user's state directory
// ($XDG_STATE_HOME/parallax/reviews), created if missing.
func Dir() (string, error) {
	xdg.Reload() // the environment may have changed since start-up (tests do)
	p, err := xdg.StateFile(filepath.Join("parallax", "reviews", "x"))
	if err != nil {
		return "", fmt.Errorf("find the state directory: %w", err)
	}
	return filepath.Dir(p), nil
}

// Location is where the review of a set of articles lives.
type Location struct {
	Path string
	// Imports are version-1 review files of the same articles, made before
	// reviews were found whatever the order of the inputs: their verdicts
	// are read in, and they are left as they are.
	Imports []string
	// Moved says the review was found by the articles' text, in a file
	// named for the places they were in before.
	Moved bool
}

// Locate finds the review of these sources in dir. The file is named after
// the sources' keys, sorted, so that any order of the same inputs finds
// it, and an edit of one does not lose it. When the articles moved (other
// paths, the same text), a review whose sources have the same digests is
// used. Version-1 files of these articles (named after the inputs in the
// order they were given) are imported.
func Locate(dir string, srcs []Source) (Location, error) {
	keys := make([]string, 0, len(srcs))
	ids := make([]string, 0, len(srcs))
	var arts []*loader.Article
	for _, s := range srcs {
		keys = append(keys, s.Key)
		ids = append(ids, s.Article.ID)
		arts = append(arts, s.Article)
	}
	slices.Sort(keys)
	slices.Sort(ids)
	sum := sha256.Sum256([]byte(strings.Join(keys, "\n")))
	name := readableName(ids) + hex.EncodeToString(sum[:])[:16] + ".json"
	loc := Location{Path: filepath.Join(dir, name)}
	if _, err := os.Stat(loc.Path); err == nil || !errors.Is(err, fs.ErrNotExist) {
		return loc, nil
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return loc, nil
		}
		return loc, fmt.Errorf("read %s: %w", dir, err)
	}
	digests := make([]string, 0, len(srcs))
	for _, s := range srcs {
		digests = append(digests, Digest(s.Article))
	}
	slices.Sort(digests)
	oldKey := Key(arts)
	var moved []string
	for _, e := range ents {
		n := e.Name()
		if !e.Type().IsRegular() || !strings.HasSuffix(n, ".json") || strings.HasPrefix(n, ".") {
			continue
		}
		p := filepath.Join(dir, n)
		if strings.HasSuffix(n, "-"+oldKey+".json") || n == oldKey+".json" {
			if head, ok := peek(p); ok && head.Version == 1 && head.Key == oldKey {
				loc.Imports = append(loc.Imports, p)
			}
			continue
		}
		if head, ok := peek(p); ok && head.Version == FormatVersion && sameDigests(head.Sources, digests) {
			moved = append(moved, p)
		}
	}
	if len(moved) > 0 {
		// The most recently saved of them.
		slices.SortFunc(moved, func(a, b string) int { return cmp.Compare(modTime(b), modTime(a)) })
		return Location{Path: moved[0], Moved: true}, nil
	}
	return loc, nil
}

// readableName starts a review's file name with the first sources' ids so
// that a person can find it: "reuters_ap+3-".
func readableName(ids []string) string {
	name := ""
	for i, id := range ids {
		if i == 2 {
			name += fmt.Sprintf("+%d", len(ids)-2)
			break
		}
		if i > 0 {
			name += "_"
		}
		name += slug(id)
	}
	if name != "" {
		name += "-"
	}
	return name
}

// peek reads the head of a review file: its version, key and sources.
func peek(path string) (File, bool) {
	st, err := os.Stat(path)
	if err != nil || st.Size() > maxFileSize {
		return File{}, false
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return File{}, false
	}
	var f File
	if json.Unmarshal(data, &f) != nil {
		return File{}, false
	}
	return f, true
}

func sameDigests(recs []SourceRecord, digests []string) bool {
	if len(recs) != len(digests) {
		return false
	}
	got := make([]string, 0, len(recs))
	for _, r := range recs {
		got = append(got, r.Digest)
	}
	slices.Sort(got)
	return slices.Equal(got, digests)
}

func modTime(p string) int64 {
	st, err := os.Stat(p)
	if err != nil {
		return 0
	}
	return st.ModTime().UnixNano()
}

// slug keeps a file name to letters, digits, dots and dashes, 24 at most.
func slug(s string) string {
	var b strings.Builder
	for _, r := range s {
		if b.Len() >= 24 {
			break
		}
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '.':
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	return b.String()
}

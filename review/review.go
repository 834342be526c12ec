// Package review keeps a reviewer's verdicts and notes on the discrepancies of
// one comparison. The interface writes it, the exports read it; neither owns
// it. A review file belongs to one set of articles, named by a key made from
// their text, so that reopening the same articles restores the verdicts and
// a review of other articles is refused rather than misapplied.
package review

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/adrg/xdg"
	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
)

// Status is a reviewer's verdict on a discrepancy.
type Status string

// The verdicts. Open means nobody has decided yet.
const (
	Open      Status = "open"
	Confirmed Status = "confirmed"
	Dismissed Status = "dismissed"
)

// FormatVersion is the review file's version.
const FormatVersion = 1

// Entry is the review of one discrepancy.
type Entry struct {
	ID      string    `json:"id"`      // the discrepancy's id when last reviewed, for people reading the file
	Summary string    `json:"summary"` // likewise
	Status  Status    `json:"status"`
	Note    string    `json:"note"`
	Updated time.Time `json:"updated"`
}

// File is what a review file holds. Entries are keyed by a discrepancy's
// fingerprint, not its id, so that a verdict stays with its discrepancy when
// the engine numbers discrepancies differently.
type File struct {
	Version  int              `json:"version"`
	Key      string           `json:"key"`
	Articles []string         `json:"articles"` // source ids, for people reading the file
	Entries  map[string]Entry `json:"entries"`
}

// Key names a set of articles by their text, whatever the order they were
// given in: the same articles give the same key.
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
	sort.Strings(parts)
	sum := sha256.Sum256([]byte(strings.Join(parts, "\n")))
	return hex.EncodeToString(sum[:])[:16]
}

// Fingerprint names a discrepancy by its kind and its claims' words and
// places, which survive a renumbering of ids.
func Fingerprint(d compare.Discrepancy) string {
	claims := make([]string, 0, len(d.Claims))
	for _, c := range d.Claims {
		claims = append(claims, fmt.Sprintf("%s\x1f%d\x1f%s", c.Source, c.Paragraph, c.Text))
	}
	sort.Strings(claims)
	sum := sha256.Sum256([]byte(string(d.Kind) + "\x1e" + strings.Join(claims, "\x1e")))
	return hex.EncodeToString(sum[:])[:20]
}

// DefaultPath is where the review of these articles lives when no path is
// given: one file per set of articles in the user's state directory, named
// after the first inputs so that a person can find it, and the key so that
// two sets never share one.
func DefaultPath(key string, sources []string) (string, error) {
	name := ""
	for i, id := range sources {
		if i == 2 {
			name += fmt.Sprintf("+%d", len(sources)-2)
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
	xdg.Reload() // the environment may have changed since start-up (tests do)
	p, err := xdg.StateFile(filepath.Join("parallax", "reviews", name+key+".json"))
	if err != nil {
		return "", fmt.Errorf("find the state directory: %w", err)
	}
	return p, nil
}

// Store is the review of one comparison, saved to one file. It is safe for
// use from several goroutines: the interface saves from commands.
type Store struct {
	Path string

	mu       sync.Mutex
	file     File
	saved    uint64 // generation of the newest snapshot on disk
	modified uint64 // generation of the newest change in memory
}

// ErrOtherArticles says a review file was made for another set of articles.
var ErrOtherArticles = errors.New("the review belongs to other articles")

// Load reads the review at path for the articles named by key. A missing file
// is an empty review; a corrupt one, or one for other articles, is an error
// and is left untouched.
func Load(path, key string, sources []string) (*Store, error) {
	s := &Store{Path: path, file: File{Version: FormatVersion, Key: key, Articles: sources, Entries: map[string]Entry{}}}
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read review %s: %w", path, err)
	}
	var f File
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("review %s is not a valid review file: %w", path, err)
	}
	if f.Version != FormatVersion {
		return nil, fmt.Errorf("review %s: version %d, this parallax reads version %d", path, f.Version, FormatVersion)
	}
	if f.Key != key {
		return nil, fmt.Errorf("review %s: %w (key %s, these articles are %s)", path, ErrOtherArticles, f.Key, key)
	}
	for fp, e := range f.Entries {
		switch e.Status {
		case Open, Confirmed, Dismissed:
		default:
			return nil, fmt.Errorf("review %s: entry %s has unknown status %q", path, fp, e.Status)
		}
	}
	if f.Entries == nil {
		f.Entries = map[string]Entry{}
	}
	f.Articles = sources
	s.file = f
	return s, nil
}

// Get returns the review of d; an unreviewed discrepancy is Open.
func (s *Store) Get(d compare.Discrepancy) Entry {
	if s == nil {
		return Entry{ID: d.ID, Summary: d.Summary, Status: Open}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.file.Entries[Fingerprint(d)]
	if !ok {
		return Entry{ID: d.ID, Summary: d.Summary, Status: Open}
	}
	return e
}

// Set records the review of d in memory; Save writes it.
func (s *Store) Set(d compare.Discrepancy, status Status, note string, now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fp := Fingerprint(d)
	if status == Open && note == "" {
		delete(s.file.Entries, fp)
	} else {
		s.file.Entries[fp] = Entry{ID: d.ID, Summary: d.Summary, Status: status, Note: note, Updated: now.UTC()}
	}
	s.modified++
}

// Len counts the reviewed discrepancies.
func (s *Store) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.file.Entries)
}

// Save writes the review atomically: a temporary file in the same folder,
// synced, then renamed over the old one, and the folder synced, so that a
// crash leaves either the old review or the new one, never half of one.
// Saves from several goroutines never put an older snapshot over a newer.
func (s *Store) Save() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.saved == s.modified && s.modified > 0 {
		return nil
	}
	data, err := json.MarshalIndent(s.file, "", "  ")
	if err != nil {
		return fmt.Errorf("encode review: %w", err)
	}
	if err := WriteAtomic(s.Path, append(data, '\n')); err != nil {
		return fmt.Errorf("save review: %w", err)
	}
	s.saved = s.modified
	return nil
}

// WriteAtomic replaces path with data so that a crash at any moment leaves
// either the old content or the new. The folder is created if missing.
func WriteAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	name := tmp.Name()
	cleanup := func() { tmp.Close(); os.Remove(name) }
	if _, err := tmp.Write(data); err != nil {
		cleanup()
		return err
	}
	if err := tmp.Sync(); err != nil {
		cleanup()
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return err
	}
	if err := os.Chmod(name, 0o644); err != nil {
		os.Remove(name)
		return err
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return err
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // best effort: some file systems cannot sync a folder
		d.Close()
	}
	return nil
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

package review

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
)

// A reviewer's fixes of the topics: a paragraph moved to another topic, a
// topic split or two merged, a source taken out of the comparison. Each is
// one act, kept as the engine's pins it makes (compare.Pin), so that it is
// listed and undone whole.
//
// A pin names paragraphs by their source (its key, as verdicts do) and by
// their text: a hash of the paragraph's normalised words, which finds it
// wherever it now stands in its article (paragraphs added or removed above
// it), and the words themselves, which find it after a small edit (see
// paraSimilarity). A paragraph that is gone leaves its pin unapplied:
// listed, never dropped.

// FixOp names what a fix did.
type FixOp string

// The fixes a reviewer makes.
const (
	FixMove    FixOp = "move"    // a paragraph to another topic: together with a member of it, apart from its old topic
	FixSplit   FixOp = "split"   // a topic in two: every member of one part apart from every member of the other
	FixMerge   FixOp = "merge"   // two topics in one: a member of each together
	FixExclude FixOp = "exclude" // a source out of the comparison
)

// paraSimilarity is the least overlap (see overlap: the mean of the
// Jaccard index and the containment of the two paragraphs' words) at which
// an edited paragraph is still the one a pin was set on. A figure updated
// or a clause added in a paragraph of twenty words keeps it above 0.85; a
// paragraph rewritten around other facts shares far less than 0.7 with it.
const paraSimilarity = 0.7

// maxPinWords bounds the words a pin keeps of its paragraph: enough to
// recognise it after an edit.
const maxPinWords = 80

// FixRecord is one fix as stored.
type FixRecord struct {
	ID   string      `json:"id"`
	Op   FixOp       `json:"op"`
	Says string      `json:"says"` // what it did, in words, as the interface said it
	Pins []PinRecord `json:"pins"`
	// Removed marks a fix the reviewer undid: kept, so that a merge with
	// another instance's older copy does not bring it back.
	Removed bool      `json:"removed,omitempty"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// PinRecord is one of the engine's pins as a review keeps it.
type PinRecord struct {
	Kind   compare.PinKind `json:"kind"`
	A      *ParaRef        `json:"a,omitempty"`
	B      *ParaRef        `json:"b,omitempty"`
	Source *SourceRef      `json:"source,omitempty"`
}

// ParaRef names a paragraph by its source and its text.
type ParaRef struct {
	Source    string `json:"source"` // the source's key
	ID        string `json:"id"`     // the source's id when the pin was set
	Paragraph int    `json:"paragraph"`
	Hash      string `json:"hash"`  // of the paragraph's normalised words
	Words     string `json:"words"` // its first normalised words (maxPinWords)
}

// SourceRef names a source: its key and the id it had.
type SourceRef struct {
	Source string `json:"source"`
	ID     string `json:"id"`
}

// FixEntry is a fix as the interface and the exports list it.
type FixEntry struct {
	ID      string
	Op      FixOp
	Says    string
	Created time.Time
	// Pins are the fix's pins as they apply to the articles now (those
	// whose paragraphs were found); Unapplied counts the others.
	Pins      []compare.Pin
	Unapplied int
}

// AddFix records a fix: what it does (op), a line saying it for people,
// and the pins it sets, naming paragraphs and sources of arts. It returns
// the fix's id. A fix without pins, or a pin naming a paragraph or source
// that is not in arts, is refused.
func (s *Store) AddFix(op FixOp, says string, pins []compare.Pin, arts []*loader.Article, now time.Time) (string, error) {
	switch op {
	case FixMove, FixSplit, FixMerge, FixExclude:
	default:
		return "", fmt.Errorf("unknown topic fix %q", oneLine(string(op)))
	}
	if len(pins) == 0 {
		return "", errors.New("the fix sets no pin")
	}
	byID := articlesByID(arts)
	para := func(r compare.Ref) (*ParaRef, error) {
		a := byID[r.Source]
		if a == nil || r.Paragraph < 0 || r.Paragraph >= len(a.Paragraphs) {
			return nil, fmt.Errorf("no paragraph %d in %s", r.Paragraph, oneLine(r.Source))
		}
		ws := words(a.Paragraphs[r.Paragraph].Text)
		return &ParaRef{Source: s.keyOf(a.ID), ID: a.ID, Paragraph: r.Paragraph, Hash: wordsHash(ws),
			Words: strings.Join(ws[:min(len(ws), maxPinWords)], " ")}, nil
	}
	rec := &FixRecord{Op: op, Says: oneLine(says), Created: now.UTC(), Updated: now.UTC()}
	h := sha256.New()
	h.Write([]byte(op))
	for _, p := range pins {
		pr := PinRecord{Kind: p.Kind}
		switch p.Kind {
		case compare.PinTogether, compare.PinApart:
			a, err := para(p.A)
			if err != nil {
				return "", err
			}
			b, err := para(p.B)
			if err != nil {
				return "", err
			}
			pr.A, pr.B = a, b
			fmt.Fprintf(h, "\x1e%s\x1f%s\x1f%s\x1f%s\x1f%s", p.Kind, a.Source, a.Hash, b.Source, b.Hash)
		case compare.PinExclude:
			if byID[p.Source] == nil {
				return "", fmt.Errorf("no source %s to leave out", oneLine(p.Source))
			}
			pr.Source = &SourceRef{Source: s.keyOf(p.Source), ID: p.Source}
			fmt.Fprintf(h, "\x1e%s\x1f%s", p.Kind, pr.Source.Source)
		default:
			return "", fmt.Errorf("unknown pin %q", oneLine(string(p.Kind)))
		}
		rec.Pins = append(rec.Pins, pr)
	}
	rec.ID = "p" + hex.EncodeToString(h.Sum(nil))[:16]
	s.mu.Lock()
	defer s.mu.Unlock()
	if old, ok := s.fixes[rec.ID]; ok && !old.Created.IsZero() {
		rec.Created = old.Created
	}
	s.fixes[rec.ID] = rec
	s.gen++
	return rec.ID, nil
}

// SetFixRemoved undoes a fix (removed true) or sets it again (false).
func (s *Store) SetFixRemoved(id string, removed bool, now time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.fixes[id]
	if !ok {
		return fmt.Errorf("no topic fix %s in the review", oneLine(id))
	}
	r.Removed, r.Updated = removed, now.UTC()
	s.gen++
	return nil
}

// Fixes lists the fixes in force, in the order they were made, each with
// its pins as they apply to arts.
func (s *Store) Fixes(arts []*loader.Article) []FixEntry {
	if s == nil {
		return nil
	}
	byID := articlesByID(arts)
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []FixEntry
	for _, r := range s.fixRecords() {
		e := FixEntry{ID: r.ID, Op: r.Op, Says: r.Says, Created: r.Created}
		for _, pr := range r.Pins {
			if p, ok := s.resolvePin(pr, byID); ok {
				e.Pins = append(e.Pins, p)
			} else {
				e.Unapplied++
			}
		}
		out = append(out, e)
	}
	return out
}

// Pins are the engine's pins of every fix in force, as they apply to arts:
// what compare.CompareWith takes.
func (s *Store) Pins(arts []*loader.Article) []compare.Pin {
	var out []compare.Pin
	for _, f := range s.Fixes(arts) {
		out = append(out, f.Pins...)
	}
	return out
}

func (s *Store) fixRecords() []*FixRecord {
	var out []*FixRecord
	for _, r := range s.fixes {
		if !r.Removed {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b *FixRecord) int { return cmp.Or(a.Created.Compare(b.Created), cmp.Compare(a.ID, b.ID)) })
	return out
}

// resolvePin names a stored pin's paragraphs and source in arts.
func (s *Store) resolvePin(pr PinRecord, arts map[string]*loader.Article) (compare.Pin, bool) {
	p := compare.Pin{Kind: pr.Kind}
	switch pr.Kind {
	case compare.PinTogether, compare.PinApart:
		if pr.A == nil || pr.B == nil {
			return p, false
		}
		a, okA := s.findPara(*pr.A, arts)
		b, okB := s.findPara(*pr.B, arts)
		if !okA || !okB || a == b {
			return p, false
		}
		p.A, p.B = a, b
		return p, true
	case compare.PinExclude:
		if pr.Source == nil {
			return p, false
		}
		a := s.articleOf(pr.Source.Source, pr.Source.ID, arts)
		if a == nil {
			return p, false
		}
		p.Source = a.ID
		return p, true
	}
	return p, false
}

// findPara finds a pinned paragraph: the one with the same words (the one
// nearest where it was, of several), else the most alike at
// paraSimilarity or more.
func (s *Store) findPara(r ParaRef, arts map[string]*loader.Article) (compare.Ref, bool) {
	a := s.articleOf(r.Source, r.ID, arts)
	if a == nil {
		return compare.Ref{}, false
	}
	best, bestScore, bestDist := -1, 0.0, 0
	want := wordSet(r.Words)
	for i, p := range a.Paragraphs {
		ws := words(p.Text)
		dist := abs(i - r.Paragraph)
		if wordsHash(ws) == r.Hash {
			if best < 0 || bestScore < 2 || dist < bestDist {
				best, bestScore, bestDist = i, 2, dist // exact beats any likeness
			}
			continue
		}
		if bestScore == 2 {
			continue
		}
		sc := overlap(want, wordSet(strings.Join(ws[:min(len(ws), maxPinWords)], " ")))
		if sc >= paraSimilarity && (sc > bestScore || sc == bestScore && dist < bestDist) {
			best, bestScore, bestDist = i, sc, dist
		}
	}
	if best < 0 {
		return compare.Ref{}, false
	}
	return compare.Ref{Source: a.ID, Paragraph: best}, true
}

func wordsHash(ws []string) string {
	sum := sha256.Sum256([]byte(strings.Join(ws, " ")))
	return hex.EncodeToString(sum[:8])
}

package review

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
)

// FormatVersion is the review file's version. Version 1 keyed verdicts by a
// hash of the claims' paragraphs and text, which an edit or a new engine
// broke; it is read and rewritten as version 2 on the first save, the old
// file kept beside it.
const FormatVersion = 2

// File is what a review file holds (version 2).
type File struct {
	Version int `json:"version"`
	// Key names the articles' text at the last save (see Key): for people
	// and for tools; a review is found by its sources, not by it.
	Key string `json:"key"`
	// Sources are the articles at the last save.
	Sources []SourceRecord `json:"sources"`
	// Verdicts, in id order. One reset to open stays, so that a merge with
	// another instance's older copy does not bring the old verdict back.
	Verdicts []Record `json:"verdicts"`
	// Added to version 2 (a file without them reads as before): the
	// reviewer's own findings and topic fixes, in id order, the ones taken
	// back kept as such for the same reason.
	Findings []FindingRecord `json:"findings,omitempty"`
	Fixes    []FixRecord     `json:"fixes,omitempty"`
}

// SourceRecord is one article as a review remembers it.
type SourceRecord struct {
	Key    string `json:"key"`    // where it came from (see Source.Key)
	ID     string `json:"id"`     // its id in that comparison
	Digest string `json:"digest"` // a hash of its text, to see it changed or moved
	Name   string `json:"name,omitempty"`
	Title  string `json:"title,omitempty"`
}

// Record is one verdict as stored.
type Record struct {
	ID string `json:"id"`
	// Finding and Summary are the finding's id and summary when the
	// verdict was last given: for people reading the file, and to show an
	// orphan.
	Finding string `json:"finding,omitempty"`
	Summary string `json:"summary,omitempty"`
	Anchor  Anchor `json:"anchor"`
	// Legacy is a version-1 verdict's fingerprint (see Fingerprint), until
	// the verdict is given again and anchored.
	Legacy   string `json:"legacy,omitempty"`
	Status   Status `json:"status"`
	Right    string `json:"right,omitempty"` // a source's key, or Unresolved
	Note     string `json:"note,omitempty"`
	Evidence string `json:"evidence,omitempty"`
	// Texts holds the digest of each claim's source when the verdict was
	// given, to say which articles changed since.
	Texts   map[string]string `json:"texts,omitempty"`
	Updated time.Time         `json:"updated"`
}

// Anchor is what a verdict is about: a finding's kind and its claims.
type Anchor struct {
	Kind   compare.Kind  `json:"kind"`
	Claims []AnchorClaim `json:"claims"`
}

// AnchorClaim is one claim of an anchor: its source (by key, and by id as a
// last resort when the key is gone), its normalised words and the words
// around it.
type AnchorClaim struct {
	Source  string `json:"source"`
	ID      string `json:"id"`
	Words   string `json:"words"`
	Context string `json:"context,omitempty"`
}

// fileV1 is the previous format.
type fileV1 struct {
	Version  int                `json:"version"`
	Key      string             `json:"key"`
	Articles []string           `json:"articles"`
	Entries  map[string]entryV1 `json:"entries"`
}

type entryV1 struct {
	ID      string    `json:"id"`
	Summary string    `json:"summary"`
	Status  Status    `json:"status"`
	Note    string    `json:"note"`
	Updated time.Time `json:"updated"`
}

// maxFileSize bounds what is read of a review file: a review of thousands of
// verdicts is a few megabytes.
const maxFileSize = 64 << 20

// parsed is a review file read from disk, in version 2's terms.
type parsed struct {
	file     File
	version  int      // as found on disk
	raw      []byte   // the bytes read, to keep a version-1 file on migration
	warnings []string // what was cleaned or dropped, one line each
	v1IDs    []string // a version-1 file's source ids
}

// readFile reads and checks the review file at path. A missing file gives
// (nil, nil). A file that is not a review, or of an unknown version, is an
// error naming the file.
func readFile(path string) (*parsed, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read review %s: %w", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read review %s: %w", path, err)
	}
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("review %s is larger than %d MiB: not a review file", path, maxFileSize>>20)
	}
	p, err := parse(data)
	if err != nil {
		return nil, fmt.Errorf("review %s is not a valid review file: %w", path, err)
	}
	return p, nil
}

// parse reads a review file's bytes. Every string in it is untrusted (the
// file may come from anyone): notes are sanitised, evidence links checked,
// and what had to change is said in warnings.
func parse(data []byte) (*parsed, error) {
	var head struct {
		Version int `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, err
	}
	p := &parsed{version: head.Version, raw: data}
	switch head.Version {
	case 1:
		var f1 fileV1
		if err := json.Unmarshal(data, &f1); err != nil {
			return nil, err
		}
		p.file = File{Version: FormatVersion, Key: f1.Key}
		p.v1IDs = f1.Articles
		for fp, e := range f1.Entries {
			p.file.Verdicts = append(p.file.Verdicts, Record{ID: "v1-" + fp, Finding: e.ID, Summary: e.Summary,
				Legacy: fp, Status: e.Status, Note: e.Note, Updated: e.Updated})
		}
	case FormatVersion:
		if err := json.Unmarshal(data, &p.file); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("version %d, this parallax reads versions 1 and %d", head.Version, FormatVersion)
	}
	seen := map[string]bool{}
	for i := range p.file.Verdicts {
		r := &p.file.Verdicts[i]
		if r.ID == "" || seen[r.ID] {
			return nil, fmt.Errorf("verdict %d has no id or the id of another (%q)", i+1, r.ID)
		}
		seen[r.ID] = true
		switch r.Status {
		case Open, Confirmed, Dismissed:
		default:
			return nil, fmt.Errorf("verdict %s has unknown status %q", oneLine(r.ID), oneLine(string(r.Status)))
		}
		p.warnings = append(p.warnings, cleanRecord(r)...)
	}
	clear(seen)
	for i := range p.file.Findings {
		r := &p.file.Findings[i]
		if r.ID == "" || seen[r.ID] {
			return nil, fmt.Errorf("finding %d has no id or the id of another (%q)", i+1, r.ID)
		}
		seen[r.ID] = true
		p.warnings = append(p.warnings, cleanFinding(r)...)
	}
	clear(seen)
	for i := range p.file.Fixes {
		r := &p.file.Fixes[i]
		if r.ID == "" || seen[r.ID] {
			return nil, fmt.Errorf("topic fix %d has no id or the id of another (%q)", i+1, r.ID)
		}
		seen[r.ID] = true
		p.warnings = append(p.warnings, cleanFix(r)...)
	}
	return p, nil
}

// cleanFinding makes a stored finding's strings safe to show, and says
// what it changed. A kind parallax does not know is kept as it is, to
// show, and the finding is placed as such.
func cleanFinding(r *FindingRecord) []string {
	var warn []string
	r.ID = oneLine(r.ID)
	if n := CleanNote(r.Note); n != r.Note {
		warn = append(warn, fmt.Sprintf("finding %s: control characters removed from the note", r.ID))
		r.Note = n
	}
	r.Kind = compare.Kind(oneLine(string(r.Kind)))
	if !slices.Contains(Kinds, r.Kind) {
		warn = append(warn, fmt.Sprintf("finding %s: unknown kind %q", r.ID, r.Kind))
	}
	if len(r.Claims) < 2 {
		warn = append(warn, fmt.Sprintf("finding %s has %d claims: it is shown as it is", r.ID, len(r.Claims)))
	}
	for i := range r.Claims {
		c := &r.Claims[i]
		c.Source, c.ID, c.Text = oneLine(c.Source), oneLine(c.ID), oneLine(c.Text)
		c.Context = strings.Join(words(c.Context), " ")
	}
	return warn
}

// cleanFix makes a stored fix's strings safe, and drops the pins parallax
// cannot read (saying so).
func cleanFix(r *FixRecord) []string {
	var warn []string
	r.ID, r.Says = oneLine(r.ID), oneLine(r.Says)
	r.Op = FixOp(oneLine(string(r.Op)))
	keep := r.Pins[:0]
	for _, p := range r.Pins {
		ok := false
		switch p.Kind {
		case compare.PinTogether, compare.PinApart:
			ok = p.A != nil && p.B != nil
		case compare.PinExclude:
			ok = p.Source != nil
		}
		if !ok {
			warn = append(warn, fmt.Sprintf("topic fix %s: a pin of kind %q that parallax cannot read is left out", r.ID, oneLine(string(p.Kind))))
			continue
		}
		for _, pr := range []*ParaRef{p.A, p.B} {
			if pr != nil {
				pr.Source, pr.ID, pr.Hash = oneLine(pr.Source), oneLine(pr.ID), oneLine(pr.Hash)
				pr.Words = strings.Join(words(pr.Words), " ")
			}
		}
		if p.Source != nil {
			p.Source.Source, p.Source.ID = oneLine(p.Source.Source), oneLine(p.Source.ID)
		}
		keep = append(keep, p)
	}
	r.Pins = keep
	return warn
}

// cleanRecord makes a stored verdict's strings safe to show, and says what
// it changed.
func cleanRecord(r *Record) []string {
	var warn []string
	id := oneLine(r.ID)
	if n := CleanNote(r.Note); n != r.Note {
		warn = append(warn, fmt.Sprintf("verdict %s: control characters removed from the note", id))
		r.Note = n
	}
	if r.Evidence != "" {
		if ev, err := CleanEvidence(r.Evidence); err != nil {
			warn = append(warn, fmt.Sprintf("verdict %s: evidence link dropped: %v", id, err))
			r.Evidence = ""
		} else {
			r.Evidence = ev
		}
	}
	r.ID, r.Finding, r.Summary, r.Right = id, oneLine(r.Finding), oneLine(r.Summary), oneLine(r.Right)
	for i := range r.Anchor.Claims {
		c := &r.Anchor.Claims[i]
		c.Source, c.ID = oneLine(c.Source), oneLine(c.ID)
		c.Words = strings.Join(words(c.Words), " ")
		c.Context = strings.Join(words(c.Context), " ")
	}
	return warn
}

// maxNote bounds a note, in bytes: a paragraph or two of a reviewer's
// words, the 2000 characters the interface's line holds in any script (up
// to four bytes each), so that no note typed there is cut when stored.
const maxNote = 8000

// CleanNote makes a reviewer's note safe to store and show: no control
// character, escape sequence or bidi override (as loader.Sanitize), one
// line (a line break or tab becomes a space), spaces trimmed, at most 8000
// bytes. Notes typed, pasted or read from a file all pass through it.
func CleanNote(s string) string {
	s, _ = loader.ValidUTF8([]byte(s))
	s, _ = loader.Sanitize(s)
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > maxNote {
		cut := maxNote
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	return s
}

// oneLine makes a stored string (an id, a summary) safe to show on a line.
func oneLine(s string) string {
	s, _ = loader.ValidUTF8([]byte(s))
	s, _ = loader.Sanitize(s)
	return strings.Join(strings.Fields(s), " ")
}

// maxEvidence bounds an evidence link, as browsers' practical limit on URLs.
const maxEvidence = 2000

// ErrEvidence says an evidence link was refused.
var ErrEvidence = errors.New("an evidence link must be an http:// or https:// address")

// CleanEvidence checks an evidence link: an absolute http or https URL with
// a host, without spaces or control characters, at most 2000 bytes. Any
// other scheme (javascript:, data:, file:) could act when clicked in an
// export, so it is refused rather than shown.
func CleanEvidence(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if len(s) > maxEvidence {
		return "", fmt.Errorf("%w (this one is longer than %d bytes)", ErrEvidence, maxEvidence)
	}
	for _, r := range s {
		if r <= ' ' || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == utf8.RuneError || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			return "", fmt.Errorf("%w (this one holds a space or a control character)", ErrEvidence)
		}
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Opaque != "" {
		return "", ErrEvidence
	}
	return s, nil
}

// marshal writes a file as people read it: indented, one verdict after
// another in id order, a final newline.
func marshal(f File) ([]byte, error) {
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode review: %w", err)
	}
	return append(data, '\n'), nil
}

// Package review keeps a reviewer's verdicts on the findings of one
// comparison: confirmed or dismissed, which source is right, a note and an
// evidence link. The interface writes it, the exports read it; neither owns
// it.
//
// A verdict is attached to its finding by what the finding is about (its
// kind, its sources, the claims' words), so it survives a new engine, a
// renumbering and small edits of an article; one that matches no finding
// any more is kept and listed as an orphan, never dropped. Saves are atomic,
// and two instances on one review merge their changes under a lock instead
// of overwriting each other's.
package review

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/atomicfile"
	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
)

// Status is a reviewer's verdict on a finding.
type Status string

// The verdicts. Open means nobody has decided yet.
const (
	Open      Status = "open"
	Confirmed Status = "confirmed"
	Dismissed Status = "dismissed"
)

// Unresolved is the Right of a verdict that says no source can be shown to
// be right.
const Unresolved = "unresolved"

// Entry is the review of one finding, as the interface and the exports show
// it.
type Entry struct {
	ID      string // the finding's id in this comparison; an orphan's, when it was last given
	Summary string
	Status  Status
	// Right is the source that is right: a source id of this comparison,
	// Unresolved, or "" when the reviewer has not said.
	Right    string
	Note     string
	Evidence string // an http(s) link, checked (see CleanEvidence)
	Updated  time.Time
	// Stale lists the sources (ids) whose text changed since the verdict
	// was given: it was given on the words of an earlier version.
	Stale []string
	// For an orphan: what it was about, the kind and each claim's source
	// (an id of this comparison where the source is still here, else the
	// id it had) and words.
	Kind   compare.Kind
	Claims []OrphanClaim
}

// OrphanClaim is one claim of a verdict that matches no finding.
type OrphanClaim struct {
	Source string
	Words  string
}

// Verdict is what a reviewer sets on a finding.
type Verdict struct {
	Status   Status
	Right    string // "", Unresolved or one of the finding's sources (an id)
	Note     string
	Evidence string
}

// Verdict returns the settable part of an entry (to restore it on undo).
func (e Entry) Verdict() Verdict {
	return Verdict{Status: e.Status, Right: e.Right, Note: e.Note, Evidence: e.Evidence}
}

// IsZero reports whether a verdict says nothing: open, with no source
// named right, no note and no link.
func (v Verdict) IsZero() bool {
	return (v.Status == Open || v.Status == "") && v.Right == "" && v.Note == "" && v.Evidence == ""
}

// Change is an article that is not as the review last saw it.
type Change struct {
	Source string // its id in this comparison
	What   string // "edited": its text differs; "moved": the same text in another place
}

// ErrOtherArticles says a review file was made for another set of articles.
var ErrOtherArticles = errors.New("the review belongs to other articles")

// Store is the review of one comparison, saved to one file. It is safe for
// use from several goroutines: the interface saves from commands.
type Store struct {
	Path string // the review file (a symbolic link is written through)

	mu    sync.Mutex
	srcs  []SourceRecord          // the current articles, in input order
	byID  map[string]SourceRecord // current id → article
	byKey map[string]SourceRecord // current key → article
	filed map[string]SourceRecord // the file's sources at the last save, by key
	paras map[string][]string     // current id → paragraph texts, for claims' context
	recs  map[string]*Record
	finds map[string]*FindingRecord // the reviewer's own findings, by id
	fixes map[string]*FixRecord     // the reviewer's topic fixes, by id
	// own maps the reviewer's findings placed by the last Apply (their ids
	// there, "r1") to their records; ownProblem says why the others are not.
	own, ownProblem map[string]string
	contKey         string // Key of the current articles
	changes         []Change
	warnings        []string

	attached *compare.Result
	attGen   uint64            // gen when attached was assigned
	assigned map[string]string // finding id → record id, for attached
	assKey   map[string]string // finding id → its exact anchor key, to check a finding is attached's

	gen, savedGen uint64 // generations of the newest change and of the newest on disk
	saveErr       error  // the last save's failure, until a save succeeds
	saveMu        sync.Mutex

	anchors map[string]Anchor // see anchor

	idxGen   uint64            // gen when the indexes below were built, +1
	byExact  map[string]string // exact anchor key (sources resolved) → record id
	byLegacy map[string]string // version-1 fingerprint → record id
}

// OpenFile reads the review at path for these sources. A missing file is an
// empty review. A corrupt file, or one of other articles (no source in
// common), is an error and is never written over. Version-1 files are
// read; imports are further version-1 files whose verdicts are merged in
// (see Locate).
func OpenFile(path string, srcs []Source, imports ...string) (*Store, error) {
	s := newStore(path)
	var arts []*loader.Article
	for _, src := range srcs {
		a := src.Article
		arts = append(arts, a)
		rec := SourceRecord{Key: src.Key, ID: a.ID, Digest: Digest(a), Name: oneLine(a.Source), Title: oneLine(a.Title)}
		s.srcs = append(s.srcs, rec)
		s.byID[a.ID] = rec
		s.byKey[rec.Key] = rec
		texts := make([]string, len(a.Paragraphs))
		for i, p := range a.Paragraphs {
			texts[i] = p.Text
		}
		s.paras[a.ID] = texts
	}
	s.contKey = Key(arts)
	if err := s.cleanStale(); err != nil {
		return nil, err
	}
	p, err := readFile(path)
	if err != nil {
		return nil, err
	}
	if p != nil {
		if err := s.checkOwner(p, path); err != nil {
			return nil, err
		}
		s.take(p) // a version-1 file is rewritten as version 2 on the first save
	}
	for _, imp := range imports {
		ip, err := readFile(imp)
		if err != nil {
			return nil, err
		}
		if ip != nil {
			s.take(ip) // written to path on the first save
		}
	}
	s.noteChanges()
	return s, nil
}

// Load opens the review at path for articles known only by their ids and
// the Key of their text: no context, no moves. OpenFile is the full form; Load
// serves callers (and tests) that have no articles at hand.
func Load(path, key string, ids []string) (*Store, error) {
	s := newStore(path)
	s.contKey = key
	for _, id := range ids {
		rec := SourceRecord{Key: id, ID: id}
		s.srcs = append(s.srcs, rec)
		s.byID[id] = rec
		s.byKey[id] = rec
	}
	if err := s.cleanStale(); err != nil {
		return nil, err
	}
	p, err := readFile(path)
	if err != nil {
		return nil, err
	}
	if p != nil {
		if p.file.Key != key {
			if err := s.checkOwner(p, path); err != nil || len(ids) == 0 {
				return nil, fmt.Errorf("review %s: %w (key %s, these articles are %s)", path, ErrOtherArticles, oneLine(p.file.Key), key)
			}
		}
		s.take(p)
	}
	return s, nil
}

func newStore(path string) *Store {
	return &Store{Path: path, byID: map[string]SourceRecord{}, byKey: map[string]SourceRecord{},
		filed: map[string]SourceRecord{}, paras: map[string][]string{}, recs: map[string]*Record{},
		finds: map[string]*FindingRecord{}, fixes: map[string]*FixRecord{}}
}

// cleanStale removes the temporary files that killed saves left (a live
// writer's are spared: see atomicfile.RemoveStale). It is housekeeping: a
// folder the reader may not write in is no error. A missing folder is said
// now rather than at the first save.
func (s *Store) cleanStale() error {
	dir := filepath.Dir(s.Path)
	if target, err := atomicfile.Resolve(s.Path); err == nil {
		dir = filepath.Dir(target)
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("review %s: the folder %s does not exist", s.Path, dir)
	}
	atomicfile.RemoveStale(s.Path)
	return nil
}

// checkOwner refuses a file that shares no source with these articles (by
// key, text or id) and was not made for their text: a review of another
// story, which would show every verdict as an orphan.
func (s *Store) checkOwner(p *parsed, path string) error {
	if p.file.Key == s.contKey {
		return nil
	}
	for _, r := range p.file.Sources {
		if _, ok := s.byKey[r.Key]; ok {
			return nil
		}
		for _, c := range s.srcs {
			if c.Digest != "" && c.Digest == r.Digest || c.ID == r.ID {
				return nil
			}
		}
	}
	for _, id := range p.v1IDs {
		if _, ok := s.byID[id]; ok {
			return nil
		}
	}
	return fmt.Errorf("review %s: %w (none of its sources is among these)", path, ErrOtherArticles)
}

// take merges a file's verdicts, findings, fixes and sources into the
// store: per record the newer wins, as in a save.
func (s *Store) take(p *parsed) {
	s.mergeFile(p.file)
	for _, r := range p.file.Sources {
		s.filed[r.Key] = r
	}
	s.warnings = append(s.warnings, p.warnings...)
}

// noteChanges compares the articles with the review's record of them.
func (s *Store) noteChanges() {
	if len(s.filed) == 0 {
		return
	}
	for _, c := range s.srcs {
		if f, ok := s.filed[c.Key]; ok {
			if f.Digest != c.Digest {
				s.changes = append(s.changes, Change{Source: c.ID, What: "edited"})
			}
			continue
		}
		for _, f := range s.filed {
			if f.Digest == c.Digest {
				s.changes = append(s.changes, Change{Source: c.ID, What: "moved"})
				break
			}
		}
	}
}

// Changes lists the articles whose text changed (or that moved) since the
// review was last saved. Verdicts given on an earlier text say so in their
// Stale.
func (s *Store) Changes() []Change {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.changes)
}

// Warnings lists what had to be cleaned or dropped when the file was read
// (a note with control characters, an evidence link that is not http).
func (s *Store) Warnings() []string {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.warnings)
}

// currentKey resolves an anchor claim's source to a current source's key:
// by key; else by the digest the file recorded for that key (the article
// moved); else by the id it had; else the key as it is (a source not here,
// or a store that knows no articles: see Load).
func (s *Store) currentKey(c AnchorClaim) string {
	if _, ok := s.byKey[c.Source]; ok {
		return c.Source
	}
	if f, ok := s.filed[c.Source]; ok && f.Digest != "" {
		for _, cur := range s.srcs {
			if cur.Digest == f.Digest {
				return cur.Key
			}
		}
	}
	if cur, ok := s.byID[c.ID]; ok {
		return cur.Key
	}
	return c.Source
}

func (s *Store) keyOf(id string) string {
	if r, ok := s.byID[id]; ok {
		return r.Key
	}
	return id
}

// context gives a claim's surrounding words from its paragraph.
func (s *Store) context(c compare.Claim) string {
	ps := s.paras[c.Source]
	if c.Paragraph < 0 || c.Paragraph >= len(ps) {
		return ""
	}
	return contextAround(ps[c.Paragraph], c.Start, c.End)
}

// anchor is what d is about. It is remembered by d's kind and claims as
// given (cheap to spell, where the anchor's words and context take a
// tokenisation of each paragraph): the interface asks for every finding's
// verdict after each change. The sources' keys and paragraphs never change
// in a store, so neither does a finding's anchor.
func (s *Store) anchor(d compare.Discrepancy) Anchor {
	var b strings.Builder
	b.WriteString(string(d.Kind))
	for _, c := range d.Claims {
		fmt.Fprintf(&b, "\x1e%s\x1f%d\x1f%d\x1f%d\x1f%s", c.Source, c.Paragraph, c.Start, c.End, c.Text)
	}
	sig := b.String()
	if a, ok := s.anchors[sig]; ok {
		return a
	}
	a := anchorOf(d, s.keyOf, s.context)
	if s.anchors == nil || len(s.anchors) > maxAnchors {
		s.anchors = map[string]Anchor{}
	}
	s.anchors[sig] = a
	return a
}

// maxAnchors bounds the anchors remembered: ten times the findings of a
// large comparison; past it, they are forgotten and worked out again.
const maxAnchors = 100000

func (s *Store) setsOfDisc(d compare.Discrepancy, a Anchor) wordSets {
	ws := setsOf(a, func(c AnchorClaim) string { return c.Source })
	ws.legacy = Fingerprint(d)
	return ws
}

// Attach attaches the verdicts to the findings of r: each verdict goes to
// the finding it best matches (see the constants in anchor.go), one to one;
// the rest are orphans. Get and Set then follow this attachment. The
// exports attach before they read; the interface attaches once its result
// is known. Attaching the same result again is free.
func (s *Store) Attach(r *compare.Result) {
	if s == nil || r == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.attached == r && s.attGen == s.gen {
		return
	}
	s.attach(r)
}

func (s *Store) attach(r *compare.Result) {
	discs := make([]wordSets, len(r.Discrepancies))
	s.assKey = make(map[string]string, len(r.Discrepancies))
	for i, d := range r.Discrepancies {
		a := s.anchor(d)
		discs[i] = s.setsOfDisc(d, a)
		s.assKey[d.ID] = a.exactKey()
	}
	recs := slices.SortedFunc(maps.Values(s.recs), func(a, b *Record) int { return cmp.Compare(a.ID, b.ID) })
	recSets := make([]wordSets, len(recs))
	for i, rec := range recs {
		recSets[i] = setsOf(rec.Anchor, s.currentKey)
	}
	s.assigned = map[string]string{}
	for di, rid := range assign(discs, recs, recSets) {
		s.assigned[r.Discrepancies[di].ID] = rid
	}
	s.attached, s.attGen = r, s.gen
}

// find returns the record of d, or nil. With a result attached and d one of
// its findings, the attachment decides; otherwise the record with d's exact
// words, then a version-1 record with d's fingerprint.
func (s *Store) find(d compare.Discrepancy) (*Record, Anchor) {
	a := s.anchor(d)
	key := a.exactKey()
	if s.attached != nil {
		if s.attGen != s.gen {
			s.attach(s.attached)
		}
		if k, ok := s.assKey[d.ID]; ok && k == key {
			return s.recs[s.assigned[d.ID]], a
		}
	}
	s.index()
	if id, ok := s.byExact[key]; ok {
		return s.recs[id], a
	}
	if id, ok := s.byLegacy[Fingerprint(d)]; ok {
		return s.recs[id], a
	}
	return nil, a
}

// index builds the look-ups of find, once per change.
func (s *Store) index() {
	if s.idxGen == s.gen+1 {
		return
	}
	s.byExact, s.byLegacy = map[string]string{}, map[string]string{}
	for _, r := range s.recs {
		if len(r.Anchor.Claims) == 0 {
			if r.Legacy != "" {
				if cur, ok := s.byLegacy[r.Legacy]; !ok || r.ID < cur {
					s.byLegacy[r.Legacy] = r.ID
				}
			}
			continue
		}
		ra := Anchor{Kind: r.Anchor.Kind, Claims: slices.Clone(r.Anchor.Claims)}
		for i := range ra.Claims {
			ra.Claims[i].Source = s.currentKey(ra.Claims[i])
		}
		slices.SortFunc(ra.Claims, func(x, y AnchorClaim) int {
			return cmp.Or(cmp.Compare(x.Source, y.Source), cmp.Compare(x.Words, y.Words))
		})
		k := ra.exactKey()
		if cur, ok := s.byExact[k]; !ok || r.ID < cur {
			s.byExact[k] = r.ID
		}
	}
	s.idxGen = s.gen + 1
}

// entry turns a record into what callers see.
func (s *Store) entry(r *Record) Entry {
	e := Entry{ID: r.Finding, Summary: r.Summary, Status: r.Status, Note: r.Note, Evidence: r.Evidence, Updated: r.Updated, Kind: r.Anchor.Kind}
	switch r.Right {
	case "", Unresolved:
		e.Right = r.Right
	default:
		if cur, ok := s.byKey[s.currentKey(AnchorClaim{Source: r.Right})]; ok {
			e.Right = cur.ID
		} else {
			e.Right = r.Right
		}
	}
	for _, k := range slices.Sorted(maps.Keys(r.Texts)) {
		if cur, ok := s.byKey[s.currentKey(AnchorClaim{Source: k})]; ok && cur.Digest != "" && cur.Digest != r.Texts[k] {
			e.Stale = append(e.Stale, cur.ID)
		}
	}
	return e
}

// Get returns the review of d; an unreviewed finding is Open.
func (s *Store) Get(d compare.Discrepancy) Entry {
	if s == nil {
		return Entry{ID: d.ID, Summary: d.Summary, Status: Open, Kind: d.Kind}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r, _ := s.find(d)
	if r == nil {
		return Entry{ID: d.ID, Summary: d.Summary, Status: Open, Kind: d.Kind}
	}
	e := s.entry(r)
	e.ID, e.Summary = d.ID, d.Summary
	return e
}

// Set records a status and a note on d, keeping the source named right and
// the evidence link; Save writes it. The note is cleaned (CleanNote); a
// status that is not one of the three leaves the status as it was.
func (s *Store) Set(d compare.Discrepancy, status Status, note string, now time.Time) {
	s.update(d, now, func(r *Record) {
		switch status {
		case "":
			r.Status = Open
		case Open, Confirmed, Dismissed:
			r.Status = status
		}
		r.Note = CleanNote(note)
	})
}

// SetVerdict records a whole verdict on d in memory; Save writes it. The
// note is cleaned (CleanNote). An evidence link that is not http(s)
// (ErrEvidence), an unknown status, or a Right that is neither Unresolved
// nor one of d's sources is refused, and nothing changes.
func (s *Store) SetVerdict(d compare.Discrepancy, v Verdict, now time.Time) error {
	switch v.Status {
	case "":
		v.Status = Open
	case Open, Confirmed, Dismissed:
	default:
		return fmt.Errorf("unknown status %q", oneLine(string(v.Status)))
	}
	ev, err := CleanEvidence(v.Evidence)
	if err != nil {
		return err
	}
	if v.Right != "" && v.Right != Unresolved && !slices.ContainsFunc(d.Claims, func(c compare.Claim) bool { return c.Source == v.Right }) {
		return fmt.Errorf("%s is not a source of %s: name one of its sources, or %s", oneLine(v.Right), d.ID, Unresolved)
	}
	s.update(d, now, func(r *Record) {
		r.Status, r.Note, r.Evidence, r.Right = v.Status, CleanNote(v.Note), ev, v.Right
		if v.Right != "" && v.Right != Unresolved {
			r.Right = s.keyOf(v.Right)
		}
	})
	return nil
}

// update changes d's record (made if missing), re-anchored on d as it is
// now, with the digests of its sources' text.
func (s *Store) update(d compare.Discrepancy, now time.Time, change func(*Record)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, a := s.find(d)
	if r == nil {
		id := recordID(a)
		for n := 2; s.recs[id] != nil; n++ { // a finding with the same words as another's
			id = fmt.Sprintf("%s-%d", recordID(a), n)
		}
		r = &Record{ID: id, Status: Open}
		s.recs[id] = r
		if s.attached != nil && s.assKey[d.ID] == a.exactKey() {
			s.assigned[d.ID] = id
		}
	}
	r.Finding, r.Summary, r.Anchor, r.Legacy = d.ID, oneLine(d.Summary), a, ""
	change(r)
	r.Texts = map[string]string{}
	for _, c := range d.Claims {
		if src, ok := s.byID[c.Source]; ok && src.Digest != "" {
			r.Texts[src.Key] = src.Digest
		}
	}
	r.Updated = now.UTC()
	s.gen++
	if s.attached != nil {
		s.attGen = s.gen // the attachment holds r already
	}
}

// Orphans lists the verdicts that match no finding of the attached result
// (see Attach), oldest first: kept, never dropped, so that a reviewer can
// see what they were about. Without an attached result it is empty.
func (s *Store) Orphans() []Entry {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.attached == nil {
		return nil
	}
	if s.attGen != s.gen {
		s.attach(s.attached)
	}
	used := map[string]bool{}
	for _, rid := range s.assigned {
		used[rid] = true
	}
	var out []Entry
	for _, r := range s.recs {
		if used[r.ID] || (Verdict{Status: r.Status, Right: r.Right, Note: r.Note, Evidence: r.Evidence}).IsZero() {
			continue
		}
		e := s.entry(r)
		for _, c := range r.Anchor.Claims {
			src := c.ID
			if cur, ok := s.byKey[s.currentKey(c)]; ok {
				src = cur.ID
			}
			e.Claims = append(e.Claims, OrphanClaim{Source: src, Words: c.Words})
		}
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b Entry) int {
		return cmp.Or(a.Updated.Compare(b.Updated), cmp.Compare(a.ID, b.ID), cmp.Compare(a.Summary, b.Summary))
	})
	return out
}

// Len counts the verdicts that say something (open ones without a note,
// link or source named right do not count).
func (s *Store) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, r := range s.recs {
		if !(Verdict{Status: r.Status, Right: r.Right, Note: r.Note, Evidence: r.Evidence}).IsZero() {
			n++
		}
	}
	return n
}

// Err returns why the last save failed, while changes are still not on
// disk; nil once a save succeeds. The interface shows it until then, and
// reports it at exit.
func (s *Store) Err() error {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gen == s.savedGen {
		return nil
	}
	return s.saveErr
}

// Unsaved reports whether some change is not on disk yet.
func (s *Store) Unsaved() bool {
	if s == nil {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.gen != s.savedGen
}

// Save writes the review: under the review's lock it reads the file as it
// is now (another instance may have saved since), merges (per verdict the
// newer wins), and replaces the file atomically (atomicfile.Write). When
// Save returns nil the review is on disk, and the store holds the other
// instance's verdicts too. A corrupt file on disk is not written over.
// Concurrent saves are serialised; a save with nothing new does nothing.
func (s *Store) Save() error {
	s.saveMu.Lock()
	defer s.saveMu.Unlock()
	s.mu.Lock()
	if s.gen == s.savedGen {
		s.mu.Unlock()
		return nil
	}
	gen := s.gen
	s.mu.Unlock()
	err := s.write()
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.saveErr = fmt.Errorf("save review: %w", err)
		return s.saveErr
	}
	s.savedGen, s.saveErr = gen, nil
	return nil
}

// Refresh reads the file and merges what another instance saved into the
// store, without writing.
func (s *Store) Refresh() error {
	p, err := readFile(s.Path)
	if err != nil || p == nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.checkOwner(p, s.Path); err != nil {
		return err
	}
	s.merge(p.file)
	return nil
}

// merge takes into the store the verdicts, findings and fixes of a file
// that are newer than its own; the attachment is redone when a verdict
// came in.
func (s *Store) merge(f File) {
	if s.mergeFile(f) && s.attached != nil {
		s.attach(s.attached)
	}
}

// mergeFile takes a file's records that are newer than the store's, and
// reports whether a verdict came in. Findings and fixes that came in show
// at the next Apply and Pins.
func (s *Store) mergeFile(f File) bool {
	changed := mergeRecords(s.recs, f.Verdicts, func(r *Record) string { return r.ID }, func(r *Record) time.Time { return r.Updated })
	mergeRecords(s.finds, f.Findings, func(r *FindingRecord) string { return r.ID }, func(r *FindingRecord) time.Time { return r.Updated })
	mergeRecords(s.fixes, f.Fixes, func(r *FixRecord) string { return r.ID }, func(r *FixRecord) time.Time { return r.Updated })
	return changed
}

func (s *Store) write() error {
	lock, err := atomicfile.Acquire(s.Path)
	if err != nil {
		return err
	}
	defer lock.Release()
	disk, err := readFile(s.Path)
	if err != nil {
		return err
	}
	s.mu.Lock()
	if disk != nil {
		if err := s.checkOwner(disk, s.Path); err != nil {
			s.mu.Unlock()
			return err
		}
		if disk.version == FormatVersion {
			s.merge(disk.file)
		}
	}
	f := File{Version: FormatVersion, Key: s.contKey, Sources: slices.Clone(s.srcs)}
	for _, r := range slices.SortedFunc(maps.Values(s.recs), func(a, b *Record) int { return cmp.Compare(a.ID, b.ID) }) {
		f.Verdicts = append(f.Verdicts, *r)
	}
	f.Findings, f.Fixes = sortedRecords(s.finds), sortedRecords(s.fixes)
	s.mu.Unlock()
	if f.Verdicts == nil {
		f.Verdicts = []Record{}
	}
	data, err := marshal(f)
	if err != nil {
		return err
	}
	if disk != nil && disk.version == 1 {
		// Keep the version-1 file as it was, beside the new one.
		old := s.Path + ".v1"
		if _, err := os.Stat(old); err != nil {
			if err := atomicfile.Write(old, disk.raw, 0o644); err != nil {
				return fmt.Errorf("keep the version-1 review as %s: %w", old, err)
			}
		}
	}
	return atomicfile.Write(s.Path, data, 0o644)
}

// Summary is one line on the review for people: how many verdicts, how
// many orphaned, which articles changed.
func (s *Store) Summary() string {
	if s == nil {
		return ""
	}
	n, orphans, changes := s.Len(), len(s.Orphans()), s.Changes()
	parts := []string{plural(n, "verdict")}
	if orphans > 0 {
		parts = append(parts, plural(orphans, "verdict")+" matching no finding")
	}
	own, unplaced := 0, 0
	for _, e := range s.Own() {
		own++
		if e.Finding == "" {
			unplaced++
		}
	}
	if own > 0 {
		parts = append(parts, plural(own, "finding")+" of the reviewer's")
	}
	if unplaced > 0 {
		parts = append(parts, plural(unplaced, "finding")+" of the reviewer's not placed")
	}
	s.mu.Lock()
	fixes := len(s.fixRecords())
	s.mu.Unlock()
	if fixes > 0 {
		parts = append(parts, plural(fixes, "topic fix", "topic fixes"))
	}
	for _, c := range changes {
		parts = append(parts, c.Source+" "+c.What+" since the review")
	}
	return strings.Join(parts, "; ")
}

// plural is n and the word, in the plural when n is not 1 (given, else
// with an s).
func plural(n int, word string, many ...string) string {
	if n == 1 {
		return "1 " + word
	}
	if len(many) > 0 {
		return fmt.Sprintf("%d %s", n, many[0])
	}
	return fmt.Sprintf("%d %ss", n, word)
}

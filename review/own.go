package review

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
)

// A reviewer's own findings: discrepancies the engine missed, recorded by
// hand from spans the reviewer marked. Like a verdict, each is kept by
// what it is about, not by where it was: its claims' exact words, found
// again in the articles when they are opened (an edit elsewhere, or around
// the words, changes nothing); words that are gone leave the finding
// unplaced, listed, never dropped.

// Kinds lists the kinds a finding may have, as compare defines them, in
// the order the interface offers them.
var Kinds = []compare.Kind{compare.KindNumber, compare.KindOutcome, compare.KindQuote, compare.KindTime,
	compare.KindList, compare.KindHedging, compare.KindAttribution}

// OwnPrefix starts the id a reviewer's finding gets in a comparison ("r1",
// "r2"...), where the engine's are "d1", "d2"...: a person tells them
// apart in every list. Code asks IsOwn.
const OwnPrefix = "r"

// OwnSeverity is the severity of a reviewer's finding: a real difference
// a reader would notice, which the reviewer judged worth recording; the
// verdict's note says more.
const OwnSeverity = compare.SeverityMedium

// FindingRecord is a reviewer's finding as stored.
type FindingRecord struct {
	ID     string       `json:"id"`
	Kind   compare.Kind `json:"kind"`
	Note   string       `json:"note,omitempty"`
	Claims []OwnClaim   `json:"claims"`
	// Removed marks a finding the reviewer took back: kept, so that a
	// merge with another instance's older copy does not bring it back.
	Removed bool      `json:"removed,omitempty"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// OwnClaim is one marked span of a reviewer's finding: its source (by key,
// and by the id it had), its exact words and where they were, with the
// words around them to choose among several places that hold the words.
type OwnClaim struct {
	Source    string `json:"source"`
	ID        string `json:"id"`
	Paragraph int    `json:"paragraph"`
	Start     int    `json:"start"`
	Text      string `json:"text"`
	Context   string `json:"context,omitempty"`
}

// OwnEntry is a reviewer's finding as the interface and the exports list it.
type OwnEntry struct {
	ID      string // the record's id in the review file
	Finding string // its id in the comparison last applied ("r1"), "" when not placed
	Kind    compare.Kind
	Note    string
	Claims  []OwnClaim // Source is a current id where the source is here
	Created time.Time
	// Problem says why it is not placed in the comparison: its words are
	// no longer in an article, or a source is left out. "" when placed.
	Problem string
}

// AddFinding records a discrepancy the reviewer found: a kind (one of
// Kinds), two or more spans of the articles' paragraphs in at least two
// sources, and a note (cleaned, CleanNote). It returns the record's id;
// Apply then shows it in a comparison. A bad kind or span is refused, and
// nothing changes.
func (s *Store) AddFinding(kind compare.Kind, spans []compare.Span, note string, arts []*loader.Article, now time.Time) (string, error) {
	if !slices.Contains(Kinds, kind) {
		return "", fmt.Errorf("unknown kind %q: want one of %s", oneLine(string(kind)), kindList())
	}
	byID := articlesByID(arts)
	srcs := map[string]bool{}
	var claims []OwnClaim
	for _, sp := range spans {
		a := byID[sp.Source]
		if a == nil || sp.Paragraph < 0 || sp.Paragraph >= len(a.Paragraphs) {
			return "", fmt.Errorf("no paragraph %d in %s", sp.Paragraph, oneLine(sp.Source))
		}
		text := a.Paragraphs[sp.Paragraph].Text
		if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End || !utf8.RuneStart(text[sp.Start]) || (sp.End < len(text) && !utf8.RuneStart(text[sp.End])) {
			return "", fmt.Errorf("span %d-%d does not fit paragraph %d of %s", sp.Start, sp.End, sp.Paragraph, oneLine(sp.Source))
		}
		if strings.TrimSpace(text[sp.Start:sp.End]) == "" {
			return "", fmt.Errorf("the span marked in %s holds no words", oneLine(sp.Source))
		}
		srcs[sp.Source] = true
		claims = append(claims, OwnClaim{Source: s.keyOf(a.ID), ID: a.ID, Paragraph: sp.Paragraph, Start: sp.Start,
			Text: text[sp.Start:sp.End], Context: contextAround(text, sp.Start, sp.End)})
	}
	if len(srcs) < 2 {
		return "", errors.New("a finding needs words from two sources at least: mark a span in another source")
	}
	slices.SortFunc(claims, func(x, y OwnClaim) int {
		return cmp.Or(cmp.Compare(x.Source, y.Source), cmp.Compare(x.Paragraph, y.Paragraph), cmp.Compare(x.Start, y.Start))
	})
	h := sha256.New()
	h.Write([]byte(kind))
	for _, c := range claims {
		fmt.Fprintf(h, "\x1e%s\x1f%s", c.Source, c.Text)
	}
	id := "h" + hex.EncodeToString(h.Sum(nil))[:16]
	s.mu.Lock()
	defer s.mu.Unlock()
	r := &FindingRecord{ID: id, Kind: kind, Note: CleanNote(note), Claims: claims, Created: now.UTC(), Updated: now.UTC()}
	if old, ok := s.finds[id]; ok && !old.Created.IsZero() {
		r.Created = old.Created // the same finding given again: its place in the list stays
	}
	s.finds[id] = r
	s.gen++
	return id, nil
}

// SetFindingRemoved takes back a reviewer's finding (removed true) or
// gives it back (false, to undo). An unknown id is an error.
func (s *Store) SetFindingRemoved(id string, removed bool, now time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.finds[id]
	if !ok {
		return fmt.Errorf("no finding %s in the review", oneLine(id))
	}
	r.Removed, r.Updated = removed, now.UTC()
	s.gen++
	return nil
}

// IsOwn reports whether a finding of the comparison last applied (Apply)
// is the reviewer's, and gives its record.
func (s *Store) IsOwn(d compare.Discrepancy) (OwnEntry, bool) {
	if s == nil {
		return OwnEntry{}, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rid, ok := s.own[d.ID]
	if !ok || s.finds[rid] == nil || s.finds[rid].Removed {
		return OwnEntry{}, false
	}
	e := s.ownEntry(s.finds[rid])
	e.Finding = d.ID
	return e, true
}

// Own lists the reviewer's findings that are not taken back, in the order
// they were made, each with where it stands in the comparison last
// applied: its id there, or the problem that keeps it out.
func (s *Store) Own() []OwnEntry {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	placed := map[string]string{}
	for did, rid := range s.own {
		placed[rid] = did
	}
	var out []OwnEntry
	for _, r := range s.ownRecords() {
		e := s.ownEntry(r)
		e.Finding = placed[r.ID]
		if e.Finding == "" {
			e.Problem = s.ownProblem[r.ID]
			if e.Problem == "" {
				e.Problem = "not yet placed in a comparison"
			}
		}
		out = append(out, e)
	}
	return out
}

// ownRecords are the findings not taken back, oldest first.
func (s *Store) ownRecords() []*FindingRecord {
	var out []*FindingRecord
	for _, r := range s.finds {
		if !r.Removed {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b *FindingRecord) int { return cmp.Or(a.Created.Compare(b.Created), cmp.Compare(a.ID, b.ID)) })
	return out
}

func (s *Store) ownEntry(r *FindingRecord) OwnEntry {
	e := OwnEntry{ID: r.ID, Kind: r.Kind, Note: r.Note, Created: r.Created}
	for _, c := range r.Claims {
		if cur, ok := s.byKey[s.currentKey(AnchorClaim{Source: c.Source, ID: c.ID})]; ok {
			c.Source = cur.ID
		} else {
			c.Source = c.ID
		}
		e.Claims = append(e.Claims, c)
	}
	return e
}

// placeOwn finds the reviewer's findings in the articles and makes each
// placed one a discrepancy of r, numbered r1, r2... in the order they were
// made. Called with the lock held.
func (s *Store) placeOwn(r *compare.Result, arts map[string]*loader.Article) []compare.Discrepancy {
	s.own, s.ownProblem = map[string]string{}, map[string]string{}
	inResult := map[string]bool{}
	for _, id := range r.Sources {
		inResult[id] = true
	}
	var out []compare.Discrepancy
	for _, rec := range s.ownRecords() {
		d := compare.Discrepancy{Kind: rec.Kind, Severity: OwnSeverity, Why: "recorded by the reviewer: the engine did not find it"}
		problem := ""
		for _, c := range rec.Claims {
			a := s.articleOf(c.Source, c.ID, arts)
			if a == nil {
				problem = "the article " + c.ID + " is not among these"
				break
			}
			if !inResult[a.ID] {
				problem = "its source " + a.ID + " is left out of the comparison"
				break
			}
			sp, ok := placeSpan(a, c)
			if !ok {
				problem = "its words are no longer in " + a.ID + ": “" + shortWords(c.Text) + "”"
				break
			}
			d.Claims = append(d.Claims, compare.Claim{Span: sp, Text: a.Paragraphs[sp.Paragraph].Text[sp.Start:sp.End]})
		}
		if problem != "" {
			s.ownProblem[rec.ID] = problem
			continue
		}
		d.ID = fmt.Sprintf("%s%d", OwnPrefix, len(out)+1)
		d.Topic = topicOf(r, compare.Ref{Source: d.Claims[0].Source, Paragraph: d.Claims[0].Paragraph})
		d.Summary = ownSummary(rec, d.Claims)
		s.own[d.ID] = rec.ID
		out = append(out, d)
	}
	return out
}

// ownSummary is the one line of a reviewer's finding: the note when there
// is one, else its words side by side.
func ownSummary(r *FindingRecord, claims []compare.Claim) string {
	if r.Note != "" {
		return r.Note
	}
	parts := make([]string, 0, len(claims))
	for _, c := range claims {
		parts = append(parts, "“"+shortWords(c.Text)+"” ("+c.Source+")")
	}
	return string(r.Kind) + ", recorded by the reviewer: " + strings.Join(parts, " against ")
}

// shortWords cuts a claim's words for a summary line.
func shortWords(s string) string {
	s = oneLine(s)
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	return string([]rune(s)[:59]) + "…"
}

// topicOf is the first topic that holds a paragraph (one several sources
// share before a source's own), or "".
func topicOf(r *compare.Result, ref compare.Ref) string {
	own := ""
	for _, t := range r.Topics {
		if slices.Contains(t.Members, ref) {
			if !t.Own {
				return t.ID
			}
			if own == "" {
				own = t.ID
			}
		}
	}
	return own
}

// placeSpan finds a claim's words in an article: where they were, when
// they still are; else every place that holds them exactly, the one whose
// surroundings match best (then the nearest); else the same words with
// other punctuation or spacing.
func placeSpan(a *loader.Article, c OwnClaim) (compare.Span, bool) {
	if c.Paragraph >= 0 && c.Paragraph < len(a.Paragraphs) {
		if t := a.Paragraphs[c.Paragraph].Text; c.Start >= 0 && c.Start+len(c.Text) <= len(t) && t[c.Start:c.Start+len(c.Text)] == c.Text {
			return compare.Span{Source: a.ID, Paragraph: c.Paragraph, Start: c.Start, End: c.Start + len(c.Text)}, true
		}
	}
	type place struct {
		sp    compare.Span
		score float64
	}
	var best *place
	consider := func(p, start, end int) {
		ctx := contextAround(a.Paragraphs[p].Text, start, end)
		sc := overlap(wordSet(ctx), wordSet(c.Context))
		dist := abs(p-c.Paragraph)*1000 + abs(start-c.Start)
		if best == nil || sc > best.score || sc == best.score && dist < abs(best.sp.Paragraph-c.Paragraph)*1000+abs(best.sp.Start-c.Start) {
			best = &place{compare.Span{Source: a.ID, Paragraph: p, Start: start, End: end}, sc}
		}
	}
	for p, para := range a.Paragraphs {
		for off := 0; off <= len(para.Text); {
			i := strings.Index(para.Text[off:], c.Text)
			if i < 0 || c.Text == "" {
				break
			}
			consider(p, off+i, off+i+len(c.Text))
			off += i + 1
		}
	}
	if best != nil {
		return best.sp, true
	}
	want := words(c.Text)
	if len(want) == 0 {
		return compare.Span{}, false
	}
	for p, para := range a.Paragraphs {
		ws := wordSpans(para.Text)
		for i := 0; i+len(want) <= len(ws); i++ {
			match := true
			for j := range want {
				if ws[i+j].w != want[j] {
					match = false
					break
				}
			}
			if match {
				consider(p, ws[i].start, ws[i+len(want)-1].end)
			}
		}
	}
	if best != nil {
		return best.sp, true
	}
	return compare.Span{}, false
}

// wordSpan is a normalised word (as words gives it) and its bytes in the
// text it came from.
type wordSpan struct {
	w          string
	start, end int
}

// wordSpans are the words of s, as words normalises them, with their byte
// ranges in s.
func wordSpans(s string) []wordSpan {
	var out []wordSpan
	var b strings.Builder
	start := -1
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	flush := func(end int) {
		if b.Len() > 0 {
			out = append(out, wordSpan{b.String(), start, end})
			b.Reset()
		}
		start = -1
	}
	for i, r := range s {
		next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
		switch {
		case word(r):
			if start < 0 {
				start = i
			}
			b.WriteString(strings.ToLower(string(r)))
		case r == '-' && b.Len() > 0 && i+1 < len(s) && word(next):
			b.WriteRune(r)
		default:
			flush(i)
		}
	}
	flush(len(s))
	return out
}

func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(s) {
		out[w] = true
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func kindList() string {
	ks := make([]string, len(Kinds))
	for i, k := range Kinds {
		ks[i] = string(k)
	}
	return strings.Join(ks, ", ")
}

func articlesByID(arts []*loader.Article) map[string]*loader.Article {
	out := make(map[string]*loader.Article, len(arts))
	for _, a := range arts {
		if a != nil {
			out[a.ID] = a
		}
	}
	return out
}

// articleOf finds the article a record names by its source's key (or the
// article that moved there) and the id it had, among arts.
func (s *Store) articleOf(key, id string, arts map[string]*loader.Article) *loader.Article {
	if cur, ok := s.byKey[s.currentKey(AnchorClaim{Source: key, ID: id})]; ok {
		if a := arts[cur.ID]; a != nil {
			return a
		}
	}
	return arts[id] // a store that knows no articles (Load) keys them by id
}

// mergeRecords takes into dst the records of src that are newer, and
// reports whether any came in.
func mergeRecords[R any](dst map[string]*R, src []R, id func(*R) string, updated func(*R) time.Time) bool {
	changed := false
	for i := range src {
		r := src[i]
		if cur, ok := dst[id(&r)]; !ok || updated(&r).After(updated(cur)) {
			dst[id(&r)] = &r
			changed = true
		}
	}
	return changed
}

// sortedRecords lists a map's records in id order, for the file.
func sortedRecords[R any](m map[string]*R) []R {
	out := make([]R, 0, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		out = append(out, *m[k])
	}
	return out
}

package export

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
	"github.com/parallax-news/parallax/review"
)

// view is a Doc as every export shows it, built once: each string cleaned
// (clean.go), each source named so a person can tell it apart, each
// finding with its verdict, the orphaned verdicts and the timeline. The
// renderers read only this.
type view struct {
	generator  string
	res        *compare.Result
	facts      map[string]int // a fact's id to its index in res.Facts (the last of an id)
	sources    []*viewSource  // in the result's order
	byID       map[string]*viewSource
	topicLabel map[string]string
	discs      []viewDisc
	orphans    []viewOrphan
	changes    []string // "wire: edited since the review", one per article
	timeline   []*viewSource
	unique     []compare.Unique
	reconciled []compare.Reconciled
	hasReview  bool
	table      []viewRow     // the fact table (table.go)
	fixes      []viewFix     // the reviewer's topic fixes
	excluded   []viewSource  // the sources a fix left out of the comparison (ID and Name only)
	offEvent   []viewOff     // the sources the engine thinks may report another event
	unplaced   []viewUnplace // the reviewer's findings whose words are gone
}

// viewFix is a topic fix of the reviewer's, with its pins as they apply.
type viewFix struct {
	ID, Op, Says, Created string
	Pins                  []compare.Pin // strings cleaned
	Unapplied             int
}

// PinCount is how many pins a fix sets, in words ("1 pin", "5 pins").
func (f viewFix) PinCount() string { return plural(len(f.Pins), "pin") }

// viewUnplace is a finding of the reviewer's that is not in this
// comparison, and why.
type viewUnplace struct {
	ID, Kind, Note, Problem string
	Claims                  []viewOrphanClaim // Source is the source's id; Name how the exports call it
}

// viewSource is one article as the exports name it.
// viewOff is a source that may report another event, and why.
type viewOff struct{ ID, Name, Reason string }

type viewSource struct {
	N                          int // from 1, in the result's order
	ID, Path, Format           string
	Outlet, Title, Author, URL string
	Published                  string // the loader's form: a date, or RFC 3339
	Name                       string // short, and unlike any other source's name
	Label                      string // outlet, title, byline and date, and the id
	Paras                      []string
	Kinds                      []loader.Kind
	art                        *loader.Article
	hasTime                    bool
	publishedAt                int64 // for the timeline; 0 when undated
	sentences                  int
}

// viewDisc is one finding with its review.
type viewDisc struct {
	compare.Discrepancy              // strings cleaned; claims' text as their paragraph's
	Review              review.Entry // strings cleaned
	RightName           string       // the source named right, by its Name; "unresolved"; ""
	StaleNames          []string     // the sources whose text changed since the verdict
	Own                 bool         // recorded by the reviewer, not found by the engine
}

// By says who found a finding: "engine" or "reviewer".
func (vd viewDisc) By() string {
	if vd.Own {
		return "reviewer"
	}
	return "engine"
}

// viewOrphan is a verdict that matches no finding.
type viewOrphan struct {
	review.Entry
	RightName string
	Claims    []viewOrphanClaim
}

type viewOrphanClaim struct {
	Source string // the source's Name where it is here, else the id it had (for an unplaced finding: the id)
	Name   string // for an unplaced finding: the source's Name
	Words  string
}

func newView(d Doc) *view {
	r := d.Result
	if r == nil {
		r = &compare.Result{}
	}
	v := &view{generator: line(d.Generator), res: r, byID: map[string]*viewSource{}, topicLabel: map[string]string{}, hasReview: d.Review != nil}
	// The facts are indexed by id while the rest is read (200,000 ids for
	// a 10 MB article took a third of the view, on one core).
	facts, indexed := r.Facts, make(chan map[string]int, 1)
	go func() { indexed <- indexFacts(facts) }()
	arts := map[string]*loader.Article{}
	for _, a := range d.Articles {
		if a != nil {
			arts[a.ID] = a
		}
	}
	for i, id := range r.Sources {
		a := arts[id]
		if a == nil {
			a = &loader.Article{ID: id}
		}
		s := &viewSource{N: i + 1, ID: line(a.ID), Path: line(a.ShownPath()), Format: line(string(a.Format)), Title: line(a.Title),
			Author: line(a.Author), URL: line(a.URL), Published: a.Published.String(), art: a, hasTime: a.Published.HasTime}
		if a.Source != "" && a.Source != a.ID {
			s.Outlet = line(a.Source)
		}
		if !a.Published.IsZero() {
			s.publishedAt = a.Published.Time.UnixNano()
		}
		s.Paras, s.Kinds = make([]string, 0, len(a.Paragraphs)), make([]loader.Kind, 0, len(a.Paragraphs))
		for _, p := range a.Paragraphs {
			s.Paras = append(s.Paras, inPlace(p.Text))
			s.Kinds = append(s.Kinds, p.Kind)
			if p.Kind == loader.KindBody {
				s.sentences += len(p.Sentences)
			}
		}
		v.sources = append(v.sources, s)
		v.byID[id] = s
	}
	nameSources(v.sources)
	v.timeline = slices.Clone(v.sources)
	slices.SortStableFunc(v.timeline, func(a, b *viewSource) int {
		switch {
		case a.publishedAt == 0 && b.publishedAt == 0:
			return 0
		case a.publishedAt == 0:
			return 1 // undated last
		case b.publishedAt == 0:
			return -1
		}
		return cmp.Compare(a.publishedAt, b.publishedAt)
	})
	for _, t := range r.Topics {
		v.topicLabel[t.ID] = line(t.Label)
	}
	// The reviewer's findings are placed in the comparison where they are
	// not yet (review.Compare and the interface place them); Apply also
	// attaches the verdicts.
	if d.Review != nil && !placed(d.Review, r) {
		r = d.Review.Apply(r, d.Articles)
		v.res = r
	}
	d.Review.Attach(r)
	for _, disc := range r.Discrepancies {
		_, own := d.Review.IsOwn(disc)
		vd := viewDisc{Discrepancy: v.cleanDisc(disc), Review: cleanEntry(d.Review.Get(disc)), Own: own}
		vd.RightName = v.rightName(vd.Review.Right)
		for _, id := range vd.Review.Stale {
			vd.StaleNames = append(vd.StaleNames, v.name(id))
		}
		v.discs = append(v.discs, vd)
	}
	for _, e := range d.Review.Orphans() {
		o := viewOrphan{Entry: cleanEntry(e)}
		o.RightName = v.rightName(o.Right)
		for _, c := range e.Claims {
			o.Claims = append(o.Claims, viewOrphanClaim{Source: v.name(c.Source), Words: line(c.Words)})
		}
		v.orphans = append(v.orphans, o)
	}
	for _, c := range d.Review.Changes() {
		v.changes = append(v.changes, v.name(c.Source)+": "+line(c.What)+" since the review")
	}
	for _, f := range d.Review.Fixes(d.Articles) {
		vf := viewFix{ID: line(f.ID), Op: line(string(f.Op)), Says: line(f.Says), Created: f.Created.UTC().Format(time.RFC3339), Unapplied: f.Unapplied}
		for _, p := range f.Pins {
			vf.Pins = append(vf.Pins, compare.Pin{Kind: compare.PinKind(line(string(p.Kind))), A: compare.Ref{Source: line(p.A.Source), Paragraph: p.A.Paragraph},
				B: compare.Ref{Source: line(p.B.Source), Paragraph: p.B.Paragraph}, Source: line(p.Source)})
		}
		v.fixes = append(v.fixes, vf)
	}
	for _, o := range r.OffEvent {
		name := line(o.Source)
		for _, s := range v.sources {
			if s.ID == line(o.Source) {
				name = s.Name // as the sources' list names it
			}
		}
		v.offEvent = append(v.offEvent, viewOff{ID: line(o.Source), Name: name, Reason: line(o.Reason)})
	}
	for _, id := range r.Excluded {
		name := line(id)
		if a := arts[id]; a != nil {
			name = cmp.Or(line(a.Title), name)
			if a.Source != "" && a.Source != a.ID {
				name = line(a.Source) + " (" + name + ")"
			}
		}
		v.excluded = append(v.excluded, viewSource{ID: line(id), Name: name})
	}
	for _, e := range d.Review.Own() {
		if e.Finding != "" {
			continue
		}
		u := viewUnplace{ID: line(e.ID), Kind: line(string(e.Kind)), Note: line(e.Note), Problem: line(e.Problem)}
		for _, c := range e.Claims {
			u.Claims = append(u.Claims, viewOrphanClaim{Source: line(c.Source), Name: v.name(c.Source), Words: line(c.Text)})
		}
		v.unplaced = append(v.unplaced, u)
	}
	v.unique = make([]compare.Unique, 0, len(r.Unique))
	for _, u := range r.Unique {
		u.Text = v.claimText(u.Span, u.Text)
		u.Value, u.Topic, u.Source = line(u.Value), line(u.Topic), line(u.Source)
		v.unique = append(v.unique, u)
	}
	v.reconciled = make([]compare.Reconciled, 0, len(r.Reconciled))
	for _, rc := range r.Reconciled {
		rc.Claims = v.cleanClaims(rc.Claims)
		rc.Reason = line(rc.Reason)
		v.reconciled = append(v.reconciled, rc)
	}
	v.facts = <-indexed
	if len(r.Facts) != len(facts) || len(facts) > 0 && &r.Facts[0] != &facts[0] {
		v.facts = indexFacts(r.Facts) // the review's result holds other facts (Apply keeps the engine's)
	}
	v.table = v.buildTable()
	return v
}

// indexFacts maps each fact's id to its index (the last of an id).
func indexFacts(facts []compare.Fact) map[string]int {
	m := make(map[string]int, len(facts))
	for i, f := range facts {
		m[f.ID] = i
	}
	return m
}

// cleanDisc cleans a finding's strings; its claims' text becomes the slice
// of their cleaned paragraph, so that it still equals it.
func (v *view) cleanDisc(d compare.Discrepancy) compare.Discrepancy {
	d.ID, d.Topic, d.Summary, d.Why = line(d.ID), line(d.Topic), line(d.Summary), line(d.Why)
	d.Kind, d.Severity = compare.Kind(line(string(d.Kind))), compare.Severity(line(string(d.Severity)))
	d.Claims = v.cleanClaims(d.Claims)
	if d.Diff != nil {
		diff := make([]compare.DiffOp, len(d.Diff))
		for i, op := range d.Diff {
			diff[i] = compare.DiffOp{Op: compare.Op(line(string(op.Op))), Text: line(op.Text)}
		}
		d.Diff = diff
	}
	return d
}

func (v *view) cleanClaims(cs []compare.Claim) []compare.Claim {
	out := make([]compare.Claim, len(cs))
	for i, c := range cs {
		out[i] = v.cleanClaim(c)
	}
	return out
}

func (v *view) cleanClaim(c compare.Claim) compare.Claim {
	c.Text = v.claimText(c.Span, c.Text)
	c.Value, c.Source = line(c.Value), line(c.Source)
	return c
}

// claimText is a claim's words as its cleaned paragraph holds them, or its
// own text cleaned when its span does not fit its paragraph.
func (v *view) claimText(sp compare.Span, text string) string {
	if s := v.byID[sp.Source]; s != nil && sp.Paragraph >= 0 && sp.Paragraph < len(s.Paras) {
		if t, ok := slice(s.Paras[sp.Paragraph], sp.Start, sp.End); ok {
			return t
		}
	}
	return line(text)
}

// para returns a paragraph's cleaned text, and whether it exists.
func (v *view) para(id string, p int) (string, bool) {
	s := v.byID[id]
	if s == nil || p < 0 || p >= len(s.Paras) {
		return "", false
	}
	return s.Paras[p], true
}

// name is how the exports call a source in running text.
func (v *view) name(id string) string {
	if s := v.byID[id]; s != nil {
		return s.Name
	}
	return line(id)
}

func (v *view) rightName(right string) string {
	switch right {
	case "":
		return ""
	case review.Unresolved:
		return "unresolved"
	}
	return v.name(right)
}

// gap says where a source stands in the timeline: " (first)", " (+6h10
// after the first)", " (+2 days after the first)" when either gives no
// time of day, " (the day of the first)" when the two cannot be told
// apart, or "" when undated or alone.
func (v *view) gap(s *viewSource) string {
	if s.publishedAt == 0 || len(v.timeline) < 2 || v.timeline[0].publishedAt == 0 {
		return ""
	}
	first := v.timeline[0]
	if s == first {
		return " (first)"
	}
	a, b := first.art.Published, s.art.Published
	if !a.HasTime || !b.HasTime {
		y, mo, d := a.Time.Date()
		y2, mo2, d2 := b.Time.Date()
		days := int(time.Date(y2, mo2, d2, 0, 0, 0, 0, time.UTC).Sub(time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)) / (24 * time.Hour))
		if days == 0 {
			return " (the day of the first)"
		}
		return " (+" + plural(days, "day") + " after the first)"
	}
	d := time.Duration(s.publishedAt - first.publishedAt)
	if d == 0 {
		return " (at the time of the first)"
	}
	days, h, m := int(d/(24*time.Hour)), int(d/time.Hour)%24, int(d/time.Minute)%60
	out := fmt.Sprintf("%dh%02d", h, m)
	if days > 0 {
		out = fmt.Sprintf("%dd %s", days, out)
	}
	return " (+" + out + " after the first)"
}

// placed says whether the reviewer's findings are in r already.
func placed(s *review.Store, r *compare.Result) bool {
	for _, d := range r.Discrepancies {
		if _, ok := s.IsOwn(d); ok {
			return true
		}
	}
	return false
}

func cleanEntry(e review.Entry) review.Entry {
	e.ID, e.Summary, e.Note, e.Right = line(e.ID), line(e.Summary), line(e.Note), line(e.Right)
	e.Status = review.Status(line(string(e.Status)))
	e.Kind = compare.Kind(line(string(e.Kind)))
	if ev, err := review.CleanEvidence(e.Evidence); err == nil {
		e.Evidence = ev
	} else {
		e.Evidence = "" // never a link the review package would refuse
	}
	return e
}

// How long a source's short name may be, in characters: an outlet's name
// whole (up to a column's width), a title or the first words of the text
// cut short, since they stand in running text beside every claim.
const (
	maxName  = 48
	maxTitle = 40
	maxLead  = 32
)

// nameSources gives each source a short name a person can tell from the
// others' and a full label. The name is the outlet; without one, the
// title; without one, the first words of the article (a file's name or a
// hash says less than its text). Where two sources would share a name
// (two articles of one outlet), what tells them apart is added: the title,
// the date, the byline, else the source's number.
func nameSources(srcs []*viewSource) {
	for _, s := range srcs {
		switch {
		case s.Outlet != "":
			s.Name = s.Outlet
		case s.Title != "":
			s.Name = shorten(s.Title, maxTitle)
		case lead(s) != "":
			s.Name = "“" + shorten(lead(s), maxLead) + "”"
		default:
			s.Name = s.ID
		}
	}
	groups := map[string][]*viewSource{}
	for _, s := range srcs {
		groups[s.Name] = append(groups[s.Name], s)
	}
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		for _, tell := range []func(*viewSource) string{
			func(s *viewSource) string {
				if s.Outlet != "" && s.Title != "" {
					return shorten(s.Title, maxTitle*3/4)
				}
				return ""
			},
			func(s *viewSource) string { return s.Published },
			func(s *viewSource) string { return s.Author },
		} {
			if distinct(g, tell) {
				for _, s := range g {
					s.Name += " (" + tell(s) + ")"
				}
				break
			}
		}
		if !distinct(g, func(s *viewSource) string { return s.Name }) {
			for _, s := range g {
				s.Name += fmt.Sprintf(" [%d]", s.N)
			}
		}
	}
	for _, s := range srcs {
		parts := []string{}
		if s.Outlet != "" {
			parts = append(parts, s.Outlet)
		}
		if s.Title != "" {
			parts = append(parts, "“"+s.Title+"”")
		} else if s.Outlet == "" && lead(s) != "" {
			parts = append(parts, "“"+shorten(lead(s), 2*maxName)+"”")
		}
		if s.Author != "" {
			parts = append(parts, "by "+s.Author)
		}
		if s.Published != "" {
			parts = append(parts, s.Published)
		}
		parts = append(parts, s.ID)
		s.Label = strings.Join(parts, " · ")
	}
}

// distinct says whether f gives every source of g a different, non-empty
// value.
func distinct(g []*viewSource, f func(*viewSource) string) bool {
	seen := map[string]bool{}
	for _, s := range g {
		x := f(s)
		if x == "" || seen[x] {
			return false
		}
		seen[x] = true
	}
	return true
}

// lead is the first body paragraph's text.
func lead(s *viewSource) string {
	for i, k := range s.Kinds {
		if k == loader.KindBody {
			return line(s.Paras[i])
		}
	}
	return ""
}

// shorten cuts s to at most n characters, at a word, with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)[:n-1]
	cut := strings.LastIndexByte(string(rs), ' ')
	if cut < len(string(rs))/2 {
		cut = len(string(rs))
	}
	return strings.TrimRight(string(rs)[:cut], " ,;:.") + "…"
}

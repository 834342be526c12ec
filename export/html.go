package export

import (
	"bufio"
	"cmp"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"sync"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/review"
)

//go:embed html.tmpl
var htmlTemplate string

// htmlTmpl parses the page's template on the first HTML export, not at
// start-up: parsing it is about 2,000 allocations and half a millisecond,
// the costliest init of parallax's own packages, which a run that never
// writes HTML (the interface, report, JSON and Markdown) would pay for
// nothing. Every HTML test parses it, so a broken template still fails.
var htmlTmpl = sync.OnceValues(func() (*template.Template, error) {
	t, err := template.New("page").Parse(htmlTemplate)
	if err != nil {
		return nil, fmt.Errorf("parse the HTML template: %w", err)
	}
	return t, nil
})

// HTML writes one self-contained page: inline CSS, no script, no external
// request (a Content-Security-Policy forbids both), sources in columns topic
// by topic, disputed spans marked with a tooltip, a sticky list of the
// discrepancies, verdicts and notes, the timeline, the verdicts that match
// no finding, light and dark schemes and a print style. html/template
// escapes every string, which the view has cleaned before; the only links
// are parallax's own anchors and URLs it checked (linkable).
func HTML(w io.Writer, d Doc) error {
	tmpl, err := htmlTmpl()
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	if err := tmpl.Execute(bw, buildPage(newView(d))); err != nil {
		return err
	}
	return bw.Flush()
}

type page struct {
	Generator     string
	Review        string
	Sources       []pageSource
	Timeline      []pageSource
	Discrepancies []pageDisc
	Topics        []pageTopic
	Counts        []kindCount
	Unique        []pageUnique
	Orphans       []pageOrphan
	Open          int
	// The fact table: a head of sources, a row per key.
	TableHead []string
	Table     []pageRow
	Fixes     []viewFix
	Excluded  []viewSource
	OffEvent  []viewOff
	Unplaced  []pageUnplaced
}

type pageRow struct {
	Marks, Label, Class string
	Discs               []pageLink
	Cells               []pageCell
}

type pageLink struct{ Text, Href string }

type pageCell struct {
	Value, Title, Href string
	Silent             bool
}

type pageUnplaced struct {
	Kind, Problem, Note, Claims string
}

type pageSource struct {
	N                                         int
	ID, Name, Label, Title, Author, Published string
	URL                                       string // shown as text
	Link                                      template.URL
	Gap                                       string // in the timeline: how long after the first
}

type pageDisc struct {
	Own                                                                       bool // recorded by the reviewer
	ID, Anchor, Kind, Severity, Summary, Why, Topic, Status, StatusText, Note string
	Right, Stale                                                              string
	Evidence                                                                  string
	EvidenceLink                                                              template.URL
	Claims                                                                    []pageClaim
	Diff                                                                      []compare.DiffOp
}

type pageClaim struct {
	Source, Text, Value string
	Paragraph           int
}

type pageTopic struct {
	ID, Label     string
	Count         string // "2 discrepancies"
	Columns       []pageColumn
	Discrepancies []pageDisc
}

type pageColumn struct {
	Name       string
	Paragraphs []pagePara
}

type pagePara struct {
	N    int
	Segs []seg
}

// seg is a run of a paragraph's text, marked or not; ID anchors it (a
// fact of the table links to it).
type seg struct {
	Text, Class, Title, Href, ID string
}

type pageUnique struct {
	Source string
	Items  []compare.Unique
}

type pageOrphan struct {
	ID, Kind, Summary, StatusText, Right, Note, Claims string
	Evidence                                           string
	EvidenceLink                                       template.URL
}

// link gives a URL to the template as a link when it is linkable, and
// none otherwise (it is then shown as text only).
func link(u string) template.URL {
	if !linkable(u) {
		return ""
	}
	return template.URL(u)
}

func buildPage(v *view) page {
	r := v.res
	p := page{Generator: v.generator, Review: v.reviewLine()}
	toPage := func(s *viewSource) pageSource {
		return pageSource{N: s.N, ID: s.ID, Name: s.Name, Label: s.Label, Title: s.Title, Author: s.Author,
			Published: orDash(s.Published, "undated"), URL: s.URL, Link: link(s.URL)}
	}
	for _, s := range v.sources {
		p.Sources = append(p.Sources, toPage(s))
	}
	for _, s := range v.timeline {
		ps := toPage(s)
		ps.Gap = v.gap(s)
		p.Timeline = append(p.Timeline, ps)
	}
	discsByTopic := map[string][]pageDisc{}
	type spanMark struct {
		start, end int
		s          seg
	}
	marks := map[compare.Ref][]spanMark{}
	for _, vd := range v.discs {
		e := vd.Review
		pd := pageDisc{Own: vd.Own, ID: vd.ID, Anchor: anchorID(vd.ID), Kind: string(vd.Kind), Severity: string(vd.Severity), Summary: vd.Summary, Why: vd.Why,
			Topic: vd.Topic, Status: statusClass(e.Status), StatusText: verdictText(e.Status), Note: e.Note, Diff: vd.Diff,
			Right: vd.RightName, Evidence: e.Evidence, EvidenceLink: link(e.Evidence)}
		if len(vd.StaleNames) > 0 {
			pd.Stale = joinNames(vd.StaleNames)
		}
		if e.Status == review.Open {
			p.Open++
		}
		for _, c := range vd.Claims {
			pd.Claims = append(pd.Claims, pageClaim{v.name(c.Source), c.Text, c.Value, c.Paragraph})
			ref := compare.Ref{Source: c.Source, Paragraph: c.Paragraph}
			class, by := "disc", ""
			if vd.Own {
				class, by = "disc own", " · recorded by the reviewer"
			}
			marks[ref] = append(marks[ref], spanMark{c.Start, c.End, seg{Class: class + " sev-" + anchorID(string(vd.Severity)) + " st-" + statusClass(e.Status),
				Title: vd.ID + by + " · " + string(vd.Kind) + " · " + verdictText(e.Status) + ": " + vd.Summary + " — this source: " + c.Value, Href: "#" + pd.Anchor}})
		}
		p.Discrepancies = append(p.Discrepancies, pd)
		discsByTopic[vd.Topic] = append(discsByTopic[vd.Topic], pd)
	}
	for _, u := range v.unique {
		ref := compare.Ref{Source: u.Source, Paragraph: u.Paragraph}
		marks[ref] = append(marks[ref], spanMark{u.Start, u.End, seg{Class: "unique", Title: "only this source reports this: " + u.Value}})
	}
	// The fact table's facts, each with an anchor where no other mark
	// takes its words (the table links to it, else to its topic).
	facts := map[string]compare.Fact{}
	for _, f := range r.Facts {
		facts[f.ID] = f
	}
	for _, vr := range v.table {
		for _, c := range vr.Cells {
			if len(c.Facts) == 0 {
				continue
			}
			f := facts[c.Facts[0]]
			ref := compare.Ref{Source: f.Span.Source, Paragraph: f.Span.Paragraph}
			marks[ref] = append(marks[ref], spanMark{f.Span.Start, f.Span.End, seg{Class: "fact", ID: "fact-" + anchorID(f.ID), Title: orDash(vr.Label, vr.Key) + ": " + c.Value}})
		}
	}
	drawn := map[string]bool{} // the anchors the topics' columns hold
	p.Counts = v.kindCounts()
	segments := func(ref compare.Ref, text string) []seg {
		// The findings' and unique facts' marks first, as they come; then
		// the table's facts where those leave their words free.
		var ms, taken []spanMark
		for _, pass := range []bool{false, true} {
			for _, m := range marks[ref] {
				if (m.s.Class == "fact") != pass {
					continue
				}
				if !slices.ContainsFunc(taken, func(t spanMark) bool { return m.start < t.end && t.start < m.end }) {
					taken = append(taken, m)
				}
			}
		}
		ms = taken
		slices.SortStableFunc(ms, func(a, b spanMark) int { return cmp.Compare(a.start, b.start) })
		var out []seg
		pos := 0
		for _, m := range ms {
			if m.start < pos || m.end > len(text) || m.start > m.end || !boundary(text, m.start) || !boundary(text, m.end) {
				continue // overlaps one already marked (its tooltip is on the first), or does not fit
			}
			if m.start > pos {
				out = append(out, seg{Text: text[pos:m.start]})
			}
			s := m.s
			s.Text = text[m.start:m.end]
			if s.ID != "" {
				drawn[s.ID] = true
			}
			out = append(out, s)
			pos = m.end
		}
		if pos < len(text) {
			out = append(out, seg{Text: text[pos:]})
		}
		return out
	}
	for _, t := range r.Topics {
		pt := pageTopic{ID: anchorID(t.ID), Label: v.topicLabel[t.ID], Discrepancies: discsByTopic[line(t.ID)]}
		pt.Count = plural(len(pt.Discrepancies), "discrepancy")
		for _, s := range v.sources {
			col := pageColumn{Name: s.Name}
			for _, m := range t.Members {
				if m.Source != s.ID {
					continue
				}
				text, ok := v.para(m.Source, m.Paragraph)
				if !ok {
					continue
				}
				col.Paragraphs = append(col.Paragraphs, pagePara{m.Paragraph, segments(compare.Ref{Source: m.Source, Paragraph: m.Paragraph}, text)})
			}
			pt.Columns = append(pt.Columns, col)
		}
		p.Topics = append(p.Topics, pt)
	}
	for _, s := range v.sources {
		pu := pageUnique{Source: s.Name}
		for _, u := range v.unique {
			if u.Source == s.ID {
				pu.Items = append(pu.Items, u)
			}
		}
		if len(pu.Items) > 0 {
			p.Unique = append(p.Unique, pu)
		}
	}
	for _, s := range v.sources {
		p.TableHead = append(p.TableHead, s.Name)
	}
	for _, vr := range v.table {
		pr := pageRow{Marks: vr.marks(), Label: orDash(vr.Label, vr.Key)}
		if vr.Disagree || len(vr.Discs) > 0 {
			pr.Class = "tied"
		} else if vr.Differ {
			pr.Class = "differ"
		}
		for _, id := range vr.Discs {
			pr.Discs = append(pr.Discs, pageLink{id, "#" + anchorID(id)})
		}
		for i, c := range vr.all(v.sources) {
			if c.Value == "" {
				pr.Cells = append(pr.Cells, pageCell{Silent: true})
				continue
			}
			pc := pageCell{Value: c.Value, Title: v.sources[i].Name + " ¶" + itoa(c.Paragraph) + ": “" + c.Text + "”"}
			if a := "fact-" + anchorID(c.Facts[0]); drawn[a] {
				pc.Href = "#" + a
			} else if c.Topic != "" {
				pc.Href = "#" + anchorID(c.Topic)
			}
			pr.Cells = append(pr.Cells, pc)
		}
		p.Table = append(p.Table, pr)
	}
	p.Fixes, p.Excluded, p.OffEvent = v.fixes, v.excluded, v.offEvent
	for _, u := range v.unplaced {
		var claims []string
		for _, c := range u.Claims {
			claims = append(claims, "“"+c.Words+"” ("+c.Name+")")
		}
		p.Unplaced = append(p.Unplaced, pageUnplaced{Kind: u.Kind, Problem: u.Problem, Note: u.Note, Claims: joinNames(claims)})
	}
	for _, o := range v.orphans {
		po := pageOrphan{ID: orDash(o.ID, "?"), Kind: orDash(string(o.Kind), "finding"), Summary: o.Summary, StatusText: verdictText(o.Status),
			Right: o.RightName, Note: o.Note, Evidence: o.Evidence, EvidenceLink: link(o.Evidence)}
		var claims []string
		for _, c := range o.Claims {
			claims = append(claims, "“"+c.Words+"” ("+c.Source+")")
		}
		po.Claims = joinNames(claims)
		p.Orphans = append(p.Orphans, po)
	}
	return p
}

// statusClass is a verdict as a CSS class: one of three words, whatever a
// review file holds.
func statusClass(s review.Status) string {
	switch s {
	case review.Confirmed, review.Dismissed:
		return string(s)
	}
	return string(review.Open)
}

func itoa(n int) string { return strconv.Itoa(n) }

func joinNames(ns []string) string {
	out := ""
	for i, n := range ns {
		if i > 0 {
			out += ", "
		}
		out += n
	}
	return out
}

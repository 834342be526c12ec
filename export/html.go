package export

import (
	"bufio"
	_ "embed"
	"html/template"
	"io"
	"sort"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/review"
)

//go:embed html.tmpl
var htmlTemplate string

var htmlTmpl = template.Must(template.New("page").Parse(htmlTemplate))

// HTML writes one self-contained page: inline CSS, no script, no external
// request (a Content-Security-Policy forbids both), sources in columns topic
// by topic, disputed spans marked with a tooltip, a sticky list of the
// discrepancies, verdicts and notes, light and dark schemes and a print
// style. html/template escapes every piece of article text.
func HTML(w io.Writer, d Doc) error {
	bw := bufio.NewWriter(w)
	if err := htmlTmpl.Execute(bw, buildPage(d)); err != nil {
		return err
	}
	return bw.Flush()
}

type page struct {
	Generator     string
	Sources       []pageSource
	Discrepancies []pageDisc
	Topics        []pageTopic
	Counts        []kindCount
	Unique        []pageUnique
	Open          int
}

type pageSource struct {
	N                               int
	ID, Name, Title, Published, URL string
}

type pageDisc struct {
	ID, Kind, Severity, Summary, Why, Topic, Status, StatusText, Note string
	Claims                                                            []pageClaim
	Diff                                                              []compare.DiffOp
}

type pageClaim struct {
	Source, Text, Value string
	Paragraph           int
}

type pageTopic struct {
	ID, Label     string
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

// seg is a run of a paragraph's text, marked or not.
type seg struct {
	Text, Class, Title, Href string
}

type kindCount struct {
	Kind                          string
	N, Confirmed, Dismissed, Open int
}

type pageUnique struct {
	Source string
	Items  []compare.Unique
}

func buildPage(d Doc) page {
	r := d.Result
	arts := d.byID()
	p := page{Generator: d.Generator}
	for i, id := range r.Sources {
		a := arts[id]
		p.Sources = append(p.Sources, pageSource{i + 1, a.ID, name(a), a.Title, a.Published.String(), a.URL})
	}
	discsByTopic := map[string][]pageDisc{}
	type spanMark struct {
		start, end int
		s          seg
	}
	marks := map[compare.Ref][]spanMark{}
	for _, disc := range r.Discrepancies {
		e := d.Review.Get(disc)
		pd := pageDisc{ID: disc.ID, Kind: string(disc.Kind), Severity: string(disc.Severity), Summary: disc.Summary, Why: disc.Why, Topic: disc.Topic,
			Status: string(e.Status), StatusText: verdictText(e.Status), Note: e.Note, Diff: disc.Diff}
		if e.Status == review.Open {
			p.Open++
		}
		for _, c := range disc.Claims {
			nm := c.Source
			if a := arts[c.Source]; a != nil {
				nm = name(a)
			}
			pd.Claims = append(pd.Claims, pageClaim{nm, c.Text, c.Value, c.Paragraph})
			ref := compare.Ref{Source: c.Source, Paragraph: c.Paragraph}
			marks[ref] = append(marks[ref], spanMark{c.Start, c.End, seg{Class: "disc sev-" + string(disc.Severity) + " st-" + string(e.Status),
				Title: disc.ID + " · " + string(disc.Kind) + " · " + verdictText(e.Status) + ": " + disc.Summary + " — this source: " + c.Value, Href: "#" + disc.ID}})
		}
		p.Discrepancies = append(p.Discrepancies, pd)
		discsByTopic[disc.Topic] = append(discsByTopic[disc.Topic], pd)
	}
	for _, u := range r.Unique {
		ref := compare.Ref{Source: u.Source, Paragraph: u.Paragraph}
		marks[ref] = append(marks[ref], spanMark{u.Start, u.End, seg{Class: "unique", Title: "only this source reports this: " + u.Value}})
	}
	for _, k := range kindsOf(r) {
		kc := kindCount{Kind: string(k)}
		for _, pd := range p.Discrepancies {
			if pd.Kind != string(k) {
				continue
			}
			kc.N++
			switch review.Status(pd.Status) {
			case review.Confirmed:
				kc.Confirmed++
			case review.Dismissed:
				kc.Dismissed++
			default:
				kc.Open++
			}
		}
		p.Counts = append(p.Counts, kc)
	}
	segments := func(ref compare.Ref, text string) []seg {
		ms := marks[ref]
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].start < ms[j].start })
		var out []seg
		pos := 0
		for _, m := range ms {
			if m.start < pos || m.end > len(text) || m.start > m.end {
				continue // overlaps one already marked: its tooltip is on the first
			}
			if m.start > pos {
				out = append(out, seg{Text: text[pos:m.start]})
			}
			s := m.s
			s.Text = text[m.start:m.end]
			out = append(out, s)
			pos = m.end
		}
		if pos < len(text) {
			out = append(out, seg{Text: text[pos:]})
		}
		return out
	}
	for _, t := range r.Topics {
		pt := pageTopic{ID: t.ID, Label: t.Label, Discrepancies: discsByTopic[t.ID]}
		for _, id := range r.Sources {
			col := pageColumn{Name: name(arts[id])}
			for _, m := range t.Members {
				if m.Source != id {
					continue
				}
				text := arts[id].Paragraphs[m.Paragraph].Text
				col.Paragraphs = append(col.Paragraphs, pagePara{m.Paragraph, segments(compare.Ref{Source: id, Paragraph: m.Paragraph}, text)})
			}
			pt.Columns = append(pt.Columns, col)
		}
		p.Topics = append(p.Topics, pt)
	}
	for _, id := range r.Sources {
		pu := pageUnique{Source: name(arts[id])}
		for _, u := range r.Unique {
			if u.Source == id {
				pu.Items = append(pu.Items, u)
			}
		}
		if len(pu.Items) > 0 {
			p.Unique = append(p.Unique, pu)
		}
	}
	return p
}

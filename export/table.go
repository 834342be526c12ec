package export

import (
	"slices"

	"github.com/parallax-news/parallax/compare"
)

// The fact table as the exports show it: a row per key the engine read
// (what is reported: the toll, the time, who said what), a cell per
// source, marked where the sources give different values and where a
// finding claims its facts.

// viewRow is one row of the fact table, every string cleaned.
type viewRow struct {
	Key, Label string
	Cells      []viewCell // one per source, in the sources' order; Value "" where the source is silent
	Answered   int        // how many sources answer it
	Differ     bool       // two sources give different values
	Disagree   bool       // the engine says a finding sets two of its cells against each other
	Discs      []string   // the findings whose claims hold facts of two of its cells
}

// viewCell is one source's answer to a row.
type viewCell struct {
	Source    string   // the source's id
	Value     string   // its first fact's value, "" when silent
	Facts     []string // the ids of its facts with the row's key
	Text      string   // the first fact's words, as in its paragraph
	Paragraph int
	Topic     string // the topic of the first fact, for a link
}

// buildTable reads Result.Table for the exports.
func (v *view) buildTable() []viewRow {
	r := v.res
	var out []viewRow
	for _, row := range r.Table {
		vr := viewRow{Key: line(row.Key), Label: line(row.Label), Disagree: row.Disagree, Cells: make([]viewCell, len(v.sources))}
		bySrc := map[string]compare.Cell{}
		for _, c := range row.Cells {
			bySrc[c.Source] = c
		}
		first := ""
		// The cells each finding's claims touch: a finding is the row's
		// when it sets two of its cells against each other, not when one
		// of its sentences merely holds one of the row's facts (a hedged
		// sentence that names the day).
		touched := map[string]map[int]bool{}
		for i, s := range v.sources {
			vc := viewCell{Source: s.ID, Facts: []string{}}
			c, ok := bySrc[s.ID]
			if ok {
				for _, id := range c.Facts {
					k, known := v.facts[id]
					if !known || r.Facts[k].Span.Source != s.ID {
						continue
					}
					f := &r.Facts[k]
					if len(vc.Facts) == 0 {
						vc.Text, vc.Paragraph, vc.Topic = v.claimText(f.Span, f.Text), f.Span.Paragraph, line(f.Topic)
					}
					vc.Facts = append(vc.Facts, line(id))
					for _, d := range r.Discrepancies {
						for _, cl := range d.Claims {
							if cl.Source == f.Span.Source && cl.Paragraph == f.Span.Paragraph && cl.Start < f.Span.End && f.Span.Start < cl.End {
								if touched[d.ID] == nil {
									touched[d.ID] = map[int]bool{}
								}
								touched[d.ID][i] = true
								break
							}
						}
					}
				}
			}
			if len(vc.Facts) > 0 {
				vc.Value = line(c.Value)
				vr.Answered++
				if first == "" {
					first = vc.Value
				} else if vc.Value != first {
					vr.Differ = true
				}
			}
			vr.Cells[i] = vc
		}
		if vr.Answered == 0 {
			continue
		}
		for _, d := range r.Discrepancies { // in the findings' order
			if len(touched[d.ID]) >= 2 && !slices.Contains(vr.Discs, line(d.ID)) {
				vr.Discs = append(vr.Discs, line(d.ID))
			}
		}
		if vr.Discs == nil {
			vr.Discs = []string{}
		}
		out = append(out, vr)
	}
	return out
}

// marks are a row's signs for people: ! a finding sets its cells against
// each other, ≠ the sources give different values, 1 one source alone
// answers.
func (vr viewRow) marks() string {
	s := ""
	if vr.Disagree || len(vr.Discs) > 0 {
		s += "!"
	}
	switch {
	case vr.Answered == 1:
		s += "1"
	case vr.Differ:
		s += "≠"
	}
	return s
}

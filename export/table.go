package export

import (
	"cmp"
	"iter"
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
	// Cells are the sources' that answer it, in the sources' order; the
	// others are silent (a thousand sources' table is nearly all silent
	// cells). all gives every source's cell.
	Cells    []viewCell
	Answered int      // how many sources answer it
	Differ   bool     // two sources give different values
	Disagree bool     // the engine says a finding sets two of its cells against each other
	Discs    []string // the findings whose claims hold facts of two of its cells
}

// viewCell is one source's answer to a row.
type viewCell struct {
	N         int      // the source's index in the view's sources
	Source    string   // the source's id
	Value     string   // its first fact's value, "" when silent
	Facts     []string // the ids of its facts with the row's key
	Text      string   // the first fact's words, as in its paragraph
	Paragraph int
	Topic     string // the topic of the first fact, for a link
}

// all yields the cell of each source in order, a silent one (no value, no
// facts) where the source does not answer.
func (vr viewRow) all(sources []*viewSource) iter.Seq2[int, viewCell] {
	return func(yield func(int, viewCell) bool) {
		k := 0
		for i, s := range sources {
			c := viewCell{N: i, Source: s.ID}
			if k < len(vr.Cells) && vr.Cells[k].N == i {
				c = vr.Cells[k]
				k++
			}
			if !yield(i, c) {
				return
			}
		}
	}
}

// buildTable reads Result.Table for the exports.
func (v *view) buildTable() []viewRow {
	r := v.res
	// The findings' claims by paragraph: a finding touches a cell when one
	// of its claims overlaps one of the cell's facts.
	type claimAt struct{ disc, start, end int }
	claims := map[compare.Ref][]claimAt{}
	for di, d := range r.Discrepancies {
		for _, cl := range d.Claims {
			ref := compare.Ref{Source: cl.Source, Paragraph: cl.Paragraph}
			claims[ref] = append(claims[ref], claimAt{di, cl.Start, cl.End})
		}
	}
	// The sources by id (two may share one in a hand-built result), and
	// the last row that gave each its cell.
	byID := map[string][]int{}
	for i, s := range v.sources {
		byID[s.ID] = append(byID[s.ID], i)
	}
	seen := make([]int, len(v.sources))
	var out []viewRow
	for rowN, row := range r.Table {
		vr := viewRow{Key: line(row.Key), Label: line(row.Label), Disagree: row.Disagree}
		// The cells each finding's claims touch: a finding is the row's
		// when it sets two of its cells against each other, not when one
		// of its sentences merely holds one of the row's facts (a hedged
		// sentence that names the day).
		var touched map[string]map[int]bool
		// A source's cell is the last of the row's cells with its id.
		for ci := len(row.Cells) - 1; ci >= 0; ci-- {
			c := row.Cells[ci]
			for _, i := range byID[c.Source] {
				if seen[i] == rowN+1 {
					continue
				}
				seen[i] = rowN + 1
				s := v.sources[i]
				vc := viewCell{N: i, Source: s.ID}
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
					for _, cl := range claims[compare.Ref{Source: f.Span.Source, Paragraph: f.Span.Paragraph}] {
						if cl.start < f.Span.End && f.Span.Start < cl.end {
							id := r.Discrepancies[cl.disc].ID
							if touched == nil {
								touched = map[string]map[int]bool{}
							}
							if touched[id] == nil {
								touched[id] = map[int]bool{}
							}
							touched[id][i] = true
						}
					}
				}
				if len(vc.Facts) > 0 {
					vc.Value = line(c.Value)
					vr.Cells = append(vr.Cells, vc)
				}
			}
		}
		if len(vr.Cells) == 0 {
			continue
		}
		slices.SortFunc(vr.Cells, func(a, b viewCell) int { return cmp.Compare(a.N, b.N) })
		vr.Answered = len(vr.Cells)
		first := "" // the first value; a cell with facts but no value before it is passed over
		for _, c := range vr.Cells {
			if first == "" {
				first = c.Value
			} else if c.Value != first {
				vr.Differ = true
			}
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

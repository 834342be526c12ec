package compare

import (
	"fmt"
	"slices"
)

// finish orders the findings by where they stand and numbers them, keeps
// as unique only the facts no finding disputes, and reads the facts as a
// table: one row per key, one cell per source.
func finish(c *comparison) {
	res := c.res
	order := map[string]int{}
	for i, t := range res.Topics {
		order[t.ID] = i
	}
	slices.SortStableFunc(res.Discrepancies, func(a, b Discrepancy) int {
		if order[a.Topic] != order[b.Topic] {
			return order[a.Topic] - order[b.Topic]
		}
		if lessSpan(a.Claims[0].Span, b.Claims[0].Span) {
			return -1
		}
		if lessSpan(b.Claims[0].Span, a.Claims[0].Span) {
			return 1
		}
		return 0
	})
	for i := range res.Discrepancies {
		res.Discrepancies[i].ID = fmt.Sprintf("d%d", i+1)
	}
	// A fact some source disputes is not one only this source reports.
	disputed := map[Ref][]Span{}
	for _, d := range res.Discrepancies {
		for _, c := range d.Claims {
			r := Ref{c.Source, c.Paragraph}
			disputed[r] = append(disputed[r], c.Span)
		}
	}
	kept := res.Unique[:0]
	for _, u := range res.Unique {
		overlap := false
		for _, sp := range disputed[Ref{u.Source, u.Paragraph}] {
			overlap = overlap || u.Start < sp.End && sp.Start < u.End
		}
		if !overlap {
			kept = append(kept, u)
		}
	}
	res.Unique = kept
	slices.SortStableFunc(res.Unique, func(a, b Unique) int {
		switch {
		case lessSpan(a.Span, b.Span):
			return -1
		case lessSpan(b.Span, a.Span):
			return 1
		}
		return 0
	})
	factTable(c)
}

// factTable reads the facts of all sources as rows: one per key that a
// fact answers (the toll, the time of the debate, a speaker's words), a
// cell per source with its first fact's value. A row is marked when a
// finding sets two of its cells against each other.
func factTable(c *comparison) {
	res := c.res
	type row struct {
		Row
		index    int
		bySource map[string]int
	}
	var rows []*row
	byKey := map[string]*row{}
	srcIndex := map[string]int{}
	for i, s := range res.Sources {
		srcIndex[s] = i
	}
	cellOf := map[string][2]int{} // fact id → row, cell
	for _, f := range res.Facts {
		if f.Key == "" || f.Key == "when" || f.Background || f.Kind == FactEntity || f.Kind == FactList {
			continue
		}
		r := byKey[f.Key]
		if r == nil {
			r = &row{Row: Row{Key: f.Key, Label: f.Label}, index: len(rows), bySource: map[string]int{}}
			byKey[f.Key] = r
			rows = append(rows, r)
		}
		k, ok := r.bySource[f.Span.Source]
		if !ok {
			k = len(r.Cells)
			r.bySource[f.Span.Source] = k
			r.Cells = append(r.Cells, Cell{Source: f.Span.Source, Value: f.Value})
		}
		r.Cells[k].Facts = append(r.Cells[k].Facts, f.ID)
		cellOf[f.Span.Source+"\x00"+spanKey(f.Span)] = [2]int{r.index, k}
	}
	for _, d := range res.Discrepancies {
		cells := map[int]map[int]bool{}
		for _, cl := range d.Claims {
			if rc, ok := cellOf[cl.Source+"\x00"+spanKey(cl.Span)]; ok {
				if cells[rc[0]] == nil {
					cells[rc[0]] = map[int]bool{}
				}
				cells[rc[0]][rc[1]] = true
			}
		}
		for r, cs := range cells {
			if len(cs) > 1 {
				rows[r].Disagree = true
			}
		}
	}
	for _, r := range rows {
		slices.SortStableFunc(r.Cells, func(a, b Cell) int { return srcIndex[a.Source] - srcIndex[b.Source] })
		res.Table = append(res.Table, r.Row)
	}
	// Rows several sources answer first, then the rest, each in the order
	// of their keys' first facts.
	slices.SortStableFunc(res.Table, func(a, b Row) int { return len(b.Cells) - len(a.Cells) })
}

func spanKey(s Span) string { return fmt.Sprintf("%d:%d:%d", s.Paragraph, s.Start, s.End) }

func lessSpan(a, b Span) bool {
	return lessPlace(a.Source, a.Paragraph, a.Start, b.Source, b.Paragraph, b.Start)
}

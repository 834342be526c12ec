package export

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/parallax-news/parallax/compare"
)

// TestTableRowFindings: a row lists the findings that set two of its cells
// against each other, not one whose single sentence merely holds one of its
// facts (a hedge of a sentence that also names the day and the toll).
func TestTableRowFindings(t *testing.T) {
	d := handDoc(t)
	am := d.Articles[0]
	sentence := am.Paragraphs[0].Text
	d.Result.Discrepancies = append(d.Result.Discrepancies, compare.Discrepancy{ID: "d5", Kind: compare.KindHedging,
		Severity: compare.SeverityMedium, Summary: "one source hedges what the others state",
		Claims: []compare.Claim{handClaim(am, 0, sentence, "")}})
	rows := map[string]viewRow{}
	for _, r := range newView(d).table {
		rows[r.Key] = r
	}
	killed, when := rows["killed|people"], rows["when|blast"]
	if !slices.Equal(killed.Discs, []string{"d1", "d2"}) {
		t.Errorf("people killed lists %v, want the two findings that set its cells against each other, d1 and d2", killed.Discs)
	}
	if len(when.Discs) != 0 || when.marks() != "" {
		t.Errorf("when the blast happened lists %v and is marked %q: no finding sets its cells against each other", when.Discs, when.marks())
	}
}

// denseTable is the fact table as it was built with a cell for every
// source, each source's looked up in a map of the row's cells and set
// against every finding's claims: buildTable must give the same rows.
func denseTable(v *view) []viewRow {
	r := v.res
	facts := make(map[string]compare.Fact, len(r.Facts))
	for _, f := range r.Facts {
		facts[f.ID] = f
	}
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
					f, known := facts[id]
					if !known || f.Span.Source != s.ID {
						continue
					}
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

func TestTableAsDense(t *testing.T) {
	dir := t.TempDir()
	docs := map[string]Doc{"hand": handDoc(t)}
	for seed := range uint64(1000) {
		docs[fmt.Sprint("fuzz ", seed)], _ = fuzzDoc(t, dir, seed, hostile+" Seven people were killed on Monday.", hostile, "note", "https://e.example/x")
	}
	rows := 0
	for name, d := range docs {
		v := newView(d)
		want := denseTable(v)
		rows += len(want)
		got := v.buildTable()
		if len(got) != len(want) {
			t.Fatalf("%s: %d rows, want %d", name, len(got), len(want))
		}
		for i, vr := range got {
			w := want[i]
			var cells []viewCell
			for _, c := range vr.all(v.sources) {
				if c.Facts == nil {
					c.Facts = []string{}
				}
				cells = append(cells, c)
			}
			for j := range w.Cells {
				w.Cells[j].N = j
			}
			vr.Cells = cells
			if !reflect.DeepEqual(vr, w) {
				t.Errorf("%s: row %d:\n got %+v\nwant %+v", name, i, vr, w)
			}
		}
	}
	if rows < 50 {
		t.Errorf("only %d rows compared", rows)
	}
}

package export

import (
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

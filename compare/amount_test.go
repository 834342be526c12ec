package compare

import (
	"testing"

	"github.com/parallax-news/parallax/loader"
)

func TestAmounts(t *testing.T) {
	r := Compare([]*loader.Article{
		article("a", "The Red Sox offered Teixeira an eight-year deal worth $184 million, the team said.\n"),
		article("b", "The Red Sox offered Teixeira an eight-year deal worth $180 million, the team said.\n"),
	})
	if d := findDisc(r, KindNumber, "$184 million", "$180 million"); d == nil || d.Severity != SeverityLow {
		t.Errorf("$184M against $180M: %+v", r.Discrepancies)
	}
	r = Compare([]*loader.Article{
		article("a", "The Red Sox offered Teixeira an eight-year deal worth $184 million, the team said.\n"),
		article("b", "The Red Sox offered Teixeira an eight-year deal worth $120 million, the team said.\n"),
	})
	if d := findDisc(r, KindNumber, "$184 million", "$120 million"); d == nil || d.Severity != SeverityMedium {
		t.Errorf("$184M against $120M: %+v", r.Discrepancies)
	}
	// Two sums on one side: the first offer and the final one; no telling.
	r = Compare([]*loader.Article{
		article("a", "The Red Sox raised their eight-year offer to Teixeira from $160 million to $184 million, the team said.\n"),
		article("b", "The Red Sox offered Teixeira an eight-year deal worth $120 million, the team said.\n"),
	})
	if d := findDisc(r, KindNumber, "$120 million"); d != nil {
		t.Errorf("several sums flagged: %+v", d)
	}
	// "$184M" and "$184 million" are one sum.
	r = Compare([]*loader.Article{
		article("a", "The Red Sox offered Teixeira an eight-year deal worth $184M, the team said.\n"),
		article("b", "The Red Sox offered Teixeira an eight-year deal worth $184 million, the team said.\n"),
	})
	if d := findDisc(r, KindNumber); d != nil {
		t.Errorf("$184M against $184 million: %+v", d)
	}
}

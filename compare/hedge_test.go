package compare

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/loader"
)

func TestHedging(t *testing.T) {
	r := Compare([]*loader.Article{
		article("a", "Reportedly, F-15s and F-16s were used in the raid on the depot.\n"),
		article("b", "F-15s and F-16s were used in the raid on the depot.\n"),
	})
	d := findDisc(r, KindHedging, "Reportedly")
	if d == nil || d.Severity != SeverityMedium || !strings.Contains(d.Claims[1].Value, "stated as fact") {
		t.Fatalf("reportedly against a plain statement: %+v", r.Discrepancies)
	}
	// Both hedged, or a hedge inside a quotation: nothing to flag.
	r = Compare([]*loader.Article{
		article("a", "Reportedly, F-15s and F-16s were used in the raid on the depot.\n"),
		article("b", "F-15s and F-16s were allegedly used in the raid on the depot.\n"),
	})
	if d := findDisc(r, KindHedging); d != nil {
		t.Errorf("both hedged: %+v", d)
	}
	r = Compare([]*loader.Article{
		article("a", "\"They were reportedly using F-15s and F-16s in the raid,\" the minister said.\n"),
		article("b", "F-15s and F-16s were used in the raid on the depot.\n"),
	})
	if d := findDisc(r, KindHedging); d != nil {
		t.Errorf("a hedge inside a quotation: %+v", d)
	}
}

func TestAttribution(t *testing.T) {
	r := Compare([]*loader.Article{
		article("a", "The Air Force used F-16s in the raid on the depot, according to Fox News.\n"),
		article("b", "A defense official said that F-16s carried out the raid on the depot.\n"),
	})
	d := findDisc(r, KindAttribution)
	if d == nil || !strings.Contains(d.Summary, "Fox News") || !strings.Contains(d.Summary, "defense official") {
		t.Fatalf("Fox News against a defense official: %+v", r.Discrepancies)
	}
	// One source named two ways is not two sources.
	r = Compare([]*loader.Article{
		article("a", "Five fighters were killed in the raid, according to the Syrian Observatory.\n"),
		article("b", "Five fighters were killed in the raid, said the UK-based Syrian Observatory for Human Rights.\n"),
	})
	if d := findDisc(r, KindAttribution); d != nil {
		t.Errorf("one observatory, two names: %+v", d)
	}
}

// A chain of credits: an outlet carries the words of the source before it;
// any other later credit is a source of its own, not a carrier.
func TestCreditChain(t *testing.T) {
	for _, c := range []struct {
		credits []string
		want    string
	}{
		{[]string{"The U.K.-based Syrian Observatory", "BBC"}, "The U.K.-based Syrian Observatory via BBC"},
		{[]string{"Kirby", "the Wall Street Journal"}, "Kirby via the Wall Street Journal"},
		{[]string{"Pentagon", "a humanitarian organization"}, "Pentagon and a humanitarian organization"},
		{[]string{"Pentagon Press Secretary John Kirby", "Associated Press"}, "Pentagon Press Secretary John Kirby via Associated Press"},
		{[]string{"police"}, "police"},
	} {
		if got := creditChain(c.credits); got != c.want {
			t.Errorf("creditChain(%q) = %q, want %q", c.credits, got, c.want)
		}
	}
	// A press secretary is no outlet.
	if isOutlet("Pentagon Press Secretary John Kirby") {
		t.Error("a press secretary taken for a news outlet")
	}
}

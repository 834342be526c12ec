package compare

import (
	"slices"
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

// What is not stated flatly: a claim passed on "according to" someone
// against a hedge of report, a speaker's quoted words, a sentence of
// another day.
func TestHedgingNotFlat(t *testing.T) {
	for _, c := range []struct{ why, hedged, other string }{
		{"a report against a report", "Reportedly, F-15s and F-16s were used in the raid on the depot.\n",
			"F-15s and F-16s were used in the raid on the depot, according to Fox News.\n"},
		{"the speaker's words", "The depot was believed to be used by the Harrow militia on Sunday.\n",
			"\"The depot was used by the Harrow militia,\" Colonel Ames said on Sunday.\n"},
		{"another day", "The depot was believed to be used by the Harrow militia on Sunday.\n",
			"In February, the depot was used by the Harrow militia.\n"},
	} {
		r := Compare([]*loader.Article{article("a", c.hedged), article("b", c.other)})
		if d := findDisc(r, KindHedging); d != nil {
			t.Errorf("%s: %s", c.why, d.Summary)
		}
	}
	// A hedge of belief against "according to": the second still states it.
	r := Compare([]*loader.Article{
		article("a", "The depot was believed to be used by the Harrow militia on Sunday.\n"),
		article("b", "The depot was used by the Harrow militia on Sunday, according to the Interior Ministry.\n"),
	})
	if d := findDisc(r, KindHedging, "believed"); d == nil {
		t.Errorf("believed against according to: %+v", r.Discrepancies)
	}
}

func TestAttribution(t *testing.T) {
	const claim = "Five fighters were killed in the raid on the depot"
	r := Compare([]*loader.Article{
		article("a", claim+", according to the Interior Ministry.\n"),
		article("b", claim+", the Syrian Observatory said.\n"),
	})
	d := findDisc(r, KindAttribution)
	if d == nil || !strings.Contains(d.Summary, "Interior Ministry") || !strings.Contains(d.Summary, "Syrian Observatory") {
		t.Fatalf("the ministry against the observatory: %+v", r.Discrepancies)
	}
	for _, c := range []struct{ why, a, b string }{
		{"one observatory, two names", claim + ", according to the Syrian Observatory.\n",
			claim + ", said the UK-based Syrian Observatory for Human Rights.\n"},
		// An outlet carried the words; the official may be its source.
		{"an outlet and an official", claim + ", according to Fox News.\n", claim + ", a defense official said.\n"},
		{"a named and an unnamed source", claim + ", the Interior Ministry said.\n", claim + ", a humanitarian organization said.\n"},
		{"the body and the person the other names beside it", claim + ", according to the Interior Ministry.\n",
			claim + ", John Adams said. Adams speaks for the Interior Ministry.\n"},
		{"two statements naming the same two states", "Iowa and Ohio asked the high court to hear the case on Monday, Attorney General Jane Adams said.\n",
			"Cheap grain from Kansas keeps flowing into Iowa and Ohio, Governor Tom Baker said.\n"},
	} {
		r := Compare([]*loader.Article{article("a", c.a), article("b", c.b)})
		if d := findDisc(r, KindAttribution); d != nil {
			t.Errorf("%s: %+v", c.why, d)
		}
	}
}

// Who a sentence credits: the speaker, not the appositive that describes
// him; the outlet he told it to is the channel.
func TestCredits(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"The suit is without merit, Suthers, a Republican, said on Thursday.", "Suthers"},
		{"The plan is outrageous, Polis told HuffPost.", "Polis via HuffPost"},
		{"Five fighters were killed, according to the Syrian Observatory.", "Syrian Observatory"},
	} {
		toks := words(c.text)
		if got := creditChain(credits(c.text, toks, namesOf(c.text, toks))); got != c.want {
			t.Errorf("credits of %q: %q, want %q", c.text, got, c.want)
		}
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

// hedgesAt finds each hedge where indexWord finds it, on every line of the
// evaluation articles and the seeds, lowered, and on lines that put the
// hedges against word characters of every kind.
func TestHedgesAtAsIndexWord(t *testing.T) {
	var lines []string
	for _, l := range evalLines(t) {
		lines = append(lines, strings.ToLower(l))
	}
	for _, h := range hedges() {
		for _, edge := range []string{"", " ", "x", "é", "_", ".", "1"} {
			lines = append(lines, edge+h+edge, "a "+h+edge+" "+h+" b", h+h)
		}
	}
	if len(lines) < 10000 {
		t.Fatalf("only %d lines: the evaluation texts are missing", len(lines))
	}
	found := 0
	for _, l := range lines {
		at := hedgesAt(l, nil)
		for k, h := range hedges() {
			if want := indexWord(l, h); at[k] != want {
				t.Fatalf("%q: %q at %d, indexWord says %d", l, h, at[k], want)
			}
			if at[k] >= 0 {
				found++
			}
		}
	}
	if found < 500 {
		t.Errorf("only %d hedges found: the test reads too little", found)
	}
}

// hedgesAtText, which reads an ASCII sentence in place, finds the hedges
// where hedgesAt finds them in the lowered sentence: on every line of the
// evaluation articles and the seeds, and on hedges in capitals.
func TestHedgesAtTextAsLowered(t *testing.T) {
	var a, b [64]int
	lines := append([]string{"REPORTEDLY he left", "It Was Allegedly Seen", "Reportedly, İ", "allegedly"}, evalLines(t)...)
	found := 0
	for _, l := range lines {
		got, want := hedgesAtText(l, a[:0]), hedgesAt(strings.ToLower(l), b[:0])
		if !slices.Equal(got, want) {
			t.Errorf("%q: hedgesAtText %v, hedgesAt of the lowered text %v", l, got, want)
		}
		if slices.ContainsFunc(got, func(at int) bool { return at >= 0 }) {
			found++
		}
	}
	if found < 100 {
		t.Fatalf("%d lines with a hedge: the test reads too little", found)
	}
}

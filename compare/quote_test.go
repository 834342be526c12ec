package compare

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/loader"
)

func TestSpeakers(t *testing.T) {
	tests := []struct {
		paras []string
		want  string // the speaker of the last paragraph's first quotation
	}{
		{[]string{`Kirby said, "We will act to protect our personnel in the region."`}, "Kirby"},
		{[]string{`Spokesman John Kirby spoke.`, `Kirby said, "We will act to protect our personnel in the region."`}, "John Kirby"},
		{[]string{`"We will act to protect our personnel in the region," said the Syrian Observatory for Human Rights.`}, "Syrian Observatory for Human Rights"},
		// The verb in the quotation's own sentence wins over a nearer one in the next.
		{[]string{`House Speaker Nancy Pelosi said the strikes "appear to be a targeted and proportional response." She added, "Protecting the troops is a priority."`}, "Nancy Pelosi"},
		// A pronoun is the source named in the paragraph before.
		{[]string{`A US defence official confirmed to Fox News that one facility was destroyed.`,
			`They said they did not believe there were "a lot of casualties in the strikes". However, the state agency claimed a child was hurt.`}, "A US defence official"},
		{[]string{`Spokesman Saeed Khatibzadeh expressed concern that the US is "taking the wrong path in the region."`,
			`He said, "The US should change its behaviour in the region."`}, "Saeed Khatibzadeh"},
	}
	for _, tt := range tests {
		a := article("a", strings.Join(tt.paras, "\n\n")+"\n")
		r := Compare([]*loader.Article{a})
		var got []string
		for _, f := range r.Facts {
			if f.Kind == FactQuote && f.Span.Paragraph == len(a.Paragraphs)-1 {
				got = append(got, f.Quote.Speaker)
			}
		}
		if len(got) == 0 || got[0] != tt.want {
			t.Errorf("%q: speakers %q, want %q", tt.paras[len(tt.paras)-1], got, tt.want)
		}
	}
}

// One quotation worded otherwise by one source against two that agree is
// one finding with its three sides, not one per pair.
func TestQuoteThreeSides(t *testing.T) {
	r := Compare([]*loader.Article{
		article("a", "\"I would like to know who those farmers are, because they are followers of a false prophet,\" Alder said.\n"),
		article("b", "\"I'd like to know who those farmers are,\" Alder said. \"They are followers of a false prophet.\"\n"),
		article("c", "\"I'd like to know who those farmers are,\" Alder said. \"They're followers of a false prophet.\"\n"),
	})
	n := 0
	for _, d := range r.Discrepancies {
		if d.Kind == KindQuote {
			n++
			srcs := map[string]bool{}
			for _, c := range d.Claims {
				srcs[c.Source] = true
			}
			if len(srcs) != 3 {
				t.Errorf("finding of %d sources: %s", len(srcs), d.Summary)
			}
			if !strings.Contains(d.Summary, `"because" dropped`) || strings.Contains(d.Summary, "I'd") {
				t.Errorf("summary %q", d.Summary)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d quote findings, want 1: %+v", n, r.Discrepancies)
	}
}

// The excerpts of one statement, in as many sources, are one
// reconciliation with every copy, not one per pair.
func TestExcerptsOneReconciliation(t *testing.T) {
	full := "\"We will rebuild every school in the valley, and we will do it before the winter comes,\" Governor Alder said.\n"
	part := "\"We will rebuild every school in the valley,\" Governor Alder said.\n"
	r := Compare([]*loader.Article{article("a", full), article("b", part), article("c", part), article("d", full)})
	n := 0
	for _, rc := range r.Reconciled {
		if strings.Contains(rc.Reason, "excerpt") {
			n++
			if len(rc.Claims) != 4 {
				t.Errorf("a reconciliation of %d claims, want the 4 copies: %+v", len(rc.Claims), rc)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d excerpt reconciliations, want 1: %+v", n, r.Reconciled)
	}
}

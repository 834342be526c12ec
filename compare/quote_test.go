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

package compare

import (
	"fmt"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/loader"
)

// The scope detector: how much of one thing a claim covers, as its
// quantifier says ("background checks for all gun sales" against "for
// nearly all gun sales"). Two sources that say one claim of the same
// thing, in sentences sharing its words, with quantifiers of different
// reach, are a number finding: "all" is not "nearly all".

// scopeAt is one quantified noun phrase of a sentence.
type scopeAt struct {
	reach string // the quantifier's class: "all", "nearly all", "most", "some", "none"
	quant string // the quantifier as written
	thing string // the two words it quantifies, stemmed: its key
	shown string // those words as written
	words map[string]bool
	span  Span
	text  string
	topic string
	ref   Ref
}

// scopeReach maps a quantifier, one or two words, to its reach.
var scopeReach = map[string]string{
	"all": "all", "every": "all", "each": "all",
	"nearly all": "nearly all", "almost all": "nearly all", "virtually all": "nearly all", "almost every": "nearly all", "nearly every": "nearly all",
	"most": "most", "many": "many", "some": "some", "several": "some", "a few": "some", "few": "few", "no": "none",
}

// scopeOpeners are the first words of scopeReach's two-word quantifiers:
// only after one is the pair of words looked up (joining every word with
// the next was most of this detector's time).
var scopeOpeners = func() map[string]bool {
	m := map[string]bool{}
	for q := range scopeReach {
		if first, _, two := strings.Cut(q, " "); two {
			m[first] = true
		}
	}
	return m
}()

func detectScopes(c *comparison, out *findings) {
	st := newStemmer(c.stems)
	byThing := map[string][]scopeAt{}
	var things []string
	c.bodySentences(func(a *loader.Article, p *loader.Paragraph, _ int, text string, s loader.Sentence, toks []token) {
		for _, sc := range scopesOf(text, toks, st) {
			sc.span = Span{Source: a.ID, Paragraph: p.Index, Start: s.Start, End: s.End}
			sc.text, sc.ref = text, Ref{a.ID, p.Index}
			if _, ok := byThing[sc.thing]; !ok {
				things = append(things, sc.thing)
			}
			byThing[sc.thing] = append(byThing[sc.thing], sc)
		}
	})
	for _, k := range things {
		all := byThing[k]
		if len(all) > maxFactsPerKey {
			continue // a thing every sentence quantifies tells no claim apart
		}
		for i := range all {
			all[i].topic = c.topicOfRef(all[i].ref)
		}
		// Each source's first telling, among sentences that say one claim
		// with another source's (linked paragraphs or one topic, and most
		// of their words in common).
		var told []scopeAt
		for _, x := range all {
			if slices.ContainsFunc(told, func(y scopeAt) bool { return y.ref.Source == x.ref.Source }) {
				continue
			}
			for _, y := range all {
				if y.ref.Source != x.ref.Source && c.sameClaimAt(x, y) {
					told = append(told, x)
					break
				}
			}
		}
		reaches := map[string]bool{}
		for _, x := range told {
			reaches[x.reach] = true
		}
		if len(told) < 2 || len(reaches) < 2 {
			continue
		}
		d := Discrepancy{Kind: KindNumber, Severity: SeverityMedium, Topic: told[0].topic,
			Why: "the sentences tell one claim of the same thing with quantifiers of different reach"}
		var parts []string
		for _, x := range told {
			d.Claims = append(d.Claims, Claim{Span: x.span, Text: x.text, Value: x.quant + " " + x.shown})
			parts = append(parts, fmt.Sprintf("%s (%s)", x.quant, c.label(x.ref.Source)))
		}
		d.Summary = fmt.Sprintf("how many %s: %s", told[0].shown, strings.Join(parts, ", "))
		out.Discrepancies = append(out.Discrepancies, d)
	}
}

// sameClaimAt: two quantified sentences tell one claim: their paragraphs
// were linked or share a topic, and scopeOverlap of the shorter's words
// are the other's.
func (c *comparison) sameClaimAt(a, b scopeAt) bool {
	if !c.linked.has(a.ref, b.ref) && (a.topic == "" || a.topic != b.topic) {
		return false
	}
	return overlapCoeff(a.words, b.words) >= scopeOverlap
}

// scopesOf finds the quantified noun phrases of a sentence: a quantifier
// (scopeReach), an optional "the" or "of the", then two words that are
// neither small words nor numbers: the thing quantified.
func scopesOf(text string, toks []token, st *stemmer) []scopeAt {
	var out []scopeAt
	var content map[string]bool
	for i := 0; i < len(toks); i++ {
		q, n := "", 0
		if i+1 < len(toks) && scopeOpeners[toks[i].folded] {
			if _, ok := scopeReach[toks[i].folded+" "+toks[i+1].folded]; ok {
				q, n = toks[i].folded+" "+toks[i+1].folded, 2
			}
		}
		if q == "" {
			if _, ok := scopeReach[toks[i].folded]; ok {
				q, n = toks[i].folded, 1
			}
		}
		if q == "" {
			continue
		}
		j := i + n
		for j < len(toks) && (toks[j].folded == "the" || toks[j].folded == "of" || toks[j].folded == "these" || toks[j].folded == "those") {
			j++
		}
		if j+1 >= len(toks) || strings.ContainsAny(text[toks[i].end:toks[j+1].start], ",;:.\"“”") {
			continue
		}
		a, b := toks[j], toks[j+1]
		if isStop(a.folded) || isStop(b.folded) || isNumberToken(a.folded) || isNumberToken(b.folded) || len(a.folded) < 3 || len(b.folded) < 3 {
			continue
		}
		if content == nil {
			content = map[string]bool{}
			for _, t := range toks {
				if !isStop(t.folded) && len(t.folded) > 2 {
					content[st.stem(t.folded)] = true
				}
			}
		}
		out = append(out, scopeAt{reach: scopeReach[q], quant: text[toks[i].start:toks[i+n-1].end],
			thing: st.stem(a.folded) + " " + st.stem(b.folded), shown: text[a.start:b.end], words: content})
		i = j + 1
	}
	return out
}

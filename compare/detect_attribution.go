package compare

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// detectAttribution compares who sources credit one claim to. Two sentences
// carry one claim when they name the same specific things and say mostly
// the same words; they are a finding when each credits it to a named
// source, neither of which the other article names beside its claim. An
// outlet that carried the words ("told HuffPost", "according to Fox News")
// is the claim's channel, not its source; an unnamed source ("a defense
// official", "a humanitarian organization") may be the other's named one;
// a person and the body the other names beside him ("acting White House
// chief of staff Mick Mulvaney" and "the White House") are one voice. None
// of them is a conflict of sources.
func detectAttribution(c *comparison, out *findings) {
	claims := c.claims
	st := newStemmer(c.stems)
	near := func(a, b claimAt) bool {
		if a.topic != "" && a.topic == b.topic || c.linked.has(Ref{a.span.Source, a.span.Paragraph}, Ref{b.span.Source, b.span.Paragraph}) {
			return true
		}
		for k := range a.specific {
			if strings.HasPrefix(k, "model:") && b.specific[k] {
				return true
			}
		}
		return false
	}
	// namedNear: the article names one of the credits within
	// creditWindow paragraphs of its own claim.
	namedNear := func(cl claimAt, credits []string) bool {
		for k := cl.span.Paragraph - creditWindow; k <= cl.span.Paragraph+creditWindow; k++ {
			if p := c.paragraph(Ref{cl.span.Source, k}); p != nil && shareCredit(credits, []string{p.Text}) {
				return true
			}
		}
		return false
	}
	bySpecific := map[string][]int{}
	named := make([][]string, len(claims))
	content := make([]map[string]bool, len(claims))
	for i, cl := range claims {
		named[i] = namedCredits(cl.credits)
		if len(named[i]) == 0 {
			continue
		}
		for k := range cl.specific {
			bySpecific[k] = append(bySpecific[k], i)
		}
	}
	contentOf := func(i int) map[string]bool {
		if content[i] == nil {
			content[i] = claimWords(claims[i].text, claims[i].credits, st)
		}
		return content[i]
	}
	seen := map[[2]int]bool{}
	credited := map[int][]int{} // sentence → counterparts with other credits
	for _, k := range slices.Sorted(maps.Keys(bySpecific)) {
		is := bySpecific[k]
		if len(is) > 50 {
			continue // a thing every source names: no telling claims apart by it
		}
		for x, i := range is {
			for _, j := range is[x+1:] {
				a, b := claims[i], claims[j]
				if a.span.Source == b.span.Source || seen[[2]int{i, j}] || !sameClaim(a, b) || !near(a, b) {
					continue
				}
				seen[[2]int{i, j}] = true
				if overlapCoeff(contentOf(i), contentOf(j)) < attributionOverlap {
					continue // two statements that name the same things
				}
				if shareCredit(named[i], named[j]) || namedNear(a, named[j]) || namedNear(b, named[i]) {
					continue
				}
				credited[min(i, j)] = append(credited[min(i, j)], max(i, j))
			}
		}
	}
	for _, i := range slices.Sorted(maps.Keys(credited)) {
		var cl []Claim
		var parts []string
		for _, k := range append([]int{i}, credited[i]...) {
			x := claims[k]
			chain := creditChain(x.credits)
			cl = append(cl, Claim{Span: x.span, Text: x.text, Value: "credited to " + chain})
			parts = append(parts, fmt.Sprintf("%s (%s)", chain, c.label(x.span.Source)))
		}
		out.Discrepancies = append(out.Discrepancies, Discrepancy{Kind: KindAttribution, Topic: claims[i].topic, Severity: SeverityLow, Claims: cl,
			Summary: "the same claim credited to " + strings.Join(parts, "; to "),
			Why:     "the sentences say the same thing of the same specific things and credit it to named sources, neither named beside the other's claim"})
	}
}

// namedCredits are the credits that name a source: not an outlet that
// carried the words. A claim that credits an unnamed source too ("the
// Pentagon and a humanitarian organization") has none: the unnamed one may
// be the other article's named one.
func namedCredits(cs []string) []string {
	var out []string
	for _, c := range cs {
		if strings.HasPrefix(c, viaMark) || isOutlet(c) {
			continue
		}
		if !hasName(c) {
			return nil
		}
		out = append(out, c)
	}
	return out
}

// hasName: a credit names someone when one of its capitalised words is a
// name, not a common noun of sources or titles ("Police", "Sheriff"), a day
// or a month, or a word that opens sentences, or when two are; "a U.S.
// defense official" and "a Colorado-based trade group" name no one.
func hasName(credit string) bool {
	ws := strings.Fields(credit)
	if len(ws) == 0 {
		return false
	}
	switch strings.ToLower(ws[0]) {
	case "a", "an", "one", "two", "three", "several", "some", "many", "other":
		return false
	}
	caps, named := 0, false
	for _, w := range words(credit) {
		f := w.folded
		if !isCapitalised(w.text) || len(strings.Trim(f, ".")) < 2 || weekdays[f] || months[f] {
			continue
		}
		caps++
		if !sourceNouns()[f] && !sourceNouns()[singular(f)] && !titleWords()[f] && !sentenceOpeners()[f] && !isStop(f) {
			named = true
		}
	}
	// Two capitalised words are a body's name ("Interior Ministry",
	// "State Department") even when each alone is a common one.
	return named || caps >= 2
}

// claimWords are the content words of a claim's sentence, its credits'
// words and credit verbs aside: what it says, not who says it.
func claimWords(text string, credits []string, st *stemmer) map[string]bool {
	skip := map[string]bool{}
	for _, c := range credits {
		for _, w := range words(c) {
			skip[w.folded] = true
		}
	}
	out := map[string]bool{}
	for _, w := range words(text) {
		f := w.folded
		if len(f) < 3 || isStop(f) || skip[f] || creditVerbs()[f] {
			continue
		}
		out[st.stem(f)] = true
	}
	return out
}

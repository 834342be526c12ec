package compare

import (
	"fmt"
	"slices"
	"strings"
)

// detectParaphrases compares a source's account of what someone said with
// another source's quotation of it, where the account keeps the quotation's
// words but for one small word that changes what they say: "Kirby said the
// structures were operational weapons storage facilities" against the
// quoted "operational and weapons storage facilities" (two kinds of
// facility, or one), "the plan was not approved" against "the plan was
// approved". A paraphrase rewords freely, and that is no finding; a run of
// the quotation's own words with a joining or negating word dropped or
// added is one, since the words were kept and the sense was not.
//
// The account must keep paraphraseContext of the quotation's words around
// the site, contiguous, outside any quotation of its own; it must credit
// the words to the quotation's speaker when both are known; and the two
// paragraphs must speak of one thing (one topic or a link).
func detectParaphrases(c *comparison, out *findings) {
	var quotes []Fact
	for _, f := range c.res.Facts {
		if f.Kind == FactQuote && !c.offEvent(f.Span.Source) {
			quotes = append(quotes, f)
		}
	}
	if len(quotes) == 0 {
		return
	}
	qtoks := make([][]string, len(quotes))
	small := make([]bool, len(quotes))
	qkey := make([]string, len(quotes)) // the speaker's key, "" if unknown
	for i, q := range quotes {
		for t := range eachWord(q.Text) {
			qtoks[i] = append(qtoks[i], t.folded)
		}
		small[i] = hasSmall(qtoks[i])
		if q.Quote.Speaker != "" {
			qkey[i] = speakerKey(q.Quote.Speaker)
		}
	}
	type site struct {
		claim int // index in c.claims
		word  string
		gram  string // the account's words at the site
		qgram string // the quotation's
	}
	found := map[site][]int{} // → the quotations
	var order []site
	// The quotations an account may be of: those of its topic and of the
	// paragraphs linked to its own, found through indexes (every account
	// against every quotation was quadratic in the articles).
	type topicSource struct{ topic, source string }
	byTopic := map[string][]topicSource{} // a topic's sources that quote
	bySource := map[topicSource][]int{}
	byRef := map[Ref][]int{}
	for qi, q := range quotes {
		if q.Topic != "" {
			k := topicSource{q.Topic, q.Span.Source}
			if bySource[k] == nil {
				byTopic[q.Topic] = append(byTopic[q.Topic], k)
			}
			bySource[k] = append(bySource[k], qi)
		}
		r := Ref{q.Span.Source, q.Span.Paragraph}
		byRef[r] = append(byRef[r], qi)
	}
	neighbours := make([][]int32, len(c.units))
	for _, p := range c.pairs {
		neighbours[p.i] = append(neighbours[p.i], p.j)
		neighbours[p.j] = append(neighbours[p.j], p.i)
	}
	candidatesOf := func(cl claimAt) []int {
		// Other sources' quotations alone: one long article's own are many.
		var out []int
		for _, k := range byTopic[cl.topic] {
			if k.source != cl.span.Source {
				out = append(out, bySource[k]...)
			}
		}
		if u, ok := c.unitOf[Ref{cl.span.Source, cl.span.Paragraph}]; ok {
			for _, nb := range neighbours[u] {
				if r := c.units[nb].ref; r.Source != cl.span.Source {
					out = append(out, byRef[r]...)
				}
			}
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	for ci, cl := range c.claims {
		if c.offEvent(cl.span.Source) || len(cl.credits) == 0 {
			continue
		}
		cands := candidatesOf(cl)
		if len(cands) == 0 {
			continue
		}
		runs := unquotedRuns(cl.text)
		mine := slices.ContainsFunc(runs, hasSmall)
		credits := make([]string, len(cl.credits))
		for k, cr := range cl.credits {
			credits[k] = speakerKey(cr)
		}
		for _, qi := range cands {
			q := quotes[qi]
			if !mine && !small[qi] {
				continue // no joining or negating word on either side
			}
			if q.Span.Source == cl.span.Source || qkey[qi] != "" && !slices.Contains(credits, qkey[qi]) || !sameMatter(c, cl, q) {
				continue
			}
			for _, r := range runs {
				for _, hit := range droppedWords(qtoks[qi], r) {
					s := site{ci, hit.word, hit.gram, hit.qgram}
					if _, ok := found[s]; !ok {
						order = append(order, s)
					}
					if !slices.Contains(found[s], qi) {
						found[s] = append(found[s], qi)
					}
				}
			}
		}
	}
	for _, s := range order {
		cl := c.claims[s.claim]
		claims := []Claim{{Span: cl.span, Text: cl.text, Value: s.gram}}
		var speaker string
		for _, qi := range found[s] {
			q := quotes[qi]
			claims = append(claims, claimOf(q))
			if speaker == "" {
				speaker = q.Quote.Speaker
			}
		}
		whose := "the quoted words"
		if speaker != "" {
			whose = speaker + "'s quoted words"
		}
		word, change := s.word, "drops"
		if w, added := strings.CutPrefix(s.word, "+"); added {
			word, change = w, "adds"
		}
		out.Discrepancies = append(out.Discrepancies, Discrepancy{
			Kind: KindQuote, Topic: cl.topic, Severity: SeverityMedium,
			Summary: fmt.Sprintf("%s's account of %s %s %q: %q against %q", c.label(cl.span.Source), whose, change, word, s.gram, s.qgram),
			Claims:  claims,
			Why: fmt.Sprintf("the account keeps the quotation's words around the site side by side but %s %q, which changes what they say",
				change, word),
		})
	}
}

// hasSmall: ws holds a joining or negating word.
func hasSmall(ws []string) bool {
	return slices.ContainsFunc(ws, func(w string) bool { return paraphraseWords[w] })
}

// paraphraseWords are the small words whose loss or gain changes what a
// run of words says: joining words (two things or one) and negations.
var paraphraseWords = toSet(`and or nor not never no`)

// A site's context is three of the quotation's words around the word, side
// by side in the account once the word is gone: one before and two after
// ("operational [and] weapons storage"), or two before and one after ("the
// bridge is [not] safe"). Two of the three must be content words, so that
// the account is plainly copying the phrase, not saying something else in
// similar small words.
var paraphraseContexts = [][3]int{{-1, 1, 2}, {-2, -1, 1}}

const paraphraseContentWords = 2

type dropHit struct {
	word  string // the word dropped, or "+word" when the account adds it
	gram  string // the account's words at the site
	qgram string // the quotation's
}

// droppedWords finds where the account (a run of folded words outside any
// quotation) keeps the quotation's words around a joining or negating word
// but drops it, or adds one the quotation does not have.
func droppedWords(q, acc []string) []dropHit {
	var out []dropHit
	// context is the words of ws around k, or nil when the window falls
	// outside ws or holds too few content words.
	context := func(ws []string, k int, win [3]int) []string {
		var ctx []string
		content := 0
		for _, d := range win {
			i := k + d
			if i < 0 || i >= len(ws) || paraphraseWords[ws[i]] {
				return nil
			}
			if !isStop(ws[i]) {
				content++
			}
			ctx = append(ctx, ws[i])
		}
		if content < paraphraseContentWords {
			return nil
		}
		return ctx
	}
	span := func(ws []string, k int, win [3]int) string { return strings.Join(ws[k+win[0]:k+win[2]+1], " ") }
	seen := map[string]bool{}
	add := func(h dropHit) {
		if !seen[h.word+"|"+h.gram] {
			seen[h.word+"|"+h.gram] = true
			out = append(out, h)
		}
	}
	// from holds the word at k; in, its neighbours side by side without
	// it. The quotation's word dropped by the account, or the account's
	// word added to the quotation's.
	sites := func(from, in []string, added bool) {
		for k := range from {
			if !paraphraseWords[from[k]] {
				continue
			}
			for _, win := range paraphraseContexts {
				ctx := context(from, k, win)
				if ctx == nil {
					continue
				}
				at := indexRun(in, ctx)
				if at < 0 {
					continue
				}
				with, without := span(from, k, win), strings.Join(in[at:at+len(ctx)], " ")
				if added {
					add(dropHit{"+" + from[k], with, without})
				} else {
					add(dropHit{from[k], without, with})
				}
			}
		}
	}
	sites(q, acc, false)
	sites(acc, q, true)
	return out
}

// indexRun is where run stands in ws, side by side, or -1.
func indexRun(ws, run []string) int {
	for i := 0; i+len(run) <= len(ws); i++ {
		if slices.Equal(ws[i:i+len(run)], run) {
			return i
		}
	}
	return -1
}

// unquotedRuns splits a sentence's words outside its quotations into runs
// that no quotation interrupts, folded.
func unquotedRuns(text string) [][]string {
	qs := quotations(text, false)
	var runs [][]string
	var cur []string
	qi := 0
	for t := range eachWord(text) {
		for qi < len(qs) && qs[qi].end <= t.start {
			qi++
			if len(cur) > 0 {
				runs, cur = append(runs, cur), nil
			}
		}
		if qi < len(qs) && t.start >= qs[qi].start && t.start < qs[qi].end {
			continue
		}
		cur = append(cur, t.folded)
	}
	if len(cur) > 0 {
		runs = append(runs, cur)
	}
	return runs
}

// sameMatter: the account and the quotation speak of one thing, their
// paragraphs in one topic or linked.
func sameMatter(c *comparison, cl claimAt, q Fact) bool {
	return cl.topic != "" && cl.topic == q.Topic ||
		c.linked.has(Ref{cl.span.Source, cl.span.Paragraph}, Ref{q.Span.Source, q.Span.Paragraph})
}

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
	var quotes []*Fact // into the facts, which no detector writes
	for i := range c.res.Facts {
		if f := &c.res.Facts[i]; f.Kind == FactQuote && !c.offEvent(f.Span.Source) {
			quotes = append(quotes, f)
		}
	}
	if len(quotes) == 0 {
		return
	}
	speakerKey := remembered(speakerKey) // a story quotes and credits a few people again and again
	qkey := make([]string, len(quotes))  // the speaker's key, "" if unknown
	for i, q := range quotes {
		if q.Quote.Speaker != "" {
			qkey[i] = speakerKey(q.Quote.Speaker)
		}
	}
	// A quotation's folded words, and whether it has a small word, read
	// the first time an account is set against it: one long article's own
	// quotations are many, and never its accounts' candidates.
	qtoks := make([][]string, len(quotes))
	read := make([]bool, len(quotes))
	small := make([]bool, len(quotes))
	quoteWords := func(qi int) []string {
		if !read[qi] {
			for t := range eachWord(quotes[qi].Text) {
				qtoks[qi] = append(qtoks[qi], t.folded)
			}
			small[qi], read[qi] = hasSmall(qtoks[qi]), true
		}
		return qtoks[qi]
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
	byUnit := make([][]int, len(c.units)) // a body paragraph's quotations, by its unit
	for qi, q := range quotes {
		if q.Topic != "" {
			k := topicSource{q.Topic, q.Span.Source}
			if bySource[k] == nil {
				byTopic[q.Topic] = append(byTopic[q.Topic], k)
			}
			bySource[k] = append(bySource[k], qi)
		}
		if u, ok := c.unitOf[Ref{q.Span.Source, q.Span.Paragraph}]; ok {
			byUnit[u] = append(byUnit[u], qi)
		}
	}
	// Each unit's linked units, in the links' order, in one array (a
	// thousand articles have a quarter of a million links: a slice per
	// unit grown by appending was a third of this detector's allocations).
	from := make([]int32, len(c.units)+1)
	for _, p := range c.pairs {
		from[p.i+1]++
		from[p.j+1]++
	}
	for u := range c.units {
		from[u+1] += from[u]
	}
	flat := make([]int32, from[len(c.units)])
	fill := slices.Clone(from[:len(c.units)])
	for _, p := range c.pairs {
		flat[fill[p.i]] = p.j
		fill[p.i]++
		flat[fill[p.j]] = p.i
		fill[p.j]++
	}
	neighbours := func(u int32) []int32 { return flat[from[u]:from[u+1]] }
	// candidatesOf is the quotations, in order and once each, of the
	// claim's topic and of the paragraphs linked to its own. The topic's
	// are sorted once for a run of claims of one source and topic (the
	// claims come source by source), and merged with the links' (sorting
	// them all for every claim was most of this detector's time). The
	// claims of one paragraph come one after another, and have the same.
	var near, cands, inTopic []int
	lastKey := topicSource{"", "\x00"} // no source's
	lastUnit := int32(-2)              // no unit's
	candidatesOf := func(cl claimAt) []int {
		u, ok := c.unitOf[Ref{cl.span.Source, cl.span.Paragraph}]
		if !ok {
			u = -1
		}
		k := topicSource{cl.topic, cl.span.Source}
		if k == lastKey && u == lastUnit {
			return cands
		}
		lastUnit = u
		// Other sources' quotations alone: one long article's own are many.
		if k != lastKey {
			lastKey = k
			inTopic = inTopic[:0]
			for _, ts := range byTopic[cl.topic] {
				if ts.source != cl.span.Source {
					inTopic = append(inTopic, bySource[ts]...)
				}
			}
			slices.Sort(inTopic)
		}
		near = near[:0]
		if u >= 0 {
			for _, nb := range neighbours(u) {
				if len(byUnit[nb]) > 0 && c.units[nb].src != c.units[u].src {
					near = append(near, byUnit[nb]...)
				}
			}
		}
		slices.Sort(near)
		cands = cands[:0]
		tq := inTopic
		for i, j := 0, 0; i < len(tq) || j < len(near); {
			var x int
			if j == len(near) || i < len(tq) && tq[i] <= near[j] {
				x = tq[i]
				i++
			} else {
				x = near[j]
				j++
			}
			if n := len(cands); n == 0 || cands[n-1] != x {
				cands = append(cands, x)
			}
		}
		return cands
	}
	for ci, cl := range c.claims {
		if c.offEvent(cl.span.Source) || len(cl.credits) == 0 {
			continue
		}
		cands := candidatesOf(cl)
		if len(cands) == 0 {
			continue
		}
		credits := make([]string, len(cl.credits))
		for k, cr := range cl.credits {
			credits[k] = speakerKey(cr)
		}
		// The account's words are split only once a quotation passes the
		// cheap tests: most accounts have none that does.
		var runs [][]string
		mine, split := false, false
		for _, qi := range cands {
			q := quotes[qi]
			if q.Span.Source == cl.span.Source || qkey[qi] != "" && !slices.Contains(credits, qkey[qi]) || !sameMatter(c, cl, *q) {
				continue
			}
			if !split {
				runs, split = unquotedRuns(cl.text), true
				mine = slices.ContainsFunc(runs, hasSmall)
			}
			qw := quoteWords(qi)
			if !mine && !small[qi] {
				continue // no joining or negating word on either side
			}
			for _, r := range runs {
				for _, hit := range droppedWords(qw, r) {
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
			claims = append(claims, claimOf(*q))
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
	// (An array, not a slice: this runs for every small word of every
	// account against every candidate quotation.)
	context := func(ws []string, k int, win [3]int) (ctx [3]string, ok bool) {
		content := 0
		for x, d := range win {
			i := k + d
			if i < 0 || i >= len(ws) || paraphraseWords[ws[i]] {
				return ctx, false
			}
			if !isStop(ws[i]) {
				content++
			}
			ctx[x] = ws[i]
		}
		return ctx, content >= paraphraseContentWords
	}
	span := func(ws []string, k int, win [3]int) string { return strings.Join(ws[k+win[0]:k+win[2]+1], " ") }
	var seen map[string]bool // made at the first hit: most calls have none
	add := func(h dropHit) {
		if seen == nil {
			seen = map[string]bool{}
		}
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
				ctx, ok := context(from, k, win)
				if !ok {
					continue
				}
				at := indexRun(in, ctx[:])
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

package compare

import (
	"fmt"
	"os"
	"slices"
	"strings"
)

// detectQuotes finds the quotations that sources word differently. A
// quotation is set against its single best counterpart in each other
// source: most of its words in common and in the same order, the same
// speaker when both name one, the same occasion when both say to whom it
// was said. Two people who use one phrase, or one person in two
// interviews, are two quotations, not one told two ways. Copies that
// differ only in form (marks, an ellipsis, an excerpt, an editor's
// brackets, a censored word, a contraction) are reconciled with the reason;
// the rest is a finding, with its word-level difference. A statement one
// outlet splits with "he said" is compared whole: the quotations of one
// speaker that follow each other in a paragraph are also read joined.
func detectQuotes(c *comparison, out *findings) {
	// Counted first, then copied into a slice of their size: a Fact is
	// large, and one 10 MB article has tens of thousands of quotations.
	nq := 0
	for _, f := range c.res.Facts {
		if f.Kind == FactQuote && !c.offEvent(f.Span.Source) {
			nq++
		}
	}
	qs := make([]Fact, 0, nq)
	for _, f := range c.res.Facts {
		if f.Kind == FactQuote && !c.offEvent(f.Span.Source) {
			qs = append(qs, f)
		}
	}
	// A story's speakers are few and quoted again and again.
	speakerKey := remembered(speakerKey)
	// The body a person speaks for, as any source names it: one article's
	// "Pentagon Press Secretary John Kirby" tells another's "Kirby said".
	bodies := map[string]string{}
	for _, q := range qs {
		if q.Quote.For != "" {
			bodies[speakerKey(q.Quote.Speaker)] = q.Quote.For
		}
	}
	units := quoteUnits(qs, c.between)
	for i := range units {
		if units[i].forBody == "" && units[i].speaker != "" {
			units[i].forBody = bodies[speakerKey(units[i].speaker)]
		}
		units[i].voice = voiceOf(units[i], speakerKey)
	}
	n := len(units)
	folded := make([]string, n)
	forms := make([][]formToken, n)
	// Each wording is read once: a wire story's quotations recur word for
	// word in its copies, and the units that share one share its folded
	// text and its tokens, which nothing writes.
	firstOf := map[string]int{}
	var distinct []int
	for i, u := range units {
		if _, ok := firstOf[u.words]; !ok {
			firstOf[u.words] = i
			distinct = append(distinct, i)
		}
	}
	parallel(len(distinct), func(_ int, next func() (int, bool)) {
		for k, ok := next(); ok; k, ok = next() {
			i := distinct[k]
			folded[i] = foldText(units[i].words)
			forms[i] = formTokens(units[i].words)
		}
	})
	for i, u := range units {
		if f := firstOf[u.words]; f != i {
			folded[i], forms[i] = folded[f], forms[f]
		}
	}
	sets := wordSets(folded)
	srcIndex := map[string]int{}
	for i, id := range c.res.Sources {
		srcIndex[id] = i
	}
	var cands []candidatePair
	verdict := map[[2]int]quoteVerdict{}
	sameIn := map[[2]int]bool{} // (fact, other source) has a copy in form there
	compared := map[int]bool{}  // facts some other source quotes too
	group := make([]int, n)
	for i, u := range units {
		group[i] = srcIndex[u.source]
	}
	// The pairs that pass the cheap tests, then the word-order tests of
	// each on every core (they are most of the cost), read in this order.
	var near [][2]int
	for _, p := range quotePairs(sets, group, quoteOverlap) {
		i, j := p[0], p[1]
		a, b := units[i], units[j]
		if debugQuotes != "" && (strings.Contains(a.words, debugQuotes) || strings.Contains(b.words, debugQuotes)) {
			fmt.Printf("pair u%d~u%d ov=%.2f voice=%v occ=%v [%s|%s] [%s|%s]\n", i, j, overlapIDs(sets[i], sets[j]), c.sameVoice(a, b), otherOccasion(a, b), a.speaker, a.forBody, b.speaker, b.forBody)
		}
		if a.source == b.source || overlapIDs(sets[i], sets[j]) < quoteOverlap {
			continue
		}
		if !c.sameVoice(a, b) || otherOccasion(a, b) {
			continue
		}
		near = append(near, p)
	}
	type ordered struct {
		ok bool
		v  quoteVerdict
	}
	tested := make([]ordered, len(near))
	parallel(len(near), func(_ int, next func() (int, bool)) {
		for k, ok := next(); ok; k, ok = next() {
			i, j := near[k][0], near[k][1]
			// Words in common are not enough: most of the shorter must stand
			// in the longer in the same order, or two statements on one
			// subject would be taken for one quotation; a short one, nearly
			// word for word.
			short := min(contentLen(forms[i]), contentLen(forms[j]))
			run := commonRun(forms[i], forms[j])
			if float64(run) < quoteOverlap*float64(short) || short < shortQuoteWords && run < short-1 {
				continue
			}
			if sharedContent(forms[i], forms[j]) < min(2, contentWords(forms[i]), contentWords(forms[j])) {
				continue // "He is a faker" and "He's a good guy": small words only
			}
			same, excerpt, fs := formMatch(forms[i], forms[j])
			tested[k] = ordered{true, quoteVerdict{same, excerpt, fs}}
		}
	})
	for k, p := range near {
		if !tested[k].ok {
			continue
		}
		i, j := p[0], p[1]
		a, b := units[i], units[j]
		same := tested[k].v.same
		excerpt := tested[k].v.excerpt
		verdict[[2]int{i, j}] = tested[k].v
		for _, x := range [2][2]int{{i, j}, {j, i}} {
			for _, f := range units[x[0]].facts {
				compared[f] = true
				if same && !excerpt {
					sameIn[[2]int{f, srcIndex[units[x[1]].source]}] = true
				}
			}
		}
		score := overlapIDs(sets[i], sets[j])
		if a.speaker != "" && b.speaker != "" {
			score += 0.1
		}
		if a.topic != "" && a.topic == b.topic {
			score += 0.05
		}
		cands = append(cands, candidatePair{i, j, score})
	}
	// Copies in form first, each kept: an excerpt does not use up the
	// quotation it is cut from. Then, one to one, the reworded ones, for
	// the quotations that have no copy in that source.
	claimsOf := func(u quoteUnit) []Claim {
		var cl []Claim
		for _, f := range u.facts {
			cl = append(cl, claimOf(qs[f]))
		}
		return cl
	}
	var reworded []candidatePair
	// Excerpts of one statement, however many, are one reconciliation
	// with every copy's claim: a reader wants the statement once. The
	// quotations of a run one source splits with "he said" are one
	// statement, so its parts' excerpts join it.
	excerpts := newUnionFind(len(qs))
	excerpted := map[int]bool{}
	notes := map[int][]string{} // a fact → the form notes of its pairs
	origins := newOriginCounter(c.res.Copies)
	for _, cp := range cands {
		v := verdict[[2]int{cp.a, cp.b}]
		a, b := units[cp.a], units[cp.b]
		claims := append(claimsOf(a), claimsOf(b)...)
		switch {
		case v.same && folded[cp.a] == folded[cp.b] && len(a.facts) == 1 && len(b.facts) == 1:
			srcs := []string{a.source, b.source}
			out.Agreements = append(out.Agreements, Agreement{Value: qs[a.facts[0]].Value, Facts: []string{qs[a.facts[0]].ID, qs[b.facts[0]].ID}, Sources: srcs, Origins: origins.count(srcs)})
		case v.same && v.excerpt:
			all := append(slices.Clone(a.facts), b.facts...)
			for _, f := range all {
				excerpts.union(all[0], f)
				excerpted[f] = true
			}
			if n := formNote(v.forms); n != "" {
				notes[all[0]] = append(notes[all[0]], n)
			}
		case v.same:
			out.Reconciled = append(out.Reconciled, Reconciled{Claims: claims, Reason: "the quotations differ only in form" + formNote(v.forms)})
		default:
			if !a.copiedIn(sameIn, srcIndex[b.source]) && !b.copiedIn(sameIn, srcIndex[a.source]) {
				reworded = append(reworded, cp)
			}
		}
	}
	// Each unit's candidates, in their order: what the two tests below
	// read of a rewording's ends, instead of every candidate for each.
	candsOf := make([][]int, n)
	for k, cp := range cands {
		candsOf[cp.a] = append(candsOf[cp.a], k)
		candsOf[cp.b] = append(candsOf[cp.b], k)
	}
	// A rewording set against a quotation whose words another quotation of
	// that source already gives in form is two statements, not one told two
	// ways ("I don't even want to contemplate that" in full, and "I don't
	// want to think about that possibility" from another interview).
	kept := reworded[:0]
	for _, cp := range reworded {
		covered := false
		for _, side := range [2][2]int{{cp.a, cp.b}, {cp.b, cp.a}} {
			x, y := side[0], side[1]
			for _, k := range candsOf[x] {
				other := cands[k]
				if !verdict[[2]int{other.a, other.b}].same {
					continue
				}
				var z int
				switch {
				case other.a == x && other.b != y && units[other.b].source == units[y].source:
					z = other.b
				case other.b == x && other.a != y && units[other.a].source == units[y].source:
					z = other.a
				default:
					continue
				}
				if !sharesFact(units[z], units[y]) && 2*commonRun(forms[z], forms[y]) >= contentLen(forms[y]) {
					covered = true
				}
			}
		}
		if !covered && !elsewhere(cp, cands, candsOf, verdict, units) && !elsewhere(candidatePair{cp.b, cp.a, cp.score}, cands, candsOf, verdict, units) {
			kept = append(kept, cp)
		}
	}
	// One reconciliation per quotation and its excerpts.
	groups := map[int][]int{}
	var roots []int
	for f := range qs {
		if !excerpted[f] {
			continue
		}
		r := excerpts.find(f)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], f)
	}
	for _, r := range roots {
		var cl []Claim
		var ns []string
		for _, f := range groups[r] {
			cl = append(cl, claimOf(qs[f]))
			for _, n := range notes[f] {
				if !slices.Contains(ns, n) {
					ns = append(ns, n)
				}
			}
		}
		reason := "one quotation is an excerpt of the other: the words they share are the same"
		if len(cl) > 2 {
			reason = fmt.Sprintf("one statement and its excerpts (%d quotations): the words they share are the same", len(cl))
		}
		out.Reconciled = append(out.Reconciled, Reconciled{Claims: cl, Reason: reason + strings.Join(ns, "")})
	}
	matched := matchUnits(kept, units, forms)
	if debugQuotes != "" {
		for _, cp := range cands {
			if strings.Contains(units[cp.a].words, debugQuotes) || strings.Contains(units[cp.b].words, debugQuotes) {
				v := verdict[[2]int{cp.a, cp.b}]
				fmt.Printf("cand u%d~u%d %.2f same=%v ex=%v copied=%v,%v\n", cp.a, cp.b, cp.score, v.same, v.excerpt,
					units[cp.a].copiedIn(sameIn, srcIndex[units[cp.b].source]), units[cp.b].copiedIn(sameIn, srcIndex[units[cp.a].source]))
			}
		}
		for _, cp := range kept {
			fmt.Printf("kept u%d~u%d\n", cp.a, cp.b)
		}
		for _, cp := range matched {
			fmt.Printf("matched u%d~u%d\n", cp.a, cp.b)
		}
	}
	// One finding per wording that differs: the same rewording set against
	// several faithful copies is one finding with all their claims; so is
	// one quotation worded otherwise by two sources (its three sides),
	// where the pairs share a quotation and say the same words.
	type finding struct {
		d    Discrepancy
		ids  map[string]bool
		core []int32 // the words of its first pair's shorter side
	}
	coreOf := func(i, j int) []int32 {
		if len(sets[j]) < len(sets[i]) {
			return sets[j]
		}
		return sets[i]
	}
	var found []*finding
	byKey := map[string]*finding{}
	byFact := map[string]*finding{}
	// The word diffs of the matched pairs, on every core.
	diffs := make([][]DiffOp, len(matched))
	parallel(len(matched), func(_ int, next func() (int, bool)) {
		for k, ok := next(); ok; k, ok = next() {
			i, j := matched[k].a, matched[k].b
			if units[i].source > units[j].source {
				i, j = j, i
			}
			diffs[k] = excerptDiff(strings.ReplaceAll(units[i].words, joinMark, " "), strings.ReplaceAll(units[j].words, joinMark, " "))
		}
	})
	for k, cp := range matched {
		i, j := cp.a, cp.b
		if units[i].source > units[j].source {
			i, j = j, i
		}
		a, b := units[i], units[j]
		diff := diffs[k]
		summary := diffSummary(diff)
		key := foldText(summary)
		var f *finding
		for _, fi := range append(slices.Clone(a.facts), b.facts...) {
			if f == nil {
				f = byKey[qs[fi].ID+"|"+key]
			}
		}
		for _, fi := range append(slices.Clone(a.facts), b.facts...) {
			if g := byFact[qs[fi].ID]; f == nil && g != nil && overlapIDs(g.core, coreOf(i, j)) >= quoteOverlap {
				f = g
			}
		}
		if f != nil {
			for _, fi := range append(slices.Clone(a.facts), b.facts...) {
				if q := qs[fi]; !f.ids[q.ID] {
					f.ids[q.ID] = true
					f.d.Claims = append(f.d.Claims, claimOf(q))
				}
			}
			continue
		}
		changed := changedWords(diff)
		sev := SeverityMedium
		if changed <= 2 {
			sev = SeverityLow
		}
		who := a.speaker
		if who == "" {
			who = b.speaker
		}
		if who == "" {
			who = "an unnamed speaker"
		}
		f = &finding{d: Discrepancy{Kind: KindQuote, Topic: a.topic, Severity: sev, Claims: append(claimsOf(a), claimsOf(b)...), Diff: diff,
			Summary: fmt.Sprintf("quote of %s worded differently (%d %s changed): %s", who, changed, plural(changed, "word", "words"), summary),
			Why:     fmt.Sprintf("%.0f%% of the shorter quotation's words recur in the other, in the same order, but the wording inside differs", 100*overlapIDs(sets[i], sets[j]))},
			ids: map[string]bool{}, core: coreOf(i, j)}
		for _, fi := range append(slices.Clone(a.facts), b.facts...) {
			f.ids[qs[fi].ID] = true
			byKey[qs[fi].ID+"|"+key] = f
			if byFact[qs[fi].ID] == nil {
				byFact[qs[fi].ID] = f
			}
		}
		found = append(found, f)
	}
	for _, f := range found {
		out.Discrepancies = append(out.Discrepancies, f.d)
	}
	// What no other source quotes: unique.
	for i, q := range qs {
		if !compared[i] && fieldCount(q.Quote.Words) >= statementWords {
			out.Unique = append(out.Unique, uniqueOf(q))
		}
	}
}

// quoteUnit is what is compared of one source's quotations: one quotation,
// or several of one speaker that follow each other in a paragraph, joined.
type quoteUnit struct {
	facts                       []int // indices into the quotations
	words, speaker, via, source string
	topic, occasion, forBody    string
	voice                       voice
}

// voice is what sameVoice and otherOccasion read of a unit's speaker, its
// body and its carrier, keyed once per unit rather than once per pair (the
// pairs are hundreds of thousands on a thousand articles).
type voice struct {
	speaker, forBody, via string // the speakerKey of each, "" when not given
	// A described speaker ("the Pentagon press secretary"): its last word
	// folded, and the nameKey of every run of its words after the article.
	described bool
	title     string
	runs      []string
}

// voiceOf keys a unit's voice; speakerKey is the function of that name, or
// one that remembers its results.
func voiceOf(u quoteUnit, speakerKey func(string) string) voice {
	var v voice
	if u.speaker != "" {
		v.speaker = speakerKey(u.speaker)
	}
	if u.forBody != "" {
		v.forBody = speakerKey(u.forBody)
	}
	if u.via != "" {
		v.via = speakerKey(stripPossessive(u.via))
	}
	ws := strings.Fields(u.speaker)
	if len(ws) < 2 {
		return v
	}
	if f := strings.ToLower(ws[0]); f != "a" && f != "an" && f != "the" {
		return v
	}
	v.described, v.title = true, fold(ws[len(ws)-1])
	for i := 1; i < len(ws); i++ {
		for j := i + 1; j <= len(ws); j++ {
			v.runs = append(v.runs, nameKey(strings.Join(ws[i:j], " ")))
		}
	}
	return v
}

func (u quoteUnit) copiedIn(sameIn map[[2]int]bool, src int) bool {
	for _, f := range u.facts {
		if sameIn[[2]int{f, src}] {
			return true
		}
	}
	return false
}

// quoteUnits makes the units: every statement (a quotation of
// statementWords words or more), and every run of two or three quotations
// of one speaker in one paragraph that a cue splits ("“…,” he said. “…”").
// between gives the text between two spans of one paragraph.
func quoteUnits(qs []Fact, between func(a, b Span) string) []quoteUnit {
	out := make([]quoteUnit, 0, len(qs)) // about one a quotation
	one := func(i int) quoteUnit {
		q := qs[i]
		return quoteUnit{facts: []int{i}, words: q.Quote.Words, speaker: q.Quote.Speaker, via: q.Quote.Via, source: q.Span.Source,
			topic: q.Topic, occasion: q.Quote.Occasion, forBody: q.Quote.For}
	}
	for i, q := range qs {
		if fieldCount(q.Quote.Words) >= statementWords {
			out = append(out, one(i))
		}
		var u quoteUnit // made only for a run: most quotations start none
		for j := i + 1; j < len(qs) && j <= i+2; j++ {
			p := qs[j]
			if p.Span.Source != q.Span.Source || p.Span.Paragraph != q.Span.Paragraph || !sameSpeaker(p.Quote.Speaker, q.Quote.Speaker) ||
				!splitByCue(between(qs[j-1].Span, p.Span)) {
				break
			}
			if u.facts == nil {
				u = one(i)
			}
			u.facts = append(u.facts, j)
			u.words += joinMark + p.Quote.Words // the cue's place
			if u.speaker == "" {
				u.speaker = p.Quote.Speaker
			}
			if fieldCount(u.words) >= statementWords {
				v := u
				v.facts = slices.Clone(u.facts)
				out = append(out, v)
			}
		}
	}
	return out
}

// matchUnits is matchOneToOne over units: no quotation is used twice
// against one other source, alone or in a run; but a long quotation may
// meet two shorter ones of one source that match two different parts of
// it (an outlet that split a statement into two paragraphs).
func matchUnits(cands []candidatePair, units []quoteUnit, forms [][]formToken) []candidatePair {
	slices.SortStableFunc(cands, func(x, y candidatePair) int {
		switch {
		case x.score > y.score:
			return -1
		case x.score < y.score:
			return 1
		case x.a != y.a:
			return x.a - y.a
		}
		return x.b - y.b
	})
	type use struct {
		fact  int
		other string
	}
	used := map[use]bool{}
	parts := map[use][][2]int{} // a long single quotation: the parts of it used
	var out []candidatePair
	for _, cp := range cands {
		a, b := units[cp.a], units[cp.b]
		long, short := cp.a, cp.b
		if contentLen(forms[long]) < contentLen(forms[short]) {
			long, short = short, long
		}
		lu, su := units[long], units[short]
		var part [2]int
		split := len(lu.facts) == 1 && 3*contentLen(forms[short]) <= 2*contentLen(forms[long])
		if split {
			lo, hi := matchedRange(forms[long], forms[short])
			part = [2]int{lo, hi}
		}
		taken := false
		for _, f := range su.facts {
			taken = taken || used[use{f, lu.source}]
		}
		k := use{lu.facts[0], su.source}
		switch {
		case split:
			for _, p := range parts[k] {
				taken = taken || part[0] <= p[1] && p[0] <= part[1]
			}
			taken = taken || used[k]
		default:
			for _, f := range lu.facts {
				taken = taken || used[use{f, su.source}] || len(parts[use{f, su.source}]) > 0
			}
		}
		if taken {
			continue
		}
		for _, f := range su.facts {
			used[use{f, lu.source}] = true
		}
		if split {
			parts[k] = append(parts[k], part)
		} else {
			for _, f := range lu.facts {
				used[use{f, su.source}] = true
			}
		}
		_, _ = a, b
		out = append(out, cp)
	}
	return out
}

func formNote(forms []string) string {
	if len(forms) == 0 {
		return ""
	}
	return "; besides the marks, they differ in " + strings.Join(forms, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// sameVoice says whether two units may be one speaker's words: the same
// speaker, or a body and the person who speaks for it ("Pentagon" and
// Pentagon Press Secretary John Kirby). It is sameSpeaker and holds on the
// units' keyed voices.
func (c *comparison) sameVoice(a, b quoteUnit) bool {
	same := func(x, y, kx, ky string) bool { return x == "" || y == "" || kx == ky }
	va, vb := a.voice, b.voice
	if same(a.speaker, b.speaker, va.speaker, vb.speaker) || c.holds(va, b.speaker, vb.speaker) || c.holds(vb, a.speaker, va.speaker) {
		return true
	}
	return a.forBody != "" && same(a.forBody, b.speaker, va.forBody, vb.speaker) || b.forBody != "" && same(b.forBody, a.speaker, vb.forBody, va.speaker) ||
		a.forBody != "" && b.forBody != "" && same(a.forBody, b.forBody, va.forBody, vb.forBody)
}

// holds reports a described speaker ("the Pentagon press secretary") whose
// title a named one holds in some article (Pentagon Press Secretary John
// Kirby): one speaker. A spokeswoman is not the chief executive. named is
// the other speaker, key its speakerKey.
func (c *comparison) holds(desc voice, named, key string) bool {
	if !desc.described || named == "" {
		return false
	}
	if c.roles[key][desc.title] {
		return true
	}
	// "the Pentagon press secretary" speaks for the Pentagon.
	return slices.Contains(desc.runs, key)
}

// sameSpeaker says whether two credits may name one speaker: one is not
// known, or they share the surname (or the organisation's name).
func sameSpeaker(a, b string) bool {
	if a == "" || b == "" {
		return true
	}
	return speakerKey(a) == speakerKey(b)
}

// speakerKey is what two spellings of one speaker share: a person's
// surname, an organisation's whole name, folded.
func speakerKey(s string) string {
	ws := strings.Fields(stripTitlesOr(s))
	if len(ws) == 0 {
		return ""
	}
	last := ws[len(ws)-1]
	if sfx := fold(strings.TrimSuffix(last, ".")); len(ws) > 1 && (sfx == "jr" || sfx == "sr" || sfx == "ii" || sfx == "iii") {
		last = ws[len(ws)-2]
	}
	if len(ws) <= 4 && isPersonLike(ws) {
		return nameKey(last)
	}
	return nameKey(strings.Join(ws, " "))
}

// otherOccasion reports one speaker's words from two occasions: told to
// two carriers (two interviews), or written once and spoken once (a letter
// and a broadcast), which may word one view two ways.
func otherOccasion(a, b quoteUnit) bool {
	if a.occasion != "" && b.occasion != "" && a.occasion != b.occasion {
		return true
	}
	if a.via == "" || b.via == "" {
		return false
	}
	return a.voice.via != b.voice.via
}

func stripPossessive(s string) string {
	return strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s")
}

// fieldCount is len(strings.Fields(s)), without the slice.
func fieldCount(s string) int {
	n := 0
	for range strings.FieldsSeq(s) {
		n++
	}
	return n
}

// contentLen is a quotation's words, articles and ellipses aside.
func contentLen(ts []formToken) int {
	n := 0
	for _, t := range ts {
		if !t.gap && !t.article {
			n++
		}
	}
	return n
}

// offEvent reports a source marked as reporting another event: its facts
// are set against no one's.
func (c *comparison) offEvent(source string) bool {
	return slices.ContainsFunc(c.res.OffEvent, func(o OffEvent) bool { return o.Source == source })
}

// splitByCue reports the words between two quotations that only credit
// them: a verb of saying and its speaker ("," he said, "), nothing of the
// statement's own.
func splitByCue(gap string) bool {
	toks := words(gap)
	if len(toks) == 0 || len(toks) > 14 {
		return false
	}
	for _, t := range toks {
		if saysVerb(t) {
			return true
		}
	}
	return false
}

// between is the text between two spans of one paragraph.
func (c *comparison) between(a, b Span) string {
	p := c.paragraph(Ref{a.Source, a.Paragraph})
	if p == nil || a.End > b.Start || b.Start > len(p.Text) {
		return ""
	}
	return p.Text[a.End:b.Start]
}

// contentWords counts a quotation's words that are not stop words.
func contentWords(ts []formToken) int {
	n := 0
	for _, t := range ts {
		if !t.gap && !t.article && !isStop(t.word) {
			n++
		}
	}
	return n
}

// sharedContent counts the words that are not stop words two quotations
// have in common.
func sharedContent(a, b []formToken) int {
	in := map[string]bool{}
	for _, t := range a {
		if !t.gap && !t.article && !isStop(t.word) {
			in[t.word] = true
		}
	}
	n := 0
	for _, t := range b {
		if in[t.word] {
			n++
			in[t.word] = false
		}
	}
	return n
}

var debugQuotes = os.Getenv("PARALLAX_DEBUG_QUOTES")

// quoteVerdict is how two quotation units compare: the same in form (one
// perhaps an excerpt), with the forms they differ in, or not.
type quoteVerdict struct {
	same, excerpt bool
	forms         []string
}

// elsewhere reports a rewording that a third source tells apart: one side
// has its copy there, the other a different counterpart there, so the two
// are two statements ("would significantly increase the risk" and "would
// materially increase the risk", both quoted by a third outlet).
func elsewhere(cp candidatePair, cands []candidatePair, candsOf [][]int, verdict map[[2]int]quoteVerdict, units []quoteUnit) bool {
	counterparts := func(x int) map[string][]int { // source → x's candidates there
		out := map[string][]int{}
		for _, k := range candsOf[x] {
			o := cands[k]
			switch x {
			case o.a:
				out[units[o.b].source] = append(out[units[o.b].source], o.b)
			case o.b:
				out[units[o.a].source] = append(out[units[o.a].source], o.a)
			}
		}
		return out
	}
	same := func(x, y int) bool {
		return verdict[[2]int{min(x, y), max(x, y)}].same || verdict[[2]int{x, y}].same || verdict[[2]int{y, x}].same
	}
	ca, cb := counterparts(cp.a), counterparts(cp.b)
	for src, as := range ca {
		if src == units[cp.a].source || src == units[cp.b].source {
			continue
		}
		for _, z := range as {
			if !same(cp.a, z) {
				continue
			}
			for _, w := range cb[src] {
				if w != z && !sharesFact(units[w], units[z]) && !oneStatement(units, units[w], units[z]) {
					return true
				}
			}
		}
	}
	return false
}

// oneStatement reports two units that are parts of one joined unit: one
// statement split by a cue, not two.
func oneStatement(units []quoteUnit, a, b quoteUnit) bool {
	for _, u := range units {
		if len(u.facts) < 2 || u.source != a.source {
			continue
		}
		all := true
		for _, f := range append(slices.Clone(a.facts), b.facts...) {
			all = all && slices.Contains(u.facts, f)
		}
		if all {
			return true
		}
	}
	return false
}

// sharesFact reports two units of one source made of a common quotation.
func sharesFact(a, b quoteUnit) bool {
	for _, x := range a.facts {
		if slices.Contains(b.facts, x) {
			return true
		}
	}
	return false
}

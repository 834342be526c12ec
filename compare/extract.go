package compare

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/loader"
)

// read is what the articles' own reading found, before the topics are
// known: per article, its facts (in order, in the pieces articleFacts
// merged them in), name mentions, claims and speakers' titles.
type read struct {
	facts    [][][]Fact
	mentions [][]entityMention
	claims   [][]claimAt
	roles    []map[string]map[string]bool
}

// startReading reads the facts of every article in the background: they
// depend on the words alone, not on the alignment, which runs meanwhile
// (it keeps one core busy while it groups topics). extractStage waits for
// it and gives each fact its paragraph's topic.
func startReading(c *comparison) {
	c.reading = make(chan read, 1)
	go func() {
		arts := c.arts
		bySource := make([][]*unit, len(arts))
		for _, u := range c.units {
			bySource[u.src] = append(bySource[u.src], u)
		}
		// Each article's year, read once: the comparison's is theirs.
		current := make([]int, len(arts))
		for i, a := range arts {
			current[i] = currentYear(a)
		}
		year := comparisonYear(current)
		// Articles are read on every core; the facts are numbered afterwards,
		// in the articles' order, so the result is the same as one goroutine's.
		r := read{make([][][]Fact, len(arts)), make([][]entityMention, len(arts)), make([][]claimAt, len(arts)),
			make([]map[string]map[string]bool, len(arts))}
		parallel(len(arts), func(_ int, next func() (int, bool)) {
			for i, ok := next(); ok; i, ok = next() {
				r.facts[i], r.mentions[i], r.claims[i], r.roles[i] = articleFacts(arts[i], bySource[i], current[i], year)
			}
		})
		c.reading <- r
	}()
}

// extractStage gathers the facts of every body paragraph, each with its
// paragraph's topic.
func extractStage(c *comparison) {
	dropVectors(c)
	res := c.res
	// Each body paragraph's topic, by its article's index and its own (a
	// paragraph's Index is its position), made while the reading ends:
	// looked up by reference for every fact, mention and claim, the
	// topics took 0.05 CPU-s of this serial stage on one 10 MB article.
	topics := make([][]string, len(c.arts))
	for i, a := range c.arts {
		topics[i] = make([]string, len(a.Paragraphs))
	}
	for ui, u := range c.units {
		if ts := c.unitTopics[ui]; len(ts) > 0 {
			topics[u.src][u.ref.Paragraph] = ts[0]
		}
	}
	r := <-c.reading
	dropWords(c)
	per, mentions, claims, roles := r.facts, r.mentions, r.claims, r.roles
	// The facts, mentions and claims of article i are its own paragraphs'.
	topicOf := func(i, paragraph int) string {
		if paragraph < 0 || paragraph >= len(topics[i]) {
			return ""
		}
		return topics[i][paragraph]
	}
	// Sized once: grown by appending, the table held up to twice its facts
	// (28 MB on one 10 MB article, at the comparison's peak).
	n := 0
	for _, pieces := range per {
		for _, fs := range pieces {
			n += len(fs)
		}
	}
	res.Facts = slices.Grow(res.Facts, n)
	for i := range per {
		for _, fs := range per[i] {
			for _, f := range fs {
				f.Topic = topicOf(i, f.Span.Paragraph)
				f.ID = "f" + strconv.Itoa(len(res.Facts)+1)
				res.Facts = append(res.Facts, f)
			}
		}
		per[i] = nil // copied: the collector may have it
		for k := range mentions[i] {
			m := &mentions[i][k]
			m.topic = topicOf(i, int(m.paragraph))
		}
		for k := range claims[i] {
			claims[i][k].topic = topicOf(i, claims[i][k].span.Paragraph)
		}
	}
	n = 0
	for _, cs := range claims {
		n += len(cs)
	}
	all := make([]claimAt, 0, n)
	for _, cs := range claims {
		all = append(all, cs...)
	}
	c.mentions, c.claims = mentions, all
	markOffEvent(c)
	// The titles each speaker holds, as any article names them.
	c.roles = map[string]map[string]bool{}
	for _, r := range roles {
		for k, ts := range r {
			if c.roles[k] == nil {
				c.roles[k] = map[string]bool{}
			}
			for t := range ts {
				c.roles[k][t] = true
			}
		}
	}
	nameDescribedSpeakers(c)
}

// dropWords lets go of the sentences' words once the readers that walk
// them all are done (the facts', read above, and the hedges', waited for
// here): on one 10 MB article they are 81 MB, the largest part of the live
// heap. Their bounds are kept (keepBounds), from which the detectors that
// still walk every sentence make them again as they visit it.
func dropWords(c *comparison) {
	hr := <-c.hedged
	c.hedged <- hr
	// On every core: the stage is serial, and waited for.
	parallel(len(c.units), func(_ int, next func() (int, bool)) {
		for i, ok := next(); ok; i, ok = next() {
			c.units[i].keepBounds()
		}
	})
}

// quoteValue is a quotation's value as the fact table shows it.
func quoteValue(speaker, words, via string) string {
	value := strconv.Quote(words) // fmt's %q, without its formatter
	if speaker != "" {
		value = speaker + ": " + value
	}
	if via != "" {
		value += " (via " + via + ")"
	}
	return value
}

// nameDescribedSpeakers credits a quotation its article gives to a
// description alone ("…,” the presumptive Republican nominee said) to the
// one person another article names so ("Mr. Trump, the presumptive
// Republican nominee, said"). A title two people hold in the comparison
// names neither, and the description stays.
func nameDescribedSpeakers(c *comparison) {
	// A story's speakers are credited again and again: each one's key, and
	// whether it is a description, are read once (the serial stage read
	// them for each of one 10 MB article's quotations).
	key := remembered(speakerKey)
	descriptions := map[string]bool{}
	isDescription := func(speaker string) bool {
		d, ok := descriptions[speaker]
		if !ok {
			d = described(speaker)
			descriptions[speaker] = d
		}
		return d
	}
	names := map[string]string{} // a speaker's key → the longest name given
	for _, f := range c.res.Facts {
		if q := f.Quote; q != nil && q.Speaker != "" && !isDescription(q.Speaker) {
			if k := key(q.Speaker); len(q.Speaker) > len(names[k]) {
				names[k] = q.Speaker
			}
		}
	}
	for i := range c.res.Facts {
		q := c.res.Facts[i].Quote
		if q == nil || !isDescription(q.Speaker) {
			continue
		}
		ws := strings.Fields(q.Speaker)
		title := fold(ws[len(ws)-1])
		holder := ""
		for k, ts := range c.roles {
			if ts[title] && names[k] != "" {
				if holder != "" {
					holder = ""
					break
				}
				holder = names[k]
			}
		}
		if holder != "" {
			q.Speaker = holder
			c.res.Facts[i].Value = quoteValue(holder, q.Words, q.Via)
		}
	}
}

// described reports a speaker given by a description ("the presumptive
// nominee", "a senior official"), not a name.
func described(speaker string) bool {
	ws := strings.Fields(speaker)
	if len(ws) < 2 {
		return false
	}
	switch fold(ws[0]) {
	case "the", "a", "an":
		return true
	}
	return false
}

// articleFacts finds the quantities, times, lists, names and quotations of
// one article. units are its paragraphs as the alignment read them: their
// words are not split again. What a paragraph states on its own is read
// first, on every core when the article is long (one long report beside
// short articles would otherwise be read on one); then, in the article's
// order, what depends on the paragraphs before: the abbreviations defined
// so far and who is speaking. current is the article's year (currentYear),
// year the comparison's.
func articleFacts(a *loader.Article, units []*unit, current, year int) ([][]Fact, []entityMention, []claimAt, map[string]map[string]bool) {
	// Each paragraph's unit by its index (its position), nil for none: a
	// map cost the serial merge below two lookups a paragraph.
	byPara := make([]*unit, len(a.Paragraphs))
	for _, u := range units {
		byPara[u.ref.Paragraph] = u
	}
	if a.Published.IsZero() && year > current {
		// Undated, and its latest year is an earlier event's ("the December
		// 2003 quake in Bam"): the other reports say which year this is.
		current = year
	}
	articleZone := sync.OnceValue(func() *time.Location { return articleZoneOf(a) })
	// The quotations, in order: a paragraph may go on with the last one's.
	quotesOf := make([][]quoteAt, len(a.Paragraphs))
	continued := false // the last paragraph left a quotation open
	for i, p := range a.Paragraphs {
		if p.Kind == loader.KindBody {
			quotesOf[i] = quotations(p.Text, continued)
			continued = len(quotesOf[i]) > 0 && quotesOf[i][len(quotesOf[i])-1].open
		}
	}
	reads := make([]paragraphRead, len(a.Paragraphs))
	readOne := func(i int, memo namedMemo) {
		reads[i] = readParagraph(a, a.Paragraphs[i], byPara[a.Paragraphs[i].Index], quotesOf[i], current, articleZone, memo)
	}
	// A long article is read in chunks of paragraphs on every core, and
	// merged below chunk by chunk as each is ready, in order: the merge (who
	// is speaking, the abbreviations) is serial, and waiting for the whole
	// reading first left a core idle while it ran.
	n, chunk := len(a.Paragraphs), len(a.Paragraphs)
	wait := func(int) {}
	if n >= parallelParagraphs {
		chunk = readChunk
		ready := make([]chan struct{}, (n+chunk-1)/chunk)
		for k := range ready {
			ready[k] = make(chan struct{})
		}
		// The workers take the chunks in order, and need nothing of the
		// merge: each chunk waited for is read.
		go parallel(len(ready), func(_ int, next func() (int, bool)) {
			memo := namedMemo{}
			for k, ok := next(); ok; k, ok = next() {
				for i := k * chunk; i < min(n, (k+1)*chunk); i++ {
					readOne(i, memo)
				}
				close(ready[k])
			}
		})
		wait = func(k int) { <-ready[k] }
	} else {
		memo := namedMemo{}
		for i := range n {
			readOne(i, memo)
		}
	}
	abbr := map[string]string{}
	who := newAttributor()
	var pieces [][]Fact // the facts, chunk by chunk: extractStage copies them once
	var facts []Fact
	var mentions []entityMention
	var claims []claimAt
	var parts []chunkRead
	for ck := 0; ck*chunk < n || ck == 0; ck++ {
		wait(ck)
		lo, hi := ck*chunk, min(n, (ck+1)*chunk)
		// The tables are sized once, from what the paragraphs read: grown
		// by appending, they were copied again and again (a third of the
		// bytes the reading allocates on one 10 MB article). A name may
		// make no mention (a run that is all title): the mentions' room is
		// a bound.
		nFacts, nMentions, nClaims := 0, 0, 0
		for i := lo; i < hi; i++ {
			r := &reads[i]
			nFacts += len(r.facts) + len(quotesOf[i])
			nClaims += len(r.claims)
			for _, ns := range r.names {
				nMentions += len(ns)
			}
		}
		facts = make([]Fact, 0, nFacts)
		mentions = make([]entityMention, 0, nMentions)
		claims = make([]claimAt, 0, nClaims)
		for i := lo; i < hi; i++ {
			p := &a.Paragraphs[i]
			r := reads[i]
			reads[i] = paragraphRead{} // merged: the collector may have it
			facts = append(facts, r.facts...)
			if p.Kind != loader.KindBody {
				continue
			}
			for k, sp := range p.Sentences {
				mentions = appendSentenceMentions(mentions, a.ID, *p, sp, r.names[k], r.surfaces[k], abbr)
			}
			claims = append(claims, r.claims...)
			var sents []sentence
			if u := byPara[p.Index]; u != nil {
				sents = u.sents
			}
			quotes := quotesOf[i]
			credited := who.paragraph(r.plain, sents, r.named, r.occasions, quotes)
			for qi, q := range quotes {
				span := Span{Source: a.ID, Paragraph: p.Index, Start: q.start, End: q.end}
				speaker, via, occasion := credited[qi].speaker, credited[qi].via, credited[qi].occasion
				value := quoteValue(speaker, q.words, via)
				facts = append(facts, Fact{
					Kind: FactQuote, Span: span,
					Text: q.words, Value: value,
					Quote: &Quote{Words: q.words, Speaker: speaker, Via: via, Occasion: occasion},
				})
			}
		}
		pieces = append(pieces, facts)
		if chunk < n {
			parts = append(parts, chunkRead{mentions, claims})
		}
	}
	if parts != nil {
		mentions, claims = joinParts(parts)
	}
	// The bodies people speak for, as the whole article names them.
	roles := map[string]map[string]bool{}
	for title, p := range who.titles {
		k := speakerKey(p)
		if roles[k] == nil {
			roles[k] = map[string]bool{}
		}
		roles[k][title] = true
	}
	for _, facts := range pieces {
		for i := range facts {
			if q := facts[i].Quote; q != nil && q.Speaker != "" {
				q.For = who.affiliation[q.Speaker]
			}
		}
	}
	return pieces, mentions, claims, roles
}

// chunkRead is the mentions and claims the merge of one chunk of a long
// article's paragraphs made (articleFacts).
type chunkRead struct {
	mentions []entityMention
	claims   []claimAt
}

// joinParts is the chunks' mentions and claims one after another, each
// table sized once.
func joinParts(parts []chunkRead) ([]entityMention, []claimAt) {
	nMentions, nClaims := 0, 0
	for _, pt := range parts {
		nMentions += len(pt.mentions)
		nClaims += len(pt.claims)
	}
	mentions := make([]entityMention, 0, nMentions)
	claims := make([]claimAt, 0, nClaims)
	for k, pt := range parts {
		mentions = append(mentions, pt.mentions...)
		claims = append(claims, pt.claims...)
		parts[k] = chunkRead{} // copied: the collector may have it
	}
	return mentions, claims
}

// paragraphRead is what one paragraph states on its own: its facts other
// than quotations, its sentences' claims and their names, and what the
// attributor learns from its sentences' names alone (readNamed).
type paragraphRead struct {
	facts     []Fact
	claims    []claimAt
	names     [][]nameAt   // per sentence
	surfaces  [][]string   // per sentence, its names less their titles (stripTitles)
	plain     string       // the text, its quotations blanked (outsideQuotes)
	named     [][]namedRun // per sentence
	occasions []string     // per quotation (quoteOccasions)
}

// readParagraph reads one paragraph of an article (articleFacts): a
// headline's figures, or a body paragraph's times, lists and quantities,
// sentence by sentence, with each sentence's claim and names.
func readParagraph(a *loader.Article, p loader.Paragraph, u *unit, quotes []quoteAt, current int, articleZone func() *time.Location, memo namedMemo) paragraphRead {
	var r paragraphRead
	if p.Kind == loader.KindTitle {
		// A headline states the story's main figures ("Quake Kills 10; 80
		// Hurt"): they are facts like the body's.
		r.facts = headlineFacts(a, p, current)
		return r
	}
	if p.Kind != loader.KindBody {
		return r
	}
	r.plain = outsideQuotes(p.Text, quotes)
	if u != nil {
		r.named = make([][]namedRun, len(u.sents))
		r.occasions = quoteOccasions(r.plain, u.sents, quotes)
	}
	r.names = make([][]nameAt, len(p.Sentences))
	r.surfaces = make([][]string, len(p.Sentences))
	r.claims = make([]claimAt, 0, len(p.Sentences)) // one a sentence
	for k, sp := range p.Sentences {
		text := p.Text[sp.Start:sp.End]
		toks := sentenceWords(u, k, text)
		if clockOrDay(text) {
			// "local time" is the place's: the sentence's first, else the article's.
			zone := placeZone(toks)
			if zone == nil {
				zone = articleZone()
			}
			for _, tm := range timeExpressions(text, a.Published, zone) {
				span := Span{Source: a.ID, Paragraph: p.Index, Start: sp.Start + tm.start, End: sp.Start + tm.end}
				if insideQuote(quotes, span.Start, span.End) && !(tm.v.HasClock && tm.v.HasZone) {
					// "this evening" in a statement is the speaker's evening,
					// not the dateline's: only a time with its zone is kept.
					continue
				}
				key, label := timeKey(text, toks, tm.start, tm.end)
				r.facts = append(r.facts, Fact{
					Kind: FactTime, Span: span,
					Text: p.Text[span.Start:span.End], Value: tm.v.describe(), Time: &tm.v,
					Key: key, Label: label,
				})
			}
		}
		background := pastYear(text, current)
		ns := namesOf(text, toks)
		r.names[k] = ns
		r.surfaces[k] = make([]string, len(ns))
		for i, n := range ns {
			r.surfaces[k][i] = stripTitles(n.text)
		}
		if u != nil {
			// The attributor reads the sentence with its quotations
			// blanked: most hold none, and their names are these.
			plain, pns := r.plain[sp.Start:sp.End], ns
			if plain != text {
				pns = namesOf(plain, toks)
			}
			r.named[k] = readNamed(plain, toks, pns, memo)
		}
		claim := sentenceClaim(text, toks, ns, Span{Source: a.ID, Paragraph: p.Index, Start: sp.Start, End: sp.End})
		for _, n := range ns {
			// A model designation ends the name ("Boeing 737"): most
			// names hold no digit, and are not split to find their last word.
			if !hasDigit(n.text) {
				continue
			}
			if ws := strings.Fields(n.text); hasDigit(ws[len(ws)-1]) {
				claim.addSpecific("model:" + itemKey(ws[len(ws)-1]))
			}
		}
		for _, l := range listsOf(text, ns) {
			span := Span{Source: a.ID, Paragraph: p.Index, Start: sp.Start + l.start, End: sp.Start + l.end}
			r.facts = append(r.facts, Fact{Kind: FactList, Span: span, Text: p.Text[span.Start:span.End],
				Value: strings.Join(l.items, ", "), List: l.items, Background: background})
			for _, it := range l.items {
				claim.addSpecific("item:" + listItemKey(it))
			}
		}
		for _, q := range quantitiesOf(text, toks) {
			key, label := quantityKey(&q.q)
			// A figure is context when the time it is of is an earlier
			// year ("1.6 million arrests in 2000"), whatever else its
			// sentence says; with no time of its own, its sentence's.
			background := background
			at := 0
			for at < len(toks) && toks[at].start < q.start {
				at++
			}
			if anchor := timeAnchor(toks, at, q.end); isYear(anchor) {
				y, _ := strconv.Atoi(anchor)
				background = y < current
			} else if anchor != "" {
				background = false
			}
			if key != "" && !background {
				claim.addSpecific("count:" + key + "=" + formatNumber(q.q.nominal()))
			}
			span := Span{Source: a.ID, Paragraph: p.Index, Start: sp.Start + q.start, End: sp.Start + q.end}
			r.facts = append(r.facts, Fact{
				Kind: FactQuantity, Span: span,
				Text: p.Text[span.Start:span.End], Value: q.q.describe(), Quantity: &q.q,
				Background: background, Key: key, Label: label,
			})
		}
		r.claims = append(r.claims, claim)
	}
	return r
}

// currentYear is the year an article reports in: its dateline's, else the
// latest year its body names, else 0.
func currentYear(a *loader.Article) int {
	if !a.Published.IsZero() {
		return a.Published.Time.Year()
	}
	y := 0
	for _, p := range a.Paragraphs { // not a.Body(), a copy of them all
		if p.Kind != loader.KindBody {
			continue
		}
		if !strings.Contains(p.Text, "19") && !strings.Contains(p.Text, "20") {
			continue
		}
		for v := range yearsIn(p.Text) {
			y = max(y, v)
		}
	}
	return y
}

// comparisonYear is the year most articles are of (their dates, else the
// latest year they name: currentYear, one an article); ties go to the
// later year.
func comparisonYear(current []int) int {
	n := map[int]int{}
	for _, y := range current {
		if y > 0 {
			n[y]++
		}
	}
	best := 0
	for y, c := range n {
		if c > n[best] || c == n[best] && y > best {
			best = y
		}
	}
	return best
}

// pastYear reports a sentence that names a year before the current one:
// "the 2003 quake in Bam killed more than 31,000" is context, not the event.
func pastYear(text string, current int) bool {
	if !strings.Contains(text, "19") && !strings.Contains(text, "20") {
		return false // no year can stand here: spare the regular expression
	}
	for v := range yearsIn(text) {
		if v < current {
			return true
		}
	}
	return false
}

// sentenceWords is the words of a paragraph's k-th sentence, as prepare
// split them when the paragraph is a unit's and they are still kept
// (dropWords), else split again.
func sentenceWords(u *unit, k int, text string) []token {
	if u != nil && k < len(u.sents) && u.sents[k].toks != nil {
		return u.sents[k].toks
	}
	return words(text)
}

// articleZoneOf is the zone of the first place an article's body names.
func articleZoneOf(a *loader.Article) *time.Location {
	for _, p := range a.Paragraphs { // not a.Body(), a copy of them all
		if p.Kind != loader.KindBody {
			continue
		}
		if z := placeZoneIn(p.Text); z != nil {
			return z
		}
	}
	return nil
}

// headlineFacts reads the figures of a headline, its words title-cased as
// headlines are ("Six Dead in Blast", "5.9 Quake Jolts Iran").
func headlineFacts(a *loader.Article, p loader.Paragraph, current int) []Fact {
	var out []Fact
	text := p.Text
	// Title case hides the grammar the readers look for: read it in lower
	// case, but for the words a headline writes in capitals.
	lower := headlineCase(text)
	toks := words(lower)
	for _, q := range quantitiesOf(lower, toks) {
		q := q
		if q.q.Counted == "" && q.q.Unit == "" {
			continue
		}
		key, label := quantityKey(&q.q)
		span := Span{Source: a.ID, Paragraph: p.Index, Start: q.start, End: q.end}
		out = append(out, Fact{Kind: FactQuantity, Span: span, Text: text[span.Start:span.End], Value: q.q.describe(),
			Quantity: &q.q, Background: pastYear(text, current), Key: key, Label: label})
	}
	return out
}

// headlineCase lowers a headline's title-cased words, keeping the words in
// capitals ("US", "UN") and the byte offsets.
func headlineCase(s string) string {
	b := []byte(s)
	for w := range eachWord(s) {
		if w.text == strings.ToUpper(w.text) && len(w.text) > 1 {
			continue
		}
		for i := w.start; i < w.end; i++ {
			if 'A' <= b[i] && b[i] <= 'Z' {
				b[i] += 'a' - 'A'
			}
		}
	}
	return string(b)
}

// timeKey names what a time dates, for the fact table: the happening its
// clause names nearest it ("when|publish", "when: published"). toks are
// the sentence's words.
func timeKey(text string, toks []token, start, end int) (string, string) {
	// (the happening's word, when the sentence dates one; see spokenOf)
	if n := attributiveNoun(text, toks, start, end); n >= 0 {
		return "when|" + stem(toks[n].folded), "when: " + toks[n].folded
	}
	best, bestDist := "", 1<<30
	for i, t := range toks {
		if t.start >= start && t.end <= end {
			continue
		}
		if !timeEvents()[t.folded] || spokenOf(toks, i) || measuredFrom(text, toks, i, start, end) {
			continue
		}
		if d := distance(t.start, t.end, start, end); d < bestDist && d < 60 {
			best, bestDist = t.folded, d
		}
	}
	if best == "" {
		return "when", "when"
	}
	return "when|" + stem(best), "when: " + best
}

// attributiveNoun finds the noun a date at [start, end) stands before as
// its modifier ("repeated a March 16 request", "the Sept. 11, 2012,
// attack", "his 2016 campaign"), and returns its token's index, else -1:
// that date is the noun's, whatever else its clause names.
func attributiveNoun(text string, toks []token, start, end int) int {
	first, last := -1, -1
	for i, t := range toks {
		if t.start >= start && t.end <= end {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 1 || last+1 >= len(toks) || !determiners[toks[first-1].folded] {
		return -1
	}
	n := toks[last+1]
	gap := text[toks[last].end:n.start]
	if strings.TrimSpace(gap) != "" && !(strings.TrimSpace(gap) == "," && isYear(toks[last].folded)) {
		return -1
	}
	modifier := func(t token) bool {
		r := t.text[0]
		return 'a' <= r && r <= 'z' && !isStop(t.folded) && len(t.folded) >= 3 && !weekdays[t.folded] && !months[t.folded]
	}
	if !modifier(n) {
		return -1
	}
	// The run the date opens, up to attributiveWords: its first word of a
	// happening ("the 2005 confirmation hearing", "the Wednesday attack
	// injured"), else its last ("the 2016 presidential race") short of a
	// trailing word in -ing or -ed, most often a verb after the noun ("a
	// 2008 event saying"). Without a parser the head noun is not known.
	head := last + 1
	for j := last + 1; j < len(toks) && j <= last+attributiveWords && modifier(toks[j]); j++ {
		if j > last+1 && strings.TrimSpace(text[toks[j-1].end:toks[j].start]) != "" {
			break
		}
		if f := toks[j].folded; timeEvents()[f] || timeEvents()[strings.TrimSuffix(f, "s")] {
			return j
		}
		head = j
	}
	for head > last+1 && (strings.HasSuffix(toks[head].folded, "ing") || strings.HasSuffix(toks[head].folded, "ed")) {
		head--
	}
	return head
}

// spokenOf reports a happening's word that is what someone spoke or wrote
// about ("spoke to reporters about the letter on Thursday"): the time
// dates the speaking, not the letter.
func spokenOf(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		switch f := toks[j].folded; {
		case topicPrepositions[f]:
			return true
		case determiners[f]:
			continue
		default:
			return false
		}
	}
	return false
}

// topicPrepositions open what a statement is about.
var topicPrepositions = toSet(`about regarding concerning`)

// measuredFrom reports a happening's word that the time at [start, end)
// is measured from, not the happening the time dates: a relative
// preposition stands between them ("won in 2001 before leaving the
// party", "serving a sentence after being convicted in June 1998"), or
// governs the word and a clause mark parts it from a time
// after it ("in the year leading up to the attack, between June 2011 and
// July 2012"). A time in the word's own phrase is its date ("said after
// meeting with Biden last week": the meeting was last week).
func measuredFrom(text string, toks []token, i, start, end int) bool {
	if toks[i].start >= end {
		for j := i - 1; j >= 0 && toks[j].start >= end; j-- {
			if relativeAt(toks, j) {
				return true
			}
		}
		return false
	}
	if toks[i].end > start {
		return false
	}
	for j := i + 1; j < len(toks) && toks[j].end <= start; j++ {
		if relativeAt(toks, j) {
			return true // "a life sentence after being convicted in June 1998"
		}
	}
	governed := false
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if relativeAt(toks, j) {
			governed = true
			break
		}
		if !determiners[toks[j].folded] {
			break
		}
	}
	return governed && strings.ContainsAny(text[toks[i].end:start], ",;—")
}

// relativeAt reports a relative preposition ending at token j: "before",
// "after", "since", "following", "until", "preceding", "up to", "ahead
// of", "prior to".
func relativeAt(toks []token, j int) bool {
	f := toks[j].folded
	if relativePrepositions[f] {
		return true
	}
	if j == 0 {
		return false
	}
	g := toks[j-1].folded
	return f == "to" && (g == "up" || g == "prior") || f == "of" && g == "ahead"
}

// relativePrepositions put a time before or after a happening.
var relativePrepositions = toSet(`before after since following until preceding`)

package compare

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/loader"
)

// Compare aligns the articles by topic, extracts their facts and finds where
// they disagree. The result depends on the articles, not on their order.
func Compare(articles []*loader.Article) *Result {
	return CompareWith(articles, Options{})
}

// CompareWith is Compare with a reviewer's corrections applied.
func CompareWith(articles []*loader.Article, opt Options) *Result {
	out := map[string]bool{}
	for _, p := range opt.Pins {
		if p.Kind == PinExclude {
			out[p.Source] = true
		}
	}
	var arts []*loader.Article
	var excluded []string
	for _, a := range articles {
		if out[a.ID] {
			excluded = append(excluded, a.ID)
			continue
		}
		arts = append(arts, a)
	}
	sort.Slice(arts, func(i, j int) bool { return arts[i].ID < arts[j].ID })
	sort.Strings(excluded)
	res := &Result{Excluded: excluded}
	for _, a := range arts {
		res.Sources = append(res.Sources, a.ID)
	}
	// Copies need only the texts: found while the rest runs.
	copies := make(chan [][]string, 1)
	go func() { copies <- findCopies(arts) }()
	ss := prepare(arts)
	ix := buildIndex(ss)
	ix.vectorise(ss)
	links := link(ss, ix)
	topicOf := buildTopics(res, arts, ss, links, ix)
	mentions, claims := extractFacts(res, arts, ss, topicOf)
	res.Copies = <-copies

	// The detectors read the facts and write findings of their own: each
	// gets a view of the result (the facts' capacity capped, so that an
	// append copies rather than writes into a shared array), and the
	// findings merge in a fixed order.
	facts := res.Facts[:len(res.Facts):len(res.Facts)]
	view := func() *Result {
		return &Result{Sources: res.Sources, Topics: res.Topics, Facts: facts, Copies: res.Copies}
	}
	names, numbers, times, hedging, quotes := view(), view(), view(), view(), view()
	linked := linkedParagraphs(links) // read by several detectors at once, written by none
	var wg sync.WaitGroup
	for _, run := range []func(){
		func() { canonicalNames(names, mentions); findListConflicts(names, arts, linked) },
		func() { findNumberConflicts(numbers); findAmountConflicts(numbers, linked) },
		func() { findTimeConflicts(times, linked) },
		func() { findHedgingAndAttribution(hedging, claims, linked) },
		func() { findQuoteConflicts(quotes) },
	} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			run()
		}()
	}
	wg.Wait()
	res.Facts = names.Facts // the facts and the names' entity facts
	for _, part := range []*Result{numbers, times, names, hedging, quotes} {
		res.Discrepancies = append(res.Discrepancies, part.Discrepancies...)
		res.Agreements = append(res.Agreements, part.Agreements...)
		res.Unique = append(res.Unique, part.Unique...)
		res.Reconciled = append(res.Reconciled, part.Reconciled...)
	}
	finish(res)
	return res
}

// buildTopics groups linked sentences into topics, strongest links first. A
// merge that would put more than maxPerSource sentences of one source in a
// topic is refused: a topic is one thing, not a chain of loosely related
// ones. It returns the topic id of every sentence.
func buildTopics(res *Result, arts []*loader.Article, ss []*sent, links []Link, ix *index) map[SentenceRef]string {
	const maxPerSource = 3
	pos := map[SentenceRef]int{}
	for i, s := range ss {
		pos[s.ref] = i
	}
	uf := newUnionFind(len(ss))
	count := make([]map[int]int, len(ss)) // root → sentences per source
	for i := range count {
		count[i] = map[int]int{ss[i].src: 1}
	}
	find := uf.find
	var kept []Link
	for _, l := range links {
		a, b := find(pos[l.A]), find(pos[l.B])
		if a == b {
			kept = append(kept, l)
			continue
		}
		ok := true
		for src, n := range count[b] {
			if count[a][src]+n > maxPerSource {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if a > b {
			a, b = b, a
		}
		uf.union(a, b) // b's root under a's
		for src, n := range count[b] {
			count[a][src] += n
		}
		count[b] = nil
		kept = append(kept, l)
	}
	// Topics in reading order of their first sentence.
	groups := map[int][]int{}
	var roots []int
	for i := range ss {
		r := find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	topicOf := map[SentenceRef]string{}
	rootTopic := map[int]int{}
	for _, r := range roots {
		members := groups[r]
		t := Topic{ID: fmt.Sprintf("t%d", len(res.Topics)+1)}
		seenRef := map[Ref]bool{}
		seenSrc := map[string]bool{}
		for _, i := range members {
			ref := Ref{Source: ss[i].ref.Source, Paragraph: ss[i].ref.Paragraph}
			if !seenRef[ref] {
				seenRef[ref] = true
				t.Members = append(t.Members, ref)
			}
			seenSrc[ref.Source] = true
			topicOf[ss[i].ref] = t.ID
		}
		for _, id := range res.Sources {
			if seenSrc[id] {
				t.Sources = append(t.Sources, id)
			}
		}
		t.Label = label(ss, members, ix)
		rootTopic[r] = len(res.Topics)
		res.Topics = append(res.Topics, t)
	}
	st := stemmer{}
	for _, l := range kept {
		ti := rootTopic[find(pos[l.A])]
		res.Topics[ti].Links = append(res.Topics[ti].Links, explain(ss[pos[l.A]], ss[pos[l.B]], l.Score, st))
	}
	return topicOf
}

// label names a topic by its most telling words: those that weigh most
// across its sentences, the main event's vocabulary last.
func label(ss []*sent, members []int, ix *index) string {
	weight := map[string]float64{}
	surface := map[string]string{}
	for _, i := range members {
		for t, v := range ss[i].vec {
			if strings.HasPrefix(t, "#") || strings.HasPrefix(t, classPrefix) {
				continue
			}
			weight[t] += v
			if _, ok := surface[t]; !ok {
				surface[t] = ss[i].surface[t]
			}
		}
	}
	keys := make([]string, 0, len(weight))
	for t := range weight {
		keys = append(keys, t)
	}
	sort.Slice(keys, func(i, j int) bool {
		if weight[keys[i]] != weight[keys[j]] {
			return weight[keys[i]] > weight[keys[j]]
		}
		return keys[i] < keys[j]
	})
	var parts []string
	for _, k := range keys {
		if len(parts) == 3 {
			break
		}
		w := surface[k]
		if !isCapitalised(w) || strings.ToUpper(w) != w && len(parts) > 0 {
			w = strings.ToLower(w)
		}
		parts = append(parts, w)
	}
	if len(parts) == 0 {
		// Only numbers, or only common words: name it by its first words.
		ws := strings.Fields(ss[members[0]].text)
		if len(ws) > 5 {
			ws = append(ws[:5], "…")
		}
		return strings.Join(ws, " ")
	}
	return strings.Join(parts, ", ")
}

// extractFacts finds the quantities and quotations of every body paragraph.
func extractFacts(res *Result, arts []*loader.Article, ss []*sent, topicOf map[SentenceRef]string) ([][]entityMention, []claimAt) {
	bySource := make([][]*sent, len(arts))
	for _, s := range ss {
		bySource[s.src] = append(bySource[s.src], s)
	}
	year := comparisonYear(arts)
	// Articles are read on every core; the facts are numbered afterwards, in
	// the articles' order, so the result is the same as one goroutine's.
	per := make([][]Fact, len(arts))
	mentions := make([][]entityMention, len(arts))
	claims := make([][]claimAt, len(arts))
	parallel(len(arts), func(_ int, next func() (int, bool)) {
		for i, ok := next(); ok; i, ok = next() {
			per[i], mentions[i], claims[i] = articleFacts(arts[i], bySource[i], topicOf, year)
		}
	})
	for _, fs := range per {
		for _, f := range fs {
			f.ID = fmt.Sprintf("f%d", len(res.Facts)+1)
			res.Facts = append(res.Facts, f)
		}
	}
	var all []claimAt
	for _, cs := range claims {
		all = append(all, cs...)
	}
	return mentions, all
}

// articleFacts finds the quantities, times, lists, names and quotations of
// one article. sents are its sentences as the alignment read them, in order:
// their words are not split again.
func articleFacts(a *loader.Article, sents []*sent, topicOf map[SentenceRef]string, year int) ([]Fact, []entityMention, []claimAt) {
	var facts []Fact
	var mentions []entityMention
	var claims []claimAt
	abbr := map[string]string{}
	lastSpeaker := ""
	var articleZone *time.Location
	zoneRead := false
	current := currentYear(a)
	if a.Published.IsZero() && year > current {
		// Undated, and its latest year is an earlier event's ("the December
		// 2003 quake in Bam"): the other reports say which year this is.
		current = year
	}
	for _, p := range a.Paragraphs {
		if p.Kind != loader.KindBody {
			continue
		}
		firstCredit := ""
		quotes := quotations(p.Text)
		for k, sp := range p.Sentences {
			topic := topicOf[SentenceRef{Source: a.ID, Paragraph: p.Index, Sentence: k}]
			text := p.Text[sp.Start:sp.End]
			if clockOrDay(text) {
				// "local time" is the place's: the sentence's first, else the article's.
				zone := placeZone(text)
				if zone == nil {
					if !zoneRead {
						articleZone, zoneRead = articleZoneOf(a), true
					}
					zone = articleZone
				}
				for _, tm := range timeExpressions(text, a.Published, zone) {
					tm := tm
					span := Span{Source: a.ID, Paragraph: p.Index, Start: sp.Start + tm.start, End: sp.Start + tm.end}
					if insideQuote(quotes, span) && !(tm.v.HasClock && tm.v.HasZone) {
						// "this evening" in a statement is the speaker's evening,
						// not the dateline's: only a time with its zone is kept.
						continue
					}
					facts = append(facts, Fact{
						Kind: FactTime, Span: span,
						Text: p.Text[span.Start:span.End], Value: tm.v.describe(), Topic: topic, Time: &tm.v,
					})
				}
			}
			background := pastYear(text, current)
			var toks []token
			if len(sents) > 0 && sents[0].ref.Paragraph == p.Index && sents[0].ref.Sentence == k {
				toks, sents = sents[0].toks, sents[1:]
			} else {
				toks = words(text)
			}
			ns := namesOf(text, toks)
			mentions = append(mentions, sentenceMentions(a.ID, p, sp, topic, ns, abbr)...)
			claim := sentenceClaim(text, toks, ns, Span{Source: a.ID, Paragraph: p.Index, Start: sp.Start, End: sp.End}, topic)
			for _, n := range ns {
				if ws := strings.Fields(n.text); hasDigit(ws[len(ws)-1]) {
					claim.specific["model:"+itemKey(ws[len(ws)-1])] = true
				}
			}
			for _, l := range listsOf(text, ns) {
				span := Span{Source: a.ID, Paragraph: p.Index, Start: sp.Start + l.start, End: sp.Start + l.end}
				facts = append(facts, Fact{Kind: FactList, Span: span, Text: p.Text[span.Start:span.End],
					Value: strings.Join(l.items, ", "), Topic: topic, List: l.items, Background: background})
				for _, it := range l.items {
					claim.specific["item:"+listItemKey(it)] = true
				}
			}
			for _, q := range quantitiesOf(text, toks) {
				q := q
				if k := quantityKey(&q.q); k != "" && !background {
					claim.specific["count:"+k+"="+formatNumber(q.q.nominal())] = true
				}
				span := Span{Source: a.ID, Paragraph: p.Index, Start: sp.Start + q.start, End: sp.Start + q.end}
				facts = append(facts, Fact{
					Kind: FactQuantity, Span: span,
					Text: p.Text[span.Start:span.End], Value: q.q.describe(), Topic: topic, Quantity: &q.q,
					Background: background,
				})
			}
			claims = append(claims, claim)
			if firstCredit == "" && len(claim.credits) > 0 {
				firstCredit = claim.credits[0]
			}
		}
		if len(quotes) == 0 {
			// "A US defence official confirmed ... They said ...": the next
			// paragraph's pronoun is this paragraph's source.
			if firstCredit != "" {
				lastSpeaker = creditName(firstCredit)
			}
			continue
		}
		speaker, pronoun := speakerOf(p, quotes)
		if speaker == "" && pronoun {
			speaker = lastSpeaker // "He said, ..." after a named speaker
		}
		lastSpeaker = speaker
		for _, q := range quotes {
			span := Span{Source: a.ID, Paragraph: p.Index, Start: q.start, End: q.end}
			via := viaOf(claims, span, speaker)
			value := fmt.Sprintf("%q", q.words)
			if speaker != "" {
				value = speaker + ": " + value
			}
			if via != "" {
				value += " (via " + via + ")"
			}
			facts = append(facts, Fact{
				Kind: FactQuote, Span: span,
				Text: q.words, Value: value, Topic: sentenceTopic(topicOf, a.ID, p, q.start),
				Quote: &Quote{Words: q.words, Speaker: speaker, Via: via},
			})
		}
	}
	return facts, mentions, claims
}

// viaOf is who carried a quotation: the credits of its sentence other than
// the speaker ("told Al Jazeera", "according to the BBC", "as per Fox News").
func viaOf(claims []claimAt, q Span, speaker string) string {
	for i := len(claims) - 1; i >= 0; i-- {
		c := claims[i]
		if c.span.Paragraph != q.Paragraph || q.Start < c.span.Start || q.Start >= c.span.End {
			continue
		}
		var via []string
		for _, cr := range c.credits {
			// A named carrier only: "according to a humanitarian organization"
			// credits a claim of the sentence more often than the quotation.
			if !isCapitalised(cr) || strings.HasPrefix(cr, "The ") {
				continue
			}
			if speaker == "" || !shareCredit([]string{cr}, []string{speaker}) {
				via = append(via, cr)
			}
		}
		return strings.Join(via, ", ")
	}
	return ""
}

func insideQuote(qs []quoteAt, sp Span) bool {
	for _, q := range qs {
		if sp.Start >= q.start && sp.End <= q.end {
			return true
		}
	}
	return false
}

// currentYear is the year an article reports in: its dateline's, else the
// latest year its body names, else 0.
func currentYear(a *loader.Article) int {
	if !a.Published.IsZero() {
		return a.Published.Time.Year()
	}
	y := 0
	for _, p := range a.Body() {
		if !strings.Contains(p.Text, "19") && !strings.Contains(p.Text, "20") {
			continue
		}
		for _, m := range yearRe.FindAllString(p.Text, -1) {
			if v, _ := strconv.Atoi(m); v > y {
				y = v
			}
		}
	}
	return y
}

// comparisonYear is the year most articles are of (their dates, else the
// latest year they name); ties go to the later year.
func comparisonYear(arts []*loader.Article) int {
	n := map[int]int{}
	for _, a := range arts {
		if y := currentYear(a); y > 0 {
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
	for _, m := range yearRe.FindAllString(text, -1) {
		if v, _ := strconv.Atoi(m); v < current {
			return true
		}
	}
	return false
}

// articleZoneOf is the zone of the first place an article's body names.
func articleZoneOf(a *loader.Article) *time.Location {
	for _, p := range a.Body() {
		if z := placeZone(p.Text); z != nil {
			return z
		}
	}
	return nil
}

func sentenceTopic(topicOf map[SentenceRef]string, id string, p loader.Paragraph, at int) string {
	for k, sp := range p.Sentences {
		if at < sp.End {
			return topicOf[SentenceRef{Source: id, Paragraph: p.Index, Sentence: k}]
		}
	}
	return ""
}

// fnv64a is the 64-bit FNV-1a hash of s, without hash.Hash's allocations:
// it runs once per word of every article.
func fnv64a(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// findCopies groups articles whose texts share most of their word 5-grams:
// copies of one wire story, which count as one origin when sources agree.
// Shared 5-grams are counted along an inverted index, so articles with
// nothing in common cost nothing.
func findCopies(arts []*loader.Article) [][]string {
	// Each article's 5-grams as 64-bit hashes, made on every core.
	shingles := make([][]uint64, len(arts))
	parallel(len(arts), func(_ int, next func() (int, bool)) {
		for i, ok := next(); ok; i, ok = next() {
			var ws []uint64
			for _, p := range arts[i].Body() {
				for w := range eachWord(p.Text) {
					ws = append(ws, fnv64a(w.folded))
				}
			}
			seen := map[uint64]bool{}
			for k := 0; k+5 <= len(ws); k++ {
				sh := ws[k]
				for _, w := range ws[k+1 : k+5] {
					sh = sh*1099511628211 ^ w
				}
				if !seen[sh] {
					seen[sh] = true
					shingles[i] = append(shingles[i], sh)
				}
			}
		}
	})
	sizes := make([]int, len(arts))
	post := map[uint64][]int{}
	for i, sh := range shingles {
		sizes[i] = len(sh)
		for _, x := range sh {
			post[x] = append(post[x], i)
		}
	}
	shared := map[[2]int]int{}
	for _, p := range post {
		if len(p) > 50 {
			continue // boilerplate every article carries
		}
		for x := 0; x < len(p); x++ {
			for y := x + 1; y < len(p); y++ {
				shared[[2]int{p[x], p[y]}]++
			}
		}
	}
	groups := newUnionFind(len(arts))
	for pair, n := range shared {
		union := sizes[pair[0]] + sizes[pair[1]] - n
		if union > 0 && float64(n)/float64(union) >= 0.6 {
			groups.union(pair[0], pair[1])
		}
	}
	byRoot := map[int][]string{}
	var roots []int
	for i, a := range arts {
		r := groups.find(i)
		if len(byRoot[r]) == 0 {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], a.ID)
	}
	var out [][]string
	for _, r := range roots {
		if len(byRoot[r]) > 1 {
			out = append(out, byRoot[r])
		}
	}
	return out
}

// origins counts the independent origins among sources: copies count once.
func (r *Result) origins(sources []string) int {
	seen := map[string]bool{}
	n := 0
	for _, s := range sources {
		key := s
		for _, g := range r.Copies {
			for _, m := range g {
				if m == s {
					key = g[0]
				}
			}
		}
		if !seen[key] {
			seen[key] = true
			n++
		}
	}
	return n
}

func claimOf(f Fact) Claim {
	return Claim{Span: f.Span, Text: f.Text, Value: f.Value}
}

func overlaps(a, b Quantity) bool {
	return a.Low <= b.High && b.Low <= a.High
}

// rounding reports two values within 3% of each other where one is rounder:
// "$180 million" for "$184 million".
func rounding(a, b Quantity) bool {
	x, y := a.nominal(), b.nominal()
	if x == 0 || y == 0 {
		return false
	}
	return math.Abs(x-y)/math.Max(x, y) <= 0.03
}

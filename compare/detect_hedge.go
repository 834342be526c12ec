package compare

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// The hedging detector: one source marks as likely, reported or alleged
// what another states as done ("Trump likely won among Hispanics" against
// "Trump won 44 percent of the Hispanic vote"). Two sentences tell one
// claim when they name one person or place and share the words the hedge
// bears on; the hedge must bear on a word the plain sentence states, within
// a few words after it, and the plain sentence must not be hedged or
// negated there itself.

// hedgedSentence is one body sentence read for hedging.
type hedgedSentence struct {
	ref    Ref
	span   Span
	text   string
	stems  sortedWords // content words and names, stemmed
	names  sortedWords // name keys
	hedges []hedgeMark
	neg    sortedWords // the stems a negation bears on
	// soft holds the stems a condition, a modal or a report bears on ("if
	// AARP is open", "could be approved", "the Journal reported that"):
	// not stated flatly, though not hedged either.
	soft sortedWords
	// quoted holds the stems said inside quotation marks: a speaker's
	// words, which the outlet does not state itself.
	quoted sortedWords
	// sourced: the sentence passes its claim on "according to" someone,
	// a mark of report like a hedge.
	sourced bool
	// classes holds the event classes its words are of.
	classes sortedWords
	// when holds the days and months the sentence names: two that name
	// different ones tell of different happenings ("in February" and
	// "on Sunday").
	when sortedWords
}

// hedgeMark is a hedge and the stems it bears on.
type hedgeMark struct {
	span  Span
	text  string
	scope []string
	head  string   // the first word of its scope, when not a name: "won" in "likely won"
	plain []string // the words of its scope that are not names
	// sentential marks a hedge that opens its sentence or stands set off
	// by commas ("Reportedly, ..."): it bears on the whole sentence.
	sentential bool
	// subject is the word just before it, past helpers ("Trump" in "Trump
	// likely won", "facilities" in "facilities that are reportedly home
	// to"); "" for a pronoun or none.
	subject string
	// subjectClass is the event class of the subject's word ("attack"
	// and "strikes" are one): another source may name it in its class's
	// other word.
	subjectClass string
	// when holds the days and months of the hedge's own clause (a
	// semicolon ends one): "is thought to be the second strike this
	// year; in February, ..." dates the hedged claim by neither.
	when sortedWords
	// copular: the hedge says what its subject is ("is thought to be the
	// second strike"): the thing it names is the subject again, and may be
	// the other sentence's subject ("Sunday's strikes mark the second").
	copular bool
	// clause holds the stems of the hedge's own clause: what the other
	// sentence must say much of.
	clause sortedWords
}

func detectHedges(c *comparison, out *findings) {
	hr := <-c.hedged
	// The sentences of a source about another event are left out: of the
	// postings, and as hedged sentences.
	off := make([]bool, len(c.arts))
	for i, a := range c.arts {
		off[i] = c.offEvent(a.ID)
	}
	live := func(j int) bool { return !off[hr.at[j].u.src] }
	postings := make(map[string][]int, len(hr.postings))
	for st, ps := range hr.postings {
		var kept []int
		for _, j := range ps {
			if live(j) {
				kept = append(kept, j)
			}
		}
		postings[st] = kept
	}
	var r *hedgeReader // for a sentence the background left unread (read)
	read := func(j int) *hedgedSentence {
		if hs, ok := hr.read[j]; ok {
			return hs
		}
		if r == nil {
			r = newHedgeReader(c.stems)
		}
		hs := hr.readAt(c, j, r)
		hr.read[j] = hs
		return hs
	}
	source := func(j int) string { return c.arts[hr.at[j].u.src].ID }
	type pairKey struct {
		hedged int
		other  string
	}
	best := map[pairKey]int{}
	bestScore := map[pairKey]float64{}
	mark := map[pairKey]int{}
	var keys []pairKey
	var cands []int
	for _, i := range hr.hedged {
		if !live(i) {
			continue
		}
		h := read(i)
		src := source(i)
		for m, hm := range h.hedges {
			// The sentences holding a word of its scope, each once, in
			// order: gathered in one slice (a map and its sorted keys
			// were made for every hedge).
			cands = cands[:0]
			for _, st := range hm.scope {
				if ps := postings[st]; len(ps) <= maxHedgePostings {
					cands = append(cands, ps...)
				}
			}
			slices.Sort(cands)
			for _, j := range slices.Compact(cands) {
				if source(j) == src {
					continue
				}
				if ns, ok := hr.names[j]; ok && h.names.shared(ns) == 0 {
					continue // sameHedgedClaim's first test: they name none of the same
				}
				score, ok := sameHedgedClaim(*h, *read(j), hm)
				if !ok {
					continue
				}
				k := pairKey{i, source(j)}
				if _, seen := best[k]; !seen {
					keys = append(keys, k)
				}
				if s, seen := bestScore[k]; !seen || score > s {
					best[k], bestScore[k], mark[k] = j, score, m
				}
			}
		}
	}
	// One finding per hedged sentence, with its plain counterpart in each
	// other source.
	byHedged := map[int][]pairKey{}
	var hedgedOrder []int
	for _, k := range keys {
		if _, ok := byHedged[k.hedged]; !ok {
			hedgedOrder = append(hedgedOrder, k.hedged)
		}
		byHedged[k.hedged] = append(byHedged[k.hedged], k)
	}
	used := map[int]bool{} // plain sentences already set against a hedge
	for _, i := range hedgedOrder {
		h := read(i)
		hm := h.hedges[mark[byHedged[i][0]]]
		d := Discrepancy{Kind: KindHedging, Topic: c.topicOfRef(h.ref), Severity: SeverityMedium,
			Claims: []Claim{{Span: h.span, Text: h.text, Value: "hedged: " + strings.ToLower(hm.text)}},
			Why:    fmt.Sprintf("the sentences tell one claim (they name the same people or places and share its words); one marks it with %q, the other states it", strings.ToLower(hm.text))}
		var plain []string
		for _, k := range byHedged[i] {
			j := best[k]
			if used[j] {
				continue
			}
			used[j] = true
			o := read(j)
			d.Claims = append(d.Claims, Claim{Span: o.span, Text: o.text, Value: "stated as fact"})
			plain = append(plain, c.label(o.ref.Source))
		}
		if len(plain) == 0 {
			continue
		}
		d.Summary = fmt.Sprintf("%s says %q where %s %s it flatly", c.label(h.ref.Source), strings.ToLower(hm.text), strings.Join(plain, " and "), plural(len(plain), "states", "state"))
		out.Discrepancies = append(out.Discrepancies, d)
	}
}

// hedgeReading is the body sentences read for hedging. Most sentences
// hedge nothing and share no word with a hedge's scope, and the detector
// never reads them: it needs the sentences that hedge, and those that
// hold a word a hedge bears on (its candidates). So every sentence is only
// looked over for a hedge, and read in full when it holds one or is a
// candidate; the others keep nothing. Read in full, every sentence of one
// 10 MB article held 50 MB to the end of the comparison and took 0.9
// CPU-s; the hedging ones and the candidates are an eighth of them.
type hedgeReading struct {
	at []sentenceRef // every body sentence, in the articles' order
	// hedged lists the sentences that hedge something, in order.
	hedged []int
	// postings holds, for each word a hedge bears on (a stem of a hedge's
	// scope), the sentences whose stems hold it, in order: those of a
	// source about another event included.
	postings map[string][]int
	// read holds the sentences read in full: the hedging ones, those that
	// looked like it, and the candidates of a word in few sentences that
	// name someone or something a hedging sentence they are candidates of
	// names.
	read map[int]*hedgedSentence
	// names holds the names (hedgedSentence.names) of the other
	// candidates: what the detector asks of them first, and they fail.
	names map[int]sortedWords
	// mayHedge marks the sentences that hold one of the lexicon's hedges
	// (hedgesAtText): the others' hedges are not looked for again when
	// they are read in full.
	mayHedge []bool
}

// sentenceRef is one sentence of a unit.
type sentenceRef struct {
	u *unit
	k int // its index among the unit's sentences
}

// readAt reads the j-th sentence in full, with its place.
func (hr *hedgeReading) readAt(c *comparison, j int, r *hedgeReader) *hedgedSentence {
	u, s := hr.at[j].u, hr.at[j].u.sents[hr.at[j].k]
	a := c.arts[u.src]
	p := &a.Paragraphs[u.ref.Paragraph]
	text := p.Text[s.span.Start:s.span.End]
	toks := s.toks
	if toks == nil {
		toks = words(text) // the detector's late reading, after dropWords
	}
	hs := readHedged(text, toks, r, hr.mayHedge[j])
	hs.ref = Ref{a.ID, p.Index}
	hs.span = Span{Source: a.ID, Paragraph: p.Index, Start: s.span.Start, End: s.span.End}
	for k := range hs.hedges {
		h := &hs.hedges[k]
		h.span = Span{Source: a.ID, Paragraph: p.Index, Start: s.span.Start + h.span.Start, End: s.span.Start + h.span.End}
	}
	return &hs
}

// startHedgeReading reads the body sentences for hedging (hedgeReading)
// while the topics are grouped: the reading depends on the words alone,
// and is most of the hedging detector's cost, while the grouping keeps one
// core busy and leaves the other idle. The sentences are numbered in the
// articles' order, those of a source about another event included (the
// detector drops them: that mark is made after the alignment).
func startHedgeReading(c *comparison) {
	c.hedged = make(chan *hedgeReading, 1)
	go func() {
		hr := &hedgeReading{read: map[int]*hedgedSentence{}}
		n := 0
		for _, u := range c.units {
			n += len(u.sents)
		}
		hr.at = make([]sentenceRef, 0, n)
		for _, u := range c.units {
			for k := range u.sents {
				hr.at = append(hr.at, sentenceRef{u, k})
			}
		}
		// First the sentences that may hedge, read in full: a hedge is one
		// of the lexicon's phrases (hedgesAt), and a sentence with none
		// reads no hedge.
		full := make([]*hedgedSentence, n)
		hr.mayHedge = make([]bool, n)
		// One reader a worker, kept from pass to pass: what it learnt of
		// each word serves the next.
		readers := make([]*hedgeReader, workers())
		reader := func(k int) *hedgeReader {
			if k >= len(readers) {
				return newHedgeReader(c.stems) // the cores the program may use grew
			}
			if readers[k] == nil {
				readers[k] = newHedgeReader(c.stems)
			}
			return readers[k]
		}
		parallel(n, func(k int, next func() (int, bool)) {
			r := reader(k)
			var buf [64]int
			for j, ok := next(); ok; j, ok = next() {
				s := hr.at[j].u.sents[hr.at[j].k]
				text := hr.at[j].u.text[s.span.Start:s.span.End]
				if slices.ContainsFunc(hedgesAtText(text, buf[:0]), func(at int) bool { return at >= 0 }) {
					hr.mayHedge[j] = true
					full[j] = hr.readAt(c, j, r)
				}
			}
		})
		scope := map[string]bool{}
		for j, hs := range full {
			if hs == nil {
				continue
			}
			hr.read[j] = hs
			if len(hs.hedges) > 0 {
				hr.hedged = append(hr.hedged, j)
			}
			for _, hm := range hs.hedges {
				for _, w := range hm.scope {
					scope[w] = true
				}
			}
		}
		// Then which sentences hold the words the hedges bear on: the
		// stems readHedged would give them (a sentence with no hedge
		// drops none of its words).
		held := make([][]string, n)
		parallel(n, func(k int, next func() (int, bool)) {
			r := reader(k)
			// A word's stem when a hedge bears on it, else "" (a stop word,
			// a short word or a number too), as each word is first met:
			// every word of every sentence is asked, most of them again and
			// again.
			inScope := map[string]string{}
			for j, ok := next(); ok; j, ok = next() {
				if hs := full[j]; hs != nil {
					for _, w := range hs.stems {
						if scope[w] {
							held[j] = append(held[j], w)
						}
					}
					continue
				}
				var ws []string
				for _, t := range hr.at[j].u.sents[hr.at[j].k].toks {
					w, seen := inScope[t.folded]
					if !seen {
						// (Its stem alone: what else readHedged asks of a
						// word is for the few sentences read in full.)
						if !isStop(t.folded) && len(t.folded) >= 3 && !isNumberToken(t.folded) {
							if w = r.st.stem(t.folded); !scope[w] {
								w = ""
							}
						}
						inScope[t.folded] = w
					}
					if w != "" && !slices.Contains(ws, w) {
						ws = append(ws, w)
					}
				}
				held[j] = ws
			}
		})
		hr.postings = make(map[string][]int, len(scope))
		for j, ws := range held {
			for _, w := range ws {
				hr.postings[w] = append(hr.postings[w], j)
			}
		}
		// Last the candidates of the words in few sentences, which the
		// detector reads; a source about another event, dropped there,
		// may bring a longer list under the bound, and the detector reads
		// what is missing then.
		var cands []int
		for _, ps := range hr.postings {
			if len(ps) <= maxHedgePostings {
				for _, j := range ps {
					if full[j] == nil {
						cands = append(cands, j)
					}
				}
			}
		}
		slices.Sort(cands)
		cands = slices.Compact(cands)
		// Of those, their names first: a candidate is the same claim as a
		// hedged sentence of another source only when the two name someone
		// or something alike (sameHedgedClaim), and of 8,591 candidates of
		// 1,000 ECB+ articles 1,303 do; only they are read in full.
		names := make([]sortedWords, len(cands))
		parallel(len(cands), func(k int, next func() (int, bool)) {
			r := reader(k)
			var ks []string
			for i, ok := next(); ok; i, ok = next() {
				s := hr.at[cands[i]].u.sents[hr.at[cands[i]].k]
				ks = r.appendNames(ks[:0], hr.at[cands[i]].u.text[s.span.Start:s.span.End], s.toks)
				names[i] = makeSortedWords(ks)
			}
		})
		candAt := make(map[int]int, len(cands)) // a candidate's place in cands
		for k, j := range cands {
			candAt[j] = k
		}
		needed := make([]bool, len(cands))
		for _, i := range hr.hedged {
			h := full[i]
			for _, hm := range h.hedges {
				for _, w := range hm.scope {
					if ps := hr.postings[w]; len(ps) <= maxHedgePostings {
						for _, j := range ps {
							if k, ok := candAt[j]; ok && !needed[k] && hr.at[j].u.src != hr.at[i].u.src && h.names.shared(names[k]) > 0 {
								needed[k] = true
							}
						}
					}
				}
			}
		}
		hr.names = map[int]sortedWords{}
		var reads []int
		for k, j := range cands {
			if needed[k] {
				reads = append(reads, j)
			} else {
				hr.names[j] = names[k]
			}
		}
		read := make([]*hedgedSentence, len(reads))
		parallel(len(reads), func(k int, next func() (int, bool)) {
			r := reader(k)
			for i, ok := next(); ok; i, ok = next() {
				read[i] = hr.readAt(c, reads[i], r)
			}
		})
		for i, j := range reads {
			hr.read[j] = read[i]
		}
		c.hedged <- hr
	}()
}

// sameHedgedClaim says whether o states plainly the claim h hedges with
// hm, and how alike the two sentences are.
func sameHedgedClaim(h, o hedgedSentence, hm hedgeMark) (float64, bool) {
	names := h.names.shared(o.names) // both sets sorted: one walk, no search per name
	if names == 0 || otherTimes(hm.when, o.when) {
		return 0, false
	}
	if hm.sentential {
		// A hedge of the whole sentence: one claim when the two name the
		// same things, the other hedging none of it.
		if names < 2 || len(o.hedges) > 0 || len(o.soft) > 0 || o.sourced && hearsayHedge(hm.text) || len(o.quoted) > 0 {
			return 0, false
		}
		return float64(names), true
	}
	// Of one subject: the word before the hedge is in the other sentence,
	// or, for a pronoun, two names are.
	subjectIn := hm.subject != "" && (o.stems.has(hm.subject) || hm.subjectClass != "" && o.classes.has(hm.subjectClass))
	if hm.copular && len(hm.plain) >= 2 && !subjectIn {
		subjectIn = true
		for _, st := range hm.plain[:2] {
			subjectIn = subjectIn && o.stems.has(st)
		}
	}
	if hm.subject != "" && !subjectIn || hm.subject == "" && names < 2 {
		return 0, false
	}
	// The hedge bears on what the other sentence states: its head word,
	// or two of its words that are not names.
	// Stated flatly: by the outlet, in its own voice, not passed on as
	// someone's report when the hedge is one of report.
	if o.sourced && hearsayHedge(hm.text) {
		return 0, false // "reportedly" and "according to Fox News": both pass it on
	}
	flat := func(st string) bool {
		return o.stems.has(st) && !o.neg.has(st) && !o.soft.has(st) && !o.quoted.has(st) && !o.hedgedOn(st)
	}
	hit := 0
	for _, st := range hm.plain {
		if flat(st) {
			hit++
		}
	}
	if !(hm.head != "" && flat(hm.head)) && hit < 2 {
		return 0, false
	}
	// "is thought to be the second strike" against "mark the second
	// time": a copular hedge whose head is an ordinal claims the place in
	// a series, which the other sentence states of a subject of the same
	// kind, however else the two sentences are worded.
	if hm.copular && subjectIn && hm.head != "" && ordinalWords()[hm.head] > 0 && flat(hm.head) {
		return 1, true
	}
	shared := 0
	for _, st := range hm.clause {
		if o.stems.has(st) {
			shared++
		}
	}
	overlap := float64(shared) / float64(max(1, min(len(hm.clause), len(o.stems))))
	if shared < hedgeSharedWords || overlap < hedgeOverlap {
		return 0, false
	}
	return overlap, true
}

// modelSingular writes a model designation's plural as one: "F-15s" is
// "F-15".
func modelSingular(n string) string {
	if len(n) > 2 && n[len(n)-1] == 's' && n[len(n)-2] >= '0' && n[len(n)-2] <= '9' {
		return n[:len(n)-1]
	}
	return n
}

// firstContent is the index of the first content word from i.
func firstContent(stems []string, i int) int {
	for ; i < len(stems); i++ {
		if stems[i] != "" {
			return i
		}
	}
	return -1
}

var subjectPronouns = toSet(`he she they it we i you his her their its`)

// otherTimes: both sentences name days or months, and none in common.
func otherTimes(a, b sortedWords) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for _, w := range a {
		if b.has(w) {
			return false
		}
	}
	return true
}

// hearsayHedge: a hedge that passes a claim on as others' report (from
// hedges.txt, those of report, not of belief or likelihood): against a
// sentence that credits its claim "according to" someone, both report it.
func hearsayHedge(h string) bool {
	h = strings.ToLower(h)
	for _, w := range []string{"report", "alleged", "purported", "said to", "claimed"} {
		if strings.Contains(h, w) {
			return true
		}
	}
	return false
}

// hearsay verbs before "that" pass on what others reported ("the Journal
// reported that"): unlike "said that", the claim is the report's.
var hearsay = toSet(`reported reports reporting`)

// softeners make what follows them less than stated: a condition, a
// modal, a question.
var softeners = toSet(`if whether could would may might should`)

// hedgedOn reports a stem a hedge of the sentence bears on.
func (s hedgedSentence) hedgedOn(st string) bool {
	for _, h := range s.hedges {
		if h.sentential || slices.Contains(h.scope, st) {
			return true
		}
	}
	return false
}

// hedgeWord is what readHedged asks of a word: asked once a word by each
// goroutine's hedgeReader, where every word of every sentence read was
// looked up in seven tables (stop words, the stemmer's two, weekdays,
// months, event classes, softeners) and hearsay verbs.
type hedgeWord struct {
	stem     string // "" for a stop word, a short word or a number
	class    string // its event class, when isClass
	isClass  bool
	when     bool // a weekday or a month
	negation bool // "not", "never", "didn't"
	softener bool
	hearsay  bool
}

// hedgeReader is one goroutine's reader of sentences for hedging: its
// stemmer, what it has asked of each word and of each name (the name
// keys readHedged gives it), and the lists a sentence's sets are gathered
// in, reused from sentence to sentence (the sets are copied out of them).
type hedgeReader struct {
	st       *stemmer
	words    map[string]hedgeWord
	nameKeys map[string][]string
	stems    []string
	lists    [hedgeLists][]string
}

// The lists readHedged gathers a sentence's sets in (hedgeReader.lists).
const (
	listStems = iota
	listNames
	listQuoted
	listWhen
	listClasses
	listNeg
	listSoft
	hedgeLists
)

func newHedgeReader(stems map[string]string) *hedgeReader {
	return &hedgeReader{st: newStemmer(stems), words: map[string]hedgeWord{}, nameKeys: map[string][]string{}}
}

// word is what readHedged asks of a folded word.
func (r *hedgeReader) word(f string) hedgeWord {
	if w, ok := r.words[f]; ok {
		return w
	}
	var w hedgeWord
	if !isStop(f) && len(f) >= 3 && !isNumberToken(f) {
		w.stem = r.st.stem(f)
	}
	w.class, w.isClass = eventClasses()[f]
	w.when = weekdays[f] || months[f]
	w.negation = f == "not" || f == "never" || strings.HasSuffix(f, "n't")
	w.softener, w.hearsay = softeners[f], hearsay[f]
	r.words[f] = w
	return w
}

// keysOf is the name keys readHedged gives a name: its key, and each
// word's of a run, which another source may name apart ("US Air Force
// F-15s" and "F-15"); none for a day or a month.
func (r *hedgeReader) keysOf(name string) []string {
	if ks, ok := r.nameKeys[name]; ok {
		return ks
	}
	var ks []string
	if f := fold(name); !weekdays[f] && !months[f] {
		ks = append(ks, nameKey(modelSingular(stripTitlesOr(name))))
		if fs := strings.Fields(name); len(fs) > 1 {
			for _, w := range fs {
				if f := fold(w); !isStop(f) && !titleWords()[f] {
					ks = append(ks, nameKey(modelSingular(w)))
				}
			}
		}
	}
	r.nameKeys[name] = ks
	return ks
}

// appendNames appends the name keys of a sentence's names to ks, as
// readHedged reads them.
func (r *hedgeReader) appendNames(ks []string, text string, toks []token) []string {
	for _, n := range namesOf(text, toks) {
		ks = append(ks, r.keysOf(n.text)...)
	}
	return ks
}

// readHedged reads a sentence's words, names, hedges (outside quotation
// marks: a quoted "likely" is the speaker's) and negations. Its hedges are
// looked for only when mayHedge: a sentence that holds none of the
// lexicon's phrases (hedgesAtText) has none.
func readHedged(text string, toks []token, r *hedgeReader, mayHedge bool) hedgedSentence {
	// The sets are gathered in the reader's lists and copied out at the
	// end, all into one array: most sentences leave most of them empty,
	// and every body sentence is read.
	hs := hedgedSentence{text: text}
	ls := &r.lists
	for k := range ls {
		ls[k] = ls[k][:0]
	}
	var dropped []string
	quotes := quotations(text, false)
	ls[listNames] = r.appendNames(ls[listNames], text, toks)
	stems := slices.Grow(r.stems[:0], len(toks))[:len(toks)]
	r.stems = stems
	for i, t := range toks {
		w := r.word(t.folded)
		stems[i] = w.stem
		if w.stem != "" {
			ls[listStems] = append(ls[listStems], w.stem)
			if insideQuoteAt(quotes, t.start) {
				ls[listQuoted] = append(ls[listQuoted], w.stem)
			}
		}
		if t.folded == "according" && i+1 < len(toks) && toks[i+1].folded == "to" {
			hs.sourced = true
		}
		if w.when {
			ls[listWhen] = append(ls[listWhen], t.folded)
		}
		if w.isClass {
			ls[listClasses] = append(ls[listClasses], w.class)
		}
	}
	scope := func(from int) []string {
		var out []string
		for j := from; j < len(toks) && j < from+hedgeScopeWords; j++ {
			if stems[j] != "" {
				out = append(out, stems[j])
			}
		}
		return out
	}
	for i, t := range toks {
		w := r.word(t.folded)
		if w.negation {
			for j := i + 1; j < len(toks) && j < i+1+hedgeScopeWords; j++ {
				if stems[j] != "" {
					ls[listNeg] = append(ls[listNeg], stems[j])
				}
			}
		}
		if w.softener || w.hearsay && i+1 < len(toks) && toks[i+1].folded == "that" {
			// "if", "whether" and "reported that" bear on their whole clause.
			n := hedgeScopeWords
			if t.folded == "if" || t.folded == "whether" || !w.softener {
				n = len(toks)
			}
			for j := i + 1; j < len(toks) && j <= i+n; j++ {
				if stems[j] != "" {
					ls[listSoft] = append(ls[listSoft], stems[j])
				}
			}
		}
	}
	var found []int // where each hedge of the lexicon stands, or -1
	var buf [64]int // room for the lexicon's hedges on the stack
	lower := ""
	if mayHedge {
		lower = strings.ToLower(text)
		found = hedgesAt(lower, buf[:0])
	}
	for k, at := range found {
		h := hedges()[k]
		if at < 0 {
			continue
		}
		if insideQuoteAt(quotes, at) {
			continue
		}
		// "the likely 2016 candidate": a word of the noun, not a hedge of
		// a claim; "not likely", "whether it is likely": a hedge denied or
		// asked about; "possibly two children": a count's qualifier.
		before := strings.Fields(lower[:at])
		if len(before) > 0 && determiners[before[len(before)-1]] {
			continue
		}
		if slices.ContainsFunc(before[max(0, len(before)-3):], func(w string) bool { return w == "not" || w == "whether" || w == "if" }) {
			continue
		}
		if after := strings.Fields(lower[at+len(h):]); len(after) > 0 && (numberWords()[strings.Trim(after[0], ",.")] > 0 || strings.ContainsAny(after[0][:1], "0123456789$")) {
			continue
		}
		end := at + len(h)
		next := len(toks)
		for j, t := range toks {
			if t.start >= end {
				next = j
				break
			}
		}
		// The hedge's own words are not what it bears on.
		for j, t := range toks {
			if t.start >= at && t.end <= end {
				dropped = append(dropped, stems[j])
			}
		}
		hm := hedgeMark{span: Span{Start: at, End: end}, text: text[at:end], scope: scope(next)}
		lo, hi := strings.LastIndexByte(text[:at], ';')+1, len(text)
		if k := strings.IndexByte(text[end:], ';'); k >= 0 {
			hi = end + k
		}
		var hmWhen, clause []string
		for i, t := range toks {
			if t.start < lo || t.end > hi {
				continue
			}
			if weekdays[t.folded] || months[t.folded] {
				hmWhen = append(hmWhen, t.folded)
			}
			if stems[i] != "" {
				clause = append(clause, stems[i])
			}
		}
		hm.when, hm.clause = makeSortedWords(hmWhen), makeSortedWords(clause)
		if strings.TrimSpace(text[:at]) == "" || strings.HasPrefix(strings.TrimSpace(text[end:]), ",") {
			hm.sentential = true
		}
		if next < len(toks) && (toks[next].folded == "be" || toks[next].folded == "been") {
			hm.copular = true // "is thought to be the second strike"
		}
		for j := next - 1; j >= 0; j-- {
			if toks[j].start >= at {
				continue
			}
			if statusHelpers[toks[j].folded] || toks[j].folded == "that" || toks[j].folded == "who" || toks[j].folded == "which" {
				continue
			}
			if stems[j] != "" && !subjectPronouns[toks[j].folded] {
				hm.subject = stems[j]
				hm.subjectClass = eventClasses()[toks[j].folded]
			}
			break
		}
		for j := next; j < len(toks) && j < next+hedgeScopeWords; j++ {
			if stems[j] == "" {
				continue
			}
			if r := []rune(toks[j].text); len(r) > 0 && !unicode.IsUpper(r[0]) {
				if len(hm.plain) == 0 && j == firstContent(stems, next) {
					hm.head = stems[j] // the first word it bears on, when not a name: most often the verb
				}
				hm.plain = append(hm.plain, stems[j])
			}
		}
		hs.hedges = append(hs.hedges, hm)
	}
	// The hedges' own words leave the sentence's stems (see dropped above).
	if len(dropped) > 0 {
		ls[listStems] = slices.DeleteFunc(ls[listStems], makeSortedWords(dropped).has)
	}
	var sets [hedgeLists]sortedWords
	packSortedWords(sets[:], ls[:])
	hs.stems, hs.names, hs.quoted = sets[listStems], sets[listNames], sets[listQuoted]
	hs.when, hs.classes, hs.neg, hs.soft = sets[listWhen], sets[listClasses], sets[listNeg], sets[listSoft]
	return hs
}

// packSortedWords makes each list a set (makeSortedWords), all of them in
// one array: a sentence's seven sets were seven allocations. The lists
// are sorted in place.
func packSortedWords(sets []sortedWords, lists [][]string) {
	n := 0
	for k, ws := range lists {
		slices.Sort(ws)
		lists[k] = slices.Compact(ws)
		n += len(lists[k])
	}
	if n == 0 {
		return
	}
	all := make([]string, 0, n)
	for k, ws := range lists {
		if len(ws) > 0 {
			at := len(all)
			all = append(all, ws...)
			sets[k] = sortedWords(all[at:len(all):len(all)])
		}
	}
}

package compare

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// labelTopics names every topic by a short phrase from its members' own
// words, in their order: the few consecutive words of one member that carry
// most of what the topic's paragraphs share ("F-16s in the operation", "five
// militia fighters were killed"). A topic of one source's own paragraphs is
// "only in" that source. Labels are unique across the comparison.
func labelTopics(c *comparison) {
	// Each topic's best few phrases on every core; then the labels in the
	// topics' order, each the best its topic has that no earlier one took
	// (the exact search again in the rare case that all its few are taken).
	tops := make([][]phraseCand, len(c.res.Topics))
	parallel(len(c.res.Topics), func(_ int, next func() (int, bool)) {
		pw := c.newPhraseWeights()
		for t, ok := next(); ok; t, ok = next() {
			if !c.res.Topics[t].Own {
				tops[t] = c.topPhrases(c.topicUnits[t], pw, labelChoices)
			}
		}
	})
	var pw *phraseWeights // for the rare topic whose few phrases were all taken
	used := map[string]bool{}
	for t := range c.res.Topics {
		tp := &c.res.Topics[t]
		if tp.Own {
			tp.Label = "only in " + c.label(tp.Sources[0])
			used[tp.Label] = true
			continue
		}
		tp.Label = ""
		for _, pc := range tops[t] {
			if pc.score > 0 && !used[pc.text] {
				tp.Label = pc.text
				break
			}
		}
		if tp.Label == "" {
			if pw == nil {
				pw = c.newPhraseWeights()
			}
			tp.Label = c.topicPhrase(c.topicUnits[t], pw, used)
		}
		used[tp.Label] = true
	}
}

// labelChoices is how many phrases each topic keeps to choose its label
// from before the labels are shared out: enough that an earlier topic
// seldom took them all.
const labelChoices = 8

// phraseCand is a phrase a label may be, with its score.
type phraseCand struct {
	text  string
	score float64
}

// before orders phrases best first: higher score, then the earlier text.
func (p phraseCand) before(q phraseCand) bool {
	return p.score > q.score || p.score == q.score && p.text < q.text
}

// topPhrases is a topic's k best distinct phrases, best first, each at its
// best score.
func (c *comparison) topPhrases(members []int32, pw *phraseWeights, k int) []phraseCand {
	var top []phraseCand
	c.eachPhrase(members, pw, func(raw string, sc float64) {
		if len(top) == k && sc < top[k-1].score {
			return // below all kept, so neither kept nor raising a kept one
		}
		phrase := tidyLabel(raw)
		if i := slices.IndexFunc(top, func(p phraseCand) bool { return p.text == phrase }); i >= 0 {
			if sc <= top[i].score {
				return
			}
			top = slices.Delete(top, i, i+1)
		}
		pc := phraseCand{phrase, sc}
		at := len(top)
		for at > 0 && pc.before(top[at-1]) {
			at--
		}
		top = slices.Insert(top, at, pc)
		if len(top) > k {
			top = top[:k]
		}
	})
	return top
}

// topicPhrase finds the phrase for one topic's units that no other topic
// has taken.
func (c *comparison) topicPhrase(members []int32, pw *phraseWeights, used map[string]bool) string {
	// The best phrase not yet used, kept as the phrases come: a topic's
	// sentences offer thousands, and most score below the best so far.
	best := phraseCand{}
	c.eachPhrase(members, pw, func(raw string, sc float64) {
		if sc < best.score {
			return
		}
		phrase := tidyLabel(raw)
		if used[phrase] {
			return
		}
		if sc > best.score || best.text != "" && phrase < best.text {
			best = phraseCand{phrase, sc}
		}
	})
	if best.text != "" {
		return best.text
	}
	// Every phrase taken, or no shared word: the first member's first
	// words, numbered if need be.
	u := c.units[members[0]]
	base := tidyLabel(firstWords(u.text, labelWords))
	label := base
	for k := 2; used[label]; k++ {
		label = fmt.Sprintf("%s (%d)", base, k)
	}
	return label
}

// phraseWeights is what the members of a topic share, by the number of
// each engine term (index.engTerm): its weight summed over the members,
// the first source with it and whether another has it. eachPhrase fills
// it for each topic and clears what it filled, in arrays reused from one
// topic to the next (a map per topic, filled term by term, was a fifth of
// the labelling). It also remembers what eachPhrase reads of each word as
// written (phraseWord), for the topics after.
type phraseWeights struct {
	w       []float64
	src     []int32 // 1 + the first source with the term, or 0
	multi   []bool
	touched []int32
	words   map[string]phraseWord // by the word as written
	st      *stemmer
}

// phraseWord is what a phrase's score reads of a word: its engine term (1 +
// its number in index.engTerm, or 0 for a small word, which counts for
// nothing), and whether it says what happened (saysWhat). It depends on
// the word as written alone, and a word is read once for all the phrases
// and topics that hold it: looked up again at each writing, its stem, its
// term and whether it is a small word (twice) were a third of the
// labelling.
type phraseWord struct {
	term          int32
	what, capital bool // capital: isCapitalised
}

// phraseSlot is what eachPhrase reads of one word of a sentence: its
// phraseWord, the topic's weight of its term, whether a clause's end or a
// quotation mark stands before it, and whether it and the next word are
// one name's (side by side, both capitalised, only space between). Read
// once a word, where the phrases read them for every phrase that holds
// the word, up to labelWords times.
type phraseSlot struct {
	term                                  int32
	w                                     float64
	what, capital, breakBefore, nameAfter bool
}

func (c *comparison) newPhraseWeights() *phraseWeights {
	n := len(c.ix.postings)
	return &phraseWeights{w: make([]float64, n), src: make([]int32, n), multi: make([]bool, n),
		words: map[string]phraseWord{}, st: newStemmer(c.stems)}
}

// word is what pw knows of w, read when it is first met.
func (c *comparison) word(pw *phraseWeights, w token) phraseWord {
	if pwd, ok := pw.words[w.text]; ok {
		return pwd
	}
	f := w.folded
	var key uint64
	switch {
	case isNumberToken(f):
		key = fnv64a(numberPrefix + strings.ReplaceAll(f, ",", ""))
	case isStop(f) || len(f) < 2:
	default:
		key = fnv64a(pw.st.stem(w.text))
	}
	pwd := phraseWord{what: saysWhat(w), capital: isCapitalised(w.text)}
	if t, ok := c.ix.engTerm[key]; ok && key != 0 {
		pwd.term = t + 1
	}
	pw.words[w.text] = pwd
	return pwd
}

// eachPhrase offers every phrase of the members that a label may be, as
// written, with its score: the few consecutive words of one member that
// carry most of what the topic's paragraphs share. pw is its scratch.
func (c *comparison) eachPhrase(members []int32, pw *phraseWeights, offer func(raw string, sc float64)) {
	// What the members share: each engine term's weight summed over the
	// members, for the terms of two sources or more.
	for _, x := range members {
		u := c.units[x]
		for _, e := range u.eng {
			if e.kind == termClass {
				continue
			}
			t := e.word
			pw.w[t] += e.w
			switch {
			case pw.src[t] == 0:
				pw.src[t] = int32(u.src + 1)
				pw.touched = append(pw.touched, t)
			case pw.src[t] != int32(u.src+1):
				pw.multi[t] = true
			}
		}
	}
	for _, t := range pw.touched {
		if !pw.multi[t] {
			pw.w[t] *= 0.1 // one source's word: a weak sign of the topic
		}
	}
	defer func() {
		for _, t := range pw.touched {
			pw.w[t], pw.src[t], pw.multi[t] = 0, 0, false
		}
		pw.touched = pw.touched[:0]
	}()
	// Per word of a sentence, reused: what the phrases read of it, once,
	// not for every phrase that holds the word.
	var slots []phraseSlot
	for _, x := range members {
		u := c.units[x]
		for _, s := range u.sents {
			text := s.text(u.text)
			slots = slices.Grow(slots[:0], len(s.toks))[:len(s.toks)]
			for i, w := range s.toks {
				pwd := c.word(pw, w)
				sl := phraseSlot{term: pwd.term, what: pwd.what, capital: pwd.capital}
				if pwd.term != 0 {
					sl.w = pw.w[pwd.term-1]
				}
				if i > 0 {
					// The marks between this word and the last: one space,
					// most often, which is neither a break nor in a name.
					gap := text[s.toks[i-1].end:w.start]
					if gap != " " {
						sl.breakBefore = strings.ContainsAny(gap, ",.;:\"“”()")
					}
					slots[i-1].nameAfter = slots[i-1].capital && sl.capital && (gap == " " || strings.TrimSpace(gap) == "")
				}
				slots[i] = sl
			}
			for i := range s.toks {
				if slots[i].term == 0 || slots[i].w == 0 {
					continue
				}
				// A phrase opens on a whole word ("U.K.-based" is not
				// "based").
				if st := s.toks[i].start; st > 0 && !unicode.IsSpace(rune(text[st-1])) && !strings.ContainsRune("\"“(", rune(text[st-1])) {
					continue
				}
				// Nor inside a name ("York City Mayor" of "New York City").
				if i > 0 && slots[i-1].nameAfter {
					continue
				}
				var seen [labelWords]int32 // the terms counted, at most one phrase's
				nSeen := 0
				score := 0.0
				says := false // a word of the phrase says what happened
				for j := i; j < len(s.toks) && j < i+labelWords; j++ {
					sl := &slots[j]
					if j > i && sl.breakBefore {
						break // a phrase does not run over a clause's end or a quotation mark
					}
					if k := sl.term; k != 0 && !slices.Contains(seen[:nSeen], k) {
						seen[nSeen] = k
						nSeen++
						score += sl.w
					}
					says = says || sl.what
					if sl.term == 0 || sl.w == 0 {
						continue // a phrase ends on a word that counts
					}
					if sl.nameAfter {
						continue // a phrase ends where a name does
					}
					raw := text[s.toks[i].start:s.toks[j].end]
					if strings.HasSuffix(raw, "'s") || strings.HasSuffix(raw, "’s") {
						continue // "the Obama administration's": the thing is still to come
					}
					// Shorter phrases read faster: a word more must earn its
					// place. A phrase of names alone ("ABC News") says who,
					// not what: it counts for less than one that says what.
					sc := score / (1 + 0.08*float64(j-i))
					if !says {
						sc *= labelNamesOnly
					}
					offer(raw, sc)
				}
			}
		}
	}
}

// saysWhat: a word in lower case that is not a small word ("charged",
// "vote", "attacks") says what happened, not only who; a phrase says it
// when one of its words does.
func saysWhat(t token) bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsLower(r) && !isStop(t.folded) && len(t.folded) > 2
}

// tidyLabel lowers a sentence's capital opening on a common word and trims
// the marks around the phrase. A phrase of eachPhrase, which runs from a word's first letter to
// another's last, has nothing to trim, and most open in lower case: the
// label of a thousand articles' topics is tidied from a hundred thousand
// phrases, most of which need neither a trim nor a look at their first word.
func tidyLabel(s string) string {
	if s == "" || !isASCIIAlnum(s[0]) || !isASCIIAlnum(s[len(s)-1]) {
		s = strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '$' })
	}
	r, size := utf8.DecodeRuneInString(s)
	lower := unicode.ToLower(r)
	if lower == r && r != utf8.RuneError {
		return s // lowered, it would be the same
	}
	first, _, _ := strings.Cut(s, " ")
	if f := fold(first); isStop(f) || sentenceOpeners()[f] {
		s = string(lower) + s[size:]
	}
	return s
}

func isASCIIAlnum(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
}

func firstWords(s string, n int) string {
	ws := strings.Fields(s)
	if len(ws) > n {
		return strings.Join(ws[:n], " ") + " …"
	}
	return strings.Join(ws, " ")
}

package compare

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/loader"
)

// The names detector: two different names standing where the sources tell
// one thing. Its first rule is the look-alike name: a place or a person
// one source names "Norfolk" where another says "Norwalk" for the same
// event, a slip a reader cannot see without the other story beside it. A
// look-alike is told from a spelling of one name (Moammar, Muammar), from
// a word and its derivative (Democrat, Democrats, Democratic) and from a
// nickname, by how the two are written; and from two names that merely
// look alike (a "Center" and a "Certner"), by the sentences around them,
// which must tell one thing.

// nameMention is one single-word name in one sentence of one source.
type nameMention struct {
	word       string // as written
	ref        Ref
	sent       int32 // the sentence's index in its paragraph
	start, end int32 // the name's bytes in the paragraph
	// text is the sentence, whose content words (contextStems) are read
	// only for the mentions of two look-alike names in two sources: made
	// for every mention, they were most of the detector's time and memory
	// (a map each, 146,000 on one 10 MB article).
	text string
}

func detectNames(c *comparison, out *findings) {
	st := newStemmer(c.stems)
	mentions := map[string][]nameMention{} // folded word → mentions
	lower := map[string]bool{}             // words the stories write in lower case: common words
	c.bodySentences(func(a *loader.Article, p *loader.Paragraph, si int, text string, s loader.Sentence, toks []token) {
		for _, t := range toks {
			// A shorter word is no name the rule compares: not kept.
			if len(t.folded) < lookAlikeMinLetters {
				continue
			}
			if r, _ := utf8.DecodeRuneInString(t.text); unicode.IsLower(r) {
				lower[t.folded] = true
			}
		}
		for _, k := range loneNames(text, toks) {
			t := toks[k]
			mentions[t.folded] = append(mentions[t.folded], nameMention{
				word: t.text, ref: Ref{a.ID, p.Index}, sent: int32(si),
				start: int32(s.Start + t.start), end: int32(s.Start + t.end), text: text,
			})
		}
	})
	// The content words of a sentence, by where it stands (not its text,
	// which pays only where whole sentences recur), made when first asked.
	context := map[sentenceKey]sortedWords{}
	contextOf := func(m nameMention) sortedWords {
		at := sentenceKey{m.ref, m.sent}
		ws, ok := context[at]
		if !ok {
			ws = contextStems(m.text, words(m.text), st)
			context[at] = ws
		}
		return ws
	}
	var names []string
	for f := range mentions {
		if !lower[f] && !weekdays[f] && !months[f] && utf8.RuneCountInString(f) >= lookAlikeMinLetters {
			names = append(names, f)
		}
	}
	slices.Sort(names)
	for i, x := range names {
		for _, y := range names[i+1:] {
			if !lookAlike(x, y) {
				continue
			}
			mx, my := mentions[x], mentions[y]
			if !splitBySource(mx, my) || oneSentence(mx, my) {
				continue
			}
			cx, _, ok := sameSlot(mx, my, contextOf)
			if !ok {
				continue
			}
			wx, wy := mx[0].word, my[0].word
			d := Discrepancy{Kind: KindName, Topic: c.topicOfRef(cx.ref), Severity: SeverityMedium,
				Summary: fmt.Sprintf("%s or %s: two look-alike names where the sources tell one thing", wx, wy),
				Why: fmt.Sprintf("%q and %q differ in %d letters, more than a spelling of one name, and stand in sentences that tell the same thing; one source may have the wrong one",
					wx, wy, editDistance(x, y))}
			for _, m := range append(slices.Clone(mx), my...) {
				d.Claims = append(d.Claims, Claim{Span: Span{Source: m.ref.Source, Paragraph: m.ref.Paragraph, Start: int(m.start), End: int(m.end)},
					Text: m.word, Value: m.word})
			}
			slices.SortStableFunc(d.Claims, func(a, b Claim) int { return cmpBool(lessSpan(a.Span, b.Span), lessSpan(b.Span, a.Span)) })
			out.Discrepancies = append(out.Discrepancies, d)
		}
	}
}

// loneNames are the names of one word in a sentence, not its first word,
// by their words' indices: "gathered in Norwalk in March" gives Norwalk;
// "Leigh Corfman" and the sentence's opening word give nothing. A name of
// one word is one of the sentence's words (no space, no mark a word holds
// inside it but a comma between digits, which isAlpha refuses), so its
// folded form is the word's.
func loneNames(text string, toks []token) []int {
	var out []int
	k := 0
	for _, n := range namesOf(text, toks) {
		if n.start == 0 || strings.ContainsAny(n.text, " -.'’") {
			continue
		}
		for toks[k].start < n.start {
			k++
		}
		if isAlpha(toks[k].folded) {
			out = append(out, k)
		}
	}
	return out
}

// contextStems are the stems of a sentence's content words: no names (so
// not the lone name the sentence is read for, which is capitalised), no
// stop words.
func contextStems(text string, toks []token, st *stemmer) sortedWords {
	var out []string
	for _, t := range toks {
		r, _ := utf8.DecodeRuneInString(t.text)
		if isStop(t.folded) || len(t.folded) < 3 || unicode.IsUpper(r) || isNumberToken(t.folded) && !isYear(t.folded) {
			continue
		}
		out = append(out, st.stem(t.folded))
	}
	return makeSortedWords(out)
}

// lookAlike reports two names written alike but not one name: the same
// first letter, close by Jaro-Winkler, yet at least lookAlikeMinEdits
// letters apart (a spelling of one name is one letter apart), not one the
// other with an ending ("Democrat", "Democratic"), not a given name and its
// nickname.
func lookAlike(x, y string) bool {
	if x[0] != y[0] || utf8.RuneCountInString(x) > maxNameRunes || utf8.RuneCountInString(y) > maxNameRunes || editDistance(x, y) < lookAlikeMinEdits || jaroWinkler(x, y) < lookAlikeSimilarity ||
		abs(utf8.RuneCountInString(x)-utf8.RuneCountInString(y)) > lookAlikeMaxLengthGap {
		return false
	}
	// Two transliterations of one name differ in their vowels, a doubled
	// letter or a silent h ("Salahaddin", "Salaluddin"): one skeleton.
	if skeleton(x) == skeleton(y) {
		return false
	}
	// A word and its derivative share all but the last few letters of the
	// shorter.
	// A name built on another shares its first half ("Turkmenbashi",
	// "Turkmenistan").
	n, shorter := commonPrefix(x, y), min(utf8.RuneCountInString(x), utf8.RuneCountInString(y))
	if n >= shorter-derivedEnding || n >= compoundStem && 2*n >= shorter {
		return false
	}
	return !givenName(x) || !givenName(y)
}

// skeleton is a name's consonants after its first letter, doubled letters
// once, without the letters transliterations add or drop (h, w, y).
func skeleton(w string) string {
	var b strings.Builder
	var last rune
	for i, r := range w {
		if i > 0 && strings.ContainsRune("aeiouyhw", r) {
			continue
		}
		if r != last {
			b.WriteRune(r)
		}
		last = r
	}
	return b.String()
}

// givenName reports a word of the given-name lists: two given names that
// look alike are most often two people, or a name and its nickname.
func givenName(w string) bool {
	return maleNames().has(w) || femaleNames().has(w)
}

// splitBySource reports two names that the sources split: a source writes
// one where another writes the other (a source may write both).
func splitBySource(mx, my []nameMention) bool {
	sx, sy := map[string]bool{}, map[string]bool{}
	for _, m := range mx {
		sx[m.ref.Source] = true
	}
	for _, m := range my {
		sy[m.ref.Source] = true
	}
	onlyX, onlyY := false, false
	for s := range sx {
		onlyX = onlyX || !sy[s]
	}
	for s := range sy {
		onlyY = onlyY || !sx[s]
	}
	return onlyX || onlyY
}

// oneSentence reports two names written in one sentence: two things.
func oneSentence(mx, my []nameMention) bool {
	for _, a := range mx {
		for _, b := range my {
			if a.ref == b.ref && a.sent == b.sent {
				return true
			}
		}
	}
	return false
}

// sameSlot finds a mention of each name, in two sources, whose sentences
// tell one thing: lookAlikeSharedWords content words in common (context
// gives a mention's).
func sameSlot(mx, my []nameMention, context func(nameMention) sortedWords) (nameMention, nameMention, bool) {
	for _, a := range mx {
		for _, b := range my {
			if a.ref.Source == b.ref.Source {
				continue
			}
			if context(a).shared(context(b)) >= lookAlikeSharedWords {
				return a, b, true
			}
		}
	}
	return nameMention{}, nameMention{}, false
}

// topicOfRef is the first topic that holds a paragraph, or "".
func (c *comparison) topicOfRef(r Ref) string { return c.topicByRef[r] }

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// editDistance is the Levenshtein distance between two words, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// jaroWinkler is the Jaro-Winkler similarity of two words (Winkler 1990):
// 1 for one word, near 1 for words alike in their first letters.
func jaroWinkler(a, b string) float64 {
	ra, rb := []rune(a), []rune(b)
	if len(ra) == 0 || len(rb) == 0 {
		return 0
	}
	window := max(len(ra), len(rb))/2 - 1
	ma, mb := make([]bool, len(ra)), make([]bool, len(rb))
	matches := 0
	for i := range ra {
		for j := max(0, i-window); j < min(len(rb), i+window+1); j++ {
			if !mb[j] && ra[i] == rb[j] {
				ma[i], mb[j] = true, true
				matches++
				break
			}
		}
	}
	if matches == 0 {
		return 0
	}
	trans, k := 0, 0
	for i := range ra {
		if !ma[i] {
			continue
		}
		for !mb[k] {
			k++
		}
		if ra[i] != rb[k] {
			trans++
		}
		k++
	}
	m := float64(matches)
	jaro := (m/float64(len(ra)) + m/float64(len(rb)) + (m-float64(trans)/2)/m) / 3
	prefix := 0
	for prefix < min(4, len(ra), len(rb)) && ra[prefix] == rb[prefix] {
		prefix++
	}
	return jaro + float64(prefix)*0.1*(1-jaro)
}

// cmpBool turns two "less" answers into a comparison.
func cmpBool(less, greater bool) int {
	switch {
	case less:
		return -1
	case greater:
		return 1
	}
	return 0
}

// The second rule: the post a person held at the time of the story's
// events, as each source gives it ("Moore, then an assistant district
// attorney" against "Moore, then a district attorney"). Two posts of one
// kind that differ in rank are two posts; the rank is what a reader checks.

// thenRoleRe() reads "Name, then a/an/the post" and "Name, at the time a
// post": the post in lower case, up to a clause's end.
var thenRoleRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`([A-Z][\p{L}'’.-]+(?: [A-Z][\p{L}'’.-]+)*), (?:then|at the time) (?:a|an|the) ([a-z][a-z -]*?[a-z])(?:,| and | who | of |\.|;|$)`)
})

// roleAt is one post given to one person.
type roleAt struct {
	who, subject string
	post         []string // the post's words
	span         Span
	text         string
}

func detectRoles(c *comparison, out *findings) {
	bySubject := map[string][]roleAt{}
	var subjects []string
	for _, a := range c.arts {
		if c.offEvent(a.ID) {
			continue
		}
		seen := map[string]bool{}
		for _, p := range a.Paragraphs {
			if p.Kind != loader.KindBody {
				continue
			}
			if !strings.Contains(p.Text, ", then ") && !strings.Contains(p.Text, ", at the time ") {
				continue // what every match holds: most paragraphs lack it, and the pattern is costly
			}
			for _, m := range thenRoleRe().FindAllStringSubmatchIndex(p.Text, -1) {
				who := tidyName(p.Text[m[2]:m[3]])
				r := roleAt{who: who, subject: surnameKey(who), post: strings.Fields(p.Text[m[4]:m[5]]),
					span: Span{Source: a.ID, Paragraph: p.Index, Start: m[4], End: m[5]}, text: p.Text[m[4]:m[5]]}
				if r.subject == "" || seen[r.subject] {
					continue // a source's first post for a person is its account
				}
				seen[r.subject] = true
				if _, ok := bySubject[r.subject]; !ok {
					subjects = append(subjects, r.subject)
				}
				bySubject[r.subject] = append(bySubject[r.subject], r)
			}
		}
	}
	for _, s := range subjects {
		rs := bySubject[s]
		differ := false
		for i, a := range rs {
			for _, b := range rs[i+1:] {
				differ = differ || a.span.Source != b.span.Source && rankDiffers(a.post, b.post)
			}
		}
		if !differ {
			continue
		}
		d := Discrepancy{Kind: KindName, Topic: c.topicOfRef(Ref{rs[0].span.Source, rs[0].span.Paragraph}), Severity: SeverityMedium,
			Why: "the sources give one person, at one time, posts of one kind but of different rank"}
		var parts []string
		for _, r := range rs {
			d.Claims = append(d.Claims, Claim{Span: r.span, Text: r.text, Value: r.who + ": " + r.text})
			parts = append(parts, fmt.Sprintf("%s (%s)", r.text, c.label(r.span.Source)))
		}
		d.Summary = fmt.Sprintf("%s's post at the time: %s", rs[0].who, strings.Join(parts, ", "))
		out.Discrepancies = append(out.Discrepancies, d)
	}
}

// rankDiffers reports two posts of one kind (the same last word:
// "attorney", "director") whose rank words differ ("assistant district
// attorney", "district attorney").
func rankDiffers(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 || a[len(a)-1] != b[len(b)-1] {
		return false
	}
	ranks := func(ws []string) string {
		var out []string
		for _, w := range ws {
			if rankWords[w] {
				out = append(out, w)
			}
		}
		return strings.Join(out, " ")
	}
	return ranks(a) != ranks(b)
}

// rankWords set a post above or below another of its kind.
var rankWords = toSet(`assistant deputy acting associate vice chief senior junior interim principal lieutenant under executive first second`)

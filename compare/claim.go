package compare

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// claimAt is what one sentence states, for comparing how sources present
// it: who it is credited to, and the specific things it names (model
// designations, list items, counts) that let two sentences be recognised
// as one claim. (How a sentence hedges is the hedging detector's reading,
// readHedged.)
type claimAt struct {
	span     Span            // the sentence
	topic    string          // its topic
	credits  []string        // who it is credited to, outermost last: "Syrian Observatory", "BBC"
	specific map[string]bool // nil when it names none
	text     string
}

// isCreditVerb is creditVerbs()[w], asked of every word of every sentence:
// a word shorter or longer than every verb of the list (most short words)
// is none of them, and is not looked up.
func isCreditVerb(w string) bool {
	shortest, longest := creditVerbLengths()
	return len(w) >= shortest && len(w) <= longest && creditVerbs()[w]
}

// creditVerbLengths is the byte lengths of creditVerbs' shortest and longest.
var creditVerbLengths = sync.OnceValues(func() (int, int) {
	shortest, longest := 1<<30, 0
	for w := range creditVerbs() {
		shortest, longest = min(shortest, len(w)), max(longest, len(w))
	}
	return shortest, longest
})

// sentenceClaim reads a sentence's credits. specific is filled by the
// caller from the sentence's facts (addSpecific).
func sentenceClaim(text string, toks []token, ns []nameAt, span Span) claimAt {
	c := claimAt{span: span, text: text}
	c.credits = credits(text, toks, ns)
	return c
}

// addSpecific records a specific thing the claim names. The set is made
// at the first: most sentences name none, and every body sentence has a
// claim.
func (c *claimAt) addSpecific(k string) {
	if c.specific == nil {
		c.specific = map[string]bool{}
	}
	c.specific[k] = true
}

// hedgesAt is, for each phrase of hedges(), where indexWord finds it in
// lower, or -1, written into at's array (reused). It is one walk over the
// text's word starts, each asked only for the hedges that begin with its
// byte, instead of one search of the text per hedge (the searches were a
// twentieth of a comparison).
func hedgesAt(lower string, at []int) []int { return hedgesIn(lower, false, at) }

// hedgesAtText is hedgesAt(strings.ToLower(text), at), the text read in
// place when it is ASCII (most sentences): lowering every body sentence
// to look for a hedge copied the whole text.
func hedgesAtText(text string, at []int) []int {
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			return hedgesAt(strings.ToLower(text), at)
		}
	}
	return hedgesIn(text, true, at)
}

// hedgesIn is hedgesAt of s, or of s with its ASCII letters lowered when
// fold (the hedges are lower-case ASCII).
func hedgesIn(s string, fold bool, at []int) []int {
	hs, byFirst := hedges(), hedgesByFirst()
	at = at[:0]
	for range hs {
		at = append(at, -1)
	}
	for i := 0; i < len(s); i++ {
		if i > 0 && wordRuneByte[s[i-1]] { // (an upper-case letter is one as its lower case)
			continue
		}
		c := s[i]
		if fold && 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		for _, k := range byFirst[c] {
			h := hs[k]
			if at[k] >= 0 || len(s)-i < len(h) {
				continue
			}
			if (fold && equalFoldASCII(s[i:i+len(h)], h) || !fold && s[i:i+len(h)] == h) && (i+len(h) == len(s) || !wordRuneByte[s[i+len(h)]]) {
				at[k] = i
			}
		}
	}
	return at
}

// hedgesByFirst indexes hedges() by their first byte (a pointer: the
// table is 6 kB, and hedgesAt runs at every body sentence).
var hedgesByFirst = sync.OnceValue(func() *[256][]int {
	var by [256][]int
	for k, h := range hedges() {
		by[h[0]] = append(by[h[0]], k)
	}
	return &by
})

// wordRuneByte is isWordRune of each byte taken as a rune, as the
// phrase searches read a text's bytes.
var wordRuneByte = func() (set [256]bool) {
	for b := range set {
		set[b] = isWordRune(rune(b))
	}
	return set
}()

// indexWord finds a phrase at word boundaries.
func indexWord(s, phrase string) int {
	for from := 0; ; {
		i := strings.Index(s[from:], phrase)
		if i < 0 {
			return -1
		}
		i += from
		before := i == 0 || !isWordRune(rune(s[i-1]))
		after := i+len(phrase) == len(s) || !isWordRune(rune(s[i+len(phrase)]))
		if before && after {
			return i
		}
		from = i + 1
	}
}

func insideQuoteAt(qs []quoteAt, i int) bool {
	for _, q := range qs {
		if i >= q.start && i < q.end {
			return true
		}
	}
	return false
}

// credits finds who a sentence credits: "according to X", "as per X", "X
// said", "said X", "X told/confirmed to Y" (Y carried it). Each credit is
// the canonical-ready name, or the noun phrase ("a U.S. defense official").
func credits(text string, toks []token, ns []nameAt) []string {
	var out []string
	add := func(s string) {
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "."))
		if s == "" {
			return
		}
		for _, x := range out {
			if x == s {
				return
			}
		}
		out = append(out, s)
	}
	// Credits keep their titles: "Pentagon Press Secretary John Kirby"
	// speaks for the Pentagon.
	nameAfter := func(pos int) string {
		for x, n := range ns {
			if n.start < pos || hasDigit(n.text) {
				continue
			}
			gap := strings.ToLower(strings.TrimSpace(text[pos:n.start]))
			if gap != "" && gap != "the" && gap != "a" && gap != "an" {
				return ""
			}
			// "said Zadan and Meron": every name of the list.
			out := n.text
			for y := x + 1; y < len(ns) && coordinating(text[ns[y-1].end:ns[y].start]); y++ {
				out += " and " + ns[y].text
			}
			return out
		}
		return ""
	}
	for i, tk := range toks {
		w := tk.folded
		switch {
		case w == "according" && i+1 < len(toks) && toks[i+1].folded == "to":
			if n := nameAfter(toks[i+1].end); n != "" {
				add(n)
			} else {
				add(phraseAfter(text, toks[i+1].end))
			}
		case w == "as" && i+1 < len(toks) && toks[i+1].folded == "per":
			add(nameAfter(toks[i+1].end))
		case isCreditVerb(w):
			// "X said": the name or the official just before.
			if n := creditBefore(text, toks, ns, i); n != "" {
				add(n)
			} else if i+1 < len(toks) {
				// "said X", "said the Syrian Observatory".
				if n := nameAfter(tk.end); n != "" {
					add(n)
				}
			}
			// "told Al Jazeera", "confirmed to Fox News": the outlet carried it.
			if i+1 < len(toks) && (w == "told" || toks[i+1].folded == "to") {
				if n := nameAfter(tk.end); n != "" {
					add(viaMark + n)
				}
			}
		}
	}
	return out
}

// creditBefore is the source just before a credit verb: a name, or a noun
// phrase ending in a person's role ("a US defence official").
func creditBefore(text string, toks []token, ns []nameAt, i int) string {
	for x, n := range ns {
		if n.end <= toks[i].start && toks[i].start-n.end <= 2 && !hasDigit(n.text) {
			// "Suthers, a Republican, said": the appositive describes the
			// speaker named before it.
			before := strings.ToLower(strings.TrimRight(text[:n.start], " "))
			if strings.Contains(text[n.end:toks[i].start], ",") && (strings.HasSuffix(before, ", a") || strings.HasSuffix(before, ", an") || strings.HasSuffix(before, ", the")) {
				comma := strings.LastIndexByte(text[:n.start], ',')
				for y := x - 1; y >= 0; y-- {
					if ns[y].end <= comma && strings.TrimSpace(text[ns[y].end:comma]) == "" {
						return ns[y].text
					}
				}
				return ""
			}
			return n.text
		}
	}
	for j := i - 1; j >= 0 && j >= i-6; j-- {
		w := toks[j].folded
		if sourceNouns()[w] {
			k := j
			for k > 0 && j-k < 5 && !strings.ContainsAny(text[toks[k-1].end:toks[k].start], ",;:\"“”") && toks[k-1].folded != "that" {
				k--
				if f := toks[k].folded; f == "a" || f == "an" || f == "the" {
					break
				}
			}
			return text[toks[k].start:toks[j].end]
		}
	}
	return ""
}

// phraseAfter is the noun phrase after "according to": up to the first
// comma or the sentence's end.
func phraseAfter(text string, pos int) string {
	rest := text[pos:]
	if i := strings.IndexAny(rest, ",;.\"“”"); i >= 0 {
		rest = rest[:i]
	}
	if ws := strings.Fields(rest); len(ws) > 6 {
		rest = strings.Join(ws[:6], " ")
	}
	return strings.TrimSpace(rest)
}

// sameClaim reports two sentences that state one claim: they name one model
// designation, two list items, or one count alike.
func sameClaim(a, b claimAt) bool {
	shared := 0
	for k := range a.specific {
		if b.specific[k] {
			if strings.HasPrefix(k, "model:") || strings.HasPrefix(k, "count:") {
				return true
			}
			shared++
		}
	}
	return shared >= 2
}

// shareCredit says whether two lists of credits name one source: they
// share a distinctive word ("Syrian Observatory" and "the U.K.-based Syrian
// Observatory for Human Rights"; "Pentagon" and "Pentagon Press Secretary
// John Kirby"; "police" and "police").
func shareCredit(a, b []string) bool {
	words := func(cs []string) map[string]bool {
		m := map[string]bool{}
		for _, c := range cs {
			for _, w := range words(c) {
				f := w.folded
				if len(f) > 2 && !isStop(f) && !titleWords()[f] && !sentenceOpeners()[f] {
					m[nameKey(singular(f))] = true
				}
			}
		}
		return m
	}
	wa, wb := words(a), words(b)
	for k := range wa {
		if wb[k] {
			return true
		}
	}
	return false
}

// viaMark opens a credit that only carried the words: the one a source
// told them to ("told HuffPost").
const viaMark = "via:"

// creditChain writes a sentence's credits in their order. A later credit
// that is a news outlet carried the earlier one's words ("the Syrian
// Observatory via BBC"); any other is a source of its own ("Pentagon and a
// humanitarian organization" are two), since a sentence can credit its
// parts to different sources and which one said what is not known.
func creditChain(cs []string) string {
	var b strings.Builder
	for i, c := range cs {
		if via, ok := strings.CutPrefix(c, viaMark); ok {
			if i > 0 {
				b.WriteString(" via ")
			} else {
				b.WriteString("via ")
			}
			b.WriteString(via)
			continue
		}
		if i > 0 {
			if isOutlet(c) {
				b.WriteString(" via ")
			} else {
				b.WriteString(" and ")
			}
		}
		b.WriteString(c)
	}
	return b.String()
}

// isOutlet reports a credit that names a news organisation.
func isOutlet(credit string) bool {
	for _, w := range words(credit) {
		if outletWords()[w.folded] {
			return true
		}
	}
	return false
}

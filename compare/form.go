package compare

import (
	"strconv"
	"strings"
)

// What only looks like a difference in the words of a quotation: outlets
// write one statement with other marks (dashes, quotation marks, hyphens),
// cut it (an ellipsis, an excerpt), add an editor's words in brackets,
// censor a word, drop an article, write a number in words or digits, or
// paraphrase inside the marks in the third person ("I" for "he"). The form
// tokens of a quotation read past all of these, so that two quotations that
// differ only in them compare equal, and say which of them it was.

// formToken is one word of a quotation as compared: folded, a number in
// digits, a censored word as its first letter and a wildcard, an ellipsis
// as a gap.
type formToken struct {
	word     string
	censored bool // "f***ing": matches any word of its first letter
	gap      bool // "...": the words left out
	join     bool // a gap where a cue split one statement: only a filler may stand there
	article  bool // "a", "an", "the", or an editor's word in brackets: droppable
	person   string
	name     string // for a capitalised word, its name key: spellings of one name compare equal
}

// formTokens reads a quotation's words for comparison.
func formTokens(s string) []formToken {
	s = splitRunOn(s)
	out := make([]formToken, 0, len(s)/5) // about a word in five bytes
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "..."):
			out = append(out, formToken{gap: true})
			i += 3
			continue
		case strings.HasPrefix(s[i:], joinMark):
			out = append(out, formToken{gap: true, join: true})
			i += len(joinMark)
			continue
		case strings.HasPrefix(s[i:], "…"):
			out = append(out, formToken{gap: true})
			i += len("…")
			continue
		case s[i] == '[' || s[i] == '(':
			// An editor's words ("He should pay [for] it", "If they
			// [Democrats] don't"): not the speaker's, so a copy may have
			// them or not.
			closer := byte(']')
			if s[i] == '(' {
				closer = ')' // "(local)": an aside one copy keeps and another drops
			}
			if j := strings.IndexByte(s[i:], closer); j > 0 {
				for w := range strings.FieldsSeq(s[i+1 : i+j]) {
					from := len(out)
					out = appendWordTokens(out, w)
					for k := from; k < len(out); k++ {
						out[k].article = true
					}
				}
				i += j + 1
				continue
			}
		}
		// An opening bracket with no closer is read as a word's mark: the
		// scan starts past it, or it would never move.
		j := i
		if s[j] == '[' || s[j] == '(' {
			j++
		}
		for j < len(s) && !strings.HasPrefix(s[j:], "...") && !strings.HasPrefix(s[j:], "…") && !strings.HasPrefix(s[j:], joinMark) && s[j] != '[' && s[j] != '(' {
			j++
		}
		for w := range strings.FieldsSeq(s[i:j]) {
			out = appendWordTokens(out, w)
		}
		i = j
	}
	return out
}

// appendWordTokens appends one whitespace-separated word's form tokens:
// its hyphenated parts apart ("bomb-thrower" and "bomb thrower" alike), a
// censored word whole.
func appendWordTokens(out []formToken, w string) []formToken {
	if strings.Contains(w, "*") {
		t := strings.Trim(w, "\"“”‘’'.,;:!?()")
		if t != "" {
			return append(out, formToken{word: fold(string([]rune(t)[0])), censored: true})
		}
	}
	for part := range eachWord(dashes.Replace(w)) {
		f := part.folded
		raw := strings.ToLower(strings.ReplaceAll(part.text, "’", "'"))
		if base, ok := strings.CutSuffix(raw, "'s"); ok && isContractedIs[base] {
			// "it's" and "it is": fold drops the "'s" as a possessive's.
			out = append(out, formToken{word: base, person: personForms[base]}, formToken{word: "is"})
			continue
		}
		if full, ok := contractions[strings.ReplaceAll(f, "’", "'")]; ok {
			// "I'd" and "I would", "we're" and "we are": one wording.
			for _, x := range strings.Fields(full) {
				out = append(out, formToken{word: x, article: optionalWords[x], person: personForms[x]})
			}
			continue
		}
		if v, ok := numberWords()[f]; ok {
			f = strconv.FormatFloat(v, 'f', -1, 64)
		}
		t := formToken{word: f, article: optionalWords[f], person: personForms[f]}
		if isCapitalised(part.text) {
			t.name = nameKey(f) // "Qaddafi" and "Gadhafi", "Muammar" and "Moammar": one name
		}
		out = append(out, t)
	}
	return out
}

// joinMark stands between the parts of a statement a cue split, in the
// joined words of a quotation unit.
const joinMark = " ⁞ "

// dashes are the marks that join or part words and say nothing: hyphens
// and the dashes of every width.
var dashes = strings.NewReplacer("-", " ", "—", " ", "–", " ", "―", " ", "‒", " ")

// optionalWords are the small words a copy may drop without changing what
// was said: the articles, and "that" before a clause ("he said that it").
var optionalWords = toSet(`a an the that al el`)

// contractions are written out, so that a copy that spells a contraction
// out reads the same.
var contractions = map[string]string{
	"i'd": "i would", "i'm": "i am", "i've": "i have", "i'll": "i will", "you're": "you are", "you've": "you have",
	"we're": "we are", "we've": "we have", "we'll": "we will", "we'd": "we would", "they're": "they are",
	"they've": "they have", "they'll": "they will", "they'd": "they would", "he'll": "he will", "he'd": "he would",
	"she'll": "she will", "she'd": "she would", "it'll": "it will", "that'll": "that will",
	"don't": "do not", "doesn't": "does not", "didn't": "did not", "isn't": "is not", "aren't": "are not",
	"wasn't": "was not", "weren't": "were not", "won't": "will not", "wouldn't": "would not", "can't": "can not",
	"cannot": "can not", "couldn't": "could not", "shouldn't": "should not", "haven't": "have not", "hasn't": "has not",
	"hadn't": "had not", "let's": "let us",
}

// isContractedIs are the words whose "'s" is "is", not a possessive.
var isContractedIs = toSet(`it that there here what who he she where how`)

// personForms pairs the pronouns of the first person with those of the
// third, for a paraphrase inside quotation marks ("I will" for "he will").
var personForms = map[string]string{
	"i": "1s", "he": "1s", "she": "1s", "me": "1o", "him": "1o", "her": "1o",
	"my": "1p", "his": "1p", "we": "1pl", "they": "1pl", "us": "1plo", "them": "1plo",
	"our": "1plp", "their": "1plp", "i'm": "1be", "he's": "1be", "she's": "1be",
}

// sameToken says whether two form tokens are one word in another form, and
// which form.
func sameToken(a, b formToken) (bool, string) {
	switch {
	case a.word == b.word:
		return true, ""
	case a.name != "" && a.name == b.name:
		return true, "the spelling of a name"
	case a.censored && strings.HasPrefix(b.word, a.word), b.censored && strings.HasPrefix(a.word, b.word):
		return true, "a censored word"
	case a.person != "" && a.person == b.person:
		return true, "the person of a paraphrase"
	}
	return false, ""
}

// sameTokenOK is sameToken's answer alone, without copying the tokens.
func sameTokenOK(a, b *formToken) bool {
	ok, _ := sameToken(*a, *b)
	return ok
}

// formMatch aligns two quotations' form tokens and reports whether they
// differ only in form, with the forms that differ; excerpt reports that one
// holds only part of the other (at its ends, or where an ellipsis stands).
func formMatch(a, b []formToken) (same, excerpt bool, forms []string) {
	// One cut from the other word for word: an excerpt.
	if contiguous(a, b) || contiguous(b, a) {
		return true, len(a) != len(b), nil
	}
	// Longest common subsequence over the tokens, articles and gaps aside.
	n, m := len(a), len(b)
	dp := make([][]int16, n+1)
	for i := range dp {
		dp[i] = make([]int16, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if ok, _ := sameToken(a[i], b[j]); ok && !a[i].gap && !b[j].gap {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	seen := map[string]bool{}
	add := func(f string) {
		if f != "" && !seen[f] {
			seen[f] = true
			forms = append(forms, f)
		}
	}
	// Walk the alignment: a word left out on one side must be droppable,
	// stand at an end (an excerpt), or fall where the other side has an
	// ellipsis. And only one side may have words the other lacks: when both
	// do, the two say it otherwise, not one more than the other.
	i, j := 0, 0
	matched := 0
	extraA, extraB, inner := 0, 0, 0
	wordsA, wordsB := map[string]bool{}, map[string]bool{}
	var leadA, leadB, trailA, trailB bool // words of one's own before the first match, after the last
	for i < n || j < m {
		if i < n && j < m && !a[i].gap && !b[j].gap {
			if ok, f := sameToken(a[i], b[j]); ok && dp[i][j] == dp[i+1][j+1]+1 {
				add(f)
				i++
				j++
				matched++
				continue
			}
		}
		if i < n && (j == m || dp[i+1][j] >= dp[i][j+1]) {
			switch {
			case a[i].gap:
				add("an ellipsis")
			case a[i].article:
				add("an article or an editor's word")
			default:
				extraA++
				wordsA[a[i].word] = true
				switch {
				case matched == 0:
					leadA = true
				case dp[i][j] == 0:
					trailA = true
				case !gapNear(b, j, a[i].word):
					inner++
				}
			}
			i++
			continue
		}
		switch {
		case b[j].gap:
			add("an ellipsis")
		case b[j].article:
			add("an article or an editor's word")
		default:
			extraB++
			wordsB[b[j].word] = true
			switch {
			case matched == 0:
				leadB = true
			case dp[i][j] == 0:
				trailB = true
			case !gapNear(a, i, b[j].word):
				inner++
			}
		}
		j++
	}
	// Both sides with words of their own: two cuts of one longer statement
	// when those words differ, one clause said two ways when they share
	// most of them ("we have to do it" against "we're going to do it").
	shared := 0
	for w := range wordsA {
		if wordsB[w] {
			shared++
		}
	}
	retold := len(wordsA) > 0 && len(wordsB) > 0 && (shared >= 2 || 2*shared >= min(len(wordsA), len(wordsB)))
	// Two cuts of one statement overlap: one starts earlier, the other ends
	// later. Both with words of their own at the start ("As the vice
	// president knows" against "I think the vice president knows"), or both
	// at the end, say it otherwise.
	if leadA && leadB || trailA && trailB {
		retold = true
	}
	same = inner == 0 && !retold && matched > 0
	return same, same && extraA+extraB > 0, forms
}

// gapNear reports an ellipsis at or just before position i of a side; at
// a join (where "he said" split a statement), only a filler ("and",
// "but") may stand in the other side's words.
func gapNear(ts []formToken, i int, w string) bool {
	for k := max(0, i-1); k <= i && k < len(ts); k++ {
		if ts[k].gap && (!ts[k].join || joinFillers[w]) {
			return true
		}
	}
	return false
}

// joinFillers are the words an outlet may drop or add where it splits a
// statement with its cue.
var joinFillers = toSet(`and but so also then now well`)

// contiguous reports that short's words stand in long one after another
// (articles and ellipses aside).
func contiguous(long, short []formToken) bool {
	// The content tokens by index, in buffers that stay on the stack for a
	// quotation of usual length: this runs for every pair of quotations.
	var lb, sb [64]int32
	l, s := contentAt(long, lb[:0]), contentAt(short, sb[:0])
	if len(s) == 0 || len(s) > len(l) {
		return false
	}
	for start := 0; start+len(s) <= len(l); start++ {
		ok := true
		for k := range s {
			if same, _ := sameToken(long[l[start+k]], short[s[k]]); !same {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// contentAt appends to buf the indices of the tokens that are neither gaps
// nor articles.
func contentAt(ts []formToken, buf []int32) []int32 {
	for i, t := range ts {
		if !t.gap && !t.article {
			buf = append(buf, int32(i))
		}
	}
	return buf
}

// commonRun is the length of the longest common subsequence of two form
// token lists, articles and ellipses aside: how much of one quotation the
// other says in the same order.
func commonRun(a, b []formToken) int {
	n, m := len(a), len(b)
	prev, cur := make([]int, m+1), make([]int, m+1)
	for i := n - 1; i >= 0; i-- {
		ai := &a[i]
		// A gap or an article matches nothing: its row is asked no
		// comparison (this table is most of a quotation pair's cost).
		skip := ai.gap || ai.article
		for j := m - 1; j >= 0; j-- {
			if !skip && (ai.word == b[j].word || sameTokenOK(ai, &b[j])) {
				cur[j] = prev[j+1] + 1
			} else {
				cur[j] = max(prev[j], cur[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[0]
}

// matchedRange is where two quotations' common words stand in the first:
// the first and the last of its tokens the longest common subsequence uses
// (-1, -1 when none).
func matchedRange(a, b []formToken) (lo, hi int) {
	n, m := len(a), len(b)
	dp := make([][]int16, n+1)
	for i := range dp {
		dp[i] = make([]int16, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if ok, _ := sameToken(a[i], b[j]); ok && !a[i].gap && !a[i].article {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	lo, hi = -1, -1
	for i, j := 0, 0; i < n && j < m; {
		if ok, _ := sameToken(a[i], b[j]); ok && !a[i].gap && !a[i].article && dp[i][j] == dp[i+1][j+1]+1 {
			if lo < 0 {
				lo = i
			}
			hi = i
			i++
			j++
			continue
		}
		if dp[i+1][j] >= dp[i][j+1] {
			i++
		} else {
			j++
		}
	}
	return lo, hi
}

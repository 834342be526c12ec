package compare

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// missingSpace() finds a full stop with no space after it between two words
// of a sentence ("defeat ISIS.The strikes"), a common typo that would make
// one word of two; "U.S." has one letter a side and is left alone.
var missingSpace = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(\p{L}{2,})\.(\p{Lu}\p{Ll})`) })

// splitRunOn puts the missing space back after a full stop; the regular
// expression only runs where a full stop stands between letters.
func splitRunOn(s string) string {
	for i := 2; i+2 < len(s); i++ {
		if s[i] == '.' && maybeLetter(s[i-1]) && maybeLetter(s[i-2]) && maybeUpper(s[i+1]) && maybeLetter(s[i+2]) {
			return missingSpace().ReplaceAllString(s, "$1. $2")
		}
	}
	return s
}

// maybeLetter and maybeUpper read one byte: an ASCII letter, or any byte of
// a longer character, which the regular expression then judges.
func maybeLetter(c byte) bool {
	return c >= utf8.RuneSelf || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func maybeUpper(c byte) bool { return c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' }

// wordDiff returns the word-level difference from a to b. Words are mapped to
// single runes so that the diff library (Myers' algorithm, as in
// diff-match-patch) works on words instead of characters.
func wordDiff(a, b string) []DiffOp {
	wa, wb := strings.Fields(splitRunOn(a)), strings.Fields(splitRunOn(b))
	ids := map[string]rune{}
	seen := map[string]rune{} // word as written → its rune: quotes repeat their words
	var vocab []string
	enc := func(ws []string) []rune {
		out := make([]rune, len(ws))
		for i, w := range ws {
			if r, ok := seen[w]; ok {
				out[i] = r
				continue
			}
			key := foldText(w)
			if key == "" {
				key = w
			}
			r, ok := ids[key]
			if !ok {
				r = rune(0xE000 + len(vocab)) // private use area: never a real character here
				ids[key] = r
				vocab = append(vocab, key)
			}
			out[i] = r
			seen[w] = r
		}
		return out
	}
	ra, rb := enc(wa), enc(wb)
	dmp := diffmatchpatch.New()
	var ops []DiffOp
	ia, ib := 0, 0
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		n := len([]rune(d.Text))
		var text []string
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			text = wa[ia : ia+n]
			ia += n
			ib += n
			ops = append(ops, DiffOp{Op: OpEqual, Text: strings.Join(text, " ")})
		case diffmatchpatch.DiffDelete:
			text = wa[ia : ia+n]
			ia += n
			ops = append(ops, DiffOp{Op: OpDelete, Text: strings.Join(text, " ")})
		case diffmatchpatch.DiffInsert:
			text = wb[ib : ib+n]
			ib += n
			ops = append(ops, DiffOp{Op: OpInsert, Text: strings.Join(text, " ")})
		}
	}
	return sameForms(ops)
}

// excerptDiff is wordDiff when one text is an excerpt of the other, much
// shorter: the shorter is set against the stretch of the longer that holds
// most of its words, and the rest of the longer is what the excerpt left
// out, at either end. A plain diff would spread the short one's words over
// the long one ("we'll win in the court" against "we'll end up in the
// court, and we'll win at the court": "end up" for "win", not "at" for
// "in").
func excerptDiff(a, b string) []DiffOp {
	wa, wb := strings.Fields(splitRunOn(a)), strings.Fields(splitRunOn(b))
	long, short, flip := wa, wb, false
	if len(wa) < len(wb) {
		long, short, flip = wb, wa, true
	}
	plain := wordDiff(a, b)
	if len(short) == 0 || float64(len(short)) > excerptShare*float64(len(long)) || changedWords(plain) <= 1 {
		return plain
	}
	fs := make([]string, len(short))
	for i, w := range short {
		fs[i] = foldText(w)
	}
	fl := make([]string, len(long))
	for i, w := range long {
		fl[i] = foldText(w)
	}
	inShort := map[string]bool{}
	for _, f := range fs {
		inShort[f] = true
	}
	// The stretch that keeps most of the excerpt's words in its order,
	// starting on one of them.
	n := min(len(long), len(short)+excerptSlack)
	best, bestAt := -1, 0
	for at := 0; at+n <= len(long); at++ {
		if !inShort[fl[at]] {
			continue
		}
		if hit := commonSubsequence(fl[at:at+n], fs); hit > best {
			best, bestAt = hit, at
		}
	}
	// It ends on a word of the excerpt too.
	lo, hi := bestAt, bestAt+n
	for lo < hi && !inShort[fl[lo]] {
		lo++
	}
	for hi > lo && !inShort[fl[hi-1]] {
		hi--
	}
	before := strings.Join(long[:lo], " ")
	window := strings.Join(long[lo:hi], " ")
	after := strings.Join(long[hi:], " ")
	var ops []DiffOp
	rest := OpDelete
	if flip {
		rest = OpInsert
		ops = wordDiff(strings.Join(short, " "), window)
	} else {
		ops = wordDiff(window, strings.Join(short, " "))
	}
	if before != "" {
		ops = append([]DiffOp{{Op: rest, Text: before}}, ops...)
	}
	if after != "" {
		ops = append(ops, DiffOp{Op: rest, Text: after})
	}
	// The reading with fewer words changed inside is the truer one.
	if changedWords(plain) <= changedWords(ops) {
		return plain
	}
	return ops
}

// commonSubsequence is the length of the longest common subsequence of two
// word lists.
func commonSubsequence(a, b []string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case cur[j] > prev[j+1]:
				cur[j+1] = cur[j]
			default:
				cur[j+1] = prev[j+1]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// sameForms makes equal a deletion and an insertion side by side that say
// the same words in another form ("I would" and "I'd", "they are" and
// "they're"): no word of the speaker's changed there.
func sameForms(ops []DiffOp) []DiffOp {
	var out []DiffOp
	for i := 0; i < len(ops); i++ {
		if i+1 < len(ops) && (ops[i].Op == OpDelete && ops[i+1].Op == OpInsert || ops[i].Op == OpInsert && ops[i+1].Op == OpDelete) &&
			formWords(ops[i].Text) == formWords(ops[i+1].Text) {
			a := ops[i]
			if a.Op == OpInsert {
				a = ops[i+1]
			}
			out = append(out, DiffOp{Op: OpEqual, Text: a.Text})
			i++
			continue
		}
		out = append(out, ops[i])
	}
	// Equal runs side by side are one.
	var merged []DiffOp
	for _, o := range out {
		if n := len(merged); n > 0 && o.Op == OpEqual && merged[n-1].Op == OpEqual {
			merged[n-1].Text += " " + o.Text
			continue
		}
		merged = append(merged, o)
	}
	return merged
}

// formWords is a text's words as formTokens reads them: contractions
// written out, number words as digits.
func formWords(s string) string {
	var ws []string
	for _, t := range formTokens(s) {
		if t.word != "" {
			ws = append(ws, t.word)
		}
	}
	return strings.Join(ws, " ")
}

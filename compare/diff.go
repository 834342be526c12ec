package compare

import (
	"regexp"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// missingSpace finds a full stop with no space after it between two words
// of a sentence ("defeat ISIS.The strikes"), a common typo that would make
// one word of two; "U.S." has one letter a side and is left alone.
var missingSpace = regexp.MustCompile(`(\p{L}{2,})\.(\p{Lu}\p{Ll})`)

// wordDiff returns the word-level difference from a to b. Words are mapped to
// single runes so that the diff library (Myers' algorithm, as in
// diff-match-patch) works on words instead of characters.
func wordDiff(a, b string) []DiffOp {
	wa, wb := strings.Fields(missingSpace.ReplaceAllString(a, "$1. $2")), strings.Fields(missingSpace.ReplaceAllString(b, "$1. $2"))
	ids := map[string]rune{}
	var vocab []string
	enc := func(ws []string) []rune {
		out := make([]rune, len(ws))
		for i, w := range ws {
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
			ops = append(ops, DiffOp{Op: "equal", Text: strings.Join(text, " ")})
		case diffmatchpatch.DiffDelete:
			text = wa[ia : ia+n]
			ia += n
			ops = append(ops, DiffOp{Op: "delete", Text: strings.Join(text, " ")})
		case diffmatchpatch.DiffInsert:
			text = wb[ib : ib+n]
			ib += n
			ops = append(ops, DiffOp{Op: "insert", Text: strings.Join(text, " ")})
		}
	}
	return ops
}

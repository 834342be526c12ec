package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// quoteAt is a quotation found in a paragraph, its span covering the words
// inside the marks.
type quoteAt struct {
	words      string
	start, end int
}

// quotations finds the quoted passages of a paragraph: text between “ and ”,
// between straight double quotes, or between ‘ and ’ where the ’ is not an
// apostrophe. Passages shorter than four words are scare quotes or titles,
// not quotations.
func quotations(text string) []quoteAt {
	var out []quoteAt
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		closer := rune(0)
		switch {
		case r == '“':
			closer = '”'
		case r == '"':
			closer = '"'
		case r == '‘' || r == '\'' && (i == 0 || !isWordRune(lastRune(text[:i]))):
			closer = r
			if r == '‘' {
				closer = '’'
			}
		}
		if closer == 0 {
			i += size
			continue
		}
		start := i + size
		end := findCloser(text, start, closer)
		if end < 0 {
			// A quotation that runs to the paragraph's end, as when it
			// goes on in the next paragraph.
			end = len(text)
		}
		inner := strings.TrimSpace(text[start:end])
		if len(strings.Fields(inner)) >= 4 {
			s := start + strings.Index(text[start:end], inner)
			out = append(out, quoteAt{words: inner, start: s, end: s + len(inner)})
		}
		if end == len(text) {
			break
		}
		_, csize := utf8.DecodeRuneInString(text[end:])
		i = end + csize
	}
	return out
}

// findCloser finds the closing mark; a ’ or ' between letters is an apostrophe.
func findCloser(text string, from int, closer rune) int {
	for j := from; j < len(text); {
		r, size := utf8.DecodeRuneInString(text[j:])
		if r == closer || closer == '”' && r == '"' {
			if (r == '’' || r == '\'') && j+size < len(text) {
				next, _ := utf8.DecodeRuneInString(text[j+size:])
				if isWordRune(next) && j > 0 && isWordRune(lastRune(text[:j])) {
					j += size
					continue
				}
			}
			return j
		}
		j += size
	}
	return -1
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// speakerOf finds who a paragraph's quotation is credited to: a name next to
// a reporting verb outside the quotation ("Kirby said", "said Kirby",
// "Pentagon Press Secretary John Kirby said in a statement"). It returns the
// name's last word, the surname by which news copy names people after the
// first mention, or "" with a pronoun or nothing.
func speakerOf(text string, quotes []quoteAt) string {
	outside := []byte(text)
	for _, q := range quotes {
		for k := q.start; k < q.end; k++ {
			outside[k] = ' '
		}
	}
	toks := words(string(outside))
	for i, tk := range toks {
		if !reportVerbs[tk.folded] {
			continue
		}
		// "Kirby said", "John Kirby, the spokesman, said": the capitalised
		// run just before.
		if name := nameBefore(toks, i); name != "" {
			return name
		}
		// "said Kirby", "said the Syrian Observatory".
		for j := i + 1; j < len(toks) && j <= i+4; j++ {
			if isCapitalised(toks[j].text) && !isStop(toks[j].folded) {
				k := j
				for k+1 < len(toks) && isCapitalised(toks[k+1].text) {
					k++
				}
				return toks[k].text
			}
		}
	}
	return ""
}

func nameBefore(toks []token, i int) string {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		w := toks[j].text
		if isCapitalised(w) && !isStop(fold(w)) && unicode.IsLetter([]rune(w)[0]) {
			return w
		}
		if !isStop(fold(w)) && fold(w) != "also" {
			return ""
		}
	}
	return ""
}

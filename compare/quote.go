package compare

import (
	"strings"
	"unicode/utf8"
)

// quoteAt is a quotation found in a paragraph, its span covering the words
// inside the marks.
type quoteAt struct {
	words      string
	start, end int
	// open marks a quotation that runs to the paragraph's end with no
	// closing mark: news copy goes on with it in the next paragraph.
	open bool
}

// quotations finds the quoted passages of a paragraph: text between “ and ”,
// between straight double quotes, or between ‘ and ’ (or straight single
// quotes) where the closing mark is not an apostrophe. continued says the
// paragraph before left a quotation open: its words go on here up to the
// first closing mark, though no mark opens them.
func quotations(text string, continued bool) []quoteAt {
	var out []quoteAt
	i := 0
	if continued && !strings.HasPrefix(text, "“") && !strings.HasPrefix(text, "\"") {
		if end := strings.IndexAny(text, "”\""); end > 0 {
			inner := strings.TrimSpace(text[:end])
			if inner != "" && hasLetter(inner) {
				s := strings.Index(text, inner)
				out = append(out, quoteAt{words: inner, start: s, end: s + len(inner)})
			}
			_, size := utf8.DecodeRuneInString(text[end:])
			i = end + size
		}
	}
	for i < len(text) {
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
		open := end < 0
		if open {
			if closer != '”' && closer != '"' {
				i += size // a lone single mark is an apostrophe or a prime
				continue
			}
			end = len(text)
		}
		inner := strings.TrimSpace(text[start:end])
		if inner != "" && hasLetter(inner) {
			s := start + strings.Index(text[start:end], inner)
			out = append(out, quoteAt{words: inner, start: s, end: s + len(inner), open: open})
		}
		if end == len(text) {
			break
		}
		_, csize := utf8.DecodeRuneInString(text[end:])
		i = end + csize
	}
	return out
}

func hasLetter(s string) bool {
	for _, r := range s {
		if isWordRune(r) && !('0' <= r && r <= '9') {
			return true
		}
	}
	return false
}

// findCloser finds the closing mark; a ’ or ' between letters is an apostrophe.
func findCloser(text string, from int, closer rune) int {
	for j := from; j < len(text); {
		r, size := utf8.DecodeRuneInString(text[j:])
		if r == closer || closer == '”' && r == '"' || closer == '"' && r == '”' {
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

func insideQuote(qs []quoteAt, start, end int) bool {
	for _, q := range qs {
		if start >= q.start && end <= q.end {
			return true
		}
	}
	return false
}

// outsideQuotes is the text with every quotation's words blanked, so that
// the words around them can be read at their offsets.
func outsideQuotes(text string, qs []quoteAt) string {
	if len(qs) == 0 {
		return text
	}
	b := []byte(text)
	for _, q := range qs {
		for k := q.start; k < q.end; k++ {
			if b[k] < utf8.RuneSelf {
				b[k] = ' '
			} else {
				b[k] = '_' // keeps the byte count; never a word of its own
			}
		}
	}
	return string(b)
}

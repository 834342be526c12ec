package compare

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// token is one word of a text with its byte span.
type token struct {
	text       string // as written
	folded     string // fold(text), made once: most rules read it
	start, end int
}

// words splits text into words: letters and digits, with inner apostrophes,
// hyphens, periods and commas kept when letters or digits stand on both sides
// ("Kata'ib", "Iran-backed", "U.S", "2,500", "5.9").
func words(text string) []token {
	out := make([]token, 0, len(text)/6)
	for w := range eachWord(text) {
		out = append(out, w)
	}
	return out
}

// eachWord yields the words of text one by one, as words returns them, for
// the readers that need no slice of them.
func eachWord(text string) iter.Seq[token] {
	return func(yield func(token) bool) {
		for i := 0; ; {
			start, end := nextWord(text, i)
			if start < 0 || !yield(token{text: text[start:end], folded: fold(text[start:end]), start: start, end: end}) {
				return
			}
			i = end
		}
	}
}

// nextWord is the span of the first word of text at or after byte i (a
// word's end, or a rune's start), or a start of -1 when none is left: the
// words of eachWord, for a reader that needs neither their folded forms
// nor tokens.
func nextWord(text string, i int) (start, end int) {
	start = -1
	for i < len(text) {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		inner := false
		if start >= 0 && isJoiner(r) && i+size < len(text) {
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			prev, _ := utf8.DecodeLastRuneInString(text[:i])
			inner = isWordRune(next) && isWordRune(prev) && (r != ',' || unicode.IsDigit(prev) && unicode.IsDigit(next))
		}
		switch {
		case isWordRune(r) || inner:
			if start < 0 {
				start = i
			}
		case start >= 0:
			return start, i
		}
		i += size
	}
	if start >= 0 {
		return start, len(text)
	}
	return -1, len(text)
}

// isJoiner reports a mark that may stand inside a word ("Kata'ib",
// "Iran-backed", "U.S", "2,500").
func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '.', ',':
		return true
	}
	return false
}

// isWordRuneAt reports the rune at byte i of text a word rune.
func isWordRuneAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isWordRune(r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// fold is the comparison key of a word: lower case, typographic apostrophes
// and inner periods gone ("U.S." and "US" fold alike), possessive dropped.
func fold(w string) string {
	// Most words are plain ASCII with no apostrophe or period: lower case
	// is all they need, and this runs for every word the engine reads.
	upper := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || c == '\'' || c == '.' {
			return foldSlow(w)
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if !upper {
		return w
	}
	b := []byte(w)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// foldSlow is fold for words with other letters, apostrophes or periods.
func foldSlow(w string) string {
	w = strings.ToLower(w)
	w = strings.ReplaceAll(w, "’", "'")
	if strings.Contains(w, ".") && !strings.ContainsAny(w, "0123456789") {
		w = strings.ReplaceAll(w, ".", "") // "U.S" and "US" alike; "5.9" stays a decimal
	}
	w = strings.TrimSuffix(w, "'s")
	return w
}

// stem folds a word and reduces it to its Porter2 stem, so that "strikes",
// "struck" stay apart but "strikes", "strike" meet.
func stem(w string) string {
	f := fold(w)
	if len(f) <= 3 {
		return f
	}
	return english.Stem(f, false)
}

// stemmer remembers the stems it made: news copy repeats its words, and
// stemming is a good part of the engine's time. shared is the
// comparison's table, made while the articles were prepared and read-only
// afterwards; own holds what one goroutine stems besides. One per
// goroutine.
type stemmer struct {
	shared map[string]string
	own    map[string]string
}

// newStemmer makes a goroutine's stemmer over a comparison's table (nil
// for none).
func newStemmer(shared map[string]string) *stemmer {
	return &stemmer{shared: shared, own: map[string]string{}}
}

func (c *stemmer) stem(w string) string {
	if s, ok := c.shared[w]; ok {
		return s
	}
	if s, ok := c.own[w]; ok {
		return s
	}
	s := stem(w)
	c.own[w] = s
	return s
}

// isStop reports a word that says nothing about a topic.
func isStop(folded string) bool { return stopwords()[folded] }

// isCapitalised reports a word written with a capital first letter.
func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// foldText is the comparison key of a whole text: words folded and joined by
// single spaces, so that quotes differing only in marks, dashes, case or
// "U.S." against "US" compare equal.
func foldText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for w := range eachWord(s) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.folded)
	}
	return b.String()
}

// remembered is f with its results remembered, for one caller's goroutine.
func remembered(f func(string) string) func(string) string {
	seen := map[string]string{}
	return func(s string) string {
		if v, ok := seen[s]; ok {
			return v
		}
		v := f(s)
		seen[s] = v
		return v
	}
}

// byFirstByte indexes lower-case ASCII words by their first byte.
func byFirstByte(words []string) (by [256][]string) {
	for _, w := range words {
		by[w[0]] = append(by[w[0]], w)
	}
	return by
}

// containsFolded reports whether strings.ToLower(text) contains one of the
// words by (lower-case ASCII letters, byFirstByte), without lowering the
// text: a rune past ASCII lowers to no ASCII letter, but for the dotted
// capital I (i) and the Kelvin sign (k), which the caller looks for when
// its words hold either letter.
func containsFolded(text string, by *[256][]string) bool {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		for _, w := range by[c] {
			if len(text)-i >= len(w) && equalFoldASCII(text[i:i+len(w)], w) {
				return true
			}
		}
	}
	return false
}

// equalFoldASCII: s, its ASCII letters lowered, is w (lower-case ASCII
// letters).
func equalFoldASCII(s, w string) bool {
	for j := 0; j < len(w); j++ {
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[j] {
			return false
		}
	}
	return true
}

package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/sentences"
)

// SplitSentences splits a paragraph into sentences, as byte spans without
// surrounding white space. Unicode's sentence boundaries (UAX #29) give the
// candidates; a candidate after an abbreviation ("Gen.", "Sept. 11", "D.C."),
// an initial ("John F. Kennedy") or an ellipsis is taken back unless the next
// word plainly starts a sentence. Quotation marks that close a sentence stay
// with it, so a quotation that runs over several sentences splits at each of
// its sentence ends.
func SplitSentences(text string) []Sentence {
	if oneSentence(text) {
		if s, e := trimSpan(text, 0, len(text)); s < e {
			return []Sentence{{Start: s, End: e}}
		}
		return nil
	}
	return splitUAX(text)
}

// splitUAX is SplitSentences by the iterator, for any text.
func splitUAX(text string) []Sentence {
	var spans []Sentence
	it := sentences.FromString(text)
	for it.Next() {
		s, e := trimSpan(text, it.Start(), it.End())
		if s == e {
			continue
		}
		if n := len(spans); n > 0 && joinsNext(text[spans[n-1].Start:spans[n-1].End], text[s:e]) {
			spans[n-1].End = e
			continue
		}
		spans = append(spans, Sentence{Start: s, End: e})
	}
	return spans
}

// oneSentence reports ASCII text in which UAX #29 finds no boundary but its
// end: no line break, and no full stop, question or exclamation mark but
// those that end it (perhaps followed by closing quotes, brackets and
// spaces). Such is a headline, a caption, a line of one sentence; the
// iterator need not be run on it. (In ASCII those three marks are the only
// sentence terminators, and CR and LF the only separators.)
func oneSentence(text string) bool {
	// From the end: spaces, then closing quotes and brackets, then the
	// marks (UAX #29's STerm|ATerm Close* Sp*, read backwards).
	end := len(text)
	for end > 0 && strings.IndexByte(" \t\v\f", text[end-1]) >= 0 {
		end--
	}
	for end > 0 && strings.IndexByte("\"'()[]{}", text[end-1]) >= 0 {
		end--
	}
	for end > 0 && strings.IndexByte(".!?", text[end-1]) >= 0 {
		end--
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= 0x80 || c == '\n' || c == '\r' || i < end && (c == '.' || c == '!' || c == '?') {
			return false
		}
	}
	return true
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= size
	}
	return s, e
}

// joinsNext reports whether the boundary between prev and next is false: prev
// ends in an abbreviation or initial that the next words continue.
func joinsNext(prev, next string) bool {
	if !strings.HasSuffix(prev, ".") {
		return false
	}
	last := lastWord(prev[:len(prev)-1])
	first := firstWord(next)
	if last == "" || first == "" {
		return false
	}
	key := strings.ToLower(last)
	startsNumber := first[0] >= '0' && first[0] <= '9'
	starter := sentenceStarters()[strings.ToLower(strings.Trim(first, `"'“‘(`))]
	switch {
	case strings.HasSuffix(prev, "..."):
		return false // "..." ends a sentence when UAX #29 says so
	case numberAbbrevs()[key] && startsNumber:
		return true
	case titleAbbrevs()[key] && key != "no":
		return true
	case isInitial(last):
		return !starter
	case placeAbbrevs()[key] || isDotted(last):
		return !starter
	}
	return false
}

// lastWord returns the word before the end of s, keeping inner periods
// ("U.S", "p.m").
func lastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`("'“‘[`, r)
	})
	return s[i+1:]
}

func firstWord(s string) string {
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}

// isInitial is one capital letter: "F" in "John F. Kennedy".
func isInitial(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && unicode.IsUpper(r)
}

// isDotted is an abbreviation with inner periods of short parts: "U.S", "a.m", "Ph.D".
func isDotted(w string) bool {
	if !strings.Contains(w, ".") {
		return false
	}
	for _, part := range strings.Split(w, ".") {
		if part == "" || utf8.RuneCountInString(part) > 2 {
			return false
		}
		for _, r := range part {
			if !unicode.IsLetter(r) {
				return false
			}
		}
	}
	return true
}

package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The shape of a paragraph, measured the same way in every script: a
// headline is short and does not end as a sentence does, whether its words
// are separated by spaces or not, and whether its full stop is "." or "。".

// wordUnits counts the words of text in a way that holds across scripts: a
// run of letters or digits is one word in scripts that separate words by
// spaces; in those that do not (Chinese, Japanese kana and kanji, Thai,
// Lao, Khmer, Myanmar), each character counts as one, about what a word of
// a spaced script weighs in a line.
func wordUnits(text string) int { return wordUnitsUpTo(text, len(text)) }

// wordUnitsUpTo is wordUnits, but stops counting past limit (it returns
// limit+1 then): asking whether a paragraph is short need not count all of
// a long one's words.
func wordUnitsUpTo(text string, limit int) int {
	n := 0
	in := 0 // 1 inside a word
	for i := 0; i < len(text) && n <= limit; {
		// ASCII, most of any text, is told by a table: its letters and
		// digits are the only ones unicode.IsLetter and IsDigit know there,
		// and it holds no mark and no unspaced script. It is counted
		// without a branch: a word's end is where a branch on every byte
		// is mispredicted, which cost 5 ns a byte.
		if c := text[i]; c < utf8.RuneSelf {
			i++
			t := int(asciiWord[c])
			word, inner := t&wordByte, t&innerByte>>1
			n += word &^ in
			in = word | inner&in
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case unspaced(r):
			n++
			in = 0
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			n += 1 &^ in
			in = 1
		case r == '’':
			// inside a word, as the ASCII apostrophe is
		default:
			in = 0
		}
	}
	return n
}

// What an ASCII byte is to wordUnits, as bits: part of a word (a letter or
// digit), a mark inside one ("don't", "well-known", "U.S."), or neither (0).
const (
	wordByte  = 1
	innerByte = 2
)

var asciiWord = func() (t [utf8.RuneSelf]byte) {
	for c := range utf8.RuneSelf {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			t[c] = wordByte
		case c == '\'' || c == '-' || c == '.':
			t[c] = innerByte
		}
	}
	return t
}()

// unspaced reports a letter of a script written without spaces between words.
func unspaced(r rune) bool {
	// The test below U+0E00 (Thai, the first of these scripts) is all most
	// text needs, and small enough to be inlined into the loops that ask
	// it of every character.
	return r >= 0x0E00 && unspacedScript(r)
}

func unspacedScript(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai,
		unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

// lastRune is the last character of text that is not white space, a closing
// quotation mark or a closing bracket, in any script: the character that
// says how the text ends.
func lastRune(text string) rune {
	t := strings.TrimRightFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.In(r, unicode.Pe, unicode.Pf) || r == '"' || r == '\'' ||
			r == '»' || r == '›' || r == '」' || r == '』'
	})
	if t == "" {
		return utf8.RuneError
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return r
}

// terminated reports whether text ends as a sentence does: with a full stop,
// question or exclamation mark of any script (Unicode's Sentence_Terminal:
// ".", "。", "।", "؟"...), a colon, a semicolon or an ellipsis, perhaps
// followed by a closing quotation mark or bracket.
func terminated(text string) bool {
	r := lastRune(text)
	return unicode.Is(unicode.Sentence_Terminal, r) || strings.ContainsRune(":;…：；", r)
}

// endsWithStop reports text ending in a full stop or exclamation mark of any
// script, not a question mark, colon or semicolon: the end of a statement.
func endsWithStop(text string) bool {
	r := lastRune(text)
	return unicode.Is(unicode.Sentence_Terminal, r) && !strings.ContainsRune("?？؟;", r) || r == '…'
}

// continued reports text cut off mid-sentence: a trailing comma of any script
// or a dash, which is neither a headline nor a caption.
func continued(text string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(text))
	return strings.ContainsRune(",，、،-–—", r)
}

// startsLower reports text whose first letter is a lower-case one. Scripts
// without case never start lower.
func startsLower(text string) bool {
	for _, r := range text {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
		if !unicode.IsPunct(r) {
			return false
		}
	}
	return false
}

// headlineShaped reports a line short enough for a headline or subheading that
// does not end as a sentence: at most maxHeadlineWords words (counted as
// wordUnits does) and maxHeadlineRunes characters, neither terminated nor cut
// off by a comma.
func headlineShaped(text string) bool {
	return len(text) <= utf8.UTFMax*maxHeadlineRunes && // longer has more characters than that, whatever they are
		wordUnitsUpTo(text, maxHeadlineWords) <= maxHeadlineWords && utf8.RuneCountInString(text) <= maxHeadlineRunes &&
		!terminated(text) && !continued(text)
}

// proseShaped reports a heading that is a sentence of news rather than a
// title: a lede or standfirst set in a heading tag. It ends with a full stop
// and is longer than headlines run.
func proseShaped(text string) bool {
	return endsWithStop(text) && wordUnits(text) >= minLedeWords
}

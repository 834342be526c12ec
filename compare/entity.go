package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// keyLetters is a name's letters and digits, lowered, accents off. Names
// are mostly ASCII: they are read byte by byte, without decomposing.
func keyLetters(name string) string {
	b := make([]byte, 0, len(name))
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= utf8.RuneSelf:
			var sb strings.Builder
			for _, r := range decompose(strings.ToLower(name)) {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					sb.WriteRune(r)
				}
			}
			return sb.String()
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			b = append(b, c)
		}
	}
	return string(b)
}

// nameKey folds the spellings of one name together: case, accents,
// apostrophes, hyphens and spaces go; the consonant pairs and doubled
// letters of transliteration fold ("dh" and "d", "q", "g" and "k" as in
// Qadhafi, Gaddafi, Kadafi); vowels after the first letter go, since
// transliterations of Arabic, Persian and Slavic names differ most in them
// (Hezbollah, Hizbullah; Kyiv, Kiev; Kata'ib, Kait'ib). Two names with one
// key are one entity unless one article writes both (see canonicalNames).
func nameKey(name string) string {
	s := keyLetters(name)
	if s == "" {
		return ""
	}
	s = transliterate(s)
	// The number of vowel groups keeps a name from its demonym and from
	// other words of one skeleton: Iran (2) and Iranian (3), Kyiv and Kiev (1).
	groups, inVowel := 0, false
	for i := 0; i < len(s); i++ {
		v := isVowel(s[i])
		if v && !inVowel {
			groups++
		}
		inVowel = v
	}
	out := make([]byte, 0, len(s)+1)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i > 0 && isVowel(c) {
			continue
		}
		if len(out) > 0 && out[len(out)-1] == c {
			continue
		}
		out = append(out, c)
	}
	return string(append(out, byte('0'+min(groups, 9))))
}

// isVowel: a, e, i, o or u (nameKey's letters are folded and transliterated).
func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// transliterate folds the letters of transliteration byte by byte: the pairs dh th kh gh ph ck and ou
// fold to d t k g f k u, then q g c to k, w to v and y to i, each position
// trying the pairs first, as a strings.Replacer of that list in that order
// would. Written out because nameKey runs for every name of every sentence
// and the replacer's general search was a twentieth of the comparison;
// TestTransliterate holds it to the replacer.
func transliterate(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		next := byte(0)
		if i+1 < len(s) {
			next = s[i+1]
		}
		switch {
		case next == 'h' && (c == 'd' || c == 't' || c == 'k' || c == 'g'):
			b = append(b, c)
			i++
		case next == 'h' && c == 'p':
			b = append(b, 'f')
			i++
		case c == 'c' && next == 'k':
			b = append(b, 'k')
			i++
		case c == 'q' || c == 'g' || c == 'c':
			b = append(b, 'k')
		case c == 'o' && next == 'u':
			b = append(b, 'u')
			i++
		case c == 'w':
			b = append(b, 'v')
		case c == 'y':
			b = append(b, 'i')
		default:
			b = append(b, c)
		}
	}
	return string(b)
}

// decompose splits accented letters from their marks (NFD), so that the
// marks can be dropped; ASCII, most names, needs nothing.
func decompose(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return norm.NFD.String(s)
		}
	}
	return s
}

// nameAt is a name found in a sentence, its span relative to the sentence.
type nameAt struct {
	text       string
	start, end int
}

// names finds the capitalised runs of a sentence: a word that opens the
// sentence counts only when a capitalised word follows it or it is not a
// common word ("The", "In"). Model names with digits ("F-16s") are names.
func names(text string) []nameAt { return namesOf(text, words(text)) }

// namesOf is names with the sentence's words already split.
func namesOf(text string, toks []token) []nameAt {
	// Gathered here and copied once at their number: a sentence names a
	// few, and appending grew the table two or three times for each.
	var room [8]nameAt
	out := room[:0]
	for i := 0; i < len(toks); i++ {
		if !isNameWord(toks[i].text) {
			continue
		}
		j := i
		for j+1 < len(toks) {
			next := toks[j+1]
			gap := text[toks[j].end:next.start]
			if strings.ContainsAny(gap, ",;:()\"“”—–") {
				break
			}
			if isNameWord(next.text) {
				j++
				continue
			}
			// A connector inside a name, followed by a capitalised word.
			if nameConnectors()[strings.ToLower(next.text)] && j+2 < len(toks) && isNameWord(toks[j+2].text) {
				j += 2
				continue
			}
			break
		}
		first := toks[i].folded // fold of its text, as split
		opener := i == 0 && (isStop(first) || sentenceOpeners()[first])
		if opener && j == i {
			continue
		}
		start := toks[i].start
		if opener {
			start = toks[i+1].start // "The Pentagon" is "Pentagon"
		}
		out = append(out, nameAt{text: text[start:toks[j].end], start: start, end: toks[j].end})
		i = j
	}
	if len(out) == 0 {
		return nil
	}
	names := make([]nameAt, len(out))
	copy(names, out)
	return names
}

// isNameWord is a capitalised word or a model designation ("F-16s").
func isNameWord(w string) bool {
	if strings.IndexByte(w, '-') < 0 {
		return isCapitalised(w) // most words: none of the hyphen's cases below
	}
	if i := strings.LastIndex(w, "-"); i > 0 && i+1 < len(w) && !isCapitalised(w[i+1:]) && !unicode.IsDigit(rune(w[i+1])) {
		return false // "Iran-backed", "U.K.-based": an adjective
	}
	if isCapitalised(w) {
		return true
	}
	if pre, rest, ok := strings.Cut(w, "-"); ok && nameConnectors()[strings.ToLower(pre)] && isCapitalised(rest) {
		return true // "al-Shuhada"
	}
	hasDigit, hasLetter := false, false
	for _, r := range w {
		hasDigit = hasDigit || unicode.IsDigit(r)
		hasLetter = hasLetter || unicode.IsLetter(r)
	}
	return hasDigit && hasLetter && strings.Contains(w, "-")
}

// itemKey folds a model designation's plural and a possessive: "F-15s" is "F-15".
func itemKey(name string) string {
	n := strings.TrimSpace(name)
	if len(n) > 2 && n[len(n)-1] == 's' && unicode.IsDigit(rune(n[len(n)-2])) {
		n = n[:len(n)-1]
	}
	if strings.HasSuffix(n, "’s") || strings.HasSuffix(n, "'s") {
		n = strings.TrimSuffix(strings.TrimSuffix(n, "’s"), "'s")
	}
	return nameKey(n)
}

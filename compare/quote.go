package compare

import (
	"sort"
	"strings"

	"github.com/parallax-news/parallax/loader"
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

// speakerOf finds who a paragraph's quotation is credited to: the name at
// the reporting verb nearest the first quotation, outside any quotation
// ("Kirby said", "said Kirby", "Pentagon Press Secretary John Kirby said in
// a statement"). A person is named by surname, as news copy names people
// after the first mention; an organisation by its whole name. It reports a
// pronoun or "the statement read" instead, whose speaker is the one before.
func speakerOf(p loader.Paragraph, quotes []quoteAt) (string, bool) {
	text := p.Text
	outside := []byte(text)
	for _, q := range quotes {
		for k := q.start; k < q.end; k++ {
			outside[k] = ' '
		}
	}
	plain := string(outside)
	toks := words(plain)
	ns := names(plain)
	anchor := quotes[0]
	// Reporting verbs, nearest the quotation first.
	var verbs []int
	for i, tk := range toks {
		if reportVerbs()[tk.folded] || tk.folded == "read" && i > 0 && toks[i-1].folded == "statement" {
			verbs = append(verbs, i)
		}
	}
	dist := func(i int) int {
		t := toks[i]
		switch {
		case t.end <= anchor.start:
			return anchor.start - t.end
		case t.start >= anchor.end:
			return t.start - anchor.end
		}
		return 0
	}
	// The quotation's own sentence first: "She added" after Pelosi's words
	// is the next sentence's, and "However, SANA claimed" too.
	sentence := loader.Sentence{Start: 0, End: len(text)}
	for _, s := range p.Sentences {
		if anchor.start >= s.Start && anchor.start < s.End {
			sentence = s
		}
	}
	own := func(i int) bool { return toks[i].start >= sentence.Start && toks[i].end <= sentence.End }
	sort.SliceStable(verbs, func(a, b int) bool {
		if own(verbs[a]) != own(verbs[b]) {
			return own(verbs[a])
		}
		return dist(verbs[a]) < dist(verbs[b])
	})
	for _, i := range verbs {
		if i > 0 && pronouns[toks[i-1].folded] || toks[i].folded == "read" {
			return "", true
		}
		if i+1 < len(toks) && pronouns[toks[i+1].folded] {
			return "", true // "said he"
		}
		if name := nameBefore(toks, i); name != "" {
			return speakerName(ns, name), false
		}
		// "said Kirby", "said the Syrian Observatory".
		for _, n := range ns {
			if n.start >= toks[i].end && n.start-toks[i].end <= 6 {
				return speakerName(ns, n.text), false
			}
		}
	}
	return "", false
}

var pronouns = toSet(`he she they it`)

// creditName names a credited source as a speaker: a person by surname, an
// organisation by its name, a described source ("a US defence official")
// as written.
func creditName(c string) string {
	if f := strings.ToLower(c); strings.HasPrefix(f, "a ") || strings.HasPrefix(f, "an ") || strings.HasPrefix(f, "the ") {
		return c
	}
	return speakerName(nil, c)
}

// speakerName names a speaker: a person by surname, an organisation by its
// whole name. word is the name or one word of it as found.
func speakerName(ns []nameAt, word string) string {
	full := word
	for _, n := range ns {
		if strings.Contains(" "+n.text+" ", " "+word+" ") || n.text == word {
			full = n.text
			break
		}
	}
	full = stripTitlesOr(full)
	ws := strings.Fields(full)
	if len(ws) > 1 && isPersonLike(ws) {
		return ws[len(ws)-1]
	}
	return full
}

func nameBefore(toks []token, i int) string {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		w := toks[j].text
		if isCapitalised(w) && !isStop(toks[j].folded) && unicode.IsLetter([]rune(w)[0]) {
			return w
		}
		if !isStop(toks[j].folded) && toks[j].folded != "also" {
			return ""
		}
	}
	return ""
}

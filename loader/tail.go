package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The rules in this file look at a paragraph beside its neighbours, which
// the kind rules, seeing one paragraph at a time, cannot.

// markTail types the note about the author among the last paragraphs of an
// article as boilerplate: the closing lines after sign-offs and credits,
// where such a note stands ("Jane Doe has covered Iran since 2012.").
func markTail(ps []Paragraph) {
	seen := 0
	for i := len(ps) - 1; i >= 0 && seen < bioTail; i-- {
		p := &ps[i]
		if p.Kind != KindBody && p.Kind != KindSubheading {
			continue
		}
		seen++
		if isAuthorBio(p.Text) {
			p.Kind = KindBoilerplate
		}
	}
}

// markPullQuotes types as boilerplate a short body paragraph of one sentence
// that repeats words of a paragraph near it: a pull quote, which a page sets in large type
// beside the text it quotes, and which would make the article say the same
// thing twice. A paragraph is a pull quote when nearly all its word
// sequences (pullQuoteGram words long) occur in a longer body paragraph
// within pullQuoteWindow paragraphs of it.
func markPullQuotes(ps []Paragraph) {
	// The candidates and their word sequences, each marked when found
	// elsewhere. Each paragraph's words are computed once, so the cost is
	// linear in the article's length.
	type candidate struct {
		i     int
		grams map[string]bool
	}
	var cands []candidate
	for i, p := range ps {
		if p.Kind != KindBody {
			continue
		}
		ws := foldedWords(p.Text)
		if len(ws) < minPullQuoteWords || len(ws) > maxPullQuoteWords || !startsAsProse(p.Text) ||
			len(p.Sentences) > 1 {
			continue
		}
		grams := map[string]bool{}
		for j := 0; j+pullQuoteGram <= len(ws); j++ {
			grams[strings.Join(ws[j:j+pullQuoteGram], " ")] = false
		}
		cands = append(cands, candidate{i, grams})
	}
	if len(cands) == 0 {
		return
	}
	first := 0 // the first candidate within the window of paragraph j
	for j, p := range ps {
		for first < len(cands) && cands[first].i < j-pullQuoteWindow {
			first++
		}
		var near []candidate
		for _, c := range cands[first:] {
			if c.i > j+pullQuoteWindow {
				break
			}
			if c.i != j && len(ps[c.i].Text) < len(p.Text) {
				near = append(near, c)
			}
		}
		if len(near) == 0 || p.Kind != KindBody {
			continue
		}
		ns := foldedWords(p.Text)
		for k := 0; k+pullQuoteGram <= len(ns); k++ {
			g := strings.Join(ns[k:k+pullQuoteGram], " ")
			for _, c := range near {
				if _, ok := c.grams[g]; ok {
					c.grams[g] = true
				}
			}
		}
	}
	for _, c := range cands {
		found := 0
		for _, ok := range c.grams {
			if ok {
				found++
			}
		}
		if found*10 >= len(c.grams)*pullQuoteShare {
			ps[c.i].Kind = KindBoilerplate
		}
	}
}

// foldedWords splits text into lower-case words, each character of an
// unspaced script a word of its own.
func foldedWords(text string) []string {
	var out []string
	start := -1
	for i, r := range text {
		switch {
		case unspaced(r):
			if start >= 0 {
				out = append(out, strings.ToLower(text[start:i]))
				start = -1
			}
			out = append(out, string(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '’' || r == '\'':
			if start < 0 {
				start = i
			}
		default:
			if start >= 0 {
				out = append(out, strings.ToLower(text[start:i]))
				start = -1
			}
		}
	}
	if start >= 0 {
		out = append(out, strings.ToLower(text[start:]))
	}
	return out
}

// startsAsProse reports text that opens as a sentence does, with a letter, a
// digit or a quotation mark: not a command line ("$ make") or a code comment.
func startsAsProse(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Pi, unicode.Ps) && r != '[' || r == '"' || r == '\''
}

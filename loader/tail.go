package loader

import (
	"slices"
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
	// elsewhere. Words and sequences are hashed (64 bits: a collision is
	// far less likely than any page's pull quote), not joined into
	// strings: on a long article the strings were most of the loader's
	// work. Each paragraph's words are read at most twice, so the cost is
	// linear in the article's length.
	type candidate struct {
		i     int
		grams []uint64 // sorted, each once
		found []bool   // of each gram: seen in a longer paragraph near
	}
	var cands []candidate
	var ws []uint64
	for i, p := range ps {
		if p.Kind != KindBody || len(p.Sentences) > 1 || !startsAsProse(p.Text) {
			continue
		}
		ws = foldedWords(p.Text, ws[:0])
		if len(ws) < minPullQuoteWords || len(ws) > maxPullQuoteWords {
			continue
		}
		grams := make([]uint64, 0, len(ws)-pullQuoteGram+1)
		for j := 0; j+pullQuoteGram <= len(ws); j++ {
			grams = append(grams, gramKey(ws[j:j+pullQuoteGram]))
		}
		slices.Sort(grams)
		grams = slices.Compact(grams)
		cands = append(cands, candidate{i, grams, make([]bool, len(grams))})
	}
	if len(cands) == 0 {
		return
	}
	first := 0 // the first candidate within the window of paragraph j
	var near []candidate
	for j, p := range ps {
		for first < len(cands) && cands[first].i < j-pullQuoteWindow {
			first++
		}
		near = near[:0]
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
		ws = foldedWords(p.Text, ws[:0])
		for k := 0; k+pullQuoteGram <= len(ws); k++ {
			g := gramKey(ws[k : k+pullQuoteGram])
			for _, c := range near {
				if at, ok := slices.BinarySearch(c.grams, g); ok {
					c.found[at] = true
				}
			}
		}
	}
	for _, c := range cands {
		found := 0
		for _, ok := range c.found {
			if ok {
				found++
			}
		}
		if found*10 >= len(c.grams)*pullQuoteShare {
			ps[c.i].Kind = KindBoilerplate
		}
	}
}

// FNV-1a's constants, for the hashes of words and word sequences.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// foldedWords appends to out the words of text in lower case, as hashes,
// each character of an unspaced script a word of its own.
func foldedWords(text string, out []uint64) []uint64 {
	h, in := uint64(fnvOffset), false
	end := func() {
		if in {
			out = append(out, h)
		}
		h, in = fnvOffset, false
	}
	for _, r := range text {
		switch {
		case unspaced(r):
			end()
			out = append(out, (fnvOffset^uint64(r))*fnvPrime)
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '’' || r == '\'':
			h = (h ^ uint64(unicode.ToLower(r))) * fnvPrime
			in = true
		default:
			end()
		}
	}
	end()
	return out
}

// gramKey is the hash of a sequence of word hashes, in order.
func gramKey(ws []uint64) uint64 {
	h := uint64(fnvOffset)
	for _, w := range ws {
		h = (h ^ w) * fnvPrime
		h ^= h >> 29
	}
	return h
}

// startsAsProse reports text that opens as a sentence does, with a letter, a
// digit or a quotation mark: not a command line ("$ make") or a code comment.
func startsAsProse(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Pi, unicode.Ps) && r != '[' || r == '"' || r == '\''
}

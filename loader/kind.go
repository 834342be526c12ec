package loader

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// trailingParen returns the words of a parenthesis that closes a paragraph
// (perhaps before a full stop), where photo credits stand: "Yuri
// Gripas/Reuters" of "The Pentagon (Yuri Gripas/Reuters)". The words are 2
// to maxCreditRunes characters and hold no parenthesis. It is written out
// rather than a regular expression because every paragraph is asked: the
// expression `\(([^()]{2,80})\)\s*\.?$` cost a millisecond to compile at
// start-up and a backtracking search on each paragraph.
func trailingParen(text string) (string, bool) {
	t := strings.TrimSuffix(text, ".")
	t = strings.TrimRight(t, " \t\n\f\r")
	if !strings.HasSuffix(t, ")") {
		return "", false
	}
	t = t[:len(t)-1]
	open := strings.LastIndexAny(t, "()")
	if open < 0 || t[open] != '(' {
		return "", false
	}
	inner := t[open+1:]
	if n := utf8.RuneCountInString(inner); n < 2 || n > maxCreditRunes {
		return "", false
	}
	return inner, true
}

// nameSlashAgency is the credit shape "Jane Doe/Reuters" or "Jack Holt /U.S. Central Command".
var nameSlashAgency = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\p{Lu}[\p{L}.'’ -]*\s*/\s*\p{Lu}[\p{L}.&'’ -]*$`)
})

// bylineRe is a byline standing alone: "By Jane Doe", "By Jane Doe and John Roe, Reuters".
var bylineRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?i:by)\s+\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3}((,|\s+and)\s+\p{Lu}[\p{L}.'’ -]*){0,3}$`)
})

// bylineDateRe is the date that ends a byline: "By Jane Doe March 25, 2015".
var bylineDateRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)[\s,|·•–—-]+((on|updated|published|posted)\s+)?(\p{L}{3,9}\.?,?\s+)?` + datePattern + timePattern + `\s*$`)
})

// Classify tells the kind of a paragraph from its text alone, as plain text
// gives it. first says whether it is the article's first paragraph with no
// title known yet, where a short line without a closing full stop is the
// headline.
func Classify(text string, first bool) Kind {
	if k, ok := contentKind(text); ok {
		return k
	}
	if headlineShaped(text) {
		switch {
		case first:
			return KindTitle
		case startsLower(text):
			// Headlines and subheadings start with a capital; a short
			// unterminated fragment in lower case is an image's alt text
			// that a saved page or a copy kept beside its caption.
			return KindCaption
		default:
			return KindSubheading
		}
	}
	return KindBody
}

// classifyBlock tells the kind of a paragraph from its words and what the
// markup says of it. Markup is trusted for structure (a list item, a table
// row or a paragraph tag holds text, a heading tag a heading) and the words
// for what markup cannot say (an advertisement, a byline, a credit, a date
// line). The shape rules of plain text apply only where the markup is
// silent: a line that is short in a paragraph tag is still a paragraph.
// first says whether the block opens the article with no title known.
func classifyBlock(b block, text string, first bool) Kind {
	r, level := b.role, b.level
	if r == roleText {
		return Classify(text, first)
	}
	if k, ok := contentKind(text); ok {
		if k == KindCaption && figureText(b, text) {
			return KindBody // "Rescuers in Bam. (AP Photo/Jane Doe)" set as a figure's caption
		}
		return k
	}
	if b.link && (r == roleParagraph || r == roleLoose) && headlineShaped(text) {
		// A paragraph that is only a link with a headline's words is a
		// link to another story: "Five things we learned from the
		// interview" under an article. A list of links is left alone: it
		// is as often the article's own list (of sources, of fixes).
		return KindBoilerplate
	}
	switch r {
	case roleHeading:
		switch {
		case proseShaped(text):
			return KindBody // a lede or standfirst set in a heading tag
		case level > 6 && !headlineShaped(text):
			return KindBody // a paragraph in bold that is not a heading's length
		case level == 1:
			return KindTitle // finish makes it a subheading unless it opens the article
		}
		return KindSubheading
	case roleCaption:
		if figureText(b, text) {
			return KindBody
		}
		return KindCaption
	case roleParagraph:
		if first && headlineShaped(text) {
			return KindTitle
		}
	case roleLoose:
		// Text in a div is a paragraph's only when it reads as one: a
		// short line there is a label or a heading set in a styled div.
		return Classify(text, first)
	}
	return KindBody
}

// contentKind tells the kinds that the words show whatever the markup:
// page furniture, bylines, photo captions and credits, date lines.
func contentKind(text string) (Kind, bool) {
	lower := strings.ToLower(text)
	// No length isBoilerplate or the dateline test asks of a paragraph is
	// above maxPhraseWords: a longer one's words need not all be counted.
	words := wordUnitsUpTo(text, maxPhraseWords)
	if isBoilerplate(lower, words) || isByline(text) {
		return KindBoilerplate, true
	}
	if isCaption(text, lower) {
		return KindCaption, true
	}
	// Every date these expressions read has a year of four digits: a
	// paragraph without one is asked no further (most are not, and the
	// expressions are costly to build and to run).
	if !hasDigitRun(text, 4) {
		return "", false
	}
	if words <= 10 && timestampRe().MatchString(text) || strings.Contains(text, "年") && cjkStampRe().MatchString(text) {
		return KindBoilerplate, true // a dateline or "Updated" stamp standing alone
	}
	return "", false
}

// isBoilerplate reports page furniture by its words: labels, links to other
// stories, sign-offs, credits, copyright and print-edition lines, offers.
// lower is the paragraph in lower case, words its length in wordUnits (or
// any more than maxPhraseWords, the longest it asks of).
func isBoilerplate(lower string, words int) bool {
	if !hasLetterOrDigit(lower) {
		return true // a rule or a scene break: "***", "|", "—"
	}
	// Labels and links are matched without the brackets, bullets and French
	// colon spacing around them: "[Read: ...]", "Lire aussi : ...".
	l := strings.TrimLeftFunc(lower, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r) })
	// Every spacing colonSpacing rewrites holds a colon; most lines have
	// none. (strings.ContainsAny with a non-ASCII character in its set runs
	// rune by rune; IndexByte and Contains do not.)
	if strings.IndexByte(l, ':') >= 0 || strings.Contains(l, "：") {
		l = colonSpacing().Replace(l)
	}
	if words <= 4 && furnitureLabels()[labelOf(l)] {
		return true
	}
	for _, p := range prefixesByFirstByte(l) {
		// A generic opening ("more from", "share on") only counts on a short
		// line; one ending in a colon is a label whatever follows.
		if strings.HasPrefix(l, p) && (words <= 15 || strings.HasSuffix(p, ":")) {
			return true
		}
	}
	if words <= maxPhraseWords && boilerplateIndex().in(l) {
		return true
	}
	if words <= maxOfferWords && (offerIndex().in(l) ||
		newsletterIndex().in(l) && signUpIndex().in(l)) {
		return true
	}
	if words <= maxOfferWords && endsWithAny(strings.TrimRight(l, ".!:;)… "), ctaEndings) {
		return true
	}
	if words <= 6 && strings.ContainsAny(l, "0123456789") && priceLineRe().MatchString(l) {
		return true // a plan's price in a subscription box: "$7/month"
	}
	if bracketedLink(lower) {
		return true
	}
	// Leading dashes sign off a reporter's note: "-- Jane Doe can be reached".
	return strings.HasPrefix(lower, "--") && words <= 40 && strings.Contains(lower, "@")
}

// The phrase lists as indexes, built when first needed.
var (
	boilerplateIndex = sync.OnceValue(func() *phraseIndex { return newPhraseIndex(boilerplatePhrases) })
	offerIndex       = sync.OnceValue(func() *phraseIndex { return newPhraseIndex(offerPhrases) })
	newsletterIndex  = sync.OnceValue(func() *phraseIndex { return newPhraseIndex(newsletterWords) })
	signUpIndex      = sync.OnceValue(func() *phraseIndex { return newPhraseIndex(signUpWords) })
)

// boilerplatePrefixIndex holds boilerplatePrefixes by their first byte: each
// paragraph is tried against the few that can open it, not all hundred.
var boilerplatePrefixIndex = sync.OnceValue(func() *[256][]string {
	var x [256][]string
	for _, p := range boilerplatePrefixes {
		x[p[0]] = append(x[p[0]], p)
	}
	return &x
})

// prefixesByFirstByte is the boilerplate prefixes that may open l.
func prefixesByFirstByte(l string) []string {
	if l == "" {
		return nil
	}
	return boilerplatePrefixIndex()[l[0]]
}

// colonSpacing writes a label's colon one way: French puts a space (or a
// no-break space) before it, Chinese and Japanese use a full-width one.
var colonSpacing = sync.OnceValue(func() *strings.Replacer { return strings.NewReplacer(" :", ":", "：", ":", "\u00a0:", ":") })

// priceLineRe is a price for a period: "$7/month", "€60 per person per year".
var priceLineRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\p{Sc}?\s?\d[\d.,]*\s?\p{Sc}?(\s?(/|per|a|an|par|pro|al|za)\s?\p{L}+)+\.?$`)
})

// bracketedLink reports a paragraph that is a link to another story set in
// brackets, as many sites insert them between paragraphs: "[Bardo museum
// houses Roman treasures]". A bracketed sentence ("[Alden: I can't talk!]")
// is text.
func bracketedLink(lower string) bool {
	if !strings.HasPrefix(lower, "[") || !strings.HasSuffix(lower, "]") {
		return false
	}
	inner := strings.TrimSpace(lower[1 : len(lower)-1])
	return !strings.ContainsAny(inner, "[]") && headlineShaped(inner)
}

// labelOf is a button's or link's words without a trailing count or arrow:
// "comments (5 posted)" is "comments".
func labelOf(l string) string {
	if i := strings.LastIndex(l, " ("); i > 0 && strings.HasSuffix(l, ")") {
		l = l[:i]
	}
	return strings.TrimRightFunc(l, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsDigit(r)
	})
}

func endsWithAny(s string, ends []string) bool {
	for _, e := range ends {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

func containsAny(s string, subs []string) bool {
	for _, p := range subs {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// isAuthorBio reports the note about the author that closes many articles:
// a name of two to four capitalised words, then one of bioVerbs, in a
// paragraph of at most maxBioWords words that names a journalist's job
// (bioRoles): "Nelson Roe has covered economics since 2012. Previously, he
// wrote about banking", "LAURIE ROE IS THE NETWORK'S POLITICAL EDITOR".
func isAuthorBio(text string) bool {
	if wordUnits(text) > maxBioWords {
		return false
	}
	fields := strings.Fields(text)
	// The name is two to four capitalised words; which of them ends it is
	// told by the verb after it ("LAURIE ROE IS THE ...").
	for n := 2; n <= 4 && n < len(fields); n++ {
		if !capitalised(fields[n-1]) {
			break
		}
		if !capitalised(fields[0]) {
			break
		}
		rest := strings.ToLower(strings.Join(fields[n:], " "))
		for _, v := range bioVerbs {
			if strings.HasPrefix(rest, v+" ") && containsAny(rest[len(v):], bioRoles) {
				return true
			}
		}
	}
	return false
}

// capitalised reports a word of a name: a capital then letters, or an
// initial ("D.").
func capitalised(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, r := range w[size:] {
		if !unicode.IsLetter(r) && !strings.ContainsRune(".'’-", r) {
			return false
		}
	}
	return true
}

func isCaption(text, lower string) bool {
	if hasAnyPrefix(lower, captionPrefixes) || hasAnyPrefix(lower, creditPrefixes) {
		return true
	}
	inner, ok := trailingParen(text)
	if !ok {
		return false
	}
	credit := strings.TrimSpace(inner)
	if nameSlashAgency().MatchString(credit) {
		return true
	}
	lc := strings.ToLower(credit) + " "
	for _, w := range creditWords {
		if strings.HasPrefix(lc, w) || strings.Contains(lc, " "+w) || strings.Contains(lc, "/"+w) {
			// A credit names its agency; a parenthesis inside a long
			// paragraph of news is an aside, not a credit.
			return wordUnits(text) <= maxCaptionWords
		}
	}
	return false
}

// isByline reports a byline standing alone, perhaps with its date: "By Jane
// Doe", "By Jane Doe and John Roe, Reuters", "By Jane Doe March 25, 2015".
func isByline(text string) bool {
	if len(text) < 4 || !strings.EqualFold(text[:3], "by ") || wordUnits(text) > 20 {
		return false
	}
	if bylineRe().MatchString(text) {
		return true
	}
	if m := bylineDateRe().FindStringIndex(text); m != nil && m[0] > 0 {
		return bylineRe().MatchString(text[:m[0]])
	}
	return false
}

// isFurnitureHeading reports a heading that opens a section of page
// furniture: a few words that are, or begin with, one of furnitureHeadings.
// "Related" and "More from the BBC" are; "Related costs rose sharply in
// March" is too long to be a label.
func isFurnitureHeading(text string) bool {
	l := strings.ToLower(strings.TrimFunc(text, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }))
	counted := false
	if t := strings.TrimLeftFunc(l, unicode.IsDigit); t != l && strings.HasPrefix(t, " ") {
		l, counted = strings.TrimSpace(t), true
	}
	if !counted && wordUnits(l) > maxFurnitureHeadingWords {
		return false
	}
	for _, p := range furnitureOpeners {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	for _, p := range furnitureHeadings {
		if !strings.HasPrefix(l, p) {
			continue
		}
		rest := l[len(p):]
		last, _ := utf8.DecodeLastRuneInString(p)
		if rest == "" || strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, " (") || unspaced(last) {
			return true
		}
	}
	return false
}

// figureText reports a figure's caption that is the article's text: the
// caption the publisher set under a picture says who and what it shows,
// where and when, claims that the engine, which reads body text only, must
// compare. A credit ("Jane Doe/Reuters") claims nothing and stays a
// caption; so does a line only guessed to be a caption from its place
// beside an image, which as often is alt text, a credit or a widget's label.
func figureText(b block, text string) bool {
	return b.figcaption && captionDescribes(text)
}

// hasAnyPrefix reports whether s opens with one of prefixes.
func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// captionDescribes reports a caption that says what its picture shows, not
// only who made it. A credit opens with one of creditPrefixes ("Photo by"),
// or is names alone: in a script with capitals, every word of it, a closing
// parenthesis aside ("Glass jars (Jane Doe)"), is capitalised, joins names
// (creditConnectors: "Jane Doe for The Times") or is an agency's or a site's
// handle ("dpa/Jane Doe", "example.com"); a description has at least two
// words and one of them in lower case ("Various foliage", "Attach moss.").
// A script without capitals cannot show a name so, and there a credit is
// told by its length: at most maxCaselessCreditUnits characters.
func captionDescribes(text string) bool {
	if hasAnyPrefix(strings.ToLower(text), creditPrefixes) {
		return false
	}
	if inner, ok := trailingParen(text); ok {
		if cut := strings.LastIndex(text, "("+inner+")"); cut >= 0 {
			text = text[:cut]
		}
	}
	cased := false
	for _, r := range text {
		if unicode.IsUpper(r) || unicode.IsLower(r) {
			cased = true
			break
		}
	}
	if !cased {
		return wordUnits(text) > maxCaselessCreditUnits
	}
	words, describing := 0, false
	for _, f := range strings.Fields(text) {
		w := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) })
		if w == "" || strings.ContainsAny(w, "/.@") {
			continue // a figure, or a handle: "dpa/Jane", "example.com"
		}
		words++
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && !creditConnectors()[strings.ToLower(w)] {
			describing = true
		}
	}
	return words >= 2 && describing
}

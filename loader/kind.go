package loader

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// trailingParen is a parenthesis that closes a paragraph: where photo credits
// stand ("The Pentagon (Yuri Gripas/Reuters)").
var trailingParen = regexp.MustCompile(`\(([^()]{2,80})\)\s*\.?$`)

// nameSlashAgency is the credit shape "Jane Doe/Reuters" or "Jack Holt /U.S. Central Command".
var nameSlashAgency = regexp.MustCompile(`^\p{Lu}[\p{L}.'’ -]*\s*/\s*\p{Lu}[\p{L}.&'’ -]*$`)

// bylineRe is a byline standing alone: "By Jane Doe", "By Jane Doe and John Roe, Reuters".
var bylineRe = regexp.MustCompile(`^(?i:by)\s+\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3}((,|\s+and)\s+\p{Lu}[\p{L}.'’ -]*){0,3}$`)

// timestampRe is a line that is only a date, perhaps with a time and zone:
// "June 06, 2013", "Fri., May. 3, 2013 11:45 AM PDT", "2013-06-06 10:00".
var timestampRe = regexp.MustCompile(`^(?i)((?:last\s+)?updated:?\s*|published:?\s*|posted:?\s*)?(\p{L}{3,9}\.?,?\s+)?(\p{L}{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+\p{L}{3,9}\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})([ T,]+\d{1,2}[:.]\d{2}(:\d{2})?\s*([ap]\.?m\.?)?(\s*[A-Z]{2,5})?)?\s*$`)

// datelineOf reads the date of a line that is only a date ("Published:
// November 28, 2005", "Last Updated: Monday, 28 November 2005, 02:24 GMT").
// The day is kept, not the time: a byline's time is often the last update's.
func datelineOf(text string) (Dateline, bool) {
	m := timestampRe.FindStringSubmatch(strings.TrimSpace(text))
	if m == nil {
		return Dateline{}, false
	}
	if dl, ok := ParseDate(m[3]); ok {
		return Dateline{Time: dl.Time}, true
	}
	// "November 28th, 2005", "27 NOVEMBER, 2005", "Nov. 27, 2005": the
	// words alone, without ordinal endings, commas or periods.
	var ws []string
	for _, w := range strings.Fields(strings.NewReplacer(",", " ", ".", " ").Replace(m[3])) {
		if len(w) > 2 && w[0] >= '0' && w[0] <= '9' {
			w = strings.TrimRight(w, "stndrh")
		}
		ws = append(ws, w)
	}
	date := strings.Join(ws, " ")
	for _, layout := range []string{"January 2 2006", "Jan 2 2006", "2 January 2006", "2 Jan 2006"} {
		if t, err := time.Parse(layout, date); err == nil {
			return Dateline{Time: t}, true
		}
	}
	return Dateline{}, false
}

// Classify tells the kind of a paragraph from its text alone. first says
// whether it is the article's first paragraph with no title known yet, where
// a short line without a closing period is the headline.
func Classify(text string, first bool) Kind {
	lower := strings.ToLower(text)
	words := len(strings.Fields(text))
	if isBoilerplate(lower, words) || bylineRe.MatchString(text) {
		return KindBoilerplate
	}
	if isCaption(text, lower) {
		return KindCaption
	}
	if words <= 10 && timestampRe.MatchString(text) {
		return KindBoilerplate // a dateline or "Updated" stamp standing alone
	}
	if words <= 25 && utf8.RuneCountInString(text) <= 200 && !terminated(text) && !continued(text) {
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

func isBoilerplate(lower string, words int) bool {
	for _, p := range boilerplatePrefixes {
		// A generic opening ("more from", "share on") only counts on a short
		// line; one ending in a colon is a label whatever follows.
		if strings.HasPrefix(lower, p) && (words <= 15 || strings.HasSuffix(p, ":")) {
			return true
		}
	}
	for _, p := range boilerplatePhrases {
		if strings.Contains(lower, p) {
			return true
		}
	}
	// Leading dashes sign off a reporter's note: "-- Jane Doe can be reached".
	return strings.HasPrefix(lower, "--") && words <= 40 && strings.Contains(lower, "@")
}

func isCaption(text, lower string) bool {
	for _, p := range captionPrefixes {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	m := trailingParen.FindStringSubmatch(text)
	if m == nil {
		return false
	}
	credit := strings.TrimSpace(m[1])
	if nameSlashAgency.MatchString(credit) {
		return true
	}
	lc := strings.ToLower(credit) + " "
	for _, w := range creditWords {
		if strings.HasPrefix(lc, w) || strings.Contains(lc, " "+w) || strings.Contains(lc, "/"+w) {
			// A credit names its agency; a parenthesis inside a long
			// paragraph of news is an aside, not a credit.
			return len(strings.Fields(text)) <= 60
		}
	}
	return false
}

// terminated reports whether text ends as a sentence does: with a period,
// question or exclamation mark, colon, ellipsis or a closing quote after one.
func terminated(text string) bool {
	t := strings.TrimRightFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"'”’»)]`, r)
	})
	if t == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".!?:;…", r)
}

// continued reports text cut off mid-sentence (a trailing comma or dash),
// which is neither a headline nor a caption.
func continued(text string) bool {
	t := strings.TrimSpace(text)
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(",-–—", r)
}

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

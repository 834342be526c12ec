package compare

import "slices"

// scanDates finds the date expressions of a lowered text: the matches, in
// order and without overlap, of the pattern datePattern in dates_test.go
// spells as a regular expression (FindAllStringIndex of it), which the
// tests keep as this scanner's oracle. The expression cost a fifth of
// reading an article's facts; this walks each word start once and tries
// the pattern's branches in the expression's own order, each branch's
// options longest first, the first whose end is a word boundary winning,
// as the expression's leftmost-first matching does.
//
// The branches, in order:
//  1. a month and a day, with or without a year ("jan. 5, 2024");
//  2. a day and a month, with or without a year ("5th of january 2024");
//  3. a weekday, with "on", "last", … before and its part of the day after;
//  4. the days around the dateline ("yesterday", "the night before");
//  5. a week, month or year from the dateline ("last week", "later this year");
//  6. a count of days … decades ago ("two weeks ago");
//  7. a month alone, or its part ("early march", "the end of may 2024");
//  8. a year, or its part ("mid-2019").
func scanDates(s string) [][]int {
	var out [][]int
	for i := 0; i < len(s); {
		if isWordASCII(s[i]) && (i == 0 || !isWordASCII(s[i-1])) {
			if e := dateAtStart(s, i); e >= 0 {
				out = append(out, []int{i, e})
				i = e
				continue
			}
		}
		i++
	}
	return out
}

// Each branch's words, in the expression's order.
var (
	monthSpellings = []string{"january", "jan", "february", "feb", "march", "mar", "april", "apr", "may", "june", "jun",
		"july", "jul", "august", "aug", "september", "sept", "sepember", "sep", "october", "oct", "november", "nov", "december", "dec"}
	ordinalSuffixes = []string{"st", "nd", "rd", "th"}
	weekdayOpeners  = []string{"on", "last", "next", "this", "early", "late"}
	weekdayNames    = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
	dayParts        = []string{"morning", "afternoon", "evening", "night"}
	aroundDateline  = []string{"yesterday", "today", "tonight", "tomorrow", "last night", "overnight",
		"this morning", "this afternoon", "this evening", "the previous night", "the previous day",
		"the next night", "the next day", "the night before", "the day before"}
	periodOpeners = []string{"last", "this", "next", "past", "earlier this", "later this"}
	periodUnits   = []string{"week", "month", "year"}
	agoCounts     = []string{"a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
	agoUnits      = []string{"day", "week", "month", "year", "decade"}
	partOpeners   = []string{"early", "mid", "late"}
	monthPlaces   = []string{"end", "beginning", "start", "middle"}

	// The bytes a month, and any date expression, can begin with: most
	// words of a window begin with none, and are passed over at once.
	monthFirstBytes = firstBytes(monthSpellings)
	dateFirstBytes  = firstBytes(slices.Concat(monthSpellings, weekdayOpeners, weekdayNames, aroundDateline,
		periodOpeners, agoCounts, partOpeners, []string{"the", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}))
)

// firstBytes is the set of the words' first bytes.
func firstBytes(words []string) (set [256]bool) {
	for _, w := range words {
		set[w[0]] = true
	}
	return set
}

// dateAtStart is the end of the date expression starting at i, or -1.
func dateAtStart(s string, i int) int {
	if !dateFirstBytes[s[i]] {
		return -1
	}
	var buf, buf2, buf3, buf4 [8]int // the options of a branch, on the stack
	first := func(ends []int) int {
		for _, e := range ends {
			if wordBoundary(s, e) {
				return e
			}
		}
		return -1
	}
	// 1. month \s+ \d{1,2} (st|nd|rd|th)? (,?\s+\d{4})?
	for _, m := range monthEnds(s, i, buf[:0]) {
		if n := spaceRun(s, m); n > 0 {
			if e := first(dayThenYear(s, m+n, buf2[:0])); e >= 0 {
				return e
			}
		}
	}
	// 2. \d{1,2} (st|nd|rd|th)? \s+ (of\s+)? month (,?\s+\d{4})?
	for dl := digitRun(s, i, 2); dl >= 1; dl-- {
		for _, r := range suffixEnds(s, i+dl, buf[:0]) {
			n := spaceRun(s, r)
			if n == 0 {
				continue
			}
			p := r + n
			opts := append(buf2[:0], p)
			if hasAt(s, p, "of") {
				if k := spaceRun(s, p+2); k > 0 {
					opts = append(opts[:0], p+2+k, p)
				}
			}
			for _, o := range opts {
				for _, m := range monthEnds(s, o, buf3[:0]) {
					if e := first(yearEnds(s, m, true, buf4[:0])); e >= 0 {
						return e
					}
				}
			}
		}
	}
	// 3. ((on|last|next|this|early|late)\s+)? weekday (\s+(morning|afternoon|evening|night))?
	for _, p := range openerEnds(s, i, weekdayOpeners, buf[:0]) {
		w := prefixEnd(s, p, weekdayNames)
		if w < 0 {
			continue
		}
		ends := append(buf2[:0], w)
		if n := spaceRun(s, w); n > 0 {
			if e := prefixEnd(s, w+n, dayParts); e >= 0 {
				ends = append(ends[:0], e, w)
			}
		}
		if e := first(ends); e >= 0 {
			return e
		}
	}
	// 4. the days around the dateline.
	for _, w := range aroundDateline {
		if hasAt(s, i, w) && wordBoundary(s, i+len(w)) {
			return i + len(w)
		}
	}
	// 5. (last|this|next|past|earlier this|later this)\s+(week|month|year)
	for _, w := range periodOpeners {
		if !hasAt(s, i, w) {
			continue
		}
		p := i + len(w)
		if n := spaceRun(s, p); n > 0 {
			if e := prefixEnd(s, p+n, periodUnits); e >= 0 && wordBoundary(s, e) {
				return e
			}
		}
	}
	// 6. (a|one|…|ten|\d+)\s+(day|week|month|year|decade)s?\s+ago
	counts := buf[:0]
	for _, w := range agoCounts {
		if hasAt(s, i, w) {
			counts = append(counts, i+len(w))
		}
	}
	for dl := digitRun(s, i, len(s)); dl >= 1; dl-- {
		counts = append(counts, i+dl)
	}
	for _, p := range counts {
		n := spaceRun(s, p)
		if n == 0 {
			continue
		}
		u := prefixEnd(s, p+n, agoUnits)
		if u < 0 {
			continue
		}
		plural := append(buf2[:0], u)
		if u < len(s) && s[u] == 's' {
			plural = append(plural[:0], u+1, u)
		}
		for _, q := range plural {
			if k := spaceRun(s, q); k > 0 && hasAt(s, q+k, "ago") && wordBoundary(s, q+k+3) {
				return q + k + 3
			}
		}
	}
	// 7. ((early|mid|late)[- ]|the (end|beginning|start|middle) of\s+)? month (\s+\d{4})?
	opts := buf[:0]
	if p := partEnd(s, i); p >= 0 {
		opts = append(opts, p)
	} else if hasAt(s, i, "the ") {
		if p := prefixEnd(s, i+4, monthPlaces); p >= 0 && hasAt(s, p, " of") {
			if n := spaceRun(s, p+3); n > 0 {
				opts = append(opts, p+3+n)
			}
		}
	}
	opts = append(opts, i)
	for _, p := range opts {
		for _, m := range monthEnds(s, p, buf2[:0]) {
			if e := first(yearEnds(s, m, false, buf3[:0])); e >= 0 {
				return e
			}
		}
	}
	// 8. ((early|mid|late)[- ])? (19|20)\d\d
	for _, p := range [2]int{partEnd(s, i), i} {
		if p >= 0 && p+4 <= len(s) && (s[p:p+2] == "19" || s[p:p+2] == "20") && isDigit(s[p+2]) && isDigit(s[p+3]) && wordBoundary(s, p+4) {
			return p + 4
		}
	}
	return -1
}

// monthEnds are the ends of a month's name at i, the longest spelling
// first and each with its full stop before without.
func monthEnds(s string, i int, out []int) []int {
	if i >= len(s) || !monthFirstBytes[s[i]] {
		return out
	}
	for _, m := range monthSpellings {
		if hasAt(s, i, m) {
			e := i + len(m)
			if e < len(s) && s[e] == '.' {
				out = append(out, e+1)
			}
			out = append(out, e)
		}
	}
	return out
}

// dayThenYear: \d{1,2} (st|nd|rd|th)? (,?\s+\d{4})? at p, ends in order.
func dayThenYear(s string, p int, out []int) []int {
	var buf [2]int
	for dl := digitRun(s, p, 2); dl >= 1; dl-- {
		for _, r := range suffixEnds(s, p+dl, buf[:0]) {
			out = yearEnds(s, r, true, out)
		}
	}
	return out
}

// suffixEnds: (st|nd|rd|th)? at i.
func suffixEnds(s string, i int, out []int) []int {
	if e := prefixEnd(s, i, ordinalSuffixes); e >= 0 {
		out = append(out, e)
	}
	return append(out, i)
}

// yearEnds: (,?\s+\d{4})? at i (comma allowed or not), ends in order.
func yearEnds(s string, i int, comma bool, out []int) []int {
	if comma && i < len(s) && s[i] == ',' {
		if n := spaceRun(s, i+1); n > 0 && digitRun(s, i+1+n, 4) == 4 {
			out = append(out, i+1+n+4)
		}
	}
	if n := spaceRun(s, i); n > 0 && digitRun(s, i+n, 4) == 4 {
		out = append(out, i+n+4)
	}
	return append(out, i)
}

// openerEnds: ((w1|w2|…)\s+)? at i: after the opener first, then i.
func openerEnds(s string, i int, openers []string, out []int) []int {
	for _, w := range openers {
		if hasAt(s, i, w) {
			if n := spaceRun(s, i+len(w)); n > 0 {
				return append(out, i+len(w)+n, i)
			}
		}
	}
	return append(out, i)
}

// partEnd: (early|mid|late)[- ] at i, its end or -1.
func partEnd(s string, i int) int {
	for _, w := range partOpeners {
		if e := i + len(w); hasAt(s, i, w) && e < len(s) && (s[e] == '-' || s[e] == ' ') {
			return e + 1
		}
	}
	return -1
}

// prefixEnd is the end of the first of words at i, or -1.
func prefixEnd(s string, i int, words []string) int {
	for _, w := range words {
		if hasAt(s, i, w) {
			return i + len(w)
		}
	}
	return -1
}

// spaceRun is the length of the run of white space (\s: tab, newline, form
// feed, carriage return, space) at i.
func spaceRun(s string, i int) int {
	n := 0
	for i+n < len(s) {
		switch s[i+n] {
		case ' ', '\t', '\n', '\f', '\r':
			n++
			continue
		}
		break
	}
	return n
}

// digitRun is the number of ASCII digits at i, at most limit.
func digitRun(s string, i, limit int) int {
	n := 0
	for i+n < len(s) && n < limit && isDigit(s[i+n]) {
		n++
	}
	return n
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isWordASCII is \w: an ASCII letter, digit or underscore.
func isWordASCII(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// wordBoundary is \b at i: a word byte on one side only (any byte past the
// ASCII range, as the expression reads it, is no word).
func wordBoundary(s string, i int) bool {
	before := i > 0 && isWordASCII(s[i-1])
	after := i < len(s) && isWordASCII(s[i])
	return before != after
}

// hasAt is strings.HasPrefix(s[i:], w), its first byte compared first:
// the scanner tries many words at each word start, and most differ there,
// sparing the call to compare the rest.
func hasAt(s string, i int, w string) bool {
	return len(s)-i >= len(w) && s[i] == w[0] && s[i:i+len(w)] == w
}

package compare

import (
	"bytes"
	"iter"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/loader"
)

// The days, weeks, months and years a sentence names, resolved against the
// article's dateline. News reports the past, so "on Tuesday" is the last
// Tuesday and "March 3" the last March 3; but a sentence that looks forward
// ("is scheduled to appear in court on Friday", "the funding lasts until
// March 1", "sentencing is set for June 3", "will leave on January 1")
// names the next one: a wrong direction would make a false conflict with
// an outlet that was right.

// dateAt is a date expression found in a sentence, its span relative to it.
type dateAt struct {
	start, end int
	from, to   time.Time // the first and the last day it covers
	part       string    // "morning", "evening", "night", … of a single day
	precision  string    // "day", "week", "month", "year"
	forward    bool      // resolved as looking forward
}

// forwardCues before a date in its clause make it look forward.
var forwardCues = toSet(`will scheduled slated set due expected plans plan planned planning upcoming until
till through begins starts would could should is are aims hopes intends deadline before next supposed`)

// dateMatches is scanDates' matches in a sentence, lowered (asciiLower),
// sought only in windows around the words every date expression holds (a
// month, a weekday, a day word, a week, month or year, "ago", a year's
// digits): the pattern is costly, and most of a sentence names no date.
// Only the windows are lowered, not the whole sentence.
func dateMatches(text string) [][]int {
	var out [][]int
	lo, hi := -1, -1 // the window being gathered
	flush := func() {
		if lo < 0 {
			return
		}
		for _, m := range scanDates(asciiLower(text[lo:hi])) {
			out = append(out, []int{lo + m[0], lo + m[1]})
		}
	}
	for i := 0; i < len(text); {
		j := i
		for j < len(text) {
			if c := text[j]; c < utf8.RuneSelf { // most of news is ASCII
				if !isWordByteFolded(c) {
					break
				}
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			j += n
		}
		if j == i {
			_, n := utf8.DecodeRuneInString(text[i:])
			i += n
			continue
		}
		if dateTrigger(text[i:j]) {
			// Back to the start of a word dateBefore bytes before, on to
			// the end of one dateAfter bytes after (ASCII words: the
			// pattern's are).
			a := max(0, i-dateBefore)
			for a > 0 && isWordByteFolded(text[a-1]) {
				a--
			}
			b := min(len(text), j+dateAfter)
			for b < len(text) && isWordByteFolded(text[b]) {
				b++
			}
			if lo >= 0 && a <= hi {
				hi = max(hi, b)
			} else {
				flush()
				lo, hi = a, b
			}
		}
		i = j
	}
	flush()
	return out
}

// isWordByte: an ASCII letter or digit, or any byte of a longer rune (so
// that a window never cuts one).
func isWordByte(c byte) bool {
	return c >= utf8.RuneSelf || 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
}

// isWordByteFolded is isWordByte of the byte lowered.
func isWordByteFolded(c byte) bool { return isWordByte(c) || 'A' <= c && c <= 'Z' }

// dateTrigger: a word, as written, without which scanDates matches
// nothing in the text lowered.
func dateTrigger(w string) bool {
	// The word lowered, on the stack: whole when it may be a trigger word
	// (none is longer than buf), else its last letters, for a day's suffix.
	var buf [16]byte
	l := buf[:0]
	if len(w) <= len(buf) {
		l = append(l, w...)
	} else {
		l = append(l, w[len(w)-len("days"):]...)
	}
	for k, c := range l {
		if 'A' <= c && c <= 'Z' {
			l[k] = c + 'a' - 'A'
		}
	}
	if len(w) == 4 && (l[0] == '1' && l[1] == '9' || l[0] == '2' && l[1] == '0') && isDigit(l[2]) && isDigit(l[3]) {
		return true
	}
	return len(w) <= len(buf) && dateTriggers[string(l)] || bytes.HasSuffix(l, []byte("day")) || bytes.HasSuffix(l, []byte("days"))
}

// dateTriggers are the words of dates, and the words scanDates takes for
// a month, whole ("dec", not "decided": a month's first letters open many
// words of news, each of which cost a window of the expression).
var dateTriggers = toSet(`ago week weeks month months year years decade decades tonight overnight night morning afternoon evening yesterday today tomorrow
jan january feb february mar march apr april may jun june jul july aug august
sep sept sepember september oct october nov november dec december`)

// asciiLower lowers the ASCII letters alone, so that every byte offset of
// the result is the text's.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// dateExpressions finds the dates of a sentence and resolves them.
func dateExpressions(text string, dl loader.Dateline) []dateAt {
	if !strings.ContainsAny(text, "0123456789") && !mayNameDay(text) && !mayNameMonth(text) {
		return nil
	}
	base := time.Time{}
	if !dl.IsZero() {
		y, mo, d := dl.Time.Date()
		base = time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	}
	var out []dateAt
	var toks []token // the sentence's words, split for the first date that needs them
	for _, m := range dateMatches(text) {
		w := strings.ToLower(text[m[0]:m[1]])
		if w == "may" || w == "march" && !strings.ContainsAny(text[m[1]:min(len(text), m[1]+6)], "0123456789") && !monthContext(text, m[0]) {
			continue // "may" and "march" are words first
		}
		dir := lookingWhere(text, m[0], w)
		fwd := dir > 0
		if dir > 0 && !strings.HasPrefix(w, "next") {
			if toks == nil {
				toks = words(text)
			}
			if attributiveNoun(text, toks, m[0], m[1]) >= 0 {
				// A date inside a noun phrase is that noun's ("was
				// investigating the June 20 shooting"): the clause's future
				// does not reach it, and the nearest reading stands. The
				// clause still looks ahead ("will be seeking seats in the
				// December 15 election").
				dir = 0
			}
		}
		before := wordBefore(text, m[0])
		if before == "last" || before == "past" {
			dir, fwd = -1, false // "last September's attack": the expression is the month alone
		}
		d, ok := resolveDate(w, base, dir)
		if !ok {
			continue
		}
		if before == "last" && d.precision == "month" && !base.IsZero() && !d.from.Before(time.Date(base.Year(), base.Month(), 1, 0, 0, 0, 0, time.UTC)) {
			// "last May" in a May story is a year ago: the month is one
			// already over.
			d.from, d.to = d.from.AddDate(-1, 0, 0), d.to.AddDate(-1, 0, 0)
		}
		d.start, d.end, d.forward = m[0], m[1], fwd
		out = append(out, d)
	}
	nameDaysByWeekday(text, out, base)
	endRanges(text, out)
	return out
}

// endRanges puts the end of a range written without its year ("from Dec.
// 22 through Jan. 25" in a February story) at its first day after the
// range's start: the end's own clause cue ("through" looks forward) would
// put it in the next year.
func endRanges(text string, ds []dateAt) {
	for i := 0; i+1 < len(ds); i++ {
		from, to := &ds[i], &ds[i+1]
		switch strings.ToLower(strings.TrimSpace(text[from.end:to.start])) {
		case "through", "thru", "to", "until", "till", "-", "–":
		default:
			continue
		}
		if to.precision != "day" && to.precision != "month" || yearRe().MatchString(text[to.start:to.end]) {
			continue
		}
		for to.from.Before(from.from) {
			to.from, to.to = to.from.AddDate(1, 0, 0), to.to.AddDate(1, 0, 0)
		}
		for !to.from.AddDate(-1, 0, 0).Before(from.from) {
			to.from, to.to = to.from.AddDate(-1, 0, 0), to.to.AddDate(-1, 0, 0)
		}
	}
}

// nameDaysByWeekday reads a weekday written with its date ("on Friday,
// Sept. 14", "TUESDAY, MARCH 12, 2013") as one day: the weekday is that
// date's, not the one before the dateline, and a date without its year is
// in the year, of the dateline's and the two beside it, whose day is that
// weekday, the nearest the dateline ("Friday, Sept. 14" in a May 2013
// story is September 2012's).
func nameDaysByWeekday(text string, ds []dateAt, base time.Time) {
	for i := 0; i+1 < len(ds); i++ {
		wd, day := &ds[i], &ds[i+1]
		if strings.TrimSpace(text[wd.end:day.start]) != "," && strings.TrimSpace(text[wd.end:day.start]) != "" || day.precision != "day" {
			continue
		}
		named := -1
		lw := strings.ToLower(text[wd.start:wd.end])
		for k, name := range []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"} {
			if strings.Contains(lw, name) {
				named = k
			}
		}
		if named < 0 {
			continue
		}
		if day.from.Weekday() != time.Weekday(named) && !yearRe().MatchString(text[day.start:day.end]) && !base.IsZero() {
			best := time.Time{}
			for _, dy := range []int{0, -1, 1} {
				t := day.from.AddDate(dy, 0, 0)
				if t.Weekday() == time.Weekday(named) && (best.IsZero() || absDays(t.Sub(base)) < absDays(best.Sub(base))) {
					best = t
				}
			}
			if !best.IsZero() {
				day.from, day.to = best, best
			}
		}
		if day.from.Weekday() == time.Weekday(named) {
			wd.from, wd.to, wd.precision = day.from, day.to, "day"
		}
	}
}

// wordBefore is the word just before at, lowered ("" at the start).
func wordBefore(text string, at int) string {
	f := strings.Fields(text[max(0, at-12):at])
	if len(f) == 0 || !strings.HasSuffix(text[:at], " ") {
		return ""
	}
	return strings.ToLower(f[len(f)-1])
}

// monthContext reports a month name standing as a month: "in March",
// "since March", "early March".
func monthContext(text string, at int) bool {
	before := strings.ToLower(strings.TrimSpace(text[:at]))
	for _, p := range []string{"in", "since", "by", "until", "of", "early", "late", "mid", "last", "next", "this", "from", "to"} {
		if strings.HasSuffix(before, " "+p) || before == p {
			return true
		}
	}
	return false
}

// lookingWhere says where a date's clause puts it from the dateline: ahead
// (+1) for a future or a plan before it ("will", "is scheduled to", "set
// for", "until") or a word of its own ("next", "tomorrow"); behind (-1) for
// a past verb nearer it ("was fired on Friday"); 0 when the clause does not
// say.
func lookingWhere(text string, at int, expr string) int {
	if strings.HasPrefix(expr, "next") || expr == "tomorrow" || strings.HasPrefix(expr, "later this") || strings.HasPrefix(expr, "the next") {
		return 1
	}
	if strings.HasPrefix(expr, "last") || strings.HasSuffix(expr, "ago") || expr == "yesterday" || strings.HasPrefix(expr, "earlier") ||
		strings.HasPrefix(expr, "the previous") || strings.HasSuffix(expr, "before") {
		return -1
	}
	// Back through the clause: its verbs and their helpers, among its last
	// nine words (the eighth's word before). They are read from the ninth
	// space back that opens a word, when the clause has one: a word never
	// spans a space, so those after it are the clause's own, and the
	// clause before is not split again for every date.
	start := clauseStart(text[:at])
	for k, n := at-1, 0; k > start; k-- {
		if text[k-1] == ' ' && isWordRuneAt(text, k) {
			if n++; n == 9 {
				start = k - 1
				break
			}
		}
	}
	var buf [16]token
	toks := buf[:0]
	for w := range eachWord(text[start:at]) {
		toks = append(toks, w)
	}
	for i := len(toks) - 1; i >= 0 && i >= len(toks)-8; i-- {
		f := toks[i].folded
		switch {
		case forwardCues[f]:
			// "is" and "are" look forward only before "to" ("is to be
			// sentenced"); "before" only as a deadline.
			if (f == "is" || f == "are") && !(i+1 < len(toks) && toks[i+1].folded == "to") {
				continue
			}
			return 1 // "would" too: reported speech of a plan, "said he would leave on Jan. 1"
		case strings.HasSuffix(f, "ing") && i > 0 && (toks[i-1].folded == "was" || toks[i-1].folded == "were" || toks[i-1].folded == "is" || toks[i-1].folded == "are" || toks[i-1].folded == "be"):
			return 1 // a plan told in the progressive: "said he was leaving in February"
		case strings.HasSuffix(f, "ed") && len(f) > 4 && !forwardCues[f]:
			return -1 // a past verb nearer the date: "was fired on Friday"
		case f == "was" || f == "were" || f == "had" || f == "did" || f == "said":
			return -1
		}
	}
	return 0
}

// clauseStart is where the clause that text ends in starts: one byte past
// the start of its last ".", ";", ":" or "—" (inside the dash: the words
// read from there are the same), else 0. It is strings.LastIndexAny(text,
// ".;:—")+1 read byte by byte: with a rune past ASCII among the marks,
// LastIndexAny decodes every rune of the text back from its end.
func clauseStart(text string) int {
	for k := len(text) - 1; k >= 0; k-- {
		switch text[k] {
		case '.', ';', ':':
			return k + 1
		case 0x94: // the last byte of "—"
			if k >= 2 && text[k-2:k+1] == "—" {
				return k - 1
			}
		}
	}
	return 0
}

// resolveDate turns a date expression into the days it covers, from base
// (the dateline's day; zero when unknown, and then only written dates
// resolve).
func resolveDate(w string, base time.Time, dir int) (dateAt, bool) {
	forward := dir > 0
	day := func(t time.Time) dateAt { return dateAt{from: t, to: t, precision: "day"} }
	w = strings.TrimSpace(w)
	part := ""
	for _, p := range []string{"morning", "afternoon", "evening", "night"} {
		if strings.HasSuffix(w, p) {
			part = p
		}
	}
	needBase := func() bool { return !base.IsZero() }
	switch {
	case w == "yesterday":
		if !needBase() {
			return dateAt{}, false
		}
		return day(base.AddDate(0, 0, -1)), true
	case w == "last night" || w == "the previous night" || w == "the night before":
		if !needBase() {
			return dateAt{}, false
		}
		d := day(base.AddDate(0, 0, -1))
		d.part = "night"
		return d, true
	case w == "the day before":
		if !needBase() {
			return dateAt{}, false
		}
		return day(base.AddDate(0, 0, -1)), true
	case w == "today" || w == "tonight" || strings.HasPrefix(w, "this ") && !strings.Contains(w, "week") && !strings.Contains(w, "month") && !strings.Contains(w, "year") || w == "overnight":
		if !needBase() {
			return dateAt{}, false
		}
		d := day(base)
		if w == "tonight" {
			d.part = "evening"
		} else {
			d.part = part
		}
		return d, true
	case w == "tomorrow" || w == "the next day":
		if !needBase() {
			return dateAt{}, false
		}
		return day(base.AddDate(0, 0, 1)), true
	case w == "the next night":
		if !needBase() {
			return dateAt{}, false
		}
		d := day(base.AddDate(0, 0, 1))
		d.part = "night"
		return d, true
	}
	for i, name := range []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"} {
		if !strings.Contains(w, name) {
			continue
		}
		if !needBase() {
			return dateAt{}, false
		}
		var t time.Time
		if forward || strings.HasPrefix(w, "next") {
			ahead := (i - int(base.Weekday()) + 7) % 7
			if strings.HasPrefix(w, "next") && ahead == 0 {
				ahead = 7
			}
			t = base.AddDate(0, 0, ahead)
		} else {
			back := (int(base.Weekday()) - i + 7) % 7
			if strings.HasPrefix(w, "last") && back == 0 {
				back = 7
			}
			t = base.AddDate(0, 0, -back)
		}
		d := day(t)
		d.part = part
		return d, true
	}
	if d, ok := relativePeriod(w, base); ok {
		return d, true
	}
	if t, ok := parseMonthDay(w, base, dir); ok {
		return day(t), true
	}
	if d, ok := monthOrYear(w, base, dir); ok {
		return d, true
	}
	return dateAt{}, false
}

// relativePeriod reads "last week", "this month", "earlier this year",
// "two weeks ago", "a decade ago" against base.
func relativePeriod(w string, base time.Time) (dateAt, bool) {
	if base.IsZero() {
		return dateAt{}, false
	}
	fs := strings.Fields(w)
	if len(fs) >= 3 && fs[len(fs)-1] == "ago" {
		n := 1
		if v, ok := numberWords()[fs[0]]; ok {
			n = int(v)
		} else if v, err := strconv.Atoi(fs[0]); err == nil {
			n = v
		} else if fs[0] != "a" {
			return dateAt{}, false
		}
		switch strings.TrimSuffix(fs[1], "s") {
		case "day":
			t := base.AddDate(0, 0, -n)
			return dateAt{from: t, to: t, precision: "day"}, true
		case "week":
			t := base.AddDate(0, 0, -7*n)
			return dateAt{from: t.AddDate(0, 0, -3), to: t.AddDate(0, 0, 3), precision: "week"}, true
		case "month":
			t := base.AddDate(0, -n, 0)
			return dateAt{from: t.AddDate(0, 0, -10), to: t.AddDate(0, 0, 10), precision: "month"}, true
		case "year":
			t := base.AddDate(-n, 0, 0)
			return dateAt{from: t.AddDate(0, -4, 0), to: t.AddDate(0, 4, 0), precision: "year"}, true
		case "decade":
			t := base.AddDate(-10*n, 0, 0)
			return dateAt{from: t.AddDate(-2, 0, 0), to: t.AddDate(2, 0, 0), precision: "year"}, true
		}
		return dateAt{}, false
	}
	if len(fs) < 2 {
		return dateAt{}, false
	}
	unit := fs[len(fs)-1]
	which := strings.Join(fs[:len(fs)-1], " ")
	weekStart := base.AddDate(0, 0, -((int(base.Weekday()) + 6) % 7)) // Monday
	monthStart := time.Date(base.Year(), base.Month(), 1, 0, 0, 0, 0, time.UTC)
	yearStart := time.Date(base.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	span := func(from time.Time, years, months, days int, precision string) dateAt {
		return dateAt{from: from, to: from.AddDate(years, months, days).AddDate(0, 0, -1), precision: precision}
	}
	switch unit {
	case "week":
		switch which {
		case "last", "past":
			return span(weekStart.AddDate(0, 0, -7), 0, 0, 7, "week"), true
		case "this", "earlier this":
			return dateAt{from: weekStart, to: base, precision: "week"}, true
		case "next":
			return span(weekStart.AddDate(0, 0, 7), 0, 0, 7, "week"), true
		case "later this":
			return dateAt{from: base, to: weekStart.AddDate(0, 0, 6), precision: "week"}, true
		}
	case "month":
		switch which {
		case "last", "past":
			return span(monthStart.AddDate(0, -1, 0), 0, 1, 0, "month"), true
		case "this", "earlier this":
			return dateAt{from: monthStart, to: base, precision: "month"}, true
		case "next":
			return span(monthStart.AddDate(0, 1, 0), 0, 1, 0, "month"), true
		case "later this":
			return dateAt{from: base, to: monthStart.AddDate(0, 1, -1), precision: "month"}, true
		}
	case "year":
		switch which {
		case "last", "past":
			return span(yearStart.AddDate(-1, 0, 0), 1, 0, 0, "year"), true
		case "this", "earlier this":
			return dateAt{from: yearStart, to: base, precision: "year"}, true
		case "next":
			return span(yearStart.AddDate(1, 0, 0), 1, 0, 0, "year"), true
		case "later this":
			return dateAt{from: base, to: yearStart.AddDate(1, 0, -1), precision: "year"}, true
		}
	}
	return dateAt{}, false
}

var monthDayRe = sync.OnceValue(func() *regexp.Regexp {
	// The day ends at a word boundary: "June 2022" is a month of a year,
	// not June 20.
	return regexp.MustCompile(`([a-z]+)\.?\s+(\d{1,2})\b|(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)`)
})
var yearRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b(19|20)\d\d\b`) })

// yearsIn yields the years yearRe finds in text, in order, without the
// expression (every body paragraph and sentence is asked for them): "19"
// or "20" and two digits, with no ASCII letter, digit or underscore on
// either side (\b).
func yearsIn(text string) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i+4 <= len(text); i++ {
			if c, d := text[i], text[i+1]; !(c == '1' && d == '9' || c == '2' && d == '0') || !isDigit(text[i+2]) || !isDigit(text[i+3]) ||
				i > 0 && isWordASCII(text[i-1]) || i+4 < len(text) && isWordASCII(text[i+4]) {
				continue
			}
			if !yield(int(text[i]-'0')*1000 + int(text[i+1]-'0')*100 + int(text[i+2]-'0')*10 + int(text[i+3]-'0')) {
				return
			}
			i += 3
		}
	}
}

// parseMonthDay reads a month and a day: the year as written, else the
// occurrence the clause looks to (the next, or the last), else the one
// nearest the dateline ("Dec. 30" in a January story is last December's,
// "the Dec. 12 election" in a November one this December's).
func parseMonthDay(w string, base time.Time, dir int) (time.Time, bool) {
	if !strings.ContainsAny(w, "0123456789") {
		return time.Time{}, false // the pattern's day is digits: most dates are a weekday or a period
	}
	m := monthDayRe().FindStringSubmatch(w)
	if m == nil {
		return time.Time{}, false
	}
	name, dayS := m[1], m[2]
	if name == "" {
		name, dayS = m[4], m[3]
	}
	mo := monthNumber(name)
	d, _ := strconv.Atoi(dayS)
	if mo == 0 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	if ym := yearRe().FindString(w); ym != "" {
		y, _ := strconv.Atoi(ym)
		return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC), true
	}
	if base.IsZero() {
		return time.Time{}, false
	}
	return nearestYear(time.Date(base.Year(), time.Month(mo), d, 0, 0, 0, 0, time.UTC), base, dir), true
}

// nearestYear moves t, a date in base's year, to the year the clause puts
// it in: the next occurrence looking ahead, the last looking back, else the
// nearest to base.
func nearestYear(t, base time.Time, dir int) time.Time {
	prev, next := t.AddDate(-1, 0, 0), t.AddDate(1, 0, 0)
	switch dir {
	case 1:
		if t.Before(base.AddDate(0, 0, -1)) {
			return next // "until March 1" in a December story
		}
		return t
	case -1:
		if t.After(base.AddDate(0, 0, 7)) {
			return prev // news reports the past: "Dec. 30" in a January story
		}
		return t
	}
	best := t
	for _, c := range []time.Time{prev, next} {
		if absDays(c.Sub(base)) < absDays(best.Sub(base)) {
			best = c
		}
	}
	return best
}

func absDays(d time.Duration) float64 {
	if d < 0 {
		d = -d
	}
	return d.Hours() / 24
}

// monthOrYear reads a month alone ("in March", "the end of February",
// "early 1979", "in 2013"), its part when said.
func monthOrYear(w string, base time.Time, dir int) (dateAt, bool) {
	fs := strings.Fields(strings.ReplaceAll(w, "-", " "))
	part := ""
	switch {
	case len(fs) >= 2 && (fs[0] == "early" || fs[0] == "mid" || fs[0] == "late"):
		part, fs = fs[0], fs[1:]
	case len(fs) >= 4 && fs[0] == "the" && fs[2] == "of":
		part, fs = fs[1], fs[3:]
	}
	if len(fs) == 1 && isYear(fs[0]) {
		y, _ := strconv.Atoi(fs[0])
		from, to := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
		from, to = partOf(from, to, part)
		return dateAt{from: from, to: to, precision: "year"}, true
	}
	mo := monthNumber(strings.TrimSuffix(fs[0], "."))
	if mo == 0 {
		return dateAt{}, false
	}
	y := 0
	if len(fs) > 1 && isYear(fs[1]) {
		y, _ = strconv.Atoi(fs[1])
	} else if !base.IsZero() {
		y = nearestYear(time.Date(base.Year(), time.Month(mo), 15, 0, 0, 0, 0, time.UTC), base, dir).Year()
	} else {
		return dateAt{}, false
	}
	from := time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC)
	to := from.AddDate(0, 1, -1)
	from, to = partOf(from, to, part)
	return dateAt{from: from, to: to, precision: "month"}, true
}

// partOf narrows a month or a year to its early, middle or late third, its
// start or its end.
func partOf(from, to time.Time, part string) (time.Time, time.Time) {
	span := to.Sub(from)
	third := span / 3
	switch part {
	case "early", "beginning", "start":
		return from, from.Add(third)
	case "mid", "middle":
		return from.Add(third), to.Add(-third)
	case "late", "end":
		return to.Add(-third), to
	}
	return from, to
}

func monthNumber(name string) int {
	for i, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.HasPrefix(name, m) {
			return i + 1
		}
	}
	return 0
}

package compare

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // IANA zones on every system: "Eastern" in June is -04:00

	"github.com/parallax-news/parallax/loader"
)

// TimeValue is a time expression resolved as far as the text allows: a
// clock time in UTC when its zone is known (written, or local to a place the
// article names), else as written on the local clock; a date when the text
// or the dateline gives one.
type TimeValue struct {
	// Start and End bound the instant or the period ("last night"). When
	// HasZone is false they hold the local clock reading, in UTC's location.
	Start, End time.Time
	HasDate    bool   // the calendar day is known
	HasClock   bool   // a time of day was written ("3:33 a.m."), not only a day
	HasZone    bool   // Start and End are true UTC
	Zone       string // the IANA zone the clock was read in, when known
	Qualifier  string // "about", "shortly after", ... or ""
	// Precision is "day", "week", "month" or "year" for a date alone, ""
	// for a clock time.
	Precision string
	// Forward marks a date the sentence puts after the dateline ("will
	// leave on January 1", "is scheduled for Friday").
	Forward bool
}

// timeAt is a time expression found in a sentence, its span relative to it.
type timeAt struct {
	v          TimeValue
	start, end int
}

// clock24Zones are the zones a 24-hour clock is read with.
var clock24Zones = []string{"GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "MSK", "IST"}

// mayHaveZone: the text names one of clock24Zones, in any case, without
// which clock24Re matches nothing (the expression is costly, and most
// sentences with a digit and a capital name no zone). The expression's
// case folding also takes the long s and the Kelvin sign for s and k: a
// text with either is let through.
func mayHaveZone(text string) bool {
	if strings.Contains(text, "ſ") || strings.Contains(text, "\u212a") { // (ContainsAny walks the runes)
		return true
	}
	for i := 1; i+3 <= len(text); i++ {
		// The expression puts a zone after a digit or white space (\s).
		switch text[i-1] {
		case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ' ', '\t', '\n', '\f', '\r':
		default:
			continue
		}
		switch text[i] | 0x20 { // the zones' first letters, either case
		case 'g', 'u', 'b', 'c', 'e', 'm', 'i':
		default:
			continue
		}
		for _, z := range clock24Zones {
			if len(text)-i >= len(z) && strings.EqualFold(text[i:i+len(z)], z) {
				return true
			}
		}
	}
	return false
}

var (
	clockRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\b(about|around|approximately|shortly after|shortly before|just after|just before|soon after|after|before|by|at)?\s*\b(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?\s?m\b\.?|p\.?\s?m\b\.?|am\b|pm\b)`)
	})
	// 24-hour clocks need a zone to be told from other numbers: "0300 GMT", "09:30 BST".
	clock24Re = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\b(about|around|approximately|shortly after|shortly before|by|at)?\s*\b([01]?\d|2[0-3]):?([0-5]\d)\s*(?:hours?\s+)?(` +
			strings.Join(clock24Zones, "|") + `)\b`)
	})
	zoneRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^\s*\(?\s*(local time|local|Eastern(?: Standard| Daylight)?(?: Time)?|Pacific(?: Time)?|Central(?: Time)?|Mountain(?: Time)?|ET|EST|EDT|PT|PST|PDT|CT|CST|CDT|MT|MST|MDT|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|IST)\b\)?`)
	})
)

// meridiemMarks drops the full stops and spaces of "a. m.", "p.m.".
var meridiemMarks = strings.NewReplacer(".", "", " ", "")

// timeExpressions finds the times of a sentence and resolves them against
// the article's dateline and the zone of the place it reports from: its
// clock times, each on the day the sentence names nearest it (else the
// dateline's), and the days, weeks, months and years it names alone.
func timeExpressions(text string, dl loader.Dateline, place *time.Location) []timeAt {
	var out []timeAt
	dates := dateExpressions(text, dl)
	usedDate := make([]bool, len(dates))
	hasDigit := strings.ContainsAny(text, "0123456789")
	for _, re := range []*regexp.Regexp{clockRe(), clock24Re()} {
		if !hasDigit || re == clockRe() && !mayHaveClock(text) || re == clock24Re() && (!strings.ContainsAny(text, "GMUBCEIST") || !mayHaveZone(text)) {
			continue
		}
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			qual := ""
			if m[2] >= 0 {
				qual = strings.ToLower(text[m[2]:m[3]])
			}
			hour, _ := strconv.Atoi(text[m[4]:m[5]])
			minute := 0
			if m[6] >= 0 {
				minute, _ = strconv.Atoi(text[m[6]:m[7]])
			}
			zoneWord := ""
			end := m[1]
			if re == clockRe() {
				mer := strings.ToLower(meridiemMarks.Replace(text[m[8]:m[9]]))
				if hour < 1 || hour > 12 || minute > 59 {
					continue
				}
				if mer == "pm" && hour != 12 {
					hour += 12
				}
				if mer == "am" && hour == 12 {
					hour = 0
				}
				if z := zoneRe().FindStringSubmatchIndex(text[end:]); z != nil {
					zoneWord = text[end+z[2] : end+z[3]]
					end += z[1]
				}
			} else {
				zoneWord = text[m[8]:m[9]]
			}
			start := m[0]
			if qual == "at" {
				qual = "" // "at 3 p.m." is the time itself
			}
			if qual == "" {
				start = m[4]
			}
			// The day of the clock: the single day the sentence names
			// nearest it.
			day := time.Time{}
			nearest := -1
			for k, d := range dates {
				if d.precision != "day" {
					continue
				}
				if nearest < 0 || distance(d.start, d.end, start, end) < distance(dates[nearest].start, dates[nearest].end, start, end) {
					nearest = k
				}
			}
			if nearest >= 0 {
				day = dates[nearest].from
				usedDate[nearest] = true
			}
			v := TimeValue{HasClock: true, Qualifier: qual}
			date := day
			if date.IsZero() && !dl.IsZero() {
				date = dl.Time // a clock time alone is of the dateline's day, at best
			}
			loc := zoneOf(zoneWord, place, date)
			v.HasZone = loc != nil
			if v.HasZone {
				v.Zone = loc.String()
			} else {
				loc = time.UTC
			}
			v.HasDate = !day.IsZero()
			y, mo, d := 2000, time.January, 1
			if !date.IsZero() {
				y, mo, d = date.Year(), date.Month(), date.Day()
			}
			t := time.Date(y, mo, d, hour, minute, 0, 0, loc)
			v.Start, v.End = t.UTC(), t.UTC()
			if !v.HasZone {
				v.Start = time.Date(y, mo, d, hour, minute, 0, 0, time.UTC)
				v.End = v.Start
			}
			out = append(out, timeAt{v: v, start: start, end: end})
		}
	}
	for k, d := range dates {
		if usedDate[k] {
			continue
		}
		// A day alone ("yesterday", "on Sunday", "June 27"), or a longer
		// period ("last month", "in March", "in 2013").
		v := TimeValue{HasDate: true, Start: d.from, End: d.to.Add(24*time.Hour - time.Second), Precision: d.precision, Forward: d.forward}
		if d.part != "" {
			v.Start, v.End = partOfDay(d.from, d.part)
		}
		out = append(out, timeAt{v: v, start: d.start, end: d.end})
	}
	return out
}

// distance is how far apart two spans of a sentence are.
func distance(aStart, aEnd, bStart, bEnd int) int {
	switch {
	case aEnd <= bStart:
		return bStart - aEnd
	case bEnd <= aStart:
		return aStart - bEnd
	}
	return 0
}

// partOfDay bounds "morning", "evening", "night" of a day, as newsrooms use
// them; the night runs into the next morning.
func partOfDay(day time.Time, part string) (time.Time, time.Time) {
	h := func(x int) time.Time { return day.Add(time.Duration(x) * time.Hour) }
	switch part {
	case "morning":
		return h(5), h(12)
	case "afternoon":
		return h(12), h(18)
	case "evening":
		return h(17), h(24)
	case "night":
		return h(18), h(30)
	}
	return day, h(24).Add(-time.Second)
}

// fixedZones are the abbreviations that name one offset whatever the date:
// "BST" is UTC+1 by definition, "EDT" UTC-4.
var fixedZones = map[string]int{
	"gmt": 0, "utc": 0, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3, "msk": 3,
	"est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
}

// zoneOf reads a zone word: an abbreviation with a fixed offset, a region
// ("Eastern", "ET") whose offset depends on the date, or "local time" in the
// zone of the place the article reports from. A zone whose offset depends
// on a date that is not known is no zone: nil.
func zoneOf(word string, place *time.Location, date time.Time) *time.Location {
	w := strings.ToLower(strings.TrimSpace(word))
	if w == "" {
		return nil
	}
	if h, ok := fixedZones[w]; ok {
		return time.FixedZone(strings.ToUpper(w), h*3600)
	}
	var loc *time.Location
	switch {
	case strings.HasPrefix(w, "local"):
		loc = place
	case strings.HasPrefix(w, "eastern") || w == "et":
		loc = location("America/New_York")
	case strings.HasPrefix(w, "central") || w == "ct":
		loc = location("America/Chicago")
	case strings.HasPrefix(w, "mountain") || w == "mt":
		loc = location("America/Denver")
	case strings.HasPrefix(w, "pacific") || w == "pt":
		loc = location("America/Los_Angeles")
	case w == "ist":
		loc = location("Asia/Kolkata")
	}
	if loc == nil || date.IsZero() && keepsDST(loc) {
		return nil
	}
	return loc
}

// locations holds the zones loaded: time.LoadLocation reads the zone
// database again at every call (0.6 ms of the sample's 20), and sentences
// name the same few places. It memoises a pure lookup of read-only data,
// filled as names are first asked for: no result depends on what it holds
// or in which order it was filled, which is why it may be shared.
var locations sync.Map // IANA name → *time.Location, nil when unknown

// location is the IANA zone of that name, or nil.
func location(name string) *time.Location {
	if loc, ok := locations.Load(name); ok {
		return loc.(*time.Location)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		loc = nil
	}
	locations.Store(name, loc)
	return loc
}

// keepsDST reports a zone whose offset changes in the year: its clock
// cannot be read in UTC without the date.
func keepsDST(loc *time.Location) bool {
	_, jan := time.Date(2021, 1, 15, 12, 0, 0, 0, loc).Zone()
	_, jul := time.Date(2021, 7, 15, 12, 0, 0, 0, loc).Zone()
	return jan != jul
}

// placeZone finds the zone of the place some words report from: the first
// place they name that placeZones knows ("Iraq-Syria border" names Iraq
// first). The caller tries the sentence of the time first, then the
// article, as a dateline would.
func placeZone(ws []token) *time.Location {
	for _, w := range ws {
		if loc := wordZone(w.text); loc != nil {
			return loc
		}
	}
	return nil
}

// placeZoneIn is placeZone of a text's words, split as eachWord splits
// them but not folded: the article's zone is looked for in every body
// paragraph until one names a place, often all of them.
func placeZoneIn(text string) *time.Location {
	for i := 0; ; {
		start, end := nextWord(text, i)
		if start < 0 {
			return nil
		}
		if loc := wordZone(text[start:end]); loc != nil {
			return loc
		}
		i = end
	}
}

// placeFirstBytes are the first bytes of the places placeZones knows.
var placeFirstBytes = sync.OnceValue(func() *[256]bool {
	var set [256]bool
	for p := range placeZones() {
		if p != "" {
			set[p[0]] = true
		}
	}
	return &set
})

// wordZone is the zone of the first place placeZones knows among a word's
// parts between hyphens ("Iraq-Syria"), or nil.
func wordZone(w string) *time.Location {
	// Each part as strings.Split would give it, without the slice: this
	// runs at every word of a time's sentence. A part that opens on no
	// place's first byte (most: places are capitalised) is no place.
	first := placeFirstBytes()
	for rest, more := w, true; more; {
		var part string
		part, rest, more = strings.Cut(rest, "-")
		if part == "" || !first[part[0]] {
			continue
		}
		if name, ok := placeZones()[part]; ok {
			if loc := location(name); loc != nil {
				return loc
			}
		}
	}
	return nil
}

// describe renders a time value for people: an RFC 3339 instant when the
// zone is known, the local clock otherwise, the date or "date unknown".
func (v TimeValue) describe() string {
	q := ""
	if v.Qualifier != "" {
		q = v.Qualifier + " "
	}
	switch {
	case v.HasClock && v.HasZone && v.HasDate:
		return q + v.Start.Format(time.RFC3339)
	case v.HasClock && v.HasZone:
		return q + v.Start.Format("15:04") + " UTC (date unknown)"
	case v.HasClock && v.HasDate:
		return q + v.Start.Format("2006-01-02 15:04") + " local (zone unknown)"
	case v.HasClock:
		return q + v.Start.Format("15:04") + " local (date and zone unknown)"
	case !v.Start.Equal(v.End) && v.End.Sub(v.Start) < 23*time.Hour:
		return fmt.Sprintf("%s to %s", v.Start.Format("2006-01-02 15:04"), v.End.Format("2006-01-02 15:04"))
	case v.Precision == "week" || v.Precision == "month" && (v.Start.Day() != 1 || v.End.AddDate(0, 0, 1).Day() != 1):
		return fmt.Sprintf("%s to %s", v.Start.Format("2006-01-02"), v.End.Format("2006-01-02"))
	case v.Precision == "month":
		return v.Start.Format("2006-01")
	case v.Precision == "year" && v.Start.Month() == 1 && v.Start.Day() == 1 && v.End.Month() == 12:
		return v.Start.Format("2006")
	case v.Precision == "year":
		return fmt.Sprintf("%s to %s", v.Start.Format("2006-01"), v.End.Format("2006-01"))
	}
	return v.Start.Format("2006-01-02")
}

// mayHaveClock is a cheap scan for a digit run followed by a.m. or p.m.
// ("3:33 a.m.", "1AM", "6 p.m."), so that the regular expression runs only
// where it may match: its "m" ends a word, as the expression's does ("5
// Americans" names no time).
func mayHaveClock(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] < '0' || text[i] > '9' {
			continue
		}
		j := i
		for j < len(text) && (text[j] >= '0' && text[j] <= '9' || text[j] == ':' || text[j] == '.') {
			j++
		}
		for j < len(text) && text[j] == ' ' {
			j++
		}
		if j < len(text) && strings.IndexByte("aApP", text[j]) >= 0 {
			k := j + 1
			for k < len(text) && (text[k] == '.' || text[k] == ' ') {
				k++
			}
			if k < len(text) && (text[k] == 'm' || text[k] == 'M') && (k+1 == len(text) || !isWordASCII(text[k+1])) {
				return true
			}
		}
		i = j
	}
	return false
}

// clockOrDay is a cheap test that a sentence may hold a time expression,
// so that most sentences skip the regular expressions: a clock needs a
// digit, a day needs one of its words.
func clockOrDay(text string) bool {
	if strings.ContainsAny(text, "0123456789") {
		return true
	}
	return mayNameDay(text)
}

var (
	dayWords   = []string{"yesterday", "today", "tonight", "tomorrow", "night", "morning", "afternoon", "evening", "day", "week", "month", "year", "ago"}
	monthStems = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

	dayWordsByFirst   = byFirstByte(dayWords)
	monthStemsByFirst = byFirstByte(monthStems)
)

// mayNameMonth: the text, lowered, holds a month's first three letters.
func mayNameMonth(text string) bool { return containsFolded(text, &monthStemsByFirst) }

// mayNameDay: the text, lowered, holds one of dayWords.
func mayNameDay(text string) bool {
	if strings.Contains(text, "\u0130") || strings.Contains(text, "\u212a") { // (ContainsAny walks the runes)
		// The dotted capital I and the Kelvin sign lower to ASCII letters
		// (i, k), which containsFolded does not see.
		l := strings.ToLower(text)
		return slices.ContainsFunc(dayWords, func(w string) bool { return strings.Contains(l, w) })
	}
	return containsFolded(text, &dayWordsByFirst)
}

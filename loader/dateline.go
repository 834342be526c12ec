package loader

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// dateLayouts are the forms of a publication date seen in news metadata:
// ISO 8601 in its variants (meta tags, JSON-LD, news APIs), RFC 1123 (RSS,
// HTTP), and the written forms of bylines. Each says whether it carries a time
// of day and a UTC offset.
var dateLayouts = []struct {
	layout  string
	hasTime bool
	hasZone bool
}{
	{time.RFC3339Nano, true, true},
	{"2006-01-02T15:04:05Z0700", true, true},
	{"2006-01-02T15:04Z07:00", true, true},
	{"2006-01-02 15:04:05Z07:00", true, true},
	{"2006-01-02 15:04:05 -0700", true, true},
	{time.RFC1123Z, true, true},
	{"Mon, 2 Jan 2006 15:04:05 -0700", true, true},
	{"2006-01-02T15:04:05.999999999", true, false},
	{"2006-01-02T15:04", true, false},
	{"2006-01-02 15:04:05", true, false},
	{"2006-01-02 15:04", true, false},
	{"2006-01-02", false, false},
	{"2006/01/02", false, false},
	{"January 2, 2006", false, false},
	{"Jan 2, 2006", false, false},
	{"Jan. 2, 2006", false, false},
	{"2 January 2006", false, false},
	{"2 Jan 2006", false, false},
	{"Monday, January 2, 2006", false, false},
	{"Mon, 2 Jan 2006", false, false},
}

// ParseDate reads a publication date in one of the usual metadata forms.
// Named zones ("EST") are not trusted: the same letters name different
// offsets in different countries, so such a time is kept without a zone.
func ParseDate(s string) (Dateline, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Dateline{}, false
	}
	if dl, ok := parseISO(s); ok {
		return dl, true
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			return Dateline{Time: t, HasTime: l.hasTime, HasZone: l.hasZone}, true
		}
	}
	// "Mon, 02 Jan 2006 15:04:05 GMT" and the like: the time stands, the
	// letters are dropped unless they are GMT or UTC.
	for _, l := range []string{time.RFC1123, time.UnixDate, "2006-01-02 15:04:05 MST", "January 2, 2006 3:04 PM MST", "Jan 2, 2006 3:04 PM MST"} {
		if t, err := time.Parse(l, s); err == nil {
			zone, _ := t.Zone()
			utc := zone == "GMT" || zone == "UTC" || zone == "Z"
			if utc {
				t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
			}
			return Dateline{Time: t, HasTime: true, HasZone: utc}, true
		}
	}
	return Dateline{}, false
}

// parseISO reads a date in ISO 8601 as pages and APIs write it: a date,
// then perhaps a time (after "T" or a space) with seconds and a fraction of
// 1 to 9 digits, then perhaps a zone ("Z", "+01:00", "-0800", "+05") after
// optional white space. A time of day without a zone is kept without one.
// It reads what the expression
// `^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$`
// reads (a test holds them to it), written out because every run parses a
// date and the expression cost most of a millisecond to build at start-up.
func parseISO(s string) (Dateline, bool) {
	i := 0
	num := func(n int) (int, bool) {
		if i+n > len(s) {
			return 0, false
		}
		v := 0
		for _, c := range []byte(s[i : i+n]) {
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		i += n
		return v, true
	}
	lit := func(chars string) bool {
		if i < len(s) && strings.IndexByte(chars, s[i]) >= 0 {
			i++
			return true
		}
		return false
	}
	year, ok1 := num(4)
	ok2 := lit("-")
	month, ok3 := num(2)
	ok4 := lit("-")
	day, ok5 := num(2)
	if !(ok1 && ok2 && ok3 && ok4 && ok5) {
		return Dateline{}, false
	}
	var dl Dateline
	hour, minute, sec, nsec := 0, 0, 0, 0
	if mark := i; lit("T ") {
		h, okh := num(2)
		okc := lit(":")
		m, okm := num(2)
		if okh && okc && okm {
			dl.HasTime, hour, minute = true, h, m
			if mark := i; lit(":") {
				if v, ok := num(2); ok {
					sec = v
					if mark := i; lit(".,") {
						digits := 0
						for i < len(s) && digits < 9 && s[i] >= '0' && s[i] <= '9' {
							i++
							digits++
						}
						if digits == 0 {
							i = mark
						} else {
							nsec, _ = strconv.Atoi((s[mark+1:i] + "000000000")[:9])
						}
					}
				} else {
					i = mark
				}
			}
		} else {
			i = mark
		}
	}
	for i < len(s) && strings.IndexByte(" \t\n\f\r", s[i]) >= 0 {
		i++
	}
	zone := ""
	if mark := i; lit("Z") {
		zone = "Z"
	} else if lit("+-") {
		if _, ok := num(2); ok {
			minutes := i
			lit(":")
			if _, ok := num(2); !ok {
				i = minutes
			}
			zone = s[mark:i]
		} else {
			i = mark
		}
	}
	if i != len(s) {
		return Dateline{}, false
	}
	if month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || sec > 60 {
		return Dateline{}, false
	}
	loc := time.UTC
	if zone != "" && dl.HasTime {
		dl.HasZone = true
		if zone != "Z" {
			d := strings.ReplaceAll(zone[1:], ":", "")
			h, _ := strconv.Atoi(d[:2])
			mins := 0
			if len(d) == 4 {
				mins, _ = strconv.Atoi(d[2:])
			}
			if h > 14 || mins > 59 {
				return Dateline{}, false
			}
			off := (h*60 + mins) * 60
			if zone[0] == '-' {
				off = -off
			}
			loc = time.FixedZone("", off)
		}
	}
	dl.Time = time.Date(year, time.Month(month), day, hour, minute, sec, nsec, loc)
	if dl.Time.Day() != day {
		return Dateline{}, false // 31 February
	}
	return dl, true
}

// datePattern is a written date: "June 06, 2013", "28 November 2005",
// "2013-06-06"; timePattern a time of day after it, with a zone's letters.
const (
	datePattern = `(\p{L}{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\.?\s+\p{L}{3,9}\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})`
	timePattern = `([ T,]+(?:at\s+)?\d{1,2}[:.]\d{2}(:\d{2})?\s*([ap]\.?m\.?)?(\s*[A-Z]{2,5})?)?`
)

// timestampRe is a line that is only a date, perhaps with a time and zone:
// "June 06, 2013", "Fri., May. 3, 2013 11:45 AM PDT", "2013-06-06 10:00".
var timestampRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?i)((?:last\s+)?updated:?\s*|published:?\s*|posted:?\s*)?(\p{L}{3,9}\.?,?\s+)?` + datePattern + timePattern + `\s*$`)
})

// cjkDateRe is a date as Chinese and Japanese write it: "2016年10月14日".
var cjkDateRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`) })

// cjkStampRe is a line that is only a date as Chinese and Japanese write it,
// with a time, and a short label before it at most: a source's name
// ("TNW中文站2016年10月14日07:17"), "发布时间：" or "更新". The label is at
// most maxStampLabel letters and holds no sentence punctuation, so that a
// headline that ends on a date stays a headline.
var cjkStampRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[^。！？，；.!?,;]{0,` + strconv.Itoa(maxStampLabel) + `}?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(\d{1,2}[:：]\d{2}([:：]\d{2})?)?\s*$`)
})

// maxStampLabel is the longest label a CJK date line carries before its date:
// an outlet's or a wire's name, or "published at", is a few characters.
const maxStampLabel = 10

// cjkDateline reads a short line that holds a date written in Chinese or
// Japanese, as a source and time beside it often do: "TNW中文站2016年10月14日07:17".
func cjkDateline(text string) (Dateline, bool) {
	if utf8.RuneCountInString(text) > 40 {
		return Dateline{}, false
	}
	m := cjkDateRe().FindStringSubmatch(text)
	if m == nil {
		return Dateline{}, false
	}
	t, err := time.Parse("2006-1-2", m[1]+"-"+m[2]+"-"+m[3])
	if err != nil {
		return Dateline{}, false
	}
	return Dateline{Time: t}, true
}

// openingDateRe is a date that opens a paragraph before a dash, as wire copy
// dates its lede: "Feb. 23, 2015 -- ", "April 17, 2015 — ".
var openingDateRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(\p{L}{3,9}\.?,?\s+)?` + datePattern + `\s*(--|—|–)\s`)
})

// openingDate reads the date that opens a lede ("Feb. 23, 2015 -- ...").
func openingDate(text string) (Dateline, bool) {
	if !hasDigitRun(text, 4) {
		return Dateline{}, false // every date the expression reads has a year of four digits
	}
	m := openingDateRe().FindStringSubmatchIndex(text)
	if m == nil {
		return Dateline{}, false
	}
	return datelineOf(text[:m[len(m)-2]])
}

// datelineOf reads the date of a line that is only a date ("Published:
// November 28, 2005", "Last Updated: Monday, 28 November 2005, 02:24 GMT").
// The day is kept, not the time: a byline's time is often the last update's.
func datelineOf(text string) (Dateline, bool) {
	if !hasDigitRun(text, 4) {
		return Dateline{}, false // every date line, CJK ones too, has a year of four digits
	}
	m := timestampRe().FindStringSubmatch(strings.TrimSpace(text))
	if m == nil {
		return cjkDateline(text)
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

// hasDigitRun reports whether s holds n ASCII digits in a row: the year
// every written date has, checked before the date expressions are run.
func hasDigitRun(s string, n int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		// A digit keeps the run and anything else ends it, by a mask: a
		// branch on it was mispredicted at every number.
		if run = (run + 1) & int(digitMask[s[i]]); run >= n {
			return true
		}
	}
	return false
}

// digitMask is all ones for an ASCII digit, zero for any other byte.
var digitMask = func() (m [256]int8) {
	for c := '0'; c <= '9'; c++ {
		m[c] = -1
	}
	return m
}()

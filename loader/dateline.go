package loader

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
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

// isoRe is ISO 8601 as pages and APIs write it: a date, then perhaps a time
// (after "T" or a space) with seconds and a fraction of any length, then
// perhaps a zone ("Z", "+01:00", "-0800", "+05").
var isoRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$`)
})

// parseISO reads a date in ISO 8601; a time of day without a zone is kept
// without one.
func parseISO(s string) (Dateline, bool) {
	m := isoRe().FindStringSubmatch(s)
	if m == nil {
		return Dateline{}, false
	}
	num := func(i int) int { n, _ := strconv.Atoi(m[i]); return n }
	year, month, day := num(1), num(2), num(3)
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return Dateline{}, false
	}
	dl := Dateline{HasTime: m[4] != ""}
	hour, minute, sec, nsec := num(4), num(5), num(6), 0
	if m[7] != "" {
		frac := (m[7] + "000000000")[:9]
		nsec, _ = strconv.Atoi(frac)
	}
	if hour > 23 || minute > 59 || sec > 60 {
		return Dateline{}, false
	}
	loc := time.UTC
	if z := m[8]; z != "" && dl.HasTime {
		dl.HasZone = true
		if z != "Z" {
			d := strings.ReplaceAll(z[1:], ":", "")
			h, _ := strconv.Atoi(d[:2])
			mins := 0
			if len(d) == 4 {
				mins, _ = strconv.Atoi(d[2:])
			}
			if h > 14 || mins > 59 {
				return Dateline{}, false
			}
			off := (h*60 + mins) * 60
			if z[0] == '-' {
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

package loader

import (
	"strings"
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
	for _, l := range dateLayouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			return Dateline{Time: t, HasTime: l.hasTime, HasZone: l.hasZone}, true
		}
	}
	// "Mon, 02 Jan 2006 15:04:05 GMT" and the like: the time stands, the
	// letters are dropped unless they are GMT or UTC.
	for _, l := range []string{time.RFC1123, "2006-01-02 15:04:05 MST", "January 2, 2006 3:04 PM MST", "Jan 2, 2006 3:04 PM MST"} {
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

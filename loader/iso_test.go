package loader

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// parseISO reads every string as the expression it replaced did: each
// combination of the parts of an ISO date, well and badly formed.
func TestParseISOAsTheExpression(t *testing.T) {
	var cases []string
	for _, date := range []string{"2015-10-15", "2015-02-31", "2015-13-01", "15-10-15", "2015-1-15", "2015/10/15"} {
		for _, tm := range []string{"", "T08:00", " 08:00", "T08:00:26", "T08:00:26.294", "T08:00:26,5", "T08:00:26.123456789", "T08:00:26.1234567890", "T25:00", "T08:0", "T08:00:2", "T08:00:26.", "T", " ", "x"} {
			for _, zone := range []string{"", "Z", "+00:00", "-0800", "+05", " +01:00", "+99:00", "+05:0", "+0", "-08:00x", " ", "z"} {
				cases = append(cases, date+tm+zone)
			}
		}
	}
	read := 0
	for _, c := range cases {
		got, ok := parseISO(c)
		want, wok := isoByExpression(c)
		if wok {
			read++
		}
		if ok != wok || ok && (got.String() != want.String() || !got.Time.Equal(want.Time)) {
			t.Errorf("parseISO(%q) = %v %v, the expression %v %v", c, got, ok, want, wok)
		}
	}
	if read < 40 || read == len(cases) {
		t.Errorf("the expression read %d of %d cases: the cases miss one side", read, len(cases))
	}
}

// isoByExpression is parseISO as it was, by its regular expression.
func isoByExpression(s string) (Dateline, bool) {
	m := isoRe.FindStringSubmatch(s)
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

var isoRe = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$`)

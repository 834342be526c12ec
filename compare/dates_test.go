package compare

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-news/parallax/loader"
)

// dateRe is the date pattern as a regular expression, as the engine ran
// it before scanDates: the oracle scanDates is held to.
var dateRe = sync.OnceValue(func() *regexp.Regexp {
	month := `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
	weekday := `(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)`
	// Matched against the text lowered (asciiLower): a case-folding
	// pattern of this many alternatives is several times slower.
	return regexp.MustCompile(`\b(?:` +
		// a month and a day, either way, with or without a year
		month + `\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?` +
		`|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?` + month + `(?:,?\s+\d{4})?` +
		// a weekday, with its part of the day
		`|(?:(?:on|last|next|this|early|late)\s+)?` + weekday + `(?:\s+(?:morning|afternoon|evening|night))?` +
		// the days around the dateline
		`|yesterday|today|tonight|tomorrow|last night|overnight|this (?:morning|afternoon|evening)|the (?:previous|next) (?:night|day)|the (?:night|day) before` +
		// weeks, months and years counted from the dateline
		`|(?:last|this|next|past|earlier this|later this)\s+(?:week|month|year)` +
		`|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:day|week|month|year|decade)s?\s+ago` +
		// a month alone, or its part
		`|(?:(?:early|mid|late)[- ]|the (?:end|beginning|start|middle) of\s+)?` + month + `(?:\s+\d{4})?` +
		// a year
		`|(?:(?:early|mid|late)[- ])?(?:19|20)\d\d` +
		`)\b`)
})

// dateMatches, which runs the date pattern only around the words it needs,
// finds what the pattern finds in the whole sentence: checked on every
// line of the evaluation articles and the seeds.
func TestDateMatchesAsThePattern(t *testing.T) {
	n, bad := 0, 0
	for _, line := range evalLines(t) {
		a := dateRe().FindAllStringIndex(asciiLower(line), -1)
		c := dateMatches(line)
		n++
		if !slices.EqualFunc(a, c, func(x, y []int) bool { return x[0] == y[0] && x[1] == y[1] }) {
			bad++
			if bad < 5 {
				t.Errorf("%q: the pattern finds %v, dateMatches %v", line, a, c)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d lines differ", bad, n)
	}
}

// scanDates finds what the expression finds, on every line of the
// evaluation articles and the seeds (lowered and as written) and on
// random strings of the pattern's own words, digits, spaces and
// punctuation, where the branches' options and boundaries meet.
func TestScanDatesAsTheExpression(t *testing.T) {
	same := func(s string) bool {
		return slices.EqualFunc(dateRe().FindAllStringIndex(s, -1), scanDates(s), func(x, y []int) bool { return x[0] == y[0] && x[1] == y[1] })
	}
	n, found, bad := 0, 0, 0
	for _, line := range evalLines(t) {
		for _, l := range []string{asciiLower(line), line} {
			n++
			found += len(scanDates(l))
			if !same(l) {
				if bad++; bad < 5 {
					t.Errorf("%q: the expression finds %v, scanDates %v", l, dateRe().FindAllStringIndex(l, -1), scanDates(l))
				}
			}
		}
	}
	if n < 10000 || found < 1000 {
		t.Fatalf("only %d lines with %d dates read: the evaluation texts are missing", n, found)
	}
	pieces := strings.Fields(`jan january jan. feb february mar march apr april may june jun july jul aug august
sep sept september sepember oct october nov november dec december monday tuesday friday sunday
on last next this early late mid past earlier later the end beginning start middle of
morning afternoon evening night yesterday today tonight tomorrow overnight previous day before
week weeks month months year years decade decades ago a one two ten 1 5 12 31 123 1999 2024 20245 19 20
st nd rd th s ,`)
	seps := []string{" ", "  ", "", "-", ".", ",", "\t", "\n", "_", "é", ", "}
	r := rand.New(rand.NewPCG(1, 2))
	for k := 0; k < 200000; k++ {
		var sb strings.Builder
		for m := 1 + r.IntN(6); m > 0; m-- {
			sb.WriteString(pieces[r.IntN(len(pieces))])
			sb.WriteString(seps[r.IntN(len(seps))])
		}
		if s := sb.String(); !same(s) {
			if bad++; bad < 10 {
				t.Errorf("%q: the expression finds %v, scanDates %v", s, dateRe().FindAllStringIndex(s, -1), scanDates(s))
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d strings differ", bad)
	}
}

// FuzzScanDates holds scanDates to the expression on any text.
func FuzzScanDates(f *testing.F) {
	for _, s := range []string{"on jan. 5, 2024", "the end of march 2019", "two weeks ago", "mid-1990s", "5th of may, 2020", "last friday night"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := dateRe().FindAllStringIndex(s, -1)
		got := scanDates(s)
		if !slices.EqualFunc(want, got, func(x, y []int) bool { return x[0] == y[0] && x[1] == y[1] }) {
			t.Errorf("%q: the expression finds %v, scanDates %v", s, want, got)
		}
	})
}

// evalLines is every line of the evaluation articles (news-dev, pages-dev,
// ECB+) and of the seeds, for the tests that hold a fast reader to the
// slow one it replaced. It skips the test where ../shared is not beside
// the checkout, as the other evaluation tests do.
func evalLines(t testing.TB) []string {
	fs, _ := filepath.Glob(filepath.Join(evalDir, "..", "*", "*", "*.txt"))
	fs2, _ := filepath.Glob(filepath.Join(evalDir, "*", "articles", "*.txt"))
	if len(fs)+len(fs2) == 0 {
		t.Skip("no ../shared/eval")
	}
	fs3, _ := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	var out []string
	for _, f := range slices.Concat(fs, fs2, fs3) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, strings.Split(string(b), "\n")...)
	}
	return out
}

// A month with its year is that month, not a day of it; "last" before a
// month alone puts it in the past, a year back when it is the dateline's
// own month; a weekday written with its date is that date, whose year is
// the one where the day is that weekday.
func TestDatesRead(t *testing.T) {
	dl := func(s string) loader.Dateline {
		tm, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return loader.Dateline{Time: tm}
	}
	for _, c := range []struct {
		text, dateline, from, to, precision string
	}{
		{"The floods came in June 2022, records show.", "2024-03-20", "2022-06-01", "2022-06-30", "month"},
		{"Violence rose between June 2011 and July 2012.", "2013-05-15", "2011-06-01", "2011-06-30", "month"},
		{"The cost of last September's storm has reached $40 million.", "2024-03-20", "2023-09-01", "2023-09-30", "month"},
		{"The cost of last March's storm has reached $40 million.", "2024-03-20", "2023-03-01", "2023-03-31", "month"},
		{"The storm struck on June 20, officials said.", "2024-07-01", "2024-06-20", "2024-06-20", "day"},
		{"The deputy was investigating the June 20 shooting.", "2005-07-26", "2005-06-20", "2005-06-20", "day"},
		{"The review began on Friday, Sept. 14, officials said.", "2013-05-15", "2012-09-14", "2012-09-14", "day"},
		{"TUESDAY, MARCH 12, 2013 - The council met in the evening.", "2013-03-11", "2013-03-12", "2013-03-12", "day"},
	} {
		ds := dateExpressions(c.text, dl(c.dateline))
		if len(ds) == 0 {
			t.Errorf("%q: no date read", c.text)
			continue
		}
		d := ds[0]
		if got := d.from.Format("2006-01-02") + " " + d.to.Format("2006-01-02") + " " + d.precision; got != c.from+" "+c.to+" "+c.precision {
			t.Errorf("%q (dated %s): read %s, want %s %s %s", c.text, c.dateline, got, c.from, c.to, c.precision)
		}
	}
}

// The end of a range written without its year follows the range's start,
// whatever its own clause's cue: "through" looks forward, and a February
// story's "from Dec. 22 through Jan. 25" ended three weeks before it.
func TestRangeEnd(t *testing.T) {
	dl := loader.Dateline{Time: time.Date(2019, 2, 15, 0, 0, 0, 0, time.UTC)}
	ds := dateExpressions("The government was shut from Dec. 22 through Jan. 25, for 35 days.", dl)
	if len(ds) != 2 {
		t.Fatalf("read %d dates, want 2", len(ds))
	}
	if got := ds[0].from.Format("2006-01-02") + " " + ds[1].from.Format("2006-01-02"); got != "2018-12-22 2019-01-25" {
		t.Errorf("read %s, want 2018-12-22 2019-01-25", got)
	}
}

// lookingWhere, which reads only the last words of a date's clause, says
// what it says reading the whole clause (the words as one list, as it
// read them before), at every date of every line of the evaluation
// articles and the seeds.
func TestLookingWhereReadsTheClauseEnd(t *testing.T) {
	whole := func(text string, at int, expr string) int {
		if strings.HasPrefix(expr, "next") || expr == "tomorrow" || strings.HasPrefix(expr, "later this") || strings.HasPrefix(expr, "the next") {
			return 1
		}
		if strings.HasPrefix(expr, "last") || strings.HasSuffix(expr, "ago") || expr == "yesterday" || strings.HasPrefix(expr, "earlier") ||
			strings.HasPrefix(expr, "the previous") || strings.HasSuffix(expr, "before") {
			return -1
		}
		start := max(0, strings.LastIndexAny(text[:at], ".;:—")+1)
		toks := words(text[start:at])
		for i := len(toks) - 1; i >= 0 && i >= len(toks)-8; i-- {
			f := toks[i].folded
			switch {
			case forwardCues[f]:
				if (f == "is" || f == "are") && !(i+1 < len(toks) && toks[i+1].folded == "to") {
					continue
				}
				return 1
			case strings.HasSuffix(f, "ing") && i > 0 && (toks[i-1].folded == "was" || toks[i-1].folded == "were" || toks[i-1].folded == "is" || toks[i-1].folded == "are" || toks[i-1].folded == "be"):
				return 1
			case strings.HasSuffix(f, "ed") && len(f) > 4 && !forwardCues[f]:
				return -1
			case f == "was" || f == "were" || f == "had" || f == "did" || f == "said":
				return -1
			}
		}
		return 0
	}
	n := 0
	for _, line := range evalLines(t) {
		for _, m := range dateMatches(line) {
			w := strings.ToLower(line[m[0]:m[1]])
			n++
			if got, want := lookingWhere(line, m[0], w), whole(line, m[0], w); got != want {
				t.Errorf("%q at %d: %d, the whole clause %d", line, m[0], got, want)
			}
		}
	}
	if n < 1000 {
		t.Fatalf("%d dates: the test reads too little", n)
	}
}

// yearsIn finds the years yearRe finds, on every line of the evaluation
// articles and the seeds and on years against letters, digits and marks.
func TestYearsInAsTheExpression(t *testing.T) {
	n := 0
	for _, l := range append([]string{"1999", "in 2013.", "x2013", "2013x", "20133", "_2013", "2013_", "1999-2000", "1899 2100 2099", "é2013é"}, evalLines(t)...) {
		var want, got []int
		for _, m := range yearRe().FindAllString(l, -1) {
			v, _ := strconv.Atoi(m)
			want = append(want, v)
		}
		for v := range yearsIn(l) {
			got = append(got, v)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: yearsIn %v, the expression %v", l, got, want)
		}
		n += len(want)
	}
	if n < 500 {
		t.Fatalf("%d years: the test reads too little", n)
	}
}

// clauseStart is strings.LastIndexAny(text, ".;:—")+1, on text with marks,
// dashes, other runes past ASCII and broken UTF-8.
func TestClauseStart(t *testing.T) {
	for _, text := range []string{"", "no mark", "one. two", "a; b: c", "then — now", "x—", "—", "é — ü", "a.b — c\xe2\x80", "\x80\x94", "e\xe2\x80\x94\x80 x", "stop.", "Jan. 5 — the day"} {
		want := strings.LastIndexAny(text, ".;:—") + 1
		if got := clauseStart(text); got != want {
			t.Errorf("clauseStart(%q) = %d, want %d", text, got, want)
		}
	}
}

package compare

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/loader"
)

func TestTimeExpressions(t *testing.T) {
	baghdad, _ := time.LoadLocation("Asia/Baghdad")
	dated := loader.Dateline{Time: time.Date(2021, 6, 28, 9, 0, 0, 0, time.UTC)} // a Monday
	tests := []struct {
		text  string
		dl    loader.Dateline
		place *time.Location
		span  string
		want  string
	}{
		{"The strikes began at 1AM local time, the ministry said.", loader.Dateline{}, baghdad, "1AM local time", "22:00 UTC (date unknown)"},
		{"The strikes began around 6 p.m. Eastern on Sunday.", dated, nil, "around 6 p.m. Eastern", "around 2021-06-27T22:00:00Z"},
		{"By about 09:30 BST the fire was largely out.", loader.Dateline{}, nil, "about 09:30 BST", "about 08:30 UTC (date unknown)"},
		{"The fire was reported at 3:33 a.m. and is under investigation.", loader.Dateline{}, nil, "3:33 a.m.", "03:33 local (date and zone unknown)"},
		{"Officials said the blast happened yesterday.", dated, nil, "yesterday", "2021-06-27"},
		{"Police were called last night.", dated, nil, "last night", "2021-06-27 18:00 to 2021-06-28 06:00"},
		{"The attack took place on Tuesday.", dated, nil, "on Tuesday", "2021-06-22"},
		{"The vote was held on March 3.", dated, nil, "March 3", "2021-03-03"},
		// "Eastern" without a date: daylight saving leaves the offset unknown.
		{"It ended at 6 p.m. Eastern.", loader.Dateline{}, nil, "6 p.m. Eastern", "18:00 local (date and zone unknown)"},
	}
	for _, tt := range tests {
		got := timeExpressions(tt.text, tt.dl, tt.place)
		if len(got) != 1 {
			t.Errorf("%q: %d times %+v", tt.text, len(got), got)
			continue
		}
		if s := tt.text[got[0].start:got[0].end]; s != tt.span {
			t.Errorf("%q: span %q, want %q", tt.text, s, tt.span)
		}
		if v := got[0].v.describe(); v != tt.want {
			t.Errorf("%q: %s, want %s", tt.text, v, tt.want)
		}
	}
	for _, s := range []string{"Five people were killed.", "He is 5 feet tall."} {
		if got := timeExpressions(s, dated, nil); len(got) != 0 {
			t.Errorf("%q: found times %+v", s, got)
		}
	}
}

func TestTimesReconciledAndConflicting(t *testing.T) {
	// The same moment in two zones is reconciled, not flagged.
	r := Compare([]*loader.Article{
		article("a", "Date: 2021-06-28\n\nThe US strikes on militia sites in Iraq began at 1 a.m. local time, officials said.\n"),
		article("b", "Date: 2021-06-28\n\nThe US strikes on militia sites began at 6 p.m. Eastern on Sunday, officials said.\n"),
	})
	if len(r.Discrepancies) != 0 {
		t.Errorf("one moment in two zones flagged: %+v", r.Discrepancies)
	}
	found := false
	for _, rc := range r.Reconciled {
		found = found || strings.Contains(rc.Reason, "same moment")
	}
	if !found {
		t.Errorf("not reconciled: %+v", r.Reconciled)
	}
	// 3:33 against 3:30 is a rounding; 5:15 against 3:33 a conflict.
	r = Compare([]*loader.Article{
		article("a", "The warehouse fire was reported at 3:33 a.m. by a passing driver.\n"),
		article("b", "The warehouse fire was reported at 3:30 a.m. by a passing driver.\n"),
	})
	if d := findDisc(r, KindTime, "3:33", "3:30"); d == nil || d.Severity != SeverityLow {
		t.Errorf("3:33 against 3:30: %+v", r.Discrepancies)
	}
	r = Compare([]*loader.Article{
		article("a", "The warehouse fire was reported at 3:33 a.m. by a passing driver.\n"),
		article("b", "The warehouse fire was reported at 5:15 a.m. by a passing driver.\n"),
	})
	if d := findDisc(r, KindTime, "3:33", "5:15"); d == nil || d.Severity != SeverityMedium {
		t.Errorf("3:33 against 5:15: %+v", r.Discrepancies)
	}
	// Several times on one side: no telling which is which, no conflict.
	r = Compare([]*loader.Article{
		article("a", "The warehouse fire was reported at 3:33 a.m. and was out by 6:40 a.m., a passing driver said.\n"),
		article("b", "The warehouse fire was reported at 5:15 a.m. by a passing driver.\n"),
	})
	if d := findDisc(r, KindTime, "6:40"); d != nil {
		t.Errorf("a second time of another moment flagged: %+v", d)
	}
	// "this evening" inside a quoted statement is the speaker's evening.
	r = Compare([]*loader.Article{
		article("a", "Date: 2021-06-28\n\n\"Our forces earlier this evening conducted defensive strikes on the facilities,\" the statement read.\n"),
		article("b", "Date: 2021-06-28\n\nThe forces conducted defensive strikes on the facilities on Sunday evening, the statement said.\n"),
	})
	if d := findDisc(r, KindTime); d != nil {
		t.Errorf("a relative day inside a quotation resolved against the dateline: %+v", d)
	}
}

// Times of different happenings are not one happening dated two ways: a
// departure and a video, a meeting looked back to and this week's.
func TestTimesOfOtherHappenings(t *testing.T) {
	for _, c := range []struct{ why, a, b string }{
		{"a departure and a video", "Date: 2018-12-23\n\nThe envoy to the coalition to defeat the Harrow militia on Saturday accelerated his departure.\n",
			"Date: 2018-12-23\n\nThe president appeared in a video, which he tweeted Wednesday evening, announcing victory over the Harrow militia.\n"},
		{"a meeting looked back to", "Date: 2019-01-04\n\nThe second White House meeting with the leaders this week broke up with no deal.\n",
			"Date: 2019-01-04\n\nThe leaders made their first visit to the White House since their Dec. 11 meeting with the president.\n"},
	} {
		r := Compare([]*loader.Article{article("a", c.a), article("b", c.b)})
		if d := findDisc(r, KindTime); d != nil {
			t.Errorf("%s: %s", c.why, d.Summary)
		}
	}
	// One debate dated two days, in two words of one kind.
	r := Compare([]*loader.Article{
		article("a", "Date: 2012-10-12\n\nThe vice president set the tone in Thursday night's face-off with his rival in Kentucky.\n"),
		article("b", "Date: 2012-10-12\n\nThe vice presidential debate with his rival in Kentucky on Tuesday set the tone.\n"),
	})
	if d := findDisc(r, KindTime); d == nil {
		t.Errorf("a face-off and a debate, Thursday and Tuesday: %+v", r.Discrepancies)
	}
}

// mayHaveZone lets through every sentence in which clock24Re finds a time,
// on the evaluation articles and the seeds and on zones in every case.
func TestMayHaveZoneBeforeClock24(t *testing.T) {
	lines := append([]string{"at 0300 GMT", "09:30 bst on", "1400 Utc", "at 2200 hours cest", "0800 MSK", "0800 Ist", "0800 ms\u212a", "1100 CEſT"}, evalLines(t)...)
	matched := 0
	for _, l := range lines {
		if clock24Re().MatchString(l) {
			matched++
			if !mayHaveZone(l) {
				t.Errorf("%q: a 24-hour clock the prefilter turns away", l)
			}
		}
	}
	if matched < 6 || len(lines) < 10000 {
		t.Fatalf("%d lines, %d with a 24-hour clock: the test reads too little", len(lines), matched)
	}
}

// mayNameDay and mayNameMonth, which match their words without lowering
// the text, answer as strings.Contains of the lowered text would, on
// every line of the evaluation articles and the seeds and on the two
// runes past ASCII that lower to ASCII letters.
func TestMayNameDayAsLowered(t *testing.T) {
	lowered := func(text string, words []string) bool {
		l := strings.ToLower(text)
		return slices.ContainsFunc(words, func(w string) bool { return strings.Contains(l, w) })
	}
	lines := append([]string{"LAST NİGHT", "one WEE\u212a", "DAY", "Yesterday", "TODAY'S", "no time here", "JAN.", "İ", ""}, evalLines(t)...)
	for _, l := range lines {
		if got, want := mayNameDay(l), lowered(l, dayWords); got != want {
			t.Errorf("mayNameDay(%q) = %v, lowered %v", l, got, want)
		}
		if got, want := mayNameMonth(l), lowered(l, monthStems); got != want {
			t.Errorf("mayNameMonth(%q) = %v, lowered %v", l, got, want)
		}
	}
}

// mayHaveClock lets through every sentence in which clockRe finds a time,
// on the evaluation articles and the seeds and on meridiems in every case.
func TestMayHaveClockBeforeClock(t *testing.T) {
	lines := append([]string{"at 3:33 a.m. on", "1AM", "6 p.m.", "10 P.M", "11 pm", "5 a. m.", "7am"}, evalLines(t)...)
	matched := 0
	for _, l := range lines {
		if clockRe().MatchString(l) {
			matched++
			if !mayHaveClock(l) {
				t.Errorf("%q: a clock the prefilter turns away", l)
			}
		}
	}
	if mayHaveClock("5 Americans and 2 amendments") {
		t.Error(`"5 Americans": no clock, let through`)
	}
	if matched < 7 || len(lines) < 10000 {
		t.Fatalf("%d lines, %d with a clock: the test reads too little", len(lines), matched)
	}
}

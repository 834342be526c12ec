package compare

import (
	"math"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/loader"
)

func TestQuantities(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		text string
		want []Quantity // fields compared: Low, High, Qualifier, Counted, Outcome, Unit
	}{
		{"The Syrian Observatory said that five militia fighters were killed in the strikes.",
			[]Quantity{{Low: 5, High: 5, Counted: "fighter", Outcome: "killed"}}},
		{"At least five Iranian-backed militiamen were killed and several others injured.",
			[]Quantity{{Low: 5, High: inf, Qualifier: "at least", Counted: "militiamen", Outcome: "killed"}}},
		{"Some 2,500 US soldiers are deployed in Iraq.",
			[]Quantity{{Low: 2250, High: 2750, Qualifier: "some", Counted: "soldier", Outcome: "deployed"}}},
		{"The state news agency said a child was also killed and three other people were injured.",
			[]Quantity{{Low: 1, High: 1, Counted: "child", Outcome: "killed"}, {Low: 3, High: 3, Counted: "people", Outcome: "injured"}}},
		{"The deal was worth $184 million, up from $180M.",
			[]Quantity{{Low: 184e6, High: 184e6, Unit: "$"}, {Low: 180e6, High: 180e6, Unit: "$"}}},
		{"A magnitude 5.9 quake struck on June 27, 2021 at 1 a.m.",
			[]Quantity{{Low: 5.9, High: 5.9, Unit: "magnitude", Counted: "quake"}}},
		{"A dozen rockets were fired at the base.",
			[]Quantity{{Low: 12, High: 12, Counted: "rocket", Outcome: "fired"}}},
		// An elided noun is the one counted just before; an outcome verb
		// just before the number wins over one in the next clause.
		{"Ten people are killed and about 50 hurt.",
			[]Quantity{{Low: 10, High: 10, Counted: "people", Outcome: "killed"}, {Low: 45, High: 55, Qualifier: "about", Counted: "people", Outcome: "injured"}}},
		{"The quake leveled seven villages, killing 10 persons and wounding 70, officials said.",
			[]Quantity{{Low: 7, High: 7, Counted: "village", Outcome: "destroyed"}, {Low: 10, High: 10, Counted: "person", Outcome: "killed"},
				{Low: 70, High: 70, Counted: "person", Outcome: "injured"}}},
		// A qualifier between the verb and the number hides neither; "other"
		// before the number neither; and villages are never killed.
		{"The quake hit on Sunday, killing at least 10 people and injuring many others.",
			[]Quantity{{Low: 10, High: inf, Qualifier: "at least", Counted: "people", Outcome: "killed"}}},
		{"The quake leveled seven villages, killing 10 persons and wounding other 70, officials said.",
			[]Quantity{{Low: 7, High: 7, Counted: "village", Outcome: "destroyed"}, {Low: 10, High: 10, Counted: "person", Outcome: "killed"},
				{Low: 70, High: 70, Counted: "person", Outcome: "injured"}}},
		// "destruction in" is what befell the villages.
		{"It caused major destruction in seven villages and killing 10 people and injuring 80.",
			[]Quantity{{Low: 7, High: 7, Counted: "village", Outcome: "destroyed"}, {Low: 10, High: 10, Counted: "people", Outcome: "killed"},
				{Low: 80, High: 80, Counted: "people", Outcome: "injured"}}},
		{"The 5.9-magnitude quake struck; the survey said it was a magnitude-6.1 temblor.",
			[]Quantity{{Low: 5.9, High: 5.9, Unit: "magnitude", Counted: "quake"}, {Low: 6.1, High: 6.1, Unit: "magnitude", Counted: "temblor"}}},
		{"An earthquake with a magnitude of at least 5.9 hit; another measured 6.1 on the Richter scale.",
			[]Quantity{{Low: 5.9, High: inf, Qualifier: "at least", Unit: "magnitude"}, {Low: 6.1, High: 6.1, Unit: "magnitude"}}},
		{"The F-16 jets flew in 2021.", nil},
		{"One of the facilities was destroyed.", nil},
	}
	for _, tt := range tests {
		got := quantities(tt.text)
		if len(got) != len(tt.want) {
			t.Errorf("%q: got %d quantities %+v, want %d", tt.text, len(got), got, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			g := got[i].q
			if g.Low != w.Low || g.High != w.High || g.Qualifier != w.Qualifier || g.Counted != w.Counted || g.Outcome != w.Outcome || g.Unit != w.Unit {
				t.Errorf("%q #%d: got %+v, want %+v", tt.text, i, g, w)
			}
			if span := tt.text[got[i].start:got[i].end]; span == "" {
				t.Errorf("%q #%d: empty span", tt.text, i)
			}
		}
	}
}

// A share counted among a part of the sample is not the share of the whole:
// no finding between them; two shares of the whole that differ are one.
func TestSharesOfPopulations(t *testing.T) {
	whole := "Date: 2011-04-08\n\nIn the poll of the state's voters, Brandt has 17 percent.\n"
	r := Compare([]*loader.Article{
		article("a", whole),
		article("b", "Date: 2011-04-08\n\nAmong union members in the poll, Alder leads with 20 percent, and Brandt has 14 percent.\n"),
	})
	if d := findDisc(r, KindNumber); d != nil {
		t.Errorf("a share among union members against the whole: %s", d.Summary)
	}
	r = Compare([]*loader.Article{
		article("a", whole),
		article("b", "Date: 2011-04-08\n\nIn the poll of the state's voters, Alder leads with 20 percent, and Brandt has 14 percent.\n"),
	})
	if d := findDisc(r, KindNumber); d == nil {
		t.Errorf("17 against 14 percent of one sample: %+v", r.Discrepancies)
	}
	for _, c := range []struct{ text, want string }{
		{"Among Tea Party supporters, he has 20 percent.", "tea party supporters"},
		{"Among voters, he has 20 percent.", ""},
		{"He has 20 percent.", ""},
	} {
		if got := populationOf(words(c.text)); got != c.want {
			t.Errorf("populationOf(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// What is counted past its modifiers: the plural a modifier or a
// coordination leads to, not the modifier.
func TestCountedPastModifiers(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"The strikes hit three operational and weapons storage facilities near the border.", "facility"},
		{"There were at least five one-way unmanned aerial vehicle attacks since April.", "attack"},
		{"Two helicopters and a plane crashed.", "helicopter"},
		{"Five people were killed.", "people"},
	} {
		qs := quantitiesOf(c.text, words(c.text))
		if len(qs) == 0 || qs[0].q.Counted != c.want {
			t.Errorf("%q: counted %+v, want %q", c.text, qs, c.want)
		}
	}
}

// Counts from two starts ("since April", "since the beginning of the
// year") are two figures.
func TestCountsSinceTwoStarts(t *testing.T) {
	r := Compare([]*loader.Article{
		article("a", "Date: 2021-06-28\n\nThere have been five drone attacks on the base since April, officials said.\n"),
		article("b", "Date: 2021-06-28\n\nSince the beginning of the year there have been more than 40 attacks on the base, officials said.\n"),
	})
	if d := findDisc(r, KindNumber); d != nil {
		t.Errorf("five since April against 40 since January: %s", d.Summary)
	}
}

// Sums of money that say not what they are of: two sources agreeing on one
// ("$2.5 billion") have a figure of another thing than the third's; two
// sums orders of magnitude apart are of two things.
func TestBareSums(t *testing.T) {
	r := Compare([]*loader.Article{
		article("a", "Date: 2019-02-15\n\nThe order lets the president move $3.6 billion, and another $2.5 billion the department had set aside.\n"),
		article("b", "Date: 2019-02-15\n\nThe order lets the president move $3.6 billion, and another $2.5 billion the department had set aside.\n"),
		article("c", "Date: 2019-02-15\n\nThe order lets the president move $3.5 billion, and another $3 billion the emergency would free, the department said.\n"),
	})
	for _, d := range r.Discrepancies {
		for _, c := range d.Claims {
			if strings.Contains(c.Text, "2.5") {
				t.Errorf("the $2.5 billion two sources agree on is in a finding: %s", d.Summary)
			}
		}
	}
	r = Compare([]*loader.Article{
		article("a", "Date: 2011-06-17\n\nThe plan would cut the deficit by $416 billion, the group said.\n"),
		article("b", "Date: 2011-06-17\n\nThe plan would tax wages up to $106,800, the group said.\n"),
	})
	if d := findDisc(r, KindNumber); d != nil {
		t.Errorf("two sums far apart: %s", d.Summary)
	}
}

// A figure reads as news copy writes it: the counted noun in the plural a
// count takes, the thousands set apart.
func TestDescribeReadsAsWritten(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Five fighters were killed.", "5 fighters killed"},
		{"One child was killed.", "1 child killed"},
		{"There were roughly 520,000 arrests last year.", "roughly 520,000 people arrested"},
		{"The plan has 23 steps.", "23 steps"},
		{"Three militiamen were killed.", "3 militiamen killed"},
		{"a 40-page ruling", "40 page ruling"},
	} {
		qs := quantitiesOf(c.text, words(c.text))
		if len(qs) == 0 || qs[0].q.describe() != c.want {
			got := ""
			if len(qs) > 0 {
				got = qs[0].q.describe()
			}
			t.Errorf("%q reads %q, want %q", c.text, got, c.want)
		}
	}
}

// Lengths of time told in different units are compared by their length: a
// month is 28 to 31 days, a year 365 or 366, a week 7; lengths the units'
// spans cannot make one still differ.
func TestDurationsInTwoUnits(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want verdictKind
	}{
		{"The council approved a 90-day moratorium.", "The council approved a three-month moratorium.", figuresReconciled},
		{"He served a two-week term.", "He served a 14-day term.", figuresReconciled},
		{"The 12-month program ended.", "The one-year program ended.", figuresReconciled},
		{"The 48-hour strike ended.", "The two-day strike ended.", figuresReconciled},
		{"The council approved a 100-day moratorium.", "The council approved a three-month moratorium.", figuresConflict},
		{"The two-year program ended.", "The 12-month program ended.", figuresConflict},
		{"The council approved a 90-day moratorium.", "The council approved a 60-day moratorium.", figuresConflict},
	} {
		qa, qb := quantities(c.a), quantities(c.b)
		if len(qa) != 1 || len(qb) != 1 {
			t.Errorf("%q, %q: read %+v and %+v, want one length each", c.a, c.b, qa, qb)
			continue
		}
		ka, _ := quantityKey(&qa[0].q)
		kb, _ := quantityKey(&qb[0].q)
		if ka == "" || ka != kb {
			t.Errorf("%q, %q: not one kind of figure (%+v, %+v)", c.a, c.b, qa[0].q, qb[0].q)
		}
		if got, reason := compareFigures(qa[0].q, qb[0].q); got != c.want {
			t.Errorf("%q against %q: verdict %v (%s), want %v", c.a, c.b, got, reason, c.want)
		}
	}
}

// A count of a thing with no fate that two sources give alike is the
// story's figure for it: a third source's count of the same noun, far less
// likely its counterpart, is of another thing (votes to pass a bill, votes
// to block it). A count with a fate keeps its pair.
func TestBareCountsBesideAnAgreement(t *testing.T) {
	r := Compare([]*loader.Article{
		article("a", "Date: 2017-04-04\n\nBackers of the bill said on Friday they expect 60 votes in the Senate, where the majority holds 52 seats.\n"),
		article("b", "Date: 2017-04-04\n\nBackers of the bill said on Friday they expect 60 votes in the Senate, where the majority holds 52 seats.\n"),
		article("c", "Date: 2017-04-04\n\nThe minority leader said on Friday that his caucus had 41 votes in the Senate against the bill.\n"),
	})
	for _, d := range r.Discrepancies {
		for _, c := range d.Claims {
			if strings.Contains(c.Text, "41") {
				t.Errorf("the 41 votes are set against the 60 two sources agree on: %s", d.Summary)
			}
		}
	}
	r = Compare([]*loader.Article{
		article("a", "Date: 2021-06-27\n\nThe quake killed 7 people in the province, officials said.\n"),
		article("b", "Date: 2021-06-27\n\nThe quake killed 7 people in the province, officials said.\n"),
		article("c", "Date: 2021-06-27\n\nThe quake killed 12 people in the province, the agency said.\n"),
	})
	if d := findDisc(r, KindNumber); d == nil {
		t.Error("a toll two sources agree on and a third's other toll: no finding")
	}
}

// mayCount passes every word a count can start at, and spares the common
// words that start none.
func TestMayCount(t *testing.T) {
	for _, m := range []map[string]float64{numberWords(), ordinalWords()} {
		for w := range m {
			if !strings.Contains(w, " ") && !mayCount(w, numberWordShapes()) {
				t.Errorf("mayCount(%q) = false for a number word", w)
			}
		}
	}
	for _, w := range []string{"a", "an", "half", "5.9", "230-195", "magnitude-5.9", "40-page", "twenty-five", "3rd", "184m"} {
		if !mayCount(w, numberWordShapes()) {
			t.Errorf("mayCount(%q) = false", w)
		}
	}
	for _, w := range []string{"", "the", "said", "for", "of", "police", "killed", "é", "house"} {
		if mayCount(w, numberWordShapes()) {
			t.Errorf("mayCount(%q) = true", w)
		}
	}
}

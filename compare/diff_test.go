package compare

import "testing"

// A full stop with no space after it ("ISIS.The strikes") is a typo that
// would make one word of two; "U.S." and "5.9" are no such thing.
func TestSplitRunOn(t *testing.T) {
	for in, want := range map[string]string{
		"efforts to defeat ISIS.The strikes were necessary": "efforts to defeat ISIS. The strikes were necessary",
		"protect U.S. personnel":                            "protect U.S. personnel",
		"a magnitude 5.9 quake":                             "a magnitude 5.9 quake",
		"the Kataib.Hezbollah group":                        "the Kataib. Hezbollah group",
		"in Zürich.Élise said":                              "in Zürich. Élise said",
		"e.g.The end":                                       "e.g.The end",
	} {
		if got := splitRunOn(in); got != want {
			t.Errorf("splitRunOn(%q) = %q, want %q", in, got, want)
		}
	}
	ops := wordDiff("to defeat ISIS.The strikes were limited", "to defeat ISIS. The strikes were limited")
	for _, op := range ops {
		if op.Op != "equal" {
			t.Errorf("a missing space reads as a change: %+v", ops)
			break
		}
	}
}

// A contraction written out is no changed word of the speaker's.
func TestWordDiffForms(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"I would like to know who they are", "I'd like to know who they are"},
		{"they are followers of a false god", "they're followers of a false god"},
	} {
		ops := wordDiff(c.a, c.b)
		if len(ops) != 1 || ops[0].Op != OpEqual {
			t.Errorf("wordDiff(%q, %q) = %+v, want one equal run", c.a, c.b, ops)
		}
	}
	ops := wordDiff("we will win at the court", "we will win in the court")
	if changedWords(ops) == 0 {
		t.Errorf("at and in: %+v", ops)
	}
}

// An excerpt is set against the stretch it was cut from: the one word it
// changed there, not words spread over the longer quotation.
func TestExcerptDiff(t *testing.T) {
	// Two quotations of a speaker read joined, the cue's place marked.
	long := "We will have a state of emergency, and we will then be sued, " + joinMark +
		" Then we'll end up in the high court, and hopefully we'll get a fair hearing, and we'll win at the high court -- just like the [old] ban."
	ops := excerptDiff(long, "And we'll win in the high court,")
	if got := diffSummary(ops); got != `"at" → "in"` {
		t.Errorf("summary %q, want the at/in change alone: %+v", got, ops)
	}
	if got := diffSummary(wordDiff(long, "And we'll win in the high court,")); got == `"at" → "in"` {
		t.Errorf("the plain diff reads it right too (%q): the case tests nothing", got)
	}
}

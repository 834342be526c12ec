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

package loader

import (
	"strings"
	"testing"
	"unicode"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		text  string
		first bool
		want  Kind
	}{
		{"Officials said the toll could rise.", false, KindBody},
		{"Officials said the toll could rise.", true, KindBody},
		{"Quake Kills Hundreds in Iran", true, KindTitle},
		{"Rescue efforts", false, KindSubheading},
		{"rescue workers in the rubble", false, KindCaption},
		{"Rescuers dig through the rubble in Varzaqan. (AP Photo/Vahid Salemi)", false, KindCaption},
		{"A girl waits at a shelter. (Getty Images)", false, KindCaption},
		{"FILE - Rescuers in Bam in 2003.", false, KindCaption},
		{"He told the council (which met on Monday) that the plan had failed.", false, KindBody},
		{"ADVERTISEMENT", false, KindBoilerplate},
		{"Advertisement", false, KindBoilerplate},
		{"Sign up for our daily newsletter", false, KindBoilerplate},
		{"Read more: Iran's deadliest quakes", false, KindBoilerplate},
		{"Share this article", false, KindBoilerplate},
		{"By Jane Doe and John Roe", false, KindBoilerplate},
		{"Jane Doe can be reached at jane@example.com.", false, KindBoilerplate},
		{"Additional reporting by Jon Park in Seoul; editing by Ann Lee", false, KindBoilerplate},
		{"Copyright 2024 The Associated Press. All rights reserved.", false, KindBoilerplate},
		{"More than 40 attacks have been reported since January, and more are feared by officials in the region who spoke on condition of anonymity to reporters on Sunday.", false, KindBody},
		{"Kirby added, as per Fox News:", false, KindBody},
		{"Early Friday morning the actress checked into a clinic in Rancho Mirage, Calif,", false, KindBody},
		{"June 06, 2013", false, KindBoilerplate},
		{"Fri., May. 3, 2013 11:45 AM PDT", false, KindBoilerplate},
		{"Updated: 2013-06-06 10:00", false, KindBoilerplate},
		{"May 2013 Was a Wet Month", true, KindTitle},
	}
	for _, tt := range tests {
		if got := Classify(tt.text, tt.first); got != tt.want {
			t.Errorf("Classify(%q, %v) = %s, want %s", tt.text, tt.first, got, tt.want)
		}
	}
}

// A date line under the headline dates an article the format left undated;
// one further down, or a date inside a sentence, does not.
func TestDateLine(t *testing.T) {
	for line, want := range map[string]string{
		"Published: November 28, 2005":                      "2005-11-28",
		"Last Updated: Monday, 28 November 2005, 02:24 GMT": "2005-11-28",
		"November 28th, 2005, 09:11 GMT":                    "2005-11-28",
		"27 NOVEMBER, 2005":                                 "2005-11-27",
		"Nov. 27, 2005":                                     "2005-11-27",
		"2013-06-06 10:00":                                  "2013-06-06",
		"Posted Nov 3, 2021 11:45 AM PDT":                   "2021-11-03",
	} {
		dl, ok := datelineOf(line)
		if !ok || dl.Time.Format("2006-01-02") != want {
			t.Errorf("datelineOf(%q) = %v, %v; want %s", line, dl, ok, want)
		}
	}
	for _, line := range []string{"The quake struck on November 27, 2005, at noon.", "Novemer 27, 2005", "28 / 11 / 05"} {
		if dl, ok := datelineOf(line); ok {
			t.Errorf("datelineOf(%q) = %v, want none", line, dl)
		}
	}
	arts, err := Parse("quake.txt", []byte("Powerful quake in Iran kills 10\n\nPublished: November 28, 2005\n\nA powerful earthquake hit southern Iran on Sunday, killing 10 people.\n"), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if got := arts[0].Published.Time.Format("2006-01-02"); arts[0].Published.IsZero() || got != "2005-11-28" {
		t.Errorf("published %v, want 2005-11-28 from the date line", arts[0].Published)
	}
	arts, err = Parse("quake.txt", []byte("Quake kills 10\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nNovember 28, 2005\n"), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if !arts[0].Published.IsZero() {
		t.Errorf("a date line at the foot dated the article: %v", arts[0].Published)
	}
}

// The phrase index finds what a search for each phrase finds, at the start,
// the middle and the end of a line, for every list it indexes.
func TestPhraseIndexAsContains(t *testing.T) {
	lists := [][]string{boilerplatePhrases, offerPhrases, newsletterWords, signUpWords, {"ab", "xyz", "on x @"}}
	x := newPhraseIndex(lists...)
	var all []string
	for _, l := range lists {
		all = append(all, l...)
	}
	for _, p := range all {
		for _, s := range []string{p, "a " + p, "the text then " + p + " and more", p[:len(p)-1], "x" + p[1:]} {
			want := false
			for _, q := range all {
				want = want || strings.Contains(s, q)
			}
			if got := x.in(s); got != want {
				t.Errorf("in(%q) = %v, strings.Contains says %v", s, got, want)
			}
		}
	}
}

// wordUnits reads ASCII by a table and stops counting at a limit when
// asked to: it must count what a rune-by-rune count does, and up to any
// limit the same.
func TestWordUnitsAsRunes(t *testing.T) {
	byRunes := func(text string) int {
		n, inWord := 0, false
		for _, r := range text {
			switch {
			case unspaced(r):
				n++
				inWord = false
			case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
				if !inWord {
					n++
				}
				inWord = true
			case r == '\'' || r == '’' || r == '-' || r == '.':
			default:
				inWord = false
			}
		}
		return n
	}
	var all strings.Builder
	for c := range 256 {
		all.WriteString("a" + string(rune(c)) + "b " + string([]byte{byte(c)}) + " ")
	}
	for _, text := range []string{"", "don't stop, well-known U.S. 12.5 km", "Bam’s 汉字漢字 ไทย café naïve e\u0301t\u0301e\u0301", "\xff\xfe x y", all.String()} {
		want := byRunes(text)
		if got := wordUnits(text); got != want {
			t.Errorf("wordUnits(%q) = %d, want %d", text, got, want)
		}
		for limit := range want + 2 {
			if got := wordUnitsUpTo(text, limit); got != min(want, limit+1) {
				t.Errorf("wordUnitsUpTo(%q, %d) = %d, want %d", text, limit, got, min(want, limit+1))
			}
		}
	}
}

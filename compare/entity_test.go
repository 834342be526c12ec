package compare

import (
	"slices"
	"strings"
	"testing"
)

func TestNameKey(t *testing.T) {
	same := [][]string{
		{"Gaddafi", "Qadhafi", "Kadafi", "Qaddafi"},
		{"Hezbollah", "Hizbullah", "Hizbollah"},
		{"Kyiv", "Kiev"},
		{"Kata'ib Hezbollah", "Kataib Hezbollah", "Kait’ib Hezbollah"},
		{"Kata'ib Sayyid al-Shuhada", "Kataib Sayyid al Shuhada"},
	}
	for _, group := range same {
		for _, n := range group[1:] {
			if nameKey(n) != nameKey(group[0]) {
				t.Errorf("%q (%s) and %q (%s) should fold together", group[0], nameKey(group[0]), n, nameKey(n))
			}
		}
	}
	for _, pair := range [][2]string{{"Iraq", "Iran"}, {"Austin", "Boston"}, {"Syria", "Serbia"}, {"F-15", "F-16"}} {
		if nameKey(pair[0]) == nameKey(pair[1]) {
			t.Errorf("%q and %q fold together (%s)", pair[0], pair[1], nameKey(pair[0]))
		}
	}
	if itemKey("F-15s") != itemKey("F-15") {
		t.Error("F-15s and F-15 differ")
	}
}

func TestNames(t *testing.T) {
	got := []string{}
	for _, n := range names("The Pentagon said US Air Force F-15s and F-16s struck Kata'ib Sayyid al-Shuhada sites near Al Qaim.") {
		got = append(got, n.text)
	}
	want := []string{"Pentagon", "US Air Force F-15s", "F-16s", "Kata'ib Sayyid al-Shuhada", "Al Qaim"}
	if len(got) != len(want) {
		t.Fatalf("names %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("name %d: %q, want %q", i, got[i], want[i])
		}
	}
}

// transliteration is what transliterate stands for, as a replacer.
var transliteration = strings.NewReplacer("dh", "d", "th", "t", "kh", "k", "gh", "g", "ph", "f", "ck", "k", "q", "k", "g", "k", "c", "k",
	"ou", "u", "w", "v", "y", "i")

// TestTransliterate holds the written-out transliteration to the replacer
// it stands for, on every word of the seeds and of the given-name lists and
// on the letter pairs at its edges.
func TestTransliterate(t *testing.T) {
	cases := []string{"", "dh", "ghh", "ckk", "cck", "ouu", "phh", "qg", "gou", "kh", "c", "ou", "yw", "thth", "sch", "chk"}
	names := slices.Concat(maleNames(), femaleNames())
	for _, n := range append(names, "Qadhafi", "Gaddafi", "Kadafi", "Hezbollah", "Hizbullah", "Kyiv", "Kiev", "Kata'ib", "Kaitib", "Müller", "Ørsted") {
		cases = append(cases, keyLetters(n))
	}
	for _, a := range seedArticles(t) {
		for _, p := range a.Paragraphs {
			for w := range eachWord(p.Text) {
				cases = append(cases, keyLetters(w.text))
			}
		}
	}
	for _, s := range cases {
		if got, want := transliterate(s), transliteration.Replace(s); got != want {
			t.Fatalf("%q: %q, the replacer gives %q", s, got, want)
		}
	}
}

// stripTitles skips the lowering and splitting of names that hold no title;
// it must still give what splitting every name gave (the oracle below is
// the old definition).
func TestStripTitlesAsSplitting(t *testing.T) {
	oracle := func(name string) string {
		ws := strings.Fields(name)
		last := -1
		for i, w := range ws {
			if titleWords()[strings.ToLower(strings.Trim(w, "."))] {
				last = i
			}
		}
		if last >= 0 && last < len(ws)-1 {
			ws = ws[last+1:]
		} else if last == len(ws)-1 {
			return ""
		}
		return strings.Join(ws, " ")
	}
	for _, name := range []string{"", " ", "Maria Alder", " Maria  Alder ", "Maria\tAlder", "Maria\u00a0Alder", "President Maria Alder",
		"PRESIDENT Alder", "Sen. Alder", "Gen.", "Mr", "Ólafur Ragnar", "the Minister", "Prime Minister Varna Dunmore", strings.Repeat("x", 40) + " Alder"} {
		if got, want := stripTitles(name), oracle(name); got != want {
			t.Errorf("stripTitles(%q) = %q, want %q", name, got, want)
		}
	}
}

// placeZoneIn, which splits a text's words without folding them, finds
// the zone placeZone finds among its words, on every line of the
// evaluation articles and the seeds.
func TestPlaceZoneInAsPlaceZone(t *testing.T) {
	found := 0
	for _, l := range append([]string{"in Iraq-Syria", "Baghdad's", "a Kabul,Iraq", ""}, evalLines(t)...) {
		got, want := placeZoneIn(l), placeZone(words(l))
		if got != want {
			t.Errorf("%q: placeZoneIn %v, placeZone %v", l, got, want)
		}
		if got != nil {
			found++
		}
	}
	if found < 100 {
		t.Fatalf("%d lines with a place's zone: the test reads too little", found)
	}
}

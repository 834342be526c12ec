package compare

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/loader"
)

func TestLists(t *testing.T) {
	tests := []struct {
		text string
		want []string // each list's items joined by "|"
	}{
		{"Reportedly, US Air Force F-15s and F-16s were used.", []string{"F-15s|F-16s"}},
		{"Groups including Kata'ib Hezbollah (KH) and Kata'ib Sayyid al-Shuhada (KSS) used them.", []string{"Kata'ib Hezbollah|Kata'ib Sayyid al-Shuhada"}},
		{"Firefighters came from Wasilla, Palmer and Big Lake.", []string{"Wasilla|Palmer|Big Lake"}},
		// A place and its region, a name and its title: no list.
		{"She entered a clinic in Rancho Mirage, Calif., on Friday.", nil},
		{"The Air Force used F-16s in the operation.", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, l := range lists(tt.text) {
			got = append(got, strings.Join(l.items, "|"))
		}
		if strings.Join(got, " / ") != strings.Join(tt.want, " / ") {
			t.Errorf("%q: lists %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestListConflicts(t *testing.T) {
	r := Compare([]*loader.Article{
		article("a", "US Air Force F-15s and F-16s struck the depots near the border on Sunday.\n"),
		article("b", "The Air Force used F-16s to strike the depots near the border on Sunday.\n"),
		article("c", "F-15 and F-16 jets struck the depots near the border on Sunday, an official said.\n"),
	})
	d := findDisc(r, KindList, "F-15s and F-16s", "F-15 and F-16", "F-16s")
	if d == nil || !strings.Contains(d.Summary, "never F-15") {
		t.Fatalf("F-15 missing from b: %+v", r.Discrepancies)
	}
	// Two sets of examples are not one list losing an item.
	r = Compare([]*loader.Article{
		article("a", "Stars such as Britney Spears and Lindsay Lohan have been treated at the clinic.\n"),
		article("b", "Stars such as Charlie Sheen and Ben Affleck have been treated at the clinic.\n"),
	})
	if d := findDisc(r, KindList); d != nil {
		t.Errorf("different examples flagged: %+v", d)
	}
	// A name the other source writes in another form is not missing.
	r = Compare([]*loader.Article{
		article("a", "The award went to producers Laurence Mark and Bill Condon at the ceremony.\n"),
		article("b", "The award went to Mr. Mark and Mr. Condon at the ceremony.\n"),
	})
	if d := findDisc(r, KindList); d != nil {
		t.Errorf("a name in another form taken for missing: %+v", d)
	}
}

package loader

import (
	"context"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/seeds"
)

func loadSeeds(t testing.TB) map[string]*Article {
	t.Helper()
	names := []string{"000_25c052f1fb325dc8.txt", "001_2a909965b7f59e8a.txt", "002_561c48b6145f2520.txt", "003_1c1694bf91c88cf0.txt", "004_0b8b249edd7c02c5.txt"}
	res, err := Load(context.Background(), names, Options{FS: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*Article{}
	for _, a := range res.Articles {
		out[a.ID[:3]] = a
		assertInvariants(t, a)
	}
	if len(out) != 5 || len(res.Warnings) != 0 {
		t.Fatalf("loaded %d seeds with warnings %v", len(out), res.Warnings)
	}
	return out
}

func TestSeedKinds(t *testing.T) {
	s := loadSeeds(t)
	assertParagraphs(t, s["003"], []para{
		{KindTitle, "US F-15, F-16 Fighters Strike Militia Groups"},
		{KindCaption, "defensive precision strikes on a facility used by Iran-backed militia groups"},
		{KindCaption, "This video screenshot shows U.S. military forces"},
		{KindBody, "The U.S. carried out airstrikes Sunday"},
		{KindBoilerplate, "Read Next: Air Force Investigating"},
		{KindBody, "As demonstrated by this evening's strikes"},
		{KindBoilerplate, "Stephen Losey can be reached at"},
		{KindBoilerplate, "Related: Biden Orders Airstrikes"},
		{KindBoilerplate, "Story Continues"},
	})
	assertParagraphs(t, s["001"], []para{
		{KindCaption, "The Pentagon in Washington, D.C. (Yuri Gripas/Reuters)"},
		{KindBody, "U.S. military forces launched"},
	})
	assertParagraphs(t, s["002"], []para{{KindSubheading, "'Efforts to defeat ISIS': Pentagon Press Secretary"}})
	assertParagraphs(t, s["004"], []para{{KindBoilerplate, "With information from"}})
	for _, a := range s {
		if a.ID[:3] == "003" {
			continue
		}
		for _, p := range a.Paragraphs {
			if p.Kind == KindTitle {
				t.Errorf("%s: no seed but 003 opens with a headline, got title %q", a.ID, p.Text)
			}
		}
	}
}

func TestSeedDateMarker(t *testing.T) {
	s := loadSeeds(t)
	for _, id := range []string{"001", "002", "004"} {
		a := s[id]
		if got := a.Published.String(); got != "2021-06-28" {
			t.Errorf("%s: published %q, want 2021-06-28", id, got)
		}
		for _, p := range a.Paragraphs {
			if strings.Contains(p.Text, "date 2021") {
				t.Errorf("%s: date marker left in the text: %q", id, p.Text)
			}
		}
	}
	if !strings.HasPrefix(s["002"].Paragraphs[0].Text, "The US has carried out airstrikes") {
		t.Errorf("002: first paragraph %q", s["002"].Paragraphs[0].Text)
	}
	for _, id := range []string{"000", "003"} {
		if !s[id].Published.IsZero() {
			t.Errorf("%s has no date marker but got %v", id, s[id].Published)
		}
	}
}

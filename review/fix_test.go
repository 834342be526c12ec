package review

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
	"github.com/parallax-news/parallax/seeds"
)

func seedArticles(t *testing.T) []*loader.Article {
	t.Helper()
	res, err := loader.Load(context.Background(), seeds.Names(), loader.Options{FS: seeds.FS})
	if err != nil {
		t.Fatal(err)
	}
	return res.Articles
}

// topicsHolding are the topics (not a source's own) that hold a paragraph.
func topicsHolding(r *compare.Result, ref compare.Ref) []string {
	var out []string
	for _, tp := range r.Topics {
		if !tp.Own && slices.Contains(tp.Members, ref) {
			out = append(out, tp.ID)
		}
	}
	return out
}

func together(r *compare.Result, a, b compare.Ref) bool {
	for _, t := range topicsHolding(r, a) {
		if slices.Contains(topicsHolding(r, b), t) {
			return true
		}
	}
	return false
}

// A paragraph moved to another topic by the reviewer is there in the
// engine's result, on reopening too; undone, it is back where the engine
// put it. A source left out is out, and listed so.
func TestFixesAppliedOnReopen(t *testing.T) {
	arts := seedArticles(t)
	path := filepath.Join(t.TempDir(), "r.json")
	s := open(t, path, arts...)
	base := Compare(arts, s)
	// A topic of several sources, and a paragraph of another source that
	// shares no topic with its first member.
	var target compare.Topic
	for _, tp := range base.Topics {
		if !tp.Own && len(tp.Sources) >= 2 {
			target = tp
			break
		}
	}
	anchor := target.Members[0]
	var moved compare.Ref
	for _, a := range arts {
		for p := range a.Paragraphs {
			ref := compare.Ref{Source: a.ID, Paragraph: p}
			if a.ID != anchor.Source && a.Paragraphs[p].Kind == loader.KindBody && len(topicsHolding(base, ref)) > 0 && !together(base, anchor, ref) {
				moved = ref
				break
			}
		}
		if moved.Source != "" {
			break
		}
	}
	if moved.Source == "" {
		t.Fatal("no paragraph outside the topic in the seeds")
	}
	pins := []compare.Pin{{Kind: compare.PinTogether, A: moved, B: anchor}}
	for _, tid := range topicsHolding(base, moved) {
		for _, tp := range base.Topics {
			if tp.ID != tid {
				continue
			}
			for _, m := range tp.Members {
				if m != moved {
					pins = append(pins, compare.Pin{Kind: compare.PinApart, A: moved, B: m})
				}
			}
		}
	}
	id, err := s.AddFix(FixMove, "moved a paragraph", pins, arts, t0)
	if err != nil {
		t.Fatal(err)
	}
	if r := Compare(arts, s); !together(r, moved, anchor) {
		t.Fatalf("%v moved to the topic of %v: not there", moved, anchor)
	}
	mustSave(t, s)

	again := open(t, path, arts...)
	r := Compare(arts, again)
	if !together(r, moved, anchor) {
		t.Errorf("reopened: the move is not applied")
	}
	fx := again.Fixes(arts)
	if len(fx) != 1 || fx[0].ID != id || fx[0].Says != "moved a paragraph" || fx[0].Unapplied != 0 || len(fx[0].Pins) != len(pins) {
		t.Errorf("reopened fixes %+v", fx)
	}

	again.SetFixRemoved(id, true, t0.Add(time.Minute))
	if r := Compare(arts, again); together(r, moved, anchor) {
		t.Errorf("undone, the move still holds")
	}

	out := arts[0].ID
	if _, err := again.AddFix(FixExclude, "left out", []compare.Pin{{Kind: compare.PinExclude, Source: out}}, arts, t0.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	r = Compare(arts, again)
	if slices.Contains(r.Sources, out) || !slices.Equal(r.Excluded, []string{out}) {
		t.Errorf("sources %v, excluded %v: want %s out", r.Sources, r.Excluded, out)
	}
}

// A pinned paragraph is found by its words: after a paragraph is inserted
// above it (the same words elsewhere), and after a small edit of its own
// words; a paragraph rewritten leaves the pin unapplied, listed.
func TestPinsFollowTheirParagraphs(t *testing.T) {
	a := article("wire", "The storm reached the coast on Monday night, flooding the harbour district.",
		"Three fishing boats were lost off the cape, the coast guard said on Tuesday morning.")
	b := article("courier", "Five boats sank near the cape, according to harbour officials.")
	path := filepath.Join(t.TempDir(), "r.json")
	s := open(t, path, a, b)
	if _, err := s.AddFix(FixMerge, "merged", []compare.Pin{{Kind: compare.PinTogether, A: compare.Ref{Source: "wire", Paragraph: 1}, B: compare.Ref{Source: "courier", Paragraph: 0}}},
		[]*loader.Article{a, b}, t0); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s)
	for _, c := range []struct {
		name  string
		paras []string
		want  int // the paragraph the pin finds, -1 none
	}{
		{"as it was", nil, 1},
		{"a paragraph inserted above", []string{"Breaking.", a.Paragraphs[0].Text, a.Paragraphs[1].Text}, 2},
		{"a word changed", []string{a.Paragraphs[0].Text, "Four fishing boats were lost off the cape, the coast guard said on Tuesday morning."}, 1},
		{"rewritten", []string{a.Paragraphs[0].Text, "Rescuers searched the bay all day for survivors."}, -1},
	} {
		paras := c.paras
		if len(paras) == 0 {
			paras = []string{a.Paragraphs[0].Text, a.Paragraphs[1].Text}
		}
		a2 := article("wire", paras...)
		s2 := open(t, path, a2, b)
		fx := s2.Fixes([]*loader.Article{a2, b})
		if len(fx) != 1 {
			t.Fatalf("%s: %d fixes", c.name, len(fx))
		}
		switch {
		case c.want < 0 && (fx[0].Unapplied != 1 || len(fx[0].Pins) != 0):
			t.Errorf("%s: %+v, want the pin unapplied", c.name, fx[0])
		case c.want >= 0 && (len(fx[0].Pins) != 1 || fx[0].Pins[0].A != compare.Ref{Source: "wire", Paragraph: c.want}):
			t.Errorf("%s: %+v, want wire ¶%d", c.name, fx[0].Pins, c.want)
		}
	}
}

// What AddFix refuses.
func TestFixChecked(t *testing.T) {
	a, b := ownStory()
	arts := []*loader.Article{a, b}
	s := open(t, filepath.Join(t.TempDir(), "r.json"), a, b)
	for name, c := range map[string]struct {
		op   FixOp
		pins []compare.Pin
	}{
		"no pins":      {FixMove, nil},
		"unknown op":   {"shuffle", []compare.Pin{{Kind: compare.PinExclude, Source: "wire"}}},
		"no paragraph": {FixMove, []compare.Pin{{Kind: compare.PinTogether, A: compare.Ref{Source: "wire", Paragraph: 9}, B: compare.Ref{Source: "courier"}}}},
		"no source":    {FixExclude, []compare.Pin{{Kind: compare.PinExclude, Source: "gazette"}}},
		"unknown pin":  {FixMove, []compare.Pin{{Kind: "sideways"}}},
	} {
		if _, err := s.AddFix(c.op, name, c.pins, arts, t0); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if s.Unsaved() {
		t.Error("a refused fix changed the review")
	}
}

package compare

import (
	"slices"
	"testing"

	"github.com/parallax-news/parallax/loader"
)

// topicsOf lists the topics (by index) that hold a paragraph, the source's
// own leftovers aside.
func topicsOf(r *Result, ref Ref) []int {
	var out []int
	for i, tp := range r.Topics {
		if !tp.Own && slices.Contains(tp.Members, ref) {
			out = append(out, i)
		}
	}
	return out
}

func shareTopic(r *Result, a, b Ref) bool {
	for _, i := range topicsOf(r, a) {
		if slices.Contains(topicsOf(r, b), i) {
			return true
		}
	}
	return false
}

// The reviewer's pins are obeyed whatever the links say: two paragraphs
// pinned together share a topic, a paragraph pinned apart from the others
// of its topic leaves it, an excluded source is out.
func TestPins(t *testing.T) {
	arts := seedArticles(t)
	r := Compare(arts)
	// A topic of two or more sources, and a paragraph of another source
	// that shares no topic with its first member.
	var tp *Topic
	for i := range r.Topics {
		if len(r.Topics[i].Sources) >= 2 && !r.Topics[i].Own && len(r.Topics[i].Members) >= 2 {
			tp = &r.Topics[i]
			break
		}
	}
	if tp == nil {
		t.Fatal("no topic of two sources in the seeds")
	}
	first := tp.Members[0]
	var stranger Ref
	for _, a := range arts {
		if a.ID == first.Source {
			continue
		}
		for p := range a.Paragraphs {
			ref := Ref{a.ID, p}
			if a.Paragraphs[p].Kind == loader.KindBody && len(topicsOf(r, ref)) > 0 && !shareTopic(r, first, ref) {
				stranger = ref
				break
			}
		}
		if stranger.Source != "" {
			break
		}
	}
	if stranger.Source == "" {
		t.Fatal("no paragraph outside the topic")
	}

	together := CompareWith(arts, Options{Pins: []Pin{{Kind: PinTogether, A: first, B: stranger}}})
	if !shareTopic(together, first, stranger) {
		t.Errorf("%v pinned together with %v: not in one topic", stranger, first)
	}

	var apart []Pin
	for _, m := range tp.Members[1:] {
		apart = append(apart, Pin{Kind: PinApart, A: first, B: m})
	}
	split := CompareWith(arts, Options{Pins: apart})
	for _, m := range tp.Members[1:] {
		if shareTopic(split, first, m) {
			t.Errorf("%v pinned apart from %v: still in one topic", first, m)
		}
	}

	out := CompareWith(arts, Options{Pins: []Pin{{Kind: PinExclude, Source: stranger.Source}}})
	for _, tp := range out.Topics {
		if slices.Contains(tp.Sources, stranger.Source) {
			t.Errorf("excluded source %s still in topic %s", stranger.Source, tp.ID)
		}
	}
	for _, d := range out.Discrepancies {
		for _, c := range d.Claims {
			if c.Span.Source == stranger.Source {
				t.Errorf("excluded source %s still in finding %s", stranger.Source, d.Summary)
			}
		}
	}
	if len(out.Excluded) != 1 || out.Excluded[0] != stranger.Source {
		t.Errorf("Excluded = %v, want [%s]", out.Excluded, stranger.Source)
	}
}

package review

import (
	"slices"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
)

// Compare runs the engine on arts with the review's topic fixes as pins,
// adds the reviewer's own findings and attaches the verdicts (Apply): the
// comparison as the reviewer left it. Without a review it is
// compare.Compare. The interface and the exports both start here, so that
// they show the same findings.
func Compare(arts []*loader.Article, s *Store) *compare.Result {
	if s == nil {
		return compare.Compare(arts)
	}
	return s.Apply(compare.CompareWith(arts, compare.Options{Pins: s.Pins(arts)}), arts)
}

// Apply returns the engine's result r with the reviewer's findings placed
// in it (after the engine's, numbered r1, r2...; those whose words are gone
// or whose source is left out are listed by Own with the reason), and
// attaches the verdicts to it. r itself is not changed.
func (s *Store) Apply(r *compare.Result, arts []*loader.Article) *compare.Result {
	if s == nil || r == nil {
		return r
	}
	out := *r
	byID := articlesByID(arts)
	s.mu.Lock()
	own := s.placeOwn(r, byID)
	s.mu.Unlock()
	out.Discrepancies = append(slices.Clip(r.Discrepancies), own...)
	s.Attach(&out)
	return &out
}

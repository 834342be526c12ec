package compare

import "slices"

// Facts are compared one to one: each fact is set against its single best
// counterpart in each other source (the same predicate, participants and
// time frame), never against every fact that resembles it, so that a
// speaker who repeats a line, or two statements that share a phrase, are
// not taken for one thing told two ways.

// candidatePair is two facts (by index) that may be one thing, with how
// alike they are.
type candidatePair struct {
	a, b  int
	score float64
}

// matchOneToOne keeps, for every pair of sources, the best candidates with
// no fact used twice, greedily from the highest score (the ties by index,
// so that the result does not depend on the candidates' order). source
// names the source of a fact.
func matchOneToOne(cands []candidatePair, source func(int) string) []candidatePair {
	slices.SortStableFunc(cands, func(x, y candidatePair) int {
		switch {
		case x.score > y.score:
			return -1
		case x.score < y.score:
			return 1
		case x.a != y.a:
			return x.a - y.a
		}
		return x.b - y.b
	})
	type use struct {
		fact  int
		other string
	}
	used := map[use]bool{}
	var out []candidatePair
	for _, c := range cands {
		ka, kb := use{c.a, source(c.b)}, use{c.b, source(c.a)}
		if used[ka] || used[kb] {
			continue
		}
		used[ka], used[kb] = true, true
		out = append(out, c)
	}
	return out
}

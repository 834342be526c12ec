package compare

import (
	"fmt"
	"math"
	"sort"
)

// findAmountConflicts compares sums of money, which carry no counted noun or
// outcome to match them by: two amounts in one currency are of one thing when
// their sentences share a topic or are linked. Each amount is matched with
// the closest amount the other source gives there; a match within 3% is a
// rounding ("$180 million" for "$184 million"), and a larger gap a conflict
// only when each source gives exactly one amount there, since a story on a
// deal names its first offer, its final one and its rivals'.
func findAmountConflicts(res *Result, linked map[[2]Ref]bool) {
	var as []Fact
	for _, f := range res.Facts {
		if f.Kind == FactQuantity && !f.Background && isCurrency(f.Quantity.Unit) && !f.Quantity.Ordinal {
			as = append(as, f)
		}
	}
	near := func(a, b Fact) bool {
		return a.Span.Source != b.Span.Source && a.Quantity.Unit == b.Quantity.Unit &&
			(a.Topic != "" && a.Topic == b.Topic || linked[[2]Ref{{a.Span.Source, a.Span.Paragraph}, {b.Span.Source, b.Span.Paragraph}}])
	}
	type pair struct {
		i, j     int
		conflict bool
	}
	var found []pair
	for i := range as {
		bySource := map[string][]int{}
		for j := range as {
			if j != i && near(as[i], as[j]) {
				bySource[as[j].Span.Source] = append(bySource[as[j].Span.Source], j)
			}
		}
		for _, src := range sortedKeysOf(bySource) {
			if src < as[i].Span.Source {
				continue // each pair of sources once
			}
			js := bySource[src]
			best, gap := -1, math.Inf(1)
			for _, j := range js {
				a, b := *as[i].Quantity, *as[j].Quantity
				if overlaps(a, b) {
					best, gap = j, 0
					break
				}
				if g := math.Abs(a.nominal()-b.nominal()) / math.Max(a.nominal(), b.nominal()); g < gap {
					best, gap = j, g
				}
			}
			if best < 0 || gap == 0 {
				continue
			}
			back := 0
			for k := range as {
				if k != best && near(as[best], as[k]) && as[k].Span.Source == as[i].Span.Source {
					back++
				}
			}
			switch {
			case rounding(*as[i].Quantity, *as[best].Quantity):
				found = append(found, pair{i, best, false})
			case len(js) == 1 && back == 1:
				found = append(found, pair{i, best, true})
			}
		}
	}
	sort.Slice(found, func(x, y int) bool {
		if found[x].i != found[y].i {
			return found[x].i < found[y].i
		}
		return found[x].j < found[y].j
	})
	for _, p := range found {
		a, b := as[p.i], as[p.j]
		d := Discrepancy{Kind: KindNumber, Topic: a.Topic, Claims: []Claim{claimOf(a), claimOf(b)},
			Summary: fmt.Sprintf("amount: %s", valuesBySource([]Fact{a, b}))}
		if p.conflict {
			d.Severity = SeverityMedium
			d.Why = "each source gives one sum in linked text, and the sums differ by more than a rounding"
		} else {
			d.Severity = SeverityLow
			d.Why = "the sums differ by 3% or less: one source rounded"
		}
		res.Discrepancies = append(res.Discrepancies, d)
	}
}

func isCurrency(unit string) bool { return unit == "$" || unit == "£" || unit == "€" }

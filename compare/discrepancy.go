package compare

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// quotePairs finds the pairs of word sets, of different groups (sources),
// that may overlap by minOverlap of the smaller: each set probes with its
// rarest words (a prefix filter: a pair that shares none of them cannot
// reach the overlap), and keeps its maxQuotePartners partners that share
// most of them, so that a story of a small vocabulary does not make every
// pair a candidate.
func quotePairs(sets []map[string]bool, group []int, minOverlap float64) [][2]int {
	freq := map[string]int{}
	for _, s := range sets {
		for w := range s {
			freq[w]++
		}
	}
	postings := map[string][]int{}
	for i, s := range sets {
		for w := range s {
			postings[w] = append(postings[w], i)
		}
	}
	seen := map[[2]int]bool{}
	var out [][2]int
	acc := make([]int, len(sets))
	var touched []int
	for i, s := range sets {
		type counted struct {
			w string
			n int
		}
		ws := make([]counted, 0, len(s))
		for w := range s {
			ws = append(ws, counted{w, freq[w]})
		}
		slices.SortFunc(ws, func(a, b counted) int {
			if a.n != b.n {
				return a.n - b.n
			}
			return strings.Compare(a.w, b.w)
		})
		need := int(math.Ceil(minOverlap * float64(len(ws))))
		prefix := len(ws) - need + 1
		touched = touched[:0]
		for _, cw := range ws[:max(0, min(prefix, len(ws)))] {
			if len(postings[cw.w]) > maxQuotePosting {
				continue // a word that many quotations say tells none apart
			}
			for _, j := range postings[cw.w] {
				// i probes as the smaller set (ties: the lower index).
				if j == i || group[j] == group[i] || len(sets[j]) < len(s) || len(sets[j]) == len(s) && j < i {
					continue
				}
				if acc[j] == 0 {
					touched = append(touched, j)
				}
				acc[j]++
			}
		}
		if len(touched) > maxQuotePartners {
			slices.SortFunc(touched, func(a, b int) int {
				if acc[a] != acc[b] {
					return acc[b] - acc[a]
				}
				return a - b
			})
		}
		for n, j := range touched {
			if n < maxQuotePartners {
				k := [2]int{min(i, j), max(i, j)}
				if !seen[k] {
					seen[k] = true
					out = append(out, k)
				}
			}
			acc[j] = 0
		}
	}
	slices.SortFunc(out, func(x, y [2]int) int { return cmp.Or(cmp.Compare(x[0], y[0]), cmp.Compare(x[1], y[1])) })
	return out
}

func appendClaim(cs []Claim, c Claim) []Claim {
	for _, x := range cs {
		if x.Span == c.Span {
			return cs
		}
	}
	return append(cs, c)
}

func overlapCoeff(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	return float64(inter) / float64(min(len(a), len(b)))
}

func changedWords(diff []DiffOp) int {
	n := 0
	for i, d := range diff {
		if d.Op != OpEqual && i != 0 && i != len(diff)-1 {
			n += len(strings.Fields(d.Text))
		}
	}
	return n
}

// diffSummary shows the inner changes: "clear → made it clear".
func diffSummary(diff []DiffOp) string {
	var parts []string
	for i := 1; i < len(diff)-1; i++ {
		d := diff[i]
		switch {
		case d.Op == OpDelete && i+1 < len(diff)-1 && diff[i+1].Op == OpInsert:
			parts = append(parts, fmt.Sprintf("%q → %q", d.Text, diff[i+1].Text))
			i++
		case d.Op == OpDelete:
			parts = append(parts, fmt.Sprintf("%q dropped", d.Text))
		case d.Op == OpInsert:
			parts = append(parts, fmt.Sprintf("%q added", d.Text))
		}
		if len(parts) == 3 {
			parts = append(parts, "…")
			break
		}
	}
	return strings.Join(parts, "; ")
}

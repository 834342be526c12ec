package compare

import (
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
// pair a candidate. The sets are wordSets: words by number, numbered in
// their alphabetical order, so that ties of frequency fall as they did
// between the words themselves.
func quotePairs(sets [][]int32, group []int, minOverlap float64) [][2]int {
	nw := 0
	for _, s := range sets {
		if len(s) > 0 {
			nw = max(nw, int(s[len(s)-1])+1)
		}
	}
	// Every set's postings in one array, each word's a slice of it.
	freq := make([]int32, nw)
	for _, s := range sets {
		for _, w := range s {
			freq[w]++
		}
	}
	start := make([]int32, nw+1)
	for w, f := range freq {
		start[w+1] = start[w] + f
	}
	flat := make([]int32, start[nw])
	fill := slices.Clone(start[:nw])
	for i, s := range sets {
		for _, w := range s {
			flat[fill[w]] = int32(i)
			fill[w]++
		}
	}
	postings := func(w int32) []int32 { return flat[start[w]:start[w+1]] }
	// Each pair is proposed once, by its smaller set (ties: the lower
	// index), so no set of pairs seen is needed; each is packed in one
	// number, lower index first, to be sorted as numbers.
	var keys []uint64
	acc := make([]int, len(sets))
	var touched []int
	var ws []int32
	for i, s := range sets {
		ws = append(ws[:0], s...)
		slices.SortFunc(ws, func(a, b int32) int {
			if freq[a] != freq[b] {
				return int(freq[a] - freq[b])
			}
			return int(a - b)
		})
		need := int(math.Ceil(minOverlap * float64(len(ws))))
		prefix := len(ws) - need + 1
		touched = touched[:0]
		for _, w := range ws[:max(0, min(prefix, len(ws)))] {
			if freq[w] > maxQuotePosting {
				continue // a word that many quotations say tells none apart
			}
			for _, j32 := range postings(w) {
				j := int(j32)
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
				keys = append(keys, uint64(min(i, j))<<32|uint64(max(i, j)))
			}
			acc[j] = 0
		}
	}
	// In order, lower index first: placed by the lower index (counted),
	// then each one's run sorted by the higher; sorting all the pairs as
	// numbers was most of this function's time.
	from := make([]int, len(sets)+1)
	for _, key := range keys {
		from[key>>32+1]++
	}
	for i := range sets {
		from[i+1] += from[i]
	}
	at := slices.Clone(from[:len(sets)])
	high := make([]int, len(keys))
	for _, key := range keys {
		lo := key >> 32
		high[at[lo]] = int(key & math.MaxUint32)
		at[lo]++
	}
	out := make([][2]int, len(keys))
	for i := range sets {
		run := high[from[i]:from[i+1]]
		slices.Sort(run)
		for k, j := range run {
			out[from[i]+k] = [2]int{i, j}
		}
	}
	return out
}

// wordSets is each text's set of words (split at spaces), each word by its
// number in the texts' vocabulary sorted alphabetically, and each set
// sorted: what quotePairs and overlapIDs read, without a map per text.
func wordSets(texts []string) [][]int32 {
	num := map[string]int32{}
	var vocab []string
	sets := make([][]int32, len(texts))
	for i, t := range texts {
		for w := range strings.FieldsSeq(t) {
			id, ok := num[w]
			if !ok {
				id = int32(len(vocab))
				num[w] = id
				vocab = append(vocab, w)
			}
			sets[i] = append(sets[i], id)
		}
	}
	// Renumber in alphabetical order.
	order := make([]int32, len(vocab))
	for k := range order {
		order[k] = int32(k)
	}
	slices.SortFunc(order, func(a, b int32) int { return strings.Compare(vocab[a], vocab[b]) })
	rank := make([]int32, len(vocab))
	for r, id := range order {
		rank[id] = int32(r)
	}
	for i, s := range sets {
		for k, id := range s {
			s[k] = rank[id]
		}
		slices.Sort(s)
		sets[i] = slices.Compact(s)
	}
	return sets
}

// overlapIDs is overlapCoeff on two sorted sets of word numbers.
func overlapIDs(a, b []int32) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	return float64(sharedIDs(a, b)) / float64(min(len(a), len(b)))
}

// sharedIDs is how many numbers two sorted sets have in common.
func sharedIDs(a, b []int32) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
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

package compare

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// quantityKey is what two quantities must share to count the same thing: the
// counted noun's class, the outcome and the unit.
func quantityKey(q *Quantity) string {
	if q.Indefinite {
		return ""
	}
	if q.Unit == "magnitude" && !q.Ordinal {
		// A magnitude measures its event: the quake, unless another is named.
		class := q.Class
		if class == "" {
			class = "earthquake"
		}
		return class + "||magnitude"
	}
	if q.Outcome == "" || q.Counted == "" || q.Ordinal {
		return ""
	}
	return q.Class + "|" + q.Outcome + "|" + q.Unit
}

// findNumberConflicts compares the quantities that count the same thing
// with the same outcome across sources. Ranges from qualifiers are compared
// as ranges ("at least 5" holds with 5); values within 3% are a rounding.
func findNumberConflicts(res *Result) {
	groups := map[string][]int{}
	var keys []string
	for i, f := range res.Facts {
		if f.Kind != FactQuantity || f.Background {
			continue
		}
		k := quantityKey(f.Quantity)
		if k == "" {
			continue
		}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], i)
	}
	sort.Strings(keys)
	for _, k := range keys {
		// One statement per source: its first.
		var reps []Fact
		seen := map[string]bool{}
		for _, i := range groups[k] {
			f := res.Facts[i]
			if !seen[f.Span.Source] {
				seen[f.Span.Source] = true
				reps = append(reps, f)
			}
		}
		if len(reps) == 1 {
			res.Unique = append(res.Unique, uniqueOf(reps[0]))
			continue
		}
		conflict, rounded := false, false
		for i := range reps {
			for j := i + 1; j < len(reps); j++ {
				a, b := *reps[i].Quantity, *reps[j].Quantity
				switch {
				case overlaps(a, b):
				case rounding(a, b):
					rounded = true
				default:
					conflict = true
				}
			}
		}
		var claims []Claim
		var sources []string
		var ids []string
		for _, f := range reps {
			claims = append(claims, claimOf(f))
			sources = append(sources, f.Span.Source)
			ids = append(ids, f.ID)
		}
		parts := strings.Split(k, "|")
		what := strings.TrimSpace(parts[0] + " " + parts[1])
		switch {
		case conflict || rounded:
			d := Discrepancy{Kind: KindNumber, Topic: reps[0].Topic, Claims: claims, Severity: SeverityHigh}
			d.Summary = fmt.Sprintf("%s: %s", what, valuesBySource(reps))
			d.Why = "the sources give ranges that do not overlap for the same counted thing and outcome"
			if !conflict {
				d.Severity = SeverityLow
				d.Why = "the values differ by 3% or less: one source rounded"
			}
			res.Discrepancies = append(res.Discrepancies, d)
		default:
			res.Agreements = append(res.Agreements, Agreement{Value: reps[0].Value, Facts: ids, Sources: sources, Origins: res.origins(sources)})
			if distinctValues(reps) {
				res.Reconciled = append(res.Reconciled, Reconciled{Claims: claims,
					Reason: "the values are compatible once qualifiers and number forms are read: " + valuesBySource(reps)})
			}
		}
	}
	findOutcomeConflicts(res)
}

// findOutcomeConflicts finds the same victims (the same counted noun and
// number) dead in one source and hurt in another.
func findOutcomeConflicts(res *Result) {
	type key struct {
		counted string
		value   float64
	}
	groups := map[key][]Fact{}
	var keys []key
	for _, f := range res.Facts {
		q := f.Quantity
		if q == nil || (q.Outcome != "killed" && q.Outcome != "injured") || q.Counted == "" {
			continue
		}
		k := key{q.Counted, q.nominal()}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], f)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].counted != keys[j].counted {
			return keys[i].counted < keys[j].counted
		}
		return keys[i].value < keys[j].value
	})
	for _, k := range keys {
		fs := groups[k]
		var killed, injured *Fact
		for i := range fs {
			switch {
			case fs[i].Quantity.Outcome == "killed" && killed == nil:
				killed = &fs[i]
			case fs[i].Quantity.Outcome == "injured" && injured == nil:
				injured = &fs[i]
			}
		}
		if killed == nil || injured == nil || killed.Span.Source == injured.Span.Source {
			continue
		}
		res.Discrepancies = append(res.Discrepancies, Discrepancy{
			Kind: KindOutcome, Topic: killed.Topic, Severity: SeverityHigh,
			Summary: fmt.Sprintf("%s %s: killed (%s) or injured (%s)", strconv.FormatFloat(k.value, 'f', -1, 64), k.counted, killed.Span.Source, injured.Span.Source),
			Claims:  []Claim{claimOf(*killed), claimOf(*injured)},
			Why:     "the same number of the same victims is given a different fate",
		})
	}
}

func valuesBySource(fs []Fact) string {
	var parts []string
	for _, f := range fs {
		parts = append(parts, fmt.Sprintf("%s (%s)", f.Value, f.Span.Source))
	}
	return strings.Join(parts, ", ")
}

func distinctValues(fs []Fact) bool {
	for _, f := range fs[1:] {
		if f.Value != fs[0].Value {
			return true
		}
	}
	return false
}

func uniqueOf(f Fact) Unique {
	return Unique{Span: f.Span, Text: f.Text, Value: f.Value, Topic: f.Topic}
}

// shortQuoteWords: a quotation shorter than this is matched only word for
// word.
const shortQuoteWords = 8

// quoteOverlap is the share of the shorter quotation's words the other must
// hold for the two to be one quotation, worded alike or not.
const quoteOverlap = 0.6

// quotePairs lists the pairs (i < j, in order) that may reach an overlap
// coefficient of min: a prefix filter, as in set-similarity joins. With each
// set's words ordered rarest first, two sets that share min·|smaller| words
// share one of the smaller set's first |smaller|-⌈min·|smaller|⌉+1 words;
// so only those words are looked up, and the rare words' postings are short.
func quotePairs(sets []map[string]bool, minOverlap float64) [][2]int {
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
		for _, cw := range ws[:max(0, min(prefix, len(ws)))] {
			for _, j := range postings[cw.w] {
				// i probes as the smaller set (ties: the lower index).
				if j == i || len(sets[j]) < len(s) || len(sets[j]) == len(s) && j < i {
					continue
				}
				k := [2]int{min(i, j), max(i, j)}
				if !seen[k] {
					seen[k] = true
					out = append(out, k)
				}
			}
		}
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a][0] != out[b][0] {
			return out[a][0] < out[b][0]
		}
		return out[a][1] < out[b][1]
	})
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

// excerpt reports a difference that only adds or drops words at the ends.
func excerpt(diff []DiffOp) bool {
	for i, d := range diff {
		if d.Op != OpEqual && i != 0 && i != len(diff)-1 {
			return false
		}
	}
	return true
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

// finish orders the discrepancies and unique facts by where they stand and
// numbers the discrepancies.
func finish(c *comparison) {
	res := c.res
	order := map[string]int{}
	for i, t := range res.Topics {
		order[t.ID] = i
	}
	sort.SliceStable(res.Discrepancies, func(i, j int) bool {
		a, b := res.Discrepancies[i], res.Discrepancies[j]
		if order[a.Topic] != order[b.Topic] {
			return order[a.Topic] < order[b.Topic]
		}
		return lessSpan(a.Claims[0].Span, b.Claims[0].Span)
	})
	for i := range res.Discrepancies {
		res.Discrepancies[i].ID = fmt.Sprintf("d%d", i+1)
	}
	// A fact some source disputes is not one only this source reports.
	disputed := map[Ref][]Span{}
	for _, d := range res.Discrepancies {
		for _, c := range d.Claims {
			r := Ref{c.Source, c.Paragraph}
			disputed[r] = append(disputed[r], c.Span)
		}
	}
	kept := res.Unique[:0]
	for _, u := range res.Unique {
		overlap := false
		for _, sp := range disputed[Ref{u.Source, u.Paragraph}] {
			overlap = overlap || u.Start < sp.End && sp.Start < u.End
		}
		if !overlap {
			kept = append(kept, u)
		}
	}
	res.Unique = kept
	sort.SliceStable(res.Unique, func(i, j int) bool { return lessSpan(res.Unique[i].Span, res.Unique[j].Span) })
}

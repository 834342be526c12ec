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

// findQuoteConflicts matches quotations across sources by their words and
// reports the ones worded differently. A quotation that is an excerpt of
// another (the same words, fewer of them) is reconciled, not flagged.
func findQuoteConflicts(res *Result) {
	var qs []Fact
	for _, f := range res.Facts {
		if f.Kind == FactQuote && len(strings.Fields(f.Quote.Words)) >= statementWords {
			qs = append(qs, f)
		}
	}
	sets := make([]map[string]bool, len(qs))
	folded := make([]string, len(qs))
	for i, q := range qs {
		folded[i] = foldText(q.Quote.Words)
		sets[i] = map[string]bool{}
		for _, w := range strings.Fields(folded[i]) {
			sets[i][w] = true
		}
	}
	var pairs [][2]int
	for _, p := range quotePairs(sets, quoteOverlap) {
		if qs[p[0]].Span.Source == qs[p[1]].Span.Source || overlapCoeff(sets[p[0]], sets[p[1]]) < quoteOverlap {
			continue
		}
		// A short fragment ("facilities used by militia groups") is one
		// quotation with a longer one only where it stands in it word for
		// word; scattered, its words are common ones.
		short, long := folded[p[0]], folded[p[1]]
		if len(short) > len(long) {
			short, long = long, short
		}
		if len(strings.Fields(short)) < shortQuoteWords && !strings.Contains(" "+long+" ", " "+short+" ") {
			continue
		}
		pairs = append(pairs, p)
	}
	// The word differences, the costly part, on every core; identical
	// quotations need none.
	diffs := make([][]DiffOp, len(pairs))
	parallel(len(pairs), func(_ int, next func() (int, bool)) {
		for k, ok := next(); ok; k, ok = next() {
			if i, j := pairs[k][0], pairs[k][1]; folded[i] != folded[j] {
				diffs[k] = wordDiff(qs[i].Quote.Words, qs[j].Quote.Words)
			}
		}
	})
	matched := make([]bool, len(qs))
	// One discrepancy per variant wording: the same reworded quotation set
	// against three faithful copies is one finding with four claims.
	reported := map[string]int{}
	for k, pair := range pairs {
		i, j := pair[0], pair[1]
		matched[i], matched[j] = true, true
		a, b := folded[i], folded[j]
		claims := []Claim{claimOf(qs[i]), claimOf(qs[j])}
		diff := diffs[k]
		switch {
		case a == b:
			srcs := []string{qs[i].Span.Source, qs[j].Span.Source}
			res.Agreements = append(res.Agreements, Agreement{Value: qs[i].Value, Facts: []string{qs[i].ID, qs[j].ID}, Sources: srcs, Origins: res.origins(srcs)})
		case excerpt(diff):
			res.Reconciled = append(res.Reconciled, Reconciled{Claims: claims, Reason: "one quotation is an excerpt of the other: the shared words are the same"})
		default:
			summary := diffSummary(diff)
			// The key folds marks and "U.S."/"US": one rewording set against
			// copies that differ only in those is one finding.
			key := foldText(summary)
			if d, ok := reported[qs[j].ID+key]; ok {
				res.Discrepancies[d].Claims = appendClaim(res.Discrepancies[d].Claims, claimOf(qs[i]))
				continue
			}
			if d, ok := reported[qs[i].ID+key]; ok {
				res.Discrepancies[d].Claims = appendClaim(res.Discrepancies[d].Claims, claimOf(qs[j]))
				continue
			}
			reported[qs[j].ID+key] = len(res.Discrepancies)
			changed := changedWords(diff)
			sev := SeverityMedium
			if changed <= 2 {
				sev = SeverityLow
			}
			who := qs[i].Quote.Speaker
			if who == "" {
				who = qs[j].Quote.Speaker
			}
			if who == "" {
				who = "an unnamed speaker"
			}
			// The same words credited to two speakers: say so.
			if si, sj := qs[i].Quote.Speaker, qs[j].Quote.Speaker; si != "" && sj != "" && !shareCredit([]string{si}, []string{sj}) {
				who = fmt.Sprintf("%s (%s) or %s (%s)", si, qs[i].Span.Source, sj, qs[j].Span.Source)
			}
			res.Discrepancies = append(res.Discrepancies, Discrepancy{
				Kind: KindQuote, Topic: qs[i].Topic, Severity: sev, Claims: claims, Diff: diff,
				Summary: fmt.Sprintf("quote of %s worded differently (%d words changed): %s", who, changed, summary),
				Why:     fmt.Sprintf("%.0f%% of the shorter quotation's words recur in the other, but the wording inside differs", 100*overlapCoeff(sets[i], sets[j])),
			})
		}
	}
	for i, q := range qs {
		if !matched[i] {
			res.Unique = append(res.Unique, uniqueOf(q))
		}
	}
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

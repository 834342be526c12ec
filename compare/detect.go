package compare

import "slices"

// detector finds one kind of finding. Each reads the comparison (its facts,
// claims, topics and links) and writes only into its own findings, so that
// the detectors run on every core and merge in the table's order.
type detector struct {
	name string
	run  func(c *comparison, out *findings)
	// Its CPU-ms, roughly, on 1,000 ECB+ articles and on the varied 10 MB
	// article (BenchmarkScaleVaried): see startOrder.
	ecbMs, variedMs int
}

// findings is what one detector found.
type findings struct {
	Discrepancies []Discrepancy
	Agreements    []Agreement
	Unique        []Unique
	Reconciled    []Reconciled
	Facts         []Fact // facts the detector adds (the names' entity facts)
}

// detectors is the table of detectors, in the order their findings merge,
// with their costs (startOrder), measured on the thread's CPU clock. The
// two inputs rank them apart: "times" is the sixth on 1,000 ECB+ and the
// second on the 10 MB article, whose one story's dates it pairs.
var detectors = []detector{
	{"numbers", detectNumbers, 80, 176},
	{"scopes", detectScopes, 15, 93},
	{"outcomes", detectOutcomes, 2, 6},
	{"times", detectTimes, 22, 236},
	{"names", detectNames, 41, 212},
	{"posts", detectRoles, 1, 10},
	{"statuses", detectStatuses, 14, 63},
	{"hedges", detectHedges, 12, 13},
	{"names and lists", viewed(func(c *comparison, v *Result) {
		canonicalNames(v, c.mentions)
		findListConflicts(v, c.arts, c.linked, c.label)
	}), 63, 569},
	{"attribution", detectAttribution, 13, 38},
	{"quotes", detectQuotes, 43, 147},
	{"paraphrases", detectParaphrases, 46, 51},
}

// startOrder is the order the detectors start in: the costliest first, so
// that no long one starts last while the other cores have nothing left.
// A detector's cost is the larger of its cost on the 10 MB article and its
// cost on 1,000 ECB+ scaled to the same total, so that the longest on
// either input start first.
func startOrder(ds []detector) []int {
	var ecb, varied int
	for _, d := range ds {
		ecb, varied = ecb+d.ecbMs, varied+d.variedMs
	}
	cost := func(d detector) int { return max(d.ecbMs*varied, d.variedMs*ecb) }
	order := make([]int, len(ds))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cost(ds[b]) - cost(ds[a]) })
	return order
}

// factAdder is the one detector that adds facts (the names' entity facts,
// one per mention): it is handed the table with room after it, and writes
// them there in place.
const factAdder = "names and lists"

// viewed runs a detector written against a view of the result. The view's
// facts are out.Facts when detectStage made room there, else the table's.
func viewed(run func(c *comparison, v *Result)) func(*comparison, *findings) {
	return func(c *comparison, out *findings) {
		n := len(c.res.Facts)
		facts := c.res.Facts
		if out.Facts != nil {
			facts = out.Facts
		}
		v := &Result{Sources: c.res.Sources, Topics: c.res.Topics, Facts: facts, Copies: c.res.Copies}
		run(c, v)
		out.Facts = v.Facts[n:]
		out.Discrepancies, out.Agreements, out.Unique, out.Reconciled = v.Discrepancies, v.Agreements, v.Unique, v.Reconciled
	}
}

func detectStage(c *comparison) {
	// The table is given room for the names' entity facts once, and the
	// detector that adds them writes them there (factAdder): it grew the
	// table itself, and the merge below grew it again, so that on one 10 MB
	// article three copies of the table were live at once. The readers'
	// capacity is capped, so that no other detector's append can write
	// into the array the others read.
	n, room := len(c.res.Facts), 0
	for _, ms := range c.mentions {
		room += len(ms)
	}
	all := slices.Grow(c.res.Facts, room)
	c.res.Facts = all[:n:n]
	outs := make([]findings, len(detectors))
	if k := slices.IndexFunc(detectors, func(d detector) bool { return d.name == factAdder }); k >= 0 {
		outs[k].Facts = all[: n : n+room]
	}
	// One detector per core at a time, each worker taking the next: all at
	// once, every detector's working data was held together, the
	// comparison's peak of memory. The costliest first: in the table's
	// order the two longest but one came last, and one core ran them
	// alone at the end.
	order := startOrder(detectors)
	parallel(len(detectors), func(_ int, next func() (int, bool)) {
		for i, ok := next(); ok; i, ok = next() {
			d := order[i]
			detectors[d].run(c, &outs[d])
		}
	})
	c.res.Facts = mergeFacts(all[:n], outs)
	for _, o := range outs {
		c.res.Discrepancies = append(c.res.Discrepancies, o.Discrepancies...)
		c.res.Agreements = append(c.res.Agreements, o.Agreements...)
		c.res.Unique = append(c.res.Unique, o.Unique...)
		c.res.Reconciled = append(c.res.Reconciled, o.Reconciled...)
	}
}

// mergeFacts is the table with the facts the detectors added, in the
// detectors' order. When one detector alone added facts, written in place
// after the table (its room), they are kept there; else all are copied.
func mergeFacts(table []Fact, outs []findings) []Fact {
	n, added := len(table), 0
	for _, o := range outs {
		added += len(o.Facts)
	}
	if added == 0 {
		return table
	}
	for _, o := range outs {
		if len(o.Facts) == added && cap(table) >= n+added && &o.Facts[0] == &table[:n+1][n] {
			return table[:n+added]
		}
	}
	merged := make([]Fact, n, n+added)
	copy(merged, table)
	for _, o := range outs {
		merged = append(merged, o.Facts...)
	}
	return merged
}

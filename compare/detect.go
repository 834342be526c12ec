package compare

import "slices"

// detector finds one kind of finding. Each reads the comparison (its facts,
// claims, topics and links) and writes only into its own findings, so that
// the detectors run on every core and merge in the table's order.
type detector struct {
	name string
	run  func(c *comparison, out *findings)
	cost int // CPU-ms on 1,000 ECB+ articles (see detectors)
}

// findings is what one detector found.
type findings struct {
	Discrepancies []Discrepancy
	Agreements    []Agreement
	Unique        []Unique
	Reconciled    []Reconciled
	Facts         []Fact // facts the detector adds (the names' entity facts)
}

// detectors is the table of detectors, in the order their findings merge.
// Each one's cost is its CPU-ms on 1,000 ECB+ articles, roughly: the
// costliest start first (detectStage), so that no long one starts last
// while the other cores have nothing left.
var detectors = []detector{
	{"numbers", detectNumbers, 53},
	{"scopes", detectScopes, 13},
	{"outcomes", detectOutcomes, 1},
	{"times", detectTimes, 16},
	{"names", detectNames, 29},
	{"posts", detectRoles, 1},
	{"statuses", detectStatuses, 19},
	{"hedges", detectHedges, 11},
	{"names and lists", viewed(func(c *comparison, v *Result) {
		canonicalNames(v, c.mentions)
		findListConflicts(v, c.arts, c.linked, c.label)
	}), 61},
	{"attribution", detectAttribution, 9},
	{"quotes", detectQuotes, 31},
	{"paraphrases", detectParaphrases, 37},
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
	order := make([]int, len(detectors))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return detectors[b].cost - detectors[a].cost })
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

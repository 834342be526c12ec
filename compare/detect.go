package compare

// detector finds one kind of finding. Each reads the comparison (its facts,
// claims, topics and links) and writes only into its own findings, so that
// the detectors run on every core and merge in the table's order.
type detector struct {
	name string
	run  func(c *comparison, out *findings)
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
var detectors = []detector{
	{"numbers", detectNumbers},
	{"scopes", detectScopes},
	{"outcomes", detectOutcomes},
	{"times", detectTimes},
	{"names", detectNames},
	{"posts", detectRoles},
	{"statuses", detectStatuses},
	{"hedges", detectHedges},
	{"names and lists", viewed(func(c *comparison, v *Result) {
		canonicalNames(v, c.mentions)
		findListConflicts(v, c.arts, c.linked, c.label)
	})},
	{"attribution", detectAttribution},
	{"quotes", detectQuotes},
	{"paraphrases", detectParaphrases},
}

// viewed runs a detector written against a view of the result.
func viewed(run func(c *comparison, v *Result)) func(*comparison, *findings) {
	return func(c *comparison, out *findings) {
		n := len(c.res.Facts)
		v := &Result{Sources: c.res.Sources, Topics: c.res.Topics, Facts: c.res.Facts, Copies: c.res.Copies}
		run(c, v)
		out.Facts = v.Facts[n:]
		out.Discrepancies, out.Agreements, out.Unique, out.Reconciled = v.Discrepancies, v.Agreements, v.Unique, v.Reconciled
	}
}

func detectStage(c *comparison) {
	// The facts' capacity is capped, so that no detector's append can write
	// into the array the others read.
	c.res.Facts = c.res.Facts[:len(c.res.Facts):len(c.res.Facts)]
	// One detector per core at a time, each worker taking the next: all at
	// once, every detector's working data was held together, the
	// comparison's peak of memory.
	outs := make([]findings, len(detectors))
	parallel(len(detectors), func(_ int, next func() (int, bool)) {
		for i, ok := next(); ok; i, ok = next() {
			detectors[i].run(c, &outs[i])
		}
	})
	for _, o := range outs {
		c.res.Facts = append(c.res.Facts, o.Facts...)
		c.res.Discrepancies = append(c.res.Discrepancies, o.Discrepancies...)
		c.res.Agreements = append(c.res.Agreements, o.Agreements...)
		c.res.Unique = append(c.res.Unique, o.Unique...)
		c.res.Reconciled = append(c.res.Reconciled, o.Reconciled...)
	}
}

package compare

import "sync"

// detector finds one kind of finding. Each reads the comparison (its facts,
// claims, topics and links) and writes only into its own findings, so that
// the detectors run at once and merge in the table's order.
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
	outs := make([]findings, len(detectors))
	var wg sync.WaitGroup
	for i, d := range detectors {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d.run(c, &outs[i])
		}()
	}
	wg.Wait()
	for _, o := range outs {
		c.res.Facts = append(c.res.Facts, o.Facts...)
		c.res.Discrepancies = append(c.res.Discrepancies, o.Discrepancies...)
		c.res.Agreements = append(c.res.Agreements, o.Agreements...)
		c.res.Unique = append(c.res.Unique, o.Unique...)
		c.res.Reconciled = append(c.res.Reconciled, o.Reconciled...)
	}
}

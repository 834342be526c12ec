package compare

import (
	"fmt"
	"slices"
)

// markOffEvent marks the sources that may report another event. Of three
// sources or more, a source is odd when both its paragraphs and its names
// hardly meet the others': the share of its body paragraphs linked to
// another source's, and the share of the names it gives that another
// source gives too, are each under offEventRatio of the others' median
// share. A story of the same kind of event (another quake) still shares
// words of its kind with the rest; it seldom shares their people and
// places. With two sources neither can be told to be the odd one. A marked
// source's facts are set against nobody's: every detector skips it.
func markOffEvent(c *comparison) {
	if len(c.arts) < 3 {
		return
	}
	units := map[string]int{}
	for _, u := range c.units {
		units[u.ref.Source]++
	}
	linked := map[Ref]bool{}
	for _, l := range c.pairs {
		linked[c.units[l.i].ref], linked[c.units[l.j].ref] = true, true
	}
	met := map[string]int{}
	for r := range linked {
		met[r.Source]++
	}
	names := make([]map[string]bool, len(c.arts))
	givers := map[string]int{} // name → sources that give it
	for i := range c.arts {
		names[i] = map[string]bool{}
		for _, m := range c.mentions[i] {
			if k := nameKey(m.surface); k != "" {
				names[i][k] = true
			}
		}
		for k := range names[i] {
			givers[k]++
		}
	}
	linkShare := make([]float64, len(c.arts))
	nameShare := make([]float64, len(c.arts))
	for i, a := range c.arts {
		if units[a.ID] > 0 {
			linkShare[i] = float64(met[a.ID]) / float64(units[a.ID])
		}
		shared := 0
		for k := range names[i] {
			if givers[k] > 1 {
				shared++
			}
		}
		if len(names[i]) > 0 {
			nameShare[i] = float64(shared) / float64(len(names[i]))
		}
	}
	sortedLink, sortedName := slices.Clone(linkShare), slices.Clone(nameShare)
	slices.Sort(sortedLink)
	slices.Sort(sortedName)
	for i, a := range c.arts {
		if units[a.ID] == 0 {
			continue
		}
		ml, mn := medianWithout(sortedLink, linkShare[i]), medianWithout(sortedName, nameShare[i])
		if linkShare[i] >= offEventRatio*ml || nameShare[i] >= offEventRatio*mn {
			continue
		}
		c.res.OffEvent = append(c.res.OffEvent, OffEvent{Source: a.ID,
			Reason: fmt.Sprintf("%.0f%% of its paragraphs meet another source's (the others: %.0f%%), %.0f%% of its names are another's (the others: %.0f%%)",
				100*linkShare[i], 100*ml, 100*nameShare[i], 100*mn)})
	}
}

// medianWithout is the median of a sorted list less one copy of x (x is in
// the list), read off the list sorted once (a sort per source was quadratic
// in the sources): the middle (len-1)/2 of what is left is the list's own
// when the copy stood after it, else the next one.
func medianWithout(sorted []float64, x float64) float64 {
	m := (len(sorted) - 1) / 2
	if r, _ := slices.BinarySearch(sorted, x); r > m {
		return sorted[m]
	}
	return sorted[m+1]
}

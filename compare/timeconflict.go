package compare

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
)

const (
	minutesPerDay = 24 * 60
	sameInstant   = "the same moment once time zones and days are read"
)

// findTimeConflicts compares the times that sources give for one moment.
// Two times are of one moment when their paragraphs share a topic or are
// linked; each time is matched with the closest time the other source gives
// there. A match in another zone or form is reconciled, a near match is a
// rounding (low severity), and a conflict needs each source to give exactly
// one time there, so that "reported at 3:33" is never set against "out by
// 6:40". Two clock times that name the same UTC instant in different forms
// are reconciled wherever they stand ("1AM local time" in Iraq and "6 p.m.
// Eastern").
func findTimeConflicts(res *Result, linked map[[2]Ref]bool) {
	var ts []Fact
	for _, f := range res.Facts {
		if f.Kind == FactTime && (f.Time.HasClock || f.Time.HasDate) {
			ts = append(ts, f)
		}
	}
	comparable := func(a, b Fact) bool {
		if a.Span.Source == b.Span.Source || a.Time.HasClock != b.Time.HasClock {
			return false
		}
		if a.Topic != "" && a.Topic == b.Topic {
			return true
		}
		return linked[[2]Ref{{a.Span.Source, a.Span.Paragraph}, {b.Span.Source, b.Span.Paragraph}}]
	}
	// cands[i] lists, per other source, the times comparable with ts[i].
	cands := make([]map[string][]int, len(ts))
	for i := range ts {
		cands[i] = map[string][]int{}
		for j := range ts {
			if comparable(ts[i], ts[j]) {
				cands[i][ts[j].Span.Source] = append(cands[i][ts[j].Span.Source], j)
			}
		}
	}
	// Pairs judged, grouped into findings by the facts they share.
	groups := newUnionFind(len(ts))
	conflictIn := map[int]bool{}
	worst := map[int]time.Duration{}
	involved := map[int]bool{}
	reconciled := map[[2]int]bool{}
	for i := range ts {
		others := make([]string, 0, len(cands[i]))
		for src := range cands[i] {
			others = append(others, src)
		}
		sort.Strings(others) // maps iterate in any order; the result may not
		for _, src := range others {
			js := cands[i][src]
			if src < ts[i].Span.Source {
				continue // each pair of sources once, from the first
			}
			best, bestD := -1, time.Duration(math.MaxInt64)
			for _, j := range js {
				if d, ok := timeDiff(*ts[i].Time, *ts[j].Time); ok && d < bestD {
					best, bestD = j, d
				}
			}
			if best < 0 {
				continue
			}
			j := best
			a, b := *ts[i].Time, *ts[j].Time
			tol := timeTolerance
			if a.Qualifier != "" || b.Qualifier != "" {
				tol = qualifiedTolerance
			}
			switch {
			case bestD == 0:
				if foldText(ts[i].Text) != foldText(ts[j].Text) && !reconciled[[2]int{i, j}] {
					reconciled[[2]int{i, j}] = true
					res.Reconciled = append(res.Reconciled, Reconciled{Claims: []Claim{claimOf(ts[i]), claimOf(ts[j])},
						Reason: fmt.Sprintf("%s: %q and %q agree (%s)", sameInstant, ts[i].Text, ts[j].Text, ts[i].Value)})
				}
				continue
			case bestD <= tol && a.HasClock:
			case len(js) == 1 && len(cands[j][ts[i].Span.Source]) == 1:
				conflictIn[i], conflictIn[j] = true, true
			default:
				continue // several times on either side: no telling which is which
			}
			involved[i], involved[j] = true, true
			groups.union(i, j)
			worst[i] = max(worst[i], bestD)
		}
	}
	members := map[int][]int{}
	var roots []int
	for i := range ts {
		if !involved[i] {
			continue
		}
		r := groups.find(i)
		if _, ok := members[r]; !ok {
			roots = append(roots, r)
		}
		members[r] = append(members[r], i)
	}
	for _, r := range roots {
		var reps []Fact
		conflict := false
		var far time.Duration
		for _, i := range members[r] {
			reps = append(reps, ts[i])
			conflict = conflict || conflictIn[i]
			far = max(far, worst[i])
		}
		d := Discrepancy{Kind: KindTime, Topic: reps[0].Topic, Severity: SeverityMedium, Summary: "when: " + valuesBySource(reps)}
		for _, f := range reps {
			d.Claims = append(d.Claims, claimOf(f))
		}
		if conflict {
			d.Why = fmt.Sprintf("the sources give one time each for linked text, up to %s apart once zones and days are read", humanDuration(far))
		} else {
			d.Severity = SeverityLow
			d.Why = fmt.Sprintf("the times differ by %s at most: one source rounded, or gave an approximate time", humanDuration(far))
		}
		res.Discrepancies = append(res.Discrepancies, d)
	}
	// The same instant written two ways, wherever the two stand.
	for i := range ts {
		for j := i + 1; j < len(ts); j++ {
			a, b := ts[i], ts[j]
			if a.Span.Source == b.Span.Source || !a.Time.HasZone || !b.Time.HasZone || !a.Time.HasClock || !b.Time.HasClock ||
				reconciled[[2]int{i, j}] || reconciled[[2]int{j, i}] {
				continue
			}
			if d, ok := timeDiff(*a.Time, *b.Time); ok && d == 0 && foldText(a.Text) != foldText(b.Text) {
				res.Reconciled = append(res.Reconciled, Reconciled{Claims: []Claim{claimOf(a), claimOf(b)},
					Reason: fmt.Sprintf("%s: %q and %q are both %s", sameInstant, a.Text, b.Text, utcClock(*a.Time))})
			}
		}
	}
}

// timeDiff is how far apart two times are, when they can be compared: two
// clock times in UTC, or both on the local clock; by time of day when a date
// is missing on either side. Two days compare by their overlap.
func timeDiff(a, b TimeValue) (time.Duration, bool) {
	if a.HasClock != b.HasClock {
		return 0, false
	}
	if !a.HasClock {
		if !a.HasDate || !b.HasDate {
			return 0, false
		}
		if !a.Start.After(b.End) && !b.Start.After(a.End) {
			return 0, true
		}
		if a.Start.After(b.End) {
			return a.Start.Sub(b.End), true
		}
		return b.Start.Sub(a.End), true
	}
	if a.HasZone != b.HasZone {
		return 0, false // one in UTC, one on an unknown local clock
	}
	if a.HasDate && b.HasDate {
		d := a.Start.Sub(b.Start)
		return time.Duration(math.Abs(float64(d))), true
	}
	ma := a.Start.Hour()*60 + a.Start.Minute()
	mb := b.Start.Hour()*60 + b.Start.Minute()
	diff := abs(ma - mb)
	diff = min(diff, minutesPerDay-diff)
	return time.Duration(diff) * time.Minute, true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func utcClock(v TimeValue) string {
	if v.HasDate {
		return v.Start.Format("2006-01-02 15:04") + " UTC"
	}
	return v.Start.Format("15:04") + " UTC"
}

func humanDuration(d time.Duration) string {
	switch {
	case d >= 48*time.Hour:
		return fmt.Sprintf("%d days", int(d.Hours()/24))
	case d >= time.Hour:
		h := d.Hours()
		return strings.TrimSuffix(fmt.Sprintf("%.1f", h), ".0") + " hours"
	}
	return fmt.Sprintf("%d minutes", int(d.Minutes()))
}

package compare

import (
	"fmt"
	"maps"
	"math"
	"os"
	"slices"
	"strings"
	"time"
)

// detectTimes compares the times sources give for one happening. A time
// is set against its single best counterpart in each other source: the
// same happening in its clause (published, the debate, will leave), the
// same people when both name some, words around it in common. So the day a
// letter was sent is never set against the day a spokesman spoke of it.
// Once zones, weekdays and relative dates are read, times that agree are
// reconciled; days that cannot both hold are a finding, and clock times a
// few minutes apart a rounding. Two clock times that name one UTC instant
// in different forms are reconciled wherever they stand ("1 a.m. local
// time" in Iraq and "6 p.m. Eastern").
func detectTimes(c *comparison, out *findings) {
	var ts []int
	for i, f := range c.res.Facts {
		if f.Kind == FactTime && (f.Time.HasClock || f.Time.HasDate) && !c.offEvent(f.Span.Source) {
			ts = append(ts, i)
		}
	}
	frames := make([]timeFrame, len(ts))
	sentences := map[string]timeSentence{} // by text: a wire copy's sentences are read once
	st := newStemmer(c.stems)
	var buf []token // a time's sentence's words, the room reused time after time
	for k, i := range ts {
		frames[k] = c.timeFrameOf(c.res.Facts[i], sentences, st, &buf)
	}
	own := c.ownDays(ts, frames)
	// Times are paired across sources only, and only two whose frames
	// share a happening's word, which sameHappening asks of any pair: the
	// pairs of one article, or of two times of nothing in common, which a
	// thousand articles would make by the ten million, are never visited.
	// The pairs are sorted once found.
	// Each happening's times, in order, with where each run of one
	// source's ends: the times of x's own source are stepped over a run at
	// a time, and those before x found by a binary search. Walked one by
	// one, they made the pairs of one long article's times, all of one
	// source and never a pair, quadratic in its size.
	srcOf := make([]int32, len(ts))
	srcNum := map[string]int32{}
	for x, i := range ts {
		id := c.res.Facts[i].Span.Source
		n, ok := srcNum[id]
		if !ok {
			n = int32(len(srcNum))
			srcNum[id] = n
		}
		srcOf[x] = n
	}
	type postings struct {
		xs     []int
		runEnd []int // per entry, the index after its source's run
	}
	posting := map[string]*postings{}
	for x := range ts {
		for h := range frames[x].happenings {
			pl := posting[h]
			if pl == nil {
				pl = &postings{}
				posting[h] = pl
			}
			pl.xs = append(pl.xs, x)
		}
	}
	for _, pl := range posting {
		pl.runEnd = make([]int, len(pl.xs))
		for k := len(pl.xs) - 1; k >= 0; k-- {
			pl.runEnd[k] = k + 1
			if k+1 < len(pl.xs) && srcOf[pl.xs[k+1]] == srcOf[pl.xs[k]] {
				pl.runEnd[k] = pl.runEnd[k+1]
			}
		}
	}
	seen := make([]int, len(ts)) // the x+1 that last visited y
	sharing := func(visit func(x, y int)) {
		for x := range ts {
			for h := range frames[x].happenings {
				pl := posting[h]
				k, _ := slices.BinarySearch(pl.xs, x+1)
				for k < len(pl.xs) {
					y := pl.xs[k]
					if srcOf[y] == srcOf[x] {
						k = pl.runEnd[k]
						continue
					}
					if seen[y] != x+1 {
						seen[y] = x + 1
						visit(x, y)
					}
					k++
				}
			}
		}
	}
	var cands []candidatePair
	sharing(func(x, y int) {
		a, b := c.res.Facts[ts[x]], c.res.Facts[ts[y]]
		if a.Time.HasClock != b.Time.HasClock && !(a.Time.HasDate && b.Time.HasDate) ||
			coarse(*a.Time) != coarse(*b.Time) {
			return
		}
		s, ok := c.sameHappening(a, b, frames[x], frames[y])
		if ok {
			switch {
			case own[x] && own[y]:
				s += ownDayBonus
			case own[x] != own[y]:
				s -= ownDayBonus
			}
			// A day looked forward to ("will retire at the end of
			// February") and a day gone by ("resigned Thursday") most
			// often date the plan and the act.
			if a.Time.Forward != b.Time.Forward {
				s -= forwardMismatch
			}
			ok = s >= timeMatch
		}
		if debugTimes != "" && (strings.Contains(a.Text, debugTimes) || strings.Contains(b.Text, debugTimes)) {
			fmt.Printf("time %s %q %s ~ %s %q %s: %.2f %v %v|%v names %v|%v\n", a.Span.Source, a.Text, a.Value, b.Span.Source, b.Text, b.Value, s, ok,
				slices.Sorted(maps.Keys(frames[x].happenings)), slices.Sorted(maps.Keys(frames[y].happenings)), frames[x].names, frames[y].names)
		}
		if ok {
			cands = append(cands, candidatePair{x, y, s})
		}
	})
	// In the order the pairs were once visited: ties are broken alike.
	slices.SortFunc(cands, func(p, q candidatePair) int {
		if p.a != q.a {
			return p.a - q.a
		}
		return p.b - q.b
	})
	matched := matchOneToOne(cands, func(k int) string { return c.res.Facts[ts[k]].Span.Source })
	matched = append(matched, secondValues(c, ts, cands, matched, frames)...)
	groups := newUnionFind(len(ts))
	differs := map[int]bool{}
	worstGap := map[int]time.Duration{}
	severe := map[int]bool{}
	reconciled := map[[2]int]bool{}
	for _, cp := range matched {
		a, b := c.res.Facts[ts[cp.a]], c.res.Facts[ts[cp.b]]
		v, gap, reason := compareTimes(*a.Time, *b.Time)
		claims := []Claim{claimOf(a), claimOf(b)}
		switch v {
		case figuresAgree:
		case figuresReconciled:
			if foldText(a.Text) != foldText(b.Text) {
				reconciled[[2]int{cp.a, cp.b}] = true
				out.Reconciled = append(out.Reconciled, Reconciled{Claims: claims, Reason: reason})
			}
		default:
			groups.union(cp.a, cp.b)
			differs[cp.a], differs[cp.b] = true, true
			r := groups.find(cp.a)
			worstGap[r] = max(worstGap[r], gap, worstGap[cp.a], worstGap[cp.b])
			severe[r] = severe[r] || v == figuresConflict
		}
	}
	members := map[int][]int{}
	var roots []int
	for k := range ts {
		if !differs[k] {
			continue
		}
		r := groups.find(k)
		if _, ok := members[r]; !ok {
			roots = append(roots, r)
		}
		members[r] = append(members[r], k)
	}
	for _, r := range roots {
		var fs []Fact
		conflict := false
		var far time.Duration
		for _, k := range members[r] {
			fs = append(fs, c.res.Facts[ts[k]])
			conflict = conflict || severe[k] || severe[groups.find(k)]
			far = max(far, worstGap[k], worstGap[groups.find(k)])
		}
		// Within one finding, the clock times one source rounded are said
		// to be so, apart from the times that conflict.
		for x := range fs {
			for _, g := range fs[x+1:] {
				if g.Span.Source == fs[x].Span.Source || !g.Time.HasClock || !fs[x].Time.HasClock {
					continue
				}
				if v, d, _ := compareTimes(*fs[x].Time, *g.Time); v == figuresBounds {
					out.Reconciled = append(out.Reconciled, Reconciled{Claims: []Claim{claimOf(fs[x]), claimOf(g)},
						Reason: fmt.Sprintf("%s apart: one source rounded, or gave an approximate time (%s and %s)", humanDuration(d), fs[x].Time.describe(), g.Time.describe())})
				}
			}
		}
		label := fs[0].Label
		if label == "" {
			label = "when"
		}
		d := Discrepancy{Kind: KindTime, Topic: fs[0].Topic, Severity: SeverityMedium, Summary: label + ": " + c.valuesBySource(fs)}
		for _, f := range fs {
			d.Claims = append(d.Claims, claimOf(f))
		}
		if conflict {
			if allDays(fs) || far >= datesFarApart {
				d.Severity = SeverityHigh
			}
			d.Why = fmt.Sprintf("the sources date one happening (%s) %s apart, once zones, weekdays and relative dates are read", happeningOf(fs[0]), humanDuration(far))
		} else {
			d.Severity = SeverityLow
			d.Why = fmt.Sprintf("the times differ by %s at most: one source rounded, or gave an approximate time", humanDuration(far))
		}
		out.Discrepancies = append(out.Discrepancies, d)
	}
	// The same instant written two ways, wherever the two stand (in the
	// order of the pairs, whichever source came first).
	var same [][2]int
	var zoned []int // the clock times with a zone, the only ones an instant can match
	for x := range ts {
		if t := c.res.Facts[ts[x]].Time; t.HasZone && t.HasClock {
			zoned = append(zoned, x)
		}
	}
	for i, x := range zoned {
		for _, y := range zoned[i+1:] {
			a, b := c.res.Facts[ts[x]], c.res.Facts[ts[y]]
			if a.Span.Source == b.Span.Source || reconciled[[2]int{x, y}] {
				continue
			}
			if d, ok := timeDiff(*a.Time, *b.Time); ok && d == 0 && foldText(a.Text) != foldText(b.Text) {
				same = append(same, [2]int{x, y})
			}
		}
	}
	slices.SortFunc(same, func(p, q [2]int) int {
		if p[0] != q[0] {
			return p[0] - q[0]
		}
		return p[1] - q[1]
	})
	for _, p := range same {
		a, b := c.res.Facts[ts[p[0]]], c.res.Facts[ts[p[1]]]
		out.Reconciled = append(out.Reconciled, Reconciled{Claims: []Claim{claimOf(a), claimOf(b)},
			Reason: fmt.Sprintf("%s: %q and %q are both %s", sameInstant, a.Text, b.Text, utcClock(*a.Time))})
	}
}

// priorMarks, within priorWords before a time or in it, make it the time
// of an earlier happening the sentence looks back to.
var priorMarks = toSet(`since ago earlier previous prior former`)

var debugTimes = os.Getenv("PARALLAX_DEBUG_TIMES")

// ownDays marks the mentions of each source's day of the story's own event:
// the day it names most often, counting its opening paragraphs twice, of
// which at least one mention dates one of the story's main happenings; a
// day looked forward to ("will leave on January 1") is not the story's.
// A source with two days of equal weight has none.
func (c *comparison) ownDays(ts []int, frames []timeFrame) map[int]bool {
	type tally struct {
		weight int
		main   bool
		ks     []int
	}
	bySource := map[string]map[string]*tally{}
	for k, i := range ts {
		f := c.res.Facts[i]
		v := f.Time
		if !v.HasDate || v.Forward || !v.HasClock && v.Precision != "day" {
			continue
		}
		days := bySource[f.Span.Source]
		if days == nil {
			days = map[string]*tally{}
			bySource[f.Span.Source] = days
		}
		day := v.Start.Format(time.DateOnly)
		t := days[day]
		if t == nil {
			t = &tally{}
			days[day] = t
		}
		t.weight++
		if f.Span.Paragraph < ownDayLead {
			t.weight++
		}
		for h := range frames[k].happenings {
			t.main = t.main || c.mainHappening(h)
		}
		t.ks = append(t.ks, k)
	}
	own := map[int]bool{}
	for _, days := range bySource {
		var best, second *tally
		for _, day := range slices.Sorted(maps.Keys(days)) {
			t := days[day]
			switch {
			case best == nil || t.weight > best.weight:
				best, second = t, best
			case second == nil || t.weight > second.weight:
				second = t
			}
		}
		if best != nil && best.main && (second == nil || best.weight > second.weight) {
			for _, k := range best.ks {
				own[k] = true
			}
		}
	}
	return own
}

// secondValues finds the times a source gives besides the one paired: a
// source that dates one happening twice, two ways ("will leave on January
// 1" after "the end date for my tenure is February 28"), while another
// source gives one of them. Each such time is set against the other
// source's, as a pair of its own, when it names the very happening (not
// only its class) and the source's paired time differs from it.
func secondValues(c *comparison, ts []int, cands, matched []candidatePair, frames []timeFrame) []candidatePair {
	src := func(k int) string { return c.res.Facts[ts[k]].Span.Source }
	partner := map[[2]string]map[int]int{} // (source, other source) → fact → its partner
	for _, m := range matched {
		for _, e := range [2][2]int{{m.a, m.b}, {m.b, m.a}} {
			key := [2]string{src(e[0]), src(e[1])}
			if partner[key] == nil {
				partner[key] = map[int]int{}
			}
			partner[key][e[0]] = e[1]
		}
	}
	var out []candidatePair
	for _, cp := range cands {
		for _, e := range [2][2]int{{cp.a, cp.b}, {cp.b, cp.a}} {
			x, y := e[0], e[1] // x: the time unpaired in y's source
			if _, ok := partner[[2]string{src(x), src(y)}][x]; ok {
				continue
			}
			sib, ok := partner[[2]string{src(y), src(x)}][y]
			if !ok || sib == x {
				continue
			}
			vx, _, _ := compareTimes(*c.res.Facts[ts[x]].Time, *c.res.Facts[ts[y]].Time)
			vs, _, _ := compareTimes(*c.res.Facts[ts[sib]].Time, *c.res.Facts[ts[y]].Time)
			if vx == figuresConflict && vs <= figuresReconciled && sharedWord(frames[x].happenings, frames[y].happenings) {
				out = append(out, cp)
			}
		}
	}
	return out
}

// sharedWord reports a happening word (not a class) two frames share.
func sharedWord(a, b map[string]bool) bool {
	for h := range a {
		if !strings.HasPrefix(h, "@") && b[h] {
			return true
		}
	}
	return false
}

const sameInstant = "the same moment once time zones and days are read"

func allDays(fs []Fact) bool {
	for _, f := range fs {
		if f.Time.HasClock || f.Time.Precision != "day" {
			return false
		}
	}
	return true
}

// mainHappening reports a happening the comparison's paragraphs name again
// and again: the story's own event, whose times need no other tie.
func (c *comparison) mainHappening(h string) bool {
	df := c.ix.df[fnv64a(h)]
	if strings.HasPrefix(h, "@") {
		df = c.ix.df[fnv64a(classPrefix+h[1:])]
	}
	return float64(df) >= max(3, mainHappeningShare*float64(c.ix.n))
}

// coarse is how fine a time is, in the classes that compare: a day, a week
// or a month (or a clock time), or a year. A year against a day dates two
// happenings more often than one.
func coarse(v TimeValue) string {
	if v.Precision == "year" {
		return "year"
	}
	return "day"
}

// happeningOf names what a time dates, for the finding's reason.
func happeningOf(f Fact) string {
	if l, ok := strings.CutPrefix(f.Label, "when: "); ok {
		return l
	}
	return "the same happening"
}

// compareTimes says how two times of one happening compare: one time
// (reconciled when written two ways), a rounding of a clock time, or
// times that cannot both hold; with how far apart they are.
func compareTimes(a, b TimeValue) (verdictKind, time.Duration, string) {
	d, ok := timeDiff(a, b)
	if !ok {
		return figuresAgree, 0, ""
	}
	tol := timeTolerance
	if a.Qualifier != "" || b.Qualifier != "" {
		tol = qualifiedTolerance
	}
	if d != 0 && a.HasClock && b.HasClock {
		if fit, ok := boundsHold(a, b, d); ok {
			if fit && d <= qualifiedTolerance {
				return figuresReconciled, 0, fmt.Sprintf("both can hold, one time being a bound: %s and %s", a.describe(), b.describe())
			}
			if fit {
				return figuresAgree, 0, "" // a bound far from a time: most often two happenings, and no contradiction
			}
		}
	}
	switch {
	case d == 0 && a.HasClock && b.HasClock:
		return figuresReconciled, 0, fmt.Sprintf("%s: %s and %s", sameInstant, a.describe(), b.describe())
	case d == 0:
		return figuresReconciled, 0, fmt.Sprintf("one date once weekdays and relative dates are read: %s and %s", a.describe(), b.describe())
	case a.HasClock && b.HasClock && d <= tol:
		return figuresBounds, d, ""
	}
	return figuresConflict, d, ""
}

// boundsHold reports, when either clock time is a bound ("by 7 a.m.", "after
// 3 p.m."), whether the two can both hold: a time at or before an upper
// bound, at or after a lower one, two bounds the same way. "Shortly",
// "just" and "soon" keep a bound near its time. ok is false when neither
// is a bound.
func boundsHold(a, b TimeValue, d time.Duration) (fit, ok bool) {
	ba, bb := boundOf(a.Qualifier), boundOf(b.Qualifier)
	if ba == 0 && bb == 0 {
		return false, false
	}
	near := func(q string) bool {
		return strings.HasPrefix(q, "shortly") || strings.HasPrefix(q, "just") || strings.HasPrefix(q, "soon")
	}
	if (near(a.Qualifier) || near(b.Qualifier)) && d > qualifiedTolerance {
		return false, true
	}
	after := clockAfter(a, b) // a is the later
	switch {
	case ba == bb:
		return true, true
	case ba < 0: // a is an upper bound: b at or before it (or b a lower bound below it)
		return after, true
	case ba > 0:
		return !after, true
	case bb < 0:
		return !after, true
	default:
		return after, true
	}
}

// boundOf is -1 for a qualifier that makes a time an upper bound ("by",
// "before"), +1 for a lower bound ("after"), 0 for the time itself or about
// it.
func boundOf(q string) int {
	switch q {
	case "by", "before", "shortly before", "just before":
		return -1
	case "after", "shortly after", "just after", "soon after":
		return 1
	}
	return 0
}

// clockAfter reports whether a is later than b, on the same footing as
// timeDiff: by instant when both dates are known, else by the nearer way
// round the clock face.
func clockAfter(a, b TimeValue) bool {
	if a.HasDate && b.HasDate {
		return a.Start.After(b.Start)
	}
	ma := a.Start.Hour()*60 + a.Start.Minute()
	mb := b.Start.Hour()*60 + b.Start.Minute()
	diff := (ma - mb + minutesPerDay) % minutesPerDay
	return diff > 0 && diff < minutesPerDay/2
}

// subordinators open a clause of its own: its happening is not the one
// a time outside it dates.
var subordinators = toSet(`that which who whom whose because after before when while until since although though whereas`)

// timeFrame is what a time dates: the happenings its clause names, the
// people and places its sentence names, and its sentence's words.
type timeFrame struct {
	happenings map[string]bool // nil for none
	// names and context are its sentence's, shared by every time of it.
	names, context sortedWords
	// prior: the time dates an earlier happening the sentence looks back
	// to ("since their Dec. 11 meeting", "an interview a month ago").
	prior bool
}

// timeSentence is what the times of one sentence share of their frames:
// the keys of its names, and the stems of its words. They are read once
// per sentence text, and kept as sorted slices: as maps for each time
// they were most of the time detector's memory (40 MB on one 10 MB
// article).
type timeSentence struct {
	names, context sortedWords
}

// timeFrameOf reads a time's frame from its sentence: the words of
// happenings within its clause (event classes, the time-events lexicon,
// past participles), the names of its sentence. sentences holds the
// sentences already read, by their text.
func (c *comparison) timeFrameOf(f Fact, sentences map[string]timeSentence, st *stemmer, buf *[]token) timeFrame {
	var fr timeFrame
	p := c.paragraph(Ref{f.Span.Source, f.Span.Paragraph})
	if p == nil {
		return fr
	}
	text, base, k := p.Text, 0, -1
	for i, s := range p.Sentences {
		if f.Span.Start >= s.Start && f.Span.Start < s.End {
			text, base, k = p.Text[s.Start:s.End], s.Start, i
		}
	}
	var toks []token
	if ui, ok := c.unitOf[Ref{f.Span.Source, f.Span.Paragraph}]; ok && k >= 0 {
		*buf = c.units[ui].sentenceToks(k, (*buf)[:0]) // the words prepare read
		toks = *buf
	} else {
		toks = words(text)
	}
	at, end := -1, -1
	for i, t := range toks {
		if t.end+base > f.Span.Start && at < 0 {
			at = i
		}
		if t.start+base < f.Span.End {
			end = i
		} else if at >= 0 {
			break // the words are in order: none further changes either
		}
	}
	if at < 0 {
		return fr
	}
	for i := max(0, at-priorWords); i <= end && i < len(toks); i++ {
		if priorMarks[toks[i].folded] {
			fr.prior = true
		}
	}
	// The clause around the time: back and forth to a clause mark.
	// A subordinate clause is another happening ("a claim earlier Thursday
	// that the attack ...", "the debate on Tuesday ... after his debate last
	// week"): the clause stops at its word.
	lo, hi := at, end
	for lo > 0 && at-lo < timeClauseWords && !strings.ContainsAny(text[toks[lo-1].end:toks[lo].start], ";:") && !subordinators[toks[lo-1].folded] {
		lo--
	}
	for hi+1 < len(toks) && hi-end < timeClauseWords && !strings.ContainsAny(text[toks[hi].end:toks[hi+1].start], ";:") && !subordinators[toks[hi+1].folded] {
		hi++
	}
	if n := attributiveNoun(text, toks, toks[at].start, toks[end].end); n >= 0 {
		lo, hi = n, n // "a March 16 request": the date is the request's
	}
	happening := func(h string) {
		if fr.happenings == nil {
			fr.happenings = map[string]bool{}
		}
		fr.happenings[h] = true
	}
	for i := lo; i <= hi; i++ {
		if i >= at && i <= end {
			continue
		}
		w := toks[i].folded
		if measuredFrom(text, toks, i, toks[at].start, toks[end].end) {
			continue // "between June 2011 and July 2012, the year leading up to the attack"
		}
		if class, ok := eventClasses()[w]; ok && class != "say" {
			happening("@" + class)
		}
		if timeEvents()[w] && !spokenOf(toks, i) {
			happening(st.stem(w))
		}
	}
	ts, ok := sentences[text]
	if !ok {
		var names, context []string
		for _, n := range namesOf(text, toks) {
			if !weekdays[fold(n.text)] && !months[fold(n.text)] {
				names = append(names, nameKey(stripTitlesOr(n.text)))
			}
		}
		for _, t := range toks {
			if !isStop(t.folded) && len(t.folded) > 2 && !isNumberToken(t.folded) {
				context = append(context, st.stem(t.text))
			}
		}
		ts = timeSentence{makeSortedWords(names), makeSortedWords(context)}
		sentences[text] = ts
	}
	fr.names, fr.context = ts.names, ts.context
	return fr
}

// sameHappening says whether two times date one happening, and how sure:
// they must name one happening in their clauses (the same word of an
// event, or of its class); names in common and linked paragraphs raise the
// score, names only one side's different lower it.
func (c *comparison) sameHappening(a, b Fact, fa, fb timeFrame) (float64, bool) {
	// Each time has the word of its own happening, and they differ: "his
	// departure on Saturday" and "a video he tweeted Wednesday evening".
	// Words of one class ("debate" and "face-off") name one kind.
	ka, _ := strings.CutPrefix(a.Key, "when|")
	kb, _ := strings.CutPrefix(b.Key, "when|")
	if ka != "when" && kb != "when" && ka != kb && !fa.happenings[kb] && !fb.happenings[ka] {
		la, _ := strings.CutPrefix(a.Label, "when: ")
		lb, _ := strings.CutPrefix(b.Label, "when: ")
		if ca, ok := eventClasses()[la]; !ok || ca != eventClasses()[lb] {
			return 0, false
		}
	}
	// A time looked back to, far from the other: an earlier happening of
	// the kind, not this one dated wrong.
	if fa.prior || fb.prior {
		if d, ok := timeDiff(*a.Time, *b.Time); ok && d >= datesFarApart {
			return 0, false
		}
	}
	shared := 0
	for h := range fa.happenings {
		if fb.happenings[h] {
			shared++
		}
	}
	if shared == 0 {
		return 0, false
	}
	main := false
	for h := range fa.happenings {
		main = main || fb.happenings[h] && c.mainHappening(h)
	}
	score := 0.4 + 0.1*float64(min(shared, 3))
	names := fa.names.shared(fb.names)
	if names == 0 && len(fa.names) > 0 && len(fb.names) > 0 {
		return 0, false // one kind of happening, of other people
	}
	score += 0.1 * float64(min(names, 3))
	// Times of one happening are told where the stories tell it: their
	// paragraphs were linked or share a topic; else they name one person
	// of it, and their sentences share words besides.
	ra, rb := Ref{a.Span.Source, a.Span.Paragraph}, Ref{b.Span.Source, b.Span.Paragraph}
	near := a.Topic != "" && a.Topic == b.Topic || c.linked.has(ra, rb)
	switch {
	case near:
		score += 0.3
	case main:
		// The story's own happening ("the debate" in reports of a debate):
		// each source's time for it is a time of one happening.
		score += 0.2
	case names == 0:
		return 0, false
	}
	words := fa.context.shared(fb.context)
	union := len(fa.context) + len(fb.context) - words
	if union > 0 {
		score += float64(words) / float64(union)
	}
	// A story may date several happenings of one kind (last week's debate
	// and tonight's): the nearer two dates, the likelier they are one, so
	// that a conflict is left only where no source has a nearer date.
	if d, ok := timeDiff(*a.Time, *b.Time); ok {
		score += timeCloseBonus * math.Exp(-d.Hours()/48)
	}
	return score, score >= timeMatch
}

// timeDiff is how far apart two times are, when they can be compared: two
// clock times in UTC, or both on the local clock; by time of day when a date
// is missing on either side. Two days or periods compare by their overlap.
func timeDiff(a, b TimeValue) (time.Duration, bool) {
	if !a.HasClock || !b.HasClock {
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

const minutesPerDay = 24 * 60

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
		return fmt.Sprintf("%d days", int(math.Round(d.Hours()/24)))
	case d >= time.Hour:
		h := d.Hours()
		return strings.TrimSuffix(fmt.Sprintf("%.1f", h), ".0") + " hours"
	}
	return fmt.Sprintf("%d minutes", int(d.Minutes()))
}

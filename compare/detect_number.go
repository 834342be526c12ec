package compare

import (
	"fmt"
	"maps"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
)

// detectNumbers compares the figures sources give for one thing. A figure
// is set against its single best counterpart in each other source: the
// same kind of figure (a count of the same kind of thing with the same
// fate, a sum, a share of the same group, a magnitude, a tally), the same
// time frame when either names one ("last year", "in 2000"), and words
// around it in common. Figures that agree once number forms, qualifiers
// and an honest rounding are read are agreements or reconciled; two lower
// bounds (or two ceilings) of different figures are a medium finding, since
// both may hold; figures that cannot both hold are a high one.
func detectNumbers(c *comparison, out *findings) {
	var qs []int // indices into c.res.Facts
	for i, f := range c.res.Facts {
		if f.Kind == FactQuantity && !f.Background && !c.offEvent(f.Span.Source) && c.res.Facts[i].Key != "" {
			qs = append(qs, i)
		}
	}
	frames := make([]numberFrame, len(qs))
	sn := &stemNumbers{num: map[string]int32{}, bySentence: map[sentenceKey][]int32{}}
	st := newStemmer(c.stems)
	var buf []token // a figure's sentence's words, the room reused figure after figure
	for k, i := range qs {
		frames[k] = c.frameOf(c.res.Facts[i], sn, st, &buf)
	}
	byKey := map[string][]int{}
	for k, i := range qs {
		byKey[c.res.Facts[i].Key] = append(byKey[c.res.Facts[i].Key], k)
	}
	var cands []candidatePair
	seen := map[int]bool{} // facts some other source also gives a figure for
	for _, key := range slices.Sorted(maps.Keys(byKey)) {
		ks := byKey[key]
		if len(ks) > maxFactsPerKey {
			continue // a kind of figure the stories give by the hundred: no telling which is which
		}
		for x, a := range ks {
			for _, b := range ks[x+1:] {
				fa, fb := c.res.Facts[qs[a]], c.res.Facts[qs[b]]
				if fa.Span.Source == fb.Span.Source {
					continue
				}
				s, ok := c.sameFigure(fa, fb, frames[a], frames[b])
				if debugNumbers != "" && (strings.Contains(fa.Value, debugNumbers) || strings.Contains(fb.Value, debugNumbers)) {
					fmt.Printf("num %s|%s %q ~ %q score %.2f ok=%v when %q/%q\n", fa.Span.Source, fb.Span.Source, fa.Value, fb.Value, s, ok, frames[a].when, frames[b].when)
				}
				if !ok {
					continue
				}
				seen[a], seen[b] = true, true
				cands = append(cands, candidatePair{a, b, s})
			}
		}
	}
	// A source that gives one figure twice gives one figure: its mentions
	// are one for pairing, so that the second is not set against another
	// source's other figure.
	rep := make([]int, len(qs))
	first := map[string]int{}
	for k, i := range qs {
		f := c.res.Facts[i]
		id := f.Span.Source + "\x00" + f.Key + "\x00" + strconv.FormatFloat(f.Quantity.nominal(), 'g', -1, 64)
		if r, ok := first[id]; ok {
			rep[k] = r
		} else {
			first[id], rep[k] = k, k
		}
	}
	// Each pair of representatives once, at its best score: the pairs
	// sorted by their ends (matchOneToOne orders them anew).
	for k, cp := range cands {
		a, b := rep[cp.a], rep[cp.b]
		cands[k] = candidatePair{min(a, b), max(a, b), cp.score}
	}
	slices.SortFunc(cands, func(x, y candidatePair) int {
		if x.a != y.a {
			return x.a - y.a
		}
		return x.b - y.b
	})
	best := cands[:0]
	for _, cp := range cands {
		if n := len(best); n > 0 && best[n-1].a == cp.a && best[n-1].b == cp.b {
			best[n-1].score = max(best[n-1].score, cp.score)
			continue
		}
		best = append(best, cp)
	}
	cands = best
	matched := matchOneToOne(cands, func(k int) string { return c.res.Facts[qs[k]].Span.Source })
	// Findings: the differing pairs that share a figure are one finding.
	differs := map[int]bool{}
	worst := map[int]verdictKind{}
	agree := newUnionFind(len(qs))
	agreed := map[int]bool{}
	// A finding shows every source's figure for the thing, also those that
	// square with one of the differing figures ("at least 7" beside 7 and
	// 12): who said what is the question the reader comes with.
	// A sum of money that says not what it is of, which one source gives
	// as another does and surely (a pair far likelier than this one), is a
	// sum of another thing than the one it was left to pair with: "$2.5
	// billion" in two sources is not the third's "$3 billion". So is a
	// count of a thing with no fate ("60 votes" in two sources, needed to
	// end a filibuster, is not the third's "41 votes" needed to sustain
	// one): its noun alone says what it counts. Counts of a named thing
	// with a fate keep their pair: two sources agreeing on 7 dead do not
	// make the third's 12 another toll.
	verdicts := make([]verdictKind, len(matched))
	reasons := make([]string, len(matched))
	agreeScore := map[int]float64{}
	for x, cp := range matched {
		fa, fb := c.res.Facts[qs[cp.a]], c.res.Facts[qs[cp.b]]
		verdicts[x], reasons[x] = compareFigures(*fa.Quantity, *fb.Quantity)
		if verdicts[x] == figuresAgree {
			agreeScore[cp.a] = max(agreeScore[cp.a], cp.score)
			agreeScore[cp.b] = max(agreeScore[cp.b], cp.score)
		}
	}
	kept := make([]candidatePair, 0, len(matched))
	keptV := make([]verdictKind, 0, len(matched))
	keptR := make([]string, 0, len(matched))
	for x, cp := range matched {
		v := verdicts[x]
		fa, fb := c.res.Facts[qs[cp.a]], c.res.Facts[qs[cp.b]]
		bare := bareSum(fa.Quantity) && bareSum(fb.Quantity) || bareCount(fa) && bareCount(fb)
		if v != figuresAgree && v != figuresReconciled && bare && max(agreeScore[cp.a], agreeScore[cp.b])-cp.score >= figureAgreeMargin {
			continue
		}
		kept, keptV, keptR = append(kept, cp), append(keptV, v), append(keptR, reasons[x])
	}
	matched = kept
	linked := newUnionFind(len(qs))
	for _, cp := range matched {
		linked.union(cp.a, cp.b)
	}
	for x, cp := range matched {
		fa, fb := c.res.Facts[qs[cp.a]], c.res.Facts[qs[cp.b]]
		v, reason := keptV[x], keptR[x]
		switch v {
		case figuresAgree:
			agree.union(cp.a, cp.b)
			agreed[cp.a], agreed[cp.b] = true, true
		case figuresReconciled:
			out.Reconciled = append(out.Reconciled, Reconciled{Claims: []Claim{claimOf(fa), claimOf(fb)}, Reason: reason})
		default:
			differs[cp.a], differs[cp.b] = true, true
			r := linked.find(cp.a)
			worst[r] = max(worst[r], v)
		}
	}
	// One agreement per figure, with every source that gives it.
	agreements := map[int][]int{}
	var agreeRoots []int
	for k := range qs {
		if agreed[k] {
			r := agree.find(k)
			if _, ok := agreements[r]; !ok {
				agreeRoots = append(agreeRoots, r)
			}
			agreements[r] = append(agreements[r], k)
		}
	}
	origins := newOriginCounter(c.res.Copies)
	for _, r := range agreeRoots {
		var ids, srcs []string
		for _, k := range agreements[r] {
			f := c.res.Facts[qs[k]]
			ids = append(ids, f.ID)
			srcs = append(srcs, f.Span.Source)
		}
		out.Agreements = append(out.Agreements, Agreement{Value: c.res.Facts[qs[agreements[r][0]]].Value, Facts: ids, Sources: srcs, Origins: origins.count(srcs)})
	}
	members := map[int][]int{}
	var roots []int
	differing := map[int]bool{}
	for k := range qs {
		if differs[k] {
			differing[linked.find(k)] = true
		}
	}
	for k := range qs {
		r := linked.find(k)
		if !differing[r] || rep[k] != k {
			continue
		}
		if _, ok := members[r]; !ok {
			roots = append(roots, r)
		}
		members[r] = append(members[r], k)
	}
	for _, r := range roots {
		v := worst[r]
		// Every mention of each figure, so that the reader sees each place a
		// source gives it ("about 50", later "at least 50", "50").
		var fs []Fact
		for _, k := range members[r] {
			for m := range qs {
				if rep[m] == k {
					fs = append(fs, c.res.Facts[qs[m]])
				}
			}
		}
		first := fs[0]
		// Within one finding, the figures that are one figure rounded (or
		// one within the other's range) are said to be so.
		for x := range fs {
			for _, g := range fs[x+1:] {
				if g.Span.Source == fs[x].Span.Source {
					continue
				}
				if v, reason := compareFigures(*fs[x].Quantity, *g.Quantity); v == figuresReconciled {
					out.Reconciled = append(out.Reconciled, Reconciled{Claims: []Claim{claimOf(fs[x]), claimOf(g)}, Reason: reason})
				}
			}
		}
		d := Discrepancy{Kind: KindNumber, Topic: first.Topic, Summary: first.Label + ": " + c.valuesBySource(fs)}
		for _, f := range fs {
			d.Claims = append(d.Claims, claimOf(f))
		}
		switch v {
		case figuresBounds:
			d.Severity = SeverityMedium
			d.Why = "the figures are bounds or estimates that could both hold, but the sources give different figures for the same thing; they may come from different times or counts"
		default:
			d.Severity = SeverityHigh
			d.Why = "the sources give figures for the same thing that cannot both be true, once qualifiers and number forms are read"
		}
		out.Discrepancies = append(out.Discrepancies, d)
	}
	for k, i := range qs {
		if !seen[k] {
			out.Unique = append(out.Unique, uniqueOf(c.res.Facts[i]))
		}
	}
}

var debugNumbers = os.Getenv("PARALLAX_DEBUG_NUMBERS")

// verdictKind orders how two figures compare, worst last.
type verdictKind int

const (
	figuresAgree      verdictKind = iota // the same figure
	figuresReconciled                    // one form, a rounding, or a figure within the other's range
	figuresBounds                        // two bounds or estimates of different figures: both may hold
	figuresConflict                      // they cannot both hold
)

// compareFigures says how two figures of one thing compare, and why.
func compareFigures(a, b Quantity) (verdictKind, string) {
	if a.Unit == "votes" || b.Unit == "votes" {
		if a.Low == b.Low && a.Against == b.Against {
			return figuresAgree, ""
		}
		return figuresConflict, ""
	}
	if a.Unit != b.Unit && durationUnits()[a.Unit] && durationUnits()[b.Unit] {
		// One length told in two units ("three months", "90 days") is one
		// length when the spans the units allow overlap (a month is 28 to
		// 31 days); otherwise the lengths are compared in days.
		la, ha := a.lengthInDays()
		lb, hb := b.lengthInDays()
		if la <= hb && lb <= ha {
			return figuresReconciled, fmt.Sprintf("one length in two units: %s and %s", a.describe(), b.describe())
		}
		a, b = a.inDays(), b.inDays()
	}
	x, y := a.nominal(), b.nominal()
	exactA, exactB := a.Low == a.High, b.Low == b.High
	switch {
	case x == y && a.Qualifier == b.Qualifier:
		return figuresAgree, ""
	case x == y:
		return figuresReconciled, fmt.Sprintf("one figure, read with its qualifiers: %s and %s", a.describe(), b.describe())
	case roundedFrom(x, y) || roundedFrom(y, x):
		return figuresReconciled, fmt.Sprintf("one figure rounded: %s and %s", a.describe(), b.describe())
	case exactA && !exactB && within(x, b), exactB && !exactA && within(y, a):
		return figuresReconciled, fmt.Sprintf("the exact figure lies within the other's range: %s and %s", a.describe(), b.describe())
	case openBound(b) && !openBound(a) && a.Low >= b.Low && a.High <= b.High, openBound(a) && !openBound(b) && b.Low >= a.Low && b.High <= a.High:
		// "some 7 miles" within "less than 8 miles"; but two bounds one way
		// ("as many as 1.5 million", "up to 1.6 million") say two figures.
		return figuresReconciled, fmt.Sprintf("the one figure lies within the other's bound: %s and %s", a.describe(), b.describe())
	case !exactA && !exactB && overlaps(a, b):
		return figuresBounds, ""
	}
	return figuresConflict, ""
}

// openBound reports a figure that bounds one side only: "at least 10",
// "fewer than 8".
func openBound(q Quantity) bool { return math.IsInf(q.High, 1) || q.Low == 0 && q.High > 0 }

func within(v float64, q Quantity) bool { return v >= q.Low && v <= q.High }

func overlaps(a, b Quantity) bool {
	return a.Low <= b.High && b.Low <= a.High
}

// roundedFrom reports that round is precise rounded to round's own
// precision, and no further than roundingShare from it: "$1.4 billion" for
// "$1.375 billion", "$180 million" for "$184 million", "2,000" for "1,960".
func roundedFrom(round, precise float64) bool {
	if round == 0 || precise == 0 || round == precise || math.Abs(round-precise)/math.Max(round, precise) > roundingShare {
		return false
	}
	// The power of ten round is given to: 1.4 billion to 0.1 billion, 180
	// million to 10 million.
	step := math.Pow(10, math.Floor(math.Log10(math.Abs(round))))
	for step > 0 && math.Abs(round/step-math.Round(round/step)) > 1e-9 {
		step /= 10
	}
	if step == 0 {
		return false
	}
	return math.Abs(math.Round(precise/step)*step-round) < step*1e-9
}

// numberFrame is what a figure is about, for pairing: the words of its
// sentence, its names, and the time it is of when the sentence says.
type numberFrame struct {
	// context and of are sorted slices, not maps: a thousand articles
	// have tens of thousands of figures, compared by the hundred thousand.
	// context's stems are numbered (frameOf's stemNum), so that a pair's
	// words in common are counted without comparing strings.
	context []int32
	of      sortedWords // the stems of what the figure is of (Quantity.Of)
	when    string      // "2000", "last year", … the time anchor nearest the figure, or ""
	// verb is the past verb the counted things do right after the figure
	// ("two states filed", "four states have legalized"), or "".
	verb     string
	verbStem string // stem(verb), made once per figure, not once per pair
}

// stemNumbers numbers the stems of the figures' sentences, and keeps each
// sentence's numbers by where it stands: a sentence of several figures is
// stemmed once. Not by its text, which would pay only where whole
// sentences recur (a wire copy), as news seldom does.
type stemNumbers struct {
	num        map[string]int32
	bySentence map[sentenceKey][]int32 // per word, its stem's number; -1 for a word no context keeps
}

// sentenceKey is one sentence of one paragraph, by its index in the
// paragraph's sentences; -1 for a paragraph read whole.
type sentenceKey struct {
	ref  Ref
	sent int32
}

// sentence is the numbers of the words toks of the sentence at.
func (sn *stemNumbers) sentence(at sentenceKey, toks []token, st *stemmer) []int32 {
	if ids, ok := sn.bySentence[at]; ok {
		return ids
	}
	ids := make([]int32, len(toks))
	for i, t := range toks {
		if isStop(t.folded) || len(t.folded) < 2 || isNumberToken(t.folded) && !isYear(t.folded) {
			ids[i] = -1
			continue
		}
		w := st.stem(t.text)
		n, ok := sn.num[w]
		if !ok {
			n = int32(len(sn.num))
			sn.num[w] = n
		}
		ids[i] = n
	}
	sn.bySentence[at] = ids
	return ids
}

// frameOf reads a figure's frame from its sentence; sn numbers the stems
// of its words. buf is room for the words, which the frame does not keep.
func (c *comparison) frameOf(f Fact, sn *stemNumbers, st *stemmer, buf *[]token) numberFrame {
	var fr numberFrame
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
	at := -1
	ids := sn.sentence(sentenceKey{Ref{f.Span.Source, f.Span.Paragraph}, int32(k)}, toks, st)
	var context []int32
	for i, t := range toks {
		if t.start+base >= f.Span.Start && at < 0 {
			at = i
		}
		if t.start+base >= f.Span.Start && t.end+base <= f.Span.End {
			continue // the figure's own words
		}
		if ids[i] >= 0 {
			context = append(context, ids[i])
		}
	}
	if len(context) > 0 {
		slices.Sort(context)
		fr.context = slices.Clip(slices.Compact(context))
	}
	fr.when = timeAnchor(toks, at, f.Span.End-base)
	fr.verb = verbAfter(toks, f.Span.End-base)
	if fr.verb != "" {
		fr.verbStem = stem(fr.verb)
	}
	if f.Quantity != nil && f.Quantity.Of != "" {
		var of []string
		for w := range strings.FieldsSeq(f.Quantity.Of) {
			of = append(of, st.stem(w))
		}
		fr.of = makeSortedWords(of)
	}
	return fr
}

// verbAfter is the past verb that follows the figure ending at end, past
// its auxiliaries ("have legalized", "were killed"), or "". Only the -ed
// form is taken: without a tagger it is the one sure sign of a verb there.
func verbAfter(toks []token, end int) string {
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.start < end || auxiliaries[t.folded] {
			continue
		}
		if len(t.folded) > 4 && strings.HasSuffix(t.folded, "ed") && t.text == t.folded {
			if i+1 < len(toks) && toks[i+1].folded == "to" {
				i++ // "is believed to have been arrested": the verb is further on
				continue
			}
			return t.folded
		}
		return ""
	}
	return ""
}

// auxiliaries stand between a subject and its verb.
var auxiliaries = toSet(`have has had was were is are been be being will would could may might also already`)

func isYear(f string) bool {
	// Most words are not numbers: they are told so without the error
	// value Atoi would make for each.
	digits := strings.TrimLeft(f, "+-")
	if len(f)-len(digits) > 1 || digits == "" || strings.IndexFunc(digits, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return false
	}
	v, err := strconv.Atoi(f)
	return err == nil && v >= 1900 && v <= 2100
}

// timeAnchor is the time a figure is of, as its clause says: a year or
// "last year" ("this month", "next week"), read after the figure up to the
// next number, else before it back to the previous one.
func timeAnchor(toks []token, at, end int) string {
	if at < 0 {
		return ""
	}
	read := func(i int) string {
		t := toks[i].folded
		if isYear(t) {
			return t
		}
		if weekdays[t] {
			return t
		}
		// "since April", "since the beginning of the year": a count from
		// then on, not one of another start.
		if t == "since" && i+1 < len(toks) {
			n := toks[i+1].folded
			switch {
			case months[n] || isYear(n):
				return "since " + n
			case n == "the" && i+2 < len(toks) && (toks[i+2].folded == "beginning" || toks[i+2].folded == "start"):
				for k := i + 3; k < len(toks) && k <= i+5; k++ {
					if durationUnits()[toks[k].folded] {
						return "since the " + toks[k].folded + "'s start"
					}
				}
			}
		}
		if (t == "last" || t == "this" || t == "next") && i+1 < len(toks) {
			n := toks[i+1].folded
			if n == "fiscal" && i+2 < len(toks) {
				n = toks[i+2].folded
			}
			if durationUnits()[singular(n)] {
				return t + " " + singular(n)
			}
		}
		return ""
	}
	i := at
	for i < len(toks) && toks[i].end <= end {
		i++
	}
	for j := i; j < len(toks) && j < i+anchorWords; j++ {
		if _, _, n := parseNumber(toks, j); n > 0 && !isYear(toks[j].folded) {
			break
		}
		if a := read(j); a != "" {
			return a
		}
	}
	for j := at - 1; j >= 0 && j >= at-anchorWordsBefore; j-- {
		if _, _, n := parseNumber(toks, j); n > 0 && !isYear(toks[j].folded) {
			break
		}
		if a := read(j); a != "" {
			return a
		}
	}
	return ""
}

// bareCount: a count of a thing with no fate ("60 votes", "23 states"),
// by its key (quantityKey).
func bareCount(f Fact) bool {
	return strings.HasPrefix(f.Key, "count|") && strings.HasSuffix(f.Key, "|")
}

// bareSum: a sum of money with nothing said of what it is of or for.
func bareSum(q *Quantity) bool {
	return q != nil && isCurrency(q.Unit) && q.Of == "" && q.Purpose == ""
}

// sameFigure says whether two figures of one key are one figure told by two
// sources, and how sure: the share of their sentences' words in common,
// raised when their paragraphs were linked or share a topic. Figures of
// two different times ("last year" and "2000") are not one.
func (c *comparison) sameFigure(a, b Fact, fa, fb numberFrame) (float64, bool) {
	if fa.when != "" && fb.when != "" && fa.when != fb.when {
		return 0, false
	}
	// Two sums that say not what they are of, orders of magnitude apart
	// ("$416 billion", "$106,800"), are sums of two things.
	if qa, qb := a.Quantity, b.Quantity; bareSum(qa) && bareSum(qb) {
		if x, y := qa.nominal(), qb.nominal(); x > 0 && y > 0 && max(x, y)/min(x, y) > bareSumRatio {
			return 0, false
		}
	}
	shared := sharedIDs(fa.context, fb.context)
	union := len(fa.context) + len(fb.context) - shared
	score := 0.0
	if union > 0 {
		score = float64(shared) / float64(union)
	}
	ra, rb := Ref{a.Span.Source, a.Span.Paragraph}, Ref{b.Span.Source, b.Span.Paragraph}
	// Paragraphs linked but grouped into different topics are near one
	// another, not on one thing: the pair scorer links most paragraphs of
	// three reports of one event, and their figures of one kind are then
	// often of two things ("23 states" that passed a law, "two states" that
	// sued). Such a pair stands on its own evidence (see the end).
	sameTopic := a.Topic != "" && a.Topic == b.Topic
	linkedOnly := !sameTopic && c.linked.has(ra, rb)
	near := sameTopic || linkedOnly
	if near {
		score += figureNearBonus
	}
	if fa.when != "" && fa.when == fb.when {
		score += figureNearBonus / 2
	}
	qa, qb := a.Quantity, b.Quantity
	words := score
	if near {
		words -= figureNearBonus
	}
	// A count with no fate ("19 actions", "two debates") says less of what
	// it is than one with ("five people killed"): its sentences must share
	// more words.
	if debugNumbers != "" && (strings.Contains(a.Value, debugNumbers) || strings.Contains(b.Value, debugNumbers)) {
		fmt.Printf("   words %.2f near %v (%s|%s)\n", words, near, a.Topic, b.Topic)
	}
	if strings.HasPrefix(a.Key, "count|") && strings.HasSuffix(a.Key, "|") && !(near || words >= figureBareWords) {
		return 0, false
	}
	if qa.Counted != "" && qa.Counted == qb.Counted {
		score += 0.05
	}
	// A share for two names or of two populations, a sum for two things,
	// a threshold for two purposes, a total and the rest besides someone
	// named, are two figures.
	if qa.Rest != qb.Rest || qa.Among != qb.Among || qa.Whose != "" && qb.Whose != "" && qa.Whose != qb.Whose || qa.Purpose != "" && qb.Purpose != "" && qa.Purpose != qb.Purpose {
		return 0, false
	}
	// Figures of one thing are most often near one another: the nearer,
	// the likelier the pair (a tie breaker among a story's many sums); one
	// figure, or one figure rounded, is likelier still.
	x, y := math.Abs(qa.nominal()), math.Abs(qb.nominal())
	oneValue := x == y || roundedFrom(x, y) || roundedFrom(y, x)
	if (isCurrency(qa.Unit) || lengthUnits[qa.Counted]) && qa.Of != "" && qb.Of != "" && !shareStem(fa.of, fb.of) && words < figureSameWords && !oneValue {
		return 0, false
	}
	if x > 0 && y > 0 {
		score += figureCloseBonus * math.Min(x, y) / math.Max(x, y)
	}
	if oneValue && x != 0 {
		score += figureSameValueBonus
	}
	// Linked paragraphs of two topics: the figures' sentences share a word,
	// and the pair reaches figureMatch without the link's bonus (by words,
	// one counted noun, close values, one time). On news-dev this dropped
	// eight pairs of different things (4,300 stores in all and the 3,400
	// the plaintiffs worked in; a two-year extension and a 13-month one)
	// and no pair of one thing.
	// The counted things do two things ("four states have legalized",
	// "two states filed"): two happenings' figures.
	if fa.verb != "" && fb.verb != "" && fa.verbStem != fb.verbStem {
		ca, oka := eventClasses()[fa.verb]
		if cb, okb := eventClasses()[fb.verb]; !oka || !okb || ca != cb {
			return 0, false
		}
	}
	if linkedOnly && (score-figureNearBonus < figureMatch || words == 0) {
		return score, false
	}
	return score, score >= figureMatch
}

// quantityKey is what two figures must share to be of one thing, and the
// label of that question for people: a count of one class of thing with one
// fate ("people injured"), a sum ("sum in $"), a share of one group ("share
// of voters"), a magnitude, a vote tally, an age, a length of time of one
// thing. "" for a figure compared with nothing (a bare number).
func quantityKey(q *Quantity) (key, label string) {
	switch {
	case q.Ordinal || q.Indefinite || q.Anaphoric:
		return "", ""
	case q.Unit == "votes":
		return "votes", "vote tally"
	case q.Unit == "magnitude":
		class := q.Class
		if class == "" {
			class = "earthquake"
		}
		return "magnitude|" + class, "magnitude of the " + class
	case isCurrency(q.Unit):
		if q.Of != "" {
			return "money|" + q.Unit, "sum (" + q.Unit + ") for the " + lastWord(q.Of)
		}
		return "money|" + q.Unit, "sum (" + q.Unit + ")"
	case q.Unit == "%":
		switch {
		case q.Of != "":
			return "share|" + q.Of, "share of " + q.Of
		case q.Whose != "":
			return "share|whose:" + q.Whose, "share for " + q.Whose
		}
		return "", "" // "25 percent": of what, the figure does not say
	case q.Counted == "age":
		return "age", "age"
	case durationUnits()[q.Unit]:
		if q.Of == "" {
			return "", "" // "35 days": of what, the figure does not say
		}
		return "duration|" + q.Of, "length of the " + q.Of
	case q.Modifier:
		return "count|" + q.Class + "|of:" + q.Of, q.Counted + "s of the " + q.Of
	case q.Counted == "":
		return "", ""
	}
	fate := outcomeFamily(q.Outcome)
	if fate == "" && q.Class == "people" {
		return "", "" // "120,000 people": which people, the figure does not say
	}
	label = plainClass(q.Class, q.Counted)
	if fate != "" {
		label += " " + fate
	}
	return "count|" + q.Class + "|" + fate, label
}

// plainClass names a counted class for people: "people", "civilians", the
// noun itself.
func plainClass(class, counted string) string {
	if strings.HasPrefix(class, "@") || class == "" {
		return counted + "s"
	}
	if class == counted {
		return pluralOf(counted)
	}
	return class
}

func pluralOf(w string) string {
	switch {
	case w == "people" || w == "men" || w == "women" || w == "children" || strings.HasSuffix(w, "men"):
		return w
	case strings.HasSuffix(w, "y") && len(w) > 2 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		return w + "es"
	}
	return w + "s"
}

// outcomeFamily groups the fates that one count may be told with: the
// wounded, the injured, the shot and those struck are one count; damage
// and destruction of buildings and villages are one.
func outcomeFamily(o string) string {
	switch o {
	case "injured", "shot":
		return "injured"
	case "damaged", "destroyed":
		return "damaged or destroyed"
	}
	return o
}

func isCurrency(unit string) bool { return unit == "$" || unit == "£" || unit == "€" }

func (c *comparison) valuesBySource(fs []Fact) string {
	var parts []string
	for _, f := range fs {
		parts = append(parts, fmt.Sprintf("%s (%s)", f.Value, c.label(f.Span.Source)))
	}
	return strings.Join(parts, ", ")
}

func uniqueOf(f Fact) Unique {
	return Unique{Span: f.Span, Text: f.Text, Value: f.Value, Topic: f.Topic}
}

func claimOf(f Fact) Claim {
	return Claim{Span: f.Span, Text: f.Text, Value: f.Value}
}

// detectOutcomes finds the same victims (the same counted noun and number)
// dead in one source and hurt in another.
func detectOutcomes(c *comparison, out *findings) {
	type key struct {
		counted string
		value   float64
	}
	groups := map[key][]Fact{}
	var keys []key
	for _, f := range c.res.Facts {
		q := f.Quantity
		if q == nil || f.Background || c.offEvent(f.Span.Source) || (q.Outcome != "killed" && q.Outcome != "injured") || q.Counted == "" {
			continue
		}
		k := key{q.Counted, q.nominal()}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], f)
	}
	slices.SortFunc(keys, func(a, b key) int {
		if a.counted != b.counted {
			return strings.Compare(a.counted, b.counted)
		}
		switch {
		case a.value < b.value:
			return -1
		case a.value > b.value:
			return 1
		}
		return 0
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
		out.Discrepancies = append(out.Discrepancies, Discrepancy{
			Kind: KindOutcome, Topic: killed.Topic, Severity: SeverityHigh,
			Summary: fmt.Sprintf("%s %s: killed (%s) or injured (%s)", strconv.FormatFloat(k.value, 'f', -1, 64), k.counted, c.label(killed.Span.Source), c.label(injured.Span.Source)),
			Claims:  []Claim{claimOf(*killed), claimOf(*injured)},
			Why:     "the same number of the same victims is given a different fate",
		})
	}
}

// shareStem reports two sets of stems with one in common.
func shareStem(a, b sortedWords) bool { return a.shared(b) > 0 }

func lastWord(s string) string {
	ws := strings.Fields(s)
	if len(ws) == 0 {
		return ""
	}
	return ws[len(ws)-1]
}

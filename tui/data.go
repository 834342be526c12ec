package tui

import (
	"cmp"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
)

// markKind orders what a span of text can be marked as; a higher kind wins
// where marks overlap.
type markKind int

const (
	markFact     markKind = iota // a fact of the fact table that nothing else marks: drawn plain, shown when selected
	markAgree                    // a fact several sources state alike
	markUnique                   // a fact only this source reports
	markQuote                    // a quotation
	markDisc                     // a claim in a discrepancy
	markOwn                      // a claim in a finding the reviewer recorded
	markSearch                   // a search match: above a claim, or a match inside one would not show
	markSelected                 // the claims of the selected discrepancy or the selected fact
	markPending                  // words marked for a finding being recorded: above all, it is being worked on
	markKinds                    // how many kinds there are
)

// mark is a byte range of one paragraph's text with what it is.
type mark struct {
	start, end int
	kind       markKind
	disc       int // index into doc.res.Discrepancies for markDisc and markOwn, else -1
	fact       int // index into the source's facts, else -1
}

// fact is one fact of a source, in reading order, for f/F navigation.
type fact struct {
	span  compare.Span
	kind  markKind // markAgree, markUnique, markQuote, or markDisc (markOwn) when disputed
	label string   // what the detail panel says of it
	value string
	disc  int // a discrepancy it is a claim of, or -1
}

// source is one article with its marks indexed by paragraph.
type source struct {
	art      *loader.Article
	marks    [][]mark // by paragraph index, sorted by start
	topicsOf [][]int  // by paragraph index: topic indices
	facts    []fact
	discs    int // discrepancies this source has a claim in
}

// doc is the engine's result indexed for drawing: which marks fall in which
// paragraph, which topics hold which paragraphs. It never reads the text
// itself; every offset comes from the engine.
type doc struct {
	res        *compare.Result
	sources    []source
	srcIndex   map[string]int
	topicIndex map[string]int
	// topicDiscs lists, per topic, its discrepancies' indices.
	topicDiscs [][]int
	// cover[s][t] says whether source s has a paragraph in topic t;
	// disagree[s][t] whether it has a claim in one of t's discrepancies.
	cover, disagree [][]bool
	// firstPara[s][t] is source s's first paragraph in topic t, or -1.
	firstPara [][]int
	kinds     []compare.Kind // the discrepancy kinds present, in a fixed order
	names     []sourceName   // how each source is called on screen
	// own says which discrepancies the reviewer recorded (by index).
	own []bool
	// table is the fact table (Result.Table) indexed for its sheet.
	table []tableRow
	// timeline is the sources in publication order, undated last; rank
	// is each source's place in it (from 1), 0 when undated.
	timeline []int
	rank     []int
	dated    int
}

// tableRow is one row of the fact table: its cells by source index, and
// what marks it.
type tableRow struct {
	key, label string   // cleaned
	cells      [][]int  // per source: indices into res.Facts, in reading order; nil when silent
	values     []string // per source: the first fact's value, cleaned
	answered   int      // how many sources answer it
	differ     bool     // two sources give different values
	discs      []int    // the findings whose claims are among its facts
	tied       bool     // a finding sets its cells against each other (the engine's mark), or claims one
}

// newDoc indexes a result for the interface; own says which of its
// discrepancies the reviewer recorded (nil: none).
func newDoc(arts []*loader.Article, res *compare.Result, own func(compare.Discrepancy) bool) *doc {
	d := &doc{res: res, srcIndex: map[string]int{}, topicIndex: map[string]int{}}
	byID := map[string]*loader.Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	for _, id := range res.Sources {
		a := byID[id]
		if a == nil {
			continue
		}
		d.srcIndex[id] = len(d.sources)
		d.sources = append(d.sources, source{art: a, marks: make([][]mark, len(a.Paragraphs)), topicsOf: make([][]int, len(a.Paragraphs))})
	}
	shown := make([]*loader.Article, len(d.sources))
	for i, s := range d.sources {
		shown[i] = s.art
	}
	d.names = sourceNames(shown)
	nt := len(res.Topics)
	d.topicDiscs = make([][]int, nt)
	d.cover = grid[bool](len(d.sources), nt)
	d.disagree = grid[bool](len(d.sources), nt)
	d.firstPara = grid[int](len(d.sources), nt)
	for s := range d.firstPara {
		for t := range d.firstPara[s] {
			d.firstPara[s][t] = -1
		}
	}
	for ti, t := range res.Topics {
		d.topicIndex[t.ID] = ti
		for _, m := range t.Members {
			si, ok := d.srcIndex[m.Source]
			if !ok || !d.valid(si, m.Paragraph) {
				continue
			}
			d.cover[si][ti] = true
			d.sources[si].topicsOf[m.Paragraph] = append(d.sources[si].topicsOf[m.Paragraph], ti)
			if fp := d.firstPara[si][ti]; fp < 0 || m.Paragraph < fp {
				d.firstPara[si][ti] = m.Paragraph
			}
		}
	}
	seenKind := map[compare.Kind]bool{}
	d.own = make([]bool, len(res.Discrepancies))
	for di, disc := range res.Discrepancies {
		d.own[di] = own != nil && own(disc)
		kind, label := markDisc, "disputed ("+cleanLine(disc.ID)+")"
		if d.own[di] {
			kind, label = markOwn, "yours ("+cleanLine(disc.ID)+")"
		}
		if !seenKind[disc.Kind] {
			seenKind[disc.Kind] = true
			d.kinds = append(d.kinds, disc.Kind)
		}
		ti, hasTopic := d.topicIndex[disc.Topic]
		if hasTopic {
			d.topicDiscs[ti] = append(d.topicDiscs[ti], di)
		}
		counted := map[int]bool{}
		for _, c := range disc.Claims {
			si, ok := d.srcIndex[c.Source]
			if !ok || !d.validSpan(si, c.Span) {
				continue
			}
			d.addMark(si, c.Paragraph, mark{start: c.Start, end: c.End, kind: kind, disc: di, fact: -1})
			if hasTopic {
				d.disagree[si][ti] = true
			}
			if !counted[si] {
				counted[si] = true
				d.sources[si].discs++
			}
			d.sources[si].facts = append(d.sources[si].facts, fact{span: c.Span, kind: kind, label: label, value: c.Value, disc: di})
		}
	}
	slices.Sort(d.kinds)
	agreed := map[string]compare.Agreement{}
	for _, a := range res.Agreements {
		for _, id := range a.Facts {
			agreed[id] = a
		}
	}
	disputed := map[compare.Span]bool{}
	for _, disc := range res.Discrepancies {
		for _, c := range disc.Claims {
			disputed[c.Span] = true
		}
	}
	for _, f := range res.Facts {
		si, ok := d.srcIndex[f.Span.Source]
		if !ok || !d.validSpan(si, f.Span) || disputed[f.Span] {
			continue
		}
		if a, ok := agreed[f.ID]; ok {
			d.addFact(si, f.Span, markAgree, "agreed by "+plural(len(a.Sources), "source"), f.Value)
		} else if f.Kind == compare.FactQuote {
			who := "quotation"
			if f.Quote != nil && f.Quote.Speaker != "" {
				who = "quotation of " + cleanLine(f.Quote.Speaker)
			}
			d.addFact(si, f.Span, markQuote, who, f.Value)
		}
	}
	marked := map[compare.Span]bool{}
	for _, u := range res.Unique {
		si, ok := d.srcIndex[u.Source]
		if !ok || !d.validSpan(si, u.Span) || disputed[u.Span] {
			continue
		}
		d.addFact(si, u.Span, markUnique, "only in this source", u.Value)
		marked[u.Span] = true
	}
	// The fact table's facts that nothing above marks, so that the table
	// can select one in its pane.
	inTable := map[string]string{}
	for _, row := range res.Table {
		for _, c := range row.Cells {
			for _, id := range c.Facts {
				inTable[id] = row.Label
			}
		}
	}
	for _, f := range res.Facts {
		label, ok := inTable[f.ID]
		si, okSrc := d.srcIndex[f.Span.Source]
		_, isAgreed := agreed[f.ID]
		if !ok || !okSrc || !d.validSpan(si, f.Span) || disputed[f.Span] || marked[f.Span] || isAgreed || f.Kind == compare.FactQuote {
			continue
		}
		d.addFact(si, f.Span, markFact, "fact: "+cleanLine(label), f.Value)
		marked[f.Span] = true
	}
	for si := range d.sources {
		s := &d.sources[si]
		slices.SortStableFunc(s.facts, func(a, b fact) int { return compareSpan(a.span, b.span) })
		// Point each fact mark at its fact, now that the order is fixed.
		for fi, f := range s.facts {
			for mi := range s.marks[f.span.Paragraph] {
				m := &s.marks[f.span.Paragraph][mi]
				if m.start == f.span.Start && m.end == f.span.End && m.fact < 0 && (m.disc == f.disc) {
					m.fact = fi
				}
			}
		}
		for p := range s.marks {
			slices.SortStableFunc(s.marks[p], func(a, b mark) int { return cmp.Compare(a.start, b.start) })
		}
	}
	d.indexTable()
	d.indexTimeline()
	return d
}

// indexTable reads the engine's fact table for its sheet: each row's cells
// by source, whether the sources give different values, and which findings
// claim its facts (a claim over a fact's words, in the same paragraph).
func (d *doc) indexTable() {
	res := d.res
	factAt := make(map[string]int, len(res.Facts))
	for i, f := range res.Facts {
		factAt[f.ID] = i
	}
	type place struct {
		src string
		p   int
	}
	claims := map[place][]int{} // claim's paragraph → discrepancy indices
	for di, disc := range res.Discrepancies {
		for _, c := range disc.Claims {
			k := place{c.Source, c.Paragraph}
			if !slices.Contains(claims[k], di) {
				claims[k] = append(claims[k], di)
			}
		}
	}
	for _, row := range res.Table {
		tr := tableRow{key: cleanLine(row.Key), label: cleanLine(row.Label), cells: make([][]int, len(d.sources)), values: make([]string, len(d.sources)), tied: row.Disagree}
		first := ""
		for _, c := range row.Cells {
			si, ok := d.srcIndex[c.Source]
			if !ok {
				continue
			}
			for _, id := range c.Facts {
				fi, ok := factAt[id]
				if !ok || !d.validSpan(si, res.Facts[fi].Span) {
					continue
				}
				tr.cells[si] = append(tr.cells[si], fi)
				f := res.Facts[fi]
				for _, di := range claims[place{f.Span.Source, f.Span.Paragraph}] {
					if slices.Contains(tr.discs, di) {
						continue
					}
					for _, cl := range res.Discrepancies[di].Claims {
						if cl.Source == f.Span.Source && cl.Paragraph == f.Span.Paragraph && cl.Start < f.Span.End && f.Span.Start < cl.End {
							tr.discs = append(tr.discs, di)
							break
						}
					}
				}
			}
			if tr.cells[si] == nil {
				continue
			}
			tr.answered++
			tr.values[si] = cleanLine(c.Value)
			if first == "" {
				first = c.Value
			} else if c.Value != first {
				tr.differ = true
			}
		}
		if tr.answered == 0 {
			continue
		}
		slices.Sort(tr.discs)
		tr.tied = tr.tied || len(tr.discs) > 0
		d.table = append(d.table, tr)
	}
}

// indexTimeline orders the sources by publication time: who reported
// first. Undated sources come last, in their order.
func (d *doc) indexTimeline() {
	d.rank = make([]int, len(d.sources))
	for si := range d.sources {
		d.timeline = append(d.timeline, si)
	}
	pub := func(si int) loader.Dateline { return d.sources[si].art.Published }
	slices.SortStableFunc(d.timeline, func(x, y int) int {
		a, b := pub(x), pub(y)
		switch {
		case a.IsZero() && b.IsZero():
			return 0
		case a.IsZero():
			return 1
		case b.IsZero():
			return -1
		}
		return a.Time.Compare(b.Time)
	})
	// Sources that cannot be told apart (one instant, or one day when a
	// source gives no time of day) share a place: 1st, 1st, 3rd.
	for i, si := range d.timeline {
		if pub(si).IsZero() {
			continue
		}
		d.rank[si] = i + 1
		if i > 0 && sameMoment(pub(d.timeline[i-1]), pub(si)) {
			d.rank[si] = d.rank[d.timeline[i-1]]
		}
		d.dated++
	}
}

// sameMoment says whether two publication dates cannot be ordered: the
// same instant, or the same day when either gives no time of day.
func sameMoment(a, b loader.Dateline) bool {
	if a.HasTime && b.HasTime {
		return a.Time.Equal(b.Time)
	}
	ay, am, ad := a.Time.Date()
	by, bm, bd := b.Time.Date()
	return ay == by && am == bm && ad == bd
}

func (d *doc) addFact(si int, sp compare.Span, k markKind, label, value string) {
	d.sources[si].facts = append(d.sources[si].facts, fact{span: sp, kind: k, label: label, value: value, disc: -1})
	d.addMark(si, sp.Paragraph, mark{start: sp.Start, end: sp.End, kind: k, disc: -1, fact: -1})
}

func (d *doc) addMark(si, p int, m mark) {
	d.sources[si].marks[p] = append(d.sources[si].marks[p], m)
}

func (d *doc) valid(si, p int) bool {
	return si >= 0 && si < len(d.sources) && p >= 0 && p < len(d.sources[si].art.Paragraphs)
}

// validSpan guards against a span that does not fit its paragraph: the
// interface must draw whatever the engine hands it.
func (d *doc) validSpan(si int, sp compare.Span) bool {
	if !d.valid(si, sp.Paragraph) {
		return false
	}
	n := len(d.sources[si].art.Paragraphs[sp.Paragraph].Text)
	return sp.Start >= 0 && sp.Start <= sp.End && sp.End <= n
}

// name is how a source is called in messages: its outlet (else its title or
// first words) with what tells it from others of its outlet.
func (d *doc) name(si int) string { return d.names[si].short }

// nameOfID is the name of a source by id, for the engine's references; an
// id the result does not list is shown cleaned.
func (d *doc) nameOfID(id string) string {
	if si, ok := d.srcIndex[id]; ok {
		return d.name(si)
	}
	return cleanLine(id)
}

// compareSpan orders spans by paragraph, then start, then end.
func compareSpan(a, b compare.Span) int {
	return cmp.Or(cmp.Compare(a.Paragraph, b.Paragraph), cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
}

func grid[T any](rows, cols int) [][]T {
	g := make([][]T, rows)
	for i := range g {
		g[i] = make([]T, cols)
	}
	return g
}

// plural is n and the word, in the plural when n is not 1: the one
// given, else with ies or s.
func plural(n int, word string, many ...string) string {
	if n == 1 {
		return "1 " + word
	}
	if len(many) > 0 {
		return itoa(n) + " " + many[0]
	}
	if strings.HasSuffix(word, "y") && !strings.ContainsAny(word[max(0, len(word)-2):len(word)-1], "aeiou") {
		return itoa(n) + " " + word[:len(word)-1] + "ies" // discrepancy, not day
	}
	return itoa(n) + " " + word + "s"
}

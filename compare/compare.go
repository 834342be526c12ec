// Package compare is parallax's engine: given loaded articles, it says what
// each source reports on each topic and where sources disagree, with the
// exact words as evidence. It is pure and deterministic, and imports nothing
// of the interface or the exports, which read its Result as plain data.
//
// A comparison runs in five stages, each in its own file:
//
//	prepare  the body paragraphs as units: words, stems, term vectors (prepare.go, vector.go)
//	align    paragraph pairs scored and linked, topics grouped and labelled (align.go, model.go, topics.go, label.go)
//	extract  the facts of every sentence: numbers, times, names, quotes, statuses (extract.go and the readers)
//	detect   one detector per kind of finding, run from one table (detect.go)
//	finish   findings ordered and numbered, unique facts ranked, the fact table (finish.go)
package compare

import (
	"slices"
	"strings"

	"github.com/parallax-news/parallax/loader"
)

// Compare aligns the articles by topic, extracts their facts and finds where
// they disagree. The result depends on the articles, not on their order.
func Compare(articles []*loader.Article) *Result {
	return CompareWith(articles, Options{})
}

// CompareWith is Compare with a reviewer's corrections applied.
func CompareWith(articles []*loader.Article, opt Options) *Result {
	c := newComparison(articles, opt)
	for _, s := range stages {
		s.run(c)
	}
	return c.res
}

// stages are the engine's stages, in the order they run.
var stages = []struct {
	name string
	run  func(*comparison)
}{
	{"prepare", prepareStage},
	{"align", alignStage},
	{"extract", extractStage},
	{"detect", detectStage},
	{"finish", finish},
}

// comparison is one run of the engine: its inputs, what each stage made for
// the next, and the result being built.
type comparison struct {
	arts []*loader.Article // sorted by id, without the excluded
	opt  Options
	res  *Result

	units      []*unit
	unitOf     map[Ref]int32 // a paragraph's unit, by its ref
	ix         *index
	model      *model
	pairs      []scoredPair // the links by unit, strongest first
	unitTopics [][]string   // per unit, its topics (its own first)
	topicUnits [][]int32    // per topic, its units
	copies     chan [][]string
	reading    chan read          // the articles' facts, read while the alignment runs
	hedged     chan *hedgeReading // the sentences read for hedging, while the topics are grouped

	mentions [][]entityMention
	roles    map[string]map[string]bool // speaker key → the titles the articles give them
	claims   []claimAt
	linked   linkSet           // paragraph pairs the alignment linked, both ways
	labels   map[string]string // source id → the name a finding's summary gives it
	stems    map[string]string // the stems prepare made: read-only, shared by every stage
	// topicByRef is each paragraph's first topic, for the detectors.
	topicByRef map[Ref]string
}

func newComparison(articles []*loader.Article, opt Options) *comparison {
	out := map[string]bool{}
	for _, p := range opt.Pins {
		if p.Kind == PinExclude {
			out[p.Source] = true
		}
	}
	c := &comparison{opt: opt, res: &Result{}, model: shippedModel()}
	for _, a := range articles {
		if out[a.ID] {
			c.res.Excluded = append(c.res.Excluded, a.ID)
			continue
		}
		c.arts = append(c.arts, a)
	}
	slices.SortFunc(c.arts, func(a, b *loader.Article) int { return strings.Compare(a.ID, b.ID) })
	slices.Sort(c.res.Excluded)
	for _, a := range c.arts {
		c.res.Sources = append(c.res.Sources, a.ID)
	}
	c.labels = sourceLabels(c.arts)
	return c
}

// label is the name a summary gives a source (sourceLabels).
func (c *comparison) label(id string) string {
	if l, ok := c.labels[id]; ok {
		return l
	}
	return id
}

// sourceLabels names each source as a reader knows it: its outlet, else the
// first words of its title or of its text, else its id; two sources of one name are told
// apart by their ids.
func sourceLabels(arts []*loader.Article) map[string]string {
	base := map[string]string{}
	count := map[string]int{}
	for _, a := range arts {
		b := a.Source
		if b == "" {
			b = firstWords(a.Title, sourceLabelWords)
		}
		// A text with no title: the opening words of its first paragraph
		// of text, not a photo's caption, which reads as someone speaking.
		for _, p := range a.Paragraphs {
			if b != "" {
				break
			}
			if p.Kind == loader.KindBody || p.Kind == loader.KindTitle {
				b = firstWords(p.Text, sourceLabelWords)
			}
		}
		if b == "" {
			b = a.ID
		}
		base[a.ID] = b
		count[b]++
	}
	out := map[string]string{}
	for _, a := range arts {
		b := base[a.ID]
		if count[b] > 1 && b != a.ID {
			b += " (" + a.ID + ")"
		}
		out[a.ID] = b
	}
	return out
}

// bodySentences visits every sentence of every body paragraph of the
// sources that report the story (not those marked as about another
// event), with its text and its words (as prepare split them), in the
// articles' order: the walk the sentence detectors share. The words are
// the visit's own: a visitor keeps none of them.
func (c *comparison) bodySentences(visit func(a *loader.Article, p *loader.Paragraph, si int, text string, s loader.Sentence, toks []token)) {
	// The units are the body paragraphs, article by article, in order.
	var buf []token
	for _, u := range c.units {
		a := c.arts[u.src]
		if c.offEvent(a.ID) {
			continue
		}
		p := &a.Paragraphs[u.ref.Paragraph]
		for si, s := range u.sents {
			// Made again from their bounds after the reading (dropWords),
			// into one buffer the visitor does not keep.
			buf = u.sentenceToks(si, buf[:0])
			visit(a, p, si, p.Text[s.span.Start:s.span.End], s.span, buf)
		}
	}
}

// paragraph is the loaded paragraph a reference names, or nil.
func (c *comparison) paragraph(r Ref) *loader.Paragraph {
	i, ok := slices.BinarySearchFunc(c.arts, r.Source, func(a *loader.Article, id string) int { return strings.Compare(a.ID, id) })
	if !ok || r.Paragraph < 0 || r.Paragraph >= len(c.arts[i].Paragraphs) {
		return nil
	}
	return &c.arts[i].Paragraphs[r.Paragraph]
}

func prepareStage(c *comparison) {
	// Copies need only the texts: found while the rest runs.
	c.copies = make(chan [][]string, 1)
	go func() { c.copies <- findCopies(c.arts) }()
	prepareUnits(c)
	startReading(c)
}

// prepareUnits makes the units of the body paragraphs, their index and
// their vectors: what the alignment reads.
func prepareUnits(c *comparison) {
	c.units, c.stems = prepareStems(c.arts)
	c.unitOf = make(map[Ref]int32, len(c.units))
	for i, u := range c.units {
		c.unitOf[u.ref] = int32(i)
	}
	c.ix = buildIndex(c.units)
	c.ix.vectorise(c.units)
}

func alignStage(c *comparison) {
	c.pairs = link(c.units, c.ix, c.model)
	dropPlain(c)
	startHedgeReading(c)
	buildTopics(c)
	dropShown(c)
	labelTopics(c)
	c.linked = linkedParagraphs(c.pairs, c.unitOf)
	c.topicByRef = map[Ref]string{}
	for i, u := range c.units {
		if len(c.unitTopics[i]) > 0 {
			c.topicByRef[u.ref] = c.unitTopics[i][0]
		}
	}
	c.res.Copies = <-c.copies
}

// dropVectors lets go of what only the alignment reads, the units' engine
// terms and the index's term numbers and postings, once it is done
// (extractStage calls it first), before the facts are gathered and the
// detectors run: on one 10 MB article they are a sixth of the live heap
// (110 of 660 MB, with the plain words and the shown ones, which go
// earlier: dropPlain, dropShown), held to the end for nothing. The index's
// document frequencies stay, which the time detector reads.
func dropVectors(c *comparison) {
	for _, u := range c.units {
		u.eng = nil
	}
	c.ix.postings, c.ix.engTerm = nil, nil
}

// dropPlain lets go of the units' plain words and the index's numbers and
// frequencies of them once the links are scored, which only the scoring
// reads (the TF-IDF baseline of a pair's features): on one 10 MB article
// they were 20 of the 287 MB live while the topics were grouped, the
// alignment's peak.
func dropPlain(c *comparison) {
	for _, u := range c.units {
		u.plain = nil
	}
	c.ix.plainWord, c.ix.dfPlain = nil, nil
}

// dropShown lets go of the words a link's explanation shows for each of a
// unit's terms (unit.shown) once buildTopics has explained the links, the
// only reader: on one 10 MB article they are 31 MB, held while the topics
// are labelled and the background readings run.
func dropShown(c *comparison) {
	for _, u := range c.units {
		u.shown = nil
	}
}

// linkSet is the set of paragraph pairs the alignment linked. Its keys
// are the two units' indices packed in one number, lower first, and kept
// sorted: a thousand articles have a quarter of a million links, which a
// map of pairs of paragraph references took a tenth of a second to fill.
type linkSet struct {
	unitOf map[Ref]int32 // a paragraph's unit (comparison.unitOf)
	keys   []uint64
}

// linkedParagraphs is the set of paragraph pairs the links join.
func linkedParagraphs(pairs []scoredPair, unitOf map[Ref]int32) linkSet {
	ls := linkSet{unitOf: unitOf, keys: make([]uint64, len(pairs))}
	for k, p := range pairs {
		ls.keys[k] = unitPairKey(p.i, p.j)
	}
	slices.Sort(ls.keys)
	return ls
}

// unitPairKey packs two units into one number, the lower first.
func unitPairKey(a, b int32) uint64 { return uint64(min(a, b))<<32 | uint64(max(a, b)) }

// has reports whether paragraphs a and b are linked (either way).
func (ls linkSet) has(a, b Ref) bool {
	ua, okA := ls.unitOf[a]
	ub, okB := ls.unitOf[b]
	if !okA || !okB {
		return false
	}
	_, ok := slices.BinarySearch(ls.keys, unitPairKey(ua, ub))
	return ok
}

package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
	"github.com/parallax-news/parallax/review"
)

// Topic fixes: p, then m moves the paragraph at the top of the focused
// pane to another topic (chosen with } and {, or a click in the topic
// list; enter moves it), s splits the selected topic in two (its members
// listed: space puts one in the second part, enter splits), j joins the
// selected topic with another (chosen as for a move), x leaves the
// focused source out of the comparison. Each fix is the engine's pins
// (review.Store.AddFix), saved in the review; the engine then compares
// again off the interface's goroutine, and the reviewer's place (the
// focused source, each pane's paragraph, the selected finding) is kept.
// The review sheet (R) lists the fixes; d there, or u, undoes one.

// fixWork is a topic fix being chosen.
type fixWork struct {
	op      review.FixOp
	para    compare.Ref // the paragraph a move takes; Source "" when none
	topic   int         // the topic a split or a join acts on, -1 none
	members []compare.Ref
	second  []bool // split: the member is in the second part
	cur     int    // split: the member under the cursor
	src     int    // exclude: the source
}

// currentPara is the paragraph a fix acts on in a pane: the selected
// fact's, else the selected finding's claim there, else the first body
// paragraph from the top of the pane.
func (m *Model) currentPara(si int) (compare.Ref, bool) {
	src := &m.doc.sources[si]
	id := src.art.ID
	if m.fact.src == si && m.fact.idx >= 0 && m.fact.idx < len(src.facts) {
		return compare.Ref{Source: id, Paragraph: src.facts[m.fact.idx].span.Paragraph}, true
	}
	if m.disc >= 0 {
		for _, c := range m.doc.res.Discrepancies[m.disc].Claims {
			if c.Source == id && m.doc.valid(si, c.Paragraph) {
				return compare.Ref{Source: id, Paragraph: c.Paragraph}, true
			}
		}
	}
	p := m.ensureRows(si, m.textWidth())
	for i := p.offset; i < len(p.rows); i++ {
		if r := p.rows[i]; r.para >= 0 && src.art.Paragraphs[r.para].Kind == loader.KindBody {
			return compare.Ref{Source: id, Paragraph: r.para}, true
		}
	}
	return compare.Ref{}, false
}

// topicsHolding are the topics that hold a paragraph, those several
// sources share first.
func (m *Model) topicsHolding(ref compare.Ref) []int {
	si, ok := m.doc.srcIndex[ref.Source]
	if !ok || !m.doc.valid(si, ref.Paragraph) {
		return nil
	}
	ts := slices.Clone(m.doc.sources[si].topicsOf[ref.Paragraph])
	slices.SortStableFunc(ts, func(a, b int) int {
		oa, ob := m.doc.res.Topics[a].Own, m.doc.res.Topics[b].Own
		switch {
		case oa == ob:
			return 0
		case ob:
			return -1
		}
		return 1
	})
	return ts
}

// paraName is a paragraph for people: "¶3 of Northern Ledger (“The river…”)".
func (m *Model) paraName(ref compare.Ref) string {
	si, ok := m.doc.srcIndex[ref.Source]
	if !ok || !m.doc.valid(si, ref.Paragraph) {
		return "¶" + itoa(ref.Paragraph) + " of " + cleanLine(ref.Source)
	}
	return "¶" + itoa(ref.Paragraph) + " of " + m.doc.name(si) + " (“" + shortText(m.doc.sources[si].art.Paragraphs[ref.Paragraph].Text, 30) + "”)"
}

func (m *Model) topicName(t int) string {
	tp := m.doc.res.Topics[t]
	return cleanLine(tp.ID) + " (" + cleanLine(tp.Label) + ")"
}

// startFix opens the choice of a topic fix for the focused pane's
// paragraph and the selected topic (else the paragraph's).
func (m *Model) startFix() {
	if m.data.Store == nil {
		m.setError("topic fixes cannot be saved: " + errString(m.data.StoreErr))
		return
	}
	m.fix = fixWork{topic: m.topic, src: m.focus}
	if ref, ok := m.currentPara(m.focus); ok {
		m.fix.para = ref
		if ts := m.topicsHolding(ref); m.fix.topic < 0 && len(ts) > 0 {
			m.fix.topic = ts[0]
		}
	}
	m.mode = modeFix
	m.setStatus(m.fixPrompt())
}

func (m *Model) fixPrompt() string {
	var parts []string
	if m.fix.para.Source != "" {
		parts = append(parts, "m move "+m.paraName(m.fix.para)+" to another topic")
	}
	if m.fix.topic >= 0 {
		t := cleanLine(m.doc.res.Topics[m.fix.topic].ID)
		parts = append(parts, "s split "+t, "j join "+t+" with another")
	}
	parts = append(parts, "x leave "+m.doc.name(m.fix.src)+" out", "esc")
	return "fix topics: " + strings.Join(parts, " · ")
}

// fixKey takes the kind of fix.
func (m *Model) fixKey(msg tea.KeyPressMsg) tea.Cmd {
	m.mode = modeNormal
	switch msg.String() {
	case "ctrl+c":
		return tea.Quit
	case "m":
		if m.fix.para.Source == "" {
			m.setError("no body paragraph in view to move: scroll to one")
			return nil
		}
		m.fix.op = review.FixMove
		m.mode = modePickTopic
		m.pickFirst(func(t int) bool { return !slices.Contains(m.topicsHolding(m.fix.para), t) })
	case "j":
		if m.fix.topic < 0 {
			m.setError("select a topic first ({ or })")
			return nil
		}
		m.fix.op = review.FixMerge
		m.mode = modePickTopic
		m.pickFirst(func(t int) bool { return t != m.fix.topic })
	case "s":
		if m.fix.topic < 0 {
			m.setError("select a topic first ({ or })")
			return nil
		}
		tp := m.doc.res.Topics[m.fix.topic]
		var ms []compare.Ref
		for _, r := range tp.Members {
			if si, ok := m.doc.srcIndex[r.Source]; ok && m.doc.valid(si, r.Paragraph) {
				ms = append(ms, r)
			}
		}
		if len(ms) < 2 {
			m.setError(m.topicName(m.fix.topic) + " holds one paragraph: nothing to split")
			return nil
		}
		m.fix.op, m.fix.members, m.fix.second, m.fix.cur = review.FixSplit, ms, make([]bool, len(ms)), 0
		m.mode = modeSplit
		m.setStatus(splitPrompt)
	case "x":
		if len(m.doc.sources) < 2 {
			m.setError("the last source cannot be left out")
			return nil
		}
		m.fix.op = review.FixExclude
		m.mode = modeExclude
		m.setStatus("leave " + m.doc.name(m.fix.src) + " out of the comparison? y leaves it out (R then d brings it back) · any other key keeps it")
	default:
		m.setStatus("cancelled")
	}
	return nil
}

const splitPrompt = "split: j/k choose a paragraph · space puts it in the second part · enter splits · esc cancels"

// pickFirst selects the first topic after the selected one that ok
// allows, and says what enter will do.
func (m *Model) pickFirst(ok func(int) bool) {
	n := len(m.doc.res.Topics)
	start := max(m.topic, 0)
	for i := 1; i <= n; i++ {
		if t := (start + i) % n; ok(t) {
			m.selectTopic(t)
			break
		}
	}
	m.setStatus(m.pickPrompt())
}

func (m *Model) pickPrompt() string {
	what := "move " + m.paraName(m.fix.para)
	if m.fix.op == review.FixMerge {
		what = "join " + m.topicName(m.fix.topic)
	}
	to := "(choose a topic)"
	if m.topic >= 0 {
		to = m.topicName(m.topic)
	}
	return what + " → " + to + " · } { choose (or click the topic list) · enter applies · esc cancels"
}

// pickKey chooses the topic a paragraph moves to or a topic joins: } and
// { step (the panes follow), enter applies, esc cancels; the keys that
// scroll work as ever.
func (m *Model) pickKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case msg.String() == "ctrl+c":
		return tea.Quit
	case msg.String() == "esc":
		m.mode = modeNormal
		m.setStatus("cancelled")
	case msg.String() == "enter":
		m.mode = modeNormal
		return m.applyPick()
	case key.Matches(msg, k.NextTopic, k.PrevTopic, k.Down, k.Up, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom,
		k.NextPane, k.PrevPane, k.PaneN, k.Topics, k.Overview):
		m.mode = modeNormal
		cmd := m.handleKey(msg)
		m.mode = modePickTopic
		m.setStatus(m.pickPrompt())
		return cmd
	default:
		m.setStatus(m.pickPrompt())
	}
	return nil
}

// applyPick makes the move or the join to the selected topic.
func (m *Model) applyPick() tea.Cmd {
	if m.topic < 0 {
		m.setError("no topic chosen")
		return nil
	}
	target := m.doc.res.Topics[m.topic]
	other := func(tp compare.Topic, not string) compare.Ref { // a member, of another source when it can
		for _, r := range tp.Members {
			if r.Source != not {
				return r
			}
		}
		return tp.Members[0]
	}
	if len(target.Members) == 0 {
		m.setError(m.topicName(m.topic) + " has no paragraph")
		return nil
	}
	switch m.fix.op {
	case review.FixMove:
		p := m.fix.para
		old := m.topicsHolding(p)
		if slices.Contains(old, m.topic) {
			m.setError(m.paraName(p) + " is in " + m.topicName(m.topic) + " already")
			return nil
		}
		pins := []compare.Pin{{Kind: compare.PinTogether, A: p, B: other(target, p.Source)}}
		var from []string
		for _, t := range old {
			tp := m.doc.res.Topics[t]
			if tp.Own {
				continue
			}
			from = append(from, m.topicName(t))
			for _, r := range tp.Members {
				if r != p && !slices.Contains(target.Members, r) {
					pins = append(pins, compare.Pin{Kind: compare.PinApart, A: p, B: r})
				}
			}
		}
		says := "moved " + m.paraName(p)
		if len(from) > 0 {
			says += " from " + strings.Join(from, ", ")
		}
		return m.addFix(review.FixMove, says+" to "+m.topicName(m.topic), pins, p)
	case review.FixMerge:
		if m.topic == m.fix.topic {
			m.setError("choose another topic than " + m.topicName(m.topic))
			return nil
		}
		a := m.doc.res.Topics[m.fix.topic]
		if len(a.Members) == 0 {
			return nil
		}
		pins := []compare.Pin{{Kind: compare.PinTogether, A: a.Members[0], B: other(target, a.Members[0].Source)}}
		return m.addFix(review.FixMerge, "joined "+m.topicName(m.fix.topic)+" with "+m.topicName(m.topic), pins, a.Members[0])
	}
	return nil
}

// splitKey chooses the second part of a split.
func (m *Model) splitKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	n := len(m.fix.members)
	switch {
	case msg.String() == "ctrl+c":
		return tea.Quit
	case msg.String() == "esc":
		m.mode = modeNormal
		m.setStatus("cancelled")
	case key.Matches(msg, k.Down):
		m.fix.cur = min(m.fix.cur+1, n-1)
	case key.Matches(msg, k.Up):
		m.fix.cur = max(m.fix.cur-1, 0)
	case msg.String() == "space" || msg.String() == " " || msg.String() == "x":
		m.fix.second[m.fix.cur] = !m.fix.second[m.fix.cur]
	case msg.String() == "enter":
		var a, b []compare.Ref
		for i, r := range m.fix.members {
			if m.fix.second[i] {
				b = append(b, r)
			} else {
				a = append(a, r)
			}
		}
		if len(a) == 0 || len(b) == 0 {
			m.setError("put some paragraphs, not all, in the second part (space)")
			return nil
		}
		m.mode = modeNormal
		var pins []compare.Pin
		var names []string
		for _, y := range b {
			names = append(names, m.paraName(y))
			for _, x := range a {
				if x != y {
					pins = append(pins, compare.Pin{Kind: compare.PinApart, A: x, B: y})
				}
			}
		}
		return m.addFix(review.FixSplit, "split "+m.topicName(m.fix.topic)+": "+strings.Join(names, ", ")+" apart from the rest", pins, a[0])
	default:
		m.setStatus(splitPrompt)
	}
	return nil
}

// excludeKey confirms leaving a source out.
func (m *Model) excludeKey(msg tea.KeyPressMsg) tea.Cmd {
	m.mode = modeNormal
	if msg.String() != "y" {
		m.setStatus("kept in the comparison")
		return nil
	}
	si := m.fix.src
	if si < 0 || si >= len(m.doc.sources) {
		return nil
	}
	id := m.doc.sources[si].art.ID
	return m.addFix(review.FixExclude, "left "+m.doc.name(si)+" out of the comparison", []compare.Pin{{Kind: compare.PinExclude, Source: id}}, compare.Ref{})
}

// addFix records a fix, saves it and compares again with it.
func (m *Model) addFix(op review.FixOp, says string, pins []compare.Pin, at compare.Ref) tea.Cmd {
	id, err := m.data.Store.AddFix(op, says, pins, m.data.Articles, m.now())
	if err != nil {
		m.setError("topic fix not made: " + cleanLine(err.Error()))
		return nil
	}
	m.undo = append(m.undo, undoStep{kind: undoFixAdded, id: id})
	m.recount()
	return tea.Batch(m.saveCmd(says), m.recompare(says, at))
}

// undoFix undoes a fix from the review sheet.
func (m *Model) undoFix(id, says string) tea.Cmd {
	if err := m.data.Store.SetFixRemoved(id, true, m.now()); err != nil {
		m.setError(cleanLine(err.Error()))
		return nil
	}
	m.undo = append(m.undo, undoStep{kind: undoFixRemoved, id: id})
	m.recount()
	what := "undone: " + says
	return tea.Batch(m.saveCmd(what), m.recompare(what, compare.Ref{}))
}

// recompare runs the engine again with the review's pins, off the
// interface's goroutine; at is the paragraph whose topic the status names
// when it is done.
func (m *Model) recompare(what string, at compare.Ref) tea.Cmd {
	m.recompGen++
	m.recomputing = true
	gen, arts, st, engine := m.recompGen, m.data.Articles, m.data.Store, m.data.Engine
	if engine == nil {
		engine = func(arts []*loader.Article, pins []compare.Pin) *compare.Result {
			return compare.CompareWith(arts, compare.Options{Pins: pins})
		}
	}
	return func() tea.Msg {
		return recomparedMsg{gen: gen, res: engine(arts, st.Pins(arts)), what: what, at: at}
	}
}

// takeRecompared shows a new result of the engine, the reviewer's place
// kept.
func (m *Model) takeRecompared(msg recomparedMsg) {
	m.recomputing = false
	if msg.res == nil {
		return
	}
	m.rebuild(msg.res, msg.at)
	line := msg.what
	if msg.at.Source != "" {
		// Where the paragraph is now comes first (the line may be cut),
		// and the paragraph is brought into view from its start.
		if ts := m.topicsHolding(msg.at); len(ts) > 0 {
			line = m.paraName(msg.at) + " is in " + m.topicName(ts[0]) + " now · " + line
		}
		if si, ok := m.doc.srcIndex[msg.at.Source]; ok {
			m.scrollTo(si, msg.at.Paragraph, 0)
		}
	}
	if n := len(m.doc.res.Excluded); n > 0 {
		line += " · " + plural(n, "source") + " left out (R lists them)"
	}
	m.setOK(line)
}

// place is where the reviewer is, by what it shows rather than by index:
// a re-comparison renumbers topics and findings, and leaving a source out
// renumbers the sources.
type place struct {
	focus, pairA, pairB string
	tops                map[string][2]int // source id → the paragraph and byte at the top of its pane
	disc                *compare.Discrepancy
	sides               bool
	fact                *compare.Span
	topicAt             compare.Ref // a member of the selected topic
	filterKind          compare.Kind
}

func (m *Model) capture() place {
	pl := place{tops: map[string][2]int{}}
	id := func(si int) string {
		if si >= 0 && si < len(m.doc.sources) {
			return m.doc.sources[si].art.ID
		}
		return ""
	}
	pl.focus, pl.pairA, pl.pairB = id(m.focus), id(m.pairA), id(m.pairB)
	for si := range m.panes {
		p := &m.panes[si]
		if p.offset >= 0 && p.offset < len(p.rows) {
			for i := p.offset; i < len(p.rows); i++ {
				if r := p.rows[i]; r.para >= 0 {
					pl.tops[id(si)] = [2]int{r.para, r.start}
					break
				}
			}
		}
	}
	if m.disc >= 0 {
		d := m.doc.res.Discrepancies[m.disc]
		pl.disc, pl.sides = &d, m.sides != nil
	}
	if m.fact.idx >= 0 {
		sp := m.doc.sources[m.fact.src].facts[m.fact.idx].span
		pl.fact = &sp
	}
	if m.topic >= 0 {
		tp := m.doc.res.Topics[m.topic]
		for _, r := range tp.Members {
			if r.Source == pl.focus || pl.topicAt.Source == "" {
				pl.topicAt = r
			}
		}
	}
	if m.filter >= filterKinds {
		pl.filterKind = m.doc.kinds[m.filter-filterKinds]
	}
	return pl
}

// rebuild shows a new engine result with the reviewer's findings placed
// in it, keeping the reviewer's place; at, when set, is the paragraph
// whose topic becomes the selected one.
func (m *Model) rebuild(engine *compare.Result, at compare.Ref) {
	pl := m.capture()
	m.engine = engine
	m.data.Result = m.data.Store.Apply(engine, m.data.Articles)
	m.build()
	n := len(m.doc.sources)
	idx := func(id string, def int) int {
		if si, ok := m.doc.srcIndex[id]; ok {
			return si
		}
		return clamp(def, 0, max(0, n-1))
	}
	m.focus, m.pairA, m.pairB = idx(pl.focus, m.focus), idx(pl.pairA, 0), idx(pl.pairB, min(1, n-1))
	m.first = clamp(m.first, 0, max(0, n-1))
	m.history = nil // places by index: no longer where they were
	m.filter = min(m.filter, filterOpen)
	if pl.filterKind != "" {
		if i := slices.Index(m.doc.kinds, pl.filterKind); i >= 0 {
			m.filter = filterKinds + i
		} else {
			m.filter = filterAll
		}
	}
	m.disc, m.sides, m.fact = -1, nil, selFact{-1, -1}
	if pl.disc != nil {
		if i := m.findDisc(*pl.disc); i >= 0 {
			m.disc = i
			if pl.sides {
				if sides := m.claimSources(i); slices.Contains(sides, m.focus) {
					m.sides = sides
				}
			}
		}
	}
	if pl.fact != nil {
		if si, ok := m.doc.srcIndex[pl.fact.Source]; ok {
			for fi, f := range m.doc.sources[si].facts {
				if f.span == *pl.fact {
					m.fact = selFact{si, fi}
				}
			}
		}
	}
	m.topic = -1
	for _, ref := range []compare.Ref{at, pl.topicAt} {
		if ts := m.topicsHolding(ref); ref.Source != "" && len(ts) > 0 {
			m.topic = ts[0]
			break
		}
	}
	if m.topic < 0 {
		m.why = false
	}
	w := m.textWidth()
	for id, top := range pl.tops {
		if si, ok := m.doc.srcIndex[id]; ok {
			p := m.ensureRows(si, w)
			if r := p.rowOf(top[0], top[1]); r >= 0 {
				p.offset = r
			}
		}
	}
	if m.query != "" {
		m.findMatches(m.query)
		m.matchIdx = clamp(m.matchIdx, -1, len(m.matches)-1)
	}
	if m.mode == modeNote || m.mode == modeEvidence {
		if i := m.findDisc(m.noteD); i >= 0 {
			m.noteDisc = i
		}
	}
}

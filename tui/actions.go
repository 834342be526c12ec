package tui

import (
	"errors"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/review"
)

var errInterrupted = errors.New("interrupted while loading")

// handleKey routes a key press: to the text input when one is open, to the
// help view when it is shown, else to an action.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	switch m.mode {
	case modeSearch, modeNote, modeEvidence, modeOwnNote:
		return m.inputKey(msg)
	case modeRight:
		return m.rightKey(msg)
	case modeMark:
		return m.markKey(msg)
	case modeKind:
		return m.kindKey(msg)
	case modeFix:
		return m.fixKey(msg)
	case modePickTopic:
		return m.pickKey(msg)
	case modeSplit:
		return m.splitKey(msg)
	case modeExclude:
		return m.excludeKey(msg)
	case modeExport:
		m.mode = modeNormal
		switch msg.String() {
		case "m":
			return m.exportCmd("md")
		case "h":
			return m.exportCmd("html")
		case "j":
			return m.exportCmd("json")
		}
		m.setStatus("export cancelled")
		return nil
	}
	k := m.keys
	if m.showHelp {
		return m.helpKey(msg)
	}
	if m.sheet != sheetNone {
		return m.sheetKey(msg)
	}
	// A message lasts until the next key: a key that has something to say
	// says it anew, the others bring back the line that describes the
	// selection (idleStatus).
	m.status, m.statusErr = "", false
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.showHelp, m.helpTop = true, 0
	case key.Matches(msg, k.Down):
		m.scroll(1)
	case key.Matches(msg, k.Up):
		m.scroll(-1)
	case key.Matches(msg, k.PageDown):
		m.scroll(m.bodyHeight())
	case key.Matches(msg, k.PageUp):
		m.scroll(-m.bodyHeight())
	case key.Matches(msg, k.HalfDown):
		m.scroll(m.bodyHeight() / 2)
	case key.Matches(msg, k.HalfUp):
		m.scroll(-m.bodyHeight() / 2)
	case key.Matches(msg, k.Top):
		m.scroll(-1 << 30)
	case key.Matches(msg, k.Bottom):
		m.scroll(1 << 30)
	case key.Matches(msg, k.NextDisc):
		m.stepDiscrepancy(1)
	case key.Matches(msg, k.PrevDisc):
		m.stepDiscrepancy(-1)
	case key.Matches(msg, k.NextTopic):
		m.stepTopic(1)
	case key.Matches(msg, k.PrevTopic):
		m.stepTopic(-1)
	case key.Matches(msg, k.NextFact):
		m.stepFact(1)
	case key.Matches(msg, k.PrevFact):
		m.stepFact(-1)
	case key.Matches(msg, k.Search):
		m.openInput(modeSearch, m.query)
	case key.Matches(msg, k.NextMatch):
		m.stepMatch(1)
	case key.Matches(msg, k.PrevMatch):
		m.stepMatch(-1)
	case key.Matches(msg, k.Back):
		m.jumpBack()
	case key.Matches(msg, k.Clear):
		m.clearSelection()
	case key.Matches(msg, k.NextPane), key.Matches(msg, k.PrevPane):
		if m.pair { // two sides: switch to the other
			if m.focus == m.pairA {
				m.focus = m.pairB
			} else {
				m.focus = m.pairA
			}
			return nil
		}
		if key.Matches(msg, k.NextPane) {
			m.focusSource(m.focus + 1)
		} else {
			m.focusSource(m.focus - 1)
		}
	case key.Matches(msg, k.PaneN):
		m.focusSource(int(msg.String()[0] - '1'))
	case key.Matches(msg, k.Pair):
		m.togglePair()
	case key.Matches(msg, k.Sync):
		m.sync = !m.sync
		m.setStatus(onOff("panes scroll together", m.sync))
	case key.Matches(msg, k.Filter):
		m.cycleFilter()
	case key.Matches(msg, k.Topics):
		m.topicsPref = flip(m.showTopics())
	case key.Matches(msg, k.Overview):
		m.overviewPref = flip(m.showOverview())
	case key.Matches(msg, k.Detail):
		m.detailBig = !m.detailBig
	case key.Matches(msg, k.Why):
		m.toggleWhy()
	case key.Matches(msg, k.HideDim):
		m.hideDim = !m.hideDim
		m.setStatus(onOff("captions and boilerplate hidden", m.hideDim))
	case key.Matches(msg, k.Confirm):
		return m.setVerdict(review.Confirmed)
	case key.Matches(msg, k.Dismiss):
		return m.setVerdict(review.Dismissed)
	case key.Matches(msg, k.Note):
		if m.disc < 0 {
			m.setError("select a discrepancy first (] or [)")
			return nil
		}
		m.openNote(m.disc)
	case key.Matches(msg, k.Undo):
		return m.undoLast()
	case key.Matches(msg, k.Right):
		m.chooseRight()
	case key.Matches(msg, k.Evidence):
		m.openEvidence()
	case key.Matches(msg, k.Mark):
		m.startMark()
	case key.Matches(msg, k.Forget):
		return m.forgetOwn()
	case key.Matches(msg, k.Fix):
		m.startFix()
	case key.Matches(msg, k.Table):
		m.openSheet(sheetTable)
	case key.Matches(msg, k.Review):
		m.openSheet(sheetReview)
	case key.Matches(msg, k.Timeline):
		m.openSheet(sheetTimeline)
	case key.Matches(msg, k.Export):
		if m.export == nil {
			m.setError("export is not available here")
			return nil
		}
		m.mode = modeExport
		m.setStatus("export as: m Markdown · h HTML · j JSON · any other key cancels")
	}
	return nil
}

// helpKey scrolls the help view; any other key closes it (ctrl+c quits).
func (m *Model) helpKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	r := m.helpRect(m.layout())
	step := 0
	switch {
	case msg.String() == "ctrl+c":
		return tea.Quit
	case key.Matches(msg, k.Down):
		step = 1
	case key.Matches(msg, k.Up):
		step = -1
	case key.Matches(msg, k.PageDown), key.Matches(msg, k.HalfDown):
		step = max(1, r.h-2)
	case key.Matches(msg, k.PageUp), key.Matches(msg, k.HalfUp):
		step = -max(1, r.h-2)
	case key.Matches(msg, k.Top):
		step = -1 << 30
	case key.Matches(msg, k.Bottom):
		step = 1 << 30
	default:
		m.showHelp = false
		return nil
	}
	m.helpTop = clamp(m.helpTop+step, 0, m.helpMaxTop(r))
	return nil
}

func onOff(what string, on bool) string {
	if on {
		return what + ": on"
	}
	return what + ": off"
}

// flip is the preference that hides what is shown now, or shows it.
func flip(shown bool) int {
	if shown {
		return -1
	}
	return 1
}

// bodyHeight is the height of the focused pane's text, for paging.
func (m *Model) bodyHeight() int {
	s := m.layout()
	for i, si := range s.visible {
		if si == m.focus {
			return max(1, s.panes[i].h-paneHeaderRows-1)
		}
	}
	return 10
}

// textWidth is the text width of the panes in the current layout.
func (m *Model) textWidth() int {
	s := m.layout()
	if len(s.panes) == 0 {
		return 40
	}
	return max(1, s.panes[0].w-gutterWidth)
}

// scroll moves the focused pane; with sync on, the other panes follow to
// the same topic, or by the same number of lines when the text at the top
// belongs to no topic.
func (m *Model) scroll(delta int) {
	w := m.textWidth()
	p := m.ensureRows(m.focus, w)
	before := p.offset
	p.offset = clamp(p.offset+delta, 0, max(0, len(p.rows)-1))
	if !m.sync || p.offset == before {
		return
	}
	t := m.topicAtTop(m.focus)
	for si := range m.panes {
		if si == m.focus {
			continue
		}
		q := m.ensureRows(si, w)
		if t >= 0 && m.doc.firstPara[si][t] >= 0 {
			if r := q.rowOf(m.doc.firstPara[si][t], 0); r >= 0 {
				q.offset = r
				continue
			}
		}
		q.offset = clamp(q.offset+p.offset-before, 0, max(0, len(q.rows)-1))
	}
}

// topicAtTop is the first topic of the paragraph at the top of a pane.
func (m *Model) topicAtTop(si int) int {
	p := &m.panes[si]
	for i := p.offset; i < len(p.rows); i++ {
		if r := p.rows[i]; r.para >= 0 {
			if ts := m.doc.sources[si].topicsOf[r.para]; len(ts) > 0 {
				return ts[0]
			}
			return -1
		}
	}
	return -1
}

// remember pushes the current place on the jump-back history.
func (m *Model) remember() {
	pos := position{topic: m.topic, disc: m.disc, focus: m.focus, fact: m.fact, sides: m.sides}
	for _, p := range m.panes {
		pos.offsets = append(pos.offsets, p.offset)
	}
	m.history = append(m.history, pos)
	if len(m.history) > 100 {
		m.history = m.history[1:]
	}
}

func (m *Model) jumpBack() {
	if len(m.history) == 0 {
		m.setStatus("nowhere to jump back to")
		return
	}
	pos := m.history[len(m.history)-1]
	m.history = m.history[:len(m.history)-1]
	m.topic, m.disc, m.focus, m.fact, m.sides = pos.topic, pos.disc, pos.focus, pos.fact, pos.sides
	for i := range m.panes {
		if i < len(pos.offsets) {
			m.panes[i].offset = pos.offsets[i]
		}
	}
	m.setStatus("jumped back")
}

func (m *Model) clearSelection() {
	switch {
	case len(m.matches) > 0:
		m.matches, m.query = nil, ""
		m.setStatus("search cleared")
	case m.disc >= 0 || m.fact.idx >= 0 || m.why:
		m.disc, m.fact, m.why, m.sides = -1, selFact{-1, -1}, false, nil
		m.setStatus(m.summary())
	case m.topic >= 0:
		m.topic = -1
	}
}

// The filter's steps: every paragraph, those with a discrepancy, those with
// an open one (what is left to review), then one kind of discrepancy each.
const (
	filterAll = iota
	filterDiscs
	filterOpen
	filterKinds // filterKinds+i: doc.kinds[i]
)

// discPasses says whether the filter lets a discrepancy through.
func (m *Model) discPasses(di int) bool {
	switch {
	case m.filter < filterOpen:
		return true
	case m.filter == filterOpen:
		return m.discStatus[di] == review.Open
	}
	return m.doc.res.Discrepancies[di].Kind == m.doc.kinds[m.filter-filterKinds]
}

func (m *Model) cycleFilter() {
	m.filter = (m.filter + 1) % (filterKinds + len(m.doc.kinds))
	if m.disc >= 0 && !m.discPasses(m.disc) {
		m.disc = -1
	}
	m.setStatus("filter: " + m.filterName())
}

func (m *Model) filterName() string {
	switch m.filter {
	case filterAll:
		return "all paragraphs"
	case filterDiscs:
		return "paragraphs with discrepancies"
	case filterOpen:
		return "open discrepancies only"
	}
	return "discrepancies of kind " + string(m.doc.kinds[m.filter-filterKinds])
}

// stepDiscrepancy selects the next or previous discrepancy that passes the
// filter, and brings its claims into view in every pane.
func (m *Model) stepDiscrepancy(dir int) {
	n := len(m.doc.res.Discrepancies)
	if n == 0 {
		m.setStatus("the engine found no discrepancy")
		return
	}
	i := m.disc
	for range n {
		i += dir
		if i < 0 {
			i = n - 1
		} else if i >= n {
			i = 0
		}
		if m.discPasses(i) {
			m.selectDiscrepancy(i)
			return
		}
	}
	m.setStatus("no discrepancy passes the filter")
}

// selectDiscrepancy selects a finding and shows its sides: the panes show
// the sources of its claims (in pair mode the two that disagree), each
// scrolled to its claim, the first side focused.
func (m *Model) selectDiscrepancy(di int) {
	m.remember()
	m.disc, m.fact, m.why = di, selFact{-1, -1}, false
	d := m.doc.res.Discrepancies[di]
	if t, ok := m.doc.topicIndex[d.Topic]; ok {
		m.topic = t
		m.scrollToTopic(t)
	}
	m.sides = m.claimSources(di)
	if len(m.sides) > 0 {
		m.focus = m.sides[0]
		if m.pair && len(m.sides) > 1 {
			m.pairA, m.pairB = m.sides[0], m.sides[1]
		}
	}
	for _, c := range d.Claims {
		if si, ok := m.doc.srcIndex[c.Source]; ok {
			m.scrollTo(si, c.Paragraph, c.Start)
		}
	}
	m.setStatus(m.discLine(di))
}

// claimSources are the sources of a finding's claims, each once, the pair
// that disagrees first: the first claim's source, then the first source
// whose value differs from it (claims can open with two that agree: 4, 4,
// 6), then the others in the claims' order.
func (m *Model) claimSources(di int) []int {
	d := m.doc.res.Discrepancies[di]
	var out []int
	add := func(c compare.Claim) {
		if si, ok := m.doc.srcIndex[c.Source]; ok && !slices.Contains(out, si) {
			out = append(out, si)
		}
	}
	if len(d.Claims) == 0 {
		return nil
	}
	add(d.Claims[0])
	for _, c := range d.Claims[1:] {
		if c.Value != d.Claims[0].Value && c.Source != d.Claims[0].Source {
			add(c)
			break
		}
	}
	for _, c := range d.Claims {
		add(c)
	}
	return out
}

func (m *Model) discLine(di int) string {
	d := m.doc.res.Discrepancies[di]
	yours := ""
	if m.doc.own[di] {
		yours = " ✎ yours"
	}
	return d.ID + " (" + itoa(di+1) + "/" + itoa(len(m.doc.res.Discrepancies)) + ") " + string(m.entry(di).Status) + yours + ": " + d.Summary
}

// scrollTo puts a place of a paragraph a few lines below the top of its pane.
func (m *Model) scrollTo(si, para, off int) {
	p := m.ensureRows(si, m.textWidth())
	if r := p.rowOf(para, off); r >= 0 {
		p.offset = max(0, r-2)
	}
}

func (m *Model) scrollToTopic(t int) {
	for si := range m.panes {
		if fp := m.doc.firstPara[si][t]; fp >= 0 {
			m.scrollTo(si, fp, 0)
		}
	}
}

func (m *Model) stepTopic(dir int) {
	n := len(m.doc.res.Topics)
	if n == 0 {
		m.setStatus("no topics: the sources share nothing the engine could align")
		return
	}
	t := m.topic + dir
	if m.topic < 0 && dir < 0 {
		t = n - 1
	}
	t = (t + n) % n
	m.selectTopic(t)
}

func (m *Model) selectTopic(t int) {
	m.remember()
	m.topic = t
	if m.disc >= 0 && m.doc.res.Discrepancies[m.disc].Topic != m.doc.res.Topics[t].ID {
		m.disc, m.sides = -1, nil
	}
	m.fact = selFact{-1, -1}
	m.scrollToTopic(t)
	tp := m.doc.res.Topics[t]
	m.setStatus("topic " + tp.ID + ": " + tp.Label + " · " + plural(len(tp.Sources), "source") + ", " + plural(len(m.doc.topicDiscs[t]), "discrepancy") + " · i why")
}

// stepFact moves through the focused source's marked facts in reading
// order (the fact table's others are for the table to select).
func (m *Model) stepFact(dir int) {
	facts := m.doc.sources[m.focus].facts
	if !slices.ContainsFunc(facts, func(f fact) bool { return f.kind != markFact }) {
		m.setStatus("no fact marked in " + m.doc.name(m.focus))
		return
	}
	i := -1
	if m.fact.src == m.focus {
		i = m.fact.idx
	}
	if i < 0 && dir < 0 {
		i = len(facts)
	} else if i < 0 {
		// Start from the top of the pane rather than the article's start.
		p := &m.panes[m.focus]
		for fi, f := range facts {
			if r := p.rowOf(f.span.Paragraph, f.span.Start); r >= p.offset {
				i = fi - 1
				break
			}
		}
	}
	i = (i + dir + len(facts)) % len(facts)
	for facts[i].kind == markFact {
		i = (i + dir + len(facts)) % len(facts)
	}
	m.remember()
	m.fact, m.disc, m.why = selFact{m.focus, i}, -1, false
	f := facts[i]
	m.scrollTo(m.focus, f.span.Paragraph, f.span.Start)
	m.setStatus("fact " + itoa(i+1) + "/" + itoa(len(facts)) + " in " + m.doc.name(m.focus) + ": " + f.label)
}

func (m *Model) focusSource(si int) {
	n := len(m.doc.sources)
	if si < 0 || si >= n {
		if si >= 9 || n == 0 {
			return
		}
		si = (si + n) % n
	}
	if m.pair {
		// In pair mode the focused slot takes the chosen source.
		if m.focus == m.pairA {
			m.pairA = si
		} else {
			m.pairB = si
		}
	}
	m.focus = si
	m.setStatus("source " + itoa(si+1) + ": " + m.doc.name(si))
}

// togglePair enters pair mode with the two sides of the selected finding
// (the pair that disagrees), else the focused source and the next; or
// leaves it.
func (m *Model) togglePair() {
	m.pair = !m.pair
	if m.pair {
		if sides := m.selectedSides(); len(sides) > 1 {
			m.pairA, m.pairB = sides[0], sides[1]
			m.focus = m.pairA
		} else {
			m.pairA = m.focus
			if m.pairB == m.pairA || m.pairB >= len(m.doc.sources) {
				m.pairB = (m.focus + 1) % len(m.doc.sources)
			}
		}
		m.setStatus("pair mode: " + m.doc.name(m.pairA) + " and " + m.doc.name(m.pairB) + " · tab switches side, 1-9 puts a source in this side, z leaves")
	} else {
		m.setStatus("pair mode off")
	}
}

func (m *Model) toggleWhy() {
	if m.topic < 0 {
		m.setError("select a topic first ({ or })")
		return
	}
	m.why = !m.why
	if m.why {
		m.disc, m.fact = -1, selFact{-1, -1}
	}
}

// search finds a query in every paragraph shown, case-insensitively, and
// goes to the first match.
func (m *Model) search(q string) {
	m.findMatches(q)
	if q == "" {
		return
	}
	if len(m.matches) == 0 {
		m.setError("no match for “" + q + "”")
		return
	}
	m.stepMatch(1)
}

// findMatches finds a query's matches, going nowhere.
func (m *Model) findMatches(q string) {
	m.query, m.matches, m.matchIdx = q, nil, -1
	if q == "" {
		return
	}
	lq := strings.ToLower(q)
	for si, s := range m.doc.sources {
		for pi, p := range s.art.Paragraphs {
			hay, needle := strings.ToLower(p.Text), lq
			if len(hay) != len(p.Text) { // case folding moved bytes: search as written
				hay, needle = p.Text, q
			}
			for off := 0; ; {
				i := strings.Index(hay[off:], needle)
				if i < 0 {
					break
				}
				m.matches = append(m.matches, match{si, pi, off + i, off + i + len(needle)})
				off += i + max(1, len(needle))
			}
		}
	}
}

func (m *Model) stepMatch(dir int) {
	if len(m.matches) == 0 {
		m.setStatus("no search: press / to search")
		return
	}
	m.remember()
	m.matchIdx = (m.matchIdx + dir + len(m.matches)) % len(m.matches)
	mt := m.matches[m.matchIdx]
	m.focus = mt.src
	m.scrollTo(mt.src, mt.para, mt.start)
	m.setStatus("“" + m.query + "”: match " + itoa(m.matchIdx+1) + "/" + itoa(len(m.matches)) + " in " + m.doc.name(mt.src) + " · n/N next/previous · esc clears")
}

func (m *Model) openInput(md mode, value string) {
	m.mode, m.inputErr = md, ""
	m.input.SetValue(value)
	m.input.CursorEnd()
	m.input.SetWidth(max(10, m.w-20))
	m.input.Focus()
}

// openNote opens the note line for a discrepancy. The note keeps that
// discrepancy as its target whatever is selected while it is written (a
// click, a wheel), and a draft left with esc is offered again.
func (m *Model) openNote(di int) {
	m.noteDisc, m.noteD = di, m.doc.res.Discrepancies[di]
	v, ok := m.drafts[sig(m.noteD)]
	if !ok {
		v = cleanLine(m.entry(di).Note) // a note from a review file is outside input
	}
	m.openInput(modeNote, v)
	if ok {
		m.setStatus("draft restored")
	}
}

// inputKey edits the search or note line; enter accepts, esc cancels (a
// note's draft is kept for the next a), ctrl+c quits and saves the note
// being written first: a note is never lost.
func (m *Model) inputKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		md := m.mode
		m.mode = modeNormal
		m.input.Blur()
		if md == modeNote {
			if v := strings.TrimSpace(m.input.Value()); v != m.data.Store.Get(m.noteD).Note {
				if m.drafts == nil {
					m.drafts = map[string]string{}
				}
				m.drafts[sig(m.noteD)] = v
				m.setStatus("note not saved · a reopens the draft")
				return nil
			}
		}
		if md == modeOwnNote {
			m.mode = modeMark // the words stay marked
			m.setStatus("the finding is not recorded yet · enter records it · esc drops the marks")
			return nil
		}
		if md == modeSearch && m.searchInMark {
			m.searchInMark, m.mode = false, modeMark
			m.setStatus(m.markLine())
			return nil
		}
		m.inputErr = ""
		m.setStatus("cancelled")
		return nil
	case "enter":
		md := m.mode
		m.mode = modeNormal
		m.input.Blur()
		v := strings.TrimSpace(m.input.Value())
		switch md {
		case modeSearch:
			m.search(v)
			if m.searchInMark {
				// A search while marking words: back to the marks, the
				// match ready for m.
				m.searchInMark, m.mode = false, modeMark
				if !m.statusErr {
					m.setStatus("match in " + m.doc.name(m.focus) + ": m marks it · " + m.markLine())
				}
			}
			return nil
		case modeEvidence:
			return m.setEvidence(v)
		case modeOwnNote:
			return m.recordOwn(v)
		}
		return m.setNote(m.noteD, v)
	case "ctrl+c":
		// Whatever is being written is kept before quitting: a note, a
		// finding, a link that is valid.
		md := m.mode
		m.mode = modeNormal
		m.input.Blur()
		v := strings.TrimSpace(m.input.Value())
		switch {
		case md == modeNote && v != m.data.Store.Get(m.noteD).Note:
			return tea.Sequence(m.setNote(m.noteD, v), tea.Quit)
		case md == modeOwnNote:
			return tea.Sequence(m.recordOwn(v), tea.Quit)
		case md == modeEvidence:
			if _, err := review.CleanEvidence(v); err == nil {
				return tea.Sequence(m.setEvidence(v), tea.Quit)
			}
		}
		return tea.Quit
	}
	if msg.Text != "" {
		// A key's text is outside input too: no control or bidi
		// character gets into a note or a search.
		if msg.Text = cleanLine(msg.Text); msg.Text == "" {
			return nil
		}
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return cmd
}

// saveCmd writes the review off the interface's goroutine; the store keeps
// an older snapshot from landing over a newer one. The status says what
// changed and "saving…" until the file is on disk, then "saved" (savedMsg).
func (m *Model) saveCmd(what string) tea.Cmd {
	m.saving = what
	m.setStatus(what + " · saving…")
	st := m.data.Store
	return func() tea.Msg { return savedMsg{st.Save()} }
}

// saved takes a save's outcome: "saved" only now that the file is on
// disk; a failure stays shown until a save succeeds.
func (m *Model) saved(err error) {
	if err != nil {
		m.saveErr = "verdicts not saved: " + cleanLine(err.Error())
		m.setError(m.saveErr)
		return
	}
	m.saveErr = ""
	if m.saving != "" && m.status == m.saving+" · saving…" {
		m.setOK(m.saving + " · saved")
	}
	m.saving = ""
}

func (m *Model) exportCmd(format string) tea.Cmd {
	m.setStatus("exporting " + format + "…")
	export, d := m.export, m.data
	return func() tea.Msg {
		p, err := export(format, d)
		return exportedMsg{p, err}
	}
}

func errString(err error) string {
	if err == nil {
		return "no review file"
	}
	return err.Error()
}

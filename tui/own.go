package tui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
	"github.com/parallax-news/parallax/review"
)

// A finding of the reviewer's, recorded by hand: m marks words in one pane
// (the fact f selected there, else the search match n went to there, else
// the sentence at the top of the pane), j and k move the mark sentence by
// sentence, / searches (the match is then what m marks), tab goes to
// another pane where m marks the other side; enter
// asks the kind and a note, and records it in the review
// (review.Store.AddFinding). It is then shown, listed and exported like
// the engine's findings, with the pencil (✎) that says it is the
// reviewer's.

// ownKindKeys are the keys of the kinds a finding may have, in the order
// review.Kinds gives them: the initial, or the number.
var ownKindKeys = map[string]compare.Kind{"n": compare.KindNumber, "o": compare.KindOutcome, "q": compare.KindQuote,
	"t": compare.KindTime, "l": compare.KindList, "h": compare.KindHedging, "a": compare.KindAttribution}

// startMark enters the marking mode, marking the words of the focused pane.
func (m *Model) startMark() {
	if len(m.doc.sources) < 2 {
		m.setError("a finding needs two sources")
		return
	}
	m.mode = modeMark
	m.markHere()
}

// markHere marks the current words of the focused pane, in place of its
// mark (one a source).
func (m *Model) markHere() {
	sp, ok := m.currentSpan(m.focus)
	if !ok {
		m.setError("nothing to mark in " + m.doc.name(m.focus) + ": no paragraph is shown")
		return
	}
	m.setMark(sp)
}

func (m *Model) setMark(sp compare.Span) {
	m.marks = slices.DeleteFunc(m.marks, func(x compare.Span) bool { return x.Source == sp.Source })
	m.marks = append(m.marks, sp)
	m.setStatus(m.markLine())
}

// markLine says what is marked and what to do next.
func (m *Model) markLine() string {
	srcs := 0
	for _, sp := range m.marks {
		if _, ok := m.doc.srcIndex[sp.Source]; ok {
			srcs++
		}
	}
	what := "marked in " + plural(srcs, "source")
	if sp, ok := m.markOf(m.focus); ok {
		what += " · here: “" + shortText(m.spanText(sp), 40) + "”"
	}
	if srcs < 2 {
		return what + " · tab to another source, m marks there · / search · j/k move · x unmarks · esc drops"
	}
	return what + " · enter records the finding · m/j/k/x change · esc drops"
}

// markOf is the focused source's mark.
func (m *Model) markOf(si int) (compare.Span, bool) {
	id := m.doc.sources[si].art.ID
	for _, sp := range m.marks {
		if sp.Source == id {
			return sp, true
		}
	}
	return compare.Span{}, false
}

func (m *Model) spanText(sp compare.Span) string {
	si, ok := m.doc.srcIndex[sp.Source]
	if !ok || !m.doc.validSpan(si, sp) {
		return ""
	}
	return m.doc.sources[si].art.Paragraphs[sp.Paragraph].Text[sp.Start:sp.End]
}

// currentSpan is what m marks in a pane: the fact selected there, else
// the search match gone to there, else the sentence at the top.
func (m *Model) currentSpan(si int) (compare.Span, bool) {
	src := &m.doc.sources[si]
	if m.fact.src == si && m.fact.idx >= 0 && m.fact.idx < len(src.facts) {
		return src.facts[m.fact.idx].span, true
	}
	if m.matchIdx >= 0 && m.matchIdx < len(m.matches) && m.matches[m.matchIdx].src == si {
		mt := m.matches[m.matchIdx]
		return compare.Span{Source: src.art.ID, Paragraph: mt.para, Start: mt.start, End: mt.end}, true
	}
	p := m.ensureRows(si, m.textWidth())
	for i := p.offset; i < len(p.rows); i++ {
		if r := p.rows[i]; r.para >= 0 {
			return m.sentenceSpan(si, r.para, r.start), true
		}
	}
	return compare.Span{}, false
}

// sentences are a paragraph's sentences as spans, or the whole paragraph
// when the loader gave none (or gave ones that do not fit).
func sentences(p loader.Paragraph) []span {
	var out []span
	for _, s := range p.Sentences {
		if s.Start >= 0 && s.Start < s.End && s.End <= len(p.Text) {
			out = append(out, span{s.Start, s.End})
		}
	}
	if len(out) == 0 && p.Text != "" {
		out = append(out, span{0, len(p.Text)})
	}
	return out
}

// sentenceSpan is the sentence of a paragraph that holds a byte, or that
// follows it.
func (m *Model) sentenceSpan(si, para, off int) compare.Span {
	p := m.doc.sources[si].art.Paragraphs[para]
	ss := sentences(p)
	pick := span{0, len(p.Text)}
	for _, s := range ss {
		if off < s.end {
			pick = s
			break
		}
	}
	return compare.Span{Source: m.doc.sources[si].art.ID, Paragraph: para, Start: pick.start, End: pick.end}
}

// stepMark moves the focused source's mark to the next or previous
// sentence among the paragraphs shown, and keeps it in view.
func (m *Model) stepMark(dir int) {
	cur, ok := m.markOf(m.focus)
	if !ok {
		m.scroll(dir)
		return
	}
	si := m.focus
	type place struct {
		para int
		s    span
	}
	var all []place
	at := -1
	for pi, p := range m.doc.sources[si].art.Paragraphs {
		if !m.paragraphShown(si, pi, p.Kind) {
			continue
		}
		for _, s := range sentences(p) {
			if pi == cur.Paragraph && at < 0 && cur.Start < s.end {
				at = len(all)
				if dir < 0 && (s.start < cur.Start || s.end > cur.End) {
					at++ // a mark inside the sentence: k takes the sentence itself
				}
			}
			all = append(all, place{pi, s})
		}
	}
	if len(all) == 0 {
		return
	}
	if at < 0 {
		at = len(all) - 1
	}
	next := clamp(at+dir, 0, len(all)-1)
	sp := compare.Span{Source: cur.Source, Paragraph: all[next].para, Start: all[next].s.start, End: all[next].s.end}
	m.setMark(sp)
	p := m.ensureRows(si, m.textWidth())
	if r := p.rowOf(sp.Paragraph, sp.Start); r >= 0 && (r < p.offset || r >= p.offset+m.bodyHeight()-1) {
		m.scrollTo(si, sp.Paragraph, sp.Start)
	}
}

// markKey handles a key while words are marked: m marks, j/k move the
// mark, x unmarks, enter goes on to the kind, esc drops the marks; the
// keys that move about work as ever; the others say what to do.
func (m *Model) markKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case msg.String() == "ctrl+c":
		return tea.Quit
	case msg.String() == "esc":
		m.mode, m.marks = modeNormal, nil
		m.setStatus("marks dropped")
	case msg.String() == "enter":
		if len(m.marks) < 2 {
			m.setError("mark words in another source too: tab, then m")
			return nil
		}
		m.mode = modeKind
		m.setStatus(kindPrompt)
	case key.Matches(msg, k.Mark):
		m.markHere()
	case key.Matches(msg, k.Search):
		m.searchInMark = true
		m.openInput(modeSearch, m.query)
	case key.Matches(msg, k.Down):
		m.stepMark(1)
	case key.Matches(msg, k.Up):
		m.stepMark(-1)
	case msg.String() == "x":
		id := m.doc.sources[m.focus].art.ID
		m.marks = slices.DeleteFunc(m.marks, func(x compare.Span) bool { return x.Source == id })
		m.setStatus(m.markLine())
	case key.Matches(msg, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom, k.NextDisc, k.PrevDisc, k.NextTopic, k.PrevTopic,
		k.NextFact, k.PrevFact, k.NextMatch, k.PrevMatch, k.NextPane, k.PrevPane, k.PaneN, k.Sync, k.Topics, k.Overview, k.HideDim, k.Pair):
		m.mode = modeNormal
		cmd := m.handleKey(msg)
		m.mode = modeMark
		if m.status == "" {
			m.setStatus(m.markLine())
		}
		return cmd
	default:
		m.setStatus("marking words: " + m.markLine())
	}
	return nil
}

const kindPrompt = "kind of your finding: n number · o outcome · q quote · t time · l list · h hedging · a attribution · esc back"

// kindKey takes the finding's kind, then opens its note.
func (m *Model) kindKey(msg tea.KeyPressMsg) tea.Cmd {
	s := msg.String()
	if s == "ctrl+c" {
		return tea.Quit
	}
	kind, ok := ownKindKeys[s]
	if len(s) == 1 && s[0] >= '1' && int(s[0]-'1') < len(review.Kinds) {
		kind, ok = review.Kinds[s[0]-'1'], true
	}
	if !ok {
		m.mode = modeMark
		m.setStatus(m.markLine())
		return nil
	}
	m.ownKind = kind
	m.openInput(modeOwnNote, "")
	return nil
}

// recordOwn records the marked words as a finding of the reviewer's, with
// its kind and note, saves, and selects it.
func (m *Model) recordOwn(note string) tea.Cmd {
	if m.data.Store == nil {
		m.mode = modeMark
		m.setError("your finding cannot be saved: " + errString(m.data.StoreErr))
		return nil
	}
	id, err := m.data.Store.AddFinding(m.ownKind, m.marks, note, m.data.Articles, m.now())
	if err != nil {
		m.mode = modeMark
		m.setError("not recorded: " + cleanLine(err.Error()))
		return nil
	}
	m.mode, m.marks = modeNormal, nil
	m.undo = append(m.undo, undoStep{kind: undoOwnAdded, id: id})
	m.rebuild(m.engine, compare.Ref{})
	what := "your " + string(m.ownKind) + " finding recorded"
	if di := m.selectOwn(id); di >= 0 {
		what = cleanLine(m.doc.res.Discrepancies[di].ID) + ": " + what
	}
	return m.saveCmd(what)
}

// selectOwn selects the reviewer's finding of a record, and returns its
// index (-1 when it is not placed).
func (m *Model) selectOwn(id string) int {
	for di, d := range m.doc.res.Discrepancies {
		if !m.doc.own[di] {
			continue
		}
		if e, ok := m.data.Store.IsOwn(d); ok && e.ID == id {
			m.selectDiscrepancy(di)
			return di
		}
	}
	return -1
}

// forgetOwn takes back the selected finding of the reviewer's (u gives it
// back).
func (m *Model) forgetOwn() tea.Cmd {
	if m.disc < 0 || !m.doc.own[m.disc] {
		m.setError("select a finding of yours first (✎; ] and [ step to it)")
		return nil
	}
	return m.forgetOwnID(m.ownID(m.disc))
}

func (m *Model) ownID(di int) string {
	e, _ := m.data.Store.IsOwn(m.doc.res.Discrepancies[di])
	return e.ID
}

func (m *Model) forgetOwnID(id string) tea.Cmd {
	if err := m.data.Store.SetFindingRemoved(id, true, m.now()); err != nil {
		m.setError(cleanLine(err.Error()))
		return nil
	}
	m.undo = append(m.undo, undoStep{kind: undoOwnRemoved, id: id})
	m.disc, m.sides = -1, nil
	m.rebuild(m.engine, compare.Ref{})
	return m.saveCmd("your finding is taken back (u gives it back)")
}

// shortText cuts a text for a status line.
func shortText(s string, n int) string {
	s = cleanLine(s)
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

package tui

import tea "charm.land/bubbletea/v2"

// wheel scrolls the pane under the pointer (and the others with it when in
// step), or the topic list.
func (m *Model) wheel(ms tea.Mouse) {
	s := m.layout()
	if s.tooSmall {
		return
	}
	delta := 3
	if ms.Button == tea.MouseWheelUp {
		delta = -3
	} else if ms.Button != tea.MouseWheelDown {
		return
	}
	if m.showHelp {
		r := m.helpRect(s)
		m.helpTop = clamp(m.helpTop+delta, 0, m.helpMaxTop(r))
		return
	}
	if s.topics.contains(ms.X, ms.Y) {
		m.topicTop = clamp(m.topicTop+delta, 0, max(0, len(m.doc.res.Topics)-1))
		return
	}
	for i, r := range s.panes {
		if r.contains(ms.X, ms.Y) {
			m.focus = s.visible[i]
			m.scroll(delta)
			return
		}
	}
}

// click selects what is under the pointer: a marked span (its discrepancy or
// fact), a pane, a topic in the list, a cell of the overview strip, a source
// in the switcher.
func (m *Model) click(ms tea.Mouse) {
	if ms.Button != tea.MouseLeft {
		return
	}
	s := m.layout()
	if s.tooSmall || m.showHelp {
		return
	}
	switch {
	case s.overview.contains(ms.X, ms.Y):
		if si, t, ok := m.overviewCell(s.overview, ms.X, ms.Y); ok {
			m.focus = si
			m.selectTopic(t)
		}
		return
	case s.topics.contains(ms.X, ms.Y):
		if t := m.topicTop + ms.Y - s.topics.y - 1; ms.Y > s.topics.y && t < len(m.doc.res.Topics) {
			m.selectTopic(t)
		}
		return
	case s.switcher.contains(ms.X, ms.Y):
		if si := m.switcherHit(s.switcher.w, ms.X-s.switcher.x); si >= 0 {
			m.focusSource(si)
		}
		return
	}
	for i, r := range s.panes {
		if !r.contains(ms.X, ms.Y) {
			continue
		}
		si := s.visible[i]
		m.focus = si
		m.clickText(si, r, ms.X, ms.Y)
		return
	}
}

// clickText selects the mark under a click in a pane's text.
func (m *Model) clickText(si int, r rect, x, y int) {
	bodyTop := r.y + paneHeaderRows
	if m.topic >= 0 && !m.doc.cover[si][m.topic] {
		bodyTop++
	}
	p := m.ensureRows(si, r.w-gutterWidth)
	ri := p.offset + y - bodyTop
	if y < bodyTop || ri < 0 || ri >= len(p.rows) || p.rows[ri].para < 0 {
		return
	}
	rw := p.rows[ri]
	text := m.doc.sources[si].art.Paragraphs[rw.para].Text[rw.start:rw.end]
	col := x - r.x - gutterWidth
	if col < 0 {
		return
	}
	off := rw.start + cellToByte(text, col)
	if off >= rw.end {
		return
	}
	best := mark{kind: -1, disc: -1, fact: -1}
	for _, mk := range m.doc.sources[si].marks[rw.para] {
		if mk.start <= off && off < mk.end && mk.kind > best.kind && (mk.disc < 0 || m.discPasses(mk.disc)) {
			best = mk
		}
	}
	switch {
	case best.disc >= 0:
		m.selectDiscrepancy(best.disc)
	case best.fact >= 0:
		m.remember()
		m.fact, m.disc, m.why = selFact{si, best.fact}, -1, false
		m.setStatus("fact in " + m.doc.name(si) + ": " + m.doc.sources[si].facts[best.fact].label)
	}
}

package tui

import "slices"

// rect is a screen rectangle in cells.
type rect struct{ x, y, w, h int }

func (r rect) contains(x, y int) bool { return x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h }

// Sizes below which a part of the screen is left out or the screen refuses.
const (
	minWidth, minHeight = 40, 12 // smaller: "too small" instead of garbage
	minPaneWidth        = 34     // a pane narrower than this is not readable
	topicListWidth      = 30
	topicListMinWidth   = 130 // the topic list shows by default from this width
	overviewMinHeight   = 30  // the overview strip shows by default from this height
	paneHeaderRows      = 3
	gutterWidth         = 2
	maxOverviewRows     = 8
)

// screen is the layout for one window size: named rectangles, computed by a
// pure function of the size and what is shown, so that View and the mouse
// agree on where everything is.
type screen struct {
	tooSmall bool
	header   rect
	overview rect // h 0 when hidden
	topics   rect // w 0 when hidden
	body     rect // the topic list, the switcher and the panes
	switcher rect // h 0 unless one pane at a time
	panes    []rect
	visible  []int // the source shown in each pane
	detail   rect  // h 0 when closed
	status   rect
}

// layout places everything for the model's current state.
func (m *Model) layout() screen {
	var s screen
	if m.w < minWidth || m.h < minHeight {
		s.tooSmall = true
		return s
	}
	s.header = rect{0, 0, m.w, 1}
	s.status = rect{0, m.h - 1, m.w, 1}
	top, bottom := 1, m.h-1
	// The overview strip and the detail panel give way before the panes
	// become too short to read.
	const minBody = paneHeaderRows + 3
	if m.showOverview() && bottom-top-min(len(m.doc.sources), maxOverviewRows)-1 >= minBody {
		rows := len(m.doc.sources)
		if rows > maxOverviewRows {
			rows = maxOverviewRows
		}
		s.overview = rect{0, top, m.w, rows + 1}
		top += rows + 1
	}
	if h := m.detailHeight(bottom - top); h > 0 && bottom-top-h >= minBody-1 {
		s.detail = rect{0, bottom - h, m.w, h}
		bottom -= h
	}
	s.body = rect{0, top, m.w, bottom - top}
	left := 0
	if m.showTopics() {
		s.topics = rect{0, top, topicListWidth, bottom - top}
		left = topicListWidth + 1
	}
	area := rect{left, top, m.w - left, bottom - top}
	s.visible = m.visibleSources(area.w)
	if len(s.visible) == 1 && len(m.doc.sources) > 1 {
		s.switcher = rect{area.x, area.y, area.w, 1}
		area.y++
		area.h--
	}
	n := len(s.visible)
	if n == 0 {
		return s
	}
	// Every pane has the same width, so that one wrap of a source serves
	// every pane and the panes scroll in step; the cells left over stay
	// blank at the right edge.
	w := (area.w - (n - 1)) / n
	for i := range s.visible {
		s.panes = append(s.panes, rect{area.x + i*(w+1), area.y, w, area.h})
	}
	return s
}

// visibleSources picks the sources that get a pane in a width: as many as fit
// at a readable width, a window that always holds the focused one; in pair
// mode the two chosen ones. It reads the model and changes nothing: settle
// keeps the window where it was drawn.
func (m *Model) visibleSources(width int) []int {
	fit := (width + 1) / (minPaneWidth + 1)
	if fit < 1 {
		fit = 1
	}
	if m.pair {
		a, b := m.pairSides()
		if fit >= 2 && a != b {
			return []int{a, b}
		}
		return []int{m.focus}
	}
	n := len(m.doc.sources)
	if fit > n {
		fit = n
	}
	if sides := m.selectedSides(); len(sides) > 0 {
		return sidesInView(sides, m.focus, fit, n)
	}
	first := m.first
	if m.focus < first {
		first = m.focus
	}
	if m.focus >= first+fit {
		first = m.focus - fit + 1
	}
	first = clamp(first, 0, max(0, n-fit))
	out := make([]int, fit)
	for i := range out {
		out[i] = first + i
	}
	return out
}

// selectedSides are the selected finding's sources while the focus is on
// one of them, else nil.
func (m *Model) selectedSides() []int {
	if m.disc >= 0 && slices.Contains(m.sides, m.focus) {
		return m.sides
	}
	return nil
}

// sidesInView are the panes for a finding's sides in fit panes of n
// sources: as many sides as fit, the pair that disagrees first, the focused
// side always (tab steps through the sides); room left goes to the sources
// that follow. In source order, as the panes are.
func sidesInView(sides []int, focus, fit, n int) []int {
	out := slices.Clone(sides[:min(len(sides), fit)])
	if !slices.Contains(out, focus) {
		out[len(out)-1] = focus
	}
	for si := 0; len(out) < fit && si < n; si++ {
		if !slices.Contains(out, si) {
			out = append(out, si)
		}
	}
	slices.Sort(out)
	return out
}

// pairSides are the two sources of pair mode; a jump (a discrepancy, a
// match) that went to a source outside the pair puts it in the second side.
func (m *Model) pairSides() (int, int) {
	if m.focus != m.pairA && m.focus != m.pairB {
		return m.pairA, m.focus
	}
	return m.pairA, m.pairB
}

// settle keeps, after each message, what the layout derives from the state:
// the window of panes, the pair's sides, the topic list's scroll, the
// visible panes' wrapped text. View then only reads.
func (m *Model) settle() {
	if m.doc == nil || len(m.doc.sources) == 0 {
		return
	}
	if m.pair {
		m.pairA, m.pairB = m.pairSides()
	}
	if m.sides != nil && m.selectedSides() == nil {
		m.sides = nil // the focus left the finding's sources: panes follow it again
	}
	s := m.layout()
	if s.tooSmall {
		return
	}
	if !m.pair && m.sides == nil && len(s.visible) > 0 {
		m.first = s.visible[0]
	}
	m.topicTop = m.topicListTop(s.topics.h - 1)
	for i, si := range s.visible {
		m.ensureRows(si, s.panes[i].w-gutterWidth)
	}
}

// topicListTop is the first topic the list shows in rows lines: where it
// was, moved as little as keeps the selected topic in view.
func (m *Model) topicListTop(rows int) int {
	top := m.topicTop
	if rows <= 0 {
		return clamp(top, 0, max(0, len(m.doc.res.Topics)-1))
	}
	if m.topic >= 0 {
		if m.topic < top {
			top = m.topic
		} else if m.topic >= top+rows {
			top = m.topic - rows + 1
		}
	}
	return clamp(top, 0, max(0, len(m.doc.res.Topics)-rows))
}

func (m *Model) showTopics() bool {
	if m.topicsPref != 0 {
		return m.topicsPref > 0 && m.w >= topicListWidth+minPaneWidth+1
	}
	return m.w >= topicListMinWidth
}

func (m *Model) showOverview() bool {
	if m.overviewPref != 0 {
		return m.overviewPref > 0 && m.h >= minHeight+4
	}
	return m.h >= overviewMinHeight
}

// detailHeight is the detail panel's height given the room left: closed
// when nothing is selected, a quarter of the room, or most of it when
// enlarged.
func (m *Model) detailHeight(room int) int {
	if m.disc < 0 && m.fact.idx < 0 && !m.why && m.mode != modeSplit {
		return 0
	}
	h := room / 3
	if m.detailBig {
		h = room * 2 / 3
	}
	if h < 5 {
		h = 5
	}
	if h > room-4 {
		h = room - 4
	}
	if h < 3 {
		return 0
	}
	return h
}

package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/clipperhouse/displaywidth"
	"github.com/parallax-news/parallax/loader"
)

// row is one screen line of a pane's text: a byte range of one paragraph,
// or a blank line between paragraphs (para -1).
type row struct{ para, start, end int }

// pane is one source's scroll position and its text wrapped for one width.
// The wrap is cached per width and filter, so a key press re-wraps nothing.
type pane struct {
	offset int
	rows   []row
	key    paneKey
}

type paneKey struct {
	width  int
	hide   bool
	filter int
	gen    int // the review's generation, for the open-only filter
	valid  bool
}

// ensureRows wraps the source's paragraphs for a text width, unless the
// cache already holds them. Only Update calls it (settle, scrolling,
// clicks); View reads the cache through rowsFor.
func (m *Model) ensureRows(si, width int) *pane {
	p := &m.panes[si]
	k := m.paneKey(width)
	if p.key == k {
		return p
	}
	p.key = k
	p.rows = m.wrapRows(si, width, p.rows[:0])
	p.offset = clamp(p.offset, 0, len(p.rows)-1)
	return p
}

func (m *Model) paneKey(width int) paneKey {
	k := paneKey{width: width, hide: m.hideDim, filter: m.filter, valid: true}
	if m.filter == filterOpen {
		k.gen = m.reviewGen
	}
	return k
}

// rowsFor is a pane's wrapped text for drawing: the cache when it is for
// this width and filter (settle sees to it), else wrapped anew and not kept.
func (m *Model) rowsFor(si, width int) ([]row, int) {
	p := &m.panes[si]
	if p.key == m.paneKey(width) {
		return p.rows, p.offset
	}
	rows := m.wrapRows(si, width, nil)
	return rows, clamp(p.offset, 0, max(0, len(rows)-1))
}

// wrapRows wraps the shown paragraphs of a source into rows, appended to out.
func (m *Model) wrapRows(si, width int, out []row) []row {
	src := &m.doc.sources[si]
	for pi, para := range src.art.Paragraphs {
		if !m.paragraphShown(si, pi, para.Kind) {
			continue
		}
		if len(out) > 0 {
			out = append(out, row{para: -1})
		}
		for _, l := range wrapText(para.Text, width) {
			out = append(out, row{para: pi, start: l.start, end: l.end})
		}
	}
	return out
}

// paragraphShown applies the dim-hiding and the discrepancy filter.
func (m *Model) paragraphShown(si, pi int, k loader.Kind) bool {
	if m.hideDim && (k == loader.KindCaption || k == loader.KindBoilerplate) {
		return false
	}
	if m.filter == 0 {
		return true
	}
	for _, mk := range m.doc.sources[si].marks[pi] {
		if mk.disc >= 0 && m.discPasses(mk.disc) {
			return true
		}
	}
	return false
}

// rowOf finds the first row of a paragraph (and byte offset within it) in a
// wrapped pane, or -1 when the paragraph is not shown.
func (p *pane) rowOf(para, offset int) int {
	for i, r := range p.rows {
		if r.para == para && (offset < r.end || i+1 == len(p.rows) || p.rows[i+1].para != para) {
			return i
		}
	}
	return -1
}

// renderPane draws one source's pane into a rectangle.
func (m *Model) renderPane(si int, r rect, focused bool) []string {
	st := &m.st
	if r.h <= 0 || r.w <= gutterWidth {
		return nil
	}
	lines := make([]string, 0, r.h)
	lines = append(lines, m.paneHeader(si, r.w, focused)...)
	bodyH := r.h - paneHeaderRows
	if bodyH <= 0 {
		return lines[:r.h]
	}
	if m.topic >= 0 && !m.doc.cover[si][m.topic] {
		lines = append(lines, pad(st.notice.Render(ansi.Truncate("∅ nothing on topic "+cleanLine(m.doc.res.Topics[m.topic].ID+": "+m.doc.res.Topics[m.topic].Label), r.w, "…")), r.w))
		bodyH--
	}
	textW := r.w - gutterWidth
	rows, offset := m.rowsFor(si, textW)
	if len(rows) == 0 && bodyH > 0 {
		lines = append(lines, pad(st.notice.Render(ansi.Truncate("(no paragraph passes the filter)", r.w, "…")), r.w))
		bodyH--
	}
	for i := 0; i < bodyH; i++ {
		ri := offset + i
		if ri >= len(rows) || rows[ri].para < 0 {
			lines = append(lines, strings.Repeat(" ", r.w))
			continue
		}
		lines = append(lines, m.renderRow(si, rows[ri], textW))
	}
	return lines
}

// paneHeader is a pane's three header lines: the number, outlet and byline
// with the count of discrepancies; the title (or, said so, the text's first
// words); the date and the file. Each part cleaned and cut to the width.
func (m *Model) paneHeader(si, w int, focused bool) []string {
	st := &m.st
	n := m.doc.names[si]
	num := "[" + itoa(si+1) + "] "
	nameStyle := st.paneName
	if focused {
		nameStyle = st.paneNameFocused
		num = "▶" + num
	}
	right := ""
	if c := m.doc.sources[si].discs; c > 0 {
		right = " " + itoa(c) + "!"
	}
	room := max(1, w-ansi.StringWidth(right))
	var first string
	if n.outlet != "" {
		first = nameStyle.Render(ansi.Truncate(join(" · ", num+n.outlet, n.byline), room, "…"))
	} else {
		first = ansi.Truncate(nameStyle.Render(num)+st.notice.Render(join(" · ", "outlet not named", n.byline)), room, "…")
	}
	lines := []string{fitLeftRight(first, st.count.Render(right), w)}
	switch {
	case n.titled:
		lines = append(lines, pad(st.title.Render(ansi.Truncate(n.title, w, "…")), w))
	case n.title != "":
		lines = append(lines, pad(ansi.Truncate(st.notice.Render("no title: ")+n.title, w, "…"), w))
	default:
		lines = append(lines, pad(st.notice.Render("(no title)"), w))
	}
	// The date, with the source's place in the timeline when several are
	// dated: said in full where the file name still fits, else shortly.
	meta := "date unknown · " + n.file
	if n.date != "" {
		meta = n.date + " · " + n.file
		if m.doc.dated > 1 {
			nth := ordinal(m.doc.rank[si])
			meta = n.date + " (" + nth + " to publish) · " + n.file
			if ansi.StringWidth(meta) > w {
				meta = n.date + " (" + nth + ") · " + n.file
			}
		}
	}
	lines = append(lines, pad(st.paneMeta.Render(ansi.Truncate(meta, w, "…")), w))
	return lines
}

// renderRow draws one line of text with its marks and its gutter: a bar
// when the paragraph is in the selected topic, and the glyph of the
// strongest mark on the line.
func (m *Model) renderRow(si int, rw row, width int) string {
	st := &m.st
	para := m.doc.sources[si].art.Paragraphs[rw.para]
	text := para.Text
	base := st.plainSGR
	switch para.Kind {
	case loader.KindTitle, loader.KindSubheading:
		base = st.titleSGR
	case loader.KindCaption, loader.KindBoilerplate:
		base = st.dimSGR
	}
	marks := m.rowMarks(si, rw)
	var b strings.Builder
	b.Grow(width + 64)
	strongest := -1
	pos, w := rw.start, 0
	for pos < rw.end {
		k, next := topMark(marks, pos, rw.end)
		seg := cleanLine(text[pos:next]) // the loader cleaned it; the interface does not count on that
		style := base
		if k >= 0 {
			style = st.markSGR[k]
			strongest = max(strongest, k)
		}
		b.WriteString(style.on)
		b.WriteString(seg)
		b.WriteString(style.off)
		w += displaywidth.String(seg)
		pos = next
	}
	bar := " "
	if m.topic >= 0 && inTopic(m.doc.sources[si].topicsOf[rw.para], m.topic) {
		bar = st.topicBarCell
	}
	glyph := " "
	if strongest >= 0 {
		glyph = st.glyphCells[strongest]
	} else if para.Kind == loader.KindCaption || para.Kind == loader.KindBoilerplate {
		glyph = st.dimDot
	}
	line := bar + glyph + b.String()
	if w > width { // a grapheme wider than the line: cut it
		return pad(line, width+gutterWidth)
	}
	return line + spaces(width-w)
}

// spaces is n blanks, from one string for the common widths.
func spaces(n int) string {
	if n <= 0 {
		return ""
	}
	if n <= len(blanks) {
		return blanks[:n]
	}
	return strings.Repeat(" ", n)
}

var blanks = strings.Repeat(" ", 512)

// rowMarks lists the marks that touch a row, with the selection, the search
// matches and the filter applied.
func (m *Model) rowMarks(si int, rw row) []mark {
	var out []mark
	for _, mk := range m.doc.sources[si].marks[rw.para] {
		if mk.end <= rw.start || mk.start >= rw.end {
			continue
		}
		if mk.disc >= 0 && !m.discPasses(mk.disc) {
			continue
		}
		if (mk.disc >= 0 && mk.disc == m.disc) || (mk.fact >= 0 && m.fact.src == si && m.fact.idx == mk.fact) {
			mk.kind = markSelected
		}
		out = append(out, mk)
	}
	for _, mt := range m.matches {
		if mt.src == si && mt.para == rw.para && mt.end > rw.start && mt.start < rw.end {
			out = append(out, mark{start: mt.start, end: mt.end, kind: markSearch, disc: -1, fact: -1})
		}
	}
	if len(m.marks) > 0 {
		id := m.doc.sources[si].art.ID
		for _, sp := range m.marks {
			if sp.Source == id && sp.Paragraph == rw.para && sp.End > rw.start && sp.Start < rw.end {
				out = append(out, mark{start: sp.Start, end: sp.End, kind: markPending, disc: -1, fact: -1})
			}
		}
	}
	return out
}

// ordinal is 1st, 2nd, 3rd, 4th... 11th, 12th, 13th, 21st.
func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return itoa(n) + suffix
}

// topMark returns the strongest mark kind covering pos (or -1) and where
// the run of that kind ends.
func topMark(marks []mark, pos, end int) (int, int) {
	best := -1
	next := end
	for _, mk := range marks {
		if mk.start <= pos && pos < mk.end {
			if int(mk.kind) > best {
				best = int(mk.kind)
			}
			if mk.end < next {
				next = mk.end
			}
		} else if mk.start > pos && mk.start < next {
			next = mk.start
		}
	}
	return best, next
}

func inTopic(ts []int, t int) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// pad fills a styled line with spaces to exactly width cells, cutting it
// when longer, so that panes line up.
func pad(s string, width int) string {
	w := ansi.StringWidth(s)
	if w > width {
		// A wide character across the edge goes whole: a blank takes its
		// place.
		s = ansi.Truncate(s, width, "")
		w = ansi.StringWidth(s)
	}
	return s + spaces(width-w)
}

// fitLeftRight puts r at the right edge of l; when both do not fit, l is
// cut first, as long as a few cells of it stay.
func fitLeftRight(l, r string, width int) string {
	rw := ansi.StringWidth(r)
	gap := width - ansi.StringWidth(l) - rw
	if gap < 0 {
		if width-rw < 10 {
			return pad(l, width)
		}
		l = ansi.Truncate(l, width-rw, "…")
		gap = width - ansi.StringWidth(l) - rw
	}
	return l + strings.Repeat(" ", gap) + r
}

func clamp(v, lo, hi int) int {
	if v > hi {
		v = hi
	}
	if v < lo {
		v = lo
	}
	return v
}

package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/parallax-news/parallax/review"
)

// View draws the screen: only what is visible, from text wrapped once per
// width.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "parallax"
	return v
}

// render is the screen as a string, exactly m.w by m.h cells when the size
// is known.
func (m *Model) render() string {
	if m.w == 0 || m.h == 0 {
		return ""
	}
	if m.loading {
		return m.fill([]string{"", "  " + m.spin.View() + " loading and comparing the articles… (q quits)"})
	}
	if m.doc == nil {
		return m.fill(nil)
	}
	s := m.layout()
	if s.tooSmall {
		return m.fill([]string{
			ansi.Truncate("Terminal too small: "+itoa(m.w)+"x"+itoa(m.h), m.w, "…"),
			ansi.Truncate("parallax needs "+itoa(minWidth)+"x"+itoa(minHeight), m.w, "…"),
			ansi.Truncate("enlarge it, or q to quit", m.w, "…"),
		})
	}
	screen := make([]string, m.h)
	screen[0] = m.renderHeader()
	if s.overview.h > 0 {
		copy(screen[s.overview.y:], m.renderOverview(s.overview))
	}
	switch {
	case m.showHelp:
		r := m.helpRect(s)
		copy(screen[r.y:], m.renderHelp(r))
	case m.sheet != sheetNone:
		r := m.helpRect(s)
		copy(screen[r.y:], m.renderSheet(r))
	default:
		m.renderBody(screen, s)
		if s.detail.h > 0 {
			copy(screen[s.detail.y:], m.renderDetail(s.detail))
		}
	}
	screen[m.h-1] = m.renderStatus()
	for i := range screen {
		screen[i] = exact(screen[i], m.w) // each part pads its own lines
	}
	return strings.Join(screen, "\n")
}

// renderBody draws the topic list, the switcher and the panes side by side.
func (m *Model) renderBody(screen []string, s screen) {
	var list []string
	if s.topics.w > 0 {
		list = m.renderTopicList(s.topics)
	}
	paneLines := make([][]string, len(s.visible))
	for i, si := range s.visible {
		paneLines[i] = m.renderPane(si, s.panes[i], si == m.focus)
	}
	// Every part's lines are exactly its width (the tests hold each frame to
	// it), so a body line is put together without measuring it again.
	sep := m.st.sep.Render("│")
	for y := 0; y < s.body.h; y++ {
		var b strings.Builder
		used := 0
		if s.topics.w > 0 {
			b.WriteString(exact(line(list, y), s.topics.w))
			b.WriteString(sep)
			used += s.topics.w + 1
		}
		if s.switcher.h > 0 && y == 0 {
			b.WriteString(m.renderSwitcher(s.switcher.w))
			used += s.switcher.w
		} else {
			for i := range paneLines {
				if i > 0 {
					b.WriteString(sep)
					used++
				}
				b.WriteString(exact(line(paneLines[i], s.body.y+y-s.panes[i].y), s.panes[i].w))
				used += s.panes[i].w
			}
		}
		b.WriteString(spaces(m.w - used))
		screen[s.body.y+y] = b.String()
	}
}

// exact is a line that is its width already, or blank when missing.
func exact(l string, w int) string {
	if l == "" {
		return spaces(w)
	}
	return l
}

func line(lines []string, i int) string {
	if i >= 0 && i < len(lines) {
		return lines[i]
	}
	return ""
}

func (m *Model) renderHeader() string {
	open, confirmed, dismissed := m.verdicts[review.Open], m.verdicts[review.Confirmed], m.verdicts[review.Dismissed]
	sample := ""
	if m.data.Sample {
		sample = "sample · "
	}
	h := " parallax · " + sample + plural(len(m.doc.sources), "source") + " · " + plural(len(m.doc.res.Topics), "topic") +
		" · " + plural(len(m.doc.res.Discrepancies), "discrepancy") + ": " + itoa(open) + " open, " +
		itoa(confirmed) + " confirmed, " + itoa(dismissed) + " dismissed"
	// Each flag in words, and shortly for a narrow terminal, where the
	// counts of the left need the room.
	type flag struct{ long, short string }
	var flags []flag
	add := func(long, short string) { flags = append(flags, flag{long, short}) }
	// A failed save first, so that no cut hides it: the status line's
	// message gives way to the next key's, this flag stays until a save
	// succeeds.
	if m.saveErr != "" {
		add(notSavedFlag, notSavedFlag)
	}
	if m.recomputing {
		add("re-comparing…", "re-comparing…")
	}
	if n := m.counts.own; n > 0 {
		add("✎ "+itoa(n)+" yours", "✎"+itoa(n))
	}
	if n := m.counts.fixes; n > 0 {
		add(plural(n, "topic fix", "topic fixes"), plural(n, "fix", "fixes"))
	}
	if n := m.counts.excluded; n > 0 {
		add(itoa(n)+" left out", itoa(n)+" out")
	}
	if n := m.counts.orphans; n > 0 {
		add(itoa(n)+" orphaned", itoa(n)+" orphan")
	}
	if n := m.counts.changes; n > 0 {
		add(plural(n, "article")+" changed", itoa(n)+" changed")
	}
	if m.filter > 0 {
		add("filter: "+m.filterName(), m.filterName())
	}
	if m.sync {
		add("sync", "sync")
	}
	if m.pair {
		add("pair", "pair")
	}
	if m.hideDim {
		add("captions hidden", "no captions")
	}
	join := func(short bool) string {
		parts := make([]string, len(flags))
		for i, f := range flags {
			parts[i] = f.long
			if short {
				parts[i] = f.short
			}
		}
		return ansi.Truncate(cleanLine(strings.Join(parts, " · ")), m.w/2, "…") + " "
	}
	right := join(false)
	if ansi.StringWidth(h) > m.w-ansi.StringWidth(right)-1 {
		h = " parallax · " + sample + itoa(len(m.doc.sources)) + " src · " + plural(len(m.doc.res.Topics), "topic") + " · " +
			itoa(len(m.doc.res.Discrepancies)) + " disc: " + itoa(open) + " open " + itoa(confirmed) + " ✔ " + itoa(dismissed) + " ✘"
		if ansi.StringWidth(h) > m.w-ansi.StringWidth(right)-1 {
			right = join(true)
		}
	}
	return m.st.header.Render(fitLeftRight(ansi.Truncate(h, m.w, "…"), right, m.w))
}

// switchItem is one source's label in the switcher: its text and where it
// starts in the full row, in cells.
type switchItem struct {
	label string
	x, w  int
}

const switcherSep = " │ "

// switcherRow lays out the switcher for a width: the labels of the full row,
// and how many cells are cut from its left to keep the focused name in
// view (0 when nothing is cut; the cut cells give way to "…"). Drawing and
// clicks read the same layout.
func (m *Model) switcherRow(width int) ([]switchItem, int) {
	items := make([]switchItem, len(m.doc.sources))
	x := 0
	for si := range m.doc.sources {
		mark := " "
		if si == m.focus {
			mark = "▶"
		}
		l := mark + itoa(si+1) + " " + m.doc.names[si].shortIn(18)
		items[si] = switchItem{label: l, x: x, w: ansi.StringWidth(l)}
		x += items[si].w + ansi.StringWidth(switcherSep)
	}
	total := x - ansi.StringWidth(switcherSep)
	cut := 0
	if total > width && len(items) > 0 {
		if left := items[m.focus].x; left > width/2 {
			cut = left - width/3
		}
	}
	return items, cut
}

// renderSwitcher is the row of source names shown when one pane fits.
func (m *Model) renderSwitcher(width int) string {
	items, cut := m.switcherRow(width)
	parts := make([]string, len(items))
	for si, it := range items {
		if si == m.focus {
			parts[si] = m.st.itemSelected.Render(it.label)
		} else {
			parts[si] = m.st.item.Render(it.label)
		}
	}
	all := strings.Join(parts, m.st.sep.Render(switcherSep))
	if cut > 0 {
		all = ansi.TruncateLeft(all, cut, "…")
	}
	return pad(all, width)
}

// switcherHit is the source whose label is under column x of the switcher,
// or -1 (a separator, the cut mark, past the end).
func (m *Model) switcherHit(width, x int) int {
	items, cut := m.switcherRow(width)
	if cut > 0 {
		if x == 0 {
			return -1 // the "…" of the cut
		}
		x += cut - 1
	}
	for si, it := range items {
		if x >= it.x && x < it.x+it.w {
			return si
		}
	}
	return -1
}

// renderOverview is the coverage strip: a row a source, a column a topic;
// "!" the source disagrees there, "●" it covers the topic, "·" it does not.
func (m *Model) renderOverview(r rect) []string {
	st := &m.st
	g := m.overviewGrid(r)
	labelW, cols, first, nt := g.labelW, g.cols, g.firstTopic, len(m.doc.res.Topics)
	title := "coverage: ● covers  ! disagrees  · silent"
	if m.topic >= 0 {
		title += "  ┃ " + cleanLine(m.doc.res.Topics[m.topic].ID+" "+m.doc.res.Topics[m.topic].Label)
	}
	lines := []string{fitLeftRight(st.paneMeta.Render(ansi.Truncate(title, r.w, "…")), st.label.Render(m.overviewCut(g)), r.w)}
	rows, firstSrc := g.rows, g.firstSrc
	for si := firstSrc; si < firstSrc+rows && si < len(m.doc.sources); si++ {
		num := itoa(si+1) + " "
		name := num + m.doc.names[si].shortIn(labelW-len(num))
		ns := st.paneMeta
		if si == m.focus {
			ns = st.paneName
		}
		var b strings.Builder
		b.WriteString(pad(ns.Render(name), labelW) + " ")
		for t := first; t < nt && t < first+cols; t++ {
			c := cellNone
			if m.doc.disagree[si][t] {
				c = cellDisagree
			} else if m.doc.cover[si][t] {
				c = cellCover
			}
			sel := 0
			if t == m.topic {
				sel = 1
			}
			b.WriteString(st.cells[c][sel])
		}
		lines = append(lines, pad(b.String(), r.w))
	}
	return lines
}

// overviewCut says which part of the grid the strip shows when it cannot
// show all of it, "" when it shows all.
func (m *Model) overviewCut(g overviewGrid) string {
	nt, ns := len(m.doc.res.Topics), len(m.doc.sources)
	var parts []string
	if nt > g.cols {
		parts = append(parts, "topics "+itoa(g.firstTopic+1)+"-"+itoa(min(nt, g.firstTopic+g.cols))+" of "+itoa(nt))
	}
	if ns > g.rows {
		parts = append(parts, "sources "+itoa(g.firstSrc+1)+"-"+itoa(min(ns, g.firstSrc+g.rows))+" of "+itoa(ns))
	}
	if len(parts) == 0 {
		return ""
	}
	return " ◂▸ " + strings.Join(parts, ", ") + " "
}

// overviewGrid is what part of the strip's grid a rectangle shows: a
// window of topics around the selected one, of sources around the focused.
type overviewGrid struct{ labelW, cols, firstTopic, rows, firstSrc int }

func (m *Model) overviewGrid(r rect) overviewGrid {
	g := overviewGrid{labelW: min(30, r.w/4), rows: r.h - 1}
	g.cols = r.w - g.labelW - 1
	if nt := len(m.doc.res.Topics); nt > g.cols && m.topic >= 0 {
		g.firstTopic = clamp(m.topic-g.cols/2, 0, nt-g.cols)
	}
	if n := len(m.doc.sources); n > g.rows {
		g.firstSrc = clamp(m.focus-g.rows/2, 0, n-g.rows)
	}
	return g
}

// overviewCell maps a click in the strip to a source and topic.
func (m *Model) overviewCell(r rect, x, y int) (int, int, bool) {
	g := m.overviewGrid(r)
	si, t := g.firstSrc+y-r.y-1, g.firstTopic+x-g.labelW-1
	if y == r.y || si >= len(m.doc.sources) || t < 0 || t >= len(m.doc.res.Topics) || t >= g.firstTopic+g.cols {
		return 0, 0, false
	}
	return si, t, true
}

// renderTopicList is the sidebar: a topic a line with its coverage and
// discrepancy count; the selected one stays in view.
func (m *Model) renderTopicList(r rect) []string {
	st := &m.st
	lines := []string{pad(st.label.Render("topics ({ }) · "+itoa(len(m.doc.res.Topics))), r.w)}
	for t := m.topicListTop(r.h - 1); t < len(m.doc.res.Topics) && len(lines) < r.h; t++ {
		tp := m.doc.res.Topics[t]
		count := ""
		if n := len(m.doc.topicDiscs[t]); n > 0 {
			count = " " + itoa(n) + "!"
		}
		cov := " " + itoa(len(tp.Sources)) + "/" + itoa(len(m.doc.sources))
		label := cleanLine(tp.ID + " " + tp.Label)
		mark := "  "
		style := st.item
		if t == m.topic {
			mark, style = "▸ ", st.itemSelected
		}
		body := ansi.Truncate(mark+label, r.w-ansi.StringWidth(cov+count), "…")
		lines = append(lines, fitLeftRight(style.Render(body), st.paneMeta.Render(cov)+st.count.Render(count), r.w))
	}
	return lines
}

func (m *Model) renderStatus() string {
	switch m.mode {
	case modeSearch:
		return pad(m.inputProblem()+m.st.key.Render("search: ")+m.input.View(), m.w)
	case modeNote:
		return pad(m.inputProblem()+m.st.key.Render("note for "+cleanLine(m.noteD.ID)+" (enter saves, esc cancels): ")+m.input.View(), m.w)
	case modeEvidence:
		prompt := "evidence link for " + cleanLine(m.noteD.ID) + " (http or https; enter saves, empty removes, esc cancels): "
		if m.inputErr != "" {
			return pad(m.st.statusErr.Render(m.inputErr+" · ")+m.st.key.Render("link: ")+m.input.View(), m.w)
		}
		return pad(m.st.key.Render(prompt)+m.input.View(), m.w)
	case modeOwnNote:
		return pad(m.inputProblem()+m.st.key.Render("note on your "+string(m.ownKind)+" finding (enter records it, esc goes back): ")+m.input.View(), m.w)
	}
	msg, isErr := m.status, m.statusErr
	if msg == "" {
		msg, isErr = m.idleStatus()
	}
	style := m.st.status
	if isErr {
		style = m.st.statusErr
	} else if strings.HasPrefix(msg, "✓") {
		style = m.st.statusOK
	}
	hint := m.st.paneMeta.Render(" ? help · q quit")
	if m.saveErr != "" && msg != m.saveErr {
		// Another message stands: the failure stays in view beside it.
		hint = m.st.statusErr.Render(" "+notSavedFlag) + m.st.paneMeta.Render(" ·") + hint
	}
	return fitLeftRight(style.Render(ansi.Truncate(cleanLine(msg), m.w-ansi.StringWidth(hint)-1, "…")), hint, m.w)
}

// helpLines is the help view's text for a width: every key, then the
// legend of the marks.
func (m *Model) helpLines(w int) []string {
	h := m.help // a copy: drawing changes no state
	h.ShowAll = true
	h.SetWidth(0) // no cut: the rows below are chosen to fit
	lines := []string{m.st.detailTitle.Render("keys") + m.st.paneMeta.Render("  (j/k, space/b scroll · any other key closes)"), ""}
	// Key groups side by side, as many to a row as fit without cutting one.
	groups := m.keys.FullHelp()
	width := func(gs [][]key.Binding) int {
		n := 0
		for _, l := range strings.Split(h.FullHelpView(gs), "\n") {
			n = max(n, ansi.StringWidth(l))
		}
		return n
	}
	for i := 0; i < len(groups); {
		j := i + 1
		for j < len(groups) && width(groups[i:j+1]) <= w {
			j++
		}
		if i > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, strings.Split(h.FullHelpView(groups[i:j]), "\n")...)
		i = j
	}
	lines = append(lines, "", m.st.detailTitle.Render("legend"))
	legend := []struct {
		k    markKind
		text string
	}{
		{markSelected, "the selected discrepancy or fact"},
		{markSearch, "a search match"},
		{markDisc, "a claim in a discrepancy"},
		{markOwn, "a claim in a finding of yours (m records one)"},
		{markPending, "words marked for a finding being recorded"},
		{markQuote, "a quotation"},
		{markUnique, "a fact only this source reports"},
		{markAgree, "a fact several sources state alike"},
	}
	for _, l := range legend {
		lines = append(lines, " "+m.st.marks[l.k].Render(m.st.glyphs[l.k]+" sample")+"  "+l.text)
	}
	lines = append(lines,
		" "+m.st.topicBar.Render("┃")+"         a paragraph of the selected topic",
		" "+m.st.dim.Render("· caption")+" a caption or boilerplate, dimmed (H hides)",
		" overview: ● covers the topic, ! disagrees, · silent; click a cell to jump")
	return lines
}

// helpRect is where the help view goes: between the overview and the
// status line.
func (m *Model) helpRect(s screen) rect {
	y := s.overview.y + s.overview.h
	if s.overview.h == 0 {
		y = 1
	}
	return rect{0, y, m.w, max(0, m.h-1-y)}
}

// helpMaxTop is the last first line of the help view for a height: one
// line stays for the "more" mark.
func (m *Model) helpMaxTop(r rect) int {
	n := len(m.helpLines(r.w))
	if n <= r.h {
		return 0
	}
	return n - (r.h - 1)
}

// renderHelp is the help view, scrolled to helpTop; when it does not fit,
// its last line says what is left and how to scroll.
func (m *Model) renderHelp(r rect) []string {
	lines := m.helpLines(r.w)
	top := clamp(m.helpTop, 0, m.helpMaxTop(r))
	out := make([]string, 0, r.h)
	rows := r.h
	cut := len(lines) > r.h
	if cut {
		rows = r.h - 1
	}
	for i := top; i < len(lines) && len(out) < rows; i++ {
		out = append(out, pad(lines[i], r.w))
	}
	if cut {
		more := "lines " + itoa(top+1) + "-" + itoa(top+len(out)) + " of " + itoa(len(lines)) + " · j/k scroll"
		out = append(out, pad(m.st.paneMeta.Render(ansi.Truncate(more, r.w, "…")), r.w))
	}
	return out
}

// inputProblem is what went wrong with the line being written (a paste
// cut short), in the error style before its prompt, or nothing.
func (m *Model) inputProblem() string {
	if m.inputErr == "" {
		return ""
	}
	return m.st.statusErr.Render(m.inputErr + " · ")
}

// notSavedFlag marks the header and the status line while the last save
// failed: "saved" was not true, and the reviewer must know until it is.
const notSavedFlag = "NOT SAVED"

// idleStatus is the status line when no message stands: a failed save
// until one succeeds, else what is selected, else the summary.
func (m *Model) idleStatus() (string, bool) {
	switch {
	case m.saveErr != "":
		return m.saveErr, true
	case m.disc >= 0:
		return m.discLine(m.disc), false
	}
	return m.summary(), false
}

func (m *Model) fill(lines []string) string {
	out := make([]string, m.h)
	for i := range out {
		out[i] = pad(line(lines, i), m.w)
	}
	return strings.Join(out, "\n")
}

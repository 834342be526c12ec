package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
)

// The sheets take the place of the panes: the fact table (T), the review
// (R: articles changed, warnings, topic fixes, the reviewer's findings,
// verdicts that match no finding) and the timeline (P). j/k move the
// cursor, enter goes to what is under it in the panes, esc or the sheet's
// key closes it. The rows are shown a page at a time, so that drawing
// derives everything from the cursor.

// sheetLine is one line of the review or timeline sheet, and what enter
// or d does on it.
type sheetLine struct {
	text  string // drawn as it is: built from cleaned strings and styles
	fix   string // a topic fix's id: d undoes it
	says  string
	own   string // a finding of the reviewer's: its record id; d takes it back
	disc  int    // a finding to show with enter, -1 none
	src   int    // a source to focus with enter, -1 none
	title bool   // a section's title
}

// openSheet shows a sheet, or closes it when it is the one shown.
func (m *Model) openSheet(k sheetKind) {
	if m.sheet == k {
		m.sheet = sheetNone
		return
	}
	m.sheet, m.sheetRow, m.sheetCol = k, 0, max(0, m.focus)
	if k == sheetTable && len(m.doc.table) == 0 {
		m.setStatus("the fact table is empty: the engine keyed no fact")
	}
	if k == sheetReview {
		// Start on the first line that can be acted on.
		for i, l := range m.reviewLines() {
			if l.fix != "" || l.own != "" {
				m.sheetRow = i
				break
			}
		}
	}
}

// sheetBody is how many rows of a sheet fit under its title (and, for the
// table, its column heads and the cell's detail).
func (m *Model) sheetBody(r rect) int {
	if m.sheet == sheetTable {
		return max(1, r.h-5)
	}
	return max(1, r.h-1)
}

func (m *Model) sheetLen() int {
	switch m.sheet {
	case sheetTable:
		return len(m.doc.table)
	case sheetReview:
		return len(m.reviewLines())
	case sheetTimeline:
		return len(m.doc.timeline)
	}
	return 0
}

// sheetKey moves in a sheet and acts on its cursor.
func (m *Model) sheetKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	r := m.helpRect(m.layout())
	n, page := m.sheetLen(), m.sheetBody(r)
	move := func(d int) { m.sheetRow = clamp(m.sheetRow+d, 0, max(0, n-1)) }
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case msg.String() == "esc":
		m.sheet = sheetNone
	case key.Matches(msg, k.Table):
		m.openSheet(sheetTable)
	case key.Matches(msg, k.Review):
		m.openSheet(sheetReview)
	case key.Matches(msg, k.Timeline):
		m.openSheet(sheetTimeline)
	case key.Matches(msg, k.Help):
		m.showHelp, m.helpTop = true, 0
	case key.Matches(msg, k.Down):
		move(1)
	case key.Matches(msg, k.Up):
		move(-1)
	case key.Matches(msg, k.PageDown, k.HalfDown):
		move(page)
	case key.Matches(msg, k.PageUp, k.HalfUp):
		move(-page)
	case key.Matches(msg, k.Top):
		m.sheetRow = 0
	case key.Matches(msg, k.Bottom):
		m.sheetRow = max(0, n-1)
	case m.sheet == sheetTable && key.Matches(msg, k.NextPane):
		m.sheetCol = min(m.sheetCol+1, len(m.doc.sources)-1)
	case m.sheet == sheetTable && key.Matches(msg, k.PrevPane):
		m.sheetCol = max(m.sheetCol-1, 0)
	case msg.String() == "enter":
		return m.sheetEnter()
	case msg.String() == "d" && m.sheet == sheetReview:
		ls := m.reviewLines()
		if m.sheetRow >= len(ls) {
			return nil
		}
		switch l := ls[m.sheetRow]; {
		case l.fix != "":
			return m.undoFix(l.fix, l.says)
		case l.own != "":
			return m.forgetOwnID(l.own)
		}
		m.setStatus("nothing to undo on this line: d undoes a topic fix or takes back a finding of yours")
	case key.Matches(msg, k.Undo):
		return m.undoLast()
	default:
		m.setStatus("j/k move · enter shows it · esc closes")
	}
	return nil
}

// sheetEnter goes to what is under the cursor: a claim of the table, a
// finding, a source.
func (m *Model) sheetEnter() tea.Cmd {
	switch m.sheet {
	case sheetTable:
		if m.sheetRow >= len(m.doc.table) || m.sheetCol >= len(m.doc.sources) {
			return nil
		}
		tr := m.doc.table[m.sheetRow]
		si := m.sheetCol
		if len(tr.cells[si]) == 0 {
			m.setStatus(m.doc.name(si) + " does not answer “" + tr.label + "”")
			return nil
		}
		m.sheet = sheetNone
		m.showFact(si, m.doc.res.Facts[tr.cells[si][0]].Span)
	case sheetReview:
		ls := m.reviewLines()
		if m.sheetRow < len(ls) {
			switch l := ls[m.sheetRow]; {
			case l.disc >= 0:
				m.sheet = sheetNone
				m.selectDiscrepancy(l.disc)
			case l.src >= 0:
				m.sheet = sheetNone
				m.focusSource(l.src)
			}
		}
	case sheetTimeline:
		if m.sheetRow < len(m.doc.timeline) {
			m.sheet = sheetNone
			m.focusSource(m.doc.timeline[m.sheetRow])
		}
	}
	return nil
}

// showFact focuses a source and selects its fact at a span, scrolled into
// view.
func (m *Model) showFact(si int, sp compare.Span) {
	m.remember()
	m.focus, m.disc, m.sides, m.why = si, -1, nil, false
	for fi, f := range m.doc.sources[si].facts {
		if f.span == sp {
			m.fact = selFact{si, fi}
			m.setStatus("fact in " + m.doc.name(si) + ": " + f.label)
			break
		}
	}
	if ts := m.doc.sources[si].topicsOf[sp.Paragraph]; len(ts) > 0 {
		m.topic = ts[0]
	}
	m.scrollTo(si, sp.Paragraph, sp.Start)
}

// renderSheet draws the sheet shown.
func (m *Model) renderSheet(r rect) []string {
	var lines []string
	switch m.sheet {
	case sheetTable:
		lines = m.renderTable(r)
	case sheetReview:
		lines = m.renderLines(r, "review · "+plural(m.counts.fixes, "topic fix", "topic fixes")+", "+plural(m.counts.own, "finding")+" of yours, "+
			plural(m.counts.orphans, "verdict")+" matching no finding · enter shows · d undoes · esc closes", m.reviewLines())
	case sheetTimeline:
		lines = m.renderLines(r, "timeline · who published first, from the dates the articles give · enter focuses · esc closes", m.timelineLines())
	}
	out := make([]string, r.h)
	for i := range out {
		out[i] = pad(line(lines, i), r.w)
	}
	return out
}

// renderLines draws a list sheet a page at a time, the cursor's line
// marked.
func (m *Model) renderLines(r rect, title string, ls []sheetLine) []string {
	st := &m.st
	out := []string{st.detailTitle.Render(ansi.Truncate(title, r.w, "…"))}
	page := m.sheetBody(r)
	top := (m.sheetRow / page) * page
	for i := top; i < len(ls) && i < top+page; i++ {
		l := ls[i]
		mark := "  "
		text := l.text
		switch {
		case i == m.sheetRow:
			mark = "▶ "
			text = st.sheetCursor.Render(ansi.Strip(text))
		case l.title:
			text = st.label.Render(text)
		}
		out = append(out, ansi.Truncate(mark+text, r.w, "…"))
	}
	if len(ls) > page {
		out = append(out[:min(len(out), r.h-1)], st.paneMeta.Render("lines "+itoa(top+1)+"-"+itoa(min(len(ls), top+page))+" of "+itoa(len(ls))+" · j/k, space/b"))
	}
	return out
}

// reviewLines are the review sheet's lines: what changed, the warnings,
// the sources left out, the topic fixes, the reviewer's findings, the
// verdicts that match no finding.
func (m *Model) reviewLines() []sheetLine {
	st := m.data.Store
	var ls []sheetLine
	add := func(l sheetLine) { ls = append(ls, l) }
	title := func(s string) { add(sheetLine{text: s, title: true, disc: -1, src: -1}) }
	text := func(s string) { add(sheetLine{text: "  " + s, disc: -1, src: -1}) }
	if st == nil {
		title("no review: " + cleanLine(errString(m.data.StoreErr)))
	} else {
		state := "saved"
		switch {
		case m.saveErr != "":
			state = m.saveErr
		case st.Unsaved():
			state = "saving…"
		}
		title("review file " + cleanLine(st.Path) + " · " + state)
	}
	if cs := st.Changes(); len(cs) > 0 {
		title("articles changed since the review")
		for _, c := range cs {
			text(m.doc.nameOfID(c.Source) + ": " + cleanLine(c.What))
		}
	}
	if ws := append(append([]string{}, m.data.Warnings...), st.Warnings()...); len(ws) > 0 || len(m.data.Errors) > 0 {
		title("warnings")
		for _, e := range m.data.Errors {
			text("not loaded: " + cleanLine(e))
		}
		for _, w := range m.data.Warnings {
			text(cleanLine(w)) // the loader's and the engine's: each names its article
		}
		for _, w := range st.Warnings() {
			text("review file: " + cleanLine(w))
		}
	}
	fixes := st.Fixes(m.data.Articles)
	title("topic fixes (" + itoa(len(fixes)) + ") · d undoes one")
	if len(fixes) == 0 {
		text("none: p fixes the topics (move a paragraph, split, join, leave a source out)")
	}
	for _, f := range fixes {
		s := cleanLine(string(f.Op)) + ": " + cleanLine(f.Says) + " · " + plural(len(f.Pins), "pin")
		if f.Unapplied > 0 {
			s += ", " + itoa(f.Unapplied) + " not applied: the paragraph is gone"
		}
		add(sheetLine{text: "  " + s, fix: f.ID, says: cleanLine(f.Says), disc: -1, src: -1})
	}
	if ex := m.doc.res.Excluded; len(ex) > 0 {
		title("left out of the comparison (undo its fix above to bring it back)")
		for _, id := range ex {
			text(m.leftOutName(id))
		}
	}
	own := st.Own()
	title("findings of yours (" + itoa(len(own)) + ") · enter shows · d takes back")
	if len(own) == 0 {
		text("none: m marks words in one pane, then in another; enter records")
	}
	for _, e := range own {
		var where []string
		for _, c := range e.Claims {
			where = append(where, m.doc.nameOfID(c.Source)+" ¶"+itoa(c.Paragraph))
		}
		l := sheetLine{own: e.ID, disc: -1, src: -1}
		if e.Finding == "" {
			l.text = "  ✎ not placed · " + cleanLine(string(e.Kind)) + ": " + cleanLine(e.Problem)
		} else {
			for di, d := range m.doc.res.Discrepancies {
				if m.doc.own[di] && d.ID == e.Finding {
					l.disc = di
					l.text = "  ✎ " + cleanLine(d.ID) + " " + cleanLine(string(d.Kind)) + ": " + cleanLine(d.Summary)
				}
			}
		}
		l.text += " · " + strings.Join(where, ", ")
		add(l)
	}
	orphans := st.Orphans()
	title("verdicts that match no finding (" + itoa(len(orphans)) + "), kept in the review")
	for _, o := range orphans {
		s := cleanLine(o.ID) + " " + cleanLine(string(o.Kind)) + " · " + string(o.Status)
		if o.Right != "" {
			s += ", " + m.rightName(o.Right)
		}
		text(s + ": " + cleanLine(o.Summary))
		// Under it, what the reviewer wrote, then the words it was about:
		// the line is cut at the sheet's width, the note is kept first.
		var sub []string
		if o.Note != "" {
			sub = append(sub, "note: "+cleanLine(o.Note))
		}
		if o.Evidence != "" {
			sub = append(sub, "evidence: "+cleanLine(o.Evidence))
		}
		for _, c := range o.Claims {
			sub = append(sub, "“"+shortText(c.Words, 30)+"” ("+m.doc.nameOfID(c.Source)+")")
		}
		if len(sub) > 0 {
			text("  " + strings.Join(sub, " · "))
		}
	}
	return ls
}

// leftOutName names a source left out of the comparison, which has no
// pane and so no name of the interface's: its outlet, title (else its
// first words) and file, as the article gives them.
func (m *Model) leftOutName(id string) string {
	for _, a := range m.data.Articles {
		if a.ID != id {
			continue
		}
		what := cleanLine(a.Title)
		if what == "" && len(a.Paragraphs) > 0 {
			what = "“" + shortText(a.Paragraphs[0].Text, 40) + "”"
		}
		if a.Source != "" && a.Source != a.ID {
			what = join(" · ", cleanLine(a.Source), what)
		}
		return join(" · ", what, cleanLine(a.ShownPath()))
	}
	return cleanLine(id)
}

// timelineLines are the sources in publication order, with how long after
// the first each came.
func (m *Model) timelineLines() []sheetLine {
	var ls []sheetLine
	var first loader.Dateline
	for _, si := range m.doc.timeline {
		a := m.doc.sources[si].art
		n := m.doc.names[si]
		s := ""
		switch {
		case m.doc.rank[si] == 0:
			s = " –  date unknown"
		case first.IsZero():
			first = a.Published
			s = pad(itoa(m.doc.rank[si])+".", 4) + n.date + " · first"
		default:
			s = pad(itoa(m.doc.rank[si])+".", 4) + n.date + " · " + sinceFirst(first, a.Published)
		}
		s += " · [" + itoa(si+1) + "] " + n.short
		if n.byline != "" && !strings.Contains(n.short, n.byline) {
			s += " · " + n.byline
		}
		ls = append(ls, sheetLine{text: s, disc: -1, src: si})
	}
	return ls
}

// sinceFirst says how long after the first a source came: "6h10 after
// the first"; by days when either gives no time of day ("2 days after the
// first"); "as the first" when they cannot be told apart.
func sinceFirst(first, d loader.Dateline) string {
	switch {
	case sameMoment(first, d) && first.HasTime && d.HasTime:
		return "at the time of the first"
	case sameMoment(first, d):
		return "the day of the first"
	case !first.HasTime || !d.HasTime:
		y, mo, dd := first.Time.Date()
		y2, mo2, dd2 := d.Time.Date()
		days := int(time.Date(y2, mo2, dd2, 0, 0, 0, 0, time.UTC).Sub(time.Date(y, mo, dd, 0, 0, 0, 0, time.UTC)) / (24 * time.Hour))
		return plural(days, "day") + " after the first"
	}
	return after(d.Time.Sub(first.Time)) + " after the first"
}

// after says a duration as a reader reads it: "6h10", "1d 11h50", "0h".
func after(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	days := int(d / (24 * time.Hour))
	h := int(d/time.Hour) % 24
	mins := int(d/time.Minute) % 60
	s := itoa(h) + "h"
	if mins > 0 {
		s += pad2(mins)
	}
	if days > 0 {
		s = itoa(days) + "d " + s
	}
	return s
}

func pad2(n int) string {
	if n < 10 {
		return "0" + itoa(n)
	}
	return itoa(n)
}

// tableGrid is which part of the fact table a rectangle shows: the label
// column's width, the columns' width, and the sources shown (a page of
// them holding the cursor's).
type tableGrid struct{ labelW, colW, first, cols int }

func (m *Model) tableGrid(r rect) tableGrid {
	ns := max(1, len(m.doc.sources))
	g := tableGrid{labelW: clamp(r.w/4, 14, 30)}
	g.colW = clamp((r.w-g.labelW-3)/ns-1, 12, 26)
	g.cols = max(1, (r.w-g.labelW-3)/(g.colW+1))
	g.first = (m.sheetCol / g.cols) * g.cols
	return g
}

// renderTable draws the fact table: a row per key, a column per source,
// the marks of a row at its left (! a finding sets its cells against each
// other, ≠ the sources give different values, 1 one source alone answers),
// the cursor's cell reversed, and that cell's claim in full below.
func (m *Model) renderTable(r rect) []string {
	st := &m.st
	t := m.doc.table
	g := m.tableGrid(r)
	title := "fact table · " + plural(len(t), "row") + " · ! a finding sets them against each other · ≠ the sources differ · 1 one source only · h/l, j/k move · enter shows the claim · esc closes"
	out := []string{st.detailTitle.Render(ansi.Truncate(title, r.w, "…"))}
	sep := st.sep.Render("│")
	var head strings.Builder
	head.WriteString(pad(st.sheetHead.Render("   what"), g.labelW+3))
	last := min(len(m.doc.sources), g.first+g.cols)
	for si := g.first; si < last; si++ {
		head.WriteString(sep + pad(st.sheetHead.Render(ansi.Truncate(itoa(si+1)+" "+m.doc.names[si].shortIn(g.colW-len(itoa(si+1))-1), g.colW, "…")), g.colW))
	}
	cut := ""
	if g.first > 0 || last < len(m.doc.sources) {
		cut = st.label.Render(" ◂▸ sources " + itoa(g.first+1) + "-" + itoa(last) + " of " + itoa(len(m.doc.sources)))
	}
	out = append(out, fitLeftRight(head.String(), cut, r.w))
	page := m.sheetBody(r)
	top := (m.sheetRow / page) * page
	for i := top; i < len(t) && i < top+page; i++ {
		tr := t[i]
		marks := []byte("   ")
		if tr.tied {
			marks[0] = '!'
		}
		switch {
		case tr.answered == 1:
			marks[1] = '1'
		case tr.differ:
			marks[1] = '~'
		}
		lm := strings.Replace(string(marks), "~", "≠", 1)
		if i == m.sheetRow {
			lm = lm[:len(lm)-1] + "▶" // the cursor's row, by a glyph as well as its style
		}
		label := tr.label
		if label == "" {
			label = tr.key
		}
		ls := st.item
		if i == m.sheetRow {
			ls = st.sheetCursor
		}
		var b strings.Builder
		b.WriteString(pad(st.count.Render(lm)+ls.Render(ansi.Truncate(label, g.labelW, "…")), g.labelW+3))
		for si := g.first; si < last; si++ {
			v := tr.values[si]
			cs := st.item
			if tr.cells[si] == nil {
				v, cs = "·", st.paneMeta
			}
			if i == m.sheetRow && si == m.sheetCol {
				cs = st.sheetCell
			}
			b.WriteString(sep + pad(cs.Render(ansi.Truncate(v, g.colW, "…")), g.colW))
		}
		out = append(out, b.String())
	}
	for len(out) < r.h-2 {
		out = append(out, "")
	}
	out = append(out[:r.h-2], st.sep.Render(strings.Repeat("─", r.w)), m.tableCellLine(r.w))
	return out
}

// tableCellLine is the cursor's cell in full: the source's words, where,
// the value, and the findings that claim them.
func (m *Model) tableCellLine(w int) string {
	if m.sheetRow >= len(m.doc.table) || m.sheetCol >= len(m.doc.sources) {
		return ""
	}
	tr := m.doc.table[m.sheetRow]
	si := m.sheetCol
	name := "[" + itoa(si+1) + "] " + m.doc.name(si)
	if len(tr.cells[si]) == 0 {
		return ansi.Truncate(m.st.paneMeta.Render(name+" does not answer “"+tr.label+"”"), w, "…")
	}
	f := m.doc.res.Facts[tr.cells[si][0]]
	s := name + " ¶" + itoa(f.Span.Paragraph) + ": “" + cleanLine(m.spanText(f.Span)) + "” → " + tr.values[si]
	if n := len(tr.cells[si]); n > 1 {
		s += " (+" + plural(n-1, "more fact") + ")"
	}
	var ids []string
	for _, di := range tr.discs {
		for _, c := range m.doc.res.Discrepancies[di].Claims {
			if c.Source == f.Span.Source {
				ids = append(ids, cleanLine(m.doc.res.Discrepancies[di].ID))
				break
			}
		}
	}
	if len(ids) > 0 {
		s += " · claimed in " + strings.Join(ids, ", ")
	}
	return ansi.Truncate(s+" · enter shows it", w, "…")
}

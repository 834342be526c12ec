package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/parallax-news/parallax/review"
)

// renderDetail is the panel under the panes: the selected discrepancy with
// each source's words side by side, the selected fact, or why the selected
// topic's paragraphs were grouped.
func (m *Model) renderDetail(r rect) []string {
	var lines []string
	switch {
	case m.mode == modeSplit:
		lines = m.splitDetail(r.w, r.h-1)
	case m.disc >= 0:
		lines = m.discDetail(r.w)
	case m.fact.idx >= 0:
		lines = m.factDetail(r.w)
	case m.why && m.topic >= 0:
		lines = m.topicDetail(r.w)
	}
	rule := m.st.sep.Render(strings.Repeat("─", r.w))
	out := []string{rule}
	for _, l := range lines {
		if len(out) == r.h-1 && len(lines) > r.h-1 {
			out = append(out, pad(m.st.paneMeta.Render("… more: enter enlarges this panel"), r.w))
			break
		}
		if len(out) == r.h {
			break
		}
		out = append(out, pad(l, r.w))
	}
	for len(out) < r.h {
		out = append(out, strings.Repeat(" ", r.w))
	}
	return out
}

func (m *Model) verdictWord(s review.Status) string {
	switch s {
	case review.Confirmed:
		return m.st.confirmed.Render("✔ CONFIRMED")
	case review.Dismissed:
		return m.st.dismissed.Render("✘ DISMISSED")
	}
	return m.st.open.Render("○ OPEN")
}

func (m *Model) discDetail(w int) []string {
	st := &m.st
	d := m.doc.res.Discrepancies[m.disc]
	e := m.entry(m.disc)
	topic := d.Topic
	if t, ok := m.doc.topicIndex[d.Topic]; ok {
		topic += " " + m.doc.res.Topics[t].Label
	}
	head := st.detailTitle.Render(cleanLine(d.ID+" "+strings.ToUpper(string(d.Kind)))) + " · severity " + cleanLine(string(d.Severity)) + " · topic " + cleanLine(topic)
	if m.doc.own[m.disc] {
		head = st.own.Render("✎ yours") + " · " + head
	}
	lines := []string{fitLeftRight(ansi.Truncate(head, w-14, "…"), m.verdictWord(e.Status), w)}
	lines = append(lines, wrapStyled(cleanLine(d.Summary), w)...)
	// The verdict: which source is right, the evidence, the note, each on
	// a line when said; what is not said yet is one line of the keys that
	// say it, so that an untouched finding keeps its room for the claims.
	var unsaid []string
	if e.Right != "" {
		lines = append(lines, wrapStyled(st.label.Render("right: ")+m.rightWho(e.Right), w)...)
	} else {
		unsaid = append(unsaid, "r who is right")
	}
	if e.Evidence != "" {
		lines = append(lines, wrapStyled(st.label.Render("evidence: ")+cleanLine(e.Evidence), w)...)
	} else {
		unsaid = append(unsaid, "L evidence")
	}
	if note := cleanLine(e.Note); note != "" {
		lines = append(lines, wrapStyled(st.label.Render("note: ")+note, w)...)
	} else {
		unsaid = append(unsaid, "a note")
	}
	unsaid = append(unsaid, "c confirm", "x dismiss", "u undo")
	lines = append(lines, st.paneMeta.Render(ansi.Truncate(strings.Join(unsaid, " · "), w, "…")))
	if len(e.Stale) > 0 {
		var names []string
		for _, id := range e.Stale {
			names = append(names, m.doc.nameOfID(id))
		}
		lines = append(lines, wrapStyled(st.notice.Render("the verdict was given before the text of "+strings.Join(names, ", ")+" changed"), w)...)
	}

	if len(d.Diff) > 0 {
		// The engine's steps are word groups: a space joins them.
		parts := make([]string, 0, len(d.Diff))
		for _, op := range d.Diff {
			switch op.Op {
			case "delete":
				parts = append(parts, st.diffDel.Render("[-"+cleanLine(op.Text)+"-]"))
			case "insert":
				parts = append(parts, st.diffIns.Render("{+"+cleanLine(op.Text)+"+}"))
			default:
				parts = append(parts, cleanLine(op.Text))
			}
		}
		lines = append(lines, wrapStyled(st.label.Render("difference: ")+strings.Join(parts, " "), w)...)
	}
	// Each source's words side by side, as many columns as fit.
	n := len(d.Claims)
	ncol := clamp(w/30, 1, max(1, n))
	colW := (w - (ncol-1)*3) / ncol
	var cols [][]string
	for i, c := range d.Claims {
		if i == ncol {
			break
		}
		para := " ¶" + itoa(c.Paragraph)
		name := cleanLine(c.Source)
		if si, ok := m.doc.srcIndex[c.Source]; ok {
			name = itoa(si+1) + " " + m.doc.names[si].shortIn(colW-len(para)-len(itoa(si+1))-1)
		}
		col := []string{st.label.Render(ansi.Truncate(name+para, colW, "…"))}
		col = append(col, wrapStyled("“"+cleanLine(c.Text)+"”", colW)...)
		if v := cleanLine(c.ShortValue()); v != "" {
			col = append(col, wrapStyled(st.paneMeta.Render("value: ")+v, colW)...)
		}
		cols = append(cols, col)
	}
	lines = append(lines, sideBySide(cols, colW, st.sep.Render(" │ "))...)
	if n > ncol {
		lines = append(lines, st.paneMeta.Render("+"+plural(n-ncol, "more claim")+": widen the window or see the export"))
	}
	if d.Why != "" {
		lines = append(lines, wrapStyled(st.label.Render("why: ")+cleanLine(d.Why), w)...)
	}
	return lines
}

// splitDetail lists the members of the topic being split, the cursor's
// marked, those of the second part checked.
// The list scrolls with the cursor to fit in h lines (enter splits here:
// the panel's "enter enlarges" does not apply).
func (m *Model) splitDetail(w, h int) []string {
	st := &m.st
	n := len(m.fix.members)
	title := st.detailTitle.Render("SPLIT "+m.topicName(m.fix.topic)) + st.paneMeta.Render(" · "+plural(n, "paragraph")+" · j/k choose · space puts one in the second part · enter splits")
	lines := []string{ansi.Truncate(title, w, "…")}
	room := max(1, h-1)
	first := clamp(m.fix.cur-room/2, 0, max(0, n-room))
	for i := first; i < n && i < first+room; i++ {
		box := "[ ] first part  "
		if m.fix.second[i] {
			box = "[x] second part "
		}
		cur := "  "
		if i == m.fix.cur {
			cur = "▶ "
		}
		l := cur + box + m.paraName(m.fix.members[i])
		if i == m.fix.cur {
			l = st.sheetCursor.Render(l)
		}
		lines = append(lines, ansi.Truncate(l, w, "…"))
	}
	return lines
}

func (m *Model) factDetail(w int) []string {
	st := &m.st
	f := m.doc.sources[m.fact.src].facts[m.fact.idx]
	para := m.doc.sources[m.fact.src].art.Paragraphs[f.span.Paragraph]
	lines := []string{st.detailTitle.Render("FACT") + " in " + m.doc.name(m.fact.src) + " ¶" + itoa(f.span.Paragraph) + ": " + st.marks[f.kind].Render(st.glyphs[f.kind]+" "+cleanLine(f.label))}
	lines = append(lines, wrapStyled("“"+cleanLine(para.Text[f.span.Start:f.span.End])+"”", w)...)
	if v := cleanLine(f.value); v != "" {
		lines = append(lines, wrapStyled(st.label.Render("value: ")+v, w)...)
	}
	if f.disc >= 0 {
		lines = append(lines, st.paneMeta.Render("a claim of "+cleanLine(m.doc.res.Discrepancies[f.disc].ID)+": ] and [ step through discrepancies"))
	}
	return lines
}

func (m *Model) topicDetail(w int) []string {
	st := &m.st
	t := m.doc.res.Topics[m.topic]
	var names []string
	for _, s := range t.Sources {
		if si, ok := m.doc.srcIndex[s]; ok {
			names = append(names, m.doc.name(si))
		}
	}
	lines := []string{st.detailTitle.Render("TOPIC "+cleanLine(t.ID)) + " " + cleanLine(t.Label)}
	lines = append(lines, wrapStyled(st.label.Render("covered by: ")+strings.Join(names, ", "), w)...)
	lines = append(lines, st.label.Render("grouped by "+plural(len(t.Links), "sentence link")+", strongest first:"))
	for _, l := range t.Links {
		var why []string
		if len(l.Names) > 0 {
			why = append(why, "names "+cleanLine(strings.Join(l.Names, ", ")))
		}
		if len(l.Numbers) > 0 {
			why = append(why, "numbers "+cleanLine(strings.Join(l.Numbers, ", ")))
		}
		if l.Quote {
			why = append(why, "a quotation")
		}
		if len(l.Terms) > 0 {
			why = append(why, "words "+cleanLine(strings.Join(l.Terms, ", ")))
		}
		s := fmt.Sprintf("%s ¶%d ~ %s ¶%d  score %.2f: %s", m.doc.nameOfID(l.A.Source), l.A.Paragraph, m.doc.nameOfID(l.B.Source), l.B.Paragraph, l.Score, strings.Join(why, "; "))
		lines = append(lines, wrapStyled(s, w)...)
	}
	return lines
}

// wrapStyled wraps a line that may hold styles to a width.
func wrapStyled(s string, w int) []string {
	return strings.Split(ansi.Wrap(s, max(1, w), " "), "\n")
}

// sideBySide joins columns of lines into rows.
func sideBySide(cols [][]string, colW int, sep string) []string {
	h := 0
	for _, c := range cols {
		h = max(h, len(c))
	}
	out := make([]string, h)
	for y := range out {
		parts := make([]string, len(cols))
		for i, c := range cols {
			parts[i] = pad(line(c, y), colW)
		}
		out[y] = strings.Join(parts, sep)
	}
	return out
}

package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/review"
)

// The reviewer's verdicts: confirmed or dismissed, which source is right,
// a note, an evidence link; all through review.Store.SetVerdict, which
// cleans the note (review.CleanNote) and checks the link
// (review.CleanEvidence). Each change is saved at once and can be undone.

// recount tallies the verdicts for the header, and what the review holds
// besides: on a change of review, not on every frame (each look-up hashes
// the discrepancy's claims).
func (m *Model) recount() {
	m.verdicts = map[review.Status]int{}
	m.discStatus = make([]review.Status, len(m.doc.res.Discrepancies))
	for i := range m.doc.res.Discrepancies {
		m.discStatus[i] = m.entry(i).Status
		m.verdicts[m.discStatus[i]]++
	}
	st := m.data.Store
	c := reviewCounts{orphans: len(st.Orphans()), excluded: len(m.doc.res.Excluded), changes: len(st.Changes()),
		warnings: len(m.data.Warnings) + len(st.Warnings()), fixes: len(st.Fixes(nil))}
	for _, e := range st.Own() {
		c.own++
		if e.Finding == "" {
			c.unplaced++
		}
	}
	m.counts = c
	m.reviewGen++ // the open-only filter shows other paragraphs now
}

// entry is the review of discrepancy di.
func (m *Model) entry(di int) review.Entry {
	return m.data.Store.Get(m.doc.res.Discrepancies[di])
}

// sig names a finding by what it says (its kind and its claims' places),
// the same before and after a re-comparison that keeps it.
func sig(d compare.Discrepancy) string {
	var b strings.Builder
	b.WriteString(string(d.Kind))
	for _, c := range d.Claims {
		b.WriteString("\x1e" + c.Source + "\x1f" + itoa(c.Paragraph) + "\x1f" + itoa(c.Start) + "\x1f" + itoa(c.End))
	}
	return b.String()
}

// findDisc is the index of the finding with d's signature, or -1.
func (m *Model) findDisc(d compare.Discrepancy) int {
	s := sig(d)
	for i, x := range m.doc.res.Discrepancies {
		if sig(x) == s {
			return i
		}
	}
	return -1
}

// setVerdict gives the selected discrepancy a verdict; giving the same one
// again reopens it.
func (m *Model) setVerdict(s review.Status) tea.Cmd {
	if m.disc < 0 {
		m.setError("select a discrepancy first (] or [)")
		return nil
	}
	e := m.entry(m.disc)
	if e.Status == s {
		s = review.Open
	}
	v := e.Verdict()
	v.Status = s
	d := m.doc.res.Discrepancies[m.disc]
	return m.record(d, v, cleanLine(d.ID)+" "+string(s))
}

// setNote gives a discrepancy a note, and forgets its draft.
func (m *Model) setNote(d compare.Discrepancy, note string) tea.Cmd {
	delete(m.drafts, sig(d))
	v := m.data.Store.Get(d).Verdict()
	v.Note = note
	what := cleanLine(d.ID) + " " + string(v.Status)
	if note != "" {
		what += " with note"
	}
	return m.record(d, v, what)
}

// record changes a discrepancy's verdict and saves it at once; the
// verdict before goes on the undo stack.
func (m *Model) record(d compare.Discrepancy, v review.Verdict, what string) tea.Cmd {
	if m.data.Store == nil {
		m.setError("verdicts cannot be saved: " + errString(m.data.StoreErr))
		return nil
	}
	before := m.data.Store.Get(d).Verdict()
	if err := m.data.Store.SetVerdict(d, v, m.now()); err != nil {
		m.setError(cleanLine(d.ID) + ": " + cleanLine(err.Error()))
		return nil
	}
	m.undo = append(m.undo, undoStep{kind: undoVerdict, d: d, v: before})
	m.recount()
	return m.saveCmd(what)
}

// chooseRight opens the choice of the source that is right.
func (m *Model) chooseRight() {
	if m.disc < 0 {
		m.setError("select a discrepancy first (] or [)")
		return
	}
	m.mode = modeRight
	m.setStatus(m.rightPrompt())
}

// rightChoices are the sources the right one is chosen among: the
// finding's, the pair that disagrees first, at most nine.
func (m *Model) rightChoices() []int {
	cs := m.claimSources(m.disc)
	return cs[:min(len(cs), 9)]
}

func (m *Model) rightPrompt() string {
	d := m.doc.res.Discrepancies[m.disc]
	parts := []string{"which source is right in " + cleanLine(d.ID) + "?"}
	for i, si := range m.rightChoices() {
		parts = append(parts, itoa(i+1)+" "+m.doc.name(si))
	}
	return strings.Join(parts, " · ") + " · u unresolved · 0 not said · esc"
}

// rightKey takes the choice: a number names a source, u unresolved, 0 or
// backspace clears it; any other key cancels.
func (m *Model) rightKey(msg tea.KeyPressMsg) tea.Cmd {
	m.mode = modeNormal
	if m.disc < 0 {
		return nil
	}
	d := m.doc.res.Discrepancies[m.disc]
	v := m.entry(m.disc).Verdict()
	k := msg.String()
	choices := m.rightChoices()
	switch {
	case k == "u" || k == "?":
		v.Right = review.Unresolved
	case k == "0" || k == "backspace":
		v.Right = ""
	case len(k) == 1 && k[0] >= '1' && int(k[0]-'1') < len(choices):
		v.Right = m.doc.sources[choices[k[0]-'1']].art.ID
	default:
		m.setStatus("cancelled")
		return nil
	}
	return m.record(d, v, cleanLine(d.ID)+": "+m.rightName(v.Right))
}

// rightName says a verdict's right source for people, in a sentence.
func (m *Model) rightName(right string) string {
	switch right {
	case "":
		return "no source named right"
	case review.Unresolved:
		return "unresolved"
	}
	return m.doc.nameOfID(right) + " is right"
}

// rightWho is the right source after a "right:" label: its name, or
// "unresolved".
func (m *Model) rightWho(right string) string {
	if right == review.Unresolved {
		return "unresolved"
	}
	return m.doc.nameOfID(right)
}

// openEvidence opens the evidence link's line.
func (m *Model) openEvidence() {
	if m.disc < 0 {
		m.setError("select a discrepancy first (] or [)")
		return
	}
	m.noteDisc, m.noteD, m.inputErr = m.disc, m.doc.res.Discrepancies[m.disc], ""
	m.openInput(modeEvidence, cleanLine(m.entry(m.disc).Evidence))
}

// setEvidence records the link; one that is not http(s) is refused and
// the line stays open to correct it.
func (m *Model) setEvidence(link string) tea.Cmd {
	if _, err := review.CleanEvidence(link); err != nil {
		m.mode, m.inputErr = modeEvidence, cleanLine(err.Error())
		m.input.Focus()
		return nil
	}
	m.inputErr = ""
	d := m.noteD
	v := m.data.Store.Get(d).Verdict()
	v.Evidence = link
	what := cleanLine(d.ID) + ": evidence link removed"
	if link != "" {
		what = cleanLine(d.ID) + ": evidence link set"
	}
	return m.record(d, v, what)
}

// undoLast takes back the last change: a verdict, a finding recorded or
// taken back, a topic fix made or undone.
func (m *Model) undoLast() tea.Cmd {
	if len(m.undo) == 0 {
		m.setStatus("nothing to undo")
		return nil
	}
	u := m.undo[len(m.undo)-1]
	m.undo = m.undo[:len(m.undo)-1]
	st := m.data.Store
	switch u.kind {
	case undoVerdict:
		if err := st.SetVerdict(u.d, u.v, m.now()); err != nil {
			st.Set(u.d, u.v.Status, u.v.Note, m.now())
		}
		m.recount()
		if i := m.findDisc(u.d); i >= 0 {
			m.disc = i
		}
		return m.saveCmd("undone: " + cleanLine(u.d.ID) + " is " + string(u.v.Status) + " again")
	case undoOwnAdded, undoOwnRemoved:
		if err := st.SetFindingRemoved(u.id, u.kind == undoOwnAdded, m.now()); err != nil {
			m.setError(cleanLine(err.Error()))
			return nil
		}
		m.rebuild(m.engine, compare.Ref{})
		what := "undone: your finding is taken back"
		if u.kind == undoOwnRemoved {
			what = "undone: your finding is back"
			m.selectOwn(u.id)
		}
		return m.saveCmd(what)
	case undoFixAdded, undoFixRemoved:
		if err := st.SetFixRemoved(u.id, u.kind == undoFixAdded, m.now()); err != nil {
			m.setError(cleanLine(err.Error()))
			return nil
		}
		what := "undone: the topic fix is taken back"
		if u.kind == undoFixRemoved {
			what = "undone: the topic fix is back"
		}
		return tea.Batch(m.saveCmd(what), m.recompare(what, compare.Ref{}))
	}
	return nil
}

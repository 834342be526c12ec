package tui

import "charm.land/lipgloss/v2"

// The overview strip's cell kinds.
const (
	cellNone = iota
	cellCover
	cellDisagree
)

// styles holds every style of the interface, built once from one palette
// for the terminal's background. Colour is never the only signal: every
// mark also has an attribute (bold, underline, reverse, italic) and a gutter
// glyph, so it survives NO_COLOR, 16 colours and colour blindness. Bubble Tea
// lowers the colours to what the terminal supports.
type styles struct {
	header, status, statusErr, statusOK, key lipgloss.Style
	paneName, paneNameFocused, paneMeta      lipgloss.Style
	sep, notice                              lipgloss.Style
	title, dim                               lipgloss.Style
	marks                                    [markSelected + 1]lipgloss.Style
	glyphs                                   [markSelected + 1]string
	topicBar                                 lipgloss.Style
	cellCover, cellDisagree, cellNone        lipgloss.Style
	cellSelected                             lipgloss.Style
	// cells are the overview strip's glyphs, rendered once: a strip of
	// fifty sources by a hundred topics is too many cells to style anew.
	cells                                [3][2]string
	item, itemSelected, count            lipgloss.Style
	detailTitle, diffDel, diffIns, label lipgloss.Style
	confirmed, dismissed, open           lipgloss.Style
}

func newStyles(dark bool) styles {
	ld := lipgloss.LightDark(dark)
	var (
		fg      = ld(lipgloss.Color("#1f2328"), lipgloss.Color("#e6e6e6"))
		muted   = ld(lipgloss.Color("#6e7781"), lipgloss.Color("#8b949e"))
		accent  = ld(lipgloss.Color("#0550ae"), lipgloss.Color("#79c0ff"))
		red     = ld(lipgloss.Color("#cf222e"), lipgloss.Color("#ff7b72"))
		green   = ld(lipgloss.Color("#116329"), lipgloss.Color("#7ee787"))
		blue    = ld(lipgloss.Color("#0969da"), lipgloss.Color("#a5d6ff"))
		purple  = ld(lipgloss.Color("#8250df"), lipgloss.Color("#d2a8ff"))
		yellow  = ld(lipgloss.Color("#9a6700"), lipgloss.Color("#e3b341"))
		barBg   = ld(lipgloss.Color("#eaeef2"), lipgloss.Color("#30363d"))
		selBg   = ld(lipgloss.Color("#ffd8b5"), lipgloss.Color("#6e3b00"))
		matchBg = ld(lipgloss.Color("#fff8c5"), lipgloss.Color("#4d4000"))
	)
	st := lipgloss.NewStyle
	s := styles{
		header:          st().Bold(true).Foreground(fg).Background(barBg),
		status:          st().Foreground(muted),
		statusErr:       st().Bold(true).Foreground(red),
		statusOK:        st().Foreground(green),
		key:             st().Bold(true).Foreground(accent),
		paneName:        st().Bold(true).Foreground(fg),
		paneNameFocused: st().Bold(true).Reverse(true).Foreground(accent),
		paneMeta:        st().Foreground(muted),
		sep:             st().Foreground(muted),
		notice:          st().Italic(true).Foreground(muted),
		title:           st().Bold(true).Foreground(fg),
		dim:             st().Faint(true).Foreground(muted),
		topicBar:        st().Bold(true).Foreground(accent),
		cellCover:       st().Foreground(green),
		cellDisagree:    st().Bold(true).Foreground(red),
		cellNone:        st().Faint(true).Foreground(muted),
		cellSelected:    st().Reverse(true),
		item:            st().Foreground(fg),
		itemSelected:    st().Bold(true).Reverse(true).Foreground(accent),
		count:           st().Bold(true).Foreground(red),
		detailTitle:     st().Bold(true).Foreground(accent),
		diffDel:         st().Strikethrough(true).Foreground(red),
		diffIns:         st().Underline(true).Bold(true).Foreground(green),
		label:           st().Bold(true).Foreground(muted),
		confirmed:       st().Bold(true).Foreground(green),
		dismissed:       st().Strikethrough(true).Foreground(muted),
		open:            st().Bold(true).Foreground(yellow),
	}
	s.marks[markAgree] = st().Foreground(green).Underline(true).UnderlineStyle(lipgloss.UnderlineDotted)
	s.marks[markUnique] = st().Foreground(blue).Underline(true).UnderlineStyle(lipgloss.UnderlineDashed)
	s.marks[markQuote] = st().Foreground(purple).Italic(true)
	s.marks[markSearch] = st().Background(matchBg).Foreground(fg).Underline(true).Bold(true)
	s.marks[markDisc] = st().Foreground(red).Bold(true).Underline(true)
	s.marks[markSelected] = st().Reverse(true).Bold(true).Background(selBg).Foreground(fg)
	for c, cs := range [3]struct {
		glyph string
		style lipgloss.Style
	}{cellNone: {"·", s.cellNone}, cellCover: {"●", s.cellCover}, cellDisagree: {"!", s.cellDisagree}} {
		s.cells[c][0] = cs.style.Render(cs.glyph)
		s.cells[c][1] = cs.style.Reverse(true).Render(cs.glyph)
	}
	s.glyphs = [...]string{markAgree: "=", markUnique: "+", markQuote: "»", markSearch: "/", markDisc: "!", markSelected: "▶"}
	return s
}

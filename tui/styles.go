package tui

import (
	"image/color"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
)

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
	marks                                    [markKinds]lipgloss.Style
	// The text's styles as the escape sequences that open and close them,
	// taken once from the styles: a pane's text is thousands of runs a
	// frame, and Render, which also measures, wraps and underlines space
	// by space, is too slow for that.
	markSGR                           [markKinds]sgr
	plainSGR, titleSGR, dimSGR        sgr
	topicBarCell, dimDot              string
	glyphCells                        [markKinds]string
	glyphs                            [markKinds]string
	topicBar                          lipgloss.Style
	cellCover, cellDisagree, cellNone lipgloss.Style
	cellSelected                      lipgloss.Style
	// cells are the overview strip's glyphs, rendered once: a strip of
	// fifty sources by a hundred topics is too many cells to style anew.
	cells                                [3][2]string
	item, itemSelected, count            lipgloss.Style
	detailTitle, diffDel, diffIns, label lipgloss.Style
	confirmed, dismissed, open           lipgloss.Style
	// The sheets (fact table, review, timeline): a heading row, the row
	// under the cursor, the cell under it.
	sheetHead, sheetCursor, sheetCell lipgloss.Style
	own                               lipgloss.Style // "✎ yours" beside a reviewer's finding
}

// palette is the few colours every style is built from, one per terminal:
// a dark or light background, full colour or the 16 ANSI colours.
type palette struct {
	fg, muted, accent, red, green, blue, purple, yellow color.Color
	barBg, selBg, matchBg                               color.Color
}

// paletteFor picks the palette for a background and a colour profile. Full
// colour (and 256, which Bubble Tea lowers the hex colours to) gets the
// GitHub-like palettes, each made for its background; 16 colours get the
// ANSI colours themselves, the bright ones on dark, the plain ones on
// light, with the terminal's own foreground for text, so that a lowered hex
// colour never lands on an unreadable ANSI neighbour. Without colour
// (NO_COLOR, a dumb terminal) Bubble Tea drops the colours and the
// attributes carry the marks.
func paletteFor(dark bool, p colorprofile.Profile) palette {
	if p <= colorprofile.ANSI {
		ansi := func(n int) color.Color { return lipgloss.ANSIColor(n) }
		if dark {
			return palette{fg: lipgloss.NoColor{}, muted: ansi(8), accent: ansi(14), red: ansi(9), green: ansi(10), blue: ansi(12),
				purple: ansi(13), yellow: ansi(11), barBg: ansi(8), selBg: ansi(0), matchBg: ansi(4)}
		}
		return palette{fg: lipgloss.NoColor{}, muted: ansi(8), accent: ansi(4), red: ansi(1), green: ansi(2), blue: ansi(4),
			purple: ansi(5), yellow: ansi(3), barBg: ansi(7), selBg: ansi(15), matchBg: ansi(14)}
	}
	hex := lipgloss.Color
	if dark {
		return palette{fg: hex("#e6e6e6"), muted: hex("#8b949e"), accent: hex("#79c0ff"), red: hex("#ff7b72"), green: hex("#7ee787"),
			blue: hex("#a5d6ff"), purple: hex("#d2a8ff"), yellow: hex("#e3b341"), barBg: hex("#30363d"), selBg: hex("#6e3b00"), matchBg: hex("#4d4000")}
	}
	return palette{fg: hex("#1f2328"), muted: hex("#59636e"), accent: hex("#0550ae"), red: hex("#cf222e"), green: hex("#116329"),
		blue: hex("#0969da"), purple: hex("#8250df"), yellow: hex("#7d4e00"), barBg: hex("#eaeef2"), selBg: hex("#ffd8b5"), matchBg: hex("#fff8c5")}
}

func newStyles(p palette) styles {
	var (
		fg, muted, accent, red, green = p.fg, p.muted, p.accent, p.red, p.green
		blue, purple, yellow          = p.blue, p.purple, p.yellow
		barBg, selBg, matchBg         = p.barBg, p.selBg, p.matchBg
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
	// A reviewer's finding: as a claim, but in the accent colour and with
	// a double underline where the terminal draws one (a single one
	// elsewhere); its gutter glyph is the pencil.
	s.marks[markOwn] = st().Foreground(accent).Bold(true).Underline(true).UnderlineStyle(lipgloss.UnderlineDouble)
	// Words marked for a finding being recorded: reversed and underlined,
	// whatever else marks them.
	s.marks[markPending] = st().Reverse(true).Underline(true).Foreground(yellow)
	s.sheetHead = st().Bold(true).Underline(true).Foreground(fg)
	s.sheetCursor = st().Bold(true).Background(barBg).Foreground(fg)
	s.sheetCell = st().Reverse(true).Bold(true).Foreground(accent)
	s.own = st().Bold(true).Foreground(accent)
	for c, cs := range [3]struct {
		glyph string
		style lipgloss.Style
	}{cellNone: {"·", s.cellNone}, cellCover: {"●", s.cellCover}, cellDisagree: {"!", s.cellDisagree}} {
		s.cells[c][0] = cs.style.Render(cs.glyph)
		s.cells[c][1] = cs.style.Reverse(true).Render(cs.glyph)
	}
	s.glyphs = [...]string{markFact: " ", markAgree: "=", markUnique: "+", markQuote: "»", markSearch: "/", markDisc: "!", markOwn: "✎", markSelected: "▶", markPending: "*"}
	for k := range s.marks {
		s.markSGR[k] = sgrOf(s.marks[k])
		s.glyphCells[k] = s.marks[k].Render(s.glyphs[k])
	}
	s.plainSGR, s.titleSGR, s.dimSGR = sgr{}, sgrOf(s.title), sgrOf(s.dim)
	s.topicBarCell, s.dimDot = s.topicBar.Render("┃"), s.dim.Render("·")
	return s
}

// sgr is a style as the sequences around its text.
type sgr struct{ on, off string }

// sgrOf takes a style's sequences from its rendering of one letter.
func sgrOf(st lipgloss.Style) sgr {
	r := st.Render("x")
	i := strings.Index(r, "x")
	if i < 0 {
		return sgr{}
	}
	return sgr{on: r[:i], off: r[i+1:]}
}

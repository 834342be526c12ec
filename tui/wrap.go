package tui

import (
	"github.com/clipperhouse/displaywidth"
	"github.com/clipperhouse/uax29/v2/graphemes"
)

// span is a byte range [start, end) of a paragraph's text.
type span struct{ start, end int }

// wrapText breaks text into lines of at most width cells, at spaces where it
// can, inside a word where a word is longer than a line. It returns byte
// ranges, so that the engine's byte offsets map onto screen lines without
// reading the text twice. Spaces at a break belong to no line.
func wrapText(text string, width int) []span {
	if width < 1 {
		width = 1
	}
	var lines []span
	lineStart, lineW := 0, 0
	lastSpace := -1  // byte offset of the last space on the line, where it may break
	afterSpace := -1 // where the text after that space starts
	wAtSpace := 0    // the line's width up to that space
	it := graphemes.FromString(text)
	for it.Next() {
		g, start, end := it.Value(), it.Start(), it.End()
		w := displaywidth.String(g)
		if isBreakSpace(g) {
			// A tab or a line break inside a paragraph is drawn as a
			// space (cleanLine), so it wraps as one.
			if lineW == 0 && start == lineStart {
				lineStart = end // no line starts with a space
				continue
			}
			lastSpace, afterSpace, wAtSpace = start, end, lineW
			lineW++
			continue
		}
		if lineW+w > width && lineW > 0 {
			if lastSpace > lineStart {
				lines = append(lines, trimRight(text, lineStart, lastSpace))
				lineStart = afterSpace
				lineW -= wAtSpace + 1
			} else {
				lines = append(lines, span{lineStart, start})
				lineStart, lineW = start, 0
			}
			lastSpace = -1
		}
		lineW += w
	}
	if lineStart < len(text) || len(lines) == 0 {
		lines = append(lines, trimRight(text, lineStart, len(text)))
	}
	return lines
}

func trimRight(text string, start, end int) span {
	for end > start && isBreakSpace(text[end-1:end]) {
		end--
	}
	return span{start, end}
}

func isBreakSpace(g string) bool {
	return g == " " || g == "\t" || g == "\n" || g == "\r" || g == "\r\n"
}

// cellToByte finds the byte offset in text of the grapheme at screen column
// col, for mouse clicks.
func cellToByte(text string, col int) int {
	it := graphemes.FromString(text)
	x := 0
	for it.Next() {
		w := displaywidth.String(it.Value())
		if col < x+w {
			return it.Start()
		}
		x += w
	}
	return len(text)
}

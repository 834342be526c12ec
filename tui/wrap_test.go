package tui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/clipperhouse/displaywidth"
	"github.com/clipperhouse/uax29/v2/graphemes"
)

func TestWrapText(t *testing.T) {
	cases := []struct {
		text  string
		width int
		want  []string
	}{
		{"the quick brown fox", 9, []string{"the quick", "brown fox"}},
		{"the quick brown fox", 10, []string{"the quick", "brown fox"}},
		{"supercalifragilistic word", 8, []string{"supercal", "ifragili", "stic", "word"}},
		{"a  b", 1, []string{"a", "b"}},
		{"", 10, []string{""}},
		{"Kyiv — 北京市 is wide", 6, []string{"Kyiv —", "北京市", "is", "wide"}},
		{"line\nbreak\tand\r\ntab", 6, []string{"line", "break", "and", "tab"}},
	}
	for _, c := range cases {
		var got []string
		for _, s := range wrapText(c.text, c.width) {
			got = append(got, c.text[s.start:s.end])
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("wrap(%q, %d) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}

// Every line fits, lines are in order, and no non-space byte is lost.
func FuzzWrapText(f *testing.F) {
	f.Add("The Pentagon said the strikes hit three targets near the border.", 12)
	f.Add("ab  cd\u00a0ef 🇺🇦 x", 3)
	f.Fuzz(func(t *testing.T, text string, width int) {
		if width < 1 || width > 200 || !utf8.ValidString(text) {
			return
		}
		prev := 0
		var kept strings.Builder
		for _, s := range wrapText(text, width) {
			if s.start < prev || s.end < s.start || s.end > len(text) {
				t.Fatalf("bad span %v after %d in %q", s, prev, text)
			}
			line := text[s.start:s.end]
			if w := displaywidth.String(line); w > width && visibleGraphemes(line) > 1 {
				t.Fatalf("line %q is %d wide, limit %d", line, w, width)
			}
			if strings.TrimLeft(text[prev:s.start], " \t\r\n") != "" {
				t.Fatalf("lost %q", text[prev:s.start])
			}
			kept.WriteString(line)
			prev = s.end
		}
		if strings.TrimSpace(text[prev:]) != "" {
			t.Fatalf("lost tail %q", text[prev:])
		}
	})
}

// visibleGraphemes counts the graphemes of s that take a cell or more: one
// grapheme wider than the line may stand alone on it.
func visibleGraphemes(s string) int {
	n := 0
	it := graphemes.FromString(s)
	for it.Next() {
		if displaywidth.String(it.Value()) > 0 {
			n++
		}
	}
	return n
}

// pad makes a line exactly its width, also when a wide character stands
// across the edge (found by the random-event test in the note line).
func TestPadWideEdge(t *testing.T) {
	for _, c := range []struct {
		in string
		w  int
	}{{"ab中", 3}, {"ab中", 4}, {"🙂🙂", 3}, {"", 2}, {"abc", 2}} {
		if got := displaywidth.String(pad(c.in, c.w)); got != c.w {
			t.Errorf("pad(%q, %d) is %d wide", c.in, c.w, got)
		}
	}
}

package export

import (
	"strings"
	"unicode/utf8"

	"github.com/parallax-news/parallax/loader"
)

// Every string an export writes comes from outside parallax: article text,
// file names, ids and paths, metadata, URLs, review notes. The loader
// sanitises what it reads, but a Doc can be built by hand and a review file
// by anyone, so the exports clean again at their own door, with the
// loader's one definition of what may reach a person (loader.Sanitize).
// The functions here are that door; view.go passes everything through
// them, and the renderers read only the view.

// line makes a string one safe line: valid UTF-8, no control character,
// escape sequence or bidi override, and no line break (a name or a note
// with a newline would break a table row, a heading or a report's layout).
func line(s string) string {
	if plainLine(s) {
		return s
	}
	if !utf8.ValidString(s) { // ValidUTF8 takes bytes: a copy of every string, and another back
		s, _ = loader.ValidUTF8([]byte(s))
	}
	s, _ = loader.Sanitize(s)
	if strings.ContainsAny(s, "\n\t\r") || strings.Contains(s, "  ") {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// plainLine reports s printable ASCII without two spaces in a row, which
// line returns as it is: nearly every id, key, label and value is, and is
// told so in one pass over its bytes rather than four, by a table without
// a branch on each space (one at every word's end was mispredicted).
func plainLine(s string) bool {
	prev := byte(0) // the class of the byte before: a space's refuses another
	for i := 0; i < len(s); i++ {
		t := lineClass[s[i]]
		if t&(prev|lineRefused) != 0 {
			return false
		}
		prev = t
	}
	return true
}

// What a byte is to plainLine, as bits: a space, or one it refuses (a
// control character, DEL, or not ASCII).
const (
	lineSpace byte = 1 << iota
	lineRefused
)

var lineClass = func() (t [256]byte) {
	for c := range 256 {
		switch {
		case c == ' ':
			t[c] = lineSpace
		case c < 0x20 || c >= 0x7f:
			t[c] = lineRefused
		}
	}
	return t
}()

// inPlace cleans article text that claims point into by byte offsets: each
// character Sanitize would drop becomes spaces of the same byte length, and
// each invalid byte one space, so that every offset still points where it
// did. An escape sequence's introducer goes; what followed it stays as
// inert text. Text the loader produced is returned as it is.
func inPlace(s string) string {
	if clean, n := loader.Sanitize(s); n == 0 && clean == s && !strings.ContainsAny(s, "\n\r") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		chunk := s[i : i+size]
		if r == '\n' || r == '\r' || r == '\t' {
			b.WriteByte(' ')
		} else if clean, _ := loader.Sanitize(chunk); clean != chunk {
			b.WriteString(strings.Repeat(" ", size))
		} else {
			b.WriteString(chunk)
		}
		i += size
	}
	return b.String()
}

// slice returns text[start:end] when the offsets are whole and fall on
// character boundaries, and ok false otherwise (a hand-built claim may
// point anywhere).
func slice(text string, start, end int) (string, bool) {
	if start < 0 || end > len(text) || start > end || !boundary(text, start) || !boundary(text, end) {
		return "", false
	}
	return text[start:end], true
}

func boundary(s string, i int) bool {
	return i == 0 || i == len(s) || s[i]&0xC0 != 0x80
}

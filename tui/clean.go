package tui

import (
	"strings"

	"github.com/parallax-news/parallax/loader"
)

// cleanLine is a string from outside (a file name, an id, metadata, a
// pasted note, a key's text) made safe to draw on one line: invalid UTF-8
// replaced, every control character, escape sequence and bidi control
// removed (the loader's sanitiser), line breaks and tabs turned to spaces.
// The interface draws no outside string that has not passed through it,
// whatever the loader did: a name with an OSC 8 must not become a link, nor
// one with OSC 52 write the clipboard, nor a newline break the layout.
func cleanLine(s string) string {
	if isPlainLine(s) {
		return s
	}
	s, _ = loader.ValidUTF8([]byte(s))
	s, _ = loader.Sanitize(s)
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// isPlainLine is the fast path: printable ASCII needs no cleaning, and most
// names are that.
func isPlainLine(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

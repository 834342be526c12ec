package tui

import (
	"strings"
	"unicode/utf8"

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

// isPlainLine is the fast path, taken by nearly all text: no control
// character (C0, DEL, C1), no bidi control, no invalid UTF-8.
func isPlainLine(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			if c < 0x20 || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 || r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			return false
		}
		i += n
	}
	return true
}

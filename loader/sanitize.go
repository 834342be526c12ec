package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Sanitize removes from s everything that could act on a terminal instead of
// being shown by it: escape sequences (CSI, OSC, DCS, SOS, PM, APC, in their
// 7-bit and 8-bit forms), every C0 and C1 control character except tab and
// newline, DEL, and the bidi override and isolate characters that can make
// text display in another order than it is stored. It returns the clean text
// and how many characters or sequences it removed. s must be valid UTF-8
// (see ValidUTF8); an invalid byte is dropped and counted.
//
// ansi.Strip is not enough here: it keeps BEL, BS, CR, NUL, DEL, the 8-bit
// CSI and bidi controls.
func Sanitize(s string) (string, int) {
	if isClean(s) {
		return s, 0
	}
	var b strings.Builder
	b.Grow(len(s))
	removed := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			i += max(size, 1)
			removed++
		case r == 0x1b: // ESC
			i += size + escapeLen(s[i+size:])
			removed++
		case r == 0x9b: // 8-bit CSI
			i += size + csiLen(s[i+size:])
			removed++
		case r == 0x90 || r == 0x98 || r == 0x9d || r == 0x9e || r == 0x9f: // 8-bit DCS, SOS, OSC, PM, APC
			i += size + stringSeqLen(s[i+size:])
			removed++
		case r == '\n' || r == '\t':
			b.WriteRune(r)
			i += size
		case r < 0x20 || (r >= 0x7f && r <= 0x9f) || isBidiControl(r):
			i += size
			removed++
		default:
			b.WriteString(s[i : i+size])
			i += size
		}
	}
	return b.String(), removed
}

// SanitizeLine makes s fit to show on one line, wherever it came from (a
// file's name, an HTTP status line, a field of metadata): Sanitize, then NFC,
// then every run of white space (newlines too) one space, trimmed.
func SanitizeLine(s string) string {
	v, _ := Sanitize(s)
	return collapseSpace(norm.NFC.String(v))
}

// isClean is the fast path: most text has nothing to remove. ASCII, nearly
// all of it, is told clean byte by byte; only the rest is decoded.
func isClean(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r <= 0x9f || r == utf8.RuneError || isBidiControl(r) {
			return false
		}
		i += size
	}
	return true
}

func isBidiControl(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// escapeLen returns how many bytes after an ESC belong to its sequence.
func escapeLen(s string) int {
	if s == "" {
		return 0
	}
	switch s[0] {
	case '[':
		return 1 + csiLen(s[1:])
	case ']', 'P', 'X', '^', '_':
		return 1 + stringSeqLen(s[1:])
	}
	// Other escapes (ESC c, ESC ( B, ESC 7): intermediates then one final byte.
	n := 0
	for n < len(s) && s[n] >= 0x20 && s[n] <= 0x2f {
		n++
	}
	if n < len(s) && s[n] >= 0x30 && s[n] <= 0x7e {
		n++
	}
	return n
}

// csiLen returns the length of a control sequence's parameters, intermediates
// and final byte. A malformed sequence ends at the first byte that cannot
// belong to it, which stays as text.
func csiLen(s string) int {
	n := 0
	for n < len(s) && s[n] >= 0x30 && s[n] <= 0x3f {
		n++
	}
	for n < len(s) && s[n] >= 0x20 && s[n] <= 0x2f {
		n++
	}
	if n < len(s) && s[n] >= 0x40 && s[n] <= 0x7e {
		n++
	}
	return n
}

// stringSeqLen returns the length of an OSC, DCS, SOS, PM or APC string up to
// and including its terminator (BEL, ESC \ or ST). Without a terminator only
// the introducer is dropped: the rest is inert text once its ESC is gone, and
// dropping it could swallow the article.
func stringSeqLen(s string) int {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x07 || r == 0x9c:
			return i + size
		case r == 0x1b && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		}
		i += size
	}
	return 0
}

// ValidUTF8 returns b as a string in which every invalid byte sequence is
// replaced by U+FFFD, and how many were replaced.
func ValidUTF8(b []byte) (string, int) {
	if utf8.Valid(b) {
		return string(b), 0
	}
	var sb strings.Builder
	sb.Grow(len(b) + 16)
	bad := 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			sb.WriteRune(utf8.RuneError)
			bad++
			i++
			continue
		}
		sb.Write(b[i : i+size])
		i += size
	}
	return sb.String(), bad
}

// normalizeNewlines turns CRLF, lone CR and the Unicode line and paragraph
// separators into LF and drops a leading byte-order mark.
func normalizeNewlines(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	if strings.IndexByte(s, '\r') < 0 && !strings.Contains(s, "\u2028") && !strings.Contains(s, "\u2029") {
		return s
	}
	r := strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n\n")
	return r.Replace(s)
}

// collapsed reports ASCII text that collapseSpace would leave as it is: no
// white space but single spaces between words, none at the ends. Most
// paragraphs are, and are then kept without a copy; text with other bytes
// takes the full path (a no-break space or a byte-order mark is not ASCII).
func collapsed(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	// Told by a table without a branch on each space: one at every word's
	// end was a mispredicted branch.
	prev := byte(0) // the class of the byte before: a space's refuses another
	for i := 0; i < len(s); i++ {
		t := collapseClass[s[i]]
		if t&(prev|classRefused) != 0 {
			return false
		}
		prev = t
	}
	return true
}

// What a byte is to collapsed, as bits: a space, or one it refuses (white
// space other than the space, or not ASCII).
const (
	classSpace byte = 1 << iota
	classRefused
)

var collapseClass = func() (t [256]byte) {
	for c := range 256 {
		switch {
		case c == ' ':
			t[c] = classSpace
		case c >= utf8.RuneSelf || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			t[c] = classRefused
		}
	}
	return t
}()

// cleaner sanitises the strings of one article and keeps count of what it
// removed.
type cleaner struct {
	removed int
}

// line makes s fit for display as one line: sanitised, NFC, white space
// collapsed to single spaces, trimmed.
func (c *cleaner) line(s string) string {
	s, n := Sanitize(s)
	c.removed += n
	return collapseSpace(norm.NFC.String(s))
}

// collapseSpace replaces every run of white space by one space and trims the
// ends. A byte-order mark or zero-width no-break space inside the text counts
// as nothing.
func collapseSpace(s string) string {
	if collapsed(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r == '\uFEFF' {
			continue
		}
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

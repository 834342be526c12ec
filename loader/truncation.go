package loader

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
)

// truncationRe is the marker with which news APIs end an article they cut
// short: NewsAPI's "… [+1234 chars]" and its variants ("[+1234 characters]",
// "[1234 chars]"), usually after an ellipsis; maxTruncationMarker bytes
// hold it.
const maxTruncationMarker = 64

var truncationRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\s*\[\+?\d[\d,]*\s*(chars?|characters)\]\s*$`) })

// cutTruncation removes a truncation marker from the end of the draft's
// last block, leaving an ellipsis where the text was cut, and reports
// whether there was one. It runs before the blocks
// are classified, so that the marker does not make a paragraph look like
// something else.
func (d *draft) cutTruncation() bool {
	for i := len(d.blocks) - 1; i >= 0; i-- {
		b := &d.blocks[i]
		if strings.TrimSpace(b.text) == "" {
			continue
		}
		// The marker is short and last: only the tail is searched.
		start := max(0, len(b.text)-maxTruncationMarker)
		loc := truncationRe().FindStringIndex(b.text[start:])
		if loc == nil {
			return false
		}
		// The text ends where the API cut it, mid-sentence: an ellipsis
		// says so to the reader (most APIs put one before the marker).
		b.text = strings.TrimRightFunc(b.text[:start+loc[0]], unicode.IsSpace)
		if t := strings.TrimRight(b.text, "."); !strings.HasSuffix(t, "…") {
			b.text = t + "…"
		}
		return true
	}
	return false
}

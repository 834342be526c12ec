package loader

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
)

// dateMarker is the " date YYYY-MM-DD" that opens articles exported by some
// news archives (the sample articles among them): metadata, not text.
var dateMarker = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+|$)`) })

// headerLine is one of the optional "Key: value" lines atop a text article.
var headerLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?i)(title|headline|source|outlet|date|published|url|link|author|byline):[ \t]*(.*)$`)
})

// parseText reads a plain-text article: optional header lines, an optional
// date marker, then paragraphs separated by blank lines. The lines are
// read in place, never split into a list: a 10 MB article is a hundred
// thousand of them.
func parseText(s string) *draft {
	d := &draft{format: FormatText}
	// lineAt is the line that starts at off and where the next one starts
	// (past the end of s after the last).
	lineAt := func(off int) (string, int) {
		if j := strings.IndexByte(s[off:], '\n'); j >= 0 {
			return s[off : off+j], off + j + 1
		}
		return s[off:], len(s) + 1
	}
	off := 0 // the start of the first line not read yet
	for off <= len(s) {
		line, next := lineAt(off)
		if strings.TrimSpace(line) != "" {
			break
		}
		off = next
	}
	if off <= len(s) {
		if line, _ := lineAt(off); headerLine().MatchString(line) {
			for off <= len(s) {
				line, next := lineAt(off)
				m := headerLine().FindStringSubmatch(line)
				if m == nil {
					break
				}
				d.setMeta(m[1], m[2])
				off = next
			}
		}
	}
	body := ""
	if off <= len(s) {
		body = s[off:]
	}
	body = strings.TrimLeft(body, "\n")
	if m := dateMarker().FindStringSubmatchIndex(body); m != nil {
		if dl, ok := ParseDate(body[m[2]:m[3]]); ok && d.published.IsZero() {
			d.published = dl
		}
		body = body[m[1]:]
	}
	paras := splitParagraphs(body)
	if hardWrapped(body) {
		d.blocks = make([]block, 0, len(paras))
		for _, para := range paras {
			d.blocks = append(d.blocks, block{role: roleText, text: para})
		}
		return d
	}
	// One paragraph a line, as text copied from a page comes: a line break
	// inside a block still separates paragraphs (an image's alt text above
	// its caption).
	n := 0
	for _, para := range paras {
		n += strings.Count(para, "\n") + 1
	}
	d.blocks = make([]block, 0, n)
	for _, para := range paras {
		for line := range strings.SplitSeq(para, "\n") {
			d.blocks = append(d.blocks, block{role: roleText, text: line})
		}
	}
	return d
}

// hardWrapped reports text wrapped at a fixed width, as e-mail and terminal
// copies are, where a line break inside a block joins the lines of one
// paragraph. Such text has no line longer than a wrapping width.
func hardWrapped(s string) bool {
	multi := false
	for line := range strings.SplitSeq(s, "\n") {
		if utf8.RuneCountInString(line) > 100 {
			return false
		}
	}
	for _, p := range splitParagraphs(s) {
		if strings.Contains(p, "\n") {
			multi = true
		}
	}
	return multi
}

// setMeta records one metadata field under any of its usual names.
func (d *draft) setMeta(key, value string) {
	value = strings.TrimSpace(value)
	if value == "" {
		return
	}
	switch strings.ToLower(key) {
	case "title", "headline":
		d.title = value
	case "source", "outlet", "site_name", "publisher":
		d.source = value
	case "date", "published":
		if dl, ok := ParseDate(value); ok {
			d.published = dl
		}
	case "url", "link":
		d.url = value
	case "author", "byline":
		d.author = value
	}
}

// splitParagraphs splits text at blank lines.
func splitParagraphs(s string) []string {
	var out []string
	start, end := -1, 0 // the paragraph being read is s[start:end]; start -1 between paragraphs
	off := 0
	for line := range strings.SplitSeq(s, "\n") {
		if strings.TrimSpace(line) == "" {
			if start >= 0 {
				out = append(out, s[start:end])
				start = -1
			}
		} else {
			if start < 0 {
				start = off
			}
			end = off + len(line)
		}
		off += len(line) + 1
	}
	if start >= 0 {
		out = append(out, s[start:end])
	}
	return out
}

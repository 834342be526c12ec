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
// date marker, then paragraphs separated by blank lines.
func parseText(s string) *draft {
	d := &draft{format: FormatText}
	lines := strings.Split(s, "\n")
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i < len(lines) && headerLine().MatchString(lines[i]) {
		for ; i < len(lines); i++ {
			m := headerLine().FindStringSubmatch(lines[i])
			if m == nil {
				break
			}
			d.setMeta(m[1], m[2])
		}
	}
	body := strings.Join(lines[i:], "\n")
	body = strings.TrimLeft(body, "\n")
	if m := dateMarker().FindStringSubmatchIndex(body); m != nil {
		if dl, ok := ParseDate(body[m[2]:m[3]]); ok && d.published.IsZero() {
			d.published = dl
		}
		body = body[m[1]:]
	}
	paras := splitParagraphs(body)
	if !hardWrapped(body) {
		// One paragraph a line, as text copied from a page comes: a line
		// break inside a block still separates paragraphs (an image's alt
		// text above its caption).
		var lines []string
		for _, p := range paras {
			lines = append(lines, strings.Split(p, "\n")...)
		}
		paras = lines
	}
	for _, para := range paras {
		d.blocks = append(d.blocks, block{role: roleText, text: para})
	}
	return d
}

// hardWrapped reports text wrapped at a fixed width, as e-mail and terminal
// copies are, where a line break inside a block joins the lines of one
// paragraph. Such text has no line longer than a wrapping width.
func hardWrapped(s string) bool {
	multi := false
	for _, line := range strings.Split(s, "\n") {
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
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(s, "\n") {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return out
}

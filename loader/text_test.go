package loader

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// parseText reads its lines in place; parseTextSplit, splitParagraphsJoined
// and hardWrappedSplit are how they were read as lists of lines, split and
// joined again. The two must make the same drafts.
func parseTextSplit(s string) *draft {
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
	paras := splitParagraphsJoined(body)
	if !hardWrappedSplit(body) {
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
func hardWrappedSplit(s string) bool {
	multi := false
	for _, line := range strings.Split(s, "\n") {
		if utf8.RuneCountInString(line) > 100 {
			return false
		}
	}
	for _, p := range splitParagraphsJoined(s) {
		if strings.Contains(p, "\n") {
			multi = true
		}
	}
	return multi
}
func splitParagraphsJoined(s string) []string {
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

// sameDraft compares two drafts, no blocks being no blocks whether the
// list is nil or empty.
func sameDraft(a, b *draft) bool {
	if len(a.blocks) == 0 && len(b.blocks) == 0 {
		a.blocks, b.blocks = nil, nil
	}
	return reflect.DeepEqual(a, b)
}

func TestParseTextInPlace(t *testing.T) {
	long := strings.Repeat("The quake struck the province on Friday, killing twelve people, officials said. ", 2)
	var texts []string
	for _, head := range []string{"", "\n\n", "  \n", "Title: A quake\nSource: Wire\n", "Title: A quake\nSource: Wire", "Title: only\n\n", " date 2024-03-01 "} {
		for _, body := range []string{"", "\n", "one line", "a\nb\n\nc", "a\r\n\r\nb\n \n\t\nc\n", long + "\n" + long + "\n\n" + long,
			"short wrapped\nlines of mail\n\nanother one\nhere\n", "\n\n\nx\n\n\n", "é汉\n\n\xff\n"} {
			texts = append(texts, head+body)
		}
	}
	for _, s := range texts {
		if got, want := parseText(s), parseTextSplit(s); !sameDraft(got, want) {
			t.Errorf("parseText(%q):\n got %+v\nwant %+v", s, got, want)
		}
		if got, want := splitParagraphs(s), splitParagraphsJoined(s); !reflect.DeepEqual(got, want) {
			t.Errorf("splitParagraphs(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzParseTextInPlace(f *testing.F) {
	f.Add("Title: A\n\n date 2024-03-01 x\ny\n\nz")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := parseText(s), parseTextSplit(s); !sameDraft(got, want) {
			t.Errorf("parseText(%q):\n got %+v\nwant %+v", s, got, want)
		}
	})
}

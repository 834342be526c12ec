package loader

import (
	"strings"
)

// draft is what a format parser hands on: raw metadata and blocks of text,
// before cleaning, classification and sentence splitting, which are the same
// for every format.
type draft struct {
	format    Format
	source    string
	title     string
	author    string
	url       string
	published Dateline
	blocks    []block
	invalid   int // invalid UTF-8 sequences replaced while decoding
}

// block is one paragraph as a parser found it. kind is empty when only the
// text can tell it; a parser sets it when the markup says (a heading, a
// figure caption).
type block struct {
	kind Kind
	text string
}

// finish turns a draft into an Article: every string sanitised and
// normalised, empty blocks dropped, kinds decided, sentences split.
func (d *draft) finish() *Article {
	var c cleaner
	a := &Article{
		Format:      d.format,
		Source:      c.line(d.source),
		Title:       c.line(d.title),
		Author:      c.line(d.author),
		URL:         c.line(d.url),
		Published:   d.published,
		InvalidUTF8: d.invalid,
	}
	hasTitle := false
	for _, b := range d.blocks {
		text := c.line(b.text)
		if text == "" {
			continue
		}
		kind := b.kind
		switch {
		case a.Title != "" && sameText(text, a.Title):
			if hasTitle || len(a.Paragraphs) > 0 {
				continue // a page repeats its headline: keep it once, first
			}
			kind = KindTitle
		case kind == "":
			kind = Classify(text, len(a.Paragraphs) == 0 && a.Title == "")
		}
		if kind == KindTitle {
			if hasTitle || len(a.Paragraphs) > 0 {
				kind = KindSubheading // only the opening headline is the title
			} else {
				hasTitle = true
				if a.Title == "" {
					a.Title = text
				}
			}
		}
		if kind == KindBoilerplate && a.Published.IsZero() && len(a.Paragraphs) < 4 {
			// A date line under the headline is the article's date when the
			// format gave none.
			if dl, ok := datelineOf(text); ok {
				a.Published = dl
			}
		}
		a.Paragraphs = append(a.Paragraphs, Paragraph{Kind: kind, Text: text})
	}
	// Every article with a headline opens with it, so the interface and the
	// exports show it in one place whatever the format carried it in.
	if a.Title != "" && !hasTitle {
		a.Paragraphs = append([]Paragraph{{Kind: KindTitle, Text: a.Title}}, a.Paragraphs...)
	}
	for i := range a.Paragraphs {
		p := &a.Paragraphs[i]
		p.Index = i
		p.Sentences = SplitSentences(p.Text)
	}
	a.ControlsRemoved = c.removed
	return a
}

func sameText(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

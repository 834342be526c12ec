package loader

import (
	"context"
	"net/url"
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
	invalid   int  // invalid UTF-8 sequences replaced while decoding
	markupCut bool // HTML past maxHTMLDepth or maxHTMLElements: those tags were dropped, their text kept
}

// block is one paragraph as a parser found it, with what the markup says
// of it. Plain text says nothing (roleText) and the words alone tell the
// kind; markup tells a heading, a list item or a caption by its tag.
type block struct {
	role  role
	level int // of a heading: 1 to 6, or 7 for a paragraph set in bold
	text  string
	// furniture is set on the blocks of a section that a furniture heading
	// opened ("Related", "More news", "Comments"): page furniture, whatever
	// their words.
	furniture bool
	// link is set on a block whose every word is a link to another page.
	link bool
	// figcaption is set on the text of a figcaption element: a caption by
	// the page's markup, not by a guess from its place or words.
	figcaption bool
}

// role is what the markup of an input says a block is.
type role int

const (
	roleText      role = iota // no markup: plain text, or text a JSON field held
	roleHeading               // h1 to h6, a Markdown heading, a paragraph wholly in bold
	roleParagraph             // a paragraph of markup: p, blockquote, a Markdown paragraph
	roleLoose                 // text in a div or between blocks, which no paragraph tag holds
	roleItem                  // a list item, a definition, a table row
	roleCode                  // preformatted text
	roleCaption               // figcaption, a table's caption, an image alone
)

// finish turns a draft into an Article: every string sanitised and
// normalised, empty blocks dropped, kinds decided, sentences split.
func (d *draft) finish(ctx context.Context) *Article {
	var c cleaner
	a := &Article{
		Format:      d.format,
		Source:      c.line(d.source),
		Title:       c.line(d.title),
		Author:      trimBy(c.line(d.author)),
		URL:         safeURL(c.line(d.url)),
		Published:   d.published,
		InvalidUTF8: d.invalid,
		MarkupCut:   d.markupCut,
	}
	a.Truncated = d.cutTruncation()
	hasTitle := false
	for i, b := range d.blocks {
		if i%256 == 255 && ctx.Err() != nil {
			return a // given up on (see Options.Budget): the caller drops it
		}
		text := c.line(b.text)
		if text == "" {
			continue
		}
		var kind Kind
		switch {
		case b.furniture:
			kind = KindBoilerplate
		case a.Title != "" && sameText(text, a.Title):
			if hasTitle || len(a.Paragraphs) > 0 {
				continue // a page repeats its headline: keep it once, first
			}
			kind = KindTitle
		default:
			kind = classifyBlock(b, text, len(a.Paragraphs) == 0 && a.Title == "")
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
		if a.Published.IsZero() && len(a.Paragraphs) < 4 {
			// A date line under the headline, or a date opening the
			// lede as wire copy does ("Feb. 23, 2015 -- Peanut
			// allergies..."), is the article's date when the format gave
			// none.
			if dl, ok := datelineOf(text); ok && kind == KindBoilerplate {
				a.Published = dl
			} else if dl, ok := openingDate(text); ok && kind == KindBody {
				a.Published = dl
			}
		}
		a.Paragraphs = append(a.Paragraphs, Paragraph{Kind: kind, Text: text})
	}
	for i := range a.Paragraphs {
		if i%256 == 255 && ctx.Err() != nil {
			return a
		}
		p := &a.Paragraphs[i]
		p.Sentences = SplitSentences(p.Text)
	}
	markTail(a.Paragraphs)
	if d.markup() {
		markPullQuotes(a.Paragraphs) // a page's layout makes them; plain text has none
	}
	// Every article with a headline opens with it, so the interface and the
	// exports show it in one place whatever the format carried it in.
	if a.Title != "" && !hasTitle {
		a.Paragraphs = append([]Paragraph{{Kind: KindTitle, Text: a.Title, Sentences: SplitSentences(a.Title)}}, a.Paragraphs...)
	}
	for i := range a.Paragraphs {
		a.Paragraphs[i].Index = i
	}
	a.ControlsRemoved = c.removed
	return a
}

// safeURL keeps an article's URL only when it is a web address (http or
// https, absolute): a javascript:, data: or file: link in a page's metadata
// is no article's address and would become a live link in an export.
func safeURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" || u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	return s
}

// markup reports a draft read from markup (HTML, Markdown), whose blocks
// say what they are.
func (d *draft) markup() bool {
	for _, b := range d.blocks {
		if b.role != roleText {
			return true
		}
	}
	return false
}

// trimBy takes "By" off an author's name as a byline gives it.
func trimBy(s string) string {
	if len(s) > 3 && strings.EqualFold(s[:3], "by ") {
		return strings.TrimSpace(s[3:])
	}
	return s
}

func sameText(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

package loader

import (
	"context"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
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
	pre := d.readBlocks(ctx, &c)
	a.Paragraphs = make([]Paragraph, 0, len(d.blocks)) // at most one a block: grown, a 10 MB article's were copied over and over
	hasTitle := false
	for i, b := range d.blocks {
		if i%256 == 255 && ctx.Err() != nil {
			return a // given up on (see Options.Budget): the caller drops it
		}
		var text string
		if pre != nil {
			text = pre[i].text
		} else {
			text = c.line(b.text)
		}
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
		case pre != nil && !(len(a.Paragraphs) == 0 && a.Title == ""):
			kind = pre[i].kind
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
	if !splitSentences(ctx, a.Paragraphs) {
		return a
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

// parallelFrom is parallelBlocks, which a test raises to read a long
// article on one core and compare.
var parallelFrom = parallelBlocks

// readBlock is a block's cleaned text and its kind when it does not open
// the article.
type readBlock struct {
	text string
	kind Kind
}

// readBlocks cleans and classifies a long draft's blocks on every core, as
// if none opened the article (finish asks again for the one that does):
// the rest of the loader reads one article on one core, and one of 10 MB
// took 0.3 s of it here while the other core waited. A short draft is
// left to finish's own loop (nil).
func (d *draft) readBlocks(ctx context.Context, c *cleaner) []readBlock {
	if len(d.blocks) < parallelFrom {
		return nil
	}
	out := make([]readBlock, len(d.blocks))
	removed := eachChunk(ctx, len(d.blocks), func(from, to int) int {
		var wc cleaner
		for i := from; i < to; i++ {
			b := d.blocks[i]
			text := wc.line(b.text)
			out[i].text = text
			if text != "" && !b.furniture {
				out[i].kind = classifyBlock(b, text, false)
			}
		}
		return wc.removed
	})
	c.removed += removed
	return out
}

// splitSentences splits every paragraph into sentences, a long article's
// on every core. It reports false when ctx is done first.
func splitSentences(ctx context.Context, ps []Paragraph) bool {
	split := func(from, to int) int {
		for i := from; i < to; i++ {
			ps[i].Sentences = SplitSentences(ps[i].Text)
		}
		return 0
	}
	if len(ps) < parallelFrom {
		for from := 0; from < len(ps); from += 256 {
			if ctx.Err() != nil {
				return false
			}
			split(from, min(len(ps), from+256))
		}
		return true
	}
	eachChunk(ctx, len(ps), split)
	return ctx.Err() == nil
}

// eachChunk runs do over [0, n) in chunks of 256 on every core until ctx
// is done, and sums what the calls return.
func eachChunk(ctx context.Context, n int, do func(from, to int) int) int {
	const chunk = 256
	var next, total atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for ctx.Err() == nil {
				from := int(next.Add(chunk)) - chunk
				if from >= n {
					return
				}
				total.Add(int64(do(from, min(n, from+chunk))))
			}
		})
	}
	wg.Wait()
	return int(total.Load())
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

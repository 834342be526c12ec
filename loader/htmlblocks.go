package loader

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Tags that make a paragraph of their own.
var blockTags = sync.OnceValue(func() map[atom.Atom]bool {
	return map[atom.Atom]bool{
		atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
		atom.H6: true, atom.Li: true, atom.Blockquote: true, atom.Figcaption: true, atom.Pre: true,
		atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true, atom.Figure: true,
		atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dd: true, atom.Dt: true, atom.Table: true,
		atom.Tr: true, atom.Caption: true, atom.Header: true, atom.Hr: true, atom.Address: true,
		atom.Details: true, atom.Summary: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
	}
})

// cellTags are a table row's cells: a row whose cells hold no blocks is one
// paragraph, its cells separated by cellSeparator, so that a data table
// reads a row a line.
var cellTags = sync.OnceValue(func() map[atom.Atom]bool {
	return map[atom.Atom]bool{atom.Td: true, atom.Th: true}
})

const cellSeparator = " | "

// boldLevel is the heading level given to a paragraph set wholly in bold,
// below every heading tag.
const boldLevel = 7

// tagRole is what a block element says of its text, and a heading's level.
func tagRole(a atom.Atom) (role, int) {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return roleHeading, int(a.String()[1] - '0')
	case atom.Figcaption, atom.Caption:
		return roleCaption, 0
	case atom.Li, atom.Dd, atom.Dt, atom.Tr:
		return roleItem, 0
	case atom.Pre:
		return roleCode, 0
	case atom.P, atom.Blockquote:
		return roleParagraph, 0
	}
	return roleLoose, 0
}

// htmlBlocks adds the paragraphs under n: each block element without block
// children is one paragraph; text between block elements is one too.
func (d *draft) htmlBlocks(n *html.Node) {
	w := blockWalker{d: d, blocky: map[*html.Node]bool{}}
	w.total = countWords(n)
	w.walk(n)
}

// blockWalker turns an element's tree into blocks.
//
// It keeps the state of a furniture section: a heading such as "Related" or
// "Comments" makes the blocks after it furniture, up to a heading of its
// level or above. The section ends with the element that holds the heading,
// unless that element holds nothing after the heading but furniture by its
// own words, as in <header><h3>2 comments</h3><p>Post a comment</p></header>
// <ol>...</ol>, where the section goes on over the element's next siblings.
type blockWalker struct {
	d *draft
	// furnLevel is the level of the heading that opened the current
	// furniture section, 0 outside one; opened is that heading's index in
	// d.blocks.
	furnLevel, opened int
	// inCell counts the table cells around the walk: a bold cell is a
	// table's header, not a heading.
	inCell int
	// afterImage is set when an image was the last content met: a short line
	// right after it is its caption or credit.
	afterImage bool
	// total is the number of words under the walk's start.
	total int
	// blocky remembers hasBlock for each element asked about, so that each
	// subtree is searched once however deep it lies.
	blocky map[*html.Node]bool
}

func (w *blockWalker) add(b block) {
	if strings.TrimSpace(b.text) == "" {
		return
	}
	if w.afterImage && (b.role == roleParagraph || b.role == roleLoose) && headlineShaped(collapseSpace(b.text)) {
		b.role = roleCaption
	}
	w.afterImage = false
	if b.role == roleHeading {
		switch {
		case isFurnitureHeading(b.text):
			w.furnLevel, w.opened = b.level, len(w.d.blocks)
		case w.furnLevel > 0 && b.level <= w.furnLevel:
			w.furnLevel = 0
		}
	}
	b.furniture = w.furnLevel > 0
	w.d.blocks = append(w.d.blocks, b)
}

// walk adds the blocks under n.
func (w *blockWalker) walk(n *html.Node) {
	var buf strings.Builder
	// Text between blocks takes the role of the element that holds it: the
	// words of a list item before its sublist are still the item's.
	loose, _ := tagRole(n.DataAtom)
	if loose != roleItem && loose != roleParagraph {
		loose = roleLoose
	}
	cells := 0
	// Loose text that is all links to other pages is a link as a paragraph
	// of links is: "Learn more" and "See all plans" set straight in a div.
	// linked and unlinked count the letters of each, spaces aside.
	linked, unlinked := 0, 0
	flush := func() {
		w.add(block{role: loose, text: buf.String(), link: linked > 0 && unlinked == 0})
		buf.Reset()
		cells, linked, unlinked = 0, 0, 0
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			buf.WriteString(c.Data)
			unlinked += len(strings.TrimSpace(c.Data))
		case c.Type != html.ElementNode || skipTags()[c.DataAtom]:
		case c.DataAtom == atom.Br:
			buf.WriteByte('\n')
		case c.DataAtom == atom.Img:
			w.afterImage = strings.TrimSpace(buf.String()) == ""
		case blockTags()[c.DataAtom] || w.hasBlock(c):
			flush()
			r, level := tagRole(c.DataAtom)
			switch {
			case r == roleHeading || r == roleCaption || !w.hasBlock(c):
				text := w.text(c)
				if strings.TrimSpace(text) == "" {
					if hasImage(c) {
						w.afterImage = true
					}
					continue
				}
				if (r == roleParagraph || r == roleLoose) && w.inCell == 0 && boldOnly(c) {
					r, level = roleHeading, boldLevel
				}
				if (r == roleParagraph || r == roleLoose) && hasImage(c) && headlineShaped(collapseSpace(text)) {
					r = roleCaption // a credit or caption set with its image
				}
				if r == roleHeading {
					text = trimAnchor(text)
				}
				w.add(block{role: r, level: level, text: text, link: linkOnly(c), figcaption: c.DataAtom == atom.Figcaption})
			default:
				prev := w.furnLevel
				if cellTags()[c.DataAtom] {
					w.inCell++
				}
				before := len(w.d.blocks)
				w.walk(c)
				if cellTags()[c.DataAtom] {
					w.inCell--
				}
				w.markBox(before)
				if w.furnLevel != 0 && w.furnLevel != prev && !w.onlyHeaderSince(w.opened) {
					w.furnLevel = prev // the section ended with the element it opened in
				}
			}
		case cellTags()[c.DataAtom]:
			if t := w.text(c); strings.TrimSpace(t) != "" {
				if cells > 0 {
					buf.WriteString(cellSeparator)
				}
				buf.WriteString(t)
				cells++
				unlinked += len(strings.TrimSpace(t))
			}
		default:
			t := w.text(c)
			buf.WriteString(t)
			if outLink(c) || linkOnly(c) {
				linked += len(strings.TrimSpace(t))
			} else {
				unlinked += len(strings.TrimSpace(t))
			}
		}
	}
	flush()
}

// markBox makes furniture of the blocks an element added since index before
// when they form a box of furniture: a few short blocks of which many, in
// number and in words, are furniture by their own words, as a newsletter
// sign-up with its plans and prices, or a share bar, is. Their other blocks
// ("Annual", "A discounted plan") are the box's too. A box is a small part
// of the article, never most of it.
func (w *blockWalker) markBox(before int) {
	bs := w.d.blocks[before:]
	if len(bs) < minBoxBlocks {
		return
	}
	// The words first, stopping past a box's size: each element is asked
	// once per ancestor, so the cost must not grow with the element.
	words := 0
	for _, b := range bs {
		if words += wordUnits(b.text); words > maxBoxWords {
			return
		}
	}
	if words*boxShareOfArticle > w.total {
		return
	}
	furniture, furnitureWords := 0, 0
	for _, b := range bs {
		text := collapseSpace(b.text)
		if k, ok := contentKind(text); b.furniture || ok && k == KindBoilerplate {
			furniture++
			furnitureWords += wordUnits(text)
		}
	}
	if furniture*10 < len(bs)*boxFurnitureShare || furnitureWords*10 < words*boxFurnitureShare {
		return
	}
	for i := range bs {
		bs[i].furniture = true
	}
}

// onlyHeaderSince reports whether the blocks after the heading at index i
// are all furniture by their own words ("Post a comment", "Share"): what a
// section's header holds besides its heading, a few labels at most.
func (w *blockWalker) onlyHeaderSince(i int) bool {
	rest := w.d.blocks[i+1:]
	if len(rest) > maxHeaderBlocks {
		return false
	}
	for _, b := range rest {
		if k, ok := contentKind(collapseSpace(b.text)); !ok || k != KindBoilerplate {
			return false
		}
	}
	return true
}

// hasBlock reports whether a block element lies anywhere under n.
func (w *blockWalker) hasBlock(n *html.Node) bool {
	if v, ok := w.blocky[n]; ok {
		return v
	}
	v := false
	for c := n.FirstChild; c != nil && !v; c = c.NextSibling {
		v = c.Type == html.ElementNode && (blockTags()[c.DataAtom] || w.hasBlock(c))
	}
	w.blocky[n] = v
	return v
}

// text is the text under n, with line breaks for <br> and block ends, and
// separators between table cells; images and skipped tags give none.
func (w *blockWalker) text(n *html.Node) string {
	var b strings.Builder
	appendText(&b, n)
	return b.String()
}

func appendText(b *strings.Builder, n *html.Node) {
	cells := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			b.WriteString(c.Data)
		case c.Type != html.ElementNode || skipTags()[c.DataAtom]:
		case c.DataAtom == atom.Br:
			b.WriteByte('\n')
		case c.DataAtom == atom.Img:
		case cellTags()[c.DataAtom]:
			var cell strings.Builder
			appendText(&cell, c)
			if strings.TrimSpace(cell.String()) != "" {
				if cells > 0 {
					b.WriteString(cellSeparator)
				}
				b.WriteString(cell.String())
				cells++
			}
		default:
			appendText(b, c)
			if blockTags()[c.DataAtom] {
				b.WriteByte('\n')
			}
		}
	}
}

// trimAnchor takes off the permalink sign that documentation pages put after
// a heading: "Setting up¶", "Using the API #".
func trimAnchor(s string) string {
	return strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("¶#§🔗", r) })
}

// linkOnly reports an element whose every word is inside a link to another
// page; a link within the page ("#section", a table of contents) does not
// count.
func linkOnly(n *html.Node) bool {
	return allTextIn(n, outLink)
}

// outLink reports a link to another page.
func outLink(c *html.Node) bool {
	href := strings.TrimSpace(attr(c, "href"))
	return c.DataAtom == atom.A && href != "" && !strings.HasPrefix(href, "#") &&
		!strings.HasPrefix(strings.ToLower(href), "javascript:")
}

// boldOnly reports a paragraph whose every word is in bold (b or strong): a
// heading set as a paragraph, as many sites write their subheadings.
func boldOnly(n *html.Node) bool {
	return allTextIn(n, func(c *html.Node) bool { return c.DataAtom == atom.B || c.DataAtom == atom.Strong })
}

// allTextIn reports whether n holds text and all of it lies inside elements
// that mark says of.
func allTextIn(n *html.Node, mark func(*html.Node) bool) bool {
	text, marked := 0, 0
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, in bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				k := len(strings.TrimSpace(c.Data))
				text += k
				if in {
					marked += k
				}
			case html.ElementNode:
				if !skipTags()[c.DataAtom] {
					walk(c, in || mark(c))
				}
			}
		}
	}
	walk(n, false)
	return text > 0 && marked == text
}

// countWords counts the words of the text under n, as wordUnits does, without
// building the text.
func countWords(n *html.Node) int {
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			total += wordUnits(c.Data)
		case c.Type == html.ElementNode && !skipTags()[c.DataAtom]:
			total += countWords(c)
		}
	}
	return total
}

// hasImage reports an image under n.
func hasImage(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Img || c.DataAtom == atom.Picture || hasImage(c)) {
			return true
		}
	}
	return false
}

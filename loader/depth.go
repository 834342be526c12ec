package loader

import (
	"strings"
	"sync"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The HTML parser and readability both spend, for each element, time in
// proportion to how deep it lies (the parser checks the open elements' scope
// at each end tag, readability walks each node's ancestors), so a page
// nested 100,000 deep, or 50,000 tags never closed, costs the square of its
// size. limitMarkup cuts such a page down before either sees it: tags that
// would open an element deeper than maxHTMLDepth are dropped, with their end
// tags, and their text is kept in the deepest element still open. Past
// maxHTMLElements elements every further tag is dropped the same way: a page
// of millions of empty tags, even shallow ones, costs both libraries memory
// and time for each (readability copies the tree), and no article needs
// them.

// voidTags never hold content, so they do not nest.
var voidTags = sync.OnceValue(func() map[atom.Atom]bool {
	return map[atom.Atom]bool{
		atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true, atom.Hr: true,
		atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Param: true, atom.Source: true,
		atom.Track: true, atom.Wbr: true, atom.Keygen: true,
	}
})

// rawTextTags hold text the tokenizer reads raw: never dropped, or their
// content (a script) would be read as the page's text.
var rawTextTags = sync.OnceValue(func() map[atom.Atom]bool {
	return map[atom.Atom]bool{
		atom.Script: true, atom.Style: true, atom.Textarea: true, atom.Title: true, atom.Xmp: true,
		atom.Iframe: true, atom.Noembed: true, atom.Noframes: true, atom.Noscript: true, atom.Plaintext: true,
	}
})

// selfClosing are the elements that a start tag of the same name closes
// (<li> after <li>), as the HTML parser does; a block's start tag closes a
// <p> too.
var selfClosing = sync.OnceValue(func() map[atom.Atom]bool {
	return map[atom.Atom]bool{
		atom.P: true, atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Option: true, atom.Tr: true,
		atom.Td: true, atom.Th: true,
	}
})

// limitMarkup returns the page with every element deeper than maxDepth, or
// past the first maxElements, dropped, and whether it dropped any. A page
// with fewer tags than maxDepth cannot be cut and is returned at once. The
// cost is linear: the open elements are kept on a stack of at most maxDepth
// entries, and an end tag looks for its element in that stack only.
func limitMarkup(page string, maxDepth, maxElements int) (string, bool) {
	if strings.Count(page, "<") <= maxDepth {
		return page, false
	}
	elements := 0
	z := html.NewTokenizer(strings.NewReader(page))
	var b strings.Builder
	b.Grow(len(page))
	var stack []atom.Atom
	dropped := map[string]int{} // start tags dropped and not yet closed, by name
	cut := false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if voidTags()[a] {
				break
			}
			if n := len(stack); n > 0 && (selfClosing()[stack[n-1]] && stack[n-1] == a || stack[n-1] == atom.P && blockTags()[a]) {
				stack = stack[:n-1]
			}
			if (len(stack) >= maxDepth || elements >= maxElements) && !rawTextTags()[a] {
				dropped[string(name)]++
				cut = true
				continue
			}
			stack = append(stack, a)
			elements++
		case html.EndTagToken:
			name, _ := z.TagName()
			if dropped[string(name)] > 0 {
				dropped[string(name)]--
				continue
			}
			a := atom.Lookup(name)
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i] == a {
					stack = stack[:i]
					break
				}
			}
		}
		b.Write(raw)
	}
	if !cut {
		return page, false
	}
	return b.String(), true
}

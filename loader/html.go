package loader

import (
	"fmt"
	"net/url"
	"strings"
	"sync"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseHTML reads a news page as a browser saves it. The article body comes
// from readability (Mozilla's algorithm); the metadata from the page's meta
// tags and JSON-LD, which name the outlet, the author and the publication
// time more reliably than the visible page.
func parseHTML(raw []byte, contentType string, pageURL string) (*draft, error) {
	d := &draft{format: FormatHTML}
	text, invalid := decodeHTML(raw, contentType)
	d.invalid = invalid
	text, d.markupCut = limitMarkup(text, maxHTMLDepth, maxHTMLElements)
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, errorf("parse HTML: %v", err)
	}
	m := pageMeta(doc)
	var base *url.URL
	if u, err := url.Parse(pageURL); err == nil && u.Scheme != "" {
		base = u
	}
	parser := readability.NewParser()
	art, err := parser.ParseAndMutate(doc, base)
	if err != nil || art.Node == nil {
		return nil, fmt.Errorf("%w: no article text found in the page", ErrEmpty)
	}
	d.title = first(m.ldHeadline, m.meta["og:title"], m.meta["twitter:title"], m.h1, art.Title(), m.title)
	d.author = first(m.ldAuthor, notURL(m.meta["author"]), notURL(m.meta["article:author"]), art.Byline())
	d.url = first(absURL(base, m.canonical), absURL(base, m.meta["og:url"]), absURL(base, m.ldURL), pageURL)
	d.source = first(m.meta["og:site_name"], m.ldPublisher, m.meta["application-name"], art.SiteName(),
		siteFromTitle(m.title, append([]string{d.title}, m.h1s...)...))
	d.title = trimSite(d.title, d.source)
	d.published = m.published()
	d.htmlBlocks(art.Node)
	return d, nil
}

// Tags whose content is never article text, even when readability keeps them.
var skipTags = sync.OnceValue(func() map[atom.Atom]bool {
	return map[atom.Atom]bool{
		atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true, atom.Form: true,
		atom.Button: true, atom.Iframe: true, atom.Svg: true, atom.Template: true, atom.Select: true,
		atom.Aside: true, atom.Footer: true, atom.Input: true, atom.Textarea: true,
	}
})

// nodeText is the text under n, for the page's <title>.
func nodeText(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// first returns the first non-blank string.
func first(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// absURL resolves a link of the page against the page's address, when
// known: a canonical link is often written "/world/story".
func absURL(base *url.URL, s string) string {
	s = strings.TrimSpace(s)
	if base == nil || s == "" {
		return s
	}
	u, err := base.Parse(s)
	if err != nil {
		return s
	}
	return u.String()
}

func notURL(s string) string {
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		return ""
	}
	return s
}

package loader

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// parseHTML reads a news page as a browser saves it. The article body comes
// from readability (Mozilla's algorithm); the metadata from the page's meta
// tags and JSON-LD, which name the outlet, the author and the publication
// time more reliably than the visible page.
func parseHTML(raw []byte, contentType string, pageURL string) (*draft, error) {
	d := &draft{format: FormatHTML}
	text, invalid := decodeHTML(raw, contentType)
	d.invalid = invalid
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
	d.title = first(m.ldHeadline, m.meta["og:title"], m.meta["twitter:title"], art.Title(), m.title)
	d.source = first(m.meta["og:site_name"], m.ldPublisher, m.meta["application-name"], art.SiteName())
	d.author = first(m.ldAuthor, notURL(m.meta["author"]), notURL(m.meta["article:author"]), art.Byline())
	d.url = first(m.canonical, m.meta["og:url"], m.ldURL, pageURL)
	for _, s := range []string{m.ldPublished, m.meta["article:published_time"], m.meta["og:published_time"],
		m.meta["datepublished"], m.meta["pubdate"], m.meta["publishdate"], m.meta["date"], m.meta["dc.date"],
		m.meta["parsely-pub-date"], m.timeTag} {
		if dl, ok := ParseDate(s); ok {
			d.published = dl
			break
		}
	}
	d.htmlBlocks(art.Node)
	return d, nil
}

// decodeHTML returns the page as UTF-8. A page in a legacy encoding declared
// by its meta tag or the HTTP header is converted; bytes that still do not
// decode are replaced and counted.
func decodeHTML(raw []byte, contentType string) (string, int) {
	if !utf8.Valid(raw) {
		if enc, name, _ := charset.DetermineEncoding(raw, contentType); name != "utf-8" {
			if out, err := enc.NewDecoder().Bytes(raw); err == nil {
				raw = out
			}
		}
	}
	return ValidUTF8(raw)
}

// meta is what a page says of itself in its head.
type meta struct {
	title, canonical, timeTag                             string
	meta                                                  map[string]string
	ldHeadline, ldPublisher, ldAuthor, ldURL, ldPublished string
}

func pageMeta(doc *html.Node) meta {
	m := meta{meta: map[string]string{}}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if m.title == "" {
					m.title = nodeText(n)
				}
			case atom.Meta:
				key := strings.ToLower(first(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				if key != "" && m.meta[key] == "" {
					m.meta[key] = attr(n, "content")
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					m.canonical = attr(n, "href")
				}
			case atom.Time:
				if m.timeTag == "" {
					m.timeTag = attr(n, "datetime")
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					var v any
					if json.Unmarshal([]byte(n.FirstChild.Data), &v) == nil {
						m.readLD(v)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return m
}

// readLD takes the article fields of a JSON-LD block: an object, an array, or
// a @graph, where the object whose @type ends in "Article" or "Posting" is the
// story.
func (m *meta) readLD(v any) {
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			m.readLD(x)
		}
	case map[string]any:
		if g, ok := v["@graph"]; ok {
			m.readLD(g)
		}
		t, _ := scalarString(v["@type"])
		if !strings.HasSuffix(t, "Article") && !strings.HasSuffix(t, "Posting") && !strings.Contains(t, "Article,") {
			return
		}
		pick := func(dst *string, keys ...string) {
			if *dst != "" {
				return
			}
			for _, k := range keys {
				if s, ok := scalarString(v[k]); ok && s != "" {
					*dst = s
					return
				}
			}
		}
		pick(&m.ldHeadline, "headline", "name")
		pick(&m.ldPublished, "datePublished", "dateCreated")
		pick(&m.ldAuthor, "author", "creator")
		pick(&m.ldPublisher, "publisher", "sourceOrganization")
		if m.ldURL == "" {
			if s, ok := v["url"].(string); ok {
				m.ldURL = s
			} else if mp, ok := v["mainEntityOfPage"].(map[string]any); ok {
				m.ldURL, _ = mp["@id"].(string)
			} else if s, ok := v["mainEntityOfPage"].(string); ok {
				m.ldURL = s
			}
		}
	}
}

// Tags whose content is never article text, even when readability keeps them.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true, atom.Form: true,
	atom.Button: true, atom.Iframe: true, atom.Svg: true, atom.Template: true, atom.Select: true,
	atom.Aside: true, atom.Footer: true, atom.Input: true, atom.Textarea: true,
}

// Tags that make a paragraph of their own.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Li: true, atom.Blockquote: true, atom.Figcaption: true, atom.Pre: true,
	atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true, atom.Figure: true,
	atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dd: true, atom.Dt: true, atom.Table: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Caption: true, atom.Header: true,
	atom.Hr: true, atom.Address: true, atom.Details: true, atom.Summary: true,
}

// htmlBlocks adds the paragraphs under n: each block element without block
// children is one paragraph; text between block elements is one too.
func (d *draft) htmlBlocks(n *html.Node) {
	var buf strings.Builder
	flush := func() {
		if strings.TrimSpace(buf.String()) != "" {
			d.blocks = append(d.blocks, block{text: buf.String()})
		}
		buf.Reset()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			buf.WriteString(c.Data)
		case c.Type != html.ElementNode || skipTags[c.DataAtom]:
		case c.DataAtom == atom.Br:
			buf.WriteByte('\n')
		case blockTags[c.DataAtom] || hasBlock(c):
			flush()
			kind := tagKind(c.DataAtom)
			if kind != "" || !hasBlock(c) {
				d.blocks = append(d.blocks, block{kind: kind, text: nodeText(c)})
			} else {
				d.htmlBlocks(c)
			}
		default:
			buf.WriteString(nodeText(c))
		}
	}
	flush()
}

func tagKind(a atom.Atom) Kind {
	switch a {
	case atom.H1:
		return KindTitle // finish makes it a subheading unless it opens the article
	case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return KindSubheading
	case atom.Figcaption, atom.Caption:
		return KindCaption
	}
	return ""
}

func hasBlock(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (blockTags[c.DataAtom] || hasBlock(c)) {
			return true
		}
	}
	return false
}

// nodeText is the text under n, with line breaks for <br> and block ends.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type != html.ElementNode || skipTags[c.DataAtom]:
			case c.DataAtom == atom.Br:
				b.WriteByte('\n')
			case c.DataAtom == atom.Img:
			default:
				walk(c)
				if blockTags[c.DataAtom] {
					b.WriteByte('\n')
				}
			}
		}
	}
	walk(n)
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

func notURL(s string) string {
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		return ""
	}
	return s
}

package loader

import (
	"encoding/json"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// meta is what a page says of itself: its head's tags, its JSON-LD, its
// microdata, and the date line under its headline.
type meta struct {
	title, canonical, timeTag, itemDate, dateLine string
	h1                                            string   // the headline's <h1>
	h1s                                           []string // the first few <h1> texts
	meta                                          map[string]string
	ldHeadline, ldPublisher, ldAuthor, ldURL      string
	ldPublished                                   string // of the object that is the article
	ldAnyPublished                                string // of any object, when none is an article
}

// dateMetaKeys are the meta tags (property, name or itemprop, in lower case)
// that carry a page's publication date, in order of trust: Open Graph's
// article namespace, schema.org's name, the usual CMS and Dublin Core names.
var dateMetaKeys = []string{
	"article:published_time", "og:published_time", "og:article:published_time", "article:published",
	"article:publicationdate", "datepublished", "pubdate", "publishdate", "publish-date", "publish_date",
	"publication_date", "date", "dc.date.issued", "dc.date", "dcterms.issued", "dcterms.date",
	"dcterms.created", "parsely-pub-date", "sailthru.date",
}

// published is the page's publication date: JSON-LD's, then the meta tags',
// then microdata's (itemprop="datePublished" on any element), then a <time>
// element's, then a date line under the headline.
func (m *meta) published() Dateline {
	cands := []string{m.ldPublished}
	for _, k := range dateMetaKeys {
		cands = append(cands, m.meta[k])
	}
	cands = append(cands, m.itemDate, m.timeTag, m.ldAnyPublished)
	for _, s := range cands {
		if dl, ok := ParseDate(s); ok {
			return dl
		}
	}
	if dl, ok := datelineOf(m.dateLine); ok {
		return dl
	}
	return Dateline{}
}

// dateLineWindow is how many short texts after the page's first <h1> are
// looked at for a date line: the byline block under a headline holds the
// author, the date and a few links, rarely more than a dozen texts.
const dateLineWindow = 40

// maxPageTexts bounds the short texts of a page kept to look for its date
// line: the headline sits in the first few thousand.
const maxPageTexts = 20000

func pageMeta(doc *html.Node) meta {
	m := meta{meta: map[string]string{}}
	// The short texts of the body in order, and the <h1>s among them, to
	// find the headline and the date line under it once all are seen.
	type heading struct {
		text       string
		score, pos int
	}
	var texts []string
	var h1s []heading
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if depth > maxHTMLDepth {
			return
		}
		if n.Type == html.TextNode && len(texts) < maxPageTexts {
			if t := strings.TrimSpace(n.Data); t != "" && wordUnits(t) <= 12 {
				texts = append(texts, t)
			}
		}
		if n.Type == html.ElementNode {
			if strings.EqualFold(attr(n, "itemprop"), "datePublished") && m.itemDate == "" {
				m.itemDate = first(attr(n, "content"), attr(n, "datetime"), attr(n, "title"), nodeText(n))
			}
			switch n.DataAtom {
			case atom.Title:
				if m.title == "" {
					m.title = nodeText(n)
				}
			case atom.H1:
				if len(h1s) < 10 {
					if t := trimAnchor(collapseSpace(deepText(n))); t != "" {
						h1s = append(h1s, heading{t, headlineScore(n, t, m.title, m.meta["og:title"], m.meta["twitter:title"]), len(texts)})
					}
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
					if json.Unmarshal([]byte(unwrapScript(n.FirstChild.Data)), &v) == nil {
						m.readLD(v)
					}
				}
				return
			case atom.Style, atom.Noscript, atom.Template:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	// The headline's <h1> is the one microdata marks, else the one the
	// page's title opens with, else one it holds; the first <h1> of a page
	// is often its logo or its section's name.
	best := -1
	for i, h := range h1s {
		m.h1s = append(m.h1s, h.text)
		if h.score > 0 && (best < 0 || h.score > h1s[best].score) {
			best = i
		}
	}
	if best >= 0 {
		m.h1 = h1s[best].text
		for _, t := range texts[h1s[best].pos:min(len(texts), h1s[best].pos+dateLineWindow)] {
			if _, ok := datelineOf(t); ok {
				m.dateLine = t
				break
			}
		}
	}
	return m
}

// headlineScore tells how surely an <h1> is the article's headline: 3 when
// microdata says so, 2 when the page's title (or its Open Graph or Twitter
// title) opens with it, 1 when one holds it, 0 otherwise. A one-word <h1> is
// a logo's.
func headlineScore(n *html.Node, text string, titles ...string) int {
	if strings.EqualFold(attr(n, "itemprop"), "headline") {
		return 3
	}
	t := strings.ToLower(strings.TrimRightFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
	if wordUnits(t) < 2 {
		return 0
	}
	score := 0
	for _, title := range titles {
		title = strings.ToLower(collapseSpace(title))
		switch {
		case title == "":
		case strings.HasPrefix(title, t):
			return 2
		case strings.Contains(title, t):
			score = 1
		}
	}
	return score
}

// unwrapScript takes off what pages wrap a script's JSON in so that old
// parsers skip it: <![CDATA[ ... ]]>, in a JavaScript comment or not, and
// <!-- ... -->.
func unwrapScript(s string) string {
	s = strings.TrimSpace(s)
	for _, w := range [][2]string{{"//<![CDATA[", "//]]>"}, {"<![CDATA[", "]]>"}, {"<!--", "-->"}} {
		if strings.HasPrefix(s, w[0]) {
			s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(s, w[0])), w[1]))
			s = strings.TrimSpace(strings.TrimSuffix(s, "//"))
		}
	}
	return s
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
		if m.ldAnyPublished == "" {
			m.ldAnyPublished, _ = scalarString(v["datePublished"])
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

// titleSeparators divide a page's <title> into the headline and the site's
// name: "Headline | Site", "Headline - Site", "Headline_Section_Site",
// "Site: Headline", "Headline [Site]".
var titleSeparators = []string{" | ", " – ", " — ", " - ", " · ", " :: ", " » ", "_", " // "}

var leadingSeparators = sync.OnceValue(func() map[string]bool {
	return map[string]bool{": ": true, " | ": true, " :: ": true, " » ": true}
})

// deepText is all the text under n.
func deepText(n *html.Node) string {
	var b strings.Builder
	appendText(&b, n)
	return b.String()
}

// siteFromTitle is the site's name as the page's <title> gives it beside the
// headline, when no tag names the site: the part of the title that is not
// the headline, at the end or the start, short as names are. The headline is
// known from the metadata or the page's <h1>; with neither apart from the
// title itself nothing is told, since "Analysis - Why the talks failed" has no
// site in it. "" when the title holds no such part.
func siteFromTitle(title string, headlines ...string) string {
	title = collapseSpace(title)
	var hs []string
	for _, h := range headlines {
		if h = collapseSpace(h); h != "" && !sameText(h, title) {
			hs = append(hs, strings.ToLower(h))
		}
	}
	if title == "" || len(hs) == 0 {
		return ""
	}
	if strings.HasSuffix(title, "]") {
		if i := strings.LastIndex(title, " ["); i > 0 {
			if s := checkSite(title[i+2:len(title)-1], title[:i], hs); s != "" {
				return s
			}
		}
	}
	for _, sep := range append(titleSeparators, ": ") {
		if i := strings.LastIndex(title, sep); i > 0 {
			if s := checkSite(title[i+len(sep):], title[:i], hs); s != "" {
				return s
			}
		}
		// A site's name before the headline is set off by a colon or a bar
		// ("Daring Fireball: Colophon"); before a dash it is a label.
		if !leadingSeparators()[sep] {
			continue
		}
		if i := strings.Index(title, sep); i > 0 {
			if s := checkSite(title[:i], title[i+len(sep):], hs); s != "" {
				return s
			}
		}
	}
	return ""
}

// checkSite returns name when rest is one of the headlines hs (in lower
// case), perhaps with a section's name after it ("Headline_Section_Site"),
// and name is short enough to be a site's.
func checkSite(name, rest string, hs []string) string {
	name, rest = strings.TrimSpace(name), strings.ToLower(strings.TrimSpace(rest))
	if name == "" || wordUnits(name) > maxSiteNameWords {
		return ""
	}
	for _, h := range hs {
		if rest == h {
			return name
		}
		for _, sep := range titleSeparators {
			if strings.HasPrefix(rest, h) && strings.HasPrefix(strings.TrimLeft(rest[len(h):], " "), strings.TrimSpace(sep)) {
				return name
			}
		}
	}
	return ""
}

// trimSite takes the site's name off the end or the start of a headline that
// a page's title gave: "How to Build a Terrarium | eHow" is "How to Build a
// Terrarium" when the site is eHow.
func trimSite(headline, site string) string {
	if site == "" {
		return headline
	}
	for _, sep := range titleSeparators {
		if t, ok := strings.CutSuffix(headline, sep+site); ok && strings.TrimSpace(t) != "" {
			return strings.TrimSpace(t)
		}
		if t, ok := strings.CutPrefix(headline, site+sep); ok && strings.TrimSpace(t) != "" {
			return strings.TrimSpace(t)
		}
	}
	return headline
}

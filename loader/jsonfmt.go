package loader

import (
	"encoding/json"
	"regexp"
	"strings"
	"sync"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The field names news exports use for each article field, in order of
// preference: NewsAPI, GDELT, the Guardian and NYT APIs, schema.org, and
// scrapers' usual names.
var (
	jsonTextKeys      = []string{"text", "body", "content", "articleBody", "article_body", "full_text", "fulltext", "bodyText", "body_text"}
	jsonSummaryKeys   = []string{"description", "summary", "abstract", "lead_paragraph", "snippet"}
	jsonTitleKeys     = []string{"title", "headline", "webTitle", "name"}
	jsonURLKeys       = []string{"url", "link", "webUrl", "web_url", "canonical_url", "canonicalUrl"}
	jsonSourceKeys    = []string{"source", "outlet", "site_name", "siteName", "publisher", "source_name", "sourceName", "site", "domain"}
	jsonPublishedKeys = []string{"published", "publishedAt", "published_at", "date", "datePublished", "pubDate", "pub_date", "webPublicationDate", "publication_date", "created_at", "seendate"}
	jsonAuthorKeys    = []string{"author", "byline", "authors", "creator", "writer"}
	// Wrappers that hold a list of articles: {"articles": [...]}.
	jsonListKeys = []string{"articles", "data", "results", "items", "stories", "docs", "response", "hits"}
)

// parseJSON reads one article object, an array of them, or an API response
// that wraps an array.
func parseJSON(raw string) ([]*draft, error) {
	var v any
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil, errorf("invalid JSON: %v", err)
	}
	var out []*draft
	collectJSON(v, &out, 0)
	if len(out) == 0 {
		return nil, errorf("%w: JSON holds no article (no field %s)", ErrUnsupported, strings.Join(jsonTextKeys[:3], ", "))
	}
	return out, nil
}

func collectJSON(v any, out *[]*draft, depth int) {
	if depth > 4 {
		return
	}
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			collectJSON(x, out, depth+1)
		}
	case map[string]any:
		if d := jsonArticle(v); d != nil {
			*out = append(*out, d)
			return
		}
		for _, k := range jsonListKeys {
			if x, ok := v[k]; ok {
				collectJSON(x, out, depth+1)
			}
		}
	}
}

// jsonArticle reads one object as an article, or returns nil when it has no
// text. A nested "fields" object (the Guardian's API) is read as part of it.
func jsonArticle(m map[string]any) *draft {
	if f, ok := m["fields"].(map[string]any); ok {
		merged := make(map[string]any, len(m)+len(f))
		for k, v := range m {
			merged[k] = v
		}
		for k, v := range f {
			if _, exists := merged[k]; !exists {
				merged[k] = v
			}
		}
		m = merged
	}
	body := pick(m, jsonTextKeys)
	if body == "" {
		body = pick(m, jsonSummaryKeys)
	}
	if body == "" {
		return nil
	}
	d := &draft{format: FormatJSON}
	d.title = pick(m, jsonTitleKeys)
	d.url = pick(m, jsonURLKeys)
	d.source = pick(m, jsonSourceKeys)
	d.author = pick(m, jsonAuthorKeys)
	if dl, ok := ParseDate(pick(m, jsonPublishedKeys)); ok {
		d.published = dl
	}
	if looksLikeHTML(body) {
		if nodes, err := html.ParseFragment(strings.NewReader(body), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}); err == nil {
			root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
			for _, n := range nodes {
				root.AppendChild(n)
			}
			d.htmlBlocks(root)
			return d
		}
	}
	paras := splitParagraphs(body)
	if len(paras) == 1 && strings.Contains(paras[0], "\n") {
		// An export that keeps one paragraph a line.
		paras = strings.Split(paras[0], "\n")
	}
	for _, p := range paras {
		d.blocks = append(d.blocks, block{role: roleText, text: p})
	}
	return d
}

func pick(m map[string]any, keys []string) string {
	for _, k := range keys {
		if s, ok := scalarString(m[k]); ok && strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// htmlTagRe is a block element's tag or a line break: a JSON field holding
// one holds HTML, not plain text.
var htmlTagRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)</?(p|br|div|li|ul|ol|h[1-6]|table|tr|pre|blockquote|figure|section|article)[\s>/]`)
})

func looksLikeHTML(s string) bool {
	return htmlTagRe().MatchString(s)
}

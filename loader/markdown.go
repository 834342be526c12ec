package loader

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"
)

// markdown is the Markdown parser, made when first needed.
var markdown = sync.OnceValue(func() goldmark.Markdown { return goldmark.New() })

// parseMarkdown reads a Markdown article with optional YAML front matter. The
// shown text is the Markdown's text without its markup: link and emphasis
// text kept, images reduced to their alt text (a caption), raw HTML to its text.
func parseMarkdown(s string) (*draft, error) {
	d := &draft{format: FormatMarkdown}
	body, front, err := splitFrontMatter(s)
	if err != nil {
		return nil, err
	}
	for k, v := range front {
		if str, ok := scalarString(v); ok {
			d.setMeta(k, str)
		}
	}
	src := []byte(body)
	doc := markdown().Parser().Parse(text.NewReader(src))
	w := mdWalker{d: d, src: src}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		w.block(n, roleParagraph)
	}
	return d, nil
}

// mdWalker turns a Markdown tree into blocks. A heading such as "Related"
// opens a furniture section up to the next heading of its level or above.
type mdWalker struct {
	d         *draft
	src       []byte
	furnLevel int
}

func (w *mdWalker) add(b block) {
	if b.role == roleHeading {
		switch {
		case isFurnitureHeading(b.text):
			w.furnLevel = b.level
		case w.furnLevel > 0 && b.level <= w.furnLevel:
			w.furnLevel = 0
		}
	}
	b.furniture = w.furnLevel > 0
	w.d.blocks = append(w.d.blocks, b)
}

// block adds the paragraphs of one block node, descending into lists and
// block quotes; r is the role its paragraphs take (a list's are items).
func (w *mdWalker) block(n ast.Node, r role) {
	src := w.src
	switch n := n.(type) {
	case *ast.Heading:
		w.add(block{role: roleHeading, level: n.Level, text: inlineText(n, src)})
	case *ast.Paragraph, *ast.TextBlock:
		b := block{role: r, text: inlineText(n, src)}
		switch {
		case onlyImages(n, src):
			b.role = roleCaption
		case r == roleParagraph && onlyEmphasis(n):
			b.role, b.level = roleHeading, boldLevel
		}
		w.add(b)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		w.add(block{role: roleCode, text: linesText(n, src)})
	case *ast.HTMLBlock:
		w.add(block{role: r, text: htmlText(linesText(n, src))})
	case *ast.ThematicBreak:
	case *ast.ListItem:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			w.block(c, roleItem)
		}
	default:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			w.block(c, r)
		}
	}
}

// onlyEmphasis reports a paragraph that is one strong emphasis ("**Casualties**"):
// a heading written as a bold line.
func onlyEmphasis(n ast.Node) bool {
	c := n.FirstChild()
	if c == nil || c.NextSibling() != nil {
		return false
	}
	e, ok := c.(*ast.Emphasis)
	return ok && e.Level == 2
}

// inlineText joins the text of a block's inline children.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Value(src))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.RawHTML:
				var raw bytes.Buffer
				for i := 0; i < c.Segments.Len(); i++ {
					seg := c.Segments.At(i)
					raw.Write(seg.Value(src))
				}
				b.WriteString(htmlText(raw.String()))
			case *ast.AutoLink:
				b.Write(c.Label(src))
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

func linesText(n ast.Node, src []byte) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

// onlyImages reports whether a paragraph holds nothing but images: a figure,
// whose alt text is its caption.
func onlyImages(n ast.Node, src []byte) bool {
	found := false
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Image:
			found = true
		case *ast.Text:
			if len(bytes.TrimSpace(c.Value(src))) > 0 && !c.SoftLineBreak() {
				return false
			}
		default:
			return false
		}
	}
	return found
}

// htmlText returns the text of an HTML fragment, tags dropped, entities decoded.
func htmlText(fragment string) string {
	z := html.NewTokenizer(strings.NewReader(fragment))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			if string(name) == "script" || string(name) == "style" {
				skip++
			}
			b.WriteByte(' ')
		case html.EndTagToken:
			name, _ := z.TagName()
			if (string(name) == "script" || string(name) == "style") && skip > 0 {
				skip--
			}
			b.WriteByte(' ')
		}
	}
}

// splitFrontMatter separates YAML front matter ("---" lines) from the body.
func splitFrontMatter(s string) (string, map[string]any, error) {
	if !strings.HasPrefix(s, "---\n") {
		return s, nil, nil
	}
	rest := s[4:]
	end := strings.Index(rest, "\n---\n")
	if end < 0 {
		if strings.HasSuffix(rest, "\n---") {
			end = len(rest) - 4
		} else {
			return s, nil, nil
		}
	}
	var front map[string]any
	if err := yaml.Unmarshal([]byte(rest[:end]), &front); err != nil {
		return "", nil, errorf("front matter is not valid YAML: %v", firstLine(err.Error()))
	}
	body := ""
	if end+5 <= len(rest) {
		body = rest[end+5:]
	}
	return body, front, nil
}

// scalarString renders a YAML or JSON scalar as text: dates come as
// time.Time from YAML, numbers as numbers.
func scalarString(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case time.Time:
		if v.Equal(time.Date(v.Year(), v.Month(), v.Day(), 0, 0, 0, 0, time.UTC)) {
			return v.Format("2006-01-02"), true // YAML reads a bare date as midnight UTC
		}
		return v.Format(time.RFC3339), true
	case int, int64, float64, bool, fmt.Stringer:
		return fmt.Sprint(v), true
	case []any:
		var parts []string
		for _, x := range v {
			if s, ok := scalarString(x); ok {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", "), len(parts) > 0
	case map[string]any:
		if name, ok := v["name"].(string); ok {
			return name, true
		}
	}
	return "", false
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

package loader

import (
	"bytes"
	"context"
	"fmt"
	"strings"
)

// Parse reads the bytes of one input into articles: one, or several for a
// JSON array. name is the file name or URL path (its extension helps tell the
// format); contentType is a URL response's Content-Type, or "". pageURL, when
// known, is where the input came from.
func Parse(name string, data []byte, contentType, pageURL string) ([]*Article, error) {
	return parse(context.Background(), name, data, contentType, pageURL)
}

// parse is Parse that stops, with ctx's cause, when ctx is done.
func parse(ctx context.Context, name string, data []byte, contentType, pageURL string) ([]*Article, error) {
	data, _ = decodeBOM(data)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%w: the file holds no text", ErrEmpty)
	}
	format, err := detect(name, contentType, data)
	if err != nil {
		return nil, err
	}
	var drafts []*draft
	switch format {
	case FormatHTML:
		d, err := parseHTML(data, contentType, pageURL)
		if err != nil {
			return nil, err
		}
		drafts = []*draft{d}
	default:
		text, invalid := ValidUTF8(decodeDeclared(data, contentType))
		text = normalizeNewlines(text)
		switch format {
		case FormatJSON:
			drafts, err = parseJSON(text)
		case FormatMarkdown:
			var d *draft
			d, err = parseMarkdown(text)
			drafts = []*draft{d}
		default:
			drafts = []*draft{parseText(text)}
		}
		if err != nil {
			return nil, err
		}
		for _, d := range drafts {
			d.invalid += invalid
		}
	}
	var out []*Article
	for i, d := range drafts {
		if d.url == "" {
			d.url = pageURL
		}
		a := d.finish(ctx)
		if ctx.Err() != nil {
			return nil, context.Cause(ctx)
		}
		if err := checkBody(a); err != nil {
			if len(drafts) > 1 {
				return nil, fmt.Errorf("article %d of %d: %w", i+1, len(drafts), err)
			}
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// checkBody refuses an article with no text at all.
func checkBody(a *Article) error {
	if len(a.Paragraphs) == 0 {
		return fmt.Errorf("%w: no text found", ErrEmpty)
	}
	return nil
}

// kindsOnly names the kinds of an article that has no body text, for a
// warning: "title, subheading".
func kindsOnly(a *Article) string {
	var kinds []string
	seen := map[Kind]bool{}
	for _, p := range a.Paragraphs {
		if p.Kind == KindBody {
			return ""
		}
		if !seen[p.Kind] {
			seen[p.Kind] = true
			kinds = append(kinds, string(p.Kind))
		}
	}
	return strings.Join(kinds, ", ")
}

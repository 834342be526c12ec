// Package loader reads news articles in the formats newsrooms save them in
// (plain text, Markdown, HTML pages, JSON exports; from files, folders, stdin
// and URLs) and turns each into clean, classified paragraphs split into
// sentences, with the article's metadata.
//
// Every string that leaves this package has been sanitised: it is valid UTF-8
// in NFC, without control characters or terminal escape sequences, so the
// layers above can show it without further checks. That holds for an
// article's ID, Source, Title, Author, URL and text, for every warning and
// for every error's message (InputError sanitises the input's name and the
// problem, an HTTP status line included).
//
// One field is kept as the user gave it: Article.Path, so that the file can
// be opened again (a name may hold any byte a file system allows, escapes and
// newlines too). Show Article.ShownPath, never Path; SanitizeLine does the
// same for any other string from outside.
package loader

import "time"

// Kind says what the loader took a paragraph for. Only body paragraphs are
// news text; the other kinds are kept so the interface can show them dimmed
// and the engine can skip them.
type Kind string

// The paragraph kinds.
const (
	KindBody        Kind = "body"
	KindTitle       Kind = "title"
	KindSubheading  Kind = "subheading"
	KindCaption     Kind = "caption"
	KindBoilerplate Kind = "boilerplate"
)

// Format names an input format.
type Format string

// The supported input formats.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
	FormatJSON     Format = "json"
)

// Sentence is a byte span [Start, End) of its paragraph's Text.
type Sentence struct {
	Start int
	End   int
}

// Paragraph is one block of an article's text.
type Paragraph struct {
	Index     int // position in the article, from 0
	Kind      Kind
	Text      string
	Sentences []Sentence
}

// Dateline is when an article was published, with how much of it is known.
type Dateline struct {
	Time    time.Time // zero when unknown
	HasTime bool      // the time of day is known, not only the date
	HasZone bool      // the offset from UTC is known
}

// IsZero reports whether the publication date is unknown.
func (d Dateline) IsZero() bool { return d.Time.IsZero() }

// String gives the date as 2006-01-02 when only the date is known, with the
// time and offset (RFC 3339) when they are, and "" when nothing is.
func (d Dateline) String() string {
	switch {
	case d.Time.IsZero():
		return ""
	case !d.HasTime:
		return d.Time.Format("2006-01-02")
	case !d.HasZone:
		return d.Time.Format("2006-01-02T15:04:05")
	default:
		return d.Time.Format(time.RFC3339)
	}
}

// Article is one loaded article.
type Article struct {
	ID        string // unique among the loaded articles: file name without extension, URL slug, or "stdin"
	Path      string // the input as given: a file path, a URL, or "-"; unsanitised, to open it again: show ShownPath
	Format    Format
	Source    string // the outlet's name: from metadata, the page's site name or title, the URL's host; "" when unknown
	Title     string
	Author    string
	URL       string
	Published Dateline

	Paragraphs []Paragraph

	// What sanitising changed, so that a reviewer can be told.
	ControlsRemoved int // control characters and escape sequences dropped
	InvalidUTF8     int // invalid byte sequences replaced by U+FFFD

	// Truncated is set when the source says the text is cut short: a news
	// API's "[+1200 chars]" closed it (the marker is removed).
	Truncated bool

	// MarkupCut is set when the HTML nested deeper than the loader reads
	// (128 elements) or held more elements than it reads (250,000): the
	// tags past that were dropped and their text kept.
	MarkupCut bool
}

// ShownPath is Path made safe to show: sanitised, on one line. Take it for
// every place a person sees the path (the terminal, a report, an export).
func (a *Article) ShownPath() string { return SanitizeLine(a.Path) }

// Body returns the paragraphs of kind body, the article's news text.
func (a *Article) Body() []Paragraph {
	var out []Paragraph
	for _, p := range a.Paragraphs {
		if p.Kind == KindBody {
			out = append(out, p)
		}
	}
	return out
}

// SentenceText returns the text of sentence s of paragraph p.
func (p Paragraph) SentenceText(i int) string {
	s := p.Sentences[i]
	return p.Text[s.Start:s.End]
}

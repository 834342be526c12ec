package export

import (
	"bytes"
	"encoding/json"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/compare"
	"github.com/parallax-news/parallax/loader"
	"github.com/parallax-news/parallax/review"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"
)

// hostile is what an attacker puts in every string parallax shows: a
// clipboard write (OSC 52), a screen clear, an 8-bit CSI, a bidi override,
// NUL and BEL, a line break starting a heading, raw HTML, Markdown links
// and images, a code span's backtick, and bare URLs and an e-mail address.
const hostile = "x\x1b]52;c;cHduZWQ=\x07\x1b[2J\u009b31m\u202eevil\u2066\x00\x07\n# Injected heading\n<img src=x onerror=alert(1)> " +
	"[link](javascript:alert(1)) ![img](https://evil.example/p.png) `code` <https://evil.example/auto> " +
	"https://evil.example/bare www.evil.example mail@evil.example $x$ ~~s~~ | cell |"

// hostileHandDoc is a hand-built comparison with the hostile string in
// every field that comes from outside, and URLs that must never be links.
func hostileHandDoc(t testing.TB) Doc {
	t.Helper()
	body := "Seven people were killed " + hostile + " in the blast."
	a := handArticle("a"+hostile, "Wire"+hostile, "Title"+hostile, "By"+hostile, loader.Dateline{}, "javascript:alert(document.cookie)", body)
	a.Path = "/news/" + hostile + ".txt"
	b := handArticle("b", "Courier", "", "", loader.Dateline{}, "data:text/html,<script>alert(1)</script>",
		"Twelve people were killed in the blast "+hostile)
	c := handArticle("c", "", "", "", loader.Dateline{}, "https://ok.example/story?a=1&b=2", hostile)
	arts := []*loader.Article{a, b, c}
	d1 := compare.Discrepancy{ID: "d1" + hostile, Kind: compare.Kind("number" + hostile), Topic: "t1" + hostile, Severity: compare.Severity("high" + hostile),
		Summary: "summary " + hostile, Why: "why " + hostile,
		Claims: []compare.Claim{handClaim(a, 0, "Seven people were killed "+hostile, "value "+hostile), handClaim(b, 0, "Twelve people were killed", "12 "+hostile)},
		Diff:   []compare.DiffOp{{Op: compare.OpDelete, Text: hostile}, {Op: compare.OpInsert, Text: "ins " + hostile}}}
	r := &compare.Result{Sources: []string{a.ID, b.ID, c.ID},
		Topics:        []compare.Topic{{ID: "t1" + hostile, Label: "label " + hostile, Members: []compare.Ref{{Source: a.ID}, {Source: b.ID}, {Source: c.ID}}}},
		Discrepancies: []compare.Discrepancy{d1},
		Unique:        []compare.Unique{{Span: handClaim(c, 0, hostile, "").Span, Text: hostile, Value: "unique " + hostile}},
		Reconciled:    []compare.Reconciled{{Claims: []compare.Claim{handClaim(a, 0, "in the blast", hostile)}, Reason: "reason " + hostile}},
		Facts: []compare.Fact{{ID: "f1" + hostile, Kind: compare.FactQuantity, Span: handClaim(a, 0, "Seven people were killed", "").Span, Text: "Seven people were killed", Value: "7 " + hostile},
			{ID: "f2", Kind: compare.FactQuantity, Span: handClaim(b, 0, "Twelve people", "").Span, Text: "Twelve people", Value: "12 killed"}},
		Table: []compare.Row{{Key: "killed|" + hostile, Label: "killed " + hostile, Cells: []compare.Cell{{Source: a.ID, Value: "7 " + hostile, Facts: []string{"f1" + hostile}},
			{Source: b.ID, Value: "12 killed", Facts: []string{"f2"}}}, Disagree: true}},
		Excluded: []string{"gone" + hostile},
	}
	store, err := review.OpenFile(filepath.Join(t.TempDir(), "r.json"), review.SourcesOf(arts))
	if err != nil {
		t.Fatal(err)
	}
	store.Attach(r)
	if err := store.SetVerdict(d1, review.Verdict{Status: review.Confirmed, Right: b.ID, Note: "note " + hostile, Evidence: "https://evidence.example/doc"}, time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	gone := compare.Discrepancy{ID: "d9", Kind: "quote", Summary: "orphan " + hostile, Claims: []compare.Claim{handClaim(c, 0, hostile, "")}}
	store.Set(gone, review.Dismissed, "orphan note "+hostile, time.Unix(0, 0))
	// A finding of the reviewer's on the hostile words, one whose words
	// are gone, and a topic fix saying hostile things.
	if _, err := store.AddFinding(compare.KindQuote, []compare.Span{handClaim(a, 0, hostile, "").Span, handClaim(c, 0, hostile, "").Span}, "own note "+hostile, arts, time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	lost := handArticle("c", "", "", "", loader.Dateline{}, "", "the words once here "+hostile)
	if _, err := store.AddFinding(compare.KindNumber, []compare.Span{handClaim(a, 0, "Seven", "").Span, handClaim(lost, 0, "the words once here", "").Span}, "lost "+hostile,
		[]*loader.Article{a, lost}, time.Unix(1, 0)); err != nil {
		t.Fatal(err)
	}
	if _, err := store.AddFix(review.FixMerge, "says "+hostile, []compare.Pin{{Kind: compare.PinTogether, A: compare.Ref{Source: a.ID}, B: compare.Ref{Source: c.ID}}}, arts, time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	return Doc{Generator: "parallax " + hostile, Articles: arts, Result: r, Review: store}
}

// unsafeRune says whether a rune must never reach a person's screen: a C0
// or C1 control but tab and newline, DEL, or a bidi override or isolate.
func unsafeRune(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// firstUnsafe finds the first unsafe character or invalid byte of s (the
// replacement character U+FFFD itself is safe: it is how invalid bytes
// are shown).
func firstUnsafe(s string) (int, bool) {
	for i, r := range s {
		if unsafeRune(r) {
			return i, true
		}
		if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") {
			return i, true
		}
	}
	return 0, false
}

// The report: nothing that acts on a terminal, not even the escape
// sequences' introducers.
func TestReportHostile(t *testing.T) {
	var b bytes.Buffer
	if err := Report(&b, hostileHandDoc(t), ReportOptions{}); err != nil {
		t.Fatal(err)
	}
	checkReportBytes(t, b.String())
	if !strings.Contains(b.String(), "note xevil # Injected heading <img src=x") {
		t.Error("the note's printable text is not shown as text")
	}
}

func checkReportBytes(t *testing.T, out string) {
	t.Helper()
	if i, bad := firstUnsafe(out); bad {
		t.Fatalf("report holds an unsafe character at %d: %q", i, out[max(0, i-20):min(len(out), i+20)])
	}
}

// A line break in an outside string (a file name, an outlet, a note) does
// not break the report's or the Markdown's lines: the hostile text after
// its line break stays on the line of the text before it, and every row of
// a Markdown table is whole (a row cut in two ends the table, and the rest
// of the name becomes a paragraph of its own).
func TestHostileLineBreaksStayInLine(t *testing.T) {
	d := hostileHandDoc(t)
	var rep, md bytes.Buffer
	if err := Report(&rep, d, ReportOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := Markdown(&md, d); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, out, joined string }{
		{"report", rep.String(), "evil # Injected heading"},
		{"Markdown", md.String(), `evil \# Injected heading`},
	} {
		n, whole := strings.Count(c.out, "Injected heading"), strings.Count(c.out, c.joined)
		if n == 0 || n != whole {
			t.Errorf("%s: %d of %d hostile strings broken across lines", c.name, n-whole, n)
		}
	}
	inTable := false
	for i, l := range strings.Split(md.String(), "\n") {
		switch {
		case strings.HasPrefix(l, "|---"):
			inTable = true
		case l == "":
			inTable = false
		case inTable && (!strings.HasPrefix(l, "|") || !strings.HasSuffix(l, "|")):
			t.Errorf("Markdown line %d breaks its table: %q", i+1, l)
		}
	}
}

// JSON: valid, and no string in it holds a control character.
func TestJSONHostile(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, hostileHandDoc(t)); err != nil {
		t.Fatal(err)
	}
	checkJSON(t, b.Bytes())
}

func checkJSON(t *testing.T, data []byte) {
	t.Helper()
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			if i, bad := firstUnsafe(x); bad {
				t.Errorf("JSON string with an unsafe character at %d: %q", i, x)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(doc)
	// Claims still point at their words.
	var d jsonDoc
	json.Unmarshal(data, &d)
	paras := map[string][]jsonParagraph{}
	for _, s := range d.Sources {
		paras[s.ID] = s.Paragraphs
	}
	// Claims whose span fits their paragraph (the engine's always do; a
	// hand-built Doc's may not) hold exactly its text between the offsets.
	for _, disc := range d.Discrepancies {
		for _, c := range disc.Claims {
			ps := paras[c.Source]
			if c.Paragraph < 0 || c.Paragraph >= len(ps) {
				continue
			}
			if want, ok := slice(ps[c.Paragraph].Text, c.Start, c.End); ok && want != c.Text {
				t.Errorf("%s: claim %q is not its paragraph's text between its offsets (%q)", disc.ID, c.Text, want)
			}
		}
	}
}

// Markdown, rendered by goldmark with GitHub's extensions and raw HTML
// allowed: the only tags are the ones parallax writes, the only links its
// own anchors and the URLs it checked, the only headings its own.
func TestMarkdownHostile(t *testing.T) {
	var b bytes.Buffer
	if err := Markdown(&b, hostileHandDoc(t)); err != nil {
		t.Fatal(err)
	}
	if i, bad := firstUnsafe(b.String()); bad {
		t.Fatalf("Markdown holds an unsafe character at %d", i)
	}
	checkMarkdownHTML(t, renderMarkdown(t, b.Bytes()), []string{"https://evidence.example/doc", "https://ok.example/story?a=1&b=2"})
}

func renderMarkdown(t testing.TB, md []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	if err := gm.Convert(md, &out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// markdownTags are the elements parallax's Markdown renders to (goldmark
// puts the footnotes in a div).
var markdownTags = []string{"html", "head", "body", "h1", "h2", "h3", "p", "a", "strong", "em", "del", "blockquote", "table", "thead", "tbody",
	"tr", "th", "td", "ul", "ol", "li", "div", "sup", "hr", "br"}

// markdownHeadings are the only second-level headings parallax writes.
var markdownHeadings = []string{"Sources", "Timeline", "Summary", "Fact table", "Discrepancies by topic", "Reported by one source only", "Reviewer's notes",
	"Topic fixes by the reviewer", "Findings of the reviewer not in this comparison", "Verdicts that match no finding", "Reconciled: differences that are not discrepancies"}

func checkMarkdownHTML(t *testing.T, page []byte, links []string) {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var h1 int
	walkHTML(root, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if !slices.Contains(markdownTags, n.Data) {
			t.Errorf("Markdown renders a <%s> element", n.Data)
		}
		switch n.Data {
		case "h1":
			h1++
		case "h2":
			if txt := textOf(n); !slices.Contains(markdownHeadings, txt) {
				t.Errorf("a heading parallax did not write: %q", txt)
			}
		}
		for _, a := range n.Attr {
			switch {
			case a.Key == "href":
				if !strings.HasPrefix(a.Val, "#") && !slices.ContainsFunc(links, func(l string) bool { return sameURL(l, a.Val) }) {
					t.Errorf("a link parallax did not make: %q", a.Val)
				}
			case a.Key == "id" || a.Key == "class" || a.Key == "role" || a.Key == "align" || strings.HasPrefix(a.Key, "aria-"):
			default:
				t.Errorf("<%s> has attribute %s=%q", n.Data, a.Key, a.Val)
			}
		}
	})
	if h1 != 1 {
		t.Errorf("%d first-level headings", h1)
	}
}

// HTML: parsed as a browser would, no element or attribute but the
// template's, no link but its anchors and the URLs it checked, no text
// with a control character.
func TestHTMLHostile(t *testing.T) {
	var b bytes.Buffer
	if err := HTML(&b, hostileHandDoc(t)); err != nil {
		t.Fatal(err)
	}
	checkHTML(t, b.Bytes(), []string{"https://evidence.example/doc", "https://ok.example/story?a=1&b=2"})
}

// htmlTags are the elements the template writes.
var htmlTags = []string{"html", "head", "meta", "title", "style", "body", "div", "nav", "strong", "span", "ol", "ul", "li", "a", "main", "h1", "h2",
	"h3", "h4", "p", "table", "tbody", "tr", "th", "td", "section", "mark", "del", "ins"}

func checkHTML(t *testing.T, page []byte, links []string) {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	styles := 0
	walkHTML(root, func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			if i, bad := firstUnsafe(n.Data); bad {
				t.Errorf("text with an unsafe character at %d: %q", i, n.Data)
			}
		case html.ElementNode:
			if !slices.Contains(htmlTags, n.Data) {
				t.Errorf("the page holds a <%s> element", n.Data)
			}
			if n.Data == "style" {
				styles++
			}
			for _, a := range n.Attr {
				if i, bad := firstUnsafe(a.Val); bad {
					t.Errorf("attribute %s with an unsafe character at %d", a.Key, i)
				}
				switch a.Key {
				case "href":
					if !strings.HasPrefix(a.Val, "#") && !slices.ContainsFunc(links, func(l string) bool { return sameURL(l, a.Val) }) {
						t.Errorf("a link the page should not have: %q", a.Val)
					}
				case "id", "class", "title", "lang", "charset", "name", "content", "http-equiv", "rel", "aria-label":
				default:
					t.Errorf("<%s> has attribute %s=%q", n.Data, a.Key, a.Val)
				}
			}
		}
	})
	if styles != 1 {
		t.Errorf("%d style elements, want the template's one", styles)
	}
}

// sameURL compares two URLs as html/template and goldmark write them:
// they percent-encode some characters ("(" as %28, non-ASCII) in an href.
func sameURL(a, b string) bool {
	ua, erra := url.PathUnescape(a)
	ub, errb := url.PathUnescape(b)
	return a == b || erra == nil && errb == nil && ua == ub
}

func walkHTML(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkHTML(c, f)
	}
}

func textOf(n *html.Node) string {
	var b strings.Builder
	walkHTML(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	})
	return strings.TrimSpace(b.String())
}
